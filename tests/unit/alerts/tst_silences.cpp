#include "alerts/AlertMatrixModel.h"
#include "alerts/SilenceListModel.h"
#include "alerts/Silences.h"
#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "monitor/Metrics.h"

#include "StoreFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ops;

class TestSilences : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesUntil_data();
    void parsesUntil();
    void maintenanceWindowOccurrences();
    void maintenanceWindowInItsTimeZone();
    void badMaintenanceConfig_data();
    void badMaintenanceConfig();
    void addEndExpireFold();
    void addRefusals();
    void windowOpensOnceAndExpires();
    void signedClaimsDoNotOutgrowTheRules();
    void actsCheckRolesAndState();
    void silencedCellShowsSilencedNeverOk();
    void metricsSaySilencedBesideTheState();
    void listModel();
};

namespace {
const qint64 kNow = *Time::parseIso(QStringLiteral("2026-12-06T02:30:00Z")); // a Sunday

StoredEvent logged(quint64 seq, const QString &kind, const QString &scope, const JsonValue &payload,
                   const QString &actor = QStringLiteral("alice"), qint64 ts = kNow) {
    // Only what the fold reads: seq, kind, scope, actor, time and the payload's bytes.
    StoredEvent e;
    e.seq = seq;
    e.kind = kind;
    e.scope = scope;
    e.actor = actor;
    e.tsMs = ts;
    JsonValue whole = JsonValue::object();
    whole["payload"] = payload;
    e.canonical = CanonicalJson::serialize(whole);
    return e;
}

MaintenanceWindow sundayWindow() {
    MaintenanceWindow w;
    w.scope = QStringLiteral("kl");
    w.alerts = {QStringLiteral("stale-pack")};
    w.every = QStringLiteral("sun 02:00");
    w.weekday = 7;
    w.startMinute = 120;
    w.minutes = 60;
    w.reason = QStringLiteral("weekly refresh");
    w.line = 42;
    return w;
}
} // namespace

void TestSilences::parsesUntil_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused
    QTest::newRow("iso") << "2026-12-06T18:00:00Z" << *Time::parseIso(QStringLiteral("2026-12-06T18:00:00Z"));
    QTest::newRow("minutes") << "90m" << kNow + 90 * 60'000;
    QTest::newRow("hours") << "2h" << kNow + 2 * 3600'000;
    QTest::newRow("combined") << "1h30m" << kNow + 90 * 60'000;
    QTest::newRow("days") << "1d" << kNow + 24 * 3600'000;
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("words") << "tomorrow" << qint64(-1);
    QTest::newRow("local time without zone") << "2026-12-06T18:00:00" << qint64(-1);
    QTest::newRow("negative") << "-2h" << qint64(-1);
}

void TestSilences::parsesUntil() {
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    auto r = Silences::parseUntil(text, kNow);
    if (expected < 0) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().where, QStringLiteral("--until"));
        return;
    }
    QVERIFY_OK(r);
    QCOMPARE(r.value(), expected);
}

void TestSilences::maintenanceWindowOccurrences() {
    const MaintenanceWindow w = sundayWindow();
    // Sunday 02:30: in progress since 02:00.
    Silence s = Silences::occurrence(w, kNow);
    QCOMPARE(s.id, QStringLiteral("MW-kl-20261206T0200Z"));
    QCOMPARE(s.statusAt(kNow), Silence::Status::Active);
    QCOMPARE(Time::toIso(s.untilMs), QStringLiteral("2026-12-06T03:00:00.000Z"));
    QVERIFY(s.maintenance);
    QCOMPARE(s.configLine, 42);
    // At 03:00 it is over: the next one is a week later, upcoming.
    const qint64 three = *Time::parseIso(QStringLiteral("2026-12-06T03:00:00Z"));
    s = Silences::occurrence(w, three);
    QCOMPARE(s.id, QStringLiteral("MW-kl-20261213T0200Z"));
    QCOMPARE(s.statusAt(three), Silence::Status::Upcoming);
    // Saturday: tomorrow's.
    const qint64 saturday = *Time::parseIso(QStringLiteral("2026-12-05T23:59:00Z"));
    QCOMPARE(Silences::occurrence(w, saturday).id, QStringLiteral("MW-kl-20261206T0200Z"));
    // Daily at 23:30 for 60 minutes: at 00:10 yesterday's is still running.
    MaintenanceWindow daily = w;
    daily.weekday = 0;
    daily.startMinute = 23 * 60 + 30;
    const qint64 afterMidnight = *Time::parseIso(QStringLiteral("2026-12-07T00:10:00Z"));
    s = Silences::occurrence(daily, afterMidnight);
    QCOMPARE(s.id, QStringLiteral("MW-kl-20261206T2330Z"));
    QCOMPARE(s.statusAt(afterMidnight), Silence::Status::Active);
    // The book shows it before it starts.
    SilenceBook book({w});
    QCOMPARE(book.upcoming(saturday).size(), 1);
    QCOMPARE(book.active(saturday).size(), 0);
    QCOMPARE(book.upcoming(kNow).size(), 0); // in progress, not upcoming
    QCOMPARE(book.active(kNow).size(), 1);
}

