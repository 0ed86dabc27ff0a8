// SHA-256 and Ed25519 against published vectors and the openssl command line.
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace ops;
using namespace ops::crypto;

class TestCrypto : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256Vectors();
    void sha256StreamingMatchesOneShot();
    void sha256FileMatchesSha256sum();
    void ed25519Rfc8032Vectors();
    void signVerifyRoundTrip();
    void publicPemRoundTrip();
    void encryptedPrivateKeyRoundTrip();
    void wrongPassphraseRefused();
    void shortPassphraseRefused();
    void encryptedPemIsStrongAndReadableByOpenssl();
    void opensslVerifiesOurSignature();
    void verifyWithPemKeyHandlesRsaAndEc();
    void rejectsNonEd25519Keys();
    void signedNoteKnownAnswer();
    void signedNoteParseIsStrict_data();
    void signedNoteParseIsStrict();
    void verifierKeyRoundTrip();
    void cosignatureRoundTrip();
    void checkpointBodyParse();
    void tlogProofRoundTripAndErrors();
};

static QByteArray hex(const char *h) {
    return QByteArray::fromHex(h);
}

static QByteArray runOpenssl(const QStringList &args, int *exitCode = nullptr) {
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput() + p.readAllStandardError();
}

void TestCrypto::sha256Vectors() {
    QCOMPARE(sha256Hex(""),
             QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(sha256Hex("abc"),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
             QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    QCOMPARE(sha256Hex(QByteArray(1000000, 'a')),
             QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestCrypto::sha256StreamingMatchesOneShot() {
    QByteArray data;
    for (int i = 0; i < 5000; ++i)
        data += QByteArray::number(i * 7919);
    Sha256 h;
    for (qsizetype i = 0; i < data.size(); i += 37)
        h.add(QByteArrayView(data).sliced(i, qMin<qsizetype>(37, data.size() - i)));
    QCOMPARE(h.finish(), sha256(data));
    h.add("abc");
    QCOMPARE(h.finish(), sha256("abc")); // reusable after finish
}

void TestCrypto::sha256FileMatchesSha256sum() {
    test::TempDir dir;
    QByteArray content(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = static_cast<char>((i * 131) & 0xff);
    const QString path = dir.write(QStringLiteral("blob.bin"), content);
    qint64 lastProgress = 0;
    const auto digest = sha256File(path, [&](qint64 done) {
        lastProgress = done;
        return true;
    });
    QVERIFY(digest.ok());
    QCOMPARE(lastProgress, content.size());
    QProcess p;
    p.start(QStringLiteral("sha256sum"), {path});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(digest->toHex(), p.readAllStandardOutput().left(64));
    const auto cancelled = sha256File(path, [](qint64) { return false; });
    QVERIFY(!cancelled.ok());
    QVERIFY(!sha256File(dir.file(QStringLiteral("missing"))).ok());
}

void TestCrypto::ed25519Rfc8032Vectors() {
    struct Vector {
        const char *secret, *pub, *message, *signature;
    };
    const Vector vectors[] = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25"
         "bf5f0595bbe24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387"
         "b2eaeb4302aeeb00d291612bb0c00"},
    };
    for (const Vector &v : vectors) {
        const auto key = PrivateKey::fromSeed(hex(v.secret));
        QVERIFY(key.ok());
        QCOMPARE(key->publicKey().raw(), hex(v.pub));
        QCOMPARE(key->sign(hex(v.message)), hex(v.signature));
        const auto pub = PublicKey::fromRaw(hex(v.pub));
        QVERIFY(pub.ok());
        QVERIFY(pub->verify(hex(v.message), hex(v.signature)));
        QByteArray bad = hex(v.signature);
        bad[10] = static_cast<char>(bad[10] ^ 0x01);
        QVERIFY(!pub->verify(hex(v.message), bad));
    }
}

void TestCrypto::signVerifyRoundTrip() {
    const auto key = PrivateKey::generate();
    QVERIFY(key.ok());
    const QByteArray msg = "{\"kind\":\"incident.opened\",\"seq\":1}";
    const QByteArray sig = key->sign(msg);
    QCOMPARE(sig.size(), 64);
    const PublicKey pub = key->publicKey();
    QVERIFY(pub.verify(msg, sig));
    QVERIFY(!pub.verify(QByteArray(msg + " "), sig));
    QVERIFY(!pub.verify(msg, sig.left(63)));
    QVERIFY(!pub.verify(msg, QByteArray()));
    const auto other = PrivateKey::generate();
    QVERIFY(!other->publicKey().verify(msg, sig));
    QVERIFY(pub.fingerprint().startsWith(QStringLiteral("SHA256:")));
    QCOMPARE(pub.fingerprint().size(), 7 + 64);
}

void TestCrypto::publicPemRoundTrip() {
    const auto key = PrivateKey::generate();
    const QByteArray pem = key->publicKey().pem();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
    const auto back = PublicKey::fromPem(pem);
    QVERIFY(back.ok());
    QVERIFY(back.value() == key->publicKey());
    PublicKey copy = back.value();
    QCOMPARE(copy.raw(), back->raw());
    QVERIFY(!PublicKey::fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").ok());
    // Other spellings of the same key (CRLF, no final newline) read as the same key; a PEM with a
    // second key after the first reads as the first, as openssl does; the wrong algorithm is refused.
    QByteArray crlf = pem;
    crlf.replace("\n", "\r\n");
    QVERIFY(PublicKey::fromPem(crlf).value() == key->publicKey());
    QVERIFY(PublicKey::fromPem(pem.chopped(1)).value() == key->publicKey());
    const QByteArray other = PrivateKey::generate()->publicKey().pem();
    QVERIFY(PublicKey::fromPem(QByteArray(pem + other)).value() == key->publicKey());
    QVERIFY(PublicKey::fromPem(QByteArray(other + pem)).value() == PublicKey::fromPem(other).value());
    // The same 44 bytes with a different algorithm identifier (1.3.101.111, X25519) are not Ed25519.
    QByteArray der = QByteArray::fromBase64(pem.mid(27, 60));
    der[8] = 0x6f;
    const QByteArray x25519 =
        QByteArray("-----BEGIN PUBLIC KEY-----\n") + der.toBase64() + "\n-----END PUBLIC KEY-----\n";
    QVERIFY(!PublicKey::fromPem(x25519).ok());
}

void TestCrypto::encryptedPrivateKeyRoundTrip() {
    const auto key = PrivateKey::generate();
    const QByteArray pass = "correct horse battery staple";
    const auto pem = key->encryptedPem(pass);
    QVERIFY(pem.ok());
    QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    const auto back = PrivateKey::fromPem(pem.value(), pass);
    QVERIFY(back.ok());
    QVERIFY(back->publicKey() == key->publicKey());
    QVERIFY(key->publicKey().verify("m", back->sign("m")));

    const QByteArray plain = key->unencryptedPem();
    QVERIFY(plain.startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(PrivateKey::fromPem(plain, QByteArray()).ok());
}

void TestCrypto::wrongPassphraseRefused() {
    const auto key = PrivateKey::generate();
    const auto pem = key->encryptedPem("the right passphrase");
    const auto wrong = PrivateKey::fromPem(pem.value(), "the wrong passphrase");
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().message, QStringLiteral("wrong passphrase"));
    const auto none = PrivateKey::fromPem(pem.value(), QByteArray());
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(QStringLiteral("no passphrase")));
}

void TestCrypto::shortPassphraseRefused() {
    const auto key = PrivateKey::generate();
    const auto pem = key->encryptedPem("short");
    QVERIFY(!pem.ok());
    QCOMPARE(pem.error().code, ErrorCode::Policy);
}

void TestCrypto::encryptedPemIsStrongAndReadableByOpenssl() {
    test::TempDir dir;
    const auto key = PrivateKey::generate();
    const QString path =
        dir.write(QStringLiteral("key.pem"), key->encryptedPem("passphrase-for-test").value());
    int code = -1;
    const QByteArray info = runOpenssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), path}, &code);
    QCOMPARE(code, 0);
    QVERIFY2(info.contains("PBKDF2"), info.constData());
    QVERIFY(info.contains("aes-256-cbc"));
    QVERIFY(info.contains("hmacWithSHA256"));
    QVERIFY2(info.contains(":0927C0"), info.constData()); // 600000 iterations
    const QByteArray pub =
        runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-passin"),
                    QStringLiteral("pass:passphrase-for-test"), QStringLiteral("-pubout")},
                   &code);
    QCOMPARE(code, 0);
    QCOMPARE(pub, key->publicKey().pem());
}

