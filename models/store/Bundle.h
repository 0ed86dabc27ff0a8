#pragma once

#include <QSet>

#include "SqliteEvidenceStore.h"

namespace ops::Bundle {

struct ExportFilter {
    std::optional<qint64> sinceMs;
    QString incident; // events whose payload "incident" equals this id
    QString scope;
    std::optional<QSet<quint64>> only; // exactly these events (a search's result), when set
    QString description;               // what the selection was, written into the manifest
};

struct ExportSummary {
    quint64 events = 0;
    quint64 treeSize = 0;
    QByteArray root;
    QStringList keys;
    quint64 blobs = 0;
};

constexpr const char *kFormat = "opsconsole-evidence-bundle/2";

// Writes a self-contained .tar.zst (docs/formats.md, "Export bundles"):
//   manifest.json + manifest.sig  every other entry with its size and SHA-256, the selection, the
//                                 checkpoint size and store; signed (raw Ed25519) by the exporter
//   checkpoint                    the latest checkpoint, a C2SP signed note
//   keys/NAME.pem, keys/NAME.vkey the public keys of the checkpoint signer, the exporter, the actors
//   events.jsonl                  the selected events, one canonical event a line
//   proofs/SEQ.tlog-proof         a c2sp.org/tlog-proof@v1 per event against the checkpoint
//   blobs/SHA256                  attachments named by exported evidence.attached events
//   VERIFY.md                     how to check all of it without opsconsole
// The exporter must be an approved identity holding its current key, and the log must verify
// (events, signatures, checkpoints; attachments as they are written): an export is signed by its
// exporter and never vouches for a forged or cut log.
Result<ExportSummary> exportBundle(EvidenceStore &store, const QString &outPath, const ExportFilter &filter,
                                   const Signer &exporter);

struct BundleReport {
    bool valid = false;
    quint64 events = 0;
    quint64 treeSize = 0;
    QString root;
    QString signer;       // the checkpoint's signer
    QString signerKey;    // the key its signature verifies with ("SHA256:…")
    QString exporter;     // who signed the manifest
    QString exporterKey;  // with which key
    bool pinned = false;  // both keys were among the pinned ones
    QStringList problems; // every failure, named
};

// Keys the reader obtained out of band ("SHA256:…" of the raw Ed25519 key): for either role, or
// for the checkpoint signer and the exporter each (a role's own list, when given, replaces `any`
// for that role).
struct Pins {
    QStringList any;
    QStringList signer;
    QStringList exporter;
};

// Checks everything in a bundle, streaming (an entry is never held whole unless it is small:
// manifest, signature, checkpoint, keys, one proof). `pins` ("SHA256:…" fingerprints) make the
// keys of the checkpoint signer and of the exporter trust anchors rather than whatever the bundle
// carries: each must be one of them.
Result<BundleReport> verifyBundle(const QString &path, const QStringList &pins = {});
Result<BundleReport> verifyBundle(const QString &path, const Pins &pins);
Result<BundleReport> verifyBundleData(const QByteArray &data, const QStringList &pins = {});

} // namespace ops::Bundle
