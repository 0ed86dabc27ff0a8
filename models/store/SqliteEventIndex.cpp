// The local file's browsing queries (SqliteEventIndex.h): key-paged searches over the event
// indexes and the FTS5 index of schema version 3, light rows for tables, distinct values, related
// events, and the catching up of the search indexes after a bulk import.
#include "SqliteEventIndex.h"

#include "Schema.h"
#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <array>

namespace ops {

using namespace store;

namespace {

void bindAll(Statement &st, const QVariantList &binds) {
    int i = 1;
    for (const QVariant &v : binds) {
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::ULongLong ||
            v.typeId() == QMetaType::Int)
            st.bind(i++, v.toLongLong());
        else
            st.bind(i++, v.toString());
    }
}

QString upperBoundOf(const QString &prefix) {
    QString upper = prefix;
    upper.back() = QChar(upper.back().unicode() + 1);
    return upper;
}

} // namespace

Result<quint64> SqliteEventIndex::size() const {
    return sqlitestore::maxSeq(m_db);
}

bool SqliteEventIndex::hasSearchIndex() const {
    auto st = Statement::prepare(m_db, "SELECT 1 FROM sqlite_master WHERE name = 'events_fts'");
    if (!st.ok())
        return false;
    auto row = st->step();
    return row.ok() && row.value();
}

Result<quint64> SqliteEventIndex::indexedUpto() const {
    auto st = Statement::prepare(m_db, "SELECT indexed_upto FROM search_state WHERE id = 1");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return row.value() ? static_cast<quint64>(st->int64(0)) : quint64(0);
}

Result<void> SqliteEventIndex::indexRange(quint64 after, quint64 upto) {
    static const std::array<std::string, 2> fill = searchIndexRangeSql();
    for (const std::string &sql : fill) {
        auto st = Statement::prepare(m_db, sql);
        if (!st.ok())
            return st.error();
        st->bind(1, static_cast<qint64>(after)).bind(2, static_cast<qint64>(upto));
        if (auto r = st->run(); !r.ok())
            return r;
    }
    auto st = Statement::prepare(m_db, "UPDATE search_state SET indexed_upto = ? WHERE id = 1");
    if (!st.ok())
        return st.error();
    return st->bind(1, static_cast<qint64>(upto)).run();
}

Result<quint64> SqliteEventIndex::backlog() const {
    if (!hasSearchIndex())
        return quint64(0);
    auto n = size();
    if (!n.ok())
        return n.error();
    auto upto = indexedUpto();
    if (!upto.ok())
        return upto.error();
    return n.value() > upto.value() ? n.value() - upto.value() : 0;
}

Result<quint64> SqliteEventIndex::indexMore(quint64 maxEvents) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_path);
    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = size();
    if (!n.ok())
        return n.error();
    auto upto = indexedUpto();
    if (!upto.ok())
        return upto.error();
    const quint64 to = std::min(n.value(), upto.value() + std::max<quint64>(maxEvents, 1));
    if (to > upto.value())
        if (auto r = indexRange(upto.value(), to); !r.ok())
            return r.error();
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return n.value() - to;
}

Result<void> SqliteEventIndex::checkSearchText(const QString &text) const {
    auto fts = EventSearchText::toFts(text);
    if (!fts.ok())
        return fts.error();
    if (fts->empty() || !hasSearchIndex())
        return {};
    auto st = Statement::prepare(m_db, "SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT 1");
    if (!st.ok())
        return st.error();
    st->bind(1, std::string_view(fts.value()));
    auto row = st->step();
    if (!row.ok())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a valid search: %1").arg(row.error().message),
                         QStringLiteral("search"));
    return {};
}

