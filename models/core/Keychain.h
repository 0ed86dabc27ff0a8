#pragma once

#include "Result.h"
#include "Secret.h"

#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// The OS keychain: the Secret Service (GNOME Keyring, KeePassXC, KWallet) over the session bus,
// through QtKeychain. Entries live under the service "opsconsole":
//   operator-token     the bearer token for the probed services (OPSCONSOLE_OPERATOR_TOKEN)
//   publisher-token    the bearer token for the publisher API (OPSCONSOLE_PUBLISHER_TOKEN)
//   passphrase:NAME    the passphrase of identity NAME's signing key
// Nothing here writes a secret anywhere else; the keychain encrypts at rest and unlocks with the
// desktop session.
namespace ops::Keychain {

inline const QString kOperatorToken = QStringLiteral("operator-token");
inline const QString kPublisherToken = QStringLiteral("publisher-token");
QString passphraseKey(const QString &identity);
// operator-token, publisher-token or passphrase:NAME with a valid identity name.
bool isValidKey(const QString &key);

// Whether to ask the keychain at all: a session bus is there (DBUS_SESSION_BUS_ADDRESS, or the
// user bus socket under XDG_RUNTIME_DIR) and OPSCONSOLE_KEYCHAIN is not "off".
bool enabled(const QProcessEnvironment &env);

struct Lookup {
    enum class Status { Found, Missing, Unavailable } status = Status::Unavailable;
    Secret value;   // set when Found
    QString detail; // why Unavailable (no backend, locked and not unlocked, timeout)
};

// Synchronous, for the start of a program and for the CLI: runs its own event loop until the
// keychain answers or the timeout passes (a locked keychain may ask the user to unlock it).
// Needs a QCoreApplication.
Lookup read(const QString &key, std::chrono::milliseconds timeout = std::chrono::seconds(30));
Result<void> write(const QString &key, const Secret &value,
                   std::chrono::milliseconds timeout = std::chrono::seconds(30));
// True when an entry was there and is gone, false when there was none.
Result<bool> remove(const QString &key, std::chrono::milliseconds timeout = std::chrono::seconds(30));

// How code that only reads asks: the value when the keychain has one, nothing otherwise. Tests
// hand in their own; programs use reader(env), which is read() when enabled(env) and nothing else.
using Reader = std::function<std::optional<Secret>(const QString &key)>;
Reader reader(const QProcessEnvironment &env);

} // namespace ops::Keychain
