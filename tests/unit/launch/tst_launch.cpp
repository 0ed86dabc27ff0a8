// Launch day against a real store: every no-go rule made true and false by real events, sign-off
// separation and invalidation, the decision, the config snapshot and the checksum archive checked
// by sha256sum itself.
#include "LaunchFixture.h"
#include "StoreAttack.h"

#include "core/CanonicalJson.h"
#include "crypto/Sha256.h"
#include "launch/LaunchActions.h"
#include "launch/LaunchExport.h"
#include "monitor/MonitorStore.h"

#include <QProcess>
#include <QTest>

using namespace ops;
using ops::test::cycleKillSwitch;
using ops::test::ok;
using ops::test::probeCriticalScopes;
using ops::test::runDrill;

class TestLaunch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checksumArchiveIsWhatSha256sumChecks();
    void checksumArchiveRefusesWhatItCannotWrite();
    void rollbackRuleNeedsARecentDrillThatMetTheObjective();
    void aDrillProvesOnlyTheConfiguredObjective();
    void aDrillOfItsOwnStepsProvesNothing();
    void killSwitchRuleNeedsEverySwitchCycled();
    void alertingRulesFollowTheRulesFile();
    void aSilencedLaunchAlertIsNoGo();
    void validationRuleReadsTheLastProbeOfCriticalScopes();
    void editedProbeStatesChangeNoDecision();
    void aProbeTimeCountsOnlyWhenSigned();
    void configSnapshotHoldsPresenceNeverValues();
    void signoffsAreSeparatedAndInvalidatedByChanges();
    void aBrokenSignatureIsShownAsSuch();
    void oneIdentityNeverCountsForTwoRoles();
    void aSignerCannotRecordAChecksResult();
    void theSignoffMadeFirstCounts();
    void twoConsolesStartingAtOnceLeaveOneOpenLaunch();
    void aCheckRecordedAsTheLaunchIsDecidedIsRefused();
    void aSnapshotIsTakenAgainWhenAKillSwitchChangedMeanwhile();
    void aRotatedKeyKeepsEarlierSignoffs();
    void decisionIsGoOnlyWhenTheEvidenceSaysSo();
    void genericRunbookPathsLeaveLaunchesAlone();
    void exportHoldsTheRecordTheSignoffsSigned();
};

namespace {

constexpr qint64 kStart = 1795410000000;
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
const char *kSecret = "publisher-secret-value-91c2";

struct Rig {
    test::StoreFixture f;
    Signer rob = test::makeSigner(QStringLiteral("rob"));     // release owner, on call
    Signer pat = test::makeSigner(QStringLiteral("pat"));     // product
    Signer mia = test::makeSigner(QStringLiteral("mia"));     // product and engineering
    Signer eve = test::makeSigner(QStringLiteral("eve"));     // engineering
    Signer quinn = test::makeSigner(QStringLiteral("quinn")); // qa
    DeploymentConfig config = ConfigLoader::builtinDemo().value();
    RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = kStart;

    Rig() {
        auto reg = [&](const Signer &s, const QStringList &roles) {
            if (!f.enrol(s, roles).ok())
                qFatal("register %s", qPrintable(s.name));
        };
        reg(rob,
            {QStringLiteral("release-owner"), QStringLiteral("operator"), QStringLiteral("incident-owner")});
        reg(pat, {QStringLiteral("product")});
        reg(mia, {QStringLiteral("product"), QStringLiteral("engineering")});
        reg(eve, {QStringLiteral("engineering")});
        reg(quinn, {QStringLiteral("qa")});
    }
    LaunchActions as(const Signer &s) {
        return LaunchActions(*f.store, s, config, Environment::Dev, library, [this] { return clock; });
    }
    IncidentActions incidents() {
        return IncidentActions(*f.store, rob, config, library, [this] { return clock; });
    }
    LaunchInputs inputs() {
        return LaunchInputs::read(*f.store, config, Environment::Dev, library, clock).value();
    }
    LaunchStatus status() { return computeLaunchStatus(inputs()); }
    NoGoRule rule(const QString &id) {
        for (const NoGoRule &r : evaluateNoGoRules(inputs()))
            if (r.id == id)
                return r;
        qFatal("no rule %s", qPrintable(id));
    }
    quint64 size() { return f.store->size().value(); }
};

void clearEveryRule(Rig &rig) {
    runDrill(rig);
    cycleKillSwitch(rig, QStringLiteral("ai"));
    cycleKillSwitch(rig, QStringLiteral("bad-pack"));
    probeCriticalScopes(rig);
}

// Every check of the launch recorded as done.
QString completeChecklist(Rig &rig, const test::TempDir &dir) {
    auto a = rig.as(rig.rob);
    auto started = a.start(QStringLiteral("kl"), QStringLiteral("2026.11.23-rc1"));
    if (!started.ok())
        qFatal("%s", qPrintable(started.error().toString()));
    const QString run = citedIdOf(started.value());
    const QString sha(64, QLatin1Char('b'));
    auto check = [&](const Result<StoredEvent> &r) {
        if (!r.ok() || r->payload().stringAt("status") != QLatin1String("done"))
            qFatal("check: %s", r.ok() ? r->canonical.c_str() : qPrintable(r.error().toString()));
        rig.clock += kMinute;
    };
    check(a.recordSnapshot(run));
    dir.write(QStringLiteral("app.apk"), "the build");
    check(a.recordChecksums(run, ChecksumArchive::compute({dir.file(QStringLiteral("app.apk"))}).value()));
    check(a.recordProbes(
        run, QStringLiteral("first-publish"),
        {ok(QStringLiteral("kl"), TargetKind::Manifest), ok(QStringLiteral("kl"), TargetKind::Pack, sha)},
        QStringLiteral("publish job 42 published v7")));
    check(a.recordProbes(
        run, QStringLiteral("probe-active"),
        {ok(QStringLiteral("kl"), TargetKind::Manifest), ok(QStringLiteral("kl"), TargetKind::Pack, sha),
         ok(QStringLiteral("kl"), TargetKind::Resolver), ok(QStringLiteral("kl"), TargetKind::Rules)},
        {}));
    check(a.recordProbes(run, QStringLiteral("live-app-fetch"),
                         {ok(QStringLiteral("kl"), TargetKind::Manifest),
                          ok(QStringLiteral("kl"), TargetKind::Pack, sha),
                          ok(QStringLiteral("kl.app"), TargetKind::Manifest),
                          ok(QStringLiteral("kl.app"), TargetKind::Pack, sha)},
                         {}));
    check(a.recordArchive(run, dir.file(QStringLiteral("archive-%1.tar.zst").arg(rig.clock))));
    return run;
}

int sha256sumCheck(const QString &dir, const QByteArray &sums) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("-")});
    p.write(sums);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

