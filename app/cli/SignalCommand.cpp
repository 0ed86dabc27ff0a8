#include "SignalCommand.h"

#include "StoreAccess.h"

#include "alerts/AlertRules.h"

namespace ops::cli {

int SignalCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("The scope the signal is about."),
                                   QStringLiteral("S"));
    const QCommandLineOption value(
        QStringLiteral("value"),
        QStringLiteral("A value: fallback_rate as a fraction (0.18) or percentage (18%)."),
        QStringLiteral("V"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {scope, value}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    if (pos.value(1) != QLatin1String("record") || pos.size() != 3)
        return usageError(io, QStringLiteral("signal: expected `signal record KIND --scope S`"));
    const QString kind = pos.at(2);
    if (!AlertRules::signalKinds().contains(kind))
        return usageError(io, QStringLiteral("unknown signal '%1' (%2)")
                                  .arg(kind, AlertRules::signalKinds().join(QStringLiteral(", "))));
    const bool json = parser.isSet(m_json);
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    const QString s = parser.value(scope);
    if (s.isEmpty() || !ctx->config.scope(s))
        return fail(io,
                    makeError(ErrorCode::InvalidInput,
                              QStringLiteral("--scope must name a scope of %1").arg(ctx->config.source),
                              QStringLiteral("--scope")),
                    json);
    QString v = parser.value(value).trimmed();
    if (kind == QLatin1String("fallback_rate")) {
        QString number = v;
        if (number.endsWith(QLatin1Char('%')))
            number.chop(1);
        bool ok = false;
        const double d = number.toDouble(&ok);
        if (v.isEmpty() || !ok || d < 0 || d > 100)
            return fail(
                io,
                makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral(
                        "fallback_rate needs --value as a fraction (0.18) or percentage (18%), got '%1'")
                        .arg(v),
                    QStringLiteral("--value")),
                json);
    }
    auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    NewEvent e;
    e.kind = QStringLiteral("signal.") + kind;
    e.scope = s;
    e.payload["signal"] = kind;
    e.payload["value"] = v; // a string: canonical JSON carries no floats
    auto stored = unlocked->store->append(unlocked->signer, {e});
    if (!stored.ok())
        return fail(io, stored.error(), json);
    if (json) {
        JsonValue o = JsonValue::object();
        o["seq"] = static_cast<qint64>(stored->first().seq);
        o["kind"] = e.kind;
        o["scope"] = s;
        o["value"] = v;
        printJson(io, o);
    } else {
        io.out << "recorded " << e.kind << " for " << s
               << (v.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v)) << " as event "
               << stored->first().seq << '\n';
    }
    return 0;
}

} // namespace ops::cli
