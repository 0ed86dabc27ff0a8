// Probes over loopback: the demo pipeline with every fault, a static server we did not write
// (Python's http.server), and hostile servers written here. Each ends in the right state with
// the right reason within its timeout + 10 %.
#include "core/CanonicalJson.h"
#include "incidents/Publisher.h"
#include "probes/ProbeEngine.h"

#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QTimer>
#include <sqlite3.h>

#include <functional>

using namespace ops;
using ops::test::TempDir;

namespace {

// A TCP server that does something unpleasant with every connection.
class Hostile : public QObject {
public:
    using Behaviour = std::function<void(QTcpSocket *)>;
    explicit Hostile(Behaviour b, QTcpServer *server = nullptr)
        : m_server(server ? server : new QTcpServer(this))
        , m_behaviour(std::move(b)) {
        if (server)
            server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection()) {
                ++connections;
                s->setParent(this);
                // Misbehave once per complete request (connections are kept alive and reused).
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray bytes = s->readAll();
                    received += bytes;
                    QByteArray buffer = s->property("buffer").toByteArray() + bytes;
                    while (buffer.contains("\r\n\r\n")) {
                        buffer.remove(0, buffer.indexOf("\r\n\r\n") + 4);
                        m_behaviour(s);
                    }
                    s->setProperty("buffer", buffer);
                });
            }
        });
        m_server->listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QString &path = QStringLiteral("/m.json")) const {
        return QStringLiteral("%1://127.0.0.1:%2%3")
            .arg(qobject_cast<QSslServer *>(m_server) ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(m_server->serverPort())
            .arg(path);
    }
    quint16 port() const { return m_server->serverPort(); }
    int connections = 0; // accepted so far
    QByteArray received; // every request, as sent

private:
    QTcpServer *m_server;
    Behaviour m_behaviour;
};

QByteArray manifestJson(const QByteArray &packSha = QByteArray(64, 'a'),
                        const QString &published = Time::toIso(Time::nowMs())) {
    return "{\"scope\":\"kl\",\"version\":\"v1\",\"published_at\":\"" + published.toUtf8() +
           "\",\"pack_url\":\"pack.bin\",\"pack_sha256\":\"" + packSha + "\"}";
}

