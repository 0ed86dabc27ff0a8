#include "AlertsPanel.h"

#include "AlertCellDelegate.h"
#include "AlertCellView.h"
#include "ProbeStripView.h"
#include "SilencesView.h"
#include "TrendCharts.h"

#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "core/Time.h"
#include "incidents/RollbackClockWatcher.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ops::ui {

namespace {

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
    , m_probes(new ProbeStripView(m_monitor, this))
    , m_roundLabel(new QLabel(this))
    , m_probeNow(new QPushButton(tr("Probe now"), this))
    , m_cell(new AlertCellView(m_monitor, m_model, this))
    , m_recording(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_charts(new TrendCharts(this))
    , m_silences(new SilencesView(this))
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

    m_recording->setObjectName(QStringLiteral("recordingLabel"));
    m_recording->setWordWrap(true);
    connect(m_cell, &AlertCellView::signInRequested, this, &AlertsPanel::signInRequested);
    connect(m_cell, &AlertCellView::openIncidentRequested, this, &AlertsPanel::openIncidentRequested);
    connect(m_cell, &AlertCellView::startRunbookRequested, this, &AlertsPanel::startRunbookRequested);
    connect(m_cell, &AlertCellView::acted, this, [this] {
        refreshSilences();
        emitSummary();
    });
    // "End silence" ends the silence selected in the Silences tab while it is in view.
    m_cell->setChosenSilence([this] {
        return m_tabs->currentWidget() == m_silences ? m_silences->selectedActiveId() : QString();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_roundLabel, 1);
    top->addWidget(m_probeNow);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_matrix);
    upper->addWidget(m_cell);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 1);
    // Room for every scope at the usual window size; narrow windows scroll the matrix instead.
    const int matrixWidth = m_matrix->verticalHeader()->sizeHint().width() + 24 + m_model->columnCount() * 76;
    upper->setSizes({matrixWidth, 360});
    m_tabs->setObjectName(QStringLiteral("alertsTabs"));
    m_tabs->addTab(m_probes, tr("Probe targets"));
    m_tabs->addTab(m_charts, tr("Trends"));
    m_tabs->addTab(m_silences, tr("Silences"));
    connect(m_silences, &SilencesView::selectionChanged, m_cell, &AlertCellView::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshCharts();
        m_cell->updateActions();
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

void AlertsPanel::notify(const QList<AlertTransition> &transitions) {
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
        Q_EMIT alertFired(tr("%1 %2 firing for %3")
                              .arg(t.severity, rule ? AlertRules::shown(rule->name) : t.alertId, t.scope),
                          rule ? tr("First action: %1").arg(AlertRules::shown(rule->firstAction))
                               : t.detail.translated(),
                          t.severity, t.alertId, t.scope);
    }
    for (auto it = m_heldNotifications.begin(); it != m_heldNotifications.end();) {
        const QStringList parts = it->split(QLatin1Char('|'));
        const AlertCell &c = m_monitor->evaluator()->cell(parts.value(0), parts.value(1));
        if (c.state != AlertState::Firing) {
            it = m_heldNotifications.erase(it); // cleared, or acknowledged by someone meanwhile
        } else if (!c.silenced()) {
            const AlertRule *rule = m_monitor->evaluator()->rule(c.alertId);
            Q_EMIT alertFired(tr("%1 %2 firing for %3 (held during a silence)")
                                  .arg(c.severity, rule ? AlertRules::shown(rule->name) : c.alertId, c.scope),
                              rule ? tr("First action: %1").arg(AlertRules::shown(rule->firstAction))
                                   : c.detail.translated(),
                              c.severity, c.alertId, c.scope);
            it = m_heldNotifications.erase(it);
        } else {
            ++it;
        }
    }
}

void AlertsPanel::onRound(const QList<ProbeResult> &results, const QList<AlertTransition> &transitions) {
    notify(transitions);
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
    m_probes->refresh();
    refreshSilences();
    selectWorstCell();
    showCell(m_matrix->currentIndex());
    emitSummary();
    scheduleNext();
}

void AlertsPanel::selectWorstCell() {
    // The worst cell is preselected, so its first action is in view without a click.
    if (m_matrix->currentIndex().isValid() &&
        m_matrix->currentIndex().data(AlertMatrixModel::StateRole).toInt() == int(AlertState::Firing))
        return;
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
    m_cell->showCell(index);
    if (index.data(AlertMatrixModel::ScopeRole).toString() != m_chartScope &&
        m_tabs->currentWidget() == m_charts)
        refreshCharts();
}

void AlertsPanel::acknowledgeSelected() {
    m_cell->showCell(m_matrix->currentIndex());
    m_cell->acknowledge();
}

void AlertsPanel::selectCell(const QString &alertId, const QString &scope, bool acknowledge) {
    const QModelIndex i = m_model->indexOf(alertId, scope);
    if (!i.isValid())
        return;
    m_matrix->setCurrentIndex(i);
    showCell(i);
    if (!acknowledge || !m_cell->focusNote())
        m_matrix->setFocus();
}

void AlertsPanel::silenceSelected() {
    m_cell->showCell(m_matrix->currentIndex());
    m_cell->silence();
}

void AlertsPanel::endSelectedSilence() {
    m_cell->endSilence();
}

SilenceListModel *AlertsPanel::silenceModel() const {
    return m_silences->model();
}

QString AlertsPanel::copySelectedProbe() {
    return m_probes->copySelected();
}

void AlertsPanel::refreshSilences() {
    const int active = m_silences->showBook(m_monitor->silences(), m_monitor->now());
    m_tabs->setTabText(m_tabs->indexOf(m_silences),
                       active > 0 ? tr("Silences (%1)").arg(active) : tr("Silences"));
    m_cell->updateActions();
}

void AlertsPanel::updateRecording() {
    QString text;
    QString colour;
    if (m_monitor->isFollowing()) {
        // Another process records this store: a normal state, said plainly, not an error.
        const QString by = m_monitor->monitoredBy();
        text = by.isEmpty() ? m_monitor->recordingProblem()
                            : tr("Monitored by %1: this console shows the recorder's evaluations and records "
                                 "nothing itself.")
                                  .arg(by);
    } else if (const auto team = m_monitor->teamRecorder(); team && m_monitor->recordingProblem().isEmpty()) {
        // The team log's one recorder: a normal state while its rounds keep coming; when they
        // stopped, nobody records transitions, which is said as loudly as any other gap.
        if (team->stale) {
            text = tr("Nobody records the team log now: its recorder %1 last recorded a round at %2. Start "
                      "opsconsole-cli monitor on one machine.")
                       .arg(team->actor, TimeFormat::clock(team->lastRoundMs));
            colour = QLatin1String(colours::kRed);
        } else {
            text = tr("Monitored: recorded by %1 on the team log (last round %2); this console shows its "
                      "evaluations and records nothing itself.")
                       .arg(team->actor, TimeFormat::clock(team->lastRoundMs));
        }
    } else if (!m_monitor->recordingProblem().isEmpty()) {
        text = tr("Not recording: %1").arg(m_monitor->recordingProblem());
        colour = colours::onBase(colours::kRed, palette()).name();
    } else if (!m_monitor->isUnlocked()) {
        text =
            m_monitor->pendingEvents() > 0
                ? (m_monitor->pendingEvents() == 1
                       ? tr("Locked: 1 transition waits to be recorded as evidence — sign in to record it.")
                       : tr("Locked: %1 transitions wait to be recorded as evidence — sign in to record "
                            "them.")
                             .arg(m_monitor->pendingEvents()))
                : tr("Locked: transitions will wait in memory until someone signs in.");
        colour = colours::onBase(colours::kAmber, palette()).name();
    } else {
        text = tr("Recording transitions as evidence signed by %1.").arg(m_monitor->actor());
    }
    if (!m_monitor->notificationProblem().isEmpty()) {
        text += QLatin1Char(' ') + tr("Not notifying: %1").arg(m_monitor->notificationProblem());
        colour = colours::onBase(colours::kRed, palette()).name();
    }
    m_recording->setText(text);
    m_recording->setAccessibleName(text);
    m_recording->setStyleSheet(colour.isEmpty()
                                   ? QString()
                                   : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));
    m_cell->updateActions();
}

void AlertsPanel::refreshCharts() {
    const QModelIndex index = m_matrix->currentIndex();
    const QString scope =
        index.isValid()
            ? index.data(AlertMatrixModel::ScopeRole).toString()
            : (m_config.orderedScopes().isEmpty() ? QString() : m_config.orderedScopes().first()->id);
    if (scope.isEmpty())
        return;
    m_chartScope = scope;
    const qint64 to = Time::nowMs();
    const qint64 from = to - 6LL * 60 * 60 * 1000;
    const ScopeConfig *sc = m_config.scope(scope);
    m_charts->setSamples(scope, m_monitor->samples(scope, from), sc ? sc->freshnessHours : 0, from, to);
}

} // namespace ops::ui
