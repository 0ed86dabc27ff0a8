// Reading the local store's events: one row, and the filtered reads of the EvidenceStore
// interface (kind, kind prefix, scope, actor, substring, range, either order).
#include "EventCodec.h"
#include "SqliteInternals.h"

#include <limits>

namespace ops::sqlitestore {

StoredEvent eventFromRow(Statement &st) {
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

Result<QList<StoredEvent>> queryEvents(Database &db, const EventFilter &filter) {
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
    auto st = Statement::prepare(db, sql);
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
        StoredEvent e = eventFromRow(st.value());
        if (QString problem = store::codec::readProblem(e); !problem.isEmpty()) {
            if (!filter.markEdited)
                return store::codec::editedEventError(e, problem, db.path());
            e.editedProblem = std::move(problem);
        }
        out.append(std::move(e));
    }
    return out;
}

} // namespace ops::sqlitestore
