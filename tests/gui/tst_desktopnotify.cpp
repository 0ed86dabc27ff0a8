// Desktop notifications over a real D-Bus session bus (a dbus-daemon started for this test) to a
// notification server registered by the test as org.freedesktop.Notifications: SEV-1 critical
// and sticky, SEV-2 normal, "Open" / "Acknowledge…" actions that bring the window to the cell, and
// the system tray as the fallback when no server is there.
#include "MainWindow.h"
#include "alerts/AlertsPanel.h"
#include "monitor/DesktopNotifier.h"

#include "FakeNotificationServer.h"
#include "ProbeRounds.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "core/Startup.h"
#include "core/Time.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocalServer>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <string>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ops;
using namespace ops::ui;

using test::FakeNotificationServer;

class TestDesktopNotify : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void criticalWithActionsThatOpenTheCell();
    void aMonitorLeavesTheDesktopToAnOpenWindow();
    void aRestartedMonitorTellsAFiringOnce();
    void trayIsTheFallbackWithoutAServer();

private:
    FakeNotificationServer m_server;
    QDBusConnection m_serverBus{QStringLiteral("unset")};
};

namespace {
StartupContext context(const QString &storePath) {
    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = ConfigLoader::builtinDemo().value();
    ctx.storePath = storePath;
    return ctx;
}
} // namespace

void TestDesktopNotify::initTestCase() {
    QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "no session bus was started");
    m_serverBus = QDBusConnection::connectToBus(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"),
                                                QStringLiteral("notification-server"));
    QVERIFY(m_serverBus.isConnected());
    QVERIFY(m_serverBus.registerObject(QString::fromLatin1(DesktopNotifier::kPath), &m_server,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(m_serverBus.registerService(QString::fromLatin1(DesktopNotifier::kService)));
}

void TestDesktopNotify::criticalWithActionsThatOpenTheCell() {
    test::StoreFixture f;
    f.store.reset();
    MainWindow w(context(f.path));
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTRY_VERIFY(w.desktopNotifier()->serverOffersActions());
    AlertsPanel *panel = w.alertsPanel();
    for (int i = 0; i < 3; ++i)
        panel->evaluateRound(test::manifestRound(true, Time::nowMs())); // stale-pack fires on kl, SEV-2
    QTRY_COMPARE(m_server.received.size(), 1);
    const FakeNotificationServer::Received sev2 = m_server.received.first();
    QVERIFY2(sev2.summary.contains(QStringLiteral("Stale pack")) &&
                 sev2.summary.contains(QStringLiteral("kl")),
             qPrintable(sev2.summary));
    QVERIFY(sev2.body.contains(QStringLiteral("pause confidence claims")));
    QCOMPARE(sev2.hints.value(QStringLiteral("urgency")).toInt(), 1);
    QCOMPARE(sev2.timeout, -1);
    QVERIFY(sev2.actions.contains(QStringLiteral("open")) &&
            sev2.actions.contains(QStringLiteral("acknowledge")));
    QCOMPARE(w.lastNotificationChannel(), QStringLiteral("desktop"));

    // A SEV-1 is critical and stays until dismissed.
    Q_EMIT panel->alertFired(QStringLiteral("SEV-1 Resolver health firing for my"),
                             QStringLiteral("First action: …"), QStringLiteral("SEV-1"),
                             QStringLiteral("resolver-health"), QStringLiteral("my"));
    QTRY_COMPARE(m_server.received.size(), 2);
    QCOMPARE(m_server.received.last().hints.value(QStringLiteral("urgency")).toInt(), 2);
    QCOMPARE(m_server.received.last().timeout, 0);

    // The operator is elsewhere; "Acknowledge…" on the SEV-2 brings the window to its cell.
    auto *stack = w.findChild<QStackedWidget *>(QStringLiteral("panels"));
    w.showPanel(4);
    QVERIFY(stack->currentWidget() != panel);
    auto *matrix = panel->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    matrix->setCurrentIndex(matrix->model()->index(0, 0));
    Q_EMIT m_server.ActionInvoked(sev2.id, QStringLiteral("acknowledge"));
    QTRY_COMPARE(stack->currentWidget(), static_cast<QWidget *>(panel));
    QCOMPARE(matrix->currentIndex().data(AlertMatrixModel::AlertIdRole).toString(),
             QStringLiteral("stale-pack"));
    QCOMPARE(matrix->currentIndex().data(AlertMatrixModel::ScopeRole).toString(), QStringLiteral("kl"));
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(panel->findChild<QLineEdit *>(QStringLiteral("acknowledgeNote"))));
    // Another program's notification id is not ours to act on.
    matrix->setCurrentIndex(matrix->model()->index(0, 0));
    Q_EMIT m_server.ActionInvoked(999, QStringLiteral("open"));
    QTest::qWait(0);
    QCOMPARE(matrix->currentIndex().row(), 0);
}

