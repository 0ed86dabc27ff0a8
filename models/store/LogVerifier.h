#pragma once

// The checks of a log that do not depend on where it is kept: every backend (the local SQLite
// file, the team log on PostgreSQL) reads its rows through a LogSource and gets the same verdict,
// naming the first bad event.

#include "EvidenceTypes.h"
#include "IdentityRegistry.h"

#include "core/Result.h"
#include "core/Time.h"
#include "crypto/Merkle.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ops {

// One stored event, as views into the backend's row (valid until the next row is read).
struct LogEventRow {
    quint64 seq = 0;
    std::string_view uuid;
    qint64 tsMs = 0;
    std::string_view actor;
    std::string_view kind;
    std::string_view scope;
    QByteArrayView canonical;
    QByteArrayView leafHash;
    bool signedByActor = false;

    StoredEvent toEvent() const;
};

// One stored checkpoint: its signed bytes and the columns beside them, which stores read for speed.
struct LogCheckpointRow {
    quint64 size = 0;
    QByteArray root;
    std::string canonical;
    QByteArray signature;
    qint64 tsMs = 0;
    QString signer;
};

// What a backend gives the verifier: its rows in order and its stored derived data.
class LogSource {
public:
    virtual ~LogSource() = default;
    virtual Result<quint64> size() = 0;
    // The next event in sequence order; false at the end.
    virtual Result<bool> nextEvent(LogEventRow &row) = 0;
    // The next checkpoint in size order; false at the end.
    virtual Result<bool> nextCheckpoint(LogCheckpointRow &row) = 0;
    // A stored perfect Merkle subtree (levels from kNodeLevelMin), nullopt when absent.
    virtual Result<std::optional<QByteArray>> storedNode(int level, quint64 index) = 0;
    virtual Result<quint64> storedNodeCount() = 0;
    // Every stored blob: its SHA-256 (hex), its recorded size and its bytes.
    using BlobVisitor = std::function<void(const QString &sha256Hex, qint64 size, QByteArrayView data)>;
    virtual Result<void> forEachBlob(const BlobVisitor &visit) = 0;
    virtual Result<bool> hasBlob(const QString &sha256Hex) = 0;
    // For a verification that starts after a checkpoint verified before (VerifyOptions::after):
    // events and checkpoints from after `size` on; the Merkle frontier at `size` from the stored
    // subtrees; the identity events up to `size`.
    virtual Result<void> startAfter(quint64 size) {
        (void)size;
        return makeError(ErrorCode::Store,
                         QStringLiteral("this log cannot be verified from a checkpoint on"));
    }
    virtual Result<crypto::merkle::TreeBuilder> frontier(quint64 size) {
        (void)size;
        return makeError(ErrorCode::Store,
                         QStringLiteral("this log cannot be verified from a checkpoint on"));
    }
    // The identity registry folded up to `size`, when the source kept it (with the same trust
    // policy): the verifier starts from it instead of folding identityEventsUpTo() again.
    virtual std::optional<IdentityRegistry> registryAt(quint64 size) {
        (void)size;
        return std::nullopt;
    }
    virtual Result<QList<StoredEvent>> identityEventsUpTo(quint64 size) {
        (void)size;
        return makeError(ErrorCode::Store,
                         QStringLiteral("this log cannot be verified from a checkpoint on"));
    }
    // Called for each valid identity.created event when projections are rebuilt.
    virtual Result<void> projectIdentity(const StoredEvent &event, const JsonValue &payload) {
        (void)event;
        (void)payload;
        return {};
    }
};

// "its time … is N s before the latest time in the log (…)": the one wording of the time rule.
QString timeWentBackwards(qint64 ts, qint64 highWater);
// "its time … is N s ahead of this machine's clock (…)": times never lie ahead of the clock.
QString timeAheadOfClock(qint64 ts, qint64 nowMs);

// Records a failure in a report: the one at the earliest position is the one it names.
void recordFailure(VerifyReport &report, std::optional<quint64> seq, const QString &reason);

// Recomputes everything from the stored event bytes: sequence, leaf hashes, envelopes, the
// identity fold and who may act where, event and checkpoint signatures, import batches, times,
// the Merkle subtrees and every checkpoint's root, attachments, and the trust pins. The report's
// `intact` is left to the caller, which adds the checks of its backend.
Result<VerifyReport> verifyLog(LogSource &source, const QString &storeId, const TrustPolicy &trust,
                               const VerifyOptions &options, const Progress &progress = {});

} // namespace ops
