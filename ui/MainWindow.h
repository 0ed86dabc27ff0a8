#pragma once

#include "common/StoreStatusView.h"
#include "common/Theme.h"
#include "core/Startup.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QSystemTrayIcon;
class QTimer;
class QStackedWidget;
class QActionGroup;

namespace ops {
class DesktopNotifier;
class Session;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class AlertsPanel;
class IncidentsPanel;
class LaunchPanel;
class DerivationsPanel;
class EvidencePanel;
class EnvironmentBadge;
class Panel;

// A thin shell: assembles the panels, the navigation, menus and the status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // The application's: the context outlives the window.
    explicit MainWindow(AppContext *app, QWidget *parent = nullptr);
    // With a context of its own, made from `context` (tests, screenshots of a store).
    explicit MainWindow(StartupContext context, QWidget *parent = nullptr);

    int panelCount() const;
    Panel *panel(int index) const;
    int currentPanel() const;
    void showPanel(int index);

    using StoreState = StoreStatusView::State;
    // What the status bar says about the evidence store (StoreStatusView).
    void setStoreStatus(StoreState state, const QString &detail) { m_storeStatus->set(state, detail); }
    // Reads the store's state and count into the status bar (on every change of the log).
    void updateStoreStatus() { m_storeStatus->update(); }
    AppContext *app() const { return m_app; }

    // Starts periodic probing (the Alerts panel) and keeps the status bar's probe health current.
    void startMonitoring();
    AlertsPanel *alertsPanel() const { return m_alerts; }
    IncidentsPanel *incidentsPanel() const { return m_incidents; }
    LaunchPanel *launchPanel() const { return m_launch; }
    DerivationsPanel *derivationsPanel() const { return m_derivations; }
    EvidencePanel *evidencePanel() const { return m_evidence; }

    Session *session() const { return m_session; }
    // Opens the sign-in dialog (modal); true when someone is signed in afterwards.
    bool signIn();
    void lock();
    QString defaultIdentity() const;
    // Minutes without keyboard or mouse input before the session locks itself (0: never).
    void setAutoLockMinutes(int minutes);
    void setAutoLockIntervalMs(int ms); // 0: never
    int autoLockRemainingMs() const;
    QString lastNotification() const { return m_lastNotification; }
    // "desktop" when the last notification went to the freedesktop notification service, "tray"
    // when it fell back to the system tray, "none" when neither was there.
    QString lastNotificationChannel() const { return m_lastChannel; }
    ops::DesktopNotifier *desktopNotifier() const { return m_desktop; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addPanel(Panel *panel);
    void buildMenus();
    void buildStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void setTheme(Theme theme);
    void tintNavigation();
    void showAbout();
    void showShortcuts();
    void showCommandPalette();
    void updateSessionButton();
    void notify(const QString &title, const QString &body, const QString &severity, const QString &alertId,
                const QString &scope);
    void trayNotify(const QString &title, const QString &body, const QString &severity);
    void signInWithoutPassphrase();

    AppContext *m_app = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Panel *> m_panels;
    QList<QAction *> m_panelActions;
    EnvironmentBadge *m_envBadge = nullptr;
    StoreStatusView *m_storeStatus = nullptr;
    QLabel *m_probeHealth = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    AlertsPanel *m_alerts = nullptr;
    IncidentsPanel *m_incidents = nullptr;
    LaunchPanel *m_launch = nullptr;
    DerivationsPanel *m_derivations = nullptr;
    EvidencePanel *m_evidence = nullptr;
    QLabel *m_rollbackClock = nullptr;
    Session *m_session = nullptr;
    QPushButton *m_sessionButton = nullptr;
    QTimer *m_idleTimer = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    ops::DesktopNotifier *m_desktop = nullptr;
    class QAction *m_keepMonitoring = nullptr;
    bool m_quitting = false;
    QString m_lastChannel;
    QString m_lastNotification;
};

} // namespace ops::ui
