#include "MainWindow.h"

#include "alerts/AlertsPanel.h"
#include "common/CommandPalette.h"
#include "common/EnvironmentBadge.h"
#include "derivations/DerivationsPanel.h"
#include "evidence/EvidencePanel.h"
#include "incidents/IncidentsPanel.h"
#include "launch/LaunchPanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ops::ui {

MainWindow::MainWindow(StartupContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
{
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
    // A light selection keeps the coloured icons and the text readable on the current item.
    QPalette navPalette = m_navigation->palette();
    navPalette.setColor(QPalette::Highlight, QColor(0xd4, 0xe4, 0xf7));
    navPalette.setColor(QPalette::HighlightedText, QColor(0x10, 0x20, 0x30));
    m_navigation->setPalette(navPalette);
    m_navigation->setMaximumWidth(280);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("panels"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    setCentralWidget(splitter);

    m_alerts = new AlertsPanel(m_context.config, m_context.storePath, m_stack);
    addPanel(m_alerts);
    addPanel(new IncidentsPanel(m_stack));
    addPanel(new LaunchPanel(m_stack));
    addPanel(new DerivationsPanel(m_stack));
    addPanel(new EvidencePanel(m_stack));

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    buildMenus();
    buildStatusBar();
    resize(1280, 800);
    restoreLayout();
}

void MainWindow::addPanel(Panel *panel)
{
    m_panels.append(panel);
    m_stack->addWidget(panel);
    // Styles tint the selected icon with the highlight colour, which hides it; keep it as drawn.
    QIcon icon = panel->icon();
    icon.addPixmap(icon.pixmap(QSize(22, 22)), QIcon::Selected);
    auto *item = new QListWidgetItem(icon, panel->title(), m_navigation);
    item->setSizeHint(QSize(0, 36));
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(panel->title()).arg(m_panels.size()));
}

int MainWindow::panelCount() const
{
    return static_cast<int>(m_panels.size());
}

Panel *MainWindow::panel(int index) const
{
    return m_panels.value(index);
}

int MainWindow::currentPanel() const
{
    return m_stack->currentIndex();
}

void MainWindow::showPanel(int index)
{
    if (index >= 0 && index < m_panels.size())
        m_navigation->setCurrentRow(index);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (int i = 0; i < m_panels.size(); ++i) {
        QAction *a = view->addAction(m_panels.at(i)->icon(), tr("Go to %1").arg(m_panels.at(i)->title()));
        a->setObjectName(QStringLiteral("showPanel%1").arg(i + 1));
        a->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, static_cast<Qt::Key>(Qt::Key_1 + i))));
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

void MainWindow::buildStatusBar()
{
    m_envBadge = new EnvironmentBadge(m_context.environment, this);
    statusBar()->addWidget(m_envBadge);

    m_storeLabel = new QLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    const QString store = QDir::toNativeSeparators(m_context.storePath);
    m_storeLabel->setText(tr("Store: %1").arg(fontMetrics().elidedText(store, Qt::ElideMiddle, 420)));
    m_storeLabel->setToolTip(tr("Evidence store: %1\nConfig: %2").arg(store, m_context.config.source));
    m_storeLabel->setAccessibleName(tr("Evidence store %1").arg(store));
    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_storeLabel, 1);

    // Nothing is probed in this build: the state is unknown, and it says so.
    m_probeHealth = new QLabel(tr("Probes: unknown (not probed)"), this);
    m_probeHealth->setObjectName(QStringLiteral("probeHealth"));
    m_probeHealth->setAccessibleName(m_probeHealth->text());
    m_probeHealth->setStyleSheet(
        QStringLiteral("QLabel { background: #6b7280; color: white; padding: 2px 8px; border-radius: 4px; }"));
    statusBar()->addPermanentWidget(m_probeHealth);
}

void MainWindow::setStoreStatus(StoreState state, const QString &detail)
{
    const QString store = QDir::toNativeSeparators(m_context.storePath);
    const QString elided = fontMetrics().elidedText(store, Qt::ElideMiddle, 360);
    QString text;
    QString colour;
    switch (state) {
    case StoreState::Missing:
        text = tr("Store: %1 (not created yet: run opsconsole-cli init)").arg(elided);
        colour = QStringLiteral("#b26a00");
        break;
    case StoreState::Healthy:
        text = tr("Store: %1 · %2").arg(elided, detail);
        break;
    case StoreState::Problem:
        text = tr("Store: %1 · PROBLEM: %2").arg(elided, detail);
        colour = QStringLiteral("#b71c1c");
        break;
    }
    m_storeLabel->setText(text);
    m_storeLabel->setAccessibleName(text);
    m_storeLabel->setToolTip(tr("Evidence store: %1\nConfig: %2").arg(store, m_context.config.source) +
                             (detail.isEmpty() ? QString() : QStringLiteral("\n") + detail));
    m_storeLabel->setStyleSheet(colour.isEmpty() ? QString()
                                                 : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));
}

void MainWindow::startMonitoring()
{
    connect(m_alerts, &AlertsPanel::summaryChanged, this, [this](const QString &text, int severity) {
        static const char *colours[] = {"#2e7d32", "#6b7280", "#c99a00", "#7b4f9d", "#b71c1c"};
        m_probeHealth->setText(text);
        m_probeHealth->setAccessibleName(text);
        m_probeHealth->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; padding: 2px 8px; border-radius: 4px; }")
                                         .arg(QLatin1String(colours[qBound(0, severity, 4)])));
    });
    m_alerts->startMonitoring();
}

void MainWindow::restoreLayout()
{
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
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("window/panel"), currentPanel());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("ui/theme"), themeKey(theme));
    applyTheme(theme);
}

void MainWindow::showAbout()
{
    const QString token = qEnvironmentVariableIsEmpty("OPSCONSOLE_OPERATOR_TOKEN") ? tr("not set") : tr("set (redacted)");
    QMessageBox::about(this, tr("About opsconsole"),
                       tr("<h3>opsconsole %1</h3>"
                          "<p>Operator console for running a content-publishing pipeline truthfully under failure.</p>"
                          "<p>Environment: <b>%2</b><br>Config: %3<br>Evidence store: %4<br>Operator token: %5</p>")
                           .arg(QCoreApplication::applicationVersion(), environmentName(m_context.environment).toUpper(),
                                m_context.config.source.toHtmlEscaped(),
                                QDir::toNativeSeparators(m_context.storePath).toHtmlEscaped(), token));
}

void MainWindow::showShortcuts()
{
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
        table->setItem(row, 1, new QTableWidgetItem(actions.at(row)->shortcut().toString(QKeySequence::NativeText)));
    }
    table->sortItems(0);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    dialog.resize(480, 380);
    dialog.exec();
}

void MainWindow::showCommandPalette()
{
    QList<QAction *> actions;
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        for (QAction *a : menu->actions())
            if (!a->isSeparator() && !a->menu() && !actions.contains(a))
                actions.append(a);
    CommandPalette palette(actions, this);
    palette.exec();
}

QStringList MainWindow::renderScreenshots(const QString &dir)
{
    QDir().mkpath(dir);
    QStringList written;
    const int previous = currentPanel();
    for (int i = 0; i < panelCount(); ++i) {
        showPanel(i);
        QCoreApplication::processEvents();
        const QString name = m_panels.at(i)->objectName().remove(QStringLiteral("Panel"));
        const QString file = QDir(dir).filePath(QStringLiteral("panel-%1.png").arg(name));
        if (grab().save(file))
            written << file;
    }
    showPanel(previous);
    return written;
}

} // namespace ops::ui
