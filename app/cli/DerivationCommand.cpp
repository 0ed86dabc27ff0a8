#include "DerivationCommand.h"

#include "core/FileUtil.h"

#include "AttestCommand.h"
#include "StoreAccess.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "crypto/Sha256.h"
#include "derivations/Handoff.h"

#include <QFileInfo>
#include <QTemporaryDir>

namespace ops::cli {

namespace {

// Every finding of an invalid input, one a line, then the exit code.
int failWithFindings(CliIo &io, const Error &error, bool json) {
    if (json) {
        JsonValue o = JsonValue::object();
        o["error"] = error.message;
        o["where"] = error.where;
        o["exit_code"] = error.exitCode();
        JsonValue list = JsonValue::array();
        for (const Diagnostic &d : error.diagnostics) {
            JsonValue x = JsonValue::object();
            x["file"] = d.file;
            x["line"] = d.line;
            x["field"] = d.key;
            x["message"] = d.message;
            list.push(x);
        }
        o["errors"] = list;
        io.out << QString::fromStdString(CanonicalJson::pretty(o)) << '\n';
    }
    if (error.diagnostics.size() > 1) {
        for (const Diagnostic &d : error.diagnostics)
            io.err << d.toString() << '\n';
        io.err << "opsconsole-cli: " << error.diagnostics.size() << " problems; nothing was written\n";
    } else {
        io.err << "opsconsole-cli: " << error.toString() << '\n';
    }
    return error.exitCode();
}

void printEvents(CliIo &io, const QList<StoredEvent> &events) {
    for (const StoredEvent &e : events) {
        const JsonValue p = e.payload();
        QString what = p.stringAt("record");
        if (e.kind == QLatin1String("derivation.imported"))
            what = p.find("record") ? p.find("record")->stringAt("id") : QString();
        io.out << e.kind.mid(e.kind.indexOf(QLatin1Char('.')) + 1) << "  " << what;
        if (!p.stringAt("reason").isEmpty())
            io.out << "  (" << p.stringAt("reason") << ")";
        io.out << "  event " << e.seq << '\n';
    }
}

JsonValue eventsJson(const QList<StoredEvent> &events, JsonValue (*one)(const StoredEvent &)) {
    JsonValue a = JsonValue::array();
    for (const StoredEvent &e : events)
        a.push(one(e));
    return a;
}

void printRecord(CliIo &io, const RecordState &s, const EvidenceStore &store) {
    const DerivationRecord &r = s.record;
    io.out << r.id << "  "
           << (r.isInfeasible() ? QStringLiteral("typed INFEASIBLE (%1)").arg(r.reason())
                                : QStringLiteral("derivation"))
           << "  " << recordStatusName(s.status) << '\n';
    io.out << "  value      " << r.valueName();
    if (!r.isInfeasible())
        io.out << " = " << r.text("value") << ' ' << r.text("units") << "   tier " << r.costTier() << ", "
               << r.lockability();
    io.out << "\n  author     " << r.author() << "   reviewer " << r.reviewer() << "   imported by "
           << s.importer << " (event " << s.importedSeq << ", " << s.file << ")\n";
    io.out << "  sha256     " << s.recordSha256 << '\n';
    const QString blocks = s.blocksS03();
    io.out << "  S03        "
           << (blocks.isEmpty() ? QStringLiteral("eligible for lock") : QStringLiteral("blocking: ") + blocks)
           << '\n';
    for (const ReviewEntry &rv : s.reviews)
        io.out << "  reviewed   " << (rv.accepted ? "accepted" : "rejected") << " by " << rv.actor << " at "
               << Time::toIso(rv.tsMs) << (rv.reason.isEmpty() ? QString() : QStringLiteral(": ") + rv.reason)
               << '\n';
    for (const NoteEntry &n : s.riskNotes)
        io.out << "  risk note  " << n.actor << ": " << n.text << '\n';
    if (s.signature) {
        auto id = store.identity(s.signature->signer);
        auto key =
            id.ok() ? crypto::PublicKey::fromPem(id->publicKeyPem) : Result<crypto::PublicKey>(id.error());
        io.out << "  signed     by " << s.signature->signer << " at " << Time::toIso(s.signature->tsMs)
               << ", "
               << (key.ok() && verifyRecordSignature(s, key.value()) ? "signature verifies"
                                                                     : "SIGNATURE DOES NOT VERIFY")
               << '\n';
    }
    if (!s.supersedes.isEmpty())
        io.out << "  supersedes " << s.supersedes << '\n';
    if (s.ended)
        io.out << "  " << recordStatusName(s.status)
               << (s.supersededBy.isEmpty() ? QString() : QStringLiteral(" by ") + s.supersededBy) << " — "
               << s.ended->actor << " at " << Time::toIso(s.ended->tsMs) << ": " << s.ended->text << '\n';
    io.out << "  rules\n";
    for (const RuleCheck &c : DerivationRules::check(r)) {
        io.out << "    [" << (c.ok ? "ok" : "!!") << "] " << c.title << '\n';
        for (const Diagnostic &d : c.findings)
            io.out << "         " << d.key << ": " << d.message << '\n';
    }
}

} // namespace

int DerivationCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption accept(QStringLiteral("accept"), QStringLiteral("Accept the record."));
    const QCommandLineOption reject(QStringLiteral("reject"),
                                    QStringLiteral("Reject the record (a reason is required)."));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why."), QStringLiteral("R"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("The risk owner's note."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption status(
        QStringLiteral("status"),
        QStringLiteral("in-review, accepted, rejected, signed, superseded or invalidated."),
        QStringLiteral("S"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {accept, reject, reason, note, status}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    const bool shapeOk =
        ((verb == QLatin1String("validate") || verb == QLatin1String("import")) && pos.size() >= 3) ||
        (verb == QLatin1String("list") && pos.size() == 2) ||
        ((verb == QLatin1String("show") || verb == QLatin1String("sign") || verb == QLatin1String("review") ||
          verb == QLatin1String("risk-note") || verb == QLatin1String("invalidate")) &&
         pos.size() == 3) ||
        (verb == QLatin1String("supersede") && pos.size() == 4);
    if (!shapeOk)
        return usageError(
            io, QStringLiteral("derivation: expected validate FILE..., import FILE..., list, show ID, "
                               "review ID, risk-note ID, sign ID, supersede ID FILE or invalidate ID"));
    if (verb == QLatin1String("review") && parser.isSet(accept) == parser.isSet(reject))
        return usageError(io, QStringLiteral("derivation review: give --accept or --reject"));
    std::optional<RecordStatus> wanted;
    if (parser.isSet(status) && !(wanted = recordStatusFrom(parser.value(status))))
        return usageError(io, QStringLiteral("--status: unknown status '%1'").arg(parser.value(status)));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);

