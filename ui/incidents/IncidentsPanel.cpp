#include "IncidentsPanel.h"

#include "common/Colours.h"

#include "common/AppContext.h"
#include "common/TimeFormat.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "incidents/RollbackClockWatcher.h"
#include "store/StoreHost.h"

#include "OpenIncidentDialog.h"

#include "incidents/IncidentListModel.h"
#include "incidents/Publisher.h"
#include "incidents/RebindFlow.h"
#include "incidents/StepFiles.h"
#include "reports/ReportPdf.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

namespace {

QString clockColour(ClockState state) {
    switch (state) {
    case ClockState::Running:
    case ClockState::Met:
        return QStringLiteral("#1b7f3b");
    case ClockState::Warning:
        return QStringLiteral("#b26a00");
    case ClockState::MetLate:
    case ClockState::Missed:
        return QStringLiteral("#b3261e");
    }
    return QStringLiteral("#555555");
}

} // namespace

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
    m_list->setModel(m_model);
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

    m_runs = new QListWidget(this);
    m_runs->setObjectName(QStringLiteral("runList"));
    m_runs->setAccessibleName(tr("Runbook and rollback runs"));
    connect(m_runs, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            selectRun(item->data(Qt::UserRole).toString());
    });

    m_rollbackScope = new QComboBox(this);
    m_rollbackScope->setObjectName(QStringLiteral("rollbackScope"));
    m_ksScope = new QComboBox(this);
    m_ksScope->setObjectName(QStringLiteral("killSwitchScope"));
    for (const ScopeConfig *s : m_config.orderedScopes()) {
        m_rollbackScope->addItem(s->id, s->id);
        m_ksScope->addItem(s->id, s->id);
    }
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

    m_ksReason = new QLineEdit(this);
    m_ksReason->setObjectName(QStringLiteral("killSwitchReason"));
    m_ksReason->setPlaceholderText(tr("Reason (required)"));
    m_ksLocalities = new QLineEdit(this);
    m_ksLocalities->setObjectName(QStringLiteral("killSwitchLocalities"));
    m_ksLocalities->setPlaceholderText(tr("Validation localities, e.g. kl,pg (probed)"));
    m_ksAi = new QPushButton(this);
    m_ksAi->setObjectName(QStringLiteral("killSwitchAi"));
    m_ksBadPack = new QPushButton(this);
    m_ksBadPack->setObjectName(QStringLiteral("killSwitchBadPack"));
    connect(m_ksAi, &QPushButton::clicked, this, [this] { toggleKillSwitch(QStringLiteral("ai")); });
    connect(m_ksBadPack, &QPushButton::clicked, this,
            [this] { toggleKillSwitch(QStringLiteral("bad-pack")); });
    connect(m_ksScope, &QComboBox::currentIndexChanged, this, &IncidentsPanel::updateKillSwitchButtons);
    auto *ksBox = new QGroupBox(tr("Kill switches"), this);
    auto *ksForm = new QFormLayout(ksBox);
    ksForm->addRow(tr("Scope"), m_ksScope);
    ksForm->addRow(tr("Reason"), m_ksReason);
    ksForm->addRow(tr("Validate"), m_ksLocalities);
    auto *ksButtons = new QHBoxLayout;
    ksButtons->addWidget(m_ksAi);
    ksButtons->addWidget(m_ksBadPack);
    ksForm->addRow(ksButtons);
    m_ksActive = new QLabel(this);
    m_ksActive->setObjectName(QStringLiteral("killSwitchesActive"));
    m_ksActive->setWordWrap(true);
    ksForm->addRow(m_ksActive);

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
    leftLayout->addWidget(m_list, 3);
    leftLayout->addWidget(new QLabel(tr("<b>Runs</b> — checklists and rollbacks"), this));
    leftLayout->addWidget(m_runs, 2);
    leftLayout->addWidget(rollbackBox);
    leftLayout->addWidget(ksBox);

    // Right: the selected incident or run.
    m_detail = new QStackedWidget(this);
    auto *hint =
        new QLabel(tr("Select an incident or a run, or open an incident from a firing alert."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    m_detail->addWidget(hint);
    auto *incidentPage = new QWidget(this);
    buildIncidentView(incidentPage);
    m_detail->addWidget(incidentPage);
    auto *runPage = new QWidget(this);
    buildRunView(runPage);
    m_detail->addWidget(runPage);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("incidentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({560, 720});
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
            updateKillSwitchButtons();
            updateStepActions();
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

void IncidentsPanel::buildIncidentView(QWidget *page) {
    m_incidentHeader = new QLabel(page);
    m_incidentHeader->setObjectName(QStringLiteral("incidentHeader"));
    m_incidentHeader->setWordWrap(true);
    m_incidentHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startIncidentRunbook = new QPushButton(page);
    m_startIncidentRunbook->setObjectName(QStringLiteral("startIncidentRunbook"));
    connect(m_startIncidentRunbook, &QPushButton::clicked, this, [this] {
        const Incident *i = m_book.incident(m_incidentId);
        if (const Runbook *rb = i ? IncidentActions::runbookForClass(m_library, i->incidentClass) : nullptr)
            startRunbook(rb->id, i->scope, i->id);
    });
    m_startIncidentRollback = new QPushButton(tr("Start rollback for this incident"), page);
    m_startIncidentRollback->setObjectName(QStringLiteral("startIncidentRollback"));
    connect(m_startIncidentRollback, &QPushButton::clicked, this, [this] {
        if (const Incident *i = m_book.incident(m_incidentId))
            startRollback(i->scope, false, i->id);
    });

    m_incidentTabs = new QTabWidget(page);
    m_incidentTabs->setObjectName(QStringLiteral("incidentTabs"));

    m_timeline = new QTreeWidget(page);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Event")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_incidentTabs->addTab(m_timeline, tr("&Timeline"));

    auto *evidence = new QWidget(page);
    auto *form = new QFormLayout;
    for (const QString &f : CoreEvidence::fields()) {
        auto *edit = new QLineEdit(evidence);
        edit->setObjectName(QStringLiteral("evidence_") + f);
        edit->setPlaceholderText(CoreEvidence::hint(f));
        edit->setAccessibleName(CoreEvidence::label(f));
        connect(edit, &QLineEdit::textChanged, edit, [edit] {
            edit->setProperty("missing", false);
            edit->setStyleSheet(QString());
        });
        m_fields.insert(f, edit);
        // Every field is required; timestamp alone defaults to now.
        form->addRow(f == QLatin1String("timestamp") ? CoreEvidence::label(f)
                                                     : CoreEvidence::label(f) + QStringLiteral(" *"),
                     edit);
    }
    m_evidenceError = new QLabel(evidence);
    m_evidenceError->setObjectName(QStringLiteral("evidenceError"));
    m_evidenceError->setWordWrap(true);
    m_evidenceError->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                       .arg(colours::onBase(colours::kRed, palette()).name()));
    m_saveEvidence = new QPushButton(tr("Record evidence"), evidence);
    m_saveEvidence->setObjectName(QStringLiteral("saveEvidence"));
    connect(m_saveEvidence, &QPushButton::clicked, this, &IncidentsPanel::saveEvidence);
    auto *evidenceLayout = new QVBoxLayout(evidence);
    evidenceLayout->addWidget(
        new QLabel(tr("The core evidence record: fields marked * are required."), evidence));
    evidenceLayout->addLayout(form);
    evidenceLayout->addWidget(m_evidenceError);
    evidenceLayout->addWidget(m_saveEvidence, 0, Qt::AlignRight);
    evidenceLayout->addStretch();
    m_incidentTabs->addTab(evidence, tr("&Evidence record"));

    auto *decide = new QWidget(page);
    m_decisions = new QListWidget(decide);
    m_decisions->setObjectName(QStringLiteral("decisions"));
    m_decisionText = new QLineEdit(decide);
    m_decisionText->setObjectName(QStringLiteral("decisionText"));
    m_decisionText->setPlaceholderText(tr("A decision: contain vs repair, what is held, who does what"));
    m_decide = new QPushButton(tr("Log decision"), decide);
    m_decide->setObjectName(QStringLiteral("logDecision"));
    connect(m_decide, &QPushButton::clicked, this, &IncidentsPanel::logDecision);
    connect(m_decisionText, &QLineEdit::returnPressed, this, &IncidentsPanel::logDecision);
    m_severity = new QComboBox(decide);
    m_severity->setObjectName(QStringLiteral("changeSeverityTo"));
    m_severity->addItems(severities());
    m_severityReason = new QLineEdit(decide);
    m_severityReason->setObjectName(QStringLiteral("changeSeverityReason"));
    m_severityReason->setPlaceholderText(tr("Reason (required)"));
    m_changeSeverity = new QPushButton(tr("Change severity"), decide);
    m_changeSeverity->setObjectName(QStringLiteral("changeSeverity"));
    connect(m_changeSeverity, &QPushButton::clicked, this, &IncidentsPanel::changeSeverity);
    m_closureCondition = new QLabel(decide);
    m_closureCondition->setWordWrap(true);
    m_closureHolds = new QCheckBox(tr("The closure condition holds"), decide);
    m_closureHolds->setObjectName(QStringLiteral("closureHolds"));
    m_closureText = new QLineEdit(decide);
    m_closureText->setObjectName(QStringLiteral("closureText"));
    m_closureText->setPlaceholderText(tr("How it holds, in words"));
    m_verification = new QLineEdit(decide);
    m_verification->setObjectName(QStringLiteral("closureVerification"));
    m_verification->setPlaceholderText(tr("Verification result (default: the latest record's)"));
    m_close = new QPushButton(tr("Close incident…"), decide);
    m_close->setObjectName(QStringLiteral("closeIncident"));
    connect(m_close, &QPushButton::clicked, this, &IncidentsPanel::closeIncident);
    auto *decideLayout = new QVBoxLayout(decide);
    decideLayout->addWidget(m_decisions, 1);
    auto *decideRow = new QHBoxLayout;
    decideRow->addWidget(m_decisionText, 1);
    decideRow->addWidget(m_decide);
    decideLayout->addLayout(decideRow);
    auto *sevRow = new QHBoxLayout;
    sevRow->addWidget(new QLabel(tr("Severity"), decide));
    sevRow->addWidget(m_severity);
    sevRow->addWidget(m_severityReason, 1);
    sevRow->addWidget(m_changeSeverity);
    decideLayout->addLayout(sevRow);
    auto *closeBox = new QGroupBox(tr("Closure"), decide);
    auto *closeLayout = new QFormLayout(closeBox);
    closeLayout->addRow(m_closureCondition);
    closeLayout->addRow(m_closureHolds);
    closeLayout->addRow(tr("Closure"), m_closureText);
    closeLayout->addRow(tr("Verification"), m_verification);
    closeLayout->addRow(m_close);
    decideLayout->addWidget(closeBox);
    m_incidentTabs->addTab(decide, tr("&Decisions && closure"));

    auto *layout = new QVBoxLayout(page);
    // The header with the report beside it; the runbook and rollback buttons keep their own row,
    // so their labels are never cut.
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_incidentHeader, 1);
    auto *exportReportButton = new QPushButton(tr("Export report…"), page);
    exportReportButton->setObjectName(QStringLiteral("exportIncidentReport"));
    exportReportButton->setToolTip(tr("The postmortem: timeline, decisions, rollback against its objective, "
                                      "and proofs to check it offline"));
    connect(exportReportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export the postmortem of %1").arg(m_incidentId),
                                         m_incidentId + QStringLiteral("-postmortem.pdf"),
                                         tr("PDF (*.pdf);;Markdown (*.md);;HTML (*.html)"));
        if (!path.isEmpty())
            exportReport(path);
    });
    headerRow->addWidget(exportReportButton, 0, Qt::AlignTop);
    layout->addLayout(headerRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startIncidentRunbook);
    buttons->addWidget(m_startIncidentRollback);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_incidentTabs, 1);
}

