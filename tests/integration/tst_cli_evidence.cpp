// The evidence verbs as a user runs them: exit codes, JSON shapes, secrets never printed.
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <sqlite3.h>

using namespace ops;
using ops::test::ProgramRunner;
using ops::test::RunResult;
using ops::test::TempDir;

class TestCliEvidence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void initCreatesStoreAndIdentity();
    void initTwiceRefused();
    void identityCreateListExport();
    void importListShowVerify();
    void importBadLineExitsThreeAndWritesNothing();
    void attachAndVerifySignatures();
    void verifyFindsTamperingExitOne();
    void prodRefusesUnencryptedKeyAndMissingPassphrase();
    void wrongPassphraseRefused();
    void notAStoreExitsFive();
    void passphraseNeverPrinted();
    void signalRecord();

private:
    std::unique_ptr<TempDir> m_home;
    std::unique_ptr<ProgramRunner> m_run;
    RunResult cli(const QStringList &args) {
        return m_run->run(QStringLiteral("opsconsole-cli"), args, 120000);
    }
    QString store() const { return m_home->file(QStringLiteral("data/opsconsole/evidence.sqlite")); }
};

void TestCliEvidence::init() {
    m_home = std::make_unique<TempDir>();
    m_run = std::make_unique<ProgramRunner>(*m_home);
    m_run->set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("correct horse battery"));
}

void TestCliEvidence::initCreatesStoreAndIdentity() {
    const auto r =
        cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
             QStringLiteral("--roles"), QStringLiteral("operator,incident-owner"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const auto json = CanonicalJson::parse(r.out.toStdString());
    QVERIFY2(json.ok(), r.out.constData());
    QCOMPARE(json->stringAt("name"), QStringLiteral("alice"));
    QVERIFY(json->stringAt("fingerprint").startsWith(QStringLiteral("SHA256:")));
    QCOMPARE(FileUtil::permissions(store()), 0600);
    const QString key = m_home->file(QStringLiteral("data/opsconsole/keys/alice.pem"));
    QCOMPARE(FileUtil::permissions(key), 0600);
    QVERIFY(FileUtil::readAll(key, 65536)->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
}

void TestCliEvidence::initTwiceRefused() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    const auto again = cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("bob"),
                            QStringLiteral("--roles"), QStringLiteral("operator")});
    QCOMPARE(again.exitCode, 4);
    QVERIFY(again.err.contains("already initialised"));
    const auto noRoles = cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("x")});
    QCOMPARE(noRoles.exitCode, 2);
}

