#pragma once

// The alert matrix as the evidence log itself records it, for logs that keep no monitor tables
// beside them (the team log). The one recorder's probe round carries, in its signed probe.round
// event, every cell as evaluated after that round (state, since, severity, damping counters);
// transitions are alert.fired / alert.cleared events in the same act. Acknowledgements recorded
// after that round are applied on reading. So any console reads the matrix from the log, and the
// next recorder, on any machine, resumes the damping where the last one left it.

#include "Alertmanager.h"
#include "MonitorStore.h"

#include "alerts/AlertEvaluator.h"
#include "core/Result.h"
#include "probes/ProbeTypes.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QList>

namespace ops {

class EvidenceStore;

namespace LoggedAlerts {

// The cells of the newest probe.round that carries them, evaluatedAtMs its time, with the
// acknowledgements recorded after it; empty when no round carried cells yet.
Result<QList<StoredAlertCell>> read(const EvidenceStore &store);

// The monitor's alert_cells table checked against the signed transitions: a cell whose state
// disagrees with its last alert.fired / alert.cleared event (a firing cell turned "ok" with an
// UPDATE, or one written without its event) is shown unknown, saying what disagrees.
Result<QList<StoredAlertCell>> checkedAgainstLog(QList<StoredAlertCell> table, const EvidenceStore &store);

// The pipeline signals the rules read: the newest 1,000 of each kind (enough for every window of
// the rules), each counted only where the log vouches for it.
Result<QList<SignalSample>> recentSignals(const EvidenceStore &store);
// The same for one kind of signal (AlertRules::signalKinds()).
Result<QList<SignalSample>> recentSignals(const EvidenceStore &store, const QString &kind);

// The scopes whose kill switch is active now, folded from the kill-switch events alone.
Result<QSet<QString>> activeKillSwitches(const EvidenceStore &store);

// What one full round's evaluation found.
struct RoundAlerts {
    int recorded = 0;                   // alert.fired / alert.cleared events added
    QList<AlertTransition> transitions; // every transition of the evaluation
    QList<AlertCell> cells;             // every cell as evaluated
    QHash<QString, qint64> firingSince; // "alert|scope" → since, of the cells firing before it
    int silenceEvents = 0;              // silence.window_opened / silence.expired added
};

// Evaluates a full round (`events` as LoggedProbes::roundEvents made them, ending with the
// probe.round event) against the logged cells and the log's signals, kill switches and
// silences: alert.fired / alert.cleared events, and the silence events now due (a maintenance
// window that opened, a silence whose time is up), go before the round event, and the round event
// carries every cell as evaluated. What Alertmanager reported is read from `alertmanager`, brought
// up to the log first (a fresh fold of the whole log when none is given).
Result<RoundAlerts> addToRound(QList<NewEvent> &events, const EvidenceStore &store,
                               const DeploymentConfig &config, const QList<AlertRule> &rules,
                               const QList<ProbeResult> &results, qint64 nowMs,
                               Alertmanager::Fold *alertmanager = nullptr);

// A person's acknowledgement of a cell the log says is firing: one signed alert.acknowledged
// event (operator or incident-owner, with a note).
Result<StoredEvent> acknowledge(EvidenceStore &store, const Signer &signer, const QString &alertId,
                                const QString &scope, const QString &note, qint64 nowMs);

// The alert.fired / alert.cleared events of these transitions (the same shape as the local
// recorder's).
QList<NewEvent> transitionEvents(const AlertEvaluator &evaluator, const QList<AlertTransition> &transitions,
                                 const QString &source);

} // namespace LoggedAlerts
} // namespace ops