void IncidentsPanel::buildRunView(QWidget *page) {
    m_runHeader = new QLabel(page);
    m_runHeader->setObjectName(QStringLiteral("runHeader"));
    m_runHeader->setWordWrap(true);
    m_clocks = new QWidget(page);
    m_restoreClock = new QLabel(m_clocks);
    m_restoreClock->setObjectName(QStringLiteral("restoreClock"));
    m_integrityClock = new QLabel(m_clocks);
    m_integrityClock->setObjectName(QStringLiteral("integrityClock"));
    for (QLabel *l : {m_restoreClock, m_integrityClock}) {
        l->setAlignment(Qt::AlignCenter);
        l->setMinimumHeight(96);
        l->setTextFormat(Qt::RichText);
    }
    auto *clockRow = new QHBoxLayout(m_clocks);
    clockRow->setContentsMargins(0, 0, 0, 0);
    clockRow->addWidget(m_restoreClock);
    clockRow->addWidget(m_integrityClock);

    m_steps = new QTreeWidget(page);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("Action"), tr("Needs"), tr("Recorded")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setWordWrap(true);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &IncidentsPanel::updateStepActions);

    m_stepNote = new QLineEdit(page);
    m_stepNote->setObjectName(QStringLiteral("stepNote"));
    m_stepNote->setPlaceholderText(tr("Note for the step — or the reason when it failed or is skipped"));
    m_stepConfirm = new QCheckBox(tr("I confirm the action was done"), page);
    m_stepConfirm->setObjectName(QStringLiteral("stepConfirm"));
    m_attach = new QPushButton(tr("Attach file…"), page);
    m_attach->setObjectName(QStringLiteral("stepAttach"));
    connect(m_attach, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Attach a file to the step"));
        if (!f.isEmpty())
            addAttachment(f);
    });
    m_checksum = new QPushButton(tr("Checksum file…"), page);
    m_checksum->setObjectName(QStringLiteral("stepChecksum"));
    connect(m_checksum, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("File whose SHA-256 is the step's checksum"));
        if (!f.isEmpty())
            addChecksumFile(f);
    });
    m_pending = new QLabel(page);
    m_pending->setObjectName(QStringLiteral("stepPending"));
    m_pending->setWordWrap(true);
    m_stepDone = new QPushButton(tr("Mark done"), page);
    m_stepDone->setObjectName(QStringLiteral("stepDone"));
    m_stepFailed = new QPushButton(tr("Mark failed"), page);
    m_stepFailed->setObjectName(QStringLiteral("stepFailed"));
    m_stepSkip = new QPushButton(tr("Skip"), page);
    m_stepSkip->setObjectName(QStringLiteral("stepSkip"));
    m_rebind = new QPushButton(tr("Rebind via publisher…"), page);
    m_rebind->setObjectName(QStringLiteral("rebindButton"));
    connect(m_stepDone, &QPushButton::clicked, this, [this] { recordStep(StepStatus::Done); });
    connect(m_stepFailed, &QPushButton::clicked, this, [this] { recordStep(StepStatus::Failed); });
    connect(m_stepSkip, &QPushButton::clicked, this, [this] { recordStep(StepStatus::Skipped); });
    connect(m_rebind, &QPushButton::clicked, this, &IncidentsPanel::rebind);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_runHeader);
    layout->addWidget(m_clocks);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_stepNote);
    auto *row = new QHBoxLayout;
    row->addWidget(m_stepConfirm);
    row->addWidget(m_attach);
    row->addWidget(m_checksum);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(m_pending);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rebind);
    buttons->addStretch();
    buttons->addWidget(m_stepSkip);
    buttons->addWidget(m_stepFailed);
    buttons->addWidget(m_stepDone);
    layout->addLayout(buttons);
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
    if (const int row = m_model->rowOf(keep); row >= 0) {
        const QSignalBlocker block(m_list->selectionModel());
        m_list->selectRow(row);
    }
    {
        const QSignalBlocker block(m_runs);
        m_runs->clear();
        for (const RunbookRun &r : m_book.runs()) {
            if ((r.finished && r.id != m_runId) || r.runbook == QLatin1String("launch-day-validation"))
                continue; // a launch lives in the Launch panel
            auto *item = new QListWidgetItem(QStringLiteral("%1  %2%3 · %4 · %5/%6")
                                                 .arg(r.id, r.title, r.drill ? tr(" (drill)") : QString(),
                                                      r.scope.isEmpty() ? QStringLiteral("—") : r.scope)
                                                 .arg(r.resolvedCount())
                                                 .arg(r.steps.size()),
                                             m_runs);
            item->setData(Qt::UserRole, r.id);
            if (r.id == m_runId)
                m_runs->setCurrentItem(item);
        }
        if (m_runs->count() == 0)
            m_runs->addItem(tr("No run in progress"));
    }
    updateKillSwitchButtons();
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
    if (const int row = m_model->rowOf(id); row >= 0)
        m_list->selectRow(row);
    showIncident();
}

