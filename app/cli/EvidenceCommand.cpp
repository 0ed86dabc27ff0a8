#include "EvidenceCommand.h"

#include "store/EventExport.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "StoreAccess.h"
#include "store/PgEvidenceStore.h"
#include "store/TeamWitness.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Startup.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"
#include "store/Bundle.h"
#include "store/Witness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

#include <unistd.h>

namespace ops::cli {

namespace {

// A progress line on stderr when a person is watching; nothing when output is piped.
Progress terminalProgress(CliIo &io, const char *what, bool bytes) {
    if (!::isatty(STDERR_FILENO))
        return {};
    return [&io, what, bytes](quint64 done, quint64 total) {
        const int pct = total ? static_cast<int>(done * 100 / total) : 0;
        io.err << '\r' << what << ' ' << pct << "% (" << (bytes ? done / (1024 * 1024) : done)
               << (bytes ? " MiB" : " events") << ")   ";
        io.err.flush();
        return true;
    };
}

QString summaryLine(const StoredEvent &e) {
    std::string payload = CanonicalJson::serialize(e.payload());
    if (payload.size() > 96)
        payload = payload.substr(0, 93) + "...";
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
        .arg(e.seq)
        .arg(Time::toIso(e.tsMs), e.actor, e.kind, e.scope.isEmpty() ? QStringLiteral("-") : e.scope,
             QString::fromStdString(payload));
}

// Exact bytes on standard output (the text stream re-encodes only what it is given as text).
int writeRaw(CliIo &io, const QByteArray &bytes) {
    io.out.flush();
    if (QIODevice *device = io.out.device())
        return device->write(bytes) == bytes.size() ? 0 : static_cast<int>(ErrorCode::Store);
    io.out << QString::fromUtf8(bytes);
    return 0;
}

// Output to FILE (0600, replaced atomically) or standard output.
Result<void> emit(CliIo &io, const QString &path, const QByteArray &bytes) {
    if (path.isEmpty())
        return writeRaw(io, bytes) == 0
                   ? Result<void>()
                   : Result<void>(makeError(ErrorCode::Store, QStringLiteral("cannot write")));
    return FileUtil::writePrivateAtomic(path, bytes);
}

// A note or proof: its text to FILE or standard output; with --json, an object naming the file
// or carrying the text under `field`, with `fields` beside it.
Result<void> emitDocument(CliIo &io, const QString &path, const QByteArray &bytes, bool json,
                          const char *field, JsonValue fields) {
    if (!json)
        return emit(io, path, bytes);
    if (path.isEmpty()) {
        fields[field] = bytes.toStdString();
    } else {
        if (auto r = emit(io, path, bytes); !r.ok())
            return r;
        fields["file"] = path;
    }
    io.out << QString::fromStdString(CanonicalJson::pretty(fields)) << '\n';
    return {};
}

} // namespace

int EvidenceCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("Only events of this kind."),
                                  QStringLiteral("K"));
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("Only events of this scope."),
                                   QStringLiteral("S"));
    const QCommandLineOption actor(QStringLiteral("actor"), QStringLiteral("Only events by this identity."),
                                   QStringLiteral("A"));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("Only events containing TEXT."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N events (default 100)."),
                                   QStringLiteral("N"));
    const QCommandLineOption signatures(QStringLiteral("signatures"),
                                        QStringLiteral("Also verify every event signature."));
    const QCommandLineOption mediaType(QStringLiteral("media-type"),
                                       QStringLiteral("Media type of the attachment."),
                                       QStringLiteral("TYPE"));
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("Only events of this incident."), QStringLiteral("ID"));
    const QCommandLineOption since(QStringLiteral("since"),
                                   QStringLiteral("Only events at or after TIME (UTC ISO-8601)."),
                                   QStringLiteral("TIME"));
    const QCommandLineOption pin(
        QStringLiteral("pin"),
        QStringLiteral(
            "verify-bundle: the checkpoint signer's and the exporter's keys must each be one of the pinned "
            "keys; verify: the genesis admin must hold one of them (repeatable, beside trust.admins)."),
        QStringLiteral("SHA256:HEX"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral(
            "list: every matching event (or --limit N) as csv (seq,time,actor,kind,scope,signed,"
            "leaf_hash,payload) or json (the canonical events), as the Evidence panel exports them."),
        QStringLiteral("csv|json"));
    const QCommandLineOption pinSigner(
        QStringLiteral("pin-signer"),
        QStringLiteral(
            "verify-bundle: the checkpoint signer's key must be this one (repeatable; replaces --pin "
            "for that role; without --pin-exporter or --pin the exporter must hold it too)."),
        QStringLiteral("SHA256:HEX"));
    const QCommandLineOption pinExporter(
        QStringLiteral("pin-exporter"),
        QStringLiteral(
            "verify-bundle: the exporter's key must be this one (repeatable; replaces --pin for that "
            "role; without --pin-signer or --pin the checkpoint signer must hold it too)."),
        QStringLiteral("SHA256:HEX"));
    const QCommandLineOption raw(
        QStringLiteral("raw"),
        QStringLiteral("show: write the event's exact leaf bytes (what the Merkle tree "
                       "hashes as SHA-256(0x00 ‖ bytes)) and nothing else."));
    const QCommandLineOption out(
        QStringLiteral("out"),
        QStringLiteral("checkpoint, prove, cosign: write to FILE (mode 0600) instead "
                       "of standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption proofOut(
        QStringLiteral("proof-out"),
        QStringLiteral("consistency: write the RFC 6962 consistency proof from the old checkpoint to the "
                       "latest one to FILE, one base64 hash a line."),
        QStringLiteral("FILE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("migrate: the team log to move the local store into (a "
                                               "postgresql:// URL; its schema is created as its owner)."),
                                QStringLiteral("URL"));
    const QCommandLineOption appRole(
        QStringLiteral("app-role"),
        QStringLiteral("migrate: the role consoles write with, granted SELECT and INSERT only (default: "
                       "store.app_role of the config)."),
        QStringLiteral("ROLE"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io,
               {kind, scope, actor, search, limit, signatures, mediaType, incident, since, pin, format, raw,
                out, proofOut, pinSigner, pinExporter, to, appRole}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(1);
    const bool json = parser.isSet(m_json);
    static const QHash<QString, int> kArgs{
        {QStringLiteral("import"), 1},      {QStringLiteral("list"), 0},
        {QStringLiteral("show"), 1},        {QStringLiteral("attach"), 1},
        {QStringLiteral("verify"), 0},      {QStringLiteral("backup"), 1},
        {QStringLiteral("export"), 1},      {QStringLiteral("verify-bundle"), 1},
        {QStringLiteral("consistency"), 1}, {QStringLiteral("checkpoint"), 0},
        {QStringLiteral("prove"), 1},       {QStringLiteral("cosign"), 1},
        {QStringLiteral("witness"), 0},     {QStringLiteral("migrate"), 0}};
    if (!kArgs.contains(sub))
        return usageError(io, sub.isEmpty() ? QStringLiteral("evidence: missing sub-verb")
                                            : QStringLiteral("evidence: unknown sub-verb '%1'").arg(sub));
    if (pos.size() != 2 + kArgs.value(sub))
        return usageError(io, QStringLiteral("evidence %1: wrong number of arguments").arg(sub));
    int max = 100;
    if (parser.isSet(limit)) {
        bool ok = false;
        max = parser.value(limit).toInt(&ok);
        if (!ok || max < 1)
            return usageError(io, QStringLiteral("--limit must be a positive number"));
    }
    if (sub == QLatin1String("verify-bundle")) {
        // Needs no store and no config: anyone can check a bundle anywhere.
        QTemporaryDir spool;
        auto input = FileUtil::spoolInput(pos.at(2), spool.path(), kMaxSpooledArchive);
        if (!input.ok())
            return fail(io, input.error(), json);
        auto report =
            Bundle::verifyBundle(input.value(), Bundle::Pins{parser.values(pin), parser.values(pinSigner),
                                                             parser.values(pinExporter)});
        if (!report.ok())
            return fail(io, FileUtil::spooledNamed(report.error(), pos.at(2), input.value()), json);
        const Bundle::BundleReport &r = report.value();
        if (json) {
            JsonValue o = JsonValue::object();
            o["valid"] = r.valid;
            o["events"] = static_cast<qint64>(r.events);
            o["tree_size"] = static_cast<qint64>(r.treeSize);
            o["root"] = r.root;
            o["signer"] = r.signer;
            o["signer_key"] = r.signerKey;
            o["exporter"] = r.exporter;
            o["exporter_key"] = r.exporterKey;
            o["pinned"] = r.pinned;
            JsonValue problems = JsonValue::array();
            for (const QString &p : r.problems)
                problems.push(p);
            o["problems"] = problems;
            o["network_used"] = false;
            printJson(io, o);
        } else if (r.valid) {
            io.out << "valid: " << r.events << " events verified against checkpoint " << r.treeSize
                   << " signed by " << r.signer << ' ' << r.signerKey << ", exported by " << r.exporter << ' '
                   << r.exporterKey
                   << (r.pinned ? QStringLiteral(" (both keys pinned")
                                : QStringLiteral(" (keys NOT pinned: pass --pin"))
                   << "; nothing was fetched)\n";
        } else {
            for (const QString &p : r.problems)
                io.out << "FAIL " << p << '\n';
        }
        return r.valid ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (sub == QLatin1String("migrate")) {
        if (!parser.isSet(to))
            return usageError(io, QStringLiteral("evidence migrate: --to postgresql://… names the team log"));
        return runMigrate(parser.value(to),
                          parser.isSet(appRole) ? parser.value(appRole) : ctx->config.storeAppRole,
                          ctx.value(), io, json);
    }
    // Listing and showing events go on from this console's copy while the team log is away.
    const bool readsEvents = sub == QLatin1String("list") || sub == QLatin1String("show");
    auto opened =
        readsEvents ? StoreAccess::openForReading(ctx.value(), io) : StoreAccess::openAny(ctx.value());
    if (!opened.ok())
        return fail(io, opened.error(), json);
    EvidenceStore &store = *opened.value();
    auto *local = dynamic_cast<SqliteEvidenceStore *>(&store);
    if (sub == QLatin1String("consistency")) {
        QTemporaryDir spool;
        auto input = FileUtil::spoolInput(pos.at(2), spool.path(), 1 << 20);
        if (!input.ok())
            return fail(io, input.error(), json);
        auto earlier = SqliteEvidenceStore::readCheckpointFile(input.value());
        if (!earlier.ok())
            return fail(io, FileUtil::spooledNamed(earlier.error(), pos.at(2), input.value()), json);
        // The proof reads the stored hashes: they are recomputed from the events first.
        auto verified = store.verify({false, false, {}}, terminalProgress(io, "verifying", false));
        if (!verified.ok())
            return fail(io, verified.error(), json);
        Result<QString> problem =
            verified->intact
                ? store.checkExtends(earlier.value())
                : Result<QString>(
                      QStringLiteral("the store itself does not verify: %1").arg(verified->reason));
        if (!problem.ok())
            return fail(io, problem.error(), json);
        auto latest = store.latestCheckpoint();
        if (problem->isEmpty() && parser.isSet(proofOut)) {
            auto proof = store.consistencyProof(earlier->size, latest.ok() ? latest->size : 0);
            if (!proof.ok())
                return fail(io, proof.error(), json);
            QByteArray lines;
            for (const QByteArray &h : proof.value())
                lines += h.toBase64() + '\n';
            if (auto r = FileUtil::writePrivateAtomic(parser.value(proofOut), lines); !r.ok())
                return fail(io, r.error(), json);
        }
        if (json) {
            JsonValue o = JsonValue::object();
            o["consistent"] = problem->isEmpty();
            o["old_size"] = static_cast<qint64>(earlier->size);
            o["new_size"] = latest.ok() ? JsonValue(static_cast<qint64>(latest->size)) : JsonValue(nullptr);
            o["reason"] = problem.value();
            printJson(io, o);
        } else if (problem->isEmpty()) {
            io.out << "consistent: the store's checkpoint of " << (latest.ok() ? latest->size : 0)
                   << " events extends the checkpoint of " << earlier->size << " events signed by "
                   << earlier->signer << '\n';
        } else {
            io.out << "INCONSISTENT: " << problem.value() << '\n';
        }
        return problem->isEmpty() ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    if (sub == QLatin1String("witness")) {
        auto *team = dynamic_cast<PgEvidenceStore *>(&store);
        if (!team)
            return usageError(
                io, QStringLiteral("evidence witness is for the team log (--store postgresql://… or "
                                   "store.url); a local store's checkpoints are cosigned with "
                                   "evidence cosign"));
        auto signer = StoreAccess::unlock(ctx.value(), store, io);
        if (!signer.ok())
            return fail(io, signer.error(), json);
        auto w = TeamWitness::witness(*team, signer.value(), Startup::stateDirectory(), Time::nowMs());
        if (!w.ok())
            return fail(io, w.error(), json);
        if (w->checkpoint.size > 0) // the copy to read and act from while the server is away
            StoreAccess::keepCopy(*team, w->checkpoint, signer.value(), io, ctx->storePath);
        if (json) {
            JsonValue o = JsonValue::object();
            o["size"] = static_cast<qint64>(w->checkpoint.size);
            o["signer"] = w->checkpoint.signer;
            o["cosigned"] = w->cosigned;
            o["first_sight"] = w->firstSight;
            JsonValue names = JsonValue::array();
            for (const QString &n : w->witnesses)
                names.push(n);
            o["witnesses"] = names;
            o["quorum"] = w->quorum;
            o["witnessed"] = w->witnessed();
            printJson(io, o);
        } else if (w->checkpoint.size == 0) {
            io.out << "the team log is empty: nothing to witness\n";
        } else {
            io.out << (w->cosigned ? "cosigned" : "checked (signed by this identity)") << " checkpoint "
                   << w->checkpoint.size << " signed by " << w->checkpoint.signer << "; witnesses: "
                   << (w->witnesses.isEmpty() ? QStringLiteral("none")
                                              : w->witnesses.join(QStringLiteral(", ")))
                   << " (" << (w->witnessed() ? "witnessed" : "not yet witnessed") << ", quorum "
                   << qMax(1, w->quorum) << ")\n";
        }
        return 0;
    }
    if (sub == QLatin1String("checkpoint") || sub == QLatin1String("prove") || sub == QLatin1String("cosign"))
        return runNoteVerb(sub, pos.value(2), parser.value(out), ctx.value(), store, io, json);
    if (sub == QLatin1String("verify")) {
        VerifyOptions options{parser.isSet(signatures), true, {}};
        options.nowMs = Time::nowMs(); // times ahead of this machine's clock are named
        static const QRegularExpression fp(QStringLiteral("^SHA256:[0-9a-f]{64}\\z"));
        for (const QString &p : parser.values(pin)) {
            if (!fp.match(p).hasMatch())
                return usageError(
                    io, QStringLiteral("--pin takes a key fingerprint (SHA256:<64 hex>), got '%1'").arg(p));
            options.pins << p;
        }
        auto report = store.verify(options, terminalProgress(io, "verifying", false));
        if (::isatty(STDERR_FILENO))
            io.err << '\n';
        if (!report.ok())
            return fail(io, report.error(), json);
        const VerifyReport &r = report.value();
        if (json) {
            JsonValue o = JsonValue::object();
            o["intact"] = r.intact;
            o["events"] = static_cast<qint64>(r.events);
            o["checkpoints"] = static_cast<qint64>(r.checkpoints);
            o["signatures_checked"] = static_cast<qint64>(r.signaturesChecked);
            o["first_bad_seq"] =
                r.firstBadSeq ? JsonValue(static_cast<qint64>(*r.firstBadSeq)) : JsonValue(nullptr);
            o["reason"] = r.reason;
            o["trust_pinned"] = r.trustPinned;
            if (r.witnessing) {
                JsonValue w = JsonValue::object();
                w["quorum"] = r.witnessQuorum;
                w["witnessed_size"] =
                    r.witnessedSize ? JsonValue(static_cast<qint64>(r.witnessedSize)) : JsonValue(nullptr);
                JsonValue names = JsonValue::array();
                for (const QString &n : r.witnesses)
                    names.push(n);
                w["witnesses"] = names;
                o["witnesses"] = w;
            }
            JsonValue notes = JsonValue::array();
            for (const QString &n : r.notes)
                notes.push(n);
            o["notes"] = notes;
            printJson(io, o);
        } else if (r.intact) {
            io.out << "intact: " << r.events << " events, " << r.checkpoints << " signed checkpoints"
                   << (parser.isSet(signatures)
                           ? QStringLiteral(", %1 event signatures").arg(r.signaturesChecked)
                           : QString())
                   << '\n';
            if (r.witnessing)
                io.out << (r.witnessedSize
                               ? QStringLiteral("witnessed: checkpoint %1 cosigned by %2 (quorum %3)\n")
                                     .arg(r.witnessedSize)
                                     .arg(r.witnesses.join(QStringLiteral(", ")))
                                     .arg(qMax(1, r.witnessQuorum))
                               : QStringLiteral("NOT witnessed: no checkpoint has %1 cosignature(s) of other "
                                                "consoles yet\n")
                                     .arg(qMax(1, r.witnessQuorum)));
            for (const QString &n : r.notes)
                io.out << "note: " << n << '\n';
        } else {
            io.out << "TAMPERED: " << r.reason << '\n';
            if (r.firstBadSeq)
                io.out << "first bad event: " << *r.firstBadSeq << '\n';
            for (const QString &n : r.notes)
                io.out << "note: " << n << '\n';
        }
        return r.intact ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    if (sub == QLatin1String("list")) {
        // --kind names one kind, or a family with a trailing '*' or '.'.
        const QString k = parser.value(kind);
        const bool family = k.endsWith(QLatin1Char('*')) || k.endsWith(QLatin1Char('.'));
        const QString kindExact = family ? QString() : k;
        const QString kindFamily = !family ? QString() : k.endsWith(QLatin1Char('*')) ? k.chopped(1) : k;
        QList<StoredEvent> events;
        if (!local) {
            // The team log is listed through the store's own filtered query, oldest first: kind,
            // scope, actor and --search as a plain substring of the event's bytes. The local file's
            // full-text syntax, --incident, --since and --format read the file's own indexes.
            for (const QCommandLineOption *localOnly : {&incident, &since, &format})
                if (parser.isSet(*localOnly))
                    return usageError(
                        io, QStringLiteral("evidence list --%1 reads a local store's indexes; on the team "
                                           "log use --kind, --scope, --actor, --search and --limit")
                                .arg(localOnly->names().constFirst()));
            EventFilter q;
            q.kind = kindExact;
            q.kindPrefix = kindFamily;
            q.scope = parser.value(scope);
            q.actor = parser.value(actor);
            q.text = parser.value(search);
            q.limit = max;
            auto found = store.query(q);
            if (!found.ok())
                return fail(io, found.error(), json);
            events = std::move(found).value();
        } else {
            // The same indexed, key-paged search the Evidence panel runs; oldest first.
            EventSearch f;
            f.kind = kindExact;
            f.kindPrefix = kindFamily;
            f.scope = parser.value(scope);
            f.actor = parser.value(actor);
            f.text = parser.value(search);
            f.ref = parser.value(incident);
            if (parser.isSet(since)) {
                f.fromMs = Time::parseIso(parser.value(since));
                if (!f.fromMs)
                    return usageError(
                        io, QStringLiteral("--since must be a UTC ISO-8601 time like 2026-11-23T05:00:00Z"));
            }
            f.descending = false;
            // A bulk import leaves the search indexes to catch up: done here before searching them.
            if (auto backlog = local->searchBacklog();
                backlog.ok() && backlog.value() > 0 && (!f.text.isEmpty() || !f.ref.isEmpty())) {
                io.err << "indexing " << backlog.value() << " imported events for search…\n";
                io.err.flush();
                for (auto left = backlog; left.ok() && left.value() > 0;)
                    left = local->indexForSearch(50000);
            }
            if (auto checked = local->checkSearchText(f.text); !checked.ok())
                return fail(io, checked.error(), json);
            if (parser.isSet(format)) {
                const auto fmt = EventExport::formatFromName(parser.value(format));
                if (!fmt)
                    return usageError(io, QStringLiteral("--format must be csv or json"));
                QBuffer buffer;
                buffer.open(QIODevice::WriteOnly);
                auto written =
                    EventExport::write(*local, f, *fmt, buffer, parser.isSet(limit) ? quint64(max) : 0);
                if (!written.ok())
                    return fail(io, written.error(), json);
                io.out << QString::fromUtf8(buffer.data());
                return 0;
            }
            auto page = local->searchPage(f, std::nullopt, max);
            if (!page.ok())
                return fail(io, page.error(), json);
            for (quint64 seq : page->seqs) {
                auto e = store.event(seq);
                if (!e.ok())
                    return fail(io, e.error(), json);
                events << e.value();
            }
        }
        if (json) {
            JsonValue list = JsonValue::array();
            for (const StoredEvent &e : events)
                list.push(eventJson(e));
            printJson(io, list);
        } else {
            for (const StoredEvent &e : events)
                io.out << summaryLine(e) << '\n';
        }
        return 0;
    }
    if (sub == QLatin1String("show")) {
        bool ok = false;
        const quint64 seq = pos.at(2).toULongLong(&ok);
        if (!ok || seq == 0)
            return usageError(io, QStringLiteral("SEQ must be a positive number"));
        auto e = store.event(seq);
        if (!e.ok())
            return fail(io, e.error(), json);
        if (parser.isSet(raw)) {
            return writeRaw(io, QByteArray::fromStdString(e->canonical));
        }
        auto cp = store.latestCheckpoint();
        if (!cp.ok())
            return fail(io, cp.error(), json);
        auto proof = store.inclusionProof(seq, cp->size);
        const bool included = proof.ok() && crypto::merkle::verifyInclusion(proof->leafHash, seq - 1,
                                                                            cp->size, proof->path, cp->root);
        QString signature = QStringLiteral("covered by batch checkpoint");
        if (e->signedByActor) {
            auto reg = store.registry();
            auto key = crypto::PublicKey::fromPem(reg.ok() ? reg->eventKey(e.value()) : QByteArray());
            const SignedForm form =
                key.ok() ? verifiedForm(key.value(), store.storeId(), e.value()) : SignedForm::None;
            signature = form != SignedForm::None
                            ? QStringLiteral("valid (%1, %2, %3)")
                                  .arg(e->actor, key->fingerprint(), signedFormName(form))
                            : QStringLiteral("INVALID");
        }
        if (json) {
            JsonValue o = eventJson(e.value());
            o["canonical"] = e->canonical;
            o["signature"] = signature;
            JsonValue p = JsonValue::object();
            p["tree_size"] = static_cast<qint64>(cp->size);
            p["root"] = cp->root.toHex().toStdString();
            p["verified"] = included;
            JsonValue path = JsonValue::array();
            if (proof.ok())
                for (const QByteArray &h : proof->path)
                    path.push(h.toHex().toStdString());
            p["path"] = path;
            o["inclusion_proof"] = p;
            printJson(io, o);
        } else {
            io.out << "seq        " << e->seq << "\nid         " << e->uuid << "\ntime       "
                   << Time::toIso(e->tsMs) << "\nactor      " << e->actor << "\nkind       " << e->kind
                   << "\nscope      " << e->scope << "\nleaf hash  " << e->leafHash.toHex() << "\nsignature  "
                   << signature << "\ninclusion  "
                   << (included ? QStringLiteral("verified against checkpoint %1 (root %2)")
                                      .arg(cp->size)
                                      .arg(QString::fromLatin1(cp->root.toHex()))
                                : QStringLiteral("NOT VERIFIED"))
                   << "\npayload\n"
                   << QString::fromStdString(CanonicalJson::pretty(e->payload())) << '\n';
        }
        return included ? 0 : static_cast<int>(ErrorCode::Negative);
    }
    if (sub == QLatin1String("export")) {
        auto exporter = StoreAccess::unlock(ctx.value(), store, io);
        if (!exporter.ok())
            return fail(io, exporter.error(), json);
        Bundle::ExportFilter filter;
        filter.incident = parser.value(incident);
        filter.scope = parser.value(scope);
        if (parser.isSet(since)) {
            filter.sinceMs = Time::parseIso(parser.value(since));
            if (!filter.sinceMs)
                return usageError(
                    io, QStringLiteral("--since must be a UTC ISO-8601 time like 2026-11-23T05:00:00Z"));
        }
        auto summary = Bundle::exportBundle(store, pos.at(2), filter, exporter.value());
        if (!summary.ok())
            return fail(io, summary.error(), json);
        if (json) {
            JsonValue o = JsonValue::object();
            o["file"] = pos.at(2);
            o["events"] = static_cast<qint64>(summary->events);
            o["tree_size"] = static_cast<qint64>(summary->treeSize);
            o["root"] = summary->root.toHex().toStdString();
            o["blobs"] = static_cast<qint64>(summary->blobs);
            printJson(io, o);
        } else {
            io.out << "exported " << summary->events << " events with inclusion proofs against checkpoint "
                   << summary->treeSize << " to " << pos.at(2) << '\n';
        }
        return 0;
    }
    if (sub == QLatin1String("backup")) {
        if (auto r = store.backup(pos.at(2)); !r.ok())
            return fail(io, r.error(), json);
        if (json) {
            JsonValue o = JsonValue::object();
            o["backup"] = pos.at(2);
            o["checkpoint"] = QString(pos.at(2) + QStringLiteral(".checkpoint"));
            printJson(io, o);
        } else {
            io.out << "backup written to " << pos.at(2) << '\n';
        }
        return 0;
    }

    // import and attach write evidence: they need the acting identity's key.
    auto signer = StoreAccess::unlock(ctx.value(), store, io);
    if (!signer.ok())
        return fail(io, signer.error(), json);
    if (sub == QLatin1String("import")) {
        auto n = store.importJsonl(signer.value(), pos.at(2), terminalProgress(io, "importing", true));
        if (::isatty(STDERR_FILENO))
            io.err << '\n';
        if (!n.ok())
            return fail(io, n.error(), json);
        auto cp = store.latestCheckpoint();
        if (json) {
            JsonValue o = JsonValue::object();
            o["imported"] = static_cast<qint64>(n.value());
            o["tree_size"] = static_cast<qint64>(cp.ok() ? cp->size : 0);
            o["root"] = cp.ok() ? cp->root.toHex().toStdString() : std::string();
            printJson(io, o);
        } else {
            io.out << "imported " << n.value() << " events; checkpoint " << (cp.ok() ? cp->size : 0)
                   << " signed by " << signer->name << '\n';
        }
        return 0;
    }
    // attach ("-": standard input)
    auto read = FileUtil::readAll(pos.at(2), 256 * 1024 * 1024);
    if (!read.ok())
        return fail(io, read.error(), json);
    const QByteArray bytes = read.value();
    const QString attachedName =
        FileUtil::isStdin(pos.at(2)) ? QStringLiteral("stdin") : QFileInfo(pos.at(2)).fileName();
    const QString type = parser.isSet(mediaType)
                             ? parser.value(mediaType)
                             : QMimeDatabase().mimeTypeForFileNameAndData(pos.at(2), bytes).name();
    auto e = store.attach(signer.value(), attachedName, bytes, type, parser.value(scope));
    if (!e.ok())
        return fail(io, e.error(), json);
    if (json) {
        JsonValue o = eventJson(e.value());
        printJson(io, o);
    } else {
        io.out << "attached " << attachedName << " as event " << e->seq << " sha256 "
               << e->payload().stringAt("sha256") << '\n';
    }
    return 0;
}

} // namespace ops::cli

namespace ops::cli {

int EvidenceCommand::runNoteVerb(const QString &sub, const QString &arg, const QString &outPath,
                                 const StartupContext &ctx, EvidenceStore &store, CliIo &io, bool json) {
    auto latest = store.latestCheckpoint();
    if (!latest.ok())
        return fail(io, latest.error(), json);
    if (!latest->isNote())
        return fail(
            io,
            makeError(ErrorCode::InvalidInput,
                      QStringLiteral("the latest checkpoint predates signed notes (size %1); the next "
                                     "recorded event is sealed by one")
                          .arg(latest->size)),
            json);
    if (sub == QLatin1String("checkpoint")) {
        JsonValue fields = JsonValue::object();
        fields["tree_size"] = static_cast<qint64>(latest->size);
        fields["root"] = latest->root.toHex().toStdString();
        if (auto r = emitDocument(io, outPath, QByteArray::fromStdString(latest->noteText()), json, "note",
                                  fields);
            !r.ok())
            return fail(io, r.error(), json);
        return 0;
    }
    if (sub == QLatin1String("prove")) {
        bool ok = false;
        const quint64 seq = arg.toULongLong(&ok);
        if (!ok || seq == 0)
            return usageError(io, QStringLiteral("SEQ must be a positive number"));
        if (seq > latest->size)
            return fail(io,
                        makeError(ErrorCode::InvalidInput,
                                  QStringLiteral("event %1 is not covered by the latest checkpoint (size %2)")
                                      .arg(seq)
                                      .arg(latest->size)),
                        json);
        auto proof = store.inclusionProof(seq, latest->size);
        if (!proof.ok())
            return fail(io, proof.error(), json);
        auto event = store.event(seq);
        if (!event.ok())
            return fail(io, event.error(), json);
        // Only a proof that checks is handed out: the stored hashes are re-derived from the event.
        if (crypto::merkle::leafHash(QByteArray::fromStdString(event->canonical)) != proof->leafHash ||
            !crypto::merkle::verifyInclusion(proof->leafHash, seq - 1, latest->size, proof->path,
                                             latest->root))
            return fail(
                io,
                makeError(ErrorCode::Negative,
                          QStringLiteral("event %1 does not prove against checkpoint %2: run evidence "
                                         "verify")
                              .arg(seq)
                              .arg(latest->size)),
                json);
        crypto::note::TlogProof p;
        p.index = seq - 1;
        p.path = proof->path;
        p.checkpoint = latest->noteText();
        JsonValue fields = JsonValue::object();
        fields["seq"] = static_cast<qint64>(seq);
        fields["tree_size"] = static_cast<qint64>(latest->size);
        if (auto r = emitDocument(io, outPath, QByteArray::fromStdString(crypto::note::formatTlogProof(p)),
                                  json, "tlog_proof", fields);
            !r.ok())
            return fail(io, r.error(), json);
        return 0;
    }
    // cosign: the identity checks the note, that the store extends it, and that it extends the last
    // checkpoint the identity cosigned for this log; then adds its cosignature/v1 line.
    auto text = FileUtil::readAll(arg, crypto::note::kMaxNoteBytes);
    if (!text.ok())
        return fail(io, text.error(), json);
    auto signer = StoreAccess::unlock(ctx, store, io);
    if (!signer.ok())
        return fail(io, signer.error(), json);
    auto cosigned = Witness::cosign(
        store, signer.value(), text->toStdString(),
        Witness::memoryPath(Startup::stateDirectory(), signer->name, store.storeId()), Time::nowMs());
    if (!cosigned.ok()) {
        Error e = cosigned.error();
        if (e.where.isEmpty())
            e.where = arg;
        return fail(io, e, json);
    }
    JsonValue fields = JsonValue::object();
    fields["cosigner"] = signer->name;
    if (auto r = emitDocument(io, outPath, QByteArray::fromStdString(cosigned.value()), json, "note", fields);
        !r.ok())
        return fail(io, r.error(), json);
    return 0;
}

int EvidenceCommand::runMigrate(const QString &url, const QString &appRole, const StartupContext &ctx,
                                CliIo &io, bool json) {
    if (StoreAccess::isTeamLog(ctx))
        return usageError(io, QStringLiteral("evidence migrate moves a local store: --store names the file, "
                                             "--to the team log"));
    if (!pg::isPostgresUrl(url))
        return usageError(io, QStringLiteral("evidence migrate: --to takes a postgresql:// URL, got '%1'")
                                  .arg(pg::redactedUrl(url)));
    if (auto r = Startup::checkTeamLogUrl(url, ctx.environment); !r.ok())
        return fail(io, r.error(), json);
    StoreOpenOptions readOnly = StoreAccess::options(ctx);
    readOnly.readOnly = true;
    auto source = SqliteEvidenceStore::open(ctx.storePath, readOnly);
    if (!source.ok())
        return fail(io, source.error(), json);
    // Only a store that verifies moves: every byte, signature and checkpoint checked first.
    auto before = source.value()->verify({true, false, {}}, terminalProgress(io, "verifying", false));
    if (!before.ok())
        return fail(io, before.error(), json);
    if (!before->intact)
        return fail(
            io,
            makeError(
                ErrorCode::Negative,
                QStringLiteral("the local store does not verify (%1): nothing was moved").arg(before->reason),
                ctx.storePath),
            json);
    auto latest = source.value()->latestCheckpoint();
    if (!latest.ok())
        return fail(io, latest.error(), json);
    StoreOpenOptions o = StoreAccess::options(ctx);
    o.create = true;
    auto team = PgEvidenceStore::open(url, o, appRole);
    if (!team.ok())
        return fail(io, team.error(), json);
    auto moved = team.value()->adopt(*source.value(), terminalProgress(io, "copying", false));
    if (!moved.ok())
        return fail(io, moved.error(), json);
    // The team log verifies on its own, and ends at the same root as the file.
    auto after = team.value()->verify({true, false, {}}, terminalProgress(io, "verifying", false));
    if (!after.ok())
        return fail(io, after.error(), json);
    auto teamLatest = team.value()->latestCheckpoint();
    // The root of the copied snapshot is the team log's latest signed root (the file may have
    // grown since it was verified; the copy is of one read snapshot, verified again above).
    const bool sameRoot = teamLatest.ok() && teamLatest->size == moved->events &&
                          teamLatest->root == moved->root &&
                          (latest->size != moved->events || latest->root == moved->root);
    const bool ok = after->intact && sameRoot;
    if (json) {
        JsonValue o2 = JsonValue::object();
        o2["migrated"] = ok;
        o2["events"] = static_cast<qint64>(moved->events);
        o2["checkpoints"] = static_cast<qint64>(moved->checkpoints);
        o2["blobs"] = static_cast<qint64>(moved->blobs);
        o2["root"] = QString::fromLatin1(moved->root.toBase64());
        o2["store_id"] = team.value()->storeId();
        o2["to"] = team.value()->label();
        o2["reason"] =
            after->intact ? (sameRoot ? QString() : QStringLiteral("the roots differ")) : after->reason;
        if (!moved->indexNote.isEmpty())
            o2["index_note"] = moved->indexNote;
        printJson(io, o2);
    } else if (ok) {
        io.out << "migrated " << moved->events << " events, " << moved->checkpoints << " checkpoints and "
               << moved->blobs << " blobs to " << team.value()->label() << "; root "
               << QString::fromLatin1(moved->root.toBase64()) << " (the same as the local store's); the "
               << "local file is unchanged\n";
        if (!moved->indexNote.isEmpty())
            io.err << "opsconsole-cli: warning: the search indexes are not complete yet: " << moved->indexNote
                   << '\n';
    } else {
        io.out << "FAIL the team log does not verify after the move: "
               << (after->intact ? QStringLiteral("the roots differ") : after->reason) << '\n';
    }
    return ok ? 0 : static_cast<int>(ErrorCode::Negative);
}

} // namespace ops::cli
