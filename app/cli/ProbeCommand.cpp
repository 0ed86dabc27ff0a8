#include "ProbeCommand.h"

#include "StoreAccess.h"

#include "core/EnvironmentPolicy.h"
#include "core/Time.h"
#include "monitor/AlertMonitor.h"
#include "monitor/LoggedAlerts.h"
#include "monitor/LoggedProbes.h"
#include "probes/ProbeEngine.h"
#include "store/PgEvidenceStore.h"

#include <QEventLoop>

#include <algorithm>
#include <optional>

namespace ops::cli {

int ProbeCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption once(QStringLiteral("once"),
                                  QStringLiteral("One round, then exit (the default)."));
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("Only this scope's targets."),
                                   QStringLiteral("S"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Keep the samples, evaluate the alerts and record every transition as "
                       "evidence signed by the acting identity. On the team log: the round and every "
                       "transition (alerts are evaluated on local stores only), one recorder at a time."));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {once, scope, record}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    if (parser.positionalArguments().size() != 1)
        return usageError(io, QStringLiteral("probe takes no arguments"));
    const bool json = parser.isSet(m_json);
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    const QString only = parser.value(scope);
    if (!only.isEmpty() && !ctx->config.scope(only))
        return usageError(io, QStringLiteral("no scope '%1' in %2").arg(only, ctx->config.source));

    const Secret &token = ctx->secrets.operatorToken;
    std::unique_ptr<ProbeEngine> ownEngine;
    Session session;
    std::unique_ptr<AlertMonitor> monitor;
    quint64 sizeBefore = 0;
    // On the team log: the round and its transitions, appended by the one console holding the
    // recorder lock.
    std::optional<StoreAccess::Unlocked> team;
    if (parser.isSet(record) && StoreAccess::isTeamLog(ctx.value())) {
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        auto *pg = dynamic_cast<PgEvidenceStore *>(unlocked->store.get());
        auto held = pg ? pg->tryHoldRecorder() : Result<bool>(false);
        if (!held.ok())
            return fail(io, held.error(), json);
        if (!held.value())
            return fail(io,
                        makeError(ErrorCode::Policy,
                                  QStringLiteral("another console is recording observations on this team log "
                                                 "right now; one recorder at a time, so no transition is "
                                                 "recorded twice"),
                                  StoreAccess::where(ctx.value())),
                        json);
        team = std::move(unlocked).value();
        ownEngine = std::make_unique<ProbeEngine>(ctx->config, token);
    } else if (parser.isSet(record)) {
        auto rules = AlertRules::forConfig(ctx->config);
        if (!rules.ok())
            return fail(io, rules.error(), json);
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        sizeBefore = unlocked->store->size().ok() ? unlocked->store->size().value() : 0;
        monitor = std::make_unique<AlertMonitor>(ctx->config, rules.value(), ctx->storePath, token);
        // One recorder per store: while `monitor` records it, a round here would record twice.
        QString by = monitor->monitoredBy();
        if (by.isEmpty())
            by = monitor->takeRecorderLock(); // held for this round
        if (!by.isEmpty())
            return fail(io,
                        makeError(ErrorCode::Policy,
                                  QStringLiteral("the store is monitored by %1; probe without --record "
                                                 "shows the targets, alerts shows the matrix")
                                      .arg(by),
                                  ctx->storePath),
                        json);
        session.unlockWith(std::move(unlocked->signer));
        monitor->setSession(&session);
    } else {
        ownEngine = std::make_unique<ProbeEngine>(ctx->config, token);
    }
    ProbeEngine &engine = monitor ? *monitor->engine() : *ownEngine;
    QList<ProbeResult> results;
    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::roundFinished, &loop, [&](const QList<ProbeResult> &r) {
        results = r;
        loop.quit();
    });
    engine.runRound(only);
    if (engine.isRunning())
        loop.exec();
    if (monitor && !monitor->recordingProblem().isEmpty())
        return fail(io, makeError(ErrorCode::Store, monitor->recordingProblem(), ctx->storePath), json);
    qsizetype teamTransitions = 0;
    int alertTransitions = -1; // not evaluated
    if (team) {
        const qint64 now = Time::nowMs();
        auto events = LoggedProbes::roundEvents(*team->store, results, now);
        if (!events.ok())
            return fail(io, events.error(), json);
        teamTransitions = events->size() - (events->isEmpty() ? 0 : 1);
        // A full round is also the alert evaluation: the transitions and every cell go into the
        // same act, for every console to read.
        if (only.isEmpty()) {
            auto rules = AlertRules::forConfig(ctx->config);
            if (!rules.ok())
                return fail(io, rules.error(), json);
            auto alerts = LoggedAlerts::addToRound(events.value(), *team->store, ctx->config, rules.value(),
                                                   results, now);
            if (!alerts.ok())
                return fail(io, alerts.error(), json);
            alertTransitions = alerts->recorded;
        }
        if (!events->isEmpty())
            if (auto stored = team->store->append(team->signer, events.value()); !stored.ok())
                return fail(io, stored.error(), json);
    }

    // Configured order: scopes baseline → country → locality, each target then its pack; services last.
    const QList<ProbeTarget> order = engine.targets(only);
    auto rank = [&order](const ProbeResult &r) {
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (order.at(i).id == r.target.id)
                return i * 2;
            if (r.target.kind == TargetKind::Pack && order.at(i).scope == r.target.scope &&
                order.at(i).kind == TargetKind::Manifest)
                return i * 2 + 1;
        }
        return order.size() * 2;
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const ProbeResult &a, const ProbeResult &b) { return rank(a) < rank(b); });
    bool allOk = !results.isEmpty();
    for (const ProbeResult &r : results)
        allOk = allOk && r.state == ProbeState::Ok;
    if (json) {
        JsonValue list = JsonValue::array();
        for (const ProbeResult &r : results)
            list.push(r.toJson());
        printJson(io, list);
    } else {
        for (const ProbeResult &r : results)
            io.out << QStringLiteral("%1  %2  %3 ms  %4\n")
                          .arg(probeStateName(r.state).toUpper(), -8)
                          .arg(r.target.id, -22)
                          .arg(r.latencyMs, 5)
                          .arg(r.reason.isEmpty() ? r.target.url.toString(QUrl::RemoveUserInfo)
                                                  : r.reason.text());
    }
    if (team && !json) {
        io.err << "recorded the round and " << teamTransitions
               << (teamTransitions == 1 ? " transition" : " transitions");
        if (alertTransitions >= 0)
            io.err << ", the alert matrix with " << alertTransitions
                   << (alertTransitions == 1 ? " alert transition" : " alert transitions");
        io.err << " on the team log" << (alertTransitions < 0 ? " (alerts are evaluated on full rounds)" : "")
               << '\n';
    }
    if (monitor && !json) {
        auto after = monitor->store() ? monitor->store()->size() : Result<quint64>(quint64(0));
        const quint64 recorded = after.ok() && after.value() > sizeBefore ? after.value() - sizeBefore : 0;
        io.err << "recorded " << recorded << (recorded == 1 ? " transition" : " transitions")
               << " as evidence\n";
    }
    return allOk ? 0 : static_cast<int>(ErrorCode::Negative);
}

} // namespace ops::cli
