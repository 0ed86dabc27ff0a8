#pragma once

#include "core/JsonValue.h"
#include "crypto/Ed25519.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace ops {

// What a caller asks to record. The store adds sequence number, id, time and actor.
struct NewEvent {
    QString kind;  // dotted, e.g. "incident.opened"
    QString scope; // may be empty
    JsonValue payload = JsonValue::object();
    std::optional<qint64> tsMs; // defaults to now; imports may carry their own
};

struct StoredEvent {
    quint64 seq = 0; // 1-based; leaf index = seq - 1
    QString uuid;
    qint64 tsMs = 0;
    QString actor;
    QString kind;
    QString scope;
    std::string canonical; // exact bytes hashed into the tree
    QByteArray leafHash;
    bool signedByActor = false;
    // Why its bytes or columns are not what was written; set only for a read that asked to see
    // such events (EventFilter::markEdited), which every other read refuses.
    QString editedProblem;

    JsonValue payload() const;
    QByteArray signature() const; // raw 64 bytes, empty for batch-covered events
    // What the signature covers: codec::verifiedForm (models/store/EventCodec.h).
};

// A signed tree head. Written as a C2SP signed note (docs/formats.md):
//   opsconsole/<store id>\n<size>\n<base64 root>\nopsconsole-time <ISO-8601>\n
// (or, with store.origin set: <origin>\n<size>\n<root>\nopsconsole-store <id>\nopsconsole-time …\n)
// signed by the acting identity under its name; stores written before read as canonical JSON
// objects and keep verifying in that form.
struct Checkpoint {
    quint64 size = 0;
    QByteArray root;
    qint64 tsMs = 0;
    QString signer;
    QString signerKey; // "SHA256:<hex>" of the signer's raw key (a note's: once a key verifies it)
    QString storeId;
    std::string canonical; // the exact signed bytes: a note's body, or the legacy canonical JSON
    QByteArray signature;  // raw Ed25519
    QByteArray keyId;      // a signed note's 4-byte key ID; empty for the legacy JSON form
    // A note's other signature lines (cosignatures), as found: checked by whoever trusts them.
    QList<std::pair<QString, QByteArray>> otherSignatures; // name, base64 key ID ‖ signature

    bool isNote() const { return !keyId.isEmpty(); }
    // The whole signed note (body, empty line, the signer's line, the other lines).
    std::string noteText() const;
    // The checkpoints.signature column: key ID ‖ signature for a note, the bare signature before.
    QByteArray storedSignature() const { return keyId + signature; }
    // Whether `key` (the key its signer held) signed these bytes under the signer's name.
    bool signedBy(const crypto::PublicKey &key) const;

    static QString origin(const QString &storeId) { return QStringLiteral("opsconsole/") + storeId; }
    // A stored row: its signed bytes, its signature column and its signer column.
    static std::optional<Checkpoint> fromCanonical(const std::string &canonical, const QByteArray &signature,
                                                   const QString &signer = {});
    // A signed note whose first Ed25519 signature line is the signer's.
    static std::optional<Checkpoint> fromNote(std::string_view text);
};

struct Identity {
    QString name;
    QStringList roles; // as requested and approved
    QByteArray publicKeyPem;
    QString fingerprint; // the current key (the requested one while requested)
    quint64 createdSeq = 0;
    QString state;         // "requested", "approved", "revoked"
    QStringList approvers; // admins that approved the request (or the pending rotation)
    quint64 approvedSeq = 0;
    quint64 revokedSeq = 0;
    QString revokeReason;
    QString pendingFingerprint; // a rotation waiting for approval
    bool admin = false;         // acts as an admin now (approved; pinned when admins are pinned)
    bool genesis = false;       // the first identity of the log
    bool legacy = false;        // enrolled before trust roots
    bool approved() const { return state == QLatin1String("approved"); }
};

