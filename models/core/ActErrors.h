#pragma once

// The two errors the acts give most: a refusal by a rule (ErrorCode::Policy) and input that is not
// what the act takes (ErrorCode::InvalidInput), each with the field or flag it is about.
#include "Result.h"

namespace ops::act_errors {

inline Error refused(const QString &message, const QString &where = {}) {
    return makeError(ErrorCode::Policy, message, where);
}

inline Error invalid(const QString &message, const QString &where = {}) {
    return makeError(ErrorCode::InvalidInput, message, where);
}

} // namespace ops::act_errors
