// Offline verdict verification with keys and signatures made by the openssl command line
// (Ed25519, RSA, ECDSA; raw and base64), bundles as .tar.gz and .tar.zst, and every tamper case:
// changed score, changed bundle, wrong key, truncated signature, ../ and absolute entries, links,
// duplicates, a decompression bomb, a listed file changed or missing. Then the CLI: exit codes,
// JSON, --folder, --record with the four files attached, and `proof summarize` end to end.
#include "CliHarness.h"
#include "DsseRecipe.h"
#include "StoreFixture.h"
#include "VerdictKit.h"

#include "proofs/ProofRecord.h"
#include "proofs/Verdict.h"

#include <QDir>
#include <QTest>

using namespace ops;
using test::BundleEntry;
using test::Compression;

namespace {

const QList<BundleEntry> &evidenceEntries() {
    static const QList<BundleEntry> e{
        {QStringLiteral("results/summary.json"), "{\"checks\": 32, \"failed\": 0}\n"},
        {QStringLiteral("logs/fi-traceability-output.txt"),
         QByteArray("Pass: 2\nFail: 0\nNot run: 1\n").repeated(200)},
        {QStringLiteral("logs/demo-output.txt"), "VALIDATION PASS (checks=32)\n"},
    };
    return e;
}

// A complete, valid verdict in `dir`: bundle, score.json, verdict.sig, verdict.pub.
struct Verdict {
    VerdictFiles files;
    QString key;
    QString type;
};

Verdict makeVerdict(const test::TempDir &dir, const QString &type, Compression c, bool base64,
                    const QList<BundleEntry> &entries = evidenceEntries(),
                    const QList<BundleEntry> &listed = evidenceEntries()) {
    Verdict v;
    v.type = type;
    v.files.bundle = dir.file(c == Compression::Zstd ? QStringLiteral("evidence.tar.zst")
                                                     : QStringLiteral("evidence.tar.gz"));
    if (!test::writeBundle(v.files.bundle, entries, c))
        qFatal("cannot write the bundle");
    v.files.score = dir.write(QStringLiteral("score.json"), test::scoreFor(v.files.bundle, listed));
    v.key = test::makeKey(dir, QStringLiteral("signer"), type);
    if (v.key.isEmpty())
        qFatal("openssl cannot make a %s key", qPrintable(type));
    v.files.publicKey = dir.file(QStringLiteral("verdict.pub"));
    QFile::remove(v.files.publicKey);
    QFile::copy(dir.file(QStringLiteral("signer.pub")), v.files.publicKey);
    v.files.signature = dir.file(QStringLiteral("verdict.sig"));
    if (!test::signFile(v.key, type, v.files.score, v.files.signature, base64))
        qFatal("openssl cannot sign");
    return v;
}

void resign(const Verdict &v) {
    QFile::remove(v.files.signature);
    QVERIFY(test::signFile(v.key, v.type, v.files.score, v.files.signature, false));
}

QStringList failedChecks(const VerdictReport &r) {
    QStringList out;
    for (const VerdictCheck &c : r.checks)
        if (!c.ok)
            out << c.name;
    return out;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestVerdict : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validVerdicts_data();
    void validVerdicts();
    void tamper_data();
    void tamper();
    void decompressionBomb();
    void pinnedKey();
    void unreadableInputsAreErrors();
    void folderDiscovery();
    void recordRefusesFilesChangedSinceVerified();
    void cliVerdict();
    void cliProofSummarize();
};

void TestVerdict::validVerdicts_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("compression");
    QTest::addColumn<bool>("base64");
    QTest::newRow("ed25519 tar.gz raw") << "ed25519" << int(Compression::Gzip) << false;
    QTest::newRow("ed25519 tar.zst base64") << "ed25519" << int(Compression::Zstd) << true;
    QTest::newRow("rsa tar.gz base64") << "rsa" << int(Compression::Gzip) << true;
    QTest::newRow("rsa tar.zst raw") << "rsa" << int(Compression::Zstd) << false;
    QTest::newRow("ecdsa tar.gz raw") << "ecdsa" << int(Compression::Gzip) << false;
    QTest::newRow("ecdsa tar.zst base64") << "ecdsa" << int(Compression::Zstd) << true;
}

