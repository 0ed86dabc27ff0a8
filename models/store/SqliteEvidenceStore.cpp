#include "SqliteEvidenceStore.h"

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
constexpr qint64 kMaxBlobBytes = kMaxAttachmentBytes;

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

bool validKind(const QString &kind) {
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*$"));
    return kind.size() <= 64 && re.match(kind).hasMatch();
}

Result<QByteArray> readHeader(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Store, QStringLiteral("cannot open store: %1").arg(f.errorString()),
                         path);
    return f.read(16);
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
    } else {
        auto header = readHeader(path);
        if (!header.ok())
            return header.error();
        if (!header->isEmpty() && header.value() != QByteArray("SQLite format 3\0", 16))
            return makeError(ErrorCode::Store,
                             QStringLiteral("not an opsconsole evidence store (not a SQLite file)"), path);
        if (!options.readOnly && (FileUtil::permissions(path) & 077))
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto db = Database::open(path, options.create, options.readOnly);
    if (!db.ok())
        return db.error();
    s->m_db = std::move(db).value();
    Database &d = s->m_db;
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
    Checkpoint cp;
    cp.size = tree.size();
    cp.root = tree.root();
    // The seal's time: the writer's clock, never before the latest time it seals (events carry the
    // time of the act, taken from the same clock a moment earlier).
    auto latest = timeHighWater();
    if (!latest.ok())
        return latest.error();
    cp.tsMs = qMax(m_options.clock(), latest.value());
    cp.signer = signer.name;
    cp.signerKey = signer.key.publicKey().fingerprint();
    cp.storeId = m_storeId;
    cp.canonical = codec::checkpointNoteBody(cp.size, cp.root, cp.tsMs, cp.storeId, m_options.origin);
    const auto line = crypto::note::sign(cp.canonical, cp.signer, signer.key);
    cp.keyId = line.keyId;
    cp.signature = line.data;
    if (cp.signature.size() != 64)
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the checkpoint"));
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

Result<QString> SqliteEvidenceStore::checkExtends(const Checkpoint &earlier) const {
    if (earlier.storeId != m_storeId)
        return QStringLiteral("the checkpoint belongs to log %1, this store is log %2")
            .arg(earlier.storeId, m_storeId);
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    if (!checkpointSignatureOk(reg.value(), earlier))
        return QStringLiteral(
                   "the checkpoint's signature by '%1' does not verify under the key that identity held "
                   "at size %2")
            .arg(earlier.signer)
            .arg(earlier.size);
    auto latest = latestCheckpoint();
    if (!latest.ok())
        return latest.error();
    if (!checkpointSignatureOk(reg.value(), latest.value()))
        return QStringLiteral("the store's latest checkpoint (size %1) does not verify").arg(latest->size);
    if (earlier.size > latest->size)
        return QStringLiteral(
                   "the checkpoint records %1 events; the store's latest signed checkpoint only %2: the "
                   "store was rolled back or cut")
            .arg(earlier.size)
            .arg(latest->size);
    auto proof = consistencyProof(earlier.size, latest->size);
    if (!proof.ok())
        return proof.error();
    if (!merkle::verifyConsistency(earlier.size, latest->size, earlier.root, latest->root, proof.value()))
        return QStringLiteral("no consistency proof from size %1 to %2: the history before %1 was rewritten")
            .arg(earlier.size)
            .arg(latest->size);
    return QString();
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
    QHash<QString, const NewBlob *> carried;
    for (const NewBlob &b : blobs) {
        if (b.bytes.size() > kMaxBlobBytes)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"),
                             b.name);
        if (crypto::sha256Hex(b.bytes) != b.sha256)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1': its bytes do not hash to %2").arg(b.name, b.sha256), b.name);
        carried.insert(b.sha256, &b);
    }
    QSet<QString> named;
    for (const NewEvent &e : events) {
        if (e.kind != QLatin1String("evidence.attached"))
            continue;
        const QString sha = e.payload.stringAt("sha256");
        static const QRegularExpression hexRe(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hexRe.match(sha).hasMatch())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("attachment '%1': sha256 must be 64 lowercase hex digits")
                                 .arg(e.payload.stringAt("name")),
                             e.payload.stringAt("name"));
        named.insert(sha);
        if (const NewBlob *b = carried.value(sha)) {
            const JsonValue *size = e.payload.find("size");
            const qint64 said = size ? size->toInt(-1) : -1;
            if (said != b->bytes.size())
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("attachment '%1': the event says %2 bytes, the blob has %3")
                                     .arg(b->name)
                                     .arg(said)
                                     .arg(b->bytes.size()),
                                 b->name);
            continue;
        }
        auto have = blobInfo(sha);
        const JsonValue *size = e.payload.find("size");
        if (have.ok() && (!size || size->toInt(-1) != have->size))
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1': the event's size differs from the stored bytes (%2)")
                    .arg(e.payload.stringAt("name"))
                    .arg(have->size),
                e.payload.stringAt("name"));
        if (!have.ok())
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1' names bytes (SHA-256 %2) that are neither in this "
                               "act nor stored")
                    .arg(e.payload.stringAt("name"), sha),
                e.payload.stringAt("name"));
    }
    for (const NewBlob &b : blobs)
        if (!named.contains(b.sha256))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("attachment '%1' is carried without the evidence.attached event "
                                            "that names it")
                                 .arg(b.name),
                             b.name);
    return {};
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

