// The alert matrix as the log records it (the team log's way, tested here on a local file, which
// takes the same events): a round's evaluation goes into its own act, the next round resumes the
// damping from the log, an acknowledgement made while the recorder evaluated is not lost, the
// silence events due are recorded once, Alertmanager's reports reach their cells, and the
// notice policy tells people once.
#include "ProbeRounds.h"
#include "StoreFixture.h"

#include "alerts/AlertRules.h"
#include "alerts/Silences.h"
#include "core/DeploymentConfig.h"
#include "monitor/LoggedAlerts.h"
#include "monitor/LoggedProbes.h"
#include "monitor/NoticePolicy.h"

#include <QTest>

using namespace ops;

class TestLoggedAlerts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRoundCarriesEveryCellAndItsTransitions();
    void anAcknowledgementMadeWhileTheRecorderEvaluatedIsKept();
    void acknowledgingNeedsAFiringCellARoleAndANote();
    void dueSilenceEventsAreRecordedOnce();
    void alertmanagerReportsReachTheirCell();
    void noticesAreToldOnceAndHeldWhileSilenced();
};

namespace {

struct Log {
    test::StoreFixture f{true, {QStringLiteral("operator"), QStringLiteral("incident-owner")}};
    DeploymentConfig config = ConfigLoader::builtinDemo().value(); // fail_after 2, clear_after 2
    QList<AlertRule> rules = AlertRules::builtin().value();
    qint64 lastRound = 0;

    // One full round of the recorder: kl's manifest stale or fresh. Returns what it evaluated.
    LoggedAlerts::RoundAlerts round(bool klStale, Alertmanager::Fold *fold = nullptr) {
        const qint64 now = (f.now += 30000);
        const QList<ProbeResult> results = test::manifestRound(klStale, now);
        auto events = LoggedProbes::roundEvents(*f.store, results, now);
        if (!events.ok())
            qFatal("%s", qPrintable(events.error().toString()));
        auto alerts = LoggedAlerts::addToRound(events.value(), *f.store, config, rules, results, now, fold);
        if (!alerts.ok())
            qFatal("%s", qPrintable(alerts.error().toString()));
        if (auto stored = f.store->append(f.alice, events.value()); !stored.ok())
            qFatal("%s", qPrintable(stored.error().toString()));
        lastRound = now;
        return alerts.value();
    }
    AlertCell cell(const char *alert, const char *scope) const {
        auto cells = LoggedAlerts::read(*f.store);
        if (cells.ok())
            for (const StoredAlertCell &c : cells.value())
                if (c.cell.alertId == QLatin1String(alert) && c.cell.scope == QLatin1String(scope))
                    return c.cell;
        return AlertCell();
    }
    int count(const char *kind) const {
        EventFilter filter;
        filter.kind = QString::fromLatin1(kind);
        filter.limit = 10000;
        return static_cast<int>(f.store->query(filter).value().size());
    }
};

} // namespace

void TestLoggedAlerts::aRoundCarriesEveryCellAndItsTransitions() {
    Log log;
    QVERIFY(LoggedAlerts::read(*log.f.store).value().isEmpty()); // nothing evaluated: nothing claimed
    LoggedAlerts::RoundAlerts first = log.round(true);
    QCOMPARE(first.recorded, 0); // one bad round: damped
    QVERIFY(!first.cells.isEmpty());
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Unknown); // never seen good, not firing yet
    QCOMPARE(log.cell("stale-pack", "kl").consecutiveBad, 1);
    QCOMPARE(log.cell("stale-pack", "my").state, AlertState::Ok);
    // The second bad round, evaluated from the log's counters, fires: alert.fired in the same act
    // as the round that carries the cell.
    LoggedAlerts::RoundAlerts second = log.round(true);
    QCOMPARE(second.recorded, 1);
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Firing);
    QCOMPARE(log.count("alert.fired"), 1);
    EventFilter newest;
    newest.newestFirst = true;
    newest.limit = 2;
    const QList<StoredEvent> tail = log.f.store->query(newest).value();
    QCOMPARE(tail.at(0).kind, QStringLiteral("probe.round"));
    QCOMPARE(tail.at(1).kind, QStringLiteral("alert.fired"));
    QCOMPARE(tail.at(0).payload().find("alerts")->toArray().size(), second.cells.size());
    // Still stale: no news. Fresh twice: cleared, and said so once.
    QCOMPARE(log.round(true).recorded, 0);
    QCOMPARE(log.round(false).recorded, 0);
    LoggedAlerts::RoundAlerts cleared = log.round(false);
    QCOMPARE(cleared.recorded, 1);
    QCOMPARE(cleared.firingSince.size(), 1); // what was firing before this round, and since when
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Ok);
    QCOMPARE(log.count("alert.cleared"), 1);
    QVERIFY(log.f.store->verify(VerifyOptions{}).value().intact);
}

