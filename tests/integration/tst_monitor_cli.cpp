// The headless monitor against the demo pipeline: it probes and records as the acting identity,
// serves /metrics that Prometheus's own `promtool check metrics` accepts, refuses a second
// recorder on the same store, answers nothing but GET /metrics and /healthz, and stops cleanly on
// SIGTERM, freeing the store for the next recorder.
#include "CliHarness.h"
#include "HttpTestClient.h"
#include "StoreFixture.h"

#include "core/CanonicalJson.h"
#include "core/DeploymentConfig.h"
#include "crypto/KeyRing.h"
#include "incidents/IncidentActions.h"
#include "monitor/RecorderLock.h"
#include "runbooks/Runbook.h"
#include "store/SqliteEvidenceStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

#include <csignal>

using namespace ops;

class TestMonitorCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void recordsServesMetricsAndStops();
    void silenceVerbs();
    void aRecordingConsoleHandsOverToTheMonitor();
    void rollbackDeadlinesAreRecordedOnceByTheMonitor();

private:
    test::DemoPipelineProcess m_pipeline;
};

namespace {} // namespace

void TestMonitorCli::silenceVerbs() {
    test::Cli cli(m_pipeline.demoConfigYaml(), QStringLiteral("publisher-token-silence-7c1"));
    QCOMPARE(RUN_OK(cli("init --identity ops --roles admin,operator")).exitCode, 0);
    const auto add = [&](const QString &until, const QString &reason,
                         const QString &alert = QStringLiteral("stale-pack")) {
        return cli({QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("--alert"), alert,
                    QStringLiteral("--scope"), QStringLiteral("kl"), QStringLiteral("--until"), until,
                    QStringLiteral("--reason"), reason, QStringLiteral("--json")});
    };
    // Refused before anything is written: no reason, a past or unreadable time, an unknown alert.
    const qint64 before = test::parseJson(cli("evidence verify --json").out).find("events")->toInt();
    QCOMPARE(cli("silence add --alert stale-pack --scope kl --until 1h").exitCode, 2);
    auto past = add(QStringLiteral("2020-01-01T00:00:00Z"), QStringLiteral("x"));
    QCOMPARE(past.exitCode, 4);
    QVERIFY2(past.err.contains("not in the future"), past.err.constData());
    QCOMPARE(add(QStringLiteral("soon"), QStringLiteral("x")).exitCode, 3);
    auto unknown = add(QStringLiteral("1h"), QStringLiteral("x"), QStringLiteral("no-such-alert"));
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY2(unknown.err.contains("no alert 'no-such-alert'"), unknown.err.constData());
    QCOMPARE(test::parseJson(cli("evidence verify --json").out).find("events")->toInt(), before);

    auto added = RUN_OK(add(QStringLiteral("2h"), QStringLiteral("vendor refreshes the pack")));
    QCOMPARE(added.exitCode, 0);
    const QString id = test::parseJson(added.out).stringAt("id");
    QVERIFY2(id.startsWith(QStringLiteral("SIL-")), added.out.constData());
    QCOMPARE(add(QStringLiteral("2h"), QStringLiteral("twice")).exitCode, 4);

    // Listed, and the alert matrix says who silenced the cell, why and until when.
    const JsonValue list = test::parseJson(RUN_OK(cli("silence list --json")).out);
    QCOMPARE(list.toArray().size(), std::size_t(1));
    QCOMPARE(list.toArray().front().stringAt("id"), id);
    QCOMPARE(list.toArray().front().stringAt("status"), QStringLiteral("active"));
    QCOMPARE(list.toArray().front().stringAt("by"), QStringLiteral("ops"));
    const JsonValue cells = test::parseJson(cli("alerts --json").out);
    bool seen = false;
    for (const JsonValue &c : cells.toArray())
        if (c.stringAt("alert") == QLatin1String("stale-pack") &&
            c.stringAt("scope") == QLatin1String("kl")) {
            seen = true;
            QVERIFY(c.find("silence"));
            QCOMPARE(c.find("silence")->stringAt("id"), id);
            QCOMPARE(c.find("silence")->stringAt("reason"), QStringLiteral("vendor refreshes the pack"));
            QCOMPARE(c.stringAt("state"), QStringLiteral("unknown")); // not evaluated yet: never ok
        }
    QVERIFY(seen);

    // Ended once; a second end and an unknown id are refused.
    auto ended = RUN_OK(cli({QStringLiteral("silence"), QStringLiteral("end"), id, QStringLiteral("--reason"),
                             QStringLiteral("vendor done")}));
    QCOMPARE(ended.exitCode, 0);
    auto again = cli({QStringLiteral("silence"), QStringLiteral("end"), id});
    QCOMPARE(again.exitCode, 4);
    QVERIFY2(again.err.contains("already ended by ops"), again.err.constData());
    QCOMPARE(cli("silence end SIL-9999").exitCode, 3);
    QVERIFY(test::parseJson(cli("silence list --json").out).toArray().empty());
    const JsonValue all = test::parseJson(cli("silence list --all --json").out);
    QCOMPARE(all.toArray().size(), std::size_t(1));
    QCOMPARE(all.toArray().front().stringAt("status"), QStringLiteral("ended"));
    QCOMPARE(all.toArray().front().stringAt("end_reason"), QStringLiteral("vendor done"));
    QCOMPARE(RUN_OK(cli("evidence verify --signatures")).exitCode, 0);
}

