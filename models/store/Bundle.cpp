#include "Bundle.h"

#include "core/CanonicalJson.h"
#include "core/Tar.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryFile>

namespace ops::Bundle {

namespace merkle = crypto::merkle;

namespace {

const char *kVerifyMd = R"MD(# Verifying this evidence bundle

Everything here can be checked without opsconsole, with `openssl`, `sha256sum` and Python 3.

Files:

- `checkpoint.json` — the signed tree head: `{"root","signer","signer_key","size","store","ts"}`
  in canonical JSON (sorted keys, no whitespace); `checkpoint.sig` — raw Ed25519 signature over
  the exact bytes of `checkpoint.json`.
- `keys/<identity>.pem` — public keys (SubjectPublicKeyInfo PEM). `signer_key` is
  `SHA256:` + the SHA-256 of the signer's raw 32-byte public key.
- `events.jsonl` — one event a line, exactly the bytes that were hashed: the leaf hash of an
  event is SHA-256(0x00 ‖ line).
- `proofs.jsonl` — one RFC 9162 inclusion proof per event line, in the same order:
  `{"leaf_hash","leaf_index","path","seq","tree_size"}`.
- `blobs/<sha256>` — attachments named by their SHA-256.
- `export.json` + `export.sig` — what the exporter selected, signed (raw Ed25519) by the exporter:
  the number of events and the SHA-256 of `events.jsonl` and `proofs.jsonl`, so an event
  removed together with its proof is detected. Check `sha256sum events.jsonl proofs.jsonl`
  against it and verify the signature like the checkpoint's.

1. The checkpoint signature:

       openssl pkeyutl -verify -pubin -inkey keys/SIGNER.pem -rawin -in checkpoint.json -sigfile checkpoint.sig

2. Attachments: `cd blobs && for f in *; do echo "$f  $f"; done | sha256sum -c` (each file's name is
   its own digest).

3. Events and proofs: `python3 verify_bundle.py BUNDLE` (the script ships with opsconsole in
   `docs/verify_bundle.py`; it uses only the standard library and the `openssl` command). It
   recomputes every leaf hash, walks every inclusion proof up to the signed root, and checks every
   event signature (an event's signature covers its canonical JSON without the `signature` key).

Pin the signer: compare `signer_key` with the fingerprint you expect
(`opsconsole-cli identity list` on the originating machine), or pass `--pin SHA256:…`.
)MD";

bool selected(const StoredEvent &e, const ExportFilter &f) {
    if (f.sinceMs && e.tsMs < *f.sinceMs)
        return false;
    if (!f.scope.isEmpty() && e.scope != f.scope)
        return false;
    if (!f.incident.isEmpty() && e.payload().stringAt("incident") != f.incident)
        return false;
    if (f.only && !f.only->contains(e.seq))
        return false;
    return true;
}

std::string proofLine(const InclusionProofData &p) {
    JsonValue o = JsonValue::object();
    o["seq"] = static_cast<qint64>(p.seq);
    o["leaf_index"] = static_cast<qint64>(p.seq - 1);
    o["tree_size"] = static_cast<qint64>(p.treeSize);
    o["leaf_hash"] = p.leafHash.toHex().toStdString();
    JsonValue path = JsonValue::array();
    for (const QByteArray &h : p.path)
        path.push(h.toHex().toStdString());
    o["path"] = path;
    return CanonicalJson::serialize(o) + "\n";
}

} // namespace

Result<ExportSummary> exportBundle(const SqliteEvidenceStore &store, const QString &outPath,
                                   const ExportFilter &filter, const Signer &exporter) {
    auto exporterId = store.identity(exporter.name);
    if (!exporterId.ok() || exporterId->fingerprint != exporter.key.publicKey().fingerprint())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' cannot sign an export of this store").arg(exporter.name));
    auto cp = store.latestCheckpoint();
    if (!cp.ok())
        return cp.error();
    QTemporaryFile events, proofs;
    if (!events.open() || !proofs.open())
        return makeError(ErrorCode::Store, QStringLiteral("cannot create temporary files"));
    ExportSummary summary;
    summary.treeSize = cp->size;
    summary.root = cp->root;
    QSet<QString> actors{cp->signer, exporter.name};
    crypto::Sha256 eventsDigest, proofsDigest;
    QSet<QString> blobs;
    for (quint64 from = 1; from <= cp->size;) {
        auto page = store.events(from, 5000);
        if (!page.ok())
            return page.error();
        if (page->isEmpty())
            break;
        for (const StoredEvent &e : page.value()) {
            from = e.seq + 1;
            if (e.seq > cp->size || !selected(e, filter))
                continue;
            auto proof = store.inclusionProof(e.seq, cp->size);
            if (!proof.ok())
                return proof.error();
            const std::string eventLine = e.canonical + "\n";
            events.write(eventLine.data(), static_cast<qint64>(eventLine.size()));
            eventsDigest.add(QByteArrayView(eventLine.data(), static_cast<qsizetype>(eventLine.size())));
            const std::string line = proofLine(proof.value());
            proofs.write(line.data(), static_cast<qint64>(line.size()));
            proofsDigest.add(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
            actors.insert(e.actor);
            if (e.kind == QLatin1String("evidence.attached"))
                blobs.insert(e.payload().stringAt("sha256"));
            ++summary.events;
        }
    }
    JsonValue manifest = JsonValue::object();
    manifest["checkpoint_size"] = static_cast<qint64>(cp->size);
    manifest["events"] = static_cast<qint64>(summary.events);
    manifest["events_sha256"] = eventsDigest.finish().toHex().toStdString();
    manifest["proofs_sha256"] = proofsDigest.finish().toHex().toStdString();
    manifest["exported_by"] = exporter.name;
    manifest["exported_by_key"] = exporter.key.publicKey().fingerprint();
    manifest["store"] = store.storeId();
    JsonValue f = JsonValue::object();
    f["incident"] = filter.incident;
    f["scope"] = filter.scope;
    if (filter.only) {
        f["selected_events"] = static_cast<qint64>(filter.only->size());
        f["selection"] = filter.description;
    }
    f["since"] = filter.sinceMs ? JsonValue(Time::toIso(*filter.sinceMs)) : JsonValue(nullptr);
    manifest["filter"] = f;
    const QByteArray manifestBytes = QByteArray::fromStdString(CanonicalJson::serialize(manifest));
    const QByteArray manifestSig = exporter.key.sign(manifestBytes);

    tar::Writer w;
    w.setMtime(cp->tsMs / 1000);
    if (auto r = w.open(outPath); !r.ok())
        return r.error();
    auto check = [](const Result<void> &r) { return r.ok(); };
    if (!check(w.add(QStringLiteral("VERIFY.md"), QByteArrayView(kVerifyMd))) ||
        !check(w.add(QStringLiteral("checkpoint.json"), QByteArray::fromStdString(cp->canonical))) ||
        !check(w.add(QStringLiteral("checkpoint.sig"), cp->signature)) ||
        !check(w.add(QStringLiteral("export.json"), manifestBytes)) ||
        !check(w.add(QStringLiteral("export.sig"), manifestSig)))
        return makeError(ErrorCode::Store, QStringLiteral("cannot write the bundle"), outPath);
    QStringList names(actors.begin(), actors.end());
    names.sort();
    for (const QString &name : names) {
        auto id = store.identity(name);
        if (!id.ok())
            continue;
        if (auto r = w.add(QStringLiteral("keys/%1.pem").arg(name), id->publicKeyPem); !r.ok())
            return r.error();
        summary.keys << name;
    }
    if (auto r = w.addFile(QStringLiteral("events.jsonl"), events); !r.ok())
        return r.error();
    if (auto r = w.addFile(QStringLiteral("proofs.jsonl"), proofs); !r.ok())
        return r.error();
    QStringList blobList(blobs.begin(), blobs.end());
    blobList.sort();
    for (const QString &sha : blobList) {
        auto data = store.blob(sha);
        if (!data.ok())
            return data.error();
        if (auto r = w.add(QStringLiteral("blobs/") + sha, data.value()); !r.ok())
            return r.error();
        ++summary.blobs;
    }
    if (auto r = w.close(); !r.ok())
        return r.error();
    return summary;
}

namespace {
Result<BundleReport> verifyContents(const tar::Contents &contents, const QString &pinnedKey);
} // namespace

Result<BundleReport> verifyBundle(const QString &path, const QString &pinnedKey) {
    auto contents = tar::readFile(path);
    if (!contents.ok())
        return contents.error();
    return verifyContents(contents.value(), pinnedKey);
}

Result<BundleReport> verifyBundleData(const QByteArray &data, const QString &pinnedKey) {
    auto contents = tar::readMemory(data, QStringLiteral("(memory)"));
    if (!contents.ok())
        return contents.error();
    return verifyContents(contents.value(), pinnedKey);
}

namespace {
Result<BundleReport> verifyContents(const tar::Contents &contents, const QString &pinnedKey) {
    QHash<QString, QByteArray> files;
    BundleReport report;
    for (const QString &name : contents.unsafeNames)
        report.problems << QStringLiteral("unsafe entry name '%1'").arg(name);
    for (const tar::Entry &e : contents.files)
        files.insert(e.name, e.data);

    for (const char *required : {"checkpoint.json", "checkpoint.sig", "events.jsonl", "proofs.jsonl"})
        if (!files.contains(QString::fromLatin1(required)))
            report.problems << QStringLiteral("%1 is missing").arg(QString::fromLatin1(required));
    if (!report.problems.isEmpty())
        return report;

    const QByteArray cpBytes = files.value(QStringLiteral("checkpoint.json"));
    auto cp = Checkpoint::fromCanonical(cpBytes.toStdString(), files.value(QStringLiteral("checkpoint.sig")));
    if (!cp || !CanonicalJson::isCanonical(cpBytes.toStdString())) {
        report.problems << QStringLiteral("checkpoint.json is not a canonical checkpoint");
        return report;
    }
    report.treeSize = cp->size;
    report.root = QString::fromLatin1(cp->root.toHex());
    report.signer = cp->signer;
    report.signerKey = cp->signerKey;

    QHash<QString, crypto::PublicKey> keys;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("keys/")) || !it.key().endsWith(QLatin1String(".pem")))
            continue;
        auto key = crypto::PublicKey::fromPem(it.value());
        if (!key.ok())
            report.problems << QStringLiteral("%1: %2").arg(it.key(), key.error().message);
        else
            keys.insert(it.key().mid(5).chopped(4), key.value());
    }
    const auto signerKey = keys.constFind(cp->signer);
    if (signerKey == keys.cend())
        report.problems << QStringLiteral("no key for the checkpoint signer '%1'").arg(cp->signer);
    else if (signerKey->fingerprint() != cp->signerKey)
        report.problems
            << QStringLiteral("keys/%1.pem is not the key named in the checkpoint").arg(cp->signer);
    else if (!signerKey->verify(cpBytes, cp->signature))
        report.problems << QStringLiteral("checkpoint.sig does not verify with keys/%1.pem").arg(cp->signer);
    if (!pinnedKey.isEmpty() && cp->signerKey != pinnedKey)
        report.problems << QStringLiteral("the checkpoint is signed by %1, not by the pinned key %2")
                               .arg(cp->signerKey, pinnedKey);