void TestCliEvidence::identityCreateListExport() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("bob"),
                  QStringLiteral("--roles"), QStringLiteral("product,qa")})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("bob"),
                  QStringLiteral("--roles"), QStringLiteral("qa")})
                 .exitCode,
             4);
    QCOMPARE(cli({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("eve"),
                  QStringLiteral("--roles"), QStringLiteral("root")})
                 .exitCode,
             2);
    const auto list = cli({QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const auto json = CanonicalJson::parse(list.out.toStdString()).value();
    QCOMPARE(json.toArray().size(), std::size_t(2));
    QCOMPARE(json.toArray().at(1).find("roles")->toArray().size(), std::size_t(2));
    const auto pem =
        cli({QStringLiteral("identity"), QStringLiteral("export-public"), QStringLiteral("bob")});
    QCOMPARE(pem.exitCode, 0);
    QVERIFY(pem.out.startsWith("-----BEGIN PUBLIC KEY-----"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-pubin"),
                                              QStringLiteral("-noout"), QStringLiteral("-text")});
    openssl.write(pem.out);
    openssl.closeWriteChannel();
    QVERIFY(openssl.waitForFinished());
    QVERIFY(openssl.readAllStandardOutput().contains("ED25519"));
}

void TestCliEvidence::importListShowVerify() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    QByteArray lines;
    for (int i = 0; i < 50; ++i)
        lines += "{\"kind\":\"signal.fallback_rate\",\"scope\":\"" + QByteArray(i % 2 ? "kl" : "my") +
                 "\",\"payload\":{\"value\":\"0." + QByteArray::number(i) + "\"}}\n";
    const QString file = m_home->write(QStringLiteral("signals.jsonl"), lines);
    const auto imp =
        cli({QStringLiteral("evidence"), QStringLiteral("import"), file, QStringLiteral("--json")});
    QCOMPARE(imp.exitCode, 0);
    QCOMPARE(CanonicalJson::parse(imp.out.toStdString())->find("imported")->toInt(), 50);
    const auto list = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--scope"),
                           QStringLiteral("kl"), QStringLiteral("--limit"), QStringLiteral("10"),
                           QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const auto events = CanonicalJson::parse(list.out.toStdString()).value().toArray();
    QCOMPARE(events.size(), std::size_t(10));
    for (const JsonValue &e : events)
        QCOMPARE(e.stringAt("scope"), QStringLiteral("kl"));
    // Every match, as the Evidence panel exports it: CSV with a header, JSON as the canonical events.
    const auto csv = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--scope"),
                          QStringLiteral("kl"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> rows = csv.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 26); // the header and every one of the 25 events of kl
    QCOMPARE(rows.first(), QByteArray("seq,time,actor,kind,scope,signed,leaf_hash,payload"));
    QVERIFY2(rows.at(1).contains(",signal.fallback_rate,kl,batch,"), rows.at(1).constData());
    const auto asJson = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--scope"),
                             QStringLiteral("kl"), QStringLiteral("--format"), QStringLiteral("json"),
                             QStringLiteral("--limit"), QStringLiteral("3")});
    QCOMPARE(asJson.exitCode, 0);
    QCOMPARE(CanonicalJson::parse(asJson.out.toStdString()).value().toArray().size(), std::size_t(3));
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--format"),
                  QStringLiteral("xml")})
                 .exitCode,
             static_cast<int>(ErrorCode::Usage));
    // The search is a substring of the event bytes (times included): search for the quoted value.
    const auto search = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--search"),
                             QStringLiteral("\"0.42\"")});
    QCOMPARE(search.out.count('\n'), 1);
    const auto show = cli(
        {QStringLiteral("evidence"), QStringLiteral("show"), QStringLiteral("20"), QStringLiteral("--json")});
    QCOMPARE(show.exitCode, 0);
    const auto shown = CanonicalJson::parse(show.out.toStdString()).value();
    QCOMPARE(shown.find("inclusion_proof")->find("verified")->toBool(), true);
    QCOMPARE(shown.find("seq")->toInt(), 20);
    QCOMPARE(shown.stringAt("signature"), QStringLiteral("covered by batch checkpoint"));
    // The importer's batch statement is signed without its position, bound to this log.
    const auto statement = cli(
        {QStringLiteral("evidence"), QStringLiteral("show"), QStringLiteral("52"), QStringLiteral("--json")});
    QCOMPARE(statement.exitCode, 0);
    const QString signature = CanonicalJson::parse(statement.out.toStdString())->stringAt("signature");
    QVERIFY2(signature.startsWith(QStringLiteral("valid (alice, SHA256:")) &&
                 signature.endsWith(QStringLiteral(", position-free)")),
             qPrintable(signature));
    const auto verify = cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(verify.exitCode, 0);
    const auto report = CanonicalJson::parse(verify.out.toStdString()).value();
    QCOMPARE(report.find("intact")->toBool(), true);
    QCOMPARE(report.find("events")->toInt(), 52); // alice, 50 signals and the batch statement
    QVERIFY(report.find("first_bad_seq")->isNull());
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("show"), QStringLiteral("999")}).exitCode, 3);
}