void TestCrypto::opensslVerifiesOurSignature() {
    test::TempDir dir;
    const auto key = PrivateKey::generate();
    const QByteArray msg = "{\"root\":\"abc\",\"size\":3}";
    const QString msgPath = dir.write(QStringLiteral("msg"), msg);
    const QString sigPath = dir.write(QStringLiteral("sig"), key->sign(msg));
    const QString pubPath = dir.write(QStringLiteral("pub.pem"), key->publicKey().pem());
    int code = -1;
    const QByteArray out =
        runOpenssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                    QStringLiteral("-inkey"), pubPath, QStringLiteral("-rawin"), QStringLiteral("-in"),
                    msgPath, QStringLiteral("-sigfile"), sigPath},
                   &code);
    QCOMPARE(code, 0);
    QVERIFY2(out.contains("Signature Verified Successfully"), out.constData());
    dir.write(QStringLiteral("msg"), msg + "x");
    runOpenssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                QStringLiteral("-inkey"), pubPath, QStringLiteral("-rawin"), QStringLiteral("-in"), msgPath,
                QStringLiteral("-sigfile"), sigPath},
               &code);
    QVERIFY(code != 0);
}

void TestCrypto::verifyWithPemKeyHandlesRsaAndEc() {
    test::TempDir dir;
    const QByteArray msg = "{\"evidence_sha256\":\"00\"}";
    const QString msgPath = dir.write(QStringLiteral("score.json"), msg);
    struct Kind {
        QStringList genArgs;
        QString algorithm;
    };
    const QList<Kind> kinds{
        {{QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
          QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048")},
         QStringLiteral("RSA")},
        {{QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")},
         QStringLiteral("EC")},
    };
    for (const Kind &k : kinds) {
        const QString keyPath = dir.file(k.algorithm + QStringLiteral(".key"));
        const QString pubPath = dir.file(k.algorithm + QStringLiteral(".pub"));
        const QString sigPath = dir.file(k.algorithm + QStringLiteral(".sig"));
        int code = -1;
        runOpenssl(k.genArgs + QStringList{QStringLiteral("-out"), keyPath}, &code);
        QCOMPARE(code, 0);
        runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout"),
                    QStringLiteral("-out"), pubPath},
                   &code);
        runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"), keyPath,
                    QStringLiteral("-out"), sigPath, msgPath},
                   &code);
        QCOMPARE(code, 0);
        QFile pub(pubPath), sig(sigPath);
        QVERIFY(pub.open(QIODevice::ReadOnly) && sig.open(QIODevice::ReadOnly));
        const QByteArray pubPem = pub.readAll(), signature = sig.readAll();
        const auto good = verifyWithPemKey(pubPem, msg, signature);
        QVERIFY2(good.ok, qPrintable(good.detail));
        QCOMPARE(good.algorithm, k.algorithm);
        QVERIFY(good.fingerprint.startsWith(QStringLiteral("SHA256:")));
        QVERIFY(!verifyWithPemKey(pubPem, QByteArray(msg + " "), signature).ok);
    }
    const auto ed = PrivateKey::generate();
    const auto edResult = verifyWithPemKey(ed->publicKey().pem(), msg, ed->sign(msg));
    QVERIFY(edResult.ok);
    QCOMPARE(edResult.algorithm, QStringLiteral("ED25519"));
    QVERIFY(!verifyWithPemKey("garbage", msg, ed->sign(msg)).ok);
}

