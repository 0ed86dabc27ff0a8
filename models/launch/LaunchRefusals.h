#pragma once

#include "Launch.h"

#include "core/Result.h"

#include <optional>

namespace ops::LaunchRefusals {

// Why `me`, holding `roles`, may not sign `role` on the launch `status` shows (the open launch,
// its checks, its sign-offs); nullopt when they may. The rule LaunchActions::signoff refuses by
// and the window's reason on a disabled sign button, with its id and arguments (role.needed,
// launch.two_roles, launch.checklist_open, launch.signed; launch.none or launch.decided when
// there is no open launch).
std::optional<Error> signoff(const LaunchStatus &status, const QString &me, const QStringList &roles,
                             const QString &role);
// Why a holder of `roles` may not record GO (`go`) or NO-GO on that launch: no open launch, not a
// release owner (role.needed), or GO while the evidence says NO-GO (launch.nogo).
std::optional<Error> decision(const LaunchStatus &status, const QString &me, const QStringList &roles,
                              bool go);

} // namespace ops::LaunchRefusals