// The headless monitor's notices: what fires or escalates at SEV-1 and SEV-2, without actions;
// never a clearing or a SEV-3; and nothing while a window is open on the store (the window tells
// the desktop itself, with its actions: one notification a firing, not two).
void TestDesktopNotify::aMonitorLeavesTheDesktopToAnOpenWindow() {
    test::TempDir dir;
    const QString store = dir.file(QStringLiteral("evidence.sqlite"));
    DesktopNotifier desktop;
    desktop.setOffersActions(false);
    desktop.setToldElsewhere([&store] { return Startup::windowOpenFor(store); });
    QTRY_VERIFY(desktop.serverAvailable());
    Notice n;
    n.trigger = QStringLiteral("fired");
    n.alertId = QStringLiteral("resolver-health");
    n.alertName = QStringLiteral("Resolver health");
    n.scope = QStringLiteral("kl");
    n.severity = QStringLiteral("SEV-2");
    n.firstAction = QStringLiteral("check the publisher read path");
    const qsizetype before = m_server.received.size();
    QVERIFY(desktop.notice(n));
    QTRY_COMPARE(m_server.received.size(), before + 1);
    QCOMPARE(m_server.received.last().summary, QStringLiteral("SEV-2 Resolver health firing for kl"));
    QCOMPARE(m_server.received.last().body, QStringLiteral("First action: check the publisher read path"));
    QVERIFY(m_server.received.last().actions.isEmpty());
    Notice cleared = n;
    cleared.trigger = QStringLiteral("cleared");
    QVERIFY(!desktop.notice(cleared));
    Notice minor = n;
    minor.severity = QStringLiteral("SEV-3");
    QVERIFY(!desktop.notice(minor));
    // A window opens on the store (where the one window listens for a second start).
    QLocalServer window;
    QVERIFY(window.listen(Startup::windowBase(store) + QStringLiteral(".sock")));
    QVERIFY(Startup::windowOpenFor(store));
    QVERIFY(!desktop.notice(n));
    window.close();
    QVERIFY(!Startup::windowOpenFor(store));
    n.trigger = QStringLiteral("escalated");
    QVERIFY(desktop.notice(n));
    QTRY_COMPARE(m_server.received.size(), before + 2);
    QCOMPARE(m_server.received.last().summary,
             QStringLiteral("SEV-2 Resolver health firing for kl, not acknowledged"));
}

