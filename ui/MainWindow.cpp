#include "MainWindow.h"

#include "common/Colours.h"
#include "common/MessageBox.h"
#include "monitor/DesktopNotifier.h"

#include "common/StoreStatusView.h"
#include "reports/HandoverDialog.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"
#include "store/TeamWitnessDuty.h"

#include "alerts/AlertsPanel.h"
#include "common/CommandPalette.h"
#include "common/EnvironmentBadge.h"
#include "common/UnlockDialog.h"
#include "derivations/DerivationsPanel.h"
#include "evidence/EvidencePanel.h"
#include "incidents/IncidentsPanel.h"
#include "launch/LaunchPanel.h"

#include "store/EventTableModel.h"
#include "store/IdentityUnlock.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ops::ui {

MainWindow::MainWindow(StartupContext context, QWidget *parent)
    : MainWindow(new AppContext(std::move(context)), parent) {
    m_app->setParent(this); // made for this window: it goes after the panels that use it
}

MainWindow::MainWindow(AppContext *app, QWidget *parent)
    : QMainWindow(parent)
    , m_app(app) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("opsconsole"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opsconsole.svg")));
    setAccessibleName(tr("opsconsole main window"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(190);
    tintNavigation();
    m_navigation->setMaximumWidth(280);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("panels"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    // The navigation as narrow as its labels allow; the panels take the rest.
    splitter->setSizes({m_navigation->minimumWidth(), 10 * m_navigation->minimumWidth()});
    setCentralWidget(splitter);

    m_session = m_app->session();
    m_alerts = new AlertsPanel(m_app, m_stack);
    connect(m_alerts, &AlertsPanel::signInRequested, this, [this] { signIn(); });
    connect(m_alerts, &AlertsPanel::alertFired, this, &MainWindow::notify);
    m_desktop = new DesktopNotifier(this);
    connect(m_desktop, &DesktopNotifier::failed, this,
            [this](const QString &title, const QString &body, const QString &severity, const QString &) {
                trayNotify(title, body, severity);
            });
    // "Open" and "Acknowledge…" on a notification bring the window up at the alert's cell.
    connect(m_desktop, &DesktopNotifier::actionInvoked, this,
            [this](const QString &action, const QString &alertId, const QString &scope) {
                showNormal();
                raise();
                activateWindow();
                showPanel(static_cast<int>(m_panels.indexOf(m_alerts)));
                m_alerts->selectCell(alertId, scope, action == QLatin1String("acknowledge"));
            });
    connect(m_session, &Session::changed, this, &MainWindow::updateSessionButton);
    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setTimerType(Qt::PreciseTimer);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_session->isUnlocked()) {
            m_session->lock();
            m_sessionButton->setToolTip(
                tr("Locked after %1 s without input").arg(m_idleTimer->interval() / 1000));
        }
    });
    qApp->installEventFilter(this);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/opsconsole.svg")), this);
        m_tray->setToolTip(tr("opsconsole"));
        m_tray->show();
    }
    addPanel(m_alerts);
    m_incidents = new IncidentsPanel(m_app, m_stack);
    connect(m_incidents, &IncidentsPanel::signInRequested, this, [this] { signIn(); });
    connect(m_alerts, &AlertsPanel::openIncidentRequested, this,
            [this](const QString &cls, const QString &scope, const QString &trigger, const QString &alert) {
                showPanel(static_cast<int>(m_panels.indexOf(m_incidents)));
                m_incidents->openIncidentDialog(cls, scope, trigger, alert);
            });
    connect(m_alerts, &AlertsPanel::startRunbookRequested, this,
            [this](const QString &runbook, const QString &scope) {
                showPanel(static_cast<int>(m_panels.indexOf(m_incidents)));
                m_incidents->startRunbook(runbook, scope);
            });
    addPanel(m_incidents);
    m_launch = new LaunchPanel(m_app, m_stack);
    connect(m_launch, &LaunchPanel::signInRequested, this, [this] { signIn(); });
    // A no-go rule's "Go and clear it": the drill and kill switches live with incidents, probes
    // and alert rules with the alert matrix.
    connect(m_launch, &LaunchPanel::clearRequested, this, [this](const QString &target) {
        const bool incidents = target == QLatin1String("rollback") || target == QLatin1String("killswitch");
        showPanel(
            static_cast<int>(m_panels.indexOf(incidents ? static_cast<Panel *>(m_incidents) : m_alerts)));
        QWidget *focus = nullptr;
        if (target == QLatin1String("rollback"))
            focus = m_incidents->findChild<QWidget *>(QStringLiteral("rollbackDrill"));
        else if (target == QLatin1String("killswitch"))
            focus = m_incidents->findChild<QWidget *>(QStringLiteral("killSwitchScope"));
        if (focus)
            focus->setFocus();
    });
    addPanel(m_launch);
    m_derivations = new DerivationsPanel(m_app, m_stack);
    connect(m_derivations, &DerivationsPanel::signInRequested, this, [this] { signIn(); });
    addPanel(m_derivations);
    m_evidence = new EvidencePanel(m_app, m_stack);
    connect(m_evidence, &EvidencePanel::signInRequested, this, [this] { signIn(); });
    addPanel(m_evidence);

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    buildMenus();
    buildStatusBar();
    resize(1280, 800);
    restoreLayout();
    setAutoLockMinutes(QSettings().value(QStringLiteral("session/autoLockMinutes"), 15).toInt());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (m_session->isUnlocked() && m_idleTimer->interval() > 0)
            m_idleTimer->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setAutoLockMinutes(int minutes) {
    setAutoLockIntervalMs(qMax(0, minutes) * 60 * 1000);
}

