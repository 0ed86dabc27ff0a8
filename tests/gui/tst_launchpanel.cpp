// The Launch panel driven like a release owner and three signers: NO-GO with its reasons on a fresh
// store, then the checklist walked against the demo pipeline over loopback (real probes), three
// identities signing in turn, and GO recorded.
#include "LaunchFixture.h"
#include "PanelContext.h"
#include "common/MessageBox.h"

#include "common/Translations.h"
#include "launch/LaunchActions.h"
#include "launch/LaunchPanel.h"
#include "launch/NoGoRuleModel.h"
#include "store/Session.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace ops;
using namespace ops::ui;

class TestLaunchPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void freshStoreShowsNoGoWithReasons();
    void startTheLaunchAndNarrowItsChecklist();
    void checksumsCancelAndShowProgress();
    void probesArchiveSignoffsAndGo();
    void germanNamesTheRulesAndTheEvidence();
};

namespace {

struct Rig {
    test::StoreFixture f;
    Signer rob = test::makeSigner(QStringLiteral("rob"));
    Signer pat = test::makeSigner(QStringLiteral("pat"));
    Signer eve = test::makeSigner(QStringLiteral("eve"));
    Signer quinn = test::makeSigner(QStringLiteral("quinn"));
    DeploymentConfig config = ConfigLoader::builtinDemo().value();
    RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = 1795410000000;
    Session session;

    Rig() {
        (void)f.enrol(rob, {QStringLiteral("release-owner"), QStringLiteral("operator"),
                            QStringLiteral("incident-owner")});
        (void)f.enrol(pat, {QStringLiteral("product")});
        (void)f.enrol(eve, {QStringLiteral("engineering")});
        (void)f.enrol(quinn, {QStringLiteral("qa")});
    }
    IncidentActions incidents() {
        return IncidentActions(*f.store, rob, config, library, [this] { return clock; });
    }
    void signInAs(const Signer &s) { session.unlockWith(Signer{s.name, s.key.duplicate()}); }
    std::unique_ptr<test::PanelContext> context;
    std::unique_ptr<LaunchPanel> panel() {
        if (!context)
            context = std::make_unique<test::PanelContext>(f.store.get(), &session, config);
        auto p = std::make_unique<LaunchPanel>(&context->app);
        p->setClock([this] { return clock += 1000; });
        p->resize(1300, 800);
        p->show();
        return p;
    }
};

// Answers the next question with Yes, as a person would click it (through the window's message seam).
void answerNextMessageBoxYes() {
    MessageBox::reset();
    MessageBox::setNextAnswer(QMessageBox::Yes);
}

template<typename T> T *child(QWidget *w, const char *name) {
    auto *c = w->findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qFatal("no %s", name);
    return c;
}

QString checkStatus(QTableView *t, const QString &id) {
    const QAbstractItemModel *m = t->model();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i, 0).data().toString() == id)
            return m->index(i, 1).data().toString();
    return {};
}

// The no-go rules cleared by real evidence: a drill, both kill switches cycled, the last probes ok.
void clearTheRules(Rig &rig) {
    test::runDrill(rig);
    test::cycleKillSwitch(rig, QStringLiteral("ai"));
    test::cycleKillSwitch(rig, QStringLiteral("bad-pack"));
    test::probeCriticalScopes(rig);
}

// The checkpoint the later scenarios start from: the launch on kl started from the panel by the
// release owner, as the first scenario does it (scope, build, the button).
std::unique_ptr<LaunchPanel> startFromThePanel(Rig &rig) {
    rig.signInAs(rig.rob);
    auto p = rig.panel();
    p->refresh();
    child<QComboBox>(p.get(), "launchScope")->setCurrentText(QStringLiteral("kl"));
    QTest::keyClicks(child<QLineEdit>(p.get(), "launchBuild"), QStringLiteral("2026.11.23-rc1"));
    QTest::mouseClick(child<QPushButton>(p.get(), "startLaunchButton"), Qt::LeftButton);
    return p;
}

} // namespace

void TestLaunchPanel::initTestCase() {
    qputenv("OPSCONSOLE_PUBLISHER_TOKEN", "gui-test-token-30af");
}