void TestLaunch::initTestCase() {
    qputenv("OPSCONSOLE_PUBLISHER_TOKEN", kSecret);
}

void TestLaunch::checksumArchiveIsWhatSha256sumChecks() {
    test::TempDir dir;
    dir.write(QStringLiteral("release/app.apk"), QByteArray(3 * 1024 * 1024 + 17, 'x'));
    dir.write(QStringLiteral("release/lib/libcore.so"), "core");
    dir.write(QStringLiteral("release/lib/with space.txt"), "");
    dir.write(QStringLiteral("NOTES.md"), "release notes\n");
    const QString old = QDir::currentPath();
    QDir::setCurrent(dir.path());
    auto entries = ChecksumArchive::compute({QStringLiteral("release/"), QStringLiteral("NOTES.md")});
    QDir::setCurrent(old);
    QVERIFY_OK(entries);
    QCOMPARE(entries->size(), 4);
    QCOMPARE(entries->at(0).name, QStringLiteral("release/app.apk"));
    QCOMPARE(entries->at(0).size, qint64(3 * 1024 * 1024 + 17));
    QCOMPARE(entries->at(3).name, QStringLiteral("NOTES.md"));
    const QByteArray sums = ChecksumArchive::sha256sumText(entries.value());
    QCOMPARE(sha256sumCheck(dir.path(), sums), 0);
    // sha256sum's own output, line for line.
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(QStringLiteral("sha256sum"),
            {QStringLiteral("release/app.apk"), QStringLiteral("release/lib/libcore.so"),
             QStringLiteral("release/lib/with space.txt"), QStringLiteral("NOTES.md")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(sums, p.readAllStandardOutput());
    // A changed byte is what sha256sum -c catches.
    dir.write(QStringLiteral("release/lib/libcore.so"), "corE");
    QVERIFY(sha256sumCheck(dir.path(), sums) != 0);
}

void TestLaunch::checksumArchiveRefusesWhatItCannotWrite() {
    test::TempDir dir;
    auto missing = ChecksumArchive::compute({dir.file(QStringLiteral("nope.bin"))});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::InvalidInput);
    QVERIFY(missing.error().message.contains(QStringLiteral("does not exist")));
    dir.write(QStringLiteral("odd\\name"), "x");
    auto odd = ChecksumArchive::compute({dir.file(QStringLiteral("odd\\name"))});
    QVERIFY(!odd.ok());
    QVERIFY2(odd.error().message.contains(QStringLiteral("backslash")), qPrintable(odd.error().message));
    QDir(dir.path()).mkpath(QStringLiteral("empty"));
    QVERIFY(!ChecksumArchive::compute({dir.file(QStringLiteral("empty"))}).ok());
    QVERIFY(!ChecksumArchive::compute({}).ok());
}

void TestLaunch::rollbackRuleNeedsARecentDrillThatMetTheObjective() {
    Rig rig;
    NoGoRule r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("no rollback drill")), qPrintable(r.reason.text()));
    runDrill(rig, true); // the rebind misses the 15-minute restore deadline
    r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("no drill has met the objective")),
             qPrintable(r.reason.text()));
    runDrill(rig);
    r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY2(!r.holds, qPrintable(r.reason.text()));
    QVERIFY2(r.reason.text().contains(QStringLiteral("met the objective")), qPrintable(r.reason.text()));
    QVERIFY(!r.lookedAt.isEmpty());
    rig.clock += 31 * kDay; // drill_max_age_days: 30
    r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("older than 30 days")), qPrintable(r.reason.text()));
}

void TestLaunch::aDrillProvesOnlyTheConfiguredObjective() {
    // An operator whose console runs with looser objectives (60 / 120 minutes) drills: the rebind
    // takes 20 minutes, inside the objective the drill's start states. The release owner's console
    // judges by its own configured 15 / 30 minutes: the drill proves nothing there.
    Rig rig;
    const Objectives strict = rig.config.objectives;
    rig.config.objectives.restoreMinutes = 60;
    rig.config.objectives.integrityMinutes = 120;
    runDrill(rig, true);
    const RunbookRun drill = IncidentBook::load(*rig.f.store).value().runs().constLast();
    QVERIFY(drill.objectiveMet); // by the objective it stated
    rig.config.objectives = strict;
    NoGoRule r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY2(r.holds, qPrintable(r.reason.text()));
    QVERIFY2(r.reason.text().contains(QStringLiteral("met only the objective its start stated")),
             qPrintable(r.reason.text()));
    QVERIFY2(r.reason.text().contains(QStringLiteral("15 / 30 minutes")), qPrintable(r.reason.text()));
    // A drill within the configured objective proves it.
    runDrill(rig);
    r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY2(!r.holds, qPrintable(r.reason.text()));
}

