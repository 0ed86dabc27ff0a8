#include "Secret.h"

#include <QRegularExpression>
#include <QStringList>
#include <QtGlobal>

#include <cstring>

namespace ops {

Secret &Secret::operator=(const Secret &other) {
    if (this != &other) {
        wipe();
        m_value = other.m_value;
        m_value.detach();
    }
    return *this;
}

Secret &Secret::operator=(Secret &&other) noexcept {
    if (this != &other) {
        wipe();
        m_value = std::move(other.m_value);
    }
    return *this;
}

OperatorSecrets OperatorSecrets::read(const QProcessEnvironment &environment) {
    OperatorSecrets s;
    s.operatorToken = Secret(environment.value(QString::fromLatin1(kOperatorTokenVariable)).toUtf8());
    s.publisherToken = Secret(environment.value(QString::fromLatin1(kPublisherTokenVariable)).toUtf8());
    return s;
}

Secret Secret::fromEnvironment(const char *name) {
    return Secret(qgetenv(name));
}

QString Secret::redacted() const {
    return isSet() ? QStringLiteral("set (redacted)") : QStringLiteral("not set");
}

void Secret::wipe() {
    if (!m_value.isEmpty() && !m_value.isDetached())
        m_value.detach(); // never scribble over a buffer another QByteArray shares
    secureZero(m_value.data(), static_cast<std::size_t>(m_value.size()));
    m_value.clear();
}

QByteArray Secret::scrubBytes(const QByteArray &bytes, std::optional<qsizetype> cutAt) const {
    QByteArray out = cutAt && bytes.size() > *cutAt ? bytes.left(*cutAt) : bytes;
    if (!isSet())
        return out;
    // Every spelling JSON allows for each byte of the secret: as is, "\/" for '/', "\u00XX" (hex
    // digits in either case).
    QStringList spelled;
    for (const char c : m_value) {
        const auto u = static_cast<unsigned char>(c);
        QString one = QRegularExpression::escape(QString(QLatin1Char(c)));
        if (c == '/')
            one += QStringLiteral("|\\\\/");
        if (u < 0x80) {
            one += QStringLiteral("|\\\\u00");
            for (const char h : QByteArray::number(u, 16).rightJustified(2, '0'))
                one += h >= 'a' && h <= 'f' ? QStringLiteral("[%1%2]")
                                                  .arg(QChar(QLatin1Char(h)))
                                                  .arg(QChar(QLatin1Char(static_cast<char>(h - 32))))
                                            : QString(QLatin1Char(h));
        }
        spelled << QStringLiteral("(?:%1)").arg(one);
    }
    QString text = QString::fromLatin1(out); // byte for byte
    text.replace(QRegularExpression(spelled.join(QString())), QStringLiteral("[redacted]"));
    if (cutAt && bytes.size() > *cutAt) {
        // What the cut left of an echo at the end: the longest tail that begins the secret.
        QString prefix;
        for (qsizetype i = spelled.size() - 1; i >= 0; --i)
            prefix = spelled.at(i) + (prefix.isEmpty() ? QString() : QStringLiteral("(?:%1)?").arg(prefix));
        const auto m = QRegularExpression(QStringLiteral("(?:%1)$").arg(prefix)).match(text);
        if (m.hasMatch())
            text = text.left(m.capturedStart()) + QStringLiteral("[redacted]");
    }
    return text.toLatin1();
}

QString Secret::scrub(const QString &text) const {
    if (!isSet())
        return text;
    QString out = text;
    out.replace(QString::fromUtf8(m_value), QStringLiteral("[redacted]"));
    return out;
}

} // namespace ops
