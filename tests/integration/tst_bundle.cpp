// Export bundles: verified by opsconsole and by docs/verify_bundle.py (standard library +
// openssl), and every tampering caught by both.
#include "core/FileUtil.h"
#include "store/Bundle.h"

#include "StoreFixture.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace ops;
using namespace ops::test;

class TestBundle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void filters();
    void tamper_data();
    void tamper();
    void pinnedKey();
    void unsafeEntryNamesFlagged();
    void notABundle();

private:
    std::unique_ptr<StoreFixture> m_f;
    QString m_bundle;
};

static int python(const QString &bundle, QByteArray *out = nullptr) {
    QProcess p;
    p.start(QStringLiteral("python3"),
            {QStringLiteral(OPSCONSOLE_SOURCE_DIR "/docs/verify_bundle.py"), bundle});
    p.waitForFinished(120000);
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

static bool run(const QString &program, const QStringList &args, const QString &cwd = {}) {
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

void TestBundle::initTestCase() {
    m_f = std::make_unique<StoreFixture>();
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(m_f->enrol(bob, {QStringLiteral("operator")}).ok());
    m_f->appendN(6);
    NewEvent e;
    e.kind = QStringLiteral("incident.note");
    e.scope = QStringLiteral("my");
    e.payload["incident"] = QStringLiteral("INC-7");
    e.payload["text"] = QStringLiteral("Zeichen: ä ö ü — \"quoted\" \\ back\nslash");
    QVERIFY(m_f->store->append(bob, {e}).ok());
    QVERIFY(m_f->store
                ->attach(m_f->alice, QStringLiteral("demo-output.txt"), "VALIDATION PASS (checks=32)\n",
                         QStringLiteral("text/plain"), QStringLiteral("kl"))
                .ok());
    m_bundle = m_f->dir.file(QStringLiteral("bundle.tar.zst"));
    const auto summary = Bundle::exportBundle(*m_f->store, m_bundle, {}, m_f->alice);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
    QCOMPARE(summary->events, quint64(11)); // alice, bob's request and approval, 6, the note, the attachment
    QCOMPARE(summary->blobs, quint64(1));
}

void TestBundle::roundTrip() {
    const auto report = Bundle::verifyBundle(m_bundle);
    QVERIFY(report.ok());
    QVERIFY2(report->valid, qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->events, quint64(11));
    QCOMPARE(report->signer, QStringLiteral("alice"));
    QByteArray out;
    QCOMPARE(python(m_bundle, &out), 0);
    QVERIFY2(out.startsWith("OK 11 events"), out.constData());
}

void TestBundle::filters() {
    const QString out = m_f->dir.file(QStringLiteral("incident.tar.zst"));
    Bundle::ExportFilter filter;
    filter.incident = QStringLiteral("INC-7");
    const auto summary = Bundle::exportBundle(*m_f->store, out, filter, m_f->alice);
    QCOMPARE(summary->events, quint64(1));
    const auto report = Bundle::verifyBundle(out);
    QVERIFY(report->valid);
    QCOMPARE(python(out), 0);
}

void TestBundle::tamper_data() {
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("problem");
    QTest::newRow("changed event") << QStringLiteral("sed -i '5s/\"i\":1/\"i\":7/' events.jsonl")
                                   << QStringLiteral("events.jsonl:5");
    QTest::newRow("removed event") << QStringLiteral("sed -i '4d' events.jsonl")
                                   << QStringLiteral("lines but proofs.jsonl");
    QTest::newRow("removed event and proof")
        << QStringLiteral("sed -i '4d' events.jsonl && sed -i '4d' proofs.jsonl")
        << QStringLiteral("events added or removed");
    // Each change flips a byte (never "set to X", which is a no-op when it already is X).
    QTest::newRow("changed signature")
        << QStringLiteral("python3 -c \"p='checkpoint.sig'; b=bytearray(open(p,'rb').read()); b[10]^=1; "
                          "open(p,'wb').write(b)\"")
        << QStringLiteral("checkpoint.sig does not verify");
    QTest::newRow("changed checkpoint")
        << QStringLiteral("sed -i 's/\"size\":[0-9]*/\"size\":9/' checkpoint.json") << QStringLiteral("");
    QTest::newRow("swapped signer key") << QStringLiteral("cp keys/bob.pem keys/alice.pem")
                                        << QStringLiteral("not the key named in the checkpoint");
    QTest::newRow("changed attachment")
        << QStringLiteral("for f in blobs/*; do echo 'VALIDATION FAIL' > $f; done")
        << QStringLiteral("does not match its SHA-256");
    QTest::newRow("removed attachment")
        << QStringLiteral("rm -r blobs") << QStringLiteral("referenced but not in the bundle");
    QTest::newRow("changed proof") << QStringLiteral("perl -pi -e 'if ($. == 2) { s/(\"path\":\\[\")(.)/$1 . "
                                                     "($2 eq \"0\" ? \"1\" : \"0\")/e }' proofs.jsonl")
                                   << QStringLiteral("events.jsonl:2");
    QTest::newRow("removed export manifest")
        << QStringLiteral("rm export.json export.sig") << QStringLiteral("export.json is missing");
    QTest::newRow("forged export manifest")
        << QStringLiteral("sed -i 's/\"events\":11/\"events\":9/' export.json")
        << QStringLiteral("export.sig does not verify");
    QTest::newRow("event signature forged")
        << QStringLiteral("perl -pi -e 'if ($. == 9) { s/(\"signature\":\")(.)/$1 . ($2 eq \"A\" ? \"B\" : "
                          "\"A\")/e }' events.jsonl")
        << QStringLiteral("events.jsonl:9");
}

void TestBundle::tamper() {
    QFETCH(QString, script);
    QFETCH(QString, problem);
    TempDir work;
    QVERIFY(
        run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), m_bundle}, work.path()));
    QVERIFY(run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, work.path()));
    const QString bad = work.file(QStringLiteral("bad.tar.zst"));
    QVERIFY(run(QStringLiteral("sh"),
                {QStringLiteral("-c"), QStringLiteral("tar --zstd -cf bad.tar.zst --exclude=bad.tar.zst *")},
                work.path()));
    const auto report = Bundle::verifyBundle(bad);
    QVERIFY(report.ok());
    QVERIFY(!report->valid);
    QVERIFY2(report->problems.join(QLatin1Char('\n')).contains(problem),
             qPrintable(report->problems.join(QLatin1Char('\n'))));
    QByteArray out;
    QCOMPARE(python(bad, &out), 1);
    QVERIFY2(out.contains("FAIL"), out.constData());
}

