// The word index query of a team-log search (WordIndexQuery.h).
#include "WordIndexQuery.h"

#include "WordFolding.h"

#include <QList>

#include <utility>

namespace ops::pg {

namespace {

// A term's tokens as the index holds them: the server folds letters beyond ASCII that fold to an
// ASCII letter (pg::foldedLetter, opsconsole.fold_words) and tokenizes under the "C" collation
// whatever its locale (pg::tokensSql), so a token is a run of ASCII letters and digits, lower
// case, and every other character (a letter that does not fold too) separates tokens.
QStringList asciiTokens(const QString &term) {
    QStringList out;
    QString current;
    for (QChar c : term) {
        char16_t u = c.unicode();
        if (const std::optional<char> folded = foldedLetter(u)) {
            if (*folded == 0)
                continue; // a mark removed from inside a word
            u = static_cast<char16_t>(*folded);
        }
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            current += QChar(u);
        else if (u >= u'A' && u <= u'Z')
            current += QChar(u - u'A' + u'a');
        else if (!current.isEmpty())
            out << std::exchange(current, QString());
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// Words are indexed by their first kIndexedWord characters.
constexpr qsizetype kIndexedWord = 250;

// The search text (as EventSearchText::toFts normalised it) as a query of the word index that every
// matching event satisfies, so the exact match reads only the events it selects: each term its
// tokens (a phrase's all of them, a prefix's last one and a word the index holds cut short as
// prefixes), side by side and AND as &, OR as |, parentheses kept. What the index cannot decide
// matches everything there: a term without tokens (nothing but punctuation and letters beyond ASCII), and
// what NOT excludes (a phrase or prefix missing from an event does not make its tokens missing). nullopt: the
// index narrows nothing.
class WordIndexQuery {
public:
    explicit WordIndexQuery(const QString &fts)
        : m_tokens(ftsTokens(fts)) {}
    std::optional<QString> parse() {
        auto q = orExpr();
        return m_pos == m_tokens.size() && !m_tooDeep ? q : std::nullopt;
    }

private:
    using Token = FtsToken;
    const QList<Token> m_tokens;
    qsizetype m_pos = 0;
    // Parentheses deeper than this are not narrowed (the exact match still decides): the parser
    // recurses once a level, and a search text is the user's.
    static constexpr int kMaxDepth = 32;
    int m_depth = 0;
    bool m_tooDeep = false;

    bool at(Token::Kind k) const { return m_pos < m_tokens.size() && m_tokens.at(m_pos).kind == k; }

    // Every part must hold: the parts the index can decide, or everything when none can.
    static std::optional<QString> all(const QList<std::optional<QString>> &parts) {
        QStringList known;
        for (const auto &p : parts)
            if (p)
                known << *p;
        if (known.isEmpty())
            return std::nullopt;
        return known.size() == 1 ? known.first()
                                 : QLatin1Char('(') + known.join(QStringLiteral(" & ")) + QLatin1Char(')');
    }
    std::optional<QString> orExpr() {
        QList<std::optional<QString>> parts{andExpr()};
        while (at(Token::Or)) {
            ++m_pos;
            parts << andExpr();
        }
        QStringList any;
        for (const auto &p : parts) {
            if (!p)
                return std::nullopt; // one side matches everything: so does the whole
            any << *p;
        }
        return any.size() == 1 ? any.first()
                               : QLatin1Char('(') + any.join(QStringLiteral(" | ")) + QLatin1Char(')');
    }
    std::optional<QString> andExpr() {
        QList<std::optional<QString>> parts{notExpr()};
        while (at(Token::And)) {
            ++m_pos;
            parts << notExpr();
        }
        return all(parts);
    }
    std::optional<QString> notExpr() {
        std::optional<QString> kept = sideBySide();
        while (at(Token::Not)) {
            ++m_pos;
            (void)sideBySide(); // excluded: decided by the exact match alone
        }
        return kept;
    }
    std::optional<QString> sideBySide() {
        QList<std::optional<QString>> parts;
        while (at(Token::Term) || at(Token::Open))
            parts << primary();
        return all(parts);
    }
    std::optional<QString> primary() {
        if (at(Token::Open)) {
            if (m_depth >= kMaxDepth) {
                m_tooDeep = true;
                m_pos = m_tokens.size(); // stop: every caller returns at once
                return std::nullopt;
            }
            ++m_pos;
            ++m_depth;
            auto inner = orExpr();
            --m_depth;
            if (at(Token::Close))
                ++m_pos;
            return inner;
        }
        const Token &t = m_tokens.at(m_pos++);
        const QStringList toks = asciiTokens(t.text);
        QList<std::optional<QString>> lexemes;
        for (qsizetype k = 0; k < toks.size(); ++k) {
            // A word the index holds cut short matches as the prefix it keeps.
            const bool cut = toks.at(k).size() >= kIndexedWord;
            lexemes << QLatin1Char('\'') + toks.at(k).left(kIndexedWord) + QLatin1Char('\'') +
                           (cut || (t.prefix && k == toks.size() - 1) ? QStringLiteral(":*") : QString());
        }
        return all(lexemes);
    }
};

} // namespace

QList<FtsToken> ftsTokens(const QString &s) {
    QList<FtsToken> tokens;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(' ')) {
            ++i;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            tokens << FtsToken{c == QLatin1Char('(') ? FtsToken::Open : FtsToken::Close, {}};
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
            tokens << FtsToken{FtsToken::Term, phrase, prefix};
        } else {
            qsizetype j = i;
            while (j < s.size() && s.at(j) != QLatin1Char(' ') && s.at(j) != QLatin1Char('(') &&
                   s.at(j) != QLatin1Char(')'))
                ++j;
            QString word = s.mid(i, j - i);
            i = j;
            if (word == QLatin1String("AND"))
                tokens << FtsToken{FtsToken::And, {}};
            else if (word == QLatin1String("OR"))
                tokens << FtsToken{FtsToken::Or, {}};
            else if (word == QLatin1String("NOT"))
                tokens << FtsToken{FtsToken::Not, {}};
            else {
                const bool prefix = word.endsWith(QLatin1Char('*'));
                if (prefix)
                    word.chop(1);
                tokens << FtsToken{FtsToken::Term, word, prefix};
            }
        }
    }
    return tokens;
}

std::optional<QString> wordIndexQuery(const QString &fts) {
    return WordIndexQuery(fts).parse();
}

} // namespace ops::pg
