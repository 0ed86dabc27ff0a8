// The shift handover brief from a real store: the alerts section tells firing, acknowledged and
// silenced cells apart; derivations waiting for review are listed; the turns of the shift since
// the last handover are named one by one; and an acknowledgement without a number goes to the
// handover waiting for the one who acknowledges, never to someone else's.
#include "DerivationFixture.h"
#include "StoreFixture.h"

#include "alerts/Silences.h"
#include "incidents/IncidentActions.h"
#include "launch/Launch.h"
#include "launch/LaunchActions.h"
#include "reports/Handover.h"
#include "reports/Markdown.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace ops;

class TestHandover : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alertsAreToldApart();
    void theShiftsTurnsAreNamed();
    void anAcknowledgementFindsTheOneWaitingForMe();
    void typedTextStaysText();
    void derivationsWaitingForReviewAreListed();
    void openWorkIsNamedWithItsNextStep();
};

namespace {

StoredEvent append(test::StoreFixture &f, const Signer &who, const QString &kind, const QString &scope,
                   JsonValue payload) {
    auto out = f.store->append(who, {NewEvent{kind, scope, std::move(payload), std::nullopt}});
    if (!out.ok())
        qFatal("%s", qPrintable(out.error().toString()));
    return out->last();
}

JsonValue alert(const QString &id, const QString &severity) {
    JsonValue p = JsonValue::object();
    p["alert"] = id;
    p["name"] = id;
    p["severity"] = severity;
    p["detail"] = QStringLiteral("seen");
    return p;
}

QStringList texts(const HandoverBrief &b, const QString &section) {
    QStringList out;
    for (const HandoverItem &i : b.itemsOf(section))
        out << i.text;
    return out;
}

} // namespace

void TestHandover::alertsAreToldApart() {
    test::StoreFixture f;
    append(f, f.alice, QStringLiteral("alert.fired"), QStringLiteral("kl"),
           alert(QStringLiteral("stale-pack"), QStringLiteral("SEV-2")));
    append(f, f.alice, QStringLiteral("alert.fired"), QStringLiteral("pg"),
           alert(QStringLiteral("resolver-health"), QStringLiteral("SEV-1")));
    JsonValue ack = JsonValue::object();
    ack["alert"] = QStringLiteral("resolver-health");
    ack["note"] = QStringLiteral("looking at the resolver");
    append(f, f.alice, QStringLiteral("alert.acknowledged"), QStringLiteral("pg"), ack);
    append(f, f.alice, QStringLiteral("alert.fired"), QStringLiteral("my"),
           alert(QStringLiteral("publish-blocked"), QStringLiteral("SEV-2")));
    append(f, f.alice, QStringLiteral("alert.cleared"), QStringLiteral("my"),
           alert(QStringLiteral("publish-blocked"), QStringLiteral("SEV-2")));
    append(f, f.alice, QStringLiteral("silence.added"), QStringLiteral("kl"),
           Silences::addedPayload(QStringLiteral("stale-pack"), f.now, f.now + 3600 * 1000,
                                  QStringLiteral("vendor refresh")));

    auto b = Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("alice"), QString(), f.now + 1000);
    QVERIFY2(b.ok(), b.ok() ? "" : qPrintable(b.error().toString()));
    const QStringList alerts = texts(b.value(), QStringLiteral("alerts"));
    QCOMPARE(alerts.size(), 2); // the cleared one is not open
    const QString kl = alerts.filter(QStringLiteral("stale-pack")).value(0);
    QVERIFY2(kl.startsWith(QStringLiteral("SEV-2 stale-pack in kl: firing since")) &&
                 kl.contains(QStringLiteral("silenced until")) &&
                 kl.contains(QStringLiteral("vendor refresh")),
             qPrintable(kl));
    const QString pg = alerts.filter(QStringLiteral("resolver-health")).value(0);
    QVERIFY2(pg.contains(QStringLiteral("acknowledged by alice: looking at the resolver")) &&
                 !pg.contains(QStringLiteral("silenced")),
             qPrintable(pg));
    QVERIFY(alerts.filter(QStringLiteral("publish-blocked")).isEmpty());
    QVERIFY(b->markdown().contains(QStringLiteral("stale-pack in kl")));
}

