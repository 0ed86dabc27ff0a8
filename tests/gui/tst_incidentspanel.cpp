// The Incidents & Rollback panel driven like an operator: an incident opened from a firing alert
// cell, the evidence form refusing a record with a field missing (highlighted, nothing written),
// a kill switch, and the rollback checklist with its clocks running and a missed deadline.
#include "ProbeRounds.h"
#include "StoreFixture.h"
#include "common/MessageBox.h"

#include "MainWindow.h"
#include "alerts/AlertsPanel.h"
#include "common/Translations.h"
#include "incidents/DecisionListModel.h"
#include "incidents/IncidentTimelineModel.h"
#include "incidents/IncidentsPanel.h"
#include "incidents/OpenIncidentDialog.h"
#include "incidents/RunStepsModel.h"
#include "monitor/AlertMonitor.h"
#include "store/Session.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

using namespace ops;
using namespace ops::ui;

class TestIncidentsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void anIncidentFromAFiringCell();
    void evidenceFormAndKillSwitch();
    void rollbackClocksDecisionsAndPostmortem();
    void rebindFromTheConsole();
    void timelineInTheReadersLanguage();

private:
    std::unique_ptr<test::TempDir> m_settings;
};

namespace {

// Answers the next question with Yes, as a person would click it (through the window's message seam).
void answerNextMessageBoxYes() {
    MessageBox::reset();
    MessageBox::setNextAnswer(QMessageBox::Yes);
}

// The question was put, and answered, once.
bool askedOnce() {
    return MessageBox::asked().size() == 1 && MessageBox::pendingAnswers() == 0;
}

QList<StoredEvent> eventsOfKind(const QString &path, const QString &kind) {
    auto store = SqliteEvidenceStore::open(path, StoreOpenOptions{});
    EventFilter f;
    f.kind = kind;
    return store.value()->query(f).value();
}

// The checklist's row of step `id` (its first column), invalid when the run has none.
QModelIndex stepIndex(QTreeView *steps, const QString &id) {
    const QAbstractItemModel *m = steps->model();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i, 0).data().toString() == id)
            return m->index(i, 0);
    return {};
}

// The status the checklist shows for step `id`.
QString stepStatus(QTreeView *steps, const QString &id) {
    const QModelIndex i = stepIndex(steps, id);
    return i.siblingAtColumn(1).data(RunStepsModel::StatusRole).toString();
}

} // namespace

void TestIncidentsPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_settings = std::make_unique<test::TempDir>();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings->path());
}

namespace {

// The shared start of the panel's scenarios: the window on a fresh store, alice (operator,
// reviewer) signed in, the demo config without a publisher (a rebind is recorded by hand).
struct Desk {
    test::StoreFixture f;
    StartupContext ctx;
    std::unique_ptr<MainWindow> w;
    bool ready = false;

    Desk() {
        f.store.reset();
        ctx.environment = Environment::Dev;
        ctx.config = ConfigLoader::builtinDemo().value();
        ctx.config.publisher.reset(); // nothing listens here
        ctx.storePath = f.path;
        w = std::make_unique<MainWindow>(ctx);
        w->resize(1400, 900);
        w->show();
        QApplication::setActiveWindow(w.get());
        ready = QTest::qWaitForWindowActive(w.get());
        w->session()->unlockWith(Signer{QStringLiteral("alice"), f.alice.key.duplicate()});
    }

    // The checkpoint the later scenarios start from, reached the way the first one gets there:
    // kl's manifest stale twice, the stale-pack cell selected, "Open incident" confirmed as
    // suggested. The incident's id, empty if it did not open.
    QString openFromFiringCell(QObject *context) {
        AlertsPanel *alerts = w->alertsPanel();
        alerts->evaluateRound(test::manifestRound(true, Time::nowMs()));
        alerts->evaluateRound(test::manifestRound(true, Time::nowMs()));
        auto *matrix = alerts->findChild<QTableView *>(QStringLiteral("alertMatrix"));
        matrix->setCurrentIndex(matrix->model()->index(1, 3));
        QTimer::singleShot(0, context, [] {
            if (auto *dialog = qobject_cast<OpenIncidentDialog *>(QApplication::activeModalWidget()))
                QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openIncidentConfirm")),
                                  Qt::LeftButton);
        });
        QTest::mouseClick(alerts->findChild<QPushButton *>(QStringLiteral("openIncidentButton")),
                          Qt::LeftButton);
        QApplication::setActiveWindow(w.get()); // back from the dialog
        if (!QTest::qWaitForWindowActive(w.get()))
            return {};
        return w->incidentsPanel()->currentIncident();
    }
};

} // namespace

