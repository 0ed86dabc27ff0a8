#pragma once

// The team log as a console sees it while the server cannot be reached: its verified copy
// (TeamLogCopy.h) with the acts made since on top. Reads answer from the copy and those acts;
// an act is checked as the team log would check it (the signer's standing and role, the act's
// blobs), signed by its author and kept in the outbox (Outbox.h), and is visible at once as a
// provisional event after the copy. What needs the server (verifying the whole log, enrolling
// identities, importing, attachments stored only in the team log) is refused with a clear reason.

#include "EvidenceStore.h"
#include "Outbox.h"
#include "TeamLogCopy.h"

#include "core/Time.h"

#include <QHash>
#include <QSet>

namespace ops {

class OfflineTeamLog final : public EvidenceStore {
public:
    // Fails when the copy is empty (this console never witnessed the team log) or its checkpoint
    // does not verify under the identities it records.
    // The copy and the outbox are shared with their keeper (StoreHost), which goes on using them
    // when the server is back.
    static Result<std::unique_ptr<OfflineTeamLog>> open(std::shared_ptr<TeamLogCopy> copy,
                                                        std::shared_ptr<Outbox> outbox, TrustPolicy trust,
                                                        Time::Clock clock, QString label);

    QString path() const override { return m_label; }
    QString storeId() const override { return m_copy->storeId(); }
    Result<quint64> size() const override { return static_cast<quint64>(m_events.size()); }
    bool reachable() const override { return false; }

    Result<QList<StoredEvent>> append(const Signer &signer, const QList<NewEvent> &events,
                                      const QList<NewBlob> &blobs = {}) override;
    Result<quint64> importJsonl(const Signer &signer, const QString &file,
                                const Progress &progress = {}) override;

    Result<StoredEvent> event(quint64 seq) const override;
    Result<QList<StoredEvent>> events(quint64 fromSeq, int limit) const override;
    Result<QList<StoredEvent>> query(const EventFilter &filter) const override;
    Result<Checkpoint> latestCheckpoint() const override { return m_checkpoint; }
    Result<qint64> sealedAtMs(quint64 seq) const override;
    Result<InclusionProofData> inclusionProof(quint64 seq, quint64 treeSize) const override;
    Result<QList<QByteArray>> consistencyProof(quint64 oldSize, quint64 newSize) const override;

    Result<StoredEvent> attach(const Signer &signer, const QString &name, const QByteArray &bytes,
                               const QString &mediaType, const QString &scope = {}) override;
    Result<QByteArray> blob(const QString &sha256Hex) const override;
    Result<BlobInfo> blobInfo(const QString &sha256Hex) const override;

    Result<QList<Identity>> identities() const override;
    Result<Identity> identity(const QString &name) const override;
    Result<IdentityRegistry> registry() const override { return m_registry; }
    const TrustPolicy &trust() const override { return m_trust; }
    bool checkpointAt(quint64 size) const override { return size == m_base; }

    Result<VerifyReport> verify(const VerifyOptions &options, const Progress &progress = {}) override;
    Result<void> backup(const QString &outPath, const Progress &progress = {}) override;
    QString integrityProblem() const override {
        return m_unsignedActs == 0
                   ? QString()
                   : QStringLiteral("%1 act(s) in the outbox are not signed by their author (the outbox file "
                                    "was edited): not shown, and refused at the sync")
                         .arg(m_unsignedActs);
    }

    // What stops a write on the team log stops one made offline too: the store opened read-only,
    // and an alarm this console raised for the log (kept under `anchorDirectory`).
    void setWriteGuards(const QString &anchorDirectory, bool readOnly) {
        m_anchorDirectory = anchorDirectory;
        m_readOnly = readOnly;
    }

    Outbox &outbox() { return *m_outbox; }
    const TeamLogCopy &copy() const { return *m_copy; }
    // How many events are provisional: made here since the copy, waiting in the outbox.
    quint64 provisional() const { return size().value() - m_base; }
    // The copy's size when this view of it was opened (the copy may grow after, on a witness pass:
    // then a new view is opened, see StoreHost::offline).
    quint64 base() const { return m_base; }

private:
    OfflineTeamLog() = default;
    Error needsServer(const QString &what) const;
    // Why the copy is not (at least) the log `name` last cosigned on this console, if it is not.
    QString behindWitnessed(const QString &name) const;
    void addProvisional(const OutboxAct &act);
    // The act verifies under the key the copy says its author holds (as a whole and each event).
    bool signedByItsAuthor(const OutboxAct &act) const;

    std::shared_ptr<TeamLogCopy> m_copy;
    mutable QSet<std::pair<quint64, QByteArray>> m_heldCheckpoints; // witnessed checkpoints the copy holds
    std::shared_ptr<Outbox> m_outbox;
    TrustPolicy m_trust;
    Time::Clock m_clock;
    QString m_label;
    IdentityRegistry m_registry;
    QList<StoredEvent> m_events; // the copy's, then the provisional ones
    QList<QByteArray> m_leaves;  // the same, hashed
    quint64 m_base = 0;          // how many of them are the copy's
    Checkpoint m_checkpoint;     // the copy's checkpoint then
    QString m_anchorDirectory;
    bool m_readOnly = false;
    QHash<QString, NewBlob> m_blobs; // carried by the acts waiting in the outbox
    int m_unsignedActs = 0;          // waiting acts that do not verify: not shown
};

} // namespace ops
