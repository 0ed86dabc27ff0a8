// The trust model attacked the way a person with the store file, the sqlite3 library and a key
// of their own would: unapproved and revoked identities, self-approval, forged acts, edited
// tables, a log cut or rewritten. Each is refused by the store or named by verify.
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Merkle.h"
#include "incidents/Incidents.h"
#include "monitor/LoggedProbes.h"
#include "store/Bundle.h"
#include "store/EventCodec.h"
#include "store/OfflineActCheck.h"
#include "store/Schema.h"

#include "StoreAttack.h"
#include "StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QUuid>

#include <limits>

#include <sqlite3.h>

using namespace ops;
using namespace ops::test;

class TestTrust : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void genesisIsAnAdmin();
    void requestedIdentityCannotAct();
    void approvedIdentityActs();
    void adminNeverApprovesItself();
    void onlyAdminsApprove();
    void revokedIdentityCannotAct();
    void revokedAdminCannotApprove();
    void rotationNeedsApproval();
    void oneKeyOneIdentity();
    void quorumOfPinnedAdmins();
    void monitorRecordsOnlyObservations();
    void forgedUnsignedActByAnotherNamed();
    void forgedActNamedAmidManyKinds();
    void forgedAlertmanagerAlertNamed();
    void forgedSilenceNamed();
    void forgedHandoverReportAndAttestationNamed();
    void forgedActAfterRevocationNamed();
    void forgedSelfApprovalNamed();
    void checkpointByUnapprovedIdentityNamed();
    void editedIdentitiesTableChangesNoDecision();
    void tailCutWithSidecarDeletedDetected();
    void olderCopyWithItsSidecarDetectedByAnchor();
    void rewrittenLogFailsThePin();
    void rewrittenLogDetectedByAnchor();
    void consistencyWithAnEarlierCheckpoint();
    void legacyStoreVerifiesAndIsMarked();
    void importCannotBringActs();
    void importWithoutBatchStatementNamed();
    void forgedTailIsNotSealedByTheNextWriter();
    void insiderCannotSealAnotherActorsEvent();
    void forgedActNeitherCountsNorIsSealed();
    void firstSightVerifiesBeforeTrusting();
    void forgeryWhileOpenIsCaughtOnTheNextRead();
    void forgedReadingsDecideNothing();
    void actNeedsItsRole();
    void unknownActKindRefusedAndNamed();
    void deletedAttachmentNamed();
    void editedCheckpointTimeNamed();
    void relabelledCheckpointSignerNamed();
    void launchRunbookActsAreTheReleaseOwners();
    void timeGoingBackwardsRefused();
    void backdatedForgedEventNamed();
    void timeAheadOfTheClockNamed();
    void importTimesLieBetweenCheckpointAndNow();
    void positionedSignaturesStillVerify();
    void replayedActNamed();
    void eventIdsCompareByTheirBits();
    void actFromAnotherLogNamed();
};

namespace {

VerifyReport verifyFile(const QString &path, StoreOpenOptions o = {}, VerifyOptions v = {true, true, {}}) {
    auto s = SqliteEvidenceStore::open(path, o);
    if (!s.ok())
        qFatal("open: %s", qPrintable(s.error().toString()));
    auto r = s.value()->verify(v);
    if (!r.ok())
        qFatal("verify: %s", qPrintable(r.error().toString()));
    return r.value();
}

// Every event of a closed store, in order.
QList<StoredEvent> allEvents(SqliteEvidenceStore &store) {
    QList<StoredEvent> out;
    for (quint64 from = 1;;) {
        const QList<StoredEvent> page = store.events(from, 1000).value();
        if (page.isEmpty())
            return out;
        out += page;
        from = page.last().seq + 1;
    }
}

NewEvent act(const QString &kind, const QString &scope = QStringLiteral("kl")) {
    NewEvent e;
    e.kind = kind;
    e.scope = scope;
    e.payload["reason"] = QStringLiteral("test");
    return e;
}

// What an attacker's own program writes: event `bytes` at the end of the log as row `seq`, the
// Merkle root recomputed and a checkpoint signed by `cpSigner`; the sidecar moved forward too. The
// store must be closed, and the new event must complete no kept subtree (its position no multiple
// of 16).
void forgeRow(const QString &path, const std::string &uuid, qint64 ts, const QString &actor,
              const QString &kind, const std::string &bytes, bool signedByActor, const Signer &cpSigner,
              bool withCheckpoint) {
    auto s = SqliteEvidenceStore::open(path);
    QVERIFY(s.ok());
    const QList<StoredEvent> events = allEvents(*s.value());
    const QString storeId = s.value()->storeId();
    s.value().reset();
    const quint64 seq = events.size() + 1;
    QVERIFY(seq % (quint64(1) << store::kNodeLevelMin) != 0);
    const QByteArray leaf = crypto::merkle::leafHash(QByteArray::fromStdString(bytes));
    crypto::merkle::TreeBuilder tree;
    for (const StoredEvent &e : events)
        tree.append(e.leafHash);
    tree.append(leaf);
    const std::string cp = CanonicalJson::serialize(store::codec::checkpointObject(
        tree.size(), tree.root(), ts, cpSigner.name, cpSigner.key.publicKey().fingerprint(), storeId));
    const QByteArray cpSig = cpSigner.key.sign(QByteArray::fromStdString(cp));
    attack(path,
           "INSERT INTO events(seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed) VALUES(" +
               QByteArray::number(seq) + ", '" + QByteArray::fromStdString(uuid) + "', " +
               QByteArray::number(ts) + ", '" + actor.toUtf8() + "', '" + kind.toUtf8() + "', 'kl', X'" +
               QByteArray::fromStdString(bytes).toHex() + "', X'" + leaf.toHex() + "', " +
               (signedByActor ? "1" : "0") + ");" +
               (withCheckpoint
                    ? "INSERT INTO checkpoints(size, root, ts_ms, signer, canonical, signature) VALUES(" +
                          QByteArray::number(tree.size()) + ", X'" + tree.root().toHex() + "', " +
                          QByteArray::number(ts) + ", '" + cpSigner.name.toUtf8() + "', X'" +
                          QByteArray::fromStdString(cp).toHex() + "', X'" + cpSig.toHex() + "');"
                    : QByteArray()));
    if (!withCheckpoint)
        return; // the sidecar keeps the last real checkpoint
    JsonValue doc = JsonValue::object();
    doc["checkpoint"] = CanonicalJson::parse(cp).value();
    doc["signature"] = cpSig.toBase64().toStdString();
    QVERIFY(FileUtil::writePrivateAtomic(path + QStringLiteral(".checkpoint"),
                                         QByteArray::fromStdString(CanonicalJson::serialize(doc) + "\n"))
                .ok());
}

// The same with the event written by the attacker's program: signed by `signer` in the older,
// positioned form (the event without "signature", "seq" included), or unsigned when null.
void forgeAppend(const QString &path, const QString &actor, const Signer *signer, const QString &kind,
                 const JsonValue &payload, const Signer &cpSigner, bool withCheckpoint = true,
                 qint64 afterLastMs = 1000) {
    auto s = SqliteEvidenceStore::open(path);
    QVERIFY(s.ok());
    const QList<StoredEvent> events = allEvents(*s.value());
    s.value().reset();
    const quint64 seq = events.size() + 1;
    const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const qint64 ts = events.last().tsMs + afterLastMs;
    const std::string payloadBytes = CanonicalJson::serialize(payload);
    std::string bytes;
    if (signer) {
        const std::string toSign =
            store::codec::eventBytes(seq, uuid, ts, actor.toStdString(), kind.toStdString(), "kl",
                                     payloadBytes, store::codec::SignatureField::Omit);
        const QByteArray sig = signer->key.sign(QByteArray::fromStdString(toSign));
        bytes = store::codec::eventBytes(seq, uuid, ts, actor.toStdString(), kind.toStdString(), "kl",
                                         payloadBytes, store::codec::SignatureField::Value,
                                         sig.toBase64().toStdString());
    } else {
        bytes = store::codec::eventBytes(seq, uuid, ts, actor.toStdString(), kind.toStdString(), "kl",
                                         payloadBytes, store::codec::SignatureField::Null);
    }
    forgeRow(path, uuid, ts, actor, kind, bytes, signer != nullptr, cpSigner, withCheckpoint);
}

JsonValue killswitchPayload() {
    JsonValue p = JsonValue::object();
    p["switch"] = QStringLiteral("bad-pack");
    p["reason"] = QStringLiteral("forged");
    return p;
}

} // namespace

