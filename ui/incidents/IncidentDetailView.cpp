#include "IncidentDetailView.h"

#include "common/ErrorText.h"
#include "runbooks/Runbook.h"

#include "IncidentTimelineModel.h"

#include "IncidentsHost.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "common/TimeFormat.h"
#include "runtime/AppContext.h"
#include "store/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace ops::ui {

IncidentDetailView::IncidentDetailView(AppContext *app, IncidentsHost *host, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_host(host) {
    QWidget *page = this;
    m_incidentHeader = new QLabel(page);
    m_incidentHeader->setObjectName(QStringLiteral("incidentHeader"));
    m_incidentHeader->setWordWrap(true);
    m_incidentHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startIncidentRunbook = new QPushButton(page);
    m_startIncidentRunbook->setObjectName(QStringLiteral("startIncidentRunbook"));
    connect(m_startIncidentRunbook, &QPushButton::clicked, this, [this] {
        const Incident *i = m_incident ? &*m_incident : nullptr;
        if (const Runbook *rb =
                i ? IncidentActions::runbookForClass(m_host->library(), i->incidentClass) : nullptr)
            Q_EMIT startRunbookRequested(rb->id, i->scope, i->id);
    });
    m_startIncidentRollback = new QPushButton(tr("Start rollback for this incident"), page);
    m_startIncidentRollback->setObjectName(QStringLiteral("startIncidentRollback"));
    connect(m_startIncidentRollback, &QPushButton::clicked, this, [this] {
        if (m_incident)
            Q_EMIT startRollbackRequested(m_incident->scope, m_incident->id);
    });

    m_incidentTabs = new QTabWidget(page);
    m_incidentTabs->setObjectName(QStringLiteral("incidentTabs"));

    auto *timelinePage = new QWidget(page);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->setContentsMargins(0, 4, 0, 0);
    auto *timelineFilter = new QLineEdit(timelinePage);
    timelineFilter->setObjectName(QStringLiteral("timelineFilter"));
    timelineFilter->setPlaceholderText(tr("Filter the timeline (who, what, event)…"));
    timelineFilter->setAccessibleName(tr("Filter the timeline"));
    timelineFilter->setClearButtonEnabled(true);
    timelineLayout->addWidget(timelineFilter);
    m_timelineModel = new IncidentTimelineModel(this);
    m_timelineFilter = new TimelineFilter(this);
    m_timelineFilter->setSourceModel(m_timelineModel);
    connect(timelineFilter, &QLineEdit::textChanged, m_timelineFilter, &TimelineFilter::setText);
    m_timeline = new QTreeView(timelinePage);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setModel(m_timelineFilter);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setSortingEnabled(true);
    // What happened takes the room left; when, who and the event keep their whole text.
    m_timeline->header()->setStretchLastSection(false);
    m_timeline->header()->setSectionResizeMode(IncidentTimelineModel::When, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(IncidentTimelineModel::Who, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(IncidentTimelineModel::What, QHeaderView::Stretch);
    m_timeline->header()->setSectionResizeMode(IncidentTimelineModel::Event, QHeaderView::ResizeToContents);
    m_timeline->sortByColumn(IncidentTimelineModel::Event, Qt::AscendingOrder); // log order
    timelineLayout->addWidget(m_timeline, 1);
    m_incidentTabs->addTab(timelinePage, tr("&Timeline"));

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
    connect(m_saveEvidence, &QPushButton::clicked, this, &IncidentDetailView::saveEvidence);
    auto *evidenceLayout = new QVBoxLayout(evidence);
    evidenceLayout->addWidget(
        new QLabel(tr("The core evidence record: fields marked * are required."), evidence));
    evidenceLayout->addLayout(form);
    evidenceLayout->addWidget(m_evidenceError);
    evidenceLayout->addWidget(m_saveEvidence, 0, Qt::AlignRight);
    evidenceLayout->addStretch();
    m_incidentTabs->addTab(evidence, tr("&Evidence record"));

    auto *decide = new QWidget(page);
    m_decisions = new QListView(decide);
    m_decisions->setObjectName(QStringLiteral("decisions"));
    m_decisions->setAccessibleName(tr("Decision log"));
    m_decisions->setModel(m_decisionModel);
    m_decisions->setWordWrap(true);
    m_decisions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_noDecision = new QLabel(tr("No decision logged yet"), decide);
    m_noDecision->setObjectName(QStringLiteral("noDecision"));
    m_decisionText = new QLineEdit(decide);
    m_decisionText->setObjectName(QStringLiteral("decisionText"));
    m_decisionText->setPlaceholderText(tr("A decision: contain vs repair, what is held, who does what"));
    m_decide = new QPushButton(tr("Log decision"), decide);
    m_decide->setObjectName(QStringLiteral("logDecision"));
    connect(m_decide, &QPushButton::clicked, this, &IncidentDetailView::logDecision);
    connect(m_decisionText, &QLineEdit::returnPressed, this, &IncidentDetailView::logDecision);
    m_severity = new QComboBox(decide);
    m_severity->setObjectName(QStringLiteral("changeSeverityTo"));
    m_severity->addItems(severities());
    m_severityReason = new QLineEdit(decide);
    m_severityReason->setObjectName(QStringLiteral("changeSeverityReason"));
    m_severityReason->setPlaceholderText(tr("Reason (required)"));
    m_changeSeverity = new QPushButton(tr("Change severity"), decide);
    m_changeSeverity->setObjectName(QStringLiteral("changeSeverity"));
    connect(m_changeSeverity, &QPushButton::clicked, this, &IncidentDetailView::changeSeverity);
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
    connect(m_close, &QPushButton::clicked, this, &IncidentDetailView::closeIncident);
    auto *decideLayout = new QVBoxLayout(decide);
    decideLayout->addWidget(m_noDecision);
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
    // The header with the report beside it; the runbook and rollback buttons keep their own row
    // (two when the pane is narrow), so their labels are never cut.
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_incidentHeader, 1);
    auto *exportReportButton = new QPushButton(tr("Export report…"), page);
    exportReportButton->setObjectName(QStringLiteral("exportIncidentReport"));
    exportReportButton->setToolTip(tr("The postmortem: timeline, decisions, rollback against its objective, "
                                      "and proofs to check it offline"));
    connect(exportReportButton, &QPushButton::clicked, this, [this] {
        const QString id = incidentId();
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the postmortem of %1").arg(id),
                                                          id + QStringLiteral("-postmortem.pdf"),
                                                          tr("PDF (*.pdf);;Markdown (*.md);;HTML (*.html)"));
        if (!path.isEmpty())
            Q_EMIT exportReportRequested(path);
    });
    headerRow->addWidget(exportReportButton, 0, Qt::AlignTop);
    layout->addLayout(headerRow);
    m_startButtons = new QBoxLayout(QBoxLayout::LeftToRight);
    m_startButtons->addWidget(m_startIncidentRunbook, 0, Qt::AlignLeft);
    m_startButtons->addWidget(m_startIncidentRollback, 0, Qt::AlignLeft);
    m_startButtons->addStretch();
    layout->addLayout(m_startButtons);
    layout->addWidget(m_incidentTabs, 1);
}

void IncidentDetailView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    arrangeButtons();
}

