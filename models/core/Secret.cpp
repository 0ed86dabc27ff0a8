#include "Secret.h"

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

QString Secret::scrub(const QString &text) const {
    if (!isSet())
        return text;
    QString out = text;
    out.replace(QString::fromUtf8(m_value), QStringLiteral("[redacted]"));
    return out;
}

} // namespace ops
