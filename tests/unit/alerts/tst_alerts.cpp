#include "alerts/AlertMatrixModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ops;

class TestAlerts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtinMatrixIsTheSeedsMatrix();
    void severityModel();
    void badRulesFiles_data();
    void badRulesFiles();
    void staleFiresAfterFailAfterAndClearsAfterClearAfter();
    void neverBadIsOkAtOnce();
    void flappingNeverFires();
    void unknownWithoutDataNeverOk();
    void failedManifestMakesStalenessUnknown();
    void resolverHealthFromAnyFailedTarget();
    void signalCountsInWindow();
    void fallbackRateAbovePercent();
    void killSwitchState();
    void acknowledge();
    void disabledAlertLeavesTheMatrix();
    void matrixModel();
    void detailWordsTravelWithTheEnglish();
};

namespace {
DeploymentConfig demo() {
    return ConfigLoader::builtinDemo().value(); // fail_after 2, clear_after 2
}

ProbeResult probe(const QString &scope, TargetKind kind, ProbeState state, const QString &reason = {}) {
    ProbeResult r;
    r.target.scope = scope;
    r.target.kind = kind;
    r.target.id = scope + QLatin1Char('/') + targetKindName(kind);
    r.state = state;
    r.reason = reason;
    return r;
}

AlertInputs allOk(qint64 now) {
    AlertInputs in;
    in.nowMs = now;
    for (const char *s : {"baseline", "my", "sg", "kl", "pg"})
        for (TargetKind k : {TargetKind::Manifest, TargetKind::Pack})
            in.probes << probe(QString::fromLatin1(s), k, ProbeState::Ok);
    in.killSwitchesKnown = true;
    return in;
}

void setState(AlertInputs &in, const QString &scope, TargetKind kind, ProbeState state,
              const QString &reason = {}) {
    for (ProbeResult &r : in.probes)
        if (r.target.scope == scope && r.target.kind == kind) {
            r.state = state;
            r.reason = reason;
        }
}
} // namespace

void TestAlerts::builtinMatrixIsTheSeedsMatrix() {
    const auto rules = AlertRules::builtin();
    QVERIFY2(rules.ok(), qPrintable(rules.ok() ? QString() : rules.error().toString()));
    QCOMPARE(rules->size(), 7);
    const QStringList names{QStringLiteral("Publish blocked"),
                            QStringLiteral("Stale pack"),
                            QStringLiteral("Fallback spike"),
                            QStringLiteral("Resolver health"),
                            QStringLiteral("Workflow watchdog"),
                            QStringLiteral("Kill-switch activation"),
                            QStringLiteral("Manual trigger dedupe spike")};
    for (int i = 0; i < 7; ++i)
        QCOMPARE(rules->at(i).name, names.at(i));
    QCOMPARE(rules->at(1).firstAction,
             QStringLiteral("pause confidence claims for affected scope and investigate refresh path"));
    QCOMPARE(rules->at(3).firstAction,
             QStringLiteral("validate publisher read path and rebind/rollback if needed"));
    QCOMPARE(rules->at(6).severityDefault, QStringLiteral("SEV-3"));
    for (const AlertRule &r : rules.value()) {
        QVERIFY(!r.trigger.isEmpty());
        QVERIFY(!r.incidentClass.isEmpty());
        QVERIFY(r.enabled);
    }
}

void TestAlerts::severityModel() {
    const auto rules = AlertRules::builtin().value();
    const DeploymentConfig cfg = demo();
    const AlertRule &resolver = rules.at(3);
    QCOMPARE(resolver.severityFor(*cfg.scope(QStringLiteral("baseline"))),
             QStringLiteral("SEV-1")); // critical
    QCOMPARE(resolver.severityFor(*cfg.scope(QStringLiteral("kl"))), QStringLiteral("SEV-2"));
    QVERIFY(resolver.severityReason(*cfg.scope(QStringLiteral("baseline")))
                .text()
                .contains(QStringLiteral("critical scope")));
    QCOMPARE(rules.at(1).severityFor(*cfg.scope(QStringLiteral("baseline"))),
             QStringLiteral("SEV-2")); // stale pack
}

