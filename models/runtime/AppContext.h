#pragma once

#include "core/Secret.h"
#include "core/Startup.h"

#include <QObject>

namespace ops {

class Session;
class EvidenceStore;
class SqliteEvidenceStore;
class StoreHost;
class RollbackClockWatcher;
class TeamWitnessDuty;

// What the console runs on, made once by the application (app/gui/main.cpp) and handed to the
// window and every panel: the start-up context (config, environment, store path), the session
// (who signs), the one owner of the evidence store with its change signal, the secrets, read once
// from the environment, and the duties that run wherever the store is open (missed rollback
// deadlines, witnessing the team log). No widgets: it lives in models beside what it owns.
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
    // The store of either backend (the local file or the team log), opened when it has appeared
    // since; nullptr while there is none.
    EvidenceStore *store() const;
    // The local file only: what reads its search indexes and operational tables (nullptr on the team log).
    SqliteEvidenceStore *localStore() const;
    const OperatorSecrets &secrets() const { return m_startup.secrets; }
    // Records missed rollback deadlines while someone is signed in, whichever panel is shown.
    RollbackClockWatcher *clockWatcher() const { return m_clocks; }
    // On the team log, witnesses each new checkpoint while someone is signed in.
    TeamWitnessDuty *witnessDuty() const { return m_witness; }

private:
    StartupContext m_startup;
    Session *m_session;
    StoreHost *m_host;
    RollbackClockWatcher *m_clocks;
    TeamWitnessDuty *m_witness;
};

} // namespace ops