// The WHERE clause of a search (without the text when the caller drives from the FTS index).
static Result<std::string> whereClause(const SqliteEventIndex &store, const EventSearch &s, bool textHere,
                                       QVariantList &binds) {
    std::string w = "1";
    if (!s.kind.isEmpty()) {
        w += " AND e.kind = ?";
        binds << s.kind;
    }
    if (!s.kindPrefix.isEmpty()) {
        w += " AND e.kind >= ? AND e.kind < ?";
        binds << s.kindPrefix << upperBoundOf(s.kindPrefix);
    }
    if (!s.scope.isEmpty()) {
        w += " AND e.scope = ?";
        binds << s.scope;
    }
    if (!s.actor.isEmpty()) {
        w += " AND e.actor = ?";
        binds << s.actor;
    }
    if (s.fromMs) {
        w += " AND e.ts_ms >= ?";
        binds << *s.fromMs;
    }
    if (s.toMs) {
        w += " AND e.ts_ms < ?";
        binds << *s.toMs;
    }
    if (!s.ref.isEmpty()) {
        // The events that name it, and those of the runs started under it.
        w += " AND e.seq IN (SELECT seq FROM event_refs WHERE ref = ? OR ref IN (SELECT r2.ref FROM "
             "event_refs r1 JOIN "
             "event_refs r2 ON r2.seq = r1.seq WHERE r1.ref = ? AND r2.ref LIKE 'RUN-%'))";
        // Incident and run ids are upper case however they are typed ("inc-7f3a-9c2e").
        const QString ref = s.ref.trimmed();
        const bool cited = ref.startsWith(QLatin1String("INC-"), Qt::CaseInsensitive) ||
                           ref.startsWith(QLatin1String("RUN-"), Qt::CaseInsensitive);
        binds << (cited ? ref.toUpper() : ref) << (cited ? ref.toUpper() : ref);
    }
    if (textHere && !s.text.trimmed().isEmpty()) {
        if (store.hasSearchIndex()) {
            auto fts = EventSearchText::toFts(s.text);
            if (!fts.ok())
                return fts.error();
            if (!fts->empty()) {
                w += " AND e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)";
                binds << QString::fromStdString(fts.value());
            }
        } else {
            w += " AND instr(lower(CAST(e.canonical AS TEXT)), lower(?)) > 0";
            binds << s.text.trimmed();
        }
    }
    return w;
}

Result<SearchPage> SqliteEventIndex::searchPage(const EventSearch &s,
                                                const std::optional<SearchCursor> &after, int limit) const {
    limit = qBound(1, limit, 100000);
    QVariantList binds;
    const bool hasText = !s.text.trimmed().isEmpty();
    const bool ftsDriven = hasText && s.sort == EventSort::Seq && hasSearchIndex();
    std::string sql;
    const char *col = eventSortColumn(s.sort);
    const char *dir = s.descending ? "DESC" : "ASC";
    const char *cmp = s.descending ? "<" : ">";
    if (ftsDriven) {
        auto fts = EventSearchText::toFts(s.text);
        if (!fts.ok())
            return fts.error();
        if (fts->empty()) { // only punctuation typed: no text filter after all
            EventSearch plain = s;
            plain.text.clear();
            return searchPage(plain, after, limit);
        }
        binds << QString::fromStdString(fts.value());
        auto w = whereClause(*this, s, false, binds);
        if (!w.ok())
            return w.error();
        // Driven by the full-text index in rowid (= seq) order, so a page costs what it shows.
        sql = "SELECT f.rowid, f.rowid FROM events_fts f JOIN events e ON e.seq = f.rowid WHERE events_fts "
              "MATCH ? AND " +
              w.value();
        if (after) {
            sql += std::string(" AND f.rowid ") + cmp + " ?";
            binds << qint64(after->seq);
        }
        sql += std::string(" ORDER BY f.rowid ") + dir + " LIMIT ?";
    } else {
        auto w = whereClause(*this, s, true, binds);
        if (!w.ok())
            return w.error();
        sql = std::string("SELECT e.seq, e.") + col + " FROM events e WHERE " + w.value();
        if (after) {
            if (s.sort == EventSort::Seq) {
                sql += std::string(" AND e.seq ") + cmp + " ?";
                binds << qint64(after->seq);
            } else {
                sql += std::string(" AND (e.") + col + ", e.seq) " + cmp + " (?, ?)";
                binds << after->sortValue << qint64(after->seq);
            }
        }
        sql += s.sort == EventSort::Seq ? std::string(" ORDER BY e.seq ") + dir
                                        : std::string(" ORDER BY e.") + col + " " + dir + ", e.seq " + dir;
        sql += " LIMIT ?";
    }
    binds << qint64(limit);
    auto st = Statement::prepare(m_db, sql);
    if (!st.ok())
        return st.error();
    bindAll(st.value(), binds);
    SearchPage page;
    QVariant lastSort;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("search failed: %1").arg(row.error().message),
                             QStringLiteral("search"));
        if (!row.value())
            break;
        page.seqs << static_cast<quint64>(st->int64(0));
        lastSort = (s.sort == EventSort::Seq || s.sort == EventSort::Time) ? QVariant(st->int64(1))
                                                                           : QVariant(st->text(1));
    }
    if (page.seqs.size() == limit)
        page.next = SearchCursor{lastSort, page.seqs.last()};
    return page;
}

