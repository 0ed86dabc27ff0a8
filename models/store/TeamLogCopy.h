#pragma once

// A console's verified copy of the team log, kept so it can go on working when the server cannot
// be reached. The copy holds the events up to the last checkpoint this console witnessed, byte for
// byte, and that checkpoint: opening it recomputes every leaf and the Merkle root and compares
// them with the signed checkpoint, and each event's columns with its bytes, so a copy edited on
// disk is refused rather than believed. Like the log it copies it is append-only.

#include "EvidenceTypes.h"

#include "core/Result.h"
#include "crypto/Ed25519.h"
#include "crypto/Merkle.h"

#include <memory>

namespace ops {

namespace store {
class Database;
}
class EvidenceStore;

class TeamLogCopy {
public:
    ~TeamLogCopy();
    TeamLogCopy(const TeamLogCopy &) = delete;
    TeamLogCopy &operator=(const TeamLogCopy &) = delete;

    // Opens the copy (creating an empty one, mode 0600, when absent) and checks it: its events
    // hash to the root of its checkpoint and agree with their columns. An error names what differs.
    static Result<std::unique_ptr<TeamLogCopy>> open(const QString &path);

    QString path() const { return m_path; }
    QString storeId() const { return m_storeId; } // empty while the copy is empty
    quint64 size() const { return static_cast<quint64>(m_events.size()); }
    const QList<StoredEvent> &events() const { return m_events; }
    // The checkpoint the copy reaches (size 0 while empty).
    const Checkpoint &checkpoint() const { return m_checkpoint; }
    const QList<QByteArray> &leaves() const { return m_leaves; }

    // Adds the events after the copy's end up to `checkpoint` (which must cover exactly them): one
    // transaction, and only when the leaves reach the checkpoint's root.
    Result<void> extend(const QString &storeId, const QList<StoredEvent> &events,
                        const Checkpoint &checkpoint);

    // Whether `name` vouched, with `key`, that the copy as it stands is the team log its console
    // witnessed: a signature over the log's id, the copy's size and root, made when its console
    // brought the copy there. Someone with the file can rewrite events and checkpoints but cannot
    // make this signature for the identity acting offline. An older genuine copy put back carries
    // a genuine older vouch: the offline log also holds the copy against the checkpoint the
    // identity last cosigned (OfflineTeamLog).
    bool vouchedBy(const QString &name, const crypto::PublicKey &key) const;
    // Adds `signer`'s vouch for the copy as it stands (nothing when it is empty or already vouched).
    Result<void> vouch(const Signer &signer);

private:
    TeamLogCopy() = default;
    Result<void> load();

    std::unique_ptr<store::Database> m_db;
    QString m_path;
    QString m_storeId;
    QList<StoredEvent> m_events;
    QList<QByteArray> m_leaves;
    crypto::merkle::TreeBuilder m_tree;
    Checkpoint m_checkpoint;
};

// Where a console keeps its copy of the team log at `url` and its outbox for it: in its state
// directory, named by a hash of the address without credentials. Empty without a state directory.
QString teamCopyPath(const QString &stateDirectory, const QString &url);
QString teamOutboxPath(const QString &stateDirectory, const QString &url);

// Brings the copy up to `witnessed`, a checkpoint of `team` that `witness` has just vouched for,
// reading only the events it does not hold yet, and adds the witness's vouch for the copy.
Result<void> refreshCopy(TeamLogCopy &copy, const EvidenceStore &team, const Checkpoint &witnessed,
                         const Signer &witness);

} // namespace ops
