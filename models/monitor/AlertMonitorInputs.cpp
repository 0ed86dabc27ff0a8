// What the monitor reads besides probes: the store (acknowledgements, silences, kill switches),
// Alertmanager, and on the team log the cells and the recorder its one recorder left there.
#include "AlertMonitor.h"
#include "LoggedAlerts.h"

#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"

#include <QCoreApplication>

namespace ops {

void AlertMonitor::readStoreInputs(AlertInputs &in) {
    if (!m_store)
        return;
    // A kind of signal that does not read counts as none this round (the others still count);
    // kill switches that do not read leave the kill-switch alert unknown.
    for (const QString &kind : AlertRules::signalKinds())
        if (auto signalSamples = LoggedAlerts::recentSignals(*m_store, kind); signalSamples.ok())
            in.signals += signalSamples.value();
    if (auto switches = LoggedAlerts::activeKillSwitches(*m_store); switches.ok()) {
        in.activeKillSwitches = switches.value();
        in.killSwitchesKnown = true;
    }
    // What Alertmanager said, folded from its recorded alerts.
    if (syncAlertmanager()) {
        in.external = m_alertmanager.cells();
        in.signals += m_alertmanager.signals();
    }
    // Silences added or ended elsewhere, maintenance windows in progress.
    if (m_silences.sync(*m_store).ok())
        in.silenced = m_silences.silencedCells(in.nowMs);
    // Acknowledgements made elsewhere (the CLI, another console) since we last looked.
    EventFilter acks;
    acks.kind = QStringLiteral("alert.acknowledged");
    acks.fromSeq = m_ackSeenSeq + 1;
    acks.limit = 1000;
    if (auto events = queryTrusted(*m_store, acks); events.ok()) {
        for (const StoredEvent &e : events.value()) {
            m_ackSeenSeq = qMax(m_ackSeenSeq, e.seq);
            const JsonValue p = e.payload();
            (void)m_evaluator->acknowledge(p.stringAt("alert"), e.scope, e.actor, p.stringAt("note"), e.tsMs);
        }
    }
}

void AlertMonitor::syncSilences(qint64 nowMs) {
    if (m_store && m_silences.sync(*m_store).ok())
        m_evaluator->setSilences(m_silences.silencedCells(nowMs));
}

Result<StoredEvent> AlertMonitor::addSilence(const QString &alertId, const QString &scope, qint64 untilMs,
                                             const QString &reason) {
    if (!isUnlocked())
        return makeError(ErrorCode::Policy, tr("sign in to silence: a silence is signed evidence"));
    if (!ensureStore() || m_readOnly)
        return makeError(ErrorCode::Store, m_problem);
    auto e = SilenceActs::add(*m_store, *m_session->signer(), m_config, m_evaluator->rules(), alertId, scope,
                              untilMs, reason, m_clock());
    syncSilences(m_clock());
    return e;
}

Result<StoredEvent> AlertMonitor::endSilence(const QString &id, const QString &reason) {
    if (!isUnlocked())
        return makeError(ErrorCode::Policy, tr("sign in to end a silence: its end is signed evidence"));
    if (!ensureStore() || m_readOnly)
        return makeError(ErrorCode::Store, m_problem);
    auto e = SilenceActs::end(*m_store, *m_session->signer(), m_config, id, reason, m_clock());
    syncSilences(m_clock());
    return e;
}

bool AlertMonitor::syncAlertmanager() {
    return m_store && Alertmanager::sync(m_alertmanager, *m_store).ok();
}

Result<AlertMonitor::AlertmanagerOutcome>
AlertMonitor::receiveAlertmanager(const Alertmanager::Payload &payload) {
    if (!ensureStore() || m_readOnly)
        return makeError(ErrorCode::Store, m_problem.isEmpty() ? tr("the store is read-only") : m_problem);
    if (!isUnlocked())
        return makeError(ErrorCode::Policy, tr("no operator is signed in to sign what Alertmanager reports"));
    return Alertmanager::record(m_alertmanager, *m_store, *m_session->signer(), payload);
}

QList<NewEvent> AlertMonitor::transitionEvents(const QList<ProbeResult> &results,
                                               const QList<AlertTransition> &alerts,
                                               QList<TargetStateRow> &changedStates) {
    QList<NewEvent> events;
    for (const ProbeResult &r : results) {
        const QString state = probeStateName(r.state);
        auto it = m_targetStates.find(r.target.id);
        const bool known = it != m_targetStates.end();
        const QString from = known ? it->state : QStringLiteral("unknown");
        TargetStateRow row;
        if (known) {
            row = *it;
            row.signer.clear(); // signed again for this round (AlertMonitor::processRound), or not at all
            row.signature.clear();
        } else {
            row.target = r.target.id;
            row.scope = r.target.scope;
            row.kind = targetKindName(r.target.kind);
            row.state = QStringLiteral("unknown");
        }
        row.checkedAtMs = r.checkedAtMs;
        row.reason = r.reason.text();
        row.reasonWords = phraseWords(r.reason);
        if (from != state) {
            row.state = state;
            row.sinceMs = r.checkedAtMs;
            JsonValue p = r.toJson();
            p["from"] = from;
            p["to"] = state;
            p["observed_at"] = Time::toIso(r.checkedAtMs);
            p["source"] = QStringLiteral("monitor");
            events.append(NewEvent{QStringLiteral("probe.state_changed"), r.target.scope, p, std::nullopt});
        }
        m_targetStates.insert(row.target, row);
        changedStates.append(row);
    }
    events += LoggedAlerts::transitionEvents(*m_evaluator, alerts, QStringLiteral("monitor"));
    return events;
}

std::optional<AlertMonitor::TeamRecorder> AlertMonitor::teamRecorder() const {
    if (!m_teamRecorder || !m_host || !m_host->isTeamLog())
        return std::nullopt;
    TeamRecorder r = *m_teamRecorder;
    r.stale = m_clock() - r.lastRoundMs > freshnessWindowMs(m_config);
    return r;
}

QList<AlertTransition> AlertMonitor::adoptCells(const QList<StoredAlertCell> &cells, qint64 now) {
    // What the recorder made fire since this console last looked reaches the people at this
    // console too (desktop notification, tray): the recorder records, the follower only tells.
    const qint64 window = freshnessWindowMs(m_config);
    QList<AlertTransition> fired;
    QHash<QString, AlertCell> before;
    for (const AlertCell &c : m_evaluator->cells())
        before.insert(c.alertId + QLatin1Char('|') + c.scope, c);
    QList<AlertCell> saved;
    for (StoredAlertCell c : cells) {
        // Healthy only from a fresh evaluation; a firing alert stays firing until seen good.
        if (c.cell.state == AlertState::Ok && now - c.evaluatedAtMs > window)
            c.cell.state = AlertState::Unknown;
        const AlertCell was = before.value(c.cell.alertId + QLatin1Char('|') + c.cell.scope);
        const bool wasFiring = was.state == AlertState::Firing || was.state == AlertState::Acknowledged;
        // The same firing (same start) is not news; a cell that cleared and fired again is.
        if (c.cell.state == AlertState::Firing && !(wasFiring && was.sinceMs == c.cell.sinceMs)) {
            AlertTransition t;
            t.alertId = c.cell.alertId;
            t.scope = c.cell.scope;
            t.from = was.state;
            t.to = AlertState::Firing;
            t.severity = c.cell.severity;
            t.detail = c.cell.detail;
            t.tsMs = c.cell.sinceMs;
            fired.append(t);
        }
        saved.append(c.cell);
    }
    m_evaluator->restore(saved);
    return fired;
}

} // namespace ops
