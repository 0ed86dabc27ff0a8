#pragma once

#include "Command.h"

#include "core/Secret.h"
#include "core/Startup.h"
#include "store/SqliteEvidenceStore.h"

#include <memory>

namespace ops::cli {

// Store and identity plumbing shared by the verbs that read or write evidence.
namespace StoreAccess {

QString keyDirectory();
// The trust policy of the config and this user's anchor directory.
StoreOpenOptions options(const StartupContext &ctx);
Result<std::unique_ptr<SqliteEvidenceStore>> open(const StartupContext &ctx, bool create = false);
// The acting identity: --identity, OPSCONSOLE_IDENTITY, else the one made by init.
Result<QString> actingIdentity(const StartupContext &ctx, const SqliteEvidenceStore &store);
// Unlocks the acting identity's key (passphrase from file, environment or the terminal).
Result<Signer> unlock(const StartupContext &ctx, const SqliteEvidenceStore &store, CliIo &io);
// The store, opened for writing, with the acting identity unlocked.
struct Unlocked {
    std::unique_ptr<SqliteEvidenceStore> store;
    Signer signer;
};
Result<Unlocked> openUnlocked(const StartupContext &ctx, CliIo &io);
// A passphrase for a new key; in dev an empty one is allowed (unencrypted key, with a warning).
Result<Secret> newPassphrase(const StartupContext &ctx, CliIo &io);
std::optional<Secret> promptTerminal(const QString &question);

} // namespace StoreAccess
} // namespace ops::cli
