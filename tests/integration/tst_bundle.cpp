// Export bundles: verified by opsconsole and by docs/verify_bundle.py (standard library +
// openssl + zstd), and every tampering caught by both — the way someone holding the bundle,
// tar, sed, openssl and Python would attack it.
#include "core/FileUtil.h"
#include "core/Tar.h"
#include "crypto/SignedNote.h"
#include "store/Bundle.h"

#include "StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

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
    void droppedEventResignedByFreshKeyFailsThePin();
    void pemTricksRefused_data();
    void pemTricksRefused();
    void hostileEntries_data();
    void hostileEntries();
    void notABundle();
    void decompressionBombRefused();
    void floodsAndSparseFilesStayBounded();
    void noExternalDecompressorRuns();
    void exportWritesAPrivateFileAndFollowsNoLink();
    void exporterMustBeApproved();
    void namesWithAnAtVerify();
    void rotatedKeysKeepEarlierEventsVerifiable();
    void aSecondGzipMemberIsRefused();
    void bothVerifiersReadKeysAndTheLogAlike();
    void verifyMdRecipeChecksEventSignatures();

private:
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<Signer> m_bob;
    QString m_bundle;
};

static int python(const QString &bundle, QByteArray *out = nullptr, const QStringList &extra = {}) {
    QProcess p;
    p.start(QStringLiteral("python3"),
            QStringList{QStringLiteral(OPSCONSOLE_SOURCE_DIR "/docs/verify_bundle.py"), bundle} + extra);
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
    const bool ok = p.waitForFinished(120000) && p.exitCode() == 0;
    if (!ok)
        qWarning("%s: %s", qPrintable(program),
                 QByteArray(p.readAllStandardOutput() + p.readAllStandardError()).constData());
    return ok;
}

// Unpacks the bundle into a fresh directory, runs `script` there, packs every file again.
static QString tampered(const QString &bundle, TempDir &work, const QString &script) {
    const QString dir = work.file(QStringLiteral("x"));
    if (!QDir().mkpath(dir) ||
        !run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), bundle}, dir) ||
        !run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, dir))
        return {};
    const QString bad = work.file(QStringLiteral("bad.tar.zst"));
    if (!run(QStringLiteral("sh"),
             {QStringLiteral("-c"),
              QStringLiteral("find . -type f -printf '%P\\n' | sort | tar --zstd -cf %1 -T -").arg(bad)},
             dir))
        return {};
    return bad;
}

static QString forge() {
    return QStringLiteral("python3 " OPSCONSOLE_SOURCE_DIR "/tests/integration/bundle_forge.py");
}

void TestBundle::initTestCase() {
    m_f = std::make_unique<StoreFixture>();
    m_bob = std::make_unique<Signer>(makeSigner(QStringLiteral("bob")));
    const Signer &bob = *m_bob;
    QVERIFY(m_f->enrol(bob, {QStringLiteral("operator")}).ok());
    m_f->appendN(6);
    NewEvent e;
    e.kind = QStringLiteral("incident.evidence");
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
    QCOMPARE(report->exporter, QStringLiteral("alice"));
    QCOMPARE(report->signerKey, m_f->alice.key.publicKey().fingerprint());
    QVERIFY(!report->pinned);
    QByteArray out;
    QCOMPARE(python(m_bundle, &out), 0);
    QVERIFY2(out.startsWith("OK 11 events"), out.constData());
    QVERIFY2(out.contains("NOT pinned"), out.constData());
    QCOMPARE(FileUtil::permissions(m_bundle), 0600);
}

