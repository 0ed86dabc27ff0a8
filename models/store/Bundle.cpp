#include "Bundle.h"
#include "IdentityRegistry.h"

#include "core/CanonicalJson.h"
#include "core/Tar.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>

#include <algorithm>

namespace ops::Bundle {

namespace merkle = crypto::merkle;
namespace note = crypto::note;

namespace {

const char *kVerifyMd = R"MD(# Verifying this evidence bundle

Everything in this bundle can be checked without opsconsole and without trusting anything the
bundle itself carries — use the tools below from your own system, never a script from a bundle.

## 1. Get the fingerprints out of band

Ask the people who signed for their key fingerprints over a channel you already trust (the
team's reviewed configuration repository lists the admins' keys under `trust.admins`;
`opsconsole-cli identity list` on their machine prints every identity's `SHA256:…`). A
fingerprint is `SHA256:` followed by the SHA-256 of the raw 32-byte Ed25519 public key. Two keys
matter: the checkpoint signer's and the exporter's (who signed `manifest.json`).

## 2. Check everything with the verifier shipped with opsconsole

    python3 /usr/share/doc/opsconsole/verify_bundle.py BUNDLE.tar.zst --pin SHA256:<signer> --pin SHA256:<exporter>

(`docs/verify_bundle.py` in the source tree: Python's standard library, `openssl` and `zstd`.)
Or `opsconsole-cli evidence verify-bundle BUNDLE.tar.zst --pin … --pin …`.

## 3. Or by hand

Unpack into an empty directory (`tar --zstd -xf BUNDLE.tar.zst`), then:

- `manifest.json` lists every other entry with its size and SHA-256; anything not listed, or
  listed and missing, means the bundle was changed. `manifest.sig` is the exporter's raw
  Ed25519 signature over the exact bytes of `manifest.json`:

      openssl pkeyutl -verify -pubin -inkey keys/EXPORTER.pem -rawin -in manifest.json -sigfile manifest.sig

  and `sha256sum` each entry against the manifest.
- `checkpoint` is a C2SP signed note (c2sp.org/signed-note, c2sp.org/tlog-checkpoint): origin
  `opsconsole/<store id>`, tree size, base64 root hash, `opsconsole-time`; then an empty line and
  `— <signer> <base64(4-byte key ID ‖ 64-byte Ed25519 signature)>` over the lines before the
  empty one. `keys/<name>.vkey` is the signer's note verifier key (Go's
  `golang.org/x/mod/sumdb/note` reads it).
- `proofs/<seq>.tlog-proof` are c2sp.org/tlog-proof@v1 files: the event's zero-based index, its
  RFC 6962 inclusion path and the checkpoint. The leaf hash of an event is
  SHA-256(0x00 ‖ its line of `events.jsonl` without the newline).
- `blobs/<sha256>` are attachments named by their own SHA-256.
- `keys/retired/<name>/<until>.pem` (and `.vkey`) is a key `<name>` held before rotating it: it
  signs for the positions before `<until>` (the event's `seq`, the checkpoint's tree size), the
  earliest such key where there are several; `keys/<name>.pem` signs from the last rotation on.
- An event's `signature` (base64; `null` for the events of a bulk import, which the importer's
  checkpoint covers) is its actor's Ed25519 signature over `opsconsole event v2`, a newline, the
  store id, a newline and the event's canonical JSON (keys sorted, no spaces, as in
  `events.jsonl`) without its `seq` and `signature` members. The store id is the checkpoint's
  `opsconsole-store` line when it has one, else its origin after `opsconsole/`. For the event on
  line N of `events.jsonl`:

      N=2
      STORE=$(sed -n 's/^opsconsole-store //p' checkpoint); [ -n "$STORE" ] || STORE=$(head -n 1 checkpoint | cut -d/ -f2-)
      sed -n "${N}p" events.jsonl | python3 -c 'import json,sys; e=json.load(sys.stdin); open("actor","w").write(e["actor"]); open("sig.b64","w").write(e["signature"]); [e.pop(k) for k in ("seq","signature")]; sys.stdout.buffer.write(b"opsconsole event v2\n" + sys.argv[1].encode() + b"\n" + json.dumps(e, ensure_ascii=False, separators=(",",":"), sort_keys=True).encode())' "$STORE" > message
      base64 -d sig.b64 > sig
      openssl pkeyutl -verify -pubin -inkey "keys/$(cat actor).pem" -rawin -in message -sigfile sig