// An incident opened from a firing alert cell: the dialog prefilled with the severity model's
// suggestion, the incident listed and selected, the list narrowed by what is typed.
void TestIncidentsPanel::anIncidentFromAFiringCell() {
    Desk d;
    QVERIFY(d.ready);
    test::StoreFixture &f = d.f;
    MainWindow &w = *d.w;

    // kl's manifest stale twice: the stale-pack cell fires.
    AlertsPanel *alerts = w.alertsPanel();
    alerts->evaluateRound(test::manifestRound(true, Time::nowMs()));
    alerts->evaluateRound(test::manifestRound(true, Time::nowMs()));
    auto *matrix = alerts->findChild<QTableView *>(QStringLiteral("alertMatrix"));
    matrix->setFocus();
    matrix->setCurrentIndex(matrix->model()->index(0, 0));
    QTest::keyClick(matrix, Qt::Key_Down);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(matrix, Qt::Key_Right);
    QCOMPARE(matrix->currentIndex().data().toString(), QStringLiteral("FIRING SEV-2"));

    // Open incident: the dialog comes prefilled, with the severity model's suggestion and reason.
    auto *open = alerts->findChild<QPushButton *>(QStringLiteral("openIncidentButton"));
    QVERIFY(open->isEnabled());
    QString cls, scope, trigger, suggestion, severity;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<OpenIncidentDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        cls = dialog->findChild<QComboBox *>(QStringLiteral("incidentClass"))->currentText();
        scope = dialog->findChild<QComboBox *>(QStringLiteral("incidentScope"))->currentData().toString();
        severity = dialog->findChild<QComboBox *>(QStringLiteral("incidentSeverity"))->currentText();
        trigger = dialog->findChild<QLineEdit *>(QStringLiteral("incidentTrigger"))->text();
        suggestion = dialog->findChild<QLabel *>(QStringLiteral("severitySuggestion"))->text();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openIncidentConfirm")),
                          Qt::LeftButton);
    });
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(cls, QStringLiteral("stale-pack"));
    QCOMPARE(scope, QStringLiteral("kl"));
    QCOMPARE(severity, QStringLiteral("SEV-3"));
    QVERIFY2(suggestion.contains(QStringLiteral("not a critical scope")), qPrintable(suggestion));
    QVERIFY2(trigger.contains(QStringLiteral("Stale pack")), qPrintable(trigger));
    IncidentsPanel *panel = w.incidentsPanel();
    QCOMPARE(w.currentPanel(), 1);
    QApplication::setActiveWindow(&w); // back from the dialog
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(panel->currentIncident().startsWith(QStringLiteral("INC-")));
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("incident.opened")).size(), 1);
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("incident.opened")).first().payload().stringAt("alert"),
             QStringLiteral("stale-pack"));
    QVERIFY(!panel->findChild<QLabel *>(QStringLiteral("noRuns"))->isHidden()); // no run yet
    // The incident list narrows to what is typed (id, class, scope, owner), keeping the selection.
    auto *list = panel->findChild<QTableView *>(QStringLiteral("incidentList"));
    auto *listFilter = panel->findChild<QLineEdit *>(QStringLiteral("incidentFilter"));
    QTest::keyClicks(listFilter, QStringLiteral("no-such-class"));
    QCOMPARE(list->model()->rowCount(), 0);
    listFilter->clear();
    QTest::keyClicks(listFilter, QStringLiteral("STALE"));
    QCOMPARE(list->model()->rowCount(), 1);
    listFilter->clear();
    QCOMPARE(list->model()->rowCount(), 1);
    panel->selectIncident(panel->currentIncident());
    QVERIFY(list->currentIndex().isValid());
    QAbstractItemModelTester listTester(
        panel->findChild<QTableView *>(QStringLiteral("incidentList"))->model(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *timeline = panel->findChild<QTreeView *>(QStringLiteral("timeline"));
    QCOMPARE(timeline->model()->rowCount(), 1);
    QAbstractItemModelTester timelineTester(timeline->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The runbook and rollback buttons never cut their labels: side by side where both fit, one
    // above the other in a narrow window.
    auto *runbookButton = panel->findChild<QPushButton *>(QStringLiteral("startIncidentRunbook"));
    auto *rollbackButton = panel->findChild<QPushButton *>(QStringLiteral("startIncidentRollback"));
    QVERIFY(runbookButton->isVisible() && rollbackButton->isVisible());
    const auto whole = [&] {
        return runbookButton->width() >= runbookButton->sizeHint().width() &&
               rollbackButton->width() >= rollbackButton->sizeHint().width();
    };
    QTRY_VERIFY(whole());
    QCOMPARE(rollbackButton->y(), runbookButton->y());
    // A window narrower than its hint (a small screen, a tiling window manager).
    w.setMinimumSize(1, 1);
    w.resize(850, 900);
    QTRY_VERIFY(whole());
    QVERIFY(rollbackButton->y() > runbookButton->y());
    w.resize(1400, 900);
    QTRY_VERIFY(whole());
    QTRY_COMPARE(rollbackButton->y(), runbookButton->y());
}

// The incident's evidence form and a kill switch, on an incident opened from its cell.
void TestIncidentsPanel::evidenceFormAndKillSwitch() {
    Desk d;
    QVERIFY(d.ready);
    test::StoreFixture &f = d.f;
    QVERIFY(d.openFromFiringCell(this).startsWith(QStringLiteral("INC-")));
    IncidentsPanel *panel = d.w->incidentsPanel();
    auto *timeline = panel->findChild<QTreeView *>(QStringLiteral("timeline"));

    // The evidence form with one field left empty: refused inline, the field marked, nothing written.
    auto *tabs = panel->findChild<QTabWidget *>(QStringLiteral("incidentTabs"));
    tabs->setCurrentIndex(1);
    const QMap<QString, QString> values{
        {QStringLiteral("containment_action"), QStringLiteral("paused confidence claims for kl")},
        {QStringLiteral("rollback_action"), QStringLiteral("none")},
        {QStringLiteral("verification_result"), QStringLiteral("fresh publish ok")},
        {QStringLiteral("follow_up"), QStringLiteral("alert on refresh lag earlier")}};
    for (auto it = values.begin(); it != values.end(); ++it) {
        auto *edit = panel->findChild<QLineEdit *>(QStringLiteral("evidence_") + it.key());
        QVERIFY(edit);
        QTest::keyClicks(edit, it.value());
    }
    // scope, trigger and owner came prefilled
    QCOMPARE(panel->findChild<QLineEdit *>(QStringLiteral("evidence_scope"))->text(), QStringLiteral("kl"));
    QCOMPARE(panel->findChild<QLineEdit *>(QStringLiteral("evidence_owner"))->text(),
             QStringLiteral("alice"));
    auto *failureMode = panel->findChild<QLineEdit *>(QStringLiteral("evidence_failure_mode"));
    auto *save = panel->findChild<QPushButton *>(QStringLiteral("saveEvidence"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto *error = panel->findChild<QLabel *>(QStringLiteral("evidenceError"));
    QVERIFY2(error->text().contains(QStringLiteral("Observed failure mode")), qPrintable(error->text()));
    QVERIFY(failureMode->property("missing").toBool());
    QVERIFY(failureMode->hasFocus());
    QVERIFY(eventsOfKind(f.path, QStringLiteral("incident.evidence")).isEmpty());
    QTest::keyClicks(failureMode, QStringLiteral("refresh job silently not due"));
    QVERIFY(!failureMode->property("missing").toBool());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("incident.evidence")).size(), 1);
    QVERIFY(error->text().isEmpty());

    // The AI kill switch on kl: confirmed, recorded, and the button now offers to deactivate.
    auto *ksScope = panel->findChild<QComboBox *>(QStringLiteral("killSwitchScope"));
    ksScope->setCurrentIndex(ksScope->findData(QStringLiteral("kl")));
    QTest::keyClicks(panel->findChild<QLineEdit *>(QStringLiteral("killSwitchReason")),
                     QStringLiteral("malformed AI output spike"));
    auto *ai = panel->findChild<QPushButton *>(QStringLiteral("killSwitchAi"));
    QCOMPARE(ai->text(), QStringLiteral("Activate AI lane"));
    answerNextMessageBoxYes();
    QTest::mouseClick(ai, Qt::LeftButton);
    QVERIFY(askedOnce());
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("killswitch.activated")).size(), 1);
    QCOMPARE(ai->text(), QStringLiteral("Deactivate AI lane"));
    // The timeline holds the opening, the evidence and the switch; typing narrows it.
    tabs->setCurrentIndex(0);
    QTRY_VERIFY(timeline->model()->rowCount() >= 3);
    const int all = timeline->model()->rowCount();
    auto *timelineFilter = panel->findChild<QLineEdit *>(QStringLiteral("timelineFilter"));
    QTest::keyClicks(timelineFilter, QStringLiteral("KILLSWITCH"));
    QCOMPARE(timeline->model()->rowCount(), 1);
    QVERIFY(
        timeline->model()->index(0, 3).data().toString().contains(QStringLiteral("killswitch.activated")));
    timelineFilter->clear();
    QCOMPARE(timeline->model()->rowCount(), all);
    QVERIFY(timeline->model()->index(0, 3).data().toString().contains(QStringLiteral("incident.opened")));
    QVERIFY2(panel->findChild<QLabel *>(QStringLiteral("killSwitchesActive"))
                 ->text()
                 .contains(QStringLiteral("ai on kl since")),
             qPrintable(panel->findChild<QLabel *>(QStringLiteral("killSwitchesActive"))->text()));
}

