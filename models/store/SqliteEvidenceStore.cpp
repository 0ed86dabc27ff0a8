#include "SqliteEvidenceStore.h"

#include "ActRules.h"
#include "LogVerifier.h"
#include "pg/Pg.h"

#include "core/Roles.h"

#include "EventCodec.h"
#include "EventWriter.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Startup.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ops {

using namespace store;
namespace merkle = crypto::merkle;

namespace {

constexpr const char *kEventColumns = "seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed";

// Reads leaf hashes and kept perfect subtrees straight from the store.
class StoreTreeReader final : public merkle::TreeReader {
public:
    explicit StoreTreeReader(Database &db)
        : m_db(db) {}
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        QList<QByteArray> out;
        auto st =
            Statement::prepare(m_db, "SELECT leaf_hash FROM events WHERE seq > ? AND seq <= ? ORDER BY seq");
        if (!st.ok())
            return out;
        st->bind(1, static_cast<qint64>(begin)).bind(2, static_cast<qint64>(end));
        while (true) {
            auto row = st->step();
            if (!row.ok() || !row.value())
                break;
            out.append(st->blob(0));
        }
        return out;
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (level < kNodeLevelMin)
            return std::nullopt;
        auto st = Statement::prepare(m_db, "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?");
        if (!st.ok())
            return std::nullopt;
        st->bind(1, qint64(level)).bind(2, static_cast<qint64>(index));
        auto row = st->step();
        if (!row.ok() || !row.value())
            return std::nullopt;
        return st->blob(0);
    }

private:
    Database &m_db;
};

Result<quint64> maxSeq(Database &db) {
    auto st = Statement::prepare(db, "SELECT COALESCE(MAX(seq), 0) FROM events");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return static_cast<quint64>(st->int64(0));
}

} // namespace

