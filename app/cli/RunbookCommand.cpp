#include "RunbookCommand.h"

#include "IncidentSupport.h"

#include "core/Time.h"
#include "runbooks/Runbook.h"

namespace ops::cli {

namespace {

JsonValue runbookJson(const Runbook &r, bool withSteps) {
    JsonValue o = JsonValue::object();
    o["id"] = r.id;
    o["title"] = r.title;
    o["kind"] = r.kind;
    o["incident_class"] = r.incidentClass.isEmpty() ? JsonValue(nullptr) : JsonValue(r.incidentClass);
    o["purpose"] = r.purpose;
    JsonValue use = JsonValue::array();
    for (const QString &u : r.useWhen)
        use.push(u);
    o["use_when"] = use;
    o["closure_condition"] = r.closureCondition;
    o["step_count"] = qint64(r.steps.size());
    if (withSteps) {
        o["steps"] = stepsJson(r.steps); // the same shape a run's start event carries
    }
    return o;
}

} // namespace

int RunbookCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption incident(
        QStringLiteral("incident"), QStringLiteral("The incident the run belongs to."), QStringLiteral("ID"));
    const QCommandLineOption scope(QStringLiteral("scope"),
                                   QStringLiteral("The scope or service the run is about."),
                                   QStringLiteral("S"));
    const QCommandLineOption evidence(QStringLiteral("evidence"), QStringLiteral("The step's note."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption attach(QStringLiteral("attach"),
                                    QStringLiteral("A file to attach (repeatable)."), QStringLiteral("FILE"));
    const QCommandLineOption checksum(
        QStringLiteral("checksum"),
        QStringLiteral("A file whose SHA-256 is the step's checksum (repeatable)."), QStringLiteral("FILE"));
    const QCommandLineOption confirm(QStringLiteral("confirm"),
                                     QStringLiteral("Confirm the step's action was done."));
    const QCommandLineOption status(
        QStringLiteral("status"), QStringLiteral("done (default), failed or skipped."), QStringLiteral("S"));
    const QCommandLineOption reason(
        QStringLiteral("reason"), QStringLiteral("Why the step failed or was skipped."), QStringLiteral("R"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {incident, scope, evidence, attach, checksum, confirm, status, reason}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    if (!((verb == QLatin1String("list") && pos.size() == 2) ||
          (verb == QLatin1String("show") && pos.size() == 3) ||
          (verb == QLatin1String("start") && pos.size() == 3) ||
          (verb == QLatin1String("step") && pos.size() == 4) ||
          (verb == QLatin1String("status") && pos.size() == 3)))
        return usageError(
            io, QStringLiteral("runbook: expected list, show ID, start ID, step RUN STEP or status RUN"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (verb == QLatin1String("status")) {
        auto book = IncidentSupport::readBook(ctx.value(), io);
        if (!book.ok())
            return fail(io, book.error(), json);
        const RunbookRun *r = book->run(pos.at(2));
        if (!r)
            return fail(io,
                        makeError(ErrorCode::InvalidInput, QStringLiteral("no run '%1'").arg(pos.at(2)),
                                  QStringLiteral("RUN")),
                        json);
        if (json)
            printJson(io, IncidentSupport::runJson(*r, Time::nowMs()));
        else
            IncidentSupport::printRun(io, *r, Time::nowMs());
        return 0;
    }
    if (verb == QLatin1String("start") || verb == QLatin1String("step")) {
        auto desk = IncidentSupport::open(ctx.value(), io);
        if (!desk.ok())
            return fail(io, desk.error(), json);
        if (verb == QLatin1String("start")) {
            IncidentActions actions(*desk->store, desk->signer, ctx->config, desk->library);
            auto e = actions.runs().startRun(pos.at(2), parser.value(incident), parser.value(scope));
            if (!e.ok())
                return fail(io, e.error(), json);
            if (json) {
                JsonValue o = JsonValue::object();
                o["id"] = citedIdOf(e.value());
                o["seq"] = static_cast<qint64>(e->seq);
                printJson(io, o);
            } else {
                io.out << "started " << citedIdOf(e.value()) << ": " << e->payload().stringAt("title")
                       << " (event " << e->seq << ")\n";
            }
            return 0;
        }
        StepInput in;
        in.step = pos.at(3);
        const QString st = parser.isSet(status) ? parser.value(status) : QStringLiteral("done");
        if (st == QLatin1String("done"))
            in.status = StepStatus::Done;
        else if (st == QLatin1String("failed"))
            in.status = StepStatus::Failed;
        else if (st == QLatin1String("skipped"))
            in.status = StepStatus::Skipped;
        else
            return usageError(io, QStringLiteral("--status must be done, failed or skipped"));
        in.note = in.status == StepStatus::Done ? parser.value(evidence) : parser.value(reason);
        in.confirmed = parser.isSet(confirm);
        for (const QString &f : parser.values(checksum)) {
            auto c = StepFiles::checksum(f);
            if (!c.ok())
                return fail(io, c.error(), json);
            in.checksums << c.value();
        }
        auto events =
            IncidentSupport::recordStep(desk.value(), ctx.value(), io, pos.at(2), in, parser.values(attach));
        if (!events.ok())
            return fail(io, events.error(), json);
        auto book = IncidentBook::load(*desk->store);
        const RunbookRun *r = book.ok() ? book->run(pos.at(2)) : nullptr;
        if (json) {
            JsonValue o = r ? IncidentSupport::runJson(*r, Time::nowMs()) : JsonValue::object();
            o["recorded"] = static_cast<qint64>(events->size());
            printJson(io, o);
        } else {
            for (const StoredEvent &e : events.value())
                io.out << "recorded " << e.kind << " (event " << e.seq << ")\n";
            if (r)
                IncidentSupport::printRun(io, *r, Time::nowMs());
        }
        return 0;
    }
    const RunbookLibrary lib = RunbookLibrary::forDirectory(ctx->config.runbooksDir);
    // A bad runbook file is named; the others are still listed.
    for (const Diagnostic &d : lib.problems)
        io.err << "opsconsole-cli: " << d.toString() << '\n';
    if (verb == QLatin1String("list")) {
        if (json) {
            JsonValue list = JsonValue::array();
            for (const Runbook &r : lib.runbooks)
                list.push(runbookJson(r, false));
            printJson(io, list);
        } else {
            for (const Runbook &r : lib.runbooks)
                io.out << QStringLiteral("%1  %2  %3 steps  %4\n")
                              .arg(r.id, -32)
                              .arg(r.kind, -9)
                              .arg(r.steps.size(), 2)
                              .arg(r.title);
        }
        return lib.problems.isEmpty() ? 0 : static_cast<int>(ErrorCode::InvalidInput);
    }
    const Runbook *r = lib.find(pos.at(2));
    if (!r)
        return fail(io,
                    makeError(ErrorCode::InvalidInput,
                              QStringLiteral("no runbook '%1' (see `runbook list`)").arg(pos.at(2)),
                              QStringLiteral("ID")),
                    json);
    if (json) {
        printJson(io, runbookJson(*r, true));
        return 0;
    }
    io.out << r->title << " (" << r->id << ", " << r->kind << ")\n" << r->purpose << "\n\nUse when:\n";
    for (const QString &u : r->useWhen)
        io.out << "  - " << u << '\n';
    io.out << "\nSteps:\n";
    int n = 0;
    for (const RunbookStep &s : r->steps) {
        QStringList needs;
        for (EvidenceKind k : s.evidence)
            needs << evidenceKindName(k);
        QStringList probes;
        for (TargetKind k : s.probe)
            probes << targetKindName(k);
        io.out << QStringLiteral("  %1. [%2] %3\n").arg(++n).arg(s.id, s.action);
        io.out << QStringLiteral("     evidence: %1%2%3%4\n")
                      .arg(needs.join(QStringLiteral(", ")),
                           probes.isEmpty()
                               ? QString()
                               : QStringLiteral(" (probe %1)").arg(probes.join(QStringLiteral(", "))),
                           s.role.isEmpty() ? QString() : QStringLiteral(" (signed by %1)").arg(s.role),
                           s.skippable ? QStringLiteral("; may be skipped with a reason") : QString());
    }
    io.out << "\nClosure condition: " << r->closureCondition << '\n';
    return 0;
}

} // namespace ops::cli