void MainWindow::setAutoLockIntervalMs(int ms) {
    m_idleTimer->stop();
    m_idleTimer->setInterval(qMax(0, ms));
    if (ms > 0 && m_session->isUnlocked())
        m_idleTimer->start();
}

int MainWindow::autoLockRemainingMs() const {
    return m_idleTimer->remainingTime();
}

bool MainWindow::signIn() {
    EvidenceStore *store = m_app->store();
    if (!store) {
        MessageBox::information(this, tr("Sign in"),
                                tr("There is no evidence store to sign in to yet. Create one with:\n\n"
                                   "opsconsole-cli init --identity NAME --roles operator"));
        return false;
    }
    QString preferred = m_app->startup().identity;
    if (preferred.isEmpty())
        preferred = defaultIdentity();
    UnlockDialog dialog(*store, m_session, m_app->startup().environment, preferred, this);
    dialog.exec();
    if (!dialog.keychainWarning().isEmpty())
        statusBar()->showMessage(dialog.keychainWarning(), 15000);
    return m_session->isUnlocked();
}

QString MainWindow::defaultIdentity() const {
    // The identity init made, on a local file; the team log is shared, so each console names its own.
    if (SqliteEvidenceStore *local = m_app->localStore())
        if (auto def = local->meta(QStringLiteral("default_identity")); def.ok())
            return def.value();
    return {};
}

void MainWindow::lock() {
    m_session->lock();
}

void MainWindow::signInWithoutPassphrase() {
    // A dev identity with an unencrypted key needs no passphrase: sign it in at once, so the
    // demo records its evidence from the first round.
    if (m_app->startup().environment != Environment::Dev || m_session->isUnlocked())
        return;
    EvidenceStore *store = m_app->store();
    if (!store)
        return;
    QString name = m_app->startup().identity;
    if (name.isEmpty())
        name = defaultIdentity();
    if (name.isEmpty() || IdentityUnlock::needsPassphrase(name))
        return;
    if (auto signer = IdentityUnlock::unlock(*store, name, Secret(), m_app->startup().environment);
        signer.ok())
        m_session->unlockWith(std::move(signer).value());
}

void MainWindow::updateSessionButton() {
    if (m_session->isUnlocked()) {
        m_sessionButton->setText(tr("Signed in as %1 · Lock").arg(m_session->identity()));
        m_sessionButton->setToolTip(tr("Lock the console (Ctrl+L): your key is dropped from memory"));
        m_sessionButton->setStyleSheet(QString());
        if (m_idleTimer->interval() > 0)
            m_idleTimer->start();
    } else {
        m_sessionButton->setText(tr("Locked · Sign in…"));
        m_sessionButton->setToolTip(tr("Sign in to acknowledge alerts and record evidence (Ctrl+L)"));
        m_sessionButton->setStyleSheet(QStringLiteral("QPushButton { color: %1; font-weight: bold; }")
                                           .arg(colours::onBase(colours::kAmber, palette()).name()));
        m_idleTimer->stop();
    }
    m_sessionButton->setAccessibleName(m_sessionButton->text());
}

void MainWindow::notify(const QString &title, const QString &body, const QString &severity,
                        const QString &alertId, const QString &scope) {
    m_lastNotification = title + QStringLiteral(": ") + body;
    if (m_desktop->notify(title, body, severity, alertId, scope))
        m_lastChannel = QStringLiteral("desktop");
    else
        trayNotify(title, body, severity);
    QApplication::alert(this);
}

void MainWindow::trayNotify(const QString &title, const QString &body, const QString &severity) {
    m_lastChannel = m_tray ? QStringLiteral("tray") : QStringLiteral("none");
    if (m_tray)
        m_tray->showMessage(
            title, body,
            severity == QLatin1String("SEV-1") ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning, 15000);
}

void MainWindow::addPanel(Panel *panel) {
    m_panels.append(panel);
    m_stack->addWidget(panel);
    // Styles tint the selected icon with the highlight colour, which hides it; keep it as drawn.
    QIcon icon = panel->icon();
    icon.addPixmap(icon.pixmap(QSize(22, 22)), QIcon::Selected);
    auto *item = new QListWidgetItem(icon, panel->title(), m_navigation);
    item->setSizeHint(QSize(0, 36));
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(panel->title()).arg(m_panels.size()));
}

int MainWindow::panelCount() const {
    return static_cast<int>(m_panels.size());
}