Result<qint64> SqliteEventIndex::countMatches(const EventSearch &s) const {
    if (s.isEverything()) {
        auto n = size();
        if (!n.ok())
            return n.error();
        return static_cast<qint64>(n.value());
    }
    QVariantList binds;
    auto w = whereClause(*this, s, true, binds);
    if (!w.ok())
        return w.error();
    auto st = Statement::prepare(m_db, "SELECT count(*) FROM events e WHERE " + w.value());
    if (!st.ok())
        return st.error();
    bindAll(st.value(), binds);
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return st->int64(0);
}

static Result<QList<EventRow>> readRows(Statement &st) {
    QList<EventRow> out;
    while (true) {
        auto row = st.step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        EventRow r;
        r.seq = static_cast<quint64>(st.int64(0));
        r.tsMs = st.int64(1);
        r.actor = st.text(2);
        r.kind = st.text(3);
        r.scope = st.text(4);
        r.signedByActor = st.int64(5) != 0;
        r.summary = st.text(6);
        out << r;
    }
    return out;
}

static constexpr const char *kRowColumns = "SELECT seq, ts_ms, actor, kind, scope, signed, substr(CASE WHEN "
                                           "json_valid(CAST(canonical AS TEXT)) THEN "
                                           "json_extract(CAST(canonical AS TEXT), '$.payload') ELSE "
                                           "CAST(canonical AS TEXT) END, 1, 200) FROM events ";

Result<QList<EventRow>> SqliteEventIndex::rows(const QList<quint64> &seqs) const {
    if (seqs.isEmpty())
        return QList<EventRow>{};
    QJsonArray a;
    for (quint64 s : seqs)
        a.append(static_cast<qint64>(s));
    auto st =
        Statement::prepare(m_db, std::string(kRowColumns) + "WHERE seq IN (SELECT value FROM json_each(?))");
    if (!st.ok())
        return st.error();
    st->bind(1, QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
    auto got = readRows(st.value());
    if (!got.ok())
        return got.error();
    return inOrderOf(seqs, got.value());
}

Result<QList<EventRow>> SqliteEventIndex::rowsBetween(quint64 first, quint64 last, bool descending) const {
    auto st = Statement::prepare(m_db, std::string(kRowColumns) + "WHERE seq BETWEEN ? AND ? ORDER BY seq " +
                                           (descending ? "DESC" : "ASC"));
    if (!st.ok())
        return st.error();
    st->bind(1, qint64(first)).bind(2, qint64(last));
    return readRows(st.value());
}

Result<QStringList> SqliteEventIndex::distinctValues(EventSort column) const {
    if (auto ok = checkDistinctColumn(column); !ok.ok())
        return ok.error();
    const std::string c = eventSortColumn(column);
    // A skip-scan over the column's index: one seek per distinct value, whatever the store's size.
    auto st = Statement::prepare(m_db, "WITH RECURSIVE v(x) AS (SELECT min(" + c +
                                           ") FROM events UNION ALL SELECT (SELECT min(" + c +
                                           ") FROM events WHERE " + c +
                                           " > v.x) FROM v WHERE v.x IS NOT NULL) "
                                           "SELECT x FROM v WHERE x IS NOT NULL");
    if (!st.ok())
        return st.error();
    return st->texts();
}

Result<QStringList> SqliteEventIndex::refsOf(quint64 seq) const {
    if (!hasSearchIndex())
        return QStringList{};
    auto st = Statement::prepare(m_db, "SELECT ref FROM event_refs WHERE seq = ? ORDER BY ref");
    if (!st.ok())
        return st.error();
    st->bind(1, qint64(seq));
    return st->texts();
}

Result<QList<quint64>> SqliteEventIndex::relatedEvents(quint64 seq, int limit) const {
    if (!hasSearchIndex())
        return QList<quint64>{};
    auto st = Statement::prepare(
        m_db, "SELECT DISTINCT r2.seq FROM event_refs r1 JOIN event_refs r2 ON r2.ref = r1.ref "
              "WHERE r1.seq = ? AND r2.seq <> ? ORDER BY r2.seq DESC LIMIT ?");
    if (!st.ok())
        return st.error();
    st->bind(1, qint64(seq)).bind(2, qint64(seq)).bind(3, qint64(qBound(1, limit, 10000)));
    QList<quint64> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out << static_cast<quint64>(st->int64(0));
    }
    return out;
}

} // namespace ops