void TestCliEvidence::importBadLineExitsThreeAndWritesNothing() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    const QString file = m_home->write(QStringLiteral("bad.jsonl"),
                                       "{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{}}\n"
                                       "{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{\"rate\":0.25}}\n");
    const auto r = cli({QStringLiteral("evidence"), QStringLiteral("import"), file});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains((file + QStringLiteral(":2: floating-point")).toUtf8()), r.err.constData());
    const auto list = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(CanonicalJson::parse(list.out.toStdString())->toArray().size(), std::size_t(1));
}

void TestCliEvidence::attachAndVerifySignatures() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    const QString cap = m_home->write(QStringLiteral("fi-output.txt"),
                                      "=== Edge FI Test Summary ===\nPass: 2\nFail: 0\nNot run: 1\n");
    const auto a = cli({QStringLiteral("evidence"), QStringLiteral("attach"), cap, QStringLiteral("--scope"),
                        QStringLiteral("kl"), QStringLiteral("--json")});
    QCOMPARE(a.exitCode, 0);
    const auto e = CanonicalJson::parse(a.out.toStdString()).value();
    QCOMPARE(e.find("payload")->stringAt("media_type"), QStringLiteral("text/plain"));
    const auto v =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures")});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.contains("2 event signatures"));
}

void TestCliEvidence::verifyFindsTamperingExitOne() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    const QString file = m_home->write(QStringLiteral("s.jsonl"),
                                       "{\"kind\":\"note.b\",\"scope\":\"kl\",\"payload\":{\"n\":1}}\n"
                                       "{\"kind\":\"note.b\",\"scope\":\"kl\",\"payload\":{\"n\":2}}\n");
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("import"), file}).exitCode, 0);
    sqlite3 *db = nullptr;
    sqlite3_open(store().toUtf8().constData(), &db);
    sqlite3_exec(db, "DROP TRIGGER events_no_UPDATE; UPDATE events SET scope='my' WHERE seq=3", nullptr,
                 nullptr, nullptr);
    sqlite3_close(db);
    const auto v = cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(v.exitCode, 1);
    const auto report = CanonicalJson::parse(v.out.toStdString()).value();
    QCOMPARE(report.find("intact")->toBool(true), false);
    QCOMPARE(report.find("first_bad_seq")->toInt(), 3);
    QVERIFY(report.stringAt("reason").contains(QStringLiteral("scope differs")));
}

void TestCliEvidence::prodRefusesUnencryptedKeyAndMissingPassphrase() {
    m_run->unset(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
    const auto dev = cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("dave"),
                          QStringLiteral("--roles"), QStringLiteral("operator")});
    QCOMPARE(dev.exitCode, 0); // dev: unencrypted key allowed, with a warning
    QVERIFY(dev.err.contains("unencrypted"));
    // Outside dev the config pins the admin keys: dave, the genesis.
    const auto listed = CanonicalJson::parse(
        cli({QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("--json")})
            .out.toStdString());
    QVERIFY(listed.ok());
    QFile good(QStringLiteral(OPSCONSOLE_TEST_DATA "/config/good.yaml"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QString cfg = m_home->write(QStringLiteral("prod.yaml"),
                                      good.readAll() + "\ntrust:\n  admins: [\"" +
                                          listed->toArray().at(0).stringAt("fingerprint").toUtf8() + "\"]\n");
    m_run->set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("prod"));
    m_run->set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    const QString cap = m_home->write(QStringLiteral("c.txt"), "x");
    const auto prod =
        cli({QStringLiteral("--config"), cfg, QStringLiteral("evidence"), QStringLiteral("attach"), cap});
    QCOMPARE(prod.exitCode, 4);
    QVERIFY(prod.err.contains("unencrypted keys are allowed only in dev"));
    const auto create =
        cli({QStringLiteral("--config"), cfg, QStringLiteral("identity"), QStringLiteral("create"),
             QStringLiteral("erin"), QStringLiteral("--roles"), QStringLiteral("qa")});
    QCOMPARE(create.exitCode, 4);
    QVERIFY(create.err.contains("a passphrase is required outside dev"));
}

