#pragma once

#include "EvidenceTypes.h"

#include "core/Result.h"

#include <string_view>

namespace ops {

class SqliteEvidenceStore;

// A bulk import of JSONL lines into a local store, as one act: the importer's rights and the
// log's head are checked first; a reader thread parses and checks each line (kind, scope, time not
// before the last checkpoint nor past now, never going backwards) and makes its exact bytes and
// leaf hash, while this thread writes the rows and the Merkle tree in order; the importer signs one
// statement over the batch (its range and the digest of its leaves), and one checkpoint seals it.
// The first bad line stops it and nothing is written.
class JsonlImporter {
public:
    static Result<quint64> run(SqliteEvidenceStore &store, const Signer &signer, const QString &file,
                               const Progress &progress);
    // One line, validated (the fuzz target's entry).
    static Result<NewEvent> parseLine(std::string_view line);
};

} // namespace ops
