// Alertmanager's webhook below the socket: the payload parser and router, the fold of recorded
// alerts that decides what is new, the evaluator taking Alertmanager's word through the same
// damping, and the request head (headers, Content-Length, bearer token) the monitor reads.
#include "alerts/AlertRules.h"
#include "core/CanonicalJson.h"
#include "monitor/Alertmanager.h"
#include "monitor/HttpRequest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ops;

class TestWebhook : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parsesAndRoutesVersion4();
    void refusesWhatIsNotAPayload_data();
    void refusesWhatIsNotAPayload();
    void foldRecordsOnlyChanges();
    void fingerprintsAreAlertmanagers();
    void anEarlierEpisodeNeverChangesTheCell();
    void evaluatorFiresAndClearsThroughDamping();
    void routesAreCheckedAgainstTheRules();
    void requestHeadAndBearer();
    void tokenFileMustBeOwnAndLongEnough();

private:
    DeploymentConfig m_config;
    QList<AlertRule> m_rules;
};

namespace {

// Alertmanager's fingerprint of the labels (JSON) as it sends it.
QByteArray fingerprint(const char *labels) {
    QMap<QString, QString> m;
    auto parsed = CanonicalJson::parse(labels);
    if (parsed.ok() && parsed->isObject())
        for (const auto &[name, value] : parsed->toObject())
            if (value.isString())
                m.insert(QString::fromStdString(name), value.toQString());
    return Alertmanager::fingerprintOf(m).toLatin1();
}

// An alert as Alertmanager sends it; an empty fp is its labels' own.
QByteArray alert(const char *status, const char *labels, const char *fp = "",
                 const char *startsAt = "2026-12-04T05:00:00Z", const char *endsAt = "0001-01-01T00:00:00Z") {
    return QByteArray(R"({"status":")") + status + R"(","labels":)" + labels +
           R"(,"annotations":{"value":"0.4"},)" + R"("startsAt":")" + startsAt + R"(","endsAt":")" + endsAt +
           R"(","generatorURL":"http://p/g","fingerprint":")" + (*fp ? QByteArray(fp) : fingerprint(labels)) +
           R"("})";
}

QByteArray payload(const QList<QByteArray> &alerts) {
    return R"({"version":"4","receiver":"opsconsole","groupKey":"g","status":"firing","truncatedAlerts":0,)"
           R"("groupLabels":{},"commonLabels":{},"externalURL":"http://am","alerts":[)" +
           alerts.join(',') + "]}";
}

StoredEvent stored(quint64 seq, const NewEvent &e, qint64 ts) {
    StoredEvent s;
    s.seq = seq;
    s.kind = e.kind;
    s.scope = e.scope;
    s.tsMs = ts;
    JsonValue whole = JsonValue::object();
    whole["payload"] = e.payload;
    s.canonical = CanonicalJson::serialize(whole);
    return s;
}

} // namespace

void TestWebhook::initTestCase() {
    QFile demo(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    auto c = ConfigLoader::parse(
        demo.readAll() + "alertmanager:\n"
                         "  token_file: demo.yaml\n"
                         "  routes:\n"
                         "    - {match: {alertname: ResolverDown}, alert: resolver-health,"
                         " scope_label: locality}\n"
                         "    - {match: {alertname: PublishBlocked, team: web}, signal: "
                         "publish_blocked}\n",
        QStringLiteral("demo.yaml"), QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config"));
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().toString()));
    m_config = c.value();
    QCOMPARE(m_config.alertmanager.routes.size(), 2);
    QCOMPARE(m_config.alertmanager.routes.at(1).scopeLabel, QStringLiteral("scope"));
    auto rules = AlertRules::builtin();
    QVERIFY(rules.ok());
    m_rules = rules.value();
}

