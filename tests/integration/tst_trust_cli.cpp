// The trust model through opsconsole-cli, attacked with the sqlite3 and openssl command lines:
// enrolment gates every act, a cut tail with its sidecar deleted is named, a log rewritten with
// new keys fails the pin and the user's anchor, a pinned config is required outside dev.
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/SignedNote.h"

#include "CliHarness.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace ops;

class TestTrustCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enrolmentGatesEveryAct();
    void tailCutAndSidecarDeletedIsNamed();
    void rewriteWithNewKeysFailsThePinAndTheAnchor();
    void consistencyWithAnEarlierCheckpoint();
    void outsideDevTheAdminsArePinned();
};

namespace {

// The built-in demo deployment without its environment line (tests add their own).
QByteArray demoYaml() {
    QFile f(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("demo config missing");
    return f.readAll().replace("environment: dev\n", "") + "\n";
}

// The demo deployment declared staging: its publisher is plain http on loopback, so it may not
// carry the token (outside dev the token goes only over TLS).
QByteArray stagingYaml() {
    return demoYaml().replace("publisher: {rebind: http://127.0.0.1:8088/publisher/rebind, auth: true}",
                              "publisher: {rebind: http://127.0.0.1:8088/publisher/rebind, auth: false}") +
           "environment: staging\n";
}

int tool(const QString &program, const QStringList &args, QByteArray *out = nullptr) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

QString storeOf(const test::Cli &cli) {
    return cli.home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
}

QString fingerprintOf(test::Cli &cli, const QString &name) {
    const JsonValue list = test::parseJson(cli("identity list --json").out);
    for (const JsonValue &i : list.toArray())
        if (i.stringAt("name") == name)
            return i.stringAt("fingerprint");
    return {};
}

} // namespace

void TestTrustCli::enrolmentGatesEveryAct() {
    test::Cli cli(demoYaml(), QStringLiteral("unused-token"));
    const auto init = RUN_OK(cli("init --identity alice --roles admin,release-owner"));
    QCOMPARE(init.exitCode, 0);
    QVERIFY(init.out.contains("trust:\n  admins:\n    - SHA256:"));
    QCOMPARE(RUN_OK(cli("identity create x --roles qa")).exitCode, 0);
    // x asked; until an admin approves, x can do nothing.
    const auto early = cli("launch signoff --role qa", QStringLiteral("x"));
    QCOMPARE(early.exitCode, 4);
    QVERIFY2(early.err.contains("not approved yet"), early.err.constData());
    QCOMPARE(cli("signal record publish_blocked --scope kl", QStringLiteral("x")).exitCode, 4);
    // Nobody approves themselves, and only admins approve.
    QCOMPARE(cli("identity approve x", QStringLiteral("x")).exitCode, 4);
    QCOMPARE(RUN_OK(cli("identity create bob --roles operator")).exitCode, 0);
    QCOMPARE(RUN_OK(cli("identity approve bob")).exitCode, 0);
    const auto notAdmin = cli("identity approve x", QStringLiteral("bob"));
    QCOMPARE(notAdmin.exitCode, 4);
    QVERIFY(notAdmin.err.contains("not an admin"));
    QCOMPARE(RUN_OK(cli("identity approve x")).exitCode, 0); // alice, the genesis admin
    const auto later = cli("launch signoff --role qa", QStringLiteral("x"));
    QVERIFY2(!later.err.contains("not approved"), later.err.constData());
    QCOMPARE(RUN_OK(cli("signal record publish_blocked --scope kl", QStringLiteral("x"))).exitCode, 0);

    // The list says who approved whom.
    const JsonValue list = test::parseJson(cli("identity list --json").out);
    bool seen = false;
    for (const JsonValue &i : list.toArray())
        if (i.stringAt("name") == QLatin1String("x")) {
            seen = true;
            QCOMPARE(i.stringAt("state"), QStringLiteral("approved"));
            QCOMPARE(i.find("approved_by")->toArray().at(0).toQString(), QStringLiteral("alice"));
        }
    QVERIFY(seen);

    // Revoked: refused again, with the reason.
    QCOMPARE(cli("identity revoke bob").exitCode, 2); // --reason is required
    QCOMPARE(RUN_OK(cli({QStringLiteral("identity"), QStringLiteral("revoke"), QStringLiteral("bob"),
                         QStringLiteral("--reason"), QStringLiteral("left the team")}))
                 .exitCode,
             0);
    const auto revoked = cli("signal record publish_blocked --scope kl", QStringLiteral("bob"));
    QCOMPARE(revoked.exitCode, 4);
    QVERIFY(revoked.err.contains("revoked"));

    // Rotation: the new key takes over once an admin approves it.
    QCOMPARE(RUN_OK(cli("identity rotate", QStringLiteral("x"))).exitCode, 0);
    QCOMPARE(RUN_OK(cli("signal record publish_blocked --scope kl", QStringLiteral("x"))).exitCode,
             0); // old key
    QCOMPARE(RUN_OK(cli("identity approve x")).exitCode, 0);
    QCOMPARE(RUN_OK(cli("signal record publish_blocked --scope kl", QStringLiteral("x"))).exitCode,
             0); // new key
    const auto verify = RUN_OK(cli("evidence verify --signatures --json"));
    QCOMPARE(verify.exitCode, 0);
    QVERIFY(test::parseJson(verify.out).find("notes")->toArray().size() >= 1); // trust root not pinned

    // openssl, as a referee, checks the sidecar's checkpoint with the approving admin's public key.
    const QString pem = cli.home.write(QStringLiteral("alice.pem"), cli("identity export-public alice").out);
    // The sidecar is a C2SP signed note: body, empty line, "— <signer> base64(key ID ‖ signature)".
    auto sidecar = crypto::note::parse(
        FileUtil::readAll(storeOf(cli) + QStringLiteral(".checkpoint"), 1 << 20)->toStdString());
    QVERIFY(sidecar.ok());
    QCOMPARE(sidecar->signatures.size(), 1);
    QCOMPARE(sidecar->signatures.front().name, QStringLiteral("x")); // x's last signal
    const QString cp = cli.home.write(QStringLiteral("cp.bin"), QByteArray::fromStdString(sidecar->body));
    const QString sig = cli.home.write(QStringLiteral("cp.sig"), sidecar->signatures.front().data);
    QByteArray said;
    QVERIFY(tool(QStringLiteral("openssl"),
                 {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                  QStringLiteral("-inkey"), pem, QStringLiteral("-rawin"), QStringLiteral("-in"), cp,
                  QStringLiteral("-sigfile"), sig},
                 &said) != 0); // signed by x's new key, not alice's
    const QString xPem = cli.home.write(QStringLiteral("x.pem"), cli("identity export-public x").out);
    QCOMPARE(tool(QStringLiteral("openssl"),
                  {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                   QStringLiteral("-inkey"), xPem, QStringLiteral("-rawin"), QStringLiteral("-in"), cp,
                   QStringLiteral("-sigfile"), sig},
                  &said),
             0);
}

void TestTrustCli::tailCutAndSidecarDeletedIsNamed() {
    test::Cli cli(demoYaml(), QStringLiteral("unused-token"));
    QCOMPARE(RUN_OK(cli("init --identity alice --roles admin,operator")).exitCode, 0);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(cli("signal record publish_blocked --scope kl").exitCode, 0);
    QCOMPARE(RUN_OK(cli("evidence verify")).exitCode, 0); // the user has seen 7 events
    // With the sqlite3 shell: drop the triggers, cut the last three events at a checkpoint
    // boundary, and delete the sidecar.
    QByteArray out;
    QCOMPARE(
        tool(QStringLiteral("sqlite3"),
             {storeOf(cli),
              QStringLiteral("DROP TRIGGER events_no_DELETE; DROP TRIGGER checkpoints_no_DELETE;"
                             "DELETE FROM events WHERE seq > 4; DELETE FROM checkpoints WHERE size > 4;")},
             &out),
        0);
    QVERIFY(QFile::remove(storeOf(cli) + QStringLiteral(".checkpoint")));
    const auto verify = cli("evidence verify");
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.out.contains("sidecar") || verify.out.contains("rolled back"), verify.out.constData());
    // It refuses new evidence rather than papering over the cut, and never rewrites the sidecar.
    const auto refused = cli("signal record publish_blocked --scope kl");
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains("rolled back") || refused.err.contains("sidecar"), refused.err.constData());
    QVERIFY(!QFile::exists(storeOf(cli) + QStringLiteral(".checkpoint")));
    // Even with a sidecar forged to match, the user's anchor names the rollback.
    QCOMPARE(
        tool(QStringLiteral("sqlite3"),
             {storeOf(cli),
              QStringLiteral("SELECT writefile('%1', canonical), writefile('%2', signature), signer "
                             "FROM checkpoints WHERE size = 4")
                  .arg(cli.home.file(QStringLiteral("cp.bin")), cli.home.file(QStringLiteral("sig.bin")))},
             &out),
        0);
    // The attacker reassembles the old checkpoint's note from its row, exactly as it was signed.
    crypto::note::Note note;
    note.body = FileUtil::readAll(cli.home.file(QStringLiteral("cp.bin")), 1 << 20)->toStdString();
    const QByteArray sigBytes = FileUtil::readAll(cli.home.file(QStringLiteral("sig.bin")), 1 << 10).value();
    note.signatures.append(
        {QString::fromUtf8(out.trimmed().split('|').last()), sigBytes.left(4), sigBytes.mid(4)});
    QVERIFY(crypto::note::parse(note.text()).ok());
    cli.home.write(QStringLiteral("data/opsconsole/evidence.sqlite.checkpoint"),
                   QByteArray::fromStdString(note.text()));
    const auto anchored = cli("evidence verify");
    QCOMPARE(anchored.exitCode, 1);
    QVERIFY2(anchored.out.contains("rolled back"), anchored.out.constData());
    // Reads go on (the evidence is still there to look at) but never as if all were well.
    for (const char *read : {"evidence list", "incident list", "killswitch list"}) {
        const auto listed = cli(read);
        QVERIFY2(
            listed.err.contains("WARNING") && listed.err.contains("rolled back"),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(read), QString::fromUtf8(listed.err))));
    }
}