void answerJson(QTcpSocket *s, const QByteArray &body, const QByteArray &extraHeaders = {}) {
    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extraHeaders +
             "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

DeploymentConfig configFor(const QString &manifestUrl, int timeoutMs = 3000, int connectMs = 1500) {
    DeploymentConfig c;
    c.source = QStringLiteral("(test)");
    ScopeConfig s;
    s.id = QStringLiteral("kl");
    s.kind = ScopeKind::Locality;
    s.freshnessHours = 6;
    s.manifest = QUrl(manifestUrl);
    c.scopes = {s};
    c.probes.timeoutMs = timeoutMs;
    c.probes.connectTimeoutMs = connectMs;
    c.probes.maxBodyBytes = 1024 * 1024;
    c.probes.slowMs = 2000;
    return c;
}

QList<ProbeResult> round(ProbeEngine &engine, const QString &scope = {}) {
    QList<ProbeResult> out;
    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::roundFinished, &loop, [&](const QList<ProbeResult> &r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    engine.runRound(scope);
    if (engine.isRunning())
        loop.exec();
    return out;
}

ProbeResult only(const QList<ProbeResult> &results, const QString &id) {
    for (const ProbeResult &r : results)
        if (r.target.id == id)
            return r;
    return ProbeResult{};
}

// A self-signed P-256 certificate for 127.0.0.1 in DIR/cert.pem (the test's CA) and the server's
// TLS configuration with it.
bool serverTls(const TempDir &dir, QSslConfiguration &tls) {
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), dir.file(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   dir.file(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return false;
    QFile certFile(dir.file(QStringLiteral("cert.pem"))), keyFile(dir.file(QStringLiteral("key.pem")));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}

// A forward proxy on loopback as a corporate network runs one: HTTP CONNECT tunnels for https,
// absolute-form requests for http, optionally demanding Proxy-Authorization (407 otherwise).
class ForwardProxy : public QObject {
public:
    explicit ForwardProxy(QByteArray requiredAuth = {})
        : m_requiredAuth(std::move(requiredAuth)) {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                client->setParent(this);
                connect(client, &QTcpSocket::readyRead, client, [this, client] { onClient(client); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QByteArray &userInfo = {}) const {
        return QStringLiteral("http://") +
               (userInfo.isEmpty() ? QString() : QString::fromLatin1(userInfo + '@')) +
               QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort());
    }
    QList<QByteArray> requestLines; // the first line of every request the proxy was asked

private:
    void onClient(QTcpSocket *client) {
        if (QTcpSocket *up = client->property("upstream").value<QTcpSocket *>()) {
            up->write(client->readAll()); // a tunnel or forwarded connection: just carry bytes
            return;
        }
        QByteArray head = client->property("head").toByteArray() + client->readAll();
        client->setProperty("head", head);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray line = head.left(head.indexOf("\r\n"));
        requestLines << line;
        if (!m_requiredAuth.isEmpty() &&
            !head.left(end).contains(QByteArray("Proxy-Authorization: Basic " + m_requiredAuth.toBase64()))) {
            client->write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        const QList<QByteArray> parts = line.split(' ');
        const bool tunnel = parts.value(0) == "CONNECT";
        const QUrl target = tunnel ? QUrl(QStringLiteral("//") + QString::fromLatin1(parts.value(1)))
                                   : QUrl(QString::fromLatin1(parts.value(1)));
        auto *up = new QTcpSocket(client);
        client->setProperty("upstream", QVariant::fromValue(up));
        QByteArray rest = head.mid(end + 4);
        if (!tunnel) {
            // Forward in origin form, without the proxy's own header.
            QByteArray forwarded =
                parts.value(0) + ' ' + target.path(QUrl::FullyEncoded).toLatin1() +
                (target.hasQuery() ? '?' + target.query(QUrl::FullyEncoded).toLatin1() : QByteArray()) + ' ' +
                parts.value(2) + "\r\n";
            for (const QByteArray &h : head.left(end).split('\n').mid(1))
                if (!h.startsWith("Proxy-Authorization"))
                    forwarded += h.trimmed() + "\r\n";
            rest = forwarded + "\r\n" + rest;
        }
        connect(up, &QTcpSocket::connected, client, [client, up, tunnel, rest] {
            if (tunnel)
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            up->write(rest);
        });
        connect(up, &QTcpSocket::readyRead, client, [client, up] { client->write(up->readAll()); });
        connect(up, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, up, [up] { up->disconnectFromHost(); });
        up->connectToHost(target.host(), static_cast<quint16>(target.port(80)));
    }
    QTcpServer m_server;
    QByteArray m_requiredAuth;
};

QProcessEnvironment proxyEnv(std::initializer_list<std::pair<const char *, QString>> vars) {
    QProcessEnvironment env;
    for (const auto &[k, v] : vars)
        env.insert(QString::fromLatin1(k), v);
    return env;
}

} // namespace

class TestProbes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void publisherTokenOnlyWithAuthAndNeverKept();
    void demoPipelineAllOk();
    void demoFaults_data();
    void demoFaults();
    void staticServerWeDidNotWrite();
    void acceptsAndNeverAnswers();
    void tricklesOneBytePerSecond();
    void endlessBody();
    void contentLengthLies();
    void redirectLoop();
    void redirectToAnotherPortNothingListens();
    void invalidTlsCertificateAndCustomCa();
    void http10Close();
    void dnsFailure();
    void unknownBeforeProbing();
    void authorizationOnlyWhereAsked();
    void probeCliExitCodesAndJson();
    void recordedProbesDriveTheAlertsCli();
    void hostileRoundsKeepMemoryFlat();
    void keptAliveConnectionsCarryTheNextRounds();
    void connectionClosedBeforeAnsweringIsRetriedOnce();
    void chunkedAnswers();
    void errorStatusDoesNotWaitForItsBody();
    void notHttpAtAll();
    void authorizationNeverFollowsARedirectElsewhere();
    void packElsewhereGetsNoToken();
    void proxyVariablesAsCurlReadsThem();
    void probesGoThroughProxies();

private:
    void fault(const QString &scope, const QString &f);
    test::DemoPipelineProcess m_pipeline;
    quint16 m_port = 0, m_servicesPort = 0;
    std::unique_ptr<TempDir> m_dir;
    DeploymentConfig m_demo;
};

void TestProbes::initTestCase() {
    m_dir = std::make_unique<TempDir>();
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
    m_port = m_pipeline.port();
    m_servicesPort = m_pipeline.servicesPort();
    // The demo config, pointed at this pipeline's ports.
    auto demo = ConfigLoader::builtinDemo();
    QVERIFY(demo.ok());
    m_demo = demo.value();
    auto repoint = [this](QUrl &u) {
        if (u.isValid())
            u.setPort(u.port() == 8089 ? m_servicesPort : m_port);
    };
    for (ScopeConfig &s : m_demo.scopes) {
        repoint(s.manifest);
        repoint(s.resolver);
        repoint(s.rules);
    }
    for (ServiceConfig &s : m_demo.services)
        repoint(s.readyz);
    m_demo.probes.timeoutMs = 4000;
    m_demo.probes.connectTimeoutMs = 3000; // the "slow" fault answers after 2.5 s
    m_demo.probes.slowMs = 1500;
}

void TestProbes::cleanupTestCase() {
}

void TestProbes::fault(const QString &scope, const QString &f) {
    QCOMPARE(m_pipeline.fault(scope, f), 200);
}

void TestProbes::demoPipelineAllOk() {
    ProbeEngine engine(m_demo, Secret());
    const auto results = round(engine);
    QCOMPARE(results.size(), 5 + 5 + 2 + 2 + 3); // manifests, packs, resolvers, rules, services
    for (const ProbeResult &r : results) {
        QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.target.id + QStringLiteral(": ") + r.reason.text()));
        QVERIFY(r.latencyMs >= 0);
        QVERIFY(r.checkedAtMs > 0);
    }
    const ProbeResult pack = only(results, QStringLiteral("kl/pack"));
    QCOMPARE(pack.actualSha256, pack.target.expectedSha256);
    QCOMPARE(pack.bytes, qint64(65536));
    QVERIFY(only(results, QStringLiteral("kl/manifest")).ageS.value_or(-1) >= 3599);
}

void TestProbes::demoFaults_data() {
    QTest::addColumn<QString>("faultName");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("maxMs");
    QTest::newRow("stale") << "stale"
                           << "kl/manifest" << int(ProbeState::Stale) << "over the 6 h threshold" << 2000;
    QTest::newRow("checksum-mismatch")
        << "checksum-mismatch"
        << "kl/pack" << int(ProbeState::Failed) << "checksum mismatch: manifest says" << 2000;
    QTest::newRow("http-500") << "http-500"
                              << "kl/manifest" << int(ProbeState::Failed) << "HTTP 500" << 2000;
    QTest::newRow("slow") << "slow"
                          << "kl/manifest" << int(ProbeState::Degraded) << "slow: " << 3300;
    QTest::newRow("hang") << "hang"
                          << "kl/manifest" << int(ProbeState::Failed) << "timeout: no response within 3000 ms"
                          << 3300;
    QTest::newRow("malformed-json") << "malformed-json"
                                    << "kl/manifest" << int(ProbeState::Failed) << "invalid JSON" << 2000;
}

void TestProbes::demoFaults() {
    QFETCH(QString, faultName);
    QFETCH(QString, target);
    QFETCH(int, state);
    QFETCH(QString, reason);
    QFETCH(int, maxMs);
    fault(QStringLiteral("kl"), faultName);
    ProbeEngine engine(m_demo, Secret());
    QElapsedTimer t;
    t.start();
    const auto results = round(engine, QStringLiteral("kl"));
    const ProbeResult r = only(results, target);
    fault(QStringLiteral("kl"), QStringLiteral("clear"));
    QCOMPARE(int(r.state), state);
    QVERIFY2(r.reason.text().contains(reason), qPrintable(r.reason.text()));
    QVERIFY2(r.latencyMs <= maxMs, qPrintable(QString::number(r.latencyMs)));
    if (faultName == QLatin1String("checksum-mismatch")) {
        QVERIFY(r.reason.text().contains(r.target.expectedSha256));
        QVERIFY(r.reason.text().contains(r.actualSha256));
        QVERIFY(r.actualSha256 != r.target.expectedSha256);
    }
    // Other targets of the scope are unaffected by a manifest fault.
    QCOMPARE(only(results, QStringLiteral("kl/rules")).state, ProbeState::Ok);
}

void TestProbes::staticServerWeDidNotWrite() {
    TempDir root;
    const QByteArray pack = QByteArray(200000, 'p');
    root.write(QStringLiteral("kl/pack.bin"), pack);
    const QByteArray sha = QCryptographicHash::hash(pack, QCryptographicHash::Sha256).toHex();
    root.write(QStringLiteral("kl/manifest.json"), manifestJson(sha));
    root.write(QStringLiteral("bad/pack.bin"), pack);
    root.write(QStringLiteral("bad/manifest.json"), manifestJson(QByteArray(64, 'b')));
    QTcpServer probePort;
    QVERIFY(probePort.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probePort.serverPort();
    probePort.close();
    QProcess py;
    py.start(QStringLiteral("python3"),
             {QStringLiteral("-m"), QStringLiteral("http.server"), QString::number(port),
              QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--directory"),
              root.path()});
    QVERIFY(py.waitForStarted());
    QTcpSocket probe;
    for (int i = 0; i < 50; ++i) {
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(100))
            break;
        QTest::qWait(100);
    }
    probe.close();
    DeploymentConfig c = configFor(QStringLiteral("http://127.0.0.1:%1/kl/manifest.json").arg(port));
    ScopeConfig bad = c.scopes.first();
    bad.id = QStringLiteral("bad");
    bad.manifest = QUrl(QStringLiteral("http://127.0.0.1:%1/bad/manifest.json").arg(port));
    c.scopes.append(bad);
    ProbeEngine engine(c, Secret());
    const auto results = round(engine);
    py.kill();
    py.waitForFinished();
    QCOMPARE(only(results, QStringLiteral("kl/manifest")).state, ProbeState::Ok);
    const ProbeResult packResult = only(results, QStringLiteral("kl/pack"));
    QVERIFY2(packResult.state == ProbeState::Ok, qPrintable(packResult.reason.text()));
    QCOMPARE(packResult.actualSha256, QString::fromLatin1(sha));
    QCOMPARE(only(results, QStringLiteral("bad/pack")).state, ProbeState::Failed);
    QVERIFY(only(results, QStringLiteral("bad/pack"))
                .reason.text()
                .contains(QStringLiteral("checksum mismatch")));
}

void TestProbes::acceptsAndNeverAnswers() {
    Hostile h([](QTcpSocket *) {});
    ProbeEngine engine(configFor(h.url(), 3000, 1000), Secret());
    QElapsedTimer t;
    t.start();
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("timeout: no response within 1000 ms")),
             qPrintable(r.reason.text()));
    QVERIFY2(t.elapsed() <= 1100 + 200, qPrintable(QString::number(t.elapsed())));
}

