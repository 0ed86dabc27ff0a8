#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

using pg::PgTreeReader;
using pg::PrefetchedTreeReader;

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

// Numbered migrations, each applied once in its own transaction by the schema's owner.
} // namespace

Result<std::unique_ptr<PgEvidenceStore>>
PgEvidenceStore::open(const QString &url, const StoreOpenOptions &options, const QString &appRole) {
    auto conn = pg::Connection::connect(url);
    if (!conn.ok())
        return conn.error();
    std::unique_ptr<PgEvidenceStore> s(new PgEvidenceStore());
    s->m_conn = std::move(conn).value();
    s->m_options = options;
    if (options.create && !options.readOnly) {
        auto v = migrate(s->m_conn, appRole);
        if (!v.ok())
            return v.error();
    }
    auto v = s->m_conn.query("SELECT COALESCE(MAX(version), 0)::bigint FROM opsconsole.schema_migrations");
    if (!v.ok()) {
        if (v.error().unreachable) // gone between connecting and the first question
            return v.error();
        return makeError(ErrorCode::Store,
                         QStringLiteral("no team log in this database (%1): its owner creates it with "
                                        "`opsconsole-cli init --store URL`")
                             .arg(v.error().message),
                         s->m_conn.label());
    }
    s->m_schemaVersion = static_cast<int>(v->i64(0, 0));
    if (s->m_schemaVersion != kSchemaVersion)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("the team log's schema is version %1; this console needs %2 (its owner "
                           "migrates it with `opsconsole-cli init --store URL`)")
                .arg(s->m_schemaVersion)
                .arg(kSchemaVersion),
            s->m_conn.label());
    // A team log started from a local store (`evidence migrate`) carries that store's id on.
    auto adopted = s->meta(QStringLiteral("adopted_store_id"));
    if (!adopted.ok())
        return adopted.error();
    auto id = adopted->isEmpty() ? s->meta(QStringLiteral("store_id")) : adopted;
    if (!id.ok())
        return id.error();
    if (id->isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no store id"), s->m_conn.label());
    s->m_storeId = id.value();
    return s;
}

PgEvidenceStore::~PgEvidenceStore() = default;

namespace {

// The advisory lock key of the team log's recorder ("opsconsole recorder", one per database).
constexpr qint64 kRecorderLockKey = 0x6f70732d72656331; // "ops-rec1"

} // namespace

Result<bool> PgEvidenceStore::tryHoldRecorder() {
    auto r = m_conn.query("SELECT pg_try_advisory_lock($1)", pg::Params().i64(kRecorderLockKey));
    if (!r.ok())
        return r.error();
    return r->boolean(0, 0);
}

Result<bool> PgEvidenceStore::holdsRecorder() const {
    // A bigint advisory key shows in pg_locks as classid (its high half), objid (its low half) and
    // objsubid 1.
    auto r =
        m_conn.query("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                     "AND pid = pg_backend_pid() AND objsubid = 1 AND classid::bigint = ($1::bigint >> 32) "
                     "AND objid::bigint = ($1::bigint & 4294967295))",
                     pg::Params().i64(kRecorderLockKey));
    if (!r.ok())
        return r.error();
    return r->boolean(0, 0);
}

Result<void> PgEvidenceStore::releaseRecorder() {
    return m_conn.run("SELECT pg_advisory_unlock($1)", pg::Params().i64(kRecorderLockKey));
}

Result<QString> PgEvidenceStore::meta(const QString &key) const {
    auto r = m_conn.query("SELECT value FROM opsconsole.meta WHERE key = $1", pg::Params().text(key));
    if (!r.ok())
        return r.error();
    return r->count() ? r->text(0, 0) : QString();
}

