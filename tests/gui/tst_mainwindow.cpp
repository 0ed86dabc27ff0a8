// The real MainWindow, offscreen, driven by keyboard and mouse.
#include "LockHolder.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "alerts/AlertsPanel.h"
#include "alerts/ProbeStripModel.h"
#include "alerts/SilenceDialog.h"
#include "alerts/TrendCharts.h"
#include "common/Colours.h"
#include "common/CommandPalette.h"
#include "common/EmptyState.h"
#include "common/EnvironmentBadge.h"
#include "common/MessageBox.h"
#include "common/Panel.h"
#include "common/Translations.h"
#include "common/UnlockDialog.h"
#include "crypto/KeyRing.h"
#include "evidence/EvidencePanel.h"
#include "incidents/IncidentsPanel.h"
#include "monitor/AlertMonitor.h"
#include "runtime/AppContext.h"
#include "store/IdentityUnlock.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"

#include "ProbeRounds.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <QTimer>
#include <QTranslator>
#include <functional>

#include <algorithm>
#include <cmath>

using namespace ops;
using namespace ops::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void hasFivePanelsInOrder();
    void switchesPanelsByShortcut();
    void switchesPanelsByNavigationClick();
    void panelsShowHonestEmptyStates();
    void environmentBadge_data();
    void environmentBadge();
    void probeHealthIsUnknownNotHealthy();
    void alertMatrixBeforeProbingIsUnknown();
    void firingCellShowsFirstActionAndKeyboardMoves();
    void recordedSignalsFireTheirAlerts();
    void acknowledgingRecordsAnEvent();
    void silencingHoldsTheNotificationNeverTheState();
    void monitoredStoreIsFollowedNotRecorded();
    void firingSev2NotifiesAndChartsShowTrends();
    void autoLockAfterIdle();
    void storeStatusIsShown();
    void viewsFollowActsOfOtherProcesses();
    void remembersGeometryAndPanel();
    void commandPaletteRunsAnAction();
    void verdictDialogOpensFromAnywhere();
    void handoverOpensFromTheFileMenu();
    void darkThemeApplies();
    void rendersScreenshots();
    void keepMonitoringNeedsATray();
    void germanTranslationLoads();
    void tokensComeFromTheStartupContext();
    void theApplicationsContextOutlivesTheWindow();

private:
    static StartupContext context(Environment env);
    static bool initStore(const test::ProgramRunner &cli);
    std::unique_ptr<test::TempDir> m_settingsDir;
};

// A store made by the command line, its genesis olga an operator and incident owner.
bool TestMainWindow::initStore(const test::ProgramRunner &cli) {
    auto init = cli.run(QStringLiteral("opsconsole-cli"),
                        {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("olga"),
                         QStringLiteral("--roles"), QStringLiteral("operator,incident-owner")});
    if (init.exitCode != 0)
        qWarning("init: %s", init.err.constData());
    return init.exitCode == 0;
}

StartupContext TestMainWindow::context(Environment env) {
    StartupContext ctx;
    ctx.environment = env;
    ctx.config = ConfigLoader::builtinDemo().value();
    ctx.storePath = QStringLiteral("/var/lib/opsconsole-test/evidence.sqlite");
    return ctx;
}

void TestMainWindow::tokensComeFromTheStartupContext() {
    // The window is handed its tokens by the start (keychain, file, credential or variable), never
    // by the process environment: with none there, the panels still have the one the start found.
    const QByteArray saved = qgetenv("OPSCONSOLE_OPERATOR_TOKEN");
    qunsetenv("OPSCONSOLE_OPERATOR_TOKEN");
    test::TempDir home;
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = home.file(QStringLiteral("evidence.sqlite"));
    ctx.secrets.operatorToken = Secret("token-from-the-start-5d1e");
    MainWindow w(ctx);
    QVERIFY(w.app()->secrets().operatorToken.isSet());
    QCOMPARE(w.app()->secrets().operatorToken.reveal(), QByteArray("token-from-the-start-5d1e"));
    MessageBox::reset();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    w.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    QCOMPARE(MessageBox::asked().size(), 1);
    const QString shown = MessageBox::asked().first();
    QVERIFY2(shown.contains(QStringLiteral("Operator token: set (redacted)")), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("token-from-the-start")));
    if (!saved.isEmpty())
        qputenv("OPSCONSOLE_OPERATOR_TOKEN", saved);
}

// The application makes the context and hands it to the window (the window and its panels are
// views of it); it outlives the window, which leaves the store open behind it. A window made from
// a bare start-up context makes a context of its own and takes it along.
void TestMainWindow::theApplicationsContextOutlivesTheWindow() {
    test::TempDir home;
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = home.file(QStringLiteral("evidence.sqlite"));
    AppContext app(ctx);
    {
        MainWindow w(&app);
        QCOMPARE(w.app(), &app);
        QVERIFY(app.parent() == nullptr);
        QCOMPARE(w.app()->startup().storePath, ctx.storePath);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }
    QCOMPARE(app.startup().storePath, ctx.storePath);
    QVERIFY(app.host());
    QVERIFY(app.session());
    QPointer<AppContext> own;
    {
        MainWindow w(ctx);
        own = w.app();
        QVERIFY(own);
        QCOMPARE(own->parent(), &w);
    }
    QVERIFY(own.isNull());
}

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_settingsDir = std::make_unique<test::TempDir>();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole-test"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole-test"));
}

