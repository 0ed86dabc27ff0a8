#pragma once

#include "CheckpointFiles.h"
#include "EventSearch.h"
#include "EvidenceStore.h"
#include "IdentityRegistry.h"
#include "Sqlite.h"
#include "SqliteEventIndex.h"
#include "SqliteSeal.h"
#include "SqliteVerifiedView.h"
#include "StoreFile.h"

#include "core/Time.h"
#include "crypto/Merkle.h"

#include <future>
#include <memory>

namespace ops {

class LogSource;

struct StoreOpenOptions {
    bool create = false; // create the file (mode 0600) when missing
    bool readOnly = false;
    Time::Clock clock = Time::systemClock();
    int busyTimeoutMs = 5000;
    TrustPolicy trust;       // the deployment's pinned admins and enrolment quorum
    QString anchorDirectory; // where this user remembers the last checkpoint of each store; empty: nowhere
    QString origin;          // the origin line of new checkpoints; empty: opsconsole/<store id>
};

struct DeploymentConfig;
// The options of a deployment: its pinned admins and quorum, and this user's anchor directory.
StoreOpenOptions deploymentStoreOptions(const DeploymentConfig &config);

// SQLite implementation: WAL, synchronous=FULL, foreign keys on, busy timeout, quick_check at
// open, mode 0600, stepwise migrations; the latest checkpoint is mirrored beside the file
// (<store>.checkpoint) so a truncated tail or a rollback to an older copy is detected.
class SqliteEvidenceStore final : public EvidenceStore, public BrowsingThrough {
public:
    static Result<std::unique_ptr<SqliteEvidenceStore>> open(const QString &path,
                                                             const StoreOpenOptions &options = {});
    ~SqliteEvidenceStore() override;

    QString path() const override { return m_path; }
    QString storeId() const override { return m_storeId; }
    Result<quint64> size() const override;

    Result<QList<StoredEvent>> append(const Signer &signer, const QList<NewEvent> &events,
                                      const QList<NewBlob> &blobs = {}) override;
    // append, with a write to this file's operational tables (not evidence) in the same
    // transaction: the act and its cached state commit together or not at all.
    // Only onto a log of `size` events, checked inside the write transaction: what the act decided
    // from is still the whole log when it is written.
    Result<QList<StoredEvent>> appendOnSize(quint64 size, const Signer &signer, const QList<NewEvent> &events,
                                            const QList<NewBlob> &blobs = {}) override;
    using InTransaction = std::function<Result<void>(store::Database &)>;
    Result<QList<StoredEvent>> appendWith(const Signer &signer, const QList<NewEvent> &events,
                                          const QList<NewBlob> &blobs, const InTransaction &alsoWrite);
    Result<quint64> importJsonl(const Signer &signer, const QString &file,
                                const Progress &progress = {}) override;
    // "its time … is N s before the latest time in the log (…)": the one wording of the time rule.
    static QString timeWentBackwards(qint64 ts, qint64 highWater);

    Result<StoredEvent> event(quint64 seq) const override;
    Result<QList<StoredEvent>> events(quint64 fromSeq, int limit) const override;
    Result<QList<StoredEvent>> query(const EventFilter &filter) const override;
    Result<Checkpoint> latestCheckpoint() const override;
    Result<qint64> sealedAtMs(quint64 seq) const override;
    Result<InclusionProofData> inclusionProof(quint64 seq, quint64 treeSize) const override;
    Result<QList<QByteArray>> consistencyProof(quint64 oldSize, quint64 newSize) const override;

    Result<StoredEvent> attach(const Signer &signer, const QString &name, const QByteArray &bytes,
                               const QString &mediaType, const QString &scope = {}) override;
    Result<QByteArray> blob(const QString &sha256Hex) const override;
    Result<BlobInfo> blobInfo(const QString &sha256Hex) const override;

    Result<QList<Identity>> identities() const override;
    Result<Identity> identity(const QString &name) const override;
    Result<IdentityRegistry> registry() const override;
    bool checkpointAt(quint64 size) const override;
    const TrustPolicy &trust() const override { return m_options.trust; }
    const StoreOpenOptions &options() const { return m_options; }

