#pragma once

#include "CheckpointFiles.h"
#include "EvidenceTypes.h"

#include "core/Result.h"

#include <optional>

namespace ops {

class SqliteEvidenceStore;

// What this user knows of a local store, and how it checks the file against it: the checkpoint
// sidecar beside the file and this user's anchors (a cut tail, a rollback to an older copy, a
// rewritten history is found at open), the last checkpoint verified, and the first event after it
// that does not verify. Part of SqliteEvidenceStore, on its connection (SqliteCheckpoints.cpp,
// StoreVerify.cpp).
class SqliteVerifiedView {
public:
    explicit SqliteVerifiedView(const SqliteEvidenceStore &store)
        : m_store(store) {}

    // At open: the sidecar and the anchors against the file (integrityProblem says what is wrong);
    // where verification starts (an anchor, else the head taken on trust when it is the events'
    // root, validly signed), and the anchors moved forward over a verified log.
    Result<void> checkOnOpen();
    // Verifies, signatures included, the events after the last checkpoint this user verified (or
    // wrote on a verified log) and moves that mark forward; the first that fails is remembered
    // (firstBad, tailProblem) and stays. Called inside a read or write transaction.
    Result<void> checkTail();
    // The events that count: up to the first that does not verify.
    Result<quint64> trustedThrough();
    // After a commit of this connection over a verified log: its own checkpoint is verified.
    void verifiedUpTo(const Checkpoint &cp);
    // Moves this user's anchors to cp, unless something is known against the store.
    void writeAnchors(const Checkpoint &cp);

    CheckpointFiles files; // the sidecar and this user's anchors
    QString integrityProblem;
    std::optional<VerifyOptions::Base> verified; // the last checkpoint verified
    quint64 tailCheckedAt = 0;                   // the log's size at the last checkTail
    std::optional<quint64> firstBad;
    QString tailProblem;

private:
    Result<void> checkAnchors();

    const SqliteEvidenceStore &m_store;
};

} // namespace ops