void TestMonitorCli::initTestCase() {
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty(),
             "promtool is not installed (packaging/debian-deps.txt: prometheus)");
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
}

void TestMonitorCli::recordsServesMetricsAndStops() {
    test::Cli cli(m_pipeline.demoConfigYaml(), QStringLiteral("publisher-token-monitor-3a9"));
    QCOMPARE(RUN_OK(cli("init --identity mon --roles operator")).exitCode, 0);
    const qint64 before = test::parseJson(cli("evidence verify --json").out).find("events")->toInt();

    QProcess monitor;
    monitor.setProcessEnvironment(cli.runner.environment());
    monitor.start(test::ProgramRunner::binary(QStringLiteral("opsconsole-cli")),
                  {QStringLiteral("monitor"), QStringLiteral("--listen"),
                   QStringLiteral("0"), // 127.0.0.1 by default
                   QStringLiteral("--identity"), QStringLiteral("mon"), QStringLiteral("--config"),
                   cli.config, QStringLiteral("--json")});
    QVERIFY(monitor.waitForStarted());
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT((err += monitor.readAllStandardError()).contains("/metrics") ||
                                  monitor.state() != QProcess::Running,
                              err.constData(), 60000);
    QVERIFY2(err.contains("/metrics"), QByteArray(err + monitor.readAllStandardError()).constData());
    const auto m = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/metrics"))
                       .match(QString::fromUtf8(err));
    QVERIFY2(m.hasMatch(), err.constData());
    const QUrl metricsUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m.captured(1)));
    // With --json, the same as one JSON line on standard output, for supervisors and scripts.
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += monitor.readAllStandardOutput()).contains('\n'), 60000);
    const JsonValue started = test::parseJson(out.left(out.indexOf('\n')));
    QCOMPARE(started.stringAt("event"), QStringLiteral("started"));
    QCOMPARE(started.stringAt("identity"), QStringLiteral("mon"));
    QCOMPARE(started.stringAt("metrics_url"), metricsUrl.toString());
    QVERIFY(started.find("interval_s")->toInt() > 0);

    // Before its first round finishes nothing is claimed; then every target has exactly one state.
    test::HttpReply scrape;
    QTRY_VERIFY_WITH_TIMEOUT(
        (scrape = test::httpRequest("GET", metricsUrl),
         test::metricSample(scrape.body, "opsconsole_monitor_last_round_timestamp_seconds") > 0),
        60000);
    QCOMPARE(scrape.status, 200);
    const QByteArray &text = scrape.body;
    double states = 0;
    for (const char *s : {"unknown", "ok", "degraded", "stale", "failed"})
        states += test::metricSample(
            text, QByteArray("opsconsole_probe_state{target=\"kl/manifest\",scope=\"kl\",kind=\"manifest\","
                             "state=\"") +
                      s + "\"}");
    QCOMPARE(states, 1.0);
    QCOMPARE(
        test::metricSample(
            text,
            "opsconsole_probe_state{target=\"kl/manifest\",scope=\"kl\",kind=\"manifest\",state=\"ok\"}"),
        1.0);
    QVERIFY(test::metricSample(text, "opsconsole_probe_latency_seconds{target=\"kl/manifest\"}") >= 0);
    QCOMPARE(test::metricSample(text, "opsconsole_monitor_recording"), 1.0);
    QCOMPARE(test::metricSample(text, "opsconsole_log_readable"), 1.0);
    QVERIFY(text.contains("opsconsole_alert_state{alert=\"stale-pack\""));
    QVERIFY(!text.contains("publisher-token-monitor-3a9"));
    // Prometheus's own linter is the referee of the format.
    const QByteArray promtool = test::promtoolCheck(text);
    QVERIFY2(promtool.isEmpty(), promtool.constData());

    // Only GET of the two paths.
    QCOMPARE(test::httpRequest("GET", QUrl(metricsUrl.toString().replace(QStringLiteral("/metrics"),
                                                                         QStringLiteral("/healthz"))))
                 .status,
             200);
    QCOMPARE(test::httpRequest(
                 "GET", QUrl(metricsUrl.toString().replace(QStringLiteral("/metrics"), QStringLiteral("/x"))))
                 .status,
             404);
    QCOMPARE(test::httpRequest("POST", metricsUrl).status, 405);
    {
        // Connections that say nothing cannot use up the listener: past 64 at once a new one is
        // closed at once, and once one of them goes a scrape is answered again.
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 64; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(metricsUrl.port()));
            QVERIFY(idle.back()->waitForConnected(10000));
        }
        // (The kernel completes the connection; the monitor closes it unanswered.)
        QTcpSocket extra;
        extra.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(metricsUrl.port()));
        QVERIFY(extra.waitForConnected(10000));
        extra.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answered;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answered += extra.readAll(), extra.state() == QAbstractSocket::UnconnectedState), 30000);
        answered += extra.readAll();
        QVERIFY2(answered.isEmpty(), answered.constData());
        idle.front()->abort();
        QTRY_COMPARE_WITH_TIMEOUT(test::httpRequest("GET", metricsUrl).status, 200, 30000);
    }

    // The round's transitions are signed evidence of the acting identity.
    const qint64 after = test::parseJson(cli("evidence verify --json").out).find("events")->toInt();
    QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    auto listed = RUN_OK(cli("evidence list --kind probe.state_changed --json"));
    QVERIFY2(listed.out.contains("\"actor\":\"mon\"") || listed.out.contains("\"actor\": \"mon\""),
             listed.out.left(400).constData());

    // A silence added beside the running monitor is counted at the next scrape, and the text
    // still passes promtool.
    QCOMPARE(
        RUN_OK(cli({QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("--alert"),
                    QStringLiteral("stale-pack"), QStringLiteral("--scope"), QStringLiteral("kl"),
                    QStringLiteral("--until"), QStringLiteral("1h"), QStringLiteral("--reason"),
                    QStringLiteral("vendor refresh"), QStringLiteral("--identity"), QStringLiteral("mon")}))
            .exitCode,
        0);
    scrape = test::httpRequest("GET", metricsUrl);
    QCOMPARE(test::metricSample(scrape.body, "opsconsole_silences_active{scope=\"kl\",source=\"person\"}"),
             1.0);
    QCOMPARE(test::metricSample(scrape.body, "opsconsole_silences_active{scope=\"my\",source=\"person\"}"),
             0.0);
    {
        QProcess check;
        check.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(scrape.body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0,
                 QByteArray(check.readAllStandardOutput() + check.readAllStandardError()).constData());
    }

    // One recorder per store.
    auto second = cli("monitor --rounds 1 --identity mon");
    QCOMPARE(second.exitCode, 4);
    QVERIFY2(second.err.contains("already monitored"), second.err.constData());
    auto oneRound = cli("probe --record --identity mon");
    QCOMPARE(oneRound.exitCode, 4);
    QVERIFY2(oneRound.err.contains("monitored by process"), oneRound.err.constData());

    // SIGTERM: a clean stop, and the store is free for the next recorder.
    ::kill(static_cast<pid_t>(monitor.processId()), SIGTERM);
    QVERIFY(monitor.waitForFinished(60000));
    err += monitor.readAllStandardError();
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QVERIFY2(monitor.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("monitor: stopped after"), err.constData());
    out += monitor.readAllStandardOutput();
    const JsonValue stopped = test::parseJson(out.mid(out.indexOf('\n') + 1).trimmed());
    QCOMPARE(stopped.stringAt("event"), QStringLiteral("stopped"));
    QVERIFY(stopped.find("rounds")->toInt() >= 1);
    auto next = RUN_OK(cli("monitor --rounds 1 --identity mon"));
    QCOMPARE(next.exitCode, 0);
    QVERIFY2(next.err.contains("stopped after 1 round"), next.err.constData());
    QCOMPARE(cli("evidence verify").exitCode, 0);
    // Anything but loopback is refused before anything starts.
    QCOMPARE(cli("monitor --listen 0.0.0.0:9464 --identity mon").exitCode, 2);
    // Under systemd the token comes as a credential file; a token file others may read is refused
    // before anything runs, and the secret is not echoed.
    const QString creds = cli.home.file(QStringLiteral("credentials"));
    QVERIFY(QDir().mkpath(creds));
    cli.home.write(QStringLiteral("credentials/opsconsole-operator-token"), "credential-token-1f4\n");
    cli.runner.set(QStringLiteral("CREDENTIALS_DIRECTORY"), creds);
    QCOMPARE(RUN_OK(cli("monitor --rounds 1 --identity mon")).exitCode, 0);
    const QString leaky = cli.home.write(QStringLiteral("token.txt"), "leaky-token-9c1");
    QFile::setPermissions(leaky, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    cli.runner.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"), leaky);
    auto refusedToken = cli("monitor --rounds 1 --identity mon");
    QCOMPARE(refusedToken.exitCode, 4);
    QVERIFY2(refusedToken.err.contains("OPSCONSOLE_OPERATOR_TOKEN_FILE") &&
                 refusedToken.err.contains("chmod 600"),
             refusedToken.err.constData());
    QVERIFY(!refusedToken.err.contains("leaky-token-9c1") && !refusedToken.out.contains("leaky-token-9c1"));
}