void TestHandover::theShiftsTurnsAreNamed() {
    test::StoreFixture f;
    const Signer bob = test::makeSigner(QStringLiteral("bob"));
    QVERIFY(f.enrol(bob, {QStringLiteral("operator")}).ok());
    auto first =
        Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("alice"), QStringLiteral("bob"), f.now);
    QVERIFY(first.ok());
    QVERIFY(first->itemsOf(QStringLiteral("changes")).isEmpty()); // no earlier handover
    QVERIFY(Handovers::give(*f.store, f.alice, first.value()).ok());

    JsonValue ks = JsonValue::object();
    ks["switch"] = QStringLiteral("bad-pack");
    ks["reason"] = QStringLiteral("active pack fails its checksum");
    append(f, bob, QStringLiteral("killswitch.activated"), QStringLiteral("pg"), ks);
    append(f, bob, QStringLiteral("alert.fired"), QStringLiteral("pg"),
           alert(QStringLiteral("resolver-health"), QStringLiteral("SEV-1")));
    append(f, bob, QStringLiteral("test.routine"), QString(), JsonValue::object());

    auto next = Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("bob"), QString(), f.now);
    QVERIFY(next.ok());
    const QStringList changes = texts(next.value(), QStringLiteral("changes"));
    QVERIFY2(!changes
                  .filter(QStringLiteral(
                      "kill switch bad-pack activated in pg: active pack fails its checksum by bob"))
                  .isEmpty(),
             qPrintable(changes.join(QLatin1Char('\n'))));
    QVERIFY2(!changes.filter(QStringLiteral("alert SEV-1 resolver-health fired in pg by bob")).isEmpty(),
             qPrintable(changes.join(QLatin1Char('\n'))));
    // The routine event is counted, not listed.
    QVERIFY(changes.filter(QStringLiteral("test.routine")).isEmpty());
    QVERIFY2(!changes.filter(QStringLiteral("1 test")).isEmpty(),
             qPrintable(changes.join(QLatin1Char('\n'))));
}

void TestHandover::anAcknowledgementFindsTheOneWaitingForMe() {
    test::StoreFixture f;
    const Signer bob = test::makeSigner(QStringLiteral("bob"));
    const Signer carol = test::makeSigner(QStringLiteral("carol"));
    QVERIFY(f.enrol(bob, {QStringLiteral("operator")}).ok());
    QVERIFY(f.enrol(carol, {QStringLiteral("operator")}).ok());
    auto toBob =
        Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("alice"), QStringLiteral("bob"), f.now);
    QVERIFY(toBob.ok());
    auto givenToBob = Handovers::give(*f.store, f.alice, toBob.value());
    QVERIFY(givenToBob.ok());
    // A later handover to carol does not hide bob's from bob.
    auto toCarol =
        Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("alice"), QStringLiteral("carol"), f.now);
    QVERIFY(toCarol.ok());
    auto givenToCarol = Handovers::give(*f.store, f.alice, toCarol.value());
    QVERIFY(givenToCarol.ok());
    auto bobs = Handovers::acknowledge(*f.store, bob, 0, f.now);
    QVERIFY2(bobs.ok(), bobs.ok() ? "" : qPrintable(bobs.error().toString()));
    QCOMPARE(quint64(bobs->payload().find("handover")->toInt()), givenToBob->seq);
    // Nothing waits for bob now; carol's is not his to acknowledge.
    auto again = Handovers::acknowledge(*f.store, bob, 0, f.now);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Policy);
    QVERIFY2(again.error().message.contains(QStringLiteral("addressed to carol")),
             qPrintable(again.error().message));
    auto carols = Handovers::acknowledge(*f.store, carol, 0, f.now);
    QVERIFY2(carols.ok(), carols.ok() ? "" : qPrintable(carols.error().toString()));
    QCOMPARE(quint64(carols->payload().find("handover")->toInt()), givenToCarol->seq);
    // The giver never acknowledges.
    auto self = Handovers::acknowledge(*f.store, f.alice, givenToBob->seq, f.now);
    QVERIFY(!self.ok());
}

