#pragma once

#include "core/Secret.h"
#include "core/Startup.h"

#include <QObject>

namespace ops {
class Session;
class SqliteEvidenceStore;
class StoreHost;
class RollbackClockWatcher;
} // namespace ops

namespace ops::ui {

// What the console runs on, made once by the window and handed to every panel: the start-up
// context (config, environment, store path), the session (who signs), the one owner of the
// evidence store with its change signal, and the secrets, read once from the environment.
// Panels keep no store of their own and refresh when the host says the log changed.
class AppContext final : public QObject {
    Q_OBJECT
public:
    explicit AppContext(StartupContext startup, QObject *parent = nullptr);
    // With a store host and a session made elsewhere (tests drive a panel over a fixture's store).
    AppContext(StartupContext startup, StoreHost *host, Session *session, QObject *parent = nullptr);
    ~AppContext() override;

    const StartupContext &startup() const { return m_startup; }
    const DeploymentConfig &config() const { return m_startup.config; }
    Environment environment() const { return m_startup.environment; }
    Session *session() const { return m_session; }
    StoreHost *host() const { return m_host; }
    // The store, opened when it has appeared since; nullptr while there is none.
    SqliteEvidenceStore *store() const;
    const OperatorSecrets &secrets() const { return m_secrets; }
    // Records missed rollback deadlines while someone is signed in, whichever panel is shown.
    RollbackClockWatcher *clockWatcher() const { return m_clocks; }

private:
    StartupContext m_startup;
    OperatorSecrets m_secrets;
    Session *m_session;
    StoreHost *m_host;
    RollbackClockWatcher *m_clocks;
};

} // namespace ops::ui
