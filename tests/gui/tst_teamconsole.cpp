// The console on the team log, offscreen, beside consoles in other processes on the same database:
// their acts reach its panels through LISTEN/NOTIFY, its status bar names the backend and the
// witnesses, and a lost connection shows at once and heals; with the server down it works from its
// verified copy of the log and syncs its acts when the server is back.
#include "MainWindow.h"
#include "alerts/AlertMatrixModel.h"
#include "alerts/AlertRules.h"
#include "alerts/AlertsPanel.h"
#include "common/Colours.h"
#include "core/Time.h"
#include "evidence/EvidencePanel.h"
#include "firstrun/FirstRunDialog.h"
#include "incidents/Incidents.h"
#include "incidents/IncidentsPanel.h"
#include "incidents/OpenIncidentDialog.h"
#include "monitor/AlertMonitor.h"
#include "monitor/LoggedAlerts.h"
#include "monitor/TeamRecorder.h"
#include "runtime/AppContext.h"
#include "store/EventTableModel.h"
#include "store/Outbox.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/StoreHost.h"
#include "store/TeamLogCopy.h"

#include "CliHarness.h"
#include "PgFixture.h"
#include "TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace ops;
using namespace ops::test;
using namespace ops::ui;

class TestTeamConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void followsTheTeamThroughNotifications();
    void worksWithoutTheServerAndSyncs();
    void acknowledgesOnTheTeamLog();
    void joinsATeamLogFromTheFirstRun();

private:
    PgServer m_server;
    std::unique_ptr<TempDir> m_settingsDir;
};

namespace {

QByteArray teamYaml() {
    QFile f(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("demo config missing");
    return f.readAll() + "\nstore: {app_role: team_app}\n";
}

} // namespace

void TestTeamConsole::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_settingsDir = std::make_unique<TempDir>();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole-test"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole-test"));
    m_server = PgServer::fromFixture();
    QVERIFY2(m_server.problem.isEmpty(), qPrintable(m_server.problem));
}

