#pragma once

// Witnessing a log: an identity cosigns (c2sp.org/tlog-cosignature, cosignature/v1) a checkpoint
// note only after checking it. Shared by `evidence cosign` and, with the team log, every console.

#include "EvidenceStore.h"

#include <optional>
#include <string>
#include <string_view>

namespace ops::Witness {

// Where this user keeps the last checkpoint `name` cosigned for log `storeId`.
QString memoryPath(const QString &stateDirectory, const QString &name, const QString &storeId);

// The checkpoint kept at `memory` for log `storeId`: none when nothing is kept there yet; with
// `unreadable` set when the file is not a checkpoint note of that log.
std::optional<Checkpoint> remembered(const QString &memory, const QString &storeId, bool *unreadable);

// Checks that `noteText` is a checkpoint of this store signed by an identity that could sign it,
// that the store extends it, and that it extends the checkpoint kept at `memory` (the last one
// `cosigner` vouched for; a smaller tree than that is refused). Then adds the cosigner's
// cosignature/v1 line at `nowMs` (replacing an earlier line of the same key), remembers the note
// at `memory` and returns it. Negative answers exit 1, an unreadable note 3.
Result<std::string> cosign(const EvidenceStore &store, const Signer &cosigner, std::string_view noteText,
                           const QString &memory, qint64 nowMs);

} // namespace ops::Witness