void TestBundle::filters() {
    const QString out = m_f->dir.file(QStringLiteral("incident.tar.zst"));
    Bundle::ExportFilter filter;
    filter.incident = QStringLiteral("INC-7");
    const auto summary = Bundle::exportBundle(*m_f->store, out, filter, m_f->alice);
    QCOMPARE(summary->events, quint64(1));
    const auto report = Bundle::verifyBundle(out);
    QVERIFY2(report->valid, qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(python(out), 0);
}

void TestBundle::tamper_data() {
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("problem");
    // Line N of events.jsonl is event N (the whole log is exported).
    QTest::newRow("changed event") << QStringLiteral("sed -i '5s/\"i\":1/\"i\":7/' events.jsonl")
                                   << QStringLiteral("events.jsonl:5");
    QTest::newRow("removed event") << QStringLiteral("sed -i '4d' events.jsonl")
                                   << QStringLiteral("events.jsonl is not the entry the exporter signed");
    QTest::newRow("removed event and proof")
        << QStringLiteral("sed -i '4d' events.jsonl && rm proofs/4.tlog-proof")
        << QStringLiteral("proofs/4.tlog-proof is in the manifest but not in the bundle");
    // Each change flips a byte (never "set to X", which is a no-op when it already is X).
    QTest::newRow("changed checkpoint signature")
        << QStringLiteral(
               "python3 -c \"p='checkpoint'; b=bytearray(open(p,'rb').read()); i=b.rindex(b' ')+9; "
               "b[i]^=1; open(p,'wb').write(b)\"")
        << QStringLiteral("checkpoint");
    QTest::newRow("changed checkpoint size")
        << QStringLiteral("sed -i '2s/^[0-9]*$/9/' checkpoint") << QStringLiteral("checkpoint");
    QTest::newRow("swapped signer key") << QStringLiteral("cp keys/bob.pem keys/alice.pem")
                                        << QStringLiteral("keys/alice.vkey is not the verifier key");
    QTest::newRow("changed attachment")
        << QStringLiteral("for f in blobs/*; do echo 'VALIDATION FAIL' > $f; done")
        << QStringLiteral("does not match its SHA-256");
    QTest::newRow("removed attachment")
        << QStringLiteral("rm -r blobs") << QStringLiteral("is in the manifest but not in the bundle");
    QTest::newRow("changed proof")
        << QStringLiteral("python3 -c \"p='proofs/2.tlog-proof'; l=open(p).read().split('\\n'); "
                          "l[2]=('B' if l[2][0]=='A' else 'A')+l[2][1:]; open(p,'w').write('\\n'.join(l))\"")
        << QStringLiteral("events.jsonl:2");
    QTest::newRow("removed manifest") << QStringLiteral("rm manifest.json manifest.sig")
                                      << QStringLiteral("manifest.json or manifest.sig is missing");
    QTest::newRow("forged manifest") << QStringLiteral("sed -i 's/\"events\":11/\"events\":9/' manifest.json")
                                     << QStringLiteral("manifest.sig does not verify");
    QTest::newRow("event signature forged")
        << QStringLiteral("perl -pi -e 'if ($. == 9) { s/(\"signature\":\")(.)/$1 . ($2 eq \"A\" ? \"B\" : "
                          "\"A\")/e }' events.jsonl")
        << QStringLiteral("events.jsonl:9");
    QTest::newRow("unknown entry") << QStringLiteral("printf '#!/bin/sh\\necho valid\\n' > verify.sh")
                                   << QStringLiteral("entry verify.sh is not in the manifest");
    QTest::newRow("replaced instructions")
        << QStringLiteral("echo 'Run verify.sh from this bundle.' > VERIFY.md")
        << QStringLiteral("VERIFY.md is not the entry the exporter signed");
}

void TestBundle::tamper() {
    QFETCH(QString, script);
    QFETCH(QString, problem);
    TempDir work;
    const QString bad = tampered(m_bundle, work, script);
    QVERIFY(!bad.isEmpty());
    const auto report = Bundle::verifyBundle(bad);
    QVERIFY(report.ok());
    QVERIFY(!report->valid);
    QVERIFY2(report->problems.join(QLatin1Char('\n')).contains(problem),
             qPrintable(report->problems.join(QLatin1Char('\n'))));
    QByteArray out;
    QCOMPARE(python(bad, &out), 1);
    QVERIFY2(out.contains("FAIL") && out.contains(problem.toUtf8()), out.constData());
}

void TestBundle::pinnedKey() {
    const QString fp = m_f->alice.key.publicKey().fingerprint();
    const auto pinned = Bundle::verifyBundle(m_bundle, {fp});
    QVERIFY(pinned->valid);
    QVERIFY(pinned->pinned);
    QByteArray out;
    QCOMPARE(python(m_bundle, &out, {QStringLiteral("--pin"), fp}), 0);
    QVERIFY2(out.contains("both keys pinned"), out.constData());
    const QString other = QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'));
    const auto wrong = Bundle::verifyBundle(m_bundle, {other});
    QVERIFY(!wrong->valid);
    QVERIFY(wrong->problems.join(QString()).contains(QStringLiteral("not pinned")));
    QCOMPARE(python(m_bundle, &out, {QStringLiteral("--pin"), other}), 1);

    // Exported by bob, sealed by alice: pinning one of them is not enough.
    const QString byBob = m_f->dir.file(QStringLiteral("by-bob.tar.zst"));
    QVERIFY(Bundle::exportBundle(*m_f->store, byBob, {}, *m_bob).ok());
    const auto onlyAlice = Bundle::verifyBundle(byBob, {fp});
    QVERIFY(!onlyAlice->valid);
    QVERIFY(onlyAlice->problems.join(QString()).contains(QStringLiteral("exporter bob")));
    const auto both = Bundle::verifyBundle(byBob, {fp, m_bob->key.publicKey().fingerprint()});
    QVERIFY2(both->valid, qPrintable(both->problems.join(QLatin1Char('\n'))));
    QCOMPARE(both->exporter, QStringLiteral("bob"));
    QCOMPARE(
        python(byBob, &out,
               {QStringLiteral("--pin"), fp, QStringLiteral("--pin"), m_bob->key.publicKey().fingerprint()}),
        0);
    // Pins per role: the exporter's key does not pass for the checkpoint signer's.
    const QString bobFp = m_bob->key.publicKey().fingerprint();
    QVERIFY(Bundle::verifyBundle(byBob, Bundle::Pins{{}, {fp}, {bobFp}})->valid);
    const auto swapped = Bundle::verifyBundle(byBob, Bundle::Pins{{}, {bobFp}, {fp}});
    QVERIFY(!swapped->valid);
    QVERIFY(swapped->problems.join(QString()).contains(QStringLiteral("checkpoint signer alice")));
    QCOMPARE(
        python(byBob, &out, {QStringLiteral("--pin-signer"), fp, QStringLiteral("--pin-exporter"), bobFp}),
        0);
    QCOMPARE(
        python(byBob, &out, {QStringLiteral("--pin-signer"), bobFp, QStringLiteral("--pin-exporter"), fp}),
        1);
    // A key pinned out of band and a fake one signing under a pinned name are told apart.
    const Signer fakeBob = makeSigner(QStringLiteral("bob"));
    QVERIFY(
        !Bundle::exportBundle(*m_f->store, m_f->dir.file(QStringLiteral("fake.tar.zst")), {}, fakeBob).ok());
}

void TestBundle::droppedEventResignedByFreshKeyFailsThePin() {
    // Drop an event with its proof and re-sign the manifest with a fresh key: consistent in
    // itself, so only a pin of the exporter's key can tell — and both verifiers name it.
    TempDir work;
    const QString key = work.file(QStringLiteral("mallory.key"));
    QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                            QStringLiteral("ed25519"), QStringLiteral("-out"), key}));
    const QString bad =
        tampered(m_bundle, work,
                 QStringLiteral(
                     "sed -i '6d' events.jsonl && rm proofs/6.tlog-proof && %1 . %2 mallory --manifest-only")
                     .arg(forge(), key));
    QVERIFY(!bad.isEmpty());
    const QString fp = m_f->alice.key.publicKey().fingerprint();
    const auto unpinned = Bundle::verifyBundle(bad);
    QVERIFY(unpinned->valid); // integrity alone holds: who signed is the question
    QCOMPARE(unpinned->exporter, QStringLiteral("mallory"));
    const auto report = Bundle::verifyBundle(bad, {fp});
    QVERIFY(!report->valid);
    QVERIFY2(report->problems.join(QString()).contains(QStringLiteral("exporter mallory")),
             qPrintable(report->problems.join(QLatin1Char('\n'))));
    QByteArray out;
    QCOMPARE(python(bad, &out, {QStringLiteral("--pin"), fp}), 1);
    QVERIFY2(out.contains("exporter mallory"), out.constData());
    // A pin of the checkpoint signer alone binds the exporter too: never an exporter nobody pinned.
    const auto signerOnly = Bundle::verifyBundle(bad, Bundle::Pins{{}, {fp}, {}});
    QVERIFY(!signerOnly->valid);
    QVERIFY2(signerOnly->problems.join(QString()).contains(QStringLiteral("exporter mallory")),
             qPrintable(signerOnly->problems.join(QLatin1Char('\n'))));
    QCOMPARE(python(bad, &out, {QStringLiteral("--pin-signer"), fp}), 1);
    QVERIFY2(out.contains("exporter mallory"), out.constData());
    // And the exporter's pin alone binds the checkpoint signer.
    const QString malloryFp = unpinned->exporterKey;
    const auto exporterOnly = Bundle::verifyBundle(bad, Bundle::Pins{{}, {}, {malloryFp}});
    QVERIFY(!exporterOnly->valid);
    QVERIFY(exporterOnly->problems.join(QString()).contains(QStringLiteral("checkpoint signer alice")));
    QCOMPARE(python(bad, &out, {QStringLiteral("--pin-exporter"), malloryFp}), 1);
    // The honest bundle, exported and sealed by alice, passes on her pin for one role.
    QVERIFY(Bundle::verifyBundle(m_bundle, Bundle::Pins{{}, {fp}, {}})->valid);
    QCOMPARE(python(m_bundle, &out, {QStringLiteral("--pin-signer"), fp}), 0);
}

