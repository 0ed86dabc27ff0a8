#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ops::pg {

// One item of a search text as EventSearchText::toFts normalised it: a term (a word or a
// "phrase", maybe a prefix*), an operator or a parenthesis.
struct FtsToken {
    enum Kind { Term, And, Or, Not, Open, Close } kind;
    QString text;
    bool prefix = false;
};
QList<FtsToken> ftsTokens(const QString &fts);

// The search text (as EventSearchText::toFts normalised it) as a query of the team log's word
// index (a tsquery over its tokens: runs of ASCII letters and digits, words kept to their first
// 250 characters) that every
// event the search matches satisfies: the exact match then reads only the events it selects.
// nullopt when the index can narrow nothing.
std::optional<QString> wordIndexQuery(const QString &fts);

} // namespace ops::pg
