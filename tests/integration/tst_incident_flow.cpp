// A full bad-publish incident through the CLI against the demo pipeline with a faulted scope:
// alert → incident → kill switch → rollback drill with a real rebind → readback ok → closure;
// the store verifies afterwards and the publisher token never reaches it.
#include "CliHarness.h"

#include "core/CanonicalJson.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace ops;

class TestIncidentFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badPublishFromAlertToClosure();
    void refusalsHaveTheirExitCodes();

private:
    test::DemoPipelineProcess m_pipeline;
};

namespace {

// The text of each page of a PDF, as pdftotext reads it.
QStringList pdfPages(const QString &pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    while (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

struct Cli : test::Cli {
    explicit Cli(const QByteArray &yaml)
        : test::Cli(yaml, QStringLiteral("publisher-token-7f3a9c")) {}
};

JsonValue parse(const QByteArray &out) {
    return test::parseJson(out);
}

const JsonValue *cell(const JsonValue &cells, const QString &alert, const QString &scope) {
    for (const JsonValue &c : cells.toArray())
        if (c.stringAt("alert") == alert && c.stringAt("scope") == scope)
            return &c;
    return nullptr;
}

} // namespace

void TestIncidentFlow::initTestCase() {
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
}

void TestIncidentFlow::badPublishFromAlertToClosure() {
    Cli cli(m_pipeline.demoConfigYaml());
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("olga"),
                  QStringLiteral("--roles"), QStringLiteral("operator,incident-owner")})
                 .exitCode,
             0);
    // A bad publish on kl: the pack no longer matches its manifest.
    QCOMPARE(m_pipeline.fault(QStringLiteral("kl"), QStringLiteral("checksum-mismatch")), 200);
    for (int i = 0; i < 2; ++i) // fail_after 2
        QCOMPARE(cli({QStringLiteral("probe"), QStringLiteral("--record")}).exitCode, 1);
    auto alerts = cli({QStringLiteral("alerts"), QStringLiteral("--json")});
    const JsonValue cells = parse(alerts.out);
    const JsonValue *resolver = cell(cells, QStringLiteral("resolver-health"), QStringLiteral("kl"));
    QVERIFY2(resolver, alerts.out.constData());
    QCOMPARE(resolver->stringAt("state"), QStringLiteral("firing"));

    // The incident, from the alert.
    auto opened =
        RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                    QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("kl"),
                    QStringLiteral("--alert"), QStringLiteral("resolver-health"), QStringLiteral("--json")}));
    QCOMPARE(opened.exitCode, 0);
    const QString inc = parse(opened.out).stringAt("id");
    QVERIFY2(inc.startsWith(QStringLiteral("INC-")), opened.out.constData());

    // A record missing a field is refused, naming it, and writes nothing.
    const QStringList partial{QStringLiteral("incident"),
                              QStringLiteral("evidence"),
                              inc,
                              QStringLiteral("--scope=kl"),
                              QStringLiteral("--trigger=resolver-health alert"),
                              QStringLiteral("--containment_action=bad-pack kill switch"),
                              QStringLiteral("--rollback_action=rebind to last known good"),
                              QStringLiteral("--verification_result=pending"),
                              QStringLiteral("--owner=olga"),
                              QStringLiteral("--follow_up=publisher regression test")};
    const auto before =
        parse(cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json")}).out);
    auto refused = cli(partial);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains("failure_mode"), refused.err.constData());
    const auto after =
        parse(cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json")}).out);
    QCOMPARE(after.find("events")->toInt(), before.find("events")->toInt());

    // Containment: the bad-pack kill switch, validated on kl and pg — which fires the kill-switch alert.
    auto ks =
        RUN_OK(cli({QStringLiteral("killswitch"), QStringLiteral("activate"), QStringLiteral("bad-pack"),
                    QStringLiteral("--scope"), QStringLiteral("kl"), QStringLiteral("--reason"),
                    QStringLiteral("wrong active pack"), QStringLiteral("--validation-localities"),
                    QStringLiteral("kl,pg"), QStringLiteral("--incident"), inc, QStringLiteral("--json")}));
    QCOMPARE(ks.exitCode, 0);
    const QString validation = parse(ks.out).stringAt("validation_result");
    QVERIFY2(validation.contains(QStringLiteral("failed: kl/pack")), qPrintable(validation));
    QVERIFY2(validation.contains(QStringLiteral("pg/pack")), qPrintable(validation));
    for (int i = 0; i < 2; ++i)
        cli({QStringLiteral("probe"), QStringLiteral("--record")});
    const JsonValue afterSwitch = parse(cli({QStringLiteral("alerts"), QStringLiteral("--json")}).out);
    const JsonValue *ksCell =
        cell(afterSwitch, QStringLiteral("kill-switch-activation"), QStringLiteral("kl"));
    QVERIFY(ksCell);
    QCOMPARE(ksCell->stringAt("state"), QStringLiteral("firing"));

    // The rollback drill against its clocks.
    auto started = RUN_OK(cli({QStringLiteral("rollback"), QStringLiteral("start"), QStringLiteral("--scope"),
                               QStringLiteral("kl"), QStringLiteral("--drill"), QStringLiteral("--incident"),
                               inc, QStringLiteral("--json")}));
    QCOMPARE(started.exitCode, 0);
    const QString run = parse(started.out).stringAt("id");
    QVERIFY2(run.startsWith(QStringLiteral("RUN-")), started.out.constData());
    auto status =
        parse(cli({QStringLiteral("rollback"), QStringLiteral("status"), run, QStringLiteral("--json")}).out);
    QCOMPARE(status.find("clocks")->find("restore")->stringAt("state"), QStringLiteral("running"));
    QVERIFY(status.find("clocks")->find("restore")->find("remaining_s")->toInt() > 14 * 60);

    // Shift change mid-incident: olga signs the brief for ivan, who acknowledges it.
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("ivan"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("approve"), QStringLiteral("ivan")}).exitCode,
             0);
    auto brief = RUN_OK(cli({QStringLiteral("handover"), QStringLiteral("--to"), QStringLiteral("ivan")}));
    QCOMPARE(brief.exitCode, 0);
    for (const QByteArray &needle :
         {QByteArray("## Open incidents"), inc.toUtf8(), QByteArray("## Rollback clocks running"),
          run.toUtf8(), QByteArray("restore clock running"), QByteArray("## Kill switches active"),
          QByteArray("bad-pack in kl"), QByteArray("resolver-health in kl"),
          QByteArray("No earlier handover")})
        QVERIFY2(brief.out.contains(needle), needle.constData());
    // Only the addressee acknowledges, once; the giver cannot.
    QCOMPARE(cli({QStringLiteral("handover"), QStringLiteral("ack")}).exitCode, 4);
    auto acked = RUN_OK(cli({QStringLiteral("handover"), QStringLiteral("ack"), QStringLiteral("--json")},
                            QStringLiteral("ivan")));
    QCOMPARE(acked.exitCode, 0);
    QCOMPARE(parse(acked.out).stringAt("kind"), QStringLiteral("handover.acknowledged"));
    QCOMPARE(cli({QStringLiteral("handover"), QStringLiteral("ack")}, QStringLiteral("ivan")).exitCode, 3);
    // The shift's turns are listed in the next brief, each with who and when.
    QCOMPARE(RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("decide"), inc,
                         QStringLiteral("hold forward publishes until the drill ends")}))
                 .exitCode,
             0);
    auto nextBrief = RUN_OK(cli({QStringLiteral("handover")}, QStringLiteral("ivan")));
    QCOMPARE(nextBrief.exitCode, 0);
    for (const QByteArray &needle :
         {QByteArray("## Changed since the last handover"),
          QString(QStringLiteral("incident %1 decision: hold forward publishes until the drill ends by olga"))
              .arg(inc)
              .toUtf8()})
        QVERIFY2(nextBrief.out.contains(needle), QByteArray(needle + "\n---\n" + nextBrief.out).constData());
    // The next brief says what changed since.
    const QString pdfBrief = cli.home.file(QStringLiteral("handover.pdf"));
    QCOMPARE(RUN_OK(cli({QStringLiteral("handover"), QStringLiteral("--format"), QStringLiteral("pdf"),
                         QStringLiteral("--out"), pdfBrief},
                        QStringLiteral("ivan")))
                 .exitCode,
             0);
    const QString briefText = pdfPages(pdfBrief).join(QLatin1Char('\n'));
    QVERIFY2(briefText.contains(QLatin1String("Changed since the last handover")) &&
                 briefText.contains(QLatin1String("handover")),
             qPrintable(briefText.left(1500)));

    QCOMPARE(
        RUN_OK(cli({QStringLiteral("runbook"), QStringLiteral("step"), run, QStringLiteral("identify-scope"),
                    QStringLiteral("--evidence"), QStringLiteral("kl only; my and baseline unaffected")}))
            .exitCode,
        0);
    // confirm-manifest probes the manifest itself.
    auto confirm = RUN_OK(cli({QStringLiteral("runbook"), QStringLiteral("step"), run,
                               QStringLiteral("confirm-manifest"), QStringLiteral("--json")}));
    QCOMPARE(confirm.exitCode, 0);
    QVERIFY2(confirm.err.contains("kl/manifest: ok"), confirm.err.constData());
    // The rebind asks for confirmation first.
    auto unconfirmed = cli({QStringLiteral("rollback"), QStringLiteral("rebind"), run});
    QCOMPARE(unconfirmed.exitCode, 2);
    QVERIFY(unconfirmed.err.contains("--confirm"));
    auto rebind = RUN_OK(cli({QStringLiteral("rollback"), QStringLiteral("rebind"), run,
                              QStringLiteral("--confirm"), QStringLiteral("--json")}));
    QCOMPARE(rebind.exitCode, 0);
    const JsonValue afterRebind = parse(rebind.out);
    QVERIFY(afterRebind.find("publisher")->find("ok")->toBool());
    QVERIFY(afterRebind.find("publisher")->stringAt("audit_id").startsWith(QStringLiteral("rebind-")));
    QCOMPARE(afterRebind.find("clocks")->find("restore")->stringAt("state"), QStringLiteral("met"));
    QCOMPARE(afterRebind.find("clocks")->find("integrity")->stringAt("state"),
             QStringLiteral("met")); // readback aligned
    QVERIFY2(rebind.err.contains("readback: ok: kl/manifest, kl/pack"), rebind.err.constData());

    QCOMPARE(RUN_OK(cli({QStringLiteral("runbook"), QStringLiteral("step"), run,
                         QStringLiteral("probe-resolver")}))
                 .exitCode,
             0);
    auto last = RUN_OK(cli({QStringLiteral("runbook"), QStringLiteral("step"), run,
                            QStringLiteral("timestamps"), QStringLiteral("--evidence"),
                            QStringLiteral("restored and integrity confirmed well within 15/30")}));
    QCOMPARE(last.exitCode, 0);
    QVERIFY2(last.out.contains("rollback.finished"), last.out.constData());
    auto finalStatus =
        cli({QStringLiteral("rollback"), QStringLiteral("status"), run, QStringLiteral("--json")});
    QCOMPARE(finalStatus.exitCode, 0);
    QVERIFY(parse(finalStatus.out).find("objective_met")->toBool());

    // Lift the switch, complete the record, close.
    QCOMPARE(RUN_OK(cli({QStringLiteral("killswitch"), QStringLiteral("deactivate"),
                         QStringLiteral("bad-pack"), QStringLiteral("--scope"), QStringLiteral("kl"),
                         QStringLiteral("--reason"), QStringLiteral("last known good active and verified"),
                         QStringLiteral("--incident"), inc}))
                 .exitCode,
             0);
    QStringList full = partial;
    full.replace(full.indexOf(QStringLiteral("--verification_result=pending")),
                 QStringLiteral("--verification_result=manifest, pack, resolver and rules ok after rebind"));
    full << QStringLiteral("--failure-mode=pack checksum mismatch after publish");
    QCOMPARE(RUN_OK(cli(full)).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("decide"), inc,
                  QStringLiteral("hold forward publishes until the regression test lands")})
                 .exitCode,
             0);
    // The postmortem of the open incident: DRAFT on every page.
    const QString draftPdf = cli.home.file(QStringLiteral("draft.pdf"));
    QCOMPARE(
        RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--format"),
                    QStringLiteral("pdf"), QStringLiteral("--out"), draftPdf}))
            .exitCode,
        0);
    const QStringList draftPages = pdfPages(draftPdf);
    QVERIFY(draftPages.size() >= 2);
    for (const QString &page : draftPages)
        QVERIFY2(page.contains(QLatin1String("DRAFT")), qPrintable(page.left(200)));
    QCOMPARE(
        RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("close"), inc, QStringLiteral("--closure"),
                    QStringLiteral("active user-facing truth restored to safe state within objective")}))
            .exitCode,
        0);
    auto shown =
        parse(cli({QStringLiteral("incident"), QStringLiteral("show"), inc, QStringLiteral("--json")}).out);
    QCOMPARE(shown.stringAt("state"), QStringLiteral("closed"));
    QCOMPARE(shown.stringAt("severity"), QStringLiteral("SEV-1"));
    QStringList kinds;
    for (const JsonValue &t : shown.find("timeline")->toArray())
        kinds << t.stringAt("kind");
    for (const char *k :
         {"incident.opened", "killswitch.activated", "rollback.started", "runbook.step", "rollback.finished",
          "killswitch.deactivated", "incident.evidence", "incident.decision", "incident.closed"})
        QVERIFY2(kinds.contains(QString::fromLatin1(k)), k);
    QCOMPARE(kinds.first(), QStringLiteral("incident.opened"));
    QCOMPARE(kinds.last(), QStringLiteral("incident.closed"));

    // The closed incident's postmortem: every timeline event's sequence number and the
    // objective's verdict in the PDF's text, no DRAFT; Markdown and HTML carry the same; German too.
    const QString pdf = cli.home.file(QStringLiteral("postmortem.pdf"));
    auto made =
        RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--format"),
                    QStringLiteral("pdf"), QStringLiteral("--out"), pdf, QStringLiteral("--json")}));
    QCOMPARE(made.exitCode, 0);
    QCOMPARE(parse(made.out).stringAt("kind"), QStringLiteral("report.generated"));
    const QStringList pages = pdfPages(pdf);
    const QString text = pages.join(QLatin1Char('\n'));
    QVERIFY(!text.contains(QLatin1String("DRAFT")));
    QVERIFY2(text.contains(QLatin1String("Objective MET")) ||
                 text.contains(QLatin1String("Objective MISSED")),
             qPrintable(text.left(2000)));
    // The rollback's clock chart is rendered into the PDF as an image (pdfimages lists it).
    {
        QProcess images;
        images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QVERIFY(images.waitForFinished(60000) && images.exitCode() == 0);
        const QList<QByteArray> rows = images.readAllStandardOutput().trimmed().split('\n');
        QVERIFY2(rows.size() >= 3, rows.join('\n').constData()); // two header lines, then an image a line
    }
    // Each event a row of the timeline table: its number, then its time, at the start of a line
    // of the Timeline section (not just the number somewhere in the text).
    const qsizetype timelineAt = text.indexOf(QLatin1String("Timeline"));
    const qsizetype decisionsAt = text.indexOf(QLatin1String("Decision log"), timelineAt);
    QVERIFY2(timelineAt >= 0 && decisionsAt > timelineAt, qPrintable(text.left(2000)));
    const QString timeline = text.mid(timelineAt, decisionsAt - timelineAt);
    for (const JsonValue &t : shown.find("timeline")->toArray()) {
        const QRegularExpression row(
            QStringLiteral("^\\s*%1\\s+\\d{4}-\\d\\d-\\d\\dT").arg(t.find("seq")->toInt()),
            QRegularExpression::MultilineOption);
        QVERIFY2(row.match(timeline).hasMatch(),
                 qPrintable(QString::number(t.find("seq")->toInt()) + QStringLiteral("\n") + timeline));
    }
    auto md = RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--out"),
                          QStringLiteral("-")}));
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.startsWith(QByteArray(QByteArray("# Postmortem: ") + inc.toUtf8())));
    QVERIFY(md.out.contains("## Timeline") && md.out.contains("## Appendix"));
    QVERIFY(md.out.contains("```tlog-proof\nc2sp.org/tlog-proof@v1\n"));
    QVERIFY(md.out.contains("Restore    |"));
    auto html =
        RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--format"),
                    QStringLiteral("html"), QStringLiteral("--out"), QStringLiteral("-")}));
    QVERIFY(html.out.startsWith("<!DOCTYPE html>") && html.out.contains("<svg"));
    const QString dePdf = cli.home.file(QStringLiteral("postmortem-de.pdf"));
    QCOMPARE(RUN_OK(cli({QStringLiteral("incident"), QStringLiteral("report"), inc,
                         QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--lang"),
                         QStringLiteral("de"), QStringLiteral("--out"), dePdf}))
                 .exitCode,
             0);
    const QString german = pdfPages(dePdf).join(QLatin1Char('\n'));
    QVERIFY2(german.contains(QLatin1String("Zeitleiste")) &&
                 german.contains(QLatin1String("Entscheidungsprotokoll")),
             qPrintable(german.left(500)));
    QVERIFY(german.contains(QLatin1String("Ziel EINGEHALTEN")) ||
            german.contains(QLatin1String("Ziel VERFEHLT")));
    // A report that cannot be written is not recorded, and a brief that cannot be written is not
    // signed: nothing is left that claims a file no one has.
    {
        // The directory the file should go in is a file: no one, root included, writes there.
        const QString notADirectory = cli.home.write(QStringLiteral("not-a-directory"), "x");
        const qint64 eventsBefore = parse(cli("evidence verify --json").out).find("events")->toInt();
        auto refusedReport = cli({QStringLiteral("incident"), QStringLiteral("report"), inc,
                                  QStringLiteral("--out"), notADirectory + QStringLiteral("/postmortem.md")});
        QVERIFY2(refusedReport.exitCode != 0, refusedReport.err.constData());
        auto refusedBrief = cli({QStringLiteral("handover"), QStringLiteral("--out"),
                                 notADirectory + QStringLiteral("/handover.md")});
        QVERIFY2(refusedBrief.exitCode != 0, refusedBrief.err.constData());
        // A directory where the file should be: the rename would fail, so nothing is recorded.
        auto intoDirectory = cli({QStringLiteral("incident"), QStringLiteral("report"), inc,
                                  QStringLiteral("--out"), cli.home.path()});
        QVERIFY2(intoDirectory.exitCode != 0, intoDirectory.err.constData());
        QCOMPARE(parse(cli("evidence verify --json").out).find("events")->toInt(), eventsBefore);
    }
    // Each report is evidence.
    QCOMPARE(parse(cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--kind"),
                        QStringLiteral("report.generated"), QStringLiteral("--json")})
                       .out)
                 .toArray()
                 .size(),
             std::size_t(5));

    auto verify = cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures"),
                       QStringLiteral("--json")});
    QCOMPARE(verify.exitCode, 0);
    QVERIFY(parse(verify.out).find("intact")->toBool());
    // The publisher token never reaches the store or the output.
    const QString storePath = cli.home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QVERIFY(QFile::exists(storePath));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral(".checkpoint")}) {
        QFile f(storePath + suffix);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY2(!f.readAll().contains("publisher-token-7f3a9c"), qPrintable(suffix));
    }
    QVERIFY(!rebind.out.contains("publisher-token-7f3a9c") && !rebind.err.contains("publisher-token-7f3a9c"));
}

