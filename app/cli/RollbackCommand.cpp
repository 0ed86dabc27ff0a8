#include "RollbackCommand.h"

#include "IncidentSupport.h"

#include "core/Time.h"
#include "incidents/RebindFlow.h"

namespace ops::cli {

namespace {

bool objectiveInTrouble(const RunbookRun &r, qint64 now) {
    if (r.finished)
        return !r.objectiveMet;
    for (const RollbackClock &c : r.clocks) {
        const ClockState s = clockView(c, r.startedMs, now).state;
        if (s == ClockState::Missed || s == ClockState::MetLate)
            return true;
    }
    return false;
}

} // namespace

int RollbackCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("The scope to roll back."),
                                   QStringLiteral("S"));
    const QCommandLineOption drill(QStringLiteral("drill"),
                                   QStringLiteral("A drill: the run that proves the objective."));
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("The incident this belongs to."), QStringLiteral("ID"));
    const QCommandLineOption confirm(QStringLiteral("confirm"), QStringLiteral("Yes, call the publisher."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Rebind to this version instead of the last known good."),
                                     QStringLiteral("V"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {scope, drill, incident, confirm, version}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    if (!((verb == QLatin1String("start") && pos.size() == 2) ||
          (verb == QLatin1String("list") && pos.size() == 2) ||
          (verb == QLatin1String("status") && pos.size() == 3) ||
          (verb == QLatin1String("rebind") && pos.size() == 3)))
        return usageError(
            io, QStringLiteral("rollback: expected start --scope S, status RUN, rebind RUN or list"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    const qint64 now = Time::nowMs();

    if (verb == QLatin1String("status") || verb == QLatin1String("list")) {
        auto book = IncidentSupport::readBook(ctx.value(), io);
        if (!book.ok())
            return fail(io, book.error(), json);
        if (verb == QLatin1String("list")) {
            JsonValue list = JsonValue::array();
            for (const RunbookRun &r : book->runs()) {
                if (!r.rollback)
                    continue;
                if (json) {
                    list.push(IncidentSupport::runJson(r, now));
                    continue;
                }
                io.out << QStringLiteral("%1  %2  %3  %4  %5/%6 steps  %7\n")
                              .arg(r.id, -8)
                              .arg(r.drill ? QStringLiteral("drill   ") : QStringLiteral("rollback"))
                              .arg(r.scope, -10)
                              .arg(Time::toIso(r.startedMs))
                              .arg(r.resolvedCount())
                              .arg(r.steps.size())
                              .arg(r.finished ? (r.objectiveMet ? QStringLiteral("objective met")
                                                                : QStringLiteral("objective NOT met"))
                                              : QStringLiteral("in progress"));
            }
            if (json)
                printJson(io, list);
            return 0;
        }
        const RunbookRun *r = book->run(pos.at(2));
        if (!r || !r->rollback)
            return fail(io,
                        makeError(ErrorCode::InvalidInput,
                                  QStringLiteral("no rollback run '%1'").arg(pos.at(2)),
                                  QStringLiteral("RUN")),
                        json);
        if (json)
            printJson(io, IncidentSupport::runJson(*r, now));
        else
            IncidentSupport::printRun(io, *r, now);
        return objectiveInTrouble(*r, now) ? static_cast<int>(ErrorCode::Negative) : 0;
    }

    auto desk = IncidentSupport::open(ctx.value(), io);
    if (!desk.ok())
        return fail(io, desk.error(), json);
    IncidentActions actions(*desk->store, desk->signer, ctx->config, desk->library);
    if (verb == QLatin1String("start")) {
        auto e =
            actions.runs().startRollback(parser.value(scope), parser.isSet(drill), parser.value(incident));
        if (!e.ok())
            return fail(io, e.error(), json);
        const JsonValue p = e->payload();
        if (json) {
            JsonValue o = JsonValue::object();
            o["id"] = citedIdOf(e.value());
            o["seq"] = static_cast<qint64>(e->seq);
            o["restore_deadline"] = Time::toIso(p.find("restore_deadline_ms")->toInt());
            o["integrity_deadline"] = Time::toIso(p.find("integrity_deadline_ms")->toInt());
            printJson(io, o);
        } else {
            io.out << "started " << citedIdOf(e.value())
                   << (parser.isSet(drill) ? QStringLiteral(" (drill)") : QString()) << " on "
                   << parser.value(scope) << ": restore by "
                   << Time::toIso(p.find("restore_deadline_ms")->toInt()) << ", integrity by "
                   << Time::toIso(p.find("integrity_deadline_ms")->toInt()) << '\n';
        }
        return 0;
    }

    // rebind
    auto book = IncidentBook::load(*desk->store);
    if (!book.ok())
        return fail(io, book.error(), json);
    const RunbookRun *r = book->run(pos.at(2));
    if (!r || !r->rollback)
        return fail(io,
                    makeError(ErrorCode::InvalidInput, QStringLiteral("no rollback run '%1'").arg(pos.at(2)),
                              QStringLiteral("RUN")),
                    json);
    const QString runRef = r->id;
    const QString runScope = r->scope;
    if (!ctx->config.publisher)
        return fail(io,
                    makeError(ErrorCode::InvalidInput,
                              QStringLiteral("no publisher.rebind URL in %1").arg(ctx->config.source),
                              QStringLiteral("publisher.rebind")),
                    json);
    const Secret &token = ctx->secrets.publisherToken;
    if (ctx->environment != Environment::Dev && ctx->config.publisher->auth && !token.isSet())
        return fail(io,
                    makeError(ErrorCode::Policy,
                              QStringLiteral("%1 is not set: the publisher API needs its token outside dev")
                                  .arg(QString::fromLatin1(PublisherClient::kTokenVariable)),
                              QString::fromLatin1(PublisherClient::kTokenVariable)),
                    json);
    if (!parser.isSet(confirm)) {
        io.err << "opsconsole-cli: this rebinds the active manifest of " << runScope << " to "
               << (parser.isSet(version) ? QStringLiteral("version %1").arg(parser.value(version))
                                         : QStringLiteral("its last known good"))
               << " via " << ctx->config.publisher->rebind.toString() << "; add --confirm to do it\n";
        return static_cast<int>(ErrorCode::Usage);
    }
    const RebindFlow::Outcome outcome =
        RebindFlow::runNow(*desk->store, desk->signer, ctx->config, desk->library, token,
                           ctx->secrets.operatorToken, runRef, parser.value(version));
    if (outcome.refused) // refused before calling anyone
        return fail(io, *outcome.refused, json);
    const RebindOutcome &pub = outcome.publisher;
    io.err << "publisher: " << (pub.ok ? QStringLiteral("ok") : pub.error) << " (HTTP " << pub.httpStatus
           << ", " << pub.latencyMs << " ms"
           << (pub.auditId.isEmpty() ? QString() : QStringLiteral(", audit %1").arg(pub.auditId)) << ")\n";
    if (!outcome.readback.isEmpty())
        io.err << "readback: " << outcome.readback << '\n';
    if (!outcome.ok && !outcome.error.isEmpty())
        io.err << "opsconsole-cli: " << outcome.error << '\n';
    const int code = outcome.ok ? 0 : static_cast<int>(ErrorCode::Negative);
    const QList<StoredEvent> &all = outcome.events;
    auto after = IncidentBook::load(*desk->store);
    const RunbookRun *updated = after.ok() ? after->run(runRef) : nullptr;
    if (json) {
        JsonValue o = updated ? IncidentSupport::runJson(*updated, Time::nowMs()) : JsonValue::object();
        o["publisher"] = pub.toJson();
        printJson(io, o);
    } else {
        for (const StoredEvent &e : all)
            io.out << "recorded " << e.kind << " (event " << e.seq << ")\n";
        if (updated)
            IncidentSupport::printRun(io, *updated, Time::nowMs());
    }
    return code;
}

} // namespace ops::cli