void TestHandover::typedTextStaysText() {
    // What a person typed cannot become a link, an image, raw HTML or a table cell break in the
    // Markdown of a brief or a postmortem; identifiers stay as they are.
    const QString typed = QStringLiteral("see [runbook](http://x) ![i](http://y) <img src=x "
                                         "onerror=alert(1)> *now* | `rm` _all_ p90_cost_bps\nnext");
    const QString md = Markdown::text(typed);
    QVERIFY2(!md.contains(QStringLiteral("<img")) && md.contains(QStringLiteral("&lt;img")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("\\[runbook\\](http://x)")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("\\*now\\*")) && md.contains(QStringLiteral("\\|")) &&
                 md.contains(QStringLiteral("\\`rm\\`")) && md.contains(QStringLiteral("\\_all\\_")),
             qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("p90_cost_bps")), qPrintable(md));
    QVERIFY(!md.contains(QLatin1Char('\n')));

    test::StoreFixture f;
    JsonValue ks = JsonValue::object();
    ks["switch"] = QStringLiteral("bad-pack");
    ks["reason"] = typed;
    append(f, f.alice, QStringLiteral("killswitch.activated"), QStringLiteral("pg"), ks);
    auto b = Handovers::build(*f.store, std::nullopt, {}, QStringLiteral("alice"), QString(), f.now);
    QVERIFY(b.ok());
    QVERIFY(!b->itemsOf(QStringLiteral("kill-switches")).isEmpty());
    const QString brief = b->markdown();
    QVERIFY2(!brief.contains(QStringLiteral("<img")) && brief.contains(QStringLiteral("&lt;img")),
             qPrintable(brief));
    QVERIFY2(!brief.contains(QStringLiteral(" [runbook](")) &&
                 brief.contains(QStringLiteral("\\[runbook\\](")),
             qPrintable(brief));
    // Rendered as a Markdown viewer does (md4c, GitHub's dialect): the typed text shows as typed,
    // on one line, and nothing in the brief is a link.
    QTextDocument doc;
    doc.setMarkdown(brief, QTextDocument::MarkdownDialectGitHub);
    QVERIFY2(
        doc.toPlainText().contains(QStringLiteral("see [runbook](http://x) ![i](http://y) <img src=x "
                                                  "onerror=alert(1)> *now* | `rm` _all_ p90_cost_bps next")),
        qPrintable(doc.toPlainText()));
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            QVERIFY2(!it.fragment().charFormat().isAnchor(), qPrintable(it.fragment().text()));
}

void TestHandover::derivationsWaitingForReviewAreListed() {
    // In review and accepted (waiting for a signature) are open work; signed and rejected are not.
    test::DerivationRig rig;
    QVERIFY(rig.as(rig.ana).importFiles(test::DerivationRig::exampleFiles()).ok());
    const DerivationBook &book = rig.fresh();
    QVERIFY(book.records().size() >= 3);
    const QString accepted = book.records().at(0).record.id;
    const QString rejected = book.records().at(1).record.id;
    QVERIFY(rig.as(rig.rui).review(accepted, true, QStringLiteral("reproduced")).ok());
    QVERIFY(rig.as(rig.rui).review(rejected, false, QStringLiteral("inputs differ")).ok());
    auto b = Handovers::build(*rig.f.store, std::nullopt, {}, QStringLiteral("otto"), QString(), rig.clock);
    QVERIFY(b.ok());
    const QStringList listed = texts(b.value(), QStringLiteral("derivations"));
    QVERIFY2(!listed.filter(accepted + QStringLiteral(" accepted")).isEmpty(),
             qPrintable(listed.join(QLatin1Char('\n'))));
    QVERIFY2(listed.filter(rejected).isEmpty(), qPrintable(listed.join(QLatin1Char('\n'))));
    QCOMPARE(listed.size(), qsizetype(book.records().size() - 1)); // all but the rejected one
    for (const QString &line : listed)
        QVERIFY2(line.contains(QStringLiteral("imported by ana")), qPrintable(line));
}

