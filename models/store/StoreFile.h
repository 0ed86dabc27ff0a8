#pragma once

#include "EvidenceTypes.h"
#include "Sqlite.h"

#include "core/Result.h"

#include <future>
#include <memory>
#include <optional>

namespace ops {

struct StoreOpenOptions;

namespace store {

// The local store's file as SQLite sees it, before anything of the log is read: never a team
// log's URL, created private (0600) when asked, tightened to 0600 when found wider, a SQLite file
// (its header read by SQLite) of this application or empty, its schema table intact, with the
// connection's settings (busy timeout, foreign keys, synchronous=FULL, WAL when writable).
struct OpenedFile {
    Database db;
    bool createdNow = false;
};
Result<OpenedFile> openStoreFile(const QString &path, const StoreOpenOptions &options);

// A copy of the store file made page by page while others may write (SQLite's backup), never
// over an existing file, with the latest checkpoint beside it (<out>.checkpoint) when there is one.
Result<void> backupStoreFile(Database &from, const QString &outPath, const std::optional<Checkpoint> &latest,
                             const Progress &progress);

// The full PRAGMA quick_check of a store file, run on its own read-only connection and thread
// from open on, so opening stays quick; every write waits for its verdict, so nothing is written
// to a corrupt store. Destroying it interrupts the check.
class BackgroundQuickCheck {
public:
    explicit BackgroundQuickCheck(const QString &path);
    ~BackgroundQuickCheck();
    BackgroundQuickCheck(const BackgroundQuickCheck &) = delete;
    BackgroundQuickCheck &operator=(const BackgroundQuickCheck &) = delete;

    // Waits for the verdict: an error naming what is corrupt, or nothing.
    Result<void> await();

private:
    struct State;
    QString m_path;
    std::shared_ptr<State> m_state;
    std::shared_future<QString> m_verdict; // empty string: ok
};

} // namespace store
} // namespace ops
