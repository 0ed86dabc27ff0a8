#include "AttestCommand.h"

#include "StoreAccess.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "launch/LaunchAttest.h"
#include "runbooks/Runbook.h"
#include "store/EvidenceStore.h"

#include <QFile>
#include <QRegularExpression>

namespace ops::cli {

int AttestCommand::recordAndWrite(CliIo &io, bool json, EvidenceStore &store, const Signer &signer,
                                  const dsse::Envelope &envelope, const QString &about, const QString &scope,
                                  const QString &out) {
    auto e = InToto::record(store, signer, envelope, about, scope);
    if (!e.ok())
        return fail(io, e.error(), json);
    const QByteArray bytes = envelope.toJson();
    if (out == QLatin1String("-")) {
        io.out << QString::fromUtf8(bytes);
        io.out.flush();
    } else if (auto w = FileUtil::writePrivateAtomic(out, bytes); !w.ok()) {
        Error err = w.error();
        err.message += QStringLiteral(" (the envelope is kept in the store with event %1)").arg(e->seq);
        return fail(io, err, json);
    }
    const JsonValue p = e->payload();
    if (json && out != QLatin1String("-")) {
        JsonValue o = eventJson(e.value());
        o["file"] = out;
        printJson(io, o);
    } else {
        io.err << about << ": "
               << (p.stringAt("result").isEmpty() ? QString() : p.stringAt("result") + QStringLiteral(", "))
               << p.find("signatures")->toInt() << " signature(s), signed by " << signer.name << " ("
               << p.stringAt("key_fingerprint") << "), recorded as event " << e->seq
               << (out == QLatin1String("-") ? QString() : QStringLiteral(", written to ") + out) << '\n';
    }
    return 0;
}

int AttestCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption pin(
        QStringLiteral("pin"),
        QStringLiteral("A key that must have signed: SHA256 of the raw Ed25519 key, as "
                       "identity list prints it (repeatable; at least one)."),
        QStringLiteral("SHA256:HEX"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("sign: write the envelope here instead of replacing FILE."),
                                 QStringLiteral("FILE"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {pin, out}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    if ((verb != QLatin1String("sign") && verb != QLatin1String("verify")) || pos.size() != 3)
        return usageError(
            io, QStringLiteral("attest: expected `attest sign FILE` or `attest verify FILE --pin KEY`"));
    const QString file = pos.at(2);
    const QString source = FileUtil::inputName(file); // "<stdin>" for "-"
    auto bytes = FileUtil::readAll(file, dsse::kMaxEnvelopeBytes);
    if (!bytes.ok())
        return fail(io, bytes.error(), json);

    if (verb == QLatin1String("verify")) {
        static const QRegularExpression fp(QStringLiteral("^SHA256:[0-9a-f]{64}\\z"));
        for (const QString &p : parser.values(pin))
            if (!fp.match(p).hasMatch())
                return usageError(
                    io, QStringLiteral("--pin takes a key fingerprint (SHA256:<64 hex>), got '%1'").arg(p));
        if (parser.values(pin).isEmpty())
            return usageError(io,
                              QStringLiteral("attest verify: give --pin with the key you trust (the release "
                                             "owner's, the recorder's): without one the keys only vouch for "
                                             "each other"));
        auto report = verifyAttestation(bytes.value(), parser.values(pin), source);
        if (!report.ok())
            return fail(io, report.error(), json);
        if (json) {
            printJson(io, report->toJson());
        } else {
            io.out << (report->valid ? "VALID" : "INVALID") << "  " << report->predicateType
                   << (report->result.isEmpty() ? QString() : QStringLiteral("  ") + report->result) << '\n';
            for (const AttestationCheck &c : report->checks)
                io.out << "  " << (c.ok ? "ok    " : "FAILED") << "  " << c.name << ": " << c.detail << '\n';
            for (const AttestationSigner &s : report->signers)
                io.out << "  signer " << s.role << ' ' << s.identity << ' ' << s.fingerprint
                       << (report->signedBy.contains(s.fingerprint) ? "  signed" : "  NOT SIGNED") << '\n';
            for (const AttestationSubject &s : report->subjects)
                io.out << "  subject " << s.sha256 << "  " << s.name << '\n';
        }
        return report->valid ? 0 : static_cast<int>(ErrorCode::Negative);
    }

    // sign
    auto env = dsse::Envelope::parse(bytes.value(), source);
    if (!env.ok())
        return fail(io, env.error(), json);
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    // A launch attestation is signed only when it says what this store says of that launch now:
    // nobody signs a result, a subject list or a set of signers their own log does not show.
    // Only launch attestations take more than one signature, and one is signed only when it says
    // what this store says of that launch now: nobody signs a result, a subject list or a set of
    // signers their own log does not show. Anything else is refused.
    {
        auto statement = CanonicalJson::parse(env->payload.toStdString(), 64);
        const JsonValue *p = statement.ok() ? statement->find("predicate") : nullptr;
        const JsonValue *o = p ? p->find("opsconsole") : nullptr;
        const JsonValue *runField = o ? o->find("run") : nullptr;
        if (!statement.ok() || statement->stringAt("predicateType") != QLatin1String(InToto::kVsaType) ||
            !runField || !runField->isString() || runField->toQString().isEmpty())
            return fail(io,
                        makeError(ErrorCode::Policy,
                                  QStringLiteral("attest sign adds signatures to launch attestations only "
                                                 "(launch attest); this is not one: nothing was signed"),
                                  file),
                        json);
        const RunbookLibrary library = RunbookLibrary::forDirectory(ctx->config.runbooksDir);
        auto in = LaunchInputs::read(*unlocked->store, ctx->config, ctx->environment, library, Time::nowMs());
        if (!in.ok())
            return fail(io, in.error(), json);
        const QString run = runField->toQString();
        if (!in->book.run(run))
            return fail(
                io,
                makeError(ErrorCode::Negative,
                          QStringLiteral("launch %1 is not in this store: nothing was signed").arg(run)),
                json);
        if (auto same =
                launchAttestationMatches(statement.value(), computeLaunchStatus(in.value(), run), in.value());
            !same.ok())
            return fail(io, same.error(), json);
    }
    dsse::Envelope signedEnv = env.value();
    if (auto added = InToto::addSignature(signedEnv, unlocked->signer); !added.ok())
        return fail(io, added.error(), json);
    QString about = QStringLiteral("attestation %1").arg(file);
    auto statement =
        verifyAttestation(signedEnv.toJson(), {unlocked->signer.key.publicKey().fingerprint()}, source);
    if (statement.ok())
        if (const JsonValue *p = statement->statement.find("predicate"))
            if (const JsonValue *o = p->find("opsconsole"); o && !o->stringAt("run").isEmpty())
                about = QStringLiteral("launch ") + o->stringAt("run");
    const QString target = parser.isSet(out) ? parser.value(out) : file;
    if (target == QLatin1String("-") && file == QLatin1String("-") && !parser.isSet(out))
        return usageError(io,
                          QStringLiteral("attest sign -: give --out FILE (or --out - for standard output)"));
    return recordAndWrite(io, json, *unlocked->store, unlocked->signer, signedEnv, about, QString(), target);
}

} // namespace ops::cli
