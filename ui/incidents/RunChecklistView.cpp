#include "RunChecklistView.h"

#include "common/ErrorText.h"
#include "runbooks/Runbook.h"

#include "IncidentsHost.h"
#include "RunStepsModel.h"

#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "incidents/Publisher.h"
#include "incidents/RebindFlow.h"
#include "incidents/StepFiles.h"
#include "runtime/AppContext.h"
#include "store/Session.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ops::ui {

namespace {

QString clockColour(ClockState state) {
    switch (state) {
    case ClockState::Running:
    case ClockState::Met:
        return QLatin1String(colours::kGreen);
    case ClockState::Warning:
        return QLatin1String(colours::kAmber);
    case ClockState::MetLate:
    case ClockState::Missed:
        return QLatin1String(colours::kRed);
    }
    return QLatin1String(colours::kGrey);
}

} // namespace

RunChecklistView::RunChecklistView(AppContext *app, IncidentsHost *host, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_host(host)
    , m_config(app->config()) {
    QWidget *page = this;
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

    m_stepsModel = new RunStepsModel(this);
    m_stepsModel->setObjectName(QStringLiteral("stepsModel"));
    m_steps = new QTreeView(page);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setModel(m_stepsModel);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setWordWrap(true);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_steps->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RunChecklistView::updateStepActions);

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
    connect(m_rebind, &QPushButton::clicked, this, &RunChecklistView::rebind);

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

void RunChecklistView::showRun(const RunbookRun &run, qint64 nowMs) {
    if (!m_run || m_run->id != run.id)
        clearPending();
    m_run = run;
    const RunbookRun *r = &*m_run;
    QString header = tr("<h2>%1 · %2%3</h2>")
                         .arg(r->id, RunbookLibrary::shown(r->title).toHtmlEscaped(),
                              r->drill ? tr(" (drill)") : QString());
    header += tr("Scope %1 · started %2 by %3")
                  .arg(r->scope.isEmpty() ? QStringLiteral("—") : r->scope, TimeFormat::seconds(r->startedMs),
                       r->startedBy);
    if (!r->incident.isEmpty())
        header += tr(" · for %1").arg(r->incident);
    header += tr("<br><b>Closure condition:</b> %1")
                  .arg(RunbookLibrary::shown(r->closureCondition).toHtmlEscaped());
    if (r->finished)
        header += r->rollback
                      ? (r->objectiveMet ? tr("<br><b style='color:%1'>Finished: objective met</b>")
                                               .arg(colours::onBase(colours::kGreen, palette()).name())
                                         : tr("<br><b style='color:%1'>Finished: objective NOT met</b>")
                                               .arg(colours::onBase(colours::kRed, palette()).name()))
                      : tr("<br><b>Finished</b> %1").arg(TimeFormat::seconds(r->finishedMs));
    m_runHeader->setText(header);
    m_clocks->setVisible(r->rollback);

    const QString keep = currentStep();
    const StepState *next = r->nextPending();
    {
        const QSignalBlocker block(m_steps->selectionModel());
        m_stepsModel->setPalette(palette());
        m_stepsModel->setSteps(r->steps);
        const int row = m_stepsModel->rowOf(!keep.isEmpty() ? keep : next ? next->step.id : QString());
        if (row >= 0)
            m_steps->setCurrentIndex(m_stepsModel->index(row, RunStepsModel::StepColumn));
    }
    m_steps->resizeColumnToContents(RunStepsModel::StepColumn);
    m_steps->resizeColumnToContents(RunStepsModel::StatusColumn);
    m_steps->setColumnWidth(RunStepsModel::ActionColumn, 330);
    updateClocks(nowMs);
    updateStepActions();
}

void RunChecklistView::updateClocks(qint64 nowMs) {
    const qint64 now = nowMs;
    const RunbookRun *r = m_run ? &*m_run : nullptr;
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

bool RunChecklistView::addAttachment(const QString &path) {
    // Read now: the bytes chosen are the bytes kept, stored with the step in one transaction.
    auto blob = StepFiles::read(path);
    if (!blob.ok()) {
        m_host->report(blob.error().toString(), true);
        return false;
    }
    m_pendingAttachments << blob.value();
    updateStepActions();
    return true;
}

bool RunChecklistView::addChecksumFile(const QString &path) {
    auto c = StepFiles::checksum(path);
    if (!c.ok()) {
        m_host->report(c.error().toString(), true);
        return false;
    }
    m_pendingChecksums << c.value();
    updateStepActions();
    return true;
}

void RunChecklistView::updateStepActions() {
    const RunbookRun *r = m_run ? &*m_run : nullptr;
    const QString stepId = currentStep();
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

void RunChecklistView::recordStep(StepStatus status) {
    const RunbookRun *r = m_run ? &*m_run : nullptr;
    const QString stepId = currentStep();
    const StepState *s = r ? r->step(stepId) : nullptr;
    if (!s || !m_host->actions())
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
        auto a = m_host->actions();
        if (!a)
            return;
        auto events = a->runs().recordStep(runRef, input, files);
        if (!events.ok()) {
            m_host->report(errorText(events.error()), true);
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
        m_host->report(tr("Recorded %1").arg(kinds.join(QStringLiteral(", "))));
        m_host->refresh();
    };
    if (status != StepStatus::Skipped && s->step.needs(EvidenceKind::Probe)) {
        // The probe result is the evidence: probe now, then record with it.
        m_busy = true;
        updateStepActions();
        m_host->report(
            tr("Probing %1 for step %2…").arg(scope.isEmpty() ? tr("the services") : scope, stepId));
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

void RunChecklistView::rebind() {
    const RunbookRun *r = m_run ? &*m_run : nullptr;
    if (!r || !m_config.publisher)
        return;
    const QString runId = r->id; // the dialog below runs an event loop: keep ids, not pointers
    if (!m_host->confirm(
            tr("Rebind the active manifest"),
            tr("Rebind the active manifest of %1 to its last known good pack?\n\nThe publisher API at "
               "%2 is called now; "
               "its response is kept as evidence and the manifest and pack are read back.")
                .arg(r->scope, m_config.publisher->rebind.toString())))
        return;
    if (!m_host->actions())
        return;
    // The flow keeps its own copy of the key: locking mid-call must not pull it away.
    auto signer = std::make_shared<Signer>(
        Signer{m_app->session()->signer()->name, m_app->session()->signer()->key.duplicate()});
    m_busy = true;
    updateStepActions();
    m_rebindFlow = new RebindFlow(*m_app->store(), *signer, m_config, m_host->library(),
                                  m_app->secrets().publisherToken, m_app->secrets().operatorToken, this);
    connect(m_rebindFlow, &RebindFlow::progress, this, [this](const QString &text) { m_host->report(text); });
    connect(m_rebindFlow, &RebindFlow::finished, this, [this, signer](const RebindFlow::Outcome &o) {
        m_rebindFlow->deleteLater();
        m_rebindFlow = nullptr;
        m_busy = false;
        if (o.ok)
            m_host->report(tr("Rebind done (audit %1); readback: %2").arg(o.publisher.auditId, o.readback));
        else
            m_host->report(o.error.isEmpty() ? tr("Rebind failed") : o.error, true);
        m_host->refresh();
    });
    m_rebindFlow->start(runId);
}

void RunChecklistView::setBusy(bool busy) {
    m_busy = busy;
    updateStepActions();
}

void RunChecklistView::clearPending() {
    m_pendingAttachments.clear();
    m_pendingChecksums.clear();
    m_stepNote->clear();
    m_stepConfirm->setChecked(false);
}

QString RunChecklistView::currentStep() const {
    return m_steps->currentIndex().data(RunStepsModel::StepIdRole).toString();
}

} // namespace ops::ui