void TestMainWindow::init() {
    QSettings().clear();
}

void TestMainWindow::hasFivePanelsInOrder() {
    MainWindow w(context(Environment::Dev));
    QCOMPARE(w.panelCount(), 5);
    const QStringList names{QStringLiteral("alertsPanel"), QStringLiteral("incidentsPanel"),
                            QStringLiteral("launchPanel"), QStringLiteral("derivationsPanel"),
                            QStringLiteral("evidencePanel")};
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->count(), 5);
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(w.panel(i)->objectName(), names.at(i));
        QCOMPARE(nav->item(i)->text(), w.panel(i)->title());
        QVERIFY(!w.panel(i)->accessibleName().isEmpty());
        QVERIFY(!w.panel(i)->icon().isNull());
    }
    QCOMPARE(w.panel(1)->title(), QStringLiteral("Incidents & Rollback"));
}

void TestMainWindow::switchesPanelsByShortcut() {
    MainWindow w(context(Environment::Dev));
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QCOMPARE(w.currentPanel(), 0);
    const Qt::Key keys[] = {Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_1};
    const int expected[] = {1, 2, 3, 4, 0};
    for (int i = 0; i < 5; ++i) {
        QTest::keyClick(&w, keys[i], Qt::ControlModifier);
        QCOMPARE(w.currentPanel(), expected[i]);
        auto *stack = w.findChild<QStackedWidget *>(QStringLiteral("panels"));
        QCOMPARE(stack->currentWidget(), w.panel(expected[i]));
    }
}

void TestMainWindow::switchesPanelsByNavigationClick() {
    MainWindow w(context(Environment::Dev));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    const QRect rect = nav->visualItemRect(nav->item(3));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w.currentPanel(), 3);
    // Keyboard in the list moves too.
    nav->setFocus();
    QTest::keyClick(nav, Qt::Key_Down);
    QCOMPARE(w.currentPanel(), 4);
}