void TestProbes::tricklesOneBytePerSecond() {
    Hostile h([](QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n");
        auto *timer = new QTimer(s);
        QObject::connect(timer, &QTimer::timeout, s, [s] { s->write("{"); });
        timer->start(1000);
    });
    ProbeEngine engine(configFor(h.url(), 2500, 1000), Secret());
    QElapsedTimer t;
    t.start();
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("response not complete within 2500 ms")),
             qPrintable(r.reason.text()));
    QVERIFY2(t.elapsed() <= 2750 + 200, qPrintable(QString::number(t.elapsed())));
}

void TestProbes::endlessBody() {
    Hostile h([](QTcpSocket *s) {
        s->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"); // no length: until close
        auto *timer = new QTimer(s);
        const QByteArray chunk(64 * 1024, 'x');
        QObject::connect(timer, &QTimer::timeout, s, [s, chunk] {
            if (s->bytesToWrite() < 1024 * 1024)
                s->write(chunk);
        });
        timer->start(1);
    });
    DeploymentConfig c = configFor(h.url());
    c.probes.maxBodyBytes = 512 * 1024;
    ProbeEngine engine(c, Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("over the cap of")), qPrintable(r.reason.text()));
    QVERIFY(r.bytes <=
            512 * 1024 + 256 * 1024 + 64 * 1024); // stopped near the cap, not at the end of an endless stream
}

void TestProbes::contentLengthLies() {
    // Declares far more than it sends, then closes.
    Hostile shortBody([](QTcpSocket *s) {
        s->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"scope\":");
        s->flush();
        s->disconnectFromHost();
    });
    ProbeEngine a(configFor(shortBody.url()), Secret());
    const ProbeResult r1 = only(round(a), QStringLiteral("kl/manifest"));
    QCOMPARE(r1.state, ProbeState::Failed);
    QVERIFY2(r1.reason.text().contains(QStringLiteral("closed")) ||
                 r1.reason.text().contains(QStringLiteral("network error")),
             qPrintable(r1.reason.text()));
    // Declares a size over the cap: refused before the body is read.
    Hostile huge([](QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{");
    });
    ProbeEngine b(configFor(huge.url()), Secret());
    const ProbeResult r2 = only(round(b), QStringLiteral("kl/manifest"));
    QCOMPARE(r2.state, ProbeState::Failed);
    QVERIFY2(r2.reason.text().contains(QStringLiteral("999999999 bytes is over the cap")),
             qPrintable(r2.reason.text()));
    // Declares less than it sends: only the declared bytes count; they are not a manifest.
    Hostile longer([](QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{\"a\":1} "
                 "and much more garbage");
    });
    ProbeEngine c(configFor(longer.url()), Secret());
    const ProbeResult r3 = only(round(c), QStringLiteral("kl/manifest"));
    QCOMPARE(r3.state, ProbeState::Failed);
    QVERIFY2(r3.reason.text().contains(QStringLiteral("invalid JSON")), qPrintable(r3.reason.text()));
}

void TestProbes::redirectLoop() {
    Hostile h([](QTcpSocket *s) {
        s->write("HTTP/1.1 302 Found\r\nLocation: /m.json\r\nContent-Length: 0\r\n\r\n");
    });
    ProbeEngine engine(configFor(h.url()), Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("redirect loop or more than 3 redirects")),
             qPrintable(r.reason.text()));
}

void TestProbes::redirectToAnotherPortNothingListens() {
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    Hostile h([deadPort](QTcpSocket *s) {
        s->write("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + QByteArray::number(deadPort) +
                 "/m.json\r\nContent-Length: 0\r\n\r\n");
    });
    ProbeEngine engine(configFor(h.url()), Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("connection refused by 127.0.0.1:%1").arg(deadPort)),
             qPrintable(r.reason.text()));
}

