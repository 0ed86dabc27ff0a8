// An attacker with the file: drops the append-only triggers with the sqlite3 library and
// edits rows. Every change must be found by verify, naming the first bad event.
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"
#include "store/EventCodec.h"

#include "StoreAttack.h"
#include "StoreFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <sqlite3.h>

using namespace ops;
using namespace ops::test;

class TestTamper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void untouchedStoreIsIntact();
    void legacyJsonCheckpointsKeepVerifying();
    void tamper_data();
    void tamper();
    void truncatedTailDetectedBySidecar();
    void truncatedTailWithCheckpointsKept();
    void olderCopyDetected();
    void forgedCheckpointByAnotherKey();
    void forgedEventSignatureDetectedWithSignatures();
    void tamperedAttachmentDetected();
    void editedProjectionDetected();
    void editedRowsAreNeverRead_data();
    void editedRowsAreNeverRead();
    void anEditedIdentityRowLeavesTheStoreToVerify();
    void linkPlantedWhereTheStoreWillBeIsRefused();
    void backupWritesOnlyANewFile();
    void lockLinkIsNeverFollowed();
};

static VerifyReport verifyFile(const QString &path, bool signatures = false) {
    auto s = SqliteEvidenceStore::open(path);
    if (!s.ok())
        qFatal("open: %s", qPrintable(s.error().toString()));
    auto r = s.value()->verify({signatures, true});
    if (!r.ok())
        qFatal("verify: %s", qPrintable(r.error().toString()));
    return r.value();
}

// A store of 1 identity event + 12 signed events, one checkpoint each; closed.
static std::unique_ptr<StoreFixture> twelve() {
    auto f = std::make_unique<StoreFixture>();
    f->appendN(12);
    f->store.reset();
    return f;
}

void TestTamper::untouchedStoreIsIntact() {
    auto f = twelve();
    const VerifyReport r = verifyFile(f->path, true);
    QVERIFY2(r.intact, qPrintable(r.reason));
    QCOMPARE(r.events, quint64(13));
    QVERIFY(!r.firstBadSeq);
}

void TestTamper::legacyJsonCheckpointsKeepVerifying() {
    // A store written before checkpoints were signed notes: its checkpoints are canonical JSON
    // objects signed by alice. They keep verifying, and the next append seals with a note.
    auto f = twelve();
    QString storeId;
    QByteArray sql;
    JsonValue lastDoc;
    {
        auto s = SqliteEvidenceStore::open(f->path).value();
        storeId = s->storeId();
        for (quint64 size = 1; size <= 13; ++size) {
            const Checkpoint cp = [&] {
                crypto::merkle::TreeBuilder tree;
                for (quint64 seq = 1; seq <= size; ++seq)
                    tree.append(s->event(seq)->leafHash);
                Checkpoint c;
                c.size = size;
                c.root = tree.root();
                return c;
            }();
            const qint64 ts = s->event(size)->tsMs;
            const std::string canonical = CanonicalJson::serialize(store::codec::checkpointObject(
                size, cp.root, ts, QStringLiteral("alice"), f->alice.key.publicKey().fingerprint(), storeId));
            const QByteArray sig = f->alice.key.sign(QByteArray::fromStdString(canonical));
            sql += "UPDATE checkpoints SET ts_ms = " + QByteArray::number(ts) + ", canonical = X'" +
                   QByteArray::fromStdString(canonical).toHex() + "', signature = X'" + sig.toHex() +
                   "' WHERE size = " + QByteArray::number(size) + ";";
            lastDoc = JsonValue::object();
            lastDoc["checkpoint"] = CanonicalJson::parse(canonical).value();
            lastDoc["signature"] = sig.toBase64().toStdString();
        }
    }
    attack(f->path, sql);
    const QString legacyDoc =
        f->dir.write(QStringLiteral("legacy.checkpoint"),
                     QByteArray::fromStdString(CanonicalJson::serialize(lastDoc) + "\n"));
    QVERIFY(QFile::remove(f->path + QStringLiteral(".checkpoint")));
    QVERIFY(QFile::copy(legacyDoc, f->path + QStringLiteral(".checkpoint")));
    const VerifyReport before = verifyFile(f->path, true);
    QVERIFY2(before.intact, qPrintable(before.reason));
    QCOMPARE(before.checkpoints, quint64(13));

    f->reopen();
    QVERIFY(!f->store->latestCheckpoint()->isNote());
    f->appendN(2);
    const Checkpoint latest = f->store->latestCheckpoint().value();
    QVERIFY(latest.isNote());
    const VerifyReport after = f->store->verify({true, true}).value();
    QVERIFY2(after.intact, qPrintable(after.reason));
    QCOMPARE(after.checkpoints, quint64(15));
    // An old checkpoint document taken earlier still anchors a consistency check.
    auto earlier = SqliteEvidenceStore::readCheckpointFile(legacyDoc);
    QVERIFY(earlier.ok());
    QVERIFY(!earlier->isNote());
    QCOMPARE(f->store->checkExtends(earlier.value()).value(), QString());
}