namespace {

// Serialises sidecar writers between processes: held from before a commit until its sidecar is
// written, so a reader that takes it sees the sidecar and the store agree (or a writer died).
class SidecarLock {
public:
    explicit SidecarLock(const QString &sidecar) {
        const QByteArray name = QFile::encodeName(sidecar + QStringLiteral(".lock"));
        m_fd = ::open(name.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~SidecarLock() {
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
    }
    SidecarLock(const SidecarLock &) = delete;
    SidecarLock &operator=(const SidecarLock &) = delete;

private:
    int m_fd = -1;
};

// A checkpoint as a file: a note is written as the signed note itself (or, with an extra member,
// as {"note": …, <extra>: …}); a legacy JSON checkpoint as {"checkpoint": {…}, "signature": …}.
QByteArray checkpointDocument(const Checkpoint &cp, const QString &extraKey = {},
                              const QString &extraValue = {}) {
    JsonValue doc = JsonValue::object();
    if (cp.isNote()) {
        if (extraKey.isEmpty())
            return QByteArray::fromStdString(cp.noteText());
        doc["note"] = cp.noteText();
    } else {
        auto parsed = CanonicalJson::parse(cp.canonical);
        doc["checkpoint"] = parsed.ok() ? parsed.value() : JsonValue();
        doc["signature"] = cp.signature.toBase64().toStdString();
    }
    if (!extraKey.isEmpty())
        doc[extraKey.toStdString()] = extraValue;
    return QByteArray::fromStdString(CanonicalJson::serialize(doc) + "\n");
}

std::optional<Checkpoint> readCheckpointDocument(const QString &path, QString *extra = nullptr,
                                                 const char *extraKey = nullptr) {
    auto raw = FileUtil::readAll(path, 1 << 20);
    if (!raw.ok())
        return std::nullopt;
    if (!raw->startsWith('{'))
        return Checkpoint::fromNote(raw->toStdString());
    auto parsed = CanonicalJson::parse(raw->trimmed().toStdString());
    if (!parsed.ok())
        return std::nullopt;
    if (extra && extraKey)
        *extra = parsed->stringAt(extraKey);
    if (const JsonValue *note = parsed->find("note"); note && note->isString())
        return Checkpoint::fromNote(note->toStdString());
    const JsonValue *cpObj = parsed->find("checkpoint");
    if (!cpObj)
        return std::nullopt;
    return Checkpoint::fromCanonical(CanonicalJson::serialize(*cpObj),
                                     QByteArray::fromBase64(parsed->stringAt("signature").toLatin1()));
}

} // namespace

StoreOpenOptions deploymentStoreOptions(const DeploymentConfig &config) {
    StoreOpenOptions o;
    o.trust.admins = config.trust.admins;
    o.trust.enrollQuorum = config.trust.enrollQuorum;
    o.trust.witnessQuorum = config.trust.witnessQuorum;
    o.anchorDirectory = Startup::stateDirectory();
    o.origin = config.storeOrigin;
    return o;
}

// The full quick_check runs on its own read-only connection; closing the store interrupts it.
struct SqliteEvidenceStore::QuickCheck {
    std::mutex mutex;
    sqlite3 *db = nullptr;
    bool cancelled = false;
};

SqliteEvidenceStore::~SqliteEvidenceStore() {
    if (m_quickCheckState) {
        {
            std::lock_guard lock(m_quickCheckState->mutex);
            m_quickCheckState->cancelled = true;
            if (m_quickCheckState->db)
                sqlite3_interrupt(m_quickCheckState->db);
        }
        if (m_quickCheck.valid())
            m_quickCheck.wait();
    }
}

Result<void> SqliteEvidenceStore::awaitIntegrity() {
    if (!m_quickCheck.valid())
        return {};
    const QString problem = m_quickCheck.get();
    if (problem.isEmpty())
        return {};
    return makeError(ErrorCode::Store, QStringLiteral("the store file is corrupt: %1").arg(problem), m_path);
}

Result<std::unique_ptr<SqliteEvidenceStore>> SqliteEvidenceStore::open(const QString &path,
                                                                       const StoreOpenOptions &options) {
    // Never a file named after a team log's URL.
    if (Startup::isTeamLogUrl(path))
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("this is the team log (a PostgreSQL database), not a local store file; "
                           "the desktop console and most verbs read only local stores in this "
                           "version"),
            pg::redactedUrl(path));
    std::unique_ptr<SqliteEvidenceStore> s(new SqliteEvidenceStore);
    s->m_path = path;
    s->m_options = options;
    const bool exists = QFileInfo::exists(path);
    s->m_createdNow = !exists;
    if (!exists) {
        if (!options.create || options.readOnly)
            return makeError(ErrorCode::Store,
                             QStringLiteral("no evidence store here; create one with `opsconsole-cli init`"),
                             path);
        if (auto r = FileUtil::createPrivate(path); !r.ok())
            return r.error();
    } else if (!options.readOnly && (FileUtil::permissions(path) & 077)) {
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto db = Database::open(path, options.create, options.readOnly);
    if (!db.ok())
        return db.error();
    s->m_db = std::move(db).value();
    Database &d = s->m_db;
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

    // Every statement here is finalised before the next step: a stepped statement left alive holds
    // its read snapshot, and the sidecar check below must see the store as it is now.
    qint64 app = 0;
    {
        auto appId = Statement::prepare(d, "PRAGMA application_id");
        if (!appId.ok())
            return appId.error();
        if (auto row = appId->step(); !row.ok())
            return row.error();
        app = appId->int64(0);
    }
    if (auto version = schemaVersion(d); !version.ok())
        return version.error();
    if (app != kApplicationId) {
        auto tables = Statement::prepare(d, "SELECT COUNT(*) FROM sqlite_master");
        if (!tables.ok())
            return tables.error();
        if (auto row = tables->step(); !row.ok())
            return row.error();
        if (tables->int64(0) != 0 || app != 0)
            return makeError(ErrorCode::Store,
                             QStringLiteral("not an opsconsole evidence store (foreign SQLite database)"),
                             path);
    }

    // Small control tables are checked now; the whole file is checked in the background and
    // every write waits for that verdict, so nothing is written to a corrupt store.
    for (const char *table : {"sqlite_master"}) {
        auto check = Statement::prepare(d, std::string("PRAGMA quick_check(") + table + ")");
        if (!check.ok())
            return check.error();
        if (auto row = check->step(); !row.ok())
            return row.error();
        if (check->text(0) != QLatin1String("ok"))
            return makeError(ErrorCode::Store,
                             QStringLiteral("the store file is corrupt: %1").arg(check->text(0)), path);
    }
    // Only writes wait for the verdict, so read-only opens (the GUI's readers) skip the scan.
    if (exists && !options.readOnly) {
        s->m_quickCheckState = std::make_shared<QuickCheck>();
        s->m_quickCheck = std::async(std::launch::async, [state = s->m_quickCheckState, path]() -> QString {
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
                              if (!st.ok()) {
                                  result = st.error().message;
                              } else if (auto row = st->step(); !row.ok()) {
                                  result = row.error().message;
                              } else if (st->text(0) != QLatin1String("ok")) {
                                  result = st->text(0);
                              }
                              std::lock_guard lock(state->mutex);
                              state->db = nullptr;
                              return state->cancelled ? QString() : result;
                          }).share();
    }

    if (!options.readOnly)
        if (auto r = migrate(d); !r.ok())
            return r.error();
    if (auto v = schemaVersion(d);
        !v.ok() || v.value() > kSchemaVersion ||
        v.value() < (options.readOnly ? kSchemaVersionMinReadable : kSchemaVersion))
        return makeError(
            ErrorCode::Store,
            v.ok() && v.value() > kSchemaVersion
                ? QStringLiteral("the store has schema version %1, newer than this program understands (%2)")
                      .arg(v.value())
                      .arg(kSchemaVersion)
                : QStringLiteral("the store is not initialised"),
            path);

    auto id = s->meta(QStringLiteral("store_id"));
    if (!id.ok())
        return id.error();
    if (id->isEmpty() && !options.readOnly) {
        if (auto r =
                s->setMeta(QStringLiteral("store_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            !r.ok())
            return r.error();
        id = s->meta(QStringLiteral("store_id"));
    }
    s->m_storeId = id.value();
    if (!options.readOnly) {
        // Earlier versions wrote the sidecar through randomly named temporaries.
        const QFileInfo info(path);
        for (const QString &stale :
             QDir(info.absolutePath())
                 .entryList({info.fileName() + QStringLiteral(".checkpoint.tmp-*")}, QDir::Files))
            QFile::remove(QDir(info.absolutePath()).filePath(stale));
    }
    if (auto r = s->checkSidecar(); !r.ok())
        return r.error();
    return s;
}

Result<QString> SqliteEvidenceStore::meta(const QString &key) const {
    auto st = Statement::prepare(m_db, "SELECT value FROM meta WHERE key = ?");
    if (!st.ok())
        return st.error();
    st->bind(1, key);
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return row.value() ? st->text(0) : QString();
}

Result<void> SqliteEvidenceStore::setMeta(const QString &key, const QString &value) {
    auto st = Statement::prepare(m_db, "INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, key).bind(2, value).run();
}

Result<quint64> SqliteEvidenceStore::size() const {
    return maxSeq(m_db);
}

Result<merkle::TreeBuilder> SqliteEvidenceStore::loadFrontier(quint64 size) const {
    StoreTreeReader reader(m_db);
    QList<QByteArray> frontier;
    for (const auto &[level, index] : merkle::TreeBuilder::frontierNodes(size))
        frontier.append(merkle::subtreeRoot(reader, index << level, (index + 1) << level));
    return merkle::TreeBuilder::fromFrontier(size, frontier);
}

Result<Checkpoint> SqliteEvidenceStore::writeCheckpoint(const Signer &signer,
                                                        const merkle::TreeBuilder &tree) {
    // The seal's time: the writer's clock, never before the latest time it seals (events carry the
    // time of the act, taken from the same clock a moment earlier).
    auto latest = timeHighWater();
    if (!latest.ok())
        return latest.error();
    auto signedCp = act::signCheckpoint(signer, tree, qMax(m_options.clock(), latest.value()), m_storeId,
                                        m_options.origin);
    if (!signedCp.ok())
        return signedCp.error();
    const Checkpoint cp = std::move(signedCp).value();
    auto st =
        Statement::prepare(m_db, "INSERT INTO checkpoints(size, root, ts_ms, signer, canonical, signature)"
                                 " VALUES(?, ?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    if (auto r =
            st->bind(1, static_cast<qint64>(cp.size))
                .bindBlob(2, cp.root)
                .bind(3, cp.tsMs)
                .bind(4, cp.signer)
                .bindBlob(5, QByteArrayView(cp.canonical.data(), static_cast<qsizetype>(cp.canonical.size())))
                .bindBlob(6, cp.storedSignature())
                .run();
        !r.ok())
        return r.error();
    return cp;
}

Result<void> SqliteEvidenceStore::commitWithCheckpoint(Transaction &tx, const Signer &signer,
                                                       const merkle::TreeBuilder &tree) {
    auto cp = writeCheckpoint(signer, tree);
    if (!cp.ok())
        return cp.error();
    SidecarLock lock(sidecarPath());
    if (auto r = tx.commit(); !r.ok())
        return r;
    writeSidecar(cp.value()); // after the commit: a crash in between leaves it behind, never ahead
    writeAnchors(cp.value());
    if (m_afterCommit)
        m_afterCommit();
    return {};
}

void SqliteEvidenceStore::writeSidecar(const Checkpoint &cp) const {
    // Callers hold the SidecarLock, so the sidecar only ever moves forward.
    bool newer = true;
    if (auto existing = readCheckpointDocument(sidecarPath()))
        newer = existing->size < cp.size;
    if (newer)
        // A fixed temporary name under the lock: a crash mid-write leaves at most this one behind.
        // The commit stands; a sidecar left behind is found (and named) at the next open.
        if (auto r = FileUtil::writePrivateAtomic(sidecarPath(), checkpointDocument(cp),
                                                  sidecarPath() + QStringLiteral(".tmp"));
            !r.ok())
            qWarning("opsconsole: the checkpoint sidecar could not be moved forward: %s",
                     qPrintable(r.error().toString()));
}

Result<Checkpoint> SqliteEvidenceStore::readCheckpointFile(const QString &path) {
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no such checkpoint file"), path);
    auto cp = readCheckpointDocument(path);
    if (!cp)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a checkpoint: a signed note of an opsconsole log (or an older "
                                        "{\"checkpoint\": {…}, \"signature\": …} document)"),
                         path);
    return *cp;
}

QStringList SqliteEvidenceStore::anchorPaths() const {
    if (m_options.anchorDirectory.isEmpty())
        return {};
    const QString dir = m_options.anchorDirectory + QStringLiteral("/anchors/");
    const QString abs = QFileInfo(m_path).absoluteFilePath();
    return {dir + QStringLiteral("path-") + crypto::sha256Hex(abs.toUtf8()).left(32) +
                QStringLiteral(".json"),
            dir + QStringLiteral("log-") + crypto::sha256Hex(m_storeId.toUtf8()).left(32) +
                QStringLiteral(".json")};
}

void SqliteEvidenceStore::writeAnchors(const Checkpoint &cp) const {
    const QStringList paths = anchorPaths();
    if (paths.isEmpty() || !m_integrityProblem.isEmpty())
        return;
    QDir().mkpath(m_options.anchorDirectory + QStringLiteral("/anchors"));
    QFile::setPermissions(m_options.anchorDirectory + QStringLiteral("/anchors"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    for (const QString &path : paths) {
        auto existing = readCheckpointDocument(path);
        if (existing && existing->storeId == cp.storeId && existing->size >= cp.size)
            continue;
        if (auto r = FileUtil::writePrivateAtomic(
                path, checkpointDocument(cp, QStringLiteral("store"), QFileInfo(m_path).absoluteFilePath()));
            !r.ok())
            qWarning("opsconsole: this user's anchor of the store could not be written: %s",
                     qPrintable(r.error().toString()));
    }
}

Result<void> SqliteEvidenceStore::checkAnchors() {
    const QStringList paths = anchorPaths();
    if (paths.isEmpty())
        return {};
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    for (int i = 0; i < paths.size(); ++i) {
        if (i == 0 && m_createdNow)
            continue; // init made a new store at this path: the user replaced it on purpose
        if (!QFileInfo::exists(paths.at(i)))
            continue;
        QString where;
        auto anchor = readCheckpointDocument(paths.at(i), &where, "store");
        if (!anchor) {
            m_integrityProblem =
                QStringLiteral("your anchor for this store (%1) is unreadable").arg(paths.at(i));
            return {};
        }
        const QString seen =
            QStringLiteral("you last verified this store at %1 events (checkpoint of %2 by %3)")
                .arg(anchor->size)
                .arg(Time::toIso(anchor->tsMs), anchor->signer);
        if (anchor->storeId != m_storeId) {
            m_integrityProblem = QStringLiteral("this file held another log when %1; it now holds log %2: "
                                                "the store was replaced or rewritten")
                                     .arg(seen, m_storeId);
            return {};
        }
        if (anchor->size > n.value()) {
            m_integrityProblem =
                QStringLiteral("%1; it now holds %2: it was rolled back to an older copy or its "
                               "tail was cut")
                    .arg(seen)
                    .arg(n.value());
            return {};
        }
        auto tree = loadFrontier(n.value());
        auto proof = consistencyProof(anchor->size, n.value());
        if (!tree.ok() || !proof.ok() ||
            !merkle::verifyConsistency(anchor->size, n.value(), anchor->root, tree->root(), proof.value())) {
            m_integrityProblem =
                QStringLiteral("%1; the store no longer extends that checkpoint (no consistency "
                               "proof): its history was rewritten")
                    .arg(seen);
            return {};
        }
    }
    return {};
}

Result<void> SqliteEvidenceStore::checkSidecar() {
    // The sidecar is read before the store: it is written only after a commit, so a writer
    // committing in between can make the store look newer (fine), never the sidecar ahead.
    // When they disagree, the check is repeated under the writers' lock (a writer is then either
    // done or dead).
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::optional<SidecarLock> lock;
        if (attempt == 1)
            lock.emplace(sidecarPath());
        m_integrityProblem.clear();
        const bool sidecarExists = QFileInfo::exists(sidecarPath());
        const std::optional<Checkpoint> side =
            sidecarExists ? readCheckpointDocument(sidecarPath()) : std::nullopt;
        auto n = maxSeq(m_db);
        if (!n.ok())
            return n.error();
        auto latest = latestCheckpoint();
        auto reg = registry();
        if (!reg.ok())
            return reg.error();
        bool repair = false;
        if (!sidecarExists) {
            if (latest.ok())
                m_integrityProblem =
                    QStringLiteral(
                        "the store holds signed checkpoints (the latest at %1 events) but its checkpoint "
                        "sidecar %2 is missing; the sidecar is what detects a cut tail, so it is never "
                        "rewritten silently: restore it with the store it belongs to")
                        .arg(latest->size)
                        .arg(sidecarPath());
        } else if (!side) {
            m_integrityProblem = QStringLiteral("the checkpoint sidecar %1 is unreadable").arg(sidecarPath());
        } else if (side->size > n.value()) {
            m_integrityProblem =
                QStringLiteral("the store holds %1 events but its checkpoint sidecar records %2: "
                               "the tail was truncated or the file was replaced by an older copy")
                    .arg(n.value())
                    .arg(side->size);
        } else if (!checkpointSignatureOk(reg.value(), *side)) {
            m_integrityProblem = QStringLiteral("the checkpoint sidecar's signature does not verify");
        } else {
            auto st =
                Statement::prepare(m_db, "SELECT root, (SELECT COUNT(*) FROM checkpoints WHERE size > ?1) "
                                         "FROM checkpoints WHERE size = ?1");
            if (!st.ok())
                return st.error();
            st->bind(1, static_cast<qint64>(side->size));
            auto row = st->step();
            if (!row.ok())
                return row.error();
            if (!row.value() || st->blob(0) != side->root) {
                m_integrityProblem =
                    QStringLiteral("the checkpoint sidecar (size %1) does not match the store's checkpoint")
                        .arg(side->size);
            } else if (const qint64 ahead = st->int64(1); ahead == 1) {
                repair = true; // the last writer died between its commit and its sidecar
            } else if (ahead > 1) {
                m_integrityProblem = QStringLiteral("the checkpoint sidecar records %1 events, but %2 signed "
                                                    "checkpoints follow it: it was replaced by an older copy")
                                         .arg(side->size)
                                         .arg(ahead);
            }
        }
        if (m_integrityProblem.isEmpty()) {
            if (repair && !m_options.readOnly) {
                if (!lock)
                    lock.emplace(sidecarPath());
                writeSidecar(latest.value());
            }
            break;
        }
    }
    if (m_integrityProblem.isEmpty())
        if (auto r = checkAnchors(); !r.ok())
            return r;
    // The anchor moves forward only to a checkpoint that is the store's head: the events' root,
    // validly signed (and, by checkAnchors above, consistent with the previous anchor).
    if (m_integrityProblem.isEmpty() && !anchorPaths().isEmpty())
        if (auto latest = latestCheckpoint(); latest.ok())
            if (auto reg = registry(); reg.ok())
                if (auto n = maxSeq(m_db); n.ok() && n.value() == latest->size)
                    if (auto tree = loadFrontier(n.value());
                        tree.ok() && tree->root() == latest->root &&
                        checkpointSignatureOk(reg.value(), latest.value()))
                        writeAnchors(latest.value());
    return {};
}

Result<QList<StoredEvent>> SqliteEvidenceStore::append(const Signer &signer, const QList<NewEvent> &events,
                                                       const QList<NewBlob> &blobs) {
    if (auto r = checkBlobs(events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs, true);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::appendWith(const Signer &signer,
                                                           const QList<NewEvent> &events,
                                                           const QList<NewBlob> &blobs,
                                                           const InTransaction &alsoWrite) {
    if (auto r = checkBlobs(events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs, true, alsoWrite);
}

Result<void> SqliteEvidenceStore::checkBlobs(const QList<NewEvent> &events,
                                             const QList<NewBlob> &blobs) const {
    return act::checkBlobs(*this, events, blobs);
}

Result<void> SqliteEvidenceStore::checkSigner(const IdentityRegistry &reg, const Signer &signer,
                                              quint64 nextSeq, bool ownRequest) const {
    if (const QString pin = reg.pinProblem(); !pin.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("refusing to write: %1").arg(pin), m_path);
    if (ownRequest)
        return {};
    if (const QString why = reg.refusalAt(signer.name, signer.key.publicKey().fingerprint(), nextSeq);
        !why.isEmpty())
        return makeError(ErrorCode::Policy, why);
    return {};
}

bool SqliteEvidenceStore::checkpointAt(quint64 size) const {
    auto st = Statement::prepare(m_db, "SELECT 1 FROM checkpoints WHERE size = ?");
    if (!st.ok())
        return false;
    st->bind(1, static_cast<qint64>(size));
    auto row = st->step();
    return row.ok() && row.value();
}

bool SqliteEvidenceStore::checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp) const {
    return act::checkpointSignatureOk(reg, cp, [this](quint64 size) { return checkpointAt(size); });
}

Result<void> SqliteEvidenceStore::checkHead(const IdentityRegistry &reg, quint64 n,
                                            const merkle::TreeBuilder &tree) const {
    return act::checkHead(
        reg, n, tree, n == 0 ? Result<Checkpoint>(Checkpoint{}) : latestCheckpoint(),
        [this](quint64 size) { return checkpointAt(size); }, m_path);
}

Result<qint64> SqliteEvidenceStore::timeHighWater() const {
    // Both lookups are index seeks (events_ts; the checkpoints' primary key): checkpoint times
    // never decrease, so the latest checkpoint holds the latest of them.
    auto st =
        Statement::prepare(m_db, "SELECT MAX(COALESCE((SELECT MAX(ts_ms) FROM events), 0), "
                                 "COALESCE((SELECT ts_ms FROM checkpoints ORDER BY size DESC LIMIT 1), 0))");
    if (!st.ok())
        return st.error();
    if (auto r = st->step(); !r.ok())
        return r.error();
    return st->int64(0);
}

QString SqliteEvidenceStore::timeWentBackwards(qint64 ts, qint64 highWater) {
    return ops::timeWentBackwards(ts, highWater);
}

Result<IdentityRegistry> SqliteEvidenceStore::registry() const {
    auto st = Statement::prepare(m_db, "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events "
                                       "WHERE kind >= 'identity.' AND kind < 'identity/'");
    if (!st.ok())
        return st.error();
    if (auto row = st->step(); !row.ok())
        return row.error();
    const QByteArray key = QByteArray::number(st->int64(0)) + ':' + QByteArray::number(st->int64(1));
    if (m_registryCache && m_registryCache->first == key)
        return m_registryCache->second;
    auto reg = IdentityRegistry::load(*this, m_options.trust);
    if (!reg.ok())
        return reg.error();
    m_registryCache.emplace(key, reg.value());
    return reg;
}

Result<QList<StoredEvent>> SqliteEvidenceStore::appendInternal(const Signer &signer,
                                                               const QList<NewEvent> &events,
                                                               const QList<NewBlob> &blobs, bool signEvents,
                                                               const InTransaction &alsoWrite) {
    if (auto r = awaitIntegrity(); !r.ok())
        return r.error();
    if (!m_integrityProblem.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("refusing to append: %1").arg(m_integrityProblem),
                         m_path);
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_path);
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    // Who may write is decided inside the write transaction, from the identity events: one fold
    // for the whole act, the batch's own identity events applied to this copy as they are written.
    auto loaded = registry();
    if (!loaded.ok())
        return loaded.error();
    IdentityRegistry reg = std::move(loaded).value();
    auto plan = act::plan(reg, signer, events, n.value() + 1, m_path);
    if (!plan.ok())
        return plan.error();
    const QList<NewEvent> &batch = plan->batch;
    int markers = plan->markers;
    auto tree = loadFrontier(n.value());
    if (!tree.ok())
        return tree.error();
    if (auto r = checkHead(reg, n.value(), tree.value()); !r.ok())
        return r.error();
    auto highWater = timeHighWater();
    if (!highWater.ok())
        return highWater.error();
    qint64 latestTs = highWater.value();
    auto writer = EventWriter::open(m_db, std::move(tree).value());
    if (!writer.ok())
        return writer.error();
    QList<StoredEvent> out;
    quint64 seq = n.value();
    // One act, one time: events that bring no time of their own (attachments) take the act's.
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    const std::string actor = signer.name.toStdString();
    for (const NewEvent &e : batch) {
        const std::string uuid = uuids.next();
        auto sealed = act::seal(e, seq + 1, uuid,
                                e.tsMs    ? *e.tsMs
                                : actTime ? *actTime
                                          : m_options.clock(),
                                latestTs, signer, signEvents, m_storeId, m_path);
        if (!sealed.ok())
            return sealed.error();
        StoredEvent s = std::move(sealed).value();
        ++seq;
        latestTs = qMax(latestTs, s.tsMs);
        const std::string kind = e.kind.toStdString(), scope = e.scope.toStdString();
        if (s.kind.startsWith(QLatin1String("identity.")))
            if (const QString why = reg.apply(s, e.payload); !why.isEmpty())
                return makeError(ErrorCode::Policy, why);
        auto leaf = writer->write(s.seq, uuid, s.tsMs, actor, kind, scope, s.canonical, s.signedByActor);
        if (!leaf.ok())
            return leaf.error();
        s.leafHash = leaf.value();
        if (auto r = applyProjections(m_db, "main", s, e.payload); !r.ok())
            return r.error();
        if (markers > 0)
            --markers; // the era marker is not one of the caller's events
        else
            out.append(std::move(s));
    }
    for (const NewBlob &b : blobs) {
        auto st = Statement::prepare(
            m_db, "INSERT OR IGNORE INTO blobs(sha256, size, media_type, data) VALUES(?, ?, ?, ?)");
        if (!st.ok())
            return st.error();
        if (auto r =
                st->bind(1, b.sha256).bind(2, b.bytes.size()).bind(3, b.mediaType).bindBlob(4, b.bytes).run();
            !r.ok())
            return r.error();
    }
    // Search indexes in the same transaction, unless a bulk import's backlog is still being caught up.
    if (auto upto = searchIndexedUpto(); upto.ok() && upto.value() == n.value())
        if (auto r = indexSearchRange(n.value(), seq); !r.ok())
            return r.error();
    if (alsoWrite)
        if (auto r = alsoWrite(m_db); !r.ok())
            return r.error();
    if (auto r = commitWithCheckpoint(tx.value(), signer, writer->tree()); !r.ok())
        return r.error();
    return out;
}

Result<StoredEvent> SqliteEvidenceStore::attach(const Signer &signer, const QString &name,
                                                const QByteArray &bytes, const QString &mediaType,
                                                const QString &scope) {
    auto blob = makeBlob(name, bytes, mediaType);
    if (!blob.ok())
        return blob.error();
    auto out = append(signer, {attachmentEvent(blob.value(), scope)}, {blob.value()});
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<QByteArray> SqliteEvidenceStore::blob(const QString &sha256Hex) const {
    auto st = Statement::prepare(m_db, "SELECT data FROM blobs WHERE sha256 = ?");
    if (!st.ok())
        return st.error();
    st->bind(1, sha256Hex.toLower());
    auto row = st->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return st->blob(0);
}

Result<BlobInfo> SqliteEvidenceStore::blobInfo(const QString &sha256Hex) const {
    auto st = Statement::prepare(m_db, "SELECT size, media_type FROM blobs WHERE sha256 = ?");
    if (!st.ok())
        return st.error();
    st->bind(1, sha256Hex.toLower());
    auto row = st->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return BlobInfo{sha256Hex.toLower(), st->int64(0), st->text(1)};
}

Result<StoredEvent> SqliteEvidenceStore::readEvent(Statement &st) const {
    StoredEvent e;
    e.seq = static_cast<quint64>(st.int64(0));
    e.uuid = st.text(1);
    e.tsMs = st.int64(2);
    e.actor = st.text(3);
    e.kind = st.text(4);
    e.scope = st.text(5);
    const QByteArrayView c = st.blobView(6);
    e.canonical.assign(c.data(), static_cast<std::size_t>(c.size()));
    e.leafHash = st.blob(7);
    e.signedByActor = st.int64(8) != 0;
    return e;
}

Result<StoredEvent> SqliteEvidenceStore::event(quint64 seq) const {
    auto st = Statement::prepare(m_db, std::string("SELECT ") + kEventColumns + " FROM events WHERE seq = ?");
    if (!st.ok())
        return st.error();
    st->bind(1, static_cast<qint64>(seq));
    auto row = st->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no event with sequence number %1").arg(seq));
    return readEvent(st.value());
}

Result<QList<StoredEvent>> SqliteEvidenceStore::events(quint64 fromSeq, int limit) const {
    EventFilter all;
    all.fromSeq = fromSeq;
    all.limit = limit;
    return query(all);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::query(const EventFilter &filter) const {
    // A kind prefix is a range of the kind index; left to itself the planner walks the whole table
    // in seq order instead (ORDER BY seq), which costs what the store holds, not what matches.
    std::string sql = std::string("SELECT ") + kEventColumns +
                      (filter.kindPrefix.isEmpty() ? " FROM events" : " FROM events INDEXED BY events_kind") +
                      " WHERE seq >= ?1";
    if (!filter.kind.isEmpty())
        sql += " AND kind = ?2";
    if (!filter.scope.isEmpty())
        sql += " AND scope = ?3";
    if (!filter.actor.isEmpty())
        sql += " AND actor = ?4";
    if (!filter.text.isEmpty())
        sql += " AND instr(canonical, CAST(?5 AS BLOB)) > 0";
    if (!filter.kindPrefix.isEmpty())
        sql += " AND kind >= ?7 AND kind < ?8";
    sql += filter.newestFirst ? " ORDER BY seq DESC LIMIT ?6" : " ORDER BY seq LIMIT ?6";
    auto st = Statement::prepare(m_db, sql);
    if (!st.ok())
        return st.error();
    st->bind(1, static_cast<qint64>(filter.fromSeq)).bind(6, qint64(qBound(1, filter.limit, 100000)));
    if (!filter.kind.isEmpty())
        st->bind(2, filter.kind);
    if (!filter.scope.isEmpty())
        st->bind(3, filter.scope);
    if (!filter.actor.isEmpty())
        st->bind(4, filter.actor);
    if (!filter.text.isEmpty())
        st->bind(5, filter.text);
    if (!filter.kindPrefix.isEmpty()) {
        // [prefix, prefix with its last character incremented): a range the kind index serves.
        QString upper = filter.kindPrefix;
        upper.back() = QChar(upper.back().unicode() + 1);
        st->bind(7, filter.kindPrefix).bind(8, upper);
    }
    QList<StoredEvent> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out.append(readEvent(st.value()).value());
    }
    return out;
}

Result<qint64> SqliteEvidenceStore::sealedAtMs(quint64 seq) const {
    auto st = Statement::prepare(
        m_db, "SELECT canonical, signature, signer FROM checkpoints WHERE size >= ? ORDER BY size LIMIT 1");
    if (!st.ok())
        return st.error();
    st->bind(1, static_cast<qint64>(seq));
    auto row = st->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return qint64(0);
    const QByteArrayView c = st->blobView(0);
    const auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                              st->blob(1), st->text(2));
    if (!cp)
        return makeError(ErrorCode::Store,
                         QStringLiteral("the checkpoint over event %1 is malformed").arg(seq), m_path);
    return cp->tsMs;
}

Result<Checkpoint> SqliteEvidenceStore::latestCheckpoint() const {
    auto st = Statement::prepare(
        m_db, "SELECT canonical, signature, signer FROM checkpoints ORDER BY size DESC LIMIT 1");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"), m_path);
    const QByteArrayView c = st->blobView(0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        st->blob(1), st->text(2));
    if (!cp)
        return makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"), m_path);
    return *cp;
}

Result<InclusionProofData> SqliteEvidenceStore::inclusionProof(quint64 seq, quint64 treeSize) const {
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    if (treeSize > n.value() || seq == 0 || seq > treeSize)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no event %1 in a tree of %2 (the store holds %3)")
                             .arg(seq)
                             .arg(treeSize)
                             .arg(n.value()));
    auto e = event(seq);
    if (!e.ok())
        return e.error();
    StoreTreeReader reader(m_db);
    auto path = merkle::inclusionProof(reader, seq - 1, treeSize);
    if (!path.ok())
        return path.error();
    return InclusionProofData{seq, treeSize, e->leafHash, path.value()};
}

Result<QList<QByteArray>> SqliteEvidenceStore::consistencyProof(quint64 oldSize, quint64 newSize) const {
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    if (newSize > n.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the store holds only %1 events").arg(n.value()));
    StoreTreeReader reader(m_db);
    return merkle::consistencyProof(reader, oldSize, newSize);
}

Result<QList<Identity>> SqliteEvidenceStore::identities() const {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    return act::identitiesOf(reg.value());
}

Result<Identity> SqliteEvidenceStore::identity(const QString &name) const {
    auto all = identities();
    if (!all.ok())
        return all.error();
    for (const Identity &i : all.value())
        if (i.name == name)
            return i;
    return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
}

Result<void> SqliteEvidenceStore::backup(const QString &outPath, const Progress &progress) {
    if (QFileInfo::exists(outPath))
        return makeError(ErrorCode::Store, QStringLiteral("refusing to overwrite an existing file"), outPath);
    if (auto r = FileUtil::createPrivate(outPath); !r.ok())
        return r;
    auto dest = Database::open(outPath, true);
    if (!dest.ok())
        return dest.error();
    sqlite3_backup *b = sqlite3_backup_init(dest->handle(), "main", m_db.handle(), "main");
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
    if (auto cp = latestCheckpoint(); cp.ok())
        if (auto r = FileUtil::writePrivateAtomic(outPath + QStringLiteral(".checkpoint"),
                                                  checkpointDocument(cp.value()));
            !r.ok())
            return r;
    return {};
}

} // namespace ops
