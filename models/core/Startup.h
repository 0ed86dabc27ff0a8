#pragma once

#include "DeploymentConfig.h"
#include "Environment.h"
#include "Result.h"
#include "Secret.h"

#include <QProcessEnvironment>

namespace ops {

// The options both programs share (opsconsole-cli help, "common options").
struct CommonOptions {
    QString storePath;            // empty: the default store
    QString configPath;           // empty: the default config, or the built-in demo in dev
    QString identity;             // empty: OPSCONSOLE_IDENTITY, else the identity made by init
    QString passphraseFile;       // empty: OPSCONSOLE_PASSPHRASE or a prompt
    bool bootstrapsTrust = false; // `init`: makes the genesis admin whose key trust.admins will pin
};

struct StartupContext {
    Environment environment = Environment::Dev;
    DeploymentConfig config;
    QString storePath;
    QString identity;
    QString passphraseFile;
    // The tokens, resolved once by the program's start (keychain, file, credential or variable);
    // everything that needs one is handed it from here, never from the process environment.
    OperatorSecrets secrets;
};

namespace Startup {
// Whether a --store value (or store.url) names the team log: a postgresql:// URL.
bool isTeamLogUrl(const QString &store);
// A team log URL carries no password, and outside dev demands sslmode=verify-full.
Result<void> checkTeamLogUrl(const QString &url, Environment env);
QString defaultStorePath();  // $XDG_DATA_HOME/opsconsole/evidence.sqlite
QString defaultConfigPath(); // $XDG_CONFIG_HOME/opsconsole/config.yaml
QString dataDirectory();     // $XDG_DATA_HOME/opsconsole
QString stateDirectory();    // $XDG_STATE_HOME/opsconsole (default ~/.local/state/opsconsole)
// Where the one window of a store keeps its lock (".lock") and listens for a second start
// (".sock"): the user's runtime directory, named by a hash of the store's path or URL.
QString windowBase(const QString &store);
// Whether a window is open on `store` for this user (its socket answers).
bool windowOpenFor(const QString &store);

// Resolves the environment, loads and validates the config, applies the environment policy.
// Error codes as the CLI documents them: 2 usage, 3 invalid config, 4 policy.
Result<StartupContext> prepare(const CommonOptions &options, const QProcessEnvironment &process);
} // namespace Startup

} // namespace ops
