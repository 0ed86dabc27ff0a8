#pragma once

#include "Alertmanager.h"
#include "MonitorStore.h"
#include "NoticePolicy.h"
#include "Notifier.h"
#include "RecorderLock.h"
#include "TransitionWriter.h"

#include "alerts/AlertEvaluator.h"
#include "probes/ProbeEngine.h"
#include "store/EvidenceTypes.h"
#include "store/Session.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace ops {

class DesktopNotifier;
class SqliteEvidenceStore;
class StoreHost;

// Runs the on-call loop: a probe round, then the alert evaluation over its results and the
// pipeline signals in the store, then the record — raw samples in the monitor tables, and every
// probe state transition and alert fired / cleared as an evidence event signed by the operator
// on watch. While no one is signed in (locked), transitions wait in memory (bounded) and are
// recorded at the next unlock; samples are written either way.
class AlertMonitor final : public QObject {
    Q_OBJECT
public:
    // Reads and records through the process's store owner.
    AlertMonitor(DeploymentConfig config, QList<AlertRule> rules, StoreHost *host, Secret operatorToken,
                 QObject *parent = nullptr);
    // A monitor of its own store at storePath (the CLI's one-shot rounds, tests).
    AlertMonitor(DeploymentConfig config, QList<AlertRule> rules, QString storePath, Secret operatorToken,
                 QObject *parent = nullptr);
    ~AlertMonitor() override;

    ProbeEngine *engine() const { return m_engine; }
    AlertEvaluator *evaluator() const { return m_evaluator; }
    const DeploymentConfig &config() const { return m_config; }
    const QHash<QString, ProbeResult> &latest() const { return m_latest; }
    qint64 lastRoundMs() const { return m_lastRound; }
    void setClock(Time::Clock clock);

    // Whoever is signed in to the session signs what is recorded (what waited is flushed at
    // unlock). Without a session, or while it is locked, transitions wait in memory.
    void setSession(Session *session);
    bool isUnlocked() const { return m_session && m_session->isUnlocked(); }
    QString actor() const { return m_session ? m_session->identity() : QString(); }
    int pendingEvents() const { return m_writer->pending(); }
    int droppedEvents() const { return m_writer->dropped(); }
    // Why recording does not happen ("" when it does), e.g. no store, read-only, store problem.
    QString recordingProblem() const { return m_problem; }
    static constexpr int kMaxPending = TransitionWriter::kMaxPending;
    void setPendingLimit(int limit) { m_writer->setPendingLimit(limit); }

    // Writes samples and flushes long transition backlogs off the caller's thread (the GUI turns
    // this on so a round never stalls the event loop); scripts and tests write synchronously.
    void setBackgroundWrites(bool on) { m_writer->setBackground(on); }
    // Blocks until every background write so far is done.
    void waitForWrites() { m_writer->waitForWrites(); }

    // A probe round, or, while another process records this store (opsconsole-cli monitor), that
    // recorder's latest evaluations read from the store: this monitor then probes and records
    // nothing itself, so no transition is recorded twice.
    void runRound(const QString &scope = {});
    // "process P on HOST since TIME" while another live process holds the store's recorder lock
    // (the file beside the store), else "".
    QString monitoredBy() const;
    // One recorder per store: a round records only while this process holds the store's
    // recorder lock (RecorderLock.h), which runRound takes. "" when it does (or the store is a
    // team log, which has no lock file), else who holds it or is taking it over.
    QString takeRecorderLock();
    // Whether this process may record the store now (the lock taken if it was free): for the
    // other recorders of the console, e.g. missed rollback deadlines.
    bool mayRecord() { return monitoredBy().isEmpty() && takeRecorderLock().isEmpty(); }
    // A console window: holds the lock while it records and hands it over, within a second and
    // between rounds, to a headless monitor that asks for it; then it follows the monitor.
    void setYieldsToMonitor(bool on);
    // The headless monitor took the lock itself (RecorderLock::takeOver): this monitor records
    // under it.
    void adoptRecorderLock(std::unique_ptr<RecorderLock> lock) { m_recorder = std::move(lock); }
    // Whether the last round showed another recorder's evaluations (recordingProblem says whose).
    bool isFollowing() const { return m_following; }
    // On the team log: who records it (the signer of its newest probe round) and when it last did;
    // empty when nobody ever has. Stale when that round is older than the freshness window: then
    // nobody records transitions now.
    struct TeamRecorder {
        QString actor;
        qint64 lastRoundMs = 0;
        bool stale = false;
    };
    std::optional<TeamRecorder> teamRecorder() const;
    // How long an evaluation counts as fresh: three probe intervals, at least 90 s. Older ones
    // are shown with their age, and a healthy one as unknown.
    static qint64 freshnessWindowMs(const DeploymentConfig &config) {
        return qMax<qint64>(3LL * config.probes.intervalS * 1000, 90 * 1000);
    }
    static QString recorderLockPath(const QString &storePath) { return RecorderLock::lockPath(storePath); }
    bool isRunning() const { return m_engine->isRunning(); }
    // Evaluates these results as one round (what runRound does when the probes come back).
    void processRound(const QList<ProbeResult> &results);

