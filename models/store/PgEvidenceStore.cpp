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

Result<std::unique_ptr<PgEvidenceStore>>
PgEvidenceStore::open(const QString &url, const StoreOpenOptions &options, const QString &appRole) {
    auto conn = pg::Connection::connect(url);
    if (!conn.ok())
        return conn.error();
    std::unique_ptr<PgEvidenceStore> s(new PgEvidenceStore());
    s->m_conn = std::move(conn).value();
    s->m_options = options;
    if (options.create && !options.readOnly) {
        auto v = pg::migrateSchema(s->m_conn, appRole);
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
    return pg::headSize(m_conn);
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

Result<void> PgEvidenceStore::refuseAfterBadEvent() const {
    if (!m_view.firstBad)
        return {};
    return makeError(ErrorCode::Store,
                     QStringLiteral("refusing to append: %1 (evidence verify names it; nothing is written "
                                    "after it)")
                         .arg(m_view.tailProblem),
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