void TestProbes::invalidTlsCertificateAndCustomCa() {
    TempDir dir;
    QSslConfiguration tls;
    QVERIFY(serverTls(dir, tls));
    auto *server = new QSslServer;
    server->setSslConfiguration(tls);
    Hostile h(
        [](QTcpSocket *s) {
            const QByteArray body = manifestJson();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        },
        server);
    ProbeEngine untrusted(configFor(h.url()), Secret());
    const ProbeResult r = only(round(untrusted), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().startsWith(QStringLiteral("TLS: ")), qPrintable(r.reason.text()));
    // In words of its own, which the log keeps beside the English (never Qt's text in the window's
    // language): what is wrong with the certificate.
    QVERIFY2(r.reason.text().contains(QStringLiteral("self-signed")) ||
                 r.reason.text().contains(QStringLiteral("issuer is not trusted")),
             qPrintable(r.reason.text()));
    QVERIFY(!r.reason.toJson().isString());
    DeploymentConfig withCa = configFor(h.url());
    withCa.probes.caFile = dir.file(QStringLiteral("cert.pem"));
    ProbeEngine trusted(withCa, Secret());
    const ProbeResult ok = only(round(trusted), QStringLiteral("kl/manifest"));
    QVERIFY2(ok.state == ProbeState::Ok, qPrintable(ok.reason.text()));
    // A verified https endpoint that redirects to plain http is refused, not followed.
    Hostile plain([](QTcpSocket *s) { answerJson(s, manifestJson()); });
    auto *downgrading = new QSslServer;
    downgrading->setSslConfiguration(tls);
    Hostile downgrade(
        [&plain](QTcpSocket *s) {
            s->write("HTTP/1.1 301 Moved\r\nLocation: " + plain.url().toUtf8() +
                     "\r\nContent-Length: 0\r\n\r\n");
        },
        downgrading);
    DeploymentConfig redirecting = withCa;
    redirecting.scopes.first().manifest = QUrl(downgrade.url());
    ProbeEngine refusing(redirecting, Secret());
    const ProbeResult refused = only(round(refusing), QStringLiteral("kl/manifest"));
    QCOMPARE(refused.state, ProbeState::Failed);
    QCOMPARE(refused.reason.text(), QStringLiteral("redirect to a less secure URL refused"));
    QCOMPARE(plain.connections, 0);
}

void TestProbes::http10Close() {
    Hostile h([](QTcpSocket *s) {
        s->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + manifestJson());
        s->flush();
        s->disconnectFromHost();
    });
    ProbeEngine engine(configFor(h.url()), Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
}

void TestProbes::dnsFailure() {
    ProbeEngine engine(configFor(QStringLiteral("http://no-such-host.invalid/m.json"), 5000, 4000), Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("DNS: host no-such-host.invalid not found")) ||
                 r.reason.text().startsWith(QStringLiteral("timeout")),
             qPrintable(r.reason.text()));
}

void TestProbes::unknownBeforeProbing() {
    ProbeResult never;
    QCOMPARE(never.state, ProbeState::Unknown);
    QCOMPARE(probeStateName(never.state), QStringLiteral("unknown"));
    QVERIFY(probeStateSeverity(ProbeState::Unknown) > probeStateSeverity(ProbeState::Ok)); // never healthy
}

void TestProbes::authorizationOnlyWhereAsked() {
    QByteArray seen;
    Hostile h([](QTcpSocket *s) {
        const QByteArray body = manifestJson();
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });
    // Capture the request: a second server that records headers.
    QTcpServer recorder;
    QVERIFY(recorder.listen(QHostAddress::LocalHost, 0));
    connect(&recorder, &QTcpServer::pendingConnectionAvailable, this, [&] {
        QTcpSocket *s = recorder.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [&, s] {
            seen += s->readAll();
            const QByteArray body = manifestJson();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
    });
    DeploymentConfig c = configFor(QStringLiteral("http://127.0.0.1:%1/m.json").arg(recorder.serverPort()));
    ProbeEngine noAuth(c, Secret(QByteArray("t0ken-never-sent")));
    round(noAuth, QStringLiteral("kl"));
    QVERIFY(!seen.contains("Authorization"));
    seen.clear();
    c.scopes.first().auth = true;
    ProbeEngine withAuth(c, Secret(QByteArray("t0ken-sent-here")));
    const auto results = round(withAuth, QStringLiteral("kl"));
    QVERIFY(seen.contains("Authorization: Bearer t0ken-sent-here"));
    for (const ProbeResult &r : results)
        QVERIFY(!r.reason.text().contains(QStringLiteral("t0ken")));
}

void TestProbes::probeCliExitCodesAndJson() {
    // The demo config on disk, pointed at this pipeline's ports.
    QFile demo(QString::fromLatin1(ConfigLoader::kBuiltinDemoPath));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QByteArray yaml = demo.readAll();
    yaml.replace("127.0.0.1:8088", QByteArray("127.0.0.1:" + QByteArray::number(m_port)));
    yaml.replace("127.0.0.1:8089", QByteArray("127.0.0.1:" + QByteArray::number(m_servicesPort)));
    const QString cfg = m_dir->write(QStringLiteral("config.yaml"), yaml);
    test::ProgramRunner run(*m_dir);
    auto r =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("--config"), cfg, QStringLiteral("probe"),
                                                   QStringLiteral("--once"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    auto json = CanonicalJson::parse(r.out.toStdString());
    QVERIFY2(json.ok(), r.out.constData());
    QCOMPARE(json->toArray().size(), std::size_t(17));
    for (const JsonValue &t : json->toArray()) {
        for (const char *field : {"target", "scope", "kind", "state", "reason", "latency_ms", "checked_at"})
            QVERIFY2(t.find(field), field);
        if (t.stringAt("kind") == QLatin1String("manifest"))
            QVERIFY(t.find("age_s")->isInt());
        if (t.stringAt("kind") == QLatin1String("pack"))
            QCOMPARE(t.stringAt("expected_sha256"), t.stringAt("actual_sha256"));
    }
    fault(QStringLiteral("pg"), QStringLiteral("http-500"));
    r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("--config"), cfg, QStringLiteral("probe"),
                                                   QStringLiteral("--scope"), QStringLiteral("pg")});
    fault(QStringLiteral("pg"), QStringLiteral("clear"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAILED") && r.out.contains("pg/manifest") && r.out.contains("HTTP 500"),
             r.out.constData());
    QVERIFY(!r.out.contains("kl/"));
    r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("--config"), cfg, QStringLiteral("probe"),
                                                   QStringLiteral("--scope"), QStringLiteral("atlantis")});
    QCOMPARE(r.exitCode, 2);
}

namespace {

QHash<QString, JsonValue> alertCells(const QByteArray &out) {
    QHash<QString, JsonValue> cells;
    auto json = CanonicalJson::parse(out.toStdString());
    if (!json.ok())
        return cells;
    for (const JsonValue &c : json->toArray())
        cells.insert(c.stringAt("alert") + QLatin1Char('/') + c.stringAt("scope"), c);
    return cells;
}

} // namespace