void TestWebhook::parsesAndRoutesVersion4() {
    auto p = Alertmanager::parse(
        payload({alert("firing", R"({"alertname":"ResolverDown","locality":"kl","severity":"critical"})"),
                 alert("resolved", R"({"alertname":"PublishBlocked","team":"web","scope":"pg"})", "",
                       "2026-12-04T05:00:00.123456789Z", "2026-12-04T06:00:00+01:00"),
                 alert("firing", R"({"alertname":"PublishBlocked","scope":"pg"})"), // no team=web
                 alert("firing", R"({"alertname":"ResolverDown"})"),                // no locality
                 alert("firing", R"({"alertname":"ResolverDown","locality":"xx"})")}),
        m_config.alertmanager, m_config);
    QVERIFY(p.ok());
    QCOMPARE(p->receiver, QStringLiteral("opsconsole"));
    QCOMPARE(p->truncatedAlerts, qint64(0));
    auto truncated =
        Alertmanager::parse(payload({alert("firing", R"({"alertname":"ResolverDown","locality":"kl"})")})
                                .replace("\"truncatedAlerts\":0", "\"truncatedAlerts\":7"),
                            m_config.alertmanager, m_config);
    QVERIFY(truncated.ok());
    QCOMPARE(truncated->truncatedAlerts, qint64(7)); // said in the answer and the log, never hidden
    QCOMPARE(p->routed.size(), 2);
    const Alertmanager::Notice &cell = p->routed.at(0);
    QVERIFY(cell.firing);
    QCOMPARE(cell.alert, QStringLiteral("resolver-health"));
    QCOMPARE(cell.scope, QStringLiteral("kl"));
    QCOMPARE(cell.labels.value(QStringLiteral("severity")), QStringLiteral("critical"));
    QCOMPARE(cell.generatorUrl, QStringLiteral("http://p/g"));
    const Alertmanager::Notice &signal = p->routed.at(1);
    QVERIFY(!signal.firing);
    QCOMPARE(signal.signal, QStringLiteral("publish_blocked"));
    QCOMPARE(signal.route, 1);
    QCOMPARE(signal.value, QStringLiteral("0.4"));
    QCOMPARE(p->unrouted.size(), 3);
    QVERIFY2(p->unrouted.at(0).contains(QStringLiteral("no route matches")), qPrintable(p->unrouted.at(0)));
    QVERIFY2(p->unrouted.at(1).contains(QStringLiteral("no 'locality' label")),
             qPrintable(p->unrouted.at(1)));
    QVERIFY2(p->unrouted.at(2).contains(QStringLiteral("'xx' is not a scope")),
             qPrintable(p->unrouted.at(2)));

    const NewEvent e = Alertmanager::event(cell, p->receiver);
    QCOMPARE(e.kind, QStringLiteral("alertmanager.firing"));
    QCOMPARE(e.scope, QStringLiteral("kl"));
    QCOMPARE(e.payload.stringAt("fingerprint"),
             QString::fromLatin1(
                 fingerprint(R"({"alertname":"ResolverDown","locality":"kl","severity":"critical"})")));
    QCOMPARE(e.payload.find("labels")->stringAt("locality"), QStringLiteral("kl"));
    QCOMPARE(e.payload.stringAt("endsAt"), QStringLiteral("0001-01-01T00:00:00Z"));
    QVERIFY(!e.payload.find("annotations")); // only what the evidence needs
}

