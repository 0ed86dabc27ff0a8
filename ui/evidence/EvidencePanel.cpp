#include "EvidencePanel.h"

#include "EventDetailView.h"
#include "EvidenceFilterBar.h"
#include "ProofsView.h"
#include "VerdictView.h"
#include "VerdictsPage.h"

#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/StatusWidgets.h"
#include "runtime/AppContext.h"
#include "store/BackgroundSearch.h"
#include "store/EventTableModel.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/TeamLogCopy.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

EvidencePanel::EvidencePanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_app(app)
    , m_session(app->session())
    , m_store([app] { return app->localStore(); })
    , m_model(new EventTableModel(this))
    , m_jobs(new EvidenceJobs(app, this)) {
    setObjectName(QStringLiteral("evidencePanel"));
    setAccessibleName(title());
    followStore(m_app->host());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("evidenceTabs"));
    m_tabs->addTab(buildBrowse(), tr("Events"));
    m_proofs = new ProofsView(m_session, m_store, m_tabs);
    connect(m_proofs, &ProofsView::signInRequested, this, &EvidencePanel::signInRequested);
    connect(m_proofs, &ProofsView::recorded, this, [this] { refresh(); });
    m_tabs->addTab(m_proofs, tr("Proof summaries"));
    m_verdicts = new VerdictsPage(m_session, m_store, m_tabs);
    connect(m_verdicts, &VerdictsPage::eventActivated, this, [this](quint64 seq) {
        m_tabs->setCurrentIndex(0);
        showEventDetail(seq);
    });
    connect(m_verdicts, &VerdictsPage::signInRequested, this, &EvidencePanel::signInRequested);
    connect(m_verdicts, &VerdictsPage::verified, this, [this] { refresh(); });
    m_tabs->addTab(m_verdicts, tr("Verdicts"));
    layout->addWidget(m_tabs);

    connect(m_jobs, &EvidenceJobs::message, this, &EvidencePanel::report);
    connect(m_jobs, &EvidenceJobs::countChanged, this, &EvidencePanel::updateCount);
    connect(m_jobs, &EvidenceJobs::verified, this, &EvidencePanel::verifyDone);
    connect(m_jobs, &EvidenceJobs::exported, this, [this](const Result<quint64> &r, const QString &path) {
        m_export->setEnabled(true);
        report(r.ok() ? tr("Exported %1 events to %2.").arg(r.value()).arg(path) : r.error().toString(),
               !r.ok());
        Q_EMIT exportFinished(r.ok());
    });
    connect(m_jobs, &EvidenceJobs::indexCaughtUp, this, [this] {
        refresh();
        applyFilters();
        report(tr("Search index caught up: every event can be searched."));
        Q_EMIT searchIndexReady();
    });
    connect(m_session, &Session::changed, this, [this] { m_proofs->refreshHistory(); });
    updateCount();
}

EvidencePanel::~EvidencePanel() {
    // The workers' destructors cancel what runs and wait for it (before the widgets go).
    delete m_jobs;
    delete m_searcher;
}

QString EvidencePanel::title() const {
    return tr("Evidence");
}

QIcon EvidencePanel::icon() const {
    return QIcon(QStringLiteral(":/icons/evidence.svg"));
}

SqliteEvidenceStore *EvidencePanel::store() const {
    return m_store ? m_store() : nullptr;
}

EvidenceStore *EvidencePanel::browsed() const {
    if (SqliteEvidenceStore *local = store())
        return local;
    return m_app->host()->isTeamLog() ? m_app->host()->evidence() : nullptr;
}

void EvidencePanel::enableSearch(bool searchable, bool exportable) {
    m_filters->setSearchable(searchable);
    m_export->setEnabled(exportable && !m_jobs->isExporting());
    m_export->setToolTip(exportable
                             ? QString()
                             : tr("On the team log a signed bundle is made with opsconsole-cli evidence "
                                  "export --store URL"));
}

