// `evidence migrate`: a local store moved into an empty team log, byte for byte.

#include "LogVerifier.h"
#include "PgEvidenceStore.h"
#include "Schema.h"
#include "pg/LogRows.h"

#include "crypto/Merkle.h"

#include <QFile>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

// Rows per multi-row INSERT: few round trips, well under PostgreSQL's 65,535 parameters.
constexpr int kRowsPerInsert = 500;

} // namespace

Result<PgEvidenceStore::Adopted> PgEvidenceStore::adopt(const SqliteEvidenceStore &source,
                                                        const Progress &progress) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    auto out = pg::copyLocalStore(m_conn, source, progress);
    if (!out.ok())
        return out.error();
    m_storeId = source.storeId();
    m_registryCache.reset();
    return out;
}

Result<AdoptedLog> pg::copyLocalStore(Connection &conn, const SqliteEvidenceStore &source,
                                      const Progress &progress) {
    AdoptedLog out;
    auto tx = pg::Transaction::begin(conn);
    if (!tx.ok())
        return tx.error();
    auto head = conn.query(pg::kLockHeadSql);
    if (!head.ok())
        return head.error();
    auto held = conn.query("SELECT (SELECT COUNT(*) FROM opsconsole.events)::bigint, "
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
            conn.label());
    // Its checkpoints name the file's store id: the team log carries it on from here.
    if (auto r = conn.run("INSERT INTO opsconsole.meta(key, value) VALUES ('adopted_store_id', $1)",
                          pg::Params().text(source.storeId()));
        !r.ok())
        return r.error();

    auto copied = source.readLog([&](LogSource &log) -> Result<void> {
        auto total = log.size();
        if (!total.ok())
            return total.error();
        merkle::TreeBuilder tree;
        pg::RowBatch events = pg::eventBatch();
        pg::RowBatch nodes = pg::nodeBatch();
        std::optional<Error> failed;
        const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
            if (level < store::kNodeLevelMin)
                return;
            nodes.row().i64(level).i64(static_cast<qint64>(index)).bytes(hash);
            if (nodes.rows() == kRowsPerInsert && !failed)
                if (auto r = nodes.flush(conn); !r.ok())
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
            pg::addEventRow(events, row.seq, row.uuid, row.tsMs, row.actor, row.kind, row.scope,
                            row.canonical, leaf, row.signedByActor);
            ++out.events;
            tree.append(leaf, sink);
            if (failed)
                return *failed;
            if (events.rows() == kRowsPerInsert) {
                if (auto r = events.flush(conn); !r.ok())
                    return r.error();
                if (progress && !progress(out.events, total.value()))
                    return makeError(ErrorCode::Store, QStringLiteral("migration cancelled"));
            }
        }
        if (auto r = events.flush(conn); !r.ok())
            return r.error();
        if (auto r = nodes.flush(conn); !r.ok())
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
                    conn.run(pg::kInsertCheckpointSql, pg::checkpointRow(cp.size, cp.root, cp.tsMs, cp.signer,
                                                                         cp.canonical, cp.signature));
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
            if (auto r = conn.run("INSERT INTO opsconsole.blobs(sha256, size, media_type, data) "
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
    pg::Pipeline publish;
    pg::publishHead(publish, out.events);
    publish.add("COMMIT");
    if (auto r = conn.run(publish); !r.ok())
        return r.error();
    tx->committed();
    // The search indexes catch up on the whole history now, while migrating, rather than a chunk
    // per search later. The migration is committed already: a failure here is reported, not
    // returned, and a head that does not move (another console holds it) ends the loop.
    for (qint64 indexed = 0; indexed < static_cast<qint64>(out.events);) {
        auto r = conn.query("SELECT opsconsole.index_events(100000)");
        if (!r.ok()) {
            out.indexNote = r.error().message;
            break;
        }
        const qint64 now = r->i64(0, 0);
        if (now <= indexed) {
            out.indexNote = QStringLiteral("another console is indexing the team log; searches index the "
                                           "rest as they run");
            break;
        }
        indexed = now;
    }
    return out;
}

} // namespace ops