void TestBundle::pemTricksRefused_data() {
    QTest::addColumn<QString>("option");
    QTest::newRow("victim's raw key appended in the block") << QStringLiteral("--append-raw");
    QTest::newRow("victim's PEM block after the attacker's") << QStringLiteral("--two-blocks");
}

void TestBundle::pemTricksRefused() {
    // The attacker re-signs everything as "alice" with their own key and makes keys/alice.pem
    // also hold alice's real key, hoping a verifier fingerprints one key and checks with another.
    QFETCH(QString, option);
    TempDir work;
    const QString key = work.file(QStringLiteral("mallory.key"));
    QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                            QStringLiteral("ed25519"), QStringLiteral("-out"), key}));
    const QString victim = work.write(QStringLiteral("victim.pem"), m_f->alice.key.publicKey().pem());
    const QString bad =
        tampered(m_bundle, work, QStringLiteral("%1 . %2 alice %3 %4").arg(forge(), key, option, victim));
    QVERIFY(!bad.isEmpty());
    const QString fp = m_f->alice.key.publicKey().fingerprint();
    const auto report = Bundle::verifyBundle(bad, {fp});
    QVERIFY(!report->valid);
    const QString said = report->problems.join(QStringLiteral("; "));
    QVERIFY2(said.contains(QLatin1String("keys/alice.pem")), qPrintable(said));
    QByteArray out;
    QCOMPARE(python(bad, &out, {QStringLiteral("--pin"), fp}), 1);
    QVERIFY2(out.contains("keys/alice.pem is not exactly one Ed25519 public key"), out.constData());
}