void TestLaunchPanel::freshStoreShowsNoGoWithReasons() {
    Rig rig;
    rig.signInAs(rig.pat);
    auto p = rig.panel();
    p->refresh();
    auto *banner = child<QLabel>(p.get(), "launchBanner");
    QCOMPARE(banner->property("decision").toString(), QStringLiteral("NO-GO"));
    QVERIFY2(banner->text().contains(QStringLiteral("no launch started")), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("3 no-go rules hold")));
    QVERIFY(banner->text().contains(QStringLiteral("Rehearsal")));
    auto *rules = child<QListView>(p.get(), "noGoRules");
    QAbstractItemModelTester tester(rules->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rules->model()->rowCount(), 6);
    const auto rule = [rules](int row) { return rules->model()->index(row, 0); };
    QStringList holding;
    for (int i = 0; i < rules->model()->rowCount(); ++i)
        if (rule(i).data(NoGoRuleModel::HoldsRole).toBool())
            holding << rule(i).data(NoGoRuleModel::RuleIdRole).toString();
    QCOMPARE(holding,
             (QStringList{QStringLiteral("rollback-unproven"), QStringLiteral("kill-switches-untested"),
                          QStringLiteral("scope-not-validated")}));
    QVERIFY(rule(0).data().toString().contains(QStringLiteral("no rollback drill has been finished")));
    QVERIFY(rule(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("To clear:")));
    // The way to clear a rule is one click away.
    auto *clear = child<QPushButton>(p.get(), "clearRuleButton");
    QVERIFY(!clear->isEnabled());
    QSignalSpy spy(p.get(), &LaunchPanel::clearRequested);
    rules->setCurrentIndex(rule(0));
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), QStringLiteral("rollback"));
    rules->setCurrentIndex(rule(3)); // publish routing: green, nothing to clear
    QVERIFY(!clear->isEnabled());
    // A refresh keeps the rule that was current.
    p->refresh();
    QCOMPARE(rules->currentIndex().data(NoGoRuleModel::RuleIdRole).toString(),
             rule(3).data(NoGoRuleModel::RuleIdRole).toString());
    // Activating a rule that holds goes and clears it (a double-click or Enter); a green one does not.
    Q_EMIT rules->activated(rule(3));
    QCOMPARE(spy.count(), 1);
    Q_EMIT rules->activated(rule(0));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().first().toString(), QStringLiteral("rollback"));
    // Nothing to sign, and the reason is shown.
    auto *sign = child<QPushButton>(p.get(), "signButton_product");
    QVERIFY(!sign->isEnabled());
    QCOMPARE(sign->toolTip(), QStringLiteral("No open launch to sign"));
    QVERIFY(!child<QPushButton>(p.get(), "decideGoButton")->isEnabled());
    QVERIFY(child<QPushButton>(p.get(), "startLaunchButton")->isVisible());
}