void TestMainWindow::panelsShowHonestEmptyStates() {
    MainWindow w(context(Environment::Dev));
    // Every panel is built; without a store the Evidence panel says so instead of showing an empty log.
    for (int i = 0; i < w.panelCount(); ++i)
        QVERIFY2(
            !w.panel(i)->findChild<EmptyState *>(QStringLiteral("emptyState"), Qt::FindDirectChildrenOnly),
            qPrintable(w.panel(i)->objectName()));
    w.showPanel(static_cast<int>(w.panelCount()) - 1);
    auto *count = w.panel(w.panelCount() - 1)->findChild<QLabel *>(QStringLiteral("matchCount"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("No evidence store"));
}

void TestMainWindow::alertMatrixBeforeProbingIsUnknown() {
    MainWindow w(context(Environment::Dev));
    auto *matrix = w.panel(0)->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    QVERIFY(matrix);
    QCOMPARE(matrix->model()->rowCount(), 7);
    QCOMPARE(matrix->model()->columnCount(), 5);
    for (int r = 0; r < 7; ++r)
        for (int c = 0; c < 5; ++c)
            QCOMPARE(matrix->model()->index(r, c).data().toString(), QStringLiteral("unknown"));
    auto *strip = w.panel(0)->findChild<QTableView *>(QStringLiteral("probeStrip"));
    QCOMPARE(strip->model()->rowCount(),
             5 + 2 + 2 + 3); // manifests, resolvers, rules, services (packs once named)
    QCOMPARE(strip->model()->index(0, 1).data().toString(), QStringLiteral("UNKNOWN"));
    QVERIFY(!w.findChild<QPushButton *>(QStringLiteral("acknowledgeButton"))->isEnabled());
}

void TestMainWindow::firingCellShowsFirstActionAndKeyboardMoves() {
    MainWindow w(context(Environment::Dev));
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    AlertsPanel *panel = w.alertsPanel();
    AlertInputs in;
    in.nowMs = 1795410000000;
    for (const char *scope : {"baseline", "my", "sg", "kl", "pg"}) {
        ProbeResult r;
        r.target.scope = QString::fromLatin1(scope);
        r.target.kind = TargetKind::Manifest;
        r.target.id = r.target.scope + QStringLiteral("/manifest");
        r.state = r.target.scope == QLatin1String("kl") ? ProbeState::Stale : ProbeState::Ok;
        r.reason = QStringLiteral("manifest is 48.0 h old, over the 6 h threshold");
        in.probes << r;
    }
    panel->evaluator()->evaluate(in);
    panel->evaluator()->evaluate(in);
    auto *matrix = panel->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    QCOMPARE(matrix->model()->index(1, 3).data().toString(), QStringLiteral("FIRING SEV-2"));
    matrix->setFocus();
    matrix->setCurrentIndex(matrix->model()->index(1, 2));
    QTest::keyClick(matrix, Qt::Key_Right);
    QCOMPARE(matrix->currentIndex(), matrix->model()->index(1, 3));
    auto *detail = panel->findChild<QLabel *>(QStringLiteral("alertDetail"));
    QVERIFY2(detail->text().contains(QStringLiteral("pause confidence claims")), qPrintable(detail->text()));
    QVERIFY(detail->text().contains(QStringLiteral("FIRING")));
    QVERIFY(panel->worstSummary().contains(QStringLiteral("Alerts firing: 1, worst SEV-2")));
    QTest::keyClick(matrix, Qt::Key_Down);
    QCOMPARE(matrix->currentIndex(), matrix->model()->index(2, 3));
}

// WCAG 2 contrast ratio of two colours.
static double contrastRatio(const QColor &a, const QColor &b) {
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void TestMainWindow::environmentBadge_data() {
    QTest::addColumn<int>("env");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("colour");
    QTest::newRow("dev") << int(Environment::Dev) << QStringLiteral("DEV") << QStringLiteral("#1565c0");
    QTest::newRow("staging") << int(Environment::Staging) << QStringLiteral("STAGING")
                             << QStringLiteral("#8f6000");
    QTest::newRow("prod") << int(Environment::Prod) << QStringLiteral("PROD") << QStringLiteral("#b3261e");
}

void TestMainWindow::environmentBadge() {
    QFETCH(int, env);
    QFETCH(QString, text);
    QFETCH(QString, colour);
    MainWindow w(context(static_cast<Environment>(env)));
    auto *badge = w.findChild<EnvironmentBadge *>(QStringLiteral("environmentBadge"));
    QVERIFY(badge);
    QCOMPARE(badge->text(), text);
    QVERIFY(badge->styleSheet().contains(colour));
    // White on the badge reads at 4.5:1 or better.
    QVERIFY2(contrastRatio(QColor(Qt::white), QColor(colour)) >= 4.5,
             qPrintable(QString::number(contrastRatio(QColor(Qt::white), QColor(colour)))));
    QVERIFY(badge->accessibleName().contains(text));
    auto *store = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QVERIFY(store->text().contains(QStringLiteral("evidence.sqlite")));
}

void TestMainWindow::probeHealthIsUnknownNotHealthy() {
    MainWindow w(context(Environment::Dev));
    auto *probe = w.findChild<QLabel *>(QStringLiteral("probeHealth"));
    QVERIFY(probe);
    QVERIFY(probe->text().contains(QStringLiteral("unknown")));
    QVERIFY(!probe->text().contains(QStringLiteral("ok"), Qt::CaseInsensitive));
}

void TestMainWindow::storeStatusIsShown() {
    MainWindow w(context(Environment::Dev));
    auto *store = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    w.setStoreStatus(MainWindow::StoreState::Missing, QString());
    QVERIFY(store->text().contains(QStringLiteral("not created yet")));
    // In the status colours, as text on the window's base (a light shade on a dark theme).
    QVERIFY2(store->styleSheet().contains(colours::onBase(colours::kAmber, w.palette()).name()),
             qPrintable(store->styleSheet()));
    w.setStoreStatus(MainWindow::StoreState::Healthy,
                     QStringLiteral("12 events, checkpoint 12 signed by alice"));
    QVERIFY(store->text().contains(QStringLiteral("12 events")));
    QVERIFY(store->styleSheet().isEmpty());
    w.setStoreStatus(MainWindow::StoreState::Problem, QStringLiteral("the tail was truncated"));
    QVERIFY(store->text().contains(QStringLiteral("PROBLEM: the tail was truncated")));
    QVERIFY2(store->styleSheet().contains(colours::onBase(colours::kRed, w.palette()).name()),
             qPrintable(store->styleSheet()));
    // The built-in demo config pins no admin: said by a badge of its own, visible however long the
    // store's line; a config that pins one has no such badge.
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *trust = w.findChild<QLabel *>(QStringLiteral("trustRootBadge"));
    QVERIFY(trust && trust->isVisible());
    QCOMPARE(trust->text(), QStringLiteral("Trust root not pinned"));
    QVERIFY(trust->width() >= trust->sizeHint().width());
    StartupContext pinned = context(Environment::Dev);
    pinned.config.trust.admins = {QStringLiteral("SHA256:") + QString(64, QLatin1Char('a'))};
    MainWindow withRoot(pinned);
    withRoot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&withRoot));
    QVERIFY(!withRoot.findChild<QLabel *>(QStringLiteral("trustRootBadge"))->isVisible());
}

