#pragma once

#include "EvidenceJobs.h"
#include "common/Panel.h"

#include "core/Result.h"

#include "store/EventInspection.h"
#include "store/EventSearch.h"
#include "store/EvidenceTypes.h"

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;

namespace ops {
class EventTableModel;
class Session;
class SqliteEvidenceStore;
class BackgroundSearch;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class EventDetailView;
class EvidenceFilterBar;
class EvidenceJobs;
class ProofsView;
class VerdictDialog;
class VerdictView;
class VerdictsPage;

// Evidence: every event of the store, at any size, searchable (FTS5) and filterable (kind,
// scope, incident or record, actor, time) in SQL; the detail pane shows the exact bytes, the
// signature and the inclusion proof verified on the spot, related events and attachments.
// "Verify store" runs off the GUI thread with progress and cancel, and is recorded; the current
// filter exports as JSON, CSV or a signed bundle. Proof summaries have their own tab; the Verdicts
// tab lists the verdicts verified so far and opens the verification dialog.
class EvidencePanel final : public Panel {
    Q_OBJECT
public:
    using StoreProvider = std::function<SqliteEvidenceStore *()>;
    explicit EvidencePanel(AppContext *app, QWidget *parent = nullptr);
    ~EvidencePanel() override;
    QString title() const override;
    QIcon icon() const override;

    EventTableModel *model() const { return m_model; }
    void refresh() override;
    // Shows one event in the detail pane (selecting its row when it is among the rows known).
    void showEventDetail(quint64 seq);
    quint64 detailSeq() const { return m_detailSeq; }
    const EventInspection *inspection() const;
    // What the buttons do behind their dialogs.
    void startVerify();
    bool isVerifying() const;
    using ExportFormat = EvidenceJobs::ExportFormat;
    void startExport(const QString &path, ExportFormat format);
    bool isExporting() const;
    // After a bulk import the search indexes catch up off the GUI thread, in chunks.
    bool isIndexing() const;
    bool saveAttachment(const QString &sha256, const QString &path);
    ProofsView *proofs() const { return m_proofs; }
    // The offline verdict verification dialog (made on first use), shown and raised.
    VerdictDialog *openVerdictDialog();
    VerdictView *verdicts();

Q_SIGNALS:
    void signInRequested();
    void verifyFinished(bool intact);
    void exportFinished(bool ok);
    void searchIndexReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildBrowse();
    QWidget *buildActions(QWidget *page);
    void applyFilters();
    void updateCount();
    // What the count line says on the team log (searched on its server, or its copy offline).
    void updateTeamLogCount();
    void verifyDone(const Result<VerifyReport> &report);
    void showDetail();
    void report(const QString &text, bool error = false);
    SqliteEvidenceStore *store() const;
    // The log browsed: the local store, else the team log (by position, without search).
    EvidenceStore *browsed() const;
    // Search, filters and other orders need the local store's indexes.
    void enableSearch(bool searchable, bool exportable);
    void searchOffThread(EvidenceStore *log);

    AppContext *m_app;
    Session *m_session;
    StoreProvider m_store;
    EventTableModel *m_model;
    EvidenceJobs *m_jobs;
    QTabWidget *m_tabs = nullptr;
    EvidenceFilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_verify = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    EventDetailView *m_detailView = nullptr;
    ProofsView *m_proofs = nullptr;
    VerdictsPage *m_verdicts = nullptr;

    quint64 m_detailSeq = 0;
    // The team log's searches, on a connection of their own off the GUI thread (its server may
    // take seconds); the local file's indexes answer at once, here.
    BackgroundSearch *m_searcher = nullptr;
    QString m_searcherUrl;
    QString m_filtersFor; // the log whose kinds, scopes and actors the filters offer
    std::optional<std::pair<quint64, qint64>> m_unsearchable; // (log generation, events)
    quint64 m_logGeneration = 0;
};

} // namespace ops::ui