void TestProbes::recordedProbesDriveTheAlertsCli() {
    TempDir home;
    QFile demo(QString::fromLatin1(ConfigLoader::kBuiltinDemoPath));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QByteArray yaml = demo.readAll();
    yaml.replace("127.0.0.1:8088", QByteArray("127.0.0.1:" + QByteArray::number(m_port)));
    yaml.replace("127.0.0.1:8089", QByteArray("127.0.0.1:" + QByteArray::number(m_servicesPort)));
    const QString cfg = home.write(QStringLiteral("config.yaml"), yaml);
    test::ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("a long enough passphrase"));
    auto cli = [&](QStringList args) {
        args.prepend(cfg);
        args.prepend(QStringLiteral("--config"));
        return run.run(QStringLiteral("opsconsole-cli"), args);
    };

    // Before anything was evaluated: every cell unknown, never ok.
    auto r = cli({QStringLiteral("alerts"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 1, r.err.constData());
    auto cells = alertCells(r.out);
    QCOMPARE(cells.size(), 35);
    for (const JsonValue &c : cells) {
        QCOMPARE(c.stringAt("state"), QStringLiteral("unknown"));
        for (const char *field : {"alert", "scope", "state", "severity", "since", "first_action"})
            QVERIFY2(c.find(field), field);
    }
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("ann"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);

    fault(QStringLiteral("kl"), QStringLiteral("stale"));
    r = cli({QStringLiteral("probe"), QStringLiteral("--record")});
    QVERIFY2(r.exitCode == 1, r.err.constData());
    QVERIFY2(r.err.contains("transitions as evidence"), r.err.constData());
    r = cli({QStringLiteral("probe"), QStringLiteral("--record")}); // fail_after 2
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("firing"));
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("severity"), QStringLiteral("SEV-2"));
    QVERIFY(cells.value(QStringLiteral("stale-pack/kl")).find("since")->isString());
    QCOMPARE(cells.value(QStringLiteral("stale-pack/sg")).stringAt("state"), QStringLiteral("ok"));
    QCOMPARE(cells.value(QStringLiteral("resolver-health/baseline")).stringAt("severity"),
             QStringLiteral("SEV-1"));
    QCOMPARE(cells.value(QStringLiteral("publish-blocked/kl")).stringAt("state"), QStringLiteral("unknown"));

    // With sqlite3: the firing cell turned "ok" in the monitor's table. The signed transitions say
    // otherwise, so it shows as unknown and says why, never as healthy; then put back.
    const auto setCell = [&](const char *sql) {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(
                     home.file(QStringLiteral("data/opsconsole/evidence.sqlite")).toUtf8().constData(), &db),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    };
    setCell("UPDATE alert_cells SET state = 'ok' WHERE alert = 'stale-pack' AND scope = 'kl'");
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("unknown"));
    QVERIFY2(cells.value(QStringLiteral("stale-pack/kl"))
                 .stringAt("detail")
                 .contains(QStringLiteral("unverified")),
             qPrintable(cells.value(QStringLiteral("stale-pack/kl")).stringAt("detail")));
    // And a healthy cell made "firing" without its event.
    setCell("UPDATE alert_cells SET state = 'firing' WHERE alert = 'stale-pack' AND scope = 'sg'");
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/sg")).stringAt("state"), QStringLiteral("unknown"));
    setCell("UPDATE alert_cells SET state = 'firing' WHERE alert = 'stale-pack' AND scope = 'kl'");
    setCell("UPDATE alert_cells SET state = 'ok' WHERE alert = 'stale-pack' AND scope = 'sg'");
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("firing"));

    // Acknowledging: refusals first, each with its exit code, then the real one.
    auto ack = [&](const QString &alert, const QString &scope, const QString &note) {
        return cli({QStringLiteral("alerts"), QStringLiteral("ack"), alert, QStringLiteral("--scope"), scope,
                    QStringLiteral("--note"), note});
    };
    QCOMPARE(ack(QStringLiteral("stale_pack"), QStringLiteral("kl"), QStringLiteral("x")).exitCode, 3);
    QCOMPARE(ack(QStringLiteral("stale-pack"), QStringLiteral("atlantis"), QStringLiteral("x")).exitCode, 3);
    QCOMPARE(ack(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("  ")).exitCode, 3);
    QCOMPARE(ack(QStringLiteral("stale-pack"), QStringLiteral("sg"), QStringLiteral("x")).exitCode, 4);
    r = ack(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("refresh job restarted"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("acknowledged stale-pack for kl as ann"), r.out.constData());
    QCOMPARE(ack(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("again")).exitCode, 4);
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("acknowledged"));
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("acknowledged_by"), QStringLiteral("ann"));

    // The pack is fresh again: clear_after 2 good rounds clear it.
    fault(QStringLiteral("kl"), QStringLiteral("clear"));
    cli({QStringLiteral("probe"), QStringLiteral("--record")});
    cli({QStringLiteral("probe"), QStringLiteral("--record")});
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("ok"));

    // Fired, acknowledged, cleared: signed events, verifiable.
    for (const char *kind : {"alert.fired", "alert.acknowledged", "alert.cleared"}) {
        r = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--kind"),
                 QString::fromLatin1(kind)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 1);
        QVERIFY2(r.out.contains("ann") && r.out.contains("stale-pack"), r.out.constData());
    }
    r = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--kind"),
             QStringLiteral("probe.state_changed"), QStringLiteral("--limit"), QStringLiteral("100")});
    QCOMPARE(r.out.count('\n'), 17 + 1); // every target first seen (kl/manifest stale), then kl/manifest ok
    QCOMPARE(
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures")}).exitCode,
        0);

    // A matrix nobody has looked at for a while: healthy turns unknown, firing would stay firing.
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(
                     home.file(QStringLiteral("data/opsconsole/evidence.sqlite")).toUtf8().constData(), &db),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE alert_cells SET evaluated_at_ms = 1000", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    cells = alertCells(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    QCOMPARE(cells.value(QStringLiteral("stale-pack/kl")).stringAt("state"), QStringLiteral("unknown"));
    QVERIFY(cells.value(QStringLiteral("stale-pack/kl"))
                .stringAt("detail")
                .contains(QStringLiteral("last evaluated")));
}