void TestLaunch::aDrillOfItsOwnStepsProvesNothing() {
    // rob's own program starts a drill whose steps are two that ask for nothing, with the clocks on
    // them, and ticks them off in a minute: the rollback checklist was never run.
    Rig rig;
    test::StoreFixture scratch;
    const Signer sam = test::makeSigner(QStringLiteral("sam"));
    QVERIFY_OK(scratch.enrol(sam, {QStringLiteral("operator")}));
    const StoredEvent honest =
        IncidentActions(*scratch.store, sam, rig.config, rig.library, [&rig] { return rig.clock; })
            .runs()
            .startRollback(QStringLiteral("kl"), true, {})
            .value();
    const QString run = honest.payload().stringAt("id");
    const QString runbook = honest.payload().stringAt("runbook");
    NewEvent start{honest.kind, honest.scope, honest.payload(), rig.clock};
    JsonValue steps = JsonValue::array();
    for (const char *id : {"rebind", "readback"}) {
        JsonValue step = JsonValue::object();
        step["id"] = QString::fromLatin1(id);
        step["action"] = QStringLiteral("nothing to see");
        steps.push(step);
    }
    start.payload["steps"] = steps;
    QVERIFY_OK(rig.f.store->append(rig.rob, {start}));
    for (const char *id : {"rebind", "readback"}) {
        JsonValue p = JsonValue::object();
        p["run"] = run;
        p["runbook"] = runbook;
        p["step"] = QString::fromLatin1(id);
        p["status"] = QStringLiteral("done");
        rig.clock += 30 * 1000;
        QVERIFY_OK(rig.f.store->append(
            rig.rob, {NewEvent{QStringLiteral("runbook.step"), honest.scope, p, rig.clock}}));
    }
    JsonValue fin = JsonValue::object();
    fin["run"] = run;
    fin["runbook"] = runbook;
    fin["objective_met"] = true;
    QVERIFY_OK(rig.f.store->append(
        rig.rob, {NewEvent{QStringLiteral("rollback.finished"), honest.scope, fin, rig.clock}}));
    const IncidentBook book = IncidentBook::load(*rig.f.store).value();
    QVERIFY(book.run(run) && book.run(run)->finished && book.run(run)->objectiveMet);
    const NoGoRule r = rig.rule(QStringLiteral("rollback-unproven"));
    QVERIFY2(r.holds, qPrintable(r.reason.text()));
}

void TestLaunch::killSwitchRuleNeedsEverySwitchCycled() {
    Rig rig;
    NoGoRule r = rig.rule(QStringLiteral("kill-switches-untested"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("ai: never activated")), qPrintable(r.reason.text()));
    auto a = rig.incidents();
    QVERIFY_OK(
        a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("pg"), QStringLiteral("test"), {}, {}));
    r = rig.rule(QStringLiteral("kill-switches-untested"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("ai: activated on pg but never deactivated")),
             qPrintable(r.reason.text()));
    rig.clock += kMinute;
    QVERIFY_OK(
        a.deactivateKillSwitch(QStringLiteral("ai"), QStringLiteral("pg"), QStringLiteral("done"), {}, {}));
    r = rig.rule(QStringLiteral("kill-switches-untested"));
    QVERIFY(r.holds);
    QVERIFY2(!r.reason.text().contains(QStringLiteral("ai:")) &&
                 r.reason.text().contains(QStringLiteral("bad-pack: never")),
             qPrintable(r.reason.text()));
    cycleKillSwitch(rig, QStringLiteral("bad-pack"));
    r = rig.rule(QStringLiteral("kill-switches-untested"));
    QVERIFY2(!r.holds, qPrintable(r.reason.text()));
    // A switch without its runbook is undefined.
    rig.library.runbooks.removeIf([](const Runbook &b) { return b.id == QLatin1String("ai-kill-switch"); });
    r = rig.rule(QStringLiteral("kill-switches-untested"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("ai: undefined")), qPrintable(r.reason.text()));
}

void TestLaunch::alertingRulesFollowTheRulesFile() {
    Rig rig;
    QVERIFY(!rig.rule(QStringLiteral("stale-pack-alerting-absent")).holds);
    QVERIFY(!rig.rule(QStringLiteral("publish-failures-unrouted")).holds);
    // The operator's own rules file with the two alerts disabled.
    QFile builtin(QString::fromLatin1(AlertRules::kBuiltinPath));
    QVERIFY(builtin.open(QIODevice::ReadOnly));
    QByteArray yaml = builtin.readAll();
    for (const char *id : {"  - id: stale-pack\n", "  - id: publish-blocked\n"}) {
        const qsizetype at = yaml.indexOf(id);
        QVERIFY(at >= 0);
        yaml.insert(at + qstrlen(id), "    enabled: false\n");
    }
    test::TempDir dir;
    rig.config.alertRulesFile = dir.write(QStringLiteral("alerts.yaml"), yaml);
    QVERIFY_OK(AlertRules::forConfig(rig.config));
    NoGoRule stale = rig.rule(QStringLiteral("stale-pack-alerting-absent"));
    QVERIFY(stale.holds);
    QVERIFY2(stale.reason.text().contains(QStringLiteral("stale-pack alert is disabled")),
             qPrintable(stale.reason.text()));
    NoGoRule publish = rig.rule(QStringLiteral("publish-failures-unrouted"));
    QVERIFY(publish.holds);
    QVERIFY2(publish.reason.text().contains(QStringLiteral("publish-blocked alert is disabled")),
             qPrintable(publish.reason.text()));
    // A scope without a freshness threshold.
    rig.config.alertRulesFile.clear();
    rig.config.scopes[2].freshnessHours = 0;
    stale = rig.rule(QStringLiteral("stale-pack-alerting-absent"));
    QVERIFY(stale.holds);
    QVERIFY2(stale.reason.text().contains(QStringLiteral("no freshness threshold")),
             qPrintable(stale.reason.text()));
    // Unreadable rules are not "fine".
    rig.config.alertRulesFile = dir.write(QStringLiteral("bad.yaml"), "alerts: [");
    QVERIFY(rig.rule(QStringLiteral("publish-failures-unrouted")).holds);
}

