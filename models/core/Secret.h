#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace ops {

// Holds a secret (token, passphrase). It is wiped on destruction and never prints itself:
// every textual form is redacted. Code that needs the bytes asks for them explicitly.
class Secret {
public:
    Secret() = default;
    explicit Secret(QByteArray value)
        : m_value(std::move(value)) {}
    Secret(const Secret &other)
        : m_value(other.m_value) {
        m_value.detach();
    }
    Secret &operator=(const Secret &other);
    Secret(Secret &&other) noexcept
        : m_value(std::move(other.m_value)) {}
    Secret &operator=(Secret &&other) noexcept;
    ~Secret() { wipe(); }

    static Secret fromEnvironment(const char *name);

    bool isSet() const { return !m_value.isEmpty(); }
    const QByteArray &reveal() const { return m_value; }
    QString redacted() const; // "set (redacted)" or "not set"
    void wipe();

    // Replaces every occurrence of the secret in text with "[redacted]".
    QString scrub(const QString &text) const;
    // The same for bytes an outside party sent back, which may echo the secret: as it is, with
    // JSON's escapes ("\/", "\u00XX"), and, when `cutAt` is given, cut to at most that many bytes
    // with no beginning of the secret left at the end (an echo the cut went through).
    QByteArray scrubBytes(const QByteArray &bytes, std::optional<qsizetype> cutAt = std::nullopt) const;

private:
    QByteArray m_value;
};

// The console's secrets, read once at start in one place for the CLI and the GUI; everything
// that needs a token is handed it from here.
struct OperatorSecrets {
    static constexpr const char *kOperatorTokenVariable = "OPSCONSOLE_OPERATOR_TOKEN";
    static constexpr const char *kPublisherTokenVariable = "OPSCONSOLE_PUBLISHER_TOKEN";
    Secret operatorToken;  // bearer token for the probed services
    Secret publisherToken; // bearer token for the publisher API

    static OperatorSecrets read(const QProcessEnvironment &environment);
};

// Overwrites memory in a way the optimiser keeps (OPENSSL_cleanse; defined in crypto/Wipe.cpp,
// the only place that may include OpenSSL).
void secureZero(void *data, std::size_t size);

} // namespace ops
