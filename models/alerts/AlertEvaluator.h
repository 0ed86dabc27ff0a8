#pragma once

#include "AlertRules.h"
#include "Silences.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace ops {

enum class AlertState { Unknown, Ok, Firing, Acknowledged };
QString alertStateName(AlertState state);
AlertState alertStateFromName(const QString &name); // unknown for anything else

// A recorded pipeline signal (publish_blocked, fallback_rate, watchdog_breach, manual_trigger).
struct SignalSample {
    QString kind;
    QString scope;
    qint64 tsMs = 0;
    QString value; // fallback_rate: a fraction ("0.18") or a percentage ("18%")
};

// What an outside alerting system (Prometheus Alertmanager) says about one alert cell: how many
// of its alerts routed there fire now. A firing one is a bad observation whatever the rule's own
// source says; when all have resolved it is a good one where the rule has no data of its own.
struct ExternalObservation {
    int firing = 0;
    Phrase detail; // e.g. "Alertmanager: PublishBlocked firing since 2026-12-04T05:00:00Z"
};

struct AlertInputs {
    QList<ProbeResult> probes;        // the latest result per target
    QList<SignalSample> signals;      // at least the longest rule window
    QSet<QString> activeKillSwitches; // scopes with an active kill switch
    bool killSwitchesKnown = false;   // false until kill-switch state has been read from the store
    QHash<QString, ExternalObservation> external; // "alert|scope" → what Alertmanager says
    // "alert|scope" → the silence in force (SilenceBook::silencedCells); unset: leave them as they are.
    std::optional<QHash<QString, Silence>> silenced;
    qint64 nowMs = 0;
};

struct AlertCell {
    QString alertId;
    QString scope;
    AlertState state = AlertState::Unknown;
    QString severity;
    Phrase severityReason;
    qint64 sinceMs = 0; // when the current state began
    Phrase detail;      // what the latest observation saw (the log keeps the English text)
    int consecutiveBad = 0;
    int consecutiveGood = 0;
    QString acknowledgedBy;
    QString acknowledgeNote;
    // The silence in force: notifications are held; the state is shown all the same.
    QString silenceId;
    QString silencedBy;
    QString silenceReason;
    qint64 silencedUntilMs = 0;
    bool silenced() const { return !silenceId.isEmpty(); }
    // Marks the cell with the silence in force (nullptr: none).
    void setSilence(const Silence *silence);
    // What a person reads: "silenced" for a firing or acknowledged cell under a silence, else the state.
    QString displayState() const;
};

struct AlertTransition {
    QString alertId;
    QString scope;
    AlertState from = AlertState::Unknown;
    AlertState to = AlertState::Unknown;
    QString severity;
    Phrase detail;
    qint64 tsMs = 0;
    QString actor; // for acknowledgements
    QString note;
};

// Evaluates the alert rules per scope with flap damping: a cell fires after `failAfter`
// consecutive bad observations and a firing cell clears after `clearAfter` good ones. Without
// data a cell is unknown — never ok — and a firing cell stays firing until it is seen good again.
class AlertEvaluator final : public QObject {
    Q_OBJECT
public:
    AlertEvaluator(QList<AlertRule> rules, DeploymentConfig config, QObject *parent = nullptr);

    const QList<AlertRule> &rules() const { return m_rules; } // enabled ones, in matrix order
    QList<const ScopeConfig *> scopes() const { return m_config.orderedScopes(); }
    const AlertCell &cell(const QString &alertId, const QString &scope) const;
    const AlertRule *rule(const QString &alertId) const;

    QList<AlertTransition> evaluate(const AlertInputs &inputs);
    // The cell as an acknowledgement leaves it (what acknowledge applies and the store keeps).
    static AlertCell acknowledged(AlertCell firing, const QString &actor, const QString &note, qint64 nowMs);
    Result<AlertTransition> acknowledge(const QString &alertId, const QString &scope, const QString &actor,
                                        const QString &note, qint64 nowMs);
    // Every cell, in matrix order.
    QList<AlertCell> cells() const;
    // Continues from saved cells (state, since, damping counters, acknowledgement). Severity comes
    // from the current rules and config; cells of alerts or scopes no longer configured are ignored.
    void restore(const QList<AlertCell> &saved);
    // Marks the silenced cells ("alert|scope" → silence) and clears the rest.
    void setSilences(const QHash<QString, Silence> &silenced);

Q_SIGNALS:
    void changed();

private:
    bool applySilences(const QHash<QString, Silence> &silenced);
    // nullopt: no data to judge by.
    std::optional<bool> observe(const AlertRule &rule, const ScopeConfig &scope, const AlertInputs &in,
                                Phrase &detail) const;

    QList<AlertRule> m_rules;
    DeploymentConfig m_config;
    QHash<QString, AlertCell> m_cells; // key "alert|scope"
    AlertCell m_missing;
};

} // namespace ops
