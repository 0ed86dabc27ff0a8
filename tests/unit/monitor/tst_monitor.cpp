// The monitor's record: raw samples with retention, transitions and alert fired / acknowledged /
// cleared as signed evidence, waiting while locked, continuing across restarts.
#include "LockHolder.h"
#include "ProbeRounds.h"
#include "StoreFixture.h"

#include "TestSupport.h"

#include "incidents/IncidentActions.h"
#include "monitor/AlertMonitor.h"
#include "monitor/HttpRequest.h"
#include "monitor/LoggedProbes.h"
#include "monitor/Metrics.h"
#include "monitor/RecorderLock.h"
#include "store/Schema.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>
#include <QTimeZone>

using namespace ops;

class TestMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metricsStateSetsAndEscaping();
    void metricsOfTheLogAndItsClocks();
    void httpRequestHeads();
    void followsALiveRecorderAndTakesOverWhenItDies();
    void aConsoleHandsItsRecordingToAMonitorThatAsks();
    void onlyAFreshRequestOfALiveMonitorHereCounts();
    void aLockFileWrittenByHandMonitorsNothing();
    void aRoundThatContradictsTheTransitionDoesNotCount();
    void samplesAreKeptAndPrunedAfterRetention();
    void transitionsAreSignedEvents();
    void probeRowsAreSignedOnTheWriterThread();
    void unchangedStateRecordsNothing();
    void lockedTransitionsWaitAndFlushAtUnlock();
    void pendingIsBoundedAndTheGapIsEvidence();
    void restartContinuesDampingAndFiring();
    void acknowledgeIsSignedAndNeedsRoleAndFiring();
    void acknowledgementFromAnotherProcessIsApplied();
    void clearingAfterAcknowledgement();
    void olderStoreIsMigratedAndReadableReadOnly();
    void noStoreMeansNotRecordingSaidSo();
    void silencesFromTheLogMarkCellsAndExpiryIsRecordedOnce();
    void maintenanceWindowOpensAndExpiresInTheLog();
};

namespace {

DeploymentConfig demo() {
    return ConfigLoader::builtinDemo().value(); // fail_after 2, clear_after 2, retention 7 days
}

QList<AlertRule> rules() {
    return AlertRules::builtin().value();
}

// The kl manifest stale or fresh, every other scope fresh.

QList<StoredEvent> eventsOfKind(SqliteEvidenceStore &store, const QString &kind) {
    EventFilter f;
    f.kind = kind;
    f.limit = 10000;
    return store.query(f).value();
}

struct Rig {
    test::StoreFixture f;
    Session session;
    std::unique_ptr<AlertMonitor> monitor;
    qint64 clock = 1795410000000;
    DeploymentConfig config = demo();

    Rig() {
        f.store.reset(); // the monitor opens its own connection
        restart();
    }
    void restart() {
        monitor = std::make_unique<AlertMonitor>(config, rules(), f.path, Secret());
        monitor->setClock([this] { return clock; });
        monitor->setSession(&session);
    }
    void signInAlice() {
        // The fixture's key, re-made from the same identity: copy the registered one.
        session.unlockWith(Signer{f.alice.name, aliceKey()});
    }
    crypto::PrivateKey aliceKey() {
        auto pem = f.alice.key.unencryptedPem();
        return crypto::PrivateKey::fromPem(pem, QByteArray()).value();
    }
    void run(bool klStale) {
        clock += 30000;
        monitor->processRound(test::manifestRound(klStale, clock));
    }
    std::unique_ptr<SqliteEvidenceStore> store() {
        StoreOpenOptions o;
        o.clock = [this] { return clock; }; // one clock for every writer of the test
        return SqliteEvidenceStore::open(f.path, o).value();
    }
};

// Every target's row says alice probed it at the rig's time, under her signature over the row as
// stored.
void verifyRowsSignedByAlice(Rig &rig, const SqliteEvidenceStore &store) {
    const auto rows = MonitorStore::open(rig.f.path, true)->targetStates().value();
    QCOMPARE(rows.size(), 5);
    const auto key =
        crypto::PublicKey::fromPem(store.identity(QStringLiteral("alice"))->publicKeyPem).value();
    for (const TargetStateRow &row : rows) {
        QCOMPARE(row.signer, QStringLiteral("alice"));
        QCOMPARE(row.checkedAtMs, rig.clock);
        QVERIFY(key.verify(probeStateMessage(store.storeId(), row), row.signature));
    }
}

} // namespace