Result<quint64> PgEvidenceStore::size() const {
    auto r = m_conn.query("SELECT size FROM opsconsole.log_head WHERE id = 1");
    if (!r.ok())
        return r.error();
    if (r->count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"), m_conn.label());
    return static_cast<quint64>(r->i64(0, 0));
}

namespace {

Result<merkle::TreeBuilder> frontierOf(const merkle::TreeReader &reader, quint64 size) {
    QList<QByteArray> frontier;
    for (const auto &[level, index] : merkle::TreeBuilder::frontierNodes(size))
        frontier.append(merkle::subtreeRoot(reader, index << level, (index + 1) << level));
    return merkle::TreeBuilder::fromFrontier(size, frontier);
}

} // namespace

Result<merkle::TreeBuilder> PgEvidenceStore::loadFrontier(quint64 size) const {
    return frontierOf(PgTreeReader(m_conn), size);
}

Result<merkle::TreeBuilder> PgEvidenceStore::frontierFrom(quint64 size, const pg::Rows &rows) const {
    return frontierOf(PrefetchedTreeReader(m_conn, rows), size);
}

bool PgEvidenceStore::checkpointAt(quint64 size) const {
    auto r = m_conn.query("SELECT 1 FROM opsconsole.checkpoints WHERE size = $1",
                          pg::Params().i64(static_cast<qint64>(size)));
    return r.ok() && r->count() == 1;
}

Result<qint64> PgEvidenceStore::timeHighWater() const {
    auto r = m_conn.query(
        "SELECT GREATEST(COALESCE((SELECT MAX(ts_ms) FROM opsconsole.events), 0), "
        "COALESCE((SELECT ts_ms FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1), 0))::bigint");
    if (!r.ok())
        return r.error();
    return r->i64(0, 0);
}

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
    return appendInternal(signer, events, blobs);
}

Result<QList<StoredEvent>> PgEvidenceStore::appendOnSize(quint64 size, const Signer &signer,
                                                         const QList<NewEvent> &events,
                                                         const QList<NewBlob> &blobs) {
    m_onSize = size;
    auto stored = append(signer, events, blobs);
    m_onSize.reset();
    return stored;
}