void TestTrust::genesisIsAnAdmin() {
    StoreFixture f;
    const Identity alice = f.store->identity(QStringLiteral("alice")).value();
    QVERIFY(alice.approved());
    QVERIFY(alice.genesis);
    QVERIFY(alice.admin);
    QVERIFY(alice.roles.contains(QStringLiteral("admin")));
    QVERIFY(!alice.legacy);
}

void TestTrust::requestedIdentityCannotAct() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.store->registerIdentity(bob, {QStringLiteral("qa")}));
    QCOMPARE(f.store->identity(QStringLiteral("bob"))->state, QStringLiteral("requested"));
    const quint64 before = f.store->size().value();
    auto r = f.store->append(bob, {act(QStringLiteral("launch.decided"))});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Policy);
    QVERIFY2(r.error().message.contains(QStringLiteral("not approved yet")), qPrintable(r.error().message));
    QCOMPARE(f.store->size().value(), before);
    // Attachments go through the same gate.
    QVERIFY(!f.store->attach(bob, QStringLiteral("x.txt"), "x", QStringLiteral("text/plain")).ok());
    QVERIFY(verifyFile(f.path).intact);
}

void TestTrust::approvedIdentityActs() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("qa")}));
    const Identity id = f.store->identity(QStringLiteral("bob")).value();
    QVERIFY(id.approved());
    QCOMPARE(id.approvers, QStringList{QStringLiteral("alice")});
    QVERIFY_OK(f.store->append(bob, {act(QStringLiteral("test.act"))}));
    const VerifyReport r = verifyFile(f.path);
    QVERIFY2(r.intact, qPrintable(r.reason));
}

void TestTrust::adminNeverApprovesItself() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("admin")}));
    QVERIFY(f.store->identity(QStringLiteral("bob"))->admin);
    // bob rotates his key: the approval of the new key must come from another admin.
    auto next = crypto::PrivateKey::generate().value();
    QVERIFY_OK(f.store->rotateIdentity(bob, next));
    auto self = f.store->approveIdentity(bob, QStringLiteral("bob"));
    QVERIFY(!self.ok());
    QVERIFY2(self.error().message.contains(QStringLiteral("never approves itself")),
             qPrintable(self.error().message));
    QVERIFY_OK(f.store->approveIdentity(f.alice, QStringLiteral("bob")));
}

void TestTrust::onlyAdminsApprove() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    const Signer carol = makeSigner(QStringLiteral("carol"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    QVERIFY_OK(f.store->registerIdentity(carol, {QStringLiteral("qa")}));
    auto r = f.store->approveIdentity(bob, QStringLiteral("carol"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Policy);
    QVERIFY(r.error().message.contains(QStringLiteral("not an admin")));
    QCOMPARE(f.store->identity(QStringLiteral("carol"))->state, QStringLiteral("requested"));
}

void TestTrust::revokedIdentityCannotAct() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    QVERIFY_OK(f.store->append(bob, {act(QStringLiteral("test.before"))}));
    QVERIFY(!f.store->revokeIdentity(f.alice, QStringLiteral("bob"), QString()).ok()); // a reason is required
    QVERIFY_OK(f.store->revokeIdentity(f.alice, QStringLiteral("bob"), QStringLiteral("left the team")));
    auto r = f.store->append(bob, {act(QStringLiteral("test.after"))});
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("revoked")), qPrintable(r.error().message));
    QCOMPARE(f.store->identity(QStringLiteral("bob"))->state, QStringLiteral("revoked"));
    // What bob signed before his revocation still counts.
    QVERIFY(verifyFile(f.path).intact);
}

void TestTrust::revokedAdminCannotApprove() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    const Signer carol = makeSigner(QStringLiteral("carol"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("admin")}));
    QVERIFY_OK(f.store->registerIdentity(carol, {QStringLiteral("qa")}));
    QVERIFY_OK(f.store->revokeIdentity(f.alice, QStringLiteral("bob"), QStringLiteral("key lost")));
    QVERIFY(!f.store->approveIdentity(bob, QStringLiteral("carol")).ok());
    QCOMPARE(f.store->identity(QStringLiteral("carol"))->state, QStringLiteral("requested"));
}

void TestTrust::rotationNeedsApproval() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    auto next = crypto::PrivateKey::generate().value();
    const QString newFp = next.publicKey().fingerprint();
    QVERIFY_OK(f.store->rotateIdentity(bob, next));
    QCOMPARE(f.store->identity(QStringLiteral("bob"))->pendingFingerprint, newFp);
    // Until approved, the old key signs and the new one does not.
    const Signer bobNew{QStringLiteral("bob"), next.duplicate()};
    QVERIFY(!f.store->append(bobNew, {act(QStringLiteral("test.new"))}).ok());
    QVERIFY_OK(f.store->append(bob, {act(QStringLiteral("test.old"))}));
    QVERIFY_OK(f.store->approveIdentity(f.alice, QStringLiteral("bob")));
    QCOMPARE(f.store->identity(QStringLiteral("bob"))->fingerprint, newFp);
    QVERIFY(!f.store->append(bob, {act(QStringLiteral("test.old"))}).ok());
    QVERIFY_OK(f.store->append(bobNew, {act(QStringLiteral("test.new"))}));
    // Both periods verify, each under the key valid then.
    const VerifyReport r = verifyFile(f.path);
    QVERIFY2(r.intact, qPrintable(r.reason));
}

void TestTrust::oneKeyOneIdentity() {
    StoreFixture f;
    const Signer sameKey{QStringLiteral("alice2"), f.alice.key.duplicate()};
    auto r = f.store->registerIdentity(sameKey, {QStringLiteral("qa")});
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("one key, one identity")),
             qPrintable(r.error().message));
    // A name an approving admin could take for alice's is refused; one of the registry's own
    // characters ('@', capitals) is fine when it names someone new.
    auto alike = f.store->registerIdentity(makeSigner(QStringLiteral("Alice")), {QStringLiteral("qa")});
    QVERIFY(!alike.ok());
    QVERIFY2(alike.error().message.contains(QStringLiteral("only in letter case")),
             qPrintable(alike.error().message));
    QVERIFY(!f.store->identity(QStringLiteral("Alice")).ok());
    QVERIFY_OK(
        f.store->registerIdentity(makeSigner(QStringLiteral("Quinn@qa.example")), {QStringLiteral("qa")}));
    // A name with a line break after it (which "$" in a pattern lets through) would add a line to
    // every signed note it signs: refused, nothing written.
    const quint64 before = f.store->size().value();
    for (const QString &bad : {QStringLiteral("mallory\n"), QStringLiteral("mallory\r\n"),
                               QStringLiteral("mallory\n— alice AAAA")}) {
        auto broken = f.store->registerIdentity(makeSigner(bad), {QStringLiteral("qa")});
        QVERIFY2(!broken.ok(), qPrintable(bad));
    }
    QCOMPARE(f.store->size().value(), before);
}

void TestTrust::quorumOfPinnedAdmins() {
    // Three admins pinned by the config, two approvals needed: one admin alone enrols nobody.
    TempDir dir;
    const QString path = dir.file(QStringLiteral("evidence.sqlite"));
    const Signer a1 = makeSigner(QStringLiteral("a1")), a2 = makeSigner(QStringLiteral("a2")),
                 a3 = makeSigner(QStringLiteral("a3")), qa = makeSigner(QStringLiteral("quinn"));
    StoreOpenOptions o;
    o.create = true;
    o.trust.admins = {a1.key.publicKey().fingerprint(), a2.key.publicKey().fingerprint(),
                      a3.key.publicKey().fingerprint()};
    o.trust.enrollQuorum = 2;
    auto store = SqliteEvidenceStore::open(path, o).value();
    // A genesis whose key is not pinned is refused.
    QVERIFY(!store->registerIdentity(qa, {QStringLiteral("qa")}).ok());
    QVERIFY_OK(store->registerIdentity(a1, {QStringLiteral("admin")}));
    QVERIFY_OK(store->registerIdentity(a2, {QStringLiteral("admin")})); // approved by its pin
    QVERIFY(store->identity(QStringLiteral("a2"))->admin);
    QVERIFY_OK(store->registerIdentity(qa, {QStringLiteral("qa")}));
    QVERIFY_OK(store->approveIdentity(a1, QStringLiteral("quinn")));
    QCOMPARE(store->identity(QStringLiteral("quinn"))->state, QStringLiteral("requested"));
    QVERIFY(!store->approveIdentity(a1, QStringLiteral("quinn")).ok()); // the same admin twice
    QVERIFY(!store->append(qa, {act(QStringLiteral("ops.note"))}).ok());
    QVERIFY_OK(store->approveIdentity(a2, QStringLiteral("quinn")));
    QVERIFY(store->identity(QStringLiteral("quinn"))->approved());
    QVERIFY_OK(store->append(qa, {act(QStringLiteral("ops.note"))}));
    const VerifyReport r = store->verify({true, true, {}}).value();
    QVERIFY2(r.intact, qPrintable(r.reason));
    QVERIFY(r.trustPinned);
}