void TestCrypto::rejectsNonEd25519Keys() {
    test::TempDir dir;
    const QString keyPath = dir.file(QStringLiteral("ec.key"));
    int code = -1;
    runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"),
                keyPath},
               &code);
    QCOMPARE(code, 0);
    QFile f(keyPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto priv = PrivateKey::fromPem(f.readAll(), QByteArray());
    QVERIFY(!priv.ok());
    QVERIFY(priv.error().message.contains(QStringLiteral("not Ed25519")));
}

QTEST_GUILESS_MAIN(TestCrypto)
// The example of the signed-note format's reference implementation (Go's
// golang.org/x/mod/sumdb/note): the same key signs the same text to the same line.
void TestCrypto::signedNoteKnownAnswer() {
    const QByteArray skey = QByteArray::fromBase64("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
    QCOMPARE(skey.size(), 33);
    auto key = PrivateKey::fromSeed(skey.mid(1));
    QVERIFY(key.ok());
    QCOMPARE(note::verifierKey(u"PeterNeumann", key->publicKey()),
             QStringLiteral("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    note::Note n;
    n.body = "If you think cryptography is the answer to your problem,\n"
             "then you don't know what your problem is.\n";
    n.signatures << note::sign(n.body, u"PeterNeumann", key.value());
    const std::string expected =
        n.body +
        "\n\xE2\x80\x94 PeterNeumann "
        "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    QCOMPARE(n.text(), expected);
    auto parsed = note::parse(expected);
    QVERIFY(parsed.ok());
    QVERIFY(note::verifies(parsed->body, parsed->signatures.front(), u"PeterNeumann", key->publicKey()));
    QVERIFY(!note::verifies(parsed->body, parsed->signatures.front(), u"PeterNeuman", key->publicKey()));
    QVERIFY(
        !note::verifies(parsed->body + "x\n", parsed->signatures.front(), u"PeterNeumann", key->publicKey()));
}

void TestCrypto::signedNoteParseIsStrict_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("why");
    const QByteArray sig = "\xE2\x80\x94 a AAAAAAAAAAAAAAAAAAAA\n";
    QTest::newRow("no final newline")
        << QByteArray("body\n\n\xE2\x80\x94 a AAAAAAAA") << QStringLiteral("ends with a newline");
    QTest::newRow("carriage return") << QByteArray("body\r\n\n" + sig)
                                     << QStringLiteral("control characters");
    QTest::newRow("no blank line") << QByteArray("body\n" + sig) << QStringLiteral("no empty line");
    QTest::newRow("no signature") << QByteArray("body\n\n") << QStringLiteral("no signature");
    QTest::newRow("hyphen for dash") << QByteArray("body\n\n- a AAAAAAAAAAAAAAAAAAAA\n")
                                     << QStringLiteral("signature line 1");
    QTest::newRow("non-canonical base64")
        << QByteArray("body\n\n\xE2\x80\x94 a AAAAAAAB=\n") << QStringLiteral("not base64");
    QTest::newRow("key id only") << QByteArray("body\n\n\xE2\x80\x94 a AAAAAA==\n")
                                 << QStringLiteral("not base64");
    QTest::newRow("plus in name") << QByteArray("body\n\n\xE2\x80\x94 a+b AAAAAAAA\n")
                                  << QStringLiteral("names no valid key");
    QTest::newRow("invalid UTF-8") << QByteArray("b\xFFody\n\n" + sig) << QStringLiteral("UTF-8");
    QByteArray many = "body\n\n";
    for (int i = 0; i < 101; ++i)
        many += sig;
    QTest::newRow("101 signatures") << many << QStringLiteral("more than 100");
}

void TestCrypto::signedNoteParseIsStrict() {
    QFETCH(QByteArray, text);
    QFETCH(QString, why);
    auto parsed = note::parse(text.toStdString());
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(why), qPrintable(parsed.error().message));
}

void TestCrypto::verifierKeyRoundTrip() {
    // A key whose base64 holds "+" (the separator) parses too.
    auto plus = PrivateKey::fromSeed(QByteArray(32, '\x11'));
    for (int seed = 0; !note::verifierKey(u"a", plus->publicKey()).mid(11).contains(u'+'); ++seed)
        plus = PrivateKey::fromSeed(QByteArray(32, static_cast<char>(seed)));
    QVERIFY(note::parseVerifierKey(note::verifierKey(u"a", plus->publicKey())).ok());
    auto key = PrivateKey::generate();
    const QString vkey = note::verifierKey(u"alice", key->publicKey());
    auto parsed = note::parseVerifierKey(vkey);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->name, QStringLiteral("alice"));
    QCOMPARE(parsed->type, note::kEd25519Type);
    QCOMPARE(parsed->key.raw(), key->publicKey().raw());
    QString wrongId = vkey;
    wrongId[6] = wrongId[6] == u'0' ? u'1' : u'0';
    QVERIFY(!note::parseVerifierKey(wrongId).ok());
    QVERIFY(!note::parseVerifierKey(QStringLiteral("alice+00000000")).ok());
    QVERIFY(!note::parseVerifierKey(QString(QStringLiteral("al ice") + vkey.mid(5))).ok());
}

