// LogVerification's Merkle tree and checkpoints: the stored subtrees, each checkpoint's root,
// signer, key and time, a verification from a checkpoint verified before, and what only the whole
// log shows (LogVerification.h).
#include "LogVerification.h"

#include "IdentityRegistry.h"
#include "Schema.h"

#include "core/CanonicalJson.h"

#include <algorithm>

namespace ops::verification {

using namespace store;

Result<void> LogVerification::advanceCp() {
    LogCheckpointRow cp;
    auto more = source.nextCheckpoint(cp);
    if (!more.ok())
        return more.error();
    if (more.value())
        nextCp = std::move(cp);
    else
        nextCp.reset();
    return {};
}

void LogVerification::sink(int level, quint64 index, const QByteArray &hash) {
    if (level < kNodeLevelMin)
        return;
    ++nodesEmitted;
    auto stored = source.storedNode(level, index);
    if (!stored.ok())
        ioError = stored.error();
    else if (!stored.value() || *stored.value() != hash)
        verdict.fail((index << level) + 1,
                     QStringLiteral("stored Merkle subtree (level %1, index %2) differs from the events")
                         .arg(level)
                         .arg(index));
}

void LogVerification::checkCheckpoint(const LogCheckpointRow &cp) {
    const quint64 firstCovered = lastCpSize + 1;
    auto parsed = Checkpoint::fromCanonical(cp.canonical, cp.signature, cp.signer);
    if (!parsed || parsed->size != cp.size || parsed->root != cp.root || parsed->storeId != storeId ||
        parsed->tsMs != cp.tsMs || parsed->signer != cp.signer) {
        verdict.fail(
            firstCovered,
            QStringLiteral("checkpoint at size %1 is malformed or belongs to another store").arg(cp.size));
        return;
    }
    if (cp.root != tree.root()) {
        verdict.fail(firstCovered,
                     QStringLiteral("checkpoint at size %1: the Merkle root of the events differs from "
                                    "the signed root (an event in %2..%1 was changed)")
                         .arg(cp.size)
                         .arg(firstCovered));
        return;
    }
    // One transaction, one signer: every event the checkpoint covers is by its signer.
    if (coveredMixed || QString::fromStdString(coveredActor) != parsed->signer) {
        verdict.fail(
            firstCovered,
            QStringLiteral("checkpoint at size %1 is signed by '%2' but covers events by "
                           "'%3': each transaction is sealed by its own actor")
                .arg(cp.size)
                .arg(parsed->signer, QString::fromStdString(coveredMixed ? coveredOther : coveredActor)));
        return;
    }
    // Signed with the key that signed event `size`; a requester signs only over its own request.
    QByteArray pem;
    if (const IdentityRegistry::Entry *e = reg.find(parsed->signer); e && e->createdSeq == cp.size)
        pem = firstCovered == cp.size ? e->requestPem : QByteArray();
    else
        pem = reg.checkpointKey(parsed->signer, cp.size);
    if (pem.isEmpty()) {
        verdict.fail(firstCovered,
                     QStringLiteral("checkpoint at size %1 is signed by '%2', who may not sign it: %3")
                         .arg(cp.size)
                         .arg(parsed->signer, reg.refusalAt(parsed->signer, {}, cp.size)));
        return;
    }
    auto key = crypto::PublicKey::fromPem(pem);
    if (!key.ok() || !parsed->signedBy(key.value())) {
        verdict.fail(firstCovered,
                     QStringLiteral("checkpoint at size %1: the signature by '%2' does not verify")
                         .arg(cp.size)
                         .arg(parsed->signer));
        return;
    }
    checkTime(firstCovered, parsed->tsMs,
              [&cp] { return QStringLiteral("checkpoint at size %1").arg(cp.size); });
    ++report.checkpoints;
}

// From a checkpoint verified before: its events must still be the same bytes (the stored
// frontier gives its root), and the identity fold starts from what they say.
Result<void> LogVerification::startAfter(const VerifyOptions::Base &base) {
    if (auto r = source.startAfter(base.size); !r.ok())
        return r.error();
    auto frontier = source.frontier(base.size);
    if (!frontier.ok())
        return frontier.error();
    tree = std::move(frontier).value();
    if (tree.size() != base.size || tree.root() != base.root)
        verdict.fail(1, QStringLiteral("events 1..%1 are no longer the ones verified before (their Merkle "
                                       "root changed): the history was rewritten")
                            .arg(base.size));
    if (options.pins.isEmpty())
        if (std::optional<IdentityRegistry> kept = source.registryAt(base.size))
            reg = std::move(*kept);
    if (reg.entries().isEmpty()) {
        auto identities = source.identityEventsUpTo(base.size);
        if (!identities.ok())
            return identities.error();
        for (const StoredEvent &e : identities.value())
            if (const QString why = reg.apply(e, e.payload()); !why.isEmpty())
                verdict.fail(e.seq, QStringLiteral("event %1 (%2 by '%3') does not count: %4")
                                        .arg(e.seq)
                                        .arg(e.kind, e.actor, why));
    }
    expected = base.size + 1;
    lastCpSize = base.size;
    latestTs = base.tsMs;
    return {};
}

// The checkpoints whose size the tree has reached.
Result<void> LogVerification::sealedByCheckpoints() {
    while (nextCp && nextCp->size == tree.size()) {
        checkCheckpoint(*nextCp);
        coveredSeen = false;
        coveredMixed = false;
        lastCpSize = nextCp->size;
        if (auto r = advanceCp(); !r.ok())
            return r;
    }
    while (nextCp && nextCp->size < tree.size()) { // a checkpoint for a size that was skipped
        verdict.fail(
            nextCp->size,
            QStringLiteral("checkpoint at size %1 does not line up with the events").arg(nextCp->size));
        if (auto r = advanceCp(); !r.ok())
            return r;
    }
    return {};
}

// What only the whole log shows: repeated ids, a batch left open, a truncated tail, events no
// checkpoint covers, stored subtrees, attachments, and the trust pins.
Result<void> LogVerification::finish() {
    const quint64 n = tree.size();
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i)
        if (std::get<0>(ids[i]) == std::get<0>(ids[i - 1]) && std::get<1>(ids[i]) == std::get<1>(ids[i - 1]))
            verdict.fail(std::get<2>(ids[i]),
                         QStringLiteral("event %1 repeats the id of event %2 (a replayed act)")
                             .arg(std::get<2>(ids[i]))
                             .arg(std::get<2>(ids[i - 1])));
    if (batchFirst)
        verdict.fail(*batchFirst,
                     QStringLiteral("imported events %1..%2 are not covered by a signed batch statement")
                         .arg(*batchFirst)
                         .arg(*batchFirst + batchCount - 1));
    if (legacyUnsigned > 0)
        report.notes << QStringLiteral(
                            "%1 events were imported before trust roots, without a batch statement")
                            .arg(legacyUnsigned);
    if (nextCp)
        verdict.fail(
            n + 1, QStringLiteral("a checkpoint records %1 events but only %2 remain: the tail was truncated")
                       .arg(nextCp->size)
                       .arg(n));
    if (n > lastCpSize)
        verdict.fail(lastCpSize + 1, QStringLiteral("events %1..%2 are not covered by any signed checkpoint")
                                         .arg(lastCpSize + 1)
                                         .arg(n));

