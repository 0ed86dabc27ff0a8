#include "Phrase.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace ops {

QString substitutedArgs(const QString &pattern, const QStringList &args) {
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1) >= QLatin1Char('1') &&
            pattern.at(i + 1) <= QLatin1Char('9')) {
            const qsizetype n = pattern.at(i + 1).unicode() - '1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

Phrase::Phrase(const QString &literal)
    : m_literal(literal) {
}

Phrase::Phrase(const char *context, const char *source, std::vector<Phrase> args)
    : m_context(context)
    , m_source(source)
    , m_parts(std::move(args)) {
}

Phrase Phrase::joined(std::vector<Phrase> parts, const QString &separator) {
    Phrase p;
    p.m_parts = std::move(parts);
    p.m_separator = separator;
    p.m_joined = true;
    return p;
}

QString Phrase::text() const {
    return render(false);
}

QString Phrase::translated() const {
    return render(true);
}

bool Phrase::isEmpty() const {
    if (m_joined)
        return std::all_of(m_parts.cbegin(), m_parts.cend(), [](const Phrase &p) { return p.isEmpty(); });
    return !m_source && m_literal.isEmpty();
}

QString Phrase::render(bool translate) const {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(m_parts.size()));
    for (const Phrase &p : m_parts)
        parts << p.render(translate);
    if (m_joined)
        return parts.join(m_separator);
    if (!m_source)
        return m_literal;
    const QString pattern =
        translate ? QCoreApplication::translate(m_context, m_source) : QString::fromUtf8(m_source);
    return substitutedArgs(pattern, parts);
}

} // namespace ops