void TestVerdict::validVerdicts() {
    QFETCH(QString, type);
    QFETCH(int, compression);
    QFETCH(bool, base64);
    test::TempDir dir;
    const Verdict v = makeVerdict(dir, type, Compression(compression), base64);
    auto r = verifyVerdict(v.files);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY2(r->valid, qPrintable(r->failures().join(QLatin1String(" | "))));
    QCOMPARE(r->checks.size(), 6);
    QCOMPARE(r->signatureEncoding, base64 ? QStringLiteral("base64") : QStringLiteral("raw"));
    QCOMPARE(r->filesListed, 3);
    QCOMPARE(r->filesMatched, 3);
    QCOMPARE(r->bundleInfo.compression,
             compression == int(Compression::Zstd) ? QStringLiteral("zstd") : QStringLiteral("gzip"));
    QCOMPARE(r->bundleSha256.toLatin1(), test::fileSha256Hex(v.files.bundle));
    // The fingerprint is the SHA-256 of the DER public key, as openssl prints it.
    auto der = test::runOpenssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
                                 v.files.publicKey, QStringLiteral("-outform"), QStringLiteral("DER")});
    QCOMPARE(r->keyFingerprint, QStringLiteral("SHA256:") + crypto::sha256Hex(der.out));
    const JsonValue j = r->toJson();
    QCOMPARE(j.find("network_used")->toBool(true), false);
    QCOMPARE(j.find("valid")->toBool(), true);
}

void TestVerdict::tamper_data() {
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QStringList>("failing");
    QTest::newRow("changed score") << "score" << QStringList{QStringLiteral("signature")};
    QTest::newRow("score re-signed with a changed digest")
        << "score-digest" << QStringList{QStringLiteral("evidence_sha256")};
    QTest::newRow("changed bundle") << "bundle"
                                    << QStringList{QStringLiteral("evidence_sha256"),
                                                   QStringLiteral("evidence_files")};
    // libarchive reads the gzip stream and ignores what trails it; the digest still catches it.
    QTest::newRow("bundle byte appended")
        << "bundle-append" << QStringList{QStringLiteral("evidence_sha256")};
    QTest::newRow("wrong key") << "wrong-key" << QStringList{QStringLiteral("signature")};
    QTest::newRow("truncated signature") << "truncated-sig" << QStringList{QStringLiteral("signature")};
    QTest::newRow("truncated base64 signature")
        << "truncated-b64" << QStringList{QStringLiteral("signature")};
    QTest::newRow("not a key") << "garbage-key" << QStringList{QStringLiteral("signature")};
    QTest::newRow("../ entry") << "dotdot" << QStringList{QStringLiteral("bundle paths")};
    QTest::newRow("absolute entry") << "absolute" << QStringList{QStringLiteral("bundle paths")};
    QTest::newRow("symlink entry") << "symlink" << QStringList{QStringLiteral("bundle paths")};
    QTest::newRow("duplicate entry") << "duplicate"
                                     << QStringList{QStringLiteral("bundle paths"),
                                                    QStringLiteral("evidence_files")};
    QTest::newRow("listed file changed") << "file-changed" << QStringList{QStringLiteral("evidence_files")};
    QTest::newRow("listed file missing") << "file-missing" << QStringList{QStringLiteral("evidence_files")};
    QTest::newRow("plain tar") << "plain-tar" << QStringList{QStringLiteral("bundle")};
    QTest::newRow("not an archive") << "not-archive"
                                    << QStringList{QStringLiteral("bundle"), QStringLiteral("bundle paths"),
                                                   QStringLiteral("evidence_files")};
    QTest::newRow("score not JSON") << "score-not-json"
                                    << QStringList{QStringLiteral("score.json"),
                                                   QStringLiteral("evidence_sha256"),
                                                   QStringLiteral("evidence_files")};
    QTest::newRow("score without evidence_sha256")
        << "score-no-digest"
        << QStringList{QStringLiteral("score.json"), QStringLiteral("evidence_sha256"),
                       QStringLiteral("evidence_files")};
    QTest::newRow("score names its digest twice")
        << "score-twice"
        << QStringList{QStringLiteral("score.json"), QStringLiteral("evidence_sha256"),
                       QStringLiteral("evidence_files")};
    QTest::newRow("score names its digest twice, once escaped")
        << "score-twice-escaped"
        << QStringList{QStringLiteral("score.json"), QStringLiteral("evidence_sha256"),
                       QStringLiteral("evidence_files")};
    QTest::newRow("1024-bit RSA key") << "weak-rsa" << QStringList{QStringLiteral("signature")};
    QTest::newRow("P-224 EC key") << "weak-ec" << QStringList{QStringLiteral("signature")};
}

namespace {

// Makes a key with openssl (ALGORITHM, one -pkeyopt), puts its public half in the verdict and
// signs the score with it: a valid signature by a key too weak to stand for anyone.
bool signWithWeakKey(const Verdict &v, const QString &key, const QString &algorithm, const QString &option,
                     const QString &signAs) {
    return test::runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), algorithm,
                             QStringLiteral("-pkeyopt"), option, QStringLiteral("-out"), key})
                   .exitCode == 0 &&
           test::runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                             QStringLiteral("-out"), v.files.publicKey})
                   .exitCode == 0 &&
           test::signFile(key, signAs, v.files.score, v.files.signature, false);
}

} // namespace

