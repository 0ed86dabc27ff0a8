#pragma once

#include "Incidents.h"

#include "core/DeploymentConfig.h"
#include "core/Time.h"
#include "runbooks/Runbook.h"

#include <QObject>

#include <QPointer>
#include <functional>

class QTimer;

namespace ops {

class EvidenceStore;
class Session;
class StoreHost;
struct Signer;

// A rollback's deadlines are facts of the log: when one passes without its step done, the miss
// is recorded on the run's timeline ("rollback.deadline_missed"), once, by whoever is signed in.
// This is the one place that does it, for the console (every tick while someone is signed in),
// the CLI (each signed verb of incidents, runs, kill switches and launches) and any later
// long-running recorder; nothing in a widget decides it.
class RollbackClockWatcher final : public QObject {
    Q_OBJECT
public:
    // One pass over the log: every unfinished rollback run whose deadline passed without its miss
    // recorded gets it, a transaction per run. Returns the events written (none when nothing is due).
    static Result<QList<StoredEvent>> recordDue(EvidenceStore &store, const Signer &signer,
                                                const DeploymentConfig &config, const RunbookLibrary &library,
                                                const Time::Clock &clock);

    RollbackClockWatcher(StoreHost *host, Session *session, DeploymentConfig config, RunbookLibrary library,
                         QObject *parent = nullptr);
    void setClock(Time::Clock clock) { m_clock = std::move(clock); }
    void setIntervalMs(int ms);
    // Asked before each record: whether this process is the store's one recorder now (the
    // window's alert monitor holds the recorder lock). Without a check, it always records.
    void setRecorderCheck(std::function<bool()> check) { m_mayRecord = std::move(check); }
    // One pass now (the timer calls it every interval while someone is signed in).
    void check();
    QString lastProblem() const { return m_problem; }

Q_SIGNALS:
    // Misses just recorded (the store's change signal follows).
    void recorded(const QList<ops::StoredEvent> &events);
    // Recording failed (the store refused, the signer may not write): what the console shows.
    void problem(const QString &message);

private:
    std::function<bool()> m_mayRecord;
    QPointer<StoreHost> m_host;
    QPointer<Session> m_session;
    DeploymentConfig m_config;
    RunbookLibrary m_library;
    Time::Clock m_clock = Time::systemClock();
    QTimer *m_timer;
    quint64 m_seenSize = 0;     // the log's size when the book was folded
    qint64 m_nextDeadline = -1; // the earliest unrecorded deadline of an unfinished run (-1: none)
    QString m_problem;
    QString m_failedFor; // "identity@size" of the last failure: not retried until either changes
};

} // namespace ops