void TestLoggedAlerts::anAcknowledgementMadeWhileTheRecorderEvaluatedIsKept() {
    Log log;
    log.round(true);
    log.round(true);
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Firing);
    // The recorder reads the log and evaluates its next round; meanwhile an operator acknowledges
    // on another console; then the round lands, carrying the cell as it evaluated it (firing).
    const qint64 now = (log.f.now += 30000);
    const QList<ProbeResult> results = test::manifestRound(true, now);
    QList<NewEvent> events = LoggedProbes::roundEvents(*log.f.store, results, now).value();
    QVERIFY(LoggedAlerts::addToRound(events, *log.f.store, log.config, log.rules, results, now).ok());
    auto acked = LoggedAlerts::acknowledge(*log.f.store, log.f.alice, QStringLiteral("stale-pack"),
                                           QStringLiteral("kl"), QStringLiteral("rebuilding the pack"),
                                           log.f.now += 1000);
    QVERIFY2(acked.ok(), acked.ok() ? "" : qPrintable(acked.error().toString()));
    QVERIFY(log.f.store->append(log.f.alice, events).ok());
    // The round's basis is before the acknowledgement: it is applied on reading, not lost.
    const AlertCell c = log.cell("stale-pack", "kl");
    QCOMPARE(c.state, AlertState::Acknowledged);
    QCOMPARE(c.acknowledgedBy, QStringLiteral("alice"));
    QCOMPARE(c.acknowledgeNote, QStringLiteral("rebuilding the pack"));
    // And the next round evaluates from it and keeps it.
    log.round(true);
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Acknowledged);
    // An acknowledgement of an earlier firing (another since) does not carry over.
    log.round(false);
    log.round(false);
    log.round(true);
    log.round(true);
    QCOMPARE(log.cell("stale-pack", "kl").state, AlertState::Firing);
}

void TestLoggedAlerts::acknowledgingNeedsAFiringCellARoleAndANote() {
    Log log;
    const Signer rev = test::makeSigner(QStringLiteral("rev"));
    QVERIFY(log.f.enrol(rev, {QStringLiteral("reviewer")}).ok());
    log.round(true);
    const auto ack = [&](const Signer &who, const char *scope, const char *note) {
        return LoggedAlerts::acknowledge(*log.f.store, who, QStringLiteral("stale-pack"),
                                         QString::fromLatin1(scope), QString::fromLatin1(note),
                                         log.f.now += 1000);
    };
    // Not firing yet (one bad round): refused, nothing written.
    const quint64 before = log.f.store->size().value();
    auto early = ack(log.f.alice, "kl", "too early");
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, ErrorCode::Policy);
    log.round(true);
    const quint64 firing = log.f.store->size().value();
    QVERIFY(before < firing);
    auto wrongRole = ack(rev, "kl", "not mine");
    QVERIFY(!wrongRole.ok());
    QVERIFY(
        wrongRole.error().message.contains(QStringLiteral("neither the operator nor the incident-owner")));
    auto noNote = ack(log.f.alice, "kl", "   ");
    QVERIFY(!noNote.ok());
    QCOMPARE(noNote.error().code, ErrorCode::InvalidInput);
    auto otherScope = ack(log.f.alice, "my", "not firing there");
    QVERIFY(!otherScope.ok());
    QCOMPARE(log.f.store->size().value(), firing);
    QVERIFY(ack(log.f.alice, "kl", "on it").ok());
    auto twice = ack(log.f.alice, "kl", "again");
    QVERIFY(!twice.ok()); // acknowledged already: once is enough
}

