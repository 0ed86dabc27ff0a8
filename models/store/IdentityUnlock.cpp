#include "IdentityUnlock.h"

#include "SqliteEvidenceStore.h"

#include "core/Startup.h"
#include "crypto/KeyRing.h"

namespace ops::IdentityUnlock {

QString keyDirectory() {
    return Startup::dataDirectory() + QStringLiteral("/keys");
}

bool needsPassphrase(const QString &name) {
    return crypto::KeyRing(keyDirectory()).isEncrypted(name);
}

Result<Signer> unlock(const SqliteEvidenceStore &store, const QString &name, const Secret &passphrase,
                      Environment env) {
    auto registered = store.identity(name);
    if (!registered.ok())
        return registered.error();
    crypto::KeyRing ring(keyDirectory());
    if (!ring.exists(name))
        return makeError(ErrorCode::Policy, QStringLiteral("no key for '%1' on this machine").arg(name),
                         ring.pathFor(name));
    if (!ring.isEncrypted(name) && env != Environment::Dev)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the key of '%1' is not encrypted; unencrypted keys are allowed only in dev")
                .arg(name),
            ring.pathFor(name));
    auto key = ring.load(name, ring.isEncrypted(name) ? passphrase.reveal() : QByteArray());
    if (!key.ok())
        return key.error();
    if (key->publicKey().fingerprint() != registered->fingerprint)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the key file of '%1' does not hold the key registered in this store").arg(name),
            ring.pathFor(name));
    return Signer{name, std::move(key).value()};
}

} // namespace ops::IdentityUnlock