void IncidentDetailView::arrangeButtons() {
    const int both = m_startIncidentRunbook->sizeHint().width() +
                     m_startIncidentRollback->sizeHint().width() + m_startButtons->spacing();
    const QMargins margins = layout() ? layout()->contentsMargins() : QMargins();
    const bool fit =
        !m_startIncidentRunbook->isVisibleTo(this) || both <= width() - margins.left() - margins.right();
    m_startButtons->setDirection(fit ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void IncidentDetailView::showIncident(const Incident &incident, const IncidentBook &book) {
    m_incident = incident;
    const Incident *i = &*m_incident;
    m_incidentHeader->setText(
        tr("<h2>%1 · %2 · %3 on %4</h2><b>%5</b> — %6<br>Trigger: %7<br>Opened %8 by %9 · owner %10")
            .arg(i->id, i->severity, i->incidentClass, i->scope, i->closed ? tr("closed") : tr("open"),
                 i->severityReasonPhrase.translated().toHtmlEscaped(), i->trigger.toHtmlEscaped(),
                 TimeFormat::seconds(i->openedMs), i->openedBy,
                 i->owner.isEmpty() ? tr("unassigned") : i->owner));
    QStringList runs;
    for (const QString &id : i->runs)
        if (const RunbookRun *r = book.run(id))
            runs << tr("%1 %2 (%3/%4%5)")
                        .arg(r->id, RunbookLibrary::shown(r->title))
                        .arg(r->resolvedCount())
                        .arg(r->steps.size())
                        .arg(r->finished ? tr(", finished") : QString());
    if (!runs.isEmpty())
        m_incidentHeader->setText(m_incidentHeader->text() +
                                  tr("<br>Runs: %1").arg(runs.join(QStringLiteral(" · "))));
    const Runbook *rb = IncidentActions::runbookForClass(m_host->library(), i->incidentClass);
    m_startIncidentRunbook->setVisible(rb != nullptr);
    if (rb)
        m_startIncidentRunbook->setText(tr("Start runbook: %1").arg(RunbookLibrary::shown(rb->title)));
    arrangeButtons();
    for (QWidget *w :
         {static_cast<QWidget *>(m_startIncidentRunbook), static_cast<QWidget *>(m_startIncidentRollback),
          static_cast<QWidget *>(m_saveEvidence), static_cast<QWidget *>(m_decide),
          static_cast<QWidget *>(m_changeSeverity), static_cast<QWidget *>(m_close)})
        w->setEnabled(!i->closed);
    // One rollback per scope at a time: point at the running one instead of offering another.
    for (const RunbookRun &r : book.runs())
        if (r.rollback && !r.finished && r.scope == i->scope) {
            m_startIncidentRollback->setEnabled(false);
            m_startIncidentRollback->setToolTip(tr("%1 is already rolling back %2").arg(r.id, r.scope));
        }
    if (m_startIncidentRollback->isEnabled())
        m_startIncidentRollback->setToolTip(QString());

    m_timelineModel->setAlarmColour(colours::onBase(colours::kRed, palette()));
    m_timelineModel->setEntries(i->timeline);

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
    if (const Session *session = m_app->session(); session && session->isUnlocked())
        prefill(m_fields.value(QStringLiteral("owner")), i->owner.isEmpty() ? session->identity() : i->owner);

    m_decisionModel->setDecisions(i->decisions);
    m_noDecision->setVisible(i->decisions.isEmpty());
    if (!i->decisions.isEmpty())
        m_decisions->scrollToBottom();
    m_closureCondition->setText(
        tr("<b>Closure condition:</b> %1").arg(RunbookLibrary::shown(i->closureCondition).toHtmlEscaped()));
    if (i->closed)
        m_closureCondition->setText(m_closureCondition->text() +
                                    tr("<br><b>Closed</b> %1 by %2: %3 (verification: %4)")
                                        .arg(TimeFormat::seconds(i->closedMs), i->closedBy,
                                             i->closure.toHtmlEscaped(), i->verification.toHtmlEscaped()));
}

void IncidentDetailView::saveEvidence() {
    QMap<QString, QString> values;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        values.insert(it.key(), it.value()->text());
    // Inline first: every missing field is marked and named; nothing is written.
    auto check = CoreEvidence::validate(values, m_host->now());
    if (!check.ok()) {
        const QStringList missing = check.error().where.split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList labels;
        QLineEdit *first = nullptr;
        for (const QString &f : missing) {
            if (QLineEdit *e = m_fields.value(f)) {
                e->setProperty("missing", true);
                e->setStyleSheet(
                    QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(QLatin1String(colours::kRed)));
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
    auto a = m_host->actions();
    if (!a)
        return;
    auto e = a->addEvidence(incidentId(), values);
    if (!e.ok()) {
        m_evidenceError->setText(errorText(e.error()));
        m_host->report(errorText(e.error()), true);
        return;
    }
    m_evidenceError->clear();
    for (QLineEdit *f : std::as_const(m_fields))
        f->clear();
    handle(e, tr("Core evidence record added to %1").arg(incidentId()));
}

void IncidentDetailView::logDecision() {
    auto a = m_host->actions();
    if (!a)
        return;
    if (handle(a->decide(incidentId(), m_decisionText->text()),
               tr("Decision logged on %1").arg(incidentId())))
        m_decisionText->clear();
}

void IncidentDetailView::changeSeverity() {
    auto a = m_host->actions();
    if (!a)
        return;
    if (handle(a->changeSeverity(incidentId(), m_severity->currentText(), m_severityReason->text()),
               tr("%1 is now %2").arg(incidentId(), m_severity->currentText())))
        m_severityReason->clear();
}

void IncidentDetailView::closeIncident() {
    if (!m_closureHolds->isChecked()) {
        m_host->report(tr("Confirm that the closure condition holds first."), true);
        m_closureHolds->setFocus();
        return;
    }
    if (!m_host->confirm(tr("Close incident"),
                         tr("Close %1? A closed incident cannot be reopened.").arg(incidentId())))
        return;
    auto a = m_host->actions();
    if (!a)
        return;
    if (handle(a->close(incidentId(), m_closureText->text(), m_verification->text()),
               tr("%1 closed").arg(incidentId()))) {
        m_closureHolds->setChecked(false);
        m_closureText->clear();
        m_verification->clear();
    }
}

bool IncidentDetailView::handle(const Result<StoredEvent> &result, const QString &done) {
    if (!result.ok()) {
        m_host->report(errorText(result.error()), true);
        return false;
    }
    m_host->report(actRecorded(done, result.value(), m_host->storeReachable()));
    m_host->refresh();
    return true;
}

} // namespace ops::ui
