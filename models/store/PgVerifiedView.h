#pragma once

#include "EvidenceTypes.h"
#include "IdentityRegistry.h"

#include "core/Result.h"
#include "crypto/Merkle.h"

#include <limits>
#include <optional>

namespace ops {

class PgEvidenceStore;
namespace pg {
class Rows;
}

// What one console has verified of the team log, and how it verifies what others append after
// that: its verified base (its witness memory, its own last act, or the latest checkpoint taken on
// first use), the first event after it that does not verify, and what it keeps at the base (the
// Merkle frontier, the identity events and the registry folded from them) so an append can check
// the tail under the locked head without another round trip. Part of PgEvidenceStore, on its
// connection (PgVerifiedBase.cpp, PgEvidenceStoreVerify.cpp).
class PgVerifiedView {
public:
    explicit PgVerifiedView(const PgEvidenceStore &store)
        : m_store(store) {}

    // The events that count: up to the first that does not verify (checkTail first).
    Result<quint64> trustedThrough();
    // trustedThrough() with nothing taken on trust (verifyAssumedBase first).
    Result<quint64> verifiedThrough();
    // Verifies what was appended after what this console verified (nothing when the log did not
    // grow), in a snapshot of its own unless the caller holds a transaction.
    Result<void> checkTail();
    // checkTail in the transaction the caller holds (its snapshot, or the locked head).
    Result<void> checkTailHere();
    // Under the locked head, what others appended after what this console verified, checked from
    // the rows the append read in its first round trip (kTailEventsSql, kTailCheckpointsSql) with
    // the frontier and identity events kept at that point: no round trip while the others wait.
    // False when it cannot (too many rows, nothing kept): checkTailHere() then reads them.
    Result<bool> checkTailFromRows(quint64 n, const pg::Rows &events, const pg::Rows &checkpoints);
    // Before taking the head: the frontier and identity events at what this console verified.
    Result<void> prepareCaches();
    static const char *const kTailEventsSql;
    static const char *const kTailCheckpointsSql;
    // The whole log verified when the base was taken on first use (before an act or a cosignature).
    Result<void> verifyAssumedBase();
    // This console verified the log up to `cp` (the witness after its checks, an act it committed).
    void verifiedUpTo(const Checkpoint &cp);
    // Keeps `cp` as where this user's next process starts verifying (in the anchor directory,
    // witness/<store id>.verified), once every act up to it verified here.
    Result<void> keepBase(const Checkpoint &cp);
    QString basePath() const;

    std::optional<VerifyOptions::Base> verified; // verified up to here, by this process
    bool baseLoaded = false;
    bool baseAssumed = false;        // taken on first use (the latest checkpoint), not verified
    std::optional<quint64> firstBad; // the first event after it that does not verify
    QString tailProblem;
    quint64 tailCheckedAt = 0;                               // the log's size at the last checkTail
    std::optional<crypto::merkle::TreeBuilder> verifiedTree; // the tree at `verified`, if known
    QList<StoredEvent> identities;                           // the identity events up to identitiesAt
    quint64 identitiesAt = std::numeric_limits<quint64>::max();
    std::optional<IdentityRegistry> registryAt; // folded up to registryAtSize
    quint64 registryAtSize = std::numeric_limits<quint64>::max();

private:
    // Where trust starts when nothing verified it yet in this process (trustedThrough).
    void loadBase();

    const PgEvidenceStore &m_store;
};

} // namespace ops