void TestBundle::hostileEntries_data() {
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("problem"); // as both verifiers name it
    const QString files = QStringLiteral("$(find . -type f -printf '%P ')");
    QTest::newRow("parent directory")
        << QStringLiteral("echo x > ../escape && tar --zstd -cPf ../bad.tar.zst %1 ../escape").arg(files)
        << QStringLiteral("../escape");
    QTest::newRow("absolute path")
        << QStringLiteral("tar --zstd -cPf ../bad.tar.zst %1 /etc/hostname").arg(files)
        << QStringLiteral("/etc/hostname");
    QTest::newRow("./ duplicate")
        << QStringLiteral("tar --zstd --hard-dereference -cf ../bad.tar.zst %1 ./events.jsonl").arg(files)
        << QStringLiteral("events.jsonl occurs more than once");
    QTest::newRow("symbolic link")
        << QStringLiteral("ln -s /etc/passwd keys/zz.pem && tar --zstd -cf ../bad.tar.zst %1 keys/zz.pem")
               .arg(files)
        << QStringLiteral("keys/zz.pem");
    QTest::newRow("directory entries")
        << QStringLiteral("tar --zstd -cf ../bad.tar.zst *") << QStringLiteral("is a directory");
}

void TestBundle::hostileEntries() {
    QFETCH(QString, script);
    QFETCH(QString, problem);
    TempDir work; // the bundle is unpacked one level down, so "../escape" stays inside this directory
    const QString inner = work.file(QStringLiteral("inner"));
    QVERIFY(QDir().mkpath(inner));
    QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), m_bundle}, inner));
    QVERIFY(run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, inner));
    const QString bad = work.file(QStringLiteral("bad.tar.zst"));
    const auto report = Bundle::verifyBundle(bad);
    QVERIFY(report.ok());
    QVERIFY(!report->valid);
    QVERIFY2(report->problems.join(QLatin1Char('\n')).contains(problem),
             qPrintable(report->problems.join(QLatin1Char('\n'))));
    QByteArray out;
    QCOMPARE(python(bad, &out), 1);
    QVERIFY2(out.contains(problem.toUtf8()), out.constData());
}

void TestBundle::notABundle() {
    const QString junk = m_f->dir.write(QStringLiteral("junk.tar.zst"), "this is not an archive at all");
    const auto r = Bundle::verifyBundle(junk);
    QVERIFY(!r.ok() || !r->valid);
    if (!r.ok())
        QCOMPARE(r.error().exitCode(), 3);
    QCOMPARE(python(junk), 1);
}