void TestMonitor::samplesAreKeptAndPrunedAfterRetention() {
    Rig rig;
    rig.run(false);
    rig.run(false);
    auto ms = MonitorStore::open(rig.f.path, true).value();
    QCOMPARE(ms.sampleCount().value(), 10);
    const auto kl = ms.samples(QStringLiteral("kl"), 0).value();
    QCOMPARE(kl.size(), 2);
    QCOMPARE(kl.first().state, QStringLiteral("ok"));
    QCOMPARE(kl.first().ageS.value_or(-1), 3600);
    QCOMPARE(kl.first().latencyMs, 12);
    // Eight days later the first two rounds are past the 7-day retention window.
    rig.clock += 8LL * 24 * 3600 * 1000;
    rig.run(false);
    QCOMPARE(ms.sampleCount().value(), 5);
    QCOMPARE(ms.samples(QStringLiteral("kl"), 0).value().size(), 1);
    // Nobody signed in: the rows say when, unsigned (the launch rules do not take that time).
    const auto rows = ms.targetStates().value();
    QVERIFY(!rows.isEmpty());
    for (const TargetStateRow &row : rows)
        QVERIFY(row.signer.isEmpty() && row.signature.isEmpty());
}

void TestMonitor::transitionsAreSignedEvents() {
    Rig rig;
    rig.signInAlice();
    rig.run(false);
    rig.run(true);
    rig.run(true); // fail_after 2: fires now
    auto store = rig.store();
    const auto changes = eventsOfKind(*store, QStringLiteral("probe.state_changed"));
    QCOMPARE(changes.size(), 6); // five first sightings, then kl ok → stale
    const JsonValue last = changes.last().payload();
    QCOMPARE(last.stringAt("target"), QStringLiteral("kl/manifest"));
    QCOMPARE(last.stringAt("from"), QStringLiteral("ok"));
    QCOMPARE(last.stringAt("to"), QStringLiteral("stale"));
    QCOMPARE(changes.last().actor, QStringLiteral("alice"));
    QVERIFY(changes.last().signedByActor);
    const auto fired = eventsOfKind(*store, QStringLiteral("alert.fired"));
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.first().scope, QStringLiteral("kl"));
    QCOMPARE(fired.first().payload().stringAt("alert"), QStringLiteral("stale-pack"));
    QCOMPARE(fired.first().payload().stringAt("severity"), QStringLiteral("SEV-2"));
    QVERIFY(
        fired.first().payload().stringAt("first_action").contains(QStringLiteral("pause confidence claims")));
    VerifyOptions o;
    o.signatures = true;
    QVERIFY(store->verify(o)->intact);
    // When each target was last probed: signed by the recorder, over the row as stored.
    verifyRowsSignedByAlice(rig, *store);
}

void TestMonitor::probeRowsAreSignedOnTheWriterThread() {
    // The console writes samples on a writer thread; the rows are signed there, the same way.
    Rig rig;
    rig.signInAlice();
    rig.monitor->setBackgroundWrites(true);
    QSignalSpy written(rig.monitor.get(), &AlertMonitor::samplesWritten);
    rig.run(false);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 60000);
    rig.monitor->setBackgroundWrites(false);
    auto store = rig.store();
    verifyRowsSignedByAlice(rig, *store);
}

void TestMonitor::unchangedStateRecordsNothing() {
    Rig rig;
    rig.signInAlice();
    rig.run(false);
    const quint64 after1 = rig.store()->size().value();
    rig.run(false);
    rig.run(false);
    QCOMPARE(rig.store()->size().value(), after1);
    // A restart remembers the states: still nothing new.
    rig.restart();
    rig.run(false);
    QCOMPARE(rig.store()->size().value(), after1);
}

void TestMonitor::lockedTransitionsWaitAndFlushAtUnlock() {
    Rig rig;
    QSignalSpy recording(rig.monitor.get(), &AlertMonitor::recordingChanged);
    rig.run(false);
    rig.run(true);
    rig.run(true);
    QCOMPARE(rig.monitor->pendingEvents(), 5 + 1 + 1);
    QCOMPARE(rig.store()->size().value(), quint64(1)); // only alice's identity
    QVERIFY(recording.count() > 0);
    rig.signInAlice();
    QCOMPARE(rig.monitor->pendingEvents(), 0);
    auto store = rig.store();
    QCOMPARE(store->size().value(), quint64(1 + 7));
    const auto fired = eventsOfKind(*store, QStringLiteral("alert.fired"));
    QCOMPARE(fired.size(), 1);
    // The time it was seen travels with the event, not only the time it was recorded.
    QCOMPARE(fired.first().payload().stringAt("observed_at"), Time::toIso(rig.clock));
}

void TestMonitor::pendingIsBoundedAndTheGapIsEvidence() {
    Rig rig;
    rig.monitor->setPendingLimit(50);
    for (int i = 0; i < 60; ++i)
        rig.run(i % 2 == 0); // kl flaps: a probe transition every round
    QCOMPARE(rig.monitor->pendingEvents(), 50);
    QVERIFY(rig.monitor->droppedEvents() > 0);
    rig.signInAlice();
    const auto gaps = eventsOfKind(*rig.store(), QStringLiteral("monitor.gap"));
    QCOMPARE(gaps.size(), 1);
    QVERIFY(gaps.first().payload().find("dropped_events")->toInt() > 0);
}

