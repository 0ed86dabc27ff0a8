// LogVerification: one verification of one log (LogVerifier.h's verifyLog), its state and its
// checks: the events' side in LogVerifier.cpp, the Merkle tree's and the checkpoints' side in
// LogVerifierCheckpoints.cpp.
#pragma once

#include "EventCodec.h"
#include "LogVerifier.h"
#include "OfflineActCheck.h"

#include "core/SeenOnce.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ops::verification {

namespace merkle = crypto::merkle;
namespace codec = store::codec;
using store::KeyCache;
using store::OfflineActCheck;

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

inline QString utf8(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// One verification of one log: what it has read so far (the identity fold, the Merkle tree, the
// import batch open, the times, the ids) and a method for each check.
struct LogVerification {
    LogVerification(LogSource &source_, const QString &storeId_, const TrustPolicy &trust,
                    const VerifyOptions &options_, quint64 total_)
        : source(source_)
        , storeId(storeId_)
        , options(options_)
        , total(total_)
        , policy(pinned(trust, options_.pins))
        , reg(policy, storeId_)
        , nowMs(options_.nowMs)
        , storeIdBytes(storeId_.toStdString())
        , offline(
              reg, keyCache, storeIdBytes,
              [this](quint64 seq, const QString &reason) { verdict.fail(seq, reason); },
              report.signaturesChecked) {
        // A whole log's ids, reserved up to a million (a read from a checkpoint on, as every append's
        // tail check is, reads few; a forged position must not reserve what it claims).
        if (!options_.after)
            ids.reserve(static_cast<std::size_t>(std::min<quint64>(total, quint64(1) << 20)));
    }

    // Its members refer to each other (the verdict to the report, the offline check to the registry).
    LogVerification(const LogVerification &) = delete;
    LogVerification &operator=(const LogVerification &) = delete;

    static TrustPolicy pinned(TrustPolicy policy, const QStringList &pins) {
        for (const QString &pin : pins)
            if (!policy.admins.contains(pin))
                policy.admins << pin;
        return policy;
    }

    Result<VerifyReport> run(const Progress &progress);
    Result<void> advanceCp();
    Result<void> startAfter(const VerifyOptions::Base &base);
    Result<void> checkEvent(const LogEventRow &row);
    void checkEnvelopeAndRules(const LogEventRow &row, codec::Envelope &env);
    void checkImportBatch(const LogEventRow &row, const QByteArray &leaf, const codec::Envelope &env);
    Result<void> sealedByCheckpoints();
    void checkCheckpoint(const LogCheckpointRow &cp);
    QString actRoleProblem(const KindFacts &facts, const QString &actorName, std::string_view payloadBytes);
    void sink(int level, quint64 index, const QByteArray &hash);
    // `what` names the event or checkpoint, made only when it is named in a failure.
    template<typename What> void checkTime(quint64 seq, qint64 ts, const What &what);
    Result<void> finish();

    LogSource &source;
    const QString &storeId;
    const VerifyOptions &options;
    const quint64 total;
    VerifyReport report;
    Verdict verdict{report};
    std::optional<LogCheckpointRow> nextCp;
    // Who may act where, folded from the identity events as they come: keys, approvals, revocations.
    TrustPolicy policy;
    IdentityRegistry reg;
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
    const qint64 nowMs;
    std::optional<std::pair<quint64, QString>> aheadSeq; // the first time ahead, and its reason
    std::string canonicalBuf;
    const std::string storeIdBytes;
    // Every event's id, 128 bits of it, with its position: an id may occur once (a signature does
    // not cover its event's position, so a replayed event would otherwise verify where it lands).
    std::vector<std::tuple<quint64, quint64, quint64>> ids;
    SeenOnce<KindFacts> kinds;
    SeenOnce<QString> actors;
    OfflineActCheck offline;
};

template<typename What> inline void LogVerification::checkTime(quint64 seq, qint64 ts, const What &what) {
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
}

} // namespace ops::verification
