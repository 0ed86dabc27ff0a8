#include "EvidencePanel.h"

#include "store/TeamLogCopy.h"

#include "common/AppContext.h"
#include "store/EventExport.h"
#include "store/StoreHost.h"

#include "EventDetailView.h"
#include "ProofsView.h"
#include "VerdictView.h"
#include "proofs/ProofRecord.h"

#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/StatusWidgets.h"
#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "store/BackgroundSearch.h"
#include "store/Bundle.h"
#include "store/EventTableModel.h"
#include "store/OpenStore.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/StoreWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

EvidencePanel::EvidencePanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_app(app)
    , m_session(app->session())
    , m_store([app] { return app->localStore(); })
    , m_model(new EventTableModel(this))
    , m_work(new StoreWorker(this))
    , m_counter(new StoreWorker(this)) {
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
    m_tabs->addTab(buildVerdicts(), tr("Verdicts"));
    layout->addWidget(m_tabs);

    connect(m_session, &Session::changed, this, [this] { m_proofs->refreshHistory(); });
    updateCount();
}

EvidencePanel::~EvidencePanel() {
    // The workers' destructors cancel what runs and wait for it (before the widgets go).
    delete m_work;
    delete m_counter;
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
    const QString why =
        searchable
            ? QString()
            : tr("Search and filters need the team log itself: this console's copy of it is browsed by "
                 "position until the server is back");
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_kind, m_scope, m_actor, m_time, m_ref}) {
        w->setEnabled(searchable);
        w->setToolTip(why);
    }
    if (!searchable) {
        // Say what they would show rather than empty boxes.
        for (const auto &[c, all] : {std::pair{m_kind, tr("All kinds")}, std::pair{m_scope, tr("All scopes")},
                                     std::pair{m_actor, tr("All actors")}})
            if (c->count() == 0)
                c->addItem(all, QString());
    }
    m_export->setEnabled(exportable);
    m_export->setToolTip(exportable
                             ? QString()
                             : tr("On the team log a signed bundle is made with opsconsole-cli evidence "
                                  "export --store URL"));
}