// The status bar, the Evidence panel and the Incidents panel agree on the log after an act made
// by opsconsole-cli in another process: one change signal, whoever wrote.
void TestMainWindow::viewsFollowActsOfOtherProcesses() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    const QString bin = QStringLiteral("opsconsole-cli");
    QVERIFY(initStore(cli));
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QVERIFY(QFileInfo::exists(ctx.storePath));
    auto sizeNow = [&] {
        StoreOpenOptions o;
        o.readOnly = true;
        return SqliteEvidenceStore::open(ctx.storePath, o).value()->size().value();
    };
    const quint64 before = sizeNow();

    MainWindow w(ctx);
    w.app()->host()->setPollIntervalMs(0); // the file notification alone must carry the change
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *status = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("%1 event").arg(before)), qPrintable(status->text()));
    auto *incidents = w.incidentsPanel()->findChild<QTableView *>(QStringLiteral("incidentList"));
    QCOMPARE(incidents->model()->rowCount(), 0);

    auto opened = cli.run(bin, {QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                                QStringLiteral("bad-publish"), QStringLiteral("--scope"),
                                QStringLiteral("kl"), QStringLiteral("--alert"),
                                QStringLiteral("resolver-health"), QStringLiteral("--json")});
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    const QString inc = QRegularExpression(QStringLiteral("\"id\": *\"(INC-[0-9A-Z]{4}-[0-9A-Z]{4})\""))
                            .match(QString::fromUtf8(opened.out))
                            .captured(1);
    QVERIFY2(!inc.isEmpty(), opened.out.constData());
    const quint64 after = sizeNow();
    QVERIFY(after > before);
    // The status bar and the (hidden) Incidents panel follow at once; nothing was clicked.
    QTRY_VERIFY2(status->text().contains(QStringLiteral("%1 events").arg(after)), qPrintable(status->text()));
    QTRY_COMPARE(incidents->model()->rowCount(), 1);
    QCOMPARE(w.app()->host()->size(), after);
    // The Evidence panel, shown now, lists every event of the log.
    w.showPanel(4);
    auto *count = w.evidencePanel()->findChild<QLabel *>(QStringLiteral("matchCount"));
    // ("%n event(s)" is the source text; the English translation gives it its plural.)
    QTRY_VERIFY2(count->text().startsWith(QStringLiteral("%1 event").arg(after)), qPrintable(count->text()));
    // And a further act while it is shown reaches all three again.
    auto decided = cli.run(bin, {QStringLiteral("incident"), QStringLiteral("decide"), inc,
                                 QStringLiteral("hold forward publishes on kl")});
    QVERIFY2(decided.exitCode == 0, decided.err.constData());
    const quint64 last = sizeNow();
    QTRY_VERIFY2(count->text().startsWith(QStringLiteral("%1 event").arg(last)), qPrintable(count->text()));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("%1 events").arg(last)), qPrintable(status->text()));
}

void TestMainWindow::remembersGeometryAndPanel() {
    {
        MainWindow w(context(Environment::Dev));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.resize(1000, 700);
        w.showPanel(2);
        w.close();
    }
    MainWindow again(context(Environment::Dev));
    QCOMPARE(again.currentPanel(), 2);
    QCOMPARE(again.size(), QSize(1000, 700));
}

void TestMainWindow::commandPaletteRunsAnAction() {
    MainWindow w(context(Environment::Dev));
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    bool seen = false;
    QTimer::singleShot(0, &w, [&] {
        auto *palette = qobject_cast<CommandPalette *>(QApplication::activeModalWidget());
        if (!palette)
            return;
        seen = true;
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("evid"));
        QCOMPARE(palette->list()->count(), 1);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    });
    QTest::keyClick(&w, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(seen);
    QCOMPARE(w.currentPanel(), 4);
}

void TestMainWindow::verdictDialogOpensFromAnywhere() {
    MainWindow w(context(Environment::Dev));
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.showPanel(0);
    QTest::keyClick(&w, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.currentPanel(), 4);
    auto *dialog = w.findChild<QDialog *>(QStringLiteral("verdictDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("verifyVerdictButton")));
    dialog->hide();
}

// File ▸ Shift handover… opens the brief of what is open now, read from the window's own store.
void TestMainWindow::handoverOpensFromTheFileMenu() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    const QString bin = QStringLiteral("opsconsole-cli");
    QVERIFY(initStore(cli));
    auto opened =
        cli.run(bin, {QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                      QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("kl"),
                      QStringLiteral("--alert"), QStringLiteral("resolver-health")});
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    const QString inc = QRegularExpression(QStringLiteral("INC-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                            .match(QString::fromUtf8(opened.out + opened.err))
                            .captured(0);
    QVERIFY2(!inc.isEmpty(), opened.out.constData());
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    MainWindow w(ctx);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(!w.findChild<QDialog *>(QStringLiteral("handoverDialog")));
    // The first menu is File; the action sits in it, and a click on it opens the dialog.
    QMenu *file = w.menuBar()->actions().first()->menu();
    QVERIFY(file);
    auto *handover = w.findChild<QAction *>(QStringLiteral("handoverAction"));
    QVERIFY(handover && file->actions().contains(handover));
    file->popup(w.mapToGlobal(QPoint(0, 0)));
    QVERIFY(QTest::qWaitForWindowExposed(file));
    QTest::mouseClick(file, Qt::LeftButton, {}, file->actionGeometry(handover).center());
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<QDialog *>(QStringLiteral("handoverDialog"))) && dialog->isVisible());
    QVERIFY(!dialog->isModal()); // the console stays usable while the brief is open
    auto *preview = dialog->findChild<QTextBrowser *>(QStringLiteral("handoverPreview"));
    QVERIFY(preview);
    QTRY_VERIFY2(preview->toPlainText().contains(inc), qPrintable(preview->toPlainText()));
    dialog->close();
}

void TestMainWindow::darkThemeApplies() {
    MainWindow w(context(Environment::Dev));
    auto *dark = w.findChild<QAction *>(QStringLiteral("theme_dark"));
    QVERIFY(dark);
    // WCAG contrast of a status colour as text on the palette's surfaces: at least 4.5:1 in both themes.
    const auto contrast = contrastRatio;
    const auto readable = [&](const QPalette &p) {
        for (const char *c : {colours::kRed, colours::kGreen, colours::kAmber})
            for (QPalette::ColorRole surface : {QPalette::Base, QPalette::Window})
                if (contrast(colours::onBase(c, p), p.color(surface)) < 4.5)
                    return QStringLiteral("%1 on %2: %3:1")
                        .arg(QLatin1String(c), p.color(surface).name())
                        .arg(contrast(colours::onBase(c, p), p.color(surface)), 0, 'f', 2);
        return QString();
    };
    dark->trigger();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QVERIFY2(readable(QApplication::palette()).isEmpty(), qPrintable(readable(QApplication::palette())));
    // The colour itself would not be: dark red on the dark theme is what this guards against.
    QVERIFY(contrast(QColor(QLatin1String(colours::kRed)), QApplication::palette().color(QPalette::Base)) <
            4.5);
    w.findChild<QAction *>(QStringLiteral("theme_light"))->trigger();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 160);
    QVERIFY2(readable(QApplication::palette()).isEmpty(), qPrintable(readable(QApplication::palette())));
}