void TestMonitor::restartContinuesDampingAndFiring() {
    Rig rig;
    rig.signInAlice();
    rig.run(true); // one bad: not firing yet
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Unknown);
    rig.restart();
    rig.run(true); // the second bad, after a restart: fires (the counter was kept)
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Firing);
    rig.restart();
    // Firing survives a restart before any round.
    QCOMPARE(rig.monitor->openStore() != nullptr, true);
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Firing);
    // Healthy does not: it waits for a fresh observation.
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("sg")).state,
             AlertState::Unknown);
    QCOMPARE(eventsOfKind(*rig.store(), QStringLiteral("alert.fired")).size(), 1);
}

void TestMonitor::acknowledgeIsSignedAndNeedsRoleAndFiring() {
    Rig rig;
    rig.run(true);
    rig.run(true);
    // Locked: refused.
    auto locked = rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"),
                                           QStringLiteral("looking"));
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, ErrorCode::Policy);
    // Someone without the operator or incident-owner role: refused.
    {
        auto store = rig.store();
        Signer qa = test::makeSigner(QStringLiteral("quinn"));
        QVERIFY(store->registerIdentity(qa, {QStringLiteral("qa")}).ok());
        rig.session.unlockWith(std::move(qa));
    }
    auto noRole = rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"),
                                           QStringLiteral("looking"));
    QVERIFY(!noRole.ok());
    QVERIFY(noRole.error().message.contains(QStringLiteral("operator")));
    rig.signInAlice();
    auto notFiring =
        rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("sg"), QStringLiteral("x"));
    QVERIFY(!notFiring.ok());
    auto noNote =
        rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("  "));
    QCOMPARE(noNote.error().code, ErrorCode::InvalidInput);
    const quint64 before = rig.store()->size().value();
    auto ok = rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"),
                                       QStringLiteral("refresh job restarted"));
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
    QCOMPARE(ok->kind, QStringLiteral("alert.acknowledged"));
    QCOMPARE(ok->actor, QStringLiteral("alice"));
    QVERIFY(ok->signedByActor);
    QCOMPARE(ok->payload().stringAt("note"), QStringLiteral("refresh job restarted"));
    QCOMPARE(rig.store()->size().value(), before + 1);
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Acknowledged);
    // The CLI reads the same cell.
    auto cells = MonitorStore::open(rig.f.path, true)->alertCells().value();
    bool seen = false;
    for (const StoredAlertCell &c : cells)
        if (c.cell.alertId == QLatin1String("stale-pack") && c.cell.scope == QLatin1String("kl")) {
            seen = true;
            QCOMPARE(c.cell.state, AlertState::Acknowledged);
            QCOMPARE(c.cell.acknowledgedBy, QStringLiteral("alice"));
            QVERIFY(c.evaluatedAtMs > 0);
        }
    QVERIFY(seen);
    // Acknowledging twice is refused: it is no longer firing.
    QVERIFY(
        !rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("again"))
             .ok());
}

void TestMonitor::acknowledgementFromAnotherProcessIsApplied() {
    Rig rig;
    rig.signInAlice();
    rig.run(true);
    rig.run(true);
    // Another console (or the CLI) acknowledges through its own monitor.
    {
        Session other;
        other.unlockWith(Signer{rig.f.alice.name, rig.aliceKey()});
        AlertMonitor second(demo(), rules(), rig.f.path, Secret());
        second.setClock([&rig] { return rig.clock; }); // one clock for every writer of the test
        second.setSession(&other);
        QVERIFY(second.acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("mine"))
                    .ok());
    }
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Firing);
    rig.run(true);
    const AlertCell &c = rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl"));
    QCOMPARE(c.state, AlertState::Acknowledged);
    QCOMPARE(c.acknowledgeNote, QStringLiteral("mine"));
}

void TestMonitor::clearingAfterAcknowledgement() {
    Rig rig;
    rig.signInAlice();
    rig.run(true);
    rig.run(true);
    QVERIFY(
        rig.monitor->acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("on it"))
            .ok());
    rig.run(false);
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Acknowledged);
    rig.run(false); // clear_after 2
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Ok);
    const auto cleared = eventsOfKind(*rig.store(), QStringLiteral("alert.cleared"));
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(cleared.first().payload().stringAt("from"), QStringLiteral("acknowledged"));
}