void TestWebhook::refusesWhatIsNotAPayload_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray ok = alert("firing", R"({"alertname":"ResolverDown","locality":"kl"})");
    QTest::newRow("not json") << QByteArray("{\"version\":") << QStringLiteral("body");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("body");
    QTest::newRow("version 3") << QByteArray(payload({ok}).replace("\"4\"", "\"3\""))
                               << QStringLiteral("version");
    QTest::newRow("version as number")
        << QByteArray(payload({ok}).replace("\"4\"", "4")) << QStringLiteral("version");
    QTest::newRow("no alerts") << QByteArray(R"({"version":"4"})") << QStringLiteral("alerts");
    QTest::newRow("status") << payload({QByteArray(ok).replace("\"firing\"", "\"pending\"")})
                            << QStringLiteral("alerts[0].status");
    QTest::newRow("label not a string")
        << payload({alert("firing", R"({"alertname":1})")}) << QStringLiteral("alerts[0].labels.alertname");
    QTest::newRow("fingerprint upper case")
        << payload({alert("firing", R"({"alertname":"x"})", "0123456789ABCDEF")})
        << QStringLiteral("alerts[0].fingerprint");
    QTest::newRow("fingerprint short") << payload({alert("firing", R"({"alertname":"x"})", "a1")})
                                       << QStringLiteral("alerts[0].fingerprint");
    // A fingerprint is its labels' own: another alert's cannot be aimed at this one's cell.
    QTest::newRow("fingerprint of other labels")
        << payload({alert("firing", R"({"alertname":"ResolverDown","locality":"kl"})",
                          fingerprint(R"({"alertname":"ResolverDown","locality":"pg"})").constData())})
        << QStringLiteral("alerts[0].fingerprint");
    QTest::newRow("impossible date") << payload({alert("firing", R"({"alertname":"x"})", "",
                                                       "2026-02-30T05:00:00Z")})
                                     << QStringLiteral("alerts[0].startsAt");
    QTest::newRow("time") << payload({alert("firing", R"({"alertname":"x"})", "", "2026-12-04 05:00")})
                          << QStringLiteral("alerts[0].startsAt");
    QTest::newRow("duplicate key") << QByteArray(payload({ok}).replace(R"("alertname":"ResolverDown")",
                                                                       R"("alertname":"a","alertname":"b")"))
                                   << QStringLiteral("body");
    QTest::newRow("escaped duplicate key")
        << QByteArray(payload({ok}).replace(R"("alertname":"ResolverDown")",
                                            R"("alertname":"a","\u0061lertname":"b")"))
        << QStringLiteral("body");
    QTest::newRow("float") << QByteArray(
                                  payload({ok}).replace("\"truncatedAlerts\":0", "\"truncatedAlerts\":0.5"))
                           << QStringLiteral("body");
    QByteArray labels = "{";
    for (int i = 0; i < Alertmanager::kMaxLabels + 1; ++i)
        labels += (i ? "," : "") + QByteArray("\"l") + QByteArray::number(i) + "\":\"v\"";
    labels += "}";
    QTest::newRow("too many labels") << payload({alert("firing", labels.constData())})
                                     << QStringLiteral("alerts[0].labels");
}

void TestWebhook::refusesWhatIsNotAPayload() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    auto p = Alertmanager::parse(body, m_config.alertmanager, m_config);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().where, field);
    QCOMPARE(p.error().code, ErrorCode::InvalidInput);
}

void TestWebhook::foldRecordsOnlyChanges() {
    auto p = Alertmanager::parse(
        payload({alert("firing", R"({"alertname":"ResolverDown","locality":"kl"})"),
                 alert("firing", R"({"alertname":"PublishBlocked","team":"web","scope":"pg"})")}),
        m_config.alertmanager, m_config);
    QVERIFY(p.ok());
    Alertmanager::Fold fold;
    for (const auto &n : p->routed)
        QVERIFY(fold.isNew(n));
    fold.apply(stored(10, Alertmanager::event(p->routed.at(0), p->receiver), 1000));
    fold.apply(stored(11, Alertmanager::event(p->routed.at(1), p->receiver), 2000));
    // Alertmanager repeats what still fires: nothing new.
    QVERIFY(!fold.isNew(p->routed.at(0)));
    QVERIFY(!fold.isNew(p->routed.at(1)));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 1);
    QVERIFY(fold.cells()
                .value(QStringLiteral("resolver-health|kl"))
                .detail.text()
                .contains(QStringLiteral("ResolverDown")));
    QCOMPARE(fold.signals().size(), 1);
    QCOMPARE(fold.signals().first().kind, QStringLiteral("publish_blocked"));
    QCOMPARE(fold.signals().first().scope, QStringLiteral("pg"));
    QCOMPARE(fold.signals().first().tsMs, qint64(2000));
    // Replaying an event already applied changes nothing.
    fold.apply(stored(10, Alertmanager::event(p->routed.at(0), p->receiver), 1000));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 1);
    // The same alert firing again from a new start is new; its resolution is new once.
    Alertmanager::Notice again = p->routed.at(0);
    again.startsAt = QStringLiteral("2026-12-04T07:00:00Z");
    QVERIFY(fold.isNew(again));
    Alertmanager::Notice resolved = p->routed.at(0);
    resolved.firing = false;
    QVERIFY(fold.isNew(resolved));
    fold.apply(stored(12, Alertmanager::event(resolved, p->receiver), 3000));
    QVERIFY(!fold.isNew(resolved));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 0);
    QVERIFY(fold.cells()
                .value(QStringLiteral("resolver-health|kl"))
                .detail.text()
                .contains(QStringLiteral("resolved")));
    QCOMPARE(fold.lastSeq(), quint64(12));
}

