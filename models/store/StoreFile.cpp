#include "StoreFile.h"

#include "CheckpointFiles.h"
#include "Schema.h"
#include "SqliteEvidenceStore.h"
#include "pg/Pg.h"

#include "core/FileUtil.h"
#include "core/Startup.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <mutex>

namespace ops::store {

namespace {

// One row of one column from a statement, finalised before returning: a stepped statement left
// alive holds its read snapshot.
Result<qint64> intPragma(Database &d, const char *sql) {
    auto st = Statement::prepare(d, sql);
    if (!st.ok())
        return st.error();
    if (auto row = st->step(); !row.ok())
        return row.error();
    return st->int64(0);
}

} // namespace

Result<OpenedFile> openStoreFile(const QString &path, const StoreOpenOptions &options) {
    // Never a file named after a team log's URL.
    if (Startup::isTeamLogUrl(path))
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("this is the team log (a PostgreSQL database), not a local store file; "
                           "the desktop console and most verbs read only local stores in this "
                           "version"),
            pg::redactedUrl(path));
    const bool exists = QFileInfo::exists(path);
    if (!exists) {
        if (!options.create || options.readOnly)
            return makeError(ErrorCode::Store,
                             QStringLiteral("no evidence store here; create one with `opsconsole-cli init`"),
                             path);
        if (auto r = FileUtil::createNewPrivate(path); !r.ok())
            return r.error();
    } else if (!options.readOnly && (FileUtil::permissions(path) & 077)) {
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto opened = Database::open(path, options.create, options.readOnly);
    if (!opened.ok())
        return opened.error();
    OpenedFile out{std::move(opened).value(), !exists};
    Database &d = out.db;
    // The header is read by SQLite, not by a file of our own (see Database::isDatabase).
    if (exists) {
        auto isDb = d.isDatabase();
        if (!isDb.ok())
            return isDb.error();
        if (!isDb.value())
            return makeError(ErrorCode::Store,
                             QStringLiteral("not an opsconsole evidence store (not a SQLite file)"), path);
    }
    const std::string pragmas = "PRAGMA busy_timeout=" + std::to_string(options.busyTimeoutMs) +
                                "; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-8192;";
    if (auto r = d.exec(pragmas); !r.ok())
        return r.error();
    if (!exists)
        (void)d.exec("PRAGMA page_size=8192"); // before the first table: fewer, fuller B-tree pages
    if (!options.readOnly)
        if (auto r = d.exec("PRAGMA journal_mode=WAL"); !r.ok())
            return r.error();

    auto app = intPragma(d, "PRAGMA application_id");
    if (!app.ok())
        return app.error();
    if (auto version = schemaVersion(d); !version.ok())
        return version.error();
    if (app.value() != kApplicationId) {
        auto tables = intPragma(d, "SELECT COUNT(*) FROM sqlite_master");
        if (!tables.ok())
            return tables.error();
        if (tables.value() != 0 || app.value() != 0)
            return makeError(ErrorCode::Store,
                             QStringLiteral("not an opsconsole evidence store (foreign SQLite database)"),
                             path);
    }
    // The schema table is checked now; the whole file by a BackgroundQuickCheck.
    auto check = Statement::prepare(d, "PRAGMA quick_check(sqlite_master)");
    if (!check.ok())
        return check.error();
    if (auto row = check->step(); !row.ok())
        return row.error();
    if (check->text(0) != QLatin1String("ok"))
        return makeError(ErrorCode::Store,
                         QStringLiteral("the store file is corrupt: %1").arg(check->text(0)), path);
    return out;
}

Result<void> backupStoreFile(Database &from, const QString &outPath, const std::optional<Checkpoint> &latest,
                             const Progress &progress) {
    if (QFileInfo::exists(outPath))
        return makeError(ErrorCode::Store, QStringLiteral("refusing to overwrite an existing file"), outPath);
    if (auto r = FileUtil::createNewPrivate(outPath); !r.ok())
        return r;
    auto dest = Database::open(outPath, true);
    if (!dest.ok())
        return dest.error();
    sqlite3_backup *b = sqlite3_backup_init(dest->handle(), "main", from.handle(), "main");
    if (!b)
        return dest->lastError(QStringLiteral("cannot start backup"));
    int rc = SQLITE_OK;
    while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        const int total = sqlite3_backup_pagecount(b);
        if (progress && !progress(static_cast<quint64>(total - sqlite3_backup_remaining(b)),
                                  static_cast<quint64>(total))) {
            sqlite3_backup_finish(b);
            return makeError(ErrorCode::Negative, QStringLiteral("backup cancelled"), outPath);
        }
        if (rc != SQLITE_OK)
            sqlite3_sleep(20);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return dest->lastError(QStringLiteral("backup failed"));
    if (latest)
        if (auto r = FileUtil::writePrivateAtomic(outPath + QStringLiteral(".checkpoint"),
                                                  CheckpointFiles::document(*latest));
            !r.ok())
            return r;
    return {};
}

struct BackgroundQuickCheck::State {
    std::mutex mutex;
    sqlite3 *db = nullptr;
    bool cancelled = false;
};

BackgroundQuickCheck::BackgroundQuickCheck(const QString &path)
    : m_path(path)
    , m_state(std::make_shared<State>()) {
    m_verdict = std::async(std::launch::async, [state = m_state, path]() -> QString {
                    auto checker = Database::open(path, false, true);
                    if (!checker.ok())
                        return checker.error().message;
                    {
                        std::lock_guard lock(state->mutex);
                        if (state->cancelled)
                            return QString();
                        state->db = checker->handle();
                    }
                    (void)checker->exec("PRAGMA busy_timeout=30000");
                    QString result;
                    auto st = Statement::prepare(checker.value(), "PRAGMA quick_check");
                    if (!st.ok())
                        result = st.error().message;
                    else if (auto row = st->step(); !row.ok())
                        result = row.error().message;
                    else if (st->text(0) != QLatin1String("ok"))
                        result = st->text(0);
                    std::lock_guard lock(state->mutex);
                    state->db = nullptr;
                    return state->cancelled ? QString() : result;
                }).share();
}

BackgroundQuickCheck::~BackgroundQuickCheck() {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->cancelled = true;
        if (m_state->db)
            sqlite3_interrupt(m_state->db);
    }
    if (m_verdict.valid())
        m_verdict.wait();
}

Result<void> BackgroundQuickCheck::await() {
    const QString problem = m_verdict.get();
    if (problem.isEmpty())
        return {};
    return makeError(ErrorCode::Store, QStringLiteral("the store file is corrupt: %1").arg(problem), m_path);
}

} // namespace ops::store