void TestProbes::hostileRoundsKeepMemoryFlat() {
    // A pack that never ends (hashed as it streams until the total timeout), a manifest whose
    // Content-Length promises a gigabyte, and one that trickles: round after round, memory stays flat.
    auto endless = [](QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n");
        auto *timer = new QTimer(s);
        const QByteArray chunk(256 * 1024, 'x');
        QObject::connect(timer, &QTimer::timeout, s, [s, chunk] {
            if (s->bytesToWrite() < 2 * 1024 * 1024)
                s->write(chunk);
        });
        timer->start(0);
    };
    Hostile pack(endless);
    Hostile manifest([&pack](QTcpSocket *s) {
        const QByteArray body = "{\"version\":\"v1\",\"published_at\":\"" +
                                Time::toIso(Time::nowMs()).toUtf8() + "\",\"pack_url\":\"" +
                                pack.url(QStringLiteral("/pack.bin")).toUtf8() + "\",\"pack_sha256\":\"" +
                                QByteArray(64, 'a') + "\"}";
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });
    Hostile liar([](QTcpSocket *s) {
        s->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{\"a\":");
    });
    Hostile trickle([](QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n");
        auto *timer = new QTimer(s);
        QObject::connect(timer, &QTimer::timeout, s, [s] { s->write(" "); });
        timer->start(100);
    });
    DeploymentConfig c = configFor(manifest.url(), 1000, 800);
    c.probes.maxBodyBytes = 64LL * 1024 * 1024 * 1024; // far beyond what streams before the timeout
    c.probes.packHosts << QStringLiteral("127.0.0.1"); // the pack server listens on another port
    ScopeConfig second = c.scopes.first();
    second.id = QStringLiteral("pg");
    second.manifest = QUrl(liar.url());
    ScopeConfig third = c.scopes.first();
    third.id = QStringLiteral("sg");
    third.manifest = QUrl(trickle.url());
    c.scopes << second << third;
    ProbeEngine engine(c, Secret());
    qint64 streamed = 0;
    auto oneRound = [&] {
        const QList<ProbeResult> results = round(engine);
        QCOMPARE(results.size(), 4);
        for (const ProbeResult &r : results)
            QVERIFY2(r.state ==
                         (r.target.id == QLatin1String("kl/manifest") ? ProbeState::Ok : ProbeState::Failed),
                     qPrintable(r.target.id + QStringLiteral(": ") + r.reason.text()));
        streamed += only(results, QStringLiteral("kl/pack")).bytes;
        QVERIFY(only(results, QStringLiteral("kl/pack")).reason.text().contains(QStringLiteral("timeout")));
    };
    oneRound();
    oneRound();
    const qint64 before = test::rssKb();
    streamed = 0;
    for (int i = 0; i < 5; ++i)
        oneRound();
    const qint64 growthKb = test::rssKb() - before;
    qInfo("streamed %lld MB of endless pack in 5 rounds; RSS grew %lld kB",
          static_cast<long long>(streamed >> 20), static_cast<long long>(growthKb));
    QVERIFY2(streamed > 40LL * 1024 * 1024, "the endless pack should have streamed a lot");
    QVERIFY2(growthKb < 16 * 1024, qPrintable(QStringLiteral("RSS grew %1 kB").arg(growthKb)));
}

void TestProbes::keptAliveConnectionsCarryTheNextRounds() {
    Hostile h([](QTcpSocket *s) { answerJson(s, "{\"ready\":true}"); });
    DeploymentConfig c = configFor(h.url());
    c.scopes.clear();
    c.probes.concurrency = 4;
    for (int i = 0; i < 60; ++i)
        c.services << ServiceConfig{QStringLiteral("svc%1").arg(i),
                                    QUrl(h.url(QStringLiteral("/ready/%1").arg(i))), false, 0};
    ProbeEngine engine(c, Secret());
    for (int i = 0; i < 3; ++i) {
        const auto results = round(engine);
        QCOMPARE(results.size(), 60);
        for (const ProbeResult &r : results)
            QVERIFY2(r.state == ProbeState::Ok,
                     qPrintable(r.target.id + QStringLiteral(": ") + r.reason.text()));
    }
    // 180 requests, never more than four at once, over at most four connections.
    QVERIFY2(h.connections <= 4, qPrintable(QString::number(h.connections)));
}

void TestProbes::connectionClosedBeforeAnsweringIsRetriedOnce() {
    // Like a server whose keep-alive timeout ends just as the next request arrives: it answers
    // one request per connection and closes on the second without a word. Not a failure.
    Hostile h([](QTcpSocket *s) {
        if (s->property("served").toBool()) {
            s->disconnectFromHost();
            return;
        }
        s->setProperty("served", true);
        answerJson(s, manifestJson());
    });
    ProbeEngine engine(configFor(h.url()), Secret());
    for (int i = 0; i < 3; ++i) {
        const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
        QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    }
    // Manifest and pack each round, each on a connection of its own after the silent retry.
    QCOMPARE(h.connections, 6);
    // But a fresh connection closed before answering is a failure, and says so.
    Hostile mute([](QTcpSocket *s) { s->disconnectFromHost(); });
    ProbeEngine other(configFor(mute.url()), Secret());
    const ProbeResult r = only(round(other), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QCOMPARE(r.reason.text(),
             QStringLiteral("connection closed by 127.0.0.1:%1 before a complete response (nothing received)")
                 .arg(mute.port()));
}

void TestProbes::chunkedAnswers() {
    Hostile h([](QTcpSocket *s) {
        const QByteArray body = manifestJson();
        const QByteArray a = body.left(10), b = body.mid(10);
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                 QByteArray::number(a.size(), 16) + "\r\n" + a + "\r\n" + QByteArray::number(b.size(), 16) +
                 ";ext=1\r\n" + b + "\r\n0\r\n\r\n");
    });
    ProbeEngine engine(configFor(h.url()), Secret());
    for (int i = 0; i < 2; ++i) {
        const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
        QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    }
    QCOMPARE(h.connections, 1); // a chunked answer ends cleanly: the connection is kept
}

