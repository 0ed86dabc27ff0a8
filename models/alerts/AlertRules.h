#pragma once

#include "core/DeploymentConfig.h"
#include "core/Result.h"
#include "probes/ProbeTypes.h"

namespace ops {

// One row of the alert matrix, loaded from resources/rules/alerts.yaml (or a custom file).
struct AlertRule {
    enum class Source { Probe, Signal, KillSwitch };

    QString id;
    QString name;
    QString trigger;
    QString firstAction;
    QString severityDefault;  // SEV-1 | SEV-2 | SEV-3
    QString severityCritical; // for critical scopes; empty: the default applies
    QString incidentClass;
    QString runbook;
    bool enabled = true;
    Source source = Source::Probe;
    QList<TargetKind> probeKinds; // Probe
    ProbeState probeState = ProbeState::Failed;
    QString signal;        // Signal: publish_blocked | fallback_rate | watchdog_breach | manual_trigger
    int count = 0;         // Signal: at least this many in the window
    int abovePercent = -1; // Signal: latest value over this percentage
    int windowMinutes = 60;
    int line = 0;

    // The severity model: e.g. resolver health is SEV-1 for a critical scope, SEV-2 otherwise.
    QString severityFor(const ScopeConfig &scope) const;
    Phrase severityReason(const ScopeConfig &scope) const; // why this severity, in words to translate
};

namespace AlertRules {
inline constexpr const char *kBuiltinPath = ":/rules/alerts.yaml";
inline QStringList signalKinds() {
    return pipelineSignalKinds();
}
Result<QList<AlertRule>> parse(const QByteArray &yaml, const QString &file);
Result<QList<AlertRule>> loadFile(const QString &path);
Result<QList<AlertRule>> builtin();
// The config's alert_rules file, or the built-in rules when it names none.
Result<QList<AlertRule>> forConfig(const DeploymentConfig &config);
// A rule's name, trigger or first action as a window shows it: a built-in rule's words in the
// reader's language (AlertRuleTexts.cpp), any other as written.
QString shown(const QString &words);
// The built-in rules' words marked for translation.
QStringList builtinTexts();
} // namespace AlertRules

} // namespace ops
