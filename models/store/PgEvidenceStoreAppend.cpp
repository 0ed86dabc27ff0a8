// The team log's append: one act, its checkpoint and the head in one transaction (PgAppender.h).
#include "PgAppender.h"
#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/ActSeal.h"
#include "pg/LogRows.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QMap>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

// The Merkle frontier of the locked head, read in the append's first round trip: the kept perfect
// subtree roots the frontier names (level L, index size/2^L - 1 for each bit L of the size), and the
// leaves after the last kept boundary. Rows: level, index, hash; leaves have level -1 and their seq.
const std::string kFrontierSql =
    "WITH h AS (SELECT size FROM opsconsole.log_head WHERE id = 1) "
    "SELECT m.level, m.idx, m.hash FROM h CROSS JOIN generate_series(" +
    std::to_string(store::kNodeLevelMin) +
    ", 62) AS l(level) JOIN opsconsole.merkle_nodes m ON m.level = l.level "
    "AND m.idx = (h.size >> l.level) - 1 WHERE ((h.size >> l.level) & 1) = 1 "
    "UNION ALL SELECT -1, e.seq, e.leaf_hash FROM h CROSS JOIN opsconsole.events e "
    "WHERE e.seq > ((h.size >> " +
    std::to_string(store::kNodeLevelMin) + ") << " + std::to_string(store::kNodeLevelMin) +
    ") AND e.seq <= h.size";

} // namespace

namespace {

// The identity events, counted: the registry is reloaded only when this changes.
constexpr const char *kIdentityKeySql =
    "SELECT COUNT(*)::bigint, COALESCE(MAX(seq), 0)::bigint FROM opsconsole.events "
    "WHERE kind >= 'identity.' AND kind < 'identity/'";

QByteArray registryKey(qint64 count, qint64 maxSeq) {
    return QByteArray::number(count) + ':' + QByteArray::number(maxSeq);
}

// What an append checks before it writes, read in one statement after the head is locked (so in a
// snapshot that sees every commit before the lock was granted): the events' top, the identity
// events' key, the time high-water mark and the latest checkpoint.
constexpr const char *kAppendStateSql =
    "SELECT (SELECT COALESCE(MAX(seq), 0) FROM opsconsole.events)::bigint, "
    "(SELECT COUNT(*) FROM opsconsole.events WHERE kind >= 'identity.' AND kind < 'identity/')::bigint, "
    "(SELECT COALESCE(MAX(seq), 0) FROM opsconsole.events "
    " WHERE kind >= 'identity.' AND kind < 'identity/')::bigint, "
    "GREATEST(COALESCE((SELECT MAX(ts_ms) FROM opsconsole.events), 0), COALESCE(cp.ts_ms, 0))::bigint, "
    "cp.canonical, cp.signature, cp.signer "
    "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT canonical, signature, signer, ts_ms "
    "FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1) cp ON true";

} // namespace

Result<IdentityRegistry> PgEvidenceStore::registry() const {
    auto r = m_conn.query(kIdentityKeySql);
    if (!r.ok())
        return r.error();
    return registryFor(registryKey(r->i64(0, 0), r->i64(0, 1)));
}

Result<IdentityRegistry> PgEvidenceStore::registryFor(const QByteArray &key) const {
    if (m_registryCache && m_registryCache->first == key)
        return m_registryCache->second;
    auto reg = IdentityRegistry::load(*this, m_options.trust);
    if (!reg.ok())
        return reg.error();
    m_registryCache.emplace(key, reg.value());
    return reg;
}

Result<QList<StoredEvent>> PgEvidenceStore::append(const Signer &signer, const QList<NewEvent> &events,
                                                   const QList<NewBlob> &blobs) {
    if (auto r = act::checkBlobs(*this, events, blobs); !r.ok())
        return r.error();
    return m_appender.append(signer, events, blobs, std::nullopt);
}

Result<QList<StoredEvent>> PgEvidenceStore::appendOnSize(quint64 size, const Signer &signer,
                                                         const QList<NewEvent> &events,
                                                         const QList<NewBlob> &blobs) {
    if (auto r = act::checkBlobs(*this, events, blobs); !r.ok())
        return r.error();
    return m_appender.append(signer, events, blobs, size);
}