void IncidentsPanel::selectRun(const QString &id) {
    if (id.isEmpty())
        return;
    if (id != m_runId) {
        m_pendingAttachments.clear();
        m_pendingChecksums.clear();
        m_stepNote->clear();
        m_stepConfirm->setChecked(false);
    }
    m_runId = id;
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
    m_incidentHeader->setText(
        tr("<h2>%1 · %2 · %3 on %4</h2><b>%5</b> — %6<br>Trigger: %7<br>Opened %8 by %9 · owner %10")
            .arg(i->id, i->severity, i->incidentClass, i->scope, i->closed ? tr("closed") : tr("open"),
                 i->severityReason.toHtmlEscaped(), i->trigger.toHtmlEscaped(),
                 TimeFormat::seconds(i->openedMs), i->openedBy,
                 i->owner.isEmpty() ? tr("unassigned") : i->owner));
    QStringList runs;
    for (const QString &id : i->runs)
        if (const RunbookRun *r = m_book.run(id))
            runs << tr("%1 %2 (%3/%4%5)")
                        .arg(r->id, r->title)
                        .arg(r->resolvedCount())
                        .arg(r->steps.size())
                        .arg(r->finished ? tr(", finished") : QString());
    if (!runs.isEmpty())
        m_incidentHeader->setText(m_incidentHeader->text() +
                                  tr("<br>Runs: %1").arg(runs.join(QStringLiteral(" · "))));
    if (!i->closed) {
        m_rollbackScope->setCurrentIndex(qMax(0, m_rollbackScope->findData(i->scope)));
        m_ksScope->setCurrentIndex(qMax(0, m_ksScope->findData(i->scope)));
    }
    const Runbook *rb = IncidentActions::runbookForClass(m_library, i->incidentClass);
    m_startIncidentRunbook->setVisible(rb != nullptr);
    if (rb)
        m_startIncidentRunbook->setText(tr("Start runbook: %1").arg(rb->title));
    for (QWidget *w :
         {static_cast<QWidget *>(m_startIncidentRunbook), static_cast<QWidget *>(m_startIncidentRollback),
          static_cast<QWidget *>(m_saveEvidence), static_cast<QWidget *>(m_decide),
          static_cast<QWidget *>(m_changeSeverity), static_cast<QWidget *>(m_close)})
        w->setEnabled(!i->closed);
    // One rollback per scope at a time: point at the running one instead of offering another.
    for (const RunbookRun &r : m_book.runs())
        if (r.rollback && !r.finished && r.scope == i->scope) {
            m_startIncidentRollback->setEnabled(false);
            m_startIncidentRollback->setToolTip(tr("%1 is already rolling back %2").arg(r.id, r.scope));
        }
    if (m_startIncidentRollback->isEnabled())
        m_startIncidentRollback->setToolTip(QString());

    m_timeline->clear();
    for (const TimelineEntry &t : i->timeline) {
        auto *item = new QTreeWidgetItem(m_timeline, {TimeFormat::seconds(t.tsMs), t.actor, t.text,
                                                      QStringLiteral("#%1 %2").arg(t.seq).arg(t.kind)});
        item->setToolTip(2, t.text);
        if (t.kind == QLatin1String("rollback.deadline_missed"))
            item->setForeground(2, colours::onBase(colours::kRed, palette()));
    }
    m_timeline->resizeColumnToContents(0);
    m_timeline->resizeColumnToContents(1);
    m_timeline->setColumnWidth(2, qMax(300, m_timeline->width() / 2));

    // Prefill what the console knows; the operator writes the rest. Another incident starts afresh.
    if (m_formIncident != i->id) {
        m_formIncident = i->id;
        for (QLineEdit *f : std::as_const(m_fields)) {
            f->clear();
            f->setStyleSheet(QString());
            f->setProperty("missing", false);
        }
        m_evidenceError->clear();
        m_decisionText->clear();
        m_severityReason->clear();
        m_closureHolds->setChecked(false);
        m_closureText->clear();
        m_verification->clear();
    }
    auto prefill = [](QLineEdit *e, const QString &v) {
        if (e->text().isEmpty())
            e->setText(v);
    };
    prefill(m_fields.value(QStringLiteral("scope")), i->scope);
    prefill(m_fields.value(QStringLiteral("trigger")), i->trigger);
    if (m_session && m_session->isUnlocked())
        prefill(m_fields.value(QStringLiteral("owner")),
                i->owner.isEmpty() ? m_session->identity() : i->owner);

    m_decisions->clear();
    for (const Decision &d : i->decisions)
        m_decisions->addItem(QStringLiteral("%1  %2: %3").arg(TimeFormat::seconds(d.tsMs), d.actor, d.text));
    if (i->decisions.isEmpty())
        m_decisions->addItem(tr("No decision logged yet"));
    m_closureCondition->setText(tr("<b>Closure condition:</b> %1").arg(i->closureCondition.toHtmlEscaped()));
    if (i->closed)
        m_closureCondition->setText(m_closureCondition->text() +
                                    tr("<br><b>Closed</b> %1 by %2: %3 (verification: %4)")
                                        .arg(TimeFormat::seconds(i->closedMs), i->closedBy,
                                             i->closure.toHtmlEscaped(), i->verification.toHtmlEscaped()));
}

