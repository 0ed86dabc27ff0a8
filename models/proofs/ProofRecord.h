#pragma once

// Proof summaries and verdict verifications as evidence: the inputs are stored as
// content-addressed attachments and the result as one signed event that names them.

#include "ProofSummary.h"
#include "Verdict.h"

#include "attest/Attestation.h"
#include "store/EvidenceStore.h"

namespace ops {

struct CaptureInput {
    QString name;     // file name shown and stored with the attachment
    QByteArray bytes; // the capture exactly as read
};

// Attaches the capture and appends "proof.summarized" with the counts, the verdict, every
// finding and the SHA-256 of the rules file used.
Result<StoredEvent> recordProofSummary(EvidenceStore &store, const Signer &signer,
                                       const CaptureInput &capture, const ProofSummary &summary,
                                       const FailureRules &rules, const QString &scope = {});

// The in-toto test-result statement of a summary (docs/formats.md, "Attestations"): the subject is
// the capture; result PASSED for a PASS with nothing not run or skipped, WARNED for a PASS with
// some, FAILED for FAIL and INCOMPLETE; per section, "NAME: N passed" among passedTests, "NAME: N
// not run" and "NAME: N skipped" among warnedTests (never among the passed), "NAME: N failed"
// among failedTests; the rules file is the configuration. Signed by `signer` alone.
JsonValue proofAttestationStatement(const CaptureInput &capture, const ProofSummary &summary,
                                    const FailureRules &rules, const Signer &signer);

// Attaches score.json, the signature, the public key and the bundle (when within the attachment
// limit; a larger bundle is recorded by its SHA-256 and size) and appends "verdict.verified".
Result<StoredEvent> recordVerdict(EvidenceStore &store, const Signer &signer, const VerdictFiles &files,
                                  const VerdictReport &report, const QString &scope = {});

// A recorded proof summary as views show it, read from its event: nullopt when the event is not
// a proof summary or lacks what one always carries. Widgets never parse payloads themselves.
struct RecordedProofSummary {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString overall; // PASS, FAIL, …
    QString captureName;
    QString captureSha256;
    qint64 pass = 0;
    qint64 fail = 0;
    static std::optional<RecordedProofSummary> fromEvent(const StoredEvent &event);
};

// A recorded verdict verification, read from its event (nullopt as above).
struct RecordedVerdict {
    struct Check {
        QString name;
        bool ok = false;
        QString detail;
    };
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    bool valid = false;
    QString keyFingerprint;
    QList<Check> checks;
    static std::optional<RecordedVerdict> fromEvent(const StoredEvent &event);
};

// Reads a capture file (at most ProofSummary::kMaxCaptureBytes); "-" reads standard input.
Result<CaptureInput> readCapture(const QString &path);

} // namespace ops
