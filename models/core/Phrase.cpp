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
    : m_context(QByteArray::fromRawData(context, qsizetype(qstrlen(context))))
    , m_source(QByteArray::fromRawData(source, qsizetype(qstrlen(source))))
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
    return m_source.isEmpty() && m_literal.isEmpty();
}

QString Phrase::render(bool translate) const {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(m_parts.size()));
    for (const Phrase &p : m_parts)
        parts << p.render(translate);
    if (m_joined)
        return parts.join(m_separator);
    if (m_source.isEmpty())
        return m_literal;
    const QString pattern = translate
                                ? QCoreApplication::translate(m_context.constData(), m_source.constData())
                                : QString::fromUtf8(m_source);
    return substitutedArgs(pattern, parts);
}

JsonValue Phrase::toJson() const {
    if (!m_joined && m_source.isEmpty())
        return JsonValue(m_literal);
    JsonValue parts = JsonValue::array();
    for (const Phrase &p : m_parts)
        parts.push(p.toJson());
    JsonValue o = JsonValue::object();
    if (m_joined) {
        o["j"] = m_separator;
        o["p"] = std::move(parts);
    } else {
        o["c"] = QString::fromUtf8(m_context);
        o["s"] = QString::fromUtf8(m_source);
        o["a"] = std::move(parts);
    }
    return o;
}

std::optional<Phrase> Phrase::parse(const JsonValue &v, int depth, int &budget) {
    if (--budget < 0 || depth > 6)
        return std::nullopt;
    if (v.isString())
        return Phrase(v.toQString());
    if (!v.isObject())
        return std::nullopt;
    const bool joined = v.find("j") != nullptr;
    const JsonValue *list = v.find(joined ? "p" : "a");
    if (!list || !list->isArray())
        return std::nullopt;
    Phrase p;
    for (const JsonValue &part : list->toArray()) {
        auto parsed = parse(part, depth + 1, budget);
        if (!parsed)
            return std::nullopt;
        p.m_parts.push_back(std::move(*parsed));
    }
    if (joined) {
        const JsonValue *separator = v.find("j");
        if (!separator->isString() || v.toObject().size() != 2)
            return std::nullopt;
        p.m_joined = true;
        p.m_separator = separator->toQString();
        return p;
    }
    const JsonValue *context = v.find("c");
    const JsonValue *source = v.find("s");
    if (!context || !source || !context->isString() || !source->isString() || source->toStdString().empty() ||
        v.toObject().size() != 3)
        return std::nullopt;
    p.m_context = QByteArray::fromStdString(context->toStdString());
    p.m_source = QByteArray::fromStdString(source->toStdString());
    return p;
}

Phrase Phrase::fromJson(const JsonValue *words, const QString &english) {
    if (!words)
        return Phrase(english);
    int budget = 64;
    std::optional<Phrase> p = parse(*words, 0, budget);
    if (!p || p->text() != english)
        return Phrase(english);
    return std::move(*p);
}

} // namespace ops
