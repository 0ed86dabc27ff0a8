#pragma once

#include "EvidenceTypes.h"

#include "IdentityRegistry.h"
#include <limits>

#include "core/Result.h"

#include <memory>

namespace ops {

// The largest attachment the store accepts (blobs are held in one SQLite row).
inline constexpr qint64 kMaxAttachmentBytes = 256 * 1024 * 1024;

// The append-only evidence log. Every state change goes through append(): one transaction
// with its projection rows, followed by a checkpoint signed by the acting identity.
class EvidenceStore {
public:
    virtual ~EvidenceStore() = default;

    virtual QString path() const = 0;
    virtual QString storeId() const = 0;
    virtual Result<quint64> size() const = 0;
    // Whether the store can be reached now: a team log's connection is up. A local file always is.
    virtual bool reachable() const { return true; }

    // One act, one transaction: its events, the blobs its "evidence.attached" events name, the
    // projections and a checkpoint signed by the signer. All of it is written or none of it.
    virtual Result<QList<StoredEvent>> append(const Signer &signer, const QList<NewEvent> &events,
                                              const QList<NewBlob> &blobs = {}) = 0;
    // append, only onto a log of `size` events: when others appended meanwhile nothing is written and
    // the error's id is kGrewMeanwhile (the caller checks again what it decided from, then retries).
    // A store with one writer checks the size first; the team log under its locked head.
    static constexpr const char *kGrewMeanwhile = "store.grewMeanwhile";
    virtual Result<QList<StoredEvent>> appendOnSize(quint64 size, const Signer &signer,
                                                    const QList<NewEvent> &events,
                                                    const QList<NewBlob> &blobs = {}) {
        auto now = this->size();
        if (!now.ok())
            return now.error();
        if (now.value() != size)
            return grewMeanwhile(size, now.value());
        return append(signer, events, blobs);
    }
    // appendOnSize for an act decided from the events whose kinds start with one of `decidedFrom`
    // (and the identities): when what others appended meanwhile is only of other kinds (probe
    // rounds, alerts, signals, notices), the act's events are written onto the longer log as they
    // are, since nothing it was decided from changed; a storm of alerts does not keep an operator's
    // act deciding again. The gap is read before each attempt and the size is checked again inside
    // the write transaction, so nothing slips in unseen.
    Result<QList<StoredEvent>> appendOnLog(quint64 size, const QStringList &decidedFrom, const Signer &signer,
                                           const QList<NewEvent> &events, const QList<NewBlob> &blobs = {}) {
        constexpr int kAttempts = 64;
        constexpr quint64 kLongestGap = 5000;
        quint64 at = size;
        for (int attempt = 1;; ++attempt) {
            auto made = appendOnSize(at, signer, events, blobs);
            if (made.ok() || made.error().id != QLatin1String(kGrewMeanwhile) || attempt == kAttempts)
                return made;
            auto now = this->size();
            if (!now.ok() || now.value() <= at || now.value() - at > kLongestGap)
                return made;
            auto gap = this->events(at + 1, static_cast<int>(now.value() - at));
            if (!gap.ok() || static_cast<quint64>(gap->size()) != now.value() - at)
                return made;
            for (const StoredEvent &e : gap.value()) {
                if (e.kind.startsWith(QLatin1String("identity.")))
                    return made;
                for (const QString &prefix : decidedFrom)
                    if (e.kind.startsWith(prefix))
                        return made; // something it was decided from changed: decide again
            }
            at = now.value();
        }
    }
    // Runs act(size) on the log as it is now, `act` writing with appendOnSize(size, …); when another
    // console appended meanwhile it decides again, a few times, then returns that refusal.
    template<typename Act> auto decidedOnTheLog(Act &&act) -> decltype(act(quint64{})) {
        constexpr int kAttempts = 8;
        for (int attempt = 1;; ++attempt) {
            auto now = size();
            if (!now.ok())
                return now.error();
            auto made = act(now.value());
            if (made.ok() || made.error().id != QLatin1String(kGrewMeanwhile) || attempt == kAttempts)
                return made;
        }
    }
    static Error grewMeanwhile(quint64 expected, quint64 now) {
        return makeError(ErrorCode::Negative,
                         QStringLiteral("the log grew from %1 to %2 events while the act was checked")
                             .arg(expected)
                             .arg(now))
            .said(QString::fromLatin1(kGrewMeanwhile), {QString::number(expected), QString::number(now)});
    }
    // Streams a JSONL file (kind, scope, payload, optional ts a line) in one transaction covered
    // by one batch checkpoint. A bad line fails the whole import, naming file:line; nothing is written.
    virtual Result<quint64> importJsonl(const Signer &signer, const QString &file,
                                        const Progress &progress = {}) = 0;

