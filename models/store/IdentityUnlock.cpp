#include "IdentityUnlock.h"

#include "SqliteEvidenceStore.h"

#include "core/Startup.h"
#include "crypto/KeyRing.h"

#include <QFile>

namespace ops::IdentityUnlock {

QString keyDirectory() {
    return Startup::dataDirectory() + QStringLiteral("/keys");
}

bool needsPassphrase(const QString &name) {
    return crypto::KeyRing(keyDirectory()).isEncrypted(name);
}

Result<Signer> unlock(const EvidenceStore &store, const QString &name, const Secret &passphrase,
                      Environment env) {
    auto registered = store.identity(name);
    if (!registered.ok())
        return registered.error();
    if (!registered->approved())
        return makeError(ErrorCode::Policy,
                         registered->state == QLatin1String("revoked")
                             ? QStringLiteral("'%1' was revoked at event %2 (%3); it can no longer act")
                                   .arg(name)
                                   .arg(registered->revokedSeq)
                                   .arg(registered->revokeReason)
                             : QStringLiteral("'%1' is not approved yet; it can act once an admin runs "
                                              "`opsconsole-cli identity approve %1`")
                                   .arg(name));
    crypto::KeyRing ring(keyDirectory());
    // A rotated key waits beside the current one until admins approve it; then it takes over.
    const QString next = name + QStringLiteral(".next");
    if (ring.exists(next)) {
        auto nextKey = ring.load(next, ring.isEncrypted(next) ? passphrase.reveal() : QByteArray());
        if (nextKey.ok() && nextKey->publicKey().fingerprint() == registered->fingerprint) {
            QFile::remove(ring.pathFor(name) + QStringLiteral(".retired"));
            QFile::rename(ring.pathFor(name), ring.pathFor(name) + QStringLiteral(".retired"));
            QFile::rename(ring.pathFor(next), ring.pathFor(name));
        }
    }
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
