#pragma once

#include "core/Result.h"
#include "store/EventSearch.h"
#include "store/EvidenceTypes.h"

#include <QObject>

#include <optional>

class QProgressBar;

namespace ops {
class StoreWorker;
struct Signer;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

// The Evidence panel's work off the window's thread, each on a StoreWorker with a connection of
// its own: verifying the log (recorded when someone is signed in), exporting the shown events,
// catching the search index up after a bulk import, and counting the matches of a search still
// being paged in. Verify, export and indexing share one lane; the count has its own, so it never
// waits for a long verify.
class EvidenceJobs final : public QObject {
    Q_OBJECT
public:
    enum class ExportFormat { Json, Csv, Bundle };

    explicit EvidenceJobs(AppContext *app, QObject *parent = nullptr);
    ~EvidenceJobs() override;

    // The log changed: counts begun before are dropped.
    void logChanged();

    bool startVerify(QProgressBar *progress);
    void cancelVerify();
    bool isVerifying() const;
    // The verification recorded as evidence by whoever is signed in; what to tell the user.
    QString record(const VerifyReport &report);

    bool startExport(const QString &path, ExportFormat format, const EventSearch &search,
                     std::optional<Signer> signer);
    bool isExporting() const;

    void catchUpSearchIndex();
    bool isIndexing() const { return m_indexing; }

    // The exact number of matches of `search` when counted since the log last changed (-1: the
    // count failed); otherwise a count is started and countChanged() follows.
    std::optional<qint64> exactCount(const EventSearch &search);

Q_SIGNALS:
    void message(const QString &text, bool error);
    void verified(const Result<VerifyReport> &report);
    void exported(const Result<quint64> &events, const QString &path);
    void indexCaughtUp();
    void countChanged();

private:
    void indexNextChunk();

    AppContext *m_app;
    StoreWorker *m_work;
    StoreWorker *m_counter;
    bool m_indexing = false; // a catch-up runs, a chunk a job
    quint64 m_indexTotal = 0, m_indexDone = 0;
    EventSearch m_countingSearch;
    std::optional<std::pair<EventSearch, qint64>> m_exactCount;
    quint64 m_generation = 0;
    quint64 m_countingGeneration = 0;
};

} // namespace ops::ui