QWidget *EvidencePanel::buildBrowse() {
    auto *page = new QWidget(this);
    auto *l = new QVBoxLayout(page);

    auto *filters = new QGridLayout;
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("eventSearch"));
    m_search->setPlaceholderText(
        tr("Search every event (Ctrl+F): words, \"a phrase\", prefix*, AND / OR / NOT"));
    m_search->setAccessibleName(tr("Full-text search"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 0, 0, 1, 4);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    auto combo = [page](const char *name, const QString &accessible) {
        auto *c = new QComboBox(page);
        c->setObjectName(QLatin1String(name));
        c->setAccessibleName(accessible);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(10);
        return c;
    };
    m_kind = combo("kindFilter", tr("Kind"));
    m_scope = combo("scopeFilter", tr("Scope"));
    m_actor = combo("actorFilter", tr("Actor"));
    m_time = combo("timeFilter", tr("Time range"));
    m_time->addItem(tr("All time"), 0);
    m_time->addItem(tr("Last hour"), 3600);
    m_time->addItem(tr("Last 24 hours"), 86400);
    m_time->addItem(tr("Last 7 days"), 7 * 86400);
    m_time->addItem(tr("Between…"), -1);
    // Wide enough for the "all" entries and the time ranges in every language (German's are long).
    for (auto [c, all] : {std::pair{m_kind, tr("All kinds")}, std::pair{m_scope, tr("All scopes")},
                          std::pair{m_actor, tr("All actors")}})
        c->setMinimumContentsLength(qMax(10, int(all.size()) + 1));
    int longest = 10;
    for (int i = 0; i < m_time->count(); ++i)
        longest = qMax(longest, int(m_time->itemText(i).size()) + 1);
    m_time->setMinimumContentsLength(longest);
    m_ref = new QLineEdit(page);
    m_ref->setObjectName(QStringLiteral("refFilter"));
    m_ref->setPlaceholderText(tr("Incident, run or record id"));
    m_ref->setAccessibleName(tr("Incident or record"));
    m_ref->setClearButtonEnabled(true);
    filters->addWidget(m_kind, 1, 0);
    filters->addWidget(m_scope, 1, 1);
    filters->addWidget(m_actor, 1, 2);
    filters->addWidget(m_ref, 1, 3);
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_time);
    m_from = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(-1), page);
    m_from->setObjectName(QStringLiteral("fromTime"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addSecs(3600), page);
    m_to->setObjectName(QStringLiteral("toTime"));
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        e->setCalendarPopup(true);
        e->setVisible(false);
        timeRow->addWidget(e);
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &EvidencePanel::applyFilters);
    }
    timeRow->addStretch();
    m_count = new QLabel(page);
    m_count->setObjectName(QStringLiteral("matchCount"));
    timeRow->addWidget(m_count);
    filters->addLayout(timeRow, 2, 0, 1, 4);
    l->addLayout(filters);

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

    auto *actions = new QHBoxLayout;
    m_verify = new QPushButton(tr("Verify store"), page);
    m_verify->setObjectName(QStringLiteral("verifyStoreButton"));
    m_verify->setToolTip(
        tr("Recompute every leaf, the Merkle tree, every checkpoint and signature, off the GUI thread"));
    connect(m_verify, &QPushButton::clicked, this, &EvidencePanel::startVerify);
    actions->addWidget(m_verify);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setVisible(false);
    actions->addWidget(m_progress, 1);
    m_cancel = new QPushButton(tr("Cancel"), page);
    m_cancel->setObjectName(QStringLiteral("cancelVerifyButton"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_work->cancel(StoreWorker::Job::Verify); });
    actions->addWidget(m_cancel);
    m_export = new QToolButton(page);
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
    l->addLayout(actions);
    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("evidenceMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_message);

    // Filters apply as you type (debounced); the search box turns red on invalid syntax.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &EvidencePanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_ref, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_kind, m_scope, m_actor})
        connect(c, &QComboBox::currentIndexChanged, this, &EvidencePanel::applyFilters);
    connect(m_time, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_time->currentData().toInt() < 0;
        m_from->setVisible(between);
        m_to->setVisible(between);
        applyFilters();
    });
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

void EvidencePanel::showEvent(QShowEvent *event) {
    Panel::showEvent(event); // refreshes when the log changed while hidden
}

void EvidencePanel::refresh() {
    SqliteEvidenceStore *s = store();
    EvidenceStore *log = browsed();
    m_loaded = log != nullptr;
    // The filters' values once a log (a search may be on its way, the table empty meanwhile), and
    // again while the log has none yet.
    if (dynamic_cast<EventBrowser *>(log) && (m_filtersFor != log->path() || m_kind->count() <= 1)) {
        m_filtersFor = log->path();
        fillFilterChoices();
    }
    m_exactCount.reset(); // new events may have arrived
    ++m_storeGeneration;
    catchUpSearchIndex();
    searchOffThread(s ? nullptr : log);
    if (s || !log)
        m_model->setStore(s);
    else
        m_model->setLog(log);
    enableSearch(m_model->isSearchable() || !log, s != nullptr || !log);
    updateCount();
    m_proofs->refreshHistory();
    refreshVerdictHistory();
    if (m_detailSeq)
        showDetail();
}