void TestAlerts::badRulesFiles_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray head = "alerts:\n  - id: a\n    name: A\n    trigger: t\n    first_action: f\n";
    QTest::newRow("syntax") << QByteArray("alerts: [\n") << 2 << QStringLiteral("YAML syntax error");
    QTest::newRow("bad severity") << head +
                                         "    severity: {default: SEV-4}\n    source: {killswitch: active}\n"
                                  << 6 << QStringLiteral("must be SEV-1, SEV-2 or SEV-3, got 'SEV-4'");
    QTest::newRow("unknown signal")
        << head + "    severity: {default: SEV-2}\n    source: {signal: cpu, count: 1, window_minutes: 5}\n"
        << 7 << QStringLiteral("unknown signal 'cpu'");
    QTest::newRow("count and percent")
        << head + "    severity: {default: SEV-2}\n    source: {signal: fallback_rate, count: 1, "
                  "above_percent: 5, window_minutes: 5}\n"
        << 7 << QStringLiteral("exactly one of count or above_percent");
    QTest::newRow("unknown kind")
        << head + "    severity: {default: SEV-2}\n    source: {probe: [dns], state: failed}\n"
        << 7 << QStringLiteral("unknown target kind 'dns'");
    QTest::newRow("bad state")
        << head + "    severity: {default: SEV-2}\n    source: {probe: [manifest], state: degraded}\n"
        << 7 << QStringLiteral("must be failed or stale");
    QTest::newRow("unknown key")
        << head + "    severity: {default: SEV-2}\n    source: {killswitch: active}\n    colour: red\n"
        << 8 << QStringLiteral("unknown key");
    QTest::newRow("duplicate id")
        << head + "    severity: {default: SEV-2}\n    source: {killswitch: active}\n" + head.mid(8) +
               "    severity: {default: SEV-2}\n    source: {killswitch: active}\n"
        << 8 << QStringLiteral("duplicate alert id 'a'");
    QTest::newRow("missing first action")
        << QByteArray("alerts:\n  - id: a\n    name: A\n    trigger: t\n    severity: {default: SEV-2}\n"
                      "    source: {killswitch: active}\n")
        << 2 << QStringLiteral("required key is missing");
}

void TestAlerts::badRulesFiles() {
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    const auto r = AlertRules::parse(yaml, QStringLiteral("rules.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    bool found = false;
    for (const Diagnostic &d : r.error().diagnostics)
        found = found || (d.line == line && d.message.contains(message));
    QVERIFY2(found, qPrintable(r.error().toString()));
    QVERIFY(r.error().toString().contains(QStringLiteral("rules.yaml:%1").arg(line)));
}

void TestAlerts::staleFiresAfterFailAfterAndClearsAfterClearAfter() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    qint64 now = 1000;
    AlertInputs in = allOk(now);
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Stale,
             QStringLiteral("manifest is 48.0 h old"));
    auto t1 = e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Unknown); // one bad: not yet
    in.nowMs = now += 30000;
    const auto t2 = e.evaluate(in);
    const AlertCell &c = e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl"));
    QCOMPARE(c.state, AlertState::Firing);
    QCOMPARE(c.severity, QStringLiteral("SEV-2"));
    QCOMPARE(c.sinceMs, now);
    QVERIFY(c.detail.text().contains(QStringLiteral("48.0 h")));
    bool fired = false;
    for (const AlertTransition &t : t2)
        fired = fired || (t.alertId == QLatin1String("stale-pack") && t.scope == QLatin1String("kl") &&
                          t.to == AlertState::Firing);
    QVERIFY(fired);
    // The other scopes are ok (after clear_after good rounds), the stale one stays firing.
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("my")).state, AlertState::Ok);
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Ok);
    in.nowMs = now += 30000;
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state,
             AlertState::Firing); // one good: not yet
    in.nowMs = now += 30000;
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Ok);
}

void TestAlerts::neverBadIsOkAtOnce() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    e.evaluate(allOk(1));
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Ok);
}

void TestAlerts::flappingNeverFires() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs in = allOk(0);
    for (int i = 0; i < 10; ++i) {
        setState(in, QStringLiteral("my"), TargetKind::Manifest, i % 2 ? ProbeState::Ok : ProbeState::Stale);
        in.nowMs += 1000;
        e.evaluate(in);
        QVERIFY(e.cell(QStringLiteral("stale-pack"), QStringLiteral("my")).state != AlertState::Firing);
    }
}

void TestAlerts::unknownWithoutDataNeverOk() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs empty;
    empty.nowMs = 1;
    for (int i = 0; i < 5; ++i)
        e.evaluate(empty);
    for (const AlertRule &r : e.rules())
        for (const ScopeConfig *s : e.scopes())
            QCOMPARE(e.cell(r.id, s->id).state, AlertState::Unknown);
    // Seen ok, then no data again: back to unknown, never left showing ok.
    AlertInputs in = allOk(2);
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Ok);
    e.evaluate(empty);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Unknown);
}

void TestAlerts::failedManifestMakesStalenessUnknown() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs in = allOk(0);
    e.evaluate(in);
    e.evaluate(in);
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Failed, QStringLiteral("HTTP 500"));
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Unknown);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("resolver-health"), QStringLiteral("kl")).state, AlertState::Firing);
}