void TestMainWindow::keepMonitoringNeedsATray() {
    // Offscreen has no system tray: closing the window must not leave an invisible recorder.
    MainWindow w(context(Environment::Dev));
    w.show();
    auto *keep = w.findChild<QAction *>(QStringLiteral("keepMonitoringAction"));
    QVERIFY(keep);
    QVERIFY(!keep->isEnabled());
    QVERIFY(!keep->isChecked());
    QVERIFY(keep->toolTip().contains(QStringLiteral("opsconsole-cli monitor")));
    QVERIFY(w.close());
    QVERIFY(!w.isVisible());
}

void TestMainWindow::rendersScreenshots() {
    test::TempDir out;
    MainWindow w(context(Environment::Dev));
    w.resize(1100, 700);
    w.show();
    const QStringList files = renderScreenshots(w, out.path());
    QCOMPARE(files.size(), 6); // five panels and the Alerts panel's Trends tab
    for (const QString &f : files) {
        QImage img(f);
        QVERIFY2(!img.isNull(), qPrintable(f));
        QCOMPARE(img.size(), QSize(1100, 700) * img.devicePixelRatio());
    }
}

void TestMainWindow::germanTranslationLoads() {
    QCOMPARE(installTranslations(QLocale(QLocale::German, QLocale::Germany)), QLocale::German);
    {
        MainWindow w(context(Environment::Dev));
        QCOMPARE(w.panel(0)->title(), QStringLiteral("Warnungen"));
        QCOMPARE(w.findChild<QPushButton *>(QStringLiteral("probeNowButton"))->text(),
                 QStringLiteral("Jetzt prüfen"));
        QCOMPARE(w.panel(1)->title(), QStringLiteral("Vorfälle & Rollback"));
        auto *quit = w.findChild<QAction *>(QStringLiteral("quitAction"));
        QCOMPARE(quit->text(), QStringLiteral("&Beenden"));
        auto *probe = w.findChild<QLabel *>(QStringLiteral("probeHealth"));
        QVERIFY2(probe->text().contains(QStringLiteral("unbekannt")), qPrintable(probe->text()));
    }
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
    MainWindow english(context(Environment::Dev));
    QCOMPARE(english.panel(0)->title(), QStringLiteral("Alerts"));
}

void TestMainWindow::recordedSignalsFireTheirAlerts() {
    test::StoreFixture f;
    for (int i = 0; i < 2; ++i) {
        NewEvent e;
        e.kind = QStringLiteral("signal.publish_blocked");
        e.scope = QStringLiteral("kl");
        e.tsMs = Time::nowMs() - 60000 * (i + 1);
        QVERIFY(f.store->append(f.alice, {e}).ok());
    }
    NewEvent rate;
    rate.kind = QStringLiteral("signal.fallback_rate");
    rate.scope = QStringLiteral("my");
    rate.payload["value"] = QStringLiteral("0.31");
    rate.tsMs = Time::nowMs() - 30000;
    QVERIFY(f.store->append(f.alice, {rate}).ok());
    f.store.reset();
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = f.path;
    MainWindow w(ctx);
    AlertsPanel *panel = w.alertsPanel();
    panel->evaluateRound({});
    panel->evaluateRound({});
    QCOMPARE(panel->evaluator()->cell(QStringLiteral("publish-blocked"), QStringLiteral("kl")).state,
             AlertState::Firing);
    QCOMPARE(panel->evaluator()->cell(QStringLiteral("fallback-spike"), QStringLiteral("my")).state,
             AlertState::Firing);
    QCOMPARE(panel->evaluator()->cell(QStringLiteral("publish-blocked"), QStringLiteral("pg")).state,
             AlertState::Unknown);
    QVERIFY(panel->evaluator()
                ->cell(QStringLiteral("fallback-spike"), QStringLiteral("my"))
                .detail.text()
                .contains(QStringLiteral("31.0 %")));
}

namespace {

// Answers the next modal dialog of type T as a person would, once it is the active modal widget:
// asked again every 10 ms until then, so a busy machine that shows it late never leaves it open.
template<typename T> void whenModal(QObject *context, std::function<void(T *)> answer) {
    auto *poll = new QTimer(context);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, context, [poll, answer = std::move(answer)] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        poll->deleteLater();
        answer(dialog);
    });
    poll->start();
}

// A store whose identity "alice" has an encrypted key in the key directory of XDG_DATA_HOME.
struct SignedInStore {
    test::TempDir data;
    std::unique_ptr<test::StoreFixture> f;
    QByteArray oldData = qgetenv("XDG_DATA_HOME");
    SignedInStore() {
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        f = std::make_unique<test::StoreFixture>();
        crypto::KeyRing ring(IdentityUnlock::keyDirectory());
        QDir().mkpath(IdentityUnlock::keyDirectory());
        QFile::remove(ring.pathFor(QStringLiteral("alice")));
        if (!ring.save(QStringLiteral("alice"), f->alice.key, QByteArrayLiteral("correct horse")).ok())
            qFatal("cannot save the key");
        f->store.reset();
    }
    ~SignedInStore() {
        QFile::remove(crypto::KeyRing(IdentityUnlock::keyDirectory()).pathFor(QStringLiteral("alice")));
        qputenv("XDG_DATA_HOME", oldData);
    }
};

} // namespace

