#include "IncidentsPanel.h"

#include "common/ErrorText.h"
#include "common/MessageBox.h"

#include "RunListModel.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"

#include "common/TimeFormat.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "incidents/RollbackClockWatcher.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"

#include "IncidentDetailView.h"
#include "KillSwitchBox.h"
#include "OpenIncidentDialog.h"
#include "RunChecklistView.h"

#include "incidents/IncidentListModel.h"
#include "reports/ReportPdf.h"
#include "store/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ops::ui {

IncidentsPanel::IncidentsPanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_app(app)
    , m_config(app->config())
    , m_session(app->session())
    , m_store([app] { return app->store(); })
    , m_library(RunbookLibrary::forDirectory(m_config.runbooksDir))
    , m_model(new IncidentListModel(this))
    , m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("incidentsPanel"));
    setAccessibleName(title());

    // Left: actions, incidents, runs, kill switches.
    m_openButton = new QPushButton(tr("Open incident…"), this);
    m_openButton->setObjectName(QStringLiteral("newIncidentButton"));
    m_openButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_openButton->setToolTip(
        tr("Open an incident by hand (Ctrl+I); from the Alerts panel it comes prefilled"));
    connect(m_openButton, &QPushButton::clicked, this, [this] { openIncidentDialog(); });

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_filter = new IncidentListFilter(this);
    m_filter->setSourceModel(m_model);
    m_list->setModel(m_filter);
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the model's own order first
    m_list->setSortingEnabled(true);
    m_incidentFilter = new QLineEdit(this);
    m_incidentFilter->setObjectName(QStringLiteral("incidentFilter"));
    m_incidentFilter->setPlaceholderText(tr("Filter incidents (id, class, scope, owner)…"));
    m_incidentFilter->setAccessibleName(tr("Filter incidents"));
    m_incidentFilter->setClearButtonEnabled(true);
    connect(m_incidentFilter, &QLineEdit::textChanged, m_filter, &IncidentListFilter::setText);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Incidents"));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                if (!index.isValid())
                    return;
                m_incidentId = index.data(IncidentListModel::IdRole).toString();
                m_runId.clear();
                showIncident();
            });
    m_showClosed = new QCheckBox(tr("Show closed"), this);
    m_showClosed->setObjectName(QStringLiteral("showClosed"));
    connect(m_showClosed, &QCheckBox::toggled, this, &IncidentsPanel::refresh);

    m_runModel = new RunListModel(this);
    m_runFilter = new RunListFilter(this);
    m_runFilter->setSourceModel(m_runModel);
    m_runs = new QListView(this);
    m_runs->setObjectName(QStringLiteral("runList"));
    m_runs->setAccessibleName(tr("Runbook and rollback runs"));
    m_runs->setModel(m_runFilter);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_runs->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &now) {
                if (now.isValid())
                    selectRun(now.data(RunListModel::IdRole).toString());
            });
    m_showFinishedRuns = new QCheckBox(tr("Show finished"), this);
    m_showFinishedRuns->setObjectName(QStringLiteral("showFinishedRuns"));
    m_showFinishedRuns->setToolTip(tr("List finished checklists and rollbacks too, to read their record"));
    connect(m_showFinishedRuns, &QCheckBox::toggled, this, &IncidentsPanel::refresh);
    m_noRuns = new QLabel(tr("No run in progress"), this);
    m_noRuns->setObjectName(QStringLiteral("noRuns"));
    m_noRuns->setEnabled(false);

    m_rollbackScope = new QComboBox(this);
    m_rollbackScope->setObjectName(QStringLiteral("rollbackScope"));
    for (const ScopeConfig *s : m_config.orderedScopes())
        m_rollbackScope->addItem(s->id, s->id);
    m_drill = new QCheckBox(tr("Drill"), this);
    m_drill->setObjectName(QStringLiteral("rollbackDrill"));
    m_drill->setToolTip(tr("A drill runs the same checklist; a finished drill is what proves the objective"));
    m_rollbackButton = new QPushButton(tr("Start rollback"), this);
    m_rollbackButton->setObjectName(QStringLiteral("startRollbackButton"));
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] {
        startRollback(m_rollbackScope->currentData().toString(), m_drill->isChecked(), m_incidentId);
    });
    auto *rollbackBox = new QGroupBox(tr("Rollback (restore %1 min, integrity %2 min)")
                                          .arg(m_config.objectives.restoreMinutes)
                                          .arg(m_config.objectives.integrityMinutes),
                                      this);
    auto *rollbackRow = new QHBoxLayout(rollbackBox);
    rollbackRow->addWidget(m_rollbackScope, 1);
    rollbackRow->addWidget(m_drill);
    rollbackRow->addWidget(m_rollbackButton);

    m_killSwitches = new KillSwitchBox(m_app, this, this);
    // The run page records nothing while a kill-switch validation probes (set up below).

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    auto *incidentsLabel = new QLabel(tr("<b>Incidents</b>"), this);
    top->addWidget(incidentsLabel);
    top->addStretch();
    top->addWidget(m_showClosed);
    top->addWidget(m_openButton);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_incidentFilter);
    leftLayout->addWidget(m_list, 3);
    auto *runsTop = new QHBoxLayout;
    runsTop->addWidget(new QLabel(tr("<b>Runs</b> — checklists and rollbacks"), this));
    runsTop->addStretch();
    runsTop->addWidget(m_showFinishedRuns);
    leftLayout->addLayout(runsTop);
    leftLayout->addWidget(m_runs, 2);
    leftLayout->addWidget(m_noRuns);
    leftLayout->addWidget(rollbackBox);
    leftLayout->addWidget(m_killSwitches);

    // Right: the selected incident or run.
    m_detail = new QStackedWidget(this);
    auto *hint =
        new QLabel(tr("Select an incident or a run, or open an incident from a firing alert."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    m_detail->addWidget(hint);
    m_incidentView = new IncidentDetailView(m_app, this, this);
    connect(m_incidentView, &IncidentDetailView::startRunbookRequested, this, &IncidentsPanel::startRunbook);
    connect(m_incidentView, &IncidentDetailView::startRollbackRequested, this,
            [this](const QString &scope, const QString &incident) { startRollback(scope, false, incident); });
    connect(m_incidentView, &IncidentDetailView::exportReportRequested, this, &IncidentsPanel::exportReport);
    m_detail->addWidget(m_incidentView);
    m_runView = new RunChecklistView(m_app, this, this);
    m_detail->addWidget(m_runView);
    connect(m_killSwitches, &KillSwitchBox::busyChanged, m_runView, &RunChecklistView::setBusy);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("incidentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("incidentsSplitter"));
    splitter->setChildrenCollapsible(false); // neither side can be dragged out of sight
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({610, 670}); // the incident list's columns whole, in German too
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &IncidentsPanel::tick);
    // What this console, the CLI or another console recorded; read even while hidden, because the
    // rollback clocks show on the status bar.
    followStore(m_app->host(), WhileHidden::RefreshAnyway);
    connect(m_app->clockWatcher(), &RollbackClockWatcher::recorded, this,
            [this](const QList<StoredEvent> &events) {
                for (const StoredEvent &e : events) {
                    const JsonValue p = e.payload();
                    report(tr("%1 missed its %2 deadline: recorded on the timeline")
                               .arg(p.stringAt("run"), p.stringAt("clock")),
                           true);
                }
            });
    connect(m_app->clockWatcher(), &RollbackClockWatcher::problem, this, [this](const QString &message) {
        report(tr("A missed deadline could not be recorded: %1").arg(message), true);
    });
    m_timer->start();
    if (m_session)
        connect(m_session, &Session::changed, this, [this] {
            m_killSwitches->updateButtons();
            m_runView->updateStepActions();
        });
    refresh();
}

IncidentsPanel::~IncidentsPanel() {
    m_timer->stop();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
}

QString IncidentsPanel::title() const {
    return tr("Incidents & Rollback");
}

QIcon IncidentsPanel::icon() const {
    return QIcon(QStringLiteral(":/icons/incidents.svg"));
}

void IncidentsPanel::refresh() {
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store: incidents cannot be read or recorded."), true);
        return;
    }
    auto book = IncidentBook::load(*store);
    if (!book.ok()) {
        report(tr("Cannot read incidents: %1").arg(book.error().message), true);
        return;
    }
    m_book = std::move(book).value();
    if (auto size = store->size(); size.ok())
        m_seenSize = size.value();
    const QString keep = m_incidentId;
    m_model->setIncidents(m_book.incidents(), m_clock(), m_showClosed->isChecked());
    // Every row says "open" unless closed ones are shown: the column earns its room only then.
    m_list->setColumnHidden(IncidentListModel::State, !m_showClosed->isChecked());
    if (const int row = m_filter->rowOf(keep); row >= 0) {
        const QSignalBlocker block(m_list->selectionModel());
        m_list->selectRow(row);
    }
    {
        const QSignalBlocker block(m_runs->selectionModel());
        m_runFilter->setOpenRun(m_runId);
        m_runFilter->setShowFinished(m_showFinishedRuns->isChecked());
        m_runModel->setRuns(m_book.runs());
        if (const int row = m_runFilter->rowOf(m_runId); row >= 0)
            m_runs->setCurrentIndex(m_runFilter->index(row, 0));
        m_noRuns->setVisible(m_runFilter->rowCount() == 0);
    }
    m_killSwitches->setBook(&m_book, m_incidentId);
    if (!m_runId.isEmpty())
        showRun();
    else if (!m_incidentId.isEmpty())
        showIncident();
    if (m_runId.isEmpty())
        updateClocks(); // the status bar's clock, whatever is shown
}