// The rollback drill on an incident opened from its cell: the clocks against an injected time,
// the steps, a missed deadline recorded, a decision in the owner's name, the postmortem.
void TestIncidentsPanel::rollbackClocksDecisionsAndPostmortem() {
    Desk d;
    QVERIFY(d.ready);
    test::StoreFixture &f = d.f;
    MainWindow &w = *d.w;
    QVERIFY(d.openFromFiringCell(this).startsWith(QStringLiteral("INC-")));
    IncidentsPanel *panel = w.incidentsPanel();

    // The rollback drill: the clocks appear, run, and show on the status bar too.
    qint64 now = Time::nowMs();
    panel->setClock([&now] { return now; });
    auto *rbScope = panel->findChild<QComboBox *>(QStringLiteral("rollbackScope"));
    rbScope->setCurrentIndex(rbScope->findData(QStringLiteral("kl")));
    panel->findChild<QCheckBox *>(QStringLiteral("rollbackDrill"))->setChecked(true);
    answerNextMessageBoxYes();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("startRollbackButton")), Qt::LeftButton);
    QVERIFY(askedOnce());
    QVERIFY(panel->currentRun().startsWith(QStringLiteral("RUN-")));
    auto *restore = panel->findChild<QLabel *>(QStringLiteral("restoreClock"));
    auto *integrity = panel->findChild<QLabel *>(QStringLiteral("integrityClock"));
    QVERIFY(restore->isVisible() && integrity->isVisible());
    QCOMPARE(restore->property("clockState").toString(), QStringLiteral("running"));
    QVERIFY2(restore->text().contains(QStringLiteral("15:00")), qPrintable(restore->text()));
    QVERIFY2(integrity->text().contains(QStringLiteral("30:00")), qPrintable(integrity->text()));
    auto *statusClock = w.findChild<QLabel *>(QStringLiteral("rollbackClockStatus"));
    QVERIFY(statusClock->isVisible());
    QVERIFY2(statusClock->text().contains(QStringLiteral("restore 15:00 left")),
             qPrintable(statusClock->text()));

    // The run is listed, selected, and the "no run" line is gone.
    auto *runs = panel->findChild<QListView *>(QStringLiteral("runList"));
    QAbstractItemModelTester runsTester(runs->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(runs->model()->rowCount(), 1);
    QVERIFY(runs->currentIndex().isValid());
    QVERIFY2(runs->currentIndex().data().toString().contains(QStringLiteral("kl")),
             qPrintable(runs->currentIndex().data().toString()));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("noRuns"))->isHidden());
    // Finished runs on request; the run in progress stays listed and open either way.
    auto *showFinished = panel->findChild<QCheckBox *>(QStringLiteral("showFinishedRuns"));
    QVERIFY(showFinished && !showFinished->isChecked());
    showFinished->click();
    QCOMPARE(runs->model()->rowCount(), 1);
    QVERIFY(runs->currentIndex().isValid());
    showFinished->click();

    // Step 1 by keyboard and button; the next pending step is selected for us.
    auto *steps = panel->findChild<QTreeView *>(QStringLiteral("steps"));
    QAbstractItemModelTester stepsTester(steps->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(steps->currentIndex().siblingAtColumn(0).data().toString(), QStringLiteral("identify-scope"));
    auto *note = panel->findChild<QLineEdit *>(QStringLiteral("stepNote"));
    auto *done = panel->findChild<QPushButton *>(QStringLiteral("stepDone"));
    auto *skip = panel->findChild<QPushButton *>(QStringLiteral("stepSkip"));
    QVERIFY(!skip->isEnabled()); // the checklist allows no skipping
    QTest::keyClicks(note, QStringLiteral("kl only"));
    QTest::mouseClick(done, Qt::LeftButton);
    QCOMPARE(stepStatus(steps, QStringLiteral("identify-scope")), QStringLiteral("done"));
    QVERIFY(stepIndex(steps, QStringLiteral("identify-scope"))
                .siblingAtColumn(1)
                .data(Qt::ForegroundRole)
                .value<QColor>()
                .isValid()); // done shows in colour

    // The rebind, recorded by hand (publisher response attached, confirmed) at 12 minutes: restore met.
    now += 12 * 60 * 1000;
    steps->setCurrentIndex(stepIndex(steps, QStringLiteral("rebind")));
    QVERIFY(panel->findChild<QCheckBox *>(QStringLiteral("stepConfirm"))->isVisible());
    QTest::mouseClick(done, Qt::LeftButton); // nothing attached yet: refused, named
    auto *status = panel->findChild<QLabel *>(QStringLiteral("incidentStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("attachment")), qPrintable(status->text()));
    // In the window's words: its button, not the command line's flag.
    QVERIFY2(status->text().contains(QStringLiteral("Attach file…")) &&
                 !status->text().contains(QStringLiteral("--")),
             qPrintable(status->text()));
    const QString response =
        f.dir.write(QStringLiteral("publisher-response.json"), "{\"ok\":true,\"active\":2}");
    QVERIFY(panel->addAttachment(response));
    panel->findChild<QCheckBox *>(QStringLiteral("stepConfirm"))->setChecked(true);
    QTest::keyClicks(note, QStringLiteral("rebound through the publisher console"));
    QTest::mouseClick(done, Qt::LeftButton);
    QCOMPARE(stepStatus(steps, QStringLiteral("rebind")), QStringLiteral("done"));
    QCOMPARE(restore->property("clockState").toString(), QStringLiteral("met"));
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("evidence.attached")).size(), 1);

    // At 28 minutes the integrity clock warns; past 30 it is missed and the miss is recorded.
    // (The injected clock moves; the panel's one-second tick picks it up: wait for the state, never
    // for a fixed time.)
    now += 16 * 60 * 1000;
    QTRY_COMPARE_WITH_TIMEOUT(integrity->property("clockState").toString(), QStringLiteral("warning"), 30000);
    now += 3 * 60 * 1000;
    QTRY_COMPARE_WITH_TIMEOUT(integrity->property("clockState").toString(), QStringLiteral("missed"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(eventsOfKind(f.path, QStringLiteral("rollback.deadline_missed")).size(), 1,
                              30000);
    QVERIFY2(statusClock->text().contains(QStringLiteral("missed")), qPrintable(statusClock->text()));

    // The clocks keep running while the operator is on another panel.
    w.showPanel(0);
    QTRY_VERIFY_WITH_TIMEOUT(statusClock->text().contains(QStringLiteral("missed by 1:")), 30000);

    // The postmortem from the incident's page ("Export report…"): a DRAFT while the incident is
    // open, the missed integrity objective in it, recorded as evidence; PDF too.
    panel->showMostUrgent();
    QVERIFY(!panel->currentIncident().isEmpty());
    panel->selectIncident(panel->currentIncident());

    // A decision from the incident's page: alice (operator, reviewer) is refused in the window's
    // words and nothing is written; the incident owner's is in the decision log at once (the "none
    // yet" line gone), signed, one event.
    auto *decisions = panel->findChild<QListView *>(QStringLiteral("decisions"));
    QVERIFY(decisions);
    QAbstractItemModelTester decisionsTester(decisions->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int decidedBefore = decisions->model()->rowCount();
    const qsizetype decisionEvents = eventsOfKind(f.path, QStringLiteral("incident.decision")).size();
    auto *decisionText = panel->findChild<QLineEdit *>(QStringLiteral("decisionText"));
    QTest::keyClicks(decisionText, QStringLiteral("contain: hold the kl rollout until the pack is rebuilt"));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("logDecision")), Qt::LeftButton);
    QVERIFY2(status->text().contains(QStringLiteral("incident-owner")), qPrintable(status->text()));
    QCOMPARE(decisions->model()->rowCount(), decidedBefore);
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("incident.decision")).size(), decisionEvents);
    const Signer ines = test::makeSigner(QStringLiteral("ines"));
    {
        StoreOpenOptions o;
        o.clock = [&now] { return now; }; // the test's clock, which the window runs on
        auto other = SqliteEvidenceStore::open(f.path, o);
        QVERIFY(other.ok());
        QVERIFY(test::enrol(*other.value(), f.alice, ines, {QStringLiteral("incident-owner")}).ok());
    }
    w.session()->unlockWith(Signer{ines.name, ines.key.duplicate()});
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("logDecision")), Qt::LeftButton);
    QTRY_VERIFY2(decisions->model()->rowCount() == decidedBefore + 1,
                 qPrintable(panel->findChild<QLabel *>(QStringLiteral("incidentStatus"))->text()));
    const QModelIndex latest = decisions->model()->index(decidedBefore, 0);
    QVERIFY2(latest.data().toString().contains(QStringLiteral("hold the kl rollout")),
             qPrintable(latest.data().toString()));
    QCOMPARE(latest.data(DecisionListModel::ActorRole).toString(), QStringLiteral("ines"));
    QVERIFY(latest.data(DecisionListModel::SeqRole).toULongLong() > 0);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("noDecision"))->isHidden());
    QVERIFY(decisionText->text().isEmpty());
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("incident.decision")).size(), decisionEvents + 1);
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("exportIncidentReport")));
    const QString md = f.dir.file(QStringLiteral("postmortem.md"));
    QVERIFY2(panel->exportReport(md), qPrintable(status->text()));
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QByteArray text = mdFile.readAll();
    QVERIFY(text.contains("DRAFT"));
    QVERIFY2(text.contains("Integrity  |") && text.contains("MISSED"), text.constData());
    QVERIFY2(status->text().contains(QStringLiteral("postmortem")), qPrintable(status->text()));
    const QString pdf = f.dir.file(QStringLiteral("postmortem.pdf"));
    QVERIFY(panel->exportReport(pdf));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QCOMPARE(eventsOfKind(f.path, QStringLiteral("report.generated")).size(), 2);
}