void TestMonitor::olderStoreIsMigratedAndReadableReadOnly() {
    test::StoreFixture f;
    f.appendN(3);
    f.store.reset();
    // Make it a version-1 store: the monitor tables and the search indexes did not exist then.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(f.path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db,
                          "DROP TABLE probe_samples; DROP TABLE probe_states; DROP TABLE alert_cells;"
                          "DROP TABLE search_state; DROP TABLE events_fts; DROP TABLE event_refs;"
                          "DELETE FROM schema_version WHERE version >= 2; PRAGMA user_version=1;",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    StoreOpenOptions ro;
    ro.readOnly = true;
    auto readOnly = SqliteEvidenceStore::open(f.path, ro);
    QVERIFY2(readOnly.ok(), qPrintable(readOnly.ok() ? QString() : readOnly.error().message));
    QCOMPARE(readOnly.value()->size().value(), quint64(4));
    // A read-only open of the old store searches without the full-text index.
    EventSearch search;
    search.text = QStringLiteral("event 2");
    QVERIFY(!readOnly.value()->hasSearchIndex());
    QCOMPARE(readOnly.value()->searchPage(search, std::nullopt, 10)->seqs.size(), 1);
    QCOMPARE(MonitorStore::open(f.path, true)->alertCells()->size(), 0);
    QVERIFY(!MonitorStore::open(f.path, false).ok());
    readOnly.value().reset();
    auto writable = SqliteEvidenceStore::open(f.path, StoreOpenOptions{});
    QVERIFY(writable.ok());
    QVERIFY(writable.value()->verify({})->intact);
    // Migrated: the events already there are in the full-text index.
    QVERIFY(writable.value()->hasSearchIndex());
    search.text = QStringLiteral("\"event 2\"");
    QCOMPARE(writable.value()->searchPage(search, std::nullopt, 10)->seqs.size(), 1);
    search.text = QStringLiteral("event");
    QCOMPARE(writable.value()->searchPage(search, std::nullopt, 10)->seqs.size(), 3);
    QVERIFY(MonitorStore::open(f.path, false).ok());
}

void TestMonitor::noStoreMeansNotRecordingSaidSo() {
    test::TempDir dir;
    Session session;
    AlertMonitor monitor(demo(), rules(), dir.file(QStringLiteral("none.sqlite")), Secret());
    monitor.setSession(&session);
    monitor.processRound(test::manifestRound(true, 1795410000000));
    QVERIFY(monitor.recordingProblem().contains(QStringLiteral("no evidence store")));
    QVERIFY(monitor.pendingEvents() > 0);
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("none.sqlite"))));
}

void TestMonitor::metricsStateSetsAndEscaping() {
    Metrics::Input in;
    in.nowMs = 1795410000000;
    ProbeResult never; // not probed: unknown is its own series, set to 1
    never.target.id = QStringLiteral("kl/manifest");
    never.target.scope = QStringLiteral("kl");
    ProbeResult odd;
    odd.target.id = QStringLiteral("x\"y\\z\nw");
    odd.state = ProbeState::Ok;
    odd.latencyMs = 250;
    in.probes = {never, odd};
    const QByteArray text = Metrics::prometheusText(in);
    QVERIFY(text.contains("opsconsole_probe_state{target=\"kl/"
                          "manifest\",scope=\"kl\",kind=\"manifest\",state=\"unknown\"} 1\n"));
    QVERIFY(text.contains(
        "opsconsole_probe_state{target=\"kl/manifest\",scope=\"kl\",kind=\"manifest\",state=\"ok\"} 0\n"));
    QVERIFY(!text.contains("opsconsole_probe_latency_seconds{target=\"kl/manifest\"}"));
    QVERIFY2(text.contains("opsconsole_probe_latency_seconds{target=\"x\\\"y\\\\z\\nw\"} 0.25\n"),
             text.constData());
    // Nothing read from the log: said so, not shown as zero incidents.
    QVERIFY(text.contains("opsconsole_log_readable 0\n"));
    QVERIFY(!text.contains("opsconsole_incidents_open"));
    QVERIFY(text.contains("opsconsole_monitor_last_round_timestamp_seconds 0\n"));
    QVERIFY(!text.contains("opsconsole_team_log_up")); // a local store has no team log

    // Team mode: the server's state always; witnesses and the outbox only when known (never 0
    // for "could not be read").
    Metrics::Input::Team team;
    team.up = false;
    team.quorum = 2;
    in.team = team;
    QByteArray down = Metrics::prometheusText(in);
    QVERIFY(down.contains("opsconsole_team_log_up 0\n"));
    QVERIFY(down.contains("opsconsole_checkpoint_witness_quorum 2\n"));
    QVERIFY(!down.contains("opsconsole_checkpoint_witnesses"));
    QVERIFY(!down.contains("opsconsole_outbox_unsynced_acts"));
    team.up = true;
    team.witnesses = 1;
    team.unsynced = 3;
    in.team = team;
    const QByteArray up = Metrics::prometheusText(in);
    QVERIFY(up.contains("opsconsole_team_log_up 1\n"));
    QVERIFY(up.contains("opsconsole_checkpoint_witnesses 1\n"));
    QVERIFY(up.contains("opsconsole_outbox_unsynced_acts 3\n"));
}