void TestTamper::tamper_data() {
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<quint64>("firstBad");
    QTest::addColumn<QString>("reason");
    QTest::newRow("changed payload")
        << QByteArray("UPDATE events SET canonical = replace(canonical, '\"i\":4', '\"i\":9') WHERE seq = 6")
        << quint64(6) << QStringLiteral("do not match its leaf hash");
    QTest::newRow("changed payload and leaf")
        << QByteArray(
               "UPDATE events SET canonical = replace(canonical, '\"i\":4', '\"i\":9') WHERE seq = 6;"
               "UPDATE events SET leaf_hash = (SELECT leaf_hash FROM events WHERE seq = 7) WHERE seq = 6")
        << quint64(6) << QStringLiteral("event 6");
    QTest::newRow("changed time") << QByteArray("UPDATE events SET ts_ms = ts_ms + 3600000 WHERE seq = 5")
                                  << quint64(5) << QStringLiteral("time differs");
    QTest::newRow("changed time in event bytes")
        << QByteArray("UPDATE events SET canonical = replace(canonical, '\"ts\":\"2026', '\"ts\":\"2025') "
                      "WHERE seq = 8")
        << quint64(8) << QStringLiteral("event 8");
    QTest::newRow("changed actor") << QByteArray("UPDATE events SET actor = 'mallory' WHERE seq = 9")
                                   << quint64(9) << QStringLiteral("actor differs");
    QTest::newRow("changed actor in bytes") << QByteArray("UPDATE events SET canonical = replace(canonical, "
                                                          "'\"actor\":\"alice\"', '\"actor\":\"mallo\"'), "
                                                          "actor = 'mallo' WHERE seq = 4")
                                            << quint64(4) << QStringLiteral("event 4");
    QTest::newRow("deleted event") << QByteArray("DELETE FROM events WHERE seq = 7") << quint64(7)
                                   << QStringLiteral("event 7 is missing");
    QTest::newRow("reordered events")
        << QByteArray("CREATE TEMP TABLE s AS SELECT * FROM events WHERE seq IN (3, 4);"
                      "DELETE FROM events WHERE seq IN (3, 4);"
                      "INSERT INTO events SELECT 7 - seq, uuid, ts_ms, actor, kind, scope, canonical, "
                      "leaf_hash, signed FROM s;")
        << quint64(3) << QStringLiteral("sequence number in the event");
    QTest::newRow("duplicated event") << QByteArray("INSERT INTO events SELECT 14, uuid || '-copy', ts_ms, "
                                                    "actor, kind, scope, canonical, leaf_hash, signed "
                                                    "FROM events WHERE seq = 5")
                                      << quint64(14) << QStringLiteral("event 14");
    QTest::newRow("forged checkpoint root")
        << QByteArray(
               "UPDATE checkpoints SET root = (SELECT root FROM checkpoints WHERE size = 9) WHERE size = 10")
        << quint64(10) << QStringLiteral("checkpoint at size 10");
    QTest::newRow("forged checkpoint signature")
        << QByteArray("UPDATE checkpoints SET signature = (SELECT signature FROM checkpoints WHERE size = 9) "
                      "WHERE size = 11")
        << quint64(11) << QStringLiteral("signature by 'alice' does not verify");
    QTest::newRow("deleted checkpoints after change")
        << QByteArray("UPDATE events SET canonical = replace(canonical, '\"i\":2', '\"i\":7'), "
                      "leaf_hash = X'00' WHERE seq = 4; DELETE FROM checkpoints WHERE size >= 4")
        << quint64(4) << QStringLiteral("event 4");
}

