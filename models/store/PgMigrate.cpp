// `evidence migrate`: a local store moved into an empty team log, byte for byte.

#include "LogVerifier.h"
#include "PgEvidenceStore.h"
#include "Schema.h"

#include "crypto/Merkle.h"

#include <QFile>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

// Rows per multi-row INSERT: few round trips, well under PostgreSQL's 65,535 parameters.
constexpr int kEventsPerInsert = 500;

std::string valuesList(int rows, int columns) {
    std::string sql;
    int n = 1;
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < columns; ++c) {
            if (c)
                sql += ',';
            sql += '$' + std::to_string(n++);
        }
        sql += ')';
    }
    return sql;
}

struct PendingRows {
    const char *head; // "INSERT INTO … VALUES "
    int columns;
    int rows = 0;
    pg::Params params;

    Result<void> flush(pg::Connection &conn) {
        if (rows == 0)
            return {};
        const std::string sql = head + valuesList(rows, columns);
        auto r = conn.run(sql.c_str(), params);
        rows = 0;
        params = pg::Params();
        return r;
    }
};

} // namespace

Result<PgEvidenceStore::Adopted> PgEvidenceStore::adopt(const SqliteEvidenceStore &source,
                                                        const Progress &progress) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    Adopted out;
    auto tx = pg::Transaction::begin(m_conn);
    if (!tx.ok())
        return tx.error();
    auto head = m_conn.query("SELECT size FROM opsconsole.log_head WHERE id = 1 FOR UPDATE");
    if (!head.ok())
        return head.error();
    auto held = m_conn.query("SELECT (SELECT COUNT(*) FROM opsconsole.events)::bigint, "
                             "(SELECT COUNT(*) FROM opsconsole.checkpoints)::bigint, "
                             "(SELECT COUNT(*) FROM opsconsole.meta WHERE key = 'adopted_store_id')::bigint");
    if (!held.ok())
        return held.error();
    if (head->count() != 1 || head->i64(0, 0) != 0 || held->i64(0, 0) != 0 || held->i64(0, 1) != 0 ||
        held->i64(0, 2) != 0)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the team log is not empty (%1 events): a local store moves only into "
                           "an empty one")
                .arg(held->i64(0, 0)),
            m_conn.label());
    // Its checkpoints name the file's store id: the team log carries it on from here.
    if (auto r = m_conn.run("INSERT INTO opsconsole.meta(key, value) VALUES ('adopted_store_id', $1)",
                            pg::Params().text(source.storeId()));
        !r.ok())
        return r.error();

    auto copied = source.readLog([&](LogSource &log) -> Result<void> {
        auto total = log.size();
        if (!total.ok())
            return total.error();
        merkle::TreeBuilder tree;
        PendingRows events{"INSERT INTO opsconsole.events(seq, uuid, ts_ms, actor, kind, scope, canonical, "
                           "leaf_hash, signed) VALUES ",
                           9,
                           0,
                           {}};
        PendingRows nodes{"INSERT INTO opsconsole.merkle_nodes(level, idx, hash) VALUES ", 3, 0, {}};
        std::optional<Error> failed;
        const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
            if (level < store::kNodeLevelMin)
                return;
            nodes.params.i64(level).i64(static_cast<qint64>(index)).bytes(hash);
            if (++nodes.rows == kEventsPerInsert && !failed)
                if (auto r = nodes.flush(m_conn); !r.ok())
                    failed = r.error();
        };
        LogEventRow row;
        while (true) {
            auto more = log.nextEvent(row);
            if (!more.ok())
                return more.error();
            if (!more.value())
                break;
            if (row.seq != out.events + 1)
                return makeError(
                    ErrorCode::Store,
                    QStringLiteral("the local store skips from event %1 to %2").arg(out.events).arg(row.seq),
                    source.path());
            // The leaf is recomputed from the bytes, never taken from the file's column.
            const QByteArray leaf = merkle::leafHash(row.canonical);
            if (QByteArrayView(leaf) != row.leafHash)
                return makeError(
                    ErrorCode::Negative,
                    QStringLiteral("event %1's stored leaf hash does not match its bytes").arg(row.seq),
                    source.path());
            events.params.i64(static_cast<qint64>(row.seq))
                .text(row.uuid)
                .i64(row.tsMs)
                .text(row.actor)
                .text(row.kind)
                .text(row.scope)
                .bytes(row.canonical)
                .bytes(leaf)
                .boolean(row.signedByActor);
            ++out.events;
            tree.append(leaf, sink);
            if (failed)
                return *failed;
            if (++events.rows == kEventsPerInsert) {
                if (auto r = events.flush(m_conn); !r.ok())
                    return r.error();
                if (progress && !progress(out.events, total.value()))
                    return makeError(ErrorCode::Store, QStringLiteral("migration cancelled"));
            }
        }
        if (auto r = events.flush(m_conn); !r.ok())
            return r.error();
        if (auto r = nodes.flush(m_conn); !r.ok())
            return r.error();
        out.root = tree.root();
        LogCheckpointRow cp;
        while (true) {
            auto more = log.nextCheckpoint(cp);
            if (!more.ok())
                return more.error();
            if (!more.value())
                break;
            if (auto r =
                    m_conn.run("INSERT INTO opsconsole.checkpoints(size, root, ts_ms, signer, canonical, "
                               "signature) VALUES ($1, $2, $3, $4, $5, $6)",
                               pg::Params()
                                   .i64(static_cast<qint64>(cp.size))
                                   .bytes(cp.root)
                                   .i64(cp.tsMs)
                                   .text(cp.signer)
                                   .bytes(QByteArrayView(cp.canonical.data(),
                                                         static_cast<qsizetype>(cp.canonical.size())))
                                   .bytes(cp.signature));
                !r.ok())
                return r.error();
            ++out.checkpoints;
        }
        std::optional<Error> blobError;
        auto blobs = log.forEachBlob([&](const QString &sha, qint64 size, QByteArrayView data) {
            if (blobError)
                return;
            auto info = source.blobInfo(sha);
            if (!info.ok()) {
                blobError = info.error();
                return;
            }
            if (auto r = m_conn.run("INSERT INTO opsconsole.blobs(sha256, size, media_type, data) "
                                    "VALUES ($1, $2, $3, $4)",
                                    pg::Params().text(sha).i64(size).text(info->mediaType).bytes(data));
                !r.ok())
                blobError = r.error();
            else
                ++out.blobs;
        });
        if (!blobs.ok())
            return blobs.error();
        if (blobError)
            return *blobError;
        return {};
    });
    if (!copied.ok())
        return copied.error();
    if (out.events == 0)
        return makeError(ErrorCode::Policy, QStringLiteral("the local store is empty: nothing to migrate"),
                         source.path());
    if (auto r = m_conn.run("UPDATE opsconsole.log_head SET size = $1 WHERE id = 1",
                            pg::Params().i64(static_cast<qint64>(out.events)));
        !r.ok())
        return r.error();
    if (auto r = m_conn.run("SELECT pg_notify('opsconsole_log', $1)",
                            pg::Params().text(QString::number(out.events)));
        !r.ok())
        return r.error();
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    m_storeId = source.storeId();
    m_registryCache.reset();
    return out;
}

} // namespace ops