namespace {

// The one-round-trip append's guard, the first statement after BEGIN: it takes the head row as the
// two-round-trip path does and fails the transaction (division by zero, SQLSTATE 22012) unless the
// log is exactly as this console left it: the head at $1, nothing past it, its checkpoint at $1 the
// very one this console signed ($2, $3), and the rows the Merkle frontier at $1 is read from (the
// kept subtree roots and the leaves after the last kept boundary) the ones it knows (their SHA-256,
// $4: nodes from the highest level, then leaves in order).
const std::string kExpectHeadSql =
    "SELECT 1 / (h.size = $1 AND NOT EXISTS (SELECT 1 FROM opsconsole.events WHERE seq > $1) "
    "AND NOT EXISTS (SELECT 1 FROM opsconsole.checkpoints WHERE size > $1) "
    "AND EXISTS (SELECT 1 FROM opsconsole.checkpoints WHERE size = $1 AND canonical = $2 AND signature = $3) "
    "AND (SELECT sha256(COALESCE(string_agg(f.hash, ''::bytea ORDER BY f.level DESC, f.idx), ''::bytea)) "
    "FROM (SELECT m.level, m.idx, m.hash FROM generate_series(" +
    std::to_string(store::kNodeLevelMin) +
    ", 62) AS l(level) JOIN opsconsole.merkle_nodes m ON m.level = l.level AND m.idx = ($1 >> l.level) - 1 "
    "WHERE (($1 >> l.level) & 1) = 1 UNION ALL SELECT -1, e.seq, e.leaf_hash FROM opsconsole.events e "
    "WHERE e.seq > (($1 >> " +
    std::to_string(store::kNodeLevelMin) + ") << " + std::to_string(store::kNodeLevelMin) +
    ") AND e.seq <= $1) f) = $4)::int FROM opsconsole.log_head h WHERE h.id = 1 FOR UPDATE OF h";

// What the guard's $4 is for a tree and the leaves after its last kept boundary.
QByteArray frontierRowsDigest(const merkle::TreeBuilder &tree, const QList<QByteArray> &tailLeaves) {
    QByteArray rows;
    const auto nodes = merkle::TreeBuilder::frontierNodes(tree.size());
    for (qsizetype i = 0; i < nodes.size() && i < tree.frontier().size(); ++i)
        if (nodes.at(i).first >= store::kNodeLevelMin)
            rows += tree.frontier().at(i);
    for (const QByteArray &leaf : tailLeaves)
        rows += leaf;
    return crypto::sha256(rows);
}

// The leaves of a tree of `size` after its last kept boundary, from the leaves after an earlier
// boundary and those appended since.
QList<QByteArray> tailAfterBoundary(QList<QByteArray> leaves, quint64 size) {
    const quint64 kept = (size >> store::kNodeLevelMin) << store::kNodeLevelMin;
    const qsizetype keep = static_cast<qsizetype>(size - kept);
    if (leaves.size() > keep)
        leaves.remove(0, leaves.size() - keep);
    return leaves;
}

// A checkpoint's signed bytes (note and signature), as m_checkedHead keeps them.
QByteArray signedBytes(const Checkpoint &c) {
    return QByteArray::number(static_cast<qulonglong>(c.canonical.size())) + ':' +
           QByteArray::fromStdString(c.canonical) + c.storedSignature();
}

constexpr const char *kDivisionByZero = "22012";
constexpr const char *kUniqueViolation = "23505";

} // namespace

std::optional<pg::ActBasis> PgAppender::ownHeadBasis(std::optional<quint64> onSize) const {
    if (!m_ownHead || !m_store.m_view.verified || m_store.m_view.baseAssumed || m_store.m_view.firstBad ||
        m_othersWrite)
        return std::nullopt;
    const quint64 n = m_store.m_view.verified->size;
    if (m_ownHead->checkpoint.size != n || (onSize && *onSize != n))
        return std::nullopt;
    // The tree and the registry at the head, folded from verified events (read once; each act of
    // this console's moves them on).
    if (!m_store.m_view.prepareCaches().ok() || !m_store.m_view.verifiedTree ||
        m_store.m_view.verifiedTree->size() != n || !m_store.m_view.registryAt ||
        m_store.m_view.registryAtSize != n)
        return std::nullopt;
    return pg::ActBasis{n,
                        *m_store.m_view.registryAt,
                        *m_store.m_view.verifiedTree,
                        m_ownHead->checkpoint,
                        std::nullopt,
                        m_ownHead->latestTs,
                        true,
                        m_ownHead->tailLeaves};
}