void TestTrust::monitorRecordsOnlyObservations() {
    StoreFixture f;
    const Signer mon = makeSigner(QStringLiteral("monitor-1"));
    QVERIFY(!f.store->registerIdentity(mon, {QStringLiteral("monitor"), QStringLiteral("operator")}).ok());
    QVERIFY_OK(f.enrol(mon, {QStringLiteral("monitor")}));
    QVERIFY_OK(f.store->append(
        mon, {act(QStringLiteral("probe.state_changed")), act(QStringLiteral("alert.fired"))}));
    auto decided = f.store->append(mon, {act(QStringLiteral("killswitch.activated"))});
    QVERIFY(!decided.ok());
    QVERIFY2(decided.error().message.contains(QStringLiteral("monitor")),
             qPrintable(decided.error().message));
    QVERIFY(!f.store->append(mon, {act(QStringLiteral("alert.acknowledged"))}).ok());
    // Alertmanager's notices reach the log through the headless monitor, a service identity.
    QVERIFY_OK(f.store->append(mon, {act(QStringLiteral("alertmanager.firing"))}));
    QVERIFY(verifyFile(f.path).intact);
}

void TestTrust::forgedAlertmanagerAlertNamed() {
    // Someone with the file and sqlite3 makes a cell fire: an unsigned alertmanager.firing "by
    // alice" under a checkpoint of the attacker's own key. The monitor records these signed.
    StoreFixture f;
    f.appendN(2);
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["alert"] = QStringLiteral("resolver-health");
    p["fingerprint"] = QStringLiteral("00000000deadbeef");
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("alertmanager.firing"), p,
                makeSigner(QStringLiteral("mallory")));
    const VerifyReport r = verifyFile(f.path, {}, {false, true, {}});
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(4));
    QVERIFY2(r.reason.contains(QStringLiteral("unsigned alertmanager.firing")), qPrintable(r.reason));
}

void TestTrust::forgedSilenceNamed() {
    // A silence hides a launch alert's notifications and makes the launch NO-GO: someone with the
    // file forges one, first unsigned "by alice", then signed with the key of quinn, who holds
    // only the qa role (the write gate would have refused it; verify names it from the log).
    for (const bool signedByQuinn : {false, true}) {
        StoreFixture f;
        const Signer quinn = makeSigner(QStringLiteral("quinn"));
        QVERIFY_OK(f.enrol(quinn, {QStringLiteral("qa")}));
        const quint64 size = f.store->size().value();
        f.store.reset();
        JsonValue p = JsonValue::object();
        JsonValue alerts = JsonValue::array();
        alerts.push(QStringLiteral("resolver-health"));
        p["alerts"] = alerts;
        p["starts"] = QStringLiteral("2026-11-23T00:00:00Z");
        p["until"] = QStringLiteral("2026-11-24T00:00:00Z");
        p["reason"] = QStringLiteral("quiet please");
        const Signer mallory = makeSigner(QStringLiteral("mallory"));
        forgeAppend(f.path, signedByQuinn ? quinn.name : QStringLiteral("alice"),
                    signedByQuinn ? &quinn : nullptr, QStringLiteral("silence.added"), p,
                    signedByQuinn ? quinn : mallory);
        const VerifyReport r = verifyFile(f.path, {}, {true, true, {}});
        QVERIFY(!r.intact);
        QCOMPARE(*r.firstBadSeq, size + 1);
        QVERIFY2(r.reason.contains(signedByQuinn ? QStringLiteral("needs the operator or incident-owner role")
                                                 : QStringLiteral("unsigned silence.added")),
                 qPrintable(r.reason));
    }
}

void TestTrust::forgedHandoverReportAndAttestationNamed() {
    // Someone with the file writes, unsigned "by bob", the acknowledgement of a handover bob never
    // took, a postmortem bob never made, and an attestation signature bob never gave.
    for (const char *kind : {"handover.acknowledged", "report.generated", "attestation.signed"}) {
        StoreFixture f;
        const Signer bob = makeSigner(QStringLiteral("bob"));
        QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
        const quint64 size = f.store->size().value();
        f.store.reset();
        JsonValue p = JsonValue::object();
        p["handover"] = 1;
        p["incident"] = QStringLiteral("INC-1");
        p["statement_sha256"] = QString(64, QLatin1Char('a'));
        forgeAppend(f.path, bob.name, nullptr, QString::fromLatin1(kind), p,
                    makeSigner(QStringLiteral("mallory")));
        const VerifyReport r = verifyFile(f.path, {}, {false, true, {}});
        QVERIFY(!r.intact);
        QCOMPARE(*r.firstBadSeq, size + 1);
        QVERIFY2(r.reason.contains(QStringLiteral("unsigned ") + QLatin1String(kind)), qPrintable(r.reason));
    }
}

void TestTrust::forgedUnsignedActByAnotherNamed() {
    // An unsigned killswitch.activated "by alice", covered by a checkpoint of mallory's key.
    StoreFixture f;
    f.appendN(3);
    const Signer mallory = makeSigner(QStringLiteral("mallory"));
    f.store.reset();
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("killswitch.activated"),
                killswitchPayload(), mallory);
    const VerifyReport r = verifyFile(f.path, {}, {false, true, {}});
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(5));
    QVERIFY2(r.reason.contains(QStringLiteral("unsigned killswitch.activated")), qPrintable(r.reason));

    // The same with mallory holding a real (but unapproved) request of her own.
    StoreFixture g;
    g.appendN(2);
    QVERIFY_OK(g.store->registerIdentity(mallory, {QStringLiteral("operator")}));
    g.store.reset();
    forgeAppend(g.path, QStringLiteral("mallory"), &mallory, QStringLiteral("killswitch.activated"),
                killswitchPayload(), mallory);
    const VerifyReport r2 = verifyFile(g.path);
    QVERIFY(!r2.intact);
    QCOMPARE(*r2.firstBadSeq, quint64(5));
    QVERIFY2(r2.reason.contains(QStringLiteral("not approved")), qPrintable(r2.reason));
}

void TestTrust::forgedActNamedAmidManyKinds() {
    // The verifier works out what a kind stands for once per distinct kind and keeps at most a few
    // thousand: a log that imported more distinct kinds than that still has a forged act named
    // (and the kinds past the cap are checked as well as the first ones).
    StoreFixture f;
    QByteArray lines;
    for (int i = 0; i < 5000; ++i)
        lines += "{\"kind\":\"signal.k" + QByteArray::number(i) + "\",\"scope\":\"kl\",\"payload\":{}}\n";
    QVERIFY_OK(f.store->importJsonl(f.alice, f.dir.write(QStringLiteral("kinds.jsonl"), lines)));
    if ((f.store->size().value() + 1) % 16 == 0)
        f.appendN(1); // the forger's program keeps no Merkle subtrees
    const quint64 n = f.store->size().value();
    f.store.reset();
    QVERIFY2(verifyFile(f.path).intact, "the log verifies before the forgery");
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("killswitch.activated"),
                killswitchPayload(), makeSigner(QStringLiteral("mallory")));
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, n + 1);
    QVERIFY2(r.reason.contains(QStringLiteral("unsigned killswitch.activated")), qPrintable(r.reason));
}

void TestTrust::forgedActAfterRevocationNamed() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    QVERIFY_OK(f.store->revokeIdentity(f.alice, QStringLiteral("bob"), QStringLiteral("left")));
    f.store.reset();
    // bob still has his key file and the store file.
    forgeAppend(f.path, QStringLiteral("bob"), &bob, QStringLiteral("killswitch.activated"),
                killswitchPayload(), bob);
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(5));
    QVERIFY2(r.reason.contains(QStringLiteral("revoked")), qPrintable(r.reason));
}

