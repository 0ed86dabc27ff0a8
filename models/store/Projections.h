#pragma once

// State derived from events, written in the same transaction as its event and rebuilt from
// the events by verify. Internal to models/store.

#include "EvidenceTypes.h"
#include "Sqlite.h"

namespace ops::store {

Result<void> applyProjections(Database &db, const char *schema, const StoredEvent &event,
                              const JsonValue &payload);

} // namespace ops::store
