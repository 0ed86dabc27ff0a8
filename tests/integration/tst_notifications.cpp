// Webhook notifications over real HTTP on loopback: what the rounds find is POSTed to each hook
// whose severities and triggers take it, retried with backoff on 5xx, given up on other answers,
// held while the cell is silenced and told when the silence ends, escalated once when nobody
// acknowledges; every attempt is a signed event that names the hook's host, never its secret path.
#include "ProbeRounds.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "alerts/Silences.h"
#include "core/CanonicalJson.h"
#include "monitor/AlertMonitor.h"
#include "probes/Proxy.h"

#include <QFile>
#include <QTest>

using namespace ops;

class TestNotifications : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void configRefusesBadHooks_data();
    void configRefusesBadHooks();
    void firedEscalatedClearedHeldOverRealHttp();
    void urlFileKeepsTheSecretOutOfTheConfigAndTheLog();
    void chatTextCannotPingOrLink();
    void aHeldNoticeSurvivesARestart();
};

namespace {

struct Hook {
    QList<QByteArray> bodies; // every request's body, in order
    int failFirst = 0;        // answer 503 to this many requests first
    int status = 200;         // then this
};

void serve(test::LoopbackHttpServer &server, const QByteArray &path, Hook &hook) {
    server.route(path, [&hook](const QByteArray &method, const QByteArray &, const QByteArray &body) {
        if (method != "POST")
            return test::LoopbackHttpServer::Response{405, "{}", "application/json", {}};
        hook.bodies << body;
        const int status = hook.bodies.size() <= hook.failFirst ? 503 : hook.status;
        return test::LoopbackHttpServer::Response{status, "{\"ok\":true}", "application/json", {}};
    });
}

JsonValue parse(const QByteArray &bytes) {
    auto v = CanonicalJson::parse(bytes.toStdString());
    return v.ok() ? v.value() : JsonValue();
}

QList<StoredEvent> attempts(const QString &path) {
    auto store = SqliteEvidenceStore::open(path, StoreOpenOptions{}).value();
    EventFilter f;
    f.kind = QStringLiteral("notification.attempted");
    f.limit = 1000;
    return store->query(f).value();
}

struct Rig {
    test::StoreFixture f;
    Session session;
    std::unique_ptr<AlertMonitor> monitor;
    qint64 clock = 1795410000000;

    explicit Rig(const DeploymentConfig &config) {
        f.store.reset();
        monitor = std::make_unique<AlertMonitor>(config, AlertRules::builtin().value(), f.path, Secret());
        monitor->setClock([this] { return clock; });
        monitor->setSession(&session);
        session.unlockWith(
            Signer{f.alice.name, crypto::PrivateKey::fromPem(f.alice.key.unencryptedPem(), {}).value()});
        if (monitor->notifier())
            monitor->notifier()->setRetryBaseMs(20);
    }
    void run(bool klStale, qint64 step = 30'000) {
        clock += step;
        monitor->processRound(test::manifestRound(klStale, clock));
    }
};

DeploymentConfig withHooks(const QByteArray &notificationsYaml) {
    QFile demo(QString::fromLatin1(ConfigLoader::kBuiltinDemoPath));
    if (!demo.open(QIODevice::ReadOnly))
        qFatal("no demo config");
    auto cfg = ConfigLoader::parse(demo.readAll() + "\n" + notificationsYaml, QStringLiteral("ops.yaml"));
    if (!cfg.ok())
        qFatal("%s", qPrintable(cfg.error().toString()));
    return cfg.value();
}

} // namespace

