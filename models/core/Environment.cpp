#include "Environment.h"

namespace ops {

QString environmentName(Environment env) {
    switch (env) {
    case Environment::Dev:
        return QStringLiteral("dev");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Prod:
        return QStringLiteral("prod");
    }
    return QStringLiteral("dev");
}

std::optional<Environment> parseEnvironment(const QString &name) {
    if (name == QLatin1String("dev"))
        return Environment::Dev;
    if (name == QLatin1String("staging"))
        return Environment::Staging;
    if (name == QLatin1String("prod"))
        return Environment::Prod;
    return std::nullopt;
}

} // namespace ops