void TestBundle::pinnedKey() {
    const QString fp = m_f->alice.key.publicKey().fingerprint();
    QVERIFY(Bundle::verifyBundle(m_bundle, fp)->valid);
    const auto wrong =
        Bundle::verifyBundle(m_bundle, QStringLiteral("SHA256:") + QString(64, QLatin1Char('0')));
    QVERIFY(!wrong->valid);
    QVERIFY(wrong->problems.join(QString()).contains(QStringLiteral("pinned")));
}

void TestBundle::unsafeEntryNamesFlagged() {
    TempDir work; // the bundle is unpacked one level down, so "../escape" stays inside this directory
    const QString inner = work.file(QStringLiteral("inner"));
    QVERIFY(QDir().mkpath(inner));
    QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), m_bundle}, inner));
    QVERIFY(run(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("echo x > ../escape && tar --zstd -cf bad.tar.zst -P * ../escape")},
                inner));
    const auto report = Bundle::verifyBundle(inner + QStringLiteral("/bad.tar.zst"));
    QVERIFY(report.ok());
    QVERIFY(!report->valid);
    QVERIFY(report->problems.join(QString()).contains(QStringLiteral("unsafe entry name")));
}

void TestBundle::notABundle() {
    const QString junk = m_f->dir.write(QStringLiteral("junk.tar.zst"), "this is not an archive at all");
    const auto r = Bundle::verifyBundle(junk);
    QVERIFY(!r.ok() || !r->valid);
    if (!r.ok())
        QCOMPARE(r.error().exitCode(), 3);
}

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
