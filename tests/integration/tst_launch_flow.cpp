// Launch day through the CLI against the demo pipeline: NO-GO with every reason on a fresh store,
// then a rollback drill, kill-switch tests and probes clear the rules, the checklist is walked
// (config snapshot, checksums, real probes, the live app fetch, the archive), three identities sign
// off, GO is recorded; sign-off statements verify with openssl and the checksums with sha256sum.
#include "CliHarness.h"
#include "DsseRecipe.h"

#include "core/CanonicalJson.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace ops;

class TestLaunchFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void freshStoreIsNoGoWithEveryReason();
    void fromChecklistToGo();
    void aNoGoIsAttestedAsFailed();

private:
    test::DemoPipelineProcess m_pipeline;
};

namespace {

JsonValue parse(const QByteArray &out) {
    return test::parseJson(out);
}

struct Cli : test::Cli {
    explicit Cli(const QByteArray &yaml)
        : test::Cli(yaml, QStringLiteral("publisher-token-launch-5d1")) {}
    void identities() {
        QCOMPARE((*this)("init --identity rob --roles release-owner,operator,incident-owner").exitCode, 0);
        QCOMPARE((*this)("identity create pat --roles product").exitCode, 0);
        QCOMPARE((*this)("identity create mia --roles product,engineering").exitCode, 0);
        QCOMPARE((*this)("identity create eve --roles engineering").exitCode, 0);
        QCOMPARE((*this)("identity create quinn --roles qa").exitCode, 0);
        // rob, the genesis admin, approves each request.
        for (const char *name : {"pat", "mia", "eve", "quinn"})
            QCOMPARE(
                (*this)(QStringLiteral("identity approve %1").arg(QLatin1String(name)).toUtf8().constData())
                    .exitCode,
                0);
    }
};

QString fingerprintOf(Cli &cli, const QString &name) {
    const JsonValue list = parse(cli("identity list --json").out);
    for (const JsonValue &i : list.toArray())
        if (i.stringAt("name") == name)
            return i.stringAt("fingerprint");
    return {};
}

// `launch attest`: a DSSE envelope around an in-toto statement (SLSA VSA), signed by the release
// owner, then by each sign-off; verified by `attest verify` and by openssl; tampering fails both.
void attestation(Cli &cli, test::TempDir &build, const QString &att) {
    auto made = RUN_OK(
        cli(QStringList{QStringLiteral("launch"), QStringLiteral("attest"), QStringLiteral("--out"), att}));
    QCOMPARE(made.exitCode, 0);
    const QString rob = fingerprintOf(cli, QStringLiteral("rob"));
    QVERIFY(rob.startsWith(QLatin1String("SHA256:")));
    // Only the owner has signed: the three sign-offs are missing.
    auto partial = cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att,
                                   QStringLiteral("--pin"), rob, QStringLiteral("--json")});
    QCOMPARE(partial.exitCode, 1);
    QCOMPARE(parse(partial.out).find("missing_signers")->toArray().size(), std::size_t(3));
    // Someone the statement does not name cannot add a signature (mia's product sign-off was
    // invalidated; pat signed again).
    {
        auto mia =
            cli(QStringList{QStringLiteral("attest"), QStringLiteral("sign"), att}, QStringLiteral("mia"));
        QVERIFY2(mia.exitCode == 4, mia.err.constData());
    }
    for (const char *who : {"pat", "eve", "quinn"})
        QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("attest"), QStringLiteral("sign"), att},
                            QLatin1String(who)))
                     .exitCode,
                 0);
    auto twice =
        cli(QStringList{QStringLiteral("attest"), QStringLiteral("sign"), att}, QStringLiteral("eve"));
    QCOMPARE(twice.exitCode, 4);
    auto ok = RUN_OK(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att,
                                     QStringLiteral("--pin"), rob, QStringLiteral("--json")}));
    QCOMPARE(ok.exitCode, 0);
    const JsonValue report = parse(ok.out);
    QCOMPARE(report.stringAt("result"), QStringLiteral("PASSED"));
    QCOMPARE(report.stringAt("predicate_type"), QStringLiteral("https://slsa.dev/verification_summary/v1"));
    QCOMPARE(report.find("signers")->toArray().size(), std::size_t(4));
    QStringList subjects;
    for (const JsonValue &x : report.find("subjects")->toArray())
        subjects << x.stringAt("name");
    QVERIFY2(subjects.size() == 2 && subjects.join(QLatin1Char(' ')).contains(QLatin1String("app.apk")),
             qPrintable(subjects.join(QLatin1Char(' '))));
    // A pin nobody signed with fails; no pin is a usage error.
    QCOMPARE(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att, QStringLiteral("--pin"),
                             QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'))})
                 .exitCode,
             1);
    QCOMPARE(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att}).exitCode, 2);
    // Every signature act is evidence.
    QCOMPARE(parse(cli("evidence list --kind attestation.signed --json").out).toArray().size(),
             std::size_t(4));

    // The offline recipe: four signatures verify with openssl, vouched for by the pinned key; a pin
    // nobody signed with is refused, and the recipe will not run without one.
    QCOMPARE(test::dsseOpensslRecipe(att, build.file(QStringLiteral("recipe")), rob), 4);
    QCOMPARE(test::dsseOpensslRecipe(att, build.file(QStringLiteral("recipe-unpinned")),
                                     QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'))),
             -1);
    QCOMPARE(test::runTool(QStringLiteral("python3"),
                           {QStringLiteral(OPSCONSOLE_SOURCE_DIR "/docs/dsse_openssl.py"), att,
                            build.file(QStringLiteral("recipe-nopin"))},
                           build.path(), nullptr),
             2);

    // Tampering: FAILED for PASSED inside the payload, the signatures kept.
    QFile f(att);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    JsonValue env = parse(good);
    QByteArray payload = QByteArray::fromBase64(env.stringAt("payload").toLatin1());
    QVERIFY(payload.contains("\"PASSED\""));
    payload.replace("\"PASSED\"", "\"FAILED\"");
    env["payload"] = QString::fromLatin1(payload.toBase64());
    const QString flipped = build.write(QStringLiteral("flipped.intoto.json"),
                                        QByteArray::fromStdString(CanonicalJson::serialize(env)));
    QCOMPARE(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), flipped,
                             QStringLiteral("--pin"), rob})
                 .exitCode,
             1);
    QCOMPARE(test::dsseOpensslRecipe(flipped, build.file(QStringLiteral("recipe-flipped")), rob), 0);
    // A missing signer: QA's signature removed.
    env = parse(good);
    const QString quinn = fingerprintOf(cli, QStringLiteral("quinn"));
    auto &sigs = env["signatures"].asArray();
    sigs.erase(std::remove_if(sigs.begin(), sigs.end(),
                              [&](const JsonValue &x) { return x.stringAt("keyid") == quinn; }),
               sigs.end());
    QCOMPARE(sigs.size(), std::size_t(3));
    const QString missing = build.write(QStringLiteral("missing.intoto.json"),
                                        QByteArray::fromStdString(CanonicalJson::serialize(env)));
    auto m = cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), missing,
                             QStringLiteral("--pin"), rob});
    QCOMPARE(m.exitCode, 1);
    QVERIFY2(m.out.contains("missing: quinn"), m.out.constData());
    QCOMPARE(test::dsseOpensslRecipe(missing, build.file(QStringLiteral("recipe-missing")), rob), -1);
}

} // namespace

