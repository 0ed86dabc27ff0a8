#pragma once

#include "EvidenceTypes.h"

#include "core/Environment.h"
#include "core/Result.h"
#include "core/Secret.h"

namespace ops {

class EvidenceStore;

// Unlocking an identity of a store: its key file under the key directory, decrypted with the
// passphrase, and checked against the key registered in the store. Shared by the CLI and the GUI.
namespace IdentityUnlock {

QString keyDirectory(); // $XDG_DATA_HOME/opsconsole/keys
bool needsPassphrase(const QString &name);
// An unencrypted key is accepted only in dev.
Result<Signer> unlock(const EvidenceStore &store, const QString &name, const Secret &passphrase,
                      Environment env);

} // namespace IdentityUnlock
} // namespace ops
