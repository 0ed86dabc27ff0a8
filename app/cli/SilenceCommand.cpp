#include "SilenceCommand.h"

#include "StoreAccess.h"

#include "alerts/AlertRules.h"
#include "alerts/Silences.h"
#include "core/Time.h"

namespace ops::cli {

namespace {

QString line(const Silence &s, qint64 now) {
    const QString who =
        s.maintenance ? QStringLiteral("maintenance window (config line %1)").arg(s.configLine) : s.actor;
    QString text = QStringLiteral("%1  %2  %3  %4  %5 → %6  by %7: %8")
                       .arg(silenceStatusName(s.statusAt(now)).toUpper(), -8)
                       .arg(s.id, -26)
                       .arg(s.scope, -10)
                       .arg(s.alerts.join(QLatin1Char(',')), -18)
                       .arg(Time::toIso(s.startsMs), Time::toIso(s.untilMs), who, s.reason);
    if (s.endedSeq)
        text += QStringLiteral("  (ended %1 by %2%3)")
                    .arg(Time::toIso(s.endedMs), s.endedBy,
                         s.endReason.isEmpty() ? QString() : QStringLiteral(": ") + s.endReason);
    return text;
}

} // namespace

int SilenceCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption alert(QStringLiteral("alert"), QStringLiteral("The alert to silence (its id)."),
                                   QStringLiteral("A"));
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("The scope of the alert."),
                                   QStringLiteral("S"));
    const QCommandLineOption until(
        QStringLiteral("until"),
        QStringLiteral(
            "When the silence ends: a UTC time (2026-12-04T18:00:00Z) or a duration (90m, 2h, 1d)."),
        QStringLiteral("T"));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why the notifications may wait."), QStringLiteral("R"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("List ended and expired silences too (the whole history)."));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {alert, scope, until, reason, all}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    const bool add = verb == QLatin1String("add") && pos.size() == 2;
    const bool list = verb == QLatin1String("list") && pos.size() == 2;
    const bool end = verb == QLatin1String("end") && pos.size() == 3;
    if (!add && !list && !end)
        return usageError(io, QStringLiteral("silence: expected `silence add --alert A --scope S --until T "
                                             "--reason R`, `silence list [--all]` or `silence end ID`"));
    if (!add && (parser.isSet(alert) || parser.isSet(scope) || parser.isSet(until)))
        return usageError(io, QStringLiteral("--alert, --scope and --until belong to `silence add`"));
    if (!list && parser.isSet(all))
        return usageError(io, QStringLiteral("--all belongs to `silence list`"));
    if (add)
        for (const QCommandLineOption *o : {&alert, &scope, &until, &reason})
            if (parser.value(*o).trimmed().isEmpty())
                return usageError(io, QStringLiteral("silence add needs --%1").arg(o->names().constFirst()));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    const qint64 now = Time::nowMs();
    if (list) {
        auto store = StoreAccess::openReadOnly(ctx.value(), io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto book = SilenceBook::load(**store, ctx->config.maintenance);
        if (!book.ok())
            return fail(io, book.error(), json);
        QList<Silence> shown;
        for (const Silence &s : book->recorded())
            if (parser.isSet(all) || s.statusAt(now) == Silence::Status::Active)
                shown.append(s);
        for (const Silence &s : book->active(now))
            if (!s.seq)
                shown.append(s); // a window in progress whose opening is not recorded yet
        shown += book->upcoming(now);
        if (json) {
            JsonValue out = JsonValue::array();
            for (const Silence &s : shown)
                out.push(s.toJson(now));
            printJson(io, out);
        } else if (shown.isEmpty()) {
            io.out << (parser.isSet(all)
                           ? "no silence has ever been recorded and no maintenance window is configured\n"
                           : "no active silence and no maintenance window in the next 7 days\n");
        } else {
            for (const Silence &s : shown)
                io.out << line(s, now) << '\n';
        }
        return 0;
    }
    auto rules = AlertRules::forConfig(ctx->config);
    if (!rules.ok())
        return fail(io, rules.error(), json);
    std::optional<qint64> untilMs;
    if (add) {
        auto parsed = Silences::parseUntil(parser.value(until), now);
        if (!parsed.ok())
            return fail(io, parsed.error(), json);
        untilMs = parsed.value();
    }
    auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    auto e =
        add ? SilenceActs::add(*unlocked->store, unlocked->signer, ctx->config, rules.value(),
                               parser.value(alert), parser.value(scope), *untilMs, parser.value(reason), now)
            : SilenceActs::end(*unlocked->store, unlocked->signer, ctx->config, pos.at(2),
                               parser.value(reason), now);
    if (!e.ok())
        return fail(io, e.error(), json);
    const QString id = add ? QStringLiteral("SIL-%1").arg(e->seq) : pos.at(2);
    if (json) {
        JsonValue o = JsonValue::object();
        o["id"] = id;
        o["seq"] = static_cast<qint64>(e->seq);
        o["kind"] = e->kind;
        o["scope"] = e->scope;
        o["by"] = e->actor;
        if (add)
            o["until"] = Time::toIso(*untilMs);
        printJson(io, o);
    } else if (add) {
        io.out << "silenced " << parser.value(alert) << " on " << parser.value(scope) << " until "
               << Time::toIso(*untilMs) << " as " << id << " (event " << e->seq
               << "): it still fires into the log; notifications wait\n";
    } else {
        io.out << "ended " << id << " (event " << e->seq << ")\n";
    }
    return 0;
}

} // namespace ops::cli