void TestWebhook::fingerprintsAreAlertmanagers() {
    // The empty label set is FNV-1a's offset basis; the pair is Prometheus's own label-signature
    // test vector (5799056148416392346); labels sort by name whatever order they come in.
    QCOMPARE(Alertmanager::fingerprintOf({}), QStringLiteral("cbf29ce484222325"));
    const QMap<QString, QString> pair{{QStringLiteral("name"), QStringLiteral("garland, briggs")},
                                      {QStringLiteral("fear"), QStringLiteral("love is not enough")}};
    QCOMPARE(Alertmanager::fingerprintOf(pair),
             QStringLiteral("%1").arg(5799056148416392346ULL, 16, 16, QLatin1Char('0')));
    // A name and a value cannot trade places unnoticed (each is closed by the separator byte).
    QVERIFY(Alertmanager::fingerprintOf({{QStringLiteral("ab"), QStringLiteral("c")}}) !=
            Alertmanager::fingerprintOf({{QStringLiteral("a"), QStringLiteral("bc")}}));
    // Times compare as instants, whatever their offset or fraction.
    QVERIFY(Alertmanager::rfc3339Time(QStringLiteral("2026-12-04T06:00:00+01:00")) ==
            Alertmanager::rfc3339Time(QStringLiteral("2026-12-04T05:00:00Z")));
    QVERIFY(*Alertmanager::rfc3339Time(QStringLiteral("2026-12-04T05:00:00.5Z")) >
            *Alertmanager::rfc3339Time(QStringLiteral("2026-12-04T05:00:00.123456789Z")));
    QVERIFY(*Alertmanager::rfc3339Time(QStringLiteral("0001-01-01T00:00:00Z")) <
            *Alertmanager::rfc3339Time(QStringLiteral("1970-01-01T00:00:00Z")));
    QVERIFY(!Alertmanager::rfc3339Time(QStringLiteral("2026-13-01T00:00:00Z")));
    QVERIFY(!Alertmanager::rfc3339Time(QStringLiteral("2026-12-04T24:00:00Z")));
}

void TestWebhook::anEarlierEpisodeNeverChangesTheCell() {
    const char *labels = R"({"alertname":"ResolverDown","locality":"kl"})";
    auto p = Alertmanager::parse(
        payload({alert("firing", labels, "", "2026-12-04T05:00:00Z"),
                 alert("resolved", labels, "", "2026-12-04T05:00:00Z", "2026-12-04T05:10:00Z"),
                 alert("firing", labels, "", "2026-12-04T05:30:00Z")}),
        m_config.alertmanager, m_config);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    const Alertmanager::Notice &first = p->routed.at(0), &resolved = p->routed.at(1),
                               &second = p->routed.at(2);
    Alertmanager::Fold fold;
    fold.apply(stored(1, Alertmanager::event(first, p->receiver), 1000));
    fold.apply(stored(2, Alertmanager::event(second, p->receiver), 2000));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 1);
    // The other member of a high-availability pair sends the first episode's resolution late: it
    // is stale and never clears the newer firing; neither is the first episode's firing news.
    QVERIFY(!fold.isNew(resolved));
    QVERIFY(!fold.isNew(first));
    QVERIFY(!fold.isNew(second));
    // Recorded anyway (a log written before this rule): the fold ignores it too.
    fold.apply(stored(3, Alertmanager::event(resolved, p->receiver), 3000));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 1);
    // An event whose fingerprint is not its labels' (an edited payload) is not believed.
    Alertmanager::Notice aimed = second;
    aimed.firing = false;
    aimed.startsAt = QStringLiteral("2026-12-04T06:00:00Z");
    aimed.fingerprint = QStringLiteral("0123456789abcdef");
    fold.apply(stored(4, Alertmanager::event(aimed, p->receiver), 4000));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 1);
    // The second episode's own resolution clears it.
    Alertmanager::Notice over = second;
    over.firing = false;
    QVERIFY(fold.isNew(over));
    fold.apply(stored(5, Alertmanager::event(over, p->receiver), 5000));
    QCOMPARE(fold.cells().value(QStringLiteral("resolver-health|kl")).firing, 0);
}

