#pragma once

#include <QString>

#include <optional>

namespace ops {

enum class Environment { Dev, Staging, Prod };

QString environmentName(Environment env);                         // "dev" | "staging" | "prod"
std::optional<Environment> parseEnvironment(const QString &name); // accepts the three names only
inline int environmentRank(Environment env) {
    return static_cast<int>(env);
}

} // namespace ops
