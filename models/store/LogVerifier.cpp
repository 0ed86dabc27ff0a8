// verifyLog: the backend-neutral checks of a log, recomputed from the stored event bytes.
#include "LogVerifier.h"

#include "EventCodec.h"
#include "OfflineActCheck.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "core/Roles.h"
#include "core/SeenOnce.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"

#include <QHash>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>

namespace ops {

namespace merkle = crypto::merkle;
using namespace store;

namespace {

struct Verdict {
    VerifyReport &report;
    void fail(std::optional<quint64> seq, const QString &reason) { recordFailure(report, seq, reason); }
};

// What the checks ask of an event's kind, worked out once per distinct kind (a log holds few; a
// log with more than kMaxKept distinct ones is still checked, each of the rest worked out again).
struct KindFacts {
    QString name;
    bool valid = false;      // a dotted lower-case name (codec::validKind)
    bool act = false;        // a person's act (isActKind)
    bool monitorMay = false; // a monitor may record it (Roles::monitorMayRecord)
};

QString utf8(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

void recordFailure(VerifyReport &report, std::optional<quint64> seq, const QString &reason) {
    const bool earlier = seq && (!report.firstBadSeq || *seq < *report.firstBadSeq);
    if (report.reason.isEmpty() || earlier) {
        if (seq)
            report.firstBadSeq = seq;
        report.reason = reason;
    }
}

StoredEvent LogEventRow::toEvent() const {
    StoredEvent e;
    e.seq = seq;
    e.uuid = QString::fromUtf8(uuid.data(), static_cast<qsizetype>(uuid.size()));
    e.tsMs = tsMs;
    e.actor = QString::fromUtf8(actor.data(), static_cast<qsizetype>(actor.size()));
    e.kind = QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size()));
    e.scope = QString::fromUtf8(scope.data(), static_cast<qsizetype>(scope.size()));
    e.canonical.assign(canonical.data(), static_cast<std::size_t>(canonical.size()));
    e.leafHash = leafHash.toByteArray();
    e.signedByActor = signedByActor;
    return e;
}

QString timeWentBackwards(qint64 ts, qint64 highWater) {
    return QStringLiteral("its time %1 is %2 s before the latest time in the log (%3): times never go "
                          "backwards by more than %4 s; check this machine's clock")
        .arg(Time::toIso(ts))
        .arg((highWater - ts) / 1000)
        .arg(Time::toIso(highWater))
        .arg(Time::kClockSkewToleranceMs / 1000);
}

QString timeAheadOfClock(qint64 ts, qint64 nowMs) {
    return QStringLiteral("its time %1 is %2 s ahead of this machine's clock (%3): times never lie ahead "
                          "by more than %4 s; a clock set ahead made it, or this clock is behind")
        .arg(Time::toIso(ts))
        .arg((ts - nowMs) / 1000)
        .arg(Time::toIso(nowMs))
        .arg(Time::kClockSkewToleranceMs / 1000);
}

Result<VerifyReport> verifyLog(LogSource &source, const QString &storeId, const TrustPolicy &trust,
                               const VerifyOptions &options, const Progress &progress) {
    VerifyReport report;
    Verdict verdict{report};
    auto total = source.size();
    if (!total.ok())
        return total.error();
    std::optional<LogCheckpointRow> nextCp;
    auto advanceCp = [&]() -> Result<void> {
        LogCheckpointRow cp;
        auto more = source.nextCheckpoint(cp);
        if (!more.ok())
            return more.error();
        if (more.value())
            nextCp = std::move(cp);
        else
            nextCp.reset();
        return {};
    };

    // Who may act where, folded from the identity events as they come: keys, approvals, revocations.
    TrustPolicy policy = trust;
    for (const QString &pin : options.pins)
        if (!policy.admins.contains(pin))
            policy.admins << pin;
    IdentityRegistry reg(policy, storeId);
    KeyCache keyCache;
    // Imported (unsigned) events since the last signed one: the importer's batch statement
    // (evidence.imported) must follow them, naming their range and the digest of their leaves.
    std::optional<quint64> batchFirst;
    std::vector<std::pair<quint64, QString>> attached; // evidence.attached events and the blob they name
    QString batchActor;
    crypto::Sha256 batchLeaves;
    quint64 batchCount = 0, legacyUnsigned = 0;
    merkle::TreeBuilder tree;
    quint64 nodesEmitted = 0;
    quint64 expected = 1;
    quint64 lastCpSize = 0;
    std::string coveredActor, coveredOther; // actors of the events since the last checkpoint
    bool coveredSeen = false, coveredMixed = false;
    std::optional<Error> ioError;
    // Times never go backwards past the clock tolerance (from the era of trust roots on): events
    // and the checkpoints that seal them, in log order.
    qint64 latestTs = 0;
    // Nor do they lie ahead of the verifying machine's clock: a time from the future keeps an "ok"
    // fresh and makes every honest writer look as if it went backwards.
    const qint64 nowMs = options.nowMs;
    std::optional<std::pair<quint64, QString>> aheadSeq; // the first time ahead, and its reason
    // `what` names the event or checkpoint, made only when it is named in a failure.
    auto checkTime = [&](quint64 seq, qint64 ts, const auto &what) {
        if (!reg.trustEra())
            return;
        if (nowMs > 0 && ts > nowMs + Time::kClockSkewToleranceMs) {
            const QString reason = QStringLiteral("%1: %2").arg(what(), timeAheadOfClock(ts, nowMs));
            verdict.fail(seq, reason);
            if (!aheadSeq)
                aheadSeq = std::pair{seq, reason};
        }
        if (ts < latestTs - Time::kClockSkewToleranceMs)
            verdict.fail(seq, QStringLiteral("%1: %2").arg(what(), timeWentBackwards(ts, latestTs)));
        latestTs = qMax(latestTs, ts);
    };
    const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
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
    };