void TestTeamConsole::followsTheTeamThroughNotifications() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    const QString ownerUrl = m_server.url(db.value(), QStringLiteral("team_owner"));
    const QString appUrl = m_server.url(db.value(), QStringLiteral("team_app"));
    // Two other consoles (processes with their own keys): alice, the genesis admin and operator,
    // and bob, a reviewer she approved.
    Cli alice(teamYaml(), QString());
    Cli bob(teamYaml(), QString());
    RUN_OK(alice({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl, QStringLiteral("--roles"),
                  QStringLiteral("operator,incident-owner")},
                 QStringLiteral("alice")));
    RUN_OK(bob({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("bob"),
                QStringLiteral("--roles"), QStringLiteral("reviewer"), QStringLiteral("--store"), appUrl}));
    RUN_OK(alice({QStringLiteral("identity"), QStringLiteral("approve"), QStringLiteral("bob"),
                  QStringLiteral("--store"), appUrl},
                 QStringLiteral("alice")));

    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = ConfigLoader::builtinDemo().value();
    ctx.config.trust.witnessQuorum = 1;
    ctx.storePath = appUrl;
    MainWindow w(ctx);
    w.app()->host()->setPollIntervalMs(0); // the notifications alone must carry every change
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *status = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("3 events")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("· team log ")), qPrintable(status->text()));
    QVERIFY2(
        status->toolTip().contains(QStringLiteral("team log ") + db.value() + QStringLiteral("@localhost")),
        qPrintable(status->toolTip()));
    QVERIFY2(status->text().contains(QStringLiteral("not yet witnessed")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QStringLiteral("PROBLEM")));
    // No secret and no socket path in what the operator sees.
    QVERIFY(!status->text().contains(m_server.socketDir));
    QVERIFY(!status->toolTip().contains(m_server.socketDir));
    auto *incidents = w.incidentsPanel()->findChild<QTableView *>(QStringLiteral("incidentList"));
    QCOMPARE(incidents->model()->rowCount(), 0);

    // alice opens an incident on her console: it appears here without a click or a poll.
    auto opened =
        RUN_OK(alice({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                      QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("kl"),
                      QStringLiteral("--json"), QStringLiteral("--store"), appUrl},
                     QStringLiteral("alice")));
    QVERIFY(opened.exitCode == 0);
    QTRY_COMPARE(incidents->model()->rowCount(), 1);
    QTRY_VERIFY2(status->text().contains(QStringLiteral("4 events")), qPrintable(status->text()));

    // bob's console witnesses the log: the cosignature's notification updates the witnesses here.
    RUN_OK(bob({QStringLiteral("evidence"), QStringLiteral("witness"), QStringLiteral("--store"), appUrl},
               QStringLiteral("bob")));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("witnessed by bob (1 of 1)")),
                 qPrintable(status->text()));

    // The server drops this console's connections (a restart, a network cut): shown at once, never
    // as healthy, and healed when the server answers again.
    auto admin = m_server.admin();
    QVERIFY(admin.ok());
    const QByteArray kill = QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                           "datname = '%1' AND pid <> pg_backend_pid()")
                                .arg(db.value())
                                .toUtf8();
    QVERIFY(admin->exec(kill.constData()).ok());
    QTRY_VERIFY2(status->text().contains(QStringLiteral("PROBLEM")) &&
                     status->text().contains(QStringLiteral("lost")),
                 qPrintable(status->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(!status->text().contains(QStringLiteral("PROBLEM")), qPrintable(status->text()),
                              30000);
    // And the team's next act arrives again.
    RUN_OK(alice({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                  QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("sg"),
                  QStringLiteral("--store"), appUrl},
                 QStringLiteral("alice")));
    QTRY_COMPARE(incidents->model()->rowCount(), 2);

    // The Evidence panel browses the team log by position (newest first) and opens an event's
    // proof, with the witnesses of the checkpoint it reaches; search and filters run there too.
    w.showPanel(4);
    auto *events = w.evidencePanel()->findChild<QTableView *>(QStringLiteral("eventTable"));
    auto *count = w.evidencePanel()->findChild<QLabel *>(QStringLiteral("matchCount"));
    QTRY_COMPARE(events->model()->rowCount(), 5);
    QVERIFY2(count->text().startsWith(QStringLiteral("5 event")) &&
                 count->text().endsWith(QStringLiteral("in the team log")),
             qPrintable(count->text()));
    QVERIFY(w.evidencePanel()->findChild<QLineEdit *>(QStringLiteral("eventSearch"))->isEnabled());
    QCOMPARE(events->model()->index(0, 0).data().toString(), QStringLiteral("5"));
    QCOMPARE(events->model()->index(0, 2).data().toString(), QStringLiteral("incident.opened"));
    QCOMPARE(events->model()->index(4, 2).data().toString(), QStringLiteral("identity.created"));
    events->sortByColumn(0, Qt::AscendingOrder);
    QTRY_COMPARE(events->model()->index(0, 0).data().toString(), QStringLiteral("1"));
    events->selectRow(4);
    auto *header = w.evidencePanel()->findChild<QLabel *>(QStringLiteral("detailHeader"));
    auto *proof = w.evidencePanel()->findChild<QLabel *>(QStringLiteral("proofStatus"));
    QTRY_VERIFY2(header->text().startsWith(QStringLiteral("Event 5")), qPrintable(header->text()));
    QVERIFY2(proof->property("verified").toBool(), qPrintable(proof->text()));
    // The ids it names, from the team log's id index as from the file's.
    auto *related = w.evidencePanel()->findChild<QListView *>(QStringLiteral("relatedList"));
    QVERIFY(related && related->model()->rowCount() >= 1);
    QVERIFY2(related->model()->index(0, 0).data().toString().startsWith(QStringLiteral("About INC-")),
             qPrintable(related->model()->index(0, 0).data().toString()));
    QVERIFY2(proof->text().contains(QStringLiteral("no console has cosigned this checkpoint yet")),
             qPrintable(proof->text()));
    RUN_OK(bob({QStringLiteral("evidence"), QStringLiteral("witness"), QStringLiteral("--store"), appUrl},
               QStringLiteral("bob")));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("witnessed by bob")), qPrintable(status->text()));
    w.evidencePanel()->showEventDetail(5);
    QVERIFY2(proof->text().contains(QStringLiteral("cosigned by bob")), qPrintable(proof->text()));
    // Verify store recomputes the team log on a connection of its own, off the GUI thread.
    QSignalSpy verified(w.evidencePanel(), &EvidencePanel::verifyFinished);
    QTest::mouseClick(w.evidencePanel()->findChild<QPushButton *>(QStringLiteral("verifyStoreButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 60000);
    QCOMPARE(verified.first().first().toBool(), true);
    QVERIFY(!w.evidencePanel()->findChild<QToolButton *>(QStringLiteral("exportButton"))->isEnabled());
    // The alert matrix of the team log: alice's console records two full rounds (the rules
    // evaluated into the log); this window's next round shows the cells the log says, and says
    // it records nothing itself.
    for (int i = 0; i < 2; ++i) {
        auto round =
            alice({QStringLiteral("probe"), QStringLiteral("--record"), QStringLiteral("--store"), appUrl},
                  QStringLiteral("alice"));
        QVERIFY2(round.err.contains("the alert matrix with"), round.err.constData());
    }
    const JsonValue logged = parseJson(
        alice({QStringLiteral("alerts"), QStringLiteral("--json"), QStringLiteral("--store"), appUrl}).out);
    QVERIFY(!logged.toArray().empty());
    QHash<QString, QString> loggedStates;
    for (const JsonValue &c : logged.toArray())
        loggedStates.insert(c.stringAt("alert") + QLatin1Char('|') + c.stringAt("scope"),
                            c.stringAt("state"));
    auto *matrix = w.alertsPanel()->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    QVERIFY(matrix);
    const auto shownStates = [matrix] {
        QHash<QString, QString> shown;
        QAbstractItemModel *m = matrix->model();
        for (int row = 0; row < m->rowCount(); ++row)
            for (int col = 0; col < m->columnCount(); ++col) {
                const QModelIndex i = m->index(row, col);
                const QString id = i.data(AlertMatrixModel::AlertIdRole).toString();
                if (!id.isEmpty())
                    shown.insert(id + QLatin1Char('|') + i.data(AlertMatrixModel::ScopeRole).toString(),
                                 alertStateName(AlertState(i.data(AlertMatrixModel::StateRole).toInt())));
            }
        return shown;
    };
    QTest::mouseClick(w.alertsPanel()->findChild<QPushButton *>(QStringLiteral("probeNowButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(shownStates() == loggedStates, 60000);
    QVERIFY(loggedStates.values().contains(QStringLiteral("firing")) ||
            loggedStates.values().contains(QStringLiteral("ok")));
    auto *recording = w.alertsPanel()->findChild<QLabel *>(QStringLiteral("recordingLabel"));
    QVERIFY(recording);
    QVERIFY2(recording->text().contains(QStringLiteral("records nothing itself")),
             qPrintable(recording->text()));

    // For a person to look at (OPSCONSOLE_SHOT_DIR): the window on the team log, two panels.
    if (const QString dir = qEnvironmentVariable("OPSCONSOLE_SHOT_DIR"); !dir.isEmpty()) {
        w.resize(1400, 860);
        w.showPanel(1);
        QTest::qWait(0);
        w.grab().save(dir + QStringLiteral("/team-incidents.png"));
        w.showPanel(4);
        w.evidencePanel()->showEventDetail(5);
        QTest::qWait(0);
        w.grab().save(dir + QStringLiteral("/team-evidence.png"));
    }
}

// The server goes down (a crash); the window says so at once, goes on from its verified copy, and
// the operator opens an incident as always: it shows in the list and the status bar counts it as
// UNSYNCED; when the server is back the act is synced and the incident keeps its id.
void TestTeamConsole::worksWithoutTheServerAndSyncs() {
    TempDir dir;
    OwnPgCluster cluster(dir.file(QStringLiteral("cluster")));
    QVERIFY2(cluster.server.problem.isEmpty(), qPrintable(cluster.server.problem));
    auto db = cluster.server.freshDatabase();
    QVERIFY(db.ok());
    const QString appUrl = cluster.server.url(db.value(), QStringLiteral("team_app"));
    const Signer alice{QStringLiteral("alice"), crypto::PrivateKey::generate().value()};
    {
        StoreOpenOptions o;
        o.create = true;
        auto created = PgEvidenceStore::open(cluster.server.url(db.value(), QStringLiteral("team_owner")), o,
                                             QStringLiteral("team_app"));
        QVERIFY(created.ok());
        QVERIFY(created.value()
                    ->registerIdentity(alice, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
                    .ok());
    }
    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = ConfigLoader::builtinDemo().value();
    ctx.storePath = appUrl;
    MainWindow w(ctx);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.app()->session()->unlockWith(Signer{alice.name, alice.key.duplicate()});
    StoreHost *host = w.app()->host();
    // Signed in, the console witnesses the log and keeps its copy.
    QTRY_VERIFY(host->teamCopy() && host->teamCopy()->size() == 1);
    auto *status = w.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QVERIFY(!status->text().contains(QStringLiteral("PROBLEM")));

    QVERIFY(cluster.crash());
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("PROBLEM")) &&
                                  status->text().contains(QStringLiteral("verified copy")),
                              qPrintable(status->text()), 30000);
    // The Alerts panel does not guess whether the team log's recorder still records.
    w.showPanel(0);
    QTest::mouseClick(w.alertsPanel()->findChild<QPushButton *>(QStringLiteral("probeNowButton")),
                      Qt::LeftButton);
    auto *recording = w.alertsPanel()->findChild<QLabel *>(QStringLiteral("recordingLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(recording->text().contains(QStringLiteral("the team log cannot be reached")),
                              qPrintable(recording->text()), 60000);
    w.showPanel(1);
    auto *incidents = w.incidentsPanel()->findChild<QTableView *>(QStringLiteral("incidentList"));
    QCOMPARE(incidents->model()->rowCount(), 0);
    bool confirmed = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<OpenIncidentDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("incidentTrigger"))
            ->setText(QStringLiteral("publisher hangs in kl"));
        auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openIncidentConfirm"));
        confirmed = open->isEnabled();
        QTest::mouseClick(open, Qt::LeftButton);
    });
    QTest::mouseClick(w.incidentsPanel()->findChild<QPushButton *>(QStringLiteral("newIncidentButton")),
                      Qt::LeftButton);
    QVERIFY(confirmed);
    QTRY_COMPARE(incidents->model()->rowCount(), 1);
    const QString id = w.incidentsPanel()->currentIncident();
    QVERIFY2(id.startsWith(QStringLiteral("INC-")), qPrintable(id));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("UNSYNCED: 1 act since")),
                 qPrintable(status->text()));
    // The confirmation names no position: the act has none in the team log yet.
    const QString confirmation =
        w.incidentsPanel()->findChild<QLabel *>(QStringLiteral("incidentStatus"))->text();
    QVERIFY2(confirmation.contains(QStringLiteral("waits in the outbox")) &&
                 !confirmation.contains(QStringLiteral("event 2")),
             qPrintable(confirmation));
    // The Evidence panel tells the copy from the acts made here.
    w.showPanel(4);
    auto *count = w.evidencePanel()->findChild<QLabel *>(QStringLiteral("matchCount"));
    QTRY_VERIFY2(
        count->text().startsWith(QStringLiteral("Offline — this console's copy of the team log: 1;")) &&
            count->text().endsWith(QStringLiteral("not in the team log yet: 1")),
        qPrintable(count->text()));
    // Every panel works from the copy while offline, and none shows it as healthy.
    const QString shots = qEnvironmentVariable("OPSCONSOLE_SHOT_DIR");
    for (int i = 0; i < w.panelCount(); ++i) {
        w.showPanel(i);
        QTest::qWait(0);
        QVERIFY2(status->text().contains(QStringLiteral("PROBLEM")), qPrintable(status->text()));
        if (!shots.isEmpty()) {
            w.resize(1400, 860);
            w.grab().save(shots + QStringLiteral("/team-offline-%1.png").arg(i));
        }
    }
    w.showPanel(1);

    QVERIFY(cluster.restart());
    QTRY_VERIFY2_WITH_TIMEOUT(!status->text().contains(QStringLiteral("PROBLEM")) &&
                                  !status->text().contains(QStringLiteral("UNSYNCED")),
                              qPrintable(status->text()), 60000);
    QCOMPARE(host->outbox()->waiting()->count, 0);
    QTRY_COMPARE(incidents->model()->rowCount(), 1);
    auto team = PgEvidenceStore::open(appUrl);
    QVERIFY(team.ok());
    auto book = IncidentBook::load(*team.value());
    QVERIFY(book.ok());
    QCOMPARE(book->incidents().size(), 1);
    QCOMPARE(book->incidents().first().id, id);
}

