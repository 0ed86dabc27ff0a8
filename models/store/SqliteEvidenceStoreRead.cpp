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
    return store::codec::checkedBlob(st->blob(0), sha256Hex, m_path);
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
    StoredEvent e = eventFromRow(st.value());
    if (const QString problem = store::codec::readProblem(e); !problem.isEmpty())
        return store::codec::editedEventError(e, problem, m_path);
    return e;
}

Result<QList<StoredEvent>> SqliteEvidenceStore::events(quint64 fromSeq, int limit) const {
    EventFilter all;
    all.fromSeq = fromSeq;
    all.limit = limit;
    return query(all);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::query(const EventFilter &filter) const {
    return queryEvents(m_db, filter);
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
    auto cp = latestCheckpoint();
    return backupStoreFile(m_db, outPath, cp.ok() ? std::optional<Checkpoint>(cp.value()) : std::nullopt,
                           progress);
}

} // namespace ops
