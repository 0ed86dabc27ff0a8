#include "EnvironmentPolicy.h"

namespace ops::EnvironmentPolicy {

Result<std::optional<Environment>> fromProcess(const QProcessEnvironment &env) {
    const QString name = QString::fromLatin1(kEnvVar);
    if (!env.contains(name))
        return std::optional<Environment>();
    const QString value = env.value(name).trimmed();
    if (value.isEmpty())
        return std::optional<Environment>();
    if (const auto e = parseEnvironment(value))
        return std::optional<Environment>(*e);
    return makeError(ErrorCode::Usage,
                     QStringLiteral("OPSCONSOLE_ENV must be dev, staging or prod, got '%1'").arg(value));
}

Result<Environment> effective(std::optional<Environment> fromEnv, const DeploymentConfig &config) {
    const Environment declared = config.environment.value_or(Environment::Dev);
    if (!fromEnv)
        return declared;
    if (environmentRank(*fromEnv) < environmentRank(declared))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the config declares environment %1 but OPSCONSOLE_ENV=%2; "
                                        "refusing to relax policy (set OPSCONSOLE_ENV=%1 or use a %2 config)")
                             .arg(environmentName(declared), environmentName(*fromEnv)),
                         config.source);
    return *fromEnv;
}

Result<void> checkStartup(Environment env, const DeploymentConfig &config, const QProcessEnvironment &process,
                          bool bootstrapsTrust) {
    if (env == Environment::Dev)
        return {};
    QStringList reasons;
    if (process.value(QString::fromLatin1(kTokenVar)).isEmpty())
        reasons << QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN is not set; it is required outside dev");
    if (config.builtinDemo)
        reasons << QStringLiteral("the built-in demo config is dev-only; pass --config FILE or create "
                                  "$XDG_CONFIG_HOME/opsconsole/config.yaml");
    if (config.trust.admins.isEmpty() && !bootstrapsTrust && !config.builtinDemo)
        reasons << QStringLiteral("trust.admins is not set in %1; outside dev the admin keys must be pinned "
                                  "(`opsconsole-cli init` prints the lines to add)")
                       .arg(config.source);
    if (config.probes.insecureTls)
        reasons << QStringLiteral("probes.insecure_tls is dev-only (in %1)").arg(config.source);
    // The operator token goes only over TLS outside dev.
    auto plain = [&](const QUrl &url, const QString &what) {
        if (url.isValid() && !url.isEmpty() && url.scheme() != QLatin1String("https"))
            reasons << QStringLiteral(
                           "%1 (%2) has auth: true but is not https; the token is sent only over TLS "
                           "outside dev (in %3)")
                           .arg(what, url.toString(), config.source);
    };
    for (const ScopeConfig &s : config.scopes)
        if (s.auth)
            for (const QUrl &u : {s.manifest, s.resolver, s.rules, s.appFetch})
                plain(u, QStringLiteral("scope %1").arg(s.id));
    for (const ServiceConfig &s : config.services)
        if (s.auth)
            plain(s.readyz, QStringLiteral("service %1").arg(s.id));
    if (config.publisher && config.publisher->auth)
        plain(config.publisher->rebind, QStringLiteral("publisher.rebind"));
    // What is said about alerts leaves the machine only over TLS outside dev (loopback aside).
    for (const WebhookConfig &w : config.notifications.webhooks)
        if (w.url.isValid() && w.url.scheme() != QLatin1String("https") &&
            w.url.host() != QLatin1String("127.0.0.1") && w.url.host() != QLatin1String("localhost") &&
            w.url.host() != QLatin1String("::1"))
            reasons << QStringLiteral("notifications.webhooks (line %1) is not https; alert notifications "
                                      "leave the machine only over TLS outside dev (in %2)")
                           .arg(w.line)
                           .arg(config.source);
    if (reasons.isEmpty())
        return {};
    Error e = makeError(ErrorCode::Policy,
                        QStringLiteral("refusing to start in %1: %2")
                            .arg(environmentName(env), reasons.join(QStringLiteral("; "))),
                        QString::fromLatin1(kEnvVar) + QLatin1Char('=') + environmentName(env));
    return e;
}

} // namespace ops::EnvironmentPolicy
