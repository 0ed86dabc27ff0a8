#include "ConfigCommand.h"

#include "alerts/Silences.h"

#include "alerts/AlertRules.h"
#include "monitor/Alertmanager.h"
#include "monitor/Notifier.h"

#include "core/Startup.h"

namespace ops::cli {

namespace {
JsonValue diagnosticsJson(const Error &error) {
    JsonValue list = JsonValue::array();
    const QList<Diagnostic> diags =
        error.diagnostics.isEmpty() ? QList<Diagnostic>{Diagnostic{error.where, 0, QString(), error.message}}
                                    : error.diagnostics;
    for (const Diagnostic &d : diags) {
        JsonValue o = JsonValue::object();
        o["file"] = d.file;
        o["line"] = d.line;
        o["key"] = d.key;
        o["message"] = d.message;
        list.push(o);
    }
    return list;
}
} // namespace

int ConfigCommand::run(const QStringList &arguments, CliIo &io) {
    QCommandLineParser parser;
    if (!parse(parser, arguments, io))
        return static_cast<int>(ErrorCode::Usage);
    const QStringList pos = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    if (pos.size() < 2 || pos.at(1) != QLatin1String("check"))
        return usageError(io, pos.size() < 2
                                  ? QStringLiteral("config: missing sub-verb")
                                  : QStringLiteral("config: unknown sub-verb '%1'").arg(pos.at(1)));
    if (pos.size() > 3)
        return usageError(io, QStringLiteral("config check takes at most one FILE"));

    const bool json = parser.isSet(m_json);
    CommonOptions options = m_common.read(parser);
    if (pos.size() == 3)
        options.configPath = pos.at(2);

    io.takeTokensFromKeychain();
    auto ctx = Startup::prepare(options, io.environment);
    // What the monitor checks at start: the alert rules load, and Alertmanager's routes and the
    // maintenance windows name alerts (and signals) of them.
    if (ctx.ok()) {
        auto rules = AlertRules::forConfig(ctx->config);
        if (!rules.ok())
            ctx = rules.error();
        else if (auto windows = Silences::checkWindows(ctx->config, rules.value()); !windows.ok())
            ctx = windows.error();
        else if (auto hooks = WebhookNotifier::resolveUrls(ctx->config.notifications); !hooks.ok())
            ctx = hooks.error();
        else if (ctx->config.alertmanager.configured())
            if (auto routes = Alertmanager::checkRoutes(ctx->config, rules.value()); !routes.ok())
                ctx = routes.error();
    }
    if (!ctx.ok()) {
        const Error &e = ctx.error();
        if (json) {
            JsonValue o = JsonValue::object();
            o["file"] = options.configPath;
            o["ok"] = false;
            o["exit_code"] = e.exitCode();
            if (e.code == ErrorCode::Policy)
                o["policy"] = e.message;
            else
                o["errors"] = diagnosticsJson(e);
            printJson(io, o);
        }
        io.err << e.toString() << '\n';
        return e.exitCode();
    }
    const DeploymentConfig &cfg = ctx->config;
    if (json) {
        JsonValue o = JsonValue::object();
        o["file"] = cfg.source;
        o["ok"] = true;
        o["environment"] = environmentName(ctx->environment);
        o["builtin_demo"] = cfg.builtinDemo;
        o["scopes"] = static_cast<int>(cfg.scopes.size());
        o["services"] = static_cast<int>(cfg.services.size());
        o["errors"] = JsonValue::array();
        printJson(io, o);
    } else {
        io.out << cfg.source << ": ok (environment " << environmentName(ctx->environment) << ", "
               << cfg.scopes.size() << " scopes, " << cfg.services.size() << " services"
               << (cfg.builtinDemo ? ", built-in demo" : "") << ")\n";
    }
    return 0;
}

} // namespace ops::cli
