#pragma once

#include "JsonValue.h"

#include <QStringList>

#include <optional>

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
           kind.startsWith(QLatin1String("alertmanager.")) ||
           kind == QLatin1String("silence.window_opened") || kind == QLatin1String("silence.expired");
}

// The role a person's act needs, by kind (and, for runbook steps, by the runbook and the step's
// own signing role). Every kind of act this console records is listed here; a kind under an act
// prefix (EvidenceTypes.h, isActKind) that is not listed is no act of this console and is
// refused. The verbs check this before they write; the write gate and verify check it again from
// the events, as of the act's position in the log.
struct ActRule {
    QStringList anyOf; // empty: any approved identity may record it
    QString also;      // a role needed besides, e.g. the role a signed step is signed as
};

inline std::optional<ActRule> ruleForAct(QStringView kind, const JsonValue &payload) {
    const QStringList incident{QStringLiteral("operator"), QStringLiteral("incident-owner")};
    const QStringList recorder = incident + QStringList{QStringLiteral("monitor")};
    const auto in = [&](std::initializer_list<const char *> kinds) {
        for (const char *k : kinds)
            if (kind == QLatin1String(k))
                return true;
        return false;
    };
    if (in({"incident.decision", "incident.closed"}))
        return ActRule{{QStringLiteral("incident-owner")}, {}};
    if (in({"incident.opened", "incident.owner_assigned", "incident.severity_changed", "incident.evidence",
            "killswitch.activated", "killswitch.deactivated", "rollback.started", "rollback.finished",
            "alert.acknowledged", "silence.added", "silence.ended"}))
        return ActRule{incident, {}};
    // What the recorder observes: probes, alert cells, Alertmanager's notices, notifications, a
    // maintenance window opening, a silence's time being up, a gap in its own recording.
    if (in({"probe.state_changed", "probe.round", "alert.fired", "alert.cleared", "alertmanager.firing",
            "alertmanager.resolved", "notification.attempted", "silence.window_opened", "silence.expired",
            "monitor.gap"}))
        return ActRule{recorder, {}};
    if (in({"runbook.started", "runbook.step", "runbook.completed"})) {
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
        return ActRule{incident, signedAs};
    }
    if (in({"launch.decided"}))
        return ActRule{{QStringLiteral("release-owner")}, {}};
    if (in({"derivation.imported", "derivation.superseded", "handoff.attested"}))
        return ActRule{{QStringLiteral("analyst")}, {}};
    if (in({"derivation.reviewed", "derivation.signed", "handoff.threats", "handoff.exported"}))
        return ActRule{{QStringLiteral("reviewer")}, {}};
    if (in({"derivation.risk-noted"}))
        return ActRule{{QStringLiteral("risk-owner")}, {}};
    if (in({"derivation.invalidated", "handoff.charter"}))
        return ActRule{{QStringLiteral("analyst"), QStringLiteral("reviewer")}, {}};
    // Any approved identity: a missed deadline (a fact of the clock, judged by the fold against
    // the run's own clocks), a refused attempt, what someone checked or generated (verdicts, proof
    // summaries, verify results, attestations, reports), attachments, import statements, shift
    // handovers and the record of an outbox's sync (admitted by the sync's own rules).
    if (in({"rollback.deadline_missed", "derivation.denied", "verdict.verified", "proof.summarized",
            "evidence.verified", "evidence.attached", "evidence.imported", "attestation.signed",
            "report.generated", "handover.given", "handover.acknowledged", "outbox.synced"}))
        return ActRule{};
    return std::nullopt;
}

// Why `held` may not make an act of `kind`; empty when it may.
inline QString actRefusal(QStringView kind, const JsonValue &payload, const QStringList &held) {
    const std::optional<ActRule> rule = ruleForAct(kind, payload);
    if (!rule)
        return QStringLiteral("%1 is not a kind of act this console records").arg(kind);
    bool any = rule->anyOf.isEmpty();
    for (const QString &r : rule->anyOf)
        any = any || held.contains(r);
    if (!any)
        return QStringLiteral("%1 needs the %2 role").arg(kind, rule->anyOf.join(QStringLiteral(" or ")));
    if (!rule->also.isEmpty() && !held.contains(rule->also))
        return QStringLiteral("%1 signed as %2 needs that role").arg(kind, rule->also);
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
