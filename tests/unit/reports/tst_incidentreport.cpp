// The postmortem of an incident from a real store, section by section: the severity and its
// changes with their reasons, owner and duration, the core evidence record, the kill switch used,
// the runbook runs with their steps, the rollback against its objective (a missed deadline named),
// the alerts acknowledged and silenced in its scope while it was open (and no others), the
// follow-ups the evidence leaves open, and an appendix with a proof for every event it cites.
#include "StoreFixture.h"

#include "alerts/Silences.h"
#include "incidents/IncidentActions.h"
#include "reports/IncidentReport.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace ops;

#define QVERIFY_OK(result)                                                                                   \
    do {                                                                                                     \
        if (!(result).ok())                                                                                  \
            QFAIL(qPrintable((result).error().toString()));                                                  \
    } while (false)

class TestIncidentReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everySectionFromTheEvidence();
    void anEarlyReportAsksForWhatIsMissing();
};

namespace {

constexpr qint64 kStart = 1795410000000;
constexpr qint64 kMinute = 60 * 1000;

struct Rig {
    test::StoreFixture f;
    Signer olivia = test::makeSigner(QStringLiteral("olivia"));
    DeploymentConfig config = ConfigLoader::builtinDemo().value();
    RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = kStart;

    Rig() {
        QVERIFY2(f.enrol(olivia, {QStringLiteral("incident-owner"), QStringLiteral("operator")}).ok(),
                 "olivia");
    }
    IncidentActions as(const Signer &s) {
        return IncidentActions(*f.store, s, config, library, [this] { return clock; });
    }
    // An event written at the rig's clock (the actions' time), as another console records it.
    StoredEvent append(const QString &kind, const QString &scope, JsonValue payload) {
        auto out = f.store->append(f.alice, {NewEvent{kind, scope, std::move(payload), clock}});
        if (!out.ok())
            qFatal("%s", qPrintable(out.error().toString()));
        return out->last();
    }
    JsonValue acknowledged(const QString &alert, const QString &note) {
        JsonValue p = JsonValue::object();
        p["alert"] = alert;
        p["severity"] = QStringLiteral("SEV-1");
        p["note"] = note;
        return p;
    }
};

QString section(const QString &md, const QString &heading) {
    const qsizetype at = md.indexOf(QStringLiteral("\n## ") + heading + QLatin1Char('\n'));
    if (at < 0)
        return {};
    const qsizetype end = md.indexOf(QStringLiteral("\n## "), at + 4);
    return md.mid(at, end < 0 ? -1 : end - at);
}

StepInput step(const QString &id, const QString &note = {}) {
    StepInput in;
    in.step = id;
    in.note = note;
    return in;
}

} // namespace