void IncidentsPanel::showRun() {
    const RunbookRun *r = m_book.run(m_runId);
    if (!r) {
        m_detail->setCurrentIndex(0);
        return;
    }
    m_detail->setCurrentIndex(2);
    QString header =
        tr("<h2>%1 · %2%3</h2>").arg(r->id, r->title.toHtmlEscaped(), r->drill ? tr(" (drill)") : QString());
    header += tr("Scope %1 · started %2 by %3")
                  .arg(r->scope.isEmpty() ? QStringLiteral("—") : r->scope, TimeFormat::seconds(r->startedMs),
                       r->startedBy);
    if (!r->incident.isEmpty())
        header += tr(" · for %1").arg(r->incident);
    header += tr("<br><b>Closure condition:</b> %1").arg(r->closureCondition.toHtmlEscaped());
    if (r->finished)
        header += r->rollback
                      ? (r->objectiveMet ? tr("<br><b style='color:%1'>Finished: objective met</b>")
                                               .arg(colours::onBase(colours::kGreen, palette()).name())
                                         : tr("<br><b style='color:%1'>Finished: objective NOT met</b>")
                                               .arg(colours::onBase(colours::kRed, palette()).name()))
                      : tr("<br><b>Finished</b> %1").arg(TimeFormat::seconds(r->finishedMs));
    m_runHeader->setText(header);
    m_clocks->setVisible(r->rollback);

    const QString keep =
        m_steps->currentItem() ? m_steps->currentItem()->data(0, Qt::UserRole).toString() : QString();
    const QSignalBlocker block(m_steps);
    m_steps->clear();
    QTreeWidgetItem *select = nullptr;
    const StepState *next = r->nextPending();
    for (const StepState &s : r->steps) {
        QStringList needs;
        for (EvidenceKind k : s.step.evidence)
            needs << evidenceKindName(k);
        if (!s.step.probe.isEmpty()) {
            QStringList probes;
            for (TargetKind k : s.step.probe)
                probes << targetKindName(k);
            needs << tr("(probe %1%2)")
                         .arg(probes.join(QStringLiteral(", ")),
                              s.step.probeMustPass ? tr(", must pass") : QString());
        }
        if (s.step.skippable)
            needs << tr("skippable");
        const QString recorded = s.status == StepStatus::Pending
                                     ? QString()
                                     : QStringLiteral("%1 %2%3").arg(
                                           s.actor, TimeFormat::seconds(s.tsMs),
                                           s.note.isEmpty() ? QString() : QStringLiteral(" — ") + s.note);
        auto *item = new QTreeWidgetItem(m_steps, {s.step.id, stepStatusName(s.status), s.step.action,
                                                   needs.join(QLatin1Char(' ')), recorded});
        item->setData(0, Qt::UserRole, s.step.id);
        item->setToolTip(2, s.step.action);
        item->setToolTip(3, needs.join(QLatin1Char(' ')));
        item->setToolTip(4, recorded);
        const QColor colour = s.status == StepStatus::Done      ? colours::onBase(colours::kGreen, palette())
                              : s.status == StepStatus::Failed  ? colours::onBase(colours::kRed, palette())
                              : s.status == StepStatus::Skipped ? palette().color(QPalette::PlaceholderText)
                                                                : QColor();
        if (colour.isValid())
            item->setForeground(1, colour);
        if (s.step.id == keep || (keep.isEmpty() && next && s.step.id == next->step.id))
            select = item;
    }
    m_steps->resizeColumnToContents(0);
    m_steps->resizeColumnToContents(1);
    m_steps->setColumnWidth(2, 330);
    if (select)
        m_steps->setCurrentItem(select);
    updateClocks();
    updateStepActions();
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
    const RunbookRun *r = m_book.run(m_runId);
    if (!r || !r->rollback)
        return;
    const QList<QPair<QLabel *, QString>> labels{{m_restoreClock, QStringLiteral("restore")},
                                                 {m_integrityClock, QStringLiteral("integrity")}};
    for (const auto &[label, name] : labels) {
        const RollbackClock *c = r->clock(name);
        if (!c)
            continue;
        const ClockView v = clockView(*c, r->startedMs, now);
        const QString caption =
            name == QLatin1String("restore") ? tr("Safe manifest restored") : tr("Integrity confirmed");
        QString big;
        QString small;
        switch (v.state) {
        case ClockState::Met:
            big = QStringLiteral("✓ %1").arg(clockText(c->metMs - r->startedMs));
            small = tr("met at %1, %2 to spare").arg(TimeFormat::seconds(c->metMs), clockText(v.remainingMs));
            break;
        case ClockState::MetLate:
            big = QStringLiteral("✗ %1").arg(clockText(c->metMs - r->startedMs));
            small =
                tr("met late at %1, %2 over").arg(TimeFormat::seconds(c->metMs), clockText(-v.remainingMs));
            break;
        case ClockState::Missed:
            big = clockText(v.remainingMs);
            small = tr("MISSED — deadline %1").arg(TimeFormat::seconds(c->deadlineMs));
            break;
        default:
            big = clockText(v.remainingMs);
            small = tr("left, deadline %1").arg(TimeFormat::seconds(c->deadlineMs));
        }
        label->setProperty("clockState", clockStateName(v.state));
        label->setAccessibleName(QStringLiteral("%1: %2 %3").arg(caption, big, small));
        label->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: white; border-radius: 6px; padding: 6px; }")
                .arg(clockColour(v.state)));
        label->setText(
            QStringLiteral(
                "<div>%1</div><div style='font-size:30pt; font-weight:bold;'>%2</div><div>%3</div>")
                .arg(caption.toHtmlEscaped(), big.toHtmlEscaped(), small.toHtmlEscaped()));
    }
}