void TestWebhook::evaluatorFiresAndClearsThroughDamping() {
    AlertEvaluator evaluator(m_rules, m_config);
    const QString key = QStringLiteral("resolver-health|kl");
    AlertInputs in;
    in.nowMs = 1000;
    in.killSwitchesKnown = true;
    in.external.insert(key,
                       ExternalObservation{1, QStringLiteral("Alertmanager: ResolverDown firing since T")});
    // No probe data of its own: Alertmanager's word is the observation; fail_after (2) rounds.
    evaluator.evaluate(in);
    QCOMPARE(evaluator.cell(QStringLiteral("resolver-health"), QStringLiteral("kl")).state,
             AlertState::Unknown);
    in.nowMs = 2000;
    evaluator.evaluate(in);
    const AlertCell &c = evaluator.cell(QStringLiteral("resolver-health"), QStringLiteral("kl"));
    QCOMPARE(c.state, AlertState::Firing);
    QVERIFY(c.detail.text().startsWith(QStringLiteral("Alertmanager:")));
    // Other cells are untouched by it: without data they stay unknown, never ok.
    QCOMPARE(evaluator.cell(QStringLiteral("resolver-health"), QStringLiteral("pg")).state,
             AlertState::Unknown);
    // Resolved: good observations, cleared after clear_after (2) rounds.
    in.external[key] = ExternalObservation{0, QStringLiteral("Alertmanager: ResolverDown resolved at T")};
    in.nowMs = 3000;
    evaluator.evaluate(in);
    QCOMPARE(evaluator.cell(QStringLiteral("resolver-health"), QStringLiteral("kl")).state,
             AlertState::Firing);
    in.nowMs = 4000;
    evaluator.evaluate(in);
    QCOMPARE(evaluator.cell(QStringLiteral("resolver-health"), QStringLiteral("kl")).state, AlertState::Ok);
}

void TestWebhook::routesAreCheckedAgainstTheRules() {
    QVERIFY(Alertmanager::checkRoutes(m_config, m_rules).ok());
    DeploymentConfig bad = m_config;
    bad.alertmanager.routes[0].alert = QStringLiteral("resolver-healht");
    bad.alertmanager.routes[0].line = 42;
    auto r = Alertmanager::checkRoutes(bad, m_rules);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().toString().contains(QStringLiteral("demo.yaml:42")), qPrintable(r.error().toString()));
    QList<AlertRule> noSignals = m_rules;
    for (AlertRule &rule : noSignals)
        if (rule.signal == QLatin1String("publish_blocked"))
            rule.enabled = false;
    QVERIFY(!Alertmanager::checkRoutes(m_config, noSignals).ok());
}