Result<QList<StoredEvent>> PgEvidenceStore::appendInternal(const Signer &signer,
                                                           const QList<NewEvent> &events,
                                                           const QList<NewBlob> &blobs) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    if (const QString alarm = alarmPath(); !alarm.isEmpty() && QFile::exists(alarm))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to write: this console found the team log rewritten and "
                                        "raised the alarm; nothing is written to it until the alarm is "
                                        "investigated (see the alarm file)"),
                         alarm);
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    // Where this console's verification starts (its first act: the base kept by its witness, else
    // the whole log); from then on what others append is verified under the locked head.
    if (auto r = verifyAssumedBase(); !r.ok())
        return r.error();
    // When others write too, their acts since are read in the first round trip and checked there.
    const bool prefetchTail = m_othersWrite && m_verified && !m_firstBad;
    if (prefetchTail)
        if (auto r = prepareTailCaches(); !r.ok())
            return r.error();
    const quint64 verifiedBefore = m_verified ? m_verified->size : 0;
    if (auto r = refuseAfterBadEvent(); !r.ok())
        return r.error();
    // Round trip one: begin, take the head row, read what the checks need.
    auto tx = pg::Transaction::pipelined(m_conn);
    pg::Pipeline pre;
    pre.add("BEGIN").add(pg::kLockHeadSql).add(kAppendStateSql).add(kFrontierSql);
    if (prefetchTail)
        pre.add(kTailEventsSql, pg::Params().i64(static_cast<qint64>(verifiedBefore)))
            .add(kTailCheckpointsSql, pg::Params().i64(static_cast<qint64>(verifiedBefore)));
    // While the server takes the head and reads, the events are signed: their signatures do not
    // name a position, and their ids and times are chosen here as they would be after.
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    struct Presigned {
        std::string uuid;
        qint64 tsMs = 0;
        std::string payload;
        QByteArray signature;
    };
    std::vector<Presigned> presigned;
    const auto presign = [&] {
        const qint64 now = m_options.clock();
        const std::string storeId = m_storeId.toStdString(), actor = signer.name.toStdString();
        for (const NewEvent &e : events) {
            Presigned p{uuids.next(),
                        e.tsMs    ? *e.tsMs
                        : actTime ? *actTime
                                  : now,
                        CanonicalJson::serialize(e.payload),
                        {}};
            const std::string message = store::codec::signedMessage(
                storeId, p.uuid, p.tsMs, actor, e.kind.toStdString(), e.scope.toStdString(), p.payload);
            p.signature =
                signer.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
            presigned.push_back(std::move(p));
        }
    };
    auto read = m_conn.run(pre, presign);
    if (!read.ok())
        return read.error();
    const pg::Rows &head = read.value()[1];
    const pg::Rows &state = read.value()[2];
    if (head.count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"), m_conn.label());
    // The positions after n are this act's, and nobody else's, until it commits or rolls back.
    const quint64 n = static_cast<quint64>(head.i64(0, 0));
    if (static_cast<quint64>(state.i64(0, 0)) != n)
        return makeError(ErrorCode::Store,
                         QStringLiteral("refusing to append: the log head says %1 events, the log holds %2")
                             .arg(n)
                             .arg(state.i64(0, 0)),
                         m_conn.label());
    // Checked against a head that moved: the caller looks again (the transaction rolls back).
    if (m_onSize && *m_onSize != n)
        return grewMeanwhile(*m_onSize, n);
    // Nothing is written over an event that does not verify: this act's checkpoint would seal it.
    m_othersWrite = m_verified && m_verified->size < n;
    bool tailVerifiedHere = false;
    if (!m_verified || m_verified->size < n) {
        tailVerifiedHere = true;
        bool checked = false;
        if (prefetchTail && m_verified && m_verified->size == verifiedBefore) {
            auto r = checkTailFromRows(n, read.value()[4], read.value()[5]);
            if (!r.ok())
                return r.error();
            checked = r.value();
        }
        if (!checked)
            if (auto r = checkTailHere(); !r.ok())
                return r.error();
        if (auto r = refuseAfterBadEvent(); !r.ok())
            return r.error();
    }
    auto loaded = registryFor(registryKey(state.i64(0, 1), state.i64(0, 2)));
    if (!loaded.ok())
        return loaded.error();
    IdentityRegistry reg = std::move(loaded).value();
    auto plan = act::plan(reg, signer, events, n + 1, m_conn.label());
    if (!plan.ok())
        return plan.error();
    int markers = plan->markers;
    auto tree = frontierFrom(n, read.value()[3]);
    if (!tree.ok())
        return tree.error();
    const auto latest = [&]() -> Result<Checkpoint> {
        if (n == 0)
            return Checkpoint{};
        if (state.isNull(0, 4))
            return makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"),
                             m_conn.label());
        const QByteArrayView c = state.bytesView(0, 4);
        auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                            state.bytes(0, 5), state.text(0, 6));
        if (!cp)
            return makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"),
                             m_conn.label());
        return *cp;
    }();
    const auto signedBytes = [](const Checkpoint &c) -> QByteArray {
        return QByteArray::number(static_cast<qulonglong>(c.canonical.size())) + ':' +
               QByteArray::fromStdString(c.canonical) + c.storedSignature();
    };
    // (Or verified just now with the events before it, by the tail check above.)
    const bool checkedBefore = latest.ok() && n > 0 &&
                               (signedBytes(latest.value()) == m_checkedHead ||
                                (tailVerifiedHere && m_verified && !m_baseAssumed && m_verified->size == n &&
                                 latest->size == n && latest->root == m_verified->root));
    if (auto r = act::checkHead(
            reg, n, tree.value(), latest, [this](quint64 size) { return checkpointAt(size); }, m_conn.label(),
            checkedBefore);
        !r.ok())
        return r.error();
    qint64 latestTs = state.i64(0, 3);
    merkle::TreeBuilder builder = std::move(tree).value();
    pg::RowBatch eventRows = pg::eventBatch();
    pg::RowBatch nodeRows = pg::nodeBatch();
    const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
        if (level >= store::kNodeLevelMin)
            nodeRows.row().i64(level).i64(static_cast<qint64>(index)).bytes(hash);
    };
    QList<StoredEvent> out;
    QList<StoredEvent> sealedIdentities;
    quint64 seq = n;
    // The batch is the caller's events unless the plan put an era marker first; a presigned
    // signature is used only for exactly the event it was made over.
    const qsizetype offset = plan->batch.size() - events.size();
    for (qsizetype i = 0; i < plan->batch.size(); ++i) {
        const NewEvent &e = plan->batch.at(i);
        const Presigned *made = i >= offset && static_cast<std::size_t>(i - offset) < presigned.size()
                                    ? &presigned[static_cast<std::size_t>(i - offset)]
                                    : nullptr;
        if (made && (e.kind != events.at(i - offset).kind || e.scope != events.at(i - offset).scope ||
                     CanonicalJson::serialize(e.payload) != made->payload || made->signature.isEmpty()))
            made = nullptr;
        const std::string uuid = made ? made->uuid : uuids.next();
        auto sealed = act::seal(e, seq + 1, uuid,
                                made      ? made->tsMs
                                : e.tsMs  ? *e.tsMs
                                : actTime ? *actTime
                                          : m_options.clock(),
                                latestTs, signer, true, m_storeId, m_conn.label(),
                                made ? made->signature : QByteArray());
        if (!sealed.ok())
            return sealed.error();
        StoredEvent s = std::move(sealed).value();
        ++seq;
        latestTs = qMax(latestTs, s.tsMs);
        if (s.kind.startsWith(QLatin1String("identity."))) {
            if (const QString why = reg.apply(s, e.payload); !why.isEmpty())
                return makeError(ErrorCode::Policy, why);
        }
        const QByteArrayView canonical(s.canonical.data(), static_cast<qsizetype>(s.canonical.size()));
        s.leafHash = merkle::leafHash(canonical);
        if (s.kind.startsWith(QLatin1String("identity.")))
            sealedIdentities.append(s);
        pg::addEventRow(eventRows, s.seq, s.uuid, s.tsMs, s.actor, s.kind, s.scope, canonical, s.leafHash,
                        s.signedByActor);
        builder.append(s.leafHash, sink);
        if (markers > 0)
            --markers; // the era marker is not one of the caller's events
        else
            out.append(std::move(s));
    }
    auto cp =
        act::signCheckpoint(signer, builder, qMax(m_options.clock(), latestTs), m_storeId, m_options.origin);
    if (!cp.ok())
        return cp.error();
    // Round trip two: the act's rows, its checkpoint, the head, and COMMIT.
    pg::Pipeline write;
    eventRows.moveTo(write);
    nodeRows.moveTo(write);
    for (const NewBlob &b : blobs)
        write.add("INSERT INTO opsconsole.blobs(sha256, size, media_type, data) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT (sha256) DO NOTHING",
                  pg::Params().text(b.sha256).i64(b.bytes.size()).text(b.mediaType).bytes(b.bytes));
    write.add(pg::kInsertCheckpointSql, pg::checkpointRow(cp->size, cp->root, cp->tsMs, cp->signer,
                                                          cp->canonical, cp->storedSignature()));
    pg::publishHead(write, seq);
    write.add("COMMIT");
    if (auto r = m_conn.run(write); !r.ok())
        return r.error();
    tx.committed();
    m_checkedHead = signedBytes(cp.value());
    const bool keptIdentities = m_identitiesAt == n;
    verifiedUpTo(cp.value());
    m_verifiedTree = std::move(builder);
    // The identity events kept move on with this act's own.
    if (keptIdentities) {
        for (const StoredEvent &e : std::as_const(sealedIdentities))
            m_identities.append(e);
        m_identitiesAt = seq;
    }
    // The registry kept at the verified size moves on with this act's own identity events (only
    // ever folded from verified events: never from the reads of the append's own statements).
    if (m_registryAt && m_registryAtSize == n) {
        for (const StoredEvent &e : std::as_const(sealedIdentities))
            (void)m_registryAt->apply(e, e.payload()); // checked by the plan above
        m_registryAtSize = seq;
    }
    return out;
}