Panel *MainWindow::panel(int index) const {
    return m_panels.value(index);
}

int MainWindow::currentPanel() const {
    return m_stack->currentIndex();
}

void MainWindow::showPanel(int index) {
    if (index >= 0 && index < m_panels.size())
        m_navigation->setCurrentRow(index);
}

void MainWindow::buildStatusBar() {
    m_envBadge = new EnvironmentBadge(m_app->startup().environment, this);
    statusBar()->addWidget(m_envBadge);

    // The store's state, count, witnesses and unsynced acts: one view of its own, kept current by
    // the store's one change signal, whoever wrote.
    m_storeStatus = new StoreStatusView(m_app, m_app->startup(), statusBar(), this);

    // Nothing is probed in this build: the state is unknown, and it says so.
    m_probeHealth = new QLabel(tr("Probes: unknown (not probed)"), this);
    m_probeHealth->setObjectName(QStringLiteral("probeHealth"));
    m_probeHealth->setAccessibleName(m_probeHealth->text());
    m_probeHealth->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; padding: 2px 8px; border-radius: 4px; }")
            .arg(QLatin1String(colours::kGrey)));
    statusBar()->addPermanentWidget(m_probeHealth);

    // A running rollback's most urgent clock, visible from every panel.
    m_rollbackClock = new QLabel(this);
    m_rollbackClock->setObjectName(QStringLiteral("rollbackClockStatus"));
    m_rollbackClock->hide();
    statusBar()->addPermanentWidget(m_rollbackClock);
    auto showClock = [this](const QString &text, int state) {
        m_rollbackClock->setVisible(!text.isEmpty());
        m_rollbackClock->setText(text);
        m_rollbackClock->setAccessibleName(text);
        const char *colour = state >= static_cast<int>(ClockState::MetLate)   ? colours::kRed
                             : state == static_cast<int>(ClockState::Warning) ? colours::kAmber
                                                                              : colours::kGreen;
        m_rollbackClock->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: white; padding: 2px 8px; border-radius: 4px; }")
                .arg(QLatin1String(colour)));
    };
    connect(m_incidents, &IncidentsPanel::clockSummaryChanged, this, showClock);
    showClock(m_incidents->clockSummary(), m_incidents->clockState()); // what it said before we listened

    m_sessionButton = new QPushButton(this);
    m_sessionButton->setObjectName(QStringLiteral("sessionButton"));
    m_sessionButton->setFlat(true);
    m_sessionButton->setFocusPolicy(Qt::TabFocus);
    connect(m_sessionButton, &QPushButton::clicked, this, [this] {
        if (m_session->isUnlocked())
            lock();
        else
            signIn();
    });
    statusBar()->addPermanentWidget(m_sessionButton);
    updateSessionButton();
}

void MainWindow::startMonitoring() {
    connect(m_alerts, &AlertsPanel::summaryChanged, this, [this](const QString &text, int severity) {
        static const char *const severityColours[] = {colours::kGreen, colours::kGrey, colours::kAmber,
                                                      colours::kPurple, colours::kRed};
        m_probeHealth->setText(text);
        m_probeHealth->setAccessibleName(text);
        m_probeHealth->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: white; padding: 2px 8px; border-radius: 4px; }")
                .arg(QLatin1String(severityColours[qBound(0, severity, 4)])));
    });
    signInWithoutPassphrase();
    m_alerts->startMonitoring();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    showPanel(qBound(0, settings.value(QStringLiteral("window/panel"), 0).toInt(), panelCount() - 1));
    const Theme theme = themeFromKey(settings.value(QStringLiteral("ui/theme")).toString());
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == themeKey(theme));
    if (theme != Theme::System)
        applyTheme(theme);
    tintNavigation();
}

void MainWindow::tintNavigation() {
    // A soft selection keeps the coloured icons and the text readable on the
    // current item: a light tint on a light window, a dark one on a dark window.
    const bool dark = qApp->palette().color(QPalette::Window).lightness() < 128;
    QPalette navPalette = qApp->palette();
    navPalette.setColor(QPalette::Highlight, dark ? QColor(0x2c, 0x45, 0x66) : QColor(0xd4, 0xe4, 0xf7));
    navPalette.setColor(QPalette::HighlightedText,
                        dark ? QColor(0xf0, 0xf4, 0xfa) : QColor(0x10, 0x20, 0x30));
    m_navigation->setPalette(navPalette);
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("window/panel"), currentPanel());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    if (!m_quitting && m_tray && m_keepMonitoring && m_keepMonitoring->isChecked()) {
        // The window goes; the console keeps probing, recording and notifying from the tray.
        hide();
        event->ignore();
        m_tray->showMessage(tr("opsconsole keeps monitoring"),
                            tr("Alerts are still probed, recorded and notified. Quit from the tray menu."),
                            QSystemTrayIcon::Information, 5000);
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::setTheme(Theme theme) {
    QSettings().setValue(QStringLiteral("ui/theme"), themeKey(theme));
    applyTheme(theme);
    tintNavigation();
}

} // namespace ops::ui