    if (verb == QLatin1String("validate")) {
        // Writes nothing; the live records of an existing store take part in the set rules.
        QList<DerivationRecord> live;
        if (auto store = StoreAccess::openReadOnly(ctx.value(), io); store.ok())
            if (auto book = DerivationBook::load(*store.value()); book.ok())
                live = book->liveRecords();
        const QList<FileValidation> results = validateFiles(pos.mid(2), live);
        bool allOk = true;
        JsonValue out = JsonValue::array();
        for (const FileValidation &v : results) {
            allOk = allOk && v.ok();
            out.push(v.toJson());
            if (json)
                continue;
            if (v.ok()) {
                QStringList ids;
                for (const DerivationRecord &r : v.records)
                    ids << QStringLiteral("%1 (%2)").arg(r.id, recordTypeName(r.type));
                io.out << v.file << ": ok: " << ids.join(QStringLiteral(", ")) << '\n';
            } else {
                for (const Diagnostic &d : v.errors)
                    io.out << d.toString() << '\n';
            }
        }
        if (json)
            printJson(io, out);
        return allOk ? 0 : static_cast<int>(ErrorCode::InvalidInput);
    }

    if (verb == QLatin1String("list") || verb == QLatin1String("show")) {
        auto store = StoreAccess::openReadOnly(ctx.value(), io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto book = DerivationBook::load(*store.value());
        if (!book.ok())
            return fail(io, book.error(), json);
        if (verb == QLatin1String("show")) {
            const RecordState *s = book->record(pos.at(2));
            if (!s)
                return fail(io,
                            makeError(ErrorCode::InvalidInput,
                                      QStringLiteral("no record '%1'").arg(pos.at(2)), QStringLiteral("ID")),
                            json);
            if (json) {
                JsonValue o = s->toJson();
                o["fields"] = s->record.fields;
                JsonValue rules = JsonValue::array();
                for (const RuleCheck &c : DerivationRules::check(s->record)) {
                    JsonValue x = JsonValue::object();
                    x["rule"] = c.rule;
                    x["title"] = c.title;
                    x["ok"] = c.ok;
                    rules.push(x);
                }
                o["rules"] = rules;
                if (s->signature) {
                    o["statement"] = s->signature->statement;
                    o["signature_hex"] = s->signature->signature.toHex().toStdString();
                }
                printJson(io, o);
            } else {
                printRecord(io, *s, *store.value());
            }
            return 0;
        }
        JsonValue out = JsonValue::array();
        for (const RecordState &s : book->records()) {
            if (wanted && s.status != *wanted)
                continue;
            if (json) {
                out.push(s.toJson());
                continue;
            }
            io.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                          .arg(s.record.id, -24)
                          .arg(s.record.isInfeasible() ? QStringLiteral("INFEASIBLE")
                                                       : QStringLiteral("derivation"),
                               -10)
                          .arg(s.record.valueName(), -20)
                          .arg(s.record.isInfeasible() ? s.record.reason()
                                                       : QStringLiteral("tier %1").arg(s.record.costTier()),
                               -10)
                          .arg(s.record.lockability(), -13)
                          .arg(recordStatusName(s.status));
        }
        if (json)
            printJson(io, out);
        return 0;
    }

    auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    DerivationActions actions(*unlocked->store, unlocked->signer);
    Result<QList<StoredEvent>> done = QList<StoredEvent>{};
    const QString id = pos.value(2);
    auto one = [](Result<StoredEvent> r) -> Result<QList<StoredEvent>> {
        if (!r.ok())
            return r.error();
        return QList<StoredEvent>{r.value()};
    };
    if (verb == QLatin1String("import"))
        done = actions.importFiles(pos.mid(2));
    else if (verb == QLatin1String("review"))
        done = one(actions.review(id, parser.isSet(accept), parser.value(reason)));
    else if (verb == QLatin1String("risk-note"))
        done = one(actions.riskNote(id, parser.value(note)));
    else if (verb == QLatin1String("sign"))
        done = one(actions.sign(id));
    else if (verb == QLatin1String("supersede"))
        done = actions.supersede(id, pos.at(3), parser.value(reason));
    else if (verb == QLatin1String("invalidate"))
        done = actions.invalidate(id, parser.value(reason));
    if (!done.ok())
        return failWithFindings(io, done.error(), json);
    if (json)
        printJson(io, eventsJson(done.value(), &Command::eventJson));
    else
        printEvents(io, done.value());
    return 0;
}

int HandoffCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption add(QStringLiteral("add"), QStringLiteral("A threat to validity (repeatable)."),
                                 QStringLiteral("TEXT"));
    const QCommandLineOption none(QStringLiteral("none"),
                                  QStringLiteral("No unresolved threat to validity."));
    const QCommandLineOption forbidden(
        QStringLiteral("forbidden-run"),
        QStringLiteral("Report a forbidden run instead of attesting there was none."),
        QStringLiteral("TEXT"));
    const QCommandLineOption draft(QStringLiteral("draft"),
                                   QStringLiteral("Export although incomplete (marked DRAFT)."));
    const QCommandLineOption locker(QStringLiteral("locker"),
                                    QStringLiteral("The S03 locker receiving the package."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption pin(QStringLiteral("pin"),
                                 QStringLiteral("The exporter's key fingerprint to trust."),
                                 QStringLiteral("SHA256:…"));
    const QCommandLineOption out(
        QStringLiteral("out"),
        QStringLiteral("attest-package: where the attestation goes (- for standard output)."),
        QStringLiteral("FILE"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {add, none, forbidden, draft, locker, pin, out}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.value(1);
    const bool json = parser.isSet(m_json);
    const bool shapeOk = ((verb == QLatin1String("status") || verb == QLatin1String("threats") ||
                           verb == QLatin1String("attest")) &&
                          pos.size() == 2) ||
                         (verb == QLatin1String("charter") && pos.size() >= 3) ||
                         ((verb == QLatin1String("export") || verb == QLatin1String("verify") ||
                           verb == QLatin1String("attest-package")) &&
                          pos.size() == 3);
    if (!shapeOk)
        return usageError(
            io, QStringLiteral("handoff: expected status, charter NAME..., threats, attest, export OUT "
                               "verify FILE or attest-package FILE --out OUT"));
    if (verb == QLatin1String("threats") && parser.isSet(none) == parser.isSet(add))
        return usageError(io, QStringLiteral("handoff threats: give --add TEXT (repeatable) or --none"));

    if (verb == QLatin1String("verify")) {
        // Offline and self-contained: no store, no config.
        QTemporaryDir spool;
        auto input = FileUtil::spoolInput(pos.at(2), spool.path(), kMaxSpooledArchive);
        if (!input.ok())
            return fail(io, input.error(), json);
        auto report = Handoff::verifyPackage(input.value(), parser.value(pin));
        if (!report.ok())
            return fail(io, FileUtil::spooledNamed(report.error(), pos.at(2), input.value()), json);
        if (json) {
            printJson(io, report->toJson());
        } else {
            for (const Handoff::Check &c : report->checks)
                io.out << (c.ok ? "ok    " : "FAIL  ") << c.name << ": " << c.detail << '\n';
            io.out << (report->valid ? "VALID" : "INVALID") << "  exported by " << report->exporter << " ("
                   << report->exporterKey << "), " << report->records << " records, " << report->signatures
                   << " signatures, " << (report->complete ? "complete" : "DRAFT: incomplete")
                   << "; no network used\n";
        }
        return report->valid ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);

    if (verb == QLatin1String("attest-package")) {
        // An in-toto statement over the package's signed records, signed by whoever attests it:
        // only a package that verifies is attested.
        if (!parser.isSet(out))
            return usageError(io, QStringLiteral("handoff attest-package: --out FILE names where it goes"));
        // A private copy (of standard input or of the file): the package checked is the package
        // hashed into the statement, whatever happens to the original meanwhile.
        QTemporaryDir spool;
        auto input = FileUtil::spoolInput(pos.at(2), spool.path(), kMaxSpooledArchive, true);
        if (!input.ok())
            return fail(io, input.error(), json);
        auto report = Handoff::verifyPackage(input.value(), parser.value(pin));
        if (!report.ok())
            return fail(io, FileUtil::spooledNamed(report.error(), pos.at(2), input.value()), json);
        if (!report->valid)
            return fail(io,
                        makeError(ErrorCode::Negative,
                                  QStringLiteral("the package does not verify (%1): nothing attested")
                                      .arg(report->problems().join(QStringLiteral("; "))),
                                  pos.at(2)),
                        json);
        if (report->signedRecords.isEmpty())
            return fail(io,
                        makeError(ErrorCode::Negative,
                                  QStringLiteral("the package has no signed record to attest"), pos.at(2)),
                        json);
        auto digest = crypto::sha256File(input.value());
        if (!digest.ok())
            return fail(io, FileUtil::spooledNamed(digest.error(), pos.at(2), input.value()), json);
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        QList<AttestationSubject> subjects;
        JsonValue records = JsonValue::array();
        for (const Handoff::SignedRecord &r : report->signedRecords) {
            subjects << AttestationSubject{r.file, r.sha256};
            JsonValue x = JsonValue::object();
            x["id"] = r.id;
            x["signed_by"] = r.signer;
            x["signer_key"] = r.signerKey;
            records.push(x);
        }
        JsonValue predicate = JsonValue::object();
        JsonValue package = JsonValue::object();
        package["name"] = QFileInfo(FileUtil::inputName(pos.at(2))).fileName();
        package["sha256"] = QString::fromLatin1(digest->toHex());
        predicate["package"] = package;
        predicate["exported_by"] = report->exporter;
        predicate["exporter_key"] = report->exporterKey;
        predicate["records"] = report->records;
        predicate["signed_records"] = records;
        predicate["result"] = report->complete && !report->draft ? "COMPLETE" : "DRAFT";
        predicate["verified_at"] = Time::toIso(Time::nowMs());
        const JsonValue statement =
            InToto::statement(subjects, QString::fromLatin1(InToto::kHandoffType), predicate,
                              {InToto::signerOf(unlocked->signer, QStringLiteral("attester"))});
        auto env = InToto::create(statement, unlocked->signer);
        if (!env.ok())
            return fail(io, env.error(), json);
        return AttestCommand::recordAndWrite(io, json, *unlocked->store, unlocked->signer, env.value(),
                                             QStringLiteral("handoff package ") + package.stringAt("name"),
                                             QString(), parser.value(out));
    }

    if (verb == QLatin1String("status")) {
        auto store = StoreAccess::openReadOnly(ctx.value(), io);
        if (!store.ok())
            return fail(io, store.error(), json);
        auto book = DerivationBook::load(*store.value());
        if (!book.ok())
            return fail(io, book.error(), json);
        const HandoffStatus st = computeHandoffStatus(book.value());
        if (json) {
            printJson(io, st.toJson());
        } else {
            io.out << (st.complete ? "COMPLETE" : "INCOMPLETE") << " (handoff checklist)\n";
            for (const HandoffCriterion &c : st.criteria)
                io.out << "  [" << (c.ok ? "x" : " ") << "] " << c.title << " — " << c.detail << '\n';
            io.out << "\nvalues\n";
            for (const CharterValue &v : st.values)
                io.out << QStringLiteral("  %1 %2 %3\n").arg(v.name, -22).arg(v.state, -11).arg(v.detail);
            io.out << "\neligible for S03 lock\n";
            for (const RecordState *r : st.eligible)
                io.out << "  " << r->record.valueName() << " (" << r->record.id << ")\n";
            io.out << "\nblocking S03\n";
            for (const auto &[r, why] : st.blocking)
                io.out << "  " << r->record.valueName() << " (" << r->record.id << "): " << why << '\n';
            for (const QString &n : st.notifications)
                io.out << "\nNOTIFY: " << n << '\n';
        }
        return st.complete ? 0 : static_cast<int>(ErrorCode::Negative);
    }

    auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
    if (!unlocked.ok())
        return fail(io, unlocked.error(), json);
    DerivationActions actions(*unlocked->store, unlocked->signer);
    if (verb == QLatin1String("export")) {
        Handoff::ExportOptions options;
        options.draft = parser.isSet(draft);
        options.locker = parser.value(locker);
        auto summary = Handoff::exportPackage(*unlocked->store, actions, pos.at(2), options);
        if (!summary.ok())
            return fail(io, summary.error(), json);
        if (json) {
            JsonValue o = JsonValue::object();
            o["file"] = pos.at(2);
            o["sha256"] = summary->sha256;
            o["records"] = summary->records;
            o["signatures"] = summary->signatures;
            o["complete"] = summary->complete;
            JsonValue missing = JsonValue::array();
            for (const QString &m : summary->missing)
                missing.push(m);
            o["missing"] = missing;
            printJson(io, o);
        } else {
            io.out << summary->sha256 << "  " << pos.at(2) << '\n';
            io.err << summary->records << " records, " << summary->signatures << " signatures, "
                   << (summary->complete ? "complete" : "DRAFT: incomplete") << '\n';
            for (const QString &m : summary->missing)
                io.err << "  missing: " << m << '\n';
        }
        return 0;
    }
    Result<QList<StoredEvent>> done = QList<StoredEvent>{};
    auto one = [](Result<StoredEvent> r) -> Result<QList<StoredEvent>> {
        if (!r.ok())
            return r.error();
        return QList<StoredEvent>{r.value()};
    };
    if (verb == QLatin1String("charter"))
        done = one(actions.declareCharter(pos.mid(2)));
    else if (verb == QLatin1String("threats"))
        done = one(actions.recordThreats(parser.values(add)));
    else if (verb == QLatin1String("attest"))
        done = actions.attest(parser.isSet(forbidden), parser.value(forbidden));
    if (!done.ok())
        return fail(io, done.error(), json);
    if (json)
        printJson(io, eventsJson(done.value(), &Command::eventJson));
    else
        for (const StoredEvent &e : done.value())
            io.out << e.kind << "  event " << e.seq << '\n';
    return 0;
}

} // namespace ops::cli
