#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Merkle.h"
#include "crypto/SignedNote.h"
#include "store/EventCodec.h"
#include "store/EventExport.h"
#include "store/EventSearch.h"
#include "store/Schema.h"
#include "store/pg/WordFolding.h"

#include "crypto/Sha256.h"

#include "StoreFixture.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sqlite3.h>

using namespace ops;
using namespace ops::test;

class TestEvidenceStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsPrivateWalStore();
    void secondOpenKeepsTheFirstConnectionsLocks();
    void appendOnSizeIsCheckedInsideTheTransaction();
    void appendOnLogPassesOverWhatTheActWasNotDecidedFrom();
    void teamLogFoldsLettersAsTheFileIndexDoes();
    void appendSignsEventsAndCheckpoints();
    void eventBytesAreCanonicalAndSigned();
    void updateAndDeleteAreRefused();
    void schemaVersionTable();
    void refusesNewerSchema();
    void refusesForeignFiles();
    void missingStoreNeedsInit();
    void corruptPagesFoundAndWritesRefused();
    void lockedStoreFailsAfterBusyTimeout();
    void inclusionAndConsistencyProofsVerify();
    void proofsUseKeptSubtrees();
    void attachmentsAreContentAddressedAndDeduplicated();
    void anActCarriesExactlyTheBlobsItNames();
    void exportWritesWhatTheSearchSelects();
    void unknownSignerRefused();
    void keyMismatchRefused();
    void importJsonlWritesOneBatch();
    void importJsonlBadLineWritesNothing_data();
    void importJsonlBadLineWritesNothing();
    void backupIsAVerifiableStore();
    void sidecarFollowsLatestCheckpoint();
    void verifyReportsSignaturesChecked();
    void fastEventBytesMatchCanonicalSerialisation();
    void readOnlyOpenReadsAndRefusesWrites();
    void bulkImportIsIndexedForSearchLater();
    void version3StoreKeepsItsSearchIndex();
};

static int rawExec(const QString &path, const char *sql, QString *error = nullptr) {
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    char *err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (error)
        *error = err ? QString::fromUtf8(err) : QString();
    sqlite3_free(err);
    sqlite3_close(db);
    return rc;
}

void TestEvidenceStore::createsPrivateWalStore() {
    StoreFixture f;
    QCOMPARE(FileUtil::permissions(f.path), 0600);
    QCOMPARE(FileUtil::permissions(f.store->sidecarPath()), 0600);
    QVERIFY(QFile::exists(f.path + QStringLiteral("-wal")));
    QCOMPARE(FileUtil::permissions(f.path + QStringLiteral("-wal")), 0600);
    QVERIFY(!f.store->storeId().isEmpty());
    QCOMPARE(f.store->size().value(), quint64(1)); // identity.created
}

// A process that opens its store twice (the monitor: the recorder's store and the alert monitor's)
// must keep its POSIX locks: were the second open to read the file through a descriptor of its
// own and close it, the kernel would drop every lock of the process on the file, and the next
// process to close the database would believe itself the last one and delete the live WAL, so
// what the first connection writes afterwards would be invisible to everyone else and lost in a
// crash. The referee is another process: the sqlite3 command line.
void TestEvidenceStore::secondOpenKeepsTheFirstConnectionsLocks() {
    StoreFixture f;
    auto second = f.openAgain();
    QVERIFY(second.ok());
    const auto countElsewhere = [&] {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {f.path, QStringLiteral("SELECT count(*) FROM events;")});
        if (!sqlite.waitForFinished(60000) || sqlite.exitCode() != 0)
            return -1;
        return sqlite.readAllStandardOutput().trimmed().toInt();
    };
    QCOMPARE(countElsewhere(), 1); // and that process closed the database: it was not the last one
    QVERIFY(QFile::exists(f.path + QStringLiteral("-wal")));
    f.appendN(2);
    QCOMPARE(countElsewhere(), 3);
    second->reset();
    f.appendN(1);
    QCOMPARE(countElsewhere(), 4);
    QVERIFY(QFile::exists(f.path + QStringLiteral("-wal")));
}

// Two consoles on one file: an act decided from a log of N events is written only onto a log of
// N events, checked inside the write transaction; when the other console appended meanwhile,
// nothing is written and the refusal says so, for the caller to decide again.
void TestEvidenceStore::appendOnSizeIsCheckedInsideTheTransaction() {
    StoreFixture f;
    StoreOpenOptions o;
    o.clock = [&f] { return f.now += 1000; }; // the same clock, as two consoles of one machine
    auto other = SqliteEvidenceStore::open(f.path, o);
    QVERIFY(other.ok());
    const quint64 decidedAt = f.store->size().value();
    NewEvent e;
    e.kind = QStringLiteral("ops.note");
    e.scope = QStringLiteral("kl");
    e.payload["note"] = QStringLiteral("meanwhile");
    e.tsMs = f.now;
    QVERIFY_OK(other.value()->append(f.alice, {e}));
    const auto late = f.store->appendOnSize(decidedAt, f.alice, {e});
    QVERIFY(!late.ok());
    QCOMPARE(late.error().id, QString::fromLatin1(EvidenceStore::kGrewMeanwhile));
    QCOMPARE(f.store->size().value(), decidedAt + 1); // only the other console's act
    QVERIFY_OK(f.store->appendOnSize(decidedAt + 1, f.alice, {e}));
    QCOMPARE(f.store->size().value(), decidedAt + 2);
}

