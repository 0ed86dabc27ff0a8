#pragma once

// Either backend by what names it: a postgresql:// URL opens the team log, anything else the
// local file. For the callers that need only what every backend offers.

#include "EvidenceStore.h"
#include "SqliteEvidenceStore.h" // StoreOpenOptions

#include <memory>

namespace ops {

// appRole matters only when options.create migrates a team log (the role granted its rights).
Result<std::unique_ptr<EvidenceStore>>
openEvidenceStore(const QString &pathOrUrl, const StoreOpenOptions &options, const QString &appRole = {});

} // namespace ops
