// The searches every backend shares: light rows for tables, sort columns, the full-text grammar.
// SqliteEvidenceStore's browsing queries are in SqliteEventSearch.cpp.
#include "EventSearch.h"
#include "EvidenceStore.h"

#include "core/CanonicalJson.h"

#include <QRegularExpression>

namespace ops {

EventRow eventRow(const StoredEvent &e) {
    EventRow r;
    r.seq = e.seq;
    r.tsMs = e.tsMs;
    r.actor = e.actor;
    r.kind = e.kind;
    r.scope = e.scope;
    r.signedByActor = e.signedByActor;
    r.summary = QString::fromStdString(CanonicalJson::serialize(e.payload())).left(200);
    return r;
}

QList<EventRow> eventRows(const QList<StoredEvent> &events, bool reversed) {
    QList<EventRow> rows;
    rows.reserve(events.size());
    for (const StoredEvent &e : events)
        rows << eventRow(e);
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

const char *eventSortColumn(EventSort s) {
    switch (s) {
    case EventSort::Seq:
        return "seq";
    case EventSort::Time:
        return "ts_ms";
    case EventSort::Kind:
        return "kind";
    case EventSort::Scope:
        return "scope";
    case EventSort::Actor:
        return "actor";
    }
    return "seq";
}

Result<void> checkDistinctColumn(EventSort column) {
    if (column == EventSort::Seq || column == EventSort::Time)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("distinct values exist for kind, scope and actor only"));
    return {};
}

QList<EventRow> inOrderOf(const QList<quint64> &seqs, const QList<EventRow> &rows) {
    QHash<quint64, qsizetype> at;
    for (qsizetype i = 0; i < rows.size(); ++i)
        at.insert(rows.at(i).seq, i);
    QList<EventRow> out;
    out.reserve(seqs.size());
    for (quint64 seq : seqs)
        if (auto it = at.constFind(seq); it != at.constEnd())
            out << rows.at(*it);
    return out;
}

bool EventSearch::isEverything() const {
    return kind.isEmpty() && kindPrefix.isEmpty() && scope.isEmpty() && actor.isEmpty() && ref.isEmpty() &&
           !fromMs && !toMs && text.trimmed().isEmpty() && sort == EventSort::Seq;
}

namespace EventSearchText {

Result<std::string> toFts(const QString &text) {
    enum class Last { Start, Term, Operator, Open };
    static const QRegularExpression bareword(QStringLiteral("^[\\p{L}\\p{N}_]+\\*?\\z"));
    static const QRegularExpression hasWordChar(QStringLiteral("[\\p{L}\\p{N}]"));
    QStringList out;
    Last last = Last::Start;
    int depth = 0;
    auto invalid = [](const QString &message) {
        return makeError(ErrorCode::InvalidInput, message, QStringLiteral("search"));
    };
    auto term = [&](const QString &t) -> std::optional<Error> {
        // FTS5 joins a term to the term before it, but not to a closing parenthesis: "(a) b" is
        // said "(a) AND b".
        if (last == Last::Term && !out.isEmpty() && out.last() == QLatin1String(")"))
            out << QStringLiteral("AND");
        out << t;
        last = Last::Term;
        return std::nullopt;
    };
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('"')) {
            qsizetype end = i + 1;
            QString phrase;
            bool closed = false;
            while (end < n) {
                if (text.at(end) == QLatin1Char('"')) {
                    if (end + 1 < n && text.at(end + 1) == QLatin1Char('"')) {
                        phrase += QStringLiteral("\"\"");
                        end += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                phrase += text.at(end++);
            }
            if (!closed)
                return invalid(QStringLiteral("a quote is not closed"));
            i = end + 1;
            QString t = QLatin1Char('"') + phrase + QLatin1Char('"');
            if (i < n && text.at(i) == QLatin1Char('*')) {
                t += QLatin1Char('*');
                ++i;
            }
            if (!hasWordChar.match(phrase).hasMatch())
                continue; // nothing to search for inside
            term(t);
            continue;
        }
        if (c == QLatin1Char('(')) {
            if (last == Last::Term)
                out << QStringLiteral("AND");
            out << QStringLiteral("(");
            ++depth;
            last = Last::Open;
            ++i;
            continue;
        }
        if (c == QLatin1Char(')')) {
            if (depth == 0)
                return invalid(QStringLiteral("a closing parenthesis has no opening one"));
            if (last == Last::Operator)
                return invalid(QStringLiteral("%1 needs a term after it").arg(out.last()));
            if (last == Last::Open)
                return invalid(QStringLiteral("empty parentheses"));
            out << QStringLiteral(")");
            --depth;
            last = Last::Term;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < n && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"') &&
               text.at(end) != QLatin1Char('(') && text.at(end) != QLatin1Char(')'))
            ++end;
        const QString word = text.mid(i, end - i);
        i = end;
        if (word == QLatin1String("AND") || word == QLatin1String("OR") || word == QLatin1String("NOT")) {
            if (last != Last::Term)
                return invalid(QStringLiteral("%1 needs a term before it").arg(word));
            out << word;
            last = Last::Operator;
            continue;
        }
        if (!hasWordChar.match(word).hasMatch())
            continue; // punctuation alone matches nothing the tokenizer keeps
        if (bareword.match(word).hasMatch() && word != QLatin1String("NEAR"))
            term(word);
        else
            term(QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                 QLatin1Char('"'));
    }
    if (depth > 0)
        return invalid(QStringLiteral("a parenthesis is not closed"));
    if (last == Last::Operator)
        return invalid(QStringLiteral("%1 needs a term after it").arg(out.last()));
    return out.join(QLatin1Char(' ')).toStdString();
}

} // namespace EventSearchText

} // namespace ops