QList<StoredEvent> PgAppender::committed(pg::SealedAct &sealed, quint64 n,
                                         const QList<QByteArray> &tailBefore) {
    m_checkedHead = signedBytes(sealed.checkpoint);
    const bool keptIdentities = m_store.m_view.identitiesAt == n;
    m_store.m_view.verifiedUpTo(sealed.checkpoint);
    m_store.m_view.verifiedTree = std::move(sealed.tree);
    // The identity events kept move on with this act's own.
    if (keptIdentities) {
        for (const StoredEvent &e : std::as_const(sealed.identities))
            m_store.m_view.identities.append(e);
        m_store.m_view.identitiesAt = sealed.size;
    }
    // The registry kept at the verified size moves on with this act's own identity events (only
    // ever folded from verified events: never from the reads of the append's own statements).
    if (m_store.m_view.registryAt && m_store.m_view.registryAtSize == n) {
        for (const StoredEvent &e : std::as_const(sealed.identities))
            (void)m_store.m_view.registryAt->apply(e, e.payload()); // checked by the plan above
        m_store.m_view.registryAtSize = sealed.size;
    }
    m_ownHead = OwnHead{sealed.checkpoint, sealed.latestTs,
                        tailAfterBoundary(tailBefore + sealed.leaves, sealed.size)};
    return std::move(sealed.out);
}