void TestCliEvidence::wrongPassphraseRefused() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    const QString passFile = m_home->write(QStringLiteral("pass.txt"), "not the passphrase\n");
    m_run->unset(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
    const QString cap = m_home->write(QStringLiteral("c.txt"), "x");
    const auto r = cli({QStringLiteral("--passphrase-file"), passFile, QStringLiteral("evidence"),
                        QStringLiteral("attach"), cap});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.err.contains("wrong passphrase"));
    const QString good = m_home->write(QStringLiteral("good.txt"), "correct horse battery\n");
    QCOMPARE(cli({QStringLiteral("--passphrase-file"), good, QStringLiteral("evidence"),
                  QStringLiteral("attach"), cap})
                 .exitCode,
             0);
}

void TestCliEvidence::notAStoreExitsFive() {
    const QString bogus = m_home->write(QStringLiteral("bogus.sqlite"), "hello, I am a text file");
    const auto r =
        cli({QStringLiteral("--store"), bogus, QStringLiteral("evidence"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 5);
    QVERIFY(r.err.contains("not an opsconsole evidence store"));
    const auto missing = cli({QStringLiteral("--store"), m_home->file(QStringLiteral("none.sqlite")),
                              QStringLiteral("evidence"), QStringLiteral("verify")});
    QCOMPARE(missing.exitCode, 5);
}

void TestCliEvidence::passphraseNeverPrinted() {
    const QByteArray pass = "pp-5d41402abc4b2a76b9719d911017c592";
    m_run->set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QString::fromLatin1(pass));
    QList<RunResult> runs;
    runs << cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                 QStringLiteral("--roles"), QStringLiteral("operator"), QStringLiteral("--json")});
    const QString cap = m_home->write(QStringLiteral("c.txt"), "x");
    runs << cli({QStringLiteral("evidence"), QStringLiteral("attach"), cap, QStringLiteral("--json")});
    runs << cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--json")});
    m_run->set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("wrong-") + QString::fromLatin1(pass));
    runs << cli({QStringLiteral("evidence"), QStringLiteral("attach"), cap});
    for (const RunResult &r : runs) {
        QVERIFY(!r.out.contains(pass));
        QVERIFY(!r.err.contains(pass));
    }
    QVERIFY(!FileUtil::readAll(store(), 1 << 24)->contains(pass));
}

void TestCliEvidence::signalRecord() {
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                  QStringLiteral("--roles"), QStringLiteral("operator")})
                 .exitCode,
             0);
    auto r = cli({QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("publish_blocked"),
                  QStringLiteral("--scope"), QStringLiteral("kl"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(CanonicalJson::parse(r.out.toStdString())->stringAt("kind"),
             QStringLiteral("signal.publish_blocked"));
    r = cli({QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("fallback_rate"),
             QStringLiteral("--scope"), QStringLiteral("my"), QStringLiteral("--value"),
             QStringLiteral("18%")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(cli({QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("cpu_hot"),
                  QStringLiteral("--scope"), QStringLiteral("kl")})
                 .exitCode,
             2);
    QCOMPARE(cli({QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("watchdog_breach"),
                  QStringLiteral("--scope"), QStringLiteral("atlantis")})
                 .exitCode,
             3);
    r = cli({QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("fallback_rate"),
             QStringLiteral("--scope"), QStringLiteral("my"), QStringLiteral("--value"),
             QStringLiteral("lots")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("fraction (0.18) or percentage (18%)"));
    const auto list = cli({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--kind"),
                           QStringLiteral("signal.fallback_rate"), QStringLiteral("--json")});
    const auto events = CanonicalJson::parse(list.out.toStdString()).value().toArray();
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events.at(0).find("payload")->stringAt("value"), QStringLiteral("18%"));
    QVERIFY(cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures")})
                .exitCode == 0);
}

QTEST_GUILESS_MAIN(TestCliEvidence)
#include "tst_cli_evidence.moc"
