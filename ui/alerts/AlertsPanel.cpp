#include "AlertsPanel.h"

#include "incidents/RollbackClockWatcher.h"

#include "common/AppContext.h"
#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "store/StoreHost.h"

#include "AgeBarDelegate.h"
#include "AlertCellDelegate.h"
#include "ProbeStripModel.h"
#include "SilenceDialog.h"
#include "TrendCharts.h"

#include "core/Time.h"
#include "incidents/RollbackClockWatcher.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ops::ui {

namespace {
// "Silenced until 10:53 by alice (SIL-2): reason" under the cell's own state; notifications wait.
QString silencedLine(const AlertCell &c) {
    if (!c.silenced())
        return {};
    return AlertsPanel::tr("<br><b>Silenced</b> until %1 by %2 (%3): %4 — notifications wait")
        .arg(TimeFormat::minutes(c.silencedUntilMs), c.silencedBy.toHtmlEscaped(), c.silenceId,
             c.silenceReason.toHtmlEscaped());
}

QList<AlertRule> loadRules(const DeploymentConfig &config) {
    auto rules = AlertRules::forConfig(config);
    return rules.ok() ? rules.value() : QList<AlertRule>{};
}

} // namespace

AlertsPanel::AlertsPanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_config(app->config())
    , m_monitor(
          new AlertMonitor(m_config, loadRules(m_config), app->host(), app->secrets().operatorToken, this))
    , m_session(app->session())
    , m_model(new AlertMatrixModel(m_monitor->evaluator(), this))
    , m_matrix(new QTableView(this))
    , m_probes(new QTableView(this))
    , m_roundLabel(new QLabel(this))
    , m_probeNow(new QPushButton(tr("Probe now"), this))
    , m_detailTitle(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_recording(new QLabel(this))
    , m_ackNote(new QLineEdit(this))
    , m_ackStatus(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_charts(new TrendCharts(this))
    , m_ack(new QPushButton(tr("Acknowledge"), this))
    , m_openIncident(new QPushButton(tr("Open incident…"), this))
    , m_startRunbook(new QPushButton(tr("Start runbook"), this))
    , m_silence(new QPushButton(tr("Silence…"), this))
    , m_endSilence(new QPushButton(tr("End silence"), this))
    , m_silenceModel(new SilenceListModel(this))
    , m_silences(new QTableView(this))
    , m_silenceStatus(new QLabel(this))
    , m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("alertsPanel"));
    setAccessibleName(title());
    // One recorder per store: this window records while it holds the store's recorder lock and
    // hands it to a headless monitor that asks; the missed rollback deadlines go with it.
    m_monitor->setYieldsToMonitor(true);
    if (RollbackClockWatcher *clocks = app->clockWatcher())
        clocks->setRecorderCheck(
            [monitor = QPointer<AlertMonitor>(m_monitor)] { return monitor && monitor->mayRecord(); });

    m_roundLabel->setObjectName(QStringLiteral("probeRoundLabel"));
    m_roundLabel->setText(tr("Not probed yet: every cell is unknown until its targets have been probed."));
    m_probeNow->setObjectName(QStringLiteral("probeNowButton"));
    m_probeNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_probeNow->setToolTip(tr("Probe every target now (F5)"));
    connect(m_probeNow, &QPushButton::clicked, this, &AlertsPanel::probeNow);

    m_matrix->setObjectName(QStringLiteral("alertMatrix"));
    m_matrix->setAccessibleName(tr("Alert matrix"));
    m_matrix->setModel(m_model);
    m_matrix->setItemDelegate(new AlertCellDelegate(m_matrix));
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->verticalHeader()->setDefaultSectionSize(40);
    m_matrix->horizontalHeader()->setMinimumSectionSize(72);
    m_matrix->setShowGrid(false);
    connect(m_matrix->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCell(current); });

    m_detailTitle->setObjectName(QStringLiteral("alertDetailTitle"));
    QFont f = m_detailTitle->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_detailTitle->setFont(f);
    m_detailTitle->setText(tr("Select a cell to see its trigger and first action"));
    m_detail->setObjectName(QStringLiteral("alertDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    for (QPushButton *b : {m_ack, m_openIncident, m_startRunbook, m_silence, m_endSilence})
        b->setEnabled(false);
    m_silence->setObjectName(QStringLiteral("silenceButton"));
    m_endSilence->setObjectName(QStringLiteral("endSilenceButton"));
    connect(m_silence, &QPushButton::clicked, this, &AlertsPanel::silenceSelected);
    connect(m_endSilence, &QPushButton::clicked, this, &AlertsPanel::endSelectedSilence);
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_openIncident->setObjectName(QStringLiteral("openIncidentButton"));
    m_startRunbook->setObjectName(QStringLiteral("startRunbookButton"));
    m_ackNote->setObjectName(QStringLiteral("acknowledgeNote"));
    m_ackNote->setPlaceholderText(tr("Note for the acknowledgement (required)"));
    m_ackNote->setAccessibleName(tr("Acknowledgement note"));
    m_ackNote->setClearButtonEnabled(true);
    m_ackStatus->setObjectName(QStringLiteral("acknowledgeStatus"));
    m_ackStatus->setWordWrap(true);
    m_recording->setObjectName(QStringLiteral("recordingLabel"));
    m_recording->setWordWrap(true);
    connect(m_ackNote, &QLineEdit::textChanged, this, &AlertsPanel::updateActions);
    connect(m_ackNote, &QLineEdit::returnPressed, this, &AlertsPanel::acknowledgeSelected);
    connect(m_ack, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(m_openIncident, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_matrix->currentIndex();
        const AlertRule *rule =
            index.isValid()
                ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                : nullptr;
        if (!rule)
            return;
        const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
        const QString detail = m_monitor->evaluator()->cell(rule->id, scope).detail;
        Q_EMIT openIncidentRequested(rule->incidentClass, scope,
                                     detail.isEmpty() ? tr("alert %1").arg(rule->name)
                                                      : tr("alert %1: %2").arg(rule->name, detail),
                                     rule->id);
    });
    connect(m_startRunbook, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_matrix->currentIndex();
        const AlertRule *rule =
            index.isValid()
                ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                : nullptr;
        if (rule && !rule->runbook.isEmpty())
            Q_EMIT startRunbookRequested(rule->runbook, index.data(AlertMatrixModel::ScopeRole).toString());
    });

    m_probes->setObjectName(QStringLiteral("probeStrip"));
    m_probes->setAccessibleName(tr("Probe targets"));
    m_stripModel = new ProbeStripModel(m_monitor, this);
    m_probes->setModel(m_stripModel);
    m_probes->verticalHeader()->hide();
    m_probes->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_probes->verticalHeader()->setDefaultSectionSize(24);
    m_probes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_probes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_probes->setWordWrap(false);
    // Fixed widths, measured once: sizing to contents would lay out every row each round.
    int targetWidth = m_probes->fontMetrics().horizontalAdvance(tr("Target")) + 24;
    for (const ProbeTarget &t : m_monitor->engine()->targets())
        targetWidth =
            qMax(targetWidth, m_probes->fontMetrics().horizontalAdvance(t.id + QStringLiteral("/pack")) + 24);
    m_probes->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_probes->setColumnWidth(ProbeStripModel::Target, qMin(targetWidth, 320));
    m_probes->setColumnWidth(ProbeStripModel::State, 90);
    m_probes->setColumnWidth(ProbeStripModel::Latency, 80);
    m_probes->setColumnWidth(ProbeStripModel::Age, 120);
    m_probes->setColumnWidth(ProbeStripModel::Checked, 80);
    m_probes->horizontalHeader()->setStretchLastSection(true);
    m_probes->setItemDelegateForColumn(ProbeStripModel::Age, new AgeBarDelegate(m_probes));
    // Digests are copyable: Ctrl+C or the context menu on a pack's row.
    m_probes->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy target details and digests"), m_probes);
    copy->setObjectName(QStringLiteral("copyProbeAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_probes->addAction(copy);
    connect(copy, &QAction::triggered, this, &AlertsPanel::copySelectedProbe);
    fillProbeStrip();

    auto *top = new QHBoxLayout;
    top->addWidget(m_roundLabel, 1);
    top->addWidget(m_probeNow);

    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_ackNote);
    detailLayout->addWidget(m_ackStatus);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_openIncident);
    buttons->addWidget(m_startRunbook);
    buttons->addStretch(1);
    detailLayout->addLayout(buttons);
    auto *silenceButtons = new QHBoxLayout;
    silenceButtons->addWidget(m_silence);
    silenceButtons->addWidget(m_endSilence);
    silenceButtons->addStretch(1);
    detailLayout->addLayout(silenceButtons);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_matrix);
    upper->addWidget(detailBox);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 1);
    // Room for every scope at the usual window size; narrow windows scroll the matrix instead.
    const int matrixWidth = m_matrix->verticalHeader()->sizeHint().width() + 24 + m_model->columnCount() * 76;
    upper->setSizes({matrixWidth, 360});
    m_tabs->setObjectName(QStringLiteral("alertsTabs"));
    m_tabs->addTab(m_probes, tr("Probe targets"));
    m_tabs->addTab(m_charts, tr("Trends"));
    m_silences->setObjectName(QStringLiteral("silenceList"));
    m_silences->setAccessibleName(tr("Silences"));
    m_silences->setModel(m_silenceModel);
    m_silences->verticalHeader()->hide();
    m_silences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_silences->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_silences->setSelectionMode(QAbstractItemView::SingleSelection);
    m_silences->setWordWrap(false);
    m_silences->horizontalHeader()->setStretchLastSection(true);
    m_silences->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_silenceStatus->setObjectName(QStringLiteral("silenceStatus"));
    m_silenceStatus->setWordWrap(true);
    auto *silenceTab = new QWidget(this);
    auto *silenceLayout = new QVBoxLayout(silenceTab);
    silenceLayout->addWidget(m_silenceStatus);
    silenceLayout->addWidget(m_silences, 1);
    m_tabs->addTab(silenceTab, tr("Silences"));
    connect(m_silences->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateActions(); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshCharts();
        updateActions();
    });
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(upper);
    vertical->addWidget(m_tabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_recording);
    layout->addWidget(vertical, 1);

    connect(m_monitor, &AlertMonitor::roundEvaluated, this, &AlertsPanel::onRound);
    connect(m_monitor, &AlertMonitor::recordingChanged, this, &AlertsPanel::updateRecording);
    connect(m_monitor, &AlertMonitor::samplesWritten, this, [this] {
        if (m_tabs->currentWidget() == m_charts)
            refreshCharts();
    });
    m_monitor->setBackgroundWrites(true);
    m_monitor->setSession(m_session);
    updateRecording();
    refreshSilences();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AlertsPanel::probeNow);
}

