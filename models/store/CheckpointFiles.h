#pragma once

#include "EvidenceTypes.h"

#include "core/Result.h"

#include <QStringList>

#include <optional>

namespace ops {

// The copies of a local store's latest checkpoint kept outside its file, by which a cut tail, a
// rollback to an older copy or a rewritten history is noticed when the store is opened:
// - the sidecar beside the store (<store>.checkpoint), moved forward by each writer after its
//   commit, under the writers' lock (SidecarLock), so that it never moves back;
// - this user's anchors in the anchor directory, one keyed by the store's path and one by its log
//   id, which the store moves forward only over a log it verified.
// What a disagreement means is the store's to judge (SqliteCheckpoints.cpp); this class only keeps
// the files.
class CheckpointFiles {
public:
    CheckpointFiles() = default;
    CheckpointFiles(const QString &storePath, const QString &anchorDirectory);

    QString sidecarPath() const { return m_storePath + QStringLiteral(".checkpoint"); }
    bool sidecarExists() const;
    std::optional<Checkpoint> readSidecar() const;
    // Writes cp unless the sidecar already records as many events. The caller holds the lock.
    void moveSidecarForward(const Checkpoint &cp) const;

    // This user's anchors of log `storeId`: path-keyed first, then id-keyed; none without an
    // anchor directory.
    QStringList anchorPaths(const QString &storeId) const;
    // An anchor and the absolute store path it was written for.
    static std::optional<Checkpoint> readAnchor(const QString &path, QString *storePath);
    // Moves both anchors of log `storeId` to cp, unless they already record as many events of it.
    void moveAnchorsForward(const Checkpoint &cp, const QString &storeId) const;

    // A checkpoint file (a sidecar, an anchor, a backup's): a signed note, or the older
    // {"checkpoint": {…}, "signature": …} document. Invalid input naming the file otherwise.
    static Result<Checkpoint> read(const QString &path);
    // A checkpoint as a file: a note as the signed note itself (or, with an extra member, as
    // {"note": …, <extra>: …}); a legacy JSON checkpoint as {"checkpoint": {…}, "signature": …}.
    static QByteArray document(const Checkpoint &cp, const QString &extraKey = {},
                               const QString &extraValue = {});

private:
    static std::optional<Checkpoint> readDocument(const QString &path, QString *extra = nullptr,
                                                  const char *extraKey = nullptr);

    QString m_storePath; // as opened
    QString m_absoluteStorePath;
    QString m_anchorDirectory;
};

// Serialises sidecar writers between processes: held from before a commit until its sidecar is
// written, so a reader that takes it sees the sidecar and the store agree (or a writer died).
class SidecarLock {
public:
    explicit SidecarLock(const QString &sidecar);
    ~SidecarLock();
    SidecarLock(const SidecarLock &) = delete;
    SidecarLock &operator=(const SidecarLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace ops
