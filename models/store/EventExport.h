#pragma once

// What a search selects, written out for other tools: the Evidence panel's "Export shown events"
// and `opsconsole-cli evidence list --format csv|json` share it.

#include "EventSearch.h"
#include "EvidenceTypes.h"

#include <QIODevice>

namespace ops {

class SqliteEvidenceStore;

namespace EventExport {

enum class Format {
    Json, // an array of the events' canonical bytes, exactly as hashed into the log
    Csv,  // seq,time,actor,kind,scope,signed,leaf_hash,payload (one header line)
};

// Writes the events the search selects, in its order, page by page (any size); at most `limit`
// events when limit > 0. Returns how many were written. The progress callback may cancel.
Result<quint64> write(const SqliteEvidenceStore &store, const EventSearch &search, Format format,
                      QIODevice &out, quint64 limit = 0, const Progress &progress = {});
// The same into a file, replaced atomically (nothing is left behind on failure).
Result<quint64> toFile(const SqliteEvidenceStore &store, const EventSearch &search, Format format,
                       const QString &path, const Progress &progress = {});
// A CSV cell: quoted when it must be, and a leading = + - @ neutralised so spreadsheets do not run
// it as a formula.
QString csvField(QString text);
// "csv" / "json" (case-insensitive); nullopt otherwise.
std::optional<Format> formatFromName(const QString &name);

} // namespace EventExport
} // namespace ops
