#pragma once

#include "Command.h"

#include "core/Secret.h"
#include "core/Startup.h"
#include "store/SqliteEvidenceStore.h"
#include "store/pg/Pg.h"

#include <memory>

namespace ops::cli {

// Store and identity plumbing shared by the verbs that read or write evidence.
namespace StoreAccess {

QString keyDirectory();
// The trust policy of the config and this user's anchor directory.
StoreOpenOptions options(const StartupContext &ctx);
// The store as messages name it: the file's path, or the team log's URL without its password.
QString where(const StartupContext &ctx);
// Whether the store is the team log (a postgresql:// URL) rather than a local file.
bool isTeamLog(const StartupContext &ctx);
// The local store file; on the team log, an error naming the verbs that run there.
Result<std::unique_ptr<SqliteEvidenceStore>> open(const StartupContext &ctx, bool create = false);
// The store of either backend, for the verbs that need only what every backend offers. With
// create, the team log's schema is created or migrated (as its owner, granting store.app_role).
Result<std::unique_ptr<EvidenceStore>> openAny(const StartupContext &ctx, bool create = false);
// The acting identity: --identity, OPSCONSOLE_IDENTITY, else the one made by init (local file only:
// the team log is shared, so each console names its identity).
Result<QString> actingIdentity(const StartupContext &ctx, const EvidenceStore &store);
// Unlocks the acting identity's key (passphrase from file, environment or the terminal).
Result<Signer> unlock(const StartupContext &ctx, const EvidenceStore &store, CliIo &io);
// The store, opened for writing, with the acting identity unlocked.
struct Unlocked {
    std::unique_ptr<EvidenceStore> store;
    Signer signer;
};
// On the team log the console witnesses the log first (witnessTeamLog). When the server cannot be
// reached the console works from its verified copy of the log and the act waits in the outbox.
Result<Unlocked> openUnlocked(const StartupContext &ctx, CliIo &io);
// The store of either backend, read-only. On the team log while its server is away (never when it
// refuses), this console's verified copy of the log with the acts waiting in its outbox at their
// provisional positions; a note on stderr says so.
Result<std::unique_ptr<EvidenceStore>> openReadOnly(const StartupContext &ctx, CliIo &io);
// The store of either backend as openAny opens it; on the team log while its server is away, the
// copy as openReadOnly gives it (for the verbs that only read).
Result<std::unique_ptr<EvidenceStore>> openForReading(const StartupContext &ctx, CliIo &io);
// A warning on stderr when this user's anchor says the local store was rolled back, cut or
// rewritten (every open above gives it; verbs that open the store otherwise call it themselves).
void warnIfDamaged(const EvidenceStore &store, CliIo &io);
// "WHAT runs on a local store only…": for the verbs that read the file's own tables.
Error localOnly(const StartupContext &ctx, const QString &what);
// On the team log, the console's witness step before it acts (TeamWitness.h): a rewritten log
// raises the alarm and refuses the act. Nothing to do on a local file. With the team log's `url`
// it then brings this console's copy of the log up to the checkpoint it vouched for and syncs the
// signer's acts waiting in the outbox (OfflineTeamLog.h), reporting each on stderr.
Result<void> witnessTeamLog(EvidenceStore &store, const Signer &signer, CliIo &io, const QString &url = {});
// Brings this console's copy of the team log at `url` up to `witnessed`, the checkpoint `signer`
// has just vouched for (a warning on stderr when the copy cannot be kept).
void keepCopy(const EvidenceStore &team, const Checkpoint &witnessed, const Signer &signer, CliIo &io,
              const QString &url);
// A passphrase for a new key; in dev an empty one is allowed (unencrypted key, with a warning).
Result<Secret> newPassphrase(const StartupContext &ctx, CliIo &io);
std::optional<Secret> promptTerminal(const QString &question);

} // namespace StoreAccess
} // namespace ops::cli