// What the log says, as Prometheus reads it: open incidents by severity, the seconds left on a
// running rollback's clocks that are not met yet, active kill switches, the latest checkpoint's
// age, a manifest's age and the webhook attempts by outcome; promtool accepts the whole text.
void TestMonitor::metricsOfTheLogAndItsClocks() {
    test::StoreFixture f;
    const Signer olivia = test::makeSigner(QStringLiteral("olivia"));
    QVERIFY_OK(f.enrol(olivia, {QStringLiteral("incident-owner"), QStringLiteral("operator")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    const qint64 start = f.now + 60000;
    qint64 clock = start;
    IncidentActions acts(*f.store, olivia, config, library, [&clock] { return clock; });
    auto bad = acts.open(OpenIncident{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}});
    QVERIFY_OK(bad);
    QVERIFY_OK(acts.open(OpenIncident{
        QStringLiteral("stale-pack"), QStringLiteral("my"), {}, {}, QStringLiteral("old pack"), {}, {}}));
    QVERIFY_OK(acts.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                       QStringLiteral("bad output"), {QStringLiteral("kl")},
                                       QStringLiteral("ok: kl/manifest")));
    auto rollback = acts.runs().startRollback(QStringLiteral("kl"), false, citedIdOf(bad.value()));
    QVERIFY_OK(rollback);
    const QString run = citedIdOf(rollback.value());
    clock = start + 10 * 60000; // the rebind: restore met at 10 minutes
    StepInput rebind;
    rebind.step = QStringLiteral("rebind");
    rebind.confirmed = true;
    QVERIFY_OK(acts.runs().recordStep(
        run, rebind,
        {makeBlob(QStringLiteral("publisher.json"), "{\"ok\":true}", QStringLiteral("application/json"))
             .value()}));

    Metrics::Input in;
    in.nowMs = start + 20 * 60000; // integrity: 10 of its 30 minutes left
    auto book = IncidentBook::load(*f.store);
    QVERIFY_OK(book);
    in.book = book.value();
    in.logSize = f.store->size().value();
    const qint64 sealed = f.store->latestCheckpoint().value().tsMs;
    in.checkpointMs = sealed;
    ProbeResult manifest;
    manifest.target.id = QStringLiteral("kl/manifest");
    manifest.target.scope = QStringLiteral("kl");
    manifest.state = ProbeState::Ok;
    manifest.ageS = 7200;
    in.probes = {manifest};
    in.notifications =
        QHash<QString, qint64>{{QStringLiteral("delivered"), 2}, {QStringLiteral("gave_up"), 1}};
    const QByteArray text = Metrics::prometheusText(in);

    QHash<QString, int> open;
    for (const Incident *i : book->openIncidents())
        open[i->severity] += 1;
    QCOMPARE(book->openIncidents().size(), 2);
    for (const char *severity : {"SEV-1", "SEV-2", "SEV-3"}) {
        const QByteArray line = QByteArray("opsconsole_incidents_open{severity=\"") + severity + "\"} " +
                                QByteArray::number(open.value(QLatin1String(severity))) + "\n";
        QVERIFY2(text.contains(line), text.constData());
    }
    const QByteArray clockLine = QByteArray("opsconsole_rollback_seconds_left{run=\"") + run.toUtf8() +
                                 "\",scope=\"kl\",clock=\"integrity\"} 600\n";
    QVERIFY2(text.contains(clockLine), text.constData());
    QVERIFY2(!text.contains("clock=\"restore\""), text.constData()); // met: no clock runs
    QVERIFY2(text.contains("opsconsole_killswitch_active{switch=\"ai\",scope=\"kl\"} 1\n"), text.constData());
    const QByteArray ageLine = QByteArray("opsconsole_checkpoint_age_seconds ") +
                               QByteArray::number(static_cast<double>(in.nowMs - sealed) / 1000.0) + "\n";
    QVERIFY2(text.contains(ageLine), text.constData());
    QVERIFY2(text.contains("opsconsole_manifest_age_seconds{target=\"kl/manifest\"} 7200\n"),
             text.constData());
    QVERIFY(text.contains("opsconsole_notification_attempts_total{outcome=\"delivered\"} 2\n"));
    QVERIFY(text.contains("opsconsole_notification_attempts_total{outcome=\"gave_up\"} 1\n"));
    QVERIFY(text.contains("opsconsole_notification_attempts_total{outcome=\"dropped\"} 0\n"));
    QVERIFY(text.contains("opsconsole_log_readable 1\n"));
    const QByteArray promtool = test::promtoolCheck(text);
    QVERIFY2(promtool.isEmpty(), promtool.constData());
}

void TestMonitor::httpRequestHeads() {
    using namespace HttpRequest;
    const Head get = parse("GET /metrics?debug=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(get.status, Status::Complete);
    QCOMPARE(get.path, QByteArray("/metrics"));
    QCOMPARE(route(get).status, 200);
    QCOMPARE(parse("GET /metrics HTTP/1.1\r\nHost: x").status, Status::Incomplete);
    QCOMPARE(parse(QByteArray(kMaxHeadBytes + 1, 'a')).status, Status::TooLarge);
    QCOMPARE(route(parse(QByteArray(kMaxHeadBytes + 1, 'a'))).status, 431);
    QCOMPARE(route(parse("GET metrics HTTP/1.1\r\n\r\n")).status, 400);
    QCOMPARE(route(parse("get /metrics HTTP/1.1\r\n\r\n")).status, 400);
    QCOMPARE(route(parse("POST /metrics HTTP/1.1\r\n\r\n")).status, 405);
    QCOMPARE(route(parse("GET /metrics/../x HTTP/1.1\r\n\r\n")).status, 404);
    QCOMPARE(route(parse("HEAD /healthz HTTP/1.0\r\n\r\n")).resource, QByteArray("/healthz"));
}

void TestMonitor::followsALiveRecorderAndTakesOverWhenItDies() {
    Rig rig;
    rig.signInAlice();
    rig.run(true); // this console's own round: the kl manifest stale
    QVERIFY(rig.monitor->recordingProblem().isEmpty());
    // Another process holds the recorder lock beside the store: a live process holding the file's
    // native lock (flock(1) holds it while it runs), its pid in the file as QLockFile writes it.
    QProcess recorder;
    QVERIFY(test::holdLock(recorder, AlertMonitor::recorderLockPath(rig.f.path)));
    {
        QFile lock(AlertMonitor::recorderLockPath(rig.f.path));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(recorder.processId()) + "\nopsconsole-cli\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
    }
    rig.f.reopen();
    const quint64 size = rig.f.store->size().value();
    rig.f.store.reset();
    QSignalSpy rounds(rig.monitor.get(), &AlertMonitor::roundEvaluated);
    rig.monitor->runRound();
    QCOMPARE(rounds.count(), 1); // at once, from the store: nothing probed
    QVERIFY(!rig.monitor->isRunning());
    QVERIFY2(rig.monitor->recordingProblem().contains(
                 QStringLiteral("monitored by process %1").arg(recorder.processId())),
             qPrintable(rig.monitor->recordingProblem()));
    // The recorder's cells as it saved them (here: this console's own last round).
    QCOMPARE(
        rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).consecutiveBad, 1);
    const auto results = rounds.first().first().value<QList<ProbeResult>>();
    QVERIFY(!results.isEmpty());
    // Nothing new fired: a follower's first look tells nobody about what it already knew.
    QVERIFY(rounds.first().at(1).value<QList<AlertTransition>>().isEmpty());
    rig.f.reopen();
    QCOMPARE(rig.f.store->size().value(), size); // nothing recorded
    rig.f.store.reset();
    // The recorder's next round makes the kl cell fire: the follower tells its people, once.
    quint64 recorded = 0;
    {
        AlertMonitor recorderRound(rig.config, rules(), rig.f.path, Secret());
        recorderRound.setClock([&rig] { return rig.clock; });
        recorderRound.setSession(&rig.session);
        rig.clock += 30000;
        recorderRound.processRound(test::manifestRound(true, rig.clock));
        QCOMPARE(recorderRound.evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
                 AlertState::Firing);
        rig.f.reopen();
        recorded = rig.f.store->size().value();
        rig.f.store.reset();
    }
    QVERIFY(recorded > size);
    rounds.clear();
    rig.monitor->runRound();
    QCOMPARE(rounds.count(), 1);
    auto told = rounds.first().at(1).value<QList<AlertTransition>>();
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().alertId, QStringLiteral("stale-pack"));
    QCOMPARE(told.first().scope, QStringLiteral("kl"));
    QCOMPARE(told.first().to, AlertState::Firing);
    QVERIFY(!told.first().severity.isEmpty());
    rounds.clear();
    rig.monitor->runRound(); // the same firing again is no news
    QCOMPARE(rounds.count(), 1);
    QVERIFY(rounds.first().at(1).value<QList<AlertTransition>>().isEmpty());
    rig.f.reopen();
    QCOMPARE(rig.f.store->size().value(), recorded); // the follower recorded nothing
    rig.f.store.reset();
    // The recorder dies: its lock is stale, and this console takes over.
    recorder.kill();
    QVERIFY(recorder.waitForFinished(30000));
    QVERIFY(rig.monitor->monitoredBy().isEmpty());
    rig.monitor->runRound();
    QVERIFY(rig.monitor->recordingProblem().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!rig.monitor->isRunning(), 60000);
}