AlertsPanel::~AlertsPanel() {
    // The monitor drains its writes as it goes; nothing may call back into a panel half gone.
    disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor->setBackgroundWrites(false);
}

void AlertsPanel::evaluateRound(const QList<ProbeResult> &results) {
    m_monitor->processRound(results);
}

QString AlertsPanel::title() const {
    return tr("Alerts");
}

QIcon AlertsPanel::icon() const {
    return QIcon(QStringLiteral(":/icons/alerts.svg"));
}

void AlertsPanel::startMonitoring() {
    probeNow();
}

void AlertsPanel::probeNow() {
    if (m_monitor->isRunning())
        return;
    m_probeNow->setEnabled(false);
    m_roundLabel->setText(tr("Probing targets: %1…").arg(m_monitor->engine()->targets().size()));
    m_monitor->runRound();
}

void AlertsPanel::scheduleNext() {
    // Jitter (±10 %) keeps many consoles from probing in lockstep.
    const int base = m_config.probes.intervalS * 1000;
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(base / 5 + 1)) - base / 10;
    m_timer->start(qMax(1000, base + jitter));
}

void AlertsPanel::onRound(const QList<ProbeResult> &results, const QList<AlertTransition> &transitions) {
    for (const AlertTransition &t : transitions) {
        if (t.to != AlertState::Firing ||
            (t.severity != QLatin1String("SEV-1") && t.severity != QLatin1String("SEV-2")))
            continue;
        // A silenced cell still fires into the log; its notification waits for the silence's end.
        if (m_monitor->evaluator()->cell(t.alertId, t.scope).silenced()) {
            m_heldNotifications.insert(t.alertId + QLatin1Char('|') + t.scope);
            continue;
        }
        const AlertRule *rule = m_monitor->evaluator()->rule(t.alertId);
        Q_EMIT alertFired(tr("%1 %2 firing for %3").arg(t.severity, rule ? rule->name : t.alertId, t.scope),
                          rule ? tr("First action: %1").arg(rule->firstAction) : t.detail, t.severity,
                          t.alertId, t.scope);
    }
    for (auto it = m_heldNotifications.begin(); it != m_heldNotifications.end();) {
        const QStringList parts = it->split(QLatin1Char('|'));
        const AlertCell &c = m_monitor->evaluator()->cell(parts.value(0), parts.value(1));
        if (c.state != AlertState::Firing) {
            it = m_heldNotifications.erase(it); // cleared, or acknowledged by someone meanwhile
        } else if (!c.silenced()) {
            const AlertRule *rule = m_monitor->evaluator()->rule(c.alertId);
            Q_EMIT alertFired(tr("%1 %2 firing for %3 (held during a silence)")
                                  .arg(c.severity, rule ? rule->name : c.alertId, c.scope),
                              rule ? tr("First action: %1").arg(rule->firstAction) : c.detail, c.severity,
                              c.alertId, c.scope);
            it = m_heldNotifications.erase(it);
        } else {
            ++it;
        }
    }
    int failed = 0;
    for (const ProbeResult &r : results)
        failed += r.state == ProbeState::Ok ? 0 : 1;
    if (m_monitor->isFollowing())
        m_roundLabel->setText(
            m_monitor->lastRoundMs() <= 0
                ? tr("Waiting for the recorder's first round · looking again in about %1 s")
                      .arg(m_config.probes.intervalS)
                : tr("The recorder's last round %1: %2 of %3 targets not ok · looking again "
                     "in about %4 s")
                      .arg(TimeFormat::clock(m_monitor->lastRoundMs()))
                      .arg(failed)
                      .arg(results.size())
                      .arg(m_config.probes.intervalS));
    else
        m_roundLabel->setText(tr("Last probe round %1: %2 of %3 targets not ok · next round in about %4 s")
                                  .arg(TimeFormat::clock(m_monitor->lastRoundMs()))
                                  .arg(failed)
                                  .arg(results.size())
                                  .arg(m_config.probes.intervalS));
    m_probeNow->setEnabled(true);
    fillProbeStrip();
    refreshSilences();
    // The worst cell is preselected, so its first action is in view without a click.
    if (!m_matrix->currentIndex().isValid() ||
        m_matrix->currentIndex().data(AlertMatrixModel::StateRole).toInt() != int(AlertState::Firing)) {
        QModelIndex worst;
        QString worstSeverity;
        for (int row = 0; row < m_model->rowCount(); ++row)
            for (int col = 0; col < m_model->columnCount(); ++col) {
                const QModelIndex i = m_model->index(row, col);
                if (i.data(AlertMatrixModel::StateRole).toInt() != int(AlertState::Firing))
                    continue;
                const QString sev = i.data(AlertMatrixModel::SeverityRole).toString();
                if (!worst.isValid() || sev < worstSeverity) {
                    worst = i;
                    worstSeverity = sev;
                }
            }
        if (worst.isValid())
            m_matrix->setCurrentIndex(worst);
    }
    showCell(m_matrix->currentIndex());
    emitSummary();
    scheduleNext();
}