// Kinds that record a person's (or a monitor's) act: made only by the verbs that check their
// rules, each signed by its actor. Imports cannot bring them in and verify names any of them
// that is unsigned.
inline bool isActKind(QStringView kind) {
    for (const char *prefix :
         {"identity.",    "incident.",   "runbook.",  "rollback.", "killswitch.",   "alert.",
          "launch.",      "derivation.", "handoff.",  "verdict.",  "proof.",        "evidence.",
          "publisher.",   "silence.",    "probe.",    "trust.",    "alertmanager.", "notification.",
          "attestation.", "report.",     "handover.", "outbox.",   "monitor."})
        if (kind.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

// A file kept as evidence, written in the same transaction as the events of its act. One
// "evidence.attached" event of that act names it by SHA-256 (attachmentEvent, EvidenceStore.h).
struct NewBlob {
    QString name;
    QByteArray bytes;
    QString mediaType;
    QString sha256; // lowercase hex of bytes
};

struct BlobInfo {
    QString sha256; // hex
    qint64 size = 0;
    QString mediaType;
};

// An unlocked identity: signs events it makes and the checkpoint after each transaction.
struct Signer {
    QString name;
    crypto::PrivateKey key;
};

struct InclusionProofData {
    quint64 seq = 0;
    quint64 treeSize = 0;
    QByteArray leafHash;
    QList<QByteArray> path;
};

struct EventFilter {
    QString kind;
    QString kindPrefix; // e.g. "incident." — every kind that starts with it (uses the kind index)
    QString scope;
    QString actor;
    QString text; // substring of the event bytes
    quint64 fromSeq = 1;
    quint64 toSeq = std::numeric_limits<quint64>::max(); // the last position read
    int limit = 100;
    bool newestFirst = false;
    // An event edited in the file comes back marked (StoredEvent::editedProblem) instead of failing
    // the read: for the identity fold, which leaves it out so that the store still opens and verify
    // can name it.
    bool markEdited = false;
};

struct VerifyOptions {
    VerifyOptions(bool signatures_ = false, bool projections_ = true, QStringList pins_ = {})
        : signatures(signatures_)
        , projections(projections_)
        , pins(std::move(pins_)) {}
    bool signatures = false; // also verify every event signature
    bool projections = true; // rebuild projections from events and compare
    QStringList pins;        // admin key fingerprints the genesis must be among (beside trust.admins)
    // Verify only what follows a checkpoint verified before (the log's first `size` events, their
    // root and the checkpoint's time): the Merkle frontier at that size must still give that root,
    // the identity events before it are folded again, and every event and checkpoint after it is
    // checked in full. Without it, every event from the first.
    struct Base {
        quint64 size = 0;
        QByteArray root;
        qint64 tsMs = 0;
    };
    std::optional<Base> after;
    bool blobs = true; // hash every attachment against its name
    // Times ahead of this clock by more than the tolerance are named (0: not checked). Set by the
    // verifications a person runs (evidence verify, the Evidence panel's Verify) to this machine's
    // clock; the stores' own checks on read and write leave it unset, since a console's clock may
    // be injected (drills, tests).
    qint64 nowMs = 0;
};

struct VerifyReport {
    bool intact = false;
    quint64 events = 0;
    quint64 checkpoints = 0;
    quint64 signaturesChecked = 0;
    std::optional<quint64> firstBadSeq;
    QString reason;
    QStringList notes;
    bool trustPinned = false; // the genesis admin is among pinned keys (config or --pin)
    // The first failure is a time ahead of the verifying machine's clock: that clock or the
    // writer's is wrong (not a sign that the log was rewritten).
    bool clockAhead = false;
    // The team log: who cosigned the latest checkpoint (identities other than its signer, each
    // cosignature checked), against the quorum the deployment asks for.
    bool witnessing = false; // the backend keeps cosignatures
    quint64 witnessedSize = 0;
    QStringList witnesses;
    int witnessQuorum = 0;
};

using Progress = std::function<bool(quint64 done, quint64 total)>; // return false to cancel

// What an actor's signature covers (docs/formats.md, "Event signatures").
// PositionFree (events written by this version): "opsconsole event v2\n<store id>\n" followed by the
// canonical event without "seq" and "signature". An act keeps its signature wherever its log places
// it (an act made offline and appended later), and only in its own log; the leaf hash and the signed
// checkpoints fix its position, and verify refuses an event id that occurs twice.
// Positioned (events written before): the canonical event without "signature", "seq" included.
enum class SignedForm { None, PositionFree, Positioned };
// Which form of `event`'s signature (in log `storeId`) verifies with `key`; None when neither does.
SignedForm verifiedForm(const crypto::PublicKey &key, const QString &storeId, const StoredEvent &event);
QString signedFormName(SignedForm form); // "position-free", "positioned (older events)", "none"

} // namespace ops