void TestCrypto::cosignatureRoundTrip() {
    auto key = PrivateKey::generate();
    const std::string body = "example.com/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    QCOMPARE(note::cosignedMessage(body, 1679315147),
             std::string("cosignature/v1\ntime 1679315147\n") + body);
    const auto line = note::cosign(body, u"witness.example/w1", key.value(), 1679315147);
    QCOMPARE(line.keyId,
             note::keyId(u"witness.example/w1", note::kCosignatureV1Type, key->publicKey().raw()));
    QCOMPARE(line.data.size(), 72);
    QCOMPARE(line.data.left(8).toHex(), QByteArray("00000000641850cb")); // 1679315147, big-endian
    QCOMPARE(note::verifyCosignature(body, line, u"witness.example/w1", key->publicKey()),
             std::optional<quint64>(1679315147));
    QVERIFY(!note::verifyCosignature(body, line, u"witness.example/w2", key->publicKey()));
    note::NoteSignature later = line;
    later.data[7] = static_cast<char>(later.data[7] + 1); // a different time than the one signed
    QVERIFY(!note::verifyCosignature(body, later, u"witness.example/w1", key->publicKey()));
}

void TestCrypto::checkpointBodyParse() {
    note::CheckpointBody b;
    b.origin = QStringLiteral("opsconsole/abc");
    b.size = 13;
    b.root = QByteArray(32, '\x07');
    b.extensions << QStringLiteral("opsconsole-time 2026-12-03T08:00:00.000Z");
    const std::string text = note::formatCheckpoint(b);
    auto parsed = note::parseCheckpoint(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size, quint64(13));
    QCOMPARE(parsed->root, b.root);
    QCOMPARE(parsed->extensions, b.extensions);
    for (const char *bad : {"o\n013\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n", "o\n13\nBwcH\n",
                            "o\n-1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n",
                            "\n1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n", "o\n1\n"})
        QVERIFY2(!note::parseCheckpoint(bad).ok(), bad);
}

