#include "ProofCommand.h"

#include "AttestCommand.h"
#include "StoreAccess.h"

#include "core/FileUtil.h"
#include "proofs/ProofRecord.h"

namespace ops::cli {

namespace {

void printFinding(CliIo &io, const ProofFinding &f) {
    io.out << "    line " << f.line << ": " << f.text << '\n';
    io.out << "      -> " << f.action << (f.rule.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(f.rule))
           << '\n';
}

QString counts(qint64 pass, qint64 fail, qint64 notRun, qint64 skip) {
    return QStringLiteral("%1 passed, %2 failed, %3 not run, %4 skipped")
        .arg(pass)
        .arg(fail)
        .arg(notRun)
        .arg(skip);
}

void printSummary(CliIo &io, const ProofSummary &s, const QString &name) {
    // Each section with its own counts and verdict, then the totals.
    qsizetype width = 0;
    for (const ProofSection &x : s.sections)
        width = qMax(width, x.name.size());
    for (const ProofSection &x : s.sections)
        io.out << "  " << x.overall.leftJustified(10) << ' ' << x.name.leftJustified(width) << "  "
               << counts(x.pass, x.fail, x.notRun, x.skip)
               << (x.firstLine == x.lastLine
                       ? QStringLiteral("  (line %1)").arg(x.firstLine)
                       : QStringLiteral("  (lines %1-%2)").arg(x.firstLine).arg(x.lastLine))
               << '\n';
    io.out << s.overall << "  " << s.pass << " passed, " << s.fail << " failed, " << s.notRun << " not run, "
           << s.skip << " skipped  (" << name << ", " << s.lines << " lines)\n";
    if (!s.statedOverall.isEmpty())
        io.out << "  the capture states: " << s.statedOverall << '\n';
    for (ProofLayer layer : allProofLayers()) {
        QList<ProofFinding> failures, notes;
        for (const ProofFinding &f : s.findingsOf(layer))
            (f.kind == FindingKind::Failure ? failures : notes) << f;
        if (!failures.isEmpty()) {
            io.out << "  " << proofLayerName(layer) << " failures (" << failures.size() << ")\n";
            for (const ProofFinding &f : failures)
                printFinding(io, f);
        }
        if (!notes.isEmpty()) {
            io.out << "  " << proofLayerName(layer) << " skips and fallbacks (" << notes.size() << ")\n";
            for (const ProofFinding &f : notes)
                printFinding(io, f);
        }
    }
    if (s.findingsOmitted > 0)
        io.out << "  … and " << s.findingsOmitted << " more findings not listed\n";
    for (const Phrase &w : s.warnings)
        io.out << "  note: " << w.text() << '\n';
}

QCommandLineOption recordOption() {
    return QCommandLineOption(QStringLiteral("record"),
                              QStringLiteral("Store the result as signed evidence, inputs attached."));
}
QCommandLineOption scopeOption() {
    return QCommandLineOption(QStringLiteral("scope"), QStringLiteral("The scope the evidence is about."),
                              QStringLiteral("S"));
}

} // namespace

int ProofCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption rulesFile(QStringLiteral("rules"),
                                       QStringLiteral("Failure patterns file (default: the built-in one)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption record = recordOption();
    const QCommandLineOption scope = scopeOption();
    const QCommandLineOption attest(
        QStringLiteral("attest"),
        QStringLiteral("Also write an in-toto test-result attestation (DSSE, signed by you) to FILE."),
        QStringLiteral("FILE"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {rulesFile, record, scope, attest}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    if (pos.value(1) != QLatin1String("summarize") || pos.size() != 3)
        return usageError(io, QStringLiteral("proof: expected `proof summarize FILE`"));
    const bool json = parser.isSet(m_json);
    auto rules =
        parser.isSet(rulesFile) ? FailureRules::loadFile(parser.value(rulesFile)) : FailureRules::builtin();
    if (!rules.ok())
        return fail(io, rules.error(), json);
    auto capture = readCapture(pos.at(2));
    if (!capture.ok())
        return fail(io, capture.error(), json);
    const ProofSummary summary = summarizeCapture(capture->bytes, rules.value());
    JsonValue out = summary.toJson();
    if (parser.isSet(record) || parser.isSet(attest)) {
        auto ctx = startup(parser, io);
        if (!ctx.ok())
            return fail(io, ctx.error(), json);
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        if (parser.isSet(record)) {
            auto e = recordProofSummary(*unlocked->store, unlocked->signer, capture.value(), summary,
                                        rules.value(), parser.value(scope));
            if (!e.ok())
                return fail(io, e.error(), json);
            out["event"] = e->seq;
            if (!json)
                io.err << "recorded as event " << e->seq << " with the capture attached\n";
        }
        if (parser.isSet(attest)) {
            if (parser.value(attest) == QLatin1String("-"))
                return usageError(
                    io, QStringLiteral("--attest takes a file; standard output carries the summary"));
            auto env = InToto::create(
                proofAttestationStatement(capture.value(), summary, rules.value(), unlocked->signer),
                unlocked->signer);
            if (!env.ok())
                return fail(io, env.error(), json);
            auto e = InToto::record(*unlocked->store, unlocked->signer, env.value(),
                                    QStringLiteral("proof summary of ") + capture->name, parser.value(scope));
            if (!e.ok())
                return fail(io, e.error(), json);
            if (auto w = FileUtil::writePrivateAtomic(parser.value(attest), env->toJson()); !w.ok())
                return fail(io, w.error(), json);
            out["attestation"] = parser.value(attest);
            out["attestation_event"] = e->seq;
            if (!json)
                io.err << "attestation (" << e->payload().stringAt("result") << ") written to "
                       << parser.value(attest) << ", recorded as event " << e->seq << '\n';
        }
    }
    if (json)
        printJson(io, out);
    else
        printSummary(io, summary, capture->name);
    return summary.exitCode();
}

int VerdictCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption folder(QStringLiteral("folder"),
                                    QStringLiteral("A results/ folder holding the four files."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption record = recordOption();
    const QCommandLineOption scope = scopeOption();
    const QCommandLineOption pin(
        QStringLiteral("pin"),
        QStringLiteral("verdict.pub must be this key: SHA256 of its DER SubjectPublicKeyInfo, "
                       "as the report prints it (repeatable)."),
        QStringLiteral("SHA256:HEX"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {folder, record, scope, pin}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(m_json);
    if (pos.value(1) != QLatin1String("verify") || (parser.isSet(folder) ? pos.size() != 2 : pos.size() != 6))
        return usageError(
            io,
            QStringLiteral(
                "verdict: expected `verdict verify SCORE BUNDLE SIG PUB` or `verdict verify --folder DIR`"));
    VerdictFiles files;
    if (parser.isSet(folder)) {
        auto found = VerdictFiles::inFolder(parser.value(folder));
        if (!found.ok())
            return fail(io, found.error(), json);
        files = found.value();
    } else {
        files = VerdictFiles{pos.at(2), pos.at(3), pos.at(4), pos.at(5)};
    }
    VerdictOptions options;
    options.pins = parser.values(pin);
    auto report = verifyVerdict(files, options);
    if (!report.ok())
        return fail(io, report.error(), json);
    JsonValue out = report->toJson();
    if (parser.isSet(record)) {
        auto ctx = startup(parser, io);
        if (!ctx.ok())
            return fail(io, ctx.error(), json);
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        auto e =
            recordVerdict(*unlocked->store, unlocked->signer, files, report.value(), parser.value(scope));
        if (!e.ok())
            return fail(io, e.error(), json);
        out["event"] = e->seq;
        if (!json)
            io.err << "recorded as event " << e->seq << " with the inputs attached\n";
    }
    if (json) {
        printJson(io, out);
    } else {
        io.out << (report->valid ? "VALID" : "INVALID") << "  verdict " << files.score << '\n';
        for (const VerdictCheck &c : report->checks)
            io.out << "  " << (c.ok ? "ok    " : "FAILED") << "  " << c.name << ": " << c.detail << '\n';
        io.out << "  key " << report->keyAlgorithm << ' ' << report->keyFingerprint << '\n';
        io.out << "  no network was used: every check ran on the four local files\n";
    }
    return report->valid ? 0 : 1;
}

} // namespace ops::cli