void TestLaunchFlow::initTestCase() {
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
}

void TestLaunchFlow::freshStoreIsNoGoWithEveryReason() {
    Cli cli(m_pipeline.demoConfigYaml());
    cli.identities();
    auto st = cli("launch status --json");
    QCOMPARE(st.exitCode, 1);
    const JsonValue j = parse(st.out);
    QCOMPARE(j.stringAt("decision"), QStringLiteral("NO-GO"));
    QStringList rules;
    for (const JsonValue &r : j.find("no_go")->toArray()) {
        rules << r.stringAt("rule");
        QVERIFY(!r.stringAt("reason").isEmpty());
    }
    QCOMPARE(rules,
             (QStringList{QStringLiteral("launch"), QStringLiteral("rollback-unproven"),
                          QStringLiteral("kill-switches-untested"), QStringLiteral("scope-not-validated")}));
    auto text = cli("launch status");
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("NO-GO because") && text.out.contains("no rollback drill has been finished"),
             text.out.constData());
}

// A release owner's NO-GO is attested too, as FAILED, with the rules that held it back; it
// verifies under the owner's pin (a valid statement of a failed launch) and carries no GO level.
void TestLaunchFlow::aNoGoIsAttestedAsFailed() {
    Cli cli(m_pipeline.demoConfigYaml());
    cli.identities();
    QCOMPARE(RUN_OK(cli("launch start --scope kl --build 2026.12.05-rc2")).exitCode, 0);
    test::TempDir build;
    build.write(QStringLiteral("release/app.apk"), "apk bytes");
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("checksum"),
                                    build.file(QStringLiteral("release"))}))
                 .exitCode,
             0);
    auto noGo = cli(QStringList{QStringLiteral("launch"), QStringLiteral("decide"), QStringLiteral("--no-go"),
                                QStringLiteral("--note"), QStringLiteral("rollback unproven")});
    QVERIFY2(noGo.exitCode == 1, noGo.err.constData()); // a NO-GO is a negative answer, recorded
    const QString att = build.file(QStringLiteral("nogo.intoto.json"));
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("attest"),
                                    QStringLiteral("--out"), att}))
                 .exitCode,
             0);
    const QString rob = fingerprintOf(cli, QStringLiteral("rob"));
    auto checked = RUN_OK(cli(QStringList{QStringLiteral("attest"), QStringLiteral("verify"), att,
                                          QStringLiteral("--pin"), rob, QStringLiteral("--json")}));
    QCOMPARE(checked.exitCode, 0); // authentic: the owner signed it, no sign-off was given
    const JsonValue report = parse(checked.out);
    QCOMPARE(report.stringAt("result"), QStringLiteral("FAILED"));
    QCOMPARE(report.find("signers")->toArray().size(), std::size_t(1));
    // The statement itself: FAILED, no verified level, the rules that did not hold.
    QFile f(att);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const JsonValue envelope = parse(f.readAll());
    const QByteArray payload = QByteArray::fromBase64(envelope.stringAt("payload").toLatin1());
    const JsonValue statement = parse(payload);
    const JsonValue *predicate = statement.find("predicate");
    QVERIFY(predicate);
    QCOMPARE(predicate->stringAt("verificationResult"), QStringLiteral("FAILED"));
    const JsonValue::Array &levels = predicate->find("verifiedLevels")->toArray();
    QCOMPARE(levels.size(), std::size_t(1)); // SLSA VSA v1: "FAILED" when the policy failed
    QCOMPARE(levels.front().toQString(), QStringLiteral("FAILED"));
    // Every no-go rule with its state, as `launch status` computes them at the same log.
    const JsonValue *ext = predicate->find("opsconsole");
    QVERIFY(ext);
    QMap<QString, QString> attested;
    for (const JsonValue &r : ext->find("no_go_rules")->toArray()) {
        QVERIFY2(!r.stringAt("title").isEmpty(), qPrintable(r.stringAt("id")));
        attested.insert(r.stringAt("id"), r.stringAt("state"));
    }
    QMap<QString, QString> computed;
    const JsonValue status = parse(RUN_OK(cli("launch status --json")).out);
    for (const JsonValue &r : status.find("rules")->toArray())
        computed.insert(r.stringAt("rule"),
                        r.find("holds")->toBool() ? QStringLiteral("HOLDS") : QStringLiteral("clear"));
    QCOMPARE(attested.size(), 6);
    QCOMPARE(attested, computed);
    QCOMPARE(attested.value(QStringLiteral("rollback-unproven")), QStringLiteral("HOLDS"));
    // The checkpoint it was computed at: the store's own, signed by the owner who attested.
    const JsonValue *cp = ext->find("checkpoint");
    QVERIFY(cp);
    const QString note =
        build.write(QStringLiteral("attested-at.note"), cp->stringAt("signed_note").toUtf8());
    auto consistent =
        RUN_OK(cli(QStringList{QStringLiteral("evidence"), QStringLiteral("consistency"), note}));
    QVERIFY2(consistent.exitCode == 0, consistent.out.constData()); // a checkpoint of this very log
    bool checkpointChecked = false;
    for (const JsonValue &c : report.find("checks")->toArray())
        if (c.stringAt("name") == QLatin1String("checkpoint"))
            checkpointChecked =
                c.find("ok")->toBool() && c.stringAt("detail").contains(QLatin1String("signed by"));
    QVERIFY2(checkpointChecked, checked.out.constData());
    // The offline recipe agrees.
    QCOMPARE(test::dsseOpensslRecipe(att, build.file(QStringLiteral("recipe")), rob), 1);
}

