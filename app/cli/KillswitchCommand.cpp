#include "KillswitchCommand.h"

#include "IncidentSupport.h"

#include "core/Time.h"
#include "incidents/Publisher.h"

namespace ops::cli {

int KillswitchCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("The scope the switch acts on."),
                                   QStringLiteral("S"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why."), QStringLiteral("R"));
    const QCommandLineOption localities(
        QStringLiteral("validation-localities"),
        QStringLiteral("Scopes probed as the targeted validation (comma-separated)."), QStringLiteral("a,b"));
    const QCommandLineOption result(QStringLiteral("validation-result"),
                                    QStringLiteral("The validation result, when it was not probed here."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("The incident this belongs to."), QStringLiteral("ID"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {scope, reason, localities, result, incident}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    const bool change = verb == QLatin1String("activate") || verb == QLatin1String("deactivate");
    if (!((change && pos.size() == 3) || (verb == QLatin1String("list") && pos.size() == 2)))
        return usageError(
            io, QStringLiteral(
                    "killswitch: expected activate|deactivate ai|bad-pack --scope S --reason R, or list"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (verb == QLatin1String("list")) {
        auto book = IncidentSupport::readBook(ctx.value(), io);
        if (!book.ok())
            return fail(io, book.error(), json);
        JsonValue list = JsonValue::array();
        for (const KillSwitchState &k : book->killSwitches()) {
            if (json) {
                JsonValue o = JsonValue::object();
                o["switch"] = k.killSwitch;
                o["scope"] = k.scope;
                o["active"] = k.active;
                o["since"] = Time::toIso(k.sinceMs);
                o["by"] = k.actor;
                o["reason"] = k.reason;
                o["validation_result"] = k.validationResult;
                o["activations"] = k.activations;
                o["deactivations"] = k.deactivations;
                list.push(o);
            } else {
                io.out << QStringLiteral("%1  %2  %3  since %4 by %5: %6 (validation: %7)\n")
                              .arg(k.killSwitch, -8)
                              .arg(k.scope, -10)
                              .arg(k.active ? QStringLiteral("ACTIVE  ") : QStringLiteral("inactive"))
                              .arg(Time::toIso(k.sinceMs), k.actor, k.reason, k.validationResult);
            }
        }
        if (json)
            printJson(io, list);
        else if (book->killSwitches().isEmpty())
            io.out << "no kill switch has ever been used\n";
        return 0;
    }
    auto parsed = LocalityValidation::parseLocalities(ctx->config, parser.value(localities),
                                                      QStringLiteral("--validation-localities"));
    if (!parsed.ok())
        return fail(io, parsed.error(), json);
    const QStringList locs = parsed.value();
    auto desk = IncidentSupport::open(ctx.value(), io);
    if (!desk.ok())
        return fail(io, desk.error(), json);
    IncidentActions actions(*desk->store, desk->signer, ctx->config, desk->library);
    QString validation = parser.value(result);
    if (validation.isEmpty() && !locs.isEmpty()) {
        // Targeted validation on a representative locality set (docs/domain-rules.md, "Kill switches"): probe
        // each now.
        validation = LocalityValidation::runNow(ctx->config, ctx->secrets.operatorToken, locs);
        io.err << "validation: " << validation << '\n';
    }
    auto e = verb == QLatin1String("activate")
                 ? actions.activateKillSwitch(pos.at(2), parser.value(scope), parser.value(reason), locs,
                                              validation, parser.value(incident))
                 : actions.deactivateKillSwitch(pos.at(2), parser.value(scope), parser.value(reason), locs,
                                                validation, parser.value(incident));
    if (!e.ok())
        return fail(io, e.error(), json);
    if (json) {
        JsonValue o = JsonValue::object();
        o["seq"] = static_cast<qint64>(e->seq);
        o["kind"] = e->kind;
        o["switch"] = pos.at(2);
        o["scope"] = parser.value(scope);
        o["validation_result"] = e->payload().stringAt("validation_result");
        printJson(io, o);
    } else {
        io.out << pos.at(2) << " kill switch " << verb << "d on " << parser.value(scope) << " at "
               << Time::toIso(e->tsMs) << " (event " << e->seq << ")\n";
    }
    return 0;
}

} // namespace ops::cli