void TestIncidentsPanel::rebindFromTheConsole() {
    // The rebind button against the demo pipeline: confirmation, publisher call, readback.
    test::DemoPipelineProcess pipeline;
    QVERIFY2(pipeline.start(), pipeline.lastOutput().constData());
    QCOMPARE(pipeline.fault(QStringLiteral("kl"), QStringLiteral("checksum-mismatch")), 200);
    test::StoreFixture f;
    f.store.reset();
    StartupContext ctx;
    ctx.environment = Environment::Dev;
    auto cfg = ConfigLoader::parse(pipeline.demoConfigYaml(), QStringLiteral("demo.yaml"));
    QVERIFY(cfg.ok());
    ctx.config = cfg.value();
    ctx.storePath = f.path;
    MainWindow w(ctx);
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.session()->unlockWith(Signer{QStringLiteral("alice"), f.alice.key.duplicate()});
    w.showPanel(1);
    IncidentsPanel *panel = w.incidentsPanel();
    auto *rbScope = panel->findChild<QComboBox *>(QStringLiteral("rollbackScope"));
    rbScope->setCurrentIndex(rbScope->findData(QStringLiteral("kl")));
    answerNextMessageBoxYes();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("startRollbackButton")), Qt::LeftButton);
    QVERIFY(askedOnce());
    auto *steps = panel->findChild<QTreeView *>(QStringLiteral("steps"));
    steps->setCurrentIndex(stepIndex(steps, QStringLiteral("rebind")));
    auto *rebind = panel->findChild<QPushButton *>(QStringLiteral("rebindButton"));
    QVERIFY(rebind->isVisible());
    QVERIFY(rebind->isEnabled());
    // Cancelled: nobody is called, nothing is written.
    MessageBox::reset();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(rebind, Qt::LeftButton);
    QCOMPARE(MessageBox::asked().size(), 1);
    QVERIFY(MessageBox::asked().first().contains(QStringLiteral("kl")));
    QVERIFY(eventsOfKind(f.path, QStringLiteral("runbook.step")).isEmpty());
    answerNextMessageBoxYes();
    QTest::mouseClick(rebind, Qt::LeftButton);
    QVERIFY(askedOnce());
    QTRY_COMPARE_WITH_TIMEOUT(eventsOfKind(f.path, QStringLiteral("runbook.step")).size(), 2, 15000);
    const QList<StoredEvent> recorded = eventsOfKind(f.path, QStringLiteral("runbook.step"));
    QCOMPARE(recorded.at(0).payload().stringAt("step"), QStringLiteral("rebind"));
    QCOMPARE(recorded.at(0).payload().stringAt("status"), QStringLiteral("done"));
    QCOMPARE(recorded.at(1).payload().stringAt("step"), QStringLiteral("readback"));
    QCOMPARE(recorded.at(1).payload().stringAt("status"), QStringLiteral("done"));
    QTRY_COMPARE_WITH_TIMEOUT(stepStatus(steps, QStringLiteral("readback")), QStringLiteral("done"), 3000);
    auto *integrity = panel->findChild<QLabel *>(QStringLiteral("integrityClock"));
    QCOMPARE(integrity->property("clockState").toString(), QStringLiteral("met"));
    auto *status = panel->findChild<QLabel *>(QStringLiteral("incidentStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("audit rebind-")), qPrintable(status->text()));
}

QTEST_MAIN(TestIncidentsPanel)
// The timeline's lines are made when it is shown: German in a German window, English in the log's
// own words (the CLI, its JSON), and a person's text kept as written, "%2" and all.
void TestIncidentsPanel::timelineInTheReadersLanguage() {
    test::StoreFixture f(true, {QStringLiteral("operator"), QStringLiteral("incident-owner")});
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = 1795410000000;
    IncidentActions acts(*f.store, f.alice, config, library, [&clock] { return clock += 1000; });
    OpenIncident request;
    request.incidentClass = QStringLiteral("stale-pack");
    request.scope = QStringLiteral("kl");
    request.trigger = QStringLiteral("manifest 30 h old");
    auto opened = acts.open(request);
    QVERIFY(opened.ok());
    auto book = IncidentBook::load(*f.store);
    QVERIFY(book.ok());
    const QString id = book->incidents().first().id;
    QVERIFY(acts.decide(id, QStringLiteral("hold %2 until %1 answers")).ok());
    book = IncidentBook::load(*f.store);
    QVERIFY(book.ok());
    const QList<TimelineEntry> timeline = book->incident(id)->timeline;
    QCOMPARE(timeline.size(), 2);
    QCOMPARE(timeline.at(1).text, QStringLiteral("decision: hold %2 until %1 answers"));

    IncidentTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(timeline);
    const auto what = [&model](int row) {
        return model.index(row, IncidentTimelineModel::What).data().toString();
    };
    QCOMPARE(what(1), QStringLiteral("decision: hold %2 until %1 answers"));
    QCOMPARE(installTranslations(QLocale(QLocale::German, QLocale::Germany)), QLocale::German);
    QCOMPARE(what(0), QStringLiteral("SEV-3-Vorfall stale-pack in kl eröffnet: manifest 30 h old"));
    QCOMPARE(what(1), QStringLiteral("Entscheidung: hold %2 until %1 answers"));
    QCOMPARE(timeline.at(0).text,
             QStringLiteral("opened SEV-3 stale-pack incident on kl: manifest 30 h old"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
    QCOMPARE(what(1), QStringLiteral("decision: hold %2 until %1 answers"));
}

#include "tst_incidentspanel.moc"