QWidget *EvidencePanel::buildBrowse() {
    auto *page = new QWidget(this);
    auto *l = new QVBoxLayout(page);
    m_filters = new EvidenceFilterBar(page);
    m_count = m_filters->countLabel();
    connect(m_filters, &EvidenceFilterBar::changed, this, &EvidencePanel::applyFilters);
    l->addWidget(m_filters);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_filters->focusSearch();
    });

    auto *split = new QSplitter(Qt::Horizontal, page);
    split->setObjectName(QStringLiteral("evidenceSplit"));
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(EventTableModel::Seq, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(EventTableModel::Seq, fm.horizontalAdvance(QStringLiteral("00000000")));
    m_table->setColumnWidth(EventTableModel::Time,
                            fm.horizontalAdvance(QStringLiteral("2026-11-23T05:00:00.000Z  ")));
    m_table->setColumnWidth(EventTableModel::Kind,
                            fm.horizontalAdvance(QStringLiteral("derivation.invalidated  ")));
    m_table->setColumnWidth(EventTableModel::Scope, fm.horizontalAdvance(QStringLiteral("baseline  ")));
    m_table->setColumnWidth(EventTableModel::Actor, fm.horizontalAdvance(QStringLiteral("operator  ")));
    split->addWidget(m_table);
    m_detailView = new EventDetailView([this] { return browsed(); }, this);
    connect(m_detailView, &EventDetailView::eventActivated, this, &EvidencePanel::showEventDetail);
    connect(m_detailView, &EventDetailView::message, this, &EvidencePanel::report);
    split->addWidget(m_detailView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    l->addWidget(split, 1);
    l->addWidget(buildActions(page));
    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("evidenceMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_message);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showEventDetail(m_model->seqAt(current.row()));
            });
    connect(m_model, &EventTableModel::rowsKnownChanged, this, &EvidencePanel::updateCount);
    // The event shown stays selected when its row arrives later (a team-log search off the thread).
    connect(m_model, &EventTableModel::rowsKnownChanged, this, [this] {
        if (!m_detailSeq || m_table->selectionModel()->hasSelection())
            return;
        if (const int row = m_model->rowOfLoadedSeq(m_detailSeq); row >= 0) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
        }
    });
    return page;
}

QWidget *EvidencePanel::buildActions(QWidget *page) {
    auto *bar = new QWidget(page);
    auto *actions = new QHBoxLayout(bar);
    actions->setContentsMargins(0, 0, 0, 0);
    m_verify = new QPushButton(tr("Verify store"), bar);
    m_verify->setObjectName(QStringLiteral("verifyStoreButton"));
    m_verify->setToolTip(
        tr("Recompute every leaf, the Merkle tree, every checkpoint and signature, off the GUI thread"));
    connect(m_verify, &QPushButton::clicked, this, &EvidencePanel::startVerify);
    actions->addWidget(m_verify);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setVisible(false);
    actions->addWidget(m_progress, 1);
    m_cancel = new QPushButton(tr("Cancel"), bar);
    m_cancel->setObjectName(QStringLiteral("cancelVerifyButton"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, m_jobs, &EvidenceJobs::cancelVerify);
    actions->addWidget(m_cancel);
    m_export = new QToolButton(bar);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("Export shown events…"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    auto addExport = [this, menu](const QString &label, ExportFormat format, const QString &filter,
                                  const QString &suffix) {
        menu->addAction(label, this, [this, format, filter, suffix] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export the shown events"),
                                                              QStringLiteral("evidence") + suffix, filter);
            if (!path.isEmpty())
                startExport(path, format);
        });
    };
    addExport(tr("As JSON (exact canonical bytes)…"), ExportFormat::Json, tr("JSON (*.json)"),
              QStringLiteral(".json"));
    addExport(tr("As CSV…"), ExportFormat::Csv, tr("CSV (*.csv)"), QStringLiteral(".csv"));
    addExport(tr("As a signed bundle with inclusion proofs…"), ExportFormat::Bundle,
              tr("Bundles (*.tar.zst)"), QStringLiteral(".tar.zst"));
    m_export->setMenu(menu);
    actions->addWidget(m_export);
    actions->addStretch();
    return bar;
}