void TestVerdict::tamper() {
    QFETCH(QString, tamper);
    QFETCH(QStringList, failing);
    test::TempDir dir;
    Verdict v = makeVerdict(dir, QStringLiteral("ed25519"), Compression::Gzip,
                            tamper == QLatin1String("truncated-b64"));
    const QByteArray score = readAll(v.files.score);
    // Rebuilds the bundle with other entries, then rewrites and re-signs score.json for it, so
    // that only the bundle's own problem remains.
    auto rebundle = [&](const QList<BundleEntry> &entries, Compression c, const QList<BundleEntry> &listed) {
        QVERIFY(test::writeBundle(v.files.bundle, entries, c));
        writeAll(v.files.score, test::scoreFor(v.files.bundle, listed));
        resign(v);
    };
    QList<BundleEntry> entries = evidenceEntries();
    if (tamper == QLatin1String("score")) {
        writeAll(v.files.score, QByteArray(score).replace("0.93", "0.99"));
    } else if (tamper == QLatin1String("score-digest")) {
        const QByteArray digest = test::fileSha256Hex(v.files.bundle);
        QByteArray other = digest;
        other[0] = other[0] == 'a' ? 'b' : 'a';
        writeAll(v.files.score, QByteArray(score).replace(digest, other));
        resign(v);
    } else if (tamper == QLatin1String("bundle")) {
        entries[0].data = "{\"checks\": 32, \"failed\": 3}\n";
        QVERIFY(test::writeBundle(v.files.bundle, entries, Compression::Gzip));
    } else if (tamper == QLatin1String("bundle-append")) {
        QFile f(v.files.bundle);
        QVERIFY(f.open(QIODevice::Append));
        f.write("garbage after the gzip stream");
    } else if (tamper == QLatin1String("wrong-key")) {
        test::makeKey(dir, QStringLiteral("other"), QStringLiteral("ed25519"));
        QFile::remove(v.files.publicKey);
        QFile::copy(dir.file(QStringLiteral("other.pub")), v.files.publicKey);
    } else if (tamper == QLatin1String("truncated-sig") || tamper == QLatin1String("truncated-b64")) {
        const QByteArray sig = readAll(v.files.signature);
        writeAll(v.files.signature, sig.left(sig.size() - 8));
    } else if (tamper == QLatin1String("garbage-key")) {
        writeAll(v.files.publicKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    } else if (tamper == QLatin1String("dotdot")) {
        entries << BundleEntry{QStringLiteral("logs/../../etc/cron.d/x"), "* * * * * root sh\n"};
        rebundle(entries, Compression::Gzip, evidenceEntries());
    } else if (tamper == QLatin1String("absolute")) {
        entries << BundleEntry{QStringLiteral("/etc/passwd"), "root:x:0:0\n"};
        rebundle(entries, Compression::Gzip, evidenceEntries());
    } else if (tamper == QLatin1String("symlink")) {
        entries << BundleEntry{
            QStringLiteral("logs/latest"), {}, BundleEntry::Symlink, QStringLiteral("/etc/shadow")};
        rebundle(entries, Compression::Gzip, evidenceEntries());
    } else if (tamper == QLatin1String("duplicate")) {
        entries << BundleEntry{QStringLiteral("results/summary.json"), "{\"checks\": 32, \"failed\": 9}\n"};
        rebundle(entries, Compression::Gzip, evidenceEntries());
    } else if (tamper == QLatin1String("file-changed")) {
        QList<BundleEntry> listed = entries;
        listed[1].data = "Pass: 2\nFail: 0\n";
        rebundle(entries, Compression::Gzip, listed);
    } else if (tamper == QLatin1String("file-missing")) {
        QList<BundleEntry> listed = entries;
        listed << BundleEntry{QStringLiteral("logs/policy-deny-output.txt"), "deny\n"};
        rebundle(entries, Compression::Gzip, listed);
    } else if (tamper == QLatin1String("plain-tar")) {
        rebundle(entries, Compression::None, evidenceEntries());
    } else if (tamper == QLatin1String("not-archive")) {
        writeAll(v.files.bundle, "this is not an archive at all\n");
        writeAll(v.files.score, test::scoreFor(v.files.bundle, {}));
        resign(v);
    } else if (tamper == QLatin1String("score-not-json")) {
        writeAll(v.files.score, "{\"evidence_sha256\": \n");
        resign(v);
    } else if (tamper == QLatin1String("score-no-digest")) {
        writeAll(v.files.score, "{\"score\": 1}\n");
        resign(v);
    } else if (tamper == QLatin1String("score-twice")) {
        const QByteArray twice = "\"evidence_sha256\": \"" + QByteArray(64, 'a') + "\",";
        writeAll(v.files.score, QByteArray(score).replace("\"score\": 0.93,", twice));
        resign(v);
    } else if (tamper == QLatin1String("score-twice-escaped")) {
        // The same key spelt with an escape: JSON readers that keep the last one see this digest.
        const QByteArray twice = "\"evidence\\u005fsha256\": \"" + QByteArray(64, 'a') + "\",";
        writeAll(v.files.score, QByteArray(score).replace("\"score\": 0.93,", twice));
        resign(v);
    } else if (tamper == QLatin1String("weak-rsa")) {
        // A 1024-bit RSA key signs validly, but is too weak to stand for anyone.
        QVERIFY(signWithWeakKey(v, dir.file(QStringLiteral("weak.key")), QStringLiteral("RSA"),
                                QStringLiteral("rsa_keygen_bits:1024"), QStringLiteral("rsa")));
    } else if (tamper == QLatin1String("weak-ec")) {
        // An ECDSA signature on a 224-bit curve: valid, and below P-256.
        QVERIFY(signWithWeakKey(v, dir.file(QStringLiteral("weak-ec.key")), QStringLiteral("EC"),
                                QStringLiteral("ec_paramgen_curve:P-224"), QStringLiteral("ecdsa")));
    }
    auto r = verifyVerdict(v.files);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(!r->valid);
    QCOMPARE(failedChecks(r.value()), failing);
    for (const VerdictCheck &c : r->checks)
        QVERIFY2(!c.detail.isEmpty(), qPrintable(c.name));
    if (tamper.startsWith(QLatin1String("weak-"))) // the key is refused for its size, not the signature
        QVERIFY2(r->check(QStringLiteral("signature"))->detail.contains(QLatin1String("at least")),
                 qPrintable(r->check(QStringLiteral("signature"))->detail));
}

void TestVerdict::pinnedKey() {
    test::TempDir dir;
    const Verdict v = makeVerdict(dir, QStringLiteral("ecdsa"), Compression::Zstd, false);
    const QString fingerprint = verifyVerdict(v.files)->keyFingerprint;
    VerdictOptions pinned;
    pinned.pins << fingerprint;
    QVERIFY(verifyVerdict(v.files, pinned)->valid);
    VerdictOptions other;
    other.pins << QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'));
    auto r = verifyVerdict(v.files, other);
    QVERIFY(!r->valid);
    QCOMPARE(failedChecks(r.value()), QStringList{QStringLiteral("signature")});
    QVERIFY(r->check(QStringLiteral("signature"))->detail.contains(QStringLiteral("not pinned")));
}

void TestVerdict::decompressionBomb() {
    test::TempDir dir;
    // 512 MiB of zeros in a few hundred kilobytes: refused long before it is all inflated.
    const QList<BundleEntry> bomb{
        {QStringLiteral("logs/zeros.bin"), QByteArray(1024 * 1024, '\0'), BundleEntry::File, {}, 512}};
    for (Compression c : {Compression::Gzip, Compression::Zstd}) {
        Verdict v = makeVerdict(dir, QStringLiteral("ed25519"), c, false, bomb, {});
        QVERIFY(QFileInfo(v.files.bundle).size() < 2 * 1024 * 1024);
        QElapsedTimer t;
        t.start();
        auto r = verifyVerdict(v.files);
        QVERIFY(r.ok());
        QVERIFY(!r->valid);
        QCOMPARE(failedChecks(r.value()),
                 (QStringList{QStringLiteral("bundle"), QStringLiteral("bundle paths"),
                              QStringLiteral("evidence_files")}));
        QVERIFY2(r->check(QStringLiteral("bundle"))->detail.contains(QLatin1String("decompression bomb")),
                 qPrintable(r->check(QStringLiteral("bundle"))->detail));
        QVERIFY2(t.elapsed() < 20000, "the bomb was inflated instead of refused early");
        // A tighter total cap is also enforced.
        VerdictOptions tight;
        tight.limits.maxRatio = 1000000;
        tight.limits.maxTotalBytes = 8 * 1024 * 1024;
        auto capped = verifyVerdict(v.files, tight);
        QVERIFY(capped.ok());
        QVERIFY(capped->check(QStringLiteral("bundle"))->detail.contains(QLatin1String("expands beyond")));
        // Too many entries.
        QList<BundleEntry> many;
        for (int i = 0; i < 50; ++i)
            many << BundleEntry{QStringLiteral("e/%1").arg(i), "x"};
        QVERIFY(test::writeBundle(v.files.bundle, many, c));
        VerdictOptions few;
        few.limits.maxEntries = 10;
        auto r2 = verifyVerdict(v.files, few);
        QVERIFY(r2.ok());
        QVERIFY(r2->check(QStringLiteral("bundle"))->detail.contains(QLatin1String("more than 10 entries")));
    }
}

void TestVerdict::unreadableInputsAreErrors() {
    test::TempDir dir;
    const Verdict v = makeVerdict(dir, QStringLiteral("ed25519"), Compression::Gzip, false);
    for (int i = 0; i < 4; ++i) {
        VerdictFiles f = v.files;
        QString *slot[] = {&f.score, &f.bundle, &f.signature, &f.publicKey};
        *slot[i] = dir.file(QStringLiteral("missing"));
        auto r = verifyVerdict(f);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().exitCode(), 3);
        QVERIFY(r.error().toString().contains(QLatin1String("missing")));
    }
}