    // A person's acknowledgement of a firing alert: a signed "alert.acknowledged" event.
    Result<StoredEvent> acknowledge(const QString &alertId, const QString &scope, const QString &note);

    // Alertmanager's webhook, parsed and routed: records what changed (an alert that starts
    // firing or resolves) as one signed act, in the order sent, before the sender is answered.
    // The cells it routes to take it at the next round, through the same damping.
    using AlertmanagerOutcome = Alertmanager::Recorded;
    Result<AlertmanagerOutcome> receiveAlertmanager(const Alertmanager::Payload &payload);

    // Silences: a person's signed silence of one cell until a time, or its early end. The cells
    // show it at once; notifications of silenced cells are held, their states still recorded.
    Result<StoredEvent> addSilence(const QString &alertId, const QString &scope, qint64 untilMs,
                                   const QString &reason);
    Result<StoredEvent> endSilence(const QString &id, const QString &reason);
    // The silences as last read from the store, with the config's maintenance windows.
    const SilenceBook &silences() const { return m_silences; }

    // Webhook notifications of what the rounds find: fired, escalated (firing and unacknowledged
    // for notifications.escalate_after_minutes) and cleared. A silenced cell's notices are held and
    // sent when the silence ends while it still fires. Every delivery attempt is recorded.
    WebhookNotifier *notifier() const { return m_notifier; }
    // Also tell the desktop (the headless monitor on a session bus): the same notices as the
    // webhooks get, SEV-1 and SEV-2 as they fire or escalate. Not owned.
    void setDesktop(DesktopNotifier *desktop) { m_desktop = desktop; }
    // Why webhooks are off although configured (an unreadable url_file), "" otherwise.
    QString notificationProblem() const { return m_notifyProblem; }
    qint64 now() const { return m_clock(); }
    const Alertmanager::Fold &alertmanagerFold() const { return m_alertmanager; }

    // Raw samples for charts.
    QList<ProbeSample> samples(const QString &scope, qint64 sinceMs) const;
    // The identities of the store (for the unlock dialog).
    QList<Identity> identities() const;
    SqliteEvidenceStore *store() const { return m_store; }
    StoreHost *host() const { return m_host; }
    // The store, once it exists, with the saved cells restored (nullptr while there is none).
    SqliteEvidenceStore *openStore() { return ensureStore() ? m_store : nullptr; }

Q_SIGNALS:
    // After every round; while following a recorder, the transitions are the cells it made
    // fire since the last look (news for the people at this console, recorded by the recorder).
    void roundEvaluated(const QList<ops::ProbeResult> &results,
                        const QList<ops::AlertTransition> &transitions);
    void recordingChanged();
    // A round's raw samples are in the store (for charts).
    void samplesWritten();

private:
    bool ensureStore();
    void readStoreInputs(AlertInputs &in);
    QList<NewEvent> transitionEvents(const QList<ProbeResult> &results, const QList<AlertTransition> &alerts,
                                     QList<TargetStateRow> &changedStates);
    void setProblem(const QString &problem);
    // Shows the recorder's latest target states and cells as this round.
    void followRecorder(const QString &by);
    // Takes another recorder's cells (healthy only when fresh); returns what fired since the
    // last look, for this console's people.
    QList<AlertTransition> adoptCells(const QList<StoredAlertCell> &cells, qint64 now);
    bool m_following = false;
    std::optional<TeamRecorder> m_teamRecorder; // stale computed when asked
    // The local store's path (not a team log), "" when there is none.
    QString localStorePath() const;
    std::unique_ptr<RecorderLock> m_recorder;
    bool m_yields = false;
    QTimer *m_handover = nullptr;
    void handOverIfAsked();
    // Reads the alertmanager.* events recorded since the fold last looked.
    bool syncAlertmanager();
    Alertmanager::Fold m_alertmanager;
    // Reads the silence.* events since the book last looked and marks the evaluator's cells.
    void syncSilences(qint64 nowMs);
    SilenceBook m_silences;
    // Notices for the rounds' transitions, the held ones and escalations.
    void notifyRound(const QList<AlertTransition> &transitions, const QHash<QString, qint64> &firingSince,
                     qint64 nowMs);
    NoticePolicy m_notices;
    WebhookNotifier *m_notifier = nullptr;
    DesktopNotifier *m_desktop = nullptr;
    QString m_notifyProblem;
    QSet<QString> m_silenceQueued; // due silence events waiting to be recorded (kind|id)

    DeploymentConfig m_config;
    StoreHost *m_host;
    ProbeEngine *m_engine;
    AlertEvaluator *m_evaluator;
    Time::Clock m_clock = Time::systemClock();
    SqliteEvidenceStore *m_store = nullptr; // the host's
    std::unique_ptr<MonitorStore> m_monitorStore;
    bool m_readOnly = false;
    bool m_restored = false;
    QPointer<Session> m_session;
    TransitionWriter *m_writer; // what the rounds record, in order, when someone can sign
    QString m_problem;
    QHash<QString, ProbeResult> m_latest;
    QHash<QString, TargetStateRow> m_targetStates;
    quint64 m_ackSeenSeq = 0;
    qint64 m_lastRound = 0;
};

} // namespace ops