void TestSilences::maintenanceWindowInItsTimeZone() {
    MaintenanceWindow w = sundayWindow();
    w.timeZone = QStringLiteral("Europe/Berlin"); // 02:00 in Berlin is 01:00Z in December
    const Silence s = Silences::occurrence(w, *Time::parseIso(QStringLiteral("2026-12-06T01:30:00Z")));
    QCOMPARE(Time::toIso(s.startsMs), QStringLiteral("2026-12-06T01:00:00.000Z"));
    QCOMPARE(s.statusAt(*Time::parseIso(QStringLiteral("2026-12-06T01:30:00Z"))), Silence::Status::Active);
    // In July (summer time) the same local time is 00:00Z.
    const Silence summer = Silences::occurrence(w, *Time::parseIso(QStringLiteral("2026-07-05T00:30:00Z")));
    QCOMPARE(Time::toIso(summer.startsMs), QStringLiteral("2026-07-05T00:00:00.000Z"));
}

void TestSilences::badMaintenanceConfig_data() {
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scope")
        << "{scope: xx, alerts: [stale-pack], every: 'sun 02:00', minutes: 60, reason: r}"
        << "maintenance[0].scope: no scope 'xx'";
    QTest::newRow("bad every")
        << "{scope: kl, alerts: [stale-pack], every: 'sunday 2am', minutes: 60, reason: r}"
        << "maintenance[0].every: 'sunday 2am' is not 'DAY HH:MM'";
    QTest::newRow("too long")
        << "{scope: kl, alerts: [stale-pack], every: 'daily 02:00', minutes: 2000, reason: r}"
        << "maintenance[0].minutes";
    QTest::newRow("no alerts") << "{scope: kl, alerts: [], every: 'daily 02:00', minutes: 60, reason: r}"
                               << "maintenance[0].alerts: must list the alert ids";
    QTest::newRow("empty reason")
        << "{scope: kl, alerts: [stale-pack], every: 'daily 02:00', minutes: 60, reason: ' '}"
        << "maintenance[0].reason: must not be empty";
    QTest::newRow("bad zone") << "{scope: kl, alerts: [stale-pack], every: 'daily 02:00', minutes: 60, "
                                 "reason: r, time_zone: Mars/Base}"
                              << "maintenance[0].time_zone: 'Mars/Base' is not a known time zone";
    QTest::newRow("unknown key")
        << "{scope: kl, alerts: [stale-pack], every: 'daily 02:00', minutes: 60, reason: r, until: x}"
        << "maintenance[0]";
}

