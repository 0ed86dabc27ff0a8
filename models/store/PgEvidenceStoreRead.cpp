// The team log's store: reading events, proofs, blobs, identities and cosignatures.
#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"

#include "Witness.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

using pg::kEventCols;
using pg::PgTreeReader;
using pg::readRow;

Result<QList<StoredEvent>> PgEvidenceStore::readEvents(const char *sql, const pg::Params &params) const {
    return pg::readEvents(m_conn, sql, params);
}

Result<StoredEvent> PgEvidenceStore::event(quint64 seq) const {
    const std::string sql = std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq = $1";
    auto r = readEvents(sql.c_str(), pg::Params().i64(static_cast<qint64>(seq)));
    if (!r.ok())
        return r.error();
    if (r->isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no event %1").arg(seq));
    return r->first();
}

Result<QList<StoredEvent>> PgEvidenceStore::events(quint64 fromSeq, int limit) const {
    const std::string sql =
        std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq >= $1 ORDER BY seq LIMIT $2";
    return readEvents(sql.c_str(),
                      pg::Params().i64(static_cast<qint64>(fromSeq)).i64(qBound(1, limit, 100000)));
}

Result<QList<StoredEvent>> PgEvidenceStore::query(const EventFilter &filter) const {
    // Empty filters match everything: each condition is skipped when its parameter is empty.
    QString upper = filter.kindPrefix;
    if (!upper.isEmpty())
        upper.back() = QChar(upper.back().unicode() + 1);
    std::string sql =
        std::string("SELECT ") + kEventCols +
        " FROM opsconsole.events WHERE seq >= $1"
        " AND ($2 = '' OR kind = $2) AND ($3 = '' OR scope = $3) AND ($4 = '' OR actor = $4)"
        " AND ($5 = '' OR position(convert_to($5, 'UTF8') in canonical) > 0)"
        " AND ($6 = '' OR (kind COLLATE \"C\" >= $6 AND kind COLLATE \"C\" < $7)) AND seq <= $9";
    sql += filter.newestFirst ? " ORDER BY seq DESC LIMIT $8" : " ORDER BY seq LIMIT $8";
    return readEvents(sql.c_str(), pg::Params()
                                       .i64(static_cast<qint64>(filter.fromSeq))
                                       .text(filter.kind)
                                       .text(filter.scope)
                                       .text(filter.actor)
                                       .text(filter.text)
                                       .text(filter.kindPrefix)
                                       .text(upper)
                                       .i64(qBound(1, filter.limit, 100000))
                                       .i64(static_cast<qint64>(
                                           qMin<quint64>(filter.toSeq, std::numeric_limits<qint64>::max()))));
}

Result<Checkpoint> PgEvidenceStore::latestCheckpoint() const {
    auto r = m_conn.query(
        "SELECT canonical, signature, signer FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1");
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"),
                         m_conn.label());
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"),
                         m_conn.label());
    return *cp;
}

Result<qint64> PgEvidenceStore::sealedAtMs(quint64 seq) const {
    auto r = m_conn.query("SELECT canonical, signature, signer FROM opsconsole.checkpoints WHERE size >= $1 "
                          "ORDER BY size LIMIT 1",
                          pg::Params().i64(static_cast<qint64>(seq)));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return qint64(0);
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store,
                         QStringLiteral("the checkpoint over event %1 is malformed").arg(seq),
                         m_conn.label());
    return cp->tsMs;
}

Result<InclusionProofData> PgEvidenceStore::inclusionProof(quint64 seq, quint64 treeSize) const {
    auto n = size();
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
    PgTreeReader reader(m_conn);
    auto path = merkle::inclusionProof(reader, seq - 1, treeSize);
    if (!path.ok())
        return path.error();
    return InclusionProofData{seq, treeSize, e->leafHash, path.value()};
}

