#include "LaunchCommand.h"

#include "IncidentSupport.h"

#include "AttestCommand.h"
#include "core/Time.h"

#include "launch/LaunchActions.h"
#include "launch/LaunchAttest.h"
#include "launch/LaunchExport.h"

namespace ops::cli {

namespace {

void printStatus(CliIo &io, const LaunchStatus &st) {
    io.out << (st.go ? "GO" : "NO-GO");
    if (st.run)
        io.out << "  " << st.run->id << "  scope " << st.run->scope << "  build " << st.build;
    io.out << "  (" << st.environment << (st.rehearsal ? ", a rehearsal: not the prod environment" : "")
           << ")\n";
    if (st.decided)
        io.out << "decided " << st.decided->decision << " by " << st.decided->actor << " at "
               << Time::toIso(st.decided->tsMs) << " (event " << st.decided->seq << ")\n";
    if (!st.checks.isEmpty()) {
        io.out << "\nchecklist " << st.checksHolding() << "/" << st.checks.size() << "\n";
        for (const LaunchCheck &c : st.checks)
            io.out << QStringLiteral("  [%1] %2  %3%4\n")
                          .arg(c.holds()                        ? QStringLiteral("x")
                               : c.status == StepStatus::Failed ? QStringLiteral("!")
                                                                : QStringLiteral(" "))
                          .arg(c.step.id, -16)
                          .arg(c.stale.isEmpty() ? c.summary.text()
                                                 : QStringLiteral("STALE: ") + c.stale.text())
                          .arg(c.seq ? QStringLiteral("  (event %1, %2)").arg(c.seq).arg(c.actor)
                                     : QString());
        io.out << "\nsign-offs\n";
        for (const LaunchSignoff &s : st.signoffs)
            io.out << QStringLiteral("  %1  %2%3\n")
                          .arg(Launch::roleTitle(s.role), -12)
                          .arg(signoffStateName(s.state), -14)
                          .arg(s.state == SignoffState::Missing
                                   ? QString()
                                   : QStringLiteral("%1 at %2%3")
                                         .arg(s.identity, Time::toIso(s.tsMs),
                                              s.why.isEmpty() ? QString()
                                                              : QStringLiteral(": ") + s.why.text()));
    }
    io.out << "\nno-go rules\n";
    for (const NoGoRule &r : st.rules)
        io.out << QStringLiteral("  %1  %2: %3\n")
                      .arg(r.holds ? QStringLiteral("HOLDS") : QStringLiteral("clear"), r.id,
                           r.reason.text());
    if (!st.go) {
        io.out << "\nNO-GO because\n";
        for (const auto &[rule, reason] : st.reasons)
            io.out << "  - " << rule << ": " << reason.text() << '\n';
    }
}

} // namespace

int LaunchCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("The scope being launched."),
                                   QStringLiteral("S"));
    const QCommandLineOption build(QStringLiteral("build"), QStringLiteral("The app build being launched."),
                                   QStringLiteral("ID"));
    const QCommandLineOption runOpt(
        QStringLiteral("run"), QStringLiteral("A launch (default: the current one)."), QStringLiteral("RUN"));
    const QCommandLineOption evidence(QStringLiteral("evidence"),
                                      QStringLiteral("A note on what was observed."), QStringLiteral("TEXT"));
    const QCommandLineOption attach(QStringLiteral("attach"), QStringLiteral("A file kept as evidence."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption confirm(QStringLiteral("confirm"), QStringLiteral("Confirm the check by hand."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Where the archive check writes the bundle."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption failed(QStringLiteral("failed"), QStringLiteral("Record the check as failed."));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why it failed."),
                                    QStringLiteral("R"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("product, engineering or qa."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption go(QStringLiteral("go"),
                                QStringLiteral("Record GO (only when the evidence says GO)."));
    const QCommandLineOption noGo(QStringLiteral("no-go"),
                                  QStringLiteral("Record NO-GO and end this launch attempt."));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note with the decision."),
                                  QStringLiteral("TEXT"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io,
               {scope, build, runOpt, evidence, attach, confirm, out, failed, reason, role, go, noGo, note}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    const QString runRef = parser.value(runOpt);
    const auto reportStep = [&](const Result<StoredEvent> &stored) {
        if (!stored.ok())
            return fail(io, stored.error(), json);
        const JsonValue p = stored->payload();
        const bool done = p.stringAt("status") == QLatin1String("done");
        if (json)
            printJson(io, eventJson(stored.value()));
        else
            io.out << p.stringAt("step") << ": " << p.stringAt("status")
                   << (p.stringAt("note").isEmpty() ? QString() : QStringLiteral(" — ") + p.stringAt("note"))
                   << " (event " << stored->seq << ")\n";
        return done ? 0 : static_cast<int>(ErrorCode::Negative);
    };

    const bool shapeOk =
        (verb == QLatin1String("status") && pos.size() == 2) ||
        (verb == QLatin1String("start") && pos.size() == 2) ||
        (verb == QLatin1String("check") && pos.size() == 3) ||
        (verb == QLatin1String("checksum") && pos.size() >= 3) ||
        (verb == QLatin1String("signoff") && pos.size() == 2) ||
        (verb == QLatin1String("decide") && pos.size() == 2) ||
        (verb == QLatin1String("attest") && pos.size() == 2) ||
        (verb == QLatin1String("record") && pos.size() == 4 && pos.at(2) == QLatin1String("export"));
    if (!shapeOk)
        return usageError(
            io, QStringLiteral("launch: expected status, start, check CHECK, checksum FILE..., signoff, "
                               "decide, attest --out FILE or record export OUT"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    // What status, record and attest compute from: the store's launch inputs now, the --run named
    // (when given) one of its launches.
    const auto launchInputs = [&](const EvidenceStore &store) -> Result<LaunchInputs> {
        auto in = LaunchInputs::read(store, ctx->config, ctx->environment,
                                     RunbookLibrary::forDirectory(ctx->config.runbooksDir), Time::nowMs());
        if (in.ok() && !runRef.isEmpty() && !in->book.run(runRef))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("no launch '%1'").arg(runRef),
                             QStringLiteral("--run"));
        return in;
    };

    if (verb == QLatin1String("status") || verb == QLatin1String("record")) {
        auto store = IncidentSupport::openReadOnly(ctx.value(), io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto in = launchInputs(*store.value());
        if (!in.ok())
            return fail(io, in.error(), json);
        const LaunchStatus st = computeLaunchStatus(in.value(), runRef);
        if (verb == QLatin1String("record")) {
            auto summary = exportLaunchRecord(st, in.value(), pos.at(3));
            if (!summary.ok())
                return fail(io, summary.error(), json);
            if (json) {
                JsonValue o = JsonValue::object();
                JsonValue files = JsonValue::array();
                for (const QString &f : summary->files)
                    files.push(f);
                o["files"] = files;
                o["checksums"] = summary->checksums;
                o["signoffs"] = summary->signoffs;
                o["decision"] = st.go ? "GO" : "NO-GO";
                printJson(io, o);
            } else {
                io.out << "exported " << st.run->id << " (" << (st.go ? "GO" : "NO-GO") << ") to "
                       << pos.at(3) << ": " << summary->files.join(QStringLiteral(", ")) << ", "
                       << summary->signoffs << " sign-off statements\n";
            }
            return 0;
        }
        if (json)
            printJson(io, st.toJson());
        else
            printStatus(io, st);
        return st.go ? 0 : static_cast<int>(ErrorCode::Negative);
    }

    auto desk = IncidentSupport::open(ctx.value(), io);
    if (!desk.ok())
        return fail(io, desk.error(), json);
    LaunchActions actions(*desk->store, desk->signer, ctx->config, ctx->environment, desk->library);

    if (verb == QLatin1String("attest")) {
        if (!parser.isSet(out))
            return usageError(io,
                              QStringLiteral("launch attest: --out FILE.intoto.json names where it goes"));
        auto in = launchInputs(*desk->store);
        if (!in.ok())
            return fail(io, in.error(), json);
        const LaunchStatus st = computeLaunchStatus(in.value(), runRef);
        auto cp = desk->store->latestCheckpoint();
        if (!cp.ok())
            return fail(io, cp.error(), json);
        auto statement =
            launchAttestationStatement(st, in.value(), cp.value(), QStringLiteral(OPSCONSOLE_VERSION));
        if (!statement.ok())
            return fail(io, statement.error(), json);
        auto env = InToto::create(statement.value(), desk->signer);
        if (!env.ok())
            return fail(io, env.error(), json);
        return AttestCommand::recordAndWrite(io, json, *desk->store, desk->signer, env.value(),
                                             QStringLiteral("launch ") + st.run->id, st.run->scope,
                                             parser.value(out));
    }
    if (verb == QLatin1String("start")) {
        auto started = actions.start(parser.value(scope), parser.value(build));
        if (!started.ok())
            return fail(io, started.error(), json);
        if (json)
            printJson(io, eventJson(started.value()));
        else
            io.out << "launch " << citedIdOf(started.value()) << " started: " << parser.value(scope)
                   << ", build " << parser.value(build).trimmed() << "\n";
        return 0;
    }
    if (verb == QLatin1String("checksum")) {
        auto run = actions.openRun(runRef);
        if (!run.ok())
            return fail(io, run.error(), json);
        auto entries = ChecksumArchive::compute(pos.mid(2));
        if (!entries.ok())
            return fail(io, entries.error(), json);
        auto stored = actions.recordChecksums(run.value(), entries.value());
        if (!stored.ok())
            return fail(io, stored.error(), json);
        if (json) {
            JsonValue o = eventJson(stored.value());
            o["sha256sum"] = QString::fromUtf8(ChecksumArchive::sha256sumText(entries.value()));
            printJson(io, o);
        } else {
            io.out << QString::fromUtf8(ChecksumArchive::sha256sumText(entries.value()));
            io.err << entries->size() << " files, " << ChecksumArchive::totalBytes(entries.value())
                   << " bytes archived as build-checksums of " << run.value() << " (event " << stored->seq
                   << ")\n";
        }
        return 0;
    }
    if (verb == QLatin1String("signoff")) {
        auto stored = actions.signoff(runRef, parser.value(role));
        if (!stored.ok())
            return fail(io, stored.error(), json);
        if (json)
            printJson(io, eventJson(stored.value()));
        else
            io.out << Launch::roleTitle(parser.value(role)) << " sign-off by " << desk->signer.name
                   << " over record " << stored->payload().find("evidence")->stringAt("record_sha256")
                   << " (event " << stored->seq << ")\n";
        return 0;
    }
    if (verb == QLatin1String("decide")) {
        if (parser.isSet(go) == parser.isSet(noGo))
            return usageError(io, QStringLiteral("launch decide: give exactly one of --go and --no-go"));
        auto stored = actions.decide(runRef, parser.isSet(go), parser.value(note));
        if (!stored.ok())
            return fail(io, stored.error(), json);
        const JsonValue p = stored->first().payload();
        if (json)
            printJson(io, eventJson(stored->first()));
        else
            io.out << p.stringAt("decision") << " recorded for " << p.stringAt("run") << " by "
                   << desk->signer.name << " (event " << stored->first().seq << ")\n";
        return parser.isSet(go) ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    // check CHECK
    const QString check = pos.at(2);
    if (parser.isSet(failed))
        return reportStep(actions.recordFailed(runRef, check, parser.value(reason)));
    auto plan = actions.planCheck(runRef, check);
    if (!plan.ok())
        return fail(io, plan.error(), json);
    switch (plan->method) {
    case CheckMethod::Snapshot:
        return reportStep(actions.recordSnapshot(runRef));
    case CheckMethod::Checksums:
        return usageError(io, QStringLiteral("build-checksums: launch checksum FILE|DIR..."));
    case CheckMethod::Archive:
        if (!parser.isSet(out))
            return usageError(
                io, QStringLiteral("archive: --out FILE.tar.zst names where the evidence bundle goes"));
        return reportStep(actions.recordArchive(runRef, parser.value(out)));
    case CheckMethod::Probes: {
        if (auto r = requireObservedNote(plan.value(), check, parser.value(evidence)); !r.ok())
            return fail(io, r.error(), json);
        const Secret &token = ctx->secrets.operatorToken;
        io.err << "probing for " << check << "…\n";
        const QList<ProbeResult> results = LaunchProbe::runNow(plan->probes, token);
        for (const ProbeResult &r : results)
            io.err << "  " << r.target.id << ": " << probeStateName(r.state)
                   << (r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason.text())) << '\n';
        return reportStep(actions.recordProbes(runRef, check, results, parser.value(evidence)));
    }
    case CheckMethod::Manual:
        break;
    }
    auto files = StepFiles::read(parser.values(attach));
    if (!files.ok())
        return fail(io, files.error(), json);
    return reportStep(
        actions.recordManual(runRef, check, parser.value(evidence), files.value(), parser.isSet(confirm)));
}

} // namespace ops::cli