QString IncidentsPanel::clockSummary() const {
    return m_lastClockSummary;
}

void IncidentsPanel::updateKillSwitchButtons() {
    const QString scope = m_ksScope->currentData().toString();
    QStringList active;
    for (const KillSwitchState &k : m_book.killSwitches())
        if (k.active)
            active << tr("%1 on %2 since %3")
                          .arg(k.killSwitch, k.scope, TimeFormat::seconds(k.sinceMs).mid(11, 5));
    m_ksActive->setText(
        active.isEmpty()
            ? tr("No kill switch is active.")
            : tr("<b style='color:#b3261e'>Active:</b> %1").arg(active.join(QStringLiteral("; "))));
    const QList<QPair<QPushButton *, QString>> buttons{{m_ksAi, QStringLiteral("ai")},
                                                       {m_ksBadPack, QStringLiteral("bad-pack")}};
    for (const auto &[button, name] : buttons) {
        const KillSwitchState *k = m_book.killSwitch(name, scope);
        const QString label = name == QLatin1String("ai") ? tr("AI lane") : tr("Bad pack");
        if (k && k->active) {
            button->setText(tr("Deactivate %1").arg(label));
            button->setStyleSheet(QStringLiteral("QPushButton { color: %1; font-weight: bold; }")
                                      .arg(colours::onBase(colours::kRed, palette()).name()));
            button->setToolTip(tr("Active on %1 since %2 by %3: %4")
                                   .arg(scope, TimeFormat::seconds(k->sinceMs), k->actor, k->reason));
        } else {
            button->setText(tr("Activate %1").arg(label));
            button->setStyleSheet(QString());
            button->setToolTip(
                k ? tr("Last deactivated %1 by %2").arg(TimeFormat::seconds(k->sinceMs), k->actor)
                  : tr("Never used on %1").arg(scope));
        }
    }
}

