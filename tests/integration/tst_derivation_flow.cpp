// The reviewer's desk through the CLI: validate writes nothing, a bad import is refused with every
// finding and leaves no event, role separation exits 4 and leaves a denied event, review → risk
// note → sign, the signature verified by openssl, the handoff package exported and verified
// offline (and a damaged copy refused), then a re-derivation cascades; the store still verifies.
#include "CliHarness.h"
#include "DsseRecipe.h"

#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace ops;

class TestDerivationFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reviewerDeskEndToEnd();
};

namespace {

QString data(const char *name) {
    return QStringLiteral(OPSCONSOLE_TEST_DATA "/derivations/") + QLatin1String(name);
}

QByteArray demoConfig() {
    QFile f(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("demo config missing");
    return f.readAll();
}

qint64 eventCount(test::Cli &cli) {
    const auto r = cli("evidence verify --json");
    return test::parseJson(r.out).find("events") ? test::parseJson(r.out).find("events")->toInt(-1) : -1;
}

} // namespace

void TestDerivationFlow::reviewerDeskEndToEnd() {
    test::Cli cli(demoConfig(), QStringLiteral("unused-publisher-token"));
    QCOMPARE(RUN_OK(cli("init --identity ana --roles analyst")).exitCode, 0);
    QCOMPARE(cli("identity create rui --roles reviewer").exitCode, 0);
    QCOMPARE(cli("identity create rita --roles risk-owner").exitCode, 0);
    QCOMPARE(cli("identity create lou --roles locker").exitCode, 0);
    for (const char *approve : {"identity approve rui", "identity approve rita", "identity approve lou"})
        QCOMPARE(RUN_OK(cli(approve)).exitCode, 0); // by ana, the genesis admin
    // The analyst, the locker and the launcher are different identities.
    auto both = cli("identity create al --roles analyst,locker");
    QCOMPARE(both.exitCode, 4);
    QVERIFY(both.err.contains("different identities"));

    const QString good = data("p90-cost.yaml");
    const QString bad = cli.home.write(QStringLiteral("bad.yaml"), [&] {
        QFile f(good);
        (void)f.open(QIODevice::ReadOnly);
        return f.readAll()
            .replace("cost_tier: B", "cost_tier: C")
            .replace("git_sha: 3e5f0c1d2b4a69788796a5b4c3d2e1f0a9b8c7d6", "git_sha: TBD");
    }());
    const QString broken = cli.home.write(QStringLiteral("broken.yaml"), "derivation_id: x\nstory: [oops\n");

    // validate: nothing written, every finding with file:line and field.
    const qint64 start = eventCount(cli);
    QVERIFY(start > 0);
    auto v = cli(QStringList{QStringLiteral("derivation"), QStringLiteral("validate"), good, bad, broken,
                             QStringLiteral("--json")});
    QCOMPARE(v.exitCode, 3);
    const JsonValue report = test::parseJson(v.out);
    QCOMPARE(report.toArray().size(), std::size_t(3));
    QVERIFY(report.toArray().at(0).find("ok")->toBool());
    const JsonValue badReport = report.toArray().at(1);
    QVERIFY(!badReport.find("ok")->toBool(true));
    QStringList fields;
    for (const JsonValue &e : badReport.find("errors")->toArray())
        fields << e.stringAt("field");
    // The same id twice in one batch, Tier C lockable, and a placeholder where the commit goes.
    QCOMPARE(fields, (QStringList{QStringLiteral("derivation_id"), QStringLiteral("lockability"),
                                  QStringLiteral("git_sha"), QStringLiteral("git_sha")}));
    QCOMPARE(badReport.find("errors")->toArray().at(1).find("line")->toInt(), 6);
    QVERIFY(report.toArray().at(2).find("errors")->toArray().at(0).stringAt("message").contains(
        QLatin1String("YAML syntax error")));
    auto text = cli(QStringList{QStringLiteral("derivation"), QStringLiteral("validate"), bad});
    QCOMPARE(text.exitCode, 3);
    QVERIFY2(text.out.contains(
                 QByteArray(bad.toUtf8() + ":6: lockability: Tier-C cost evidence is never lockable")),
             text.out.constData());
    QCOMPARE(eventCount(cli), start);

    // A rejected import writes no event.
    auto rejected = cli(QStringList{QStringLiteral("derivation"), QStringLiteral("import"), good, bad},
                        QStringLiteral("ana"));
    QCOMPARE(rejected.exitCode, 3);
    QVERIFY(rejected.err.contains("nothing was written"));
    QCOMPARE(eventCount(cli), start);

    QStringList files{data("reference-capacity.yaml"), good, data("mapping.yaml"),
                      data("infeasible-power.yaml")};
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("derivation"), QStringLiteral("import")} + files,
                        QStringLiteral("ana")))
                 .exitCode,
             0);

    // Role separation: exit 4 and a denied event.
    auto own = cli("derivation review p90-cost-v1 --accept", QStringLiteral("ana"));
    QCOMPARE(own.exitCode, 4);
    QVERIFY(own.err.contains("reviewer role"));
    auto denied = cli("evidence list --kind derivation.denied --json");
    QCOMPARE(test::parseJson(denied.out).toArray().size(), std::size_t(1));

    // Review, the risk owner's note, sign; the INFEASIBLE as a first-class record.
    for (const char *id :
         {"reference-capacity-v1", "p90-cost-v1", "e-econ-min-v1", "e-pred-min-v1", "INFEASIBLE-power"})
        QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("derivation"), QStringLiteral("review"),
                                        QLatin1String(id), QStringLiteral("--accept"),
                                        QStringLiteral("--reason"), QStringLiteral("reproduced")},
                            QStringLiteral("rui")))
                     .exitCode,
                 0);
    auto noNote = cli("derivation sign p90-cost-v1", QStringLiteral("rui"));
    QCOMPARE(noNote.exitCode, 4);
    QVERIFY(noNote.err.contains("risk-owner note"));
    for (const char *id : {"reference-capacity-v1", "p90-cost-v1"})
        QCOMPARE(cli(QStringList{QStringLiteral("derivation"), QStringLiteral("risk-note"), QLatin1String(id),
                                 QStringLiteral("--note"),
                                 QStringLiteral("Tier B, venue logs; non-deployment framing")},
                     QStringLiteral("rita"))
                     .exitCode,
                 0);
    for (const char *id :
         {"reference-capacity-v1", "p90-cost-v1", "e-econ-min-v1", "e-pred-min-v1", "INFEASIBLE-power"})
        QCOMPARE(
            RUN_OK(cli(QStringList{QStringLiteral("derivation"), QStringLiteral("sign"), QLatin1String(id)},
                       QStringLiteral("rui")))
                .exitCode,
            0);
    auto list = cli("derivation list --status signed --json");
    QCOMPARE(test::parseJson(list.out).toArray().size(), std::size_t(5));

    // The signature verifies with openssl, given the statement bytes.
    auto shown = cli("derivation show p90-cost-v1 --json");
    QCOMPARE(shown.exitCode, 0);
    const JsonValue rec = test::parseJson(shown.out);
    const QString statement =
        cli.home.write(QStringLiteral("p90.statement"), rec.stringAt("statement").toUtf8());
    const QString sig = cli.home.write(QStringLiteral("p90.sig"),
                                       QByteArray::fromHex(rec.stringAt("signature_hex").toLatin1()));
    const QString pem = cli.home.write(QStringLiteral("rui.pem"), cli("identity export-public rui").out);
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                   QStringLiteral("-inkey"), pem, QStringLiteral("-rawin"), QStringLiteral("-in"), statement,
                   QStringLiteral("-sigfile"), sig});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    auto shownText = cli("derivation show p90-cost-v1");
    QVERIFY(shownText.out.contains("signature verifies"));

    // The handoff: incomplete until the charter, threats and attestation are recorded.
    auto st = cli("handoff status");
    QCOMPARE(st.exitCode, 1);
    QVERIFY(st.out.contains("INCOMPLETE"));
    QCOMPARE(cli("handoff charter reference_capacity p90_cost_bps E_econ_min E_pred_min power_sample_size",
                 QStringLiteral("rui"))
                 .exitCode,
             0);
    QCOMPARE(cli(QStringList{QStringLiteral("handoff"), QStringLiteral("threats"), QStringLiteral("--add"),
                             QStringLiteral("cost logs cover one venue only")},
                 QStringLiteral("rui"))
                 .exitCode,
             0);
    QCOMPARE(cli("handoff attest", QStringLiteral("ana")).exitCode, 0);
    auto complete = cli("handoff status --json");
    QCOMPARE(complete.exitCode, 0);
    QVERIFY(test::parseJson(complete.out).find("complete")->toBool());

    const QString pkg = cli.home.file(QStringLiteral("s03-handoff.tar.zst"));
    auto exported =
        RUN_OK(cli(QStringList{QStringLiteral("handoff"), QStringLiteral("export"), pkg,
                               QStringLiteral("--locker"), QStringLiteral("lou"), QStringLiteral("--json")},
                   QStringLiteral("rui")));
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(test::parseJson(exported.out).find("signatures")->toInt(), 5);
    auto verified =
        cli(QStringList{QStringLiteral("handoff"), QStringLiteral("verify"), pkg, QStringLiteral("--json")});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(test::parseJson(verified.out).find("valid")->toBool());
    QCOMPARE(test::parseJson(verified.out).find("network_used")->toBool(true), false);
    // Attested for other tools: an in-toto statement whose subjects are the five signed records,
    // signed by the locker who received it.
    const QString att = cli.home.file(QStringLiteral("s03.intoto.json"));
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("handoff"), QStringLiteral("attest-package"), pkg,
                                    QStringLiteral("--out"), att},
                        QStringLiteral("lou")))
                 .exitCode,
             0);
    QString lou;
    const JsonValue identities = test::parseJson(cli("identity list --json").out);
    for (const JsonValue &i : identities.toArray())
        if (i.stringAt("name") == QLatin1String("lou"))
            lou = i.stringAt("fingerprint");
    auto attested = cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att,
                                    QStringLiteral("--pin"), lou, QStringLiteral("--json")});
    QCOMPARE(attested.exitCode, 0);
    const JsonValue attReport = test::parseJson(attested.out);
    QCOMPARE(attReport.find("subjects")->toArray().size(), std::size_t(5));
    QVERIFY(
        attReport.find("subjects")->toArray().front().stringAt("name").startsWith(QLatin1String("records/")));
    QCOMPARE(attReport.stringAt("result"), QStringLiteral("COMPLETE"));
    // From standard input: the package named as such, with the digest of the bytes that were
    // checked (the very bytes piped in).
    {
        QFile p(pkg);
        QVERIFY(p.open(QIODevice::ReadOnly));
        const QByteArray bytes = p.readAll();
        const QString piped = cli.home.file(QStringLiteral("piped.intoto.json"));
        auto made =
            cli.runner.run(QStringLiteral("opsconsole-cli"),
                           {QStringLiteral("handoff"), QStringLiteral("attest-package"), QStringLiteral("-"),
                            QStringLiteral("--out"), piped, QStringLiteral("--identity"),
                            QStringLiteral("lou"), QStringLiteral("--config"), cli.config},
                           120000, bytes);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QFile a(piped);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const JsonValue pipedStatement = test::parseJson(
            QByteArray::fromBase64(test::parseJson(a.readAll()).stringAt("payload").toLatin1()));
        const JsonValue *package = pipedStatement.find("predicate")->find("package");
        QVERIFY(package);
        QCOMPARE(package->stringAt("name"), QStringLiteral("<stdin>"));
        QCOMPARE(package->stringAt("sha256"), crypto::sha256Hex(bytes));
    }
    // The offline recipe verifies lou's signature with openssl; a record's digest changed inside
    // the statement, the signature kept, fails openssl and `attest verify` alike.
    QCOMPARE(test::dsseOpensslRecipe(att, cli.home.file(QStringLiteral("recipe")), lou), 1);
    {
        QFile a(att);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QByteArray sha =
            attReport.find("subjects")->toArray().front().find("digest")->stringAt("sha256").toLatin1();
        QByteArray other = sha;
        other[0] = other[0] == 'a' ? 'b' : 'a';
        const QByteArray changed = test::payloadReplaced(a.readAll(), sha, other);
        QVERIFY(!changed.isEmpty());
        const QString forged = cli.home.write(QStringLiteral("forged.intoto.json"), changed);
        QCOMPARE(test::dsseOpensslRecipe(forged, cli.home.file(QStringLiteral("recipe-forged")), lou), 0);
        QCOMPARE(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), forged,
                                 QStringLiteral("--pin"), lou})
                     .exitCode,
                 1);
    }
    // A damaged copy is refused.
    QFile f(pkg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    bytes.truncate(bytes.size() / 2);
    const QString damaged = cli.home.write(QStringLiteral("damaged.tar.zst"), bytes);
    auto bad2 = cli(QStringList{QStringLiteral("handoff"), QStringLiteral("verify"), damaged});
    QVERIFY(bad2.exitCode == 1 || bad2.exitCode == 3);
    // …and never attested.
    auto badAtt =
        cli(QStringList{QStringLiteral("handoff"), QStringLiteral("attest-package"), damaged,
                        QStringLiteral("--out"), cli.home.file(QStringLiteral("damaged.intoto.json"))},
            QStringLiteral("lou"));
    QVERIFY(badAtt.exitCode == 1 || badAtt.exitCode == 3);
    QVERIFY(!QFile::exists(cli.home.file(QStringLiteral("damaged.intoto.json"))));

    // Re-derivation: the old record superseded, its dependents invalidated, the new one in review.
    auto sup = RUN_OK(cli(QStringList{QStringLiteral("derivation"), QStringLiteral("supersede"),
                                      QStringLiteral("p90-cost-v1"), data("p90-cost-v2.yaml"),
                                      QStringLiteral("--reason"), QStringLiteral("trade logs incomplete")},
                          QStringLiteral("ana")));
    QCOMPARE(sup.exitCode, 0);
    QVERIFY(sup.out.contains("superseded  p90-cost-v1"));
    QVERIFY(sup.out.contains("invalidated  e-pred-min-v1"));
    QCOMPARE(test::parseJson(cli("derivation list --status invalidated --json").out).toArray().size(),
             std::size_t(2));
    QCOMPARE(test::parseJson(cli("derivation list --status in-review --json").out).toArray().size(),
             std::size_t(1));
    auto after = cli("handoff status");
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.out.contains("NOTIFY: p90-cost-v1 was handed to S03"));
    // Everything is evidence, signed by the person who did it.
    auto verify = cli("evidence verify --signatures --json");
    QCOMPARE(verify.exitCode, 0);
    QVERIFY(test::parseJson(verify.out).find("intact")->toBool());
}

QTEST_GUILESS_MAIN(TestDerivationFlow)
#include "tst_derivation_flow.moc"
