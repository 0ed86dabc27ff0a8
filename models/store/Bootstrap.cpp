#include "Bootstrap.h"

#include "core/IdentityName.h"

#include "store/EvidenceStore.h"
#include "store/SqliteEvidenceStore.h"

#include "crypto/KeyRing.h"

#include <QFile>
#include <QRegularExpression>

namespace ops::Bootstrap {

bool isValidName(const QString &name) {
    return IdentityName::isValid(name);
}

Result<Identity> createIdentity(EvidenceStore &store, const QString &keyDirectory, const QString &name,
                                const QStringList &roles, const Secret &passphrase) {
    crypto::KeyRing ring(keyDirectory);
    if (store.identity(name).ok())
        return makeError(ErrorCode::Policy, QStringLiteral("identity '%1' already exists").arg(name));
    if (ring.exists(name))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("a key for '%1' already exists on this machine").arg(name),
                         ring.pathFor(name));
    auto key = crypto::PrivateKey::generate();
    if (!key.ok())
        return key.error();
    Signer signer{name, std::move(key).value()};
    if (auto r = ring.save(name, signer.key, passphrase.reveal()); !r.ok())
        return r.error();
    auto event = store.registerIdentity(signer, roles);
    if (!event.ok()) {
        QFile::remove(ring.pathFor(name));
        return event.error();
    }
    return store.identity(name);
}

Result<Identity> initStore(EvidenceStore &store, const QString &keyDirectory, const QString &name,
                           const QStringList &roles, const Secret &passphrase) {
    auto existing = store.identities();
    if (!existing.ok())
        return existing.error();
    if (!existing->isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the store is already initialised; use `identity create`"));
    auto id = createIdentity(store, keyDirectory, name, roles, passphrase);
    if (!id.ok())
        return id.error();
    // The local file remembers who made it; the team log is shared, so each console names its own.
    if (auto *local = dynamic_cast<SqliteEvidenceStore *>(&store))
        if (auto r = local->setDefaultIdentity(id->name); !r.ok())
            return r.error();
    return id;
}

QString trustLines(const QString &fingerprint) {
    return QStringLiteral("trust:\n  admins:\n    - %1\n  enroll_quorum: 1\n").arg(fingerprint);
}

} // namespace ops::Bootstrap