bool IncidentsPanel::exportReport(const QString &path) {
    if (m_incidentId.isEmpty())
        return false;
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: generating a report is recorded."), true);
            return false;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const IncidentReports::Format format = suffix == QLatin1String("pdf") ? IncidentReports::Format::Pdf
                                           : suffix == QLatin1String("html")
                                               ? IncidentReports::Format::Html
                                               : IncidentReports::Format::Markdown;
    auto built = IncidentReports::build(*store, m_incidentId, m_clock ? m_clock() : Time::nowMs());
    if (!built.ok()) {
        report(built.error().message, true);
        return false;
    }
    auto bytes = renderIncidentReport(built.value(), format);
    if (!bytes.ok()) {
        report(bytes.error().message, true);
        return false;
    }
    const QString language =
        QLocale().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
    auto e = IncidentReports::recordGenerated(*store, *m_session->signer(), built.value(), format,
                                              bytes.value(), language);
    if (!e.ok()) {
        report(e.error().message, true);
        return false;
    }
    if (auto w = FileUtil::writePrivateAtomic(path, bytes.value()); !w.ok()) {
        report(w.error().message, true);
        return false;
    }
    report(tr("%1postmortem of %2 written to %3 (event %4)")
               .arg(built->draft ? tr("DRAFT ") : QString(), m_incidentId, QDir::toNativeSeparators(path))
               .arg(e->seq));
    return true;
}

std::unique_ptr<IncidentActions> IncidentsPanel::actions() {
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: every intervention is signed evidence."), true);
            return nullptr;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return nullptr;
    }
    return std::make_unique<IncidentActions>(*store, *m_session->signer(), m_config, m_library, m_clock);
}

void IncidentsPanel::report(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;%2")
            .arg(colours::onBase(error ? colours::kRed : colours::kGreen, palette()).name(),
                 error ? QStringLiteral(" font-weight: bold;") : QString()));
    m_status->setAccessibleName(text);
}