void TestMonitor::aConsoleHandsItsRecordingToAMonitorThatAsks() {
    Rig rig;
    rig.signInAlice();
    rig.monitor->setYieldsToMonitor(true);
    // Recording takes the store's recorder lock, with the promise to yield.
    QVERIFY(rig.monitor->mayRecord());
    QVERIFY(QFileInfo::exists(RecorderLock::lockPath(rig.f.path)));
    QVERIFY(QFileInfo::exists(RecorderLock::yieldsPath(rig.f.path)));
    {
        RecorderLock other(rig.f.path);
        QVERIFY(!other.tryTake(false).isEmpty()); // held: nobody else records
    }
    // A monitor (a live process) asks for it: within a second, between rounds, the console lets
    // go, follows, and does not take it back while the monitor is on its way.
    QProcess asker;
    asker.start(QStringLiteral("cat"), QStringList());
    QVERIFY(asker.waitForStarted());
    {
        QFile request(RecorderLock::requestPath(rig.f.path));
        QVERIFY(request.open(QIODevice::WriteOnly));
        request.write(QByteArray::number(asker.processId()) + '\n' + QSysInfo::machineHostName().toUtf8() +
                      '\n');
    }
    QTRY_VERIFY_WITH_TIMEOUT(rig.monitor->isFollowing(), 30000);
    QVERIFY2(rig.monitor->recordingProblem().contains(QString::number(asker.processId())),
             qPrintable(rig.monitor->recordingProblem()));
    QVERIFY(!QFileInfo::exists(RecorderLock::yieldsPath(rig.f.path)));
    QVERIFY(!rig.monitor->mayRecord()); // missed deadlines are not recorded here meanwhile
    {
        RecorderLock monitor(rig.f.path);
        QVERIFY(monitor.tryTake(false).isEmpty()); // free for the monitor
    }
    // A monitor that asked and died: its request no longer counts, the console records again.
    asker.kill();
    QVERIFY(asker.waitForFinished(30000));
    QVERIFY(rig.monitor->mayRecord());
    QVERIFY(QFileInfo::exists(RecorderLock::yieldsPath(rig.f.path)));
}

