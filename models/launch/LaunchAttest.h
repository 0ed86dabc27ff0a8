#pragma once

#include "attest/Attestation.h"
#include "launch/Launch.h"

namespace ops {

// The launch attestation (docs/formats.md, "Attestations"): an in-toto Statement v1 whose
// subjects are the build files of the launch's checksum archive and whose predicate is a SLSA
// Verification Summary v1 — verificationResult PASSED for a recorded GO that the evidence still
// supports, FAILED otherwise — carrying the no-go rules with their state, the checklist, the
// sign-offs and the checkpoint it was computed at. Its signers are the release owner who decided
// and every valid sign-off (product, engineering, QA), each over the same payload.
Result<JsonValue> launchAttestationStatement(const LaunchStatus &status, const LaunchInputs &inputs,
                                             const Checkpoint &checkpoint, const QString &version);

// Whether a launch statement someone asks you to sign says what this store says of that launch
// now: the same subjects, result, policy digest, resource, decision, sign-offs and signers. An
// empty result when it does; otherwise the first field that differs.
Result<void> launchAttestationMatches(const JsonValue &statement, const LaunchStatus &status,
                                      const LaunchInputs &inputs);

} // namespace ops