void TestNotifications::configRefusesBadHooks_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("no url") << QByteArray("notifications:\n  webhooks:\n    - {format: slack}\n")
                            << "notifications.webhooks[0]: needs exactly one of url or url_file";
    QTest::newRow("both")
        << QByteArray("notifications:\n  webhooks:\n    - {url: 'https://a.example/h', url_file: x}\n")
        << "needs exactly one of url or url_file";
    QTest::newRow("format")
        << QByteArray("notifications:\n  webhooks:\n    - {url: 'https://a.example/h', format: teams}\n")
        << "notifications.webhooks[0].format: must be generic or slack";
    QTest::newRow("severity")
        << QByteArray(
               "notifications:\n  webhooks:\n    - {url: 'https://a.example/h', severities: [SEV-0]}\n")
        << "notifications.webhooks[0].severities[0]: 'SEV-0' is not one of SEV-1, SEV-2, SEV-3";
    QTest::newRow("trigger")
        << QByteArray("notifications:\n  webhooks:\n    - {url: 'https://a.example/h', triggers: [paged]}\n")
        << "'paged' is not one of fired, escalated, cleared";
    QTest::newRow("scheme") << QByteArray("notifications:\n  webhooks:\n    - {url: 'ftp://a.example/h'}\n")
                            << "notifications.webhooks[0].url";
    QTest::newRow("attempts") << QByteArray("notifications:\n  max_attempts: 0\n")
                              << "notifications.max_attempts";
}

void TestNotifications::configRefusesBadHooks() {
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    QFile demo(QString::fromLatin1(ConfigLoader::kBuiltinDemoPath));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    auto cfg = ConfigLoader::parse(demo.readAll() + "\n" + yaml, QStringLiteral("ops.yaml"));
    QVERIFY(!cfg.ok());
    QVERIFY2(cfg.error().toString().contains(message) &&
                 cfg.error().toString().contains(QStringLiteral("ops.yaml:")),
             qPrintable(cfg.error().toString()));
}