void AlertsPanel::emitSummary() {
    // 0 ok … 4 firing, read from the evaluator's cells (not through the view model).
    int worst = 0;
    for (const AlertCell &c : m_monitor->evaluator()->cells())
        worst = qMax(worst, c.state == AlertState::Firing         ? 4
                            : c.state == AlertState::Acknowledged ? 3
                            : c.state == AlertState::Unknown      ? 1
                                                                  : 0);
    Q_EMIT summaryChanged(worstSummary(), worst);
}

QString AlertsPanel::worstSummary() const {
    int firing = 0, unknown = 0, silenced = 0;
    QString worstSeverity;
    const AlertEvaluator *evaluator = m_monitor->evaluator();
    for (const AlertRule &r : evaluator->rules())
        for (const ScopeConfig *s : evaluator->scopes()) {
            const AlertCell &c = evaluator->cell(r.id, s->id);
            if (c.state == AlertState::Firing) {
                ++firing;
                silenced += c.silenced() ? 1 : 0;
                if (worstSeverity.isEmpty() || c.severity < worstSeverity)
                    worstSeverity = c.severity;
            } else if (c.state == AlertState::Unknown) {
                ++unknown;
            }
        }
    if (firing > 0 && silenced > 0)
        return tr("Alerts firing: %1 (%2 silenced), worst %3").arg(firing).arg(silenced).arg(worstSeverity);
    if (firing > 0)
        return tr("Alerts firing: %1, worst %2").arg(firing).arg(worstSeverity);
    if (m_monitor->lastRoundMs() == 0)
        return tr("Probes: unknown (not probed)");
    if (unknown > 0)
        return tr("No alert firing; unknown cells: %1").arg(unknown);
    return tr("No alert firing");
}