void TestVerdict::folderDiscovery() {
    test::TempDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("results"));
    test::TempDir other;
    const Verdict v = makeVerdict(other, QStringLiteral("rsa"), Compression::Zstd, true);
    const QString results = dir.file(QStringLiteral("results"));
    auto missing = VerdictFiles::inFolder(results);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QLatin1String("score.json")));
    for (const QString &f : v.files.all())
        QVERIFY(QFile::copy(f, results + QLatin1Char('/') + QFileInfo(f).fileName()));
    auto found = VerdictFiles::inFolder(results);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().toString()));
    QVERIFY(found->bundle.endsWith(QLatin1String("evidence.tar.zst")));
    auto r = verifyVerdict(found.value());
    QVERIFY(r.ok() && r->valid);
    // Two bundles that are not told apart by name: ambiguous, refused.
    QVERIFY(QFile::copy(v.files.bundle, results + QStringLiteral("/evidence-old.tar.gz")));
    auto two = VerdictFiles::inFolder(results);
    QVERIFY(!two.ok());
    QVERIFY(two.error().message.contains(QLatin1String("more than one bundle")));
}

void TestVerdict::recordRefusesFilesChangedSinceVerified() {
    test::TempDir dir;
    const Verdict v = makeVerdict(dir, QStringLiteral("ed25519"), Compression::Zstd, false);
    auto report = verifyVerdict(v.files);
    QVERIFY_OK(report);
    QVERIFY(report->valid);
    test::StoreFixture f;
    const quint64 before = f.store->size().value();
    // The bundle is swapped after the check and before recording: refused, nothing written.
    const QByteArray original = readAll(v.files.bundle);
    writeAll(v.files.bundle, QByteArray(original).append('x'));
    auto refused = recordVerdict(*f.store, f.alice, v.files, *report);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QLatin1String("changed since it was verified")));
    QCOMPARE(refused.error().where, v.files.bundle);
    QCOMPARE(f.store->size().value(), before);
    writeAll(v.files.bundle, original);
    writeAll(v.files.score, readAll(v.files.score) + "\n");
    QVERIFY(!recordVerdict(*f.store, f.alice, v.files, *report).ok());
    QCOMPARE(f.store->size().value(), before);
    // The bytes that were verified are recorded.
    auto again = verifyVerdict(v.files);
    QVERIFY_OK(again);
    auto recorded = recordVerdict(*f.store, f.alice, v.files, *again);
    QVERIFY_OK(recorded);
    QCOMPARE(f.store->size().value(), before + 5); // the four files and the verdict: one act
    QCOMPARE(f.store->latestCheckpoint()->size, before + 5);
    // What views show, read from the event; an event that is not a verdict, or lacks its verdict, is not one.
    const auto shown = RecordedVerdict::fromEvent(recorded.value());
    QVERIFY(shown.has_value());
    QCOMPARE(shown->valid, again->valid);
    QCOMPARE(shown->actor, QStringLiteral("alice"));
    QVERIFY(!shown->checks.isEmpty());
    QVERIFY(!RecordedVerdict::fromEvent(f.store->event(before + 1).value()).has_value());
    NewEvent forged{QStringLiteral("verdict.verified"), {}, JsonValue::object(), std::nullopt};
    forged.payload["valid"] = QStringLiteral("yes");
    auto stored = f.store->append(f.alice, {forged});
    QVERIFY_OK(stored);
    QVERIFY(!RecordedVerdict::fromEvent(stored->first()).has_value());
    QVERIFY(!RecordedProofSummary::fromEvent(stored->first()).has_value());
}

