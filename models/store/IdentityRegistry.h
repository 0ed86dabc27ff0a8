#pragma once

#include "EvidenceTypes.h"

#include "core/Result.h"

#include <QHash>
#include <QStringList>

namespace ops {

class EvidenceStore;

// Who is trusted with what, from outside the store: the deployment config's `trust:` section.
struct TrustPolicy {
    QStringList admins;    // "SHA256:<hex>" of the admin keys; empty: trust on first use
    int enrollQuorum = 1;  // distinct admins that must approve an identity or a new key
    int witnessQuorum = 0; // identities other than its signer that must cosign a team log checkpoint
    bool pinned() const { return !admins.isEmpty(); }
};

// The identities of a log, folded from its identity.* events in log order. Every rule of
// enrolment is applied here, so the store's write gate, verify and every decision read the same
// answer, computed from signed events and never from a table an UPDATE can change.
//
//   identity.created   a request by a new key, signed by that key. The first one of the log is
//                      the genesis: approved at once and an admin (the root the config pins).
//                      A request for the admin role by a key that trust.admins pins is approved
//                      by the pin (the config's review is its approval).
//                      Requests written before trust roots existed carry no "enrolment" field;
//                      they count as approved ("enrolled before trust roots") only while the log
//                      holds no event of the trust era.
//   identity.approved  by an admin (never the identity itself), for the requested key; the
//                      identity is approved once `enrollQuorum` distinct admins have approved.
//   identity.revoked   by an admin (not the identity itself); nothing it signs later counts.
//   identity.rotated   a new key, signed by the old one, with the new key's own signature over
//                      the rotation; the old key signs until admins approve the new one.
//
// With pinned admins, an identity acts as an admin only when it holds the admin role and its
// key is pinned; the genesis must be pinned.
class IdentityRegistry {
public:
    enum class State { Requested, Approved, Revoked };
    struct KeyPeriod {
        QString fingerprint;
        QByteArray publicKeyPem;
        quint64 fromSeq = 0;  // first position this key signs for (its approval, or its request)
        quint64 untilSeq = 0; // first position it no longer signs for; 0: still current
    };
    struct Entry {
        QString name;
        QStringList roles;
        State state = State::Requested;
        quint64 createdSeq = 0;
        quint64 approvedSeq = 0; // 0 while requested
        quint64 revokedSeq = 0;
        QString revokedBy;
        QString revokeReason;
        QStringList approvers;      // admins that approved the current request or rotation
        QList<KeyPeriod> keys;      // every key it ever held, oldest first
        QString pendingFingerprint; // a requested rotation, or the initial key while requested
        QByteArray pendingPem;
        QByteArray requestPem; // the key of its request (which signs the request's checkpoint)
        bool genesis = false;
        bool legacy = false; // enrolled before trust roots

        const KeyPeriod *currentKey() const;
        QString fingerprint() const; // the current key's, or the requested one
        QByteArray publicKeyPem() const;
    };

    // `storeId` names the log whose events it folds (their signatures are bound to it).
    explicit IdentityRegistry(TrustPolicy policy = {}, QString storeId = {});

    // Reads every identity.* event of the store (through the kind index) and folds it.
    static Result<IdentityRegistry> load(const EvidenceStore &store, TrustPolicy policy);

    // Applies one identity.* event at its position. Returns why it does not count (the event
    // is then ignored), or an empty string. `signatureChecked` tells whether the caller verified
    // the event's signature; the fold trusts it either way (the store's gate and verify check it).
    QString apply(const StoredEvent &event, const JsonValue &payload);

    const Entry *find(const QString &name) const;
    // An identity whose name differs from `name` only in letter case ("Pat" for "pat"), if any.
    const Entry *findIgnoringCase(const QString &name) const;
    QList<Entry> entries() const; // by name
    QString genesis() const { return m_genesis; }
    const TrustPolicy &policy() const { return m_policy; }
    bool trustEra() const { return m_trustEra; }

    // The key `name` signs with at log position `seq`, when it may act there (approved and not
    // revoked; its own request counts for the request itself). Empty when it may not.
    QByteArray keyAt(const QString &name, quint64 seq) const;
    QString fingerprintAt(const QString &name, quint64 seq) const;
    // The key that signs a checkpoint of `size` by `name`: the key that signed event `size` (one
    // transaction, one signer), or its request's key when event `size` is its own request.
    QByteArray checkpointKey(const QString &name, quint64 size) const;
    // The key an event must be signed with: its actor's key at its position, or for a request
    // the key it enrols. Empty when its actor could not act there.
    QByteArray eventKey(const StoredEvent &event) const;
    // Why `name` with key `fingerprint` may not act at `seq` (empty when it may).
    QString refusalAt(const QString &name, const QString &fingerprint, quint64 seq) const;
    bool isAdmin(const QString &name) const; // now
    // Roles an approved, unrevoked identity holds now (empty otherwise).
    QStringList activeRoles(const QString &name) const;
    // Why the genesis does not anchor the log under the pinned admins (empty when it does or
    // when nothing is pinned).
    QString pinProblem() const;

    static QString stateName(State s);

private:
    bool adminAt(const Entry &e) const;
    const KeyPeriod *periodAt(const QString &name, quint64 seq) const; // the key `name` acts with at `seq`

    bool signatureVerifies(const StoredEvent &e, QByteArrayView pem) const;

    TrustPolicy m_policy;
    QString m_storeId;
    QHash<QString, Entry> m_entries;
    QHash<QString, QString> m_keysSeen; // every fingerprint ever requested or rotated to → its identity
    QString m_genesis;
    bool m_trustEra = false;

public:
    // What the new key signs when an identity rotates: binds the store's log, the name and both keys.
    static QByteArray rotationProof(const QString &name, const QString &oldFingerprint,
                                    const QString &newFingerprint);
};

} // namespace ops