void TestBundle::decompressionBombRefused() {
    // 2 GiB of zeros in a few hundred KiB: refused by ratio long before it is held.
    TempDir work;
    QVERIFY(run(
        QStringLiteral("sh"),
        {QStringLiteral("-c"),
         QStringLiteral(
             "truncate -s 2G events.jsonl && tar --zstd -cf bomb.tar.zst events.jsonl && rm events.jsonl")},
        work.path()));
    const QString bomb = work.file(QStringLiteral("bomb.tar.zst"));
    const auto r = Bundle::verifyBundle(bomb);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("decompression bomb")), qPrintable(r.error().message));
    QByteArray out;
    QCOMPARE(python(bomb, &out), 1);
    QVERIFY2(out.contains("decompression bomb"), out.constData());

    // One entry larger than a reader allows, incompressible (so not a bomb by ratio): refused by
    // its declared size before a byte of it is handed on; an entry at the cap is read.
    const QString big = work.file(QStringLiteral("big.tar.zst"));
    tar::Writer w;
    QVERIFY(w.open(big).ok());
    QByteArray random(4096, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QVERIFY(w.add(QStringLiteral("small"), random.left(1000)).ok());
    QVERIFY(w.add(QStringLiteral("large"), random).ok());
    QVERIFY(w.close().ok());
    tar::ScanLimits limits;
    limits.maxEntryBytes = 1000;
    QStringList handed;
    const auto scanned = tar::scanFile(big, limits, [&](const QString &name, qint64) -> tar::ChunkSink {
        handed << name;
        return {};
    });
    QVERIFY(!scanned.ok());
    QVERIFY2(scanned.error().message.contains(
                 QStringLiteral("entry 'large' holds 4096 bytes, more than the 1000 one entry may hold")),
             qPrintable(scanned.error().message));
    QCOMPARE(handed, QStringList{QStringLiteral("small")});
}

void TestBundle::floodsAndSparseFilesStayBounded() {
    // Millions of empty lines in place of events.jsonl: named once, not once per line.
    TempDir work;
    const QString flood =
        tampered(m_bundle, work,
                 QStringLiteral("python3 -c \"import os; open('events.jsonl','wb').write(b'\\n'*3000000); "
                                "open('a-pad.bin','wb').write(os.urandom(100000))\"")); // under the ratio cap
    QVERIFY(!flood.isEmpty());
    const auto r = Bundle::verifyBundle(flood);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(!r->valid);
    QVERIFY2(r->problems.size() <= 201, qPrintable(QString::number(r->problems.size())));
    QVERIFY(r->problems.join(QString()).contains(QStringLiteral("events.jsonl is not the entry")));
    QByteArray out;
    QCOMPARE(python(flood, &out), 1);
    QVERIFY2(out.count('\n') < 50 && !out.contains("Traceback"), out.left(2000).constData());
    // A sparse member that declares a gigabyte of holes: refused, never expanded in memory.
    TempDir sparseWork;
    QVERIFY(run(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("mkdir x && cd x && tar --zstd -xf %1 && truncate -s 1G blobs.sparse && "
                                "tar --zstd -S -cf ../sparse.tar.zst $(find . -type f -printf '%P ')")
                     .arg(m_bundle)},
                sparseWork.path()));
    const QString sparse = sparseWork.file(QStringLiteral("sparse.tar.zst"));
    const auto s = Bundle::verifyBundle(sparse);
    QVERIFY(!s.ok() || !s->valid);
    QCOMPARE(python(sparse, &out), 1);
    QVERIFY2(!out.contains("Traceback"), out.constData());
}

void TestBundle::noExternalDecompressorRuns() {
    // An lzop-compressed "bundle" with an lzop on PATH that leaves a mark: libarchive would hand
    // the stream to it; the readers enable gzip and zstd only, in process.
    TempDir work;
    const QString mark = work.file(QStringLiteral("ran"));
    work.write(QStringLiteral("bin/lzop"), QStringLiteral("#!/bin/sh\ntouch %1\ncat\n").arg(mark).toUtf8());
    QVERIFY(QFile::setPermissions(work.file(QStringLiteral("bin/lzop")),
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QByteArray lzo("\x89LZO\x00\x0d\x0a\x1a\x0a", 9);
    lzo += QByteArray(512, '\x01');
    const QString bundle = work.write(QStringLiteral("b.tar.lzo"), lzo);
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(work.file(QStringLiteral("bin"))) + ':' + path);
    const auto r = Bundle::verifyBundle(bundle);
    qputenv("PATH", path);
    QVERIFY(!QFile::exists(mark));
    const QString said = r.ok() ? r->problems.join(QStringLiteral("; ")) : r.error().toString();
    QVERIFY2(!r.ok() || !r->valid, qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("archive")), qPrintable(said));
    QByteArray out;
    QCOMPARE(python(bundle, &out), 1);
    QVERIFY(!QFile::exists(mark));
    QVERIFY2(out.contains("zstd") || out.contains("gzip"), out.constData());
}