void TestTrust::forgedSelfApprovalNamed() {
    // carol asked for the admin role; she approves herself with her own key.
    StoreFixture f;
    const Signer carol = makeSigner(QStringLiteral("carol"));
    QVERIFY_OK(f.store->registerIdentity(carol, {QStringLiteral("admin"), QStringLiteral("qa")}));
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["name"] = QStringLiteral("carol");
    p["fingerprint"] = carol.key.publicKey().fingerprint();
    forgeAppend(f.path, QStringLiteral("carol"), &carol, QStringLiteral("identity.approved"), p, carol);
    auto s = SqliteEvidenceStore::open(f.path).value();
    QCOMPARE(s->identity(QStringLiteral("carol"))->state, QStringLiteral("requested")); // it does not count
    const VerifyReport r = s->verify({true, true, {}}).value();
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(3));
    QVERIFY2(r.reason.contains(QStringLiteral("does not count")), qPrintable(r.reason));
}

void TestTrust::checkpointByUnapprovedIdentityNamed() {
    // A real event by alice, but the checkpoint after it is signed by a requested identity.
    StoreFixture f;
    const Signer eve = makeSigner(QStringLiteral("eve"));
    QVERIFY_OK(f.store->registerIdentity(eve, {QStringLiteral("qa")}));
    f.store.reset();
    forgeAppend(f.path, QStringLiteral("alice"), &f.alice, QStringLiteral("test.event"), killswitchPayload(),
                eve);
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(3));
    QVERIFY2(r.reason.contains(QStringLiteral("signed by 'eve'")), qPrintable(r.reason));
}

void TestTrust::editedIdentitiesTableChangesNoDecision() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.store->registerIdentity(bob, {QStringLiteral("qa")}));
    f.store.reset();
    attack(f.path, "UPDATE identities SET roles = 'admin,qa,product,engineering' WHERE name = 'bob'");
    auto s = SqliteEvidenceStore::open(f.path).value();
    const Identity id = s->identity(QStringLiteral("bob")).value();
    QCOMPARE(id.roles, QStringList{QStringLiteral("qa")});
    QCOMPARE(id.state, QStringLiteral("requested"));
    QVERIFY(!s->append(bob, {act(QStringLiteral("launch.decided"))}).ok());
    const VerifyReport r = s->verify({}).value();
    QVERIFY(!r.intact);
    QVERIFY(r.reason.contains(QStringLiteral("identities table differs")));
}

void TestTrust::tailCutWithSidecarDeletedDetected() {
    StoreFixture f;
    f.appendN(12);
    f.store.reset();
    attack(f.path, "DELETE FROM events WHERE seq > 10; DELETE FROM checkpoints WHERE size > 10;"
                   "DELETE FROM merkle_nodes WHERE idx * (1 << level) + (1 << level) > 10");
    QVERIFY(QFile::remove(f.path + QStringLiteral(".checkpoint")));
    auto s = SqliteEvidenceStore::open(f.path).value();
    QVERIFY2(s->integrityProblem().contains(QStringLiteral("sidecar")), qPrintable(s->integrityProblem()));
    QVERIFY(!QFileInfo::exists(f.path + QStringLiteral(".checkpoint"))); // never silently rewritten
    QVERIFY(!s->append(f.alice, {act(QStringLiteral("test.after"))}).ok());
    QVERIFY(!s->verify({}).value().intact);
}

void TestTrust::olderCopyWithItsSidecarDetectedByAnchor() {
    TempDir state;
    StoreFixture f;
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    f.appendN(3);
    f.store.reset();
    const QString old = f.dir.file(QStringLiteral("old.sqlite"));
    QVERIFY(QFile::copy(f.path, old));
    QVERIFY(QFile::copy(f.path + QStringLiteral(".checkpoint"), old + QStringLiteral(".checkpoint")));
    {
        auto s = SqliteEvidenceStore::open(f.path, o).value(); // this user sees 4 events
        QVERIFY_OK(s->append(f.alice, {act(QStringLiteral("test.more"))}));
        QVERIFY(s->integrityProblem().isEmpty());
    }
    // Store and sidecar rolled back together: consistent with each other, not with the anchor.
    for (const QString &suffix : {QString(), QStringLiteral(".checkpoint")}) {
        QVERIFY(QFile::remove(f.path + suffix));
        QVERIFY(QFile::copy(old + suffix, f.path + suffix));
    }
    QVERIFY(verifyFile(f.path).intact); // nothing inside the file can tell
    const VerifyReport r = verifyFile(f.path, o);
    QVERIFY(!r.intact);
    QVERIFY2(r.reason.contains(QStringLiteral("rolled back")), qPrintable(r.reason));
}

void TestTrust::rewrittenLogFailsThePin() {
    StoreFixture f;
    f.appendN(3);
    const QString oldAdmin = f.alice.key.publicKey().fingerprint();
    f.store.reset();
    // The whole history made again with new keys under the same names.
    QVERIFY(QFile::remove(f.path));
    QVERIFY(QFile::remove(f.path + QStringLiteral(".checkpoint")));
    StoreFixture forged;
    forged.appendN(3);
    forged.store.reset();
    QVERIFY(QFile::copy(forged.path, f.path));
    QVERIFY(QFile::copy(forged.path + QStringLiteral(".checkpoint"), f.path + QStringLiteral(".checkpoint")));
    QVERIFY(verifyFile(f.path).intact); // trust on first use cannot tell
    const VerifyReport r = verifyFile(f.path, {}, {true, true, {oldAdmin}});
    QVERIFY(!r.intact);
    QVERIFY2(r.reason.contains(QStringLiteral("not among the pinned admin keys")), qPrintable(r.reason));
    const VerifyReport ok =
        verifyFile(forged.path, {}, {true, true, {forged.alice.key.publicKey().fingerprint()}});
    QVERIFY2(ok.intact, qPrintable(ok.reason));
    QVERIFY(ok.trustPinned);
    // A pinned deployment refuses to write to it at all.
    StoreOpenOptions pinned;
    pinned.trust.admins = {oldAdmin};
    auto s = SqliteEvidenceStore::open(f.path, pinned).value();
    auto w = s->append(forged.alice, {act(QStringLiteral("test.x"))});
    QVERIFY(!w.ok());
    QVERIFY(w.error().message.contains(QStringLiteral("pinned")));
}

void TestTrust::rewrittenLogDetectedByAnchor() {
    TempDir state;
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    StoreFixture f;
    f.appendN(3);
    f.store.reset();
    QVERIFY(SqliteEvidenceStore::open(f.path, o).value()->integrityProblem().isEmpty()); // the user saw it
    StoreFixture forged;
    forged.appendN(5);
    forged.store.reset();
    for (const QString &suffix : {QString(), QStringLiteral(".checkpoint")}) {
        QVERIFY(QFile::remove(f.path + suffix));
        QVERIFY(QFile::copy(forged.path + suffix, f.path + suffix));
    }
    auto s = SqliteEvidenceStore::open(f.path, o).value();
    QVERIFY2(s->integrityProblem().contains(QStringLiteral("replaced or rewritten")),
             qPrintable(s->integrityProblem()));
}

void TestTrust::consistencyWithAnEarlierCheckpoint() {
    StoreFixture f;
    f.appendN(4);
    const QString earlier = f.dir.file(QStringLiteral("earlier.checkpoint"));
    QVERIFY(QFile::copy(f.path + QStringLiteral(".checkpoint"), earlier));
    f.appendN(20); // past a kept subtree
    const Checkpoint cp = SqliteEvidenceStore::readCheckpointFile(earlier).value();
    QCOMPARE(f.store->checkExtends(cp).value(), QString());
    // A checkpoint of another log, and one whose root was changed, do not.
    StoreFixture other;
    other.appendN(2);
    const Checkpoint foreign =
        SqliteEvidenceStore::readCheckpointFile(other.path + QStringLiteral(".checkpoint")).value();
    QVERIFY(f.store->checkExtends(foreign).value().contains(QStringLiteral("belongs to log")));
    Checkpoint changed = cp;
    changed.root[0] = static_cast<char>(changed.root[0] ^ 1);
    QVERIFY(!f.store->checkExtends(changed).value().isEmpty());
}