void TestWebhook::requestHeadAndBearer() {
    using namespace HttpRequest;
    const QByteArray req =
        "POST /alertmanager?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
        "Content-Length: 12\r\n\r\n{\"a\":1}12345";
    Head h = parse(req);
    QCOMPARE(h.status, Status::Complete);
    QCOMPARE(h.path, QByteArray("/alertmanager"));
    QCOMPARE(h.contentLength().value_or(-1), qint64(12));
    QCOMPARE(req.mid(h.bodyOffset), QByteArray("{\"a\":1}12345"));
    QCOMPARE(route(h).status, 405); // the receiver is off
    QCOMPARE(route(h, true).resource, QByteArray("/alertmanager"));
    QVERIFY(hasBearer(h, "s3cret"));
    // The Host must name the loopback listener with its port (a rebinding page names itself).
    QVERIFY(!hostIsThisListener(h, 9464)); // no port
    const auto hosted = [](const QByteArray &host) {
        return parse("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    };
    QVERIFY(hostIsThisListener(hosted("127.0.0.1:9464"), 9464));
    QVERIFY(hostIsThisListener(hosted("LocalHost:9464"), 9464));
    QVERIFY(hostIsThisListener(hosted("[::1]:9464"), 9464));
    QVERIFY(!hostIsThisListener(hosted("127.0.0.1:9465"), 9464));
    QVERIFY(!hostIsThisListener(hosted("evil.example:9464"), 9464));
    QVERIFY(!hostIsThisListener(
        parse("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:9464\r\nHost: evil.example:9464\r\n\r\n"), 9464));
    QVERIFY(!hasBearer(h, "s3cre"));
    QVERIFY(!hasBearer(h, "s3cret2"));
    QVERIFY(!hasBearer(h, ""));
    QVERIFY(!hasBearer(parse("POST / HTTP/1.1\r\nAuthorization: Basic s3cret\r\n\r\n"), "s3cret"));
    QVERIFY(!hasBearer(
        parse("POST / HTTP/1.1\r\nAuthorization: Bearer s3cret\r\nAuthorization: Bearer x\r\n\r\n"),
        "s3cret"));
    // Smuggling shapes are refused.
    QVERIFY(!parse("POST /alertmanager HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                 .contentLength());
    QVERIFY(!parse("POST /alertmanager HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").contentLength());
    QVERIFY(!parse("POST /alertmanager HTTP/1.1\r\nContent-Length: -1\r\n\r\n").contentLength());
    QVERIFY(!parse("POST /alertmanager HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n").contentLength());
    QCOMPARE(
        route(parse("POST /alertmanager HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), true)
            .status,
        400);
    QCOMPARE(parse("GET / HTTP/1.1\r\nHost : x\r\n\r\n").status, Status::Malformed);
    QCOMPARE(parse("GET / HTTP/1.1\r\n folded\r\n\r\n").status, Status::Malformed);
    QCOMPARE(parse("GET / HTTP/1.1\nHost: x\r\n\r\n").status, Status::Malformed);
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i <= kMaxHeaders; ++i)
        many += "X-" + QByteArray::number(i) + ": y\r\n";
    QCOMPARE(parse(many + "\r\n").status, Status::TooLarge);
    // The metrics stay GET/HEAD only.
    QCOMPARE(route(parse("POST /metrics HTTP/1.1\r\n\r\n"), true).status, 405);
    QCOMPARE(route(parse("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"), true).status, 200);
}

QTEST_GUILESS_MAIN(TestWebhook)
void TestWebhook::tokenFileMustBeOwnAndLongEnough() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes, QFileDevice::Permissions mode) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return QString();
        f.close();
        f.setPermissions(mode);
        return f.fileName();
    };
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    auto good = Alertmanager::readToken(write(QStringLiteral("good"), "am-bearer-7e0c41\n", owner));
    QVERIFY2(good.ok(), qPrintable(good.ok() ? QString() : good.error().message));
    QCOMPARE(good->reveal(), QByteArray("am-bearer-7e0c41"));
    auto shortToken = Alertmanager::readToken(write(QStringLiteral("short"), "x\n", owner));
    QVERIFY(!shortToken.ok());
    QVERIFY(shortToken.error().message.contains(QStringLiteral("shorter than 16")));
    auto open = Alertmanager::readToken(
        write(QStringLiteral("open"), "am-bearer-7e0c41\n", owner | QFileDevice::ReadGroup));
    QVERIFY(!open.ok());
    QVERIFY(open.error().message.contains(QStringLiteral("owner-only")));
    // A link to an owner-only file is judged by that file; a directory is not a token file.
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("good")), dir.filePath(QStringLiteral("linked"))));
    QVERIFY(Alertmanager::readToken(dir.filePath(QStringLiteral("linked"))).ok());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    QVERIFY(!Alertmanager::readToken(dir.filePath(QStringLiteral("adir"))).ok());
}

#include "tst_webhook.moc"
