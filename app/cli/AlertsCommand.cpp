#include "AlertsCommand.h"

#include "StoreAccess.h"

#include "core/EnvironmentPolicy.h"
#include "core/Time.h"
#include "monitor/AlertMonitor.h"
#include "monitor/LoggedAlerts.h"
#include "monitor/MonitorStore.h"

#include <QFileInfo>

namespace ops::cli {

int AlertsCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(QStringLiteral("scope"),
                                   QStringLiteral("The scope of the alert to acknowledge."),
                                   QStringLiteral("S"));
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("Why, and what you are doing about it."),
                                  QStringLiteral("TEXT"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {scope, note}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(m_json);
    if (pos.size() == 1) {
        if (parser.isSet(scope) || parser.isSet(note))
            return usageError(io, QStringLiteral("--scope and --note belong to `alerts ack`"));
        auto ctx = startup(parser, io);
        if (!ctx.ok())
            return fail(io, ctx.error(), json);
        return list(ctx.value(), io, json);
    }
    if (pos.value(1) != QLatin1String("ack") || pos.size() != 3)
        return usageError(
            io, QStringLiteral("alerts: expected `alerts` or `alerts ack ALERT --scope S --note TEXT`"));
    if (parser.value(scope).isEmpty())
        return usageError(io, QStringLiteral("alerts ack needs --scope"));
    if (parser.value(note).trimmed().isEmpty())
        return fail(io,
                    makeError(ErrorCode::InvalidInput, QStringLiteral("an acknowledgement needs a note"),
                              QStringLiteral("--note")),
                    json);
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    return acknowledge(ctx.value(), io, pos.at(2), parser.value(scope), parser.value(note), json);
}

int AlertsCommand::list(const StartupContext &ctx, CliIo &io, bool json) {
    auto rules = AlertRules::forConfig(ctx.config);
    if (!rules.ok())
        return fail(io, rules.error(), json);
    AlertEvaluator evaluator(rules.value(), ctx.config);
    QHash<QString, StoredAlertCell> saved;
    QString note;
    const qint64 now = Time::nowMs();
    QHash<QString, Silence> silenced;
    if (StoreAccess::isTeamLog(ctx)) {
        // The matrix as the team log's one recorder last evaluated it, acknowledgements since.
        auto store = StoreAccess::openReadOnly(ctx, io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto silences = SilenceBook::load(**store, ctx.config.maintenance);
        if (!silences.ok())
            return fail(io, silences.error(), json);
        silenced = silences->silencedCells(now);
        auto cells = LoggedAlerts::read(**store);
        if (!cells.ok())
            return fail(io, cells.error(), json);
        for (const StoredAlertCell &c : cells.value())
            saved.insert(c.cell.alertId + QLatin1Char('|') + c.cell.scope, c);
        if (saved.isEmpty())
            note =
                QStringLiteral("nothing has been evaluated on the team log yet: `probe --record` evaluates "
                               "the alerts with each full round");
    } else if (QFileInfo::exists(ctx.storePath)) {
        auto store = StoreAccess::openReadOnly(ctx, io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto silences = SilenceBook::load(**store, ctx.config.maintenance);
        if (!silences.ok())
            return fail(io, silences.error(), json);
        silenced = silences->silencedCells(now);
        auto monitor = MonitorStore::open(ctx.storePath, true);
        if (!monitor.ok())
            return fail(io, monitor.error(), json);
        auto table = monitor->alertCells();
        if (!table.ok())
            return fail(io, table.error(), json);
        auto cells = LoggedAlerts::checkedAgainstLog(table.value(), **store);
        if (!cells.ok())
            return fail(io, cells.error(), json);
        for (const StoredAlertCell &c : cells.value())
            saved.insert(c.cell.alertId + QLatin1Char('|') + c.cell.scope, c);
        if (saved.isEmpty())
            note = QStringLiteral("nothing has been evaluated yet: run the console, or `probe --record`");
    } else {
        note = QStringLiteral("no evidence store at %1: nothing has been evaluated").arg(ctx.storePath);
    }
    const qint64 window = AlertMonitor::freshnessWindowMs(ctx.config);
    bool allOk = true;
    JsonValue list = JsonValue::array();
    QStringList lines;
    for (const AlertRule &r : evaluator.rules()) {
        for (const ScopeConfig *s : evaluator.scopes()) {
            const AlertCell &fresh = evaluator.cell(r.id, s->id);
            AlertCell c = fresh;
            qint64 evaluatedAt = 0;
            QString detail = QStringLiteral("not evaluated yet");
            if (auto it = saved.constFind(r.id + QLatin1Char('|') + s->id); it != saved.cend()) {
                c = it->cell;
                c.severity = fresh.severity; // from the current rules and config
                c.severityReason = fresh.severityReason;
                evaluatedAt = it->evaluatedAtMs;
                detail = c.detail.text();
                if (now - evaluatedAt > window) {
                    detail = QStringLiteral("last evaluated %1 (%2): %3")
                                 .arg(Time::toIso(evaluatedAt), alertStateName(c.state), c.detail.text());
                    // A firing alert stays firing until it is seen good; healthy needs a fresh look.
                    if (c.state == AlertState::Ok)
                        c.state = AlertState::Unknown;
                }
            }
            allOk = allOk && c.state == AlertState::Ok;
            if (auto sil = silenced.constFind(r.id + QLatin1Char('|') + s->id); sil != silenced.cend())
                c.setSilence(&*sil);
            JsonValue o = JsonValue::object();
            o["alert"] = r.id;
            o["name"] = r.name;
            o["scope"] = s->id;
            o["state"] = c.displayState();
            o["severity"] = c.severity;
            o["severity_reason"] = c.severityReason.text();
            o["since"] = c.sinceMs > 0 ? JsonValue(Time::toIso(c.sinceMs)) : JsonValue(nullptr);
            o["first_action"] = r.firstAction;
            o["detail"] = detail;
            o["evaluated_at"] = evaluatedAt > 0 ? JsonValue(Time::toIso(evaluatedAt)) : JsonValue(nullptr);
            if (c.state == AlertState::Acknowledged) {
                o["acknowledged_by"] = c.acknowledgedBy;
                o["note"] = c.acknowledgeNote;
            }
            if (c.silenced()) {
                JsonValue sil = JsonValue::object();
                sil["id"] = c.silenceId;
                sil["by"] = c.silencedBy;
                sil["reason"] = c.silenceReason;
                sil["until"] = Time::toIso(c.silencedUntilMs);
                o["silence"] = sil;
                o["alert_state"] = alertStateName(c.state); // the state under the silence
                detail = QStringLiteral("%1 — silenced by %2 until %3 (%4: %5)")
                             .arg(c.state == AlertState::Firing ? r.firstAction : detail, c.silencedBy,
                                  Time::toIso(c.silencedUntilMs), c.silenceId, c.silenceReason);
            }
            list.push(o);
            lines << QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(c.displayState().toUpper(), -12)
                         .arg(c.severity, -5)
                         .arg(r.id, -22)
                         .arg(s->id, -10)
                         .arg(c.state == AlertState::Firing && !c.silenced() ? r.firstAction : detail);
        }
    }
    if (json) {
        printJson(io, list);
    } else {
        if (!note.isEmpty())
            io.err << note << '\n';
        for (const QString &l : lines)
            io.out << l << '\n';
    }
    return allOk ? 0 : static_cast<int>(ErrorCode::Negative);
}

int AlertsCommand::acknowledge(const StartupContext &ctx, CliIo &io, const QString &alert,
                               const QString &scope, const QString &note, bool json) {
    if (!ctx.config.scope(scope))
        return fail(io,
                    makeError(ErrorCode::InvalidInput,
                              QStringLiteral("no scope '%1' in %2").arg(scope, ctx.config.source),
                              QStringLiteral("--scope")),
                    json);
    auto rules = AlertRules::forConfig(ctx.config);
    if (!rules.ok())
        return fail(io, rules.error(), json);
    QStringList ids;
    for (const AlertRule &r : rules.value())
        if (r.enabled) // a disabled rule has no cells
            ids << r.id;
    if (!ids.contains(alert))
        return fail(
            io,
            makeError(ErrorCode::InvalidInput,
                      QStringLiteral("no alert '%1' (alerts: %2)").arg(alert, ids.join(QStringLiteral(", "))),
                      QStringLiteral("ALERT")),
            json);
    auto unlocked = StoreAccess::openUnlocked(ctx, io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    // On the team log the cell is the one its recorder logged; on a file, the monitor tables'.
    const bool team = StoreAccess::isTeamLog(ctx);
    Result<StoredEvent> event = makeError(ErrorCode::Store, QString());
    if (team) {
        event =
            LoggedAlerts::acknowledge(*unlocked->store, unlocked->signer, alert, scope, note, Time::nowMs());
    } else {
        AlertMonitor monitor(ctx.config, rules.value(), ctx.storePath, Secret());
        Session session;
        session.unlockWith(std::move(unlocked->signer));
        monitor.setSession(&session);
        event = monitor.acknowledge(alert, scope, note);
    }
    if (!event.ok())
        return fail(io, event.error(), json);
    if (json) {
        JsonValue o = JsonValue::object();
        o["seq"] = static_cast<qint64>(event->seq);
        o["alert"] = alert;
        o["scope"] = scope;
        o["state"] = QStringLiteral("acknowledged");
        o["acknowledged_by"] = event->actor;
        printJson(io, o);
    } else {
        io.out << "acknowledged " << alert << " for " << scope << " as " << event->actor << " (event "
               << event->seq << ")" << (team ? " on the team log" : "") << '\n';
    }
    return 0;
}

} // namespace ops::cli