// The monitor keeps what it told the desktop in a file of the user's state: started again (a new
// notifier on the same file), it does not tell the same firing again, but tells a new firing of
// the cell, and an escalation of it once; a ledger it cannot read is no reason to stay silent.
void TestDesktopNotify::aRestartedMonitorTellsAFiringOnce() {
    test::TempDir dir;
    const QString ledger = dir.file(QStringLiteral("state/desktop-notices.json"));
    Notice n;
    n.trigger = QStringLiteral("fired");
    n.alertId = QStringLiteral("stale-pack");
    n.alertName = QStringLiteral("Stale pack");
    n.scope = QStringLiteral("kl");
    n.severity = QStringLiteral("SEV-1");
    n.firingSinceMs = 1795410000000;
    n.tsMs = 1795410030000;
    const qsizetype before = m_server.received.size();
    {
        DesktopNotifier first;
        first.setLedger(ledger);
        QTRY_VERIFY(first.serverAvailable());
        QVERIFY(first.notice(n));
        QTRY_COMPARE(m_server.received.size(), before + 1);
    }
    QCOMPARE(QFileInfo(ledger).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    DesktopNotifier restarted;
    restarted.setLedger(ledger);
    QTRY_VERIFY(restarted.serverAvailable());
    QVERIFY(restarted.notice(n)); // handled: told before
    Notice escalated = n;
    escalated.trigger = QStringLiteral("escalated");
    escalated.tsMs += 15 * 60000;
    QVERIFY(restarted.notice(escalated));
    QVERIFY(restarted.notice(escalated));
    Notice again = n; // the cell cleared and fires anew
    again.firingSinceMs = n.tsMs + 3600000;
    again.tsMs = again.firingSinceMs + 30000;
    QVERIFY(restarted.notice(again));
    QTRY_COMPARE(m_server.received.size(), before + 3);
    QVERIFY(m_server.received.at(before + 1).summary.endsWith(QStringLiteral("not acknowledged")));
    QCOMPARE(m_server.received.at(before + 2).summary, QStringLiteral("SEV-1 Stale pack firing for kl"));
    // A ledger that is not JSON is read as empty: the firing is told (and the file made right).
    {
        QFile bad(ledger);
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(bad.write("not json") > 0);
    }
    DesktopNotifier third;
    third.setLedger(ledger);
    QTRY_VERIFY(third.serverAvailable());
    QVERIFY(third.notice(n));
    QTRY_COMPARE(m_server.received.size(), before + 4);
    QVERIFY(third.notice(n)); // told: not again
    Notice later = again;
    later.trigger = QStringLiteral("escalated");
    QVERIFY(third.notice(later)); // what arrives next is this one, not the repeat
    QTRY_COMPARE(m_server.received.size(), before + 5);
    QVERIFY(m_server.received.at(before + 4).summary.endsWith(QStringLiteral("not acknowledged")));
}

void TestDesktopNotify::trayIsTheFallbackWithoutAServer() {
    QVERIFY(m_serverBus.unregisterService(QString::fromLatin1(DesktopNotifier::kService)));
    test::StoreFixture f;
    f.store.reset();
    MainWindow w(context(f.path));
    QVERIFY(!w.desktopNotifier()->serverAvailable());
    const int before = static_cast<int>(m_server.received.size());
    for (int i = 0; i < 3; ++i)
        w.alertsPanel()->evaluateRound(test::manifestRound(true, Time::nowMs()));
    QVERIFY(w.lastNotification().contains(QStringLiteral("Stale pack")));
    QVERIFY(w.lastNotificationChannel() != QLatin1String("desktop"));
    QCOMPARE(m_server.received.size(), before);
    QVERIFY(m_serverBus.registerService(QString::fromLatin1(DesktopNotifier::kService)));
}

// A private session bus for this test, started before the application touches D-Bus.
int main(int argc, char **argv) {
    const int bus = test::startSessionBus();
    if (bus < 0)
        return 1;
    // The bus may activate a keyring; this test has no business with it.
    ::setenv("OPSCONSOLE_KEYCHAIN", "off", 1);
    int rc = 0;
    {
        QApplication app(argc, argv);
        TestDesktopNotify t;
        rc = QTest::qExec(&t, argc, argv);
    }
    test::stopSessionBus(bus);
    return rc;
}

#include "tst_desktopnotify.moc"
