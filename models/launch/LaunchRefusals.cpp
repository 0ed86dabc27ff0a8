// The launch's refusals of a sign-off and of a decision, for the verbs and the window alike.
#include "LaunchRefusals.h"
#include "core/ActErrors.h"

#include "core/Time.h"

namespace ops::LaunchRefusals {

namespace {

using act_errors::invalid;
using act_errors::refused;

// The open launch `status` shows, or why there is none.
std::optional<Error> noOpenLaunch(const LaunchStatus &status) {
    if (!status.run)
        return invalid(QStringLiteral("no launch has been started (launch start --scope S --build ID)"),
                       QStringLiteral("--run"))
            .said(QStringLiteral("launch.none"), {});
    if (status.run->finished)
        return refused(QStringLiteral("launch %1 was decided (%2); start a new launch")
                           .arg(status.run->id, Time::toIso(status.run->finishedMs)))
            .said(QStringLiteral("launch.decided"), {status.run->id, Time::toIso(status.run->finishedMs)});
    return std::nullopt;
}

Error roleNeeded(const QString &what, const QString &act, const QString &role, const QString &me,
                 const QStringList &roles) {
    return refused(QStringLiteral("%1 needs the %2 role; %3 holds %4")
                       .arg(what, role, me,
                            roles.isEmpty() ? QStringLiteral("none") : roles.join(QStringLiteral(", "))),
                   QStringLiteral("--identity"))
        .said(QStringLiteral("role.needed"), {act, role, me, roles.join(QStringLiteral(", ")), {}});
}

} // namespace

std::optional<Error> signoff(const LaunchStatus &status, const QString &me, const QStringList &roles,
                             const QString &role) {
    if (std::optional<Error> none = noOpenLaunch(status))
        return none;
    if (!roles.contains(role))
        return roleNeeded(QStringLiteral("the %1 sign-off").arg(role), QStringLiteral("launch.signoff"), role,
                          me, roles);
    for (const auto &[signedRole, who] : status.run->signatures)
        if (who == me && signedRole != role)
            return refused(
                       QStringLiteral("%1 signed the %2 sign-off of %3; one identity never signs two roles")
                           .arg(me, signedRole, status.run->id),
                       QStringLiteral("--identity"))
                .said(QStringLiteral("launch.two_roles"), {me, signedRole, status.run->id});
    QStringList open;
    for (const LaunchCheck &c : status.checks)
        if (!c.holds())
            open << QStringLiteral("%1 (%2)").arg(c.step.id, c.stale.isEmpty() ? stepStatusName(c.status)
                                                                               : QStringLiteral("stale"));
    if (status.checks.isEmpty())
        open << QStringLiteral("every check");
    if (!open.isEmpty())
        return refused(QStringLiteral("a sign-off signs a complete checklist; still open: %1")
                           .arg(open.join(QStringLiteral(", "))))
            .said(QStringLiteral("launch.checklist_open"), {open.join(QStringLiteral(", "))});
    if (const LaunchSignoff *current = status.signoff(role); current && current->state == SignoffState::Valid)
        return refused(QStringLiteral("the %1 sign-off is already given by %2 (%3) and still verifies")
                           .arg(role, current->identity, Time::toIso(current->tsMs)))
            .said(QStringLiteral("launch.signed"), {role, current->identity, Time::toIso(current->tsMs)});
    return std::nullopt;
}

std::optional<Error> decision(const LaunchStatus &status, const QString &me, const QStringList &roles,
                              bool go) {
    if (std::optional<Error> none = noOpenLaunch(status))
        return none;
    if (!roles.contains(QStringLiteral("release-owner")))
        return roleNeeded(QStringLiteral("the launch decision"), QStringLiteral("launch.decision"),
                          QStringLiteral("release-owner"), me, roles);
    if (go && !status.go) {
        QStringList reasons;
        for (const auto &[rule, reason] : status.reasons)
            reasons << QStringLiteral("%1: %2").arg(rule, reason.text());
        return makeError(ErrorCode::Negative,
                         QStringLiteral("the evidence says NO-GO, so GO cannot be recorded:\n  ") +
                             reasons.join(QStringLiteral("\n  ")))
            .said(QStringLiteral("launch.nogo"), {});
    }
    return std::nullopt;
}

} // namespace ops::LaunchRefusals