bool IncidentsPanel::confirm(const QString &title, const QString &text) {
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

bool IncidentsPanel::handle(const Result<StoredEvent> &result, const QString &done) {
    if (!result.ok()) {
        report(result.error().message, true);
        return false;
    }
    report(tr("%1 (event %2, signed by %3)").arg(done).arg(result->seq).arg(result->actor));
    refresh();
    return true;
}

void IncidentsPanel::openIncidentDialog(const QString &incidentClass, const QString &scope,
                                        const QString &trigger, const QString &alert) {
    OpenIncidentDialog dialog(m_config, this);
    if (!incidentClass.isEmpty() || !scope.isEmpty())
        dialog.prefill(incidentClass, scope, trigger, alert);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto a = actions();
    if (!a)
        return;
    auto e = a->open(dialog.request());
    if (handle(e, tr("Opened %1").arg(e.ok() ? incidentId(e->seq) : QString())))
        selectIncident(incidentId(e->seq));
}

void IncidentsPanel::startRunbook(const QString &runbookId, const QString &scope, const QString &incident) {
    auto a = actions();
    if (!a)
        return;
    auto e = a->startRun(runbookId, incident, scope);
    if (handle(e, tr("Started %1").arg(e.ok() ? runId(e->seq) : QString())))
        selectRun(runId(e->seq));
}

void IncidentsPanel::startRollback(const QString &scope, bool drill, const QString &incident) {
    if (!confirm(drill ? tr("Start a rollback drill") : tr("Start a rollback"),
                 tr("Start %1 on %2 now? The clocks start at once: restore within %3 min, integrity within "
                    "%4 min.")
                     .arg(drill ? tr("a rollback drill") : tr("a rollback"), scope)
                     .arg(m_config.objectives.restoreMinutes)
                     .arg(m_config.objectives.integrityMinutes)))
        return;
    auto a = actions();
    if (!a)
        return;
    auto e = a->startRollback(scope, drill, incident);
    if (handle(e, tr("Started %1 on %2").arg(e.ok() ? runId(e->seq) : QString(), scope)))
        selectRun(runId(e->seq));
}

void IncidentsPanel::saveEvidence() {
    QMap<QString, QString> values;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        values.insert(it.key(), it.value()->text());
    // Inline first: every missing field is marked and named; nothing is written.
    auto check = CoreEvidence::validate(values, m_clock());
    if (!check.ok()) {
        const QStringList missing = check.error().where.split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList labels;
        QLineEdit *first = nullptr;
        for (const QString &f : missing) {
            if (QLineEdit *e = m_fields.value(f)) {
                e->setProperty("missing", true);
                e->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #b3261e; }"));
                labels << CoreEvidence::label(f);
                if (!first)
                    first = e;
            }
        }
        m_evidenceError->setText(
            labels.isEmpty() ? check.error().message
                             : tr("Not recorded — missing: %1").arg(labels.join(QStringLiteral(", "))));
        if (first)
            first->setFocus();
        return;
    }
    auto a = actions();
    if (!a)
        return;
    auto e = a->addEvidence(m_incidentId, values);
    if (!e.ok()) {
        m_evidenceError->setText(e.error().message);
        report(e.error().message, true);
        return;
    }
    m_evidenceError->clear();
    for (QLineEdit *f : std::as_const(m_fields))
        f->clear();
    handle(e, tr("Core evidence record added to %1").arg(m_incidentId));
}

void IncidentsPanel::logDecision() {
    auto a = actions();
    if (!a)
        return;
    if (handle(a->decide(m_incidentId, m_decisionText->text()),
               tr("Decision logged on %1").arg(m_incidentId)))
        m_decisionText->clear();
}

void IncidentsPanel::changeSeverity() {
    auto a = actions();
    if (!a)
        return;
    if (handle(a->changeSeverity(m_incidentId, m_severity->currentText(), m_severityReason->text()),
               tr("%1 is now %2").arg(m_incidentId, m_severity->currentText())))
        m_severityReason->clear();
}

void IncidentsPanel::closeIncident() {
    if (!m_closureHolds->isChecked()) {
        report(tr("Confirm that the closure condition holds first."), true);
        m_closureHolds->setFocus();
        return;
    }
    if (!confirm(tr("Close incident"),
                 tr("Close %1? A closed incident cannot be reopened.").arg(m_incidentId)))
        return;
    auto a = actions();
    if (!a)
        return;
    if (handle(a->close(m_incidentId, m_closureText->text(), m_verification->text()),
               tr("%1 closed").arg(m_incidentId))) {
        m_closureHolds->setChecked(false);
        m_closureText->clear();
        m_verification->clear();
    }
}

void IncidentsPanel::toggleKillSwitch(const QString &name) {
    const QString scope = m_ksScope->currentData().toString();
    const KillSwitchState *k = m_book.killSwitch(name, scope);
    const bool activate = !(k && k->active);
    if (m_ksReason->text().trimmed().isEmpty()) {
        report(tr("A kill switch needs its reason."), true);
        m_ksReason->setFocus();
        return;
    }
    if (!confirm(activate ? tr("Activate kill switch") : tr("Deactivate kill switch"),
                 tr("%1 the %2 kill switch on %3?")
                     .arg(activate ? tr("Activate") : tr("Deactivate"), name, scope)))
        return;
    if (!actions())
        return;
    if (const QString bad = LocalityValidation::unknownLocality(m_config, m_ksLocalities->text());
        !bad.isEmpty()) {
        report(tr("Validation locality '%1' is not a scope of the configuration.").arg(bad), true);
        return;
    }
    auto parsed = LocalityValidation::parseLocalities(m_config, m_ksLocalities->text(), {});
    const QStringList localities = parsed.ok() ? parsed.value() : QStringList();
    auto finish = [this, name, scope, activate, localities](const QString &validation) {
        auto a = actions();
        if (!a)
            return;
        auto e = activate ? a->activateKillSwitch(name, scope, m_ksReason->text(), localities, validation,
                                                  m_incidentId)
                          : a->deactivateKillSwitch(name, scope, m_ksReason->text(), localities, validation,
                                                    m_incidentId);
        if (handle(e, tr("%1 kill switch %2 on %3")
                          .arg(name, activate ? tr("activated") : tr("deactivated"), scope)))
            m_ksReason->clear();
    };
    if (localities.isEmpty()) {
        finish(QString());
        return;
    }
    // Targeted validation: each locality probed now, the summary recorded with the switch.
    m_busy = true;
    report(tr("Validating on %1…").arg(localities.join(QStringLiteral(", "))));
    auto *validation = new LocalityValidation(m_config, m_app->secrets().operatorToken, this);
    connect(validation, &LocalityValidation::finished, this,
            [this, validation, finish](const QString &summary) {
                validation->deleteLater();
                m_busy = false;
                finish(summary);
            });
    validation->run(localities);
}

bool IncidentsPanel::addAttachment(const QString &path) {
    // Read now: the bytes chosen are the bytes kept, stored with the step in one transaction.
    auto blob = StepFiles::read(path);
    if (!blob.ok()) {
        report(blob.error().toString(), true);
        return false;
    }
    m_pendingAttachments << blob.value();
    updateStepActions();
    return true;
}

bool IncidentsPanel::addChecksumFile(const QString &path) {
    auto c = StepFiles::checksum(path);
    if (!c.ok()) {
        report(c.error().toString(), true);
        return false;
    }
    m_pendingChecksums << c.value();
    updateStepActions();
    return true;
}

void IncidentsPanel::updateStepActions() {
    const RunbookRun *r = m_book.run(m_runId);
    const QString stepId =
        m_steps->currentItem() ? m_steps->currentItem()->data(0, Qt::UserRole).toString() : QString();
    const StepState *s = r ? r->step(stepId) : nullptr;
    const bool open =
        s && !r->finished && (s->status == StepStatus::Pending || s->status == StepStatus::Failed) && !m_busy;
    for (QWidget *w : {static_cast<QWidget *>(m_stepDone), static_cast<QWidget *>(m_stepFailed),
                       static_cast<QWidget *>(m_stepNote), static_cast<QWidget *>(m_stepConfirm),
                       static_cast<QWidget *>(m_attach), static_cast<QWidget *>(m_checksum)})
        w->setEnabled(open);
    m_stepSkip->setEnabled(open && s->step.skippable);
    m_stepSkip->setToolTip(s && !s->step.skippable ? tr("The runbook does not allow skipping this step")
                                                   : QString());
    m_stepConfirm->setVisible(s && s->step.needs(EvidenceKind::Confirmation));
    m_attach->setVisible(s && s->step.needs(EvidenceKind::Attachment));
    m_checksum->setVisible(s && s->step.needs(EvidenceKind::Checksum));
    m_rebind->setVisible(r && r->rollback && stepId == QLatin1String("rebind"));
    m_rebind->setEnabled(open && m_config.publisher.has_value());
    m_rebind->setToolTip(m_config.publisher ? tr("POST %1").arg(m_config.publisher->rebind.toString())
                                            : tr("No publisher.rebind URL in the configuration"));
    if (s && open && s->step.needs(EvidenceKind::Probe))
        m_stepDone->setText(tr("Probe and mark done"));
    else
        m_stepDone->setText(tr("Mark done"));
    QStringList pending;
    for (const NewBlob &a : m_pendingAttachments)
        pending << tr("attach %1").arg(a.name);
    for (const ChecksumRef &c : m_pendingChecksums)
        pending << tr("checksum %1 %2…").arg(c.name, c.sha256.left(12));
    m_pending->setText(pending.join(QStringLiteral(" · ")));
}

void IncidentsPanel::recordStep(StepStatus status) {
    const RunbookRun *r = m_book.run(m_runId);
    const QString stepId =
        m_steps->currentItem() ? m_steps->currentItem()->data(0, Qt::UserRole).toString() : QString();
    const StepState *s = r ? r->step(stepId) : nullptr;
    if (!s || !actions())
        return;
    StepInput in;
    in.step = stepId;
    in.status = status;
    in.note = m_stepNote->text();
    in.confirmed = m_stepConfirm->isChecked();
    in.checksums = m_pendingChecksums;
    const QString runRef = r->id;
    const QString scope = r->scope;
    auto record = [this, runRef, files = m_pendingAttachments](StepInput input) {
        m_busy = false;
        auto a = actions();
        if (!a)
            return;
        auto events = a->recordStep(runRef, input, files);
        if (!events.ok()) {
            report(events.error().message, true);
            updateStepActions();
            return;
        }
        m_pendingAttachments.clear();
        m_pendingChecksums.clear();
        m_stepNote->clear();
        m_stepConfirm->setChecked(false);
        QStringList kinds;
        for (const StoredEvent &e : events.value())
            kinds << QStringLiteral("%1 #%2").arg(e.kind).arg(e.seq);
        report(tr("Recorded %1").arg(kinds.join(QStringLiteral(", "))));
        refresh();
    };
    if (status != StepStatus::Skipped && s->step.needs(EvidenceKind::Probe)) {
        // The probe result is the evidence: probe now, then record with it.
        m_busy = true;
        updateStepActions();
        report(tr("Probing %1 for step %2…").arg(scope.isEmpty() ? tr("the services") : scope, stepId));
        auto *probe = new ScopeProbe(m_config, m_app->secrets().operatorToken, this);
        connect(probe, &ScopeProbe::finished, this,
                [probe, in, record](const QList<ProbeResult> &results) mutable {
                    probe->deleteLater();
                    in.probes = results;
                    record(in);
                });
        probe->run(scope, s->step.probe);
        return;
    }
    record(in);
}

void IncidentsPanel::rebind() {
    const RunbookRun *r = m_book.run(m_runId);
    if (!r || !m_config.publisher)
        return;
    const QString runId = r->id; // the dialog below runs an event loop: keep ids, not pointers
    if (!confirm(tr("Rebind the active manifest"),
                 tr("Rebind the active manifest of %1 to its last known good pack?\n\nThe publisher API at "
                    "%2 is called now; "
                    "its response is kept as evidence and the manifest and pack are read back.")
                     .arg(r->scope, m_config.publisher->rebind.toString())))
        return;
    if (!actions())
        return;
    // The flow keeps its own copy of the key: locking mid-call must not pull it away.
    auto signer =
        std::make_shared<Signer>(Signer{m_session->signer()->name, m_session->signer()->key.duplicate()});
    m_busy = true;
    updateStepActions();
    m_rebindFlow = new RebindFlow(*m_store(), *signer, m_config, m_library, m_app->secrets().publisherToken,
                                  m_app->secrets().operatorToken, this);
    connect(m_rebindFlow, &RebindFlow::progress, this, [this](const QString &text) { report(text); });
    connect(m_rebindFlow, &RebindFlow::finished, this, [this, signer](const RebindFlow::Outcome &o) {
        m_rebindFlow->deleteLater();
        m_rebindFlow = nullptr;
        m_busy = false;
        if (o.ok)
            report(tr("Rebind done (audit %1); readback: %2").arg(o.publisher.auditId, o.readback));
        else
            report(o.error.isEmpty() ? tr("Rebind failed") : o.error, true);
        refresh();
    });
    m_rebindFlow->start(runId);
}

} // namespace ops::ui
