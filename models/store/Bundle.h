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

// Writes a self-contained .tar.zst: events.jsonl, checkpoint.json + checkpoint.sig (raw Ed25519
// over the exact bytes of checkpoint.json), proofs.jsonl (one inclusion proof per event against
// that checkpoint), keys/<identity>.pem, blobs/<sha256>, VERIFY.md.
// The exporter signs export.json (what was selected: count, filter, SHA-256 of events.jsonl and
// proofs.jsonl) so that removing an event together with its proof is detected too.
Result<ExportSummary> exportBundle(const SqliteEvidenceStore &store, const QString &outPath,
                                   const ExportFilter &filter, const Signer &exporter);

struct BundleReport {
    bool valid = false;
    quint64 events = 0;
    quint64 treeSize = 0;
    QString root;
    QString signer;
    QString signerKey;
    QString exporter;
    QStringList problems; // every failure, named
};

// Checks everything in a bundle; `pinnedKey` (a "SHA256:…" fingerprint) makes the checkpoint
// signer's key a trust anchor rather than whatever the bundle carries.
Result<BundleReport> verifyBundle(const QString &path, const QString &pinnedKey = {});
Result<BundleReport> verifyBundleData(const QByteArray &data, const QString &pinnedKey = {});

} // namespace ops::Bundle
