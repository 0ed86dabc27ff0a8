// Prometheus Alertmanager → the headless monitor → the alert matrix, with the real Alertmanager
// from Debian (prometheus-alertmanager): alerts posted to Alertmanager's API arrive on the
// monitor's POST /alertmanager with the bearer token from a file, are recorded once as signed
// evidence (fingerprint, labels, startsAt/endsAt, generatorURL), fire their cell through the
// damping, and clear when Alertmanager resolves them; what fires is told to the desktop (a
// notification server on a session bus started here) and to a webhook, and a silenced cell keeps
// firing into the log, shown as silenced, its notification held. Before that, the receiver is
// attacked as a local process would: no token, a wrong one, a body too large, a payload that lies
// about itself.
#include "CliHarness.h"
#include "FakeNotificationServer.h"
#include "HttpTestClient.h"
#include "TestSupport.h"

#include "core/CanonicalJson.h"
#include "monitor/Alertmanager.h"
#include "monitor/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace ops;

using test::FakeNotificationServer;

class TestAlertmanager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void alertsArriveFireAndResolve();

private:
    test::DemoPipelineProcess m_pipeline;
    FakeNotificationServer m_desktop;
    int m_bus = -1;
};

namespace {

// One request as raw bytes; the answer as far as the server sent it before closing.
QByteArray raw(const QString &port, const QByteArray &request) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port.toUInt()));
    if (!socket.waitForConnected(30000))
        return {};
    socket.write(request);
    QByteArray answer;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(1000);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

QByteArray cellState(const QByteArray &metrics, const char *alert, const char *scope) {
    const QByteArray prefix =
        QByteArray("opsconsole_alert_state{alert=\"") + alert + "\",scope=\"" + scope + "\",";
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(prefix) && line.endsWith("} 1")) {
            const qsizetype at = line.indexOf("state=\"");
            return line.mid(at + 7, line.indexOf('"', at + 7) - at - 7);
        }
    return "absent";
}

// Waits for a line of a process's stderr matching the pattern; returns its first capture.
QString waitFor(QProcess &p, QByteArray &err, const QRegularExpression &re) {
    QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired() && p.state() == QProcess::Running) {
        err += p.readAllStandardError();
        if (const QRegularExpressionMatch m = re.match(QString::fromUtf8(err)); m.hasMatch())
            return m.captured(1);
        p.waitForReadyRead(1000);
    }
    err += p.readAllStandardError();
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(err));
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

