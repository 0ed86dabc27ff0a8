#include "LaunchChecklistView.h"

#include "LaunchChecklistModel.h"

#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "core/CanonicalJson.h"
#include "core/DeploymentConfig.h"
#include "launch/Launch.h"
#include "runbooks/Runbook.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops::ui {

LaunchChecklistView::LaunchChecklistView(const DeploymentConfig &config, QWidget *parent)
    : QGroupBox(tr("Checklist"), parent)
    , m_config(config)
    , m_progress(new QProgressBar(this))
    , m_model(new LaunchChecklistModel(this))
    , m_filter(new LaunchChecklistFilter(this))
    , m_shown(new QComboBox(this))
    , m_checks(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_note(new QLineEdit(this))
    , m_run(new QPushButton(tr("Run check"), this)) {
    auto *cl = new QVBoxLayout(this);
    m_progress->setObjectName(QStringLiteral("checklistProgress"));
    m_progress->setFormat(tr("%v of %m checks hold"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_progress, 1);
    m_shown->setObjectName(QStringLiteral("checklistShown"));
    m_shown->setAccessibleName(tr("Checks shown"));
    m_shown->addItem(tr("All checks"), LaunchChecklistFilter::All);
    m_shown->addItem(tr("Not holding yet"), LaunchChecklistFilter::NotHolding);
    m_shown->addItem(tr("Failed or stale"), LaunchChecklistFilter::Failed);
    connect(m_shown, &QComboBox::currentIndexChanged, this, [this] {
        const QString keep = currentCheck();
        m_filter->setShown(static_cast<LaunchChecklistFilter::Shown>(m_shown->currentData().toInt()));
        if (!keep.isEmpty())
            selectCheck(keep);
        if (currentCheck().isEmpty() && m_filter->rowCount() > 0)
            m_checks->selectRow(0);
        showDetail();
    });
    top->addWidget(m_shown);
    cl->addLayout(top);
    m_model->setColours(colours::onBase(colours::kGreen, palette()),
                        colours::onBase(colours::kRed, palette()));
    m_checks->setObjectName(QStringLiteral("checklist"));
    m_checks->setAccessibleName(tr("Launch-day checklist"));
    m_filter->setSourceModel(m_model);
    m_checks->setModel(m_filter);
    m_checks->setSortingEnabled(true);
    m_checks->sortByColumn(LaunchChecklistModel::Check, Qt::AscendingOrder); // runbook order
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->verticalHeader()->hide();
    m_checks->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_checks->setWordWrap(false);
    connect(m_checks->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showDetail(); });
    cl->addWidget(m_checks, 2);
    m_detail->setObjectName(QStringLiteral("checkEvidence"));
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Evidence of the selected check"));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cl->addWidget(m_detail, 1);
    auto *row = new QHBoxLayout;
    m_note->setObjectName(QStringLiteral("checkNote"));
    m_note->setPlaceholderText(tr("Note: what was observed (the publish job, the version)"));
    m_note->setAccessibleName(tr("Note for the check"));
    m_run->setObjectName(QStringLiteral("runCheckButton"));
    connect(m_run, &QPushButton::clicked, this, &LaunchChecklistView::runRequested);
    row->addWidget(m_note, 1);
    row->addWidget(m_run);
    cl->addLayout(row);
}

void LaunchChecklistView::showStatus(const LaunchStatus &status) {
    m_status = &status;
    const QString keep = currentCheck();
    {
        const QSignalBlocker block(m_checks->selectionModel());
        m_model->setChecks(status.checks);
    }
    m_progress->setMaximum(qMax(1, static_cast<int>(status.checks.size())));
    m_progress->setValue(status.checksHolding());
    if (!keep.isEmpty())
        selectCheck(keep);
    if (currentCheck().isEmpty() && !status.checks.isEmpty()) {
        // The first check that does not hold yet, where the filter shows it.
        const int next = m_filter->rowOf(m_model->checkAt(m_model->nextRow())->step.id);
        if (next >= 0 || m_filter->rowCount() > 0)
            m_checks->selectRow(qMax(0, next));
    }
    showDetail();
}

QString LaunchChecklistView::currentCheck() const {
    return m_filter->stepAt(m_checks->currentIndex().row());
}

void LaunchChecklistView::selectCheck(const QString &step) {
    if (const int row = m_filter->rowOf(step); row >= 0)
        m_checks->selectRow(row);
}

QString LaunchChecklistView::note() const {
    return m_note->text();
}

void LaunchChecklistView::clearNote() {
    m_note->clear();
}

void LaunchChecklistView::focusNote() {
    m_note->setFocus();
}

void LaunchChecklistView::setRunnable(bool enabled, const QString &why) {
    m_run->setEnabled(enabled);
    m_run->setToolTip(why);
}

void LaunchChecklistView::showDetail() {
    const LaunchCheck *c = m_status ? m_status->check(currentCheck()) : nullptr;
    if (!c) {
        m_detail->clear();
        m_run->setText(tr("Run check"));
        Q_EMIT currentChanged();
        return;
    }
    QString text = RunbookLibrary::shown(c->step.action) + QStringLiteral("\n\n");
    if (c->seq == 0)
        text += tr("Not recorded yet.");
    else
        text += tr("%1 by %2 at %3 (event %4)%5\n\n")
                    .arg(LaunchChecklistModel::statusText(c->status), c->actor, TimeFormat::minutes(c->tsMs))
                    .arg(c->seq)
                    .arg(c->stale.isEmpty() ? QString() : QStringLiteral("\n") + c->stale.translated()) +
                QString::fromStdString(CanonicalJson::pretty(c->evidence));
    m_detail->setPlainText(text);
    const QString id = c->step.id;
    QString label = tr("Probe now");
    if (id == QLatin1String("config-snapshot"))
        label = tr("Take snapshot");
    else if (id == QLatin1String("build-checksums"))
        label = tr("Checksum files…");
    else if (id == QLatin1String("archive"))
        label = tr("Archive evidence…");
    else if (!c->step.needs(EvidenceKind::Probe))
        label = tr("Confirm");
    else if (const ScopeConfig *scope = m_config.scope(m_status->run ? m_status->run->scope : QString());
             id == QLatin1String("live-app-fetch") && scope && !scope->appFetch.isValid())
        label = tr("Confirm by hand");
    m_run->setText(label);
    Q_EMIT currentChanged();
}

} // namespace ops::ui
