// DSSE envelopes and in-toto statements: the PAE of the DSSE protocol, strict parsing, signing
// by the named signers only, and verification that fails on a flipped byte, a missing signer, a
// signature by a key the statement does not name, a key that does not match its fingerprint, and
// a pin nobody signed with.
#include "StoreFixture.h"

#include "attest/Attestation.h"
#include "core/CanonicalJson.h"
#include "crypto/SignedNote.h"

#include <QTest>

using namespace ops;

class TestAttestation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paeMatchesTheProtocol();
    void envelopeParsingIsStrict_data();
    void envelopeParsingIsStrict();
    void everyNamedSignerMustSign();
    void tamperingFails();
    void keysMustMatchTheirFingerprints();
    void namesCannotRewriteTheTerminal();
    void theCheckpointIsTheOneItSays();
    void aSummaryWithoutItsCheckpointFails();

private:
    Signer owner = test::makeSigner(QStringLiteral("rob"));
    Signer qa = test::makeSigner(QStringLiteral("quinn"));
    Signer outsider = test::makeSigner(QStringLiteral("mallory"));

    // A checkpoint of 42 entries, signed by the owner: what a launch summary was computed at.
    crypto::note::CheckpointBody checkpointBody() const {
        crypto::note::CheckpointBody body;
        body.origin = QStringLiteral("opsconsole/test-store");
        body.size = 42;
        body.root = QByteArray(32, '\x11');
        return body;
    }
    crypto::note::Note ownersNote() const {
        crypto::note::Note note;
        note.body = crypto::note::formatCheckpoint(checkpointBody());
        note.signatures << crypto::note::sign(note.body, QStringLiteral("rob"), owner.key);
        return note;
    }
    JsonValue checkpoint(qint64 size, const std::string &noteText) const {
        JsonValue cp = JsonValue::object();
        cp["size"] = size;
        cp["root_hash"] = QString::fromLatin1(checkpointBody().root.toBase64());
        cp["signed_note"] = QString::fromStdString(noteText);
        return cp;
    }
    JsonValue statement() const {
        JsonValue predicate = JsonValue::object();
        predicate["verificationResult"] = "PASSED";
        JsonValue ext = JsonValue::object();
        ext["checkpoint"] = checkpoint(42, ownersNote().text());
        predicate["opsconsole"] = ext;
        return InToto::statement(
            {AttestationSubject{QStringLiteral("release/app.apk"), QString(64, QLatin1Char('a'))}},
            QString::fromLatin1(InToto::kVsaType), predicate,
            {InToto::signerOf(owner, QStringLiteral("release-owner")),
             InToto::signerOf(qa, QStringLiteral("qa"))});
    }
    QString pin(const Signer &s) const { return s.key.publicKey().fingerprint(); }
};

void TestAttestation::paeMatchesTheProtocol() {
    // The example of the DSSE protocol's specification.
    QCOMPARE(dsse::pae(QStringLiteral("http://example.com/HelloWorld"), "hello world"),
             QByteArray("DSSEv1 29 http://example.com/HelloWorld 11 hello world"));
    QCOMPARE(dsse::pae(QString(), QByteArray()), QByteArray("DSSEv1 0  0 "));
}

void TestAttestation::envelopeParsingIsStrict_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{") << "not a DSSE envelope";
    QTest::newRow("unknown field") << QByteArray(R"({"payload":"","payloadType":"t","signatures":[],"x":1})")
                                   << "x: unknown field";
    QTest::newRow("duplicate key") << QByteArray(
                                          R"({"payload":"","payload":"","payloadType":"t","signatures":[]})")
                                   << "duplicate";
    QTest::newRow("unpadded base64") << QByteArray(R"({"payload":"YQ","payloadType":"t","signatures":[]})")
                                     << "payload: not canonical";
    QTest::newRow("url-safe base64") << QByteArray(R"({"payload":"-_-_","payloadType":"t","signatures":[]})")
                                     << "payload: not canonical";
    QTest::newRow("signature field")
        << QByteArray(R"({"payload":"","payloadType":"t","signatures":[{"keyid":"k","sig":"","cert":"x"}]})")
        << "signatures[0].cert: unknown field";
    QTest::newRow("missing type") << QByteArray(R"({"payload":"","signatures":[]})") << "payloadType";
}