  Events written before this form sign their canonical JSON without `signature` only (`seq`
  included); `verify_bundle.py` accepts either.
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

QByteArray bytesOf(const std::string &s) {
    return {s.data(), static_cast<qsizetype>(s.size())};
}

struct Listed {
    qint64 size = 0;
    QString sha256;
};

// A slice of a temporary file: one proof among all of them.
struct Slice {
    quint64 seq = 0;
    qint64 offset = 0;
    qint64 size = 0;
};

Error refusedExport(const QString &problem, const QString &outPath) {
    return makeError(ErrorCode::Store,
                     QStringLiteral("refusing to export: %1; an export is signed by its exporter and vouches "
                                    "only for a log that verifies (evidence verify names it)")
                         .arg(problem),
                     outPath);
}

} // namespace

Result<ExportSummary> exportBundle(EvidenceStore &store, const QString &outPath, const ExportFilter &filter,
                                   const Signer &exporter) {
    auto exporterId = store.identity(exporter.name);
    if (!exporterId.ok() || !exporterId->approved() ||
        exporterId->fingerprint != exporter.key.publicKey().fingerprint())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' cannot sign an export of this store: only an approved identity "
                                        "with its current key can")
                             .arg(exporter.name));
    // An export is signed by its exporter: it never vouches for a log that does not verify (a
    // forged tail sealed by an insider's checkpoint, an unsigned act, a rolled-back or rewritten
    // file), whatever this process took on trust when it opened the store.
    if (const QString problem = store.integrityProblem(); !problem.isEmpty())
        return refusedExport(problem, outPath);
    VerifyOptions whole(true, false);
    whole.blobs = false; // the attachments exported are hashed as they are written
    auto verified = store.verify(whole);
    if (!verified.ok())
        return verified.error();
    if (!verified->intact)
        return refusedExport(verified->reason, outPath);
    auto cp = store.latestCheckpoint();
    if (!cp.ok())
        return cp.error();
    if (!cp->isNote())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("the latest checkpoint (size %1) predates signed notes; record the next "
                           "event first, its checkpoint is one")
                .arg(cp->size));
    const std::string cpText = cp->noteText();
    QTemporaryFile events, proofs;
    if (!events.open() || !proofs.open())
        return makeError(ErrorCode::Store, QStringLiteral("cannot create temporary files"));
    ExportSummary summary;
    summary.treeSize = cp->size;
    summary.root = cp->root;
    QSet<QString> actors{cp->signer, exporter.name};
    crypto::Sha256 eventsDigest;
    qint64 eventsSize = 0;
    QSet<QString> blobs;
    QList<Slice> slices;
    QMap<QString, Listed> listed;
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
            const QByteArray line = bytesOf(e.canonical + "\n");
            events.write(line);
            eventsDigest.add(line);
            eventsSize += line.size();
            note::TlogProof p;
            p.index = e.seq - 1;
            p.path = proof->path;
            p.checkpoint = cpText;
            const QByteArray proofBytes = bytesOf(note::formatTlogProof(p));
            const QString name = QStringLiteral("proofs/%1.tlog-proof").arg(e.seq);
            slices.append({e.seq, proofs.pos(), proofBytes.size()});
            proofs.write(proofBytes);
            listed.insert(name, {proofBytes.size(), crypto::sha256Hex(proofBytes)});
            actors.insert(e.actor);
            if (e.kind == QLatin1String("evidence.attached"))
                blobs.insert(e.payload().stringAt("sha256"));
            ++summary.events;
        }
    }
    if (!events.flush() || !proofs.flush())
        return makeError(ErrorCode::Store, QStringLiteral("cannot write temporary files"));
    listed.insert(QStringLiteral("events.jsonl"),
                  {eventsSize, QString::fromLatin1(eventsDigest.finish().toHex())});

    QMap<QString, QByteArray> small; // entries written from memory
    small.insert(QStringLiteral("checkpoint"), bytesOf(cpText));
    small.insert(QStringLiteral("VERIFY.md"), QByteArray(kVerifyMd));
    QStringList names(actors.begin(), actors.end());
    names.sort();
    auto registry = store.registry();
    if (!registry.ok())
        return registry.error();
    for (const QString &name : names) {
        auto id = store.identity(name);
        if (!id.ok())
            continue;
        // The key held at the checkpoint's size, not whatever is current now: a rotation approved
        // after the checkpoint (the log may grow while the bundle is made) is not this bundle's.
        const IdentityRegistry::Entry *entry = registry->find(name);
        const IdentityRegistry::KeyPeriod *held = nullptr;
        if (entry)
            for (const IdentityRegistry::KeyPeriod &period : entry->keys)
                if (period.untilSeq == 0 || period.untilSeq > cp->size) {
                    held = &period;
                    break;
                }
        auto key = crypto::PublicKey::fromPem(held ? held->publicKeyPem : id->publicKeyPem);
        if (!key.ok())
            return key.error();
        if (name == exporter.name && key->fingerprint() != exporter.key.publicKey().fingerprint())
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("'%1' rotated its key after the checkpoint this bundle would cover "
                               "(size %2); export again")
                    .arg(name)
                    .arg(cp->size));
        small.insert(QStringLiteral("keys/%1.pem").arg(name), key->pem());
        small.insert(QStringLiteral("keys/%1.vkey").arg(name),
                     note::verifierKey(name, key.value()).toUtf8() + '\n');
        summary.keys << name;
        // The keys it held before a rotation, each named by the first position it no longer
        // signs for: what it signed before then verifies with it, nothing after.
        if (entry)
            for (const IdentityRegistry::KeyPeriod &period : entry->keys) {
                if (period.untilSeq == 0 || period.untilSeq > cp->size)
                    continue;
                auto old = crypto::PublicKey::fromPem(period.publicKeyPem);
                if (!old.ok())
                    return old.error();
                const QString base = QStringLiteral("keys/retired/%1/%2").arg(name).arg(period.untilSeq);
                small.insert(base + QStringLiteral(".pem"), old->pem());
                small.insert(base + QStringLiteral(".vkey"),
                             note::verifierKey(name, old.value()).toUtf8() + '\n');
            }
    }
    for (auto it = small.cbegin(); it != small.cend(); ++it)
        listed.insert(it.key(), {it.value().size(), crypto::sha256Hex(it.value())});
    QStringList blobList(blobs.begin(), blobs.end());
    blobList.sort();
    for (const QString &sha : blobList) {
        auto data = store.blob(sha);
        if (!data.ok())
            return data.error();
        if (crypto::sha256Hex(data.value()) != sha)
            return makeError(ErrorCode::Store,
                             QStringLiteral("attachment %1 in the store is damaged").arg(sha));
        listed.insert(QStringLiteral("blobs/") + sha, {data->size(), sha});
    }

    JsonValue manifest = JsonValue::object();
    manifest["format"] = kFormat;
    manifest["checkpoint_size"] = static_cast<qint64>(cp->size);
    manifest["events"] = static_cast<qint64>(summary.events);
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
    JsonValue entries = JsonValue::array();
    for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
        JsonValue entry = JsonValue::object();
        entry["path"] = it.key();
        entry["sha256"] = it->sha256;
        entry["size"] = it->size;
        entries.push(entry);
    }
    manifest["entries"] = entries;
    const QByteArray manifestBytes = bytesOf(CanonicalJson::serialize(manifest));
    const QByteArray manifestSig = exporter.key.sign(manifestBytes);
    if (manifestSig.size() != 64)
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the manifest"));

    tar::Writer w;
    w.setMtime(cp->tsMs / 1000);
    if (auto r = w.open(outPath); !r.ok())
        return r.error();
    // Small, signed things first, so a streaming reader knows what to expect before the bulk.
    for (const auto &[name, data] : {std::pair{QStringLiteral("manifest.json"), manifestBytes},
                                     std::pair{QStringLiteral("manifest.sig"), manifestSig}})
        if (auto r = w.add(name, data); !r.ok())
            return r.error();
    for (const QString &name : {QStringLiteral("checkpoint"), QStringLiteral("VERIFY.md")})
        if (auto r = w.add(name, small.value(name)); !r.ok())
            return r.error();
    for (auto it = small.cbegin(); it != small.cend(); ++it)
        if (it.key().startsWith(QLatin1String("keys/")))
            if (auto r = w.add(it.key(), it.value()); !r.ok())
                return r.error();
    if (auto r = w.addFile(QStringLiteral("events.jsonl"), events); !r.ok())
        return r.error();
    for (const Slice &s : slices) {
        if (!proofs.seek(s.offset))
            return makeError(ErrorCode::Store, QStringLiteral("cannot read back the proofs"));
        const QByteArray bytes = proofs.read(s.size);
        if (auto r = w.add(QStringLiteral("proofs/%1.tlog-proof").arg(s.seq), bytes); !r.ok())
            return r.error();
    }
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

} // namespace ops::Bundle