void TestLaunch::aSilencedLaunchAlertIsNoGo() {
    Rig rig;
    const QString id = QStringLiteral("launch-alerts-silenced");
    QVERIFY(!rig.rule(id).holds);
    const QList<AlertRule> rules = AlertRules::forConfig(rig.config).value();
    // A silence on another alert is not this rule's business.
    QVERIFY_OK(SilenceActs::add(*rig.f.store, rig.rob, rig.config, rules, QStringLiteral("publish-blocked"),
                                QStringLiteral("kl"), rig.clock + 3600'000, QStringLiteral("noisy"),
                                rig.clock));
    QVERIFY(!rig.rule(id).holds);
    auto silenced =
        SilenceActs::add(*rig.f.store, rig.rob, rig.config, rules, QStringLiteral("resolver-health"),
                         QStringLiteral("my"), rig.clock + 3600'000, QStringLiteral("DNS move"), rig.clock);
    QVERIFY_OK(silenced);
    NoGoRule r = rig.rule(id);
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("resolver-health on my silenced by rob")) &&
                 r.reason.text().contains(QStringLiteral("DNS move")),
             qPrintable(r.reason.text()));
    QVERIFY(r.lookedAt.contains(QStringLiteral("event %1").arg(silenced->seq)));
    const LaunchStatus st = computeLaunchStatus(rig.inputs());
    QVERIFY(!st.go);
    QVERIFY(std::any_of(st.reasons.begin(), st.reasons.end(), [&](const auto &p) { return p.first == id; }));
    QVERIFY_OK(SilenceActs::end(*rig.f.store, rig.rob, rig.config,
                                QStringLiteral("SIL-%1").arg(silenced->seq), QStringLiteral("moved"),
                                rig.clock + 1000));
    QVERIFY(!rig.rule(id).holds);
    // A maintenance window in progress on a stale-pack alert holds it too, without any event.
    MaintenanceWindow w;
    w.scope = QStringLiteral("kl");
    w.alerts = {QStringLiteral("stale-pack")};
    w.every = QStringLiteral("daily 00:00");
    w.minutes = 24 * 60;
    w.reason = QStringLiteral("all-day refresh");
    rig.config.maintenance = {w};
    r = rig.rule(id);
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("stale-pack on kl silenced by a maintenance window")),
             qPrintable(r.reason.text()));
}

void TestLaunch::validationRuleReadsTheLastProbeOfCriticalScopes() {
    Rig rig;
    NoGoRule r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("baseline/manifest never probed")),
             qPrintable(r.reason.text()));
    probeCriticalScopes(rig, QStringLiteral("my/pack"));
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("my/pack failed: HTTP 500")),
             qPrintable(r.reason.text()));
    QVERIFY2(!r.reason.text().contains(QStringLiteral("kl/")),
             qPrintable(r.reason.text())); // kl is not critical
    probeCriticalScopes(rig);
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY2(!r.holds, qPrintable(r.reason.text()));
    rig.clock += 25 * 60 * kMinute;
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("probe it again")), qPrintable(r.reason.text()));
}

void TestLaunch::editedProbeStatesChangeNoDecision() {
    // A person with the file turns the failed probe green in the probe_states table: the rule
    // reads the state from the signed events and names the disagreement.
    Rig rig;
    probeCriticalScopes(rig, QStringLiteral("my/pack"));
    test::attack(rig.f.path, "UPDATE probe_states SET state = 'ok', reason = '' WHERE target = 'my/pack';");
    NoGoRule r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(
        r.reason.text().contains(QStringLiteral("my/pack unverified: the probe state table says ok but the "
                                                "evidence log says failed")),
        qPrintable(r.reason.text()));
    // A row written without its event (a target the log never saw probed) does not count either.
    test::attack(rig.f.path,
                 "INSERT OR REPLACE INTO probe_states(target, scope, kind, state, reason, since_ms, "
                 "checked_at_ms) VALUES('my/pack', 'my', 'pack', 'ok', '', 1, 1);"
                 "UPDATE probe_states SET state = 'failed' WHERE target = 'baseline/pack';");
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("baseline/pack unverified")),
             qPrintable(r.reason.text()));
}

void TestLaunch::aProbeTimeCountsOnlyWhenSigned() {
    // Every critical target was probed ok 30 hours ago. Someone with the file sets the table's
    // checked_at_ms to now: the old "ok" does not become fresh. A recorder's signed row does; one
    // signed by an identity that may not record probes, or edited after signing, does not.
    Rig rig;
    probeCriticalScopes(rig);
    rig.clock += 30 * 60 * kMinute;
    NoGoRule r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("probe it again")), qPrintable(r.reason.text()));
    test::attack(
        rig.f.path,
        QStringLiteral("UPDATE probe_states SET checked_at_ms = %1;").arg(rig.clock).toUtf8().constData());
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY2(r.holds, qPrintable(r.reason.text()));
    QVERIFY2(
        r.reason.text().contains(QStringLiteral("is not signed by an operator, incident owner or monitor "
                                                "and does not count")),
        qPrintable(r.reason.text()));

    auto monitor = MonitorStore::open(rig.f.path, false);
    QVERIFY_OK(monitor);
    QList<TargetStateRow> rows = monitor->targetStates()->values();
    QVERIFY(!rows.isEmpty());
    const QString storeId = rig.f.store->storeId();
    signProbeStates(rows, rig.quinn, storeId); // qa: records no probes
    QVERIFY_OK(monitor->saveRound({}, rows, {}, rig.clock, 0));
    QVERIFY(rig.rule(QStringLiteral("scope-not-validated")).holds);
    signProbeStates(rows, rig.rob, storeId); // an operator's console recording the round
    QVERIFY_OK(monitor->saveRound({}, rows, {}, rig.clock, 0));
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY2(!r.holds, qPrintable(r.reason.text()));
    // A row rob signs a year ahead (to stay "fresh" for good) is no probe yet.
    QList<TargetStateRow> ahead = rows;
    for (TargetStateRow &row : ahead)
        row.checkedAtMs = rig.clock + 365 * kDay;
    signProbeStates(ahead, rig.rob, storeId);
    QVERIFY_OK(monitor->saveRound({}, ahead, {}, rig.clock, 0));
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("probe it again")), qPrintable(r.reason.text()));
    QVERIFY_OK(monitor->saveRound({}, rows, {}, rig.clock, 0));
    QVERIFY(!rig.rule(QStringLiteral("scope-not-validated")).holds);
    // rob's row for my/pack, its state kept, its time moved: the signature no longer holds.
    test::attack(rig.f.path,
                 "UPDATE probe_states SET checked_at_ms = checked_at_ms + 1 WHERE target = 'my/pack';");
    r = rig.rule(QStringLiteral("scope-not-validated"));
    QVERIFY(r.holds);
    QVERIFY2(r.reason.text().contains(QStringLiteral("my/pack last probed")), qPrintable(r.reason.text()));
}

