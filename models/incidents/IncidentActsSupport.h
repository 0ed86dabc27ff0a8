#pragma once

// What the incident acts' source files share (IncidentActions.cpp, IncidentSteps.cpp): the roles an
// incident act needs and the two kinds of refusal. Not an interface of its own.

#include "core/Result.h"

#include <QStringList>

namespace ops::incident_acts {

inline const QStringList &incidentRoles() {
    static const QStringList roles{QStringLiteral("operator"), QStringLiteral("incident-owner")};
    return roles;
}

inline Error refused(const QString &message, const QString &where = {}) {
    return makeError(ErrorCode::Policy, message, where);
}

inline Error invalid(const QString &message, const QString &where) {
    return makeError(ErrorCode::InvalidInput, message, where);
}

} // namespace ops::incident_acts