void EvidencePanel::showEvent(QShowEvent *event) {
    Panel::showEvent(event); // refreshes when the log changed while hidden
}

void EvidencePanel::refresh() {
    SqliteEvidenceStore *s = store();
    EvidenceStore *log = browsed();
    // The filters' values once a log (a search may be on its way, the table empty meanwhile), and
    // again while the log has none yet.
    if (auto *browser = dynamic_cast<EventBrowser *>(log);
        browser && (m_filtersFor != log->path() || !m_filters->hasChoices())) {
        m_filtersFor = log->path();
        m_filters->fillChoices(*browser);
    }
    m_jobs->logChanged();
    ++m_logGeneration;
    m_jobs->catchUpSearchIndex();
    searchOffThread(s ? nullptr : log);
    if (s || !log)
        m_model->setStore(s);
    else
        m_model->setLog(log);
    enableSearch(m_model->isSearchable() || !log, s != nullptr || !log);
    updateCount();
    m_proofs->refreshHistory();
    m_verdicts->refresh();
    if (m_detailSeq)
        showDetail();
}

void EvidencePanel::applyFilters() {
    const EventSearch s = m_filters->searchFrom(m_model->search());
    auto applied = m_model->setSearch(s);
    m_filters->showAccepted(applied);
    if (!applied.ok())
        report(tr("Search not applied: %1").arg(applied.error().message), true);
    else
        report(QString());
    if (m_detailSeq) {
        const int row = m_model->rowOfLoadedSeq(m_detailSeq);
        if (row >= 0) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

void EvidencePanel::searchOffThread(EvidenceStore *log) {
    if (!dynamic_cast<PgEvidenceStore *>(log)) {
        m_model->setPageReader({});
        return;
    }
    const QString url = m_app->host()->path();
    if (!m_searcher || m_searcherUrl != url) {
        delete m_searcher;
        m_searcherUrl = url;
        StoreOpenOptions options = m_app->host()->options();
        options.readOnly = true;
        options.create = false;
        m_searcher = new BackgroundSearch(
            [url, options]() -> Result<std::unique_ptr<EventBrowser>> {
                auto opened = PgEvidenceStore::open(url, options);
                if (!opened.ok())
                    return opened.error();
                return std::unique_ptr<EventBrowser>(std::move(opened).value());
            },
            this);
    }
    m_model->setPageReader([searcher = QPointer<BackgroundSearch>(m_searcher)](
                               const EventSearch &search, const std::optional<SearchCursor> &after, int limit,
                               std::function<void(Result<SearchPage>)> done) {
        if (searcher)
            searcher->request(search, after, limit, std::move(done));
    });
}

void EvidencePanel::updateCount() {
    SqliteEvidenceStore *s = store();
    m_count->setStyleSheet(QString());
    if (const auto &failure = m_model->failure(); failure && !failure->id.isEmpty()) {
        // A failure the window can explain in its own words (a search that took too long).
        m_count->setText(ui::errorText(*failure));
        m_count->setToolTip(failure->toString());
        return;
    }
    if (!s && m_app->host()->isTeamLog()) {
        updateTeamLogCount();
        return;
    }
    if (!s) {
        m_count->setText(tr("No evidence store"));
        return;
    }
    if (!m_model->lastError().isEmpty()) {
        m_count->setText(tr("Search failed"));
        m_count->setToolTip(m_model->lastError());
        return;
    }
    const int n = m_model->rowCount();
    m_count->setToolTip(describeSearch(m_model->search()));
    if (m_model->isComplete()) {
        m_count->setText(tr("%n event(s)", nullptr, n));
        return;
    }
    if (const std::optional<qint64> exact = m_jobs->exactCount(m_model->search())) {
        if (*exact < 0) {
            m_count->setText(tr("%1+ events (more load as you scroll)").arg(QLocale().toString(n)));
            return;
        }
        m_count->setText(tr("%Ln event(s), %1 loaded (more as you scroll)", nullptr, int(*exact))
                             .arg(QLocale().toString(n)));
        return;
    }
    m_count->setText(tr("%1+ events (counting…)").arg(QLocale().toString(n)));
}

void EvidencePanel::updateTeamLogCount() {
    // Never an empty list that looks like an empty log: an unreadable team log says so.
    if (!m_model->lastError().isEmpty()) {
        m_count->setText(tr("The team log cannot be read"));
        m_count->setToolTip(m_model->lastError());
        return;
    }
    if (StoreHost *host = m_app->host(); host->isOffline() && host->teamCopy()) {
        // The copy and the acts made here since: the latter have no place in the team log yet.
        const qint64 copied = static_cast<qint64>(host->teamCopy()->size());
        m_count->setText(tr("Offline — this console's copy of the team log: %1; made here, not in the team "
                            "log yet: %2")
                             .arg(copied)
                             .arg(qMax<qint64>(0, m_model->rowCount() - copied)));
        m_count->setToolTip(tr("The positions of the acts made here are provisional until they are synced"));
        return;
    }
    const int n = m_model->rowCount();
    if (m_model->search().isEverything()) {
        m_count->setText(tr("%n event(s) in the team log", nullptr, n));
        m_count->setToolTip(tr("Search and filters run on the team log's server"));
        return;
    }
    if (m_model->isSearching() && n == 0) {
        m_count->setText(tr("Searching the team log…"));
        m_count->setToolTip(describeSearch(m_model->search()));
        return;
    }
    // Matches arrive page by page from the server; no count of the rest is asked for.
    m_count->setText(
        m_model->isComplete()
            ? tr("%n matching event(s) in the team log", nullptr, n)
            : tr("%1+ matching events in the team log (more load as you scroll)").arg(QLocale().toString(n)));
    m_count->setToolTip(describeSearch(m_model->search()));
    // A tampered log can hold events its search indexes could not take: said beside every search,
    // never a count that looks complete.
    auto *team = dynamic_cast<PgEvidenceStore *>(browsed());
    if (!team)
        return;
    // Asked of the server once a log change, not on every page that arrives.
    if (!m_unsearchable || m_unsearchable->first != m_logGeneration) {
        auto counted = team->unsearchableEvents();
        m_unsearchable.emplace(m_logGeneration, counted.ok() ? counted.value() : 0);
    }
    if (const qint64 missed = m_unsearchable->second; missed > 0) {
        m_count->setText(m_count->text() +
                         tr(" — %n event(s) cannot be searched (not UTF-8 JSON; Verify store names them)",
                            nullptr, int(missed)));
        m_count->setStyleSheet(QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name()));
    }
}

void EvidencePanel::showEventDetail(quint64 seq) {
    m_detailSeq = seq;
    const int row = m_model->rowOfLoadedSeq(seq);
    if (row >= 0 && m_table->currentIndex().row() != row) {
        QSignalBlocker block(m_table->selectionModel());
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    }
    showDetail();
}

void EvidencePanel::showDetail() {
    m_detailView->inspect(m_detailSeq);
}

const EventInspection *EvidencePanel::inspection() const {
    return m_detailView->inspection();
}

bool EvidencePanel::saveAttachment(const QString &sha256, const QString &path) {
    return m_detailView->saveAttachment(sha256, path);
}

bool EvidencePanel::isVerifying() const {
    return m_jobs->isVerifying();
}

bool EvidencePanel::isExporting() const {
    return m_jobs->isExporting();
}

bool EvidencePanel::isIndexing() const {
    return m_jobs->isIndexing();
}

void EvidencePanel::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name())
                                   : QString());
}

VerdictDialog *EvidencePanel::openVerdictDialog() {
    return m_verdicts->openDialog();
}

VerdictView *EvidencePanel::verdicts() {
    return m_verdicts->view();
}

} // namespace ops::ui