void TestLoggedAlerts::dueSilenceEventsAreRecordedOnce() {
    Log log;
    log.round(true);
    // A silence of kl's stale pack for two minutes, signed by alice.
    const qint64 until = log.f.now + 120000;
    auto added = log.f.store->append(log.f.alice,
                                     {NewEvent{QStringLiteral("silence.added"), QStringLiteral("kl"),
                                               Silences::addedPayload(QStringLiteral("stale-pack"), log.f.now,
                                                                      until, QStringLiteral("rebuilding kl")),
                                               log.f.now += 1000}});
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().toString()));
    LoggedAlerts::RoundAlerts during = log.round(true);
    QCOMPARE(during.silenceEvents, 0);
    const AlertCell silenced = log.cell("stale-pack", "kl");
    QCOMPARE(silenced.state, AlertState::Firing); // silenced is never ok: it fires into the log
    QVERIFY(during.cells.size() > 0);
    bool marked = false;
    for (const AlertCell &c : during.cells)
        marked = marked ||
                 (c.alertId == QLatin1String("stale-pack") && c.scope == QLatin1String("kl") && c.silenced());
    QVERIFY(marked);
    // Its time is up: the next round records the expiry, once.
    log.f.now = until + 1000;
    QCOMPARE(log.round(true).silenceEvents, 1);
    QCOMPARE(log.count("silence.expired"), 1);
    QCOMPARE(log.round(true).silenceEvents, 0);
    QCOMPARE(log.count("silence.expired"), 1);
}

void TestLoggedAlerts::alertmanagerReportsReachTheirCell() {
    Log log;
    log.round(false);
    QCOMPARE(log.cell("resolver-health", "kl").state, AlertState::Ok); // the manifests resolve
    Alertmanager::Notice n;
    n.firing = true;
    n.alert = QStringLiteral("resolver-health");
    n.scope = QStringLiteral("kl");
    n.startsAt = QStringLiteral("2026-11-23T00:00:00Z");
    n.labels.insert(QStringLiteral("alertname"), QStringLiteral("ResolverDown"));
    n.labels.insert(QStringLiteral("locality"), QStringLiteral("kl"));
    n.fingerprint = Alertmanager::fingerprintOf(n.labels);
    Alertmanager::Payload payload;
    payload.receiver = QStringLiteral("team");
    payload.routed << n;
    Alertmanager::Fold fold;
    auto recorded = Alertmanager::record(fold, *log.f.store, log.f.alice, payload);
    QVERIFY2(recorded.ok(), recorded.ok() ? "" : qPrintable(recorded.error().toString()));
    QCOMPARE(recorded->recorded, 1);
    // Alertmanager repeats what still fires: nothing new, nothing written.
    QCOMPARE(Alertmanager::record(fold, *log.f.store, log.f.alice, payload)->repeated, 1);
    QCOMPARE(log.count("alertmanager.firing"), 1);
    // The cell takes it through the damping: a fresh fold (probe --record) and a kept one (the
    // monitor) read the same.
    log.round(false);
    log.round(false, &fold);
    QCOMPARE(log.cell("resolver-health", "kl").state, AlertState::Firing);
}

void TestLoggedAlerts::noticesAreToldOnceAndHeldWhileSilenced() {
    Log log;
    NoticePolicy policy(log.rules, 15);
    policy.seedFrom(*log.f.store);
    const auto notices = [&](const LoggedAlerts::RoundAlerts &r) {
        QStringList out;
        for (const Notice &n : policy.round(r.transitions, r.cells, r.firingSince, log.lastRound))
            out << n.trigger + QLatin1Char(' ') + n.alertId + QLatin1Char(' ') + n.scope;
        return out;
    };
    QCOMPARE(notices(log.round(true)), QStringList());
    QCOMPARE(notices(log.round(true)), QStringList{QStringLiteral("fired stale-pack kl")});
    QCOMPARE(notices(log.round(true)), QStringList());
    // Firing and unacknowledged for the escalation time: escalated, once.
    log.f.now += 15 * 60000;
    QCOMPARE(notices(log.round(true)), QStringList{QStringLiteral("escalated stale-pack kl")});
    QCOMPARE(notices(log.round(true)), QStringList());
    log.round(false);
    QCOMPARE(notices(log.round(false)), QStringList{QStringLiteral("cleared stale-pack kl")});
    // A restarted recorder reads what was told from the log (notification.attempted): none here,
    // so a cell firing now is told.
    NoticePolicy restarted(log.rules, 15);
    restarted.seedFrom(*log.f.store);
    log.round(true);
    const LoggedAlerts::RoundAlerts again = log.round(true);
    QCOMPARE(restarted.round(again.transitions, again.cells, again.firingSince, log.lastRound).size(), 1);
}

QTEST_GUILESS_MAIN(TestLoggedAlerts)
#include "tst_loggedalerts.moc"
