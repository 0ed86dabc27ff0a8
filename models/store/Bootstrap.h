#pragma once

#include "core/Result.h"
#include "core/Secret.h"
#include "store/EvidenceTypes.h"

#include <QStringList>

namespace ops {

class EvidenceStore;

// Making identities: `init` and `identity create` on the command line, and the window's first-run
// flow, all through here.
namespace Bootstrap {

// Generates an Ed25519 key, saves it in keyDirectory (encrypted with the passphrase; an empty one
// writes it unencrypted, which callers allow only in dev) and records the enrolment request signed
// by the new key. The key is saved first and taken away again when the store refuses the request,
// so a failure leaves neither a key without its request nor a request without its key.
Result<Identity> createIdentity(EvidenceStore &store, const QString &keyDirectory, const QString &name,
                                const QStringList &roles, const Secret &passphrase);

// A new store's genesis identity, made its first admin: refused when the store already has
// identities; the local file remembers it as the default identity.
Result<Identity> initStore(EvidenceStore &store, const QString &keyDirectory, const QString &name,
                           const QStringList &roles, const Secret &passphrase);

// The deployment config lines that pin a genesis admin.
QString trustLines(const QString &fingerprint);

// A name an identity may have (IdentityName::isValid): 1-64 of A-Z, a-z, 0-9, '.', '_', '@' and '-',
// starting with a letter or digit.
bool isValidName(const QString &name);

} // namespace Bootstrap

} // namespace ops
