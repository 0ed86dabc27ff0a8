// The window's menus and the dialogs they open (about, keyboard shortcuts, the command palette).
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

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *signInAction = file->addAction(tr("&Sign in / lock"), this, [this] {
        if (m_session->isUnlocked())
            lock();
        else
            signIn();
    });
    signInAction->setObjectName(QStringLiteral("signInAction"));
    signInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *verdict = file->addAction(tr("&Verify a verdict offline…"), this, [this] {
        showPanel(static_cast<int>(m_panels.indexOf(m_evidence)));
        m_evidence->openVerdictDialog();
    });
    verdict->setObjectName(QStringLiteral("verifyVerdictAction"));
    verdict->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    addAction(verdict);
    QAction *handover = file->addAction(tr("Shift &handover…"), this, [this] {
        auto *dialog = new HandoverDialog(m_app, Time::systemClock(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &HandoverDialog::signInRequested, this, [this] { signIn(); });
        dialog->show();
    });
    handover->setObjectName(QStringLiteral("handoverAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (int i = 0; i < m_panels.size(); ++i) {
        QAction *a = view->addAction(m_panels.at(i)->icon(), tr("Go to %1").arg(m_panels.at(i)->title()));
        a->setObjectName(QStringLiteral("showPanel%1").arg(i + 1));
        a->setShortcut(
            QKeySequence(QKeyCombination(Qt::ControlModifier, static_cast<Qt::Key>(Qt::Key_1 + i))));
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, [this, i] { showPanel(i); });
        addAction(a);
        m_panelActions.append(a);
    }
    view->addSeparator();
    QAction *palette = view->addAction(tr("Command palette…"), this, &MainWindow::showCommandPalette);
    palette->setObjectName(QStringLiteral("commandPaletteAction"));
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    addAction(palette);

    // Closing the window may leave the console monitoring from the tray (only where there is one).
    m_keepMonitoring = view->addAction(tr("&Keep monitoring when the window closes"));
    m_keepMonitoring->setObjectName(QStringLiteral("keepMonitoringAction"));
    m_keepMonitoring->setCheckable(true);
    m_keepMonitoring->setEnabled(m_tray != nullptr);
    m_keepMonitoring->setChecked(m_tray &&
                                 QSettings().value(QStringLiteral("ui/keepMonitoring"), false).toBool());
    m_keepMonitoring->setToolTip(m_tray
                                     ? tr("Closing the window hides it to the tray; probing, recording and "
                                          "notifications go on until Quit")
                                     : tr("This desktop has no system tray: closing the window stops "
                                          "monitoring (run opsconsole-cli monitor for a recorder without a "
                                          "window)"));
    connect(m_keepMonitoring, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("ui/keepMonitoring"), on); });
    if (m_tray) {
        auto *trayMenu = new QMenu(this);
        trayMenu->setObjectName(QStringLiteral("trayMenu"));
        trayMenu->addAction(tr("&Show opsconsole"), this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        trayMenu->addAction(tr("&Probe now"), m_alerts, &AlertsPanel::probeNow);
        trayMenu->addAction(m_keepMonitoring);
        trayMenu->addSeparator();
        trayMenu->addAction(quit);
        m_tray->setContextMenu(trayMenu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick) {
                showNormal();
                raise();
                activateWindow();
            }
        });
    }

    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeGroup = new QActionGroup(this);
    const QList<std::pair<Theme, QString>> themes{
        {Theme::System, tr("System")}, {Theme::Light, tr("Light")}, {Theme::Dark, tr("Dark")}};
    for (const auto &[theme, label] : themes) {
        QAction *a = themeMenu->addAction(label);
        a->setCheckable(true);
        a->setData(themeKey(theme));
        a->setObjectName(QStringLiteral("theme_") + themeKey(theme));
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, theme = theme] { setTheme(theme); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    addAction(shortcuts);
    QAction *about = help->addAction(tr("&About opsconsole"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout() {
    const QString token = m_app->secrets().operatorToken.isSet() ? tr("set (redacted)") : tr("not set");
    MessageBox::about(
        this, tr("About opsconsole"),
        tr("<h3>opsconsole %1</h3>"
           "<p>Operator console for running a content-publishing pipeline truthfully under failure.</p>"
           "<p>Environment: <b>%2</b><br>Config: %3<br>Evidence store: %4<br>Operator token: %5</p>")
            .arg(QCoreApplication::applicationVersion(),
                 environmentName(m_app->startup().environment).toUpper(),
                 m_app->startup().config.source.toHtmlEscaped(),
                 QDir::toNativeSeparators(m_app->startup().storePath).toHtmlEscaped(), token));
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(&dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QList<QAction *> actions;
    for (QAction *a : findChildren<QAction *>())
        if (!a->shortcut().isEmpty())
            actions.append(a);
    table->setRowCount(static_cast<int>(actions.size()));
    for (int row = 0; row < actions.size(); ++row) {
        QString text = actions.at(row)->text();
        text.remove(QLatin1Char('&'));
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1,
                       new QTableWidgetItem(actions.at(row)->shortcut().toString(QKeySequence::NativeText)));
    }
    table->sortItems(0);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    dialog.resize(480, 380);
    dialog.exec();
}

void MainWindow::showCommandPalette() {
    QList<QAction *> actions;
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        for (QAction *a : menu->actions())
            if (!a->isSeparator() && !a->menu() && !actions.contains(a))
                actions.append(a);
    CommandPalette palette(actions, this);
    palette.exec();
}

} // namespace ops::ui