void TestTrust::legacyStoreVerifiesAndIsMarked() {
    // Identity events as earlier versions wrote them: no "enrolment" field, no approvals.
    TempDir dir;
    const QString path = dir.file(QStringLiteral("old.sqlite"));
    StoreOpenOptions o;
    o.create = true;
    auto store = SqliteEvidenceStore::open(path, o).value();
    const Signer ann = makeSigner(QStringLiteral("ann")), ben = makeSigner(QStringLiteral("ben")),
                 cat = makeSigner(QStringLiteral("cat"));
    auto legacy = [&](const Signer &s, const QString &role) {
        NewEvent e;
        e.kind = QStringLiteral("identity.created");
        e.payload["name"] = s.name;
        JsonValue roles = JsonValue::array();
        roles.push(role);
        e.payload["roles"] = roles;
        e.payload["public_key"] = QString::fromLatin1(s.key.publicKey().pem());
        e.payload["fingerprint"] = s.key.publicKey().fingerprint();
        return store->append(s, {e});
    };
    QVERIFY_OK(legacy(ann, QStringLiteral("operator")));
    QVERIFY_OK(legacy(ben, QStringLiteral("qa")));
    // The first write by this version ends the era with a signed marker before the act.
    auto acted = store->append(ben, {act(QStringLiteral("test.act"))});
    QVERIFY_OK(acted);
    QCOMPARE(acted->size(), 1);
    QCOMPARE(acted->first().seq, quint64(4));
    const StoredEvent marker = store->event(3).value();
    QCOMPARE(marker.kind, QStringLiteral("identity.trust_established"));
    QCOMPARE(marker.actor, QStringLiteral("ben"));
    const Identity b = store->identity(QStringLiteral("ben")).value();
    QVERIFY(b.approved());
    QVERIFY(b.legacy);
    QVERIFY(store->identity(QStringLiteral("ann"))->admin); // the genesis
    VerifyReport r = store->verify({true, true, {}}).value();
    QVERIFY2(r.intact, qPrintable(r.reason));
    // Once the log enters the trust era, a request in the old form no longer enrols anyone.
    QVERIFY(!legacy(cat, QStringLiteral("qa")).ok());
    const Signer dan = makeSigner(QStringLiteral("dan"));
    QVERIFY_OK(store->registerIdentity(dan, {QStringLiteral("qa")}));
    QCOMPARE(store->identity(QStringLiteral("dan"))->state, QStringLiteral("requested"));
}

void TestTrust::importCannotBringActs() {
    StoreFixture f;
    const QString file = f.dir.write(QStringLiteral("acts.jsonl"),
                                     "{\"kind\":\"signal.publish_blocked\",\"scope\":\"kl\",\"payload\":{}}\n"
                                     "{\"kind\":\"verdict.verified\",\"scope\":\"kl\",\"payload\":{}}\n");
    const quint64 before = f.store->size().value();
    auto r = f.store->importJsonl(f.alice, file);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().toString().contains(QStringLiteral("acts.jsonl:2")), qPrintable(r.error().toString()));
    QCOMPARE(f.store->size().value(), before);
    // A requested identity imports nothing either.
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.store->registerIdentity(bob, {QStringLiteral("operator")}));
    const QString ok =
        f.dir.write(QStringLiteral("ok.jsonl"), "{\"kind\":\"signal.x\",\"scope\":\"kl\",\"payload\":{}}\n");
    QVERIFY(!f.store->importJsonl(bob, ok).ok());
    // Nor can an import make an Alertmanager alert fire a cell: only the monitor's receiver
    // records those.
    const QString forged = f.dir.write(
        QStringLiteral("am.jsonl"),
        "{\"kind\":\"alertmanager.firing\",\"scope\":\"kl\",\"payload\":{\"alert\":\"resolver-health\","
        "\"fingerprint\":\"ab\"}}\n");
    auto am = f.store->importJsonl(f.alice, forged);
    QVERIFY(!am.ok());
    QVERIFY2(am.error().toString().contains(QStringLiteral("am.jsonl:1")), qPrintable(am.error().toString()));
    // Nor any kind that is neither a signal nor a note: what is no act today might be one
    // tomorrow. A note comes in.
    const QString other = f.dir.write(QStringLiteral("other.jsonl"),
                                      "{\"kind\":\"note.shift\",\"scope\":\"kl\",\"payload\":{}}\n"
                                      "{\"kind\":\"pipeline.publish\",\"scope\":\"kl\",\"payload\":{}}\n");
    auto o = f.store->importJsonl(f.alice, other);
    QVERIFY(!o.ok());
    QCOMPARE(o.error().exitCode(), 4);
    QVERIFY2(o.error().toString().contains(QStringLiteral("other.jsonl:2")) &&
                 o.error().toString().contains(QStringLiteral("only signal.* and note.*")),
             qPrintable(o.error().toString()));
    QCOMPARE(f.store->size().value(), before + 1); // bob's request only
    QVERIFY_OK(f.store->importJsonl(
        f.alice, f.dir.write(QStringLiteral("note.jsonl"),
                             "{\"kind\":\"note.shift\",\"scope\":\"kl\",\"payload\":{}}\n")));
}

void TestTrust::importWithoutBatchStatementNamed() {
    // An import is signed as one batch; a signal slipped in unsigned, even under a checkpoint of
    // the importer's own key, has no batch statement.
    StoreFixture f;
    const QString file =
        f.dir.write(QStringLiteral("s.jsonl"), "{\"kind\":\"signal.x\",\"scope\":\"kl\",\"payload\":{}}\n");
    QCOMPARE(f.store->importJsonl(f.alice, file).value(), quint64(1));
    QVERIFY2(verifyFile(f.path).intact, "a signed batch verifies");
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["value"] = 1;
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("signal.publish_blocked"), p,
                f.alice);
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(4));
    QVERIFY2(r.reason.contains(QStringLiteral("not covered by a signed batch statement")),
             qPrintable(r.reason));
}

void TestTrust::forgedTailIsNotSealedByTheNextWriter() {
    // A signal "by alice" appended with no checkpoint: the sidecar still matches the last real
    // checkpoint, so nothing looks wrong at open. The next honest writer must not seal it.
    StoreFixture f;
    f.appendN(4);
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["value"] = 1;
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("signal.publish_blocked"), p,
                f.alice, false);
    auto s = SqliteEvidenceStore::open(f.path).value();
    const quint64 before = s->size().value();
    auto w = s->append(f.alice, {act(QStringLiteral("test.after"))});
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, ErrorCode::Store);
    QVERIFY2(w.error().message.contains(QStringLiteral("not covered by a signed checkpoint")),
             qPrintable(w.error().message));
    QCOMPARE(s->size().value(), before);
    const VerifyReport r = s->verify({}).value();
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(6));
}

void TestTrust::insiderCannotSealAnotherActorsEvent() {
    // bob, approved, writes an event under alice's name (unsigned, a non-act kind) and seals it
    // with a checkpoint of his own key.
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["note"] = QStringLiteral("all clear");
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("ops.note"), p, bob);
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(4));
    QVERIFY2(r.reason.contains(QStringLiteral("covers events by 'alice'")) ||
                 r.reason.contains(QStringLiteral("batch statement")),
             qPrintable(r.reason));
    // An honest exporter does not sign a bundle of it (a verifier would see only a checkpoint by
    // an approved identity over the events), and nothing is written.
    auto s = SqliteEvidenceStore::open(f.path);
    QVERIFY_OK(s);
    const QString out = f.dir.file(QStringLiteral("forged.tar.zst"));
    auto exported = Bundle::exportBundle(*s.value(), out, {}, f.alice);
    QVERIFY(!exported.ok());
    QVERIFY2(exported.error().message.startsWith(QStringLiteral("refusing to export: ")),
             qPrintable(exported.error().message));
    QVERIFY(!QFileInfo::exists(out));
}

void TestTrust::actNeedsItsRole() {
    // alice holds operator and reviewer: she may note an incident but not decide it, and a launch
    // sign-off step signed as "qa" needs the qa role whoever records it.
    StoreFixture f;
    const quint64 before = f.store->size().value();
    JsonValue decision = JsonValue::object();
    decision["incident"] = QStringLiteral("INC-1");
    decision["text"] = QStringLiteral("roll back");
    NewEvent decide = act(QStringLiteral("incident.decision"));
    decide.payload = decision;
    auto r = f.store->append(f.alice, {decide});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY2(r.error().message.contains(QStringLiteral("needs the incident-owner role")),
             qPrintable(r.error().message));
    JsonValue step = JsonValue::object();
    step["runbook"] = QStringLiteral("launch-day-validation");
    JsonValue evidence = JsonValue::object();
    evidence["signed_as"] = QStringLiteral("qa");
    step["evidence"] = evidence;
    NewEvent signoff = act(QStringLiteral("runbook.step"));
    signoff.payload = step;
    QVERIFY(!f.store->append(f.alice, {signoff}).ok());
    QCOMPARE(f.store->size().value(), before);
    // The holders of the roles may.
    const Signer ian = makeSigner(QStringLiteral("ian")), quinn = makeSigner(QStringLiteral("quinn"));
    QVERIFY_OK(f.enrol(ian, {QStringLiteral("incident-owner")}));
    QVERIFY_OK(f.enrol(quinn, {QStringLiteral("qa")}));
    QVERIFY_OK(f.store->append(ian, {decide}));
    QVERIFY_OK(f.store->append(quinn, {signoff}));
    QVERIFY(verifyFile(f.path).intact);

    // alice's own program writes the decision with her key and seals it: verify names it.
    f.store.reset();
    forgeAppend(f.path, QStringLiteral("alice"), &f.alice, QStringLiteral("incident.decision"), decision,
                f.alice);
    const VerifyReport forged = verifyFile(f.path);
    QVERIFY(!forged.intact);
    QVERIFY2(
        forged.reason.contains(QStringLiteral("by 'alice': incident.decision needs the incident-owner role")),
        qPrintable(forged.reason));
}

