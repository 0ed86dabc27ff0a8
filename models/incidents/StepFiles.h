#pragma once

#include "IncidentActions.h"

namespace ops {

class EvidenceStore;

// Files a person gives a step as evidence, the same way from the CLI and the console.
namespace StepFiles {
inline constexpr qint64 kMaxAttachment = 256 * 1024 * 1024;
// SHA-256, size and media type, streamed; nothing stored (for checking a step before writing).
Result<AttachmentRef> describe(const QString &path);
// Stores the bytes by their SHA-256 (an evidence.attached event) and returns the reference.
Result<AttachmentRef> attach(EvidenceStore &store, const Signer &signer, const QString &path,
                             const QString &scope);
// The file's SHA-256, streamed (any size), as a checksum the step records.
Result<ChecksumRef> checksum(const QString &path);
} // namespace StepFiles

} // namespace ops