void IncidentsPanel::selectIncident(const QString &id) {
    m_incidentId = id;
    m_runId.clear();
    refresh();
    if (m_filter->rowOf(id) < 0 && m_model->rowOf(id) >= 0)
        m_incidentFilter->clear(); // an incident asked for is shown, whatever was typed
    if (const int row = m_filter->rowOf(id); row >= 0)
        m_list->selectRow(row);
    showIncident();
}

void IncidentsPanel::selectRun(const QString &id) {
    if (id.isEmpty())
        return;
    m_runId = id;
    m_runFilter->setOpenRun(id);
    if (const int row = m_runFilter->rowOf(id); row >= 0 && m_runs->currentIndex().row() != row) {
        const QSignalBlocker block(m_runs->selectionModel());
        m_runs->setCurrentIndex(m_runFilter->index(row, 0)); // the list shows which run is open
    }
    showRun();
}

QString IncidentsPanel::showMostUrgent() {
    refresh();
    if (m_model->rowCount() > 0)
        selectIncident(m_model->index(0, 0).data(IncidentListModel::IdRole).toString());
    for (const RunbookRun &r : m_book.runs())
        if (r.rollback && !r.finished)
            return r.id;
    return {};
}

void IncidentsPanel::showIncident() {
    const Incident *i = m_book.incident(m_incidentId);
    if (!i) {
        m_detail->setCurrentIndex(0);
        return;
    }
    m_detail->setCurrentIndex(1);
    m_incidentView->showIncident(*i, m_book);
    if (!i->closed) {
        m_rollbackScope->setCurrentIndex(qMax(0, m_rollbackScope->findData(i->scope)));
        m_killSwitches->setScope(i->scope);
    }
}