void TestTrust::unknownActKindRefusedAndNamed() {
    // A kind under a prefix of acts that no rule names is no act of this console: an approved
    // operator cannot slip "incident.resolved" or "verdict.accepted" past the role rules by
    // inventing a name, and a forged one signed with a valid key is named by verify.
    StoreFixture f;
    const quint64 before = f.store->size().value();
    for (const char *kind : {"incident.resolved", "verdict.accepted", "launch.signoff", "trust.pinned"}) {
        auto r = f.store->append(f.alice, {act(QLatin1String(kind))});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().exitCode(), 4);
        QVERIFY2(r.error().message.contains(QStringLiteral("is not a kind of act this console records")),
                 qPrintable(r.error().message));
    }
    QCOMPARE(f.store->size().value(), before);
    // Kinds outside the act prefixes (signals, notes) stay open.
    QVERIFY_OK(f.store->append(f.alice, {act(QStringLiteral("signal.fallback_rate"))}));
    // alice's own program writes the act anyway, signed, past the writer: verify names it.
    const auto forgeAct = [](StoreFixture &fixture, const QString &kind) {
        fixture.store.reset();
        JsonValue p = JsonValue::object();
        p["incident"] = QStringLiteral("INC-1");
        forgeAppend(fixture.path, QStringLiteral("alice"), &fixture.alice, kind, p, fixture.alice);
        return verifyFile(fixture.path);
    };
    const VerifyReport forged = forgeAct(f, QStringLiteral("incident.resolved"));
    QVERIFY(!forged.intact);
    QCOMPARE(*forged.firstBadSeq, before + 2);
    QVERIFY2(forged.reason.contains(QStringLiteral("incident.resolved is not a kind of act")),
             qPrintable(forged.reason));
    // A kind no writer accepts ("Incident.closed": no act prefix, so neither signature nor role
    // would be asked of it) is named too.
    StoreFixture g;
    const quint64 size = g.store->size().value();
    const VerifyReport malformed = forgeAct(g, QStringLiteral("Incident.closed"));
    QVERIFY(!malformed.intact);
    QCOMPARE(*malformed.firstBadSeq, size + 1);
    QVERIFY2(malformed.reason.contains(QStringLiteral("'Incident.closed' is not a valid kind")),
             qPrintable(malformed.reason));
}

void TestTrust::deletedAttachmentNamed() {
    // The blob behind an attachment event deleted with sqlite3: the event still verifies, its
    // evidence is gone, and verify names the event.
    StoreFixture f;
    f.appendN(1);
    auto attached = f.store->attach(f.alice, QStringLiteral("probe-output.txt"), "Pass: 3\n",
                                    QStringLiteral("text/plain"), QStringLiteral("kl"));
    QVERIFY_OK(attached);
    f.appendN(1);
    QVERIFY(verifyFile(f.path).intact);
    f.store.reset();
    attack(f.path, "DELETE FROM blobs;");
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, attached->seq);
    QVERIFY2(r.reason.contains(QStringLiteral("which is missing from the store")), qPrintable(r.reason));
}

void TestTrust::editedCheckpointTimeNamed() {
    StoreFixture f;
    // A checkpoint's time column pushed into the future with sqlite3 (which would refuse every
    // later write as "going backwards") disagrees with the signed bytes: verify names it.
    f.appendN(2);
    f.store.reset();
    attack(f.path,
           "UPDATE checkpoints SET ts_ms = 4102444800000 WHERE size = (SELECT MAX(size) FROM checkpoints);");
    const VerifyReport v = verifyFile(f.path);
    QVERIFY(!v.intact);
    QVERIFY2(v.reason.contains(QStringLiteral("malformed")), qPrintable(v.reason));
}

void TestTrust::relabelledCheckpointSignerNamed() {
    // A note's signed body does not name its signer: the signer column does, and the key ID binds
    // it. Relabelling alice's checkpoints as bob's (an approved identity) with sqlite3 is named.
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    f.appendN(2);
    f.store.reset();
    attack(f.path, "UPDATE checkpoints SET signer = 'bob' WHERE size = (SELECT MAX(size) FROM checkpoints);");
    const VerifyReport v = verifyFile(f.path);
    QVERIFY(!v.intact);
    QVERIFY2(v.reason.contains(QStringLiteral("'bob'")), qPrintable(v.reason));
}

void TestTrust::launchRunbookActsAreTheReleaseOwners() {
    // An analyst starts a "launch" with no checks, signing it as her own role: refused. A sign-off
    // step counts only as product, engineering or QA.
    StoreFixture f;
    const Signer ana = makeSigner(QStringLiteral("ana"));
    QVERIFY_OK(f.enrol(ana, {QStringLiteral("analyst")}));
    JsonValue p = JsonValue::object();
    p["runbook"] = QStringLiteral("launch-day-validation");
    p["steps"] = JsonValue::array();
    JsonValue ev = JsonValue::object();
    ev["signed_as"] = QStringLiteral("analyst");
    p["evidence"] = ev;
    for (const char *kind : {"runbook.started", "runbook.step", "runbook.completed"}) {
        NewEvent e = act(QString::fromLatin1(kind));
        e.payload = p;
        auto r = f.store->append(ana, {e});
        QVERIFY2(!r.ok(), kind);
        QVERIFY2(r.error().message.contains(QStringLiteral("release-owner")), qPrintable(r.error().message));
    }
}

void TestTrust::timeGoingBackwardsRefused() {
    // A clock set back (to make a rollback look faster, or a decision earlier) is refused: no
    // event lies before the latest time in the log by more than the tolerance.
    StoreFixture f;
    NewEvent e = act(QStringLiteral("incident.evidence"));
    e.tsMs = f.now - Time::kClockSkewToleranceMs - 60000;
    const quint64 before = f.store->size().value();
    auto r = f.store->append(f.alice, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY2(r.error().message.contains(QStringLiteral("before the latest time in the log")),
             qPrintable(r.error().message));
    QCOMPARE(f.store->size().value(), before);
    // Within the tolerance (clocks of two writers a little apart) it is recorded.
    e.tsMs = f.now - Time::kClockSkewToleranceMs / 2;
    QVERIFY_OK(f.store->append(f.alice, {e}));
    QVERIFY(verifyFile(f.path).intact);
}

void TestTrust::backdatedForgedEventNamed() {
    // alice's own program, with her key, writes an event an hour before the last one, signs it and
    // seals it with a valid checkpoint: the log is cryptographically fine, but time went backwards.
    StoreFixture f;
    f.appendN(2);
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["text"] = QStringLiteral("noted before the alert fired");
    forgeAppend(f.path, QStringLiteral("alice"), &f.alice, QStringLiteral("incident.evidence"), p, f.alice,
                true, -3600 * 1000);
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(4));
    QVERIFY2(r.reason.contains(QStringLiteral("event 4: its time")), qPrintable(r.reason));
}

void TestTrust::timeAheadOfTheClockNamed() {
    // alice's machine with its clock set a day ahead writes and seals with her own key (to keep an
    // "ok" fresh, or to make every honest writer after it look as if its clock went backwards):
    // the log is cryptographically fine, and a verifier whose clock is right names the first
    // event dated ahead of it.
    StoreFixture f;
    f.appendN(1);
    NewEvent e = act(QStringLiteral("incident.evidence"));
    e.tsMs = f.now + Time::kClockSkewToleranceMs / 2; // two writers' clocks a little apart
    QVERIFY_OK(f.store->append(f.alice, {e}));
    const quint64 honest = f.store->size().value();
    const qint64 trueNow = f.now;
    f.now += 24 * 3600 * 1000;
    QVERIFY_OK(f.store->append(f.alice, {act(QStringLiteral("incident.evidence"))}));
    QVERIFY_OK(f.store->append(f.alice, {act(QStringLiteral("incident.evidence"))}));
    f.store.reset();
    VerifyOptions judged(true, true, {});
    judged.nowMs = trueNow + 5000;
    const VerifyReport report = verifyFile(f.path, {}, judged);
    QVERIFY(!report.intact);
    QCOMPARE(*report.firstBadSeq, honest + 1);
    QVERIFY(report.clockAhead);
    QVERIFY2(report.reason.contains(QStringLiteral("ahead of this machine's clock")),
             qPrintable(report.reason));
    // The same log judged a day later (the verifier's clock has caught up) is intact.
    judged.nowMs = trueNow + 24 * 3600 * 1000 + 60000;
    QVERIFY(verifyFile(f.path, {}, judged).intact);
    // The command line judges by this machine's clock: a log dated in the future is named.
    const VerifyReport now = verifyFile(f.path, {}, [] {
        VerifyOptions o(true, true, {});
        o.nowMs = Time::nowMs();
        return o;
    }());
    QVERIFY2(now.intact, qPrintable(now.reason)); // 2026-11-24 lies in this machine's past
}