// The launch started from the panel: the checklist with the next thing to do selected, the
// snapshot taken, the list narrowed and sorted.
void TestLaunchPanel::startTheLaunchAndNarrowItsChecklist() {
    Rig rig;
    clearTheRules(rig);
    rig.signInAs(rig.rob);
    auto p = rig.panel();
    p->refresh();
    auto *banner = child<QLabel>(p.get(), "launchBanner");
    QVERIFY2(banner->text().contains(QStringLiteral("0 no-go rules hold")), qPrintable(banner->text()));

    // Start the launch: scope and build, then the button.
    child<QComboBox>(p.get(), "launchScope")->setCurrentText(QStringLiteral("kl"));
    QTest::keyClicks(child<QLineEdit>(p.get(), "launchBuild"), QStringLiteral("2026.11.23-rc1"));
    QTest::mouseClick(child<QPushButton>(p.get(), "startLaunchButton"), Qt::LeftButton);
    QVERIFY(p->status().run);
    QVERIFY(!child<QPushButton>(p.get(), "startLaunchButton")->isVisible());
    auto *checks = child<QTableView>(p.get(), "checklist");
    QAbstractItemModelTester tester(checks->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(checks->model()->rowCount(), 6);
    QCOMPARE(p->currentCheck(), QStringLiteral("config-snapshot")); // the next thing to do is selected
    auto *run = child<QPushButton>(p.get(), "runCheckButton");
    QCOMPARE(run->text(), QStringLiteral("Take snapshot"));
    QTest::mouseClick(run, Qt::LeftButton);
    QCOMPARE(checkStatus(checks, QStringLiteral("config-snapshot")), QStringLiteral("done"));
    // Its evidence is right there: the snapshot with auth keys present, never their values.
    const QString detail = child<QPlainTextEdit>(p.get(), "checkEvidence")->toPlainText();
    QVERIFY(detail.contains(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN")));
    QVERIFY(!detail.contains(QStringLiteral("gui-test-token-30af")));

    // Narrowed to what is left: the snapshot that holds drops out and the next check is selected;
    // narrowed to failures, nothing; sorted by status (a header click), the check that holds goes
    // last; the check column brings back runbook order.
    auto *shown = child<QComboBox>(p.get(), "checklistShown");
    shown->setCurrentIndex(shown->findText(QStringLiteral("Not holding yet")));
    QCOMPARE(checks->model()->rowCount(), 5);
    QVERIFY(checkStatus(checks, QStringLiteral("config-snapshot")).isEmpty());
    QCOMPARE(p->currentCheck(), checks->model()->index(0, 0).data().toString());
    shown->setCurrentIndex(shown->findText(QStringLiteral("Failed or stale")));
    QCOMPARE(checks->model()->rowCount(), 0);
    QVERIFY(p->currentCheck().isEmpty());
    shown->setCurrentIndex(shown->findText(QStringLiteral("All checks")));
    QCOMPARE(checks->model()->rowCount(), 6);
    const auto clickHeader = [checks](int section) {
        QHeaderView *h = checks->horizontalHeader();
        QTest::mouseClick(
            h->viewport(), Qt::LeftButton, {},
            QPoint(h->sectionViewportPosition(section) + h->sectionSize(section) / 2, h->height() / 2));
    };
    clickHeader(1);
    QCOMPARE(checks->model()->index(5, 0).data().toString(), QStringLiteral("config-snapshot"));
    QCOMPARE(checks->model()->index(0, 1).data().toString(), QStringLiteral("pending"));
    clickHeader(0);
    QCOMPARE(checks->model()->index(0, 0).data().toString(), QStringLiteral("config-snapshot"));
    QCOMPARE(checks->model()->index(5, 0).data().toString(), QStringLiteral("archive"));
}

// Build checksums on a worker: a long hash cancelled records nothing, a short one shows progress
// and keeps other checks from starting meanwhile.
void TestLaunchPanel::checksumsCancelAndShowProgress() {
    Rig rig;
    clearTheRules(rig);
    auto p = startFromThePanel(rig);
    QVERIFY(p->status().run);
    auto *checks = child<QTableView>(p.get(), "checklist");
    auto *run = child<QPushButton>(p.get(), "runCheckButton");
    test::TempDir build;
    {
        // A long hash can be cancelled: nothing is recorded.
        QSignalSpy finished(p.get(), &LaunchPanel::backgroundFinished);
        // Sparse and 16 GiB: its hash cannot finish before the click, however fast the machine.
        const QString big = build.write(QStringLiteral("big.img"), "y");
        {
            QFile sparse(big);
            QVERIFY(sparse.open(QIODevice::ReadWrite) && sparse.resize(qint64(16) * 1024 * 1024 * 1024));
        }
        QVERIFY(p->checksumFiles({big}));
        auto *cancel = child<QPushButton>(p.get(), "launchCancelWork");
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(child<QLabel>(p.get(), "launchStatus")->text(),
                 QStringLiteral("Cancelled: nothing was recorded."));
        QVERIFY(checkStatus(checks, QStringLiteral("build-checksums")) != QStringLiteral("done"));
        QVERIFY(!cancel->isVisible());
        QVERIFY(run->isEnabled());
    }
    {
        // Hashing a release build runs on a worker: the window shows progress and cannot start
        // another check meanwhile.
        QSignalSpy finished(p.get(), &LaunchPanel::backgroundFinished);
        QVERIFY(p->checksumFiles({build.write(QStringLiteral("app.apk"), QByteArray(4 * 1024 * 1024, 'x'))}));
        QVERIFY(p->isWorking());
        QVERIFY(!run->isEnabled());
        QVERIFY(child<QProgressBar>(p.get(), "launchWorkProgress")->isVisible());
        QVERIFY(child<QLabel>(p.get(), "launchStatus")
                    ->text()
                    .contains(QStringLiteral("Hashing 4.0 MiB of build files")));
        QVERIFY(!p->archiveTo(build.file(QStringLiteral("too-soon.tar.zst"))));
        QVERIFY(child<QLabel>(p.get(), "launchStatus")->text().contains(QStringLiteral("Still busy")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!child<QProgressBar>(p.get(), "launchWorkProgress")->isVisible());
    }
    QCOMPARE(checkStatus(checks, QStringLiteral("build-checksums")), QStringLiteral("done"));
    QVERIFY(!QFileInfo::exists(build.file(QStringLiteral("too-soon.tar.zst"))));
}

// From a launch whose snapshot and checksums are recorded (the CLI's acts, the checkpoint):
// the probe checks over loopback, the archive, three sign-offs and GO.
void TestLaunchPanel::probesArchiveSignoffsAndGo() {
    test::DemoPipelineProcess pipeline;
    QVERIFY2(pipeline.start(), pipeline.lastOutput().constData());
    Rig rig;
    rig.config = ConfigLoader::parse(pipeline.demoConfigYaml(), QStringLiteral("demo.yaml")).value();
    clearTheRules(rig);
    auto p = startFromThePanel(rig);
    QVERIFY(p->status().run);
    const QString launch = p->status().run->id;
    LaunchActions acts(*rig.f.store, rig.rob, rig.config, Environment::Dev, rig.library,
                       [&rig] { return rig.clock += 1000; });
    QVERIFY(acts.recordSnapshot(launch).ok());
    QVERIFY(
        acts.recordChecksums(launch, {{QStringLiteral("app.apk"), 4, QString(64, QLatin1Char('a'))}}).ok());
    p->refresh();
    auto *banner = child<QLabel>(p.get(), "launchBanner");
    auto *checks = child<QTableView>(p.get(), "checklist");
    auto *run = child<QPushButton>(p.get(), "runCheckButton");
    QCOMPARE(checkStatus(checks, QStringLiteral("build-checksums")), QStringLiteral("done"));
    test::TempDir build;

    // The probe checks over loopback; first-publish asks for its note first.
    p->selectCheck(QStringLiteral("first-publish"));
    QCOMPARE(run->text(), QStringLiteral("Probe now"));
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(child<QLabel>(p.get(), "launchStatus")->text().contains(QStringLiteral("needs a note")));
    QTest::keyClicks(child<QLineEdit>(p.get(), "checkNote"), QStringLiteral("publish job 42 published v1"));
    for (const char *id : {"first-publish", "probe-active", "live-app-fetch"}) {
        p->selectCheck(QString::fromLatin1(id));
        QSignalSpy done(p.get(), &LaunchPanel::probeFinished);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QCOMPARE(checkStatus(checks, QString::fromLatin1(id)), QStringLiteral("done"));
    }
    {
        QSignalSpy finished(p.get(), &LaunchPanel::backgroundFinished);
        QVERIFY(p->archiveTo(build.file(QStringLiteral("evidence.tar.zst"))));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(),
                 qPrintable(child<QLabel>(p.get(), "launchStatus")->text()));
    }
    QVERIFY(child<QLabel>(p.get(), "launchStatus")
                ->text()
                .contains(QStringLiteral("Evidence archived to evidence.tar.zst")));
    QCOMPARE(child<QProgressBar>(p.get(), "checklistProgress")->value(), 6);

    // Rob cannot sign; each signer in turn can, once.
    auto *signProduct = child<QPushButton>(p.get(), "signButton_product");
    QVERIFY(!signProduct->isEnabled());
    QVERIFY(signProduct->toolTip().contains(QStringLiteral("does not hold the product role")));
    const QList<std::pair<const Signer *, const char *>> signers{
        {&rig.pat, "product"}, {&rig.eve, "engineering"}, {&rig.quinn, "qa"}};
    for (const auto &[signer, role] : signers) {
        rig.signInAs(*signer);
        auto *button =
            child<QPushButton>(p.get(), qPrintable(QStringLiteral("signButton_%1").arg(QLatin1String(role))));
        QVERIFY2(button->isEnabled(), qPrintable(button->toolTip()));
        answerNextMessageBoxYes();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(MessageBox::pendingAnswers(), 0); // asked, and answered
        auto *state =
            child<QLabel>(p.get(), qPrintable(QStringLiteral("signoffState_%1").arg(QLatin1String(role))));
        QCOMPARE(state->property("state").toString(), QStringLiteral("valid"));
        QVERIFY(state->text().contains(signer->name));
        QVERIFY(!button->isEnabled());
    }
    QCOMPARE(banner->property("decision").toString(), QStringLiteral("GO"));

    // GO, recorded by the release owner.
    auto *go = child<QPushButton>(p.get(), "decideGoButton");
    QVERIFY(!go->isEnabled()); // quinn is signed in
    rig.signInAs(rig.rob);
    QVERIFY(go->isEnabled());
    answerNextMessageBoxYes();
    QTest::mouseClick(go, Qt::LeftButton);
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QVERIFY2(banner->text().startsWith(QStringLiteral("GO recorded by rob")), qPrintable(banner->text()));
    QVERIFY(p->status().decided);
    QVERIFY(!go->isEnabled());
    // The record exports for the archive.
    QVERIFY(p->exportRecordTo(build.file(QStringLiteral("record"))));
    QVERIFY(QFile::exists(build.file(QStringLiteral("record/SHA256SUMS"))));
    QVERIFY(QFile::exists(build.file(QStringLiteral("record/signoffs/qa.sig"))));
}

QTEST_MAIN(TestLaunchPanel)
void TestLaunchPanel::germanNamesTheRulesAndTheEvidence() {
    QCOMPARE(ui::installTranslations(QLocale(QLocale::German, QLocale::Germany)), QLocale::German);
    {
        Rig rig;
        rig.signInAs(rig.rob);
        auto p = rig.panel();
        p->refresh();
        auto *rules = child<QListView>(p.get(), "noGoRules");
        QCOMPARE(rules->model()->rowCount(), 6);
        const auto text = [rules](int row) { return rules->model()->index(row, 0).data().toString(); };
        QStringList titles;
        for (int i = 0; i < rules->model()->rowCount(); ++i)
            titles << text(i).section(QLatin1Char('\n'), 0, 0);
        // Every rule's title in German; none left in English.
        QVERIFY2(titles.contains(QStringLiteral("Rollback-Ziel durch eine Übung belegt")),
                 qPrintable(titles.join(u'|')));
        QVERIFY2(titles.contains(QStringLiteral("Notschalter definiert und getestet")),
                 qPrintable(titles.join(u'|')));
        for (const QString &english : {QStringLiteral("Rollback objective proven by a drill"),
                                       QStringLiteral("Kill switches defined and tested"),
                                       QStringLiteral("Stale-pack alerting on every supported scope"),
                                       QStringLiteral("Publish failures routed to a visible alert"),
                                       QStringLiteral("No silence on a scope's stale-pack or resolver alert"),
                                       QStringLiteral("Every critical scope validated by its last probe")})
            QVERIFY2(!titles.contains(english), qPrintable(english));
        // The reason in German too, while the log and attestations keep the English words.
        QCOMPARE(
            text(0).section(QLatin1Char('\n'), 1),
            QStringLiteral("keine Rollback-Übung wurde abgeschlossen: das 15/30-Minuten-Ziel ist unbelegt"));
        auto in = LaunchInputs::read(*rig.f.store, rig.config, Environment::Dev, rig.library, rig.clock);
        QVERIFY(in.ok());
        const LaunchStatus st = computeLaunchStatus(in.value());
        QCOMPARE(
            st.rules.first().reason.text(),
            QStringLiteral("no rollback drill has been finished: the 15/30-minute objective is unproven"));
        const JsonValue json = st.toJson();
        QCOMPARE(json.find("rules")->toArray().front().stringAt("reason"), st.rules.first().reason.text());
        // What would clear it, as a tooltip, in German and without a command line.
        const QString tip = rules->model()->index(1, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Notschalter")) && !tip.contains(QStringLiteral("--")),
                 qPrintable(tip));
        // A started launch: its checks' states in German too.
        child<QComboBox>(p.get(), "launchScope")->setCurrentText(QStringLiteral("kl"));
        QTest::keyClicks(child<QLineEdit>(p.get(), "launchBuild"), QStringLiteral("2026.11.23-rc1"));
        QTest::mouseClick(child<QPushButton>(p.get(), "startLaunchButton"), Qt::LeftButton);
        auto *checks = child<QTableView>(p.get(), "checklist");
        QCOMPARE(checks->model()->rowCount(), 6);
        QCOMPARE(checkStatus(checks, QStringLiteral("archive")), QStringLiteral("offen"));
        QCOMPARE(checks->model()->index(5, 2).data().toString(), QStringLiteral("noch nicht erfasst"));
    }
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

#include "tst_launchpanel.moc"
