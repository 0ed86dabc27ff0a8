#pragma once

// The team log: the evidence store kept in a PostgreSQL database that every console of a team
// points at. The same rules as the local file (ActRules) and the same verifier (LogVerifier); the
// database adds what one file cannot: many writers on many machines.
//
// Positions are gapless under concurrent writers: an append locks the one row of log_head
// (SELECT … FOR UPDATE), writes its events at the positions after it, its blobs and its signed
// checkpoint, moves the head and commits, or none of it happens. A writer that dies mid-act leaves
// nothing behind: the server rolls its transaction back and releases the lock. Sequences are not
// used: they leave holes on rollback.
//
// The schema (its own PostgreSQL schema, `opsconsole`) is created and migrated by its owner
// (`init --store URL`); the application role the migrations name gets SELECT and INSERT only
// (and UPDATE of the head row), and triggers refuse UPDATE, DELETE and TRUNCATE of the evidence
// even to the owner.

#include "EventSearch.h"
#include "EvidenceStore.h"
#include "IdentityRegistry.h"
#include "PgAppender.h"
#include "PgEventIndex.h"
#include "PgVerifiedView.h"
#include "SqliteEvidenceStore.h"
#include "crypto/SignedNote.h"
#include "pg/Pg.h"

#include <optional>

namespace ops {

namespace pg {
struct ActBasis;
}

// What `evidence migrate` copied into a team log.
struct AdoptedLog {
    quint64 events = 0;
    quint64 checkpoints = 0;
    quint64 blobs = 0;
    QByteArray root;
    // The search indexes are brought up to date after the copy is committed; when that stops
    // short (another console is indexing, the server went away), the migration still stands and
    // searches index the rest as they run. Empty when the indexes hold every event.
    QString indexNote;
};

class PgEvidenceStore final : public EvidenceStore, public BrowsingThrough {
public:
    static constexpr int kSchemaVersion = 4;

    // Opens the team log at `url` (a libpq URI). With options.create, creates or migrates the schema
    // first (as its owner), granting the application role `appRole` (if any) what writers need.
    static Result<std::unique_ptr<PgEvidenceStore>>
    open(const QString &url, const StoreOpenOptions &options = {}, const QString &appRole = {});
    ~PgEvidenceStore() override;

    QString path() const override { return m_conn.url(); }
    QString storeId() const override { return m_storeId; }
    // "team log db@host"
    QString label() const { return QStringLiteral("team log %1").arg(m_conn.label()); }
    Result<quint64> size() const override;
    // Acts this connection appended in one round trip (on the head its previous act left).
    quint64 oneRoundTripAppends() const { return m_appender.oneRoundTrips(); }
    // Whether the connection to the server is up; reconnect() tries again after the server was
    // restarted or the network came back.
    bool isConnected() const { return !m_conn.isBroken(); }
    bool reachable() const override { return isConnected(); }
    Result<void> reconnect() { return m_conn.reset(); }

    Result<QList<StoredEvent>> appendOnSize(quint64 size, const Signer &signer, const QList<NewEvent> &events,
                                            const QList<NewBlob> &blobs = {}) override;
    Result<QList<StoredEvent>> append(const Signer &signer, const QList<NewEvent> &events,
                                      const QList<NewBlob> &blobs = {}) override;
    Result<quint64> importJsonl(const Signer &signer, const QString &file,
                                const Progress &progress = {}) override;

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
    const TrustPolicy &trust() const override { return m_options.trust; }
    bool checkpointAt(quint64 size) const override;

    Result<VerifyReport> verify(const VerifyOptions &options, const Progress &progress = {}) override;
    // Trust from what this console verified on: the largest checkpoint of this log one of its
    // identities vouched for (its witness memory), its own last act, or, on a console that never
    // vouched for this log, the latest checkpoint when its signature verifies (trust on first use).
    // The events after it are verified in full (bytes, leaves, roots, event and checkpoint
    // signatures, roles, one signer per checkpoint, times) before the folds count them and before
    // this console writes or cosigns over them. An act written around the write gate (rows inserted
    // with SQL, an insider sealing events in someone else's name) is named here and in
    // integrityProblem(), never counted and never sealed by this console.
    // (What this console verified is kept by its PgVerifiedView.)
    Result<quint64> trustedThrough() const override { return m_view.trustedThrough(); }
    Result<quint64> verifiedThrough() const override { return m_view.verifiedThrough(); }
    QString integrityProblem() const override { return m_view.tailProblem; }
    // Verifies what was appended after what this console verified (nothing when the log did not grow).
    Result<void> checkTail() const { return m_view.checkTail(); }
    // This console verified the log up to `cp` (the witness, after its own checks).
    void verifiedUpTo(const Checkpoint &cp) const { m_view.verifiedUpTo(cp); }
    // Keeps `cp` as where this user's next process starts verifying (in the anchor directory,
    // witness/<store id>.verified), once every act up to it verified here. Written only by the
    // witness after its checks; a witness memory written by a bare cosign is never a base.
    Result<void> keepVerifiedBase(const Checkpoint &cp) const { return m_view.keepBase(cp); }
    QString verifiedBasePath() const { return m_view.basePath(); }
    Result<void> backup(const QString &outPath, const Progress &progress = {}) override;

