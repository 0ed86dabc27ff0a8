#pragma once

#include "core/NamedCheck.h"

// The S03 handoff package (docs/domain-rules.md §12, "Handoff package"): built from the store, exported as
// one signed .tar.zst with a manifest of SHA-256 digests and a human-readable HANDOFF.md, and checked
// offline.

#include "DerivationActions.h"

namespace ops {

class EvidenceStore;

namespace Handoff {

struct ExportOptions {
    bool draft = false; // export although the §14 criteria are not all met (marked DRAFT)
    QString locker;     // the S03 locker receiving it: a different identity from every analyst
};

struct ExportSummary {
    QString sha256; // of the package file
    int records = 0;
    int signatures = 0;
    bool complete = false;
    QStringList missing;
    QStringList files;
};

// Needs the reviewer role. An incomplete package is refused unless draft; refusals are recorded as
// "derivation.denied". Records "handoff.exported" with the package's digest, at the time of the
// actions' clock.
Result<ExportSummary> exportPackage(EvidenceStore &store, DerivationActions &actions, const QString &outPath,
                                    const ExportOptions &options);

using Check = NamedCheck;

// A record of the package whose reviewer signature verified.
struct SignedRecord {
    QString id;
    QString file; // records/<id>.json
    QString sha256;
    QString signer;
    QString signerKey;
};

struct VerifyReport {
    bool valid = false;
    QList<SignedRecord> signedRecords;
    QList<Check> checks;
    QString exporter;
    QString exporterKey;
    int records = 0;
    int signatures = 0;
    bool complete = false;
    bool draft = false;

    QStringList problems() const;
    JsonValue toJson() const; // {"valid", "checks": [{"name", "ok", "detail"}], "complete", …}
};

// `pinnedKey` ("SHA256:…") makes the exporter's key a trust anchor instead of the one inside.
Result<VerifyReport> verifyPackage(const QString &path, const QString &pinnedKey = {});
Result<VerifyReport> verifyPackageData(const QByteArray &data, const QString &pinnedKey = {});

} // namespace Handoff
} // namespace ops