void TestTrust::importTimesLieBetweenCheckpointAndNow() {
    StoreFixture f;
    f.appendN(1);
    const qint64 lastCheckpoint = f.store->latestCheckpoint()->tsMs;
    const auto line = [](qint64 ts) -> QByteArray {
        return "{\"kind\":\"signal.publish_blocked\",\"scope\":\"kl\",\"payload\":{},\"ts\":\"" +
               Time::toIso(ts).toLatin1() + "\"}\n";
    };
    const quint64 before = f.store->size().value();
    struct Case {
        QByteArray content;
        int line;
        const char *message;
    };
    const QList<Case> refused = {
        {line(lastCheckpoint + 1000) + line(lastCheckpoint - 1), 2, "earlier than the log's last checkpoint"},
        {line(f.now + 2 * Time::kClockSkewToleranceMs), 1, "is in the future"},
    };
    for (const Case &c : refused) {
        const QString file = f.dir.write(QStringLiteral("signals.jsonl"), c.content);
        auto r = f.store->importJsonl(f.alice, file);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().exitCode(), 3);
        QCOMPARE(r.error().where, QStringLiteral("%1:%2").arg(file).arg(c.line));
        QVERIFY2(r.error().message.contains(QLatin1String(c.message)), qPrintable(r.error().message));
        QCOMPARE(f.store->size().value(), before);
    }
    // Lines going backwards within the file past the tolerance: refused at the line.
    f.now += 30 * 60000;
    const QString back = f.dir.write(QStringLiteral("back.jsonl"),
                                     line(lastCheckpoint + 20 * 60000) + line(lastCheckpoint + 5 * 60000));
    auto r = f.store->importJsonl(f.alice, back);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().where, QStringLiteral("%1:2").arg(back));
    QVERIFY2(r.error().message.contains(QStringLiteral("before the latest time")),
             qPrintable(r.error().message));
    QCOMPARE(f.store->size().value(), before);
    // Between the last checkpoint and now, in order: imported, and the log verifies.
    const QString good = f.dir.write(QStringLiteral("good.jsonl"),
                                     line(lastCheckpoint + 60000) + line(lastCheckpoint + 20 * 60000));
    QCOMPARE(f.store->importJsonl(f.alice, good).value(), quint64(2));
    QVERIFY(verifyFile(f.path).intact);
}

void TestTrust::positionedSignaturesStillVerify() {
    // Events written before signatures became position-free sign their position too; a log holding
    // both forms verifies, and each event says which form its signature has.
    StoreFixture f;
    f.store.reset();
    JsonValue p = JsonValue::object();
    p["note"] = QStringLiteral("written by an older version");
    forgeAppend(f.path, QStringLiteral("alice"), &f.alice, QStringLiteral("ops.note"), p, f.alice);
    VerifyReport r = verifyFile(f.path);
    QVERIFY2(r.intact, qPrintable(r.reason));
    auto s = SqliteEvidenceStore::open(f.path);
    QVERIFY_OK(s);
    const StoredEvent older = s.value()->event(2).value();
    QCOMPARE(verifiedForm(f.alice.key.publicKey(), s.value()->storeId(), older), SignedForm::Positioned);
    auto newer = s.value()->append(f.alice, {act(QStringLiteral("ops.note"))});
    QVERIFY_OK(newer);
    QCOMPARE(verifiedForm(f.alice.key.publicKey(), s.value()->storeId(), newer->first()),
             SignedForm::PositionFree);
    s.value().reset();
    r = verifyFile(f.path);
    QVERIFY2(r.intact, qPrintable(r.reason));
    QVERIFY(r.signaturesChecked >= 3);
}

void TestTrust::replayedActNamed() {
    // A signature no longer covers its event's position, so the bytes of alice's kill-switch act
    // would verify wherever they land. Her own program (or a sync that runs twice) appends the same
    // act again, at the next position with a checkpoint of her key: verify names the repeated id.
    StoreFixture f;
    NewEvent ks = act(QStringLiteral("killswitch.activated"));
    ks.payload = killswitchPayload();
    auto first = f.store->append(f.alice, {ks});
    QVERIFY_OK(first);
    const StoredEvent original = first->first();
    f.store.reset();
    QVERIFY2(verifyFile(f.path).intact, "the log verifies before the replay");
    // The same event at the next position: only "seq" changes, the signature is copied.
    const quint64 replaySeq = original.seq + 1;
    std::string bytes = original.canonical;
    const std::string from = ",\"seq\":" + std::to_string(original.seq) + ",";
    const std::size_t at = bytes.rfind(from);
    QVERIFY(at != std::string::npos);
    bytes.replace(at, from.size(), ",\"seq\":" + std::to_string(replaySeq) + ",");
    forgeRow(f.path, original.uuid.toStdString(), original.tsMs, original.actor, original.kind, bytes, true,
             f.alice, true);
    auto s = SqliteEvidenceStore::open(f.path);
    QVERIFY_OK(s);
    // Its signature alone verifies at the new position...
    QCOMPARE(verifiedForm(f.alice.key.publicKey(), s.value()->storeId(), s.value()->event(replaySeq).value()),
             SignedForm::PositionFree);
    s.value().reset();
    // ...and the log does not.
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, replaySeq);
    QVERIFY2(r.reason.contains(
                 QStringLiteral("event %1 repeats the id of event %2").arg(replaySeq).arg(original.seq)),
             qPrintable(r.reason));
}

void TestTrust::eventIdsCompareByTheirBits() {
    // The repeated-id check compares ids by their 128 bits: dashes do not count, hex digits are
    // read as written, and any other form stands for the hash of its text (never equal to a
    // well-formed id, and never the id of 0).
    using store::eventIdKey;
    const std::string id = "0123abcd-4567-89ef-0123-456789abcdef";
    QCOMPARE(eventIdKey(id), (std::pair<quint64, quint64>{0x0123abcd456789efULL, 0x0123456789abcdefULL}));
    QCOMPARE(eventIdKey("0123abcd456789ef0123456789abcdef"), eventIdKey(id));
    QCOMPARE(eventIdKey("00000000-0000-0000-0000-000000000000"), (std::pair<quint64, quint64>{0, 0}));
    for (const std::string &other :
         {std::string("0123ABCD-4567-89EF-0123-456789ABCDEF"), id + "0", id.substr(0, id.size() - 1),
          std::string("0123abcd 4567-89ef-0123-456789abcdef"), std::string()}) {
        const auto key = eventIdKey(other);
        QVERIFY2(key != eventIdKey(id), other.c_str());
        QVERIFY2(key.second & 1, other.c_str());
        QCOMPARE(eventIdKey(other), key); // the same text, the same key
    }
    QVERIFY(eventIdKey("g123abcd-4567-89ef-0123-456789abcdef") !=
            eventIdKey("x123abcd-4567-89ef-0123-456789abcdef"));
}

void TestTrust::actFromAnotherLogNamed() {
    // alice holds the same key in a staging log and in production. Her kill-switch act in staging
    // is copied, byte for byte but for its position, into production with a checkpoint her key
    // signs: its signature names the staging log, so production's verify names it.
    StoreFixture production;
    StoreFixture staging(false);
    staging.alice = Signer{production.alice.name, production.alice.key.duplicate()};
    QVERIFY_OK(staging.store->registerIdentity(staging.alice, {QStringLiteral("operator")}));
    NewEvent ks = act(QStringLiteral("killswitch.activated"));
    ks.payload = killswitchPayload();
    auto inStaging = staging.store->append(staging.alice, {ks});
    QVERIFY_OK(inStaging);
    const StoredEvent original = inStaging->first();
    QVERIFY(staging.store->storeId() != production.store->storeId());
    const quint64 seq = production.store->size().value() + 1;
    production.store.reset();
    std::string bytes = original.canonical;
    const std::string from = ",\"seq\":" + std::to_string(original.seq) + ",";
    const std::size_t at = bytes.rfind(from);
    QVERIFY(at != std::string::npos);
    bytes.replace(at, from.size(), ",\"seq\":" + std::to_string(seq) + ",");
    forgeRow(production.path, original.uuid.toStdString(), original.tsMs, original.actor, original.kind,
             bytes, true, production.alice, true);
    const VerifyReport r = verifyFile(production.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, seq);
    QVERIFY2(r.reason.contains(QStringLiteral("event %1: the signature by 'alice' does not verify").arg(seq)),
             qPrintable(r.reason));
}