// A lock file that a process of this user wrote by hand, naming a live process on this machine:
// no process holds it, so nobody is monitoring; a console takes the store over instead of showing
// a recorder that does not exist. (A lock a process really holds is seen as held by every other
// process: aRecordingConsoleHandsOverToTheMonitor in tst_monitor_cli.)
void TestMonitor::aLockFileWrittenByHandMonitorsNothing() {
    test::TempDir dir;
    const QString store = dir.file(QStringLiteral("store.db"));
    const QString path = RecorderLock::lockPath(store);
    QProcess live;
    live.start(QStringLiteral("cat"), QStringList());
    QVERIFY(live.waitForStarted());
    QByteArray content;
    {
        QLockFile real(path);
        QVERIFY(real.tryLock(0));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        content = f.readAll();
        real.unlock();
    }
    QList<QByteArray> lines = content.split('\n');
    lines[0] = QByteArray::number(live.processId());
    {
        QFile forged(path);
        QVERIFY(forged.open(QIODevice::WriteOnly));
        forged.write(lines.join('\n'));
    }
    QLockFile probe(path);
    qint64 pid = 0;
    QString host, app;
    QVERIFY(probe.getLockInfo(&pid, &host, &app));
    QCOMPARE(pid, live.processId()); // it names a live process here
    QCOMPARE(RecorderLock::holder(store), QString());
    RecorderLock console(store);
    QCOMPARE(console.tryTake(true), QString());
    QVERIFY(console.held());
    live.closeWriteChannel();
    QVERIFY(live.waitForFinished());
}

// What makes a console hand over: a request file naming a live process on this host, written in
// the last two minutes (a monitor waits one). A request left by a monitor that gave up, one naming
// another host, this very process or a dead one, or a link planted in its place, counts for nothing.
void TestMonitor::onlyAFreshRequestOfALiveMonitorHereCounts() {
    test::TempDir dir;
    const QString store = dir.file(QStringLiteral("store.db"));
    RecorderLock holder(store);
    QCOMPARE(holder.tryTake(true), QString());
    QProcess asker;
    asker.start(QStringLiteral("cat"), QStringList());
    QVERIFY(asker.waitForStarted());
    const QString path = RecorderLock::requestPath(store);
    const auto ask = [&path](qint64 pid, const QByteArray &host) {
        QFile::remove(path);
        QFile request(path);
        QVERIFY(request.open(QIODevice::WriteOnly));
        request.write(QByteArray::number(pid) + '\n' + host + '\n');
    };
    const QByteArray here = QSysInfo::machineHostName().toUtf8();
    ask(asker.processId(), here);
    QCOMPARE(holder.requestedBy(), asker.processId());
    // Two minutes and more old: the monitor that wrote it stopped waiting long ago.
    {
        QFile request(path);
        QVERIFY(request.open(QIODevice::ReadWrite));
        QVERIFY(request.setFileTime(QDateTime::currentDateTime().addSecs(-121),
                                    QFileDevice::FileModificationTime));
    }
    QCOMPARE(holder.requestedBy(), 0);
    ask(asker.processId(), here + ".elsewhere");
    QCOMPARE(holder.requestedBy(), 0);
    ask(QCoreApplication::applicationPid(), here);
    QCOMPARE(holder.requestedBy(), 0);
    // A link in the request's place is not followed, whatever it points at.
    QFile::remove(path);
    const QString planted =
        dir.write(QStringLiteral("planted"), QByteArray::number(asker.processId()) + '\n' + here + '\n');
    QVERIFY(QFile::link(planted, path));
    QCOMPARE(holder.requestedBy(), 0);
    ask(asker.processId(), here);
    QCOMPARE(holder.requestedBy(), asker.processId());
    asker.kill();
    QVERIFY(asker.waitForFinished(30000));
    QCOMPARE(holder.requestedBy(), 0);
}

