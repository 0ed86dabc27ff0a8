#pragma once

// Proof summaries and verdict verifications as evidence: the inputs are stored as
// content-addressed attachments and the result as one signed event that names them.

#include "ProofSummary.h"
#include "Verdict.h"

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

// Attaches score.json, the signature, the public key and the bundle (when within the attachment
// limit; a larger bundle is recorded by its SHA-256 and size) and appends "verdict.verified".
Result<StoredEvent> recordVerdict(EvidenceStore &store, const Signer &signer, const VerdictFiles &files,
                                  const VerdictReport &report, const QString &scope = {});

// Reads a capture file (at most ProofSummary::kMaxCaptureBytes); "-" reads standard input.
Result<CaptureInput> readCapture(const QString &path);

} // namespace ops