void TestIncidentReport::everySectionFromTheEvidence() {
    Rig rig;
    // Before the incident: an acknowledgement in its scope that the report must not cite.
    const StoredEvent before =
        rig.append(QStringLiteral("alert.acknowledged"), QStringLiteral("kl"),
                   rig.acknowledged(QStringLiteral("stale-pack"), QStringLiteral("old")));
    rig.clock += kMinute;
    auto a = rig.as(rig.olivia);
    auto opened = a.open(OpenIncident{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}});
    QVERIFY_OK(opened);
    const QString inc = citedIdOf(opened.value());
    const qint64 openedAt = rig.clock;
    rig.clock += kMinute;
    QVERIFY_OK(
        a.changeSeverity(inc, QStringLiteral("SEV-2"), QStringLiteral("contained to kl by the switch")));
    QVERIFY_OK(a.assignOwner(inc, QStringLiteral("olivia")));
    QVERIFY_OK(a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                    QStringLiteral("malformed AI output spike"), {QStringLiteral("kl")},
                                    QStringLiteral("ok: kl/manifest"), inc));
    auto started = a.runs().startRollback(QStringLiteral("kl"), false, inc);
    QVERIFY_OK(started);
    const QString run = citedIdOf(started.value());
    const qint64 runStart = rig.clock;
    rig.clock = runStart + 2 * kMinute;
    QVERIFY_OK(a.runs().recordStep(run, step(QStringLiteral("identify-scope"), QStringLiteral("kl only"))));
    rig.clock = runStart + 10 * kMinute;
    StepInput rebind = step(QStringLiteral("rebind"));
    rebind.confirmed = true;
    const NewBlob response = makeBlob(QStringLiteral("publisher-response.json"), "{\"ok\":true}",
                                      QStringLiteral("application/json"))
                                 .value();
    QVERIFY_OK(a.runs().recordStep(run, rebind, {response}));
    // The integrity objective (30 min) passes unmet.
    rig.clock = runStart + 31 * kMinute;
    auto missed = a.runs().recordMissedDeadlines(run);
    QVERIFY_OK(missed);
    QCOMPARE(missed->size(), 1);
    // In its scope while it is open: an acknowledgement and a silence; in another scope: neither.
    const StoredEvent ack = rig.append(
        QStringLiteral("alert.acknowledged"), QStringLiteral("kl"),
        rig.acknowledged(QStringLiteral("resolver-health"), QStringLiteral("looking at the resolver")));
    const StoredEvent silence =
        rig.append(QStringLiteral("silence.added"), QStringLiteral("kl"),
                   Silences::addedPayload(QStringLiteral("stale-pack"), rig.clock, rig.clock + 3600 * 1000,
                                          QStringLiteral("vendor refresh")));
    const StoredEvent elsewhere =
        rig.append(QStringLiteral("alert.acknowledged"), QStringLiteral("my"),
                   rig.acknowledged(QStringLiteral("resolver-health"), QStringLiteral("not this incident")));
    QVERIFY_OK(
        a.decide(inc, QStringLiteral("see [runbook](http://x) <img src=x onerror=alert(1)> *now* | cut")));
    QVERIFY_OK(a.decide(inc, QStringLiteral("hold forward publishes until the regression test lands")));
    QMap<QString, QString> record{
        {QStringLiteral("scope"), QStringLiteral("kl")},
        {QStringLiteral("trigger"), QStringLiteral("resolver-health alert")},
        {QStringLiteral("failure_mode"), QStringLiteral("pack checksum mismatch")},
        {QStringLiteral("containment_action"), QStringLiteral("kill switch ai")},
        {QStringLiteral("rollback_action"), QStringLiteral("rebind")},
        {QStringLiteral("verification_result"), QStringLiteral("pending")},
        {QStringLiteral("owner"), QStringLiteral("olivia")},
        {QStringLiteral("follow_up"), QStringLiteral("find the publisher regression")}};
    QVERIFY_OK(a.addEvidence(inc, record));

    const qint64 now = rig.clock + 5 * kMinute;
    auto built = IncidentReports::build(*rig.f.store, inc, now);
    QVERIFY_OK(built);
    const IncidentReport &r = built.value();
    const QString md = r.markdown();
    QVERIFY(r.draft);
    QVERIFY(md.contains(QLatin1String("DRAFT")));

    // Summary: severity now with the reason given, owner, and the open incident's duration so far.
    const QString summary = section(md, QStringLiteral("Summary"));
    QVERIFY2(summary.contains(QLatin1String("| Severity | SEV-2 (contained to kl by the switch) |")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("| Owner | olivia |")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("| Closed | open |")), qPrintable(summary));
    QCOMPARE(now - openedAt, 37 * kMinute);
    QVERIFY2(summary.contains(QLatin1String("| Duration | 37 min 0 s so far |")), qPrintable(summary));
    // …and every severity it had, in order, each with who and the event.
    const QString changes = summary.mid(summary.indexOf(QLatin1String("### Severity and its changes")));
    const qsizetype first = changes.indexOf(QLatin1String("opened SEV-1 bad-publish incident on kl"));
    const qsizetype then = changes.indexOf(
        QStringLiteral("severity SEV-1 → SEV-2: contained to kl by the switch (olivia, event"));
    QVERIFY2(first > 0 && then > first, qPrintable(changes));

    const QString evidence = section(md, QStringLiteral("Core evidence record"));
    QVERIFY2(evidence.contains(QLatin1String("| failure_mode | pack checksum mismatch |")),
             qPrintable(evidence));
    QVERIFY2(evidence.contains(QLatin1String("| containment_action | kill switch ai |")),
             qPrintable(evidence));

    const QString switches = section(md, QStringLiteral("Kill switches"));
    QVERIFY2(
        switches.contains(QLatin1String("- ai in kl: ACTIVE since")) &&
            switches.contains(QStringLiteral("malformed AI output spike (activated 1×, deactivated 0×)")),
        qPrintable(switches));

    const QString runs = section(md, QStringLiteral("Runbook runs"));
    QVERIFY2(runs.contains(QStringLiteral("### ") + run), qPrintable(runs));
    QVERIFY2(runs.contains(QLatin1String("| identify-scope | done | olivia |")) &&
                 runs.contains(QLatin1String("| kl only |")) && runs.contains(QLatin1String("not finished")),
             qPrintable(runs));

    const QString rollback = section(md, QStringLiteral("Rollback against the objective"));
    QVERIFY2(rollback.contains(QLatin1String("Rollback not finished: objective not yet judged.")),
             qPrintable(rollback));
    QCOMPARE(r.rollbacks.size(), 1);
    QCOMPARE(r.rollbacks.first().clocks.size(), 2);
    for (const ReportClock &c : r.rollbacks.first().clocks) {
        QCOMPARE(c.minutes, c.name == QLatin1String("restore") ? 15 : 30);
        QCOMPARE(c.state, c.name == QLatin1String("restore") ? ClockState::Met : ClockState::Missed);
    }
    QVERIFY2(r.clockChartSvg(r.rollbacks.first()).startsWith(QLatin1String("<svg")), "chart");

    const QString alerts = section(md, QStringLiteral("Alerts acknowledged and silenced"));
    QVERIFY2(alerts.contains(QLatin1String("acknowledged resolver-health (SEV-1): looking at the resolver")),
             qPrintable(alerts));
    QVERIFY2(alerts.contains(QLatin1String("silenced stale-pack until")) &&
                 alerts.contains(QLatin1String("vendor refresh")),
             qPrintable(alerts));
    QVERIFY2(!alerts.contains(QLatin1String("not this incident")) && !alerts.contains(QLatin1String(": old")),
             qPrintable(alerts));

    const QString follow = section(md, QStringLiteral("Follow-ups"));
    for (const QString &todo :
         {QStringLiteral("- [ ] find the publisher regression"),
          QStringLiteral("Close the incident once its closure condition holds"),
          QStringLiteral("Finish %1 (Rollback checklist): next step confirm-manifest.").arg(run),
          QStringLiteral("Explain why the Integrity objective of %1 (30 min) was missed").arg(run),
          QStringLiteral("Kill switch ai is still active in kl: validate and deactivate it.")})
        QVERIFY2(follow.contains(todo), qPrintable(todo + QStringLiteral("\n") + follow));
    // What the evidence already holds is not asked for again.
    QVERIFY2(!follow.contains(QLatin1String("Assign an incident owner")) &&
                 !follow.contains(QLatin1String("Record the core evidence record")) &&
                 !follow.contains(QLatin1String("restore objective")),
             qPrintable(follow));

    // The appendix: a proof for every cited event (acknowledgement and silence included), each
    // against the report's checkpoint; events outside the incident are not cited.
    const QList<quint64> cited = r.citedEvents();
    QVERIFY(cited.contains(ack.seq) && cited.contains(silence.seq));
    QVERIFY(!cited.contains(before.seq) && !cited.contains(elsewhere.seq));
    QVERIFY(r.unproven.isEmpty());
    QCOMPARE(quint64(r.proofs.size()), quint64(cited.size()));
    for (quint64 seq : cited) {
        const QString proof = r.proofs.value(seq);
        QVERIFY2(proof.startsWith(QLatin1String("c2sp.org/tlog-proof@v1\n")), qPrintable(proof));
        QVERIFY2(md.contains(proof.trimmed()), qPrintable(QString::number(seq)));
    }
    QCOMPARE(r.checkpoint.size, rig.f.store->size().value());

    // Any Markdown viewer shows it as written. Rendered by md4c (GitHub's dialect, as Qt reads
    // it): every section is a heading, the timeline a table with one row per event, the proofs
    // verbatim, and what a person typed neither a link nor HTML.
    QTextDocument doc;
    doc.setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
    QStringList headings;
    int timelineAt = -1;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 2) {
            headings << b.text();
            if (b.text() == QLatin1String("Timeline"))
                timelineAt = b.position();
        }
        for (auto it = b.begin(); !it.atEnd(); ++it)
            QVERIFY2(!it.fragment().charFormat().isAnchor(), qPrintable(it.fragment().text()));
    }
    QCOMPARE(
        headings,
        (QStringList{QStringLiteral("Summary"), QStringLiteral("Timeline"), QStringLiteral("Decision log"),
                     QStringLiteral("Core evidence record"), QStringLiteral("Kill switches"),
                     QStringLiteral("Runbook runs"), QStringLiteral("Rollback against the objective"),
                     QStringLiteral("Alerts acknowledged and silenced"), QStringLiteral("Follow-ups"),
                     QStringLiteral("Appendix: checking this report offline")}));
    QTextTable *timeline = nullptr;
    for (QTextFrame *frame : doc.rootFrame()->childFrames())
        if (auto *t = qobject_cast<QTextTable *>(frame); t && !timeline && t->firstPosition() > timelineAt)
            timeline = t;
    QVERIFY(timeline);
    QCOMPARE(timeline->columns(), 4);
    QCOMPARE(timeline->rows(), int(r.incident.timeline.size()) + 1);
    for (int row = 1; row < timeline->rows(); ++row)
        QCOMPARE(timeline->cellAt(row, 0).firstCursorPosition().block().text(),
                 QString::number(r.incident.timeline.at(row - 1).seq));
    const QString shown = doc.toPlainText();
    QVERIFY2(
        shown.contains(QLatin1String("see [runbook](http://x) <img src=x onerror=alert(1)> *now* | cut")),
        qPrintable(section(md, QStringLiteral("Decision log"))));
    QVERIFY(shown.contains(QString::fromStdString(r.checkpoint.noteText()).trimmed()));
    for (quint64 seq : cited)
        QVERIFY(shown.contains(r.proofs.value(seq).trimmed()));
}