void TestTamper::tamper() {
    QFETCH(QByteArray, sql);
    QFETCH(quint64, firstBad);
    QFETCH(QString, reason);
    auto f = twelve();
    attack(f->path, sql);
    const VerifyReport r = verifyFile(f->path);
    QVERIFY(!r.intact);
    QVERIFY2(r.firstBadSeq.has_value(), qPrintable(r.reason));
    QCOMPARE(*r.firstBadSeq, firstBad);
    QVERIFY2(r.reason.contains(reason), qPrintable(r.reason));
}

void TestTamper::truncatedTailDetectedBySidecar() {
    auto f = twelve();
    attack(f->path, "DELETE FROM events WHERE seq > 10; DELETE FROM checkpoints WHERE size > 10;"
                    "DELETE FROM merkle_nodes WHERE idx * (1 << level) + (1 << level) > 10");
    auto s = SqliteEvidenceStore::open(f->path);
    QVERIFY(s.ok());
    QVERIFY(s.value()->integrityProblem().contains(QStringLiteral("truncated")));
    const VerifyReport r = s.value()->verify({}).value();
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(11));
    // A store in that state refuses new evidence instead of papering over the gap.
    NewEvent e;
    e.kind = QStringLiteral("test.after");
    const auto append = s.value()->append(f->alice, {e});
    QVERIFY(!append.ok());
    QCOMPARE(append.error().exitCode(), 5);
}

void TestTamper::truncatedTailWithCheckpointsKept() {
    auto f = twelve();
    attack(f->path, "DELETE FROM events WHERE seq > 11");
    const VerifyReport r = verifyFile(f->path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(12));
}

void TestTamper::olderCopyDetected() {
    StoreFixture f;
    f.appendN(3);
    f.store.reset();
    const QString old = f.dir.file(QStringLiteral("old.sqlite"));
    QVERIFY(QFile::copy(f.path, old));
    f.reopen();
    f.appendN(4);
    f.store.reset();
    QVERIFY(QFile::remove(f.path));
    QVERIFY(QFile::copy(old, f.path));
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(5));
    QVERIFY2(r.reason.contains(QStringLiteral("older copy")), qPrintable(r.reason));
}

void TestTamper::forgedCheckpointByAnotherKey() {
    // Mallory rewrites an event, recomputes leaf, nodes and root, and signs a checkpoint with
    // her own key under alice's name: the signature cannot verify with alice's registered key.
    auto f = twelve();
    auto s = SqliteEvidenceStore::open(f->path).value();
    QList<QByteArray> leaves;
    for (quint64 seq = 1; seq <= 13; ++seq)
        leaves << s->event(seq)->leafHash;
    const Checkpoint cp = s->latestCheckpoint().value();
    s.reset();
    const Signer mallory = makeSigner(QStringLiteral("alice"));
    QVERIFY(cp.isNote());
    const auto line = crypto::note::sign(cp.canonical, QStringLiteral("alice"), mallory.key);
    const QByteArray sig = line.keyId + line.data;
    attack(f->path, "UPDATE checkpoints SET signature = X'" + sig.toHex() + "' WHERE size = 13");
    const VerifyReport r = verifyFile(f->path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(13));
    QVERIFY(r.reason.contains(QStringLiteral("does not verify")));
}