void TestTrustCli::rewriteWithNewKeysFailsThePinAndTheAnchor() {
    test::Cli cli(demoYaml(), QStringLiteral("unused-token"));
    QCOMPARE(RUN_OK(cli("init --identity alice --roles admin,operator")).exitCode, 0);
    QCOMPARE(cli("signal record publish_blocked --scope kl").exitCode, 0);
    const QString oldAdmin = fingerprintOf(cli, QStringLiteral("alice"));
    QVERIFY(oldAdmin.startsWith(QLatin1String("SHA256:")));
    QCOMPARE(
        RUN_OK(cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--pin"), oldAdmin}))
            .exitCode,
        0);

    // The attacker builds the same history on a machine of their own, with new keys.
    test::Cli forger(demoYaml(), QStringLiteral("unused-token"));
    QCOMPARE(RUN_OK(forger("init --identity alice --roles admin,operator")).exitCode, 0);
    QCOMPARE(forger("signal record publish_blocked --scope kl").exitCode, 0);
    for (const QString &suffix : {QString(), QStringLiteral(".checkpoint")}) {
        QVERIFY(QFile::remove(storeOf(cli) + suffix));
        QVERIFY(QFile::copy(storeOf(forger) + suffix, storeOf(cli) + suffix));
    }
    const auto pinned = cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--pin"),
                             oldAdmin, QStringLiteral("--json")});
    QCOMPARE(pinned.exitCode, 1);
    QVERIFY2(test::parseJson(pinned.out)
                 .stringAt("reason")
                 .contains(QStringLiteral("not among the pinned admin keys")),
             pinned.out.constData());
    // Without the pin, this user's anchor still knows the log it saw.
    const auto anchored = cli("evidence verify");
    QCOMPARE(anchored.exitCode, 1);
    QVERIFY2(anchored.out.contains("replaced or rewritten"), anchored.out.constData());
    QCOMPARE(cli("evidence verify --pin SHA256:nothex").exitCode, 2);
}

