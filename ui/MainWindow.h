#pragma once

#include "common/Theme.h"
#include "core/Startup.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QActionGroup;

namespace ops::ui {

class AlertsPanel;
class EnvironmentBadge;
class Panel;

// A thin shell: assembles the panels, the navigation, menus and the status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(StartupContext context, QWidget *parent = nullptr);

    int panelCount() const;
    Panel *panel(int index) const;
    int currentPanel() const;
    void showPanel(int index);

    enum class StoreState { Missing, Healthy, Problem };
    // What the status bar says about the evidence store (computed by the app at start-up).
    void setStoreStatus(StoreState state, const QString &detail);

    // Starts periodic probing (the Alerts panel) and keeps the status bar's probe health current.
    void startMonitoring();
    AlertsPanel *alertsPanel() const { return m_alerts; }

    // Renders the shell with each panel in turn to DIR/<panel>.png; returns the files written.
    QStringList renderScreenshots(const QString &dir);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPanel(Panel *panel);
    void buildMenus();
    void buildStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void setTheme(Theme theme);
    void showAbout();
    void showShortcuts();
    void showCommandPalette();

    StartupContext m_context;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Panel *> m_panels;
    QList<QAction *> m_panelActions;
    EnvironmentBadge *m_envBadge = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLabel *m_probeHealth = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    AlertsPanel *m_alerts = nullptr;
};

} // namespace ops::ui