void TestAlerts::resolverHealthFromAnyFailedTarget() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs in = allOk(0);
    setState(in, QStringLiteral("baseline"), TargetKind::Pack, ProbeState::Failed,
             QStringLiteral("checksum mismatch"));
    e.evaluate(in);
    e.evaluate(in);
    const AlertCell &c = e.cell(QStringLiteral("resolver-health"), QStringLiteral("baseline"));
    QCOMPARE(c.state, AlertState::Firing);
    QCOMPARE(c.severity, QStringLiteral("SEV-1")); // baseline is critical
    QVERIFY(c.detail.text().contains(QStringLiteral("checksum mismatch")));
}

void TestAlerts::signalCountsInWindow() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    const qint64 now = 10 * 3600 * 1000;
    AlertInputs in = allOk(now);
    in.signals << SignalSample{QStringLiteral("publish_blocked"), QStringLiteral("kl"), now - 3 * 3600 * 1000,
                               QString()}; // old
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("publish-blocked"), QStringLiteral("kl")).state, AlertState::Ok);
    QCOMPARE(e.cell(QStringLiteral("publish-blocked"), QStringLiteral("my")).state,
             AlertState::Unknown); // never reported
    in.signals << SignalSample{QStringLiteral("publish_blocked"), QStringLiteral("kl"), now - 60000,
                               QString()}
               << SignalSample{QStringLiteral("publish_blocked"), QStringLiteral("kl"), now - 1000,
                               QString()};
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("publish-blocked"), QStringLiteral("kl")).state, AlertState::Firing);
    QVERIFY(e.cell(QStringLiteral("publish-blocked"), QStringLiteral("kl"))
                .detail.text()
                .startsWith(QStringLiteral("publish_blocked: 2 in the last 60 min")));
}

void TestAlerts::fallbackRateAbovePercent() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    const qint64 now = 5 * 3600 * 1000;
    AlertInputs in = allOk(now);
    in.signals << SignalSample{QStringLiteral("fallback_rate"), QStringLiteral("my"), now - 5000,
                               QStringLiteral("0.08")};
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("fallback-spike"), QStringLiteral("my")).state, AlertState::Ok);
    in.signals << SignalSample{QStringLiteral("fallback_rate"), QStringLiteral("my"), now - 1000,
                               QStringLiteral("22%")};
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("fallback-spike"), QStringLiteral("my")).state, AlertState::Firing);
    QVERIFY(e.cell(QStringLiteral("fallback-spike"), QStringLiteral("my"))
                .detail.text()
                .contains(QStringLiteral("22.0 %")));
    in.signals << SignalSample{QStringLiteral("fallback_rate"), QStringLiteral("my"), now,
                               QStringLiteral("lots")};
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("fallback-spike"), QStringLiteral("my")).state,
             AlertState::Firing); // unknown keeps it firing
}

void TestAlerts::killSwitchState() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs in = allOk(0);
    in.killSwitchesKnown = false;
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("kill-switch-activation"), QStringLiteral("kl")).state,
             AlertState::Unknown);
    in.killSwitchesKnown = true;
    in.activeKillSwitches = {QStringLiteral("kl")};
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("kill-switch-activation"), QStringLiteral("kl")).state,
             AlertState::Firing);
    QCOMPARE(e.cell(QStringLiteral("kill-switch-activation"), QStringLiteral("pg")).state, AlertState::Ok);
}

void TestAlerts::acknowledge() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertInputs in = allOk(0);
    QVERIFY(!e.acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("alice"),
                           QStringLiteral("x"), 1)
                 .ok());
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Stale);
    e.evaluate(in);
    e.evaluate(in);
    QVERIFY(!e.acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("alice"),
                           QStringLiteral(" "), 2)
                 .ok());
    const auto t = e.acknowledge(QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("alice"),
                                 QStringLiteral("refresh job restarted"), 3);
    QVERIFY(t.ok());
    QCOMPARE(t->to, AlertState::Acknowledged);
    QCOMPARE(t->actor, QStringLiteral("alice"));
    e.evaluate(in); // still bad: stays acknowledged, does not re-fire
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Acknowledged);
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Ok);
    e.evaluate(in);
    e.evaluate(in);
    QCOMPARE(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).state, AlertState::Ok);
    QVERIFY(e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).acknowledgedBy.isEmpty());
    QVERIFY(!e.acknowledge(QStringLiteral("nope"), QStringLiteral("kl"), QStringLiteral("a"),
                           QStringLiteral("n"), 4)
                 .ok());
}

void TestAlerts::disabledAlertLeavesTheMatrix() {
    QList<AlertRule> rules = AlertRules::builtin().value();
    rules[1].enabled = false; // stale pack
    AlertEvaluator e(rules, demo());
    QCOMPARE(e.rules().size(), 6);
    QVERIFY(!e.rule(QStringLiteral("stale-pack")));
}

