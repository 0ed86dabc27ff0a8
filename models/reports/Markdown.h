#pragma once

#include <QString>

namespace ops::Markdown {

// Text people typed (a decision, a reason, a note), shown as itself in any Markdown viewer: no
// emphasis, link, image, code span, table cell break or raw HTML can come from it, and it stays
// on its line. Identifiers stay readable: an underscore inside a word is left alone.
inline QString text(const QString &s) {
    QString out;
    out.reserve(s.size() + 8);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        switch (c.unicode()) {
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '|':
        case '~':
            out += QLatin1Char('\\');
            out += c;
            break;
        case '_': {
            const bool inWord =
                i > 0 && i + 1 < s.size() && s.at(i - 1).isLetterOrNumber() && s.at(i + 1).isLetterOrNumber();
            if (!inWord)
                out += QLatin1Char('\\');
            out += c;
            break;
        }
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '\n':
        case '\r':
            out += QLatin1Char(' ');
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace ops::Markdown