// The team log folds letters beyond ASCII as its table says (pg::foldedLetter); the local file's
// index folds them as SQLite's FTS5 tokenizer does. Every character below U+10000 is put to the
// tokenizer between two q's, and what it makes of it is what the table says: one ASCII letter
// ("qüq" is "quq"), a removed mark ("qq"), or neither (the team log then splits words there).
void TestEvidenceStore::teamLogFoldsLettersAsTheFileIndexDoes() {
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
    const auto exec = [db](const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); };
    QCOMPARE(exec("CREATE VIRTUAL TABLE t USING fts5(b, tokenize=\"unicode61 remove_diacritics 2\");"
                  "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance'); BEGIN"),
             SQLITE_OK);
    sqlite3_stmt *insert = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, b) VALUES (?, ?)", -1, &insert, nullptr),
             SQLITE_OK);
    for (char32_t c = 0x80; c < 0x10000; ++c) {
        if (c >= 0xD800 && c < 0xE000)
            continue;
        const QByteArray text = (QStringLiteral("q") + QChar(char16_t(c)) + QStringLiteral("q")).toUtf8();
        sqlite3_bind_int64(insert, 1, c);
        sqlite3_bind_text(insert, 2, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    QCOMPARE(exec("COMMIT"), SQLITE_OK);
    QHash<qint64, QStringList> tokens;
    sqlite3_stmt *read = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT doc, term FROM v", -1, &read, nullptr), SQLITE_OK);
    while (sqlite3_step(read) == SQLITE_ROW)
        tokens[sqlite3_column_int64(read, 0)]
            << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(read, 1)));
    sqlite3_finalize(read);
    sqlite3_close(db);
    int folded = 0, removed = 0;
    for (char32_t c = 0x80; c < 0x10000; ++c) {
        if (c >= 0xD800 && c < 0xE000)
            continue;
        const QStringList got = tokens.value(c);
        const std::optional<char> letter = pg::foldedLetter(char16_t(c));
        const bool toAscii = got.size() == 1 && got.first().size() == 3 && got.first().at(1).unicode() < 0x80;
        const bool dropped = got == QStringList{QStringLiteral("qq")};
        if (letter && *letter) {
            ++folded;
            QVERIFY2(toAscii && got.first().at(1) == QLatin1Char(*letter),
                     qPrintable(QStringLiteral("U+%1: %2").arg(qint64(c), 4, 16).arg(got.join(u' '))));
        } else if (letter) {
            ++removed;
            QVERIFY2(dropped,
                     qPrintable(QStringLiteral("U+%1: %2").arg(qint64(c), 4, 16).arg(got.join(u' '))));
        } else {
            QVERIFY2(!toAscii && !dropped,
                     qPrintable(QStringLiteral("U+%1 folds to %2, the table does not say so")
                                    .arg(qint64(c), 4, 16)
                                    .arg(got.join(u' '))));
        }
    }
    QCOMPARE(folded + removed, int(pg::foldedLetters().size()));
    QVERIFY(folded > 400); // Latin-1, Latin Extended A and B, Latin Extended Additional
    // The server's function carries the same table.
    const std::string sql = pg::foldWordsFunctionSql();
    QVERIFY(sql.find("\\00FC") != std::string::npos); // ü
    QVERIFY(sql.find("\\0308") != std::string::npos); // the combining diaeresis
}

// An act decided from some kinds of events (here test.*) is written onto a log that others made
// longer by other kinds only (a note, a probe round), as it is; not when they added an event of a
// kind it was decided from, nor an identity event (roles may have changed).
void TestEvidenceStore::appendOnLogPassesOverWhatTheActWasNotDecidedFrom() {
    StoreFixture f;
    StoreOpenOptions o;
    o.clock = [&f] { return f.now += 1000; };
    auto other = SqliteEvidenceStore::open(f.path, o);
    QVERIFY(other.ok());
    const auto event = [&f](const char *kind) {
        NewEvent e;
        e.kind = QString::fromLatin1(kind);
        e.scope = QStringLiteral("kl");
        e.payload["note"] = QStringLiteral("x");
        e.tsMs = f.now;
        return e;
    };
    const QStringList decidedFrom{QStringLiteral("test.")};
    quint64 decidedAt = f.store->size().value();
    QVERIFY_OK(other.value()->append(f.alice, {event("ops.note")}));
    QVERIFY_OK(other.value()->append(f.alice, {event("ops.note")}));
    auto passed = f.store->appendOnLog(decidedAt, decidedFrom, f.alice, {event("test.event")});
    QVERIFY_OK(passed);
    QCOMPARE(passed->first().seq, decidedAt + 3);
    // Another test.* event meanwhile: refused, for the caller to decide again.
    decidedAt = f.store->size().value();
    QVERIFY_OK(other.value()->append(f.alice, {event("ops.note")}));
    QVERIFY_OK(other.value()->append(f.alice, {event("test.event")}));
    auto refused = f.store->appendOnLog(decidedAt, decidedFrom, f.alice, {event("test.event")});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().id, QString::fromLatin1(EvidenceStore::kGrewMeanwhile));
    // An identity enrolled meanwhile: refused too.
    decidedAt = f.store->size().value();
    QVERIFY_OK(f.enrol(makeSigner(QStringLiteral("zed")), {QStringLiteral("operator")}));
    QVERIFY(!f.store->appendOnLog(decidedAt, decidedFrom, f.alice, {event("test.event")}).ok());
    QCOMPARE(f.store->verify({})->intact, true);
}

