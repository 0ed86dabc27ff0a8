// Who records: one recorder per store at a time (RecorderLock). A console that finds another
// recorder (the headless monitor, another console) follows it: it shows the evaluations the
// recorder left in the store and records nothing itself; when the recorder stops, it takes over
// from there, so no transition is recorded twice.
#include "AlertMonitor.h"
#include "LoggedAlerts.h"

#include "store/StoreHost.h"

#include <QTimer>

namespace ops {

QString AlertMonitor::localStorePath() const {
    return m_host && !m_host->isTeamLog() ? m_host->path() : QString();
}

QString AlertMonitor::monitoredBy() const {
    const QString path = localStorePath();
    // Read without taking it: the recorder must never find its lock busy because a console looked.
    return path.isEmpty() ? QString() : RecorderLock::holder(path);
}

QString AlertMonitor::takeRecorderLock() {
    const QString path = localStorePath();
    if (path.isEmpty())
        return {};
    if (!m_recorder || m_recorder->storePath() != path)
        m_recorder = std::make_unique<RecorderLock>(path);
    if (m_recorder->held())
        return {};
    if (m_yields)
        if (const qint64 pid = m_recorder->requestedBy())
            return tr("process %1 (a monitor taking over)").arg(pid);
    return m_recorder->tryTake(m_yields);
}

void AlertMonitor::setYieldsToMonitor(bool on) {
    m_yields = on;
    if (!on) {
        delete m_handover;
        m_handover = nullptr;
        return;
    }
    if (!m_handover) {
        m_handover = new QTimer(this);
        m_handover->setInterval(1000);
        connect(m_handover, &QTimer::timeout, this, &AlertMonitor::handOverIfAsked);
        m_handover->start();
    }
}

void AlertMonitor::handOverIfAsked() {
    if (!m_recorder || !m_recorder->held() || isRunning())
        return; // a round in flight is recorded first, under the lock
    if (const qint64 pid = m_recorder->requestedBy()) {
        waitForWrites();
        m_recorder->release();
        followRecorder(tr("process %1 (a monitor taking over)").arg(pid));
        Q_EMIT recordingChanged();
    }
}

void AlertMonitor::runRound(const QString &scope) {
    QString by = monitoredBy();
    if (by.isEmpty())
        by = takeRecorderLock();
    if (!by.isEmpty()) {
        followRecorder(by);
        return;
    }
    if (m_following) {
        // The recorder stopped: this console takes over from where the recorder left the cells
        // (its last rounds, and the acknowledgements it applied), so nothing it recorded is
        // recorded again.
        followRecorder(tr("the recorder that stopped"));
        m_following = false;
        if (m_store)
            if (auto n = m_store->size(); n.ok())
                m_ackSeenSeq = n.value();
        setProblem(QString());
    }
    m_engine->runRound(scope);
}

void AlertMonitor::followRecorder(const QString &by) {
    m_following = true;
    m_notices.forget(); // the recorder notifies meanwhile: read what it sent when taking over
    // Opened first: opening clears the problem it had.
    const bool opened = ensureStore() && m_monitorStore;
    setProblem(tr("monitored by %1: this console shows its evaluations and records nothing itself").arg(by));
    if (!opened)
        return;
    const qint64 now = m_clock();
    const qint64 window = freshnessWindowMs(m_config);
    QList<AlertTransition> fired;
    if (auto cells = m_monitorStore->alertCells(); cells.ok())
        if (auto checked = LoggedAlerts::checkedAgainstLog(cells.value(), *m_store); checked.ok())
            fired = adoptCells(checked.value(), now);
    syncSilences(now);
    QList<ProbeResult> results;
    if (auto states = m_monitorStore->targetStates(); states.ok()) {
        m_targetStates = states.value();
        for (const ProbeTarget &t : m_engine->targets()) {
            ProbeResult r;
            r.target = t;
            const auto it = m_targetStates.constFind(t.id);
            if (it != m_targetStates.constEnd() && now - it->checkedAtMs <= window) {
                for (ProbeState s :
                     {ProbeState::Ok, ProbeState::Degraded, ProbeState::Stale, ProbeState::Failed})
                    if (probeStateName(s) == it->state)
                        r.state = s;
                r.reason = it->reasonPhrase(); // in this window's language
                r.checkedAtMs = it->checkedAtMs;
                m_lastRound = qMax(m_lastRound, it->checkedAtMs);
            } else {
                r.reason =
                    it == m_targetStates.constEnd()
                        ? Phrase("ops::AlertMonitor",
                                 QT_TRANSLATE_NOOP("ops::AlertMonitor", "not probed by the recorder yet"))
                        : Phrase("ops::AlertMonitor",
                                 QT_TRANSLATE_NOOP("ops::AlertMonitor",
                                                   "the recorder's last probe is not fresh"));
            }
            m_latest.insert(t.id, r);
            results.append(r);
        }
    }
    Q_EMIT roundEvaluated(results, fired);
}

} // namespace ops
