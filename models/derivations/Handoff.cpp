#include "Handoff.h"

#include "DerivationEvents.h"

#include "core/CanonicalJson.h"
#include "core/Tar.h"
#include "crypto/Sha256.h"
#include "store/SqliteEvidenceStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <memory>

namespace ops::Handoff {

using derivationevents::stringsJson;

namespace {

const char *kVerifyMd = R"MD(# Verifying this handoff package

Everything here can be checked without opsconsole, with `sha256sum` and `openssl` (3.x):

1. `manifest.json` lists every other file with its SHA-256. Check the manifest's signature by the
   exporter (named in `manifest.json` as `exported_by`, key in `keys/<name>.pem`):

       openssl pkeyutl -verify -pubin -inkey keys/EXPORTER.pem -rawin \
           -in manifest.json -sigfile manifest.sig

   Compare the key's fingerprint (`exported_by_key`, SHA-256 of the raw 32-byte key) with the one
   you expect.
2. Check every digest listed in `manifest.json` (`sha256sum FILE`).
3. Each signed record has `signatures/<id>.statement` (canonical JSON naming the record's
   SHA-256, its git_sha and input hashes) and `signatures/<id>.sig` (raw Ed25519):

       sha256sum records/ID.json        # equals record_sha256 in the statement
       openssl pkeyutl -verify -pubin -inkey keys/REVIEWER.pem -rawin \
           -in signatures/ID.statement -sigfile signatures/ID.sig

`opsconsole-cli handoff verify PACKAGE` does all of this and names every failure.
)MD";

QByteArray bytesOf(const std::string &s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QString mdEscape(QString text) {
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QByteArray handoffMarkdown(const HandoffStatus &st, const DerivationBook &book, const QString &exporter,
                           qint64 nowMs, const QStringList &stories, bool draft, const QString &locker) {
    QString md;
    md += QStringLiteral("# S03 handoff package%1\n\n")
              .arg(draft ? QStringLiteral(" — DRAFT (incomplete)") : QString());
    md += QStringLiteral("- Story: %1\n- Exported by %2 at %3\n- S03 locker: %4\n- Complete (handoff "
                         "checklist): **%5**\n\n")
              .arg(stories.isEmpty() ? QStringLiteral("(none)") : stories.join(QStringLiteral(", ")),
                   exporter, Time::toIso(nowMs), locker.isEmpty() ? QStringLiteral("(not named)") : locker,
                   st.complete ? QStringLiteral("yes") : QStringLiteral("no"));
    md += QStringLiteral("## Checklist (§12, §14)\n\n");
    for (const HandoffCriterion &c : st.criteria)
        md += QStringLiteral("- [%1] %2 — %3\n")
                  .arg(c.ok ? QStringLiteral("x") : QStringLiteral(" "), c.title, mdEscape(c.detail));
    md += QStringLiteral("\n## Unlocked charter values\n\n| Value | State | Detail |\n|---|---|---|\n");
    for (const CharterValue &v : st.values)
        md += QStringLiteral("| %1 | %2 | %3 |\n").arg(mdEscape(v.name), v.state, mdEscape(v.detail));
    md += QStringLiteral("\n## Eligible for S03 lock (Tier A/B, signed)\n\n");
    if (st.eligible.isEmpty())
        md += QStringLiteral("(none)\n");
    for (const RecordState *r : st.eligible)
        md += QStringLiteral("- %1 = %2 %3 (%4, tier %5)\n")
                  .arg(r->record.valueName(), mdEscape(r->record.text("value")),
                       mdEscape(r->record.text("units")), r->record.id, r->record.costTier());
    md += QStringLiteral("\n## Blocking S03 (Tier C, INFEASIBLE, unsigned)\n\n");
    if (st.blocking.isEmpty())
        md += QStringLiteral("(none)\n");
    for (const auto &[r, why] : st.blocking)
        md += QStringLiteral("- %1 (%2): %3\n").arg(r->record.valueName(), r->record.id, mdEscape(why));
    md += QStringLiteral("\n## Records and reviewer status\n\n| Record | Type | Tier | Lockability | Review "
                         "| Signed by | Risk-owner note |\n|---|---|---|---|---|---|---|\n");
    for (const RecordState *r : st.included) {
        const ReviewEntry *rv = r->lastReview();
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                  .arg(r->record.id,
                       r->record.isInfeasible() ? QStringLiteral("INFEASIBLE (%1)").arg(r->record.reason())
                                                : QStringLiteral("derivation"),
                       r->record.isInfeasible() ? QStringLiteral("—") : r->record.costTier(),
                       r->record.lockability(),
                       rv ? QStringLiteral("%1 by %2")
                                .arg(rv->accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"),
                                     rv->actor)
                          : QStringLiteral("pending"),
                       r->signature ? r->signature->signer : QStringLiteral("—"),
                       r->riskNotes.isEmpty() ? QStringLiteral("—")
                                              : mdEscape(r->riskNotes.last().text) + QStringLiteral(" (") +
                                                    r->riskNotes.last().actor + QLatin1Char(')'));
    }
    md += QStringLiteral("\n## Threats to validity (unresolved)\n\n");
    const std::optional<QStringList> threats = book.threats();
    if (!threats)
        md += QStringLiteral("Not recorded.\n");
    else if (threats->isEmpty())
        md += QStringLiteral("None, per %1.\n").arg(book.threatsActor());
    else
        for (const QString &t : *threats)
            md += QStringLiteral("- %1\n").arg(mdEscape(t));
    md += QStringLiteral("\n## Analysis-only attestation\n\n");
    if (const auto att = book.attestation())
        md += QStringLiteral("%1 %2 at %3: %4\n")
                  .arg(att->forbiddenRun ? QStringLiteral("**FAILED** — reported by")
                                         : QStringLiteral("Attested by"),
                       att->actor, Time::toIso(att->tsMs), mdEscape(att->statement));
    else
        md += QStringLiteral("Not attested.\n");
    if (!st.notifications.isEmpty()) {
        md += QStringLiteral("\n## S03 notifications owed\n\n");
        for (const QString &n : st.notifications)
            md += QStringLiteral("- %1\n").arg(n);
    }
    md += QStringLiteral(
        "\nRole separation (§12): the S02 analyst, the S03 locker and the S04 launcher are different "
        "identities. Never infer trading or deployment authority from S02 (§15).\n\nSee VERIFY.md.\n");
    return md.toUtf8();
}

} // namespace

Result<ExportSummary> exportPackage(EvidenceStore &store, DerivationActions &actions, const QString &outPath,
                                    const ExportOptions &options) {
    const Signer &exporter = actions.signer();
    if (QFileInfo::exists(outPath))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 exists; a package is never overwritten").arg(outPath), outPath);
    if (const std::optional<Error> no = actions.refusalOf(DerivationActions::Action::Export))
        return actions.deny(DerivationActions::Action::Export, {}, *no);
    auto book = DerivationBook::load(store);
    if (!book.ok())
        return book.error();
    const HandoffStatus st = computeHandoffStatus(book.value());

    auto refuse = [&](const QString &why) -> Error {
        Error e = actions.deny(DerivationActions::Action::Export, {}, why);
        if (e.code == ErrorCode::Policy)
            e.where.clear();
        return e;
    };
    if (!st.complete && !options.draft)
        return refuse(QStringLiteral("the handoff package is incomplete (%1); export a draft with --draft")
                          .arg(st.missing().join(QStringLiteral("; "))));
    if (!options.locker.isEmpty()) {
        auto locker = store.identity(options.locker);
        if (!locker.ok())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("no identity '%1'").arg(options.locker),
                             QStringLiteral("--locker"));
        if (!locker->approved() || !locker->roles.contains(QStringLiteral("locker")))
            return refuse(QStringLiteral("%1 does not hold the locker role").arg(options.locker));
        for (const RecordState *r : st.included) {
            const bool analyst = r->importer.compare(options.locker, Qt::CaseInsensitive) == 0 ||
                                 r->record.author().compare(options.locker, Qt::CaseInsensitive) == 0;
            if (analyst)
                return refuse(QStringLiteral("%1 is the S02 analyst of %2 and cannot be the S03 locker (§12)")
                                  .arg(options.locker, r->record.id));
        }
        if (options.locker.compare(exporter.name, Qt::CaseInsensitive) == 0)
            return refuse(QStringLiteral("the reviewer exporting the package cannot be its S03 locker"));
    }

    const qint64 now = actions.clock()();
    auto cp = store.latestCheckpoint();
    if (!cp.ok())
        return cp.error();

    QList<std::pair<QString, QByteArray>> files;
    QSet<QString> keyNames{exporter.name};
    QStringList stories, recordIds;
    JsonValue recordsJson = JsonValue::array();
    int signatures = 0;
    for (const RecordState *r : st.included) {
        if (!r->record.story().isEmpty() && !stories.contains(r->record.story()))
            stories << r->record.story();
        recordIds << r->record.id;
        JsonValue rj = r->toJson();
        if (r->signature) {
            rj["signature"]["statement"] = QStringLiteral("signatures/%1.statement").arg(r->record.id);
            rj["signature"]["signature"] = QStringLiteral("signatures/%1.sig").arg(r->record.id);
        }
        recordsJson.push(rj);
        files.push_back(
            {QStringLiteral("records/%1.json").arg(r->record.id), bytesOf(r->record.canonical())});
        if (r->signature) {
            files.push_back({QStringLiteral("signatures/%1.statement").arg(r->record.id),
                             bytesOf(r->signature->statement)});
            files.push_back({QStringLiteral("signatures/%1.sig").arg(r->record.id), r->signature->signature});
            keyNames.insert(r->signature->signer);
            ++signatures;
        }
    }
    stories.sort();

    JsonValue handoff = st.toJson();
    handoff["type"] = "opsconsole.handoff/1";
    handoff["stories"] = stringsJson(stories);
    handoff["exported_by"] = exporter.name;
    handoff["exported_at"] = Time::toIso(now);
    handoff["draft"] = !st.complete;
    handoff["locker"] = options.locker;
    handoff["records"] = recordsJson;
    handoff["store"] = store.storeId();
    JsonValue checkpoint = JsonValue::object();
    checkpoint["size"] = static_cast<qint64>(cp->size);
    checkpoint["root"] = cp->root.toHex().toStdString();
    handoff["checkpoint"] = checkpoint;
    handoff["threats_to_validity"] = book->threats() ? stringsJson(*book->threats()) : JsonValue(nullptr);
    if (const auto att = book->attestation()) {
        JsonValue a = JsonValue::object();
        a["by"] = att->actor;
        a["at"] = Time::toIso(att->tsMs);
        a["forbidden_run"] = att->forbiddenRun;
        a["statement"] = att->statement;
        handoff["attestation"] = a;
    } else {
        handoff["attestation"] = nullptr;
    }
    files.push_front({QStringLiteral("handoff.json"), bytesOf(CanonicalJson::serialize(handoff))});
    files.push_front({QStringLiteral("HANDOFF.md"), handoffMarkdown(st, book.value(), exporter.name, now,
                                                                    stories, !st.complete, options.locker)});
    files.push_front({QStringLiteral("VERIFY.md"), QByteArray(kVerifyMd)});
    QStringList names(keyNames.begin(), keyNames.end());
    names.sort();
    for (const QString &name : names) {
        auto id = store.identity(name);
        if (!id.ok())
            return id.error();
        files.push_back({QStringLiteral("keys/%1.pem").arg(name), id->publicKeyPem});
    }

    JsonValue manifest = JsonValue::object();
    manifest["type"] = "opsconsole.handoff-manifest/1";
    manifest["exported_by"] = exporter.name;
    manifest["exported_by_key"] = exporter.key.publicKey().fingerprint();
    manifest["exported_at"] = Time::toIso(now);
    JsonValue digests = JsonValue::object();
    for (const auto &[name, data] : files)
        digests[name.toStdString()] = crypto::sha256Hex(data);
    manifest["files"] = digests;
    const QByteArray manifestBytes = bytesOf(CanonicalJson::serialize(manifest));
    const QByteArray manifestSig = exporter.key.sign(manifestBytes);
    if (manifestSig.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("signing the manifest failed"));

    // Written beside the target, then renamed: a failed export leaves nothing behind.
    const QString tmp = outPath + QStringLiteral(".part");
    QFile::remove(tmp);
    {
        tar::Writer w;
        w.setMtime(now / 1000);
        if (auto r = w.open(tmp); !r.ok())
            return r.error();
        for (const auto &[name, data] : files)
            if (auto r = w.add(name, data); !r.ok())
                return r.error();
        if (auto r = w.add(QStringLiteral("manifest.json"), manifestBytes); !r.ok())
            return r.error();
        if (auto r = w.add(QStringLiteral("manifest.sig"), manifestSig); !r.ok())
            return r.error();
        if (auto r = w.close(); !r.ok()) {
            QFile::remove(tmp);
            return r.error();
        }
    }
    auto digest = crypto::sha256File(tmp);
    if (!digest.ok() || !QFile::rename(tmp, outPath)) {
        QFile::remove(tmp);
        return makeError(ErrorCode::Store, QStringLiteral("cannot write the package"), outPath);
    }

    ExportSummary summary;
    summary.sha256 = QString::fromLatin1(digest->toHex());
    summary.records = static_cast<int>(st.included.size());
    summary.signatures = signatures;
    summary.complete = st.complete;
    summary.missing = st.missing();
    for (const auto &[name, data] : files)
        summary.files << name;
    summary.files << QStringLiteral("manifest.json") << QStringLiteral("manifest.sig");

    NewEvent e;
    e.kind = QStringLiteral("handoff.exported");
    e.tsMs = now;
    e.payload["package_sha256"] = summary.sha256;
    e.payload["file"] = QFileInfo(outPath).fileName();
    e.payload["records"] = stringsJson(recordIds);
    e.payload["complete"] = st.complete;
    e.payload["draft"] = !st.complete;
    e.payload["locker"] = options.locker;
    e.payload["missing"] = stringsJson(summary.missing);
    auto stored = store.append(exporter, {e});
    if (!stored.ok())
        return stored.error();
    return summary;
}

// ---- verification ----

QStringList VerifyReport::problems() const {
    return failedCheckLines(checks);
}

JsonValue VerifyReport::toJson() const {
    JsonValue o = JsonValue::object();
    o["valid"] = valid;
    o["checks"] = checksJson(checks);
    o["exported_by"] = exporter;
    o["exported_by_key"] = exporterKey;
    o["records"] = records;
    o["signatures"] = signatures;
    o["complete"] = complete;
    o["draft"] = draft;
    o["network_used"] = false;
    return o;
}

namespace {

// A package as it streamed past: every regular file's SHA-256, and the bytes of those small enough
// to be what a package holds (JSON records, statements, signatures, keys); nothing is extracted.
struct PackageFiles {
    QHash<QString, QByteArray> kept;
    QHash<QString, QString> sha256;
    QStringList problems;
    qint64 entries = 0;
    qint64 bytes = 0;
};

constexpr qint64 kKeptEntryBytes = qint64(16) * 1024 * 1024;  // no record, statement or key is larger
constexpr qint64 kKeptTotalBytes = qint64(128) * 1024 * 1024; // what verification holds at most

tar::ScanLimits packageLimits() {
    tar::ScanLimits limits;
    limits.maxEntries = 100000;
    limits.maxEntryBytes = qint64(64) * 1024 * 1024;
    limits.maxTotalBytes = qint64(512) * 1024 * 1024;
    return limits;
}

// The visitor for tar::scanFile / scanMemory: hashes every file, keeps the small ones.
struct PackageReader {
    PackageFiles files;
    QHash<QString, std::shared_ptr<crypto::Sha256>> hashing;
    QHash<QString, std::shared_ptr<QByteArray>> buffers;
    QSet<QString> truncated;
    qint64 keptBytes = 0;

