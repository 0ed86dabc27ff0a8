#pragma once

#include <QHash>
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

// A token of a term as the word index holds it: its first 250 characters, and whether it was
// longer (then it matches as that prefix).
struct IndexedToken {
    QString text;
    bool cut = false;
};
// The tokens of terms as the server's tokenizer makes them (its locale decides what a letter is and
// how it is lower-cased beyond ASCII), keyed by the term's text.
using TermTokens = QHash<QString, QList<IndexedToken>>;

// The terms of a search text that hold characters beyond ASCII: their tokens depend on the server.
QStringList nonAsciiTerms(const QString &fts);

// The search text (as EventSearchText::toFts normalised it) as a query of the team log's word
// index (a tsquery over its tokens, words kept to their first 250 characters) that every event the
// search matches satisfies: the exact match then reads only the events it selects. A term beyond
// ASCII narrows by the tokens `serverTokens` holds for it (as the server made them), and matches
// everything there without. nullopt when the index can narrow nothing.
std::optional<QString> wordIndexQuery(const QString &fts, const TermTokens &serverTokens = {});

} // namespace ops::pg
