#pragma once

// Internal to models/store: writes event rows and the Merkle subtrees they complete, inside a
// transaction the caller holds. Shared by interactive appends and bulk imports.

#include "Sqlite.h"

#include "crypto/Merkle.h"

#include <string_view>

namespace ops::store {

class EventWriter {
public:
    static Result<EventWriter> open(Database &db, crypto::merkle::TreeBuilder tree);

    // Inserts one event and returns its leaf hash.
    Result<QByteArray> write(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                             std::string_view kind, std::string_view scope, std::string_view bytes,
                             bool signedByActor);
    // The same with the leaf hash computed by the caller (a bulk import hashes on another thread).
    Result<void> writeHashed(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                             std::string_view kind, std::string_view scope, std::string_view bytes,
                             bool signedByActor, const QByteArray &leaf);
    const crypto::merkle::TreeBuilder &tree() const { return m_tree; }
    void close(); // finalises the statements (needed before schema changes in the same transaction)

private:
    Statement m_insert;
    Statement m_node;
    crypto::merkle::TreeBuilder m_tree;
};

} // namespace ops::store
