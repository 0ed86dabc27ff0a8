// PgEvidenceStore's browsing: the searches of the local file (EventSearch.h) in SQL over the team
// log's tables, key-paged (never OFFSET) in the search's order. The search text keeps its grammar
// (words, "phrases", prefix*, AND / OR / NOT, parentheses), each term a case-insensitive substring
// of the event's bytes.
#include "PgEvidenceStore.h"
#include "pg/TreeReaders.h"

#include <QHash>

#include <algorithm>
#include <string>

namespace ops {

namespace {

// A statement built with its parameters ($1, $2, … in the order added).
struct Query {
    std::string with; // "WITH refs AS (…) " when an id is filtered on
    std::string from = "opsconsole.events e";
    std::string where = "TRUE";
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

// A term as the local file's tokenizer sees words: lower case, every run of other characters one
// space. The same is done in SQL to the event's text, so "INC-6" is the tokens "inc 6" on both
// sides and never matches INC-60.
const char *kTokens = "regexp_replace(lower(%1), '[^[:alnum:]]+', ' ', 'g')";

std::string tokens(const std::string &expr) {
    std::string out = kTokens;
    out.replace(out.find("%1"), 2, expr);
    return out;
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
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(' ')) {
            ++i;
        } else if (c == QLatin1Char('(')) {
            Run &r = runs.last();
            if (r.items == 0)
                r.start = out.size();
            else
                out += " AND ";
            ++r.items;
            out += "(";
            runs << Run{};
            ++i;
        } else if (c == QLatin1Char(')')) {
            closeRun();
            runs.removeLast();
            out += ")";
            ++i;
        } else if (c == QLatin1Char('"')) {
            QString phrase;
            qsizetype j = i + 1;
            while (j < s.size()) {
                if (s.at(j) == QLatin1Char('"')) {
                    if (j + 1 < s.size() && s.at(j + 1) == QLatin1Char('"')) {
                        phrase += QLatin1Char('"');
                        j += 2;
                        continue;
                    }
                    break;
                }
                phrase += s.at(j++);
            }
            i = j + 1;
            const bool prefix = i < s.size() && s.at(i) == QLatin1Char('*');
            if (prefix)
                ++i;
            term(phrase, prefix);
        } else {
            qsizetype j = i;
            while (j < s.size() && s.at(j) != QLatin1Char(' ') && s.at(j) != QLatin1Char('(') &&
                   s.at(j) != QLatin1Char(')'))
                ++j;
            QString word = s.mid(i, j - i);
            i = j;
            if (word == QLatin1String("AND") || word == QLatin1String("OR") || word == QLatin1String("NOT")) {
                closeRun();
                out += word == QLatin1String("NOT") ? " AND NOT " : " " + word.toStdString() + " ";
            } else {
                const bool prefix = word.endsWith(QLatin1Char('*'));
                if (prefix)
                    word.chop(1);
                term(word, prefix);
            }
        }
    }
    closeRun();
    if (out.empty())
        return std::string();
    // What the local file's full-text index holds of an event: kind, scope, actor and the payload's
    // JSON text, as tokens between spaces. The payload is cut from the event's bytes as written, no
    // JSON parsed (an escaped NUL, which PostgreSQL's JSON types refuse, is only text here): it
    // follows the first "payload": key (keys are sorted, and a quote inside a string is always
    // escaped) and ends before the last ,"scope": key (what follows it, the signature and the
    // time, are not the payload).
    q.from += " CROSS JOIN LATERAL (SELECT convert_from(e.canonical, 'UTF8') AS raw) r"
              " CROSS JOIN LATERAL (SELECT strpos(r.raw, '\"payload\":') + 10 AS p1, length(r.raw) - "
              "strpos(reverse(r.raw), ':\"epocs\",') - 7 AS p2) c"
              " CROSS JOIN LATERAL (SELECT ' ' || " +
              tokens("e.kind || ' ' || e.scope || ' ' || e.actor || ' ' || substr(r.raw, c.p1, greatest(0, "
                     "c.p2 - c.p1))") +
              " || ' ' AS doc) t";
    return "(" + out + ")";
}

// The ids an event names, as the local file's reference index keeps them: the payload's incident,
// run, record (or its id) and launch when they are strings, and the id an opener chose (upper
// case) or its position id. An event whose text holds an escaped NUL (PostgreSQL's JSON functions
// refuse one) names no id here rather than failing every search.
std::string refsCte() {
    const auto str = [](const char *path) {
        return std::string("CASE json_typeof(x.d #> '") + path + "') WHEN 'string' THEN x.d #>> '" + path +
               "' END";
    };
    const std::string chosen = "upper(" + str("{payload,id}") + ")";
    return "WITH refs AS MATERIALIZED (SELECT x.seq, r.v FROM (SELECT e0.seq, e0.kind, "
           "CASE WHEN strpos(e0.raw, '\\u0000') = 0 THEN e0.raw::json END AS d FROM (SELECT seq, kind, "
           "convert_from(canonical, 'UTF8') AS raw FROM opsconsole.events) e0) x CROSS JOIN LATERAL "
           "(VALUES (" +
           str("{payload,incident}") + "), (" + str("{payload,run}") +
           "), (CASE json_typeof(x.d #> "
           "'{payload,record}') WHEN 'string' THEN "
           "x.d #>> '{payload,record}' WHEN 'object' "
           "THEN " +
           str("{payload,record,id}") + " END), (" + str("{payload,launch}") +
           "), (CASE x.kind WHEN 'incident.opened' THEN coalesce(" + chosen +
           ", 'INC-' || x.seq) WHEN 'runbook.started' THEN coalesce(" + chosen +
           ", 'RUN-' || x.seq) WHEN 'rollback.started' THEN coalesce(" + chosen +
           ", 'RUN-' || x.seq) END)) AS r(v) WHERE r.v IS NOT NULL AND r.v <> '') ";
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
        q.with = refsCte();
        const std::string p = q.text(id);
        q.where += " AND e.seq IN (SELECT seq FROM refs WHERE v = " + p +
                   " OR v IN (SELECT r2.v FROM refs r1 JOIN refs r2 ON r2.seq = r1.seq WHERE r1.v = " + p +
                   " AND r2.v LIKE 'RUN-%'))";
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

Result<pg::Rows> PgEvidenceStore::searchRows(const std::string &sql, const pg::Params &params) const {
    auto tx = pg::Transaction::pipelined(m_conn);
    pg::Pipeline p;
    p.add("BEGIN READ ONLY")
        .add("SELECT set_config('statement_timeout', $1, true)",
             pg::Params().text(std::to_string(m_searchTimeoutMs)))
        .add(sql, params)
        .add("COMMIT");
    auto r = m_conn.run(p);
    if (!r.ok()) {
        if (m_conn.lastState() == QLatin1String("57014")) // query_canceled: the time limit
        {
            const QString seconds = QString::number(m_searchTimeoutMs / 1000.0, 'g', 3);
            return makeError(ErrorCode::Store,
                             QStringLiteral("the team-log search gave up after %1 s; narrow it (a kind, "
                                            "scope, actor or time range) and search again")
                                 .arg(seconds),
                             QStringLiteral("search"))
                .said(QStringLiteral("search.timeout"), {seconds});
        }
        return r.error();
    }
    tx.committed();
    return r->at(2);
}

Result<void> PgEvidenceStore::checkSearchText(const QString &text) const {
    auto fts = EventSearchText::toFts(text);
    if (!fts.ok())
        return fts.error();
    return {};
}

Result<SearchPage> PgEvidenceStore::searchPage(const EventSearch &s, const std::optional<SearchCursor> &after,
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
    std::string sql = q.with + "SELECT e.seq, e." + col + " FROM " + q.from + " WHERE " + q.where;
    const bool textSort = s.sort != EventSort::Seq && s.sort != EventSort::Time;
    sql += s.sort == EventSort::Seq
               ? std::string(" ORDER BY e.seq") + dir
               : " ORDER BY e." + col + (textSort ? " COLLATE \"C\"" : "") + dir + ", e.seq" + dir;
    sql += " LIMIT " + q.number(limit);
    auto r = searchRows(sql, q.params);
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

Result<qint64> PgEvidenceStore::countMatches(const EventSearch &s) const {
    if (s.isEverything()) {
        auto n = size();
        if (!n.ok())
            return n.error();
        return static_cast<qint64>(n.value());
    }
    Query q;
    if (auto f = addFilters(s, q); !f.ok())
        return f.error();
    const std::string sql = q.with + "SELECT count(*) FROM " + q.from + " WHERE " + q.where;
    auto r = searchRows(sql, q.params);
    if (!r.ok())
        return r.error();
    return r->i64(0, 0);
}

Result<QList<EventRow>> PgEvidenceStore::rows(const QList<quint64> &seqs) const {
    if (seqs.isEmpty())
        return QList<EventRow>();
    // Positions are numbers: written into the statement, no quoting involved.
    std::string list;
    for (quint64 seq : seqs)
        list += (list.empty() ? "" : ",") + std::to_string(seq);
    const std::string sql =
        std::string("SELECT ") + pg::kEventCols + " FROM opsconsole.events WHERE seq IN (" + list + ")";
    auto events = readEvents(sql.c_str(), pg::Params());
    if (!events.ok())
        return events.error();
    QList<EventRow> got;
    got.reserve(events->size());
    for (const StoredEvent &e : events.value())
        got << eventRow(e);
    return inOrderOf(seqs, got);
}

Result<QList<EventRow>> PgEvidenceStore::rowsBetween(quint64 first, quint64 last, bool descending) const {
    if (last < first)
        return QList<EventRow>();
    // The whole range asked for, as the local file gives it (the caller pages).
    const std::string sql = std::string("SELECT ") + pg::kEventCols +
                            " FROM opsconsole.events WHERE seq BETWEEN $1 AND $2 ORDER BY seq" +
                            (descending ? " DESC" : " ASC");
    auto events =
        readEvents(sql.c_str(), pg::Params().i64(static_cast<qint64>(first)).i64(static_cast<qint64>(last)));
    if (!events.ok())
        return events.error();
    QList<EventRow> out;
    out.reserve(events->size());
    for (const StoredEvent &e : events.value())
        out << eventRow(e);
    return out;
}

Result<QStringList> PgEvidenceStore::distinctValues(EventSort column) const {
    if (auto ok = checkDistinctColumn(column); !ok.ok())
        return ok.error();
    const std::string sql =
        std::string("SELECT DISTINCT ") + eventSortColumn(column) + " FROM opsconsole.events";
    auto r = searchRows(sql, pg::Params());
    if (!r.ok())
        return r.error();
    QStringList out;
    for (int i = 0; i < r->count(); ++i)
        out << r->text(i, 0);
    std::sort(out.begin(), out.end()); // code point order, as the local file's
    return out;
}

} // namespace ops