void TestTamper::forgedEventSignatureDetectedWithSignatures() {
    // Someone holding the checkpoint key (here: alice's own, e.g. a shared console) replaces the
    // signature inside event 3 and re-signs every later checkpoint. Leaves, roots and
    // checkpoints are consistent again; only --signatures finds the event signature is bad.
    auto f = twelve();
    auto s = SqliteEvidenceStore::open(f->path).value();
    QList<StoredEvent> events = s->events(1, 100).value();
    const QString storeId = s->storeId();
    s.reset();
    std::string &bytes = events[2].canonical;
    const std::string oldSig = events[2].signature().toBase64().toStdString();
    const std::string newSig = makeSigner(QStringLiteral("x")).key.sign("whatever").toBase64().toStdString();
    bytes.replace(bytes.find(oldSig), oldSig.size(), newSig);
    events[2].leafHash = crypto::merkle::leafHash(QByteArray::fromStdString(bytes));
    QByteArray sql = "UPDATE events SET canonical = X'" + QByteArray::fromStdString(bytes).toHex() +
                     "', leaf_hash = X'" + events[2].leafHash.toHex() + "' WHERE seq = 3;";
    crypto::merkle::TreeBuilder tree;
    for (const StoredEvent &e : events) {
        tree.append(e.leafHash);
        if (tree.size() < 3)
            continue;
        const std::string cp = CanonicalJson::serialize(
            store::codec::checkpointObject(tree.size(), tree.root(), 1795410000000, QStringLiteral("alice"),
                                           f->alice.key.publicKey().fingerprint(), storeId));
        const QByteArray sig = f->alice.key.sign(QByteArray::fromStdString(cp));
        sql += "UPDATE checkpoints SET ts_ms = 1795410000000, root = X'" + tree.root().toHex() +
               "', canonical = X'" + QByteArray::fromStdString(cp).toHex() + "', signature = X'" +
               sig.toHex() + "' WHERE size = " + QByteArray::number(tree.size()) + ";";
    }
    attack(f->path, sql);
    // The sidecar holds the old root: alice's key signs it again too.
    {
        auto again = SqliteEvidenceStore::open(f->path, [] {
            StoreOpenOptions o;
            o.readOnly = true;
            return o;
        }());
        QVERIFY(again.ok());
        const Checkpoint last = again.value()->latestCheckpoint().value();
        JsonValue doc = JsonValue::object();
        doc["checkpoint"] = CanonicalJson::parse(last.canonical).value();
        doc["signature"] = last.signature.toBase64().toStdString();
        QVERIFY(FileUtil::writePrivateAtomic(f->path + QStringLiteral(".checkpoint"),
                                             QByteArray::fromStdString(CanonicalJson::serialize(doc) + "\n"))
                    .ok());
    }
    const VerifyReport without = verifyFile(f->path, false);
    QVERIFY2(without.intact, qPrintable(without.reason));
    const VerifyReport with = verifyFile(f->path, true);
    QVERIFY(!with.intact);
    QCOMPARE(*with.firstBadSeq, quint64(3));
    QVERIFY(with.reason.contains(QStringLiteral("signature by 'alice' does not verify")));
}

void TestTamper::tamperedAttachmentDetected() {
    StoreFixture f;
    QVERIFY(f.store
                ->attach(f.alice, QStringLiteral("capture.txt"), "VALIDATION PASS (checks=32)",
                         QStringLiteral("text/plain"))
                .ok());
    f.store.reset();
    attack(f.path, "UPDATE blobs SET data = CAST('VALIDATION FAIL (checks=32)' AS BLOB)");
    const VerifyReport r = verifyFile(f.path);
    QVERIFY(!r.intact);
    QVERIFY(r.reason.contains(QStringLiteral("does not match its SHA-256")));
    // Nor are the replaced bytes ever handed out (shown, saved, exported) under the old digest.
    const QString sha = QString::fromLatin1(crypto::sha256("VALIDATION PASS (checks=32)").toHex());
    auto s = SqliteEvidenceStore::open(f.path);
    QVERIFY_OK(s);
    auto bytes = s.value()->blob(sha);
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code, ErrorCode::Store);
    QVERIFY2(bytes.error().message.contains(QStringLiteral("was changed in the store")),
             qPrintable(bytes.error().message));
}

