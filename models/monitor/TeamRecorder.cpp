#include "TeamRecorder.h"
#include "DesktopNotifier.h"

#include "LoggedAlerts.h"
#include "LoggedProbes.h"

#include "incidents/RollbackClockWatcher.h"
#include "store/PgEvidenceStore.h"
#include "store/TeamWitness.h"

namespace ops {

TeamRecorder::TeamRecorder(DeploymentConfig config, QList<AlertRule> rules, PgEvidenceStore *store,
                           Signer signer, Secret operatorToken, RunbookLibrary library,
                           QString stateDirectory, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_rules(std::move(rules))
    , m_store(store)
    , m_signer(std::move(signer))
    , m_library(std::move(library))
    , m_stateDirectory(std::move(stateDirectory))
    , m_engine(new ProbeEngine(m_config, std::move(operatorToken), this))
    , m_notices(m_rules, m_config.notifications.escalateAfterMinutes) {
    connect(m_engine, &ProbeEngine::roundFinished, this, &TeamRecorder::processRound);
    if (!m_config.notifications.webhooks.isEmpty()) {
        if (auto urls = WebhookNotifier::resolveUrls(m_config.notifications); urls.ok()) {
            m_notifier = new WebhookNotifier(m_config, urls.value(), this);
            connect(m_notifier, &WebhookNotifier::attempted, this, &TeamRecorder::recordAttempt);
        } else {
            m_notifyProblem = tr("webhook notifications are off: %1").arg(urls.error().toString());
        }
    }
}

QString TeamRecorder::hold() {
    auto held = m_store->tryHoldRecorder();
    if (!held.ok())
        return held.error().message;
    if (!held.value())
        return tr("another console is recording observations on this team log right now; one recorder at "
                  "a time, so no transition is recorded twice");
    return {};
}

void TeamRecorder::runRound() {
    if (!m_engine->isRunning())
        m_engine->runRound();
}

bool TeamRecorder::mayRecord() {
    if (!m_store->isConnected()) {
        if (auto again = m_store->reconnect(); !again.ok()) {
            m_problem = tr("the team log cannot be reached: %1").arg(again.error().message);
            return false;
        }
    }
    auto holds = m_store->holdsRecorder();
    if (!holds.ok() && !m_store->isConnected()) { // the server went away since the last round
        if (auto again = m_store->reconnect(); !again.ok()) {
            m_problem = tr("the team log cannot be reached: %1").arg(again.error().message);
            return false;
        }
        holds = m_store->holdsRecorder();
    }
    if (!holds.ok()) {
        m_problem = holds.error().message;
        return false;
    }
    if (holds.value())
        return true;
    // The lock went with the old connection: take it again, unless another recorder has it now.
    m_problem = hold();
    if (!m_problem.isEmpty())
        return false;
    // Another recorder may have notified meanwhile: read what it told before telling again.
    m_notices.forget();
    return true;
}

void TeamRecorder::processRound(const QList<ProbeResult> &results) {
    const qint64 now = m_clock();
    for (const ProbeResult &r : results)
        m_latest.insert(r.target.id, r);
    m_lastRoundMs = now;
    int alertTransitions = 0;
    const auto finish = [&](const QString &problem) {
        m_problem = problem;
        Q_EMIT roundFinished(results, alertTransitions);
    };
    if (!mayRecord())
        return finish(m_problem);
    // The log is what this recorder vouched for, or it writes nothing (the alarm is kept).
    if (auto w = TeamWitness::witness(*m_store, m_signer, m_stateDirectory, now); !w.ok())
        return finish(w.error().message);
    auto events = LoggedProbes::roundEvents(*m_store, results, now);
    if (!events.ok())
        return finish(events.error().message);
    auto alerts =
        LoggedAlerts::addToRound(events.value(), *m_store, m_config, m_rules, results, now, &m_alertmanager);
    if (!alerts.ok())
        return finish(alerts.error().message);
    if (m_notifier || m_desktop)
        m_notices.seedFrom(*m_store);
    if (auto stored = m_store->append(m_signer, events.value()); !stored.ok())
        return finish(stored.error().message);
    ++m_recordedRounds;
    alertTransitions = alerts->recorded;
    m_cells = alerts->cells;
    if (m_notifier || m_desktop)
        for (const Notice &n :
             m_notices.round(alerts->transitions, alerts->cells, alerts->firingSince, now)) {
            if (m_notifier)
                m_notifier->notify(n);
            if (m_desktop)
                m_desktop->notice(n);
        }
    // A rollback deadline that passed goes on its run's timeline, once.
    if (auto missed = RollbackClockWatcher::recordDue(*m_store, m_signer, m_config, m_library, m_clock);
        !missed.ok())
        return finish(tr("a missed rollback deadline could not be recorded: %1").arg(missed.error().message));
    finish({});
}

Result<Alertmanager::Recorded> TeamRecorder::receiveAlertmanager(const Alertmanager::Payload &payload) {
    if (!mayRecord())
        return makeError(ErrorCode::Store, m_problem);
    if (auto w = TeamWitness::witness(*m_store, m_signer, m_stateDirectory, m_clock()); !w.ok())
        return w.error();
    return Alertmanager::record(m_alertmanager, *m_store, m_signer, payload);
}

void TeamRecorder::recordAttempt(const DeliveryAttempt &attempt) {
    // Evidence like the round's, written only while this recorder holds the lock: a recorder that
    // lost it writes nothing more, and says so.
    auto holds = m_store->holdsRecorder();
    QString problem;
    if (!holds.ok() || !holds.value())
        problem = tr("a notification attempt was not recorded: this recorder does not hold the team log's "
                     "recorder lock now");
    else if (auto stored = m_store->append(m_signer, {attempt.event()}); !stored.ok())
        problem = tr("a notification attempt could not be recorded: %1").arg(stored.error().message);
    if (!problem.isEmpty()) {
        m_problem = problem;
        Q_EMIT recordingFailed(problem);
    }
}

} // namespace ops