    // Cosignatures (cosignature/v1) consoles add to checkpoints they witnessed. A console cosigns
    // once per checkpoint; the row records the log's size when it did (its standing is read there).
    struct Cosignature {
        quint64 size = 0;
        QString witness;
        crypto::note::NoteSignature signature;
        quint64 atSize = 0;
    };
    Result<void> addCosignature(quint64 size, const crypto::note::NoteSignature &signature);
    Result<QList<Cosignature>> cosignatures(quint64 fromSize = 0) const;
    // Whether a cosignature verifies: by an identity other than the checkpoint's signer that could
    // act when it cosigned, over the checkpoint of its size. Empty when it does, else why not.
    QString cosignatureProblem(const IdentityRegistry &reg, const Checkpoint &cp, const Cosignature &c) const;
    // The identities whose valid cosignatures a checkpoint carries.
    Result<QStringList> witnessesOf(const Checkpoint &cp) const;
    Result<Checkpoint> checkpointOfSize(quint64 size) const;
    // The perfect subtrees of the tree of `size` (what a witness folds new events onto).
    Result<crypto::merkle::TreeBuilder> frontierAt(quint64 size) const { return loadFrontier(size); }
    // The events after `after`, at most `limit`, in order.
    Result<QList<StoredEvent>> eventsAfter(quint64 after, int limit) const;

    // A console that found the log rewritten keeps an alarm beside its witness memory and writes
    // nothing more to this log (TeamWitness.h).
    QString alarmPath() const;
    // Where a console with `anchorDirectory` keeps the alarm for the team log `storeId`.
    static QString alarmPathFor(const QString &anchorDirectory, const QString &storeId);

    // `evidence migrate`: copies a local store into this team log, which must be empty
    // (pg::copyLocalStore below), and takes the file's store id.
    using Adopted = AdoptedLog;
    Result<Adopted> adopt(const SqliteEvidenceStore &source, const Progress &progress = {});

    Result<QString> meta(const QString &key) const;
    // One recorder of observations (probe rounds) per team log at a time: a session-level advisory
    // lock, released by releaseRecorder() or when this connection ends (a dead console frees it).
    // False when another console holds it.
    Result<bool> tryHoldRecorder();
    // Whether this connection holds the recorder lock now (a reconnect loses it).
    Result<bool> holdsRecorder() const;
    Result<void> releaseRecorder();
    int schemaVersion() const { return m_schemaVersion; }

    // Browsing: the local file's searches in SQL over the team log's tables (PgEventIndex.h), on
    // this console's connection.
    const PgEventIndex &index() const { return m_index; }
    void setSearchTimeoutMs(int ms) { m_index.setSearchTimeoutMs(ms); }
    int searchTimeoutMs() const { return m_index.searchTimeoutMs(); }
    void setIndexChunk(int events) { m_index.setIndexChunk(events); }
    Result<qint64> unsearchableEvents() const { return m_index.unsearchableEvents(); }

private:
    const EventBrowser &browsing() const override { return m_index; }
    PgEvidenceStore() = default;
    Result<crypto::merkle::TreeBuilder> loadFrontier(quint64 size) const;
    // The frontier from rows an append read in its first round trip (kFrontierSql), any node
    // missing from them read as loadFrontier would.
    Result<crypto::merkle::TreeBuilder> frontierFrom(quint64 size, const pg::Rows &rows) const;
    Result<qint64> timeHighWater() const;
    Result<void> refuseAfterBadEvent() const;
    // The registry as of the identity events counted by key ("count:max seq"), cached per key.
    Result<IdentityRegistry> registryFor(const QByteArray &key) const;
    Result<QList<StoredEvent>> readEvents(const char *sql, const pg::Params &params) const;

    mutable pg::Connection m_conn;
    friend class PgVerifiedView;
    mutable PgVerifiedView m_view{*this}; // what this console verified of the log
    QString m_storeId;
    int m_schemaVersion = 0;
    StoreOpenOptions m_options;
    mutable std::optional<std::pair<QByteArray, IdentityRegistry>> m_registryCache;
    friend class PgAppender;
    PgAppender m_appender{*this}; // the write protocol of one act
    PgEventIndex m_index{m_conn};
};

namespace pg {
// Creates or migrates the team log's schema (numbered migrations, as the owner role) and grants
// appRole what the consoles need; returns the schema version (PgSchema.cpp).
Result<int> migrateSchema(Connection &conn, const QString &appRole);
// Copies a local store into the empty team log on `conn`, in one transaction: every event's exact
// bytes at its position (leaves recomputed from them), every checkpoint as signed, every blob; the
// Merkle subtrees are rebuilt here. The search indexes are then brought up to date (PgMigrate.cpp).
Result<AdoptedLog> copyLocalStore(Connection &conn, const SqliteEvidenceStore &source,
                                  const Progress &progress = {});
} // namespace pg

} // namespace ops
