// The local store: reading events, blobs, proofs and identities, and its backup.
#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"

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

using namespace sqlitestore;

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
    if (filter.toSeq < static_cast<quint64>(std::numeric_limits<qint64>::max()))
        sql += " AND seq <= ?9";
    sql += filter.newestFirst ? " ORDER BY seq DESC LIMIT ?6" : " ORDER BY seq LIMIT ?6";
    auto st = Statement::prepare(m_db, sql);
    if (!st.ok())
        return st.error();
    st->bind(1, static_cast<qint64>(filter.fromSeq)).bind(6, qint64(qBound(1, filter.limit, 100000)));
    if (filter.toSeq < static_cast<quint64>(std::numeric_limits<qint64>::max()))
        st->bind(9, static_cast<qint64>(filter.toSeq));
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
    if (auto r = FileUtil::createNewPrivate(outPath); !r.ok())
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
                                                  CheckpointFiles::document(cp.value()));
            !r.ok())
            return r;
    return {};
}

} // namespace ops