Result<void> PgEvidenceStore::refuseAfterBadEvent() const {
    if (!m_firstBad)
        return {};
    return makeError(ErrorCode::Store,
                     QStringLiteral("refusing to append: %1 (evidence verify names it; nothing is written "
                                    "after it)")
                         .arg(m_tailProblem),
                     m_conn.label());
}

Result<quint64> PgEvidenceStore::importJsonl(const Signer &signer, const QString &file,
                                             const Progress &progress) {
    (void)signer;
    (void)progress;
    return makeError(ErrorCode::Usage,
                     QStringLiteral("bulk imports go to a local store; a local store's whole history moves "
                                    "into an empty team log with `evidence migrate --to`"),
                     file);
}

Result<StoredEvent> PgEvidenceStore::attach(const Signer &signer, const QString &name,
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

QString PgEvidenceStore::alarmPath() const {
    return alarmPathFor(m_options.anchorDirectory, m_storeId);
}

QString PgEvidenceStore::alarmPathFor(const QString &anchorDirectory, const QString &storeId) {
    if (anchorDirectory.isEmpty() || storeId.isEmpty())
        return {};
    return anchorDirectory + QStringLiteral("/witness/") + storeId + QStringLiteral(".rewritten");
}

Result<void> PgEvidenceStore::backup(const QString &outPath, const Progress &progress) {
    (void)progress;
    return makeError(ErrorCode::Usage,
                     QStringLiteral("a team log is backed up with the database's own tools (pg_dump) or as a "
                                    "verifiable bundle (`evidence export`)"),
                     outPath);
}

} // namespace ops
