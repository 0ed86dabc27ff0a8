// The team log's browsing (PgEventIndex.h): the searches of the local file (EventSearch.h) in SQL
// over the team log's tables, key-paged (never OFFSET) in the search's order. The search text keeps its
// grammar (words, "phrases", prefix*, AND / OR / NOT, parentheses) and matches the same tokens; searches by
// id and by words side by side are narrowed through the search indexes (PgSchema.cpp).
#include "PgEventIndex.h"

#include "pg/LogRows.h"
#include "pg/Pg.h"
#include "pg/TreeReaders.h"
#include "pg/WordIndexQuery.h"

#include <QHash>

#include <algorithm>
#include <string>
#include <utility>

namespace ops {

namespace {

// A statement built with its parameters ($1, $2, … in the order added).
struct Query {
    std::string from = "opsconsole.events e";
    std::string where = "TRUE";
    bool indexed = false; // reads the search indexes: they are brought up to the head first
    pg::Params params;
    int n = 0;
    std::string text(const QString &v) {
        params.text(v);
        return "$" + std::to_string(++n);
    }
    std::string number(qint64 v) {
        params.i64(v);
        return "$" + std::to_string(++n) + "::bigint";
    }
};

std::string tokens(const std::string &expr) {
    return pg::tokensSql(expr);
}

// The events past the search indexes' head (appended since a search last moved them on), read
// from the events themselves.
const std::string kUnindexed = "SELECT seq FROM opsconsole.events WHERE seq > (SELECT size FROM "
                               "opsconsole.event_index_head WHERE id = 1)";

// The ids events name: the index, and those of the events past its head read from the events.
std::string refsWithTail() {
    return "(SELECT seq, ref FROM opsconsole.event_refs UNION ALL SELECT t.seq, t.v FROM (" +
           pg::refsSelect("(SELECT seq, kind, canonical FROM opsconsole.events WHERE seq > (SELECT size FROM "
                          "opsconsole.event_index_head WHERE id = 1)) src") +
           ") t)";
}

// The search text as a condition: the FTS5 query EventSearchText::toFts makes of it (checked and
// normalised there), with FTS5's precedence — terms side by side bind tightest, then NOT (binary:
// "a NOT b" is a and not b), AND, OR — each term (or phrase) a whole-token match, a prefix* a match
// at the start of a token. Empty when nothing is to be matched.
Result<std::string> textCondition(const QString &text, Query &q) {
    auto fts = EventSearchText::toFts(text);
    if (!fts.ok())
        return fts.error();
    const QString s = QString::fromStdString(fts.value());
    std::string out;
    // Per parenthesis level: where the current run of side-by-side items began, and its length.
    struct Run {
        std::size_t start = 0;
        int items = 0;
    };
    QList<Run> runs{Run{}};
    const auto closeRun = [&] {
        Run &r = runs.last();
        if (r.items > 1) {
            out.insert(r.start, "(");
            out += ")";
        }
        r.items = 0;
    };
    const auto item = [&](const std::string &sql) {
        Run &r = runs.last();
        if (r.items == 0)
            r.start = out.size();
        else
            out += " AND ";
        out += sql;
        ++r.items;
    };
    const auto term = [&](const QString &t, bool prefix) {
        // ' tok1 tok2 ' inside ' doc ' (a phrase is its tokens in a row); a prefix leaves the end open.
        const std::string p = q.text(t);
        item("strpos(t.doc, ' ' || btrim(" + tokens(p) + ")" + (prefix ? std::string() : " || ' '") +
             ") > 0");
    };
    for (const pg::FtsToken &t : pg::ftsTokens(s)) {
        switch (t.kind) {
        case pg::FtsToken::Open: {
            Run &r = runs.last();
            if (r.items == 0)
                r.start = out.size();
            else
                out += " AND ";
            ++r.items;
            out += "(";
            runs << Run{};
            break;
        }
        case pg::FtsToken::Close:
            closeRun();
            runs.removeLast();
            out += ")";
            break;
        case pg::FtsToken::And:
        case pg::FtsToken::Or:
        case pg::FtsToken::Not:
            closeRun();
            out += t.kind == pg::FtsToken::Not ? " AND NOT " : t.kind == pg::FtsToken::Or ? " OR " : " AND ";
            break;
        case pg::FtsToken::Term:
            term(t.text, t.prefix);
            break;
        }
    }
    closeRun();
    if (out.empty())
        return std::string();
    q.from += " CROSS JOIN LATERAL (" +
              pg::wordsSelect("(SELECT e.seq, e.kind, e.scope, e.actor, e.canonical) src") + ") t";
    if (const std::optional<QString> narrowing = pg::wordIndexQuery(s)) {
        // The indexed events whose words satisfy it, and those past the indexed head; the exact
        // match decides.
        q.indexed = true;
        return "(" + out +
               ") AND e.seq = ANY(ARRAY(SELECT w.seq FROM opsconsole.event_words w WHERE w.words @@ " +
               q.text(*narrowing) + "::tsquery UNION ALL " + kUnindexed + "))";
    }
    return "(" + out + ")";
}

Result<void> addFilters(const EventSearch &s, Query &q) {
    if (!s.kind.isEmpty())
        q.where += " AND e.kind = " + q.text(s.kind);
    if (!s.kindPrefix.isEmpty()) {
        QString upper = s.kindPrefix;
        upper.back() = QChar(upper.back().unicode() + 1);
        q.where += " AND e.kind COLLATE \"C\" >= " + q.text(s.kindPrefix) + " AND e.kind COLLATE \"C\" < " +
                   q.text(upper);
    }
    if (!s.scope.isEmpty())
        q.where += " AND e.scope = " + q.text(s.scope);
    if (!s.actor.isEmpty())
        q.where += " AND e.actor = " + q.text(s.actor);
    if (s.fromMs)
        q.where += " AND e.ts_ms >= " + q.number(*s.fromMs);
    if (s.toMs)
        q.where += " AND e.ts_ms < " + q.number(*s.toMs);
    if (const QString ref = s.ref.trimmed(); !ref.isEmpty()) {
        // The events that name it, and those of the runs started under it. Incident and run ids
        // are upper case however they are typed.
        const bool cited = ref.startsWith(QLatin1String("INC-"), Qt::CaseInsensitive) ||
                           ref.startsWith(QLatin1String("RUN-"), Qt::CaseInsensitive);
        const QString id = cited ? ref.toUpper() : ref;
        const std::string p = q.text(id);
        q.indexed = true;
        const std::string refs = refsWithTail();
        // The positions as one array computed first: the events are then read by position (a
        // join could walk the whole log in order to meet a handful of positions).
        q.where += " AND e.seq = ANY(ARRAY(SELECT x.seq FROM " + refs + " x WHERE x.ref = " + p +
                   " OR x.ref IN (SELECT r2.ref FROM " + refs + " r1 JOIN " + refs +
                   " r2 ON r2.seq = r1.seq WHERE r1.ref = " + p + " AND r2.ref LIKE 'RUN-%')))";
    }
    if (!s.text.trimmed().isEmpty()) {
        auto text = textCondition(s.text, q);
        if (!text.ok())
            return text.error();
        if (!text->empty())
            q.where += " AND " + text.value();
    }
    return {};
}

} // namespace

Result<pg::Rows> PgEventIndex::searchRows(const std::string &sql, const pg::Params &params,
                                          bool indexed) const {
    // Both transactions under the time limit and without JIT (compiling a plan costs more than these
    // searches take: a search by id reading the events past the index's head is estimated as a
    // scan, and was compiled for 0.2 s).
    const auto limits = [this](pg::Pipeline &p) {
        p.add("SELECT set_config('statement_timeout', $1, true), set_config('jit', 'off', true)",
              pg::Params().text(std::to_string(m_searchTimeoutMs)));
    };
    const auto failed = [this](const Error &e) -> Error {
        // query_canceled: the time limit passed.
        if (m_conn.lastState() != QLatin1String("57014"))
            return e;
        const QString seconds = QString::number(m_searchTimeoutMs / 1000.0, 'g', 3);
        return makeError(ErrorCode::Store,
                         QStringLiteral("the team-log search gave up after %1 s; narrow it (a kind, "
                                        "scope, actor or time range) and search again")
                             .arg(seconds),
                         QStringLiteral("search"))
            .said(QStringLiteral("search.timeout"), {seconds});
    };
    // One round trip: when the search reads the indexes, they first move on in a short
    // transaction of their own (their lock is not held while the search runs), then the search
    // runs read-only; an error in the first skips the second.
    auto tx = pg::Transaction::pipelined(m_conn);
    pg::Pipeline p;
    if (indexed) {
        p.add("BEGIN ISOLATION LEVEL READ COMMITTED");
        limits(p);
        p.add("SELECT opsconsole.index_events($1)", pg::Params().i64(m_indexChunk)).add("COMMIT");
    }
    p.add("BEGIN READ ONLY");
    limits(p);
    p.add(sql, params).add("COMMIT");
    auto r = m_conn.run(p);
    if (!r.ok())
        return failed(r.error());
    tx.committed();
    return r->at(indexed ? 6 : 2);
}

std::function<void()> PgEventIndex::canceller() const {
    return m_conn.canceller();
}

Result<void> PgEventIndex::checkSearchText(const QString &text) const {
    auto fts = EventSearchText::toFts(text);
    if (!fts.ok())
        return fts.error();
    return {};
}

Result<SearchPage> PgEventIndex::searchPage(const EventSearch &s, const std::optional<SearchCursor> &after,
                                            int limit) const {
    limit = qBound(1, limit, 100000);
    Query q;
    if (auto f = addFilters(s, q); !f.ok())
        return f.error();
    const std::string col = eventSortColumn(s.sort);
    const char *dir = s.descending ? " DESC" : " ASC";
    const char *cmp = s.descending ? " < " : " > ";
    if (after) {
        if (s.sort == EventSort::Seq)
            q.where += std::string(" AND e.seq") + cmp + q.number(qint64(after->seq));
        else if (s.sort == EventSort::Time)
            q.where += " AND (e.ts_ms, e.seq)" + std::string(cmp) + "(" +
                       q.number(after->sortValue.toLongLong()) + ", " + q.number(qint64(after->seq)) + ")";
        else
            q.where += " AND (e." + col + ", e.seq)" + cmp + "(" + q.text(after->sortValue.toString()) +
                       " COLLATE \"C\", " + q.number(qint64(after->seq)) + ")";
    }
    std::string sql = "SELECT e.seq, e." + col + " FROM " + q.from + " WHERE " + q.where;
    const bool textSort = s.sort != EventSort::Seq && s.sort != EventSort::Time;
    sql += s.sort == EventSort::Seq
               ? std::string(" ORDER BY e.seq") + dir
               : " ORDER BY e." + col + (textSort ? " COLLATE \"C\"" : "") + dir + ", e.seq" + dir;
    sql += " LIMIT " + q.number(limit);
    auto r = searchRows(sql, q.params, q.indexed);
    if (!r.ok())
        return r.error();
    SearchPage page;
    QVariant lastSort;
    for (int i = 0; i < r->count(); ++i) {
        page.seqs << static_cast<quint64>(r->i64(i, 0));
        lastSort = textSort ? QVariant(r->text(i, 1)) : QVariant(r->i64(i, 1));
    }
    if (page.seqs.size() == limit)
        page.next = SearchCursor{lastSort, page.seqs.last()};
    return page;
}

Result<qint64> PgEventIndex::countMatches(const EventSearch &s) const {
    if (s.isEverything()) {
        auto n = pg::headSize(m_conn);
        if (!n.ok())
            return n.error();
        return static_cast<qint64>(n.value());
    }
    Query q;
    if (auto f = addFilters(s, q); !f.ok())
        return f.error();
    const std::string sql = "SELECT count(*) FROM " + q.from + " WHERE " + q.where;
    auto r = searchRows(sql, q.params, q.indexed);
    if (!r.ok())
        return r.error();
    return r->i64(0, 0);
}

Result<QList<EventRow>> PgEventIndex::rows(const QList<quint64> &seqs) const {
    if (seqs.isEmpty())
        return QList<EventRow>();
    // Positions are numbers: written into the statement, no quoting involved.
    std::string list;
    for (quint64 seq : seqs)
        list += (list.empty() ? "" : ",") + std::to_string(seq);
    const std::string sql =
        std::string("SELECT ") + pg::kEventCols + " FROM opsconsole.events WHERE seq IN (" + list + ")";
    auto events = pg::readEvents(m_conn, sql.c_str(), pg::Params());
    if (!events.ok())
        return events.error();
    return inOrderOf(seqs, eventRows(events.value()));
}

Result<QList<EventRow>> PgEventIndex::rowsBetween(quint64 first, quint64 last, bool descending) const {
    if (last < first)
        return QList<EventRow>();
    // The whole range asked for, as the local file gives it (the caller pages).
    const std::string sql = std::string("SELECT ") + pg::kEventCols +
                            " FROM opsconsole.events WHERE seq BETWEEN $1 AND $2 ORDER BY seq" +
                            (descending ? " DESC" : " ASC");
    auto events = pg::readEvents(m_conn, sql.c_str(),
                                 pg::Params().i64(static_cast<qint64>(first)).i64(static_cast<qint64>(last)));
    if (!events.ok())
        return events.error();
    return eventRows(events.value());
}

Result<qint64> PgEventIndex::unsearchableEvents() const {
    auto r = searchRows("SELECT count(*)::bigint FROM opsconsole.event_index_skipped", pg::Params(), false);
    if (!r.ok())
        return r.error();
    return r->i64(0, 0);
}

Result<QStringList> PgEventIndex::refsOf(quint64 seq) const {
    const std::string sql =
        "SELECT DISTINCT n.v COLLATE \"C\" FROM (" +
        pg::refsSelect("(SELECT seq, kind, canonical FROM opsconsole.events WHERE seq = $1) src") +
        ") n ORDER BY 1";
    auto r = searchRows(sql, pg::Params().i64(static_cast<qint64>(seq)), false);
    if (!r.ok())
        return r.error();
    QStringList out;
    for (int i = 0; i < r->count(); ++i)
        out << r->text(i, 0);
    return out;
}

Result<QList<quint64>> PgEventIndex::relatedEvents(quint64 seq, int limit) const {
    // The events that name one of the ids this one names, as the file's index pairs them: through
    // the id index (moved on first) and the events past its head.
    const std::string sql =
        "SELECT DISTINCT x.seq FROM " + refsWithTail() + " x WHERE x.ref IN (SELECT n.v FROM (" +
        pg::refsSelect("(SELECT seq, kind, canonical FROM opsconsole.events WHERE seq = $1) src") +
        ") n) AND x.seq <> $1 ORDER BY x.seq DESC LIMIT $2";
    auto r = searchRows(sql, pg::Params().i64(static_cast<qint64>(seq)).i64(qBound(1, limit, 10000)), true);
    if (!r.ok())
        return r.error();
    QList<quint64> out;
    for (int i = 0; i < r->count(); ++i)
        out << static_cast<quint64>(r->i64(i, 0));
    return out;
}

Result<QStringList> PgEventIndex::distinctValues(EventSort column) const {
    if (auto ok = checkDistinctColumn(column); !ok.ok())
        return ok.error();
    const std::string sql =
        std::string("SELECT DISTINCT ") + eventSortColumn(column) + " FROM opsconsole.events";
    auto r = searchRows(sql, pg::Params(), false);
    if (!r.ok())
        return r.error();
    QStringList out;
    for (int i = 0; i < r->count(); ++i)
        out << r->text(i, 0);
    std::sort(out.begin(), out.end()); // code point order, as the local file's
    return out;
}

std::optional<QString> PgEventIndex::wordIndexQuery(const QString &searchText) {
    auto fts = EventSearchText::toFts(searchText);
    if (!fts.ok())
        return std::nullopt;
    return pg::wordIndexQuery(QString::fromStdString(fts.value()));
}

} // namespace ops