void TestTrustCli::consistencyWithAnEarlierCheckpoint() {
    test::Cli cli(demoYaml(), QStringLiteral("unused-token"));
    QCOMPARE(RUN_OK(cli("init --identity alice --roles admin,operator")).exitCode, 0);
    QCOMPARE(cli("signal record publish_blocked --scope kl").exitCode, 0);
    const QString earlier = cli.home.file(QStringLiteral("earlier.checkpoint"));
    QVERIFY(QFile::copy(storeOf(cli) + QStringLiteral(".checkpoint"), earlier));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(cli("signal record publish_blocked --scope kl").exitCode, 0);
    const auto ok = RUN_OK(cli({QStringLiteral("evidence"), QStringLiteral("consistency"), earlier}));
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.contains("consistent"));
    // A checkpoint of another log does not extend.
    test::Cli other(demoYaml(), QStringLiteral("unused-token"));
    QCOMPARE(RUN_OK(other("init --identity alice --roles admin")).exitCode, 0);
    const auto foreign = cli({QStringLiteral("evidence"), QStringLiteral("consistency"),
                              storeOf(other) + QStringLiteral(".checkpoint")});
    QCOMPARE(foreign.exitCode, 1);
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("consistency"),
                  cli.home.file(QStringLiteral("none"))})
                 .exitCode,
             3);
}