    virtual Result<StoredEvent> event(quint64 seq) const = 0;
    virtual Result<QList<StoredEvent>> events(quint64 fromSeq, int limit) const = 0;
    virtual Result<QList<StoredEvent>> query(const EventFilter &filter) const = 0;
    virtual Result<Checkpoint> latestCheckpoint() const = 0;
    // The time of the first checkpoint that covers event `seq` (as its signed bytes say); 0 when
    // none does yet.
    virtual Result<qint64> sealedAtMs(quint64 seq) const = 0;
    virtual Result<InclusionProofData> inclusionProof(quint64 seq, quint64 treeSize) const = 0;
    virtual Result<QList<QByteArray>> consistencyProof(quint64 oldSize, quint64 newSize) const = 0;

    // Stores bytes under their SHA-256 (deduplicated) and records an "evidence.attached" event:
    // an act of its own (append with one attachment).
    virtual Result<StoredEvent> attach(const Signer &signer, const QString &name, const QByteArray &bytes,
                                       const QString &mediaType, const QString &scope = {}) = 0;
    virtual Result<QByteArray> blob(const QString &sha256Hex) const = 0;
    // Size and media type of stored bytes, without reading them (an error when absent).
    virtual Result<BlobInfo> blobInfo(const QString &sha256Hex) const = 0;

    virtual Result<QList<Identity>> identities() const = 0;
    virtual Result<Identity> identity(const QString &name) const = 0;
    // Every identity with its state, folded from the identity.* events (IdentityRegistry.h).
    virtual Result<IdentityRegistry> registry() const = 0;
    // The deployment's pinned admins and enrolment quorum this store was opened with.
    virtual const TrustPolicy &trust() const = 0;

    // Whether a checkpoint of exactly this size is stored.
    virtual bool checkpointAt(quint64 size) const = 0;
    // Whether the store extends a checkpoint taken earlier (its signature by an identity of this log
    // that could sign it then, and a consistency proof from it to the latest signed checkpoint).
    // Empty when it does, otherwise what is wrong.
    Result<QString> checkExtends(const Checkpoint &earlier) const;

    // The identity acts, the same on every backend (IdentityActs.cpp). registerIdentity records
    // "identity.created", self-signed by the new identity's key: the genesis (approved, an admin)
    // when the store has no identity yet, otherwise a request that admins approve.
    Result<StoredEvent> registerIdentity(const Signer &newIdentity, const QStringList &roles);
    Result<StoredEvent> approveIdentity(const Signer &admin, const QString &name);
    Result<StoredEvent> revokeIdentity(const Signer &admin, const QString &name, const QString &reason);
    // A new key for `current`, signed by its current key; it signs once admins approve it.
    Result<StoredEvent> rotateIdentity(const Signer &current, const crypto::PrivateKey &newKey);

    virtual Result<VerifyReport> verify(const VerifyOptions &options, const Progress &progress = {}) = 0;
    // How many leading events count: those up to the first event that does not verify (a forged
    // or unsigned act, a checkpoint sealing another actor's events, …). The folds that decide
    // (incidents, kill switches, runs, derivations) read no further, and nothing is written after
    // such an event. A store that checks nothing says all of them.
    virtual Result<quint64> trustedThrough() const { return std::numeric_limits<quint64>::max(); }
    // trustedThrough(), with nothing taken on trust: what a signature vouches for (a cosignature, an
    // act sealing others' events) was verified by this process, event by event.
    virtual Result<quint64> verifiedThrough() const { return trustedThrough(); }
    // What is wrong with the log as this process found it ("" when nothing): rolled back, cut, or
    // an event after what this user verified that does not verify (trustedThrough).
    virtual QString integrityProblem() const { return {}; }
    virtual Result<void> backup(const QString &outPath, const Progress &progress = {}) = 0;
};

// The blob of bytes (hashed); refused over kMaxAttachmentBytes.
Result<NewBlob> makeBlob(const QString &name, const QByteArray &bytes, const QString &mediaType);
// The "evidence.attached" event that names a blob in the append that carries it.
NewEvent attachmentEvent(const NewBlob &blob, const QString &scope);
// "evidence.verified": what a person's verification of the log found (intact, how much it
// checked, the first bad event and why), for them to sign.
NewEvent verificationEvent(const VerifyReport &report);

// Every event whose kind starts with one of `prefixes`, in sequence order, read page by page
// through the kind index: what the folds (incidents, launches, derivations) are built from.
// (Only the events that count, trustedThrough(), unless everyEvent: the identity fold reads every one.)
Result<QList<StoredEvent>> eventsWithKindPrefixes(const EvidenceStore &store, const QStringList &prefixes,
                                                  bool everyEvent = false, bool markEdited = false);
// store.query(filter) without the events that do not count (after trustedThrough()): what every
// reader that decides something (launch health, the alert matrix, silences, decisions) reads.
Result<QList<StoredEvent>> queryTrusted(const EvidenceStore &store, const EventFilter &filter);

} // namespace ops