    tar::EntryVisitor visitor() {
        return [this](const QString &name, qint64) -> tar::ChunkSink {
            ++files.entries;
            auto hash = std::make_shared<crypto::Sha256>();
            hashing.insert(name, hash);
            auto buffer = std::make_shared<QByteArray>();
            buffers.insert(name, buffer);
            return [this, hash, buffer, name](QByteArrayView chunk) {
                hash->add(chunk);
                files.bytes += chunk.size();
                if (buffer->size() + chunk.size() <= kKeptEntryBytes &&
                    keptBytes + chunk.size() <= kKeptTotalBytes) {
                    buffer->append(chunk.data(), chunk.size());
                    keptBytes += chunk.size();
                } else {
                    truncated.insert(name);
                }
            };
        };
    }
    // After the scan: the digests, and the files too large to be part of a package.
    PackageFiles finish() {
        for (auto it = hashing.begin(); it != hashing.end(); ++it)
            files.sha256.insert(it.key(), QString::fromLatin1(it.value()->finish().toHex()));
        for (auto it = buffers.begin(); it != buffers.end(); ++it)
            if (!truncated.contains(it.key()))
                files.kept.insert(it.key(), std::move(*it.value()));
        for (const QString &name : std::as_const(truncated)) {
            files.problems << QStringLiteral("'%1' is larger than any file of a handoff package").arg(name);
        }
        return std::move(files);
    }
};

VerifyReport verifyContents(const PackageFiles &package, const tar::ScanInfo &info,
                            const QString &pinnedKey) {
    VerifyReport rep;
    auto check = [&](const QString &name, const QStringList &problems, const QString &okDetail) {
        rep.checks.push_back(
            {name, problems.isEmpty(), problems.isEmpty() ? okDetail : problems.join(QStringLiteral("; "))});
    };
    const QHash<QString, QByteArray> &files = package.kept;
    QStringList archiveProblems = package.problems;
    for (const QString &n : info.flagged)
        archiveProblems << QStringLiteral("entry %1 was not read").arg(n);
    for (const QString &n : info.duplicates)
        archiveProblems << QStringLiteral("'%1' appears twice").arg(n);
    check(QStringLiteral("archive"), archiveProblems,
          QStringLiteral("%1 entries, %2 bytes, streamed (%3)")
              .arg(package.entries)
              .arg(package.bytes)
              .arg(info.compression));

    // The manifest and its signature.
    QStringList sigProblems;
    JsonValue manifest;
    const QByteArray mBytes = files.value(QStringLiteral("manifest.json"));
    if (!files.contains(QStringLiteral("manifest.json")) || !files.contains(QStringLiteral("manifest.sig"))) {
        sigProblems << QStringLiteral("manifest.json or manifest.sig is missing");
    } else if (auto m = CanonicalJson::parse(mBytes.toStdString());
               !m.ok() || !m->isObject() ||
               m->stringAt("type") != QLatin1String("opsconsole.handoff-manifest/1")) {
        sigProblems << QStringLiteral("manifest.json is not a handoff manifest");
    } else {
        manifest = m.value();
        rep.exporter = manifest.stringAt("exported_by");
        rep.exporterKey = manifest.stringAt("exported_by_key");
        auto key = crypto::PublicKey::fromPem(files.value(QStringLiteral("keys/%1.pem").arg(rep.exporter)));
        if (!key.ok())
            sigProblems << QStringLiteral("no readable key for the exporter '%1'").arg(rep.exporter);
        else if (key->fingerprint() != rep.exporterKey)
            sigProblems
                << QStringLiteral("keys/%1.pem is not the key named in the manifest").arg(rep.exporter);
        else if (!key->verify(mBytes, files.value(QStringLiteral("manifest.sig"))))
            sigProblems << QStringLiteral("manifest.sig does not verify with keys/%1.pem").arg(rep.exporter);
        if (!pinnedKey.isEmpty() && rep.exporterKey != pinnedKey)
            sigProblems
                << QStringLiteral("exported with %1, not the pinned key %2").arg(rep.exporterKey, pinnedKey);
    }
    check(QStringLiteral("manifest signature"), sigProblems,
          QStringLiteral("signed by %1 (%2)").arg(rep.exporter, rep.exporterKey));

    // Every digest, and nothing unlisted.
    QStringList digestProblems;
    const JsonValue *listed = manifest.find("files");
    int listedCount = 0;
    if (listed) {
        for (const auto &[name, digest] : listed->toObject()) {
            ++listedCount;
            const QString n = QString::fromStdString(name);
            if (!package.sha256.contains(n))
                digestProblems << QStringLiteral("%1 is missing").arg(n);
            else if (package.sha256.value(n) != digest.toQString())
                digestProblems << QStringLiteral("%1 does not match its digest").arg(n);
        }
        for (auto it = package.sha256.cbegin(); it != package.sha256.cend(); ++it)
            if (it.key() != QLatin1String("manifest.json") && it.key() != QLatin1String("manifest.sig") &&
                !listed->find(it.key().toStdString()))
                digestProblems << QStringLiteral("%1 is not in the manifest").arg(it.key());
    } else {
        digestProblems << QStringLiteral("no digests to check");
    }
    check(QStringLiteral("digests"), digestProblems, QStringLiteral("%1 files match").arg(listedCount));

    // The records the package names, and their signatures.
    QStringList recordProblems, signatureProblems;
    auto handoff = CanonicalJson::parse(files.value(QStringLiteral("handoff.json")).toStdString());
    if (!handoff.ok() || handoff->stringAt("type") != QLatin1String("opsconsole.handoff/1")) {
        recordProblems << QStringLiteral("handoff.json is missing or unreadable");
    } else {
        rep.complete = handoff->find("complete") && handoff->find("complete")->toBool();
        rep.draft = handoff->find("draft") && handoff->find("draft")->toBool();
        const JsonValue records = handoff->find("records") ? *handoff->find("records") : JsonValue::array();
        for (const JsonValue &r : records.toArray()) {
            ++rep.records;
            const QString id = r.stringAt("id");
            const QString recordName = QStringLiteral("records/%1.json").arg(id);
            if (!files.contains(recordName)) {
                recordProblems << QStringLiteral("%1 is missing").arg(recordName);
                continue;
            }
            const QByteArray recBytes = files.value(recordName);
            const QString recSha = crypto::sha256Hex(recBytes);
            if (recSha != r.stringAt("record_sha256"))
                recordProblems << QStringLiteral("%1 does not hash to its record_sha256").arg(recordName);
            const JsonValue *sig = r.find("signature");
            if (!sig || sig->isNull())
                continue;
            ++rep.signatures;
            const QByteArray statement = files.value(QStringLiteral("signatures/%1.statement").arg(id));
            auto st = CanonicalJson::parse(statement.toStdString());
            if (!st.ok() || st->stringAt("type") != DerivationSignature::type() ||
                st->stringAt("record") != id) {
                signatureProblems << QStringLiteral(
                                         "signatures/%1.statement is missing or not a signature statement")
                                         .arg(id);
                continue;
            }
            if (st->stringAt("record_sha256") != recSha)
                signatureProblems << QStringLiteral(
                                         "%1: the signed statement is for another version of the record")
                                         .arg(id);
            const QString signer = st->stringAt("signer");
            auto key = crypto::PublicKey::fromPem(files.value(QStringLiteral("keys/%1.pem").arg(signer)));
            if (!key.ok())
                signatureProblems << QStringLiteral("%1: no key for the signer '%2'").arg(id, signer);
            else if (key->fingerprint() != st->stringAt("key"))
                signatureProblems
                    << QStringLiteral("%1: keys/%2.pem is not the key that signed").arg(id, signer);
            else if (!key->verify(statement, files.value(QStringLiteral("signatures/%1.sig").arg(id))))
                signatureProblems
                    << QStringLiteral("%1: the signature does not verify with keys/%2.pem").arg(id, signer);
            else if (st->stringAt("record_sha256") == recSha)
                rep.signedRecords << SignedRecord{id, recordName, recSha, signer, key->fingerprint()};
        }
    }
    check(QStringLiteral("records"), recordProblems,
          QStringLiteral("%1 records, each matching its hash").arg(rep.records));
    check(QStringLiteral("signatures"), signatureProblems,
          QStringLiteral("%1 reviewer signatures verify").arg(rep.signatures));
    rep.valid = std::all_of(rep.checks.cbegin(), rep.checks.cend(), [](const Check &c) { return c.ok; });
    return rep;
}

} // namespace

Result<VerifyReport> verifyPackage(const QString &path, const QString &pinnedKey) {
    PackageReader reader;
    auto info = tar::scanFile(path, packageLimits(), reader.visitor());
    if (!info.ok())
        return info.error();
    return verifyContents(reader.finish(), info.value(), pinnedKey);
}

Result<VerifyReport> verifyPackageData(const QByteArray &data, const QString &pinnedKey) {
    PackageReader reader;
    auto info = tar::scanMemory(data, QStringLiteral("(memory)"), packageLimits(), reader.visitor());
    if (!info.ok())
        return info.error();
    return verifyContents(reader.finish(), info.value(), pinnedKey);
}

} // namespace ops::Handoff