void TestMainWindow::acknowledgingRecordsAnEvent() {
    SignedInStore s;
    StartupContext ctx = context(Environment::Staging);
    ctx.storePath = s.f->path;
    MainWindow w(ctx);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto *session = w.findChild<QPushButton *>(QStringLiteral("sessionButton"));
    QVERIFY(session->text().contains(QStringLiteral("Locked")));
    AlertsPanel *panel = w.alertsPanel();
    auto *recording = panel->findChild<QLabel *>(QStringLiteral("recordingLabel"));
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QVERIFY2(recording->text().contains(QStringLiteral("wait to be recorded")),
             qPrintable(recording->text()));

    auto *matrix = panel->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    matrix->setFocus();
    matrix->setCurrentIndex(matrix->model()->index(0, 0));
    // To the firing stale-pack cell of kl by keyboard: one down, three right.
    QTest::keyClick(matrix, Qt::Key_Down);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(matrix, Qt::Key_Right);
    QCOMPARE(matrix->currentIndex().data().toString(), QStringLiteral("FIRING SEV-2"));
    auto *ack = panel->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"));
    auto *note = panel->findChild<QLineEdit *>(QStringLiteral("acknowledgeNote"));
    QVERIFY(ack->isEnabled());
    QCOMPARE(ack->text(), QStringLiteral("Sign in to acknowledge…"));
    QTest::keyClicks(note, QStringLiteral("refresh job restarted, watching"));

    // The sign-in dialog: a wrong passphrase first, then the right one.
    QString wrongError;
    bool sawDialog = false;
    whenModal<UnlockDialog>(this, [&](UnlockDialog *dialog) {
        sawDialog = true;
        auto *pass = dialog->findChild<QLineEdit *>(QStringLiteral("unlockPassphrase"));
        auto *button = dialog->findChild<QPushButton *>(QStringLiteral("unlockButton"));
        QTest::keyClicks(pass, QStringLiteral("wrong horse"));
        QTest::mouseClick(button, Qt::LeftButton);
        wrongError = dialog->errorText();
        QVERIFY(pass->text().isEmpty()); // never left in the field
        QTest::keyClicks(pass, QStringLiteral("correct horse"));
        QTest::mouseClick(button, Qt::LeftButton);
    });
    QTest::mouseClick(ack, Qt::LeftButton);
    QVERIFY(sawDialog);
    QVERIFY2(wrongError.contains(QStringLiteral("Cannot sign in as alice")), qPrintable(wrongError));
    QVERIFY(w.session()->isUnlocked());
    QVERIFY(session->text().contains(QStringLiteral("Signed in as alice")));

    auto *status = panel->findChild<QLabel *>(QStringLiteral("acknowledgeStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("Acknowledged as alice")), qPrintable(status->text()));
    QCOMPARE(matrix->currentIndex().data().toString(), QStringLiteral("ACK SEV-2"));
    QVERIFY(note->text().isEmpty());

    // The acknowledgement, and what waited while locked, are signed evidence now.
    panel->monitor()->waitForWrites();
    StoreOpenOptions ro;
    ro.readOnly = true;
    auto store = SqliteEvidenceStore::open(s.f->path, ro).value();
    EventFilter acks;
    acks.kind = QStringLiteral("alert.acknowledged");
    const auto events = store->query(acks).value();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actor, QStringLiteral("alice"));
    QCOMPARE(events.first().scope, QStringLiteral("kl"));
    QVERIFY(events.first().signedByActor);
    QCOMPARE(events.first().payload().stringAt("note"), QStringLiteral("refresh job restarted, watching"));
    EventFilter fired;
    fired.kind = QStringLiteral("alert.fired");
    QCOMPARE(store->query(fired)->size(), 1);
    QVERIFY(recording->text().contains(QStringLiteral("signed by alice")));

    // Lock: the key is dropped.
    QTest::mouseClick(session, Qt::LeftButton);
    QVERIFY(!w.session()->isUnlocked());
}

void TestMainWindow::silencingHoldsTheNotificationNeverTheState() {
    SignedInStore s;
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = s.f->path;
    MainWindow w(ctx);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    {
        auto store = SqliteEvidenceStore::open(s.f->path, StoreOpenOptions{}).value();
        auto signer = IdentityUnlock::unlock(*store, QStringLiteral("alice"),
                                             Secret(QByteArrayLiteral("correct horse")), Environment::Dev);
        QVERIFY(signer.ok());
        w.session()->unlockWith(std::move(signer).value());
    }
    AlertsPanel *panel = w.alertsPanel();
    QSignalSpy fired(panel, &AlertsPanel::alertFired);
    auto *matrix = panel->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    auto *silence = panel->findChild<QPushButton *>(QStringLiteral("silenceButton"));
    auto *end = panel->findChild<QPushButton *>(QStringLiteral("endSilenceButton"));
    auto *tabs = panel->findChild<QTabWidget *>(QStringLiteral("alertsTabs"));
    matrix->setCurrentIndex(matrix->model()->index(1, 3)); // stale-pack · kl
    QVERIFY(silence->isEnabled());
    QVERIFY(!end->isEnabled());

    // The operator silences the cell for two hours, with a reason; Silence stays off without one.
    bool confirmWasOffWithoutReason = false;
    whenModal<SilenceDialog>(this, [&](SilenceDialog *dialog) {
        auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("silenceConfirm"));
        confirmWasOffWithoutReason = !confirm->isEnabled();
        auto *duration = dialog->findChild<QComboBox *>(QStringLiteral("silenceDuration"));
        duration->setCurrentIndex(duration->findData(120));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("silenceReason")),
                         QStringLiteral("vendor refreshes the kl pack"));
        QTest::mouseClick(confirm, Qt::LeftButton);
    });
    QTest::mouseClick(silence, Qt::LeftButton);
    QVERIFY(confirmWasOffWithoutReason);
    const QModelIndex cell = matrix->model()->index(1, 3);
    QVERIFY(cell.data(AlertMatrixModel::SilencedRole).toBool());
    QCOMPARE(cell.data().toString(), QStringLiteral("unknown (silenced)")); // never ok
    auto *detail = panel->findChild<QLabel *>(QStringLiteral("alertDetail"));
    QVERIFY2(detail->text().contains(QStringLiteral("by alice (SIL-")) &&
                 detail->text().contains(QStringLiteral("vendor refreshes the kl pack")),
             qPrintable(detail->text()));
    QCOMPARE(tabs->tabText(tabs->count() - 1), QStringLiteral("Silences (1)"));
    QVERIFY(!silence->isEnabled());
    QVERIFY(end->isEnabled());

    // It fires: recorded in the log, shown as SILENCED with its severity, no notification.
    for (int i = 0; i < 3; ++i)
        panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QCOMPARE(cell.data().toString(), QStringLiteral("SILENCED SEV-2"));
    QCOMPARE(cell.data(AlertMatrixModel::StateRole).toInt(), int(AlertState::Firing));
    QCOMPARE(fired.count(), 0);
    QVERIFY(w.lastNotification().isEmpty());
    QVERIFY2(panel->worstSummary().contains(QStringLiteral("(1 silenced)")),
             qPrintable(panel->worstSummary()));

    // Ended from the Silences tab: the cell is plainly firing again, and the held notification
    // goes out at the next round.
    tabs->setCurrentIndex(tabs->count() - 1);
    auto *list = panel->findChild<QTableView *>(QStringLiteral("silenceList"));
    QCOMPARE(list->model()->rowCount(), 1);
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(end->isEnabled());
    QTest::mouseClick(end, Qt::LeftButton);
    QCOMPARE(cell.data().toString(), QStringLiteral("FIRING SEV-2"));
    QCOMPARE(tabs->tabText(tabs->count() - 1), QStringLiteral("Silences"));
    QCOMPARE(list->model()->index(0, SilenceListModel::Status).data().toString(), QStringLiteral("ended"));
    QCOMPARE(fired.count(), 0);
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QCOMPARE(fired.count(), 1);
    QVERIFY2(fired.first().at(0).toString().contains(QStringLiteral("held during a silence")),
             qPrintable(fired.first().at(0).toString()));
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QCOMPARE(fired.count(), 1);

    // The rounds' transitions go out in batches off the GUI thread: wait for the last one.
    QTRY_COMPARE(panel->monitor()->pendingEvents(), 0);
    panel->monitor()->waitForWrites();
    StoreOpenOptions ro;
    ro.readOnly = true;
    auto store = SqliteEvidenceStore::open(s.f->path, ro).value();
    EventFilter f;
    f.kindPrefix = QStringLiteral("silence.");
    const auto events = store->query(f).value();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, QStringLiteral("silence.added"));
    QCOMPARE(events.at(1).kind, QStringLiteral("silence.ended"));
    for (const StoredEvent &e : events) {
        QCOMPARE(e.actor, QStringLiteral("alice"));
        QVERIFY(e.signedByActor);
    }
    EventFilter firedEvents;
    firedEvents.kind = QStringLiteral("alert.fired");
    QVERIFY2(store->query(firedEvents)->size() == 1, qPrintable(panel->monitor()->recordingProblem()));
}