void AlertsPanel::showCell(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const QString scope = index.data(AlertMatrixModel::ScopeRole).toString();
    const auto state = static_cast<AlertState>(index.data(AlertMatrixModel::StateRole).toInt());
    m_detailTitle->setText(
        tr("%1 · %2").arg(m_model->headerData(index.row(), Qt::Vertical, Qt::DisplayRole).toString(), scope));
    const qint64 since = index.data(AlertMatrixModel::SinceRole).toLongLong();
    m_detail->setText(
        tr("<b>State:</b> %1<br><b>Severity:</b> %2 (%3)<br><b>Since:</b> %4<br><b>Seen:</b> %5<br>"
           "<b>Trigger:</b> %6<br><b>First action:</b> %7")
            .arg(state == AlertState::Firing         ? tr("FIRING")
                 : state == AlertState::Acknowledged ? tr("ACKNOWLEDGED")
                 : state == AlertState::Ok           ? tr("OK")
                                                     : tr("UNKNOWN"),
                 index.data(AlertMatrixModel::SeverityRole).toString(),
                 index.data(AlertMatrixModel::SeverityReasonRole).toString().toHtmlEscaped(),
                 since > 0 ? TimeFormat::clock(since) : tr("never changed"),
                 index.data(AlertMatrixModel::DetailRole).toString().toHtmlEscaped(),
                 index.data(AlertMatrixModel::TriggerRole).toString().toHtmlEscaped(),
                 index.data(AlertMatrixModel::FirstActionRole).toString().toHtmlEscaped()) +
        (state == AlertState::Acknowledged
             ? tr("<br><b>Acknowledged by:</b> %1 — %2")
                   .arg(m_monitor->evaluator()
                            ->cell(index.data(AlertMatrixModel::AlertIdRole).toString(), scope)
                            .acknowledgedBy.toHtmlEscaped(),
                        m_monitor->evaluator()
                            ->cell(index.data(AlertMatrixModel::AlertIdRole).toString(), scope)
                            .acknowledgeNote.toHtmlEscaped())
             : QString()) +
        silencedLine(
            m_monitor->evaluator()->cell(index.data(AlertMatrixModel::AlertIdRole).toString(), scope)));
    updateActions();
    if (scope != m_chartScope && m_tabs->currentWidget() == m_charts)
        refreshCharts();
}