bool SqliteEvidenceStore::checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp) const {
    // A requester signs only the checkpoint right after its own request, which covers nothing else.
    if (const IdentityRegistry::Entry *e = reg.find(cp.signer);
        e && e->createdSeq == cp.size && cp.size > 1) {
        auto prev = Statement::prepare(m_db, "SELECT 1 FROM checkpoints WHERE size = ?");
        if (!prev.ok())
            return false;
        prev->bind(1, static_cast<qint64>(cp.size - 1));
        auto row = prev->step();
        if (!row.ok() || !row.value())
            return false;
    }
    auto key = crypto::PublicKey::fromPem(reg.checkpointKey(cp.signer, cp.size));
    return key.ok() && cp.signedBy(key.value());
}

Result<void> SqliteEvidenceStore::checkHead(const IdentityRegistry &reg, quint64 n,
                                            const merkle::TreeBuilder &tree) const {
    // Nothing is signed over events that no valid checkpoint covers: a forged tail stays visible
    // instead of being sealed by the next honest writer.
    if (n == 0)
        return {};
    auto latest = latestCheckpoint();
    if (!latest.ok() || latest->size != n)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: events %1..%2 are not covered by a signed checkpoint")
                .arg(latest.ok() ? latest->size + 1 : 1)
                .arg(n),
            m_path);
    if (latest->root != tree.root())
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: the stored events do not match the latest signed "
                           "checkpoint (size %1)")
                .arg(n),
            m_path);
    if (!checkpointSignatureOk(reg, latest.value()))
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: the latest checkpoint (size %1) is not signed by an "
                           "identity that could sign it")
                .arg(n),
            m_path);
    return {};
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
    return QStringLiteral("its time %1 is %2 s before the latest time in the log (%3): times never go "
                          "backwards by more than %4 s; check this machine's clock")
        .arg(Time::toIso(ts))
        .arg((highWater - ts) / 1000)
        .arg(Time::toIso(highWater))
        .arg(Time::kClockSkewToleranceMs / 1000);
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
    if (events.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("nothing to append"));
    for (const NewEvent &e : events) {
        if (!validKind(e.kind))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid event kind '%1'").arg(e.kind));
        if (!e.payload.isObject())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("an event payload must be a JSON object"));
    }
    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    // Who may write is decided inside the write transaction, from the identity events.
    const bool ownRequest = events.size() == 1 && events.first().kind == QLatin1String("identity.created") &&
                            events.first().payload.stringAt("name") == signer.name;
    // One fold of the identities for the whole act; the batch's own identity events are applied to
    // this copy as they are written.
    auto loaded = registry();
    if (!loaded.ok())
        return loaded.error();
    IdentityRegistry reg = std::move(loaded).value();
    if (auto r = checkSigner(reg, signer, n.value() + 1, ownRequest); !r.ok())
        return r.error();
    // The first write of this version to a store enrolled before trust roots ends that era with a
    // signed event: from then on an identity in the old form enrols nobody.
    QList<NewEvent> batch = events;
    int markers = 0;
    if (!ownRequest) {
        if (!reg.genesis().isEmpty() && !reg.trustEra()) {
            NewEvent marker;
            marker.kind = QStringLiteral("identity.trust_established");
            marker.payload["name"] = signer.name;
            batch.prepend(marker);
            markers = 1;
        }
        const QStringList held = reg.activeRoles(signer.name);
        if (held.contains(QStringLiteral("monitor")))
            for (const NewEvent &e : events)
                if (!Roles::monitorMayRecord(e.kind))
                    return makeError(
                        ErrorCode::Policy,
                        QStringLiteral("'%1' is a monitor: it records what it observes, never %2")
                            .arg(signer.name, e.kind));
        // The role each act needs, checked again here from the identity events (the verbs check
        // it first, with their own wording).
        for (const NewEvent &e : events)
            if (isActKind(e.kind) && !e.kind.startsWith(QLatin1String("identity.")))
                if (const QString why = Roles::actRefusal(e.kind, e.payload, held); !why.isEmpty())
                    return makeError(ErrorCode::Policy,
                                     QStringLiteral("'%1' may not record this: %2").arg(signer.name, why));
    }
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
    std::optional<qint64> actTime;
    for (const NewEvent &e : events)
        if (e.tsMs && !actTime)
            actTime = e.tsMs;
    crypto::UuidSource uuids;
    const std::string actor = signer.name.toStdString();
    for (const NewEvent &e : std::as_const(batch)) {
        StoredEvent s;
        s.seq = ++seq;
        const std::string uuid = uuids.next();
        s.uuid = QString::fromStdString(uuid);
        s.tsMs = e.tsMs ? *e.tsMs : actTime ? *actTime : m_options.clock();
        if (s.tsMs < latestTs - Time::kClockSkewToleranceMs)
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("refusing to record %1: %2").arg(e.kind, timeWentBackwards(s.tsMs, latestTs)),
                m_path);
        latestTs = qMax(latestTs, s.tsMs);
        s.actor = signer.name;
        s.kind = e.kind;
        s.scope = e.scope;
        const std::string kind = e.kind.toStdString(), scope = e.scope.toStdString();
        const std::string payload = CanonicalJson::serialize(e.payload);
        if (signEvents) {
            const std::string toSign = codec::eventBytes(s.seq, uuid, s.tsMs, actor, kind, scope, payload,
                                                         codec::SignatureField::Omit);
            const QByteArray sig =
                signer.key.sign(QByteArrayView(toSign.data(), static_cast<qsizetype>(toSign.size())));
            if (sig.isEmpty())
                return makeError(ErrorCode::Store, QStringLiteral("cannot sign the event"));
            s.canonical = codec::eventBytes(s.seq, uuid, s.tsMs, actor, kind, scope, payload,
                                            codec::SignatureField::Value, sig.toBase64().toStdString());
        } else {
            s.canonical = codec::eventBytes(s.seq, uuid, s.tsMs, actor, kind, scope, payload,
                                            codec::SignatureField::Null);
        }
        s.signedByActor = signEvents;
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

