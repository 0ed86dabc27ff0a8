#pragma once

#include "Sqlite.h"

#include <array>
#include <string>

namespace ops::store {

inline constexpr int kSchemaVersion = 6;
inline constexpr int kSchemaVersionMinReadable = 1; // read-only opens accept older stores
inline constexpr int kApplicationId = 0x4F505343;   // "OPSC"
inline constexpr int kNodeLevelMin = 4;             // perfect subtrees of ≥ 16 leaves are kept

// Brings a store to kSchemaVersion one step at a time, each step in its own transaction.
// A store newer than this program is refused (nothing written).
Result<void> migrate(Database &db);
Result<int> schemaVersion(Database &db);

// Secondary indexes of the events table: name and CREATE statement (bulk imports may rebuild them).
QList<QPair<const char *, const char *>> eventIndexes();

// The two statements that index the events in (?1, ?2] for search: full text, then references.
std::array<std::string, 2> searchIndexRangeSql();

// Projection tables (state derived from events), created in `schema` ("main" or a rebuild copy).
Result<void> createProjectionTables(Database &db, const char *schema);
QStringList projectionTables();

} // namespace ops::store