void TestCrypto::tlogProofRoundTripAndErrors() {
    note::TlogProof p;
    p.index = 5;
    p.path = {QByteArray(32, 'a'), QByteArray(32, 'b')};
    p.checkpoint =
        "o\n8\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n\n\xE2\x80\x94 a AAAAAAAAAAAAAAAAAAAA\n";
    const std::string text = note::formatTlogProof(p);
    QVERIFY(QByteArray::fromStdString(text).startsWith("c2sp.org/tlog-proof@v1\nindex 5\n"));
    auto parsed = note::parseTlogProof(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->index, quint64(5));
    QCOMPARE(parsed->path, p.path);
    QCOMPARE(parsed->checkpoint, p.checkpoint);
    p.extra = "ctx";
    QCOMPARE(note::parseTlogProof(note::formatTlogProof(p))->extra, QByteArray("ctx"));
    auto error = [](const std::string &t) { return note::parseTlogProof(t).error().message; };
    QVERIFY(error("c2sp.org/tlog-proof@v2\n").contains(QStringLiteral("line 1")));
    QVERIFY(error("c2sp.org/tlog-proof@v1\nindex 05\n\n" + p.checkpoint).contains(QStringLiteral("line 2")));
    QVERIFY(
        error("c2sp.org/tlog-proof@v1\nindex 5\nYWJj\n\n" + p.checkpoint).contains(QStringLiteral("line 3")));
    QVERIFY(error("c2sp.org/tlog-proof@v1\nindex 5\n\nnot a note\n").contains(QStringLiteral("checkpoint")));
}

#include "tst_crypto.moc"