    if (!files.contains(QStringLiteral("export.json")) || !files.contains(QStringLiteral("export.sig"))) {
        report.problems << QStringLiteral("export.json is missing: cannot tell whether events were removed");
    } else {
        const QByteArray mBytes = files.value(QStringLiteral("export.json"));
        auto manifest = CanonicalJson::parse(mBytes.toStdString());
        if (!manifest.ok() || !CanonicalJson::isCanonical(mBytes.toStdString())) {
            report.problems << QStringLiteral("export.json is not canonical JSON");
        } else {
            report.exporter = manifest->stringAt("exported_by");
            const auto key = keys.constFind(report.exporter);
            if (key == keys.cend() || key->fingerprint() != manifest->stringAt("exported_by_key") ||
                !key->verify(mBytes, files.value(QStringLiteral("export.sig"))))
                report.problems
                    << QStringLiteral("export.sig does not verify with keys/%1.pem").arg(report.exporter);
            if (manifest->stringAt("events_sha256") !=
                crypto::sha256Hex(files.value(QStringLiteral("events.jsonl"))))
                report.problems << QStringLiteral(
                    "events.jsonl is not the file the exporter signed (events added or removed)");
            if (manifest->stringAt("proofs_sha256") !=
                crypto::sha256Hex(files.value(QStringLiteral("proofs.jsonl"))))
                report.problems << QStringLiteral("proofs.jsonl is not the file the exporter signed");
            const JsonValue *size = manifest->find("checkpoint_size");
            if (!size || static_cast<quint64>(size->toInt()) != cp->size ||
                manifest->stringAt("store") != cp->storeId)
                report.problems << QStringLiteral("export.json names another checkpoint or store");
        }
    }