void TestIncidentFlow::refusalsHaveTheirExitCodes() {
    Cli cli(m_pipeline.demoConfigYaml());
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("rex"),
                  QStringLiteral("--roles"), QStringLiteral("reviewer")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("oli"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("approve"), QStringLiteral("oli")}).exitCode, 0);
    // role: a reviewer opens no incident
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                  QStringLiteral("stale-pack"), QStringLiteral("--scope"), QStringLiteral("kl")})
                 .exitCode,
             4);
    // unknown alert
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                  QStringLiteral("stale-pack"), QStringLiteral("--scope"), QStringLiteral("kl"),
                  QStringLiteral("--alert"), QStringLiteral("meteor-shower")},
                 QStringLiteral("oli"))
                 .exitCode,
             3);
    // bad class
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                  QStringLiteral("meteor"), QStringLiteral("--scope"), QStringLiteral("kl")},
                 QStringLiteral("oli"))
                 .exitCode,
             3);
    auto opened = cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                       QStringLiteral("stale-pack"), QStringLiteral("--scope"), QStringLiteral("kl"),
                       QStringLiteral("--json")},
                      QStringLiteral("oli"));
    QCOMPARE(opened.exitCode, 0);
    const QString inc = parse(opened.out).stringAt("id");
    // the decision log is the incident owner's
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("decide"), inc, QStringLiteral("x")},
                 QStringLiteral("oli"))
                 .exitCode,
             4);
    // a run step that cannot be skipped
    auto run =
        parse(cli({QStringLiteral("runbook"), QStringLiteral("start"), QStringLiteral("stale-pack-breach"),
                   QStringLiteral("--incident"), inc, QStringLiteral("--json")},
                  QStringLiteral("oli"))
                  .out)
            .stringAt("id");
    QVERIFY(run.startsWith(QStringLiteral("RUN-")));
    QCOMPARE(cli({QStringLiteral("runbook"), QStringLiteral("step"), run, QStringLiteral("confirm-breach"),
                  QStringLiteral("--status"), QStringLiteral("skipped"), QStringLiteral("--reason"),
                  QStringLiteral("busy")},
                 QStringLiteral("oli"))
                 .exitCode,
             4);
    // a kill switch twice
    const QStringList activate{QStringLiteral("killswitch"),
                               QStringLiteral("activate"),
                               QStringLiteral("ai"),
                               QStringLiteral("--scope"),
                               QStringLiteral("pg"),
                               QStringLiteral("--reason"),
                               QStringLiteral("malformed AI output spike")};
    QCOMPARE(cli(activate, QStringLiteral("oli")).exitCode, 0);
    QCOMPARE(cli(activate, QStringLiteral("oli")).exitCode, 4);
    auto list =
        parse(cli({QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--json")}).out);
    QCOMPARE(list.toArray().size(), std::size_t(1));
    QVERIFY(list.toArray().front().find("active")->toBool());
}

QTEST_GUILESS_MAIN(TestIncidentFlow)
#include "tst_incident_flow.moc"