Result<StoredEvent> SqliteEvidenceStore::registerIdentity(const Signer &newIdentity,
                                                          const QStringList &requested) {
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$"));
    if (!nameRe.match(newIdentity.name).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a valid identity name").arg(newIdentity.name));
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    if (reg->find(newIdentity.name))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("identity '%1' already exists").arg(newIdentity.name));
    const bool genesis = reg->genesis().isEmpty();
    QStringList roles = requested;
    if (genesis && !roles.contains(QStringLiteral("admin")))
        roles.prepend(QStringLiteral("admin")); // the genesis is the log's first admin
    if (const QString conflict = Roles::separationConflict(roles); !conflict.isEmpty())
        return makeError(ErrorCode::Policy, conflict, QStringLiteral("--roles"));
    const crypto::PublicKey pub = newIdentity.key.publicKey();
    if (genesis && m_options.trust.pinned() && !m_options.trust.admins.contains(pub.fingerprint()))
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("trust.admins pins other keys; the genesis admin's key %1 is not among them")
                .arg(pub.fingerprint()));
    NewEvent e;
    e.kind = QStringLiteral("identity.created");
    e.payload["name"] = newIdentity.name;
    JsonValue r = JsonValue::array();
    for (const QString &role : roles)
        r.push(role);
    e.payload["roles"] = r;
    e.payload["public_key"] = QString::fromLatin1(pub.pem());
    e.payload["fingerprint"] = pub.fingerprint();
    e.payload["enrolment"] = genesis ? QStringLiteral("genesis") : QStringLiteral("request");
    auto out = appendInternal(newIdentity, {e}, {}, true);
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<StoredEvent> SqliteEvidenceStore::approveIdentity(const Signer &admin, const QString &name) {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    const IdentityRegistry::Entry *target = reg->find(name);
    if (!target)
        return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
    if (target->pendingFingerprint.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("'%1' has nothing waiting for approval (%2)")
                                                .arg(name, IdentityRegistry::stateName(target->state)));
    NewEvent e;
    e.kind = QStringLiteral("identity.approved");
    e.payload["name"] = name;
    e.payload["fingerprint"] = target->pendingFingerprint;
    JsonValue roles = JsonValue::array();
    for (const QString &role : target->roles)
        roles.push(role);
    e.payload["roles"] = roles;
    auto out = appendInternal(admin, {e}, {}, true);
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<StoredEvent> SqliteEvidenceStore::revokeIdentity(const Signer &admin, const QString &name,
                                                        const QString &reason) {
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("a revocation needs a reason"));
    NewEvent e;
    e.kind = QStringLiteral("identity.revoked");
    e.payload["name"] = name;
    e.payload["reason"] = reason.trimmed();
    auto out = appendInternal(admin, {e}, {}, true);
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<StoredEvent> SqliteEvidenceStore::rotateIdentity(const Signer &current,
                                                        const crypto::PrivateKey &newKey) {
    const crypto::PublicKey pub = newKey.publicKey();
    const QString oldFp = current.key.publicKey().fingerprint();
    NewEvent e;
    e.kind = QStringLiteral("identity.rotated");
    e.payload["name"] = current.name;
    e.payload["public_key"] = QString::fromLatin1(pub.pem());
    e.payload["fingerprint"] = pub.fingerprint();
    e.payload["old_fingerprint"] = oldFp;
    e.payload["proof"] = QString::fromLatin1(
        newKey.sign(IdentityRegistry::rotationProof(current.name, oldFp, pub.fingerprint())).toBase64());
    auto out = appendInternal(current, {e}, {}, true);
    if (!out.ok())
        return out.error();
    return out->first();
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
    QList<Identity> out;
    for (const IdentityRegistry::Entry &e : reg->entries()) {
        Identity i;
        i.name = e.name;
        i.roles = e.roles;
        i.publicKeyPem = e.publicKeyPem();
        i.fingerprint = e.fingerprint();
        i.createdSeq = e.createdSeq;
        i.state = IdentityRegistry::stateName(e.state);
        i.approvers = e.approvers;
        i.approvedSeq = e.approvedSeq;
        i.revokedSeq = e.revokedSeq;
        i.revokeReason = e.revokeReason;
        i.pendingFingerprint =
            e.state == IdentityRegistry::State::Approved ? e.pendingFingerprint : QString();
        i.admin = reg->isAdmin(e.name);
        i.genesis = e.genesis;
        i.legacy = e.legacy;
        out.append(i);
    }
    return out;
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
