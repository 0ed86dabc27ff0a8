#pragma once

// What the incident acts' source files share (IncidentActions.cpp, IncidentSteps.cpp): the roles an
// incident act needs and the two kinds of refusal. Not an interface of its own.

#include "core/ActErrors.h"
#include "core/Result.h"

#include <QStringList>

namespace ops::incident_acts {

inline const QStringList &incidentRoles() {
    static const QStringList roles{QStringLiteral("operator"), QStringLiteral("incident-owner")};
    return roles;
}

using act_errors::invalid;
using act_errors::refused;

} // namespace ops::incident_acts