    QList<QByteArray> eventLines = files.value(QStringLiteral("events.jsonl")).split('\n');
    QList<QByteArray> proofLines = files.value(QStringLiteral("proofs.jsonl")).split('\n');
    if (!eventLines.isEmpty() && eventLines.last().isEmpty())
        eventLines.removeLast();
    if (!proofLines.isEmpty() && proofLines.last().isEmpty())
        proofLines.removeLast();
    if (eventLines.size() != proofLines.size())
        report.problems << QStringLiteral("events.jsonl has %1 lines but proofs.jsonl %2")
                               .arg(eventLines.size())
                               .arg(proofLines.size());
    QSet<QString> referencedBlobs;
    for (qsizetype i = 0; i < qMin(eventLines.size(), proofLines.size()); ++i) {
        const QString where = QStringLiteral("events.jsonl:%1").arg(i + 1);
        const std::string line = eventLines.at(i).toStdString();
        auto event = CanonicalJson::parse(line);
        auto proof = CanonicalJson::parse(proofLines.at(i).toStdString());
        if (!event.ok() || !CanonicalJson::isCanonical(line)) {
            report.problems << where + QStringLiteral(": not a canonical event");
            continue;
        }
        if (!proof.ok()) {
            report.problems << QStringLiteral("proofs.jsonl:%1: %2").arg(i + 1).arg(proof.error().message);
            continue;
        }
        const QByteArray leaf = merkle::leafHash(eventLines.at(i));
        const qint64 seq = event->find("seq") ? event->find("seq")->toInt() : -1;
        QList<QByteArray> auditPath;
        for (const JsonValue &h : proof->find("path") ? proof->find("path")->toArray() : JsonValue::Array{})
            auditPath << QByteArray::fromHex(QByteArray::fromStdString(h.toStdString()));
        const qint64 index = proof->find("leaf_index") ? proof->find("leaf_index")->toInt() : -1;
        const JsonValue *treeSize = proof->find("tree_size");
        if (proof->stringAt("leaf_hash") != QString::fromLatin1(leaf.toHex()) || index != seq - 1 ||
            !treeSize || treeSize->toInt() != static_cast<qint64>(cp->size)) {
            report.problems << where + QStringLiteral(": its proof is for other bytes or another position");
            continue;
        }
        if (!merkle::verifyInclusion(leaf, static_cast<quint64>(index), cp->size, auditPath, cp->root)) {
            report.problems << where + QStringLiteral(": inclusion proof does not reach the signed root");
            continue;
        }
        if (const JsonValue *sig = event->find("signature"); sig && sig->isString()) {
            JsonValue unsignedEvent = event.value();
            unsignedEvent.asObject().erase("signature");
            const auto actorKey = keys.constFind(event->stringAt("actor"));
            if (actorKey == keys.cend() ||
                !actorKey->verify(QByteArray::fromStdString(CanonicalJson::serialize(unsignedEvent)),
                                  QByteArray::fromBase64(QByteArray::fromStdString(sig->toStdString()))))
                report.problems << where + QStringLiteral(": the signature by '%1' does not verify")
                                               .arg(event->stringAt("actor"));
        }
        if (event->stringAt("kind") == QLatin1String("evidence.attached"))
            referencedBlobs.insert(event->find("payload") ? event->find("payload")->stringAt("sha256")
                                                          : QString());
        ++report.events;
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("blobs/")))
            continue;
        const QString name = it.key().mid(6);
        if (crypto::sha256Hex(it.value()) != name)
            report.problems << QStringLiteral("%1 does not match its SHA-256").arg(it.key());
        referencedBlobs.remove(name);
    }
    for (const QString &missing : referencedBlobs)
        report.problems << QStringLiteral("attachment %1 is referenced but not in the bundle").arg(missing);
    report.valid = report.problems.isEmpty();
    return report;
}
} // namespace

} // namespace ops::Bundle
