#include "RunbookCommand.h"

#include "runbooks/Runbook.h"

namespace ops::cli {

namespace {

JsonValue stepJson(const RunbookStep &s) {
    JsonValue o = JsonValue::object();
    o["id"] = s.id;
    o["action"] = s.action;
    JsonValue evidence = JsonValue::array();
    for (EvidenceKind k : s.evidence)
        evidence.push(evidenceKindName(k));
    o["evidence"] = evidence;
    if (!s.probe.isEmpty()) {
        JsonValue probe = JsonValue::array();
        for (TargetKind k : s.probe)
            probe.push(targetKindName(k));
        o["probe"] = probe;
    }
    if (!s.role.isEmpty())
        o["role"] = s.role;
    o["skippable"] = s.skippable;
    return o;
}

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
        JsonValue steps = JsonValue::array();
        for (const RunbookStep &s : r.steps)
            steps.push(stepJson(s));
        o["steps"] = steps;
    }
    return o;
}

} // namespace

int RunbookCommand::run(const QStringList &arguments, CliIo &io) {
    QCommandLineParser parser;
    if (!parse(parser, arguments, io))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    if (!((verb == QLatin1String("list") && pos.size() == 2) ||
          (verb == QLatin1String("show") && pos.size() == 3)))
        return usageError(io, QStringLiteral("runbook: expected `runbook list` or `runbook show ID`"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    const RunbookLibrary lib = ctx->config.runbooksDir.isEmpty()
                                   ? RunbookLibrary::builtin()
                                   : RunbookLibrary::fromDirectory(ctx->config.runbooksDir);
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