void IncidentsPanel::showRun() {
    const RunbookRun *r = m_book.run(m_runId);
    if (!r) {
        m_detail->setCurrentIndex(0);
        return;
    }
    m_detail->setCurrentIndex(2);
    m_runView->showRun(*r, m_clock());
    updateClocks();
}

void IncidentsPanel::tick() {
    updateClocks();
}

void IncidentsPanel::setClock(Time::Clock clock) {
    m_clock = clock;
    m_app->clockWatcher()->setClock(std::move(clock));
}

void IncidentsPanel::updateClocks() {
    const qint64 now = m_clock();
    m_model->setNow(now);
    // The most urgent unfinished rollback goes to the status bar (the RollbackClockWatcher records
    // a missed deadline as soon as someone is signed in).
    QString summary;
    int worst = -1;
    for (const RunbookRun &r : m_book.runs()) {
        if (!r.rollback || r.finished)
            continue;
        for (const RollbackClock &c : r.clocks) {
            const ClockView v = clockView(c, r.startedMs, now);
            if (v.state == ClockState::Met)
                continue;
            if (static_cast<int>(v.state) > worst || summary.isEmpty()) {
                worst = qMax(worst, static_cast<int>(v.state));
                summary = v.state == ClockState::Missed
                              ? tr("%1 %2: %3 deadline missed by %4")
                                    .arg(r.id, r.scope, c.name, clockText(-v.remainingMs))
                              : tr("%1 %2: %3 %4 left").arg(r.id, r.scope, c.name, clockText(v.remainingMs));
            }
            break; // the first unmet clock of each run
        }
    }
    if (summary != m_lastClockSummary) {
        m_lastClockSummary = summary;
        m_lastClockState = summary.isEmpty() ? -1 : worst;
        Q_EMIT clockSummaryChanged(summary, summary.isEmpty() ? -1 : worst);
    }
    if (!m_runId.isEmpty() && m_runView->runId() == m_runId)
        m_runView->updateClocks(now);
}

QString IncidentsPanel::clockSummary() const {
    return m_lastClockSummary;
}

} // namespace ops::ui