void TestSilences::badMaintenanceConfig() {
    QFETCH(QString, entry);
    QFETCH(QString, message);
    QFile demo(QString::fromLatin1(ConfigLoader::kBuiltinDemoPath));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const QByteArray yaml = demo.readAll() + "\nmaintenance:\n  - " + entry.toUtf8() + "\n";
    auto cfg = ConfigLoader::parse(yaml, QStringLiteral("ops.yaml"));
    QVERIFY(!cfg.ok());
    const QString text = cfg.error().toString();
    QVERIFY2(text.contains(QStringLiteral("ops.yaml:")) && text.contains(message), qPrintable(text));
    // A good entry parses, and config check names an alert the rules do not have.
    auto good = ConfigLoader::parse(
        demo.fileName().isEmpty()
            ? QByteArray()
            : QByteArray(yaml).replace(entry.toUtf8(), "{scope: kl, alerts: [stale-pack, nope], every: 'sun "
                                                       "02:00', minutes: 60, reason: weekly refresh}"),
        QStringLiteral("ops.yaml"));
    QVERIFY_OK(good);
    QCOMPARE(good->maintenance.size(), 1);
    QCOMPARE(good->maintenance.first().weekday, 7);
    auto rules = AlertRules::forConfig(good.value());
    QVERIFY_OK(rules);
    auto checked = Silences::checkWindows(good.value(), rules.value());
    QVERIFY(!checked.ok());
    QVERIFY2(checked.error().toString().contains(QStringLiteral("maintenance[0].alerts: no alert 'nope'")),
             qPrintable(checked.error().toString()));
}