void TestAttestation::envelopeParsingIsStrict() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    auto env = dsse::Envelope::parse(text, QStringLiteral("a.json"));
    QVERIFY(!env.ok());
    QVERIFY2(env.error().message.contains(error), qPrintable(env.error().message));
    QCOMPARE(env.error().code, ErrorCode::InvalidInput);
}

void TestAttestation::everyNamedSignerMustSign() {
    auto env = InToto::create(statement(), owner);
    QVERIFY_OK(env);
    auto r = verifyAttestation(env->toJson(), {pin(owner)}, QStringLiteral("a.json"));
    QVERIFY_OK(r);
    QVERIFY(!r->valid);
    QCOMPARE(r->missingSigners.size(), 1);
    QVERIFY(r->missingSigners.first().startsWith(QLatin1String("quinn (qa")));
    // Someone it does not name cannot sign it; a signer cannot sign twice.
    QCOMPARE(InToto::addSignature(env.value(), outsider).error().code, ErrorCode::Policy);
    QCOMPARE(InToto::addSignature(env.value(), owner).error().code, ErrorCode::Policy);
    QVERIFY_OK(InToto::addSignature(env.value(), qa));
    r = verifyAttestation(env->toJson(), {pin(owner)}, QStringLiteral("a.json"));
    QVERIFY_OK(r);
    QVERIFY(r->valid);
    QCOMPARE(r->result, QStringLiteral("PASSED"));
    QCOMPARE(r->signedBy.size(), 2);
    // Pins: none is not valid; one that did not sign is not valid.
    QVERIFY(!verifyAttestation(env->toJson(), {}, QString())->valid);
    QVERIFY(!verifyAttestation(env->toJson(), {pin(outsider)}, QString())->valid);
    // A creator the statement does not name cannot make it.
    QVERIFY(!InToto::create(statement(), outsider).ok());
}

void TestAttestation::tamperingFails() {
    auto env = InToto::create(statement(), owner);
    QVERIFY_OK(env);
    QVERIFY_OK(InToto::addSignature(env.value(), qa));
    // Each byte of the payload flipped in turn (a sample of positions): never valid.
    for (qsizetype i = 0; i < env->payload.size(); i += 37) {
        dsse::Envelope bad = env.value();
        bad.payload[i] = char(bad.payload[i] ^ 0x01);
        auto r = verifyAttestation(bad.toJson(), {pin(owner)}, QString());
        QVERIFY(!r.ok() || !r->valid);
    }
    // The payload type is covered too.
    dsse::Envelope typed = env.value();
    typed.payloadType = QStringLiteral("application/json");
    QVERIFY(!verifyAttestation(typed.toJson(), {pin(owner)}, QString())->valid);
    // An extra signature by a key the statement does not name.
    dsse::Envelope extra = env.value();
    extra.signatures << dsse::Signature{pin(outsider),
                                        outsider.key.sign(dsse::pae(extra.payloadType, extra.payload))};
    auto r = verifyAttestation(extra.toJson(), {pin(owner)}, QString());
    QVERIFY_OK(r);
    QVERIFY(!r->valid);
    // Adding to a broken envelope is refused, nothing added.
    dsse::Envelope broken = env.value();
    broken.signatures.removeLast();
    broken.signatures.first().sig[0] = char(broken.signatures.first().sig[0] ^ 1);
    QCOMPARE(InToto::addSignature(broken, qa).error().code, ErrorCode::Negative);
    QCOMPARE(broken.signatures.size(), 1);
}

void TestAttestation::keysMustMatchTheirFingerprints() {
    // Mallory rewrites the statement naming her key under the owner's fingerprint and signs it.
    JsonValue st = statement();
    auto &signers = st["predicate"]["opsconsole"]["signers"].asArray();
    signers[0]["public_key"] = QString::fromLatin1(outsider.key.publicKey().raw().toBase64());
    dsse::Envelope env;
    env.payloadType = QString::fromLatin1(dsse::kInTotoPayloadType);
    env.payload = QByteArray::fromStdString(CanonicalJson::serialize(st));
    env.signatures << dsse::Signature{pin(owner), outsider.key.sign(dsse::pae(env.payloadType, env.payload))};
    auto r = verifyAttestation(env.toJson(), {pin(owner)}, QString());
    QVERIFY_OK(r);
    QVERIFY(!r->valid);
    QVERIFY(r->checks.last().name == QLatin1String("signers named"));
}