void TestEvidenceStore::appendSignsEventsAndCheckpoints() {
    StoreFixture f;
    const auto events = f.appendN(3);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).seq, quint64(2));
    QCOMPARE(events.at(2).seq, quint64(4));
    QCOMPARE(f.store->size().value(), quint64(4));
    const auto cp = f.store->latestCheckpoint();
    QVERIFY(cp.ok());
    QCOMPARE(cp->size, quint64(4));
    QCOMPARE(cp->signer, QStringLiteral("alice"));
    // A C2SP signed note: origin, size, base64 root, the time extension; alice's key ID and signature.
    QVERIFY(cp->isNote());
    QVERIFY(cp->signedBy(f.alice.key.publicKey()));
    QVERIFY(f.alice.key.publicKey().verify(QByteArray::fromStdString(cp->canonical), cp->signature));
    QCOMPARE(cp->keyId,
             crypto::note::keyId(u"alice", crypto::note::kEd25519Type, f.alice.key.publicKey().raw()));
    QVERIFY(!cp->signedBy(makeSigner(QStringLiteral("alice")).key.publicKey()));
    QVERIFY(QString::fromStdString(cp->canonical)
                .startsWith(QStringLiteral("opsconsole/%1\n4\n%2\nopsconsole-time ")
                                .arg(f.store->storeId(), QString::fromLatin1(cp->root.toBase64()))));
    // The root is the RFC 9162 root of the stored leaves.
    QList<QByteArray> leaves;
    for (quint64 s = 1; s <= 4; ++s)
        leaves << crypto::merkle::leafHash(QByteArray::fromStdString(f.store->event(s)->canonical));
    QCOMPARE(cp->root, crypto::merkle::rootOf(crypto::merkle::VectorTree(leaves), 4));
    const auto report = f.store->verify({});
    QVERIFY2(report->intact, qPrintable(report->reason));
    QCOMPARE(report->events, quint64(4));
    QCOMPARE(report->checkpoints, quint64(4)); // one per transaction
}

void TestEvidenceStore::eventBytesAreCanonicalAndSigned() {
    StoreFixture f;
    const StoredEvent e = f.appendN(1).first();
    QVERIFY(CanonicalJson::isCanonical(e.canonical));
    const auto parsed = CanonicalJson::parse(e.canonical).value();
    QCOMPARE(parsed.stringAt("actor"), QStringLiteral("alice"));
    QCOMPARE(parsed.stringAt("kind"), QStringLiteral("test.event"));
    QCOMPARE(parsed.stringAt("scope"), QStringLiteral("kl"));
    QCOMPARE(parsed.find("seq")->toInt(), 2);
    QVERIFY(parsed.stringAt("ts").endsWith(QLatin1Char('Z')));
    QVERIFY(e.signedByActor);
    // The signature covers the event without its position, bound to this log (docs/formats.md).
    JsonValue body = parsed;
    body.asObject().erase("signature");
    body.asObject().erase("seq");
    const QByteArray message = "opsconsole event v2\n" + f.store->storeId().toUtf8() + '\n' +
                               QByteArray::fromStdString(CanonicalJson::serialize(body));
    QVERIFY(f.alice.key.publicKey().verify(message, e.signature()));
    QCOMPARE(verifiedForm(f.alice.key.publicKey(), f.store->storeId(), e), SignedForm::PositionFree);
    // The same bytes in another log do not verify: a signature names its log.
    QCOMPARE(verifiedForm(f.alice.key.publicKey(), QStringLiteral("another-log"), e), SignedForm::None);
    // Nor with another key.
    QCOMPARE(verifiedForm(crypto::PrivateKey::generate()->publicKey(), f.store->storeId(), e),
             SignedForm::None);
    QCOMPARE(e.payload().find("i")->toInt(), 0);
}

void TestEvidenceStore::updateAndDeleteAreRefused() {
    StoreFixture f;
    f.appendN(20); // enough for kept Merkle subtrees
    QVERIFY(
        f.store->attach(f.alice, QStringLiteral("a.txt"), "attachment", QStringLiteral("text/plain")).ok());
    QString err;
    for (const char *sql : {"UPDATE events SET actor='mallory' WHERE seq=2", "DELETE FROM events WHERE seq=2",
                            "UPDATE checkpoints SET signer='mallory'", "DELETE FROM checkpoints",
                            "DELETE FROM merkle_nodes", "UPDATE blobs SET size=0"}) {
        QVERIFY2(rawExec(f.path, sql, &err) != SQLITE_OK, sql);
        QVERIFY2(err.contains(QStringLiteral("append-only")), qPrintable(err));
    }
    QVERIFY(f.store->verify({})->intact);
}

void TestEvidenceStore::schemaVersionTable() {
    StoreFixture f;
    sqlite3 *db = nullptr;
    sqlite3_open(f.path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT MAX(version) FROM schema_version", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), store::kSchemaVersion);
    QCOMPARE(store::kSchemaVersion, 6);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr);
    sqlite3_step(st);
    QCOMPARE(sqlite3_column_int(st, 0), 0x4F505343);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TestEvidenceStore::refusesNewerSchema() {
    StoreFixture f;
    f.store.reset();
    QCOMPARE(rawExec(f.path, "PRAGMA user_version=99"), SQLITE_OK);
    const QByteArray before = FileUtil::readAll(f.path, 1 << 24).value();
    const auto again = f.openAgain();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().exitCode(), 5);
    QVERIFY2(again.error().message.contains(QStringLiteral("newer than this program")),
             qPrintable(again.error().message));
    QCOMPARE(FileUtil::readAll(f.path, 1 << 24).value(), before); // nothing written
}