void TestBundle::exportWritesAPrivateFileAndFollowsNoLink() {
    TempDir work;
    const QString victim = work.write(QStringLiteral("victim.txt"), "keep me");
    const QString out = work.file(QStringLiteral("out.tar.zst"));
    QVERIFY(QFile::link(victim, out));
    QVERIFY(Bundle::exportBundle(*m_f->store, out, {}, m_f->alice).ok());
    QCOMPARE(FileUtil::readAll(victim, 100).value(), QByteArray("keep me"));
    QVERIFY(!QFileInfo(out).isSymLink());
    QCOMPARE(FileUtil::permissions(out), 0600);
    QVERIFY(Bundle::verifyBundle(out)->valid);
    QCOMPARE(QDir(work.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary left
}

void TestBundle::exporterMustBeApproved() {
    StoreFixture f;
    const Signer carol = makeSigner(QStringLiteral("carol"));
    QVERIFY(f.store->registerIdentity(carol, {QStringLiteral("operator")}).ok());
    const auto r = Bundle::exportBundle(*f.store, f.dir.file(QStringLiteral("c.tar.zst")), {}, carol);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
}

// An identity name may hold '@' (an e-mail style name): its key files are bundle entries like any
// other, for both verifiers.
void TestBundle::namesWithAnAtVerify() {
    StoreFixture f;
    const Signer ana = makeSigner(QStringLiteral("ana@example.org"));
    QVERIFY(f.enrol(ana, {QStringLiteral("operator")}).ok());
    NewEvent e;
    e.kind = QStringLiteral("incident.evidence");
    e.scope = QStringLiteral("kl");
    e.payload["incident"] = QStringLiteral("INC-1");
    e.payload["text"] = QStringLiteral("seen from the on-call laptop");
    QVERIFY(f.store->append(ana, {e}).ok());
    const QString bundle = f.dir.file(QStringLiteral("at.tar.zst"));
    const auto summary = Bundle::exportBundle(*f.store, bundle, {}, ana);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
    QVERIFY(summary->keys.contains(QStringLiteral("ana@example.org")));
    const auto report = Bundle::verifyBundle(bundle);
    QVERIFY(report.ok());
    QVERIFY2(report->valid, qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->exporter, QStringLiteral("ana@example.org"));
    QByteArray out;
    QCOMPARE(python(bundle, &out), 0);
    QVERIFY2(out.startsWith("OK "), out.constData());
}

// bob rotates his key (approved by an admin): what he signed before verifies with the key he
// held then, carried as keys/retired/bob/<until>.pem, what he signs after with his new key, for
// both verifiers; the retired key is no current key of anyone.
void TestBundle::rotatedKeysKeepEarlierEventsVerifiable() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(f.enrol(bob, {QStringLiteral("operator")}).ok());
    auto note = [&](const Signer &who, const QString &text) {
        NewEvent e;
        e.kind = QStringLiteral("incident.evidence");
        e.scope = QStringLiteral("kl");
        e.payload["incident"] = QStringLiteral("INC-1");
        e.payload["text"] = text;
        return f.store->append(who, {e});
    };
    QVERIFY(note(bob, QStringLiteral("before the rotation")).ok());
    auto next = crypto::PrivateKey::generate();
    QVERIFY(next.ok());
    auto rotated = f.store->rotateIdentity(bob, next.value());
    QVERIFY2(rotated.ok(), qPrintable(rotated.ok() ? QString() : rotated.error().toString()));
    QVERIFY(f.store->approveIdentity(f.alice, QStringLiteral("bob")).ok());
    const Signer newBob{QStringLiteral("bob"), std::move(next).value()};
    QVERIFY(note(newBob, QStringLiteral("after the rotation")).ok());
    // The new key signs the export, and the latest checkpoint.
    const QString bundle = f.dir.file(QStringLiteral("rotated.tar.zst"));
    const auto summary = Bundle::exportBundle(*f.store, bundle, {}, newBob);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
    const auto report = Bundle::verifyBundle(bundle);
    QVERIFY(report.ok());
    QVERIFY2(report->valid, qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->signerKey, newBob.key.publicKey().fingerprint());
    QByteArray out;
    QCOMPARE(python(bundle, &out), 0);
    QVERIFY2(out.startsWith("OK "), out.constData());
    // The retired key is in the bundle under its period's end.
    TempDir work;
    QVERIFY(
        run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), bundle}, work.path()));
    const QStringList retired = QDir(work.file(QStringLiteral("keys/retired/bob"))).entryList(QDir::Files);
    QCOMPARE(retired.size(), 2); // .pem and .vkey
    QVERIFY(retired.first().endsWith(QLatin1String(".pem")));
    QFile pem(work.file(QStringLiteral("keys/retired/bob/") + retired.first()));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    QCOMPARE(pem.readAll(), bob.key.publicKey().pem());
    pem.close();

    // An exporter's word against the log's: a key period for bob that no approval in the log
    // ends (here one before bob's first event, where no signature would tell), and one of alice's
    // that ends after the checkpoint. Integrity alone holds (unpinned, re-signed): both verifiers name both.
    TempDir attack;
    const QString key = attack.file(QStringLiteral("mallory.key"));
    QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                            QStringLiteral("ed25519"), QStringLiteral("-out"), key}));
    QProcess pub;
    pub.start(QStringLiteral("openssl"),
              {QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout")});
    QVERIFY(pub.waitForFinished(60000));
    const auto mallory = crypto::PublicKey::fromPem(pub.readAllStandardOutput());
    QVERIFY(mallory.ok());
    attack.write(QStringLiteral("fake.pem"), mallory->pem());
    attack.write(QStringLiteral("fake.vkey"),
                 crypto::note::verifierKey(QStringLiteral("bob"), mallory.value()).toUtf8() + "\n");
    attack.write(QStringLiteral("fake-alice.vkey"),
                 crypto::note::verifierKey(QStringLiteral("alice"), mallory.value()).toUtf8() + "\n");
    const quint64 size = report->treeSize;
    const QString fakePem = attack.file(QStringLiteral("fake.pem"));
    const auto forged = [&](const QString &where, const QString &vkey) {
        TempDir scratch;
        const QString bad =
            tampered(bundle, scratch,
                     QStringLiteral("mkdir -p keys/retired/%1 && cp %2 keys/retired/%1/%3.pem && "
                                    "cp %4 keys/retired/%1/%3.vkey && %5 . %6 mallory --manifest-only")
                         .arg(where.section(QLatin1Char('/'), 0, 0), fakePem,
                              where.section(QLatin1Char('/'), 1, 1), attack.file(vkey), forge(), key));
        const QString copy = attack.file(where.section(QLatin1Char('/'), 0, 0) + QStringLiteral(".tar.zst"));
        return !bad.isEmpty() && QFile::copy(bad, copy) ? copy : QString();
    };
    const QString before = forged(QStringLiteral("bob/1"), QStringLiteral("fake.vkey"));
    QVERIFY(!before.isEmpty());
    auto checked = Bundle::verifyBundle(before);
    QVERIFY(checked.ok());
    QVERIFY(!checked->valid);
    QVERIFY2(checked->problems.join(QString()).contains(
                 QStringLiteral("events.jsonl:1: keys/retired/bob/1.pem ends bob's key here, but event 1 "
                                "is not the approval")),
             qPrintable(checked->problems.join(QLatin1Char('\n'))));
    QCOMPARE(python(before, &out), 1);
    QVERIFY2(out.contains("keys/retired/bob/1.pem ends bob's key here"), out.constData());
    const QString after = forged(QStringLiteral("alice/%1").arg(size + 5), QStringLiteral("fake-alice.vkey"));
    QVERIFY(!after.isEmpty());
    const QByteArray afterCheckpoint =
        QStringLiteral("keys/retired/alice/%1.pem retires a key after the checkpoint").arg(size + 5).toUtf8();
    checked = Bundle::verifyBundle(after);
    QVERIFY(checked.ok());
    QVERIFY(!checked->valid);
    QVERIFY2(checked->problems.join(QString()).toUtf8().contains(afterCheckpoint),
             qPrintable(checked->problems.join(QLatin1Char('\n'))));
    QCOMPARE(python(after, &out), 1);
    QVERIFY2(out.contains(afterCheckpoint), out.constData());
}

// Where the two verifiers read a bundle, they read it alike (each refusing what the other does),
// for bundles that are whole in themselves (re-signed by someone unpinned): a verifier key without
// its key, a key file spelled otherwise than an exporter writes it, and a bundle whose events.jsonl
// is gone while its proofs remain.
void TestBundle::bothVerifiersReadKeysAndTheLogAlike() {
    TempDir work;
    const QString key = work.file(QStringLiteral("mallory.key"));
    QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                            QStringLiteral("ed25519"), QStringLiteral("-out"), key}));
    const auto refusedByBoth = [&](const QString &script, const QString &expected) -> QString {
        TempDir scratch;
        const QString bad =
            tampered(m_bundle, scratch,
                     script + QStringLiteral(" && %1 . %2 mallory --manifest-only").arg(forge(), key));
        if (bad.isEmpty())
            return QStringLiteral("could not forge");
        const auto report = Bundle::verifyBundle(bad);
        if (!report.ok())
            return report.error().toString();
        const QString cpp = report->problems.join(QLatin1Char('\n'));
        if (report->valid || !cpp.contains(expected))
            return QStringLiteral("C++: ") + (report->valid ? QStringLiteral("valid") : cpp);
        QByteArray out;
        if (python(bad, &out) != 1 || !out.contains(expected.toUtf8()))
            return QStringLiteral("Python: ") + QString::fromUtf8(out);
        return QString();
    };
    QString failure = refusedByBoth(QStringLiteral("cp keys/alice.vkey keys/zed.vkey"),
                                    QStringLiteral("keys/zed.vkey has no keys/zed.pem"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // alice's key with its base64 on two lines: the same key, another spelling.
    failure = refusedByBoth(
        QStringLiteral(
            "python3 -c \"import sys; l=open('keys/alice.pem').read().split('\\n'); "
            "open('keys/alice.pem','w').write('\\n'.join([l[0], l[1][:30], l[1][30:]] + l[2:]))\""),
        QStringLiteral("keys/alice.pem is not exactly one Ed25519 public key"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = refusedByBoth(QStringLiteral("rm events.jsonl"),
                            QStringLiteral("proofs/1.tlog-proof proves an event the bundle does not hold"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// A gzip bundle with a second member appended: tar -xzf reads it as more of the archive (an
// events.jsonl that overwrites the checked one), so neither verifier may stop at the first.
void TestBundle::aSecondGzipMemberIsRefused() {
    TempDir work;
    const QString gz = work.file(QStringLiteral("bundle.tar.gz"));
    QVERIFY(run(QStringLiteral("sh"),
                {QStringLiteral("-c"), QStringLiteral("zstd -dcq '%1' | gzip -c > '%2'").arg(m_bundle, gz)}));
    QByteArray out;
    QCOMPARE(python(gz, &out), 0); // one member: the same bundle
    QVERIFY2(out.startsWith("OK 11 events"), out.constData());
    // The attack: the genuine archive without its end-of-archive blocks, then a second member
    // with an events.jsonl of the attacker's, which tar -xzf extracts over the genuine one.
    const QString attack = work.file(QStringLiteral("attack.tar.gz"));
    QVERIFY(run(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("zstd -dcq '%1' | python3 -c 'import sys; d=sys.stdin.buffer.read(); "
                                "n=(len(d.rstrip(bytes(1)))+511)//512*512; sys.stdout.buffer.write(d[:n])' "
                                "| gzip -c > '%2' && mkdir fake && echo '{}' > fake/events.jsonl && "
                                "tar -C fake -cf - events.jsonl | gzip -c >> '%2'")
                     .arg(m_bundle, attack)},
                work.path()));
    QVERIFY(python(attack, &out) != 0);
    QVERIFY2(out.contains("after the first gzip member"), out.constData());
    const auto report = Bundle::verifyBundle(attack);
    QVERIFY(!report.ok() || !report->valid);
}

QTEST_GUILESS_MAIN(TestBundle)
// The by-hand recipe of the bundle's own VERIFY.md, run as written (shell, python3, openssl):
// every signed event verifies with its actor's key, and an event changed by one character does not.
void TestBundle::verifyMdRecipeChecksEventSignatures() {
    TempDir work;
    const QString dir = work.file(QStringLiteral("x"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), m_bundle}, dir));
    QFile md(dir + QStringLiteral("/VERIFY.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(md.readAll()).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("      N=2"));
    QVERIFY(start > 0);
    QStringList recipe;
    for (qsizetype i = start + 1; i < lines.size() && lines.at(i).startsWith(QStringLiteral("      ")); ++i)
        recipe << lines.at(i).mid(6);
    QVERIFY2(recipe.size() >= 3 && recipe.last().startsWith(QStringLiteral("openssl pkeyutl -verify")),
             qPrintable(recipe.join(QLatin1Char('\n'))));
    const auto check = [&](int n) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("set -e\nN=%1\n").arg(n) +
                                                                   recipe.join(QLatin1Char('\n'))});
        p.waitForFinished(60000);
        return p.exitCode() == 0 && p.readAllStandardOutput().contains("Signature Verified Successfully");
    };
    QFile events(dir + QStringLiteral("/events.jsonl"));
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QList<QByteArray> jsonl = events.readAll().split('\n');
    events.close();
    int signedEvents = 0;
    for (int n = 1; n <= jsonl.size(); ++n) {
        if (jsonl.at(n - 1).isEmpty() || jsonl.at(n - 1).contains("\"signature\":null"))
            continue;
        ++signedEvents;
        QVERIFY2(check(n), jsonl.at(n - 1).constData());
    }
    QVERIFY2(signedEvents >= 3, "the fixture's acts are signed");
    // bob's note (umlauts, quotes, a backslash, a newline) with one character changed.
    const int note =
        static_cast<int>(std::find_if(jsonl.cbegin(), jsonl.cend(),
                                      [](const QByteArray &l) { return l.contains("Zeichen"); }) -
                         jsonl.cbegin() + 1);
    QVERIFY(check(note));
    QVERIFY(run(QStringLiteral("sed"),
                {QStringLiteral("-i"), QStringLiteral("%1s/Zeichen/Zeichon/").arg(note),
                 QStringLiteral("events.jsonl")},
                dir));
    QVERIFY(!check(note));
}

#include "tst_bundle.moc"