Result<QList<StoredEvent>> PgAppender::append(const Signer &signer, const QList<NewEvent> &events,
                                              const QList<NewBlob> &blobs, std::optional<quint64> onSize) {
    if (m_store.m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"),
                         m_store.m_conn.label());
    if (const QString alarm = m_store.alarmPath(); !alarm.isEmpty() && QFile::exists(alarm))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to write: this console found the team log rewritten and "
                                        "raised the alarm; nothing is written to it until the alarm is "
                                        "investigated (see the alarm file)"),
                         alarm);
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    // Where this console's verification starts (its first act: the base kept by its witness, else
    // the whole log); from then on what others append is verified under the locked head.
    if (auto r = m_store.m_view.verifyAssumedBase(); !r.ok())
        return r.error();
    if (auto r = m_store.refuseAfterBadEvent(); !r.ok())
        return r.error();
    // The events are signed before their position is known: their signatures do not name one, and
    // their ids and times are chosen here as they would be after.
    const pg::ActInput input{signer,
                             events,
                             blobs,
                             act::actTime(events),
                             m_store.m_storeId,
                             m_store.m_options.origin,
                             m_store.m_options.clock,
                             m_store.m_conn.label(),
                             [&log = m_store](quint64 size) { return log.checkpointAt(size); }};
    crypto::UuidSource uuids;
    std::vector<pg::Presigned> presigned;
    const auto presign = [&] { pg::presign(input, uuids, presigned); };
    const auto seal = [&](pg::ActBasis &basis, pg::Pipeline &write) {
        return pg::seal(input, presigned, uuids, basis, write);
    };

    // One round trip when this console wrote the head last and knows it: the act is sealed on what
    // it knows, and the server confirms under the head's lock that nothing moved. Anything else (the
    // head moved, a row past it, a rule that refuses) goes the two-round-trip way, which reads the
    // head under its lock and decides there.
    if (std::optional<pg::ActBasis> basis = ownHeadBasis(onSize)) {
        presign();
        pg::Pipeline write;
        const Checkpoint &own = m_ownHead->checkpoint;
        write.add("BEGIN").add(
            kExpectHeadSql,
            pg::Params()
                .i64(static_cast<qint64>(basis->n))
                .bytes(QByteArrayView(own.canonical.data(), static_cast<qsizetype>(own.canonical.size())))
                .bytes(own.storedSignature())
                .bytes(frontierRowsDigest(basis->tree, basis->tailLeaves)));
        const quint64 n = basis->n;
        if (auto sealed = seal(*basis, write); sealed.ok()) {
            auto tx = pg::Transaction::pipelined(m_store.m_conn);
            auto ran = m_store.m_conn.run(write);
            if (ran.ok()) {
                tx.committed();
                ++m_oneRoundTrip;
                return committed(sealed.value(), n, basis->tailLeaves);
            }
            const QString state = m_store.m_conn.lastState();
            if (state != QLatin1String(kDivisionByZero) && state != QLatin1String(kUniqueViolation))
                return ran.error();
        }
        m_ownHead.reset();
    }

    // Round trip one: begin, take the head row, read what the checks need. When others write too,
    // their acts since are read there and checked.
    const bool prefetchTail = m_othersWrite && m_store.m_view.verified && !m_store.m_view.firstBad;
    if (prefetchTail)
        if (auto r = m_store.m_view.prepareCaches(); !r.ok())
            return r.error();
    const quint64 verifiedBefore = m_store.m_view.verified ? m_store.m_view.verified->size : 0;
    auto tx = pg::Transaction::pipelined(m_store.m_conn);
    pg::Pipeline pre;
    // Under the head's lock every read goes by an index: on a log that grew faster than the server
    // gathered statistics (a fresh team log, a migration) the planner read every event and
    // checkpoint for the tail, once an act, while the other consoles waited.
    pre.add("BEGIN")
        .add("SET LOCAL enable_seqscan = off")
        .add(pg::kLockHeadSql)
        .add(kAppendStateSql)
        .add(kFrontierSql);
    if (prefetchTail)
        pre.add(PgVerifiedView::kTailEventsSql, pg::Params().i64(static_cast<qint64>(verifiedBefore)))
            .add(PgVerifiedView::kTailCheckpointsSql, pg::Params().i64(static_cast<qint64>(verifiedBefore)));
    // While the server takes the head and reads, the events are signed.
    auto read = m_store.m_conn.run(pre, presign);
    if (!read.ok())
        return read.error();
    const pg::Rows &head = read.value()[2];
    const pg::Rows &state = read.value()[3];
    if (head.count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"),
                         m_store.m_conn.label());
    // The positions after n are this act's, and nobody else's, until it commits or rolls back.
    const quint64 n = static_cast<quint64>(head.i64(0, 0));
    if (static_cast<quint64>(state.i64(0, 0)) != n)
        return makeError(ErrorCode::Store,
                         QStringLiteral("refusing to append: the log head says %1 events, the log holds %2")
                             .arg(n)
                             .arg(state.i64(0, 0)),
                         m_store.m_conn.label());
    // Checked against a head that moved: the caller looks again (the transaction rolls back).
    if (onSize && *onSize != n)
        return EvidenceStore::grewMeanwhile(*onSize, n);
    // Nothing is written over an event that does not verify: this act's checkpoint would seal it.
    m_othersWrite = m_store.m_view.verified && m_store.m_view.verified->size < n;
    bool tailVerifiedHere = false;
    if (!m_store.m_view.verified || m_store.m_view.verified->size < n) {
        tailVerifiedHere = true;
        bool checked = false;
        if (prefetchTail && m_store.m_view.verified && m_store.m_view.verified->size == verifiedBefore) {
            auto r = m_store.m_view.checkTailFromRows(n, read.value()[5], read.value()[6]);
            if (!r.ok())
                return r.error();
            checked = r.value();
        }
        if (!checked)
            if (auto r = m_store.m_view.checkTailHere(); !r.ok())
                return r.error();
        if (auto r = m_store.refuseAfterBadEvent(); !r.ok())
            return r.error();
    }
    auto loaded = m_store.registryFor(registryKey(state.i64(0, 1), state.i64(0, 2)));
    if (!loaded.ok())
        return loaded.error();
    auto tree = m_store.frontierFrom(n, read.value()[4]);
    if (!tree.ok())
        return tree.error();
    pg::ActBasis basis{n,
                       std::move(loaded).value(),
                       std::move(tree).value(),
                       std::nullopt,
                       std::nullopt,
                       state.i64(0, 3),
                       false,
                       {}};
    if (n > 0) {
        if (state.isNull(0, 4)) {
            basis.latestProblem =
                makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"),
                          m_store.m_conn.label());
        } else {
            const QByteArrayView c = state.bytesView(0, 4);
            basis.latest =
                Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                          state.bytes(0, 5), state.text(0, 6));
            if (!basis.latest)
                basis.latestProblem =
                    makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"),
                              m_store.m_conn.label());
        }
    }
    // (Or verified just now with the events before it, by the tail check above.)
    basis.checkedBefore = basis.latest && n > 0 &&
                          (signedBytes(*basis.latest) == m_checkedHead ||
                           (tailVerifiedHere && m_store.m_view.verified && !m_store.m_view.baseAssumed &&
                            m_store.m_view.verified->size == n && basis.latest->size == n &&
                            basis.latest->root == m_store.m_view.verified->root));
    // Round trip two: the act's rows, its checkpoint, the head, and COMMIT.
    pg::Pipeline write;
    auto sealed = seal(basis, write);
    if (!sealed.ok())
        return sealed.error();
    if (auto r = m_store.m_conn.run(write); !r.ok())
        return r.error();
    tx.committed();
    // The leaves after the last kept boundary, as read with the frontier (level -1, by position).
    QMap<qint64, QByteArray> leavesRead;
    const pg::Rows &frontierRows = read.value()[4];
    for (int r = 0; r < frontierRows.count(); ++r)
        if (frontierRows.i64(r, 0) == -1)
            leavesRead.insert(frontierRows.i64(r, 1), frontierRows.bytes(r, 2));
    return committed(sealed.value(), n, leavesRead.values());
}

} // namespace ops