void TestAlerts::matrixModel() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    AlertMatrixModel model(&e);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("baseline"));
    QCOMPARE(model.headerData(4, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("pg"));
    QCOMPARE(model.headerData(1, Qt::Vertical, Qt::DisplayRole).toString(), QStringLiteral("Stale pack"));
    const QModelIndex staleKl = model.index(1, 3);
    QCOMPARE(staleKl.data(AlertMatrixModel::ScopeRole).toString(), QStringLiteral("kl"));
    QCOMPARE(staleKl.data().toString(), QStringLiteral("unknown"));
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    AlertInputs in = allOk(0);
    setState(in, QStringLiteral("kl"), TargetKind::Manifest, ProbeState::Stale);
    e.evaluate(in);
    e.evaluate(in);
    QVERIFY(spy.count() >= 2);
    QCOMPARE(staleKl.data().toString(), QStringLiteral("FIRING SEV-2"));
    QCOMPARE(staleKl.data(AlertMatrixModel::StateRole).toInt(), int(AlertState::Firing));
    QVERIFY(staleKl.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("First action: pause confidence claims")));
    QCOMPARE(model.index(3, 0).data(AlertMatrixModel::SeverityRole).toString(), QStringLiteral("SEV-1"));
}

QTEST_GUILESS_MAIN(TestAlerts)
// A cell's detail is recorded as English text and, beside it, as the words it was made of, so that
// a console reading the log shows it in its own language. The words never say something else than
// the English: words that do not read as the English, or that are malformed, are ignored.
void TestAlerts::detailWordsTravelWithTheEnglish() {
    AlertEvaluator e(AlertRules::builtin().value(), demo());
    qint64 now = 1000;
    AlertInputs in = allOk(now);
    for (ProbeResult &r : in.probes)
        if (r.target.scope == QLatin1String("kl") && r.target.kind == TargetKind::Manifest) {
            r.state = ProbeState::Stale;
            r.reason = Phrase("ops::ProbeEngine", "manifest is %1 h old, over the %2 h threshold",
                              {QStringLiteral("48.0"), QStringLiteral("24")});
        }
    e.evaluate(in);
    const Phrase detail = e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).detail;
    const QString english = QStringLiteral("kl/manifest: manifest is 48.0 h old, over the 24 h threshold");
    QCOMPARE(detail.text(), english);
    const JsonValue words = detail.toJson();
    // The reasons joined, each a template ("%1: %2") holding the probe's own template.
    QVERIFY(words.isObject() && words.find("p") && words.find("p")->toArray().size() == 1);
    QCOMPARE(words.find("p")->toArray().front().stringAt("s"), QStringLiteral("%1: %2"));

    const Phrase read = Phrase::fromJson(&words, english);
    QCOMPARE(read.text(), english);
    QCOMPARE(read.toJson(), words);
    QCOMPARE(Phrase::fromJson(nullptr, english).toJson(), JsonValue(english)); // an older event

    // Words that say something else than the recorded English: the English is shown.
    JsonValue forged = words;
    forged["p"].asArray().front()["a"].asArray().front() = JsonValue("sg/manifest");
    QCOMPARE(Phrase::fromJson(&forged, english).toJson(), JsonValue(english));
    // Malformed words: too deep, too many parts, wrong types, unknown keys.
    JsonValue deep("x");
    for (int i = 0; i < 10; ++i) {
        JsonValue o = JsonValue::object();
        o["c"] = "ops::AlertEvaluator";
        o["s"] = "%1";
        o["a"].push(deep);
        deep = o;
    }
    QCOMPARE(Phrase::fromJson(&deep, QStringLiteral("x")).toJson(), JsonValue("x"));
    JsonValue many = JsonValue::object();
    many["j"] = "";
    for (int i = 0; i < 100; ++i)
        many["p"].push(JsonValue("y"));
    QCOMPARE(Phrase::fromJson(&many, QString(100, QLatin1Char('y'))).toJson(),
             JsonValue(QString(100, QLatin1Char('y'))));
    JsonValue badSource = words;
    badSource["p"].asArray().front()["s"] = 7;
    QCOMPARE(Phrase::fromJson(&badSource, english).toJson(), JsonValue(english));
    JsonValue extraKey = words;
    extraKey["p"].asArray().front()["x"] = "1";
    QCOMPARE(Phrase::fromJson(&extraKey, english).toJson(), JsonValue(english));
    const JsonValue number(42);
    QCOMPARE(Phrase::fromJson(&number, english).toJson(), JsonValue(english));
}

#include "tst_alerts.moc"