void TestTrustCli::outsideDevTheAdminsArePinned() {
    test::Cli cli(stagingYaml(), QStringLiteral("unused-token"));
    cli.runner.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    // init makes the genesis admin and prints what to pin; every other verb refuses until pinned.
    const auto init = RUN_OK(cli("init --identity alice --roles admin --json"));
    QCOMPARE(init.exitCode, 0);
    const QString fp = test::parseJson(init.out).find("trust")->find("admins")->toArray().at(0).toQString();
    const auto refused = cli("identity list");
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains("trust.admins"), refused.err.constData());
    cli.config = cli.home.write(QStringLiteral("pinned.yaml"),
                                stagingYaml() + "trust:\n  admins: [\"" + fp.toUtf8() + "\"]\n");
    QCOMPARE(RUN_OK(cli("identity list")).exitCode, 0);
    const auto verify = RUN_OK(cli("evidence verify --json"));
    QCOMPARE(verify.exitCode, 0);
    QVERIFY(test::parseJson(verify.out).find("trust_pinned")->toBool(false));
    // A config pinning someone else's key: the store is not the log it describes.
    cli.config =
        cli.home.write(QStringLiteral("other.yaml"),
                       stagingYaml() + "trust:\n  admins: [\"SHA256:" + QByteArray(64, 'a') + "\"]\n");
    const auto other = cli("evidence verify");
    QCOMPARE(other.exitCode, 1);
    const auto bad =
        cli.home.write(QStringLiteral("bad.yaml"), demoYaml() + "trust:\n  admins: [\"alice\"]\n");
    cli.config = bad;
    const auto invalid = cli("identity list");
    QCOMPARE(invalid.exitCode, 3);
    QVERIFY2(invalid.err.contains("trust.admins[0]"), invalid.err.constData());
}

QTEST_GUILESS_MAIN(TestTrustCli)
#include "tst_trust_cli.moc"