Result<QList<QByteArray>> PgEvidenceStore::consistencyProof(quint64 oldSize, quint64 newSize) const {
    auto n = size();
    if (!n.ok())
        return n.error();
    if (newSize > n.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the store holds only %1 events").arg(n.value()));
    PgTreeReader reader(m_conn);
    return merkle::consistencyProof(reader, oldSize, newSize);
}

Result<QByteArray> PgEvidenceStore::blob(const QString &sha256Hex) const {
    auto r = m_conn.query("SELECT data FROM opsconsole.blobs WHERE sha256 = $1",
                          pg::Params().text(sha256Hex.toLower()));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return store::codec::checkedBlob(r->bytes(0, 0), sha256Hex, m_conn.label());
}

Result<BlobInfo> PgEvidenceStore::blobInfo(const QString &sha256Hex) const {
    auto r = m_conn.query("SELECT size, media_type FROM opsconsole.blobs WHERE sha256 = $1",
                          pg::Params().text(sha256Hex.toLower()));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return BlobInfo{sha256Hex.toLower(), r->i64(0, 0), r->text(0, 1)};
}

Result<QList<Identity>> PgEvidenceStore::identities() const {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    return act::identitiesOf(reg.value());
}

Result<Identity> PgEvidenceStore::identity(const QString &name) const {
    auto all = identities();
    if (!all.ok())
        return all.error();
    for (const Identity &i : all.value())
        if (i.name == name)
            return i;
    return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
}

Result<QList<StoredEvent>> PgEvidenceStore::eventsAfter(quint64 after, int limit) const {
    const std::string sql =
        std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq > $1 ORDER BY seq LIMIT $2";
    return readEvents(sql.c_str(),
                      pg::Params().i64(static_cast<qint64>(after)).i64(qBound(1, limit, 100000)));
}

Result<Checkpoint> PgEvidenceStore::checkpointOfSize(quint64 size) const {
    auto r = m_conn.query("SELECT canonical, signature, signer FROM opsconsole.checkpoints WHERE size = $1",
                          pg::Params().i64(static_cast<qint64>(size)));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no checkpoint of size %1").arg(size),
                         m_conn.label());
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store, QStringLiteral("the checkpoint of size %1 is malformed").arg(size),
                         m_conn.label());
    return *cp;
}

Result<void> PgEvidenceStore::addCosignature(quint64 cpSize, const crypto::note::NoteSignature &signature) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    auto n = size();
    if (!n.ok())
        return n.error();
    // A console cosigns a checkpoint once; a second cosignature of the same size is not news.
    // The statement's notification reaches the other consoles' status bars (the store watcher) at commit.
    return m_conn.run(
        "WITH added AS (INSERT INTO opsconsole.cosignatures(size, witness, key_id, data, at_size) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (size, witness) DO NOTHING RETURNING size) "
        "SELECT pg_notify('opsconsole_log', 'cosigned ' || size::text) FROM added",
        pg::Params()
            .i64(static_cast<qint64>(cpSize))
            .text(signature.name)
            .bytes(signature.keyId)
            .bytes(signature.data)
            .i64(static_cast<qint64>(n.value())));
}

Result<QList<PgEvidenceStore::Cosignature>> PgEvidenceStore::cosignatures(quint64 fromSize) const {
    auto r = m_conn.query("SELECT size, witness, key_id, data, at_size FROM opsconsole.cosignatures "
                          "WHERE size >= $1 ORDER BY size, witness",
                          pg::Params().i64(static_cast<qint64>(fromSize)));
    if (!r.ok())
        return r.error();
    QList<Cosignature> out;
    for (int i = 0; i < r->count(); ++i)
        out.append(Cosignature{static_cast<quint64>(r->i64(i, 0)), r->text(i, 1),
                               crypto::note::NoteSignature{r->text(i, 1), r->bytes(i, 2), r->bytes(i, 3)},
                               static_cast<quint64>(r->i64(i, 4))});
    return out;
}

QString PgEvidenceStore::cosignatureProblem(const IdentityRegistry &reg, const Checkpoint &cp,
                                            const Cosignature &c) const {
    if (c.witness == cp.signer)
        return QStringLiteral("'%1' cosigned its own checkpoint").arg(c.witness);
    const QByteArray pem = reg.keyAt(c.witness, c.atSize + 1);
    if (pem.isEmpty())
        return QStringLiteral("'%1' could not act when it cosigned: %2")
            .arg(c.witness, reg.refusalAt(c.witness, {}, c.atSize + 1));
    auto key = crypto::PublicKey::fromPem(pem);
    if (!key.ok() || !cp.isNote() ||
        !crypto::note::verifyCosignature(cp.canonical, c.signature, c.witness, key.value()))
        return QStringLiteral("the cosignature by '%1' does not verify").arg(c.witness);
    return {};
}

Result<QStringList> PgEvidenceStore::witnessesOf(const Checkpoint &cp) const {
    auto rows = m_conn.query(
        "SELECT size, witness, key_id, data, at_size FROM opsconsole.cosignatures WHERE size = $1 "
        "ORDER BY witness",
        pg::Params().i64(static_cast<qint64>(cp.size)));
    if (!rows.ok())
        return rows.error();
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    QStringList out;
    for (int i = 0; i < rows->count(); ++i) {
        const Cosignature c{
            cp.size, rows->text(i, 1),
            crypto::note::NoteSignature{rows->text(i, 1), rows->bytes(i, 2), rows->bytes(i, 3)},
            static_cast<quint64>(rows->i64(i, 4))};
        if (cosignatureProblem(reg.value(), cp, c).isEmpty())
            out << c.witness;
    }
    return out;
}

} // namespace ops
