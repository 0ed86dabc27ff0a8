#pragma once

// What the local store's source files share (not an interface of its own): reading its Merkle
// tree and its size.

#include "EvidenceTypes.h"
#include "Schema.h"
#include "Sqlite.h"

#include "crypto/Merkle.h"

#include <QFile>
#include <QString>

#include <optional>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ops::sqlitestore {

namespace merkle = crypto::merkle;
using store::Database;
using store::kNodeLevelMin;
using store::Statement;

inline constexpr const char *kEventColumns =
    "seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed";

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

// One event of a statement that selected kEventColumns.
StoredEvent eventFromRow(Statement &st);
// The events a filter selects (at most 100,000), by an index where one serves.
Result<QList<StoredEvent>> queryEvents(Database &db, const EventFilter &filter);

inline Result<quint64> maxSeq(Database &db) {
    auto st = Statement::prepare(db, "SELECT COALESCE(MAX(seq), 0) FROM events");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return static_cast<quint64>(st->int64(0));
}

} // namespace ops::sqlitestore
