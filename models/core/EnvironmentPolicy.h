#pragma once

#include "DeploymentConfig.h"
#include "Environment.h"
#include "Result.h"

#include <QProcessEnvironment>

namespace ops {

inline constexpr const char *kEnvVar = "OPSCONSOLE_ENV";
inline constexpr const char *kTokenVar = "OPSCONSOLE_OPERATOR_TOKEN";

namespace EnvironmentPolicy {

// OPSCONSOLE_ENV as set (nullopt when unset); an unknown value is a usage error.
Result<std::optional<Environment>> fromProcess(const QProcessEnvironment &env);

// OPSCONSOLE_ENV overrides the file, but may only make policy stricter: a config that
// declares prod is never run as dev (fail closed when certainty drops).
Result<Environment> effective(std::optional<Environment> fromEnv, const DeploymentConfig &config);

// Outside dev: the operator token must be set and no dev-only switch may be on.
// Every violation is named; the error's code is ErrorCode::Policy (exit 4).
// Outside dev the admin keys must also be pinned (trust.admins), except for `init`, which makes
// the genesis admin whose key the config then pins.
Result<void> checkStartup(Environment env, const DeploymentConfig &config, const QProcessEnvironment &process,
                          bool bootstrapsTrust = false);

} // namespace EnvironmentPolicy
} // namespace ops