void TestTamper::editedProjectionDetected() {
    // Granting oneself a role by editing the identities table: the events say otherwise.
    auto f = twelve();
    attack(f->path, "UPDATE identities SET roles = 'operator,reviewer,release-owner' WHERE name = 'alice'");
    const VerifyReport r = verifyFile(f->path);
    QVERIFY(!r.intact);
    QVERIFY2(r.reason.contains(QStringLiteral("identities table differs")), qPrintable(r.reason));
    StoreOpenOptions readOnly;
    readOnly.readOnly = true;
    auto ro = SqliteEvidenceStore::open(f->path, readOnly);
    QVERIFY(ro.ok());
    QVERIFY(!ro.value()->verify({}).value().intact); // also from a read-only connection
}

// The folds read events through the store, not through verify: a row whose bytes or columns were
// edited in the file (below the checkpoint this user verified, where opening does not look again)
// is refused on every read, naming the event, and the events around it still read.
void TestTamper::editedRowsAreNeverRead_data() {
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("problem");
    QTest::newRow("payload bytes")
        << QByteArray("UPDATE events SET canonical = replace(canonical, '\"i\":4', '\"i\":9') WHERE seq = 6")
        << QStringLiteral("do not hash to its leaf");
    QTest::newRow("bytes and their leaf")
        << QByteArray("UPDATE events SET canonical = replace(canonical, '\"i\":4', '\"i\":9'), leaf_hash = "
                      "X'0000000000000000000000000000000000000000000000000000000000000000' WHERE seq = 6")
        << QStringLiteral("do not hash to its leaf");
    QTest::newRow("scope column") << QByteArray("UPDATE events SET scope = 'my' WHERE seq = 6")
                                  << QStringLiteral("was changed");
    QTest::newRow("kind column") << QByteArray("UPDATE events SET kind = 'test.other' WHERE seq = 6")
                                 << QStringLiteral("was changed");
    QTest::newRow("actor column") << QByteArray("UPDATE events SET actor = 'mallory' WHERE seq = 6")
                                  << QStringLiteral("was changed");
    QTest::newRow("time column") << QByteArray("UPDATE events SET ts_ms = ts_ms - 60000 WHERE seq = 6")
                                 << QStringLiteral("was changed");
}

void TestTamper::editedRowsAreNeverRead() {
    QFETCH(QByteArray, sql);
    QFETCH(QString, problem);
    auto f = twelve();
    attack(f->path, sql);
    auto s = SqliteEvidenceStore::open(f->path);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    auto one = s.value()->event(6);
    QVERIFY(!one.ok());
    QCOMPARE(one.error().code, ErrorCode::Store);
    QVERIFY2(one.error().message.startsWith(QStringLiteral("event 6 was changed in the store")) &&
                 one.error().message.contains(problem),
             qPrintable(one.error().message));
    auto all = s.value()->events(1, 100);
    QVERIFY(!all.ok());
    QVERIFY2(all.error().message.startsWith(QStringLiteral("event 6 ")), qPrintable(all.error().message));
    EventFilter ofKind;
    ofKind.kindPrefix = QStringLiteral("test.");
    QVERIFY(!s.value()->query(ofKind).ok());
    QVERIFY_OK(s.value()->event(5));
    QVERIFY_OK(s.value()->event(7));
    QVERIFY_OK(s.value()->events(7, 100));
}