// The team log's recorder (the headless monitor's TeamRecorder, here in the test's process, signed
// as rob) makes cells fire into the log; the operator at the window sees them and acknowledges
// one from the Alerts panel: a signed event on the team log that every console reads and the
// recorder's next round keeps.
void TestTeamConsole::acknowledgesOnTheTeamLog() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    const QString appUrl = m_server.url(db.value(), QStringLiteral("team_app"));
    const Signer alice{QStringLiteral("alice"), crypto::PrivateKey::generate().value()};
    const Signer rob{QStringLiteral("rob"), crypto::PrivateKey::generate().value()};
    {
        StoreOpenOptions o;
        o.create = true;
        auto created = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_owner")), o,
                                             QStringLiteral("team_app"));
        QVERIFY(created.ok());
        QVERIFY(created.value()
                    ->registerIdentity(alice, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
                    .ok());
        QVERIFY(created.value()->registerIdentity(rob, {QStringLiteral("operator")}).ok());
        QVERIFY(created.value()->approveIdentity(alice, rob.name).ok());
    }
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    auto recorderLog = PgEvidenceStore::open(appUrl);
    QVERIFY(recorderLog.ok());
    TempDir state;
    TeamRecorder recorder(config, AlertRules::forConfig(config).value(), recorderLog.value().get(),
                          Signer{rob.name, rob.key.duplicate()}, Secret(QByteArrayLiteral("t")),
                          RunbookLibrary(), state.path());
    QCOMPARE(recorder.hold(), QString());
    // A second recorder on another connection is refused while this one holds the lock.
    {
        auto other = PgEvidenceStore::open(appUrl);
        QVERIFY(other.ok());
        TeamRecorder second(config, AlertRules::forConfig(config).value(), other.value().get(),
                            Signer{alice.name, alice.key.duplicate()}, Secret(QByteArrayLiteral("t")),
                            RunbookLibrary(), state.path());
        QVERIFY(second.hold().contains(QStringLiteral("another console is recording")));
    }
    // Nothing answers at the demo's addresses: the probes fail, and their cells fire through the
    // damping, round after round, into the log.
    QSignalSpy rounds(&recorder, &TeamRecorder::roundFinished);
    const auto firingCell = [&recorder]() -> AlertCell {
        for (const AlertCell &c : recorder.cells())
            if (c.state == AlertState::Firing)
                return c;
        return AlertCell();
    };
    for (int i = 0; i < 8 && firingCell().alertId.isEmpty(); ++i) {
        recorder.runRound();
        QTRY_COMPARE_WITH_TIMEOUT(rounds.count(), i + 1, 60000);
        QVERIFY2(recorder.recordingProblem().isEmpty(), qPrintable(recorder.recordingProblem()));
    }
    const AlertCell target = firingCell();
    QVERIFY2(!target.alertId.isEmpty(), "no cell fired after eight failed rounds");
    QCOMPARE(recorder.recordedRounds(), rounds.count());

    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = config;
    ctx.storePath = appUrl;
    MainWindow w(ctx);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.app()->session()->unlockWith(Signer{alice.name, alice.key.duplicate()});
    w.showPanel(0);
    auto *matrix = w.alertsPanel()->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    QVERIFY(matrix);
    auto *matrixModel = qobject_cast<AlertMatrixModel *>(matrix->model());
    QVERIFY(matrixModel);
    const auto indexOf = [matrixModel](const QString &alert, const QString &scope) {
        return matrixModel->indexOf(alert, scope);
    };
    QTest::mouseClick(w.alertsPanel()->findChild<QPushButton *>(QStringLiteral("probeNowButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        AlertState(indexOf(target.alertId, target.scope).data(AlertMatrixModel::StateRole).toInt()),
        AlertState::Firing, 60000);
    // Who records the team log, and when it last did, at a glance.
    auto *recording = w.alertsPanel()->findChild<QLabel *>(QStringLiteral("recordingLabel"));
    QVERIFY(recording);
    QTRY_VERIFY2(recording->text().contains(QStringLiteral("recorded by rob on the team log")),
                 qPrintable(recording->text()));
    // A normal state while rob's rounds keep coming: not said in the colour of a failure.
    QVERIFY2(!recording->styleSheet().contains(QLatin1String(colours::kRed)),
             qPrintable(recording->styleSheet()));
    matrix->setCurrentIndex(indexOf(target.alertId, target.scope));
    auto *note = w.alertsPanel()->findChild<QLineEdit *>(QStringLiteral("acknowledgeNote"));
    auto *ack = w.alertsPanel()->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"));
    QVERIFY(note && ack);
    QVERIFY(!ack->isEnabled()); // a note first
    QTest::keyClicks(note, QStringLiteral("on it from the team console"));
    QVERIFY(ack->isEnabled());
    QTest::mouseClick(ack, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        AlertState(indexOf(target.alertId, target.scope).data(AlertMatrixModel::StateRole).toInt()),
        AlertState::Acknowledged, 60000);

    // In the log, signed by alice, for every console; the recorder's next round keeps it.
    const auto logged = [&]() -> AlertCell {
        auto cells = LoggedAlerts::read(*recorderLog.value());
        if (!cells.ok())
            return AlertCell();
        for (const StoredAlertCell &c : cells.value())
            if (c.cell.alertId == target.alertId && c.cell.scope == target.scope)
                return c.cell;
        return AlertCell();
    };
    QCOMPARE(logged().state, AlertState::Acknowledged);
    QCOMPARE(logged().acknowledgedBy, QStringLiteral("alice"));
    QCOMPARE(logged().acknowledgeNote, QStringLiteral("on it from the team console"));
    const int before = static_cast<int>(rounds.count());
    recorder.runRound();
    QTRY_COMPARE_WITH_TIMEOUT(rounds.count(), before + 1, 60000);
    QVERIFY2(recorder.recordingProblem().isEmpty(), qPrintable(recorder.recordingProblem()));
    QCOMPARE(logged().state, AlertState::Acknowledged);
    QVERIFY(recorderLog.value()->verify(VerifyOptions{}).value().intact);

    // The Evidence panel searches the team log: the acknowledgement by its words, then by kind
    // and actor from the filters the log's own values fill; matches counted as the team log's.
    w.showPanel(4);
    EvidencePanel *evidence = w.evidencePanel();
    auto *search = evidence->findChild<QLineEdit *>(QStringLiteral("eventSearch"));
    auto *table = evidence->findChild<QTableView *>(QStringLiteral("eventTable"));
    auto *count = evidence->findChild<QLabel *>(QStringLiteral("matchCount"));
    QVERIFY(search && table && count);
    QTRY_VERIFY(search->isEnabled());
    QTest::keyClicks(search, QStringLiteral("\"from the team console\""));
    // The acknowledgement, and the round after it, whose cells carry the note.
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 30000);
    QCOMPARE(table->model()->index(0, EventTableModel::Kind).data().toString(),
             QStringLiteral("probe.round"));
    QCOMPARE(table->model()->index(1, EventTableModel::Kind).data().toString(),
             QStringLiteral("alert.acknowledged"));
    QCOMPARE(table->model()->index(1, EventTableModel::Actor).data().toString(), QStringLiteral("alice"));
    QVERIFY2(count->text().contains(QStringLiteral("matching event")), qPrintable(count->text()));
    search->clear();
    auto *kinds = evidence->findChild<QComboBox *>(QStringLiteral("kindFilter"));
    auto *actors = evidence->findChild<QComboBox *>(QStringLiteral("actorFilter"));
    QVERIFY(kinds && actors);
    QVERIFY(kinds->findData(QStringLiteral("probe.round")) >= 0);
    actors->setCurrentIndex(actors->findData(QStringLiteral("rob")));
    kinds->setCurrentIndex(kinds->findData(QStringLiteral("probe.round")));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), recorder.recordedRounds(), 30000);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, EventTableModel::Actor).data().toString(), QStringLiteral("rob"));

    // When the recorder's rounds stop coming (here: this console's clock past the freshness
    // window), nobody records transitions: the Alerts panel says so, in red.
    AlertMonitor *monitor = w.alertsPanel()->monitor();
    const qint64 later = Time::nowMs() + AlertMonitor::freshnessWindowMs(config) + 60 * 1000;
    monitor->setClock([later] { return later; });
    w.showPanel(0);
    QTest::mouseClick(w.alertsPanel()->findChild<QPushButton *>(QStringLiteral("probeNowButton")),
                      Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(recording->text().contains(QStringLiteral("Nobody records the team log now")),
                              qPrintable(recording->text()), 60000);
    QVERIFY(recording->text().contains(QStringLiteral("rob")));
    QVERIFY(recording->styleSheet().contains(QLatin1String(colours::kRed)));
}