// What the incoming operator must pick up: each open incident with its last decision and next
// step (a run's next pending step, else what the evidence still lacks), and the open launch's
// checks that do not hold and sign-offs missing.
void TestHandover::openWorkIsNamedWithItsNextStep() {
    test::StoreFixture f;
    const Signer olivia = test::makeSigner(QStringLiteral("olivia"));
    const Signer rob = test::makeSigner(QStringLiteral("rob"));
    QVERIFY_OK(f.enrol(olivia, {QStringLiteral("incident-owner"), QStringLiteral("operator")}));
    QVERIFY_OK(f.enrol(rob, {QStringLiteral("release-owner")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = f.now;
    IncidentActions acts(*f.store, olivia, config, library, [&clock] { return clock += 1000; });
    auto one = acts.open(OpenIncident{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}});
    QVERIFY_OK(one);
    const QString first = citedIdOf(one.value());
    QVERIFY_OK(acts.decide(first, QStringLiteral("hold forward publishes")));
    auto two = acts.open(OpenIncident{
        QStringLiteral("stale-pack"), QStringLiteral("my"), {}, {}, QStringLiteral("old pack"), {}, {}});
    QVERIFY_OK(two);
    const QString second = citedIdOf(two.value());
    auto rollback = acts.runs().startRollback(QStringLiteral("kl"), false, first);
    QVERIFY_OK(rollback);
    const QString run = citedIdOf(rollback.value());

    LaunchActions launch(*f.store, rob, config, Environment::Dev, library,
                         [&clock] { return clock += 1000; });
    auto started = launch.start(QStringLiteral("kl"), QStringLiteral("2026.12-rc1"));
    QVERIFY_OK(started);
    const QString launchRun = citedIdOf(started.value());
    QVERIFY_OK(launch.recordFailed(launchRun, QStringLiteral("probe-active"), QStringLiteral("HTTP 500")));
    auto status = launch.status();
    QVERIFY_OK(status);

    auto b =
        Handovers::build(*f.store, status.value(), {}, QStringLiteral("olivia"), QString(), clock + 1000);
    QVERIFY_OK(b);
    const QStringList incidents = texts(b.value(), QStringLiteral("incidents"));
    QCOMPARE(incidents.size(), 2);
    const QString withRun = incidents.filter(first).value(0);
    QVERIFY2(withRun.contains(QStringLiteral("last decision: hold forward publishes (olivia)")) &&
                 withRun.contains(QStringLiteral("next step identify-scope of %1").arg(run)) &&
                 withRun.contains(QStringLiteral("owner olivia")),
             qPrintable(withRun));
    const QString bare = incidents.filter(second).value(0);
    QVERIFY2(bare.contains(QStringLiteral("no decision yet")) &&
                 bare.contains(QStringLiteral("next: record the core evidence record")),
             qPrintable(bare));
    const QStringList pending = texts(b.value(), QStringLiteral("launch"));
    QVERIFY2(pending.contains(QStringLiteral("%1: check probe-active failed").arg(launchRun)),
             qPrintable(pending.join(QLatin1Char('\n'))));
    QVERIFY2(pending.contains(QStringLiteral("%1: check config-snapshot pending").arg(launchRun)),
             qPrintable(pending.join(QLatin1Char('\n'))));
    for (const char *role : {"Product", "Engineering", "QA"})
        QVERIFY2(
            pending.contains(QStringLiteral("%1: %2 sign-off missing").arg(launchRun, QLatin1String(role))),
            qPrintable(pending.join(QLatin1Char('\n'))));
    // Once the launch is decided, nothing of it is pending.
    QVERIFY_OK(launch.decide(launchRun, false, QStringLiteral("probe-active failed")));
    auto after = Handovers::build(*f.store, launch.status(launchRun).value(), {}, QStringLiteral("olivia"),
                                  QString(), clock + 1000);
    QVERIFY_OK(after);
    QVERIFY(texts(after.value(), QStringLiteral("launch")).isEmpty());
}

QTEST_MAIN(TestHandover)
#include "tst_handover.moc"