// The identity fold reads at open: an identity event edited in the file does not count there,
// and does not lock anyone out of the store either; verify names it, nothing is written over it,
// and a read of it is refused.
void TestTamper::anEditedIdentityRowLeavesTheStoreToVerify() {
    auto f = twelve();
    attack(f->path, "UPDATE events SET scope = 'kl' WHERE seq = 1"); // alice's genesis
    auto s = SqliteEvidenceStore::open(f->path);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    QVERIFY(!s.value()->event(1).ok());
    QVERIFY_OK(s.value()->event(2));
    const auto before = s.value()->size().value();
    NewEvent e;
    e.kind = QStringLiteral("test.after");
    QVERIFY(!s.value()->append(f->alice, {e}).ok());
    QCOMPARE(s.value()->size().value(), before);
    s.value().reset();
    const VerifyReport r = verifyFile(f->path);
    QVERIFY(!r.intact);
    QCOMPARE(*r.firstBadSeq, quint64(1));
}

QTEST_GUILESS_MAIN(TestTamper)
// Someone who can write the directory plants a link where a store is about to be created, hoping
// the console writes its new store (mode 0600, then the user's evidence) through it into a file of
// theirs: refused, and nothing is created at the link's target.
void TestTamper::linkPlantedWhereTheStoreWillBeIsRefused() {
    TempDir dir;
    const QString victim = dir.file(QStringLiteral("elsewhere/theirs.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(victim).absolutePath()));
    const QString path = dir.file(QStringLiteral("evidence.sqlite"));
    QVERIFY(QFile::link(victim, path));
    StoreOpenOptions o;
    o.create = true;
    auto s = SqliteEvidenceStore::open(path, o);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().where, path);
    QVERIFY(!QFileInfo::exists(victim));
    QVERIFY(QFileInfo(path).isSymLink()); // left as it was: nothing edited or removed
    // The file is created in the same call that refuses an existing name (no window between a
    // check and the creation for a file slipped in): even a regular file of this user is refused.
    const QString slipped = dir.write(QStringLiteral("slipped.sqlite"), "planted");
    auto created = FileUtil::createNewPrivate(slipped);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().message.contains(QStringLiteral("existing file")),
             qPrintable(created.error().message));
    QVERIFY_OK(FileUtil::createPrivate(slipped)); // the lenient form takes it (an outbox reopened)
}

// A backup is a new file: an existing file or a link at the target is refused, untouched.
void TestTamper::backupWritesOnlyANewFile() {
    auto f = twelve();
    f->reopen();
    const QString existing = f->dir.write(QStringLiteral("existing.sqlite"), "someone's file");
    QVERIFY(!f->store->backup(existing).ok());
    QFile kept(existing);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("someone's file"));
    const QString victim = f->dir.file(QStringLiteral("victim.sqlite"));
    const QString linked = f->dir.file(QStringLiteral("backup.sqlite"));
    QVERIFY(QFile::link(victim, linked));
    QVERIFY(!f->store->backup(linked).ok());
    QVERIFY(!QFileInfo::exists(victim));
    // A fresh name works, and the copy verifies.
    const QString fresh = f->dir.file(QStringLiteral("fresh.sqlite"));
    QVERIFY_OK(f->store->backup(fresh));
    const VerifyReport r = verifyFile(fresh, true);
    QVERIFY2(r.intact, qPrintable(r.reason));
    QCOMPARE(r.events, quint64(13));
}

// The lock beside the checkpoint sidecar, replaced by a link to a file of the victim's or to a
// name the attacker wants created: the console neither follows nor creates through it, and
// appends (and their sidecar) still go on.
void TestTamper::lockLinkIsNeverFollowed() {
    auto f = twelve();
    const QString lock = f->path + QStringLiteral(".checkpoint.lock");
    QFile::remove(lock);
    const QString victim = f->dir.file(QStringLiteral("victim.txt"));
    QVERIFY(QFile::link(victim, lock));
    f->reopen();
    f->appendN(1);
    QVERIFY(!QFileInfo::exists(victim));
    QVERIFY(QFileInfo(lock).isSymLink());
    f->dir.write(QStringLiteral("victim.txt"), "the victim's words");
    f->appendN(1);
    QFile kept(victim);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("the victim's words"));
    f->store.reset();
    const VerifyReport r = verifyFile(f->path, true);
    QVERIFY2(r.intact, qPrintable(r.reason));
    QCOMPARE(r.events, quint64(15));
}

#include "tst_tamper.moc"
