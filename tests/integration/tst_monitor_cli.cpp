// The headless monitor against the demo pipeline: it probes and records as the acting identity,
// serves /metrics that Prometheus's own `promtool check metrics` accepts, refuses a second
// recorder on the same store, answers nothing but GET /metrics and /healthz, and stops cleanly on
// SIGTERM, freeing the store for the next recorder.
#include "CliHarness.h"
#include "HttpTestClient.h"

#include "core/CanonicalJson.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace ops;

class TestMonitorCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void recordsServesMetricsAndStops();

private:
    test::DemoPipelineProcess m_pipeline;
};

namespace {} // namespace

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
                  {QStringLiteral("monitor"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--identity"), QStringLiteral("mon"), QStringLiteral("--config"),
                   cli.config});
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
    QProcess promtool;
    promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(promtool.waitForStarted());
    promtool.write(text);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(60000));
    QVERIFY2(promtool.exitCode() == 0,
             QByteArray(promtool.readAllStandardOutput() + promtool.readAllStandardError() + "\n" + text)
                 .constData());

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

    // The round's transitions are signed evidence of the acting identity.
    const qint64 after = test::parseJson(cli("evidence verify --json").out).find("events")->toInt();
    QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    auto listed = RUN_OK(cli("evidence list --kind probe.state_changed --json"));
    QVERIFY2(listed.out.contains("\"actor\":\"mon\"") || listed.out.contains("\"actor\": \"mon\""),
             listed.out.left(400).constData());

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

QTEST_GUILESS_MAIN(TestMonitorCli)
#include "tst_monitor_cli.moc"