void TestAttestation::namesCannotRewriteTheTerminal() {
    // Mallory signs with her own key under a name that would hide her fingerprint on a terminal.
    JsonValue predicate = JsonValue::object();
    predicate["verificationResult"] = "PASSED";
    AttestationSigner m = InToto::signerOf(outsider, QStringLiteral("release-owner"));
    m.role = QStringLiteral("release-owner) ") + pin(owner) + QString(QChar(0x1b)) + QStringLiteral("[8m");
    const JsonValue st =
        InToto::statement({AttestationSubject{QStringLiteral("app.apk"), QString(64, QLatin1Char('a'))}},
                          QString::fromLatin1(InToto::kVsaType), predicate, {m});
    dsse::Envelope env;
    env.payloadType = QString::fromLatin1(dsse::kInTotoPayloadType);
    env.payload = QByteArray::fromStdString(CanonicalJson::serialize(st));
    env.signatures << dsse::Signature{pin(outsider),
                                      outsider.key.sign(dsse::pae(env.payloadType, env.payload))};
    auto r = verifyAttestation(env.toJson(), {pin(outsider)}, QString());
    QVERIFY_OK(r);
    QVERIFY(!r->valid);
    QCOMPARE(r->checks.last().name, QStringLiteral("signers named"));
}

void TestAttestation::theCheckpointIsTheOneItSays() {
    // The statement carries the checkpoint it was computed at; its signed note must say that size
    // and root, and a named signer's signature on it must verify.
    const crypto::note::Note note = ownersNote();
    const std::string text = note.body;
    const auto made = [&](qint64 size, const std::string &noteText) {
        JsonValue st = statement();
        st["predicate"]["opsconsole"]["checkpoint"] = checkpoint(size, noteText);
        auto env = InToto::create(st, owner);
        if (env.ok())
            (void)InToto::addSignature(env.value(), qa);
        return verifyAttestation(env->toJson(), {pin(owner)}, QString()).value();
    };
    const AttestationReport good = made(42, note.text());
    QVERIFY(good.valid);
    QVERIFY2(good.checks.last().detail.contains(QStringLiteral("signed by rob")),
             qPrintable(good.checks.last().detail));
    // The statement says another size than its note.
    const AttestationReport other = made(41, note.text());
    QVERIFY(!other.valid);
    QCOMPARE(other.checks.last().name, QStringLiteral("checkpoint"));
    // A note "by rob" that rob did not sign.
    crypto::note::Note forged = note;
    forged.signatures = {crypto::note::sign(text, QStringLiteral("rob"), outsider.key)};
    const AttestationReport bad = made(42, forged.text());
    QVERIFY(!bad.valid);
    QVERIFY2(bad.checks.last().detail.contains(QStringLiteral("does not verify")),
             qPrintable(bad.checks.last().detail));
    // A note by someone the statement does not name: valid, and said so.
    crypto::note::Note elsewhere = note;
    elsewhere.signatures = {crypto::note::sign(text, QStringLiteral("mallory"), outsider.key)};
    const AttestationReport unnamed = made(42, elsewhere.text());
    QVERIFY(unnamed.valid);
    QVERIFY(unnamed.checks.last().detail.contains(QStringLiteral("does not name")));
}

void TestAttestation::aSummaryWithoutItsCheckpointFails() {
    // A launch summary that names no checkpoint cannot be checked against the log: every signer
    // signed it, the pin holds, and still it does not verify.
    const auto signedByBoth = [&](const JsonValue &st) {
        auto env = InToto::create(st, owner);
        if (env.ok())
            (void)InToto::addSignature(env.value(), qa);
        return verifyAttestation(env->toJson(), {pin(owner)}, QString()).value();
    };
    JsonValue st = statement();
    st["predicate"]["opsconsole"].asObject().erase("checkpoint");
    const AttestationReport bare = signedByBoth(st);
    QVERIFY(!bare.valid);
    QCOMPARE(bare.checks.last().name, QStringLiteral("checkpoint"));
    QVERIFY2(bare.checks.last().detail.contains(QStringLiteral("names no checkpoint")),
             qPrintable(bare.checks.last().detail));
    QVERIFY(std::all_of(bare.checks.begin(), bare.checks.end() - 1,
                        [](const AttestationCheck &c) { return c.ok; }));
    // A test result is not a launch decision: it needs none.
    st["predicateType"] = QString::fromLatin1(InToto::kTestResultType);
    QVERIFY(signedByBoth(st).valid);
}

QTEST_GUILESS_MAIN(TestAttestation)
#include "tst_attestation.moc"