QTEST_GUILESS_MAIN(TestTrust)
// bob, approved, writes an unsigned kill-switch act "by alice" and seals it with a checkpoint of
// his own key, as a person with the file, sqlite3 and openssl would. alice last saw the log before
// it: her next open names the event, her folds stop before it, and her next act is refused rather
// than sealing it.
void TestTrust::forgedActNeitherCountsNorIsSealed() {
    TempDir state;
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    f.appendN(2);
    f.store.reset();
    QVERIFY(SqliteEvidenceStore::open(f.path, o).value()->integrityProblem().isEmpty()); // alice saw 5
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("killswitch.activated"),
                killswitchPayload(), bob);
    auto s = SqliteEvidenceStore::open(f.path, o).value();
    const quint64 forged = s->size().value();
    QCOMPARE(forged, quint64(6));
    QVERIFY2(s->integrityProblem().contains(QStringLiteral("event 6")), qPrintable(s->integrityProblem()));
    QCOMPARE(s->trustedThrough().value(), forged - 1);
    // The fold that decides does not count it.
    auto book = IncidentBook::load(*s);
    QVERIFY(book.ok());
    QVERIFY(!book->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
    QVERIFY(book->activeKillSwitchScopes().isEmpty());
    // alice's next act would seal it: refused, nothing written.
    NewEvent note;
    note.kind = QStringLiteral("ops.note");
    note.scope = QStringLiteral("kl");
    note.payload["note"] = QStringLiteral("all clear");
    auto refused = s->append(f.alice, {note});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("refusing to append")) &&
                 refused.error().message.contains(QStringLiteral("event 6")),
             qPrintable(refused.error().message));
    QCOMPARE(s->size().value(), forged);
    const VerifyReport r = s->verify({true, true, {}}).value();
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, forged);
    // The same forgery signed with a key that is not alice's: named as well.
    StoreFixture g;
    QVERIFY_OK(g.enrol(bob, {QStringLiteral("operator")}));
    g.store.reset();
    TempDir state2;
    StoreOpenOptions o2;
    o2.anchorDirectory = state2.path();
    QVERIFY(SqliteEvidenceStore::open(g.path, o2).value()->integrityProblem().isEmpty());
    forgeAppend(g.path, QStringLiteral("alice"), &bob, QStringLiteral("killswitch.activated"),
                killswitchPayload(), g.alice);
    auto t = SqliteEvidenceStore::open(g.path, o2).value();
    QVERIFY2(t->integrityProblem().contains(QStringLiteral("signature")), qPrintable(t->integrityProblem()));
    QVERIFY(!IncidentBook::load(*t)->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
}

// An insider's checkpoint over a forged act, seen by a user who never opened the store before
// (no anchor: a new colleague, or the state directory wiped): the log is verified from its first
// event before anything counts, so the act is named, not counted, and not sealed; the anchor is
// not written over it.
void TestTrust::firstSightVerifiesBeforeTrusting() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    f.appendN(2);
    f.store.reset();
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("killswitch.activated"),
                killswitchPayload(), bob); // unsigned, "by alice", sealed by bob's valid checkpoint
    TempDir state;                         // this user's state: empty
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    auto s = SqliteEvidenceStore::open(f.path, o).value();
    const quint64 forged = s->size().value();
    QVERIFY2(s->integrityProblem().contains(QStringLiteral("event %1").arg(forged)),
             qPrintable(s->integrityProblem()));
    QCOMPARE(s->trustedThrough().value(), forged - 1);
    QVERIFY(!IncidentBook::load(*s)->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
    NewEvent note;
    note.kind = QStringLiteral("ops.note");
    note.scope = QStringLiteral("kl");
    note.payload["note"] = QStringLiteral("all clear");
    QVERIFY(!s->append(f.alice, {note}).ok());
    QCOMPARE(s->size().value(), forged);
    QVERIFY2(QDir(state.path() + QStringLiteral("/anchors")).entryList(QDir::Files).isEmpty(),
             "no anchor over a log that did not verify");
    // A clean log seen for the first time is verified once and anchored: the next open starts there.
    StoreFixture g;
    g.appendN(3);
    const quint64 n = g.store->size().value();
    g.store.reset();
    TempDir state2;
    StoreOpenOptions o2;
    o2.anchorDirectory = state2.path();
    auto t = SqliteEvidenceStore::open(g.path, o2).value();
    QVERIFY(t->integrityProblem().isEmpty());
    QCOMPARE(t->trustedThrough().value(), std::numeric_limits<quint64>::max());
    QCOMPARE(QDir(state2.path() + QStringLiteral("/anchors")).entryList(QDir::Files).size(), 2);
    QCOMPARE(t->size().value(), n);
}

// The readers that decide from the newest events of a kind (launch health from probe transitions,
// the alert matrix, silences, launch decisions) read only the events that count: a transition to
// "ok" written around the write gate is not the target's state.
void TestTrust::forgedReadingsDecideNothing() {
    TempDir state;
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    const auto transition = [](const QString &to) {
        JsonValue p = JsonValue::object();
        p["target"] = QStringLiteral("edge-kl");
        p["kind"] = QStringLiteral("edge");
        p["from"] = to == QLatin1String("ok") ? QStringLiteral("down") : QStringLiteral("unknown");
        p["to"] = to;
        p["reason"] = QStringLiteral("test");
        return p;
    };
    NewEvent honest;
    honest.kind = QStringLiteral("probe.state_changed");
    honest.scope = QStringLiteral("kl");
    honest.payload = transition(QStringLiteral("down"));
    QVERIFY_OK(f.store->append(bob, {honest}));
    f.store.reset();
    QVERIFY(SqliteEvidenceStore::open(f.path, o).value()->integrityProblem().isEmpty());
    forgeAppend(f.path, QStringLiteral("bob"), nullptr, QStringLiteral("probe.state_changed"),
                transition(QStringLiteral("ok")), bob);
    auto s = SqliteEvidenceStore::open(f.path, o).value();
    QVERIFY(!s->integrityProblem().isEmpty());
    auto read = LoggedProbes::read(*s);
    QVERIFY(read.ok());
    QVERIFY(read->contains(QStringLiteral("edge-kl")));
    QCOMPARE(read->value(QStringLiteral("edge-kl")).state, QStringLiteral("down"));
    // What the store holds, read without the gate: the forged transition is there.
    EventFilter newest;
    newest.kind = QStringLiteral("probe.state_changed");
    newest.newestFirst = true;
    QCOMPARE(s->query(newest).value().first().payload().stringAt("to"), QStringLiteral("ok"));
}

// The store a console keeps open: a forgery written by another process is found on the next read
// of a fold, and honest acts of other processes go on counting.
void TestTrust::forgeryWhileOpenIsCaughtOnTheNextRead() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator"), QStringLiteral("incident-owner")}));
    f.store.reset();
    auto console = SqliteEvidenceStore::open(f.path).value();
    QCOMPARE(console->trustedThrough().value(), std::numeric_limits<quint64>::max());
    {
        auto other = SqliteEvidenceStore::open(f.path).value(); // an honest colleague's act
        NewEvent e;
        e.kind = QStringLiteral("killswitch.activated");
        e.scope = QStringLiteral("kl");
        e.payload = killswitchPayload();
        QVERIFY_OK(other->append(bob, {e}));
    }
    auto book = IncidentBook::load(*console);
    QVERIFY(book->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
    const quint64 honest = console->size().value();
    forgeAppend(f.path, QStringLiteral("alice"), nullptr, QStringLiteral("killswitch.deactivated"),
                killswitchPayload(), bob);
    book = IncidentBook::load(*console);
    QVERIFY(book.ok());
    const KillSwitchState *k = book->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl"));
    QVERIFY(k && k->active); // the forged deactivation does not count
    QCOMPARE(console->trustedThrough().value(), honest);
}

#include "tst_trust.moc"
