#pragma once

// What one act becomes on the team log (PgActSeal.cpp): its events signed, then sealed on the head
// it extends (positions, leaves, the Merkle nodes kept, the signed checkpoint) and the statements
// that write them added to a pipeline. Pure of the store: the append decides the head and runs the
// statements; this says what they are.

#include "Pg.h"

#include "store/EvidenceTypes.h"
#include "store/IdentityRegistry.h"

#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Random.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ops::pg {

// An event signed before its position is known: its signature does not name one, and its id and
// time are chosen as they would be after.
struct Presigned {
    std::string uuid;
    qint64 tsMs = 0;
    std::string payload;
    QByteArray signature;
};

// What an act is sealed on: the head it extends and what the checks read there.
struct ActBasis {
    quint64 n = 0;
    IdentityRegistry reg;
    crypto::merkle::TreeBuilder tree;
    std::optional<Checkpoint> latest; // none: read failed or malformed (latestProblem says why)
    std::optional<Error> latestProblem;
    qint64 latestTs = 0;
    bool checkedBefore = false;
    QList<QByteArray> tailLeaves; // the leaves after the last kept boundary at n
};

// The act as written: its events (era markers left out), its identity events, its checkpoint and
// the tree and latest time after it.
struct SealedAct {
    QList<StoredEvent> out;
    QList<StoredEvent> identities;
    Checkpoint checkpoint;
    crypto::merkle::TreeBuilder tree;
    quint64 size = 0;
    qint64 latestTs = 0;
    QList<QByteArray> leaves; // every event's of the act, era markers included
};

// One act's inputs and the log's fixed facts.
struct ActInput {
    const Signer &signer;
    const QList<NewEvent> &events;
    const QList<NewBlob> &blobs;
    std::optional<qint64> actTime; // the time the act's events name, if any
    QString storeId;
    QString origin; // of the checkpoint's note; empty: opsconsole/<store id>
    Time::Clock clock;
    QString label;                             // the connection, for errors
    std::function<bool(quint64)> checkpointAt; // whether a checkpoint of exactly this size is stored
};

// Signs the act's events (once; a second call keeps the first signatures).
void presign(const ActInput &in, crypto::UuidSource &uuids, std::vector<Presigned> &presigned);

// The act sealed on `basis`: its rules checked there, its events and checkpoint made, and the
// statements that write them (the head moved and COMMIT included) added to `write`. A presigned
// signature is used only for exactly the event it was made over.
Result<SealedAct> seal(const ActInput &in, const std::vector<Presigned> &presigned, crypto::UuidSource &uuids,
                       ActBasis &basis, Pipeline &write);

} // namespace ops::pg