void TestMonitorCli::aRecordingConsoleHandsOverToTheMonitor() {
    test::Cli cli(m_pipeline.demoConfigYaml(), QStringLiteral("publisher-token-handover-7d2"));
    auto init = RUN_OK(cli("init --identity mon --roles operator --json"));
    QCOMPARE(init.exitCode, 0);
    const QString store = test::parseJson(init.out).stringAt("store");
    QVERIFY(QFileInfo::exists(store));

    // A recorder that does not yield (another monitor): the monitor is refused at once.
    {
        RecorderLock other(store);
        QVERIFY(other.tryTake(false).isEmpty());
        auto refused = cli("monitor --rounds 1 --identity mon");
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("already monitored") &&
                     refused.err.contains(QString::number(QCoreApplication::applicationPid()).toUtf8()),
                 refused.err.constData());
        QVERIFY2(!refused.err.contains("hand over"), refused.err.constData()); // not asked, not waited for
        QVERIFY(!QFileInfo::exists(RecorderLock::requestPath(store)));
    }

    // A console window recording the store (here this process, with the lock it holds the way a
    // window does): the monitor asks for it, the console hands over between rounds, the monitor
    // records.
    RecorderLock console(store);
    QVERIFY(console.tryTake(true).isEmpty());
    QVERIFY(QFileInfo::exists(RecorderLock::yieldsPath(store)));
    qint64 asked = 0;
    QTimer handover;
    handover.setInterval(50);
    QObject::connect(&handover, &QTimer::timeout, &handover, [&] {
        if (const qint64 pid = console.requestedBy(); pid > 0 && console.held()) {
            asked = pid;
            console.release();
        }
    });
    handover.start();
    QProcess monitor;
    monitor.setProcessEnvironment(cli.runner.environment());
    monitor.start(test::ProgramRunner::binary(QStringLiteral("opsconsole-cli")),
                  {QStringLiteral("monitor"), QStringLiteral("--rounds"), QStringLiteral("1"),
                   QStringLiteral("--identity"), QStringLiteral("mon"), QStringLiteral("--config"),
                   cli.config});
    QVERIFY(monitor.waitForStarted());
    const qint64 monitorPid = monitor.processId();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.state() == QProcess::NotRunning, 120000);
    const QByteArray err = monitor.readAllStandardError();
    QVERIFY2(monitor.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("waiting for process"), err.constData());
    QVERIFY2(err.contains("stopped after 1 round"), err.constData());
    QCOMPARE(asked, monitorPid);
    // The console, asked again, finds no request: the monitor took it and cleaned up.
    QVERIFY(!QFileInfo::exists(RecorderLock::requestPath(store)));
    QVERIFY(!QFileInfo::exists(RecorderLock::yieldsPath(store)));
    QVERIFY(console.tryTake(true).isEmpty());
    QCOMPARE(cli("evidence verify").exitCode, 0);
}