void TestIncidentReport::anEarlyReportAsksForWhatIsMissing() {
    Rig rig;
    auto a = rig.as(rig.f.alice); // an operator: no owner until one is assigned
    auto opened = a.open(OpenIncident{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}});
    QVERIFY_OK(opened);
    const QString inc = citedIdOf(opened.value());
    // No owner and no record yet: the report asks for both, and says no decision was recorded.
    auto early = IncidentReports::build(*rig.f.store, inc, rig.clock + kMinute);
    QVERIFY_OK(early);
    const QString md = early->markdown();
    QVERIFY(section(md, QStringLiteral("Follow-ups")).contains(QLatin1String("Assign an incident owner.")));
    QVERIFY(
        section(md, QStringLiteral("Follow-ups")).contains(QLatin1String("Record the core evidence record")));
    QVERIFY(section(md, QStringLiteral("Decision log")).contains(QLatin1String("No decision was recorded.")));
    QVERIFY(section(md, QStringLiteral("Kill switches")).contains(QLatin1String("No kill switch was used")));
    QVERIFY(section(md, QStringLiteral("Runbook runs")).contains(QLatin1String("No runbook was run.")));

    QCOMPARE(IncidentReports::build(*rig.f.store, QStringLiteral("INC-NONE"), rig.clock).error().code,
             ErrorCode::InvalidInput);
}

QTEST_MAIN(TestIncidentReport)
#include "tst_incidentreport.moc"
