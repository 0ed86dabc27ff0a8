#pragma once

#include "JsonValue.h"

#include <QStringList>

namespace ops::Roles {

// The roles an identity may hold (docs/operator-guide.md).
inline QStringList all() {
    return {QStringLiteral("operator"),
            QStringLiteral("incident-owner"),
            QStringLiteral("release-owner"),
            QStringLiteral("reviewer"),
            QStringLiteral("analyst"),
            QStringLiteral("risk-owner"),
            QStringLiteral("locker"),
            QStringLiteral("launcher"),
            QStringLiteral("product"),
            QStringLiteral("engineering"),
            QStringLiteral("qa"),
            QStringLiteral("admin"),
            QStringLiteral("monitor")};
}

// A service identity (the headless monitor, a console recording probe transitions) records what it
// observes and nothing a person decides.
inline bool monitorMayRecord(QStringView kind) {
    return kind.startsWith(QLatin1String("probe.")) || kind == QLatin1String("alert.fired") ||
           kind == QLatin1String("alert.cleared") || kind.startsWith(QLatin1String("signal.")) ||
           kind.startsWith(QLatin1String("monitor.")) || kind.startsWith(QLatin1String("notification.")) ||
           kind == QLatin1String("silence.window_opened") || kind == QLatin1String("silence.expired");
}

// The role a person's act needs, by kind (and, for runbook steps, by the runbook and the step's
// own signing role). The verbs check this before they write; the write gate and verify check it
// again from the events, as of the act's position in the log.
struct ActRule {
    QStringList anyOf; // empty: any approved identity may record it
    QString also;      // a role needed besides, e.g. the role a signed step is signed as
};

inline ActRule ruleForAct(QStringView kind, const JsonValue &payload) {
    const QStringList incident{QStringLiteral("operator"), QStringLiteral("incident-owner")};
    const auto is = [&](const char *k) { return kind == QLatin1String(k); };
    const auto prefix = [&](const char *p) { return kind.startsWith(QLatin1String(p)); };
    if (is("incident.decision") || is("incident.closed"))
        return {{QStringLiteral("incident-owner")}, {}};
    if (prefix("incident.") || prefix("killswitch.") || prefix("publisher.") || is("rollback.started") ||
        is("rollback.finished") || is("alert.acknowledged") || is("silence.added") || is("silence.ended"))
        return {incident, {}};
    // What the recorder sees of silences: a maintenance window opening, a silence's time being up.
    if (is("silence.window_opened") || is("silence.expired") || prefix("notification."))
        return {incident + QStringList{QStringLiteral("monitor")}, {}};
    if (prefix("alert.") || prefix("probe.") || prefix("monitor."))
        return {incident + QStringList{QStringLiteral("monitor")}, {}};
    if (prefix("runbook.")) {
        QString signedAs;
        if (const JsonValue *evidence = payload.find("evidence"); evidence && evidence->isObject())
            signedAs = evidence->stringAt("signed_as");
        const bool launch = payload.stringAt("runbook") == QLatin1String("launch-day-validation");
        // A launch's sign-off steps are signed by product, engineering and QA; everything else
        // of a launch run (starting it, its checks, completing it) is the release owner's.
        const QStringList signoffs{QStringLiteral("product"), QStringLiteral("engineering"),
                                   QStringLiteral("qa")};
        if (launch)
            return kind == QLatin1String("runbook.step") && signoffs.contains(signedAs)
                       ? ActRule{{signedAs}, {}}
                       : ActRule{{QStringLiteral("release-owner")}, {}};
        return {incident, signedAs};
    }
    if (prefix("launch."))
        return {{QStringLiteral("release-owner")}, {}};
    if (is("derivation.imported") || is("derivation.superseded") || is("handoff.attested"))
        return {{QStringLiteral("analyst")}, {}};
    if (is("derivation.reviewed") || is("derivation.signed") || is("handoff.threats") ||
        is("handoff.exported"))
        return {{QStringLiteral("reviewer")}, {}};
    if (is("derivation.risk-noted"))
        return {{QStringLiteral("risk-owner")}, {}};
    if (is("derivation.invalidated") || is("handoff.charter"))
        return {{QStringLiteral("analyst"), QStringLiteral("reviewer")}, {}};
    // rollback.deadline_missed (a fact of the clock), derivation.denied (a refused attempt),
    // verdicts, proofs, attachments, import statements, signals: any approved identity.
    return {};
}

// Why `held` may not make an act of `kind`; empty when it may.
inline QString actRefusal(QStringView kind, const JsonValue &payload, const QStringList &held) {
    const ActRule rule = ruleForAct(kind, payload);
    bool any = rule.anyOf.isEmpty();
    for (const QString &r : rule.anyOf)
        any = any || held.contains(r);
    if (!any)
        return QStringLiteral("%1 needs the %2 role").arg(kind, rule.anyOf.join(QStringLiteral(" or ")));
    if (!rule.also.isEmpty() && !held.contains(rule.also))
        return QStringLiteral("%1 signed as %2 needs that role").arg(kind, rule.also);
    return {};
}

inline QStringList unknown(const QStringList &roles) {
    QStringList out;
    for (const QString &r : roles)
        if (!all().contains(r))
            out << r;
    return out;
}

// docs/domain-rules.md §12: the S02 analyst, the S03 locker and the S04 launcher are different identities,
// so no identity may hold two of these roles. Empty when the roles are allowed together.
inline QString separationConflict(const QStringList &roles) {
    QStringList held;
    for (const char *r : {"analyst", "locker", "launcher"})
        if (roles.contains(QLatin1String(r)))
            held << QLatin1String(r);
    if (roles.contains(QLatin1String("monitor")) && roles.size() > 1)
        return QStringLiteral(
            "the monitor role is for service identities and is held alone: a service records "
            "what it observes, never what a person decides");
    if (held.size() < 2)
        return {};
    return QStringLiteral("one identity cannot hold %1: the analyst, the locker and the launcher must be "
                          "different identities")
        .arg(held.join(QStringLiteral(" and ")));
}

} // namespace ops::Roles
