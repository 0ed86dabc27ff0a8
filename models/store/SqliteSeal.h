#pragma once

#include "EvidenceTypes.h"

#include "core/Result.h"
#include "crypto/Merkle.h"

namespace ops {

class IdentityRegistry;
class SqliteEvidenceStore;
struct Signer;
namespace store {
class Transaction;
}

// The guards and the seal of every write to a local store file (an act, an import): who may sign
// at the next position, that the head being written over is the one last signed and verified,
// the log's latest time, and the signed checkpoint committed with the act, after which the
// sidecar and this user's anchors move forward.
class SqliteSeal {
public:
    explicit SqliteSeal(SqliteEvidenceStore &store)
        : m_store(store) {}

    // Refuses a signer that may not act at position nextSeq (not approved, revoked, wrong key).
    Result<void> checkSigner(const IdentityRegistry &reg, const Signer &signer, quint64 nextSeq,
                             bool ownRequest) const;
    // Whether a checkpoint's signature verifies under the key its signer held at its size.
    bool checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp) const;
    // Refuses to write over events that the latest validly signed checkpoint does not cover.
    Result<void> checkHead(const IdentityRegistry &reg, quint64 n,
                           const crypto::merkle::TreeBuilder &tree) const;
    // The latest time in the log: of its events and of its checkpoints (0 when empty). No event
    // may be written more than Time::kClockSkewToleranceMs before it.
    Result<qint64> timeHighWater() const;
    // Signs the checkpoint for `tree`, commits, then moves the sidecar forward.
    Result<void> commitWithCheckpoint(store::Transaction &tx, const Signer &signer,
                                      const crypto::merkle::TreeBuilder &tree);

private:
    Result<Checkpoint> writeCheckpoint(const Signer &signer, const crypto::merkle::TreeBuilder &tree);

    SqliteEvidenceStore &m_store;
};

} // namespace ops