void TestLaunch::configSnapshotHoldsPresenceNeverValues() {
    Rig rig;
    const IncidentBook empty;
    auto present = [](const char *) { return true; };
    auto absent = [](const char *) { return false; };
    const ConfigSnapshot a = ConfigSnapshots::take(rig.config, Environment::Dev, empty, present);
    QVERIFY(a.verified());
    QCOMPARE(a.sha256.size(), 64);
    const std::string text = CanonicalJson::serialize(a.json);
    QVERIFY(text.find("OPSCONSOLE_PUBLISHER_TOKEN") != std::string::npos);
    QVERIFY(text.find(kSecret) == std::string::npos);
    const ConfigSnapshot b = ConfigSnapshots::take(rig.config, Environment::Dev, empty, absent);
    QVERIFY(!b.verified());
    QVERIFY2(
        b.findings.join(QLatin1Char(' ')).contains(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN is not set")),
        qPrintable(b.findings.join(QLatin1Char(' '))));
    QVERIFY(a.sha256 != b.sha256);

    // Recorded: a failed snapshot names its findings; the secret never reaches the store.
    test::TempDir dir;
    auto l = rig.as(rig.rob);
    const QString run = citedIdOf(l.start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    auto failed = l.recordSnapshot(run, absent);
    QVERIFY_OK(failed);
    QCOMPARE(failed->payload().stringAt("status"), QStringLiteral("failed"));
    QVERIFY_OK(l.recordSnapshot(run));
    QVERIFY(rig.status().check(QStringLiteral("config-snapshot"))->holds());
    // A kill switch turned on after the snapshot makes it stale, and a finding when taken again.
    QVERIFY_OK(rig.incidents().activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                                  QStringLiteral("x"), {}, {}));
    const LaunchStatus afterSwitch = rig.status();
    const LaunchCheck *c = afterSwitch.check(QStringLiteral("config-snapshot"));
    QVERIFY(!c->holds());
    QVERIFY2(c->stale.text().contains(QStringLiteral("changed since this snapshot")),
             qPrintable(c->stale.text()));
    auto again = l.recordSnapshot(run);
    QCOMPARE(again->payload().stringAt("status"), QStringLiteral("failed"));
    QVERIFY2(again->payload().stringAt("note").contains(QStringLiteral("ai kill switch is active on kl")),
             again->canonical.c_str());
    auto all = rig.f.store->events(1, 10000);
    for (const StoredEvent &e : all.value())
        QVERIFY(e.canonical.find(kSecret) == std::string::npos);
}

void TestLaunch::signoffsAreSeparatedAndInvalidatedByChanges() {
    Rig rig;
    test::TempDir dir;
    auto l = rig.as(rig.rob);
    const QString run = citedIdOf(l.start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    // Nothing to sign yet.
    quint64 before = rig.size();
    auto early = rig.as(rig.pat).signoff(run, QStringLiteral("product"));
    QCOMPARE(early.error().code, ErrorCode::Policy);
    QVERIFY2(early.error().message.contains(QStringLiteral("still open")), qPrintable(early.error().message));
    QCOMPARE(rig.size(), before);
    QCOMPARE(rig.as(rig.rob).start(QStringLiteral("kl"), QStringLiteral("b2")).error().code,
             ErrorCode::Policy);
    rig.clock += kDay;
    // A fresh launch with every check done.
    QVERIFY_OK(rig.as(rig.rob).decide(run, false, QStringLiteral("restart")));
    const QString run2 = completeChecklist(rig, dir);

    before = rig.size();
    auto wrongRole = rig.as(rig.pat).signoff(run2, QStringLiteral("engineering"));
    QCOMPARE(wrongRole.error().code, ErrorCode::Policy);
    QVERIFY(wrongRole.error().message.contains(QStringLiteral("needs the engineering role")));
    QCOMPARE(rig.as(rig.rob).signoff(run2, QStringLiteral("qa")).error().code, ErrorCode::Policy);
    QCOMPARE(rig.as(rig.pat).signoff(run2, QStringLiteral("ops")).error().code, ErrorCode::InvalidInput);
    QCOMPARE(rig.size(), before);

    QVERIFY_OK(rig.as(rig.mia).signoff(run2, QStringLiteral("product")));
    before = rig.size();
    auto twice = rig.as(rig.mia).signoff(run2, QStringLiteral("engineering"));
    QCOMPARE(twice.error().code, ErrorCode::Policy);
    QVERIFY2(twice.error().message.contains(QStringLiteral("never signs two roles")),
             qPrintable(twice.error().message));
    QCOMPARE(rig.size(), before);
    QCOMPARE(rig.as(rig.pat).signoff(run2, QStringLiteral("product")).error().code,
             ErrorCode::Policy); // still valid
    QVERIFY_OK(rig.as(rig.eve).signoff(run2, QStringLiteral("engineering")));
    QVERIFY_OK(rig.as(rig.quinn).signoff(run2, QStringLiteral("qa")));
    LaunchStatus st = rig.status();
    for (const LaunchSignoff &s : st.signoffs)
        QCOMPARE(s.state, SignoffState::Valid);
    QCOMPARE(st.signoff(QStringLiteral("product"))->identity, QStringLiteral("mia"));

    // Anything recorded on the checklist afterwards invalidates every sign-off, naming the change.
    rig.clock += kMinute;
    auto reprobe = rig.as(rig.rob).recordProbes(
        run2, QStringLiteral("probe-active"),
        {ok(QStringLiteral("kl"), TargetKind::Manifest), ok(QStringLiteral("kl"), TargetKind::Resolver)}, {});
    QVERIFY_OK(reprobe);
    st = rig.status();
    for (const LaunchSignoff &s : st.signoffs) {
        QCOMPARE(s.state, SignoffState::Invalidated);
        QVERIFY2(s.why.text().contains(QStringLiteral("probe-active (event %1)").arg(reprobe->seq)),
                 qPrintable(s.why.text()));
    }
    QVERIFY(!st.go);
    // Signing again: the same separation holds across the whole launch.
    QCOMPARE(rig.as(rig.mia).signoff(run2, QStringLiteral("engineering")).error().code, ErrorCode::Policy);
    QVERIFY_OK(rig.as(rig.pat).signoff(run2, QStringLiteral("product")));
    st = rig.status();
    QCOMPARE(st.signoff(QStringLiteral("product"))->state, SignoffState::Valid);
    QCOMPARE(st.signoff(QStringLiteral("engineering"))->state, SignoffState::Invalidated);
}

void TestLaunch::aBrokenSignatureIsShownAsSuch() {
    Rig rig;
    test::TempDir dir;
    const QString run = completeChecklist(rig, dir);
    QVERIFY_OK(rig.as(rig.pat).signoff(run, QStringLiteral("product")));
    LaunchInputs in = rig.inputs();
    QCOMPARE(computeLaunchStatus(in).signoff(QStringLiteral("product"))->state, SignoffState::Valid);
    // The same record checked against another key (as a swapped key file would be): without the
    // registry's key history, the identities' current keys are what is checked.
    in.registry.reset();
    QCOMPARE(computeLaunchStatus(in).signoff(QStringLiteral("product"))->state, SignoffState::Valid);
    in.identities[QStringLiteral("pat")].publicKeyPem = in.identities[QStringLiteral("eve")].publicKeyPem;
    const LaunchStatus swapped = computeLaunchStatus(in);
    const LaunchSignoff *s = swapped.signoff(QStringLiteral("product"));
    QCOMPARE(s->state, SignoffState::BadSignature);
    QVERIFY2(s->why.text().contains(QStringLiteral("does not verify")), qPrintable(s->why.text()));
    in = rig.inputs();
    in.identities.remove(QStringLiteral("pat"));
    QCOMPARE(computeLaunchStatus(in).signoff(QStringLiteral("product"))->state, SignoffState::BadSignature);
}

// What a modified program with the signer's key can append: a sign-off for `role`, correctly signed
// over the current launch record, past every check the recording makes.
Result<QList<StoredEvent>> forgeSignoff(Rig &rig, const QString &run, const QString &role,
                                        const Signer &signer) {
    const LaunchStatus before = rig.status();
    const LaunchSignoff *slot = before.signoff(role);
    const std::string statement = signoffStatement(run, role, signer.name, before.recordSha256);
    JsonValue evidence = JsonValue::object();
    evidence["signed_as"] = role;
    evidence["record_sha256"] = before.recordSha256;
    evidence["statement"] = statement;
    evidence["signature"] = QString::fromLatin1(signer.key.sign(statement).toBase64());
    evidence["key_fingerprint"] = signer.key.publicKey().fingerprint();
    NewEvent e;
    e.kind = QStringLiteral("runbook.step");
    e.scope = before.run->scope;
    e.tsMs = rig.clock;
    e.payload["run"] = run;
    e.payload["incident"] = QString();
    e.payload["runbook"] = before.run->runbook;
    e.payload["step"] = slot->step;
    e.payload["status"] = QStringLiteral("done");
    e.payload["note"] = QString();
    e.payload["evidence"] = evidence;
    return rig.f.store->append(signer, {e});
}

// quinn (qa) may write a step "signed as qa", the role rule's test for a sign-off; her program
// uses that to write the release owner's checks instead: probe-active done, the archive failed. The
// store takes the signed events (they are hers, and evidence), but no check reads them.
void TestLaunch::aSignerCannotRecordAChecksResult() {
    Rig rig;
    const QString run = citedIdOf(rig.as(rig.rob).start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    auto forge = [&](const QString &step, const QString &status) {
        JsonValue evidence = JsonValue::object();
        evidence["signed_as"] = QStringLiteral("qa");
        NewEvent e;
        e.kind = QStringLiteral("runbook.step");
        e.scope = QStringLiteral("kl");
        e.tsMs = rig.clock;
        e.payload["run"] = run;
        e.payload["incident"] = QString();
        e.payload["runbook"] = QStringLiteral("launch-day-validation");
        e.payload["step"] = step;
        e.payload["status"] = status;
        e.payload["note"] = QStringLiteral("looks fine to me");
        e.payload["evidence"] = evidence;
        return rig.f.store->append(rig.quinn, {e});
    };
    QVERIFY_OK(forge(QStringLiteral("probe-active"), QStringLiteral("done")));
    QVERIFY_OK(forge(QStringLiteral("archive"), QStringLiteral("failed")));
    // A sign-off step of another role "signed as qa" is no sign-off either.
    QVERIFY_OK(forge(QStringLiteral("signoff-product"), QStringLiteral("done")));
    const LaunchStatus st = rig.status();
    for (const LaunchCheck &c : st.checks) {
        QCOMPARE(c.status, StepStatus::Pending);
        QVERIFY(c.actor.isEmpty());
    }
    QCOMPARE(st.signoff(QStringLiteral("product"))->state, SignoffState::Missing);
    // The release owner's own record of the check counts as before.
    QVERIFY_OK(rig.as(rig.rob).recordFailed(run, QStringLiteral("probe-active"), QStringLiteral("HTTP 500")));
    bool failed = false;
    for (const LaunchCheck &c : rig.status().checks)
        failed = failed || (c.step.id == QLatin1String("probe-active") && c.status == StepStatus::Failed &&
                            c.actor == QLatin1String("rob"));
    QVERIFY(failed);
}

void TestLaunch::oneIdentityNeverCountsForTwoRoles() {
    Rig rig;
    test::TempDir dir;
    const QString run = completeChecklist(rig, dir);
    clearEveryRule(rig);
    QVERIFY_OK(rig.as(rig.mia).signoff(run, QStringLiteral("product")));
    QVERIFY_OK(rig.as(rig.quinn).signoff(run, QStringLiteral("qa")));
    // mia holds engineering too; the recording refuses her second role, so a modified program with
    // her key appends the sign-off itself, correctly signed over the current record.
    QVERIFY_OK(forgeSignoff(rig, run, QStringLiteral("engineering"), rig.mia));

    const LaunchStatus st = rig.status();
    QCOMPARE(st.signoff(QStringLiteral("product"))->state, SignoffState::Valid);
    const LaunchSignoff *second = st.signoff(QStringLiteral("engineering"));
    QCOMPARE(second->identity, QStringLiteral("mia"));
    QCOMPARE(second->state, SignoffState::Invalidated);
    QVERIFY2(second->why.text().contains(QStringLiteral("already signed as Product")),
             qPrintable(second->why.text()));
    QVERIFY(!st.go);
    bool named = false;
    for (const auto &[rule, reason] : st.reasons)
        named = named || (rule == QLatin1String("sign-offs") &&
                          reason.text().contains(QStringLiteral("different people")));
    QVERIFY(named);
    // And the decision refuses GO on it.
    QCOMPARE(rig.as(rig.rob).decide(run, true, QStringLiteral("go")).error().code, ErrorCode::Negative);
    // eve signing engineering makes it three people again.
    QVERIFY_OK(rig.as(rig.eve).signoff(run, QStringLiteral("engineering")));
    QVERIFY2(
        rig.status().go,
        qPrintable(rig.status().reasons.isEmpty() ? QString() : rig.status().reasons.first().second.text()));
}

// A sign-off is checked with the key its signer held when signing: quinn rotating her key later
// (approved by an admin) does not undo her QA sign-off, and her new key signs what comes next.
void TestLaunch::aRotatedKeyKeepsEarlierSignoffs() {
    Rig rig;
    test::TempDir dir;
    const QString run = completeChecklist(rig, dir);
    clearEveryRule(rig);
    QVERIFY_OK(rig.as(rig.pat).signoff(run, QStringLiteral("product")));
    QVERIFY_OK(rig.as(rig.eve).signoff(run, QStringLiteral("engineering")));
    QVERIFY_OK(rig.as(rig.quinn).signoff(run, QStringLiteral("qa")));
    QVERIFY(rig.status().go);
    auto next = crypto::PrivateKey::generate().value();
    rig.f.now = rig.clock; // the store's clock for identity acts
    QVERIFY_OK(rig.f.store->rotateIdentity(rig.quinn, next));
    QVERIFY_OK(rig.f.store->approveIdentity(rig.f.alice, QStringLiteral("quinn")));
    const LaunchStatus st = rig.status();
    QCOMPARE(st.signoff(QStringLiteral("qa"))->state, SignoffState::Valid);
    QVERIFY2(st.go, qPrintable(st.reasons.isEmpty() ? QString() : st.reasons.first().second.text()));
    // The rotated-out key signs nothing more.
    QVERIFY(!forgeSignoff(rig, run, QStringLiteral("qa"), rig.quinn).ok());
}

// Two consoles on one file start a launch at once: the other console's start lands after this one
// was decided and before it is written. This start is decided again on the longer log and refused
// (a launch is open), so one launch is open, not two.
void TestLaunch::twoConsolesStartingAtOnceLeaveOneOpenLaunch() {
    Rig rig;
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    LaunchActions elsewhere(*other.value(), rig.rob, rig.config, Environment::Dev, rig.library,
                            [&rig] { return rig.clock; });
    int raced = 0;
    LaunchActions here(*rig.f.store, rig.rob, rig.config, Environment::Dev, rig.library, [&] {
        if (raced++ == 0 && !elsewhere.start(QStringLiteral("kl"), QStringLiteral("b-elsewhere")).ok())
            raced = -1000;
        return rig.clock;
    });
    auto mine = here.start(QStringLiteral("kl"), QStringLiteral("b-here"));
    QVERIFY(raced > 0);
    QVERIFY(!mine.ok());
    QCOMPARE(mine.error().code, ErrorCode::Policy);
    QVERIFY(mine.error().message.contains(QStringLiteral("b-elsewhere")));
    int launches = 0;
    const IncidentBook book = IncidentBook::load(*rig.f.store).value();
    for (const RunbookRun &r : book.runs())
        launches += r.runbook == Launch::runbookId() ? 1 : 0;
    QCOMPARE(launches, 1);
}

// The release owner records a check on one console while the launch is decided on another: the
// check is decided again on the longer log and refused (the launch was decided), not written
// after the decision.
void TestLaunch::aCheckRecordedAsTheLaunchIsDecidedIsRefused() {
    Rig rig;
    const QString run = citedIdOf(rig.as(rig.rob).start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    LaunchActions elsewhere(*other.value(), rig.rob, rig.config, Environment::Dev, rig.library,
                            [&rig] { return rig.clock; });
    int raced = 0;
    LaunchActions here(*rig.f.store, rig.rob, rig.config, Environment::Dev, rig.library, [&] {
        if (raced++ == 0 && !elsewhere.decide(run, false, QStringLiteral("called off")).ok())
            raced = -1000;
        return rig.clock;
    });
    const quint64 before = rig.size();
    auto late = here.recordFailed(run, QStringLiteral("probe-active"), QStringLiteral("HTTP 500"));
    QVERIFY(raced > 0);
    QVERIFY(!late.ok());
    QCOMPARE(late.error().code, ErrorCode::Policy);
    QVERIFY(late.error().message.contains(QStringLiteral("was decided")));
    QCOMPARE(rig.size(), before + 2); // the decision and the run's completion, nothing after them
}

// The config snapshot reads the kill switches from the log. One is activated on another console
// after the snapshot was taken and before it is written: it is taken again, and the launch check
// fails with the switch that is active now, instead of a snapshot of a moment that has passed.
void TestLaunch::aSnapshotIsTakenAgainWhenAKillSwitchChangedMeanwhile() {
    Rig rig;
    const QString run = citedIdOf(rig.as(rig.rob).start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    IncidentActions elsewhere(*other.value(), rig.rob, rig.config, rig.library, [&rig] { return rig.clock; });
    int raced = 0;
    LaunchActions here(*rig.f.store, rig.rob, rig.config, Environment::Dev, rig.library, [&] {
        if (raced++ == 0 && !elsewhere
                                 .activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                                     QStringLiteral("spike"), {}, {})
                                 .ok())
            raced = -1000;
        return rig.clock;
    });
    auto snapped = here.recordSnapshot(run);
    QVERIFY_OK(snapped);
    QCOMPARE(raced, 2); // taken twice
    const JsonValue p = snapped->payload();
    QCOMPARE(p.stringAt("status"), QStringLiteral("failed"));
    QVERIFY2(p.stringAt("note").contains(QStringLiteral("the ai kill switch is active on kl")),
             qPrintable(p.stringAt("note")));
}

void TestLaunch::theSignoffMadeFirstCounts() {
    Rig rig;
    test::TempDir dir;
    const QString run = completeChecklist(rig, dir);
    clearEveryRule(rig);
    // mia signs engineering the ordinary way; a forged product sign-off of hers comes later in the
    // log but earlier in the checklist. The later one is the one that does not count.
    QVERIFY_OK(rig.as(rig.mia).signoff(run, QStringLiteral("engineering")));
    QVERIFY_OK(rig.as(rig.quinn).signoff(run, QStringLiteral("qa")));
    QVERIFY_OK(forgeSignoff(rig, run, QStringLiteral("product"), rig.mia));
    const LaunchStatus st = rig.status();
    QCOMPARE(st.signoff(QStringLiteral("engineering"))->state, SignoffState::Valid);
    const LaunchSignoff *product = st.signoff(QStringLiteral("product"));
    QCOMPARE(product->state, SignoffState::Invalidated);
    QVERIFY2(product->why.text().contains(QStringLiteral("already signed as Engineering")),
             qPrintable(product->why.text()));
    QVERIFY(!st.go);
}

void TestLaunch::decisionIsGoOnlyWhenTheEvidenceSaysSo() {
    Rig rig;
    test::TempDir dir;
    LaunchStatus fresh = rig.status();
    QVERIFY(!fresh.go);
    QCOMPARE(fresh.reasons.first().first, QStringLiteral("launch"));
    QCOMPARE(fresh.toJson().stringAt("decision"), QStringLiteral("NO-GO"));

    const QString run = completeChecklist(rig, dir);
    for (const auto &[s, role] :
         {std::pair{&rig.pat, "product"}, {&rig.eve, "engineering"}, {&rig.quinn, "qa"}})
        QVERIFY_OK(rig.as(*s).signoff(run, QString::fromLatin1(role)));
    // Checklist and sign-offs hold, the no-go rules do not yet.
    LaunchStatus st = rig.status();
    QVERIFY(!st.go);
    QStringList ids;
    for (const auto &r : st.reasons)
        ids << r.first;
    QCOMPARE(ids, (QStringList{QStringLiteral("rollback-unproven"), QStringLiteral("kill-switches-untested"),
                               QStringLiteral("scope-not-validated")}));
    quint64 before = rig.size();
    auto refused = rig.as(rig.rob).decide(run, true, {});
    QCOMPARE(refused.error().code, ErrorCode::Negative);
    QVERIFY(refused.error().message.contains(QStringLiteral("rollback-unproven")));
    QCOMPARE(rig.size(), before);
    QCOMPARE(rig.as(rig.pat).decide(run, false, QStringLiteral("x")).error().code, ErrorCode::Policy);
    QCOMPARE(rig.as(rig.rob).decide(run, false, {}).error().code, ErrorCode::InvalidInput);

    clearEveryRule(rig);
    st = rig.status();
    QVERIFY2(st.go, qPrintable(st.reasons.isEmpty() ? QString() : st.reasons.first().second.text()));
    QCOMPARE(st.toJson().find("no_go")->toArray().size(), std::size_t(0));
    auto decided = rig.as(rig.rob).decide(run, true, QStringLiteral("all green"));
    QVERIFY_OK(decided);
    QCOMPARE(decided->size(), 2);
    QCOMPARE(decided->first().kind, QStringLiteral("launch.decided"));
    QVERIFY(decided->first().signedByActor);
    QCOMPARE(decided->first().payload().stringAt("decision"), QStringLiteral("GO"));
    st = rig.status();
    QVERIFY(st.decided);
    QCOMPARE(st.decided->decision, QStringLiteral("GO"));
    QVERIFY(st.run->finished);
    // A decided launch takes no more checks; the next launch starts afresh.
    QCOMPARE(rig.as(rig.rob).recordSnapshot(run).error().code, ErrorCode::Policy);
    QVERIFY_OK(rig.as(rig.rob).start(QStringLiteral("pg"), QStringLiteral("b9")));
    QVERIFY(!rig.status().go);
}

void TestLaunch::genericRunbookPathsLeaveLaunchesAlone() {
    Rig rig;
    auto a = rig.incidents();
    QCOMPARE(a.runs().startRun(Launch::runbookId(), {}, QStringLiteral("kl")).error().code,
             ErrorCode::Policy);
    const QString run = citedIdOf(rig.as(rig.rob).start(QStringLiteral("kl"), QStringLiteral("b1")).value());
    StepInput in;
    in.step = QStringLiteral("signoff-product");
    QCOMPARE(a.runs().recordStep(run, in).error().code, ErrorCode::Policy);
    QCOMPARE(rig.as(rig.rob)
                 .recordManual(run, QStringLiteral("signoff-qa"), QStringLiteral("x"), {}, true)
                 .error()
                 .code,
             ErrorCode::Policy);
    QCOMPARE(rig.as(rig.pat).start(QStringLiteral("kl"), QStringLiteral("b")).error().code,
             ErrorCode::Policy);
    QCOMPARE(rig.as(rig.rob).start(QStringLiteral("nowhere"), QStringLiteral("b")).error().code,
             ErrorCode::InvalidInput);
}

void TestLaunch::exportHoldsTheRecordTheSignoffsSigned() {
    Rig rig;
    test::TempDir dir;
    const QString run = completeChecklist(rig, dir);
    QVERIFY_OK(rig.as(rig.pat).signoff(run, QStringLiteral("product")));
    const LaunchInputs in = rig.inputs();
    const LaunchStatus st = computeLaunchStatus(in);
    auto summary = exportLaunchRecord(st, in, dir.file(QStringLiteral("export")));
    QVERIFY_OK(summary);
    QCOMPARE(summary->signoffs, 1);
    QCOMPARE(summary->checksums, 1);
    QFile canonical(dir.file(QStringLiteral("export/launch-record.canonical.json")));
    QVERIFY(canonical.open(QIODevice::ReadOnly));
    QCOMPARE(crypto::sha256Hex(canonical.readAll()), st.recordSha256);
    QFile statement(dir.file(QStringLiteral("export/signoffs/product.statement")));
    QVERIFY(statement.open(QIODevice::ReadOnly));
    const QByteArray stmt = statement.readAll();
    QVERIFY(stmt.contains(st.recordSha256.toLatin1()));
    QFile sig(dir.file(QStringLiteral("export/signoffs/product.sig")));
    QVERIFY(sig.open(QIODevice::ReadOnly));
    QVERIFY(rig.pat.key.publicKey().verify(stmt, sig.readAll()));
    QFile sums(dir.file(QStringLiteral("export/SHA256SUMS")));
    QVERIFY(sums.open(QIODevice::ReadOnly));
    QVERIFY(sums.readAll().endsWith("app.apk\n"));
    // Never over an existing export.
    QCOMPARE(exportLaunchRecord(st, in, dir.file(QStringLiteral("export"))).error().code, ErrorCode::Policy);
}

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_launch.moc"
