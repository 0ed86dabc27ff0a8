#include "AlertRules.h"

#include "core/YamlSupport.h"

#include <QFile>
#include <QSet>

namespace ops {

QString AlertRule::severityFor(const ScopeConfig &scope) const {
    return scope.critical && !severityCritical.isEmpty() ? severityCritical : severityDefault;
}

Phrase AlertRule::severityReason(const ScopeConfig &scope) const {
    if (severityCritical.isEmpty())
        return Phrase("ops::AlertRule",
                      QT_TRANSLATE_NOOP("ops::AlertRule", "%1 for every scope (alert matrix)"),
                      {severityDefault});
    return scope.critical
               ? Phrase("ops::AlertRule", QT_TRANSLATE_NOOP("ops::AlertRule", "%1: %2 is a critical scope"),
                        {severityCritical, scope.id})
               : Phrase("ops::AlertRule",
                        QT_TRANSLATE_NOOP("ops::AlertRule", "%1: %2 is not a critical scope"),
                        {severityDefault, scope.id});
}

namespace AlertRules {

namespace {
const QStringList kSeverities{QStringLiteral("SEV-1"), QStringLiteral("SEV-2"), QStringLiteral("SEV-3")};

std::optional<TargetKind> kindFrom(const QString &s) {
    for (TargetKind k : {TargetKind::Manifest, TargetKind::Pack, TargetKind::Resolver, TargetKind::Rules,
                         TargetKind::Readyz})
        if (targetKindName(k) == s)
            return k;
    return std::nullopt;
}
} // namespace

Result<QList<AlertRule>> parse(const QByteArray &yamlText, const QString &file) {
    auto root = yaml::load(yamlText, file);
    if (!root.ok())
        return root.error();
    yaml::Checker check(file);
    QList<AlertRule> rules;
    try {
        const YAML::Node doc = root.value();
        if (!check.checkMap(doc, QString(), {"alerts"}, {}))
            return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
        const YAML::Node list = doc["alerts"];
        if (!check.isSequence(list, QStringLiteral("alerts")))
            return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
        QSet<QString> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const YAML::Node n = list[i];
            const QString p = yaml::indexPath(QStringLiteral("alerts"), i);
            if (!check.checkMap(n, p, {"id", "name", "trigger", "severity", "first_action", "source"},
                                {"incident_class", "runbook", "enabled"}) &&
                !n.IsMap())
                continue;
            AlertRule r;
            r.line = yaml::lineOf(n);
            r.id = check.string(n["id"], p + QStringLiteral(".id")).value_or(QString());
            if (!r.id.isEmpty() && ids.contains(r.id))
                check.error(n["id"], p + QStringLiteral(".id"),
                            QStringLiteral("duplicate alert id '%1'").arg(r.id));
            ids.insert(r.id);
            r.name = check.string(n["name"], p + QStringLiteral(".name")).value_or(QString());
            r.trigger = check.string(n["trigger"], p + QStringLiteral(".trigger")).value_or(QString());
            r.firstAction =
                check.string(n["first_action"], p + QStringLiteral(".first_action")).value_or(QString());
            if (n["incident_class"].IsDefined())
                r.incidentClass = check.string(n["incident_class"], p + QStringLiteral(".incident_class"))
                                      .value_or(QString());
            if (n["runbook"].IsDefined())
                r.runbook = check.string(n["runbook"], p + QStringLiteral(".runbook")).value_or(QString());
            if (n["enabled"].IsDefined())
                r.enabled = check.boolean(n["enabled"], p + QStringLiteral(".enabled")).value_or(true);
            const YAML::Node sev = n["severity"];
            if (check.checkMap(sev, p + QStringLiteral(".severity"), {"default"}, {"critical"})) {
                r.severityDefault =
                    check.string(sev["default"], p + QStringLiteral(".severity.default")).value_or(QString());
                if (!r.severityDefault.isEmpty() && !kSeverities.contains(r.severityDefault))
                    check.error(
                        sev["default"], p + QStringLiteral(".severity.default"),
                        QStringLiteral("must be SEV-1, SEV-2 or SEV-3, got '%1'").arg(r.severityDefault));
                if (sev["critical"].IsDefined()) {
                    r.severityCritical =
                        check.string(sev["critical"], p + QStringLiteral(".severity.critical"))
                            .value_or(QString());
                    if (!kSeverities.contains(r.severityCritical))
                        check.error(sev["critical"], p + QStringLiteral(".severity.critical"),
                                    QStringLiteral("must be SEV-1, SEV-2 or SEV-3, got '%1'")
                                        .arg(r.severityCritical));
                }
            }
            const YAML::Node src = n["source"];
            const QString sp = p + QStringLiteral(".source");
            if (!src.IsMap()) {
                check.error(src, sp, QStringLiteral("must be a mapping with probe, signal or killswitch"));
            } else if (src["probe"].IsDefined()) {
                r.source = AlertRule::Source::Probe;
                if (check.checkMap(src, sp, {"probe", "state"}, {}) &&
                    check.isSequence(src["probe"], sp + QStringLiteral(".probe"))) {
                    for (std::size_t k = 0; k < src["probe"].size(); ++k) {
                        const auto name = check.string(src["probe"][k], sp + QStringLiteral(".probe"));
                        if (!name)
                            continue;
                        if (auto kind = kindFrom(*name))
                            r.probeKinds << *kind;
                        else
                            check.error(
                                src["probe"][k], sp + QStringLiteral(".probe"),
                                QStringLiteral(
                                    "unknown target kind '%1' (manifest, pack, resolver, rules, readyz)")
                                    .arg(*name));
                    }
                    const QString state =
                        check.string(src["state"], sp + QStringLiteral(".state")).value_or(QString());
                    if (state == QLatin1String("failed"))
                        r.probeState = ProbeState::Failed;
                    else if (state == QLatin1String("stale"))
                        r.probeState = ProbeState::Stale;
                    else
                        check.error(src["state"], sp + QStringLiteral(".state"),
                                    QStringLiteral("must be failed or stale, got '%1'").arg(state));
                }
            } else if (src["signal"].IsDefined()) {
                r.source = AlertRule::Source::Signal;
                if (check.checkMap(src, sp, {"signal", "window_minutes"}, {"count", "above_percent"})) {
                    r.signal =
                        check.string(src["signal"], sp + QStringLiteral(".signal")).value_or(QString());
                    if (!signalKinds().contains(r.signal))
                        check.error(src["signal"], sp + QStringLiteral(".signal"),
                                    QStringLiteral("unknown signal '%1' (%2)")
                                        .arg(r.signal, signalKinds().join(QStringLiteral(", "))));
                    r.windowMinutes =
                        static_cast<int>(check
                                             .integer(src["window_minutes"],
                                                      sp + QStringLiteral(".window_minutes"), 1, 7 * 24 * 60)
                                             .value_or(60));
                    if (src["count"].IsDefined())
                        r.count = static_cast<int>(
                            check.integer(src["count"], sp + QStringLiteral(".count"), 1, 1000000)
                                .value_or(1));
                    if (src["above_percent"].IsDefined())
                        r.abovePercent = static_cast<int>(
                            check.integer(src["above_percent"], sp + QStringLiteral(".above_percent"), 0, 100)
                                .value_or(0));
                    if ((r.count > 0) == (r.abovePercent >= 0))
                        check.error(src, sp, QStringLiteral("needs exactly one of count or above_percent"));
                }
            } else if (src["killswitch"].IsDefined()) {
                r.source = AlertRule::Source::KillSwitch;
                check.checkMap(src, sp, {"killswitch"}, {});
            } else {
                check.error(src, sp, QStringLiteral("needs probe, signal or killswitch"));
            }
            rules.append(r);
        }
    } catch (const YAML::Exception &e) {
        check.errorAtLine(e.mark.is_null() ? 0 : e.mark.line + 1, QString(),
                          QStringLiteral("YAML error: %1").arg(QString::fromStdString(e.msg)));
    }
    if (check.hasErrors())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, check.diagnostics());
    return rules;
}

Result<QList<AlertRule>> loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot read alert rules: %1").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

Result<QList<AlertRule>> builtin() {
    return loadFile(QString::fromLatin1(kBuiltinPath));
}

Result<QList<AlertRule>> forConfig(const DeploymentConfig &config) {
    return config.alertRulesFile.isEmpty() ? builtin() : loadFile(config.alertRulesFile);
}

} // namespace AlertRules
} // namespace ops