// A newcomer on an empty machine joins the team log from the first-run flow, without a terminal:
// the URL and a name, the roles to request and a passphrase; the request is on the team log, the
// key is encrypted on this machine only, and once an admin approves it the command line acts with
// it on the team log.
void TestTeamConsole::joinsATeamLogFromTheFirstRun() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    const QString appUrl = m_server.url(db.value(), QStringLiteral("team_app"));
    const Signer alice{QStringLiteral("alice"), crypto::PrivateKey::generate().value()};
    {
        StoreOpenOptions o;
        o.create = true;
        auto created = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_owner")), o,
                                             QStringLiteral("team_app"));
        QVERIFY(created.ok());
        QVERIFY(created.value()->registerIdentity(alice, {QStringLiteral("operator")}).ok());
    }
    TempDir home;
    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = ConfigLoader::builtinDemo().value();
    ctx.storePath = home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QSettings().remove(QStringLiteral("store/url"));
    FirstRunDialog dialog(ctx, home.file(QStringLiteral("data/opsconsole/keys")),
                          home.file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QCommandLinkButton *>(QStringLiteral("firstRunJoin")), Qt::LeftButton);
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("firstRunUrl"));
    QTRY_VERIFY(url->isVisible());
    QTest::keyClicks(url, appUrl);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("firstRunJoinName"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("olga"));
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("firstRunJoinRole-operator"))->isChecked());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstRunJoinPassphrase")),
                     QStringLiteral("a long enough passphrase"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstRunJoinPassphraseAgain")),
                     QStringLiteral("a long enough passphrase"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("firstRunJoinConfirm")), Qt::LeftButton);
    auto *done = dialog.findChild<QLabel *>(QStringLiteral("firstRunDone"));
    QTRY_VERIFY2(done->isVisible(),
                 qPrintable(dialog.findChild<QLabel *>(QStringLiteral("firstRunJoinError"))->text()));
    QVERIFY2(done->text().contains(QStringLiteral("olga")), qPrintable(done->text()));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::TeamLog);
    QCOMPARE(dialog.storePath(), appUrl);
    QCOMPARE(dialog.identity(), QStringLiteral("olga"));
    QCOMPARE(QSettings().value(QStringLiteral("store/url")).toString(), appUrl);
    QFile key(home.file(QStringLiteral("data/opsconsole/keys/olga.pem")));
    QVERIFY2(key.open(QIODevice::ReadOnly), qPrintable(key.fileName()));
    QVERIFY(key.readAll().contains("ENCRYPTED"));
    QVERIFY(!QFileInfo::exists(ctx.storePath)); // no local store is made for a team member

    // On the team log: a request, not yet an identity that may act.
    auto log = PgEvidenceStore::open(appUrl);
    QVERIFY(log.ok());
    auto olga = log.value()->identity(QStringLiteral("olga"));
    QVERIFY(olga.ok());
    QVERIFY(!olga->approved());
    ProgramRunner cli(home);
    cli.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    cli.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("a long enough passphrase"));
    const QStringList act{
        QStringLiteral("signal"),  QStringLiteral("record"),  QStringLiteral("publish_blocked"),
        QStringLiteral("--scope"), QStringLiteral("my"),      QStringLiteral("--identity"),
        QStringLiteral("olga"),    QStringLiteral("--store"), appUrl};
    auto early = cli.run(QStringLiteral("opsconsole-cli"), act);
    QCOMPARE(early.exitCode, 4);
    QVERIFY(log.value()->approveIdentity(alice, QStringLiteral("olga")).ok());
    auto approved = cli.run(QStringLiteral("opsconsole-cli"), act);
    QVERIFY2(approved.exitCode == 0, QByteArray(approved.out + approved.err).constData());
    EventFilter signals;
    signals.kind = QStringLiteral("signal.publish_blocked");
    const QList<StoredEvent> recorded = log.value()->query(signals).value();
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().actor, QStringLiteral("olga"));
    QSettings().remove(QStringLiteral("store/url"));
}

QTEST_MAIN(TestTeamConsole)
#include "tst_teamconsole.moc"
