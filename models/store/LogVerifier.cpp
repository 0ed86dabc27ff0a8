// verifyLog: the backend-neutral checks of a log, recomputed from the stored event bytes.
#include "LogVerifier.h"
#include "LogVerification.h"

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

using namespace store;
using namespace verification;

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

namespace verification {

KindFacts kindFacts(std::string_view k) {
    KindFacts f;
    f.name = utf8(k);
    f.valid = codec::validKind(k);
    f.act = isActKind(f.name);
    f.monitorMay = Roles::monitorMayRecord(f.name);
    return f;
}

// The role an act needs, as of its position (from the era of trust roots on; earlier stores
// verify under the rules they were written with). Only runbook steps need their payload.
QString LogVerification::actRoleProblem(const KindFacts &facts, const QString &actorName,
                                        std::string_view payloadBytes) {
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
}

// One event: its place, id, leaf, envelope, the rules of its kind, its import batch, its time and
// attachment; then the checkpoints that end at it.
Result<void> LogVerification::checkEvent(const LogEventRow &row) {
    const quint64 seq = row.seq;
    const std::string_view uuid = row.uuid;
    const QByteArrayView bytesView = row.canonical;
    const QByteArrayView storedLeaf = row.leafHash;
    const std::string_view actor = row.actor;
    const std::string_view kind = row.kind;
    const qint64 tsMs = row.tsMs;

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
    checkEnvelopeAndRules(row, env);
    checkImportBatch(row, leaf, env);
    checkTime(seq, tsMs, [seq] { return QStringLiteral("event %1").arg(seq); });
    if (kind == "evidence.attached") {
        auto p = CanonicalJson::parse(env.payload);
        attached.emplace_back(seq, p.ok() ? p->stringAt("sha256") : QString());
    }
    tree.append(leaf, [this](int level, quint64 index, const QByteArray &hash) { sink(level, index, hash); });
    if (ioError)
        return *ioError;
    if (!coveredSeen) {
        coveredActor.assign(actor);
        coveredSeen = true;
    } else if (!coveredMixed && actor != coveredActor) {
        coveredMixed = true;
        coveredOther.assign(actor);
    }
    return sealedByCheckpoints();
}

// The envelope around the payload matches the indexed columns; the kind is valid; an identity
// event folds into the registry; an act is signed by an actor who may make it there.
void LogVerification::checkEnvelopeAndRules(const LogEventRow &row, codec::Envelope &env) {
    const quint64 seq = row.seq;
    const std::string_view uuid = row.uuid;
    const qint64 tsMs = row.tsMs;
    const std::string_view actor = row.actor;
    const std::string_view kind = row.kind;
    const std::string_view scope = row.scope;
    const QByteArrayView bytesView = row.canonical;
    const std::string_view bytes(bytesView.data(), static_cast<std::size_t>(bytesView.size()));
    const bool signedByActor = row.signedByActor;

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
        const QString actorName = actors.get(actor, utf8);
        const KindFacts facts = kinds.get(kind, kindFacts);
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
                verdict.fail(seq, QStringLiteral("event %1: an unsigned %2 \"by %3\": a person's act must be "
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
                if (codec::verifiedForm(key, storeIdBytes, env.beforeSignature, env.afterSignature, signature,
                                        canonicalBuf) == SignedForm::None)
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
}

// Imported (unsigned) events run until their importer's signed batch statement, which names them.
void LogVerification::checkImportBatch(const LogEventRow &row, const QByteArray &leaf,
                                       const codec::Envelope &env) {
    const quint64 seq = row.seq;
    const std::string_view actor = row.actor;
    const std::string_view kind = row.kind;
    const bool signedByActor = row.signedByActor;

    if (!signedByActor) {
        const QString importer = actors.get(actor, utf8);
        if (!reg.trustEra()) {
            ++legacyUnsigned;
        } else {
            if (!batchFirst) {
                batchFirst = seq;
                batchActor = importer;
                batchCount = 0;
            } else if (importer != batchActor) {
                verdict.fail(seq,
                             QStringLiteral("event %1: imports by '%2' and '%3' interleave without a batch "
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
        const QString importer = actors.get(actor, utf8);
        if (!batchFirst || !p.ok() || p->find("first_seq") == nullptr || p->find("last_seq") == nullptr ||
            static_cast<quint64>(p->find("first_seq")->toInt()) != *batchFirst ||
            static_cast<quint64>(p->find("last_seq")->toInt()) != seq - 1 ||
            p->stringAt("leaves_sha256") != QString::fromLatin1(digest) || importer != batchActor)
            verdict.fail(seq,
                         QStringLiteral("event %1: the import batch statement does not match the imported "
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
}

Result<VerifyReport> LogVerification::run(const Progress &progress) {
    if (options.after)
        if (auto r = startAfter(*options.after); !r.ok())
            return r.error();
    if (auto r = advanceCp(); !r.ok())
        return r.error();
    LogEventRow row;
    while (true) {
        auto more = source.nextEvent(row);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        if (auto r = checkEvent(row); !r.ok())
            return r.error();
        ++report.events;
        if (progress && (report.events % 4096) == 0 && !progress(report.events, total))
            return makeError(ErrorCode::Negative, QStringLiteral("verification cancelled"));
    }
    if (auto r = finish(); !r.ok())
        return r.error();
    report.clockAhead =
        aheadSeq && report.firstBadSeq == aheadSeq->first && report.reason == aheadSeq->second;
    return report;
}

} // namespace verification

Result<VerifyReport> verifyLog(LogSource &source, const QString &storeId, const TrustPolicy &trust,
                               const VerifyOptions &options, const Progress &progress) {
    auto total = source.size();
    if (!total.ok())
        return total.error();
    LogVerification verification(source, storeId, trust, options, total.value());
    return verification.run(progress);
}

} // namespace ops