void TestProbes::errorStatusDoesNotWaitForItsBody() {
    Hostile h([](QTcpSocket *s) {
        s->write(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100000\r\n\r\n<html>"); // and nothing more
    });
    ProbeEngine engine(configFor(h.url(), 3000, 1000), Secret());
    QElapsedTimer t;
    t.start();
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QCOMPARE(r.reason.text(), QStringLiteral("HTTP 503"));
    QCOMPARE(r.httpStatus, 503);
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

void TestProbes::notHttpAtAll() {
    Hostile h([](QTcpSocket *s) { s->write("SSH-2.0-OpenSSH_9.2\r\n\x1b[31m\r\n"); });
    ProbeEngine engine(configFor(h.url(), 3000, 1000), Secret());
    const ProbeResult r = only(round(engine), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QCOMPARE(r.reason.text(), QStringLiteral("malformed response: status line 'SSH-2.0-OpenSSH_9.2'"));
}

void TestProbes::authorizationNeverFollowsARedirectElsewhere() {
    Hostile elsewhere([](QTcpSocket *s) { answerJson(s, manifestJson()); }); // another origin: another port
    Hostile here([&elsewhere](QTcpSocket *s) {
        s->write("HTTP/1.1 302 Found\r\nLocation: " + elsewhere.url().toUtf8() +
                 "\r\nContent-Length: 0\r\n\r\n");
    });
    DeploymentConfig c = configFor(here.url());
    c.scopes.first().auth = true;
    c.probes.packHosts << QStringLiteral("127.0.0.1"); // the pack lies beside the redirected manifest
    ProbeEngine engine(c, Secret(QByteArray("t0ken-for-here-only")));
    const ProbeResult r = only(round(engine, QStringLiteral("kl")), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    QVERIFY(here.received.contains("Authorization: Bearer t0ken-for-here-only\r\n"));
    QVERIFY(elsewhere.received.startsWith("GET /m.json HTTP/1.1\r\n"));
    QVERIFY(
        elsewhere.received.contains("GET /pack.bin HTTP/1.1\r\n")); // the pack its manifest names, there too
    QVERIFY(!elsewhere.received.contains(
        "Authorization")); // (the request is not printed: it would hold the token)
}

void TestProbes::packElsewhereGetsNoToken() {
    // A manifest (outside input) may name a pack on any host: the token never goes with it there.
    Hostile elsewhere([](QTcpSocket *s) { s->write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npack"); });
    Hostile here([&elsewhere](QTcpSocket *s) {
        const QByteArray body = "{\"version\":\"v1\",\"published_at\":\"" +
                                Time::toIso(Time::nowMs()).toUtf8() + "\",\"pack_url\":\"" +
                                elsewhere.url(QStringLiteral("/pack.bin")).toUtf8() +
                                "\",\"pack_sha256\":\"" + QByteArray(64, 'a') + "\"}";
        answerJson(s, body);
    });
    DeploymentConfig c = configFor(here.url());
    c.scopes.first().auth = true;
    {
        // Not fetched at all unless the config allows the pack's host.
        ProbeEngine engine(c, Secret(QByteArray("t0ken-for-here-only")));
        const auto results = round(engine, QStringLiteral("kl"));
        QCOMPARE(only(results, QStringLiteral("kl/pack")).state, ProbeState::Failed);
        QVERIFY(only(results, QStringLiteral("kl/pack"))
                    .reason.text()
                    .contains(QStringLiteral("probes.pack_hosts")));
        QVERIFY(elsewhere.received.isEmpty());
    }
    c.probes.packHosts << QStringLiteral("127.0.0.1");
    ProbeEngine engine(c, Secret(QByteArray("t0ken-for-here-only")));
    const auto results = round(engine, QStringLiteral("kl"));
    QVERIFY2(only(results, QStringLiteral("kl/manifest")).state == ProbeState::Ok,
             qPrintable(only(results, QStringLiteral("kl/manifest")).reason.text()));
    QVERIFY(!only(results, QStringLiteral("kl/pack")).target.auth);
    QVERIFY(here.received.contains("Authorization: Bearer t0ken-for-here-only\r\n"));
    QVERIFY(elsewhere.received.startsWith("GET /pack.bin HTTP/1.1\r\n"));
    QVERIFY(!elsewhere.received.contains(
        "Authorization")); // (the request is not printed: it would hold the token)
}

void TestProbes::publisherTokenOnlyWithAuthAndNeverKept() {
    // A publisher that echoes the request's Authorization header back in its answer.
    Hostile *self = nullptr;
    Hostile echo([&self](QTcpSocket *s) {
        const QByteArray req = self->received;
        const qsizetype at = req.lastIndexOf("Authorization: ");
        const QByteArray auth = at < 0 ? QByteArray("none") : req.mid(at, req.indexOf("\r\n", at) - at);
        answerJson(s, "{\"ok\":true,\"audit_id\":\"a-1\",\"active\":\"v2\",\"echo\":\"" + auth + "\"}");
    });
    self = &echo;
    auto rebind = [&](bool auth) {
        DeploymentConfig c = configFor(echo.url());
        c.publisher = PublisherConfig{QUrl(echo.url(QStringLiteral("/rebind"))), auth};
        PublisherClient client(c, Secret(QByteArray("pub-t0ken-s3cret")));
        std::optional<RebindOutcome> outcome;
        QObject::connect(&client, &PublisherClient::finished, [&](const RebindOutcome &o) { outcome = o; });
        client.rebind(QStringLiteral("kl"), {});
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000); }();
        return outcome.value_or(RebindOutcome{});
    };
    const RebindOutcome withAuth = rebind(true);
    QVERIFY2(withAuth.ok, qPrintable(withAuth.error));
    QVERIFY(echo.received.contains("Authorization: Bearer pub-t0ken-s3cret"));
    QVERIFY(!withAuth.response.contains("pub-t0ken-s3cret")); // echoed, and scrubbed before it is kept
    QVERIFY(withAuth.response.contains("Bearer [redacted]"));
    QVERIFY(
        !QByteArray::fromStdString(CanonicalJson::serialize(withAuth.toJson())).contains("pub-t0ken-s3cret"));
    echo.received.clear();
    const RebindOutcome without = rebind(false);
    QVERIFY2(without.ok, qPrintable(without.error));
    QVERIFY(!echo.received.isEmpty());
    QVERIFY(!echo.received.contains("Authorization")); // auth: false sends no token at all
}

void TestProbes::proxyVariablesAsCurlReadsThem() {
    ProxySettings p = ProxySettings::fromEnvironment(proxyEnv(
        {{"HTTPS_PROXY", QStringLiteral("http://upper:3128")},
         {"https_proxy", QStringLiteral("proxy.corp:8080")},
         {"NO_PROXY", QStringLiteral("internal.example, .corp.example,10.0.0.5, cdn.example:8443 ,[::1]")}}));
    QCOMPARE(p.https.toString(),
             QStringLiteral("http://proxy.corp:8080")); // lower case first, bare host:port
    QVERIFY(p.http.isEmpty());
    const auto via = [&](const char *url) {
        return p.choose(QUrl(QString::fromLatin1(url))).proxy.has_value();
    };
    QVERIFY(via("https://cdn.example.org/m.json"));
    QVERIFY(!via("http://cdn.example.org/m.json")); // no HTTP_PROXY
    QVERIFY(!via("https://internal.example/m.json"));
    QVERIFY(!via("https://api.internal.example/m.json"));
    QVERIFY(via("https://notinternal.example/m.json"));
    QVERIFY(!via("https://a.corp.example/m.json"));
    QVERIFY(!via("https://10.0.0.5/m.json"));
    QVERIFY(via("https://10.0.0.6/m.json"));
    QVERIFY(!via("https://cdn.example:8443/m.json"));
    QVERIFY(via("https://cdn.example/m.json")); // another port
    QVERIFY(!via("https://[::1]:9/m.json"));
    const ProxySettings v6 = ProxySettings::fromEnvironment(proxyEnv(
        {{"HTTPS_PROXY", QStringLiteral("http://p:1")}, {"NO_PROXY", QStringLiteral("[::1]:8443")}}));
    QVERIFY(!v6.choose(QUrl(QStringLiteral("https://[::1]:8443/m.json"))).proxy);
    QVERIFY(v6.choose(QUrl(QStringLiteral("https://[::1]:9443/m.json"))).proxy);
    QVERIFY(!ProxySettings::fromEnvironment(
                 proxyEnv({{"HTTPS_PROXY", QStringLiteral("http://p:1")}, {"NO_PROXY", QStringLiteral("*")}}))
                 .choose(QUrl(QStringLiteral("https://x.example/")))
                 .proxy);
    // A proxy variable that cannot be read fails the probes it would carry, without echoing it.
    const ProxySettings bad = ProxySettings::fromEnvironment(
        proxyEnv({{"HTTPS_PROXY", QStringLiteral("socks5://user:hunter2@p:1080")}}));
    const ProxySettings::Choice c = bad.choose(QUrl(QStringLiteral("https://x.example/")));
    QVERIFY(!c.proxy);
    QVERIFY2(c.error.contains(QStringLiteral("HTTPS_PROXY")) && !c.error.contains(QStringLiteral("hunter2")),
             qPrintable(c.error));
    QCOMPARE(ProxySettings::authorization(QUrl(QStringLiteral("http://ops:s%3Acret@p:1"))),
             QByteArray("Basic " + QByteArray("ops:s:cret").toBase64()));
}

void TestProbes::probesGoThroughProxies() {
    // The targets: a plain http one and an https one with a certificate of a test CA.
    TempDir dir;
    QSslConfiguration tls;
    QVERIFY(serverTls(dir, tls));
    auto *sslServer = new QSslServer;
    sslServer->setSslConfiguration(tls);
    Hostile secure([](QTcpSocket *s) { answerJson(s, manifestJson()); }, sslServer);
    Hostile plain([](QTcpSocket *s) { answerJson(s, manifestJson()); });

    // https through CONNECT, with the CA: ok, and the proxy saw only the tunnel's target.
    ForwardProxy proxy;
    DeploymentConfig httpsCfg = configFor(secure.url());
    httpsCfg.probes.caFile = dir.file(QStringLiteral("cert.pem"));
    ProbeEngine viaProxy(httpsCfg, Secret(QByteArrayLiteral("operator-token-6d1")));
    viaProxy.setProxySettings(ProxySettings::fromEnvironment(proxyEnv({{"HTTPS_PROXY", proxy.url()}})));
    ProbeResult r = only(round(viaProxy), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    QCOMPARE(proxy.requestLines.size(), 1);
    QCOMPARE(proxy.requestLines.first(),
             "CONNECT 127.0.0.1:" + QByteArray::number(secure.port()) + " HTTP/1.1");
    // The same TLS checks through the tunnel: without the CA the certificate is refused.
    ProbeEngine untrusted(configFor(secure.url()), Secret());
    untrusted.setProxySettings(ProxySettings::fromEnvironment(proxyEnv({{"HTTPS_PROXY", proxy.url()}})));
    r = only(round(untrusted), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().startsWith(QStringLiteral("TLS: ")), qPrintable(r.reason.text()));

    // http through the proxy in absolute form; NO_PROXY sends it direct.
    ProbeEngine httpViaProxy(configFor(plain.url()), Secret());
    httpViaProxy.setProxySettings(ProxySettings::fromEnvironment(proxyEnv({{"HTTP_PROXY", proxy.url()}})));
    r = only(round(httpViaProxy), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    QCOMPARE(proxy.requestLines.last(), "GET " + plain.url().toUtf8() + " HTTP/1.1");
    const qsizetype seen = proxy.requestLines.size();
    ProbeEngine bypass(configFor(plain.url()), Secret());
    bypass.setProxySettings(ProxySettings::fromEnvironment(
        proxyEnv({{"HTTP_PROXY", proxy.url()}, {"NO_PROXY", QStringLiteral("localhost,127.0.0.1")}})));
    r = only(round(bypass), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    QCOMPARE(proxy.requestLines.size(), seen);

    // A proxy that wants credentials: refused without, through with them.
    ForwardProxy guarded("ops:pa55");
    ProbeEngine noCreds(httpsCfg, Secret());
    noCreds.setProxySettings(ProxySettings::fromEnvironment(proxyEnv({{"HTTPS_PROXY", guarded.url()}})));
    r = only(round(noCreds), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("refused the tunnel")) &&
                 r.reason.text().contains(QStringLiteral("407")),
             qPrintable(r.reason.text()));
    ProbeEngine withCreds(httpsCfg, Secret());
    withCreds.setProxySettings(
        ProxySettings::fromEnvironment(proxyEnv({{"HTTPS_PROXY", guarded.url("ops:pa55")}})));
    r = only(round(withCreds), QStringLiteral("kl/manifest"));
    QVERIFY2(r.state == ProbeState::Ok, qPrintable(r.reason.text()));
    QVERIFY(!r.reason.text().contains(QStringLiteral("pa55")));

    // The operator token goes to the target inside the tunnel, never to the proxy in the clear.
    QVERIFY(!proxy.requestLines.join('\n').contains("operator-token-6d1"));

    // Nothing listens where the proxy should be.
    QTcpServer gone;
    QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = gone.serverPort();
    gone.close();
    ProbeEngine dead(httpsCfg, Secret());
    dead.setProxySettings(ProxySettings::fromEnvironment(
        proxyEnv({{"HTTPS_PROXY", QStringLiteral("http://127.0.0.1:%1").arg(deadPort)}})));
    r = only(round(dead), QStringLiteral("kl/manifest"));
    QCOMPARE(r.state, ProbeState::Failed);
    QVERIFY2(r.reason.text().contains(QStringLiteral("connection refused by the proxy")),
             qPrintable(r.reason.text()));
}

QTEST_GUILESS_MAIN(TestProbes)
#include "tst_probes.moc"
