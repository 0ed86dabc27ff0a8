#include "Startup.h"

#include "EnvironmentPolicy.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ops::Startup {

QString dataDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/opsconsole");
}

QString stateDirectory() {
    if (QStandardPaths::isTestModeEnabled()) // beside Qt's own test-mode locations
        return QDir::homePath() + QStringLiteral("/.qttest/state/opsconsole");
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/opsconsole");
}

QString defaultStorePath() {
    return dataDirectory() + QStringLiteral("/evidence.sqlite");
}

QString defaultConfigPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/opsconsole/config.yaml");
}

Result<StartupContext> prepare(const CommonOptions &options, const QProcessEnvironment &process) {
    auto fromEnv = EnvironmentPolicy::fromProcess(process);
    if (!fromEnv.ok())
        return fromEnv.error();

    QString configPath = options.configPath;
    if (configPath.isEmpty() && QFileInfo::exists(defaultConfigPath()))
        configPath = defaultConfigPath();

    Result<DeploymentConfig> config =
        configPath.isEmpty() ? ConfigLoader::builtinDemo() : ConfigLoader::loadFile(configPath);
    if (!config.ok())
        return config.error();

    auto env = EnvironmentPolicy::effective(fromEnv.value(), config.value());
    if (!env.ok())
        return env.error();
    if (auto policy =
            EnvironmentPolicy::checkStartup(env.value(), config.value(), process, options.bootstrapsTrust);
        !policy.ok())
        return policy.error();

    StartupContext ctx;
    ctx.environment = env.value();
    ctx.config = std::move(config).value();
    ctx.storePath = options.storePath.isEmpty() ? defaultStorePath() : QDir::cleanPath(options.storePath);
    ctx.identity =
        options.identity.isEmpty() ? process.value(QStringLiteral("OPSCONSOLE_IDENTITY")) : options.identity;
    ctx.passphraseFile = options.passphraseFile;
    return ctx;
}

} // namespace ops::Startup
