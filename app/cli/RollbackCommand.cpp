#include "RollbackCommand.h"

#include "IncidentSupport.h"

#include "core/Time.h"
#include "crypto/Sha256.h"
#include "incidents/Publisher.h"

#include <QEventLoop>

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
        auto store = IncidentSupport::openReadOnly(ctx.value());
        if (!store.ok())
            return fail(io, store.error(), json);
        auto book = IncidentBook::load(*store.value());
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
        auto e = actions.startRollback(parser.value(scope), parser.isSet(drill), parser.value(incident));
        if (!e.ok())
            return fail(io, e.error(), json);
        const JsonValue p = e->payload();
        if (json) {
            JsonValue o = JsonValue::object();
            o["id"] = runId(e->seq);
            o["seq"] = static_cast<qint64>(e->seq);
            o["restore_deadline"] = Time::toIso(p.find("restore_deadline_ms")->toInt());
            o["integrity_deadline"] = Time::toIso(p.find("integrity_deadline_ms")->toInt());
            printJson(io, o);
        } else {
            io.out << "started " << runId(e->seq)
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
    const Secret token(io.environment.value(QString::fromLatin1(PublisherClient::kTokenVariable)).toUtf8());
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
    // Every rule of the step first, so a refused step calls nobody.
    StepInput check;
    check.step = QStringLiteral("rebind");
    check.confirmed = true;
    check.attachments << AttachmentRef{QStringLiteral("publisher-response.json"),
                                       QString(64, QLatin1Char('0')), 0, QStringLiteral("application/json")};
    if (auto ok = actions.recordStep(runRef, check, true); !ok.ok())
        return fail(io, ok.error(), json);

    PublisherClient client(ctx->config, token);
    RebindOutcome outcome;
    QEventLoop loop;
    QObject::connect(&client, &PublisherClient::finished, &loop, [&](const RebindOutcome &o) {
        outcome = o;
        loop.quit();
    });
    client.rebind(runScope, parser.value(version));
    loop.exec();
    io.err << "publisher: " << (outcome.ok ? QStringLiteral("ok") : outcome.error) << " (HTTP "
           << outcome.httpStatus << ", " << outcome.latencyMs << " ms"
           << (outcome.auditId.isEmpty() ? QString() : QStringLiteral(", audit %1").arg(outcome.auditId))
           << ")\n";
    StepInput in;
    in.step = QStringLiteral("rebind");
    in.extra = JsonValue::object();
    in.extra["publisher"] = outcome.toJson();
    if (!outcome.response.isEmpty()) {
        auto a = desk->store->attach(desk->signer, QStringLiteral("publisher-response-%1.json").arg(runRef),
                                     outcome.response, QStringLiteral("application/json"), runScope);
        if (!a.ok())
            return fail(io, a.error(), json);
        in.attachments << AttachmentRef{QStringLiteral("publisher-response-%1.json").arg(runRef),
                                        a->payload().stringAt("sha256"), outcome.response.size(),
                                        QStringLiteral("application/json")};
    }
    if (outcome.ok) {
        in.confirmed = true;
        in.note =
            QStringLiteral("rebound %1 to %2 (audit %3)").arg(runScope, outcome.active, outcome.auditId);
    } else {
        in.status = StepStatus::Failed;
        in.note = outcome.error;
    }
    auto recorded = actions.recordStep(runRef, in);
    if (!recorded.ok())
        return fail(io, recorded.error(), json);
    QList<StoredEvent> all = recorded.value();
    int code = outcome.ok ? 0 : static_cast<int>(ErrorCode::Negative);
    if (outcome.ok) {
        // The readback: manifest and pack probed again, the pack's SHA-256 against its manifest.
        StepInput readback;
        readback.step = QStringLiteral("readback");
        readback.probes = ScopeProbe::runNow(
            ctx->config,
            Secret(io.environment.value(QString::fromLatin1(IncidentSupport::kOperatorTokenVar)).toUtf8()),
            runScope, {TargetKind::Manifest, TargetKind::Pack});
        io.err << "readback: " << probeSummary(*readback.probes) << '\n';
        auto rb = actions.recordStep(runRef, readback);
        if (!rb.ok()) {
            readback.status = StepStatus::Failed;
            readback.note = QStringLiteral("readback not aligned: %1").arg(probeSummary(*readback.probes));
            rb = actions.recordStep(runRef, readback);
            code = static_cast<int>(ErrorCode::Negative);
        }
        if (!rb.ok())
            return fail(io, rb.error(), json);
        all += rb.value();
    }
    auto after = IncidentBook::load(*desk->store);
    const RunbookRun *updated = after.ok() ? after->run(runRef) : nullptr;
    if (json) {
        JsonValue o = updated ? IncidentSupport::runJson(*updated, Time::nowMs()) : JsonValue::object();
        o["publisher"] = outcome.toJson();
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
