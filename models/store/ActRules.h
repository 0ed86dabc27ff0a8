#pragma once

// The rules an append follows inside its write transaction, the same on every backend: which
// events an act may carry, who may record them, how each event is sealed (its bytes, its
// signature, its time) and what the checkpoint over the act is. The backends own only the rows.

#include "EvidenceStore.h"
#include "EvidenceTypes.h"
#include "IdentityRegistry.h"

#include "core/Result.h"
#include "crypto/Merkle.h"

#include <functional>
#include <optional>
#include <string>

namespace ops::act {

// Every event has a valid kind and an object payload; there is at least one.
Result<void> validate(const QList<NewEvent> &events);

struct Plan {
    QList<NewEvent> batch; // what is written: the caller's events, after any marker
    int markers = 0;       // leading events of the batch that are not the caller's
    bool ownRequest = false;
};
// Every blob is named by exactly the attachment events of its act, and every attachment event's
// bytes are either in the act or already stored.
Result<void> checkBlobs(const EvidenceStore &store, const QList<NewEvent> &events,
                        const QList<NewBlob> &blobs);

// Who may write, decided from the identity events as of position nextSeq: the signer's standing,
// a monitor's limits, the role each act needs. `where` names the store in errors.
Result<Plan> plan(const IdentityRegistry &reg, const Signer &signer, const QList<NewEvent> &events,
                  quint64 nextSeq, const QString &where);

// The request (or, in an empty log, the genesis) that enrols a new identity, self-signed.
Result<NewEvent> enrolment(const IdentityRegistry &reg, const Signer &newIdentity, const QStringList &roles,
                           const TrustPolicy &trust);
// An admin's approval of what `name` has waiting (an enrolment or a new key).
Result<NewEvent> approval(const IdentityRegistry &reg, const QString &name);

// Every identity of the registry, as listings show them.
QList<Identity> identitiesOf(const IdentityRegistry &reg);

// One act, one time: events that bring no time of their own take the first one given.
std::optional<qint64> actTime(const QList<NewEvent> &events);

// The event at `seq` of the log `storeId`, signed by the signer in the position-free form
// (codec::signedMessage), or, for a bulk import, unsigned and covered by the batch statement.
// Refused when its time is before `latestTs` by more than the tolerance.
// `presigned`: the signer's signature over exactly this event (id, time, kind, scope, payload),
// made beforehand (the form does not name the position), used instead of signing again.
Result<StoredEvent> seal(const NewEvent &event, quint64 seq, const std::string &uuid, qint64 tsMs,
                         qint64 latestTs, const Signer &signer, bool sign, const QString &storeId,
                         const QString &where, const QByteArray &presigned = {});

// The checkpoint over `tree`, a signed note by the signer.
Result<Checkpoint> signCheckpoint(const Signer &signer, const crypto::merkle::TreeBuilder &tree, qint64 tsMs,
                                  const QString &storeId, const QString &origin);

// Whether a checkpoint's signature verifies under the key its signer held at its size. A requester
// signs only the checkpoint right after its own request (`checkpointAt(size - 1)` must hold).
bool checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp,
                           const std::function<bool(quint64)> &checkpointAt);

// Refuses to write over events that the latest validly signed checkpoint does not cover.
// signatureChecked: the caller verified these very checkpoint bytes before (a signer's key at a
// size never changes in an append-only registry), so only the root and size are compared.
Result<void> checkHead(const IdentityRegistry &reg, quint64 n, const crypto::merkle::TreeBuilder &tree,
                       const Result<Checkpoint> &latest, const std::function<bool(quint64)> &checkpointAt,
                       const QString &where, bool signatureChecked = false);

} // namespace ops::act