void TestSilences::addEndExpireFold() {
    SilenceBook book;
    const qint64 until = kNow + 3600'000;
    book.apply(
        logged(5, QStringLiteral("silence.added"), QStringLiteral("kl"),
               Silences::addedPayload(QStringLiteral("stale-pack"), kNow, until, QStringLiteral("vendor"))));
    QCOMPARE(book.recorded().size(), 1);
    QCOMPARE(book.recorded().first().id, QStringLiteral("SIL-5"));
    auto s = book.silencing(QStringLiteral("stale-pack"), QStringLiteral("kl"), kNow + 1);
    QVERIFY(s);
    QCOMPARE(s->actor, QStringLiteral("alice"));
    QVERIFY(!book.silencing(QStringLiteral("stale-pack"), QStringLiteral("my"), kNow + 1));
    QVERIFY(!book.silencing(QStringLiteral("resolver-health"), QStringLiteral("kl"), kNow + 1));
    QVERIFY(book.due(kNow + 1).isEmpty());
    // Its time is up: the recorder records the expiry, once.
    QVERIFY(!book.silencing(QStringLiteral("stale-pack"), QStringLiteral("kl"), until));
    const QList<NewEvent> due = book.due(until);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().kind, QStringLiteral("silence.expired"));
    QCOMPARE(due.first().payload.stringAt("id"), QStringLiteral("SIL-5"));
    book.apply(logged(6, QStringLiteral("silence.expired"), QStringLiteral("kl"), due.first().payload));
    QVERIFY(book.due(until + 1).isEmpty());
    QCOMPARE(book.recorded().first().statusAt(until), Silence::Status::Expired);
    // An end that names nothing, or comes after the expiry, changes nothing.
    JsonValue end = JsonValue::object();
    end["id"] = QStringLiteral("SIL-99");
    book.apply(logged(7, QStringLiteral("silence.ended"), QStringLiteral("kl"), end));
    end["id"] = QStringLiteral("SIL-5");
    book.apply(logged(8, QStringLiteral("silence.ended"), QStringLiteral("kl"), end));
    QCOMPARE(book.recorded().first().endedSeq, quint64(0));
    // A second silence ended early by bob.
    book.apply(
        logged(9, QStringLiteral("silence.added"), QStringLiteral("my"),
               Silences::addedPayload(QStringLiteral("publish-blocked"), kNow, until, QStringLiteral("x"))));
    end["id"] = QStringLiteral("SIL-9");
    end["reason"] = QStringLiteral("vendor done");
    book.apply(logged(10, QStringLiteral("silence.ended"), QStringLiteral("my"), end, QStringLiteral("bob"),
                      kNow + 60'000));
    const Silence &ended = book.recorded().at(1);
    QCOMPARE(ended.statusAt(kNow + 120'000), Silence::Status::Ended);
    QCOMPARE(ended.endedBy, QStringLiteral("bob"));
    QCOMPARE(ended.endReason, QStringLiteral("vendor done"));
    QCOMPARE(ended.endMs(), kNow + 60'000);
    QVERIFY(book.active(kNow + 120'000).isEmpty());
    QVERIFY(book.due(until + 1).isEmpty()); // an ended silence does not expire as well
    // Events already folded are not folded twice.
    book.apply(
        logged(9, QStringLiteral("silence.added"), QStringLiteral("my"),
               Silences::addedPayload(QStringLiteral("publish-blocked"), kNow, until, QStringLiteral("x"))));
    QCOMPARE(book.recorded().size(), 2);
}

void TestSilences::addRefusals() {
    SilenceBook book({sundayWindow()});
    const QString a = QStringLiteral("stale-pack"), kl = QStringLiteral("kl");
    // Each refusal says why in the command line's words and carries the id the window words it by.
    const auto said = [](const std::optional<Error> &e, const char *text, const char *id) {
        return e && e->message.contains(QLatin1String(text)) && e->id == QLatin1String(id);
    };
    QVERIFY(
        said(book.addRefusal(a, kl, kNow + 60'000, QStringLiteral(" "), kNow), "reason", "silence.reason"));
    QVERIFY(
        said(book.addRefusal(a, kl, kNow, QStringLiteral("r"), kNow), "not in the future", "silence.past"));
    QVERIFY(said(book.addRefusal(a, kl, kNow + 31LL * 24 * 3600'000, QStringLiteral("r"), kNow),
                 "at most 30 days", "silence.too_long"));
    // A maintenance window in progress does not stop a person's silence that lasts longer.
    QVERIFY(!book.addRefusal(a, kl, kNow + 7200'000, QStringLiteral("r"), kNow));
    book.apply(logged(3, QStringLiteral("silence.added"), kl,
                      Silences::addedPayload(a, kNow, kNow + 7200'000, QStringLiteral("r"))));
    const std::optional<Error> twice = book.addRefusal(a, kl, kNow + 7200'000, QStringLiteral("r"), kNow);
    QVERIFY(said(twice, "already silenced by alice", "silence.overlap"));
    QVERIFY2(twice->message.contains(QStringLiteral("SIL-3")) &&
                 twice->args.contains(QStringLiteral("SIL-3")),
             qPrintable(twice->message));
    QVERIFY(!book.endRefusal(QStringLiteral("SIL-3"), kNow));
    const std::optional<Error> unknown = book.endRefusal(QStringLiteral("SIL-4"), kNow);
    QVERIFY(said(unknown, "no silence", "silence.unknown"));
    QCOMPARE(unknown->code, ErrorCode::InvalidInput);
    QVERIFY(said(book.endRefusal(QStringLiteral("SIL-3"), kNow + 7200'000), "expired", "silence.expired"));
    // The window in progress can be ended; next week's has not started.
    QVERIFY(!book.endRefusal(QStringLiteral("MW-kl-20261206T0200Z"), kNow));
    const qint64 later = kNow + 3600'000;
    QVERIFY(said(book.endRefusal(QStringLiteral("MW-kl-20261213T0200Z"), later), "not started",
                 "silence.upcoming"));
}

void TestSilences::windowOpensOnceAndExpires() {
    SilenceBook book({sundayWindow()});
    QList<NewEvent> due = book.due(kNow);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().kind, QStringLiteral("silence.window_opened"));
    QCOMPARE(due.first().scope, QStringLiteral("kl"));
    QCOMPARE(due.first().payload.stringAt("id"), QStringLiteral("MW-kl-20261206T0200Z"));
    QCOMPARE(due.first().payload.stringAt("every"), QStringLiteral("sun 02:00"));
    QCOMPARE(book.active(kNow).size(), 1); // silencing before its opening is recorded
    book.apply(
        logged(4, due.first().kind, due.first().scope, due.first().payload, QStringLiteral("monitor-1")));
    QVERIFY(book.due(kNow + 1).isEmpty());
    QCOMPARE(book.active(kNow + 1).size(), 1); // once, not twice
    QCOMPARE(book.active(kNow + 1).first().seq, quint64(4));
    // A repeated opening (two recorders racing) counts once.
    book.apply(
        logged(5, due.first().kind, due.first().scope, due.first().payload, QStringLiteral("monitor-2")));
    QCOMPARE(book.recorded().size(), 1);
    const qint64 over = *Time::parseIso(QStringLiteral("2026-12-06T03:00:00Z"));
    due = book.due(over);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().kind, QStringLiteral("silence.expired"));
    QCOMPARE(due.first().payload.stringAt("id"), QStringLiteral("MW-kl-20261206T0200Z"));
}

void TestSilences::signedClaimsDoNotOutgrowTheRules() {
    // A recorder's (or an operator's) key signs what the payload says; the fold believes only what
    // the config and the rules allow.
    SilenceBook book({sundayWindow()});
    JsonValue forged =
        Silences::addedPayload(QStringLiteral("resolver-health"), kNow, kNow + 3600'000, QStringLiteral("x"));
    JsonValue all = JsonValue::array();
    for (const char *a : {"stale-pack", "resolver-health", "publish-blocked"})
        all.push(QString::fromLatin1(a));
    forged["alerts"] = all;
    forged["id"] = QStringLiteral("MW-kl-20990101T0000Z"); // no such window
    forged["until"] = QStringLiteral("2099-01-01T00:00:00Z");
    book.apply(logged(3, QStringLiteral("silence.window_opened"), QStringLiteral("kl"), forged,
                      QStringLiteral("monitor-1")));
    QVERIFY(book.recorded().isEmpty());
    // The real window's id with more alerts and a longer end: the config's alerts and end count.
    forged["id"] = QStringLiteral("MW-kl-20261206T0200Z");
    forged["starts"] = QStringLiteral("2026-12-06T02:00:00Z");
    book.apply(logged(4, QStringLiteral("silence.window_opened"), QStringLiteral("kl"), forged,
                      QStringLiteral("monitor-1")));
    QCOMPARE(book.recorded().size(), 1);
    QCOMPARE(book.recorded().first().alerts, QStringList{QStringLiteral("stale-pack")});
    QCOMPARE(Time::toIso(book.recorded().first().untilMs), QStringLiteral("2026-12-06T03:00:00.000Z"));
    QVERIFY(!book.silencing(QStringLiteral("resolver-health"), QStringLiteral("kl"), kNow));
    // A person's silence "until 2099" lasts 30 days from when it was recorded.
    JsonValue longOne = Silences::addedPayload(QStringLiteral("resolver-health"), kNow - 86400'000, kNow,
                                               QStringLiteral("x"));
    longOne["until"] = QStringLiteral("2099-01-01T00:00:00Z");
    book.apply(logged(5, QStringLiteral("silence.added"), QStringLiteral("my"), longOne));
    const Silence &s = book.recorded().last();
    QCOMPARE(s.startsMs, kNow);
    QCOMPARE(s.untilMs, kNow + Silences::kMaxDurationMs);
}

void TestSilences::actsCheckRolesAndState() {
    test::StoreFixture f(true, {QStringLiteral("admin"), QStringLiteral("operator")});
    const Signer qa = test::makeSigner(QStringLiteral("quinn"));
    QVERIFY_OK(f.enrol(qa, {QStringLiteral("qa")}));
    const Signer mon = test::makeSigner(QStringLiteral("monitor-1"));
    QVERIFY_OK(f.enrol(mon, {QStringLiteral("monitor")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const QList<AlertRule> rules = AlertRules::forConfig(config).value();
    const qint64 now = f.now + 1000;
    const QString a = QStringLiteral("stale-pack"), kl = QStringLiteral("kl");
    // Roles: QA and the monitor may not silence; an operator may.
    auto refused =
        SilenceActs::add(*f.store, qa, config, rules, a, kl, now + 3600'000, QStringLiteral("r"), now);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Policy);
    QVERIFY2(refused.error().message.contains(QStringLiteral("operator or incident-owner")),
             qPrintable(refused.error().message));
    QVERIFY(!SilenceActs::add(*f.store, mon, config, rules, a, kl, now + 3600'000, QStringLiteral("r"), now)
                 .ok());
    // Even written straight to the store, past the verb, the write gate refuses both.
    NewEvent forged{QStringLiteral("silence.added"), kl,
                    Silences::addedPayload(a, now, now + 3600'000, QStringLiteral("r")), now};
    QVERIFY(!f.store->append(qa, {forged}).ok());
    QVERIFY(!f.store->append(mon, {forged}).ok());
    const quint64 before = f.store->size().value();
    // Bad alert and scope write nothing.
    QCOMPARE(SilenceActs::add(*f.store, f.alice, config, rules, QStringLiteral("nope"), kl, now + 1,
                              QStringLiteral("r"), now)
                 .error()
                 .where,
             QStringLiteral("--alert"));
    QCOMPARE(SilenceActs::add(*f.store, f.alice, config, rules, a, QStringLiteral("xx"), now + 1,
                              QStringLiteral("r"), now)
                 .error()
                 .where,
             QStringLiteral("--scope"));
    QCOMPARE(f.store->size().value(), before);
    auto added = SilenceActs::add(*f.store, f.alice, config, rules, a, kl, now + 3600'000,
                                  QStringLiteral("vendor"), now);
    QVERIFY_OK(added);
    QVERIFY(added->signedByActor);
    QCOMPARE(added->kind, QStringLiteral("silence.added"));
    const QString id = QStringLiteral("SIL-%1").arg(added->seq);
    QVERIFY(!SilenceActs::add(*f.store, f.alice, config, rules, a, kl, now + 3600'000,
                              QStringLiteral("again"), now)
                 .ok());
    // QA may not end it either; alice may, once.
    QVERIFY(!SilenceActs::end(*f.store, qa, config, id, QString(), now + 2000).ok());
    auto ended = SilenceActs::end(*f.store, f.alice, config, id, QStringLiteral("vendor done"), now + 2000);
    QVERIFY_OK(ended);
    QCOMPARE(ended->payload().stringAt("id"), id);
    QVERIFY(!SilenceActs::end(*f.store, f.alice, config, id, QString(), now + 3000).ok());
    // The monitor records what it sees: an expiry.
    NewEvent expired{QStringLiteral("silence.expired"), kl, JsonValue::object(), now + 4000};
    expired.payload["id"] = QStringLiteral("SIL-1");
    QVERIFY_OK(f.store->append(mon, {expired}));
    auto book = SilenceBook::load(*f.store, {});
    QVERIFY_OK(book);
    QCOMPARE(book->recorded().size(), 1);
    QCOMPARE(book->recorded().first().endedBy, QStringLiteral("alice"));
    // And verify checks every one of them: signed, by a role that may.
    auto report = f.store->verify(VerifyOptions(true));
    QVERIFY_OK(report);
    QVERIFY2(report->intact, qPrintable(report->reason));
}

void TestSilences::silencedCellShowsSilencedNeverOk() {
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    AlertEvaluator ev(AlertRules::forConfig(config).value(), config);
    AlertMatrixModel model(&ev);
    QAbstractItemModelTester tester(&model);
    SilenceBook book;
    book.apply(logged(3, QStringLiteral("silence.added"), QStringLiteral("kl"),
                      Silences::addedPayload(QStringLiteral("stale-pack"), kNow, kNow + 3600'000,
                                             QStringLiteral("vendor"))));
    // Without data the silenced cell is unknown (silenced), never ok.
    AlertInputs in;
    in.nowMs = kNow;
    in.silenced = book.silencedCells(kNow);
    ev.evaluate(in);
    const AlertCell &c = ev.cell(QStringLiteral("stale-pack"), QStringLiteral("kl"));
    QVERIFY(c.silenced());
    QCOMPARE(c.displayState(), QStringLiteral("unknown"));
    const QModelIndex cell = model.indexOf(QStringLiteral("stale-pack"), QStringLiteral("kl"));
    QVERIFY(cell.isValid());
    QCOMPARE(cell.data(AlertMatrixModel::AlertIdRole).toString(), QStringLiteral("stale-pack"));
    QCOMPARE(cell.data(AlertMatrixModel::ScopeRole).toString(), QStringLiteral("kl"));
    QVERIFY(!model.indexOf(QStringLiteral("stale-pack"), QStringLiteral("nowhere")).isValid());
    QVERIFY(!model.indexOf(QStringLiteral("no-such-alert"), QStringLiteral("kl")).isValid());
    const int row = cell.row(), col = cell.column();
    QCOMPARE(model.index(row, col).data().toString(), QStringLiteral("unknown (silenced)"));
    // Firing under a silence: transitions are still produced (recorded), the cell says SILENCED.
    AlertCell firing = c;
    firing.state = AlertState::Firing;
    ev.restore({firing});
    QCOMPARE(ev.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).displayState(),
             QStringLiteral("silenced"));
    QCOMPARE(model.index(row, col).data().toString(), QStringLiteral("SILENCED SEV-2"));
    QVERIFY(model.index(row, col)
                .data(AlertMatrixModel::SilenceRole)
                .toString()
                .contains(QStringLiteral("vendor")));
    QCOMPARE(model.index(row, col).data(AlertMatrixModel::StateRole).toInt(), int(AlertState::Firing));
    // The silence's time is up: the cell is plainly firing again.
    ev.setSilences(book.silencedCells(kNow + 3600'000));
    QVERIFY(!ev.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).silenced());
    QCOMPARE(model.index(row, col).data().toString(), QStringLiteral("FIRING SEV-2"));
}

void TestSilences::metricsSaySilencedBesideTheState() {
    AlertCell c;
    c.alertId = QStringLiteral("stale-pack");
    c.scope = QStringLiteral("kl");
    c.severity = QStringLiteral("SEV-2");
    c.state = AlertState::Firing;
    c.silenceId = QStringLiteral("SIL-3");
    Metrics::Input in;
    in.nowMs = kNow;
    in.cells = {c};
    Silence s;
    s.id = c.silenceId;
    s.scope = c.scope;
    s.alerts = {c.alertId};
    in.silences = QList<Silence>{s};
    const QByteArray text = Metrics::prometheusText(in);
    QVERIFY(text.contains(
        R"(opsconsole_alert_state{alert="stale-pack",scope="kl",severity="SEV-2",state="firing"} 1)"));
    QVERIFY(text.contains(R"(opsconsole_alert_silenced{alert="stale-pack",scope="kl"} 1)"));
    QVERIFY(text.contains(R"(opsconsole_silences_active{scope="kl",source="person"} 1)"));
    QVERIFY(text.contains(R"(opsconsole_silences_active{scope="kl",source="maintenance"} 0)"));
}

void TestSilences::listModel() {
    SilenceBook book({sundayWindow()});
    const qint64 saturday = *Time::parseIso(QStringLiteral("2026-12-05T12:00:00Z"));
    book.apply(logged(3, QStringLiteral("silence.added"), QStringLiteral("my"),
                      Silences::addedPayload(QStringLiteral("publish-blocked"), saturday - 7200'000,
                                             saturday - 3600'000, QStringLiteral("old")),
                      QStringLiteral("alice"), saturday - 7200'000));
    book.apply(logged(4, QStringLiteral("silence.added"), QStringLiteral("kl"),
                      Silences::addedPayload(QStringLiteral("stale-pack"), saturday, saturday + 3600'000,
                                             QStringLiteral("now")),
                      QStringLiteral("alice"), saturday));
    SilenceListModel model;
    QAbstractItemModelTester tester(&model);
    model.setBook(book, saturday);
    QCOMPARE(model.rowCount(), 3);
    // Active first, then the maintenance window coming up, then the history.
    QCOMPARE(model.index(0, SilenceListModel::Id).data().toString(), QStringLiteral("SIL-4"));
    QCOMPARE(model.index(0, SilenceListModel::Status).data(SilenceListModel::StatusRole).toInt(),
             int(Silence::Status::Active));
    QCOMPARE(model.index(1, SilenceListModel::Id).data().toString(), QStringLiteral("MW-kl-20261206T0200Z"));
    QCOMPARE(model.index(1, SilenceListModel::Status).data().toString(), QStringLiteral("upcoming"));
    QCOMPARE(model.index(1, SilenceListModel::By).data().toString(), QStringLiteral("maintenance window"));
    QCOMPARE(model.index(2, SilenceListModel::Status).data().toString(), QStringLiteral("expired"));
}

QTEST_GUILESS_MAIN(TestSilences)
#include "tst_silences.moc"
