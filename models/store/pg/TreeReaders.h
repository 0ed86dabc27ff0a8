#pragma once

// How the team log's store reads its rows and its Merkle tree (shared by the store's source files;
// not an interface of its own).

#include "Pg.h"

#include "store/EvidenceTypes.h"
#include "store/Schema.h"

#include "crypto/Merkle.h"

#include <string>

namespace ops::pg {

namespace merkle = crypto::merkle;

inline constexpr const char *kEventCols =
    "seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed";

inline StoredEvent readRow(const pg::Rows &r, int i) {
    StoredEvent e;
    e.seq = static_cast<quint64>(r.i64(i, 0));
    e.uuid = r.text(i, 1);
    e.tsMs = r.i64(i, 2);
    e.actor = r.text(i, 3);
    e.kind = r.text(i, 4);
    e.scope = r.text(i, 5);
    const QByteArrayView c = r.bytesView(i, 6);
    e.canonical.assign(c.data(), static_cast<std::size_t>(c.size()));
    e.leafHash = r.bytes(i, 7);
    e.signedByActor = r.boolean(i, 8);
    return e;
}

// The events a query over kEventCols returns, in its order.
inline Result<QList<StoredEvent>> readEvents(Connection &c, const char *sql, const Params &params) {
    auto r = c.query(sql, params);
    if (!r.ok())
        return r.error();
    QList<StoredEvent> out;
    out.reserve(r->count());
    for (int i = 0; i < r->count(); ++i)
        out.append(readRow(r.value(), i));
    return out;
}

// The size of the log as its head row says.
inline Result<quint64> headSize(Connection &c) {
    auto r = c.query("SELECT size FROM opsconsole.log_head WHERE id = 1");
    if (!r.ok())
        return r.error();
    if (r->count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"), c.label());
    return static_cast<quint64>(r->i64(0, 0));
}

class PgTreeReader final : public merkle::TreeReader {
public:
    explicit PgTreeReader(pg::Connection &c)
        : m_conn(c) {}
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        QList<QByteArray> out;
        auto rows =
            m_conn.query("SELECT leaf_hash FROM opsconsole.events WHERE seq > $1 AND seq <= $2 ORDER BY seq",
                         pg::Params().i64(static_cast<qint64>(begin)).i64(static_cast<qint64>(end)));
        if (!rows.ok())
            return out;
        for (int i = 0; i < rows->count(); ++i)
            out.append(rows->bytes(i, 0));
        return out;
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (level < store::kNodeLevelMin)
            return std::nullopt;
        auto rows = m_conn.query("SELECT hash FROM opsconsole.merkle_nodes WHERE level = $1 AND idx = $2",
                                 pg::Params().i64(level).i64(static_cast<qint64>(index)));
        if (!rows.ok() || rows->count() == 0)
            return std::nullopt;
        return rows->bytes(0, 0);
    }

private:
    pg::Connection &m_conn;
};

// Answers from the prefetched frontier rows; anything else from the database.
class PrefetchedTreeReader final : public merkle::TreeReader {
public:
    PrefetchedTreeReader(pg::Connection &c, const pg::Rows &rows)
        : m_db(c) {
        for (int i = 0; i < rows.count(); ++i) {
            const qint64 level = rows.i64(i, 0);
            const quint64 index = static_cast<quint64>(rows.i64(i, 1));
            if (level >= 0) {
                m_nodes.insert({static_cast<int>(level), index}, rows.bytes(i, 2));
            } else if (m_leaves.isEmpty() ||
                       index == m_leafFrom + static_cast<quint64>(m_leaves.size()) + 1) {
                if (m_leaves.isEmpty())
                    m_leafFrom = index - 1;
                m_leaves.append(rows.bytes(i, 2));
            } else {
                m_leavesBroken = true; // not contiguous: let the database answer
            }
        }
    }
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        if (!m_leavesBroken && begin >= m_leafFrom && end >= begin &&
            end <= m_leafFrom + static_cast<quint64>(m_leaves.size()))
            return m_leaves.mid(static_cast<qsizetype>(begin - m_leafFrom),
                                static_cast<qsizetype>(end - begin));
        return m_db.leafHashes(begin, end);
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (auto it = m_nodes.constFind({level, index}); it != m_nodes.constEnd())
            return *it;
        return m_db.perfectNode(level, index);
    }

private:
    PgTreeReader m_db;
    QHash<std::pair<int, quint64>, QByteArray> m_nodes;
    quint64 m_leafFrom = 0;
    QList<QByteArray> m_leaves;
    bool m_leavesBroken = false;
};

} // namespace ops::pg