void TestEvidenceStore::refusesForeignFiles() {
    TempDir dir;
    const QString text =
        dir.write(QStringLiteral("notes.txt"), "these are not the events you are looking for\n");
    auto r = SqliteEvidenceStore::open(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
    QVERIFY(r.error().message.contains(QStringLiteral("not an opsconsole evidence store")));
    const QString other = dir.file(QStringLiteral("other.sqlite"));
    QCOMPARE(rawExec(other, "CREATE TABLE t(x); INSERT INTO t VALUES(1);"), SQLITE_OK);
    r = SqliteEvidenceStore::open(other);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("foreign SQLite database")));
    QByteArray garbage("SQLite format 3\0", 16);
    garbage += QByteArray(8192, '\x5a');
    const QString corrupt = dir.write(QStringLiteral("corrupt.sqlite"), garbage);
    r = SqliteEvidenceStore::open(corrupt);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
}

void TestEvidenceStore::missingStoreNeedsInit() {
    TempDir dir;
    const auto r = SqliteEvidenceStore::open(dir.file(QStringLiteral("none.sqlite")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
    QVERIFY(r.error().message.contains(QStringLiteral("init")));
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("none.sqlite"))));
}

void TestEvidenceStore::corruptPagesFoundAndWritesRefused() {
    StoreFixture f;
    f.appendN(300);
    f.store.reset();
    {
        QFile file(f.path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 16 * 4096);
        for (qint64 at = 8 * 4096 + 100; at < size - 4096; at += 3 * 4096) {
            file.seek(at);
            file.write(QByteArray(512, '\x5a'));
        }
    }
    QFile::remove(f.path + QStringLiteral(".checkpoint"));
    auto s = SqliteEvidenceStore::open(f.path);
    if (!s.ok()) {
        QCOMPARE(s.error().exitCode(), 5); // found at open: fine too
        return;
    }
    NewEvent e;
    e.kind = QStringLiteral("test.after");
    const auto r = s.value()->append(f.alice, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
    auto report = s.value()->verify({});
    QVERIFY(!report.ok() || !report->intact);
}

void TestEvidenceStore::lockedStoreFailsAfterBusyTimeout() {
    StoreFixture f;
    f.store.reset();
    StoreOpenOptions o;
    o.busyTimeoutMs = 200;
    auto s = SqliteEvidenceStore::open(f.path, o);
    QVERIFY(s.ok());
    sqlite3 *holder = nullptr;
    sqlite3_open(f.path.toUtf8().constData(), &holder);
    QCOMPARE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    NewEvent e;
    e.kind = QStringLiteral("test.locked");
    QElapsedTimer t;
    t.start();
    const auto r = s.value()->append(f.alice, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
    QVERIFY2(r.error().message.contains(QStringLiteral("locked")), qPrintable(r.error().message));
    QVERIFY(t.elapsed() >= 150);
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    QVERIFY(s.value()->append(f.alice, {e}).ok());
}

void TestEvidenceStore::inclusionAndConsistencyProofsVerify() {
    StoreFixture f;
    f.appendN(40);
    const quint64 n = f.store->size().value();
    const auto cp = f.store->latestCheckpoint().value();
    for (quint64 seq = 1; seq <= n; ++seq) {
        const auto proof = f.store->inclusionProof(seq, n);
        QVERIFY(proof.ok());
        QVERIFY(crypto::merkle::verifyInclusion(proof->leafHash, seq - 1, n, proof->path, cp.root));
    }
    // Consistency between an early checkpoint and the latest.
    sqlite3 *db = nullptr;
    sqlite3_open(f.path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT root FROM checkpoints WHERE size = 17", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    const QByteArray oldRoot(static_cast<const char *>(sqlite3_column_blob(st, 0)), 32);
    sqlite3_finalize(st);
    sqlite3_close(db);
    const auto consistency = f.store->consistencyProof(17, n);
    QVERIFY(consistency.ok());
    QVERIFY(crypto::merkle::verifyConsistency(17, n, oldRoot, cp.root, consistency.value()));
    QVERIFY(!f.store->inclusionProof(n + 1, n + 1).ok());
}

void TestEvidenceStore::proofsUseKeptSubtrees() {
    StoreFixture f;
    auto path = f.dir.write(QStringLiteral("bulk.jsonl"), [] {
        QByteArray out;
        for (int i = 0; i < 3000; ++i)
            out += "{\"kind\":\"note.row\",\"scope\":\"kl\",\"payload\":{\"i\":" + QByteArray::number(i) +
                   "}}\n";
        return out;
    }());
    QCOMPARE(f.store->importJsonl(f.alice, path).value(), quint64(3000));
    const quint64 n = f.store->size().value();
    const auto cp = f.store->latestCheckpoint().value();
    for (quint64 seq : {quint64(1), quint64(17), quint64(1500), n}) {
        const auto proof = f.store->inclusionProof(seq, n);
        QVERIFY(crypto::merkle::verifyInclusion(proof->leafHash, seq - 1, n, proof->path, cp.root));
    }
    QVERIFY(f.store->verify({})->intact);
}

void TestEvidenceStore::anActCarriesExactlyTheBlobsItNames() {
    StoreFixture f;
    const NewBlob log = makeBlob(QStringLiteral("log.txt"), "line 1\n", QStringLiteral("text/plain")).value();
    NewEvent step{QStringLiteral("note.recorded"), QStringLiteral("kl"), JsonValue::object(), std::nullopt};
    const quint64 before = f.store->size().value();
    auto blobCount = [&] {
        sqlite3 *db = nullptr;
        sqlite3_open(f.path.toUtf8().constData(), &db);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM blobs", -1, &st, nullptr);
        sqlite3_step(st);
        const int n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
    };
    // Bytes without the event that names them.
    QCOMPARE(f.store->append(f.alice, {step}, {log}).error().code, ErrorCode::InvalidInput);
    // An attachment event naming bytes that are neither carried nor stored.
    QCOMPARE(f.store->append(f.alice, {attachmentEvent(log, QStringLiteral("kl")), step}).error().code,
             ErrorCode::InvalidInput);
    // Bytes that do not hash to the name they carry.
    NewBlob forged = log;
    forged.bytes = "line 2\n";
    QCOMPARE(
        f.store->append(f.alice, {attachmentEvent(log, QStringLiteral("kl")), step}, {forged}).error().code,
        ErrorCode::InvalidInput);
    // A size that disagrees with the bytes.
    NewEvent lying = attachmentEvent(log, QStringLiteral("kl"));
    lying.payload["size"] = 1;
    QCOMPARE(f.store->append(f.alice, {lying, step}, {log}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(f.store->size().value(), before);
    QCOMPARE(blobCount(), 0);
    // The act with its bytes: one transaction, one checkpoint.
    auto ok = f.store->append(f.alice, {attachmentEvent(log, QStringLiteral("kl")), step}, {log});
    QVERIFY_OK(ok);
    QCOMPARE(ok->size(), 2);
    QCOMPARE(f.store->latestCheckpoint()->size, before + 2);
    QCOMPARE(f.store->blob(log.sha256).value(), QByteArray("line 1\n"));
    QCOMPARE(blobCount(), 1);
    // Later acts may name stored bytes without carrying them again, but only as they are.
    QVERIFY_OK(f.store->append(f.alice, {attachmentEvent(log, QStringLiteral("kl"))}));
    NewEvent bigger = attachmentEvent(log, QStringLiteral("kl"));
    bigger.payload["size"] = 999;
    QCOMPARE(f.store->append(f.alice, {bigger}).error().code, ErrorCode::InvalidInput);
    NewEvent upper = attachmentEvent(log, QStringLiteral("kl"));
    upper.payload["sha256"] = log.sha256.toUpper();
    QCOMPARE(f.store->append(f.alice, {upper}).error().code, ErrorCode::InvalidInput);
}

void TestEvidenceStore::exportWritesWhatTheSearchSelects() {
    StoreFixture f;
    for (int i = 0; i < 12; ++i) {
        NewEvent e{i % 3 == 0 ? QStringLiteral("note.odd") : QStringLiteral("note.even"),
                   QStringLiteral("kl"), JsonValue::object(), std::nullopt};
        e.payload["text"] = QStringLiteral("=HYPERLINK(\"x\") %1, \"quoted\"").arg(i);
        QVERIFY_OK(f.store->append(f.alice, {e}));
    }
    EventSearch odd;
    odd.kind = QStringLiteral("note.odd");
    odd.descending = false;
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    auto n = EventExport::write(*f.store, odd, EventExport::Format::Csv, csv);
    QVERIFY_OK(n);
    QCOMPARE(n.value(), quint64(4));
    const QList<QByteArray> lines = csv.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.first(), QByteArray("seq,time,actor,kind,scope,signed,leaf_hash,payload"));
    QVERIFY(lines.at(1).contains(",alice,note.odd,kl,yes,"));
    QVERIFY(lines.at(1).endsWith("\"")); // the payload cell, quoted: it holds commas and quotes
    // A cell a spreadsheet would run as a formula is neutralised.
    QCOMPARE(EventExport::csvField(QStringLiteral("=1+1")), QStringLiteral("\"'=1+1\""));
    QCOMPARE(EventExport::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    // JSON: the canonical bytes exactly as hashed, in the search's order, limited when asked.
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    QVERIFY_OK(EventExport::write(*f.store, odd, EventExport::Format::Json, json, 2));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.data(), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().size(), 2);
    auto first = f.store->event(doc.array().at(0).toObject().value(QStringLiteral("seq")).toInteger());
    QVERIFY_OK(first);
    QVERIFY(json.data().contains(QByteArray::fromStdString(first->canonical)));
    // A broken search is refused before anything is written.
    EventSearch broken;
    broken.text = QStringLiteral("\"unbalanced");
    QBuffer none;
    none.open(QIODevice::WriteOnly);
    QCOMPARE(EventExport::write(*f.store, broken, EventExport::Format::Csv, none).error().code,
             ErrorCode::InvalidInput);
    QVERIFY(none.data().isEmpty());
    // To a file: readable by its owner only, also over a file that was world-readable, and never
    // through a link planted at the target.
    for (const EventExport::Format format : {EventExport::Format::Csv, EventExport::Format::Json}) {
        const QString out = f.dir.write(QStringLiteral("export.out"), "old");
        QVERIFY(QFile::setPermissions(out, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadOther | QFileDevice::ReadGroup));
        const auto written = EventExport::toFile(*f.store, odd, format, out);
        QVERIFY_OK(written);
        QCOMPARE(written.value(), quint64(4));
        QCOMPARE(FileUtil::permissions(out), 0600);
    }
    const QString victim = f.dir.write(QStringLiteral("victim.txt"), "keep me");
    const QString linked = f.dir.file(QStringLiteral("linked.csv"));
    QVERIFY(QFile::link(victim, linked));
    QVERIFY_OK(EventExport::toFile(*f.store, odd, EventExport::Format::Csv, linked));
    QCOMPARE(FileUtil::readAll(victim, 100).value(), QByteArray("keep me"));
    QVERIFY(!QFileInfo(linked).isSymLink());
    QCOMPARE(FileUtil::permissions(linked), 0600);
}

void TestEvidenceStore::attachmentsAreContentAddressedAndDeduplicated() {
    StoreFixture f;
    const QByteArray bytes = "Pass: 2\nFail: 0\nNot run: 1\n";
    const auto a =
        f.store->attach(f.alice, QStringLiteral("fi-output.txt"), bytes, QStringLiteral("text/plain"));
    QVERIFY(a.ok());
    const auto b = f.store->attach(f.alice, QStringLiteral("copy.txt"), bytes, QStringLiteral("text/plain"));
    QVERIFY(b.ok());
    const QString sha = a->payload().stringAt("sha256");
    QCOMPARE(sha, QStringLiteral("%1").arg(QString::fromLatin1(
                      QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())));
    QCOMPARE(f.store->blob(sha).value(), bytes);
    sqlite3 *db = nullptr;
    sqlite3_open(f.path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM blobs", -1, &st, nullptr);
    sqlite3_step(st);
    QCOMPARE(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
    QVERIFY(!f.store->blob(QString(64, QLatin1Char('0'))).ok());
    QVERIFY(f.store->verify({})->intact);
}

void TestEvidenceStore::unknownSignerRefused() {
    StoreFixture f;
    const Signer mallory = makeSigner(QStringLiteral("mallory"));
    NewEvent e;
    e.kind = QStringLiteral("test.event");
    const auto r = f.store->append(mallory, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QCOMPARE(f.store->size().value(), quint64(1));
}

void TestEvidenceStore::keyMismatchRefused() {
    StoreFixture f;
    Signer fakeAlice = makeSigner(QStringLiteral("alice"));
    NewEvent e;
    e.kind = QStringLiteral("test.event");
    const auto r = f.store->append(fakeAlice, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY(r.error().message.contains(QStringLiteral("not its current key")));
    QVERIFY(!f.store->registerIdentity(fakeAlice, {}).ok()); // the name is taken
}

void TestEvidenceStore::importJsonlWritesOneBatch() {
    StoreFixture f;
    // A line's own time lies between the last checkpoint and now.
    const QString ts = Time::toIso(f.now + 30000);
    const QString path =
        f.dir.write(QStringLiteral("signals.jsonl"),
                    "{\"kind\":\"signal.publish_blocked\",\"scope\":\"kl\",\"payload\":{\"value\":1}}\n"
                    "\n"
                    "{\"kind\":\"signal.fallback_rate\",\"scope\":\"my\",\"payload\":{\"value\":\"0.25\"},"
                    "\"ts\":\"" +
                        ts.toLatin1() + "\"}\n");
    const auto r = f.store->importJsonl(f.alice, path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value(), quint64(2));
    const auto events = f.store->events(2, 10).value();
    QCOMPARE(events.size(), 3);
    QVERIFY(!events.at(0).signedByActor); // covered by the batch statement and checkpoint
    QCOMPARE(events.at(1).tsMs, Time::parseIso(ts).value());
    // The importer's signed statement of the batch: range and digest of the leaves.
    const StoredEvent batch = events.at(2);
    QCOMPARE(batch.kind, QStringLiteral("evidence.imported"));
    QVERIFY(batch.signedByActor);
    QCOMPARE(batch.payload().find("first_seq")->toInt(), 2);
    QCOMPARE(batch.payload().find("last_seq")->toInt(), 3);
    QCOMPARE(batch.payload().stringAt("leaves_sha256"),
             QString::fromLatin1(
                 crypto::sha256(QByteArray(events.at(0).leafHash + events.at(1).leafHash)).toHex()));
    QCOMPARE(f.store->latestCheckpoint()->size, quint64(4));
    const auto report = f.store->verify({true, true});
    QVERIFY2(report->intact, qPrintable(report->reason));
}

void TestEvidenceStore::importJsonlBadLineWritesNothing_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray good = "{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{}}\n";
    QTest::newRow("syntax") << good + good + "{\"kind\":\"note.b\",\n"
                            << 3 << QStringLiteral("unterminated object");
    QTest::newRow("float") << good + "{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{\"v\":0.5}}\n"
                           << 2 << QStringLiteral("floating-point");
    QTest::newRow("duplicate key")
        << QByteArray("{\"kind\":\"note.b\",\"kind\":\"c\",\"scope\":\"\",\"payload\":{}}\n") << 1
        << QStringLiteral("duplicate key");
    QTest::newRow("unknown key")
        << good + "{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{},\"actor\":\"x\"}\n"
        << 2 << QStringLiteral("unknown key 'actor'");
    QTest::newRow("missing payload") << QByteArray("{\"kind\":\"note.b\",\"scope\":\"\"}\n") << 1
                                     << QStringLiteral("field 'payload'");
    QTest::newRow("bad kind") << QByteArray("{\"kind\":\"A B\",\"scope\":\"\",\"payload\":{}}\n") << 1
                              << QStringLiteral("field 'kind'");
    QTest::newRow("bad ts")
        << QByteArray("{\"kind\":\"note.b\",\"scope\":\"\",\"payload\":{},\"ts\":\"yesterday\"}\n") << 1
        << QStringLiteral("field 'ts'");
    QTest::newRow("not object") << good + "[1,2]\n" << 2 << QStringLiteral("must be a JSON object");
    QTest::newRow("invalid utf8") << good + "{\"kind\":\"note.b\",\"scope\":\"\xff\",\"payload\":{}}\n"
                                  << 2 << QStringLiteral("invalid UTF-8");
}

void TestEvidenceStore::importJsonlBadLineWritesNothing() {
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, message);
    StoreFixture f;
    const quint64 before = f.store->size().value();
    const QByteArray fileBefore = FileUtil::readAll(f.path, 1 << 24).value();
    const QString path = f.dir.write(QStringLiteral("bad.jsonl"), content);
    const auto r = f.store->importJsonl(f.alice, path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 3);
    QCOMPARE(r.error().where, QStringLiteral("%1:%2").arg(path).arg(line));
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(f.store->size().value(), before);
    QCOMPARE(f.store->latestCheckpoint()->size, before);
    QVERIFY(f.store->verify({})->intact);
}

void TestEvidenceStore::backupIsAVerifiableStore() {
    StoreFixture f;
    f.appendN(5);
    const QString out = f.dir.file(QStringLiteral("backup.sqlite"));
    QVERIFY(f.store->backup(out).ok());
    QCOMPARE(FileUtil::permissions(out), 0600);
    auto copy = SqliteEvidenceStore::open(out);
    QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().toString()));
    QCOMPARE(copy.value()->size().value(), quint64(6));
    QCOMPARE(copy.value()->storeId(), f.store->storeId());
    QVERIFY(copy.value()->verify({true, true})->intact);
    QVERIFY(!f.store->backup(out).ok()); // never overwrites
}

void TestEvidenceStore::sidecarFollowsLatestCheckpoint() {
    StoreFixture f;
    f.appendN(3);
    const auto doc = Checkpoint::fromNote(FileUtil::readAll(f.store->sidecarPath(), 1 << 20)->toStdString());
    QVERIFY(doc.has_value());
    QCOMPARE(doc->size, quint64(4));
    QCOMPARE(doc->root, f.store->latestCheckpoint()->root);
    QCOMPARE(doc->noteText(), f.store->latestCheckpoint()->noteText());
    // A sidecar left behind (crash after commit) is caught up at the next open, not flagged.
    const QByteArray behind = FileUtil::readAll(f.store->sidecarPath(), 1 << 20).value();
    f.appendN(1);
    QVERIFY(FileUtil::writePrivateAtomic(f.store->sidecarPath(), behind).ok());
    f.reopen();
    QVERIFY(f.store->integrityProblem().isEmpty());
    QVERIFY(f.store->verify({})->intact);
    const auto after =
        Checkpoint::fromNote(FileUtil::readAll(f.store->sidecarPath(), 1 << 20)->toStdString());
    QVERIFY(after.has_value());
    QCOMPARE(after->size, quint64(5));
}

void TestEvidenceStore::verifyReportsSignaturesChecked() {
    StoreFixture f;
    f.appendN(4);
    const auto report = f.store->verify({true, true});
    QVERIFY(report->intact);
    QCOMPARE(report->signaturesChecked, quint64(5));
    QCOMPARE(report->events, quint64(5));
}

void TestEvidenceStore::fastEventBytesMatchCanonicalSerialisation() {
    const std::string actor = "ali\"ce", kind = "a.b-c_d", scope = "k\\l\n\u00e9\U0001F600";
    JsonValue payload = JsonValue::object();
    payload["z"] = "\x01\x1f\x7f";
    payload["a"] = JsonValue::array();
    payload["n"] = -9223372036854775807LL;
    const std::string payloadBytes = CanonicalJson::serialize(payload);
    const qint64 ts = 1795410000123;
    const QByteArray sig(64, '\x42');
    const JsonValue obj =
        store::codec::eventObject(7, QStringLiteral("u-1"), ts, QString::fromStdString(actor),
                                  QString::fromStdString(kind), QString::fromStdString(scope), payload);
    QCOMPARE(store::codec::eventBytes(7, "u-1", ts, actor, kind, scope, payloadBytes,
                                      store::codec::SignatureField::Omit),
             CanonicalJson::serialize(obj));
    QCOMPARE(store::codec::eventBytes(7, "u-1", ts, actor, kind, scope, payloadBytes,
                                      store::codec::SignatureField::Null),
             store::codec::withSignature(obj, {}));
    const std::string sigB64 = sig.toBase64().toStdString();
    const std::string signedBytes = store::codec::eventBytes(7, "u-1", ts, actor, kind, scope, payloadBytes,
                                                             store::codec::SignatureField::Value, sigB64);
    QCOMPARE(signedBytes, store::codec::withSignature(obj, sig));

    store::codec::Envelope env;
    QVERIFY(store::codec::checkEnvelope(signedBytes, 7, "u-1", ts, actor, kind, scope, true, env).isEmpty());
    QCOMPARE(std::string(env.payload), payloadBytes);
    QCOMPARE(std::string(env.signatureBase64), sigB64);
    QCOMPARE(std::string(env.beforeSignature) + std::string(env.afterSignature),
             CanonicalJson::serialize(obj));
    QVERIFY(!store::codec::checkEnvelope(signedBytes, 8, "u-1", ts, actor, kind, scope, true, env).isEmpty());
    QVERIFY(!store::codec::checkEnvelope(signedBytes, 7, "u-2", ts, actor, kind, scope, true, env).isEmpty());
    QVERIFY(
        !store::codec::checkEnvelope(signedBytes, 7, "u-1", ts + 1, actor, kind, scope, true, env).isEmpty());
    QVERIFY(!store::codec::checkEnvelope(signedBytes, 7, "u-1", ts, "bob", kind, scope, true, env).isEmpty());
    QVERIFY(
        !store::codec::checkEnvelope(signedBytes, 7, "u-1", ts, actor, "a.c", scope, true, env).isEmpty());
    QVERIFY(!store::codec::checkEnvelope(signedBytes, 7, "u-1", ts, actor, kind, "kl", true, env).isEmpty());
    QVERIFY(
        !store::codec::checkEnvelope(signedBytes, 7, "u-1", ts, actor, kind, scope, false, env).isEmpty());
    QVERIFY(store::codec::validKind("incident.opened"));
    QVERIFY(!store::codec::validKind("Incident"));
    QVERIFY(!store::codec::validKind("a..b"));
    QVERIFY(!store::codec::validKind("a."));
    QCOMPARE(Time::toIsoStd(ts), std::string("2026-11-23T05:00:00.123Z"));
    QCOMPARE(Time::parseIso(QStringLiteral("2026-11-23T05:00:00.123Z")), std::optional<qint64>(ts));
    QCOMPARE(Time::parseIso(QStringLiteral("2024-02-29T00:00:00+00:00")).has_value(), true);
    QCOMPARE(Time::parseIso(QStringLiteral("2026-02-29T00:00:00Z")).has_value(), false);
    QCOMPARE(Time::parseIso(QStringLiteral("2026-11-23 05:40:00Z")).has_value(), false);
    QCOMPARE(Time::parseIso(QStringLiteral("2026-11-23T05:40:00+01:00")).has_value(), false);
}

void TestEvidenceStore::readOnlyOpenReadsAndRefusesWrites() {
    StoreFixture f;
    f.appendN(3);
    f.store.reset();
    const QByteArray before = FileUtil::readAll(f.path, 1 << 24).value();
    StoreOpenOptions o;
    o.readOnly = true;
    auto s = SqliteEvidenceStore::open(f.path, o);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    QCOMPARE(s.value()->size().value(), quint64(4));
    QCOMPARE(s.value()->latestCheckpoint()->size, quint64(4));
    const auto report = s.value()->verify({true, true});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY2(report->intact, qPrintable(report->reason));
    NewEvent e;
    e.kind = QStringLiteral("test.readonly");
    const auto r = s.value()->append(f.alice, {e});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 5);
    s.value().reset();
    QCOMPARE(FileUtil::readAll(f.path, 1 << 24).value(), before);
}

void TestEvidenceStore::bulkImportIsIndexedForSearchLater() {
    StoreFixture f;
    f.appendN(2, QStringLiteral("test.before")); // interactive: indexed in its own transaction
    QCOMPARE(f.store->searchBacklog().value(), quint64(0));
    auto path = f.dir.write(QStringLiteral("bulk.jsonl"), [] {
        QByteArray out;
        for (int i = 0; i < 50; ++i)
            out += "{\"kind\":\"note.row\",\"scope\":\"kl\",\"payload\":{\"incident\":\"INC-7\",\"note\":"
                   "\"needle" +
                   QByteArray::number(i % 2) + "\"}}\n";
        return out;
    }());
    QCOMPARE(f.store->importJsonl(f.alice, path).value(), quint64(50));
    // The import left its events to the search indexes' catch-up; the other indexes are current.
    QCOMPARE(f.store->searchBacklog().value(), quint64(51)); // and the batch statement
    EventSearch text;
    text.text = QStringLiteral("needle1");
    EventSearch ref;
    ref.ref = QStringLiteral("INC-7");
    EventSearch kind;
    kind.kind = QStringLiteral("note.row");
    QCOMPARE(f.store->countMatches(text).value(), 0);
    QCOMPARE(f.store->countMatches(kind).value(), 50);
    // An append while the backlog stands is not indexed out of order: it joins the backlog.
    f.appendN(1, QStringLiteral("test.after"));
    QCOMPARE(f.store->searchBacklog().value(), quint64(52));
    // Caught up in chunks, each its own transaction; nothing about the evidence changes.
    const auto cp = f.store->latestCheckpoint().value();
    QCOMPARE(f.store->indexForSearch(20).value(), quint64(32));
    QCOMPARE(f.store->countMatches(text).value(), 10); // rows 1, 3, … of the first 20
    QCOMPARE(f.store->indexForSearch(20).value(), quint64(12));
    QCOMPARE(f.store->indexForSearch(20).value(), quint64(0));
    QCOMPARE(f.store->indexForSearch(20).value(), quint64(0));
    QCOMPARE(f.store->countMatches(text).value(), 25);
    QCOMPARE(f.store->countMatches(ref).value(), 50);
    EventSearch after;
    after.text = QStringLiteral("after");
    QCOMPARE(f.store->countMatches(after).value(), 1);
    QCOMPARE(f.store->latestCheckpoint()->size, cp.size);
    QVERIFY(f.store->verify({})->intact);
    // Current again: the next append is indexed with it.
    f.appendN(1, QStringLiteral("test.later"));
    QCOMPARE(f.store->searchBacklog().value(), quint64(0));
    // A read-only store cannot catch up; it says so.
    StoreOpenOptions ro;
    ro.readOnly = true;
    auto reader = SqliteEvidenceStore::open(f.path, ro);
    QVERIFY(reader.ok());
    QVERIFY(!reader.value()->indexForSearch(10).ok());
}

void TestEvidenceStore::version3StoreKeepsItsSearchIndex() {
    StoreFixture f;
    f.appendN(5);
    f.store.reset();
    // A version-3 store: indexed by a trigger, no search_state. Version 4 takes it as fully indexed.
    QCOMPARE(rawExec(f.path, "DROP TABLE search_state; DELETE FROM schema_version WHERE version >= 4;"
                             " ALTER TABLE probe_states DROP COLUMN signer;"
                             " ALTER TABLE probe_states DROP COLUMN signature;"
                             " ALTER TABLE probe_states DROP COLUMN reason_words; PRAGMA user_version=3;"),
             SQLITE_OK);
    f.reopen();
    QCOMPARE(f.store->searchBacklog().value(), quint64(0));
    EventSearch s;
    s.kind = QStringLiteral("test.event");
    s.text = QStringLiteral("test");
    QCOMPARE(f.store->countMatches(s).value(), 5);
}

QTEST_GUILESS_MAIN(TestEvidenceStore)
#include "tst_evidencestore.moc"