void TestMonitor::aRoundThatContradictsTheTransitionDoesNotCount() {
    // On a log without a probe table, state is the last signed transition; a later round that
    // claims "ok" for a target whose transition says "failed" does not make it fresh or healthy.
    test::StoreFixture f;
    JsonValue t = JsonValue::object();
    t["target"] = QStringLiteral("kl/manifest");
    t["kind"] = QStringLiteral("manifest");
    t["from"] = QStringLiteral("ok");
    t["to"] = QStringLiteral("failed");
    t["reason"] = QStringLiteral("HTTP 500");
    const auto transition = f.store->append(
        f.alice, {NewEvent{QStringLiteral("probe.state_changed"), QStringLiteral("kl"), t, std::nullopt}});
    QVERIFY(transition.ok());
    JsonValue lie = JsonValue::object();
    lie["target"] = QStringLiteral("kl/manifest");
    lie["state"] = QStringLiteral("ok");
    lie["reason"] = QString();
    JsonValue round = JsonValue::object();
    JsonValue targets = JsonValue::array();
    targets.push(lie);
    round["targets"] = targets;
    QVERIFY(
        f.store->append(f.alice, {NewEvent{QStringLiteral("probe.round"), QString(), round, std::nullopt}})
            .ok());
    auto logged = LoggedProbes::read(*f.store);
    QVERIFY(logged.ok());
    const TargetStateRow row = logged->value(QStringLiteral("kl/manifest"));
    QCOMPARE(row.state, QStringLiteral("failed"));
    QCOMPARE(row.checkedAtMs, transition->first().tsMs);
    // A round that agrees does count as the last look.
    JsonValue agree = lie;
    agree["state"] = QStringLiteral("failed");
    JsonValue targets2 = JsonValue::array();
    targets2.push(agree);
    round["targets"] = targets2;
    const auto seen =
        f.store->append(f.alice, {NewEvent{QStringLiteral("probe.round"), QString(), round, std::nullopt}});
    QVERIFY(seen.ok());
    QCOMPARE(LoggedProbes::read(*f.store)->value(QStringLiteral("kl/manifest")).checkedAtMs,
             seen->first().tsMs);
}

void TestMonitor::silencesFromTheLogMarkCellsAndExpiryIsRecordedOnce() {
    Rig rig;
    rig.signInAlice();
    rig.run(true);
    rig.run(true);
    const QString a = QStringLiteral("stale-pack"), kl = QStringLiteral("kl");
    QCOMPARE(rig.monitor->evaluator()->cell(a, kl).state, AlertState::Firing);
    // Another process (the CLI) silences the cell for 60 s.
    {
        auto store = rig.store();
        QVERIFY(SilenceActs::add(*store, Signer{rig.f.alice.name, rig.aliceKey()}, rig.config, rules(), a, kl,
                                 rig.clock + 60'000, QStringLiteral("vendor refresh"), rig.clock)
                    .ok());
    }
    rig.run(true);
    const AlertCell &c = rig.monitor->evaluator()->cell(a, kl);
    QCOMPARE(c.state, AlertState::Firing); // never hidden
    QCOMPARE(c.displayState(), QStringLiteral("silenced"));
    QCOMPARE(c.silencedBy, QStringLiteral("alice"));
    QCOMPARE(c.silenceReason, QStringLiteral("vendor refresh"));
    rig.run(true); // +60 s: its time is up
    QVERIFY(!rig.monitor->evaluator()->cell(a, kl).silenced());
    QCOMPARE(rig.monitor->evaluator()->cell(a, kl).displayState(), QStringLiteral("firing"));
    rig.run(true);
    rig.run(true);
    const auto expired = eventsOfKind(*rig.store(), QStringLiteral("silence.expired"));
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.first().actor, QStringLiteral("alice"));
    QVERIFY(expired.first().signedByActor);
    // The alert kept firing into the log under the silence: one alert.fired, before it.
    QCOMPARE(eventsOfKind(*rig.store(), QStringLiteral("alert.fired")).size(), 1);
}

void TestMonitor::maintenanceWindowOpensAndExpiresInTheLog() {
    Rig rig;
    // A daily window that began a minute before the next round, three minutes long.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(rig.clock + 30'000, QTimeZone::utc());
    MaintenanceWindow w;
    w.scope = QStringLiteral("kl");
    w.alerts = {QStringLiteral("stale-pack")};
    w.every = QStringLiteral("daily");
    w.startMinute = at.time().hour() * 60 + at.time().minute() - 1;
    w.minutes = 3;
    w.reason = QStringLiteral("nightly refresh");
    rig.config.maintenance = {w};
    rig.restart();
    rig.run(true); // locked: the opening waits with the transitions
    QVERIFY(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).silenced());
    rig.signInAlice();
    for (int i = 0; i < 8; ++i)
        rig.run(true);
    auto store = rig.store();
    const auto opened = eventsOfKind(*store, QStringLiteral("silence.window_opened"));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().scope, QStringLiteral("kl"));
    QCOMPARE(opened.first().payload().stringAt("reason"), QStringLiteral("nightly refresh"));
    const auto expired = eventsOfKind(*store, QStringLiteral("silence.expired"));
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.first().payload().stringAt("id"), opened.first().payload().stringAt("id"));
    QVERIFY(!rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).silenced());
    // It fired under the window (recorded) and is plainly firing now.
    QCOMPARE(eventsOfKind(*store, QStringLiteral("alert.fired")).size(), 1);
    VerifyOptions o;
    o.signatures = true;
    QVERIFY(store->verify(o)->intact);
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
