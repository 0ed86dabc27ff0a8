#pragma once

#include "pg/ActSeal.h"

#include "core/Result.h"

#include <optional>

namespace ops {

class PgEvidenceStore;

// The team log's write protocol for one act (PgEvidenceStoreAppend.cpp): the act's events are
// signed while the server takes the head row (their signatures name no position); under that lock
// whatever others appended since this console last verified is verified, and only then is the act
// sealed with its checkpoint and committed with the head, all in one transaction. When this
// console wrote the head last and knows it, the act goes in one round trip, the server confirming
// under the head's lock that nothing moved; anything else takes the two-round-trip way.
class PgAppender {
public:
    explicit PgAppender(PgEvidenceStore &store)
        : m_store(store) {}

    // onSize: the head the act was checked against; a head that moved since refuses it
    // (EvidenceStore::kGrewMeanwhile) and the caller looks again.
    Result<QList<StoredEvent>> append(const Signer &signer, const QList<NewEvent> &events,
                                      const QList<NewBlob> &blobs, std::optional<quint64> onSize);
    // How many acts went in one round trip (for the benchmark's report).
    quint64 oneRoundTrips() const { return m_oneRoundTrip; }

private:
    // What an act is sealed on: the one this console's last act left, when everything it needs is
    // known here.
    std::optional<pg::ActBasis> ownHeadBasis(std::optional<quint64> onSize) const;
    // What this console knows after its act committed on a head of n events.
    QList<StoredEvent> committed(pg::SealedAct &sealed, quint64 n, const QList<QByteArray> &tailBefore);

    PgEvidenceStore &m_store;
    bool m_othersWrite = false; // the last append found others' events after what this console verified
    // The signed bytes (note and signature) of the latest checkpoint this console signed or checked
    // on the append path: the next append finding the very same bytes need not verify them again.
    QByteArray m_checkedHead;
    // The head this console's last act left (its checkpoint, and the latest time in the log then):
    // the next act extends it in one round trip while the server confirms nothing moved.
    struct OwnHead {
        Checkpoint checkpoint;
        qint64 latestTs = 0;
        QList<QByteArray> tailLeaves; // the leaves after the last kept Merkle boundary
    };
    std::optional<OwnHead> m_ownHead;
    quint64 m_oneRoundTrip = 0;
};

} // namespace ops