void AlertsPanel::updateActions() {
    const QModelIndex index = m_matrix->currentIndex();
    const bool firing =
        index.isValid() && index.data(AlertMatrixModel::StateRole).toInt() == int(AlertState::Firing);
    m_ackNote->setEnabled(firing);
    const AlertRule *rule =
        index.isValid() ? m_monitor->evaluator()->rule(index.data(AlertMatrixModel::AlertIdRole).toString())
                        : nullptr;
    m_openIncident->setEnabled(rule != nullptr);
    m_openIncident->setToolTip(
        rule ? tr("Open a %1 incident for %2, prefilled from this alert")
                   .arg(rule->incidentClass, index.data(AlertMatrixModel::ScopeRole).toString())
             : tr("Select an alert cell first"));
    m_startRunbook->setEnabled(rule && !rule->runbook.isEmpty());
    m_silence->setEnabled(rule != nullptr && !index.data(AlertMatrixModel::SilencedRole).toBool());
    m_silence->setToolTip(!rule ? tr("Select an alert cell first")
                          : index.data(AlertMatrixModel::SilencedRole).toBool()
                              ? tr("Already silenced: end that silence first")
                              : tr("Hold this cell's notifications for a while (signed); it keeps firing "
                                   "into the log"));
    const QString silenceId = selectedSilenceId();
    m_endSilence->setEnabled(!silenceId.isEmpty());
    m_endSilence->setToolTip(silenceId.isEmpty() ? tr("Select a silenced cell, or an active silence in the "
                                                      "Silences tab")
                                                 : tr("End %1 now (signed)").arg(silenceId));
    m_startRunbook->setToolTip(rule && !rule->runbook.isEmpty()
                                   ? tr("Start the %1 runbook for this scope").arg(rule->runbook)
                                   : tr("This alert names no runbook"));
    if (!firing) {
        m_ack->setEnabled(false);
        m_ack->setText(tr("Acknowledge"));
        m_ack->setToolTip(tr("Only a firing alert can be acknowledged"));
        return;
    }
    if (!m_monitor->isUnlocked()) {
        m_ack->setEnabled(true);
        m_ack->setText(tr("Sign in to acknowledge…"));
        m_ack->setToolTip(tr("An acknowledgement is signed evidence: sign in with your identity first"));
        return;
    }
    m_ack->setText(tr("Acknowledge"));
    m_ack->setEnabled(!m_ackNote->text().trimmed().isEmpty());
    m_ack->setToolTip(m_ack->isEnabled() ? tr("Record a signed acknowledgement as %1").arg(m_monitor->actor())
                                         : tr("Type a note first: what you saw and what you are doing"));
}

} // namespace ops::ui