void TestVerdict::cliVerdict() {
    test::Cli cli{QByteArray(), QString()};
    QFile::remove(cli.config);
    cli.runner.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    auto run = [&](QStringList args) {
        return cli.runner.run(QStringLiteral("opsconsole-cli"), args, 120000);
    };
    QCOMPARE(RUN_OK(run({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("vera"),
                         QStringLiteral("--roles"), QStringLiteral("reviewer")}))
                 .exitCode,
             0);
    test::TempDir dir;
    const Verdict v = makeVerdict(dir, QStringLiteral("ecdsa"), Compression::Gzip, false);
    QStringList verify{QStringLiteral("verdict"), QStringLiteral("verify"), v.files.score, v.files.bundle,
                       v.files.signature,         v.files.publicKey};
    auto ok = run(verify);
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.startsWith("VALID"));
    QVERIFY(ok.out.contains("no network was used"));
    auto json = run(verify + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const JsonValue j = test::parseJson(json.out);
    QCOMPARE(j.find("valid")->toBool(), true);
    QCOMPARE(j.find("network_used")->toBool(true), false);
    QCOMPARE(j.find("checks")->toArray().size(), std::size_t(6));
    for (const JsonValue &c : j.find("checks")->toArray())
        QVERIFY(c.find("name") && c.find("ok") && c.find("detail"));
    // --pin: the key the report names passes; any other key fails with exit 1, naming why.
    const QString fingerprint = j.find("key")->stringAt("fingerprint");
    QVERIFY2(fingerprint.startsWith(QLatin1String("SHA256:")), json.out.constData());
    QCOMPARE(run(verify + QStringList{QStringLiteral("--pin"), fingerprint}).exitCode, 0);
    auto unpinned = run(verify + QStringList{QStringLiteral("--pin"),
                                             QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'))});
    QCOMPARE(unpinned.exitCode, 1);
    QVERIFY2(unpinned.out.contains("not pinned"), unpinned.out.constData());
    // Recorded: one verdict.verified event naming the four attachments, all four stored.
    auto rec = run(verify + QStringList{QStringLiteral("--record"), QStringLiteral("--json")});
    QCOMPARE(rec.exitCode, 0);
    const qint64 seq = test::parseJson(rec.out).find("event")->toInt();
    QVERIFY(seq > 0);
    auto shown = run(
        {QStringLiteral("evidence"), QStringLiteral("show"), QString::number(seq), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const JsonValue event = test::parseJson(shown.out);
    QCOMPARE(event.stringAt("kind"), QStringLiteral("verdict.verified"));
    const JsonValue *attachments = event.find("payload")->find("attachments");
    QCOMPARE(attachments->toArray().size(), std::size_t(4));
    for (const JsonValue &a : attachments->toArray())
        QVERIFY(a.find("attached")->toBool());
    QCOMPARE(RUN_OK(run({QStringLiteral("evidence"), QStringLiteral("verify")})).exitCode, 0);

    // Tampered: exit 1 naming the failed check; unreadable: exit 3; usage: exit 2.
    writeAll(v.files.score, readAll(v.files.score).replace("0.93", "0.94"));
    auto bad = run(verify);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.startsWith("INVALID"));
    QVERIFY(bad.out.contains("FAILED  signature"));
    auto unreadable =
        run({QStringLiteral("verdict"), QStringLiteral("verify"), dir.file(QStringLiteral("nope.json")),
             v.files.bundle, v.files.signature, v.files.publicKey});
    QCOMPARE(unreadable.exitCode, 3);
    QVERIFY(unreadable.err.contains("nope.json"));
    QCOMPARE(run({QStringLiteral("verdict"), QStringLiteral("verify"), v.files.score}).exitCode, 2);
    // --folder
    auto folder =
        run({QStringLiteral("verdict"), QStringLiteral("verify"), QStringLiteral("--folder"), dir.path()});
    QCOMPARE(folder.exitCode, 1); // the score in that folder was tampered with above
}

void TestVerdict::cliProofSummarize() {
    test::Cli cli{QByteArray(), QString()};
    QFile::remove(cli.config);
    cli.runner.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    auto run = [&](QStringList args, const QByteArray &in = {}) {
        return cli.runner.run(QStringLiteral("opsconsole-cli"), args, 120000, in);
    };
    const QString demo = QStringLiteral(OPSCONSOLE_TEST_DATA "/captures/demo-output.txt");
    const QString failing = QStringLiteral(OPSCONSOLE_TEST_DATA "/captures/fi-failure-output.txt");
    auto pass = run({QStringLiteral("proof"), QStringLiteral("summarize"), demo, QStringLiteral("--json")});
    QCOMPARE(pass.exitCode, 0);
    const JsonValue j = test::parseJson(pass.out);
    QCOMPARE(j.stringAt("overall"), QStringLiteral("PASS"));
    QCOMPARE(j.find("pass")->toInt(), 35);
    QCOMPARE(j.find("not_run")->toInt(), 1);
    QCOMPARE(j.find("skip")->toInt(), 1);
    const auto &sections = j.find("sections")->toArray();
    QCOMPARE(sections.size(), std::size_t(3));
    QCOMPARE(sections[0].stringAt("name"), QStringLiteral("validation"));
    QCOMPARE(sections[0].find("pass")->toInt(), 32);
    QCOMPARE(sections[2].stringAt("name"), QStringLiteral("Edge FI"));
    QCOMPARE(sections[2].find("pass")->toInt(), 2);
    QCOMPARE(sections[2].find("not_run")->toInt(), 1);
    QCOMPARE(sections[2].find("skip")->toInt(), 1);
    QCOMPARE(sections[2].stringAt("overall"), QStringLiteral("PASS"));
    // Text: the sections, then the totals.
    auto text = run({QStringLiteral("proof"), QStringLiteral("summarize"), demo});
    const QStringList lines = QString::fromUtf8(text.out).split(QLatin1Char('\n'));
    QVERIFY(lines.value(0).contains(QLatin1String("validation")) &&
            lines.value(0).contains(QLatin1String("32 passed")));
    QVERIFY(lines.value(2).contains(QLatin1String("Edge FI")) &&
            lines.value(2).contains(QLatin1String("2 passed, 0 failed, 1 not run, 1 skipped")));
    QVERIFY2(lines.value(3).startsWith(QLatin1String("PASS  35 passed, 0 failed, 1 not run, 1 skipped")),
             qPrintable(lines.value(3)));
    auto fail = run({QStringLiteral("proof"), QStringLiteral("summarize"), failing});
    QCOMPARE(fail.exitCode, 1);
    QVERIFY(fail.out.contains("\nFAIL  1 passed, 1 failed, 0 not run, 1 skipped"));
    QVERIFY(fail.out.contains("Set GOCACHE=/tmp/go-build"));
    // Pasted on standard input.
    auto pasted = run({QStringLiteral("proof"), QStringLiteral("summarize"), QStringLiteral("-")},
                      "Pass: 3\nFail: 0\n");
    QCOMPARE(pasted.exitCode, 0);
    QVERIFY(pasted.out.contains("\nPASS  3 passed"));
    // Nothing ran: INCOMPLETE, exit 1.
    auto none =
        run({QStringLiteral("proof"), QStringLiteral("summarize"), QStringLiteral("-")}, "Not run: 4\n");
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.out.contains("\nINCOMPLETE"));
    // A bad rules file: exit 3, file:line, nothing summarized.
    test::TempDir dir;
    const QString rules =
        dir.write(QStringLiteral("rules.yaml"),
                  "patterns:\n  - id: x\n    layer: kernel\n    match: ['a']\n    action: b\n");
    auto badRules =
        run({QStringLiteral("proof"), QStringLiteral("summarize"), demo, QStringLiteral("--rules"), rules});
    QCOMPARE(badRules.exitCode, 3);
    QVERIFY2(badRules.err.contains(QByteArray(rules.toUtf8() + ":3")), badRules.err.constData());
    QVERIFY(badRules.out.isEmpty());
    // Recorded: the capture attached, the summary an event that names it.
    QCOMPARE(RUN_OK(run({QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("otto"),
                         QStringLiteral("--roles"), QStringLiteral("operator")}))
                 .exitCode,
             0);
    auto rec = run({QStringLiteral("proof"), QStringLiteral("summarize"), failing, QStringLiteral("--record"),
                    QStringLiteral("--json")});
    QCOMPARE(rec.exitCode, 1);
    const qint64 seq = test::parseJson(rec.out).find("event")->toInt();
    auto shown = run(
        {QStringLiteral("evidence"), QStringLiteral("show"), QString::number(seq), QStringLiteral("--json")});
    const JsonValue event = test::parseJson(shown.out);
    QCOMPARE(event.stringAt("kind"), QStringLiteral("proof.summarized"));
    const JsonValue *capture = event.find("payload")->find("capture");
    QCOMPARE(capture->stringAt("sha256"), crypto::sha256Hex(readAll(failing)));
    QCOMPARE(event.find("payload")->stringAt("overall"), QStringLiteral("FAIL"));
    QCOMPARE(event.find("payload")->find("failures")->toArray().size(), std::size_t(4));

    // An in-toto test-result attestation of the seed capture: WARNED (a pass with 1 not run and 1
    // skip), the not-run and the skip among the warned tests, never among the passed.
    test::TempDir out;
    const QString att = out.file(QStringLiteral("proof.intoto.json"));
    auto attested = run({QStringLiteral("proof"), QStringLiteral("summarize"), demo,
                         QStringLiteral("--attest"), att, QStringLiteral("--json")});
    QCOMPARE(attested.exitCode, 0);
    QCOMPARE(test::parseJson(attested.out).stringAt("attestation"), att);
    auto ids = run({QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("--json")});
    const QString otto = test::parseJson(ids.out).toArray().front().stringAt("fingerprint");
    auto verified = run({QStringLiteral("attest"), QStringLiteral("verify"), att, QStringLiteral("--pin"),
                         otto, QStringLiteral("--json")});
    QCOMPARE(verified.exitCode, 0);
    const JsonValue report = test::parseJson(verified.out);
    QCOMPARE(report.stringAt("predicate_type"),
             QStringLiteral("https://in-toto.io/attestation/test-result/v0.1"));
    QCOMPARE(report.stringAt("result"), QStringLiteral("WARNED"));
    QCOMPARE(report.find("subjects")->toArray().front().stringAt("name"), QStringLiteral("demo-output.txt"));
    QCOMPARE(report.find("subjects")->toArray().front().find("digest")->stringAt("sha256"),
             crypto::sha256Hex(readAll(demo)));
    QFile f(att);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const JsonValue statement =
        test::parseJson(QByteArray::fromBase64(test::parseJson(f.readAll()).stringAt("payload").toLatin1()));
    const JsonValue *predicate = statement.find("predicate");
    QStringList passed, warned;
    for (const JsonValue &t : predicate->find("passedTests")->toArray())
        passed << t.toQString();
    for (const JsonValue &t : predicate->find("warnedTests")->toArray())
        warned << t.toQString();
    QCOMPARE(passed, (QStringList{QStringLiteral("validation: 32 passed"),
                                  QStringLiteral("example.org/edge/transport: 1 passed"),
                                  QStringLiteral("Edge FI: 2 passed")}));
    // The skip is named as the capture says it, with its line; NOT RUN is counted; neither passes.
    QCOMPARE(warned,
             (QStringList{QStringLiteral("line 7: integrity tamper tests: SKIP (registry unavailable; run "
                                         "make demo-registry-test)"),
                          QStringLiteral("Edge FI: 1 not run")}));
    QVERIFY(predicate->find("failedTests")->toArray().empty());
    // The offline recipe: openssl verifies the one signature, under otto's pin; WARNED turned into
    // PASSED with the signature kept fails both openssl and `attest verify`.
    QCOMPARE(test::dsseOpensslRecipe(att, out.file(QStringLiteral("recipe")), otto), 1);
    f.seek(0);
    const QByteArray upgraded = test::payloadReplaced(f.readAll(), "\"WARNED\"", "\"PASSED\"");
    QVERIFY(!upgraded.isEmpty());
    const QString forged = out.write(QStringLiteral("forged.intoto.json"), upgraded);
    QCOMPARE(test::dsseOpensslRecipe(forged, out.file(QStringLiteral("recipe-forged")), otto), 0);
    QCOMPARE(run({QStringLiteral("attest"), QStringLiteral("verify"), forged, QStringLiteral("--pin"), otto})
                 .exitCode,
             1);
    // Nobody adds a signature to it: attest sign takes launch attestations only.
    QCOMPARE(run({QStringLiteral("attest"), QStringLiteral("sign"), att}).exitCode, 4);
    // A failing capture's attestation says FAILED.
    auto failedAtt = run({QStringLiteral("proof"), QStringLiteral("summarize"), failing,
                          QStringLiteral("--attest"), out.file(QStringLiteral("fail.intoto.json"))});
    QCOMPARE(failedAtt.exitCode, 1);
    auto failedReport =
        run({QStringLiteral("attest"), QStringLiteral("verify"), out.file(QStringLiteral("fail.intoto.json")),
             QStringLiteral("--pin"), otto, QStringLiteral("--json")});
    QCOMPARE(failedReport.exitCode, 0);
    QCOMPARE(test::parseJson(failedReport.out).stringAt("result"), QStringLiteral("FAILED"));
    // The failing test is named, with its line in the capture.
    QFile failedFile(out.file(QStringLiteral("fail.intoto.json")));
    QVERIFY(failedFile.open(QIODevice::ReadOnly));
    const JsonValue failedStatement = test::parseJson(
        QByteArray::fromBase64(test::parseJson(failedFile.readAll()).stringAt("payload").toLatin1()));
    QStringList failedTests;
    for (const JsonValue &t : failedStatement.find("predicate")->find("failedTests")->toArray())
        failedTests << t.toQString();
    QVERIFY2(failedTests.contains(QStringLiteral("line 5: --- FAIL: TestFIPolicyDeny (0.40s)")),
             qPrintable(failedTests.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