// The headless monitor records a rollback deadline that passed, once, signed by its identity. The
// store is made as its operator would have made it: the identity and two rollback drills written
// through the models with their real times in the past (one 32 minutes ago, both its clocks
// missed; one 16 minutes ago, its restore clock missed), then the monitor runs now. A clock set
// ahead is the attacker's: an honest act after it is refused, and verify names its events.
void TestMonitorCli::rollbackDeadlinesAreRecordedOnceByTheMonitor() {
    test::Cli cli(m_pipeline.demoConfigYaml(), QStringLiteral("publisher-token-deadline-5c1"));
    const QString storePath = cli.home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(storePath).path()));
    auto config = ConfigLoader::parse(m_pipeline.demoConfigYaml(), QStringLiteral("demo.yaml"));
    QVERIFY(config.ok());
    const Signer mon = test::makeSigner(QStringLiteral("mon"));
    qint64 clock = Time::nowMs() - 32 * 60 * 1000;
    const Time::Clock past = [&clock] { return clock += 10; };
    QString oldRun, recentRun;
    {
        StoreOpenOptions o;
        o.create = true;
        o.clock = past;
        auto store = SqliteEvidenceStore::open(storePath, o);
        QVERIFY_OK(store);
        QVERIFY_OK(store.value()->registerIdentity(mon, {QStringLiteral("operator")}));
        QVERIFY_OK(crypto::KeyRing(cli.home.file(QStringLiteral("data/opsconsole/keys")))
                       .save(mon.name, mon.key, "a long enough passphrase"));
        const RunbookLibrary library = RunbookLibrary::builtin();
        IncidentActions acts(*store.value(), mon, config.value(), library, past);
        auto old = acts.runs().startRollback(QStringLiteral("kl"), true, {});
        QVERIFY_OK(old);
        oldRun = citedIdOf(old.value());
        clock = Time::nowMs() - 16 * 60 * 1000;
        auto recent = acts.runs().startRollback(QStringLiteral("pg"), true, {});
        QVERIFY_OK(recent);
        recentRun = citedIdOf(recent.value());
    }
    QCOMPARE(RUN_OK(cli("evidence verify --signatures")).exitCode, 0);

    const auto missed = [&] {
        QStringList clocks;
        const JsonValue events =
            test::parseJson(cli("evidence list --kind rollback.deadline_missed --json").out);
        for (const JsonValue &e : events.toArray())
            if (e.stringAt("actor") == QStringLiteral("mon"))
                clocks << e.find("payload")->stringAt("run") + QLatin1Char(' ') +
                              e.find("payload")->stringAt("clock");
        clocks.sort();
        return clocks;
    };
    const QStringList expected = [&] {
        QStringList l{oldRun + QStringLiteral(" integrity"), oldRun + QStringLiteral(" restore"),
                      recentRun + QStringLiteral(" restore")};
        l.sort();
        return l;
    }();
    QVERIFY(missed().isEmpty());
    auto round = RUN_OK(cli("monitor --rounds 1 --identity mon"));
    QCOMPARE(round.exitCode, 0);
    QCOMPARE(missed(), expected);
    // Another round records nothing again.
    QCOMPARE(RUN_OK(cli("monitor --rounds 1 --identity mon")).exitCode, 0);
    QCOMPARE(missed(), expected);
    const JsonValue oldStatus = test::parseJson(
        cli({QStringLiteral("rollback"), QStringLiteral("status"), oldRun, QStringLiteral("--json")}).out);
    QCOMPARE(oldStatus.find("clocks")->find("restore")->stringAt("state"), QStringLiteral("missed"));
    QCOMPARE(oldStatus.find("clocks")->find("integrity")->stringAt("state"), QStringLiteral("missed"));
    const JsonValue recentStatus = test::parseJson(
        cli({QStringLiteral("rollback"), QStringLiteral("status"), recentRun, QStringLiteral("--json")}).out);
    QCOMPARE(recentStatus.find("clocks")->find("restore")->stringAt("state"), QStringLiteral("missed"));
    QCOMPARE(recentStatus.find("clocks")->find("integrity")->stringAt("state"), QStringLiteral("running"));
    auto verified = RUN_OK(cli("evidence verify --signatures --json"));
    QVERIFY2(verified.exitCode == 0 && test::parseJson(verified.out).find("intact")->toBool(),
             verified.out.constData());
    const qint64 events = test::parseJson(verified.out).find("events")->toInt();

    // A writer whose clock is 30 minutes ahead (the attacker's, to "meet" an objective later)...
    {
        qint64 ahead = Time::nowMs() + 30 * 60 * 1000;
        StoreOpenOptions o;
        o.clock = [&ahead] { return ahead += 10; };
        auto store = SqliteEvidenceStore::open(storePath, o);
        QVERIFY_OK(store);
        NewEvent note;
        note.kind = QStringLiteral("incident.evidence");
        note.scope = QStringLiteral("kl");
        note.payload["incident"] = QStringLiteral("INC-1");
        note.payload["text"] = QStringLiteral("restored");
        QVERIFY_OK(store.value()->append(mon, {note}));
    }
    // ...leaves an honest act now refused, nothing written...
    auto honest = cli("rollback start --scope my --drill --identity mon");
    QCOMPARE(honest.exitCode, 4);
    QVERIFY2(honest.err.contains("never go backwards"), honest.err.constData());
    // ...and verify on a machine whose clock is right names the event from the future.
    auto report = cli("evidence verify --json");
    QCOMPARE(report.exitCode, 1);
    const JsonValue named = test::parseJson(report.out);
    QVERIFY(!named.find("intact")->toBool());
    QCOMPARE(named.find("events")->toInt(), events + 1);
    QVERIFY2(named.stringAt("reason").contains(QStringLiteral("ahead of this machine's clock")),
             report.out.constData());
}

QTEST_GUILESS_MAIN(TestMonitorCli)
#include "tst_monitor_cli.moc"