void TestAlertmanager::initTestCase() {
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("prometheus-alertmanager")).isEmpty(),
             "prometheus-alertmanager is not installed (packaging/debian-deps.txt)");
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
    m_bus = test::startSessionBus();
    QVERIFY(m_bus > 0);
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    QVERIFY(bus.registerObject(QString::fromLatin1(DesktopNotifier::kPath), &m_desktop,
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(bus.registerService(QString::fromLatin1(DesktopNotifier::kService)));
}

void TestAlertmanager::cleanupTestCase() {
    test::stopSessionBus(m_bus);
}

void TestAlertmanager::alertsArriveFireAndResolve() {
    QByteArray yaml = m_pipeline.demoConfigYaml();
    yaml.replace("interval_s: 30", "interval_s: 1");
    test::Cli cli(yaml, QStringLiteral("publisher-token-am-5d1"));
    const QByteArray token = "am-bearer-7e0c41";
    const QString tokenFile = cli.home.write(QStringLiteral("am-token"), token + '\n');
    QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A chat webhook beside the desktop.
    test::LoopbackHttpServer chat;
    QVERIFY(chat.listen());
    QList<QByteArray> chatBodies;
    chat.route("/hooks/chat", [&chatBodies](const QByteArray &, const QByteArray &, const QByteArray &body) {
        chatBodies << body;
        return test::LoopbackHttpServer::Response{200, "ok", "text/plain", {}};
    });
    yaml += "notifications:\n  webhooks:\n    - {url: '" + chat.url(QStringLiteral("/hooks/chat")).toUtf8() +
            "', format: slack}\n";
    yaml += "alertmanager:\n"
            "  token_file: am-token\n"
            "  max_body_bytes: 65536\n"
            "  routes:\n"
            "    - {match: {alertname: ResolverDown}, alert: resolver-health, scope_label: locality}\n"
            "    - {match: {alertname: PublishBlocked}, signal: publish_blocked, scope_label: locality}\n";
    cli.home.write(QStringLiteral("config.yaml"), yaml);
    QCOMPARE(RUN_OK(cli("init --identity mon --roles operator")).exitCode, 0);

    // A route to an alert the rules do not have is refused at start, with file:line.
    {
        QByteArray bad = yaml;
        bad.replace("alert: resolver-health", "alert: resolver-healht");
        test::Cli other(bad, QStringLiteral("x"));
        other.home.write(QStringLiteral("am-token"), token);
        QFile::setPermissions(other.home.file(QStringLiteral("am-token")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto checked = other("config check");
        QCOMPARE(checked.exitCode, 3);
        QVERIFY2(checked.err.contains("alertmanager.routes[0].alert"), checked.err.constData());
        auto refused = other("monitor --listen 127.0.0.1:0 --rounds 1");
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("config.yaml:") && refused.err.contains("resolver-healht"),
                 refused.err.constData());
    }

    cli.runner.set(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    QProcess monitor;
    monitor.setProcessEnvironment(cli.runner.environment());
    monitor.start(test::ProgramRunner::binary(QStringLiteral("opsconsole-cli")),
                  {QStringLiteral("monitor"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--identity"), QStringLiteral("mon"), QStringLiteral("--config"),
                   cli.config});
    QVERIFY(monitor.waitForStarted());
    QByteArray monitorErr;
    const QString port = waitFor(monitor, monitorErr,
                                 QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/metrics")));
    QVERIFY2(!port.isEmpty(), monitorErr.constData());
    QVERIFY2(monitorErr.contains("/alertmanager"), monitorErr.constData());
    const QUrl hook(QStringLiteral("http://127.0.0.1:%1/alertmanager").arg(port));
    const QUrl metricsUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
    const auto events = [&](const char *kind) {
        return test::parseJson(RUN_OK(cli(QStringList{QStringLiteral("evidence"), QStringLiteral("list"),
                                                      QStringLiteral("--kind"), QString::fromLatin1(kind),
                                                      QStringLiteral("--json")}))
                                   .out)
            .toArray();
    };

    // --- The receiver as an attacker on the same machine finds it.
    const QByteArray valid =
        R"({"version":"4","receiver":"x","groupKey":"k","status":"firing","alerts":[{"status":"firing",)"
        R"("labels":{"alertname":"ResolverDown","locality":"kl"},"annotations":{},"startsAt":"2026-12-04T05:00:00Z",)"
        R"("endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://forged","fingerprint":"cb58a1d98cb67648"}]})";
    const QByteArray bearer = "Bearer " + token;
    QCOMPARE(test::httpRequest("POST", hook, valid).status, 401);
    QCOMPARE(test::httpRequest("POST", hook, valid, {{"Authorization", "Bearer am-bearer-7e0c4"}}).status,
             401);
    QCOMPARE(test::httpRequest("POST", hook, valid, {{"Authorization", "Bearer " + token + "x"}}).status,
             401);
    QCOMPARE(test::httpRequest("GET", hook, {}, {{"Authorization", bearer}}).status, 405);
    // A page that rebinds its own name to 127.0.0.1 sends that name: refused, nothing served.
    const QByteArray rebound =
        raw(port, "GET /metrics HTTP/1.1\r\nHost: evil.example:" + port.toUtf8() + "\r\n\r\n");
    QVERIFY2(rebound.startsWith("HTTP/1.1 421") && !rebound.contains("opsconsole_"), rebound.constData());
    // A body over the bound is refused from its Content-Length, before it is read.
    QVERIFY2(raw(port, "POST /alertmanager HTTP/1.1\r\nHost: 127.0.0.1:" + port.toUtf8() +
                           "\r\nAuthorization: " + bearer + "\r\nContent-Length: 70000\r\n\r\n{")
                 .startsWith("HTTP/1.1 413"),
             "413 expected");
    test::HttpReply bad = test::httpRequest("POST", hook, QByteArray(valid).replace("\"4\"", "\"3\""),
                                            {{"Authorization", bearer}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.body.contains("\"field\":\"version\""), bad.body.constData());
    // A fingerprint that is not the labels' own (aimed at another alert's cell) is refused.
    bad = test::httpRequest("POST", hook, QByteArray(valid).replace("cb58a1d98cb67648", "00000000deadbeef"),
                            {{"Authorization", bearer}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.body.contains("alerts[0].fingerprint"), bad.body.constData());
    bad = test::httpRequest("POST", hook, QByteArray(valid).replace("2026-12-04T05:00:00Z", "yesterday"),
                            {{"Authorization", bearer}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.body.contains("alerts[0].startsAt"), bad.body.constData());
    QCOMPARE(
        test::httpRequest("POST", hook, valid.left(valid.size() - 1), {{"Authorization", bearer}}).status,
        400);
    // A duplicate Content-Length (request smuggling) is refused before the token is looked at.
    QVERIFY(raw(port, "POST /alertmanager HTTP/1.1\r\nHost: 127.0.0.1:" + port.toUtf8() +
                          "\r\nAuthorization: " + bearer +
                          "\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}")
                .startsWith("HTTP/1.1 400"));
    QVERIFY(raw(port, "POST /alertmanager HTTP/1.1\r\nHost: 127.0.0.1:" + port.toUtf8() +
                          "\r\nAuthorization: " + bearer +
                          "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                .startsWith("HTTP/1.1 400"));
    // A label that would write a line of its own into the monitor's log (and a terminal escape):
    // taken (no route wants it) and logged as one escaped line.
    const QString forgedName = QStringLiteral("Forged\nopsconsole.monitor: round 99: 0 not ok\x1b[2J");
    const QByteArray forged =
        R"({"version":"4","receiver":"x","groupKey":"k","status":"firing","alerts":[{"status":"firing",)"
        R"("labels":{"alertname":"Forged\nopsconsole.monitor: round 99: 0 not ok\u001b[2J"},"annotations":{},)"
        R"("startsAt":"2026-12-04T05:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":")" +
        Alertmanager::fingerprintOf({{QStringLiteral("alertname"), forgedName}}).toLatin1() + R"("}]})";
    QCOMPARE(test::httpRequest("POST", hook, forged, {{"Authorization", bearer}}).status, 200);
    // Nothing of it reached the log, and the token is in no answer.
    QCOMPARE(events("alertmanager.firing").size(), std::size_t(0));
    test::HttpReply scrape = test::httpRequest("GET", metricsUrl);
    QVERIFY2(test::metricSample(scrape.body, "opsconsole_alertmanager_requests_refused_total") >= 7,
             scrape.body.constData());
    QVERIFY(!scrape.body.contains(token));

    // --- The real Alertmanager, its webhook receiver pointing at the monitor.
    const QString amDir = cli.home.file(QStringLiteral("alertmanager"));
    QVERIFY(QDir().mkpath(amDir));
    const QString amConfig = cli.home.write(QStringLiteral("alertmanager/am.yml"),
                                            QByteArray("route:\n"
                                                       "  receiver: opsconsole\n"
                                                       "  group_by: ['alertname', 'locality']\n"
                                                       "  group_wait: 0s\n"
                                                       "  group_interval: 1s\n"
                                                       "  repeat_interval: 1h\n"
                                                       "receivers:\n"
                                                       "  - name: opsconsole\n"
                                                       "    webhook_configs:\n"
                                                       "      - url: ") +
                                                hook.toString().toUtf8() +
                                                "\n"
                                                "        send_resolved: true\n"
                                                "        http_config:\n"
                                                "          authorization:\n"
                                                "            type: Bearer\n"
                                                "            credentials_file: " +
                                                tokenFile.toUtf8() + "\n");
    QProcess am;
    am.start(QStringLiteral("prometheus-alertmanager"),
             {QStringLiteral("--config.file=") + amConfig, QStringLiteral("--storage.path=") + amDir,
              QStringLiteral("--web.listen-address=127.0.0.1:0"),
              QStringLiteral("--cluster.listen-address=")});
    QVERIFY(am.waitForStarted());
    QByteArray amErr;
    const QString amPort = waitFor(
        am, amErr, QRegularExpression(QStringLiteral("Listening on\" address=127\\.0\\.0\\.1:(\\d+)")));
    QVERIFY2(!amPort.isEmpty(), amErr.constData());
    const QUrl amAlerts(QStringLiteral("http://127.0.0.1:%1/api/v2/alerts").arg(amPort));
    const auto post = [&](const QByteArray &alerts) {
        const test::HttpReply r = test::httpRequest("POST", amAlerts, alerts);
        QVERIFY2(r.status == 200, r.body.constData());
    };

    post(
        R"([{"labels":{"alertname":"ResolverDown","locality":"kl","severity":"critical"},)"
        R"("annotations":{"summary":"resolver answers NXDOMAIN"},"generatorURL":"http://prometheus.test/graph?g0=up"}])");
    JsonValue::Array fired;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (fired = events("alertmanager.firing")).size() == 1,
        QByteArray((monitorErr += monitor.readAllStandardError()) + (amErr += am.readAllStandardError()))
            .right(4000)
            .constData(),
        60000);
    const JsonValue &e = fired.front();
    QCOMPARE(e.stringAt("scope"), QStringLiteral("kl"));
    QCOMPARE(e.stringAt("actor"), QStringLiteral("mon"));
    const JsonValue *p = e.find("payload");
    QVERIFY(p);
    QCOMPARE(p->stringAt("alert"), QStringLiteral("resolver-health"));
    QCOMPARE(p->stringAt("generatorURL"), QStringLiteral("http://prometheus.test/graph?g0=up"));
    QCOMPARE(p->find("labels")->stringAt("severity"), QStringLiteral("critical"));
    QVERIFY(
        QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(p->stringAt("fingerprint")).hasMatch());
    QVERIFY(!p->stringAt("startsAt").isEmpty());
    QCOMPARE(p->stringAt("receiver"), QStringLiteral("opsconsole"));
    // The cell fires through the damping (fail_after rounds), and the act is evidence.
    QTRY_COMPARE_WITH_TIMEOUT(cellState(test::httpRequest("GET", metricsUrl).body, "resolver-health", "kl"),
                              QByteArray("firing"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!events("alert.fired").empty(), 60000);
    // Told to the desktop (normal urgency for a SEV-2, no actions: nobody is at a window to take
    // them) and to the chat webhook, once each.
    const auto toldDesktop = [this](const char *scope) {
        int n = 0;
        for (const FakeNotificationServer::Received &r : m_desktop.received)
            n += r.summary.endsWith(QStringLiteral("for %1").arg(QLatin1String(scope))) ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(toldDesktop("kl"), 1, 60000);
    const FakeNotificationServer::Received &told = m_desktop.received.constFirst();
    QVERIFY2(told.summary.contains(QStringLiteral("Resolver health")), qPrintable(told.summary));
    QVERIFY2(told.body.startsWith(QStringLiteral("First action: ")), qPrintable(told.body));
    QVERIFY(told.actions.isEmpty());
    QVERIFY(told.hints.contains(QStringLiteral("urgency")));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(chatBodies.cbegin(), chatBodies.cend(),
                                         [](const QByteArray &b) { return b.contains("Resolver health"); }),
                             60000);

    // A silence on the publish-blocked cell of pg, before its alerts arrive: the cell fires into
    // the log and shows as silenced; its notification waits.
    QCOMPARE(RUN_OK(cli({QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("--alert"),
                         QStringLiteral("publish-blocked"), QStringLiteral("--scope"), QStringLiteral("pg"),
                         QStringLiteral("--until"), QStringLiteral("1h"), QStringLiteral("--reason"),
                         QStringLiteral("publisher maintenance"), QStringLiteral("--identity"),
                         QStringLiteral("mon")}))
                 .exitCode,
             0);

    // Two publish_blocked alerts for one locality: two signals, and the signal rule (2 in 60 min)
    // fires. Alertmanager sends the group again with the first one: a repeat, not recorded twice.
    post(R"([{"labels":{"alertname":"PublishBlocked","locality":"pg","job":"a"}}])");
    QTRY_VERIFY_WITH_TIMEOUT(events("alertmanager.firing").size() == 2, 60000);
    post(R"([{"labels":{"alertname":"PublishBlocked","locality":"pg","job":"b"}}])");
    QTRY_VERIFY_WITH_TIMEOUT(events("alertmanager.firing").size() == 3, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(cellState(test::httpRequest("GET", metricsUrl).body, "publish-blocked", "pg"),
                              QByteArray("firing"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        test::metricSample(test::httpRequest("GET", metricsUrl).body,
                           "opsconsole_alertmanager_alerts_total{outcome=\"repeated\"}") >= 1,
        60000);
    QCOMPARE(events("alertmanager.firing").size(), std::size_t(3));
    QTRY_COMPARE_WITH_TIMEOUT(
        test::metricSample(test::httpRequest("GET", metricsUrl).body,
                           "opsconsole_alert_silenced{alert=\"publish-blocked\",scope=\"pg\"}"),
        1.0, 60000);
    QCOMPARE(toldDesktop("pg"), 0);

    // An alert no route takes is answered and named in the log, not recorded.
    post(R"([{"labels":{"alertname":"DiskFull","locality":"kl"}}])");
    QTRY_VERIFY_WITH_TIMEOUT(
        test::metricSample(test::httpRequest("GET", metricsUrl).body,
                           "opsconsole_alertmanager_alerts_total{outcome=\"not_routed\"}") >= 1,
        60000);

    // Resolved in Alertmanager (endsAt now): the resolution arrives, the cell clears.
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
    post(
        R"([{"labels":{"alertname":"ResolverDown","locality":"kl","severity":"critical"},)"
        R"("annotations":{"summary":"resolver answers NXDOMAIN"},"generatorURL":"http://prometheus.test/graph?g0=up",)"
        R"("endsAt":")" +
        now + R"("}])");
    QTRY_VERIFY_WITH_TIMEOUT(events("alertmanager.resolved").size() == 1, 60000);
    QCOMPARE(events("alertmanager.resolved").front().find("payload")->stringAt("fingerprint"),
             p->stringAt("fingerprint"));
    QTRY_COMPARE_WITH_TIMEOUT(cellState(test::httpRequest("GET", metricsUrl).body, "resolver-health", "kl"),
                              QByteArray("ok"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!events("alert.cleared").empty(), 60000);

    // The metrics Prometheus scrapes stay valid with the receiver's series in them.
    scrape = test::httpRequest("GET", metricsUrl);
    const QByteArray promtool = test::promtoolCheck(scrape.body);
    QVERIFY2(promtool.isEmpty(), promtool.constData());

    am.terminate();
    QVERIFY(am.waitForFinished(60000));
    ::kill(static_cast<pid_t>(monitor.processId()), SIGTERM);
    QVERIFY(monitor.waitForFinished(60000));
    monitorErr += monitor.readAllStandardError();
    QVERIFY2(monitor.exitCode() == 0, monitorErr.constData());
    QVERIFY2(monitorErr.contains("not recorded:") && monitorErr.contains("DiskFull"), monitorErr.constData());
    QVERIFY2(monitorErr.contains("alertname=Forged\\x0aopsconsole.monitor: round 99: 0 not ok\\x1b[2J"),
             monitorErr.constData());
    QVERIFY(!monitorErr.contains("\nopsconsole.monitor: round 99") && !monitorErr.contains('\x1b'));
    QVERIFY(!monitorErr.contains(token));
    QCOMPARE(RUN_OK(cli("evidence verify")).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestAlertmanager)
#include "tst_alertmanager.moc"