void TestMainWindow::firingSev2NotifiesAndChartsShowTrends() {
    SignedInStore s;
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = s.f->path;
    MainWindow w(ctx);
    AlertsPanel *panel = w.alertsPanel();
    QSignalSpy fired(panel, &AlertsPanel::alertFired);
    panel->evaluateRound(test::manifestRound(false, Time::nowMs()));
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QCOMPARE(fired.count(), 0); // damped: one bad round is not an alert
    panel->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QCOMPARE(fired.count(), 1);
    QCOMPARE(fired.first().at(2).toString(), QStringLiteral("SEV-2"));
    QVERIFY2(w.lastNotification().contains(QStringLiteral("Stale pack")) &&
                 w.lastNotification().contains(QStringLiteral("kl")),
             qPrintable(w.lastNotification()));
    QVERIFY(w.lastNotification().contains(QStringLiteral("pause confidence claims")));

    auto *tabs = panel->findChild<QTabWidget *>(QStringLiteral("alertsTabs"));
    auto *charts = panel->findChild<TrendCharts *>(QStringLiteral("trendCharts"));
    auto *matrix = panel->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    panel->monitor()->waitForWrites();                     // samples are written off the GUI thread
    matrix->setCurrentIndex(matrix->model()->index(1, 3)); // stale-pack · kl
    tabs->setCurrentWidget(charts);
    QVERIFY2(charts->captionText().contains(QStringLiteral("kl: 3 samples")),
             qPrintable(charts->captionText()));
    QCOMPARE(charts->seriesCount(), 3);                    // kl/manifest latency, manifest age, threshold
    matrix->setCurrentIndex(matrix->model()->index(1, 0)); // baseline
    QVERIFY2(charts->captionText().startsWith(QStringLiteral("baseline")), qPrintable(charts->captionText()));

    // The probe strip: manifest age as a fraction of the threshold (the bar), rows copyable.
    auto *strip = panel->findChild<QTableView *>(QStringLiteral("probeStrip"));
    QAbstractItemModelTester stripTester(strip->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    int klRow = -1;
    for (int row = 0; row < strip->model()->rowCount(); ++row)
        if (strip->model()->index(row, 0).data().toString() == QLatin1String("kl/manifest"))
            klRow = row;
    QVERIFY(klRow >= 0);
    QCOMPARE(strip->model()->index(klRow, 3).data(ProbeStripModel::AgeFractionRole).toDouble(),
             8.0); // 48 h of 6 h
    QCOMPARE(strip->model()->index(klRow, 3).data().toString(), QStringLiteral("48.0 h / 6 h"));
    QVERIFY(
        !strip->model()->index(klRow + 1, 3).data(ProbeStripModel::AgeFractionRole).isValid()); // resolver:
                                                                                                // no age
    strip->setCurrentIndex(strip->model()->index(klRow, 1));
    const QString copied = panel->copySelectedProbe();
    QVERIFY2(copied.contains(QStringLiteral("Target: kl/manifest")) &&
                 copied.contains(QStringLiteral("State: STALE")),
             qPrintable(copied));
    QCOMPARE(QGuiApplication::clipboard()->text(), copied);
}

void TestMainWindow::autoLockAfterIdle() {
    SignedInStore s;
    StartupContext ctx = context(Environment::Staging);
    ctx.storePath = s.f->path;
    MainWindow w(ctx);
    w.show();
    auto store = SqliteEvidenceStore::open(s.f->path, StoreOpenOptions{}).value();
    auto signer = IdentityUnlock::unlock(*store, QStringLiteral("alice"),
                                         Secret(QByteArrayLiteral("correct horse")), Environment::Staging);
    QVERIFY(signer.ok());
    w.session()->unlockWith(std::move(signer).value());
    w.setAutoLockIntervalMs(5000);
    QTest::qWait(1000);
    const int before = w.autoLockRemainingMs();
    QVERIFY(before < 4500);
    QTest::keyClick(&w, Qt::Key_Shift);
    QVERIFY2(w.autoLockRemainingMs() > before + 500, "input restarts the idle clock");
    w.setAutoLockIntervalMs(150);
    QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isUnlocked(), 5000);
    auto *session = w.findChild<QPushButton *>(QStringLiteral("sessionButton"));
    QVERIFY(session->text().contains(QStringLiteral("Locked")));
}