void TestLaunchFlow::fromChecklistToGo() {
    Cli cli(m_pipeline.demoConfigYaml());
    cli.identities();
    // The no-go rules cleared by real evidence: a drill within the objective, each kill switch
    // cycled on pg, and a probe round.
    auto drill = RUN_OK(cli("rollback start --scope kl --drill --json"));
    const QString run = parse(drill.out).stringAt("id");
    QVERIFY2(run.startsWith(QStringLiteral("RUN-")), drill.out.constData());
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                                    QStringLiteral("identify-scope"), QStringLiteral("--evidence"),
                                    QStringLiteral("kl drill")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                                    QStringLiteral("confirm-manifest")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("rollback"), QStringLiteral("rebind"), run,
                                    QStringLiteral("--confirm")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                                    QStringLiteral("probe-resolver")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                                    QStringLiteral("timestamps"), QStringLiteral("--evidence"),
                                    QStringLiteral("within 15/30")}))
                 .exitCode,
             0);
    for (const char *sw : {"ai", "bad-pack"}) {
        const QString s = QString::fromLatin1(sw);
        QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("killswitch"), QStringLiteral("activate"), s,
                                        QStringLiteral("--scope"), QStringLiteral("pg"),
                                        QStringLiteral("--reason"), QStringLiteral("launch test"),
                                        QStringLiteral("--validation-localities"), QStringLiteral("pg")}))
                     .exitCode,
                 0);
        QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("killswitch"), QStringLiteral("deactivate"), s,
                                        QStringLiteral("--scope"), QStringLiteral("pg"),
                                        QStringLiteral("--reason"), QStringLiteral("launch test done")}))
                     .exitCode,
                 0);
    }
    QCOMPARE(RUN_OK(cli("probe --record")).exitCode, 0);
    auto rulesOnly = parse(cli("launch status --json").out);
    for (const JsonValue &r : rulesOnly.find("rules")->toArray())
        QVERIFY2(!r.find("holds")->toBool(), qPrintable(r.stringAt("reason")));

    // The checklist.
    QCOMPARE(cli("launch checksum /nonexistent").exitCode, 3); // no launch open yet
    QCOMPARE(cli("launch start --scope kl --build 2026.11.23-rc1", QStringLiteral("pat")).exitCode, 4);
    QCOMPARE(RUN_OK(cli("launch start --scope kl --build 2026.11.23-rc1")).exitCode, 0);
    QCOMPARE(RUN_OK(cli("launch check config-snapshot")).exitCode, 0);
    test::TempDir build;
    build.write(QStringLiteral("release/app.apk"), QByteArray(1 << 20, 'a'));
    build.write(QStringLiteral("release/lib/libcore.so"), "core");
    auto sums = RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("checksum"),
                                       build.file(QStringLiteral("release"))}));
    QCOMPARE(sums.exitCode, 0);
    build.write(QStringLiteral("SUMS"), sums.out);
    QCOMPARE(test::runTool(QStringLiteral("sha256sum"),
                           {QStringLiteral("-c"), build.file(QStringLiteral("SUMS"))}, build.path()),
             0);
    // first-publish needs its note before it probes anything.
    auto noNote = cli("launch check first-publish");
    QCOMPARE(noNote.exitCode, 3);
    QVERIFY(!noNote.err.contains("probing"));
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("check"),
                                    QStringLiteral("first-publish"), QStringLiteral("--evidence"),
                                    QStringLiteral("publish job 42 published v1")}))
                 .exitCode,
             0);
    auto active = RUN_OK(cli("launch check probe-active"));
    QCOMPARE(active.exitCode, 0);
    QVERIFY2(active.err.contains("kl/resolver: ok") && active.err.contains("kl/rules: ok"),
             active.err.constData());
    auto app = RUN_OK(cli("launch check live-app-fetch"));
    QCOMPARE(app.exitCode, 0);
    QVERIFY2(app.err.contains("kl.app/pack: ok"), app.err.constData());
    QCOMPARE(
        RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("check"), QStringLiteral("archive"),
                               QStringLiteral("--out"), build.file(QStringLiteral("evidence.tar.zst"))}))
            .exitCode,
        0);
    QCOMPARE(cli(QStringList{QStringLiteral("evidence"), QStringLiteral("verify-bundle"),
                             build.file(QStringLiteral("evidence.tar.zst"))})
                 .exitCode,
             0);

    // Sign-offs: roles held, separated.
    QCOMPARE(cli("launch signoff --role qa", QStringLiteral("pat")).exitCode, 4);
    QCOMPARE(RUN_OK(cli("launch signoff --role product", QStringLiteral("mia"))).exitCode, 0);
    auto twice = cli("launch signoff --role engineering", QStringLiteral("mia"));
    QCOMPARE(twice.exitCode, 4);
    QVERIFY2(twice.err.contains("never signs two roles"), twice.err.constData());
    QCOMPARE(RUN_OK(cli("launch signoff --role engineering", QStringLiteral("eve"))).exitCode, 0);
    QCOMPARE(RUN_OK(cli("launch signoff --role qa", QStringLiteral("quinn"))).exitCode, 0);
    QCOMPARE(RUN_OK(cli("launch status")).exitCode, 0);

    // A check recorded again invalidates them; GO is refused until they sign again.
    QCOMPARE(RUN_OK(cli("launch check probe-active")).exitCode, 0);
    auto invalid = cli("launch status --json");
    QCOMPARE(invalid.exitCode, 1);
    const JsonValue invalidJson = parse(invalid.out);
    for (const JsonValue &s : invalidJson.find("signoffs")->toArray())
        QCOMPARE(s.stringAt("state"), QStringLiteral("invalidated"));
    QCOMPARE(cli("launch decide --go").exitCode, 1);
    QCOMPARE(RUN_OK(cli("launch signoff --role product", QStringLiteral("pat"))).exitCode, 0);
    QCOMPARE(RUN_OK(cli("launch signoff --role engineering", QStringLiteral("eve"))).exitCode, 0);
    QCOMPARE(RUN_OK(cli("launch signoff --role qa", QStringLiteral("quinn"))).exitCode, 0);

    // The export: statements verify with openssl, checksums with sha256sum, the record's hash is signed.
    const QString out = build.file(QStringLiteral("launch-record"));
    QCOMPARE(RUN_OK(cli(QStringList{QStringLiteral("launch"), QStringLiteral("record"),
                                    QStringLiteral("export"), out}))
                 .exitCode,
             0);
    QByteArray said;
    QCOMPARE(
        test::runTool(QStringLiteral("openssl"),
                      {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-rawin"),
                       QStringLiteral("-pubin"), QStringLiteral("-inkey"), QStringLiteral("keys/pat.pem"),
                       QStringLiteral("-sigfile"), QStringLiteral("signoffs/product.sig"),
                       QStringLiteral("-in"), QStringLiteral("signoffs/product.statement")},
                      out, &said),
        0);
    QVERIFY2(said.contains("Signature Verified Successfully"), said.constData());
    QByteArray digest;
    QCOMPARE(test::runTool(QStringLiteral("sha256sum"), {QStringLiteral("launch-record.canonical.json")}, out,
                           &digest),
             0);
    QFile statement(out + QStringLiteral("/signoffs/qa.statement"));
    QVERIFY(statement.open(QIODevice::ReadOnly));
    QVERIFY(statement.readAll().contains(digest.left(64)));
    QCOMPARE(test::runTool(QStringLiteral("sha256sum"),
                           {QStringLiteral("-c"), out + QStringLiteral("/SHA256SUMS")}, build.path()),
             0);

    // No attestation before the decision it carries.
    const QString att = build.file(QStringLiteral("launch.intoto.json"));
    auto early =
        cli(QStringList{QStringLiteral("launch"), QStringLiteral("attest"), QStringLiteral("--out"), att});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains("not decided yet"), early.err.constData());
    QVERIFY(!QFile::exists(att));

    // GO, signed by the release owner; only a release owner may decide.
    QCOMPARE(cli("launch decide --go", QStringLiteral("quinn")).exitCode, 4);
    auto go = RUN_OK(cli("launch decide --go --note all-green --json"));
    QCOMPARE(go.exitCode, 0);
    QCOMPARE(parse(go.out).stringAt("kind"), QStringLiteral("launch.decided"));
    auto final = cli("launch status --json");
    QCOMPARE(final.exitCode, 0);
    QCOMPARE(parse(final.out).find("decided")->stringAt("decision"), QStringLiteral("GO"));

    attestation(cli, build, att);
    QCOMPARE(cli("evidence verify --signatures").exitCode, 0);
    // No token ever reaches the store.
    auto dump = cli("evidence list --limit 1000 --json");
    QVERIFY(!dump.out.contains("publisher-token-launch-5d1"));
}

QTEST_GUILESS_MAIN(TestLaunchFlow)
#include "tst_launch_flow.moc"
