#pragma once

// The team log's one recorder while it runs (`opsconsole-cli monitor` on a team log): a probe
// round every interval, each round with its alert evaluation, its transitions, the silence events
// now due and every cell written as one signed act into the log (LoggedProbes, LoggedAlerts); the
// missed rollback deadlines recorded after it; webhook notifications of what fired, escalated and
// cleared, every attempt recorded. Before each act it witnesses the log as every console does, so
// a rewritten log stops it. It holds the team log's recorder lock (a PostgreSQL advisory lock of
// its connection): a round is recorded only while it holds it, so no transition is recorded twice
// however many monitors and consoles run; a lock lost with the connection is taken again after a
// reconnect, unless another recorder took it meanwhile.

#include "Alertmanager.h"
#include "NoticePolicy.h"
#include "Notifier.h"

#include "alerts/AlertEvaluator.h"
#include "core/DeploymentConfig.h"
#include "core/Time.h"
#include "probes/ProbeEngine.h"
#include "runbooks/Runbook.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QObject>

namespace ops {

class DesktopNotifier;
class PgEvidenceStore;

class TeamRecorder final : public QObject {
    Q_OBJECT
public:
    TeamRecorder(DeploymentConfig config, QList<AlertRule> rules, PgEvidenceStore *store, Signer signer,
                 Secret operatorToken, RunbookLibrary library, QString stateDirectory,
                 QObject *parent = nullptr);

    // Takes the recorder lock now: "" when this recorder holds it, else why not.
    QString hold();
    void runRound();
    bool isRunning() const { return m_engine->isRunning(); }
    void setClock(Time::Clock clock) { m_clock = std::move(clock); }

    QList<ProbeResult> latest() const { return m_latest.values(); }
    // The cells as the last recorded round evaluated them (none before the first).
    QList<AlertCell> cells() const { return m_cells; }
    qint64 lastRoundMs() const { return m_lastRoundMs; }
    // Why the last round was not recorded ("" when it was).
    QString recordingProblem() const { return m_problem; }
    WebhookNotifier *notifier() const { return m_notifier; }
    // Also tell the desktop (see AlertMonitor::setDesktop). Not owned.
    void setDesktop(DesktopNotifier *desktop) { m_desktop = desktop; }
    QString notificationProblem() const { return m_notifyProblem; }
    PgEvidenceStore *store() const { return m_store; }
    // Rounds recorded since the start.
    int recordedRounds() const { return m_recordedRounds; }

    // Alertmanager's webhook: what is new is recorded as one signed act (while this recorder holds
    // the lock); the cells it routes to take it at the next round, through the same damping.
    Result<Alertmanager::Recorded> receiveAlertmanager(const Alertmanager::Payload &payload);

Q_SIGNALS:
    // After every round, recorded or not (recordingProblem() says why not).
    void roundFinished(const QList<ops::ProbeResult> &results, int alertTransitions);
    // Something between rounds was not recorded (a notification attempt), and why.
    void recordingFailed(const QString &problem);

private:
    void processRound(const QList<ProbeResult> &results);
    // Whether this recorder may write now: connected (reconnecting once when the server went away)
    // and holding the lock (taking it again after a reconnect).
    bool mayRecord();
    void recordAttempt(const DeliveryAttempt &attempt);

    DeploymentConfig m_config;
    QList<AlertRule> m_rules;
    PgEvidenceStore *m_store;
    Signer m_signer;
    RunbookLibrary m_library;
    QString m_stateDirectory;
    ProbeEngine *m_engine;
    NoticePolicy m_notices;
    WebhookNotifier *m_notifier = nullptr;
    DesktopNotifier *m_desktop = nullptr;
    QString m_notifyProblem;
    Time::Clock m_clock = Time::systemClock();
    Alertmanager::Fold m_alertmanager;
    QHash<QString, ProbeResult> m_latest;
    QList<AlertCell> m_cells;
    qint64 m_lastRoundMs = 0;
    QString m_problem;
    int m_recordedRounds = 0;
};

} // namespace ops