void TestNotifications::firedEscalatedClearedHeldOverRealHttp() {
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    Hook generic, chat, sev1, broken;
    generic.failFirst = 2; // two 503s, then delivered
    broken.status = 400;   // never retried
    serve(server, "/generic", generic);
    serve(server, "/services/T000/B000/chat-secret-9f2", chat);
    serve(server, "/sev1", sev1);
    serve(server, "/broken", broken);
    const QByteArray yaml = "notifications:\n  escalate_after_minutes: 15\n  max_attempts: 4\n  webhooks:\n"
                            "    - {url: '" +
                            server.url(QStringLiteral("/generic")).toUtf8() +
                            "'}\n"
                            "    - {url: '" +
                            server.url(QStringLiteral("/services/T000/B000/chat-secret-9f2")).toUtf8() +
                            "', format: slack, severities: [SEV-2], triggers: [fired, cleared]}\n"
                            "    - {url: '" +
                            server.url(QStringLiteral("/sev1")).toUtf8() +
                            "', severities: [SEV-1]}\n"
                            "    - {url: '" +
                            server.url(QStringLiteral("/broken")).toUtf8() + "', triggers: [fired]}\n";
    Rig rig(withHooks(yaml));
    QVERIFY(rig.monitor->notifier());
    rig.run(false);
    rig.run(true);
    QCOMPARE(generic.bodies.size(), 0); // damped: one bad round is not an alert
    rig.run(true);                      // fires (SEV-2 on kl)

    // Generic: retried after two 503s and delivered; chat: the {"text"} form; SEV-1 hook: nothing.
    QTRY_COMPARE_WITH_TIMEOUT(generic.bodies.size(), 3, 30000);
    const JsonValue g = parse(generic.bodies.last());
    QCOMPARE(g.stringAt("trigger"), QStringLiteral("fired"));
    QCOMPARE(g.stringAt("alert"), QStringLiteral("stale-pack"));
    QCOMPARE(g.stringAt("scope"), QStringLiteral("kl"));
    QCOMPARE(g.stringAt("severity"), QStringLiteral("SEV-2"));
    QVERIFY(g.stringAt("first_action").contains(QStringLiteral("pause confidence claims")));
    QTRY_COMPARE(chat.bodies.size(), 1);
    const QString text = parse(chat.bodies.first()).stringAt("text");
    QVERIFY2(text.startsWith(QStringLiteral("[SEV-2] Stale pack FIRING on kl")), qPrintable(text));
    QTRY_COMPARE(broken.bodies.size(), 1);
    QCOMPARE(sev1.bodies.size(), 0);

    // Every attempt is evidence: three for the generic hook, one gave up; no secret path in any.
    QTRY_COMPARE_WITH_TIMEOUT(attempts(rig.f.path).size(), 5, 30000);
    QStringList outcomes;
    for (const StoredEvent &e : attempts(rig.f.path)) {
        const JsonValue p = e.payload();
        if (p.find("webhook")->toInt() == 0)
            outcomes << p.stringAt("outcome");
        if (p.find("webhook")->toInt() == 3) {
            QCOMPARE(p.stringAt("outcome"), QStringLiteral("gave_up"));
            QCOMPARE(p.find("http_status")->toInt(), 400);
        }
        QVERIFY(e.signedByActor);
        QCOMPARE(e.actor, QStringLiteral("alice"));
        QVERIFY2(!QByteArray::fromStdString(e.canonical).contains("chat-secret-9f2"), e.canonical.c_str());
        QVERIFY(p.stringAt("target").startsWith(QStringLiteral("http://127.0.0.1:")));
    }
    QCOMPARE(outcomes, (QStringList{QStringLiteral("retrying"), QStringLiteral("retrying"),
                                    QStringLiteral("delivered")}));
    QFile file(rig.f.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("chat-secret-9f2"));

    // Nobody acknowledges: one escalation after 15 minutes, not one a round.
    rig.run(true, 16 * 60'000);
    QTRY_COMPARE(generic.bodies.size(), 4);
    QCOMPARE(parse(generic.bodies.last()).stringAt("trigger"), QStringLiteral("escalated"));
    rig.run(true);
    rig.run(true);
    QCOMPARE(chat.bodies.size(), 1); // the chat hook does not take escalations

    // Cleared where it was fired.
    rig.run(false);
    rig.run(false);
    QTRY_COMPARE(generic.bodies.size(), 5);
    QCOMPARE(parse(generic.bodies.last()).stringAt("trigger"), QStringLiteral("cleared"));
    QTRY_COMPARE(chat.bodies.size(), 2);
    QVERIFY(parse(chat.bodies.last()).stringAt("text").contains(QStringLiteral("cleared on kl")));

    // Silenced for five minutes: it fires into the log, the notice is held…
    {
        StoreOpenOptions o;
        o.clock = [&rig] { return rig.clock; };
        auto store = SqliteEvidenceStore::open(rig.f.path, o).value();
        QVERIFY_OK(SilenceActs::add(*store, rig.f.alice, rig.monitor->config(),
                                    rig.monitor->evaluator()->rules(), QStringLiteral("stale-pack"),
                                    QStringLiteral("kl"), rig.clock + 5 * 60'000,
                                    QStringLiteral("vendor refresh"), rig.clock));
    }
    rig.run(true);
    rig.run(true);
    QVERIFY(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).silenced());
    QCOMPARE(rig.monitor->evaluator()->cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Firing);
    QCOMPARE(generic.bodies.size(), 5);
    QCOMPARE(chat.bodies.size(), 2);
    // …and told once the silence is over, while it still fires.
    rig.run(true, 5 * 60'000);
    QTRY_COMPARE(generic.bodies.size(), 6);
    const JsonValue held = parse(generic.bodies.last());
    QCOMPARE(held.stringAt("trigger"), QStringLiteral("fired"));
    QVERIFY2(held.stringAt("note").contains(QStringLiteral("held during a silence")),
             qPrintable(held.stringAt("note")));
    rig.run(true);
    QCOMPARE(generic.bodies.size(), 6);

    VerifyOptions o;
    o.signatures = true;
    QVERIFY(SqliteEvidenceStore::open(rig.f.path, StoreOpenOptions{}).value()->verify(o)->intact);
}

void TestNotifications::urlFileKeepsTheSecretOutOfTheConfigAndTheLog() {
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    Hook hook;
    serve(server, "/hooks/secret-token-77", hook);
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("hook.url"),
                                   server.url(QStringLiteral("/hooks/secret-token-77")).toUtf8() + "\n");
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray yaml =
        "notifications:\n  webhooks:\n    - {url_file: '" + file.toUtf8() + "', format: slack}\n";
    {
        // Open to others: refused, and the monitor says why (naming the file, not the URL).
        QFile::setPermissions(file,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        Rig open(withHooks(yaml));
        QVERIFY(!open.monitor->notifier());
        QVERIFY2(open.monitor->notificationProblem().contains(QStringLiteral("owner-only")),
                 qPrintable(open.monitor->notificationProblem()));
        QVERIFY(!open.monitor->notificationProblem().contains(QStringLiteral("secret-token-77")));
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    Rig rig(withHooks(yaml));
    QVERIFY(rig.monitor->notifier());
    rig.run(true);
    rig.run(true);
    QTRY_COMPARE(hook.bodies.size(), 1);
    QTRY_COMPARE(attempts(rig.f.path).size(), 1);
    QCOMPARE(attempts(rig.f.path).first().payload().stringAt("outcome"), QStringLiteral("delivered"));
    QFile store(rig.f.path);
    QVERIFY(store.open(QIODevice::ReadOnly));
    QVERIFY(!store.readAll().contains("secret-token-77"));
}

void TestNotifications::aHeldNoticeSurvivesARestart() {
    test::LoopbackHttpServer server;
    QVERIFY(server.listen());
    Hook hook;
    serve(server, "/h", hook);
    const DeploymentConfig config = withHooks("notifications:\n  webhooks:\n    - {url: '" +
                                              server.url(QStringLiteral("/h")).toUtf8() + "'}\n");
    Rig rig(config);
    {
        StoreOpenOptions o;
        o.clock = [&rig] { return rig.clock; }; // one clock for every writer of the test
        auto store = SqliteEvidenceStore::open(rig.f.path, o).value();
        QVERIFY_OK(SilenceActs::add(*store, rig.f.alice, config, rig.monitor->evaluator()->rules(),
                                    QStringLiteral("stale-pack"), QStringLiteral("kl"),
                                    rig.clock + 5 * 60'000, QStringLiteral("vendor refresh"), rig.clock));
    }
    rig.run(true);
    rig.run(true); // fires under the silence: held
    QCOMPARE(hook.bodies.size(), 0);
    // The console restarts (a new monitor over the same store); the silence ends while it fires.
    rig.monitor.reset();
    rig.monitor = std::make_unique<AlertMonitor>(config, AlertRules::builtin().value(), rig.f.path, Secret());
    rig.monitor->setClock([&rig] { return rig.clock; });
    rig.monitor->setSession(&rig.session);
    rig.run(true, 5 * 60'000);
    QTRY_COMPARE(hook.bodies.size(), 1);
    QCOMPARE(parse(hook.bodies.first()).stringAt("trigger"), QStringLiteral("fired"));
    QTRY_VERIFY2(attempts(rig.f.path).size() == 1, qPrintable(rig.monitor->recordingProblem())); // recorded
    rig.run(true);
    // Another restart: the log says it was told; nothing is repeated.
    rig.monitor.reset();
    rig.monitor = std::make_unique<AlertMonitor>(config, AlertRules::builtin().value(), rig.f.path, Secret());
    rig.monitor->setClock([&rig] { return rig.clock; });
    rig.monitor->setSession(&rig.session);
    rig.run(true);
    rig.run(true);
    QTRY_COMPARE(attempts(rig.f.path).size(), 1);
    QCOMPARE(hook.bodies.size(), 1);
}

void TestNotifications::chatTextCannotPingOrLink() {
    // A probed server writes the detail (a status line, an excerpt): Slack's <!channel> and
    // <url|label> are escaped, so a hostile origin cannot page a channel or plant a link.
    Notice n;
    n.trigger = QStringLiteral("fired");
    n.alertName = QStringLiteral("Stale pack");
    n.scope = QStringLiteral("kl");
    n.severity = QStringLiteral("SEV-2");
    n.detail = QStringLiteral("HTTP/1.1 <!channel> <https://evil.example|Acknowledge here> & more");
    const QString text = parse(WebhookNotifier::body(QStringLiteral("slack"), n)).stringAt("text");
    QVERIFY2(!text.contains(QLatin1Char('<')) && !text.contains(QLatin1Char('>')), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("&lt;!channel&gt;")) && text.contains(QStringLiteral("&amp; more")));
    // Loopback hooks never go through a proxy, whatever the environment says.
    EnvironmentProxyFactory factory(ProxySettings::fromEnvironment([] {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTP_PROXY"), QStringLiteral("http://proxy.example:3128"));
        return env;
    }()));
    QCOMPARE(factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://127.0.0.1:9/hook"))))
                 .first()
                 .type(),
             QNetworkProxy::NoProxy);
    QCOMPARE(factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://chat.example/hook"))))
                 .first()
                 .hostName(),
             QStringLiteral("proxy.example"));
}

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