void TestMainWindow::monitoredStoreIsFollowedNotRecorded() {
    SignedInStore s;
    // A live recorder (opsconsole-cli monitor) holds the lock beside the store.
    QProcess recorder;
    QVERIFY(test::holdLock(recorder, AlertMonitor::recorderLockPath(s.f->path)));
    {
        QFile lock(AlertMonitor::recorderLockPath(s.f->path));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(recorder.processId()) + "\nopsconsole-cli\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
    }
    StartupContext ctx = context(Environment::Dev);
    ctx.storePath = s.f->path;
    MainWindow w(ctx);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The status bar counts what the store holds from the first look (never 0 beside checkpoint 1).
    auto *status = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QVERIFY2(status->text().startsWith(QStringLiteral("1 event, checkpoint 1")), qPrintable(status->text()));
    AlertsPanel *panel = w.alertsPanel();
    auto *recording = panel->findChild<QLabel *>(QStringLiteral("recordingLabel"));
    panel->probeNow();
    QTRY_VERIFY2(
        recording->text().contains(QStringLiteral("Monitored by process %1").arg(recorder.processId())),
        qPrintable(recording->text()));
    auto *round = panel->findChild<QLabel *>(QStringLiteral("probeRoundLabel"));
    QVERIFY2(round->text().startsWith(QStringLiteral("Waiting for the recorder's first round")),
             qPrintable(round->text()));
    // Nothing of its own: no round of the recorder yet, so no target is shown healthy.
    QVERIFY(panel->monitor()->latest().size() > 0);
    for (const ProbeResult &r : panel->monitor()->latest())
        QCOMPARE(r.state, ProbeState::Unknown);
    if (const QString dir = qEnvironmentVariable("OPSCONSOLE_SHOT_DIR"); !dir.isEmpty())
        w.grab().save(dir + QStringLiteral("/alerts-monitored.png"));
    // The recorder stops: the console takes over at its next round.
    recorder.kill();
    QVERIFY(recorder.waitForFinished(30000));
    panel->probeNow();
    QTRY_VERIFY2(!recording->text().contains(QStringLiteral("Monitored by")), qPrintable(recording->text()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