    Result<VerifyReport> verify(const VerifyOptions &options, const Progress &progress = {}) override;
    // Reads the stored log (events, checkpoints, nodes, blobs) in one read snapshot, even while
    // other processes append: what `evidence migrate` copies to a team log.
    Result<void> readLog(const std::function<Result<void>(LogSource &)> &reader) const;
    Result<void> backup(const QString &outPath, const Progress &progress = {}) override;

    // Browsing: the file's searches and search indexes (SqliteEventIndex.h), on this connection.
    const SqliteEventIndex &index() const { return m_index; }
    bool hasSearchIndex() const { return m_index.hasSearchIndex(); }
    // The events a bulk import left to be indexed for search, and catching up with them in chunks
    // of at most maxEvents a transaction (returns the events still left).
    Result<quint64> searchBacklog() const { return m_index.backlog(); }
    Result<quint64> indexForSearch(quint64 maxEvents) { return m_index.indexMore(maxEvents); }

    // Called on the writing thread after each commit of this connection (its owner's change signal).
    void setAfterCommit(std::function<void()> hook) { m_afterCommit = std::move(hook); }

    QString sidecarPath() const { return m_view.files.sidecarPath(); }
    // Reads a checkpoint file (the sidecar, an anchor, a backup's).
    static Result<Checkpoint> readCheckpointFile(const QString &path) { return CheckpointFiles::read(path); }
    // The per-user anchors of this store (path-keyed and id-keyed), empty without an anchor directory.
    QStringList anchorPaths() const { return m_view.files.anchorPaths(m_storeId); }
    // The full PRAGMA quick_check started at open (off the caller's path); waits for it.
    Result<void> awaitIntegrity();
    // Why this store may not be trusted as it stands (rolled back, rewritten, a forged or unsigned
    // act after the last checkpoint this user verified); empty when nothing is known against it.
    QString integrityProblem() const override {
        return m_view.integrityProblem.isEmpty() ? m_view.tailProblem : m_view.integrityProblem;
    }
    Result<quint64> trustedThrough() const override { return m_view.trustedThrough(); }
    Result<QString> meta(const QString &key) const;
    // The identity made by init; written once.
    Result<void> setDefaultIdentity(const QString &name) {
        return setMeta(QStringLiteral("default_identity"), name);
    }

private:
    const EventBrowser &browsing() const override { return m_index; }
    SqliteEvidenceStore() = default;

    // One transaction: events (+ blobs, projections), then a checkpoint signed by the signer.
    Result<QList<StoredEvent>> appendInternal(const Signer &signer, const QList<NewEvent> &events,
                                              const QList<NewBlob> &blobs, bool signEvents,
                                              const InTransaction &alsoWrite = {},
                                              std::optional<quint64> onSize = std::nullopt);
    // Every blob named by exactly the attachment events of its act, and every attachment event's
    // bytes either in the act or already stored.
    Result<void> checkBlobs(const QList<NewEvent> &events, const QList<NewBlob> &blobs) const;
    Result<crypto::merkle::TreeBuilder> loadFrontier(quint64 size) const;
    Result<void> setMeta(const QString &key, const QString &value);

    std::unique_ptr<store::BackgroundQuickCheck> m_quickCheck; // from open, when writable
    friend class StoreVerifier;
    friend class JsonlImporter;
    mutable store::Database m_db;
    QString m_path;
    QString m_storeId;
    friend class SqliteVerifiedView;
    friend class SqliteSeal;
    mutable SqliteVerifiedView m_view{*this}; // what this user knows of the file
    bool m_createdNow = false;
    StoreOpenOptions m_options;
    SqliteEventIndex m_index{m_db, m_path, m_options};
    SqliteSeal m_seal{*this};
    std::function<void()> m_afterCommit;
    mutable std::optional<std::pair<QByteArray, IdentityRegistry>>
        m_registryCache; // keyed by its events' digest
};

} // namespace ops