QWidget *EvidencePanel::buildVerdicts() {
    auto *page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("verdictsPage"));
    auto *l = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("A verdict is score.json, its evidence bundle, verdict.sig and verdict.pub. "
                                "Verification is offline: the signature, the bundle's digest, its entries "
                                "and every listed file are checked on the local files, never over the "
                                "network."),
                             page);
    intro->setWordWrap(true);
    l->addWidget(intro);
    auto *row = new QHBoxLayout;
    auto *open = new QPushButton(tr("Verify a verdict…"), page);
    open->setObjectName(QStringLiteral("openVerdictDialog"));
    open->setToolTip(tr("Pick the four files or a results/ folder (Ctrl+Shift+V)"));
    connect(open, &QPushButton::clicked, this, [this] { openVerdictDialog(); });
    row->addWidget(open);
    row->addStretch();
    l->addLayout(row);
    l->addWidget(new QLabel(tr("Verified so far (double-click to open the event):"), page));
    m_verdictHistory = new QListWidget(page);
    m_verdictHistory->setObjectName(QStringLiteral("verdictHistory"));
    m_verdictHistory->setAccessibleName(tr("Verdicts verified so far"));
    m_verdictHistory->setUniformItemSizes(true);
    connect(m_verdictHistory, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_tabs->setCurrentIndex(0);
        showEventDetail(item->data(Qt::UserRole).toULongLong());
    });
    l->addWidget(m_verdictHistory, 1);
    // The checks of the verdict selected above, as they were recorded.
    m_verdictRecorded = VerdictView::newChecksTree(page, QStringLiteral("verdictRecordedChecks"),
                                                   tr("Checks of the selected verdict"));
    l->addWidget(m_verdictRecorded, 2);
    connect(m_verdictHistory, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_verdictRecorded->clear();
        SqliteEvidenceStore *s = store();
        const quint64 seq = item ? item->data(Qt::UserRole).toULongLong() : 0;
        if (!s || seq == 0)
            return;
        auto e = s->event(seq);
        if (!e.ok())
            return;
        if (const auto verdict = RecordedVerdict::fromEvent(e.value()))
            for (const RecordedVerdict::Check &c : verdict->checks)
                VerdictView::addCheckRow(m_verdictRecorded, c.name, c.ok, c.detail);
    });
    return page;
}

void EvidencePanel::refreshVerdictHistory() {
    m_verdictHistory->clear();
    SqliteEvidenceStore *s = store();
    if (!s) {
        m_verdictHistory->addItem(tr("No evidence store: verifications can still be run, but not recorded."));
        return;
    }
    EventSearch search;
    search.kind = QStringLiteral("verdict.verified");
    search.descending = true;
    auto page = s->searchPage(search, std::nullopt, 50);
    if (!page.ok())
        return;
    for (quint64 seq : page->seqs) {
        auto e = s->event(seq);
        if (!e.ok())
            continue;
        const auto verdict = RecordedVerdict::fromEvent(e.value());
        if (!verdict)
            continue;
        const bool valid = verdict->valid;
        auto *item =
            new QListWidgetItem(tr("%1  %2 · key %3 · by %4 · #%5")
                                    .arg(valid ? tr("✔ VALID") : tr("✘ INVALID"), Time::toIso(verdict->tsMs),
                                         verdict->keyFingerprint, verdict->actor)
                                    .arg(seq),
                                m_verdictHistory);
        item->setData(Qt::UserRole, static_cast<qulonglong>(seq));
        item->setForeground(colours::onBase(valid ? kGreen : kRed, palette()));
    }
    if (m_verdictHistory->count() == 0)
        m_verdictHistory->addItem(tr("No verdict verified yet."));
    else
        m_verdictHistory->setCurrentRow(0);
}

VerdictDialog *EvidencePanel::openVerdictDialog() {
    verdicts();
    m_verdictDialog->show();
    m_verdictDialog->raise();
    m_verdictDialog->activateWindow();
    return m_verdictDialog;
}

VerdictView *EvidencePanel::verdicts() {
    if (!m_verdictDialog) {
        m_verdictDialog = new VerdictDialog(m_session, m_store, this);
        connect(m_verdictDialog->view(), &VerdictView::finished, this, [this] { refresh(); });
        connect(m_verdictDialog->view(), &VerdictView::signInRequested, this,
                &EvidencePanel::signInRequested);
    }
    return m_verdictDialog->view();
}

} // namespace ops::ui
