#include "Startup.h"

#include "EnvironmentPolicy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace ops::Startup {

QString dataDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/opsconsole");
}

QString windowBase(const QString &store) {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    const QByteArray hash =
        QCryptographicHash::hash(store.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return dir + QStringLiteral("/opsconsole-") + QString::fromLatin1(hash);
}

bool windowOpenFor(const QString &store) {
    QLocalSocket window;
    window.connectToServer(windowBase(store) + QStringLiteral(".sock"));
    const bool open = window.waitForConnected(1000);
    window.abort();
    return open;
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

bool isTeamLogUrl(const QString &store) {
    return store.startsWith(QLatin1String("postgresql://")) || store.startsWith(QLatin1String("postgres://"));
}

Result<void> checkTeamLogUrl(const QString &url, Environment env) {
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the team log URL is not a valid URI: %1").arg(u.errorString()),
                         QStringLiteral("--store"));
    const QUrlQuery q(u);
    // A password on a command line shows in every process listing; in a config file it is a secret
    // in a file that teams review and share.
    if (!u.password().isEmpty() || q.hasQueryItem(QStringLiteral("password")))
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the team log URL carries a password: keep it in ~/.pgpass (or the file "
                           "PGPASSFILE names), never in the URL"),
            QStringLiteral("--store / store.url"));
    if (env != Environment::Dev &&
        q.queryItemValue(QStringLiteral("sslmode")) != QLatin1String("verify-full"))
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("refusing to start in %1: the team log URL needs sslmode=verify-full outside "
                           "dev (the server's certificate and name checked)")
                .arg(environmentName(env)),
            QStringLiteral("--store / store.url"));
    return {};
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
    // The store: --store (a file or the team log's URL), else the config's store.url, else the file.
    QString store;
    if (isTeamLogUrl(options.storePath))
        store = options.storePath;
    else if (!options.storePath.isEmpty())
        store = QDir::cleanPath(options.storePath);
    else if (!config->storeUrl.isEmpty())
        store = config->storeUrl;
    else
        store = defaultStorePath();
    if (isTeamLogUrl(store))
        if (auto r = checkTeamLogUrl(store, env.value()); !r.ok())
            return r.error();
    if (auto policy =
            EnvironmentPolicy::checkStartup(env.value(), config.value(), process, options.bootstrapsTrust);
        !policy.ok())
        return policy.error();

    StartupContext ctx;
    ctx.environment = env.value();
    ctx.config = std::move(config).value();
    ctx.storePath = store;
    ctx.identity =
        options.identity.isEmpty() ? process.value(QStringLiteral("OPSCONSOLE_IDENTITY")) : options.identity;
    ctx.passphraseFile = options.passphraseFile;
    ctx.secrets = OperatorSecrets::read(process);
    return ctx;
}

} // namespace ops::Startup
