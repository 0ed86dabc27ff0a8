#pragma once

#include "IncidentActions.h"

namespace ops {

// Files a person gives a step as evidence, the same way from the CLI and the console.
namespace StepFiles {
inline constexpr qint64 kMaxAttachment = 256 * 1024 * 1024;
// Reads a file a person gives as evidence (at most 256 MiB), hashed, with its media type; the act
// that names it stores it (RunActions::recordStep, LaunchActions::recordManual).
Result<NewBlob> read(const QString &path);
Result<QList<NewBlob>> read(const QStringList &paths);
// The file's SHA-256, streamed (any size), as a checksum the step records.
Result<ChecksumRef> checksum(const QString &path);
} // namespace StepFiles

} // namespace ops