    if (!options.after) {
        auto nodeCount = source.storedNodeCount();
        if (!nodeCount.ok())
            return nodeCount.error();
        if (nodeCount.value() != nodesEmitted)
            verdict.fail(std::nullopt,
                         QStringLiteral("the stored Merkle subtrees do not correspond to the events"));
    }

    if (options.blobs)
        if (auto r = source.forEachBlob([&](const QString &sha, qint64 size, QByteArrayView data) {
                if (crypto::sha256Hex(data) != sha || data.size() != size)
                    verdict.fail(std::nullopt,
                                 QStringLiteral("attachment %1 does not match its SHA-256").arg(sha));
            });
            !r.ok())
            return r.error();
    if (options.signatures)
        offline.finish();
    // A blob deleted (or never written) behind the event that names it.
    for (const auto &[seq, sha] : attached) {
        auto present = source.hasBlob(sha);
        if (!present.ok())
            return present.error();
        if (!present.value())
            verdict.fail(seq, QStringLiteral("event %1 names attachment %2, which is missing from the store")
                                  .arg(seq)
                                  .arg(sha.isEmpty() ? QStringLiteral("(no SHA-256)") : sha));
    }

    if (policy.pinned()) {
        if (const QString pin = reg.pinProblem(); !pin.isEmpty())
            verdict.fail(1, pin);
        else
            report.trustPinned = !reg.genesis().isEmpty();
    } else {
        report.notes << QStringLiteral(
            "trust root not pinned: no trust.admins in the config and no --pin, so this log "
            "is trusted on first use; a log rewritten with new keys verifies as well");
    }
    return {};
}

} // namespace ops::verification