    auto checkCheckpoint = [&](const LogCheckpointRow &cp) {
        const quint64 firstCovered = lastCpSize + 1;
        auto parsed = Checkpoint::fromCanonical(cp.canonical, cp.signature, cp.signer);
        if (!parsed || parsed->size != cp.size || parsed->root != cp.root || parsed->storeId != storeId ||
            parsed->tsMs != cp.tsMs || parsed->signer != cp.signer) {
            verdict.fail(firstCovered,
                         QStringLiteral("checkpoint at size %1 is malformed or belongs to another store")
                             .arg(cp.size));
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
    };

    // The role an act needs, as of its position (from the era of trust roots on; earlier stores
    // verify under the rules they were written with). Only runbook steps need their payload.
    auto actRoleProblem = [&](const KindFacts &facts, const QString &actorName,
                              std::string_view payloadBytes) -> QString {
        const QString &kindName = facts.name;
        if (!reg.trustEra() || !facts.act)
            return {};
        JsonValue payload = JsonValue::object();
        if (kindName.startsWith(QLatin1String("runbook."))) {
            auto parsed = CanonicalJson::parse(payloadBytes);
            if (!parsed.ok())
                return QStringLiteral("its payload is not valid JSON");
            payload = std::move(parsed).value();
        }
        return Roles::actRefusal(kindName, payload, reg.activeRoles(actorName));
    };
    std::string canonicalBuf;
    const std::string storeIdBytes = storeId.toStdString();
    // Every event's id, 128 bits of it, with its position: an id may occur once (a signature does
    // not cover its event's position, so a replayed event would otherwise verify where it lands).
    std::vector<std::tuple<quint64, quint64, quint64>> ids;
    ids.reserve(static_cast<std::size_t>(std::min<quint64>(total.value(), quint64(1) << 24)));
    SeenOnce<KindFacts> kinds;
    SeenOnce<QString> actors;
    const auto kindFacts = [](std::string_view k) {
        KindFacts f;
        f.name = utf8(k);
        f.valid = codec::validKind(k);
        f.act = isActKind(f.name);
        f.monitorMay = Roles::monitorMayRecord(f.name);
        return f;
    };
    OfflineActCheck offline(
        reg, keyCache, storeIdBytes,
        [&verdict](quint64 seq, const QString &reason) { verdict.fail(seq, reason); },
        report.signaturesChecked);
    if (options.after) {
        // From a checkpoint verified before: its events must still be the same bytes (the stored
        // frontier gives its root), and the identity fold starts from what they say.
        const VerifyOptions::Base &base = *options.after;
        if (auto r = source.startAfter(base.size); !r.ok())
            return r.error();
        auto frontier = source.frontier(base.size);
        if (!frontier.ok())
            return frontier.error();
        tree = std::move(frontier).value();
        if (tree.size() != base.size || tree.root() != base.root)
            verdict.fail(1,
                         QStringLiteral("events 1..%1 are no longer the ones verified before (their Merkle "
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
    }
    if (auto r = advanceCp(); !r.ok())
        return r.error();
    LogEventRow row;
    while (true) {
        auto more = source.nextEvent(row);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        const quint64 seq = row.seq;
        const std::string_view uuid = row.uuid;
        const qint64 tsMs = row.tsMs;
        const std::string_view actor = row.actor;
        const std::string_view kind = row.kind;
        const std::string_view scope = row.scope;
        const QByteArrayView bytesView = row.canonical;
        const std::string_view bytes(bytesView.data(), static_cast<std::size_t>(bytesView.size()));
        const QByteArrayView storedLeaf = row.leafHash;
        const bool signedByActor = row.signedByActor;

        if (seq != expected) {
            verdict.fail(expected, seq > expected
                                       ? QStringLiteral("event %1 is missing (deleted)").arg(expected)
                                       : QStringLiteral("event sequence is out of order at %1").arg(seq));
            expected = seq;
        }
        ++expected;
        {
            const auto key = eventIdKey(uuid);
            ids.emplace_back(key.first, key.second, seq);
        }
        const QByteArray leaf = merkle::leafHash(bytesView);
        if (leaf != storedLeaf)
            verdict.fail(seq,
                         QStringLiteral("event %1: its bytes do not match its leaf hash (changed)").arg(seq));
        codec::Envelope env;
        if (const QString problem =
                codec::checkEnvelope(bytes, seq, uuid, tsMs, actor, kind, scope, signedByActor, env);
            !problem.isEmpty()) {
            // Name the field precisely when the bytes still parse.
            auto parsed = CanonicalJson::parse(bytes);
            QString detail = problem;
            if (parsed.ok()) {
                StoredEvent e = row.toEvent();
                if (const QString m = codec::columnMismatch(parsed.value(), e); !m.isEmpty())
                    detail = m;
            }
            verdict.fail(seq, QStringLiteral("event %1: %2").arg(seq).arg(detail));
        } else {
            const QString &actorName = actors.get(actor, utf8);
            const KindFacts &facts = kinds.get(kind, kindFacts);
            const QString &kindName = facts.name;
            if (!facts.valid) {
                // Every write refuses such a kind; one in the log was put there around the writer
                // ("Incident.closed" escapes the rules of incident.closed and every fold).
                verdict.fail(seq, QStringLiteral("event %1: '%2' is not a valid kind (a dotted lower-case "
                                                 "name); no writer records it")
                                      .arg(seq)
                                      .arg(kindName));
            } else if (kind.rfind("identity.", 0) == 0) {
                // Identities feed the keys of later checks and the projection rebuild. The registry
                // checks each identity event's signature and rule itself.
                auto payload = CanonicalJson::parse(env.payload);
                if (!payload.ok()) {
                    verdict.fail(seq, QStringLiteral("event %1: payload is not valid JSON").arg(seq));
                } else {
                    const StoredEvent e = row.toEvent();
                    if (const QString why = reg.apply(e, payload.value()); !why.isEmpty())
                        verdict.fail(seq, QStringLiteral("event %1 (%2 by '%3') does not count: %4")
                                              .arg(seq)
                                              .arg(kindName, actorName, why));
                    else if (signedByActor)
                        ++report.signaturesChecked;
                    if (options.projections && kind == "identity.created")
                        if (auto r = source.projectIdentity(e, payload.value()); !r.ok())
                            verdict.fail(seq, QStringLiteral("event %1: projection cannot be rebuilt: %2")
                                                  .arg(seq)
                                                  .arg(r.error().message));
                }
            } else {
                // Every act is signed by its actor, who may act at this position (approved, not
                // revoked); imported signals are covered by the importer's batch checkpoint.
                if (!signedByActor && facts.act)
                    verdict.fail(seq,
                                 QStringLiteral("event %1: an unsigned %2 \"by %3\": a person's act must be "
                                                "signed by its actor")
                                     .arg(seq)
                                     .arg(kindName, actorName));
                else if (const QString why = reg.refusalAt(actorName, {}, seq); !why.isEmpty())
                    verdict.fail(seq, QStringLiteral("event %1 (%2): %3").arg(seq).arg(kindName, why));
                else if (!facts.monitorMay && reg.activeRoles(actorName).contains(QStringLiteral("monitor")))
                    verdict.fail(seq, QStringLiteral("event %1: '%2' is a monitor and cannot record %3")
                                          .arg(seq)
                                          .arg(actorName, kindName));
                else if (const QString role = actRoleProblem(facts, actorName, env.payload); !role.isEmpty())
                    verdict.fail(seq, QStringLiteral("event %1 by '%2': %3").arg(seq).arg(actorName, role));
                else if (options.signatures && signedByActor) {
                    const crypto::PublicKey &key = keyCache.key(reg.keyAt(actorName, seq));
                    const QByteArray signature = QByteArray::fromBase64(QByteArray(
                        env.signatureBase64.data(), static_cast<qsizetype>(env.signatureBase64.size())));
                    if (codec::verifiedForm(key, storeIdBytes, env.beforeSignature, env.afterSignature,
                                            signature, canonicalBuf) == SignedForm::None)
                        verdict.fail(seq, QStringLiteral("event %1: the signature by '%2' does not verify")
                                              .arg(seq)
                                              .arg(actorName));
                    else
                        ++report.signaturesChecked;
                }
                if (options.signatures && signedByActor)
                    offline.see(seq, actorName, kindName, tsMs, env, actor, kind, scope);
            }
        }
        if (!signedByActor) {
            const QString &importer = actors.get(actor, utf8);
            if (!reg.trustEra()) {
                ++legacyUnsigned;
            } else {
                if (!batchFirst) {
                    batchFirst = seq;
                    batchActor = importer;
                    batchCount = 0;
                } else if (importer != batchActor) {
                    verdict.fail(
                        seq, QStringLiteral("event %1: imports by '%2' and '%3' interleave without a batch "
                                            "statement")
                                 .arg(seq)
                                 .arg(batchActor, importer));
                }
                batchLeaves.add(leaf);
                ++batchCount;
            }
        } else if (kind == "evidence.imported") {
            auto p = CanonicalJson::parse(env.payload);
            const QByteArray digest = batchFirst ? batchLeaves.finish().toHex() : QByteArray();
            const QString &importer = actors.get(actor, utf8);
            if (!batchFirst || !p.ok() || p->find("first_seq") == nullptr || p->find("last_seq") == nullptr ||
                static_cast<quint64>(p->find("first_seq")->toInt()) != *batchFirst ||
                static_cast<quint64>(p->find("last_seq")->toInt()) != seq - 1 ||
                p->stringAt("leaves_sha256") != QString::fromLatin1(digest) || importer != batchActor)
                verdict.fail(
                    seq, QStringLiteral("event %1: the import batch statement does not match the imported "
                                        "events before it (range, digest or importer)")
                             .arg(seq));
            batchFirst.reset();
        } else if (batchFirst) {
            verdict.fail(*batchFirst,
                         QStringLiteral("imported events %1..%2 are not covered by a signed batch statement")
                             .arg(*batchFirst)
                             .arg(*batchFirst + batchCount - 1));
            batchLeaves.finish();
            batchFirst.reset();
        }
        checkTime(seq, tsMs, [seq] { return QStringLiteral("event %1").arg(seq); });
        if (kind == "evidence.attached") {
            auto p = CanonicalJson::parse(env.payload);
            attached.emplace_back(seq, p.ok() ? p->stringAt("sha256") : QString());
        }
        tree.append(leaf, sink);
        if (ioError)
            return *ioError;
        if (!coveredSeen) {
            coveredActor.assign(actor);
            coveredSeen = true;
        } else if (!coveredMixed && actor != coveredActor) {
            coveredMixed = true;
            coveredOther.assign(actor);
        }
        while (nextCp && nextCp->size == tree.size()) {
            checkCheckpoint(*nextCp);
            coveredSeen = false;
            coveredMixed = false;
            lastCpSize = nextCp->size;
            if (auto r = advanceCp(); !r.ok())
                return r.error();
        }
        while (nextCp && nextCp->size < tree.size()) { // a checkpoint for a size that was skipped
            verdict.fail(
                nextCp->size,
                QStringLiteral("checkpoint at size %1 does not line up with the events").arg(nextCp->size));
            if (auto r = advanceCp(); !r.ok())
                return r.error();
        }
        ++report.events;
        if (progress && (report.events % 4096) == 0 && !progress(report.events, total.value()))
            return makeError(ErrorCode::Negative, QStringLiteral("verification cancelled"));
    }
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
    report.clockAhead =
        aheadSeq && report.firstBadSeq == aheadSeq->first && report.reason == aheadSeq->second;
    return report;
}

} // namespace ops
