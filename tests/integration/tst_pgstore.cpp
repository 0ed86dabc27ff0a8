// The team log on a real PostgreSQL server (the pg_cluster_start fixture): the same acts, proofs and
// verify as the local file; gapless positions under concurrent writer processes and writers killed
// mid-act; append-only enforced by grants and triggers; a superuser's rewrite named by verify; its
// checkpoints and proofs checked by Go's sumdb note and tlog packages.
#include "CliHarness.h"
#include "PgFixture.h"
#include "StoreAttack.h"
#include "TestSupport.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "crypto/SignedNote.h"
#include "incidents/Incidents.h"
#include "store/ActRules.h"
#include "store/BackgroundSearch.h"
#include "store/EventCodec.h"
#include "store/EventTableModel.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/TeamWitness.h"
#include "store/TeamWitnessDuty.h"
#include "store/Witness.h"
#include "store/pg/LogRows.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace ops;
using namespace ops::test;
namespace merkle = crypto::merkle;

class TestPgStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void actsProofsAndVerify();
    void sameRulesAsTheLocalFile();
    void appRoleMayOnlyAppend();
    void ownerCannotRewriteEither();
    void superuserRewriteIsNamed();
    void refusesASecondTrustRootAndBadUrls();
    void concurrentWriterProcessesAreGapless();
    void writerKilledMidActLeavesNoHole();
    void checkedByGoSumdb();
    void everyConsoleWitnesses();
    void rewriteRaisesTheAlarmAndStopsWrites();
    void cliOnTheTeamLog();
    void cliRefusesUnsafeUrls();
    void migrateKeepsTheRoot();
    void signedInWindowWitnessesAsTheLogGrows();
    void pipelineIsAllOrNothing();
    void serverCrashLosesNoAcknowledgedAct();
    void forgedHeadCheckpointIsVerifiedNotRemembered();
    void searchesMatchTheLocalFile();
    void searchesNarrowedByTheWordIndex();
    void wordsBeyondAsciiOnAUtf8Database();
    void aVersion3LogIsIndexedAgainFolded();
    void aSearchGivesUpRatherThanHang();
    void idIndexIsKeptAndBackfilled();
    void actAroundTheWriteGateIsNamedNeverCountedSealedOrCosigned();
    void rowPastTheHeadCountsForNothing();
    void anActOnItsOwnHeadTakesOneRoundTrip();

private:
    Signer makeSigner(const QString &name);
    std::unique_ptr<PgEvidenceStore> openOwner(bool create = true);
    std::unique_ptr<PgEvidenceStore> openApp();
    NewEvent ev(const QString &kind, int i = 0) const;
    int go(const QStringList &args, QByteArray *out = nullptr) const;

    PgServer m_server;
    QString m_db;
    TempDir m_dir;
    TempDir m_build;
    QString m_checker;
    Signer m_admin;
};

Signer TestPgStore::makeSigner(const QString &name) {
    auto key = crypto::PrivateKey::generate();
    if (!key.ok())
        qFatal("cannot generate a key");
    return Signer{name, std::move(key).value()};
}

NewEvent TestPgStore::ev(const QString &kind, int i) const {
    NewEvent e;
    e.kind = kind;
    e.scope = QStringLiteral("kl");
    e.payload["i"] = i;
    return e;
}

std::unique_ptr<PgEvidenceStore> TestPgStore::openOwner(bool create) {
    StoreOpenOptions o;
    o.create = create;
    auto s = PgEvidenceStore::open(m_server.url(m_db, QStringLiteral("team_owner")), o,
                                   QStringLiteral("team_app"));
    if (!s.ok())
        qWarning("%s", qPrintable(s.error().toString()));
    return s.ok() ? std::move(s).value() : nullptr;
}

std::unique_ptr<PgEvidenceStore> TestPgStore::openApp() {
    auto s = PgEvidenceStore::open(m_server.url(m_db, QStringLiteral("team_app")));
    if (!s.ok())
        qWarning("%s", qPrintable(s.error().toString()));
    return s.ok() ? std::move(s).value() : nullptr;
}

int TestPgStore::go(const QStringList &args, QByteArray *out) const {
    QProcess p;
    p.start(m_checker, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

void TestPgStore::initTestCase() {
    m_server = PgServer::fromFixture();
    QVERIFY2(m_server.problem.isEmpty(), qPrintable(m_server.problem));
    auto admin = m_server.admin();
    QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().toString()));
    // Go's sumdb note and tlog, built in GOPATH mode from Debian's packages (no network).
    const QString goBin = QStandardPaths::findExecutable(QStringLiteral("go"));
    QVERIFY2(!goBin.isEmpty(),
             "go is not installed (packaging/debian-deps.txt: golang-go, golang-golang-x-mod-dev)");
    QProcess build;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GO111MODULE"), QStringLiteral("off"));
    env.insert(QStringLiteral("GOPATH"), QStringLiteral("/usr/share/gocode"));
    env.insert(QStringLiteral("GOCACHE"), m_build.file(QStringLiteral("gocache")));
    env.insert(QStringLiteral("GOFLAGS"), QString());
    env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
    env.insert(QStringLiteral("HOME"), m_build.path());
    build.setProcessEnvironment(env);
    m_checker = m_build.file(QStringLiteral("c2sp_check"));
    build.start(goBin, {QStringLiteral("build"), QStringLiteral("-o"), m_checker,
                        QStringLiteral(OPSCONSOLE_SOURCE_DIR "/tests/interop/c2sp_check.go")});
    QVERIFY(build.waitForFinished(600000));
    QVERIFY2(build.exitCode() == 0,
             QByteArray(build.readAllStandardOutput() + build.readAllStandardError()).constData());
}

void TestPgStore::init() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    m_db = db.value();
    m_admin = makeSigner(QStringLiteral("alice"));
    auto s = openOwner();
    QVERIFY(s);
    auto genesis =
        s->registerIdentity(m_admin, {QStringLiteral("operator"), QStringLiteral("incident-owner")});
    QVERIFY2(genesis.ok(), qPrintable(genesis.ok() ? QString() : genesis.error().toString()));
    QCOMPARE(genesis->seq, 1u);
}

void TestPgStore::actsProofsAndVerify() {
    auto s = openApp(); // a console connects as the application role
    QVERIFY(s);
    QCOMPARE(s->label(), QStringLiteral("team log %1@localhost").arg(m_db));
    QVERIFY(!s->storeId().isEmpty());
    QList<quint64> sizes;
    for (int i = 0; i < 20; ++i) {
        auto r = s->append(m_admin,
                           {ev(QStringLiteral("signal.recorded"), i), ev(QStringLiteral("test.note"), i)});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->last().seq, 1u + 2u * static_cast<quint64>(i + 1));
        sizes << r->last().seq;
    }
    // An attachment travels with its act.
    auto att = s->attach(m_admin, QStringLiteral("log.txt"), QByteArray("publish blocked at 03:12\n"),
                         QStringLiteral("text/plain"));
    QVERIFY2(att.ok(), qPrintable(att.ok() ? QString() : att.error().toString()));
    QCOMPARE(s->blob(att->payload().stringAt("sha256")).value(), QByteArray("publish blocked at 03:12\n"));
    QCOMPARE(s->size().value(), 42u);

    auto cp = s->latestCheckpoint();
    QVERIFY(cp.ok());
    QCOMPARE(cp->size, 42u);
    QVERIFY(cp->isNote());
    QVERIFY(cp->signedBy(m_admin.key.publicKey()));
    QVERIFY(QString::fromStdString(cp->noteText()).startsWith(QStringLiteral("opsconsole/") + s->storeId()));
    // Inclusion of every event in the latest tree, consistency from each earlier checkpoint.
    for (quint64 seq = 1; seq <= cp->size; seq += 5) {
        auto p = s->inclusionProof(seq, cp->size);
        QVERIFY(p.ok());
        QVERIFY(merkle::verifyInclusion(p->leafHash, seq - 1, cp->size, p->path, cp->root));
    }
    for (quint64 oldSize : {3ull, 21ull, 41ull}) {
        auto proof = s->consistencyProof(oldSize, cp->size);
        QVERIFY(proof.ok());
        // The old root, from the checkpoint the store signed at that size.
        auto rows = m_server.admin(m_db)->query("SELECT root FROM opsconsole.checkpoints WHERE size = $1",
                                                pg::Params().i64(static_cast<qint64>(oldSize)));
        QVERIFY(rows.ok() && rows->count() == 1);
        QVERIFY(merkle::verifyConsistency(oldSize, cp->size, rows->bytes(0, 0), cp->root, proof.value()));
    }
    // Reading: by seq, by page, by filter.
    QCOMPARE(s->events(10, 5).value().size(), 5);
    EventFilter f;
    f.kindPrefix = QStringLiteral("signal.");
    f.limit = 1000;
    QCOMPARE(s->query(f).value().size(), 20);
    f = EventFilter{};
    f.text = QStringLiteral("\"i\":7");
    f.limit = 1000;
    QCOMPARE(s->query(f).value().size(), 2);
    f.newestFirst = true;
    f.text.clear();
    f.limit = 3;
    QCOMPARE(s->query(f).value().first().seq, 42u);
    QVERIFY(s->sealedAtMs(5).value() > 0);

    auto report = s->verify(VerifyOptions(true));
    QVERIFY(report.ok());
    QVERIFY2(report->intact, qPrintable(report->reason));
    QCOMPARE(report->events, 42u);
    QCOMPARE(report->checkpoints, 22u); // one per act, the genesis's included
    QCOMPARE(report->signaturesChecked, 42u);
}

void TestPgStore::sameRulesAsTheLocalFile() {
    auto s = openApp();
    QVERIFY(s);
    // Enrolment: a request, then an admin's approval; before it, the requester signs nothing else.
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(s->registerIdentity(bob, {QStringLiteral("reviewer")}).ok());
    auto early = s->append(bob, {ev(QStringLiteral("test.note"))});
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, ErrorCode::Policy);
    QVERIFY(s->approveIdentity(m_admin, QStringLiteral("bob")).ok());
    QVERIFY(s->append(bob, {ev(QStringLiteral("test.note"))}).ok());
    QCOMPARE(s->identity(QStringLiteral("bob")).value().state, QStringLiteral("approved"));
    // A stranger's key signs nothing.
    const Signer mallory = makeSigner(QStringLiteral("alice"));
    auto forged = s->append(mallory, {ev(QStringLiteral("test.note"))});
    QVERIFY(!forged.ok());
    // Bad events are refused before anything is written.
    NewEvent bad = ev(QStringLiteral("Not A Kind"));
    QVERIFY(!s->append(m_admin, {bad}).ok());
    // Time never goes backwards past the tolerance.
    NewEvent old = ev(QStringLiteral("test.note"));
    old.tsMs = 1000;
    auto backwards = s->append(m_admin, {old});
    QVERIFY(!backwards.ok());
    QVERIFY(backwards.error().message.contains(QStringLiteral("before the latest time")));
    // An attachment event must travel with its bytes or name stored ones.
    auto blob = makeBlob(QStringLiteral("a.txt"), "x", QStringLiteral("text/plain"));
    QVERIFY(!s->append(m_admin, {ev(QStringLiteral("test.note"))}, {blob.value()}).ok());
    const quint64 n = s->size().value();
    QCOMPARE(n, 4u); // genesis, bob's request, the approval, bob's note
    auto report = s->verify(VerifyOptions(true));
    QVERIFY2(report->intact, qPrintable(report->reason));
}

void TestPgStore::appRoleMayOnlyAppend() {
    auto app = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(app.ok());
    for (const char *sql :
         {"UPDATE opsconsole.events SET actor = 'mallory' WHERE seq = 1",
          "DELETE FROM opsconsole.events WHERE seq = 1", "DELETE FROM opsconsole.checkpoints",
          "TRUNCATE opsconsole.blobs", "UPDATE opsconsole.meta SET value = 'x'",
          "DROP TABLE opsconsole.events", "CREATE TABLE opsconsole.mine(x int)",
          // The id index is the trigger's to keep: no forged, changed or removed entries.
          "INSERT INTO opsconsole.event_refs(ref, seq) VALUES ('INC-FORGED', 1)",
          "UPDATE opsconsole.event_refs SET ref = 'INC-X'", "DELETE FROM opsconsole.event_refs",
          "UPDATE opsconsole.event_index_head SET size = 0",
          "INSERT INTO opsconsole.event_words(seq, words) VALUES (1, 'forged')",
          "INSERT INTO opsconsole.event_index_skipped(seq) VALUES (1)",
          "DELETE FROM opsconsole.event_words"}) {
        auto r = app->exec(sql);
        QVERIFY2(!r.ok(), sql);
        QCOMPARE(app->lastState(), QStringLiteral("42501")); // insufficient_privilege
    }
    // Moving the head backwards (the one UPDATE it has) is refused by the trigger.
    auto back = app->exec("UPDATE opsconsole.log_head SET size = 0");
    QVERIFY(!back.ok());
    QVERIFY(back.error().message.contains(QStringLiteral("only moves forward")));
    auto s = openApp();
    QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"))}).ok());
    QVERIFY(s->verify(VerifyOptions(true))->intact);
    // Grants go to a role by its name: never to every role.
    StoreOpenOptions o;
    o.create = true;
    for (const QString &role : {QStringLiteral("public"), QStringLiteral("current_user")}) {
        auto granted = PgEvidenceStore::open(m_server.url(m_db, QStringLiteral("team_owner")), o, role);
        QVERIFY(!granted.ok());
        QVERIFY2(granted.error().message.contains(QStringLiteral("not a role name")),
                 qPrintable(granted.error().message));
    }
}

void TestPgStore::ownerCannotRewriteEither() {
    {
        auto s = openApp(); // an event that names an id: the index has a row to attack
        NewEvent e = ev(QStringLiteral("test.note"));
        e.payload["incident"] = QStringLiteral("INC-1");
        QVERIFY(s->append(m_admin, {e}).ok());
        EventSearch byId; // a search by id brings the index up to the head
        byId.ref = QStringLiteral("INC-1");
        QCOMPARE(s->countMatches(byId).value(), 1);
    }
    auto owner = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_owner")));
    QVERIFY(owner.ok());
    for (const char *sql :
         {"UPDATE opsconsole.events SET actor = 'mallory' WHERE seq = 1",
          "DELETE FROM opsconsole.checkpoints WHERE size = 1", "TRUNCATE opsconsole.events",
          "DELETE FROM opsconsole.log_head", "UPDATE opsconsole.event_refs SET ref = 'INC-X'",
          "DELETE FROM opsconsole.event_refs", "TRUNCATE opsconsole.event_refs",
          "UPDATE opsconsole.event_index_head SET size = 0", "DELETE FROM opsconsole.event_index_head",
          "UPDATE opsconsole.event_words SET words = 'x'", "DELETE FROM opsconsole.event_words"}) {
        auto r = owner->exec(sql);
        QVERIFY2(!r.ok(), sql);
        QVERIFY2(r.error().message.contains(QStringLiteral("append-only")) ||
                     r.error().message.contains(QStringLiteral("only moves forward")),
                 qPrintable(r.error().message));
    }
}

void TestPgStore::superuserRewriteIsNamed() {
    auto s = openApp();
    for (int i = 0; i < 6; ++i)
        QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"), i)}).ok());
    // A superuser can switch the triggers off; the evidence still tells.
    auto su = m_server.admin(m_db);
    QVERIFY(su.ok());
    QVERIFY(su->exec("SET session_replication_role = replica").ok());
    QVERIFY(su->exec("UPDATE opsconsole.events SET canonical = "
                     "convert_to(replace(convert_from(canonical, 'UTF8'), '\"i\":3', '\"i\":9'), 'UTF8') "
                     "WHERE seq = 5")
                .ok());
    auto report = s->verify(VerifyOptions(true));
    QVERIFY(report.ok());
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSeq, std::optional<quint64>(5));
    // With the leaf hash rewritten to match, the checkpoint's signed root tells, and nobody appends
    // on top of it.
    QVERIFY(su->exec("UPDATE opsconsole.events SET leaf_hash = "
                     "sha256(decode('00', 'hex') || canonical) WHERE seq = 5")
                .ok());
    report = s->verify(VerifyOptions(true));
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSeq, std::optional<quint64>(5));
    auto refused = s->append(m_admin, {ev(QStringLiteral("test.note"))});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("do not match the latest signed checkpoint")),
             qPrintable(refused.error().message));
    // A deleted tail: the head row and the last checkpoint no longer line up with the events.
    QVERIFY(su->exec("DELETE FROM opsconsole.events WHERE seq = 7").ok());
    report = s->verify(VerifyOptions(true));
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSeq, std::optional<quint64>(5));
}

void TestPgStore::refusesASecondTrustRootAndBadUrls() {
    // A second genesis in the same log is only a request.
    auto s = openApp();
    const Signer eve = makeSigner(QStringLiteral("eve"));
    auto req = s->registerIdentity(eve, {QStringLiteral("operator")});
    QVERIFY(req.ok());
    QCOMPARE(s->identity(QStringLiteral("eve")).value().state, QStringLiteral("requested"));
    // The app role cannot create or migrate the schema; an empty database is not a log.
    auto fresh = m_server.freshDatabase();
    QVERIFY(fresh.ok());
    auto none = PgEvidenceStore::open(m_server.url(fresh.value(), QStringLiteral("team_app")));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QStringLiteral("no team log")), qPrintable(none.error().message));
    StoreOpenOptions create;
    create.create = true;
    auto notOwner = PgEvidenceStore::open(m_server.url(fresh.value(), QStringLiteral("team_app")), create);
    QVERIFY(!notOwner.ok());
    // A password never shows in an error.
    auto bad = PgEvidenceStore::open(QStringLiteral("postgresql://someone:hunter2@%1/nodb?host=%2")
                                         .arg(QStringLiteral("localhost"), m_server.socketDir));
    QVERIFY(!bad.ok());
    QVERIFY(!bad.error().toString().contains(QStringLiteral("hunter2")));
    QVERIFY(!pg::redactedUrl(QStringLiteral("postgresql:///db?host=/x&password=hunter2"))
                 .contains(QStringLiteral("hunter2")));
}

void TestPgStore::concurrentWriterProcessesAreGapless() {
    auto s = openApp();
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(s->registerIdentity(bob, {QStringLiteral("operator")}).ok());
    QVERIFY(s->approveIdentity(m_admin, QStringLiteral("bob")).ok());
    const QString alicePem = m_dir.write(QStringLiteral("alice.pem"), m_admin.key.unencryptedPem());
    const QString bobPem = m_dir.write(QStringLiteral("bob.pem"), bob.key.unencryptedPem());
    const QString url = m_server.url(m_db, QStringLiteral("team_app"));
    const quint64 before = s->size().value();
    constexpr int kWriters = 4, kActs = 25;
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int w = 0; w < kWriters; ++w) {
        auto p = std::make_unique<QProcess>();
        p->start(ProgramRunner::binary(QStringLiteral("opsconsole-test-appender")),
                 {url, w % 2 ? bobPem : alicePem, w % 2 ? QStringLiteral("bob") : QStringLiteral("alice"),
                  QString::number(kActs), QString::number(1 + w % 3)});
        QVERIFY(p->waitForStarted());
        writers.push_back(std::move(p));
    }
    QSet<quint64> acked;
    quint64 expectedEvents = 0;
    for (int w = 0; w < kWriters; ++w) {
        QVERIFY(writers[w]->waitForFinished(300000));
        const QByteArray err = writers[w]->readAllStandardError();
        QVERIFY2(writers[w]->exitCode() == 0, err.constData());
        for (const QByteArray &line : writers[w]->readAllStandardOutput().split('\n'))
            if (line.startsWith("ack ")) {
                const quint64 seq = line.mid(4).toULongLong();
                QVERIFY2(!acked.contains(seq), "a position was handed out twice");
                acked.insert(seq);
            }
        expectedEvents += static_cast<quint64>(kActs * (1 + w % 3));
    }
    QCOMPARE(acked.size(), kWriters * kActs);
    QCOMPARE(s->size().value(), before + expectedEvents);
    // Positions 1..n with no hole, one checkpoint per act.
    auto su = m_server.admin(m_db);
    auto gaps = su->query("SELECT COUNT(*)::bigint, MIN(seq), MAX(seq) FROM opsconsole.events");
    QVERIFY(gaps.ok());
    QCOMPARE(static_cast<quint64>(gaps->i64(0, 0)), before + expectedEvents);
    QCOMPARE(gaps->i64(0, 1), 1);
    QCOMPARE(static_cast<quint64>(gaps->i64(0, 2)), before + expectedEvents);
    auto report = s->verify(VerifyOptions(true));
    QVERIFY2(report->intact, qPrintable(report->reason));
    QCOMPARE(report->checkpoints, before + static_cast<quint64>(kWriters * kActs));
}

void TestPgStore::writerKilledMidActLeavesNoHole() {
    auto s = openApp();
    const QString alicePem = m_dir.write(QStringLiteral("alice.pem"), m_admin.key.unencryptedPem());
    const QString url = m_server.url(m_db, QStringLiteral("team_app"));
    // A console that dies holding the head row in the middle of its act: the server rolls its
    // transaction back, the next writer takes the same position, and nothing of it remains.
    {
        auto dying = pg::Connection::connect(url);
        QVERIFY(dying.ok());
        QVERIFY(dying->exec("BEGIN").ok());
        QVERIFY(dying->query("SELECT size FROM opsconsole.log_head WHERE id = 1 FOR UPDATE").ok());
        QVERIFY(dying
                    ->run("INSERT INTO opsconsole.events(seq, uuid, ts_ms, actor, kind, scope, canonical, "
                          "leaf_hash, "
                          "signed) VALUES (2, 'half-written', 0, 'alice', 'test.note', '', '\\x00', "
                          "decode(repeat('00', 32), 'hex'), true)")
                    .ok());
    } // the connection goes away without COMMIT
    auto next = s->append(m_admin, {ev(QStringLiteral("test.note"))});
    QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
    QCOMPARE(next->first().seq, 2u);

    // Real processes killed at random moments, with acknowledged acts never lost.
    auto *rng = QRandomGenerator::global();
    QSet<quint64> acked;
    for (int round = 0; round < 8; ++round) {
        QProcess p;
        p.start(ProgramRunner::binary(QStringLiteral("opsconsole-test-appender")),
                {url, alicePem, QStringLiteral("alice"), QStringLiteral("-1"),
                 QString::number(1 + rng->bounded(3))});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        while (!out.contains("ack ") && p.state() == QProcess::Running)
            if (p.waitForReadyRead(60000))
                out += p.readAllStandardOutput();
        QTest::qWait(static_cast<int>(rng->bounded(0, 40)));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        out += p.readAllStandardOutput();
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("ack "))
                acked.insert(line.mid(4).toULongLong());
    }
    QVERIFY(!acked.isEmpty());
    // The server notices the dead connections (their transactions roll back); the next append waits
    // for the head row only as long as that takes.
    auto after = s->append(m_admin, {ev(QStringLiteral("test.note"))});
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
    const quint64 n = s->size().value();
    QCOMPARE(after->first().seq, n);
    for (quint64 seq : std::as_const(acked))
        QVERIFY2(seq <= n && s->event(seq).ok(), "an acknowledged act was lost");
    auto report = s->verify(VerifyOptions(true));
    QVERIFY2(report->intact, qPrintable(report->reason));
    QCOMPARE(report->events, n);
}

void TestPgStore::checkedByGoSumdb() {
    auto s = openApp();
    for (int i = 0; i < 5; ++i)
        QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"), i)}).ok());
    auto oldCp = s->latestCheckpoint().value();
    for (int i = 0; i < 7; ++i)
        QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"), i)}).ok());
    auto cp = s->latestCheckpoint().value();
    const QString vkey = crypto::note::verifierKey(QStringLiteral("alice"), m_admin.key.publicKey());
    const QString oldNote =
        m_dir.write(QStringLiteral("old.note"), QByteArray::fromStdString(oldCp.noteText()));
    const QString newNote = m_dir.write(QStringLiteral("new.note"), QByteArray::fromStdString(cp.noteText()));
    QByteArray out;
    QVERIFY2(go({QStringLiteral("note"), vkey, newNote}, &out) == 0, out.constData());
    // A tlog-proof of event 4 in the new tree, and the leaf bytes it proves.
    auto incl = s->inclusionProof(4, cp.size);
    QVERIFY(incl.ok());
    crypto::note::TlogProof tp;
    tp.index = 3;
    tp.path = incl->path;
    tp.checkpoint = cp.noteText();
    const QString proof = m_dir.write(QStringLiteral("4.tlog-proof"),
                                      QByteArray::fromStdString(crypto::note::formatTlogProof(tp)));
    const QString leaf =
        m_dir.write(QStringLiteral("4.leaf"), QByteArray::fromStdString(s->event(4)->canonical));
    QVERIFY2(go({QStringLiteral("inclusion"), vkey, proof, leaf}, &out) == 0, out.constData());
    // Consistency from the old checkpoint to the new one.
    QByteArray lines;
    auto consistency = s->consistencyProof(oldCp.size, cp.size);
    QVERIFY(consistency.ok());
    for (const QByteArray &h : consistency.value())
        lines += h.toBase64() + '\n';
    const QString cons = m_dir.write(QStringLiteral("cons.txt"), lines);
    QVERIFY2(go({QStringLiteral("consistency"), vkey, oldNote, newNote, cons}, &out) == 0, out.constData());
    // And a flipped byte in the leaf fails there too.
    QByteArray flipped = QByteArray::fromStdString(s->event(4)->canonical);
    flipped[10] = static_cast<char>(flipped[10] ^ 1);
    QCOMPARE(go({QStringLiteral("inclusion"), vkey, proof, m_dir.write(QStringLiteral("4.bad"), flipped)}),
             1);
}

// A console: its own connection and its own state directory (witness memory, alarms).
struct Console {
    std::unique_ptr<PgEvidenceStore> store;
    std::unique_ptr<TempDir> state;
};

static Console console(const PgServer &server, const QString &db, int quorum) {
    Console c;
    c.state = std::make_unique<TempDir>();
    StoreOpenOptions o;
    o.anchorDirectory = c.state->path();
    o.trust.witnessQuorum = quorum;
    auto s = PgEvidenceStore::open(server.url(db, QStringLiteral("team_app")), o);
    if (s.ok())
        c.store = std::move(s).value();
    return c;
}

void TestPgStore::everyConsoleWitnesses() {
    Console a = console(m_server, m_db, 2), b = console(m_server, m_db, 2), c = console(m_server, m_db, 2);
    QVERIFY(a.store && b.store && c.store);
    const Signer bob = makeSigner(QStringLiteral("bob")), carol = makeSigner(QStringLiteral("carol"));
    for (const Signer *s : {&bob, &carol}) {
        QVERIFY(a.store->registerIdentity(*s, {QStringLiteral("operator")}).ok());
        QVERIFY(a.store->approveIdentity(m_admin, s->name).ok());
    }
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"))}).ok());
    const quint64 size = a.store->size().value();

    auto wb = TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs());
    QVERIFY2(wb.ok(), qPrintable(wb.ok() ? QString() : wb.error().toString()));
    QVERIFY(wb->firstSight);
    QVERIFY(wb->cosigned);
    QCOMPARE(wb->checkpoint.size, size);
    QCOMPARE(wb->witnesses, QStringList{QStringLiteral("bob")});
    QVERIFY(!wb->witnessed()); // one of two
    auto wc = TeamWitness::witness(*c.store, carol, c.state->path(), Time::nowMs());
    QVERIFY(wc.ok());
    QCOMPARE(wc->witnesses, (QStringList{QStringLiteral("bob"), QStringLiteral("carol")}));
    QVERIFY(wc->witnessed());
    // The signer's own console checks but does not count itself.
    auto wa = TeamWitness::witness(*a.store, m_admin, a.state->path(), Time::nowMs());
    QVERIFY(wa.ok());
    QVERIFY(!wa->cosigned);
    QCOMPARE(wa->witnesses.size(), 2);
    // Witnessing again is idempotent; later acts are folded onto what was vouched for.
    QVERIFY(b.store->append(bob, {ev(QStringLiteral("test.note"), 1)}).ok());
    auto again = TeamWitness::witness(*c.store, carol, c.state->path(), Time::nowMs());
    QVERIFY(again.ok());
    QVERIFY(!again->firstSight);
    QCOMPARE(again->witnesses, QStringList{QStringLiteral("carol")}); // bob signed this one

    // The cosignatures are cosignature/v1 lines of the checkpoint note: Go's note package opens the
    // cosigned note with the log signer's key (the witness lines are well-formed extra lines), and
    // each line verifies under its witness's key.
    auto cp = a.store->checkpointOfSize(size).value();
    auto cosigs = a.store->cosignatures(size).value();
    crypto::note::Note n = crypto::note::parse(cp.noteText()).value();
    for (const auto &cs : std::as_const(cosigs))
        if (cs.size == size) {
            n.signatures << cs.signature;
            const Signer &who = cs.witness == QLatin1String("bob") ? bob : carol;
            QVERIFY(
                crypto::note::verifyCosignature(cp.canonical, cs.signature, who.name, who.key.publicKey()));
        }
    QCOMPARE(n.signatures.size(), 3);
    const QString noteFile =
        m_dir.write(QStringLiteral("cosigned.note"), QByteArray::fromStdString(n.text()));
    QByteArray out;
    QVERIFY2(go({QStringLiteral("note"),
                 crypto::note::verifierKey(QStringLiteral("alice"), m_admin.key.publicKey()), noteFile},
                &out) == 0,
             out.constData());

    auto report = a.store->verify(VerifyOptions(true));
    QVERIFY2(report->intact, qPrintable(report->reason));
    QVERIFY(report->witnessing);
    QCOMPARE(report->witnessQuorum, 2);
    QCOMPARE(report->witnessedSize, size);
    QCOMPARE(report->witnesses, (QStringList{QStringLiteral("bob"), QStringLiteral("carol")}));

    // A cosignature row someone wrote without the key: verify names the checkpoint.
    auto su = m_server.admin(m_db);
    QVERIFY(su->run("INSERT INTO opsconsole.cosignatures(size, witness, key_id, data, at_size) VALUES ($1, "
                    "'alice', "
                    "$2, $3, $1)",
                    pg::Params()
                        .i64(static_cast<qint64>(size + 1))
                        .bytes(cosigs.first().signature.keyId)
                        .bytes(QByteArray(72, 'x')))
                .ok());
    report = a.store->verify(VerifyOptions(true));
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSeq, std::optional<quint64>(size + 1));
    QVERIFY2(report->reason.contains(QStringLiteral("cosignature by 'alice' does not verify")),
             qPrintable(report->reason));
    // And an application role cannot take a cosignature back.
    auto app = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(!app->exec("DELETE FROM opsconsole.cosignatures").ok());
}

void TestPgStore::rewriteRaisesTheAlarmAndStopsWrites() {
    Console a = console(m_server, m_db, 1), b = console(m_server, m_db, 1);
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(a.store->registerIdentity(bob, {QStringLiteral("operator")}).ok());
    QVERIFY(a.store->approveIdentity(m_admin, QStringLiteral("bob")).ok());
    QVERIFY(TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs()).ok());
    const quint64 vouched = a.store->size().value();
    for (int i = 0; i < 3; ++i)
        QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), i)}).ok());
    QVERIFY(TeamWitness::witness(*a.store, m_admin, a.state->path(), Time::nowMs()).ok());
    // A superuser changes one event the console has not seen yet.
    auto su = m_server.admin(m_db);
    QVERIFY(su->exec("SET session_replication_role = replica").ok());
    QVERIFY(
        su->run(
              "UPDATE opsconsole.events SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'), "
              "'\"i\":1', '\"i\":7'), 'UTF8') WHERE seq = $1",
              pg::Params().i64(static_cast<qint64>(vouched + 2)))
            .ok());
    auto w = TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs());
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, ErrorCode::Negative);
    QVERIFY2(w.error().message.contains(QStringLiteral("the team log was rewritten")),
             qPrintable(w.error().message));
    QVERIFY2(w.error().message.contains(QStringLiteral("event %1 was changed").arg(vouched + 2)),
             qPrintable(w.error().message));
    // Recorded locally, and this console writes nothing more to the log.
    QVERIFY(QFile::exists(b.store->alarmPath()));
    QVERIFY(TeamWitness::alarm(*b.store).contains(QStringLiteral("rewritten")));
    auto refused = b.store->append(bob, {ev(QStringLiteral("test.note"))});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Policy);
    QVERIFY(!TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs()).ok());
    QVERIFY(b.store->cosignatures(vouched + 1).value().isEmpty()); // it vouched for nothing after
    // A console that first sees the log verifies all of it, and raises the alarm too.
    Console c = console(m_server, m_db, 1);
    auto first = TeamWitness::witness(*c.store, m_admin, c.state->path(), Time::nowMs());
    QVERIFY(!first.ok());
    QVERIFY(first.error().message.contains(QStringLiteral("does not verify")));
    // A log cut back below what a console vouched for: the admin's console saw the whole log before
    // the rewrite, then the tail goes.
    QVERIFY(
        su->exec("DELETE FROM opsconsole.events WHERE seq = (SELECT MAX(seq) FROM opsconsole.events)").ok());
    QVERIFY(su->exec("DELETE FROM opsconsole.checkpoints WHERE size = (SELECT MAX(size) FROM "
                     "opsconsole.checkpoints)")
                .ok());
    QVERIFY(su->exec("UPDATE opsconsole.log_head SET size = size - 1").ok());
    auto cut = TeamWitness::witness(*a.store, m_admin, a.state->path(), Time::nowMs());
    QVERIFY(!cut.ok());
    QVERIFY2(cut.error().message.contains(QStringLiteral("this console vouched for %1").arg(vouched + 3)),
             qPrintable(cut.error().message));
}

namespace {

QByteArray teamYaml(const QByteArray &extra = {}) {
    QFile f(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("demo config missing");
    return f.readAll() + "\nstore: {app_role: team_app}\n" + extra;
}

} // namespace

void TestPgStore::cliOnTheTeamLog() {
    // A team log of its own, created by its owner through the CLI (the fixture's genesis is not used).
    auto fresh = m_server.freshDatabase();
    QVERIFY(fresh.ok());
    const QString ownerUrl = m_server.url(fresh.value(), QStringLiteral("team_owner"));
    const QString appUrl = m_server.url(fresh.value(), QStringLiteral("team_app"));
    Cli owner(teamYaml(), QString());
    auto init = owner({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl, QStringLiteral("--roles"),
                       QStringLiteral("operator"), QStringLiteral("--json")},
                      QStringLiteral("alice"));
    QVERIFY2(init.exitCode == 0, init.err.constData());
    const JsonValue created = parseJson(init.out);
    QCOMPARE(created.stringAt("name"), QStringLiteral("alice"));
    QVERIFY(created.stringAt("store").startsWith(QStringLiteral("postgresql://")));
    // A second init is refused: the log has its genesis.
    QCOMPARE(owner({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl, QStringLiteral("--roles"),
                    QStringLiteral("operator")},
                   QStringLiteral("carol"))
                 .exitCode,
             4);
    // Another console (another home, another key ring) enrols through the application role; the
    // admin approves from the first.
    Cli other(teamYaml(), QString());
    auto req =
        other({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("bob"),
               QStringLiteral("--roles"), QStringLiteral("reviewer"), QStringLiteral("--store"), appUrl});
    QVERIFY2(req.exitCode == 0, req.err.constData());
    QVERIFY(req.out.contains("identity approve bob"));
    auto approve = owner({QStringLiteral("identity"), QStringLiteral("approve"), QStringLiteral("bob"),
                          QStringLiteral("--store"), appUrl},
                         QStringLiteral("alice"));
    QVERIFY2(approve.exitCode == 0, approve.err.constData());
    auto list = other({QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--store"), appUrl});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(parseJson(list.out).toArray().size(), 2);
    // Without --identity the shared log has no default to fall back on.
    auto anonymous =
        other({QStringLiteral("identity"), QStringLiteral("rotate"), QStringLiteral("--store"), appUrl});
    QCOMPARE(anonymous.exitCode, 4);
    QVERIFY(anonymous.err.contains("--identity"));

    // bob's console witnesses the log: first sight verifies it all, then cosigns alice's checkpoint.
    auto witness = other({QStringLiteral("evidence"), QStringLiteral("witness"), QStringLiteral("--json"),
                          QStringLiteral("--store"), appUrl},
                         QStringLiteral("bob"));
    QVERIFY2(witness.exitCode == 0, witness.err.constData());
    const JsonValue w = parseJson(witness.out);
    QCOMPARE(w.find("cosigned")->toBool(), true);
    QCOMPARE(w.find("first_sight")->toBool(), true);
    QCOMPARE(w.find("witnessed")->toBool(), true);
    QCOMPARE(w.find("size")->toInt(), 3);
    auto verify = other({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures"),
                         QStringLiteral("--json"), QStringLiteral("--store"), appUrl});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    const JsonValue report = parseJson(verify.out);
    QCOMPARE(report.find("intact")->toBool(), true);
    QCOMPARE(report.find("events")->toInt(), 3);
    QCOMPARE(report.find("witnesses")->find("witnessed_size")->toInt(), 3);
    QCOMPARE(report.find("witnesses")->find("witnesses")->toArray().size(), 1);
    // The checkpoint and a proof as C2SP files, checked by Go.
    auto note =
        other({QStringLiteral("evidence"), QStringLiteral("checkpoint"), QStringLiteral("--store"), appUrl});
    QCOMPARE(note.exitCode, 0);
    auto vkey = other({QStringLiteral("identity"), QStringLiteral("export-public"), QStringLiteral("alice"),
                       QStringLiteral("--vkey"), QStringLiteral("--store"), appUrl});
    QCOMPARE(vkey.exitCode, 0);
    QByteArray out;
    QVERIFY2(go({QStringLiteral("note"), QString::fromUtf8(vkey.out.trimmed()),
                 m_dir.write(QStringLiteral("cli.note"), note.out)},
                &out) == 0,
             out.constData());
    auto show = other({QStringLiteral("evidence"), QStringLiteral("show"), QStringLiteral("2"),
                       QStringLiteral("--store"), appUrl});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains("inclusion  verified"));
    // The events are listed from the team log; what reads the local file's indexes says so, and
    // names no secret.
    auto listEvents = other({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--store"),
                             appUrl, QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(listEvents.exitCode, 0);
    QCOMPARE(listEvents.out.count('\n'), 2);
    auto listSince = other({QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--store"),
                            appUrl, QStringLiteral("--since"), QStringLiteral("2026-01-01T00:00:00Z")});
    QCOMPARE(listSince.exitCode, 2);
    QVERIFY2(listSince.err.contains("team log"), listSince.err.constData());
    // The matrix is read from the team log; nothing has evaluated it yet, and nothing is healthy.
    auto matrix = other({QStringLiteral("alerts"), QStringLiteral("--store"), appUrl});
    QCOMPARE(matrix.exitCode, 1);
    QVERIFY2(matrix.err.contains("nothing has been evaluated on the team log yet"), matrix.err.constData());

    // The operator opens an incident on one console; the other console sees it at once, and its
    // owner's next act there builds on it (the console witnesses first).
    auto opened = owner({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                         QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("kl"),
                         QStringLiteral("--json"), QStringLiteral("--store"), appUrl},
                        QStringLiteral("alice"));
    QVERIFY2(opened.exitCode == 0, QByteArray(opened.out + opened.err).constData());
    const QString inc = parseJson(opened.out).stringAt("id");
    QVERIFY2(inc.startsWith(QStringLiteral("INC-")), opened.out.constData());
    auto seen = other({QStringLiteral("incident"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--store"), appUrl});
    QVERIFY2(seen.exitCode == 0, seen.err.constData());
    QVERIFY2(seen.out.contains(inc.toUtf8()), seen.out.constData());
    auto after = other({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json"),
                        QStringLiteral("--store"), appUrl});
    QCOMPARE(after.exitCode, 0);
}

void TestPgStore::cliRefusesUnsafeUrls() {
    Cli cli(teamYaml(), QString());
    const QString url = m_server.url(m_db, QStringLiteral("team_app"));
    // A password in the URL: refused before anything connects, and never echoed.
    const QString withPassword =
        QStringLiteral("postgresql://team_app:hunter2@localhost/%1?host=%2").arg(m_db, m_server.socketDir);
    auto r =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--store"), withPassword});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!r.out.contains("hunter2") && !r.err.contains("hunter2"));
    QVERIFY(r.err.contains(".pgpass"));
    // Outside dev the server's certificate must be checked.
    Cli staging(teamYaml("").replace("environment: dev\n", "environment: staging\n"), QString());
    staging.runner.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("staging"));
    auto plain =
        staging({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--store"), url});
    QCOMPARE(plain.exitCode, 4);
    QVERIFY2(plain.err.contains("sslmode=verify-full"), plain.err.constData());
    // A config naming the team log is read like --store; a bad one names its field.
    Cli configured(teamYaml("").replace("store: {app_role: team_app}",
                                        QByteArray("store: {url: \"" + url.toUtf8() + "\"}")),
                   QString());
    auto viaConfig =
        configured({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json")});
    QVERIFY2(viaConfig.exitCode == 0, viaConfig.err.constData());
    QCOMPARE(parseJson(viaConfig.out).find("intact")->toBool(), true);
    Cli badConfig(teamYaml("").replace("store: {app_role: team_app}", "store: {url: \"mysql://db\"}"),
                  QString());
    auto bad = badConfig({QStringLiteral("evidence"), QStringLiteral("verify")});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY2(bad.err.contains("store.url"), bad.err.constData());
}

void TestPgStore::migrateKeepsTheRoot() {
    // One laptop's history: a genesis, an enrolled and approved colleague, an attachment.
    Cli laptop(teamYaml(), QString());
    const QString file = m_dir.file(QStringLiteral("laptop.sqlite"));
    RUN_OK(laptop({QStringLiteral("init"), QStringLiteral("--store"), file, QStringLiteral("--roles"),
                   QStringLiteral("operator,admin")},
                  QStringLiteral("alice")));
    RUN_OK(laptop({QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("bob"),
                   QStringLiteral("--roles"), QStringLiteral("reviewer"), QStringLiteral("--store"), file}));
    RUN_OK(laptop({QStringLiteral("identity"), QStringLiteral("approve"), QStringLiteral("bob"),
                   QStringLiteral("--store"), file},
                  QStringLiteral("alice")));
    const QString capture = m_dir.write(QStringLiteral("capture.txt"), QByteArray("HTTP/1.1 200 OK\n"));
    RUN_OK(laptop(
        {QStringLiteral("evidence"), QStringLiteral("attach"), capture, QStringLiteral("--store"), file},
        QStringLiteral("alice")));
    const auto localNote = RUN_OK(
        laptop({QStringLiteral("evidence"), QStringLiteral("checkpoint"), QStringLiteral("--store"), file}));
    QVERIFY(localNote.exitCode == 0);

    auto fresh = m_server.freshDatabase();
    QVERIFY(fresh.ok());
    const QString ownerUrl = m_server.url(fresh.value(), QStringLiteral("team_owner"));
    const QString appUrl = m_server.url(fresh.value(), QStringLiteral("team_app"));
    auto moved = laptop({QStringLiteral("evidence"), QStringLiteral("migrate"), QStringLiteral("--to"),
                         ownerUrl, QStringLiteral("--json"), QStringLiteral("--store"), file});
    QVERIFY2(moved.exitCode == 0, QByteArray(moved.out + moved.err).constData());
    const JsonValue m = parseJson(moved.out);
    QCOMPARE(m.find("migrated")->toBool(), true);
    QVERIFY(m.find("blobs")->toInt() >= 1);
    const int events = static_cast<int>(m.find("events")->toInt());
    QVERIFY2(events >= 4, moved.out.constData());

    // The same signed note, byte for byte: same size, same root, same store id, same signature.
    Cli colleague(teamYaml(), QString());
    auto teamNote = colleague(
        {QStringLiteral("evidence"), QStringLiteral("checkpoint"), QStringLiteral("--store"), appUrl});
    QCOMPARE(teamNote.exitCode, 0);
    QCOMPARE(teamNote.out, localNote.out);
    // Checked by Go's note code with alice's key, and the blob came along (verify checks attachments).
    auto vkey = laptop({QStringLiteral("identity"), QStringLiteral("export-public"), QStringLiteral("alice"),
                        QStringLiteral("--vkey"), QStringLiteral("--store"), appUrl});
    QCOMPARE(vkey.exitCode, 0);
    QByteArray out;
    QVERIFY2(go({QStringLiteral("note"), QString::fromUtf8(vkey.out.trimmed()),
                 m_dir.write(QStringLiteral("migrated.note"), teamNote.out)},
                &out) == 0,
             out.constData());
    auto verify =
        colleague({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures"),
                   QStringLiteral("--json"), QStringLiteral("--store"), appUrl});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    QCOMPARE(parseJson(verify.out).find("events")->toInt(), events);
    // The team log goes on from the laptop's history: alice acts there through the application role,
    // and the old checkpoint is extended by the new one.
    RUN_OK(laptop({QStringLiteral("evidence"), QStringLiteral("attach"), capture, QStringLiteral("--scope"),
                   QStringLiteral("kl"), QStringLiteral("--store"), appUrl},
                  QStringLiteral("alice")));
    auto consistent =
        colleague({QStringLiteral("evidence"), QStringLiteral("consistency"),
                   m_dir.file(QStringLiteral("migrated.note")), QStringLiteral("--store"), appUrl});
    QVERIFY2(consistent.exitCode == 0, consistent.out.constData());
    // The local file is unchanged and still verifies.
    auto local = laptop({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--json"),
                         QStringLiteral("--store"), file});
    QCOMPARE(local.exitCode, 0);
    QCOMPARE(parseJson(local.out).find("events")->toInt(), events);

    // A second move into the now non-empty team log is refused and writes nothing.
    auto again = laptop({QStringLiteral("evidence"), QStringLiteral("migrate"), QStringLiteral("--to"),
                         ownerUrl, QStringLiteral("--store"), file});
    QCOMPARE(again.exitCode, 4);
    QVERIFY2(again.err.contains("not empty"), again.err.constData());
    // A local file someone edited with sqlite3 does not move: verify names it, nothing is written.
    const QString edited = m_dir.file(QStringLiteral("edited.sqlite"));
    QVERIFY(QFile::copy(file, edited));
    test::attack(edited, "UPDATE events SET scope='my' WHERE seq=2");
    auto other = m_server.freshDatabase();
    QVERIFY(other.ok());
    const QString otherUrl = m_server.url(other.value(), QStringLiteral("team_owner"));
    auto refused = laptop({QStringLiteral("evidence"), QStringLiteral("migrate"), QStringLiteral("--to"),
                           otherUrl, QStringLiteral("--store"), edited});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("does not verify"), refused.err.constData());
    auto conn = pg::Connection::connect(otherUrl);
    QVERIFY(conn.ok());
    auto tables = conn->query("SELECT COUNT(*)::bigint FROM pg_namespace WHERE nspname = 'opsconsole'");
    QVERIFY(tables.ok());
    QCOMPARE(tables->i64(0, 0), 0);

    // A console holding the search indexes' lock while the file moves in neither fails the
    // migration (it is committed) nor makes it spin: the move stands with a note, and searches read
    // the events past the indexed head themselves.
    auto third = m_server.freshDatabase();
    QVERIFY(third.ok());
    StoreOpenOptions create;
    create.create = true;
    auto target = PgEvidenceStore::open(m_server.url(third.value(), QStringLiteral("team_owner")), create,
                                        QStringLiteral("team_app"));
    QVERIFY2(target.ok(), target.ok() ? "" : qPrintable(target.error().message));
    auto holder = pg::Connection::connect(m_server.url(third.value(), QStringLiteral("team_app")));
    QVERIFY(holder.ok());
    QVERIFY(holder->exec("BEGIN; SELECT opsconsole.index_events(1)").ok());
    StoreOpenOptions readOnly;
    readOnly.readOnly = true;
    auto source = SqliteEvidenceStore::open(file, readOnly);
    QVERIFY(source.ok());
    auto adopted = target.value()->adopt(*source.value());
    QVERIFY2(adopted.ok(), adopted.ok() ? "" : qPrintable(adopted.error().message));
    QCOMPARE(static_cast<int>(adopted->events), events);
    QVERIFY2(adopted->indexNote.contains(QStringLiteral("another console")), qPrintable(adopted->indexNote));
    EventSearch byActor;
    byActor.text = QStringLiteral("bob");
    auto found = target.value()->countMatches(byActor);
    QVERIFY(found.ok());
    QVERIFY(found.value() >= 2);
    QVERIFY(holder->exec("ROLLBACK").ok());
    QCOMPARE(target.value()->countMatches(byActor).value(), found.value());
}

void TestPgStore::signedInWindowWitnessesAsTheLogGrows() {
    // The window's duty (StoreHost + TeamWitnessDuty, as AppContext wires them), driven by the
    // team log's notifications alone.
    Console alice = console(m_server, m_db, 1);
    QVERIFY(alice.store);
    Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(alice.store->registerIdentity(bob, {QStringLiteral("reviewer")}).ok());
    QVERIFY(alice.store->approveIdentity(m_admin, QStringLiteral("bob")).ok());
    TempDir state;
    StoreOpenOptions o;
    o.anchorDirectory = state.path();
    o.trust.witnessQuorum = 1;
    StoreHost host(m_server.url(m_db, QStringLiteral("team_app")), o);
    host.setPollIntervalMs(0);
    Session session;
    TeamWitnessDuty duty(&host, &session, state.path());
    QSignalSpy alarms(&duty, &TeamWitnessDuty::alarmRaised);
    QVERIFY(host.evidence());
    QVERIFY(host.isTeamLog());
    QTRY_VERIFY(host.isConnected());
    // Signing in is the first witness pass.
    session.unlockWith(std::move(bob));
    const quint64 first = alice.store->size().value();
    QTRY_COMPARE(duty.witnessedSize(), first);
    // alice's acts arrive by notification; each new checkpoint is cosigned by bob's window.
    QVERIFY(alice.store->append(m_admin, {ev(QStringLiteral("test.note"), 1)}).ok());
    QVERIFY(alice.store->append(m_admin, {ev(QStringLiteral("test.note"), 2)}).ok());
    const quint64 grown = alice.store->size().value();
    QTRY_COMPARE(duty.witnessedSize(), grown);
    auto witnesses = alice.store->witnessesOf(alice.store->latestCheckpoint().value());
    QVERIFY(witnesses.ok());
    QCOMPARE(witnesses.value(), QStringList{QStringLiteral("bob")});
    QVERIFY(duty.problem().isEmpty());
    // A superuser rewrites an event the window has not seen yet: the next pass raises the alarm.
    QVERIFY(alice.store->append(m_admin, {ev(QStringLiteral("test.note"), 1)}).ok());
    auto su = m_server.admin(m_db);
    QVERIFY(su.ok());
    QVERIFY(su->exec("SET session_replication_role = replica").ok());
    QVERIFY(su->run("UPDATE opsconsole.events SET canonical = convert_to(replace(convert_from(canonical, "
                    "'UTF8'), '\"i\":1', '\"i\":7'), 'UTF8') WHERE seq = $1",
                    pg::Params().i64(static_cast<qint64>(grown + 1)))
                .ok());
    QTRY_COMPARE(alarms.count(), 1);
    QVERIFY2(alarms.at(0).at(0).toString().contains(QStringLiteral("rewritten")),
             qPrintable(alarms.at(0).at(0).toString()));
    QVERIFY(duty.alarm().contains(QStringLiteral("rewritten")));
    QCOMPARE(duty.witnessedSize(), grown); // it vouched for nothing after
}

void TestPgStore::pipelineIsAllOrNothing() {
    auto su = m_server.admin(m_db);
    QVERIFY(su.ok());
    pg::Connection &c = su.value();
    QVERIFY(c.exec("CREATE TABLE pipe(id bigint PRIMARY KEY, note text)").ok());
    // A statement the server refuses in the middle: nothing before it stays, nothing after it runs.
    {
        auto tx = pg::Transaction::pipelined(c);
        pg::RowBatch rows("INSERT INTO pipe(id, note) VALUES ", 2);
        rows.row().i64(1).text(QStringLiteral("one"));
        rows.row().i64(2).text(QStringLiteral("two"));
        pg::Pipeline p;
        p.add("BEGIN");
        rows.moveTo(p);
        QCOMPARE(rows.rows(), 0);
        p.add("INSERT INTO pipe(id, note) VALUES ($1, $2)", pg::Params().i64(1).text(QStringLiteral("dup")));
        p.add("INSERT INTO pipe(id, note) VALUES (3, 'three')");
        p.add("COMMIT");
        auto r = c.run(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("duplicate key")), qPrintable(r.error().message));
        QCOMPARE(c.lastState(), QStringLiteral("23505"));
    }
    auto count = c.query("SELECT COUNT(*)::bigint FROM pipe");
    QVERIFY2(count.ok(), qPrintable(count.ok() ? QString() : count.error().toString()));
    QCOMPARE(count->i64(0, 0), 0);
    // The same statements succeed as a whole, each answering in order (a statement twice in one
    // pipeline, prepared once).
    pg::Pipeline ok;
    ok.add("BEGIN");
    ok.add("INSERT INTO pipe(id, note) VALUES ($1, $2)", pg::Params().i64(1).text(QStringLiteral("one")));
    ok.add("INSERT INTO pipe(id, note) VALUES ($1, $2)", pg::Params().i64(2).text(QStringLiteral("two")));
    ok.add("SELECT note FROM pipe ORDER BY id");
    ok.add("COMMIT");
    auto done = c.run(ok);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    QCOMPARE(static_cast<int>(done->size()), 5);
    QCOMPARE(done->at(3).count(), 2);
    QCOMPARE(done->at(3).text(1, 0), QStringLiteral("two"));
    // A new session after the server dropped this one: statements prepared in the old one are
    // prepared again rather than named into the void.
    auto other = m_server.admin(m_db);
    QVERIFY(other.ok());
    auto pid = c.query("SELECT pg_backend_pid()::bigint");
    QVERIFY(pid.ok());
    QVERIFY(other->run("SELECT pg_terminate_backend($1::int)", pg::Params().i64(pid->i64(0, 0))).ok());
    QVERIFY(!c.query("SELECT note FROM pipe ORDER BY id").ok());
    QVERIFY(c.reset());
    auto again = c.query("SELECT note FROM pipe ORDER BY id");
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again->count(), 2);
}

void TestPgStore::serverCrashLosesNoAcknowledgedAct() {
    // A server of its own: the shared one serves the other tests meanwhile.
    OwnPgCluster cluster(m_dir.file(QStringLiteral("crash-state")));
    QVERIFY2(cluster.server.problem.isEmpty(), qPrintable(cluster.server.problem));
    const PgServer &own = cluster.server;
    auto db = own.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    const QString url = own.url(db.value(), QStringLiteral("team_app"));
    {
        StoreOpenOptions o;
        o.create = true;
        auto created = PgEvidenceStore::open(own.url(db.value(), QStringLiteral("team_owner")), o,
                                             QStringLiteral("team_app"));
        QVERIFY(created.ok());
        QVERIFY(created.value()->registerIdentity(m_admin, {QStringLiteral("operator")}).ok());
    }
    auto console = PgEvidenceStore::open(url);
    QVERIFY(console.ok());
    const QString alicePem = m_dir.write(QStringLiteral("alice-crash.pem"), m_admin.key.unencryptedPem());
    // Two writers appending without pause; the server goes down under them (no checkpoint, no
    // goodbye), as a power cut would.
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int w = 0; w < 2; ++w) {
        auto p = std::make_unique<QProcess>();
        p->start(ProgramRunner::binary(QStringLiteral("opsconsole-test-appender")),
                 {url, alicePem, QStringLiteral("alice"), QStringLiteral("-1"), QString::number(1 + w)});
        QVERIFY(p->waitForStarted());
        writers.push_back(std::move(p));
    }
    QByteArray out[2];
    for (int w = 0; w < 2; ++w)
        QTRY_VERIFY_WITH_TIMEOUT((out[w] += writers[w]->readAllStandardOutput()).count("ack ") >= 5, 120000);
    QVERIFY(cluster.crash());
    QSet<quint64> acked;
    for (int w = 0; w < 2; ++w) {
        QVERIFY(writers[w]->waitForFinished(120000));
        QVERIFY2(writers[w]->exitCode() != 0, "a writer went on without its server");
        out[w] += writers[w]->readAllStandardOutput();
        for (const QByteArray &line : out[w].split('\n'))
            if (line.startsWith("ack "))
                acked.insert(line.mid(4).toULongLong());
    }
    // While it is down: a clear error, nothing pretends to have been written.
    auto down = console.value()->append(m_admin, {ev(QStringLiteral("test.note"))});
    QVERIFY(!down.ok());
    QVERIFY2(down.error().message.contains(QStringLiteral("unreachable")), qPrintable(down.error().message));
    QVERIFY(!console.value()->isConnected());
    // Back up (recovered from its WAL): every acknowledged act is there, the log verifies, and the
    // console carries on after reconnecting.
    QVERIFY(cluster.restart());
    QVERIFY(console.value()->reconnect().ok());
    const quint64 n = console.value()->size().value();
    for (quint64 seq : std::as_const(acked))
        QVERIFY2(seq <= n && console.value()->event(seq).ok(), "an acknowledged act was lost");
    auto report = console.value()->verify(VerifyOptions(true));
    QVERIFY2(report.ok() && report->intact,
             qPrintable(report.ok() ? report->reason : report.error().message));
    auto next = console.value()->append(m_admin, {ev(QStringLiteral("test.note"))});
    QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
    QCOMPARE(next->first().seq, n + 1);
}

void TestPgStore::forgedHeadCheckpointIsVerifiedNotRemembered() {
    // This console signed the head checkpoint last, so its next append does not verify those bytes
    // again. A superuser who swaps the signature (or the note) under it changes the bytes: the
    // append verifies them and refuses.
    auto s = openApp();
    QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"), 1)}).ok());
    QVERIFY(s->append(m_admin, {ev(QStringLiteral("test.note"), 2)}).ok());
    const quint64 n = s->size().value();
    auto su = m_server.admin(m_db);
    QVERIFY(su.ok());
    QVERIFY(su->exec("SET session_replication_role = replica").ok());
    const QByteArray flip =
        QStringLiteral("UPDATE opsconsole.checkpoints SET signature = "
                       "overlay(signature placing decode(CASE WHEN get_byte(signature, 10) = 0 "
                       "THEN '01' ELSE '00' END, 'hex') from 11 for 1) WHERE size = %1")
            .arg(n)
            .toUtf8();
    QVERIFY(su->exec(flip.constData()).ok());
    auto refused = s->append(m_admin, {ev(QStringLiteral("test.note"), 3)});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("not signed by an identity that could sign it")),
             qPrintable(refused.error().message));
    QCOMPARE(s->size().value(), n);
}

// The Evidence panel's searches on the team log: the same events in a local file and in the team
// log, and every search (filters, full words of the search grammar, sort orders, both directions,
// key-paged in small pages) finds the same positions in the same order on both, and counts them
// the same; bad search text is refused by both.
void TestPgStore::searchesMatchTheLocalFile() {
    auto team = openApp();
    QVERIFY(team);
    TempDir dir;
    StoreOpenOptions create;
    create.create = true;
    auto local = SqliteEvidenceStore::open(dir.file(QStringLiteral("same.sqlite")), create);
    QVERIFY(local.ok());
    const Signer bob = makeSigner(QStringLiteral("bob"));
    const auto both = [&](const std::function<Result<QList<StoredEvent>>(EvidenceStore &)> &act) {
        auto a = act(*team);
        auto b = act(*local.value());
        if (!a.ok() || !b.ok())
            qWarning("team log: %s; file: %s", qPrintable(a.ok() ? QString() : a.error().toString()),
                     qPrintable(b.ok() ? QString() : b.error().toString()));
        return a.ok() && b.ok() && a->size() == b->size();
    };
    QVERIFY(local.value()
                ->registerIdentity(m_admin, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
                .ok());
    QVERIFY(both([&](EvidenceStore &st) -> Result<QList<StoredEvent>> {
        auto r = st.registerIdentity(bob, {QStringLiteral("reviewer")});
        if (!r.ok())
            return r.error();
        auto a = st.approveIdentity(m_admin, QStringLiteral("bob"));
        if (!a.ok())
            return a.error();
        return QList<StoredEvent>{r.value(), a.value()};
    }));
    const QStringList kinds{QStringLiteral("test.opened"), QStringLiteral("test.decision"),
                            QStringLiteral("memo.note"), QStringLiteral("note.added")};
    const QStringList scopes{QStringLiteral("kl"), QStringLiteral("my"), QStringLiteral("pg")};
    const QStringList words{QStringLiteral("resolver timeout on edge"), QStringLiteral("stale pack rebuilt"),
                            QStringLiteral("publisher blocked again"), QStringLiteral("rollback drill done")};
    const qint64 base = Time::nowMs() - 20000; // within the clock-skew tolerance of the latest time
    for (int i = 0; i < 60; ++i) {
        NewEvent e;
        e.kind = kinds.at(i % kinds.size());
        e.scope = scopes.at(i % scopes.size());
        e.payload["note"] = words.at((i / 2) % words.size());
        e.payload["incident"] = QStringLiteral("INC-%1").arg(1000 + i % 5);
        e.payload["i"] = i;
        e.tsMs = base + (i % 7) * 1000 + i; // times out of sequence order
        const Signer &who = i % 3 == 0 ? bob : m_admin;
        QVERIFY(both([&](EvidenceStore &st) { return st.append(who, {e}); }));
    }
    // Words beyond ASCII: searched through the word index as well, with the same results.
    for (const QString &note : {QStringLiteral("Prüfung bestanden"), QStringLiteral("Größe geprüft"),
                                QStringLiteral("prüfen später")}) {
        NewEvent e;
        e.kind = QStringLiteral("note.added");
        e.scope = QStringLiteral("pg");
        e.payload["note"] = note;
        QVERIFY(both([&](EvidenceStore &st) { return st.append(m_admin, {e}); }));
    }
    // An event whose text holds an escaped NUL (an outside label can): searches go on working.
    {
        NewEvent e;
        e.kind = QStringLiteral("note.added");
        e.scope = QStringLiteral("kl");
        e.payload["note"] =
            QString(QStringLiteral("label with a nul") + QChar(0) + QStringLiteral(" inside"));
        e.payload["incident"] = QStringLiteral("INC-10031");
        QVERIFY(both([&](EvidenceStore &st) { return st.append(m_admin, {e}); }));
    }
    QCOMPARE(team->size().value(), local.value()->size().value());

    QList<EventSearch> searches;
    const auto add = [&](const std::function<void(EventSearch &)> &f) {
        EventSearch s;
        f(s);
        searches << s;
    };
    add([](EventSearch &) {});
    add([](EventSearch &s) { s.kind = QStringLiteral("test.decision"); });
    add([](EventSearch &s) { s.kindPrefix = QStringLiteral("test."); });
    add([](EventSearch &s) { s.scope = QStringLiteral("my"); });
    add([](EventSearch &s) { s.actor = QStringLiteral("bob"); });
    add([](EventSearch &s) { s.ref = QStringLiteral("inc-1003"); });
    add([&](EventSearch &s) {
        s.fromMs = base + 2000;
        s.toMs = base + 5000;
    });
    add([](EventSearch &s) { s.text = QStringLiteral("stale"); });
    add([](EventSearch &s) { s.text = QStringLiteral("resolver OR publisher"); });
    add([](EventSearch &s) { s.text = QStringLiteral("\"rollback drill\""); });
    add([](EventSearch &s) { s.text = QStringLiteral("blocked NOT publisher"); });
    add([](EventSearch &s) { s.text = QStringLiteral("(stale OR drill) AND kl"); });
    // Tokens, not substrings: INC-1003 is not INC-10031; a prefix matches the start of a token.
    add([](EventSearch &s) { s.text = QStringLiteral("INC-1003"); });
    add([](EventSearch &s) { s.text = QStringLiteral("reb*"); });
    add([](EventSearch &s) { s.text = QStringLiteral("ebuilt"); });
    add([](EventSearch &s) { s.text = QStringLiteral("\"note stale\""); });
    add([](EventSearch &s) { s.text = QStringLiteral("nul inside"); });
    add([](EventSearch &s) { s.text = QStringLiteral("Prüfung"); });
    add([](EventSearch &s) { s.text = QStringLiteral("prüf*"); });
    add([](EventSearch &s) { s.text = QStringLiteral("Größe OR stale"); });
    add([](EventSearch &s) { s.text = QStringLiteral("\"Größe geprüft\""); });
    add([](EventSearch &s) { s.text = QStringLiteral("später NOT Prüfung"); });
    // FTS5's precedence: side-by-side terms bind tighter than NOT.
    add([](EventSearch &s) { s.text = QStringLiteral("pack NOT stale rebuilt"); });
    add([](EventSearch &s) { s.text = QStringLiteral("(stale) pack OR drill NOT done"); });
    add([](EventSearch &s) {
        s.text = QStringLiteral("timeout");
        s.scope = QStringLiteral("kl");
        s.actor = QStringLiteral("alice");
    });
    const QList<EventSort> sorts{EventSort::Seq, EventSort::Time, EventSort::Kind, EventSort::Scope,
                                 EventSort::Actor};
    int compared = 0;
    for (EventSearch s : searches)
        for (EventSort sort : sorts)
            for (bool descending : {true, false}) {
                s.sort = sort;
                s.descending = descending;
                const auto all = [&](const EventBrowser &b) {
                    QList<quint64> seqs;
                    std::optional<SearchCursor> cursor;
                    for (int guard = 0; guard < 100; ++guard) {
                        auto page = b.searchPage(s, cursor, 7); // small pages: the cursor is exercised
                        if (!page.ok())
                            qFatal("%s", qPrintable(page.error().toString()));
                        seqs += page->seqs;
                        if (!page->next)
                            break;
                        cursor = page->next;
                    }
                    return seqs;
                };
                const QList<quint64> onTeam = all(*team), onFile = all(*local.value());
                QVERIFY2(onTeam == onFile,
                         qPrintable(QStringLiteral("kind=%1 scope=%2 actor=%3 ref=%4 text=%5 "
                                                   "sort=%6 desc=%7: %8 on the team log, %9 "
                                                   "in the file")
                                        .arg(s.kind, s.scope, s.actor, s.ref, s.text)
                                        .arg(int(sort))
                                        .arg(descending)
                                        .arg(onTeam.size())
                                        .arg(onFile.size())));
                auto counted = team->countMatches(s);
                QVERIFY2(counted.ok(), counted.ok() ? "" : qPrintable(counted.error().toString()));
                QCOMPARE(counted.value(), local.value()->countMatches(s).value());
                ++compared;
            }
    QCOMPARE(compared, searches.size() * 10);
    // Rows read the same (the panel's table).
    const QList<quint64> some{5, 3, 40};
    const QList<EventRow> teamRows = team->rows(some).value(), fileRows = local.value()->rows(some).value();
    QCOMPARE(teamRows.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(teamRows.at(i).seq, fileRows.at(i).seq);
        QCOMPARE(teamRows.at(i).kind, fileRows.at(i).kind);
        QCOMPARE(teamRows.at(i).actor, fileRows.at(i).actor);
        QCOMPARE(teamRows.at(i).summary, fileRows.at(i).summary);
    }
    // The ids an event names, and the events related through them (the Evidence panel's related
    // list), the same on both, an event appended after the searches among them.
    NewEvent later;
    later.kind = QStringLiteral("note.added");
    later.scope = QStringLiteral("kl");
    later.payload["incident"] = QStringLiteral("INC-1002");
    QVERIFY(both([&](EvidenceStore &st) { return st.append(m_admin, {later}); }));
    const quint64 head = team->size().value();
    int related = 0;
    for (quint64 seq = 1; seq <= head; ++seq) {
        auto refs = team->refsOf(seq);
        QVERIFY2(refs.ok(), refs.ok() ? "" : qPrintable(refs.error().toString()));
        QCOMPARE(refs.value(), local.value()->refsOf(seq).value());
        auto relatedOnTeam = team->relatedEvents(seq, 50);
        QVERIFY2(relatedOnTeam.ok(), relatedOnTeam.ok() ? "" : qPrintable(relatedOnTeam.error().toString()));
        const QList<quint64> onTeam = relatedOnTeam.value();
        QCOMPARE(onTeam, local.value()->relatedEvents(seq, 50).value());
        related += onTeam.contains(head) ? 1 : 0;
    }
    QCOMPARE(related, 12); // the twelve INC-1002 events before it
    QCOMPARE(team->refsOf(head).value(), QStringList{QStringLiteral("INC-1002")});

    // A position with no event is left out, the rest keep the order asked for.
    const QList<quint64> withHole{40, 999999, 2};
    QCOMPARE(team->rows(withHole).value().size(), 2);
    QCOMPARE(team->rows(withHole).value().at(0).seq, quint64(40));
    QCOMPARE(team->rows(withHole).value().at(1).seq, quint64(2));
    for (bool descending : {false, true}) {
        const QList<EventRow> a = team->rowsBetween(3, 30, descending).value(),
                              b = local.value()->rowsBetween(3, 30, descending).value();
        QCOMPARE(a.size(), 28);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a.at(i).seq, b.at(i).seq);
            QCOMPARE(a.at(i).summary, b.at(i).summary);
        }
    }
    QVERIFY(!team->distinctValues(EventSort::Time).ok());
    QVERIFY(!local.value()->distinctValues(EventSort::Seq).ok());
    QCOMPARE(team->distinctValues(EventSort::Kind).value(),
             local.value()->distinctValues(EventSort::Kind).value());
    QCOMPARE(team->distinctValues(EventSort::Actor).value(),
             local.value()->distinctValues(EventSort::Actor).value());
    // Bad search text is refused by both, naming what is wrong; an injection attempt is only text.
    QVERIFY(!team->checkSearchText(QStringLiteral("(stale")).ok());
    QVERIFY(!local.value()->checkSearchText(QStringLiteral("(stale")).ok());
    EventSearch injection;
    injection.text = QStringLiteral("x' OR 1=1; DROP TABLE opsconsole.events; --");
    auto injected = team->countMatches(injection);
    QVERIFY2(injected.ok(), injected.ok() ? "" : qPrintable(injected.error().toString()));
    QCOMPARE(injected.value(), local.value()->countMatches(injection).value());
    QCOMPARE(team->size().value(), local.value()->size().value());
}

// A search that cannot finish (here: behind a lock another session holds on the events table, as
// a long scan of a huge log would be) ends at the time limit with an error saying so; the table
// model keeps it as its failure (never an empty list that looks like "no matches"); the
// connection stays usable and the same search succeeds once the lock is gone.
// What the word index narrows a search to before the exact match: every event the search matches
// satisfies it (searchesMatchTheLocalFile checks the results), and OR, NOT and parentheses narrow
// too; what the index cannot decide (non-ASCII terms, what NOT excludes) matches everything there.
void TestPgStore::searchesNarrowedByTheWordIndex() {
    const auto q = [](const char *text) { return PgEventIndex::wordIndexQuery(QString::fromUtf8(text)); };
    QCOMPARE(q("stale pack"), QStringLiteral("('stale' & 'pack')"));
    QCOMPARE(q("resolver OR publisher"), QStringLiteral("('resolver' | 'publisher')"));
    QCOMPARE(q("\"rollback drill\""), QStringLiteral("('rollback' & 'drill')"));
    QCOMPARE(q("reb*"), QStringLiteral("'reb':*"));
    QCOMPARE(q("blocked NOT publisher"), QStringLiteral("'blocked'"));
    QCOMPARE(q("(stale OR drill) AND kl"), QStringLiteral("(('stale' | 'drill') & 'kl')"));
    QCOMPARE(q("pack NOT stale rebuilt"), QStringLiteral("'pack'"));
    QCOMPARE(q("(stale) pack OR drill NOT done"), QStringLiteral("(('stale' & 'pack') | 'drill')"));
    QCOMPARE(q("INC-1003"), QStringLiteral("('inc' & '1003')"));
    // Letters that fold to an ASCII letter are folded (as the file's index folds them): "Prüfung",
    // "PRÜFUNG" and "Prufung" are the token "prufung", a combining mark inside a word is dropped.
    // Letters that do not fold separate tokens, on every server (the "C" collation): "Straße" is
    // the tokens "stra e". A term with no token narrows nothing.
    QCOMPARE(q("Prüfung stale"), QStringLiteral("('prufung' & 'stale')"));
    QCOMPARE(q("PRÜFUNG OR stale"), QStringLiteral("('prufung' | 'stale')"));
    QCOMPARE(q("Pru\xcc\x88"
               "fung"),
             QStringLiteral("'prufung'"));
    QCOMPARE(q("prüf*"), QStringLiteral("'pruf':*"));
    QCOMPARE(q("Straße"), QStringLiteral("('stra' & 'e')"));
    QCOMPARE(q("ü OR stale"), QStringLiteral("('u' | 'stale')"));
    QCOMPARE(q("ß OR stale"), std::optional<QString>());
    QCOMPARE(q("ø'x\\y"), QStringLiteral("('x' & 'y')"));
    QCOMPARE(q("NOT stale"), std::optional<QString>());
    QCOMPARE(q(""), std::optional<QString>());
    // Parentheses nested deeper than the narrowing follows: no narrowing (the exact match decides),
    // and no recursion as deep as the text.
    QCOMPARE(PgEventIndex::wordIndexQuery(QString(20000, QLatin1Char('(')) + QStringLiteral("stale") +
                                          QString(20000, QLatin1Char(')'))),
             std::optional<QString>());
    QCOMPARE(PgEventIndex::wordIndexQuery(QString(8, QLatin1Char('(')) + QStringLiteral("stale") +
                                          QString(8, QLatin1Char(')'))),
             QStringLiteral("'stale'"));
    // A word longer than the index keeps is matched as the prefix it keeps.
    const QString longWord(300, QLatin1Char('a'));
    QCOMPARE(PgEventIndex::wordIndexQuery(longWord),
             QLatin1Char('\'') + QString(250, QLatin1Char('a')) + QStringLiteral("':*"));
}

// A team log whose database has a UTF-8 locale, as a deployment's would: its words split as on the
// tests' C cluster (the events' text and the search's terms both under the "C" collation), so a
// search with letters beyond ASCII finds through the word index what the file finds. (Before, the
// terms were split by the database's locale and the events' text was not: such a search found
// nothing there.)
void TestPgStore::wordsBeyondAsciiOnAUtf8Database() {
    auto db = m_server.freshDatabase(QStringLiteral("team_owner"), QStringLiteral("team_app"),
                                     QStringLiteral("C.UTF-8"));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    StoreOpenOptions o;
    o.create = true;
    auto team = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_owner")), o,
                                      QStringLiteral("team_app"));
    QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error().toString()));
    TempDir dir;
    auto local = SqliteEvidenceStore::open(dir.file(QStringLiteral("same.sqlite")), o);
    QVERIFY(local.ok());
    for (EvidenceStore *st :
         {static_cast<EvidenceStore *>(team->get()), static_cast<EvidenceStore *>(local->get())}) {
        QVERIFY(st->registerIdentity(m_admin, {QStringLiteral("operator")}).ok());
        for (const QString &note : {QStringLiteral("Prüfung bestanden"), QStringLiteral("GRÖSSE geprüft"),
                                    QStringLiteral("stale pack"), QStringLiteral("prüfen später"),
                                    QStringLiteral("Straße Łódź gesperrt")}) {
            NewEvent e;
            e.kind = QStringLiteral("note.added");
            e.scope = QStringLiteral("kl");
            e.payload["note"] = note;
            QVERIFY(st->append(m_admin, {e}).ok());
        }
    }
    const PgEventIndex &index = team.value()->index();
    for (const QString &text : {QStringLiteral("PRÜFUNG"), QStringLiteral("prüf*"), QStringLiteral("Grösse"),
                                QStringLiteral("grösse OR stale"), QStringLiteral("\"grösse geprüft\""),
                                QStringLiteral("später NOT prüfung"), QStringLiteral("Prufung"),
                                QStringLiteral("PRUFUNG OR nothing"), QStringLiteral("grosse"),
                                QStringLiteral("\"grosse gepruft\""), QStringLiteral("prufen NOT Prüfung"),
                                QStringLiteral("Straße"), QStringLiteral("Łódź")}) {
        EventSearch s;
        s.text = text;
        auto onTeam = index.searchPage(s, std::nullopt, 50);
        auto onFile = local.value()->searchPage(s, std::nullopt, 50);
        QVERIFY2(onTeam.ok(), qPrintable(onTeam.ok() ? QString() : onTeam.error().toString()));
        QVERIFY(onFile.ok());
        QVERIFY2(!onTeam->seqs.isEmpty(), qPrintable(text));
        QCOMPARE(onTeam->seqs, onFile->seqs);
    }
    // ß is not ss to either index.
    EventSearch none;
    none.text = QStringLiteral("strasse");
    QVERIFY(index.searchPage(none, std::nullopt, 50)->seqs.isEmpty());
    QVERIFY(local.value()->searchPage(none, std::nullopt, 50)->seqs.isEmpty());
}

// A team log of schema version 3, whose word index holds words unfolded ("pr fung"), is migrated
// to version 4 by its owner: the index is built again folded, so "Prufung" finds through it what
// "Prüfung" finds, and the application role still reads it.
void TestPgStore::aVersion3LogIsIndexedAgainFolded() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    StoreOpenOptions o;
    o.create = true;
    {
        auto team = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_owner")), o,
                                          QStringLiteral("team_app"));
        QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error().toString()));
        QVERIFY(team.value()->registerIdentity(m_admin, {QStringLiteral("operator")}).ok());
        for (const QString &note : {QStringLiteral("Prüfung bestanden"), QStringLiteral("stale pack")}) {
            NewEvent e;
            e.kind = QStringLiteral("note.added");
            e.scope = QStringLiteral("kl");
            e.payload["note"] = note;
            QVERIFY(team.value()->append(m_admin, {e}).ok());
        }
    }
    // The log as version 3 left it: its words unfolded, its indexing function without folding, no
    // folding function, the schema at 3 (the owner's triggers set aside for the rewind).
    auto admin = m_server.admin(db.value());
    QVERIFY(admin.ok());
    const std::string rewind =
        "BEGIN; SET LOCAL session_replication_role = replica; SELECT opsconsole.index_events(100000); "
        "DROP TABLE opsconsole.event_words; CREATE TABLE opsconsole.event_words(seq bigint PRIMARY KEY, "
        "words tsvector NOT NULL); CREATE INDEX event_words_words ON opsconsole.event_words USING "
        "gin(words); "
        "GRANT SELECT ON opsconsole.event_words TO team_app; "
        "INSERT INTO opsconsole.event_words(seq, words) SELECT w.seq, array_to_tsvector(ARRAY(SELECT "
        "DISTINCT left(t, 250) FROM unnest(string_to_array(btrim(w.doc), ' ')) t)) FROM (" +
        pg::wordsSelect("(SELECT seq, kind, scope, actor, canonical FROM opsconsole.events) src", false) +
        ") w; " + pg::indexEventsFunctionSql(false) +
        " ALTER FUNCTION opsconsole.index_events(bigint) OWNER TO team_owner; DROP FUNCTION "
        "opsconsole.fold_words(text); DELETE FROM opsconsole.schema_migrations WHERE version = 4; COMMIT;";
    QVERIFY2(admin->exec(rewind.c_str()).ok(), "rewind to version 3");
    const auto hasWord = [&](const char *word) {
        const std::string sql =
            std::string("SELECT count(*)::bigint FROM opsconsole.event_words WHERE words @@ '") + word +
            "'::tsquery";
        auto r = admin->query(sql.c_str());
        return r.ok() ? r->i64(0, 0) : qint64(-1);
    };
    QCOMPARE(hasWord("pr & fung"), qint64(1));
    QCOMPARE(hasWord("prufung"), qint64(0));
    // A console of this version does not work on it until its owner migrates it.
    auto early = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_app")));
    QVERIFY(!early.ok());
    QVERIFY(early.error().message.contains(QStringLiteral("version 3")));
    {
        auto migrated = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_owner")), o);
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
    }
    QCOMPARE(hasWord("prufung"), qint64(1));
    QCOMPARE(hasWord("pr & fung"), qint64(0));
    auto app = PgEvidenceStore::open(m_server.url(db.value(), QStringLiteral("team_app")));
    QVERIFY2(app.ok(), qPrintable(app.ok() ? QString() : app.error().toString()));
    for (const QString &text :
         {QStringLiteral("Prufung"), QStringLiteral("PRÜFUNG"), QStringLiteral("pruf*")}) {
        EventSearch s;
        s.text = text;
        auto found = app.value()->index().searchPage(s, std::nullopt, 50);
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().toString()));
        QCOMPARE(found->seqs.size(), 1);
    }
    QVERIFY(app.value()->verify({}).value().intact);
}

void TestPgStore::aSearchGivesUpRatherThanHang() {
    auto team = openApp();
    QVERIFY(team);
    NewEvent e;
    e.kind = QStringLiteral("note.added");
    e.scope = QStringLiteral("kl");
    e.payload["note"] = QStringLiteral("resolver timeout on edge");
    QVERIFY(team->append(m_admin, {e}).ok());
    team->setSearchTimeoutMs(300);
    EventSearch s;
    s.text = QStringLiteral("resolver");

    auto blocker = m_server.admin(m_db);
    QVERIFY2(blocker.ok(), blocker.ok() ? "" : qPrintable(blocker.error().toString()));
    QVERIFY(blocker->exec("BEGIN; LOCK TABLE opsconsole.events IN ACCESS EXCLUSIVE MODE").ok());
    auto counted = team->countMatches(s);
    QVERIFY(!counted.ok());
    QCOMPARE(counted.error().id, QStringLiteral("search.timeout"));
    QCOMPARE(counted.error().args, QStringList{QStringLiteral("0.3")});
    QVERIFY2(counted.error().message.contains(QStringLiteral("gave up after 0.3 s")),
             qPrintable(counted.error().message));
    auto page = team->searchPage(s, std::nullopt, 50);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().id, QStringLiteral("search.timeout"));
    EventTableModel model;
    model.setLog(team.get());
    QVERIFY(model.setSearch(s).ok());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.failure().has_value());
    QCOMPARE(model.failure()->id, QStringLiteral("search.timeout"));

    // As the Evidence panel runs it: off this thread, on a connection of its own. While the server
    // cannot answer, the model says it is searching and this thread goes on; a newer search stops
    // the waiting one at once (its statement cancelled on the server, not left to wait for the
    // lock) and only the newer one's rows arrive.
    const QString appUrl = m_server.url(m_db, QStringLiteral("team_app"));
    BackgroundSearch searcher([appUrl]() -> Result<std::unique_ptr<EventBrowser>> {
        auto opened = PgEvidenceStore::open(appUrl);
        if (!opened.ok())
            return opened.error();
        return std::unique_ptr<EventBrowser>(std::move(opened).value());
    });
    EventTableModel live;
    live.setPageReader([&searcher](const EventSearch &q, const std::optional<SearchCursor> &after, int limit,
                                   std::function<void(Result<SearchPage>)> done) {
        searcher.request(q, after, limit, std::move(done));
    });
    live.setLog(team.get());
    QVERIFY(live.setSearch(s).ok());
    QVERIFY(live.isSearching());
    // Asked on a connection outside any transaction: a transaction sees one snapshot of the
    // server's activity.
    auto watcher = m_server.admin(m_db);
    QVERIFY(watcher.ok());
    const auto waiting = [&watcher]() -> double {
        auto r = watcher->query("SELECT extract(epoch FROM query_start)::float8::text FROM pg_stat_activity "
                                "WHERE wait_event_type = 'Lock'");
        return r.ok() && r->count() == 1 ? r->text(0, 0).toDouble() : 0.0;
    };
    QTRY_VERIFY(waiting() > 0);
    const double first = waiting();
    EventSearch decisions;
    decisions.kind = e.kind;
    QVERIFY(live.setSearch(decisions).ok());
    QTRY_VERIFY(waiting() > first); // the first statement ended while the lock is still held
    QVERIFY(live.isSearching());
    QCOMPARE(live.rowCount(), 0);

    QVERIFY(blocker->exec("ROLLBACK").ok());
    QTRY_VERIFY(!live.isSearching());
    QVERIFY(!live.failure().has_value());
    QCOMPARE(live.rowCount(), 1);
    QCOMPARE(live.data(live.index(0, EventTableModel::Kind)).toString(), e.kind);
    counted = team->countMatches(s);
    QVERIFY2(counted.ok(), counted.ok() ? "" : qPrintable(counted.error().toString()));
    QCOMPARE(counted.value(), 1);
    model.refresh();
    QVERIFY(!model.failure().has_value());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(team->append(m_admin, {e}).ok()); // the connection was left clean
    QCOMPARE(team->countMatches(s).value(), 2);
    live.refresh();
    QTRY_COMPARE(live.rowCount(), 2);
}

// The ids events name are indexed when a search by id needs them (whoever appended the events,
// the append itself pays nothing), and a team log made before the index existed gets it filled when
// its owner migrates it: a log taken back to the previous schema (by a superuser, bypassing the
// append-only triggers) and migrated again answers id searches as before, from the index.
void TestPgStore::idIndexIsKeptAndBackfilled() {
    auto team = openApp();
    QVERIFY(team);
    for (int i = 0; i < 12; ++i) {
        NewEvent e = ev(i % 4 == 0 ? QStringLiteral("incident.opened") : QStringLiteral("test.note"), i);
        e.payload["incident"] = QStringLiteral("INC-%1").arg(100 + i % 3);
        if (i % 5 == 0)
            e.payload["record"]["id"] = QStringLiteral("REC-%1").arg(i);
        QVERIFY(team->append(m_admin, {e}).ok());
    }
    auto admin = m_server.admin(m_db);
    QVERIFY(admin.ok());
    const auto indexRows = [&]() -> qint64 {
        auto r = admin->query("SELECT count(*) FROM opsconsole.event_refs");
        return r.ok() ? r->i64(0, 0) : -1;
    };
    const auto matches = [&](const QString &ref) -> qint64 {
        EventSearch s;
        s.ref = ref;
        auto n = team->countMatches(s);
        return n.ok() ? n.value() : -1;
    };
    const auto said = [&](const QString &text) -> qint64 {
        EventSearch s;
        s.text = text;
        auto n = team->countMatches(s);
        return n.ok() ? n.value() : -1;
    };
    const auto wordRows = [&]() -> qint64 {
        auto r = admin->query("SELECT count(*) FROM opsconsole.event_words");
        return r.ok() ? r->i64(0, 0) : -1;
    };
    QCOMPARE(indexRows(), 0); // appends do not index; a search moves the indexes on by a chunk
    team->setIndexChunk(5);   // and reads the events past it itself: the answers are whole
    QCOMPARE(matches(QStringLiteral("INC-100")), 4);
    QCOMPARE(said(QStringLiteral("inc-100")), 4);
    QCOMPARE(wordRows(), 10);
    team->setIndexChunk(10000);
    const QList<qint64> before{matches(QStringLiteral("INC-100")), matches(QStringLiteral("inc-101")),
                               matches(QStringLiteral("REC-5")), matches(QStringLiteral("INC-999"))};
    const qint64 indexed = indexRows();
    QVERIFY(indexed >= 12);
    QCOMPARE(wordRows(), team->size().value()); // every event's words, from the same catch-up
    const QList<qint64> saidBefore{said(QStringLiteral("inc-100")), said(QStringLiteral("rec-5 inc")),
                                   said(QStringLiteral("incident opened")), said(QStringLiteral("rec*"))};
    QCOMPARE(saidBefore.at(0), 4);
    QCOMPARE(saidBefore.at(1), 1);
    QCOMPARE(before.at(0), 4);
    QCOMPARE(before.at(1), 4);
    QCOMPARE(before.at(2), 1);
    QCOMPARE(before.at(3), 0);

    // Back to schema 2, as a log made before the index.
    QVERIFY(admin
                ->exec("SET session_replication_role = replica; "
                       "DROP FUNCTION opsconsole.index_events(bigint); DROP TABLE opsconsole.event_refs; "
                       "DROP TABLE opsconsole.event_index_skipped; "
                       "DROP TABLE opsconsole.event_words; "
                       "DROP TABLE opsconsole.event_index_head; DROP FUNCTION opsconsole.fold_words(text); "
                       "DELETE FROM opsconsole.schema_migrations WHERE version >= 3; "
                       "SET session_replication_role = origin")
                .ok());
    team.reset();
    auto old = PgEvidenceStore::open(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(!old.ok());
    QVERIFY2(old.error().message.contains(QStringLiteral("schema is version 2")),
             qPrintable(old.error().message));
    QVERIFY(openOwner()); // the owner migrates it
    team = openApp();
    QVERIFY(team);
    QCOMPARE(indexRows(), indexed);
    QCOMPARE(QList<qint64>({said(QStringLiteral("inc-100")), said(QStringLiteral("rec-5 inc")),
                            said(QStringLiteral("incident opened")), said(QStringLiteral("rec*"))}),
             saidBefore);
    QCOMPARE(wordRows(), team->size().value());
    QCOMPARE(QList<qint64>({matches(QStringLiteral("INC-100")), matches(QStringLiteral("inc-101")),
                            matches(QStringLiteral("REC-5")), matches(QStringLiteral("INC-999"))}),
             before);
    // And kept from then on.
    NewEvent later = ev(QStringLiteral("test.note"), 99);
    later.payload["incident"] = QStringLiteral("INC-100");
    QVERIFY(team->append(m_admin, {later}).ok());
    QCOMPARE(matches(QStringLiteral("INC-100")), 5);
    QCOMPARE(said(QStringLiteral("inc-100")), 5);
    {
        // A session holding the indexes' lock (a console mid-catch-up, or one left open on purpose)
        // makes no search wait: the others read what is past the indexed head themselves.
        auto holder = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
        QVERIFY(holder.ok());
        QVERIFY(holder->exec("BEGIN; SELECT opsconsole.index_events(1)").ok());
        NewEvent fresh = ev(QStringLiteral("test.note"), 100);
        fresh.payload["incident"] = QStringLiteral("INC-100");
        QVERIFY(team->append(m_admin, {fresh}).ok());
        team->setSearchTimeoutMs(5000);
        QCOMPARE(matches(QStringLiteral("INC-100")), 6);
        QCOMPARE(said(QStringLiteral("inc-100")), 6);
        QVERIFY(holder->exec("ROLLBACK").ok());
        team->setSearchTimeoutMs(15000);
    }
    QVERIFY(team->verify(VerifyOptions(true))->intact);

    // Bytes that are not UTF-8 JSON (written behind the store's back) name no id and do not stop
    // the index: the events around them are indexed and searched as before.
    const qint64 head = team->size().value();
    const QByteArray forge =
        QStringLiteral(
            "SET session_replication_role = replica; "
            "INSERT INTO opsconsole.events(seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, "
            "signed) VALUES (%1, 'forged-bytes', 0, 'mallory', 'test.note', 'kl', '\\xff00fe', "
            "decode(repeat('00', 32), 'hex'), true); "
            "UPDATE opsconsole.log_head SET size = %1; SET session_replication_role = origin")
            .arg(head + 1)
            .toUtf8();
    const QByteArray copy =
        QStringLiteral("SET session_replication_role = replica; "
                       "INSERT INTO opsconsole.events(seq, uuid, ts_ms, actor, kind, scope, "
                       "canonical, leaf_hash, signed) SELECT %1, 'copied-after', ts_ms, actor, "
                       "kind, scope, canonical, leaf_hash, signed FROM opsconsole.events WHERE "
                       "seq = %2; UPDATE opsconsole.log_head SET size = %1; "
                       "SET session_replication_role = origin")
            .arg(head + 2)
            .arg(head)
            .toUtf8();
    QVERIFY(admin->exec(forge.constData()).ok());
    QVERIFY(admin->exec(copy.constData()).ok());
    QCOMPARE(matches(QStringLiteral("INC-100")), 7); // the copy after the bad bytes is indexed
    QCOMPARE(said(QStringLiteral("inc-100")), 7);
    auto skipped = admin->query("SELECT seq FROM opsconsole.event_index_skipped");
    QVERIFY(skipped.ok());
    QCOMPARE(skipped->count(), 1); // listed, not lost
    QCOMPARE(skipped->i64(0, 0), head + 1);
    QCOMPARE(team->unsearchableEvents().value(), 1); // what the Evidence panel says beside a search
    QVERIFY(!team->verify(VerifyOptions(true))->intact);
}

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pgstore.moc"

// An insider with the application role's password and a key of their own (bob) writes an act around
// the write gate: an unsigned kill switch "by alice", with its leaf, the head and a checkpoint over it
// signed by bob. The log still extends every checkpoint (no rewrite), so only checking each act as the
// gate would catches it: the console that verified up to it names it, its folds do not count it, it
// does not cosign it, and neither it nor the console that wrote before writes over it.
void TestPgStore::actAroundTheWriteGateIsNamedNeverCountedSealedOrCosigned() {
    Console a = console(m_server, m_db, 1), b = console(m_server, m_db, 1);
    QVERIFY(a.store && b.store);
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(a.store->registerIdentity(bob, {QStringLiteral("operator")}).ok());
    QVERIFY(a.store->approveIdentity(m_admin, QStringLiteral("bob")).ok());
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"))}).ok());
    // Another console writes between a's acts: a checks what others appended inside its next
    // appends (from the rows its first round trip reads under the locked head).
    Console d = console(m_server, m_db, 1);
    QVERIFY(d.store);
    QVERIFY(d.store->append(bob, {ev(QStringLiteral("test.note"), 1)}).ok());
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 2)}).ok());
    QVERIFY(d.store->append(bob, {ev(QStringLiteral("test.note"), 3)}).ok());
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 4)}).ok());
    auto seen = TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs());
    QVERIFY2(seen.ok(), qPrintable(seen.ok() ? QString() : seen.error().toString()));
    const quint64 vouched = a.store->size().value();
    QVERIFY(vouched < 16); // no kept subtree changes below

    {
        // Before the forgery a console that never saw this log vouches for it once it verified it all.
        Console before = console(m_server, m_db, 1);
        QVERIFY(before.store);
        auto honest = Witness::cosign(*before.store, m_admin, a.store->latestCheckpoint()->noteText(),
                                      before.state->path() + QStringLiteral("/cosigned.note"), Time::nowMs());
        QVERIFY2(honest.ok(), qPrintable(honest.ok() ? QString() : honest.error().toString()));
    }

    // The insider's program.
    const QList<StoredEvent> events = a.store->events(1, 100).value();
    const quint64 seq = vouched + 1;
    const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const qint64 ts = events.last().tsMs + 1000;
    JsonValue payload = JsonValue::object();
    payload["switch"] = QStringLiteral("bad-pack");
    payload["reason"] = QStringLiteral("forged");
    const std::string bytes =
        store::codec::eventBytes(seq, uuid, ts, "alice", "killswitch.activated", "kl",
                                 CanonicalJson::serialize(payload), store::codec::SignatureField::Null);
    const QByteArray leaf = crypto::merkle::leafHash(QByteArray::fromStdString(bytes));
    crypto::merkle::TreeBuilder tree;
    for (const StoredEvent &e : events)
        tree.append(e.leafHash);
    tree.append(leaf);
    auto cp = act::signCheckpoint(bob, tree, ts, a.store->storeId(), {});
    QVERIFY(cp.ok());
    auto insider = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(insider.ok());
    pg::Pipeline forge;
    forge.add("BEGIN").add(pg::kLockHeadSql);
    pg::RowBatch rows = pg::eventBatch();
    pg::addEventRow(rows, seq, QString::fromStdString(uuid), ts, QStringLiteral("alice"),
                    QStringLiteral("killswitch.activated"), QStringLiteral("kl"),
                    QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())), leaf, false);
    // And a junk row far past the head, hoping that naming it stops the check of the act before it.
    const std::string junk = store::codec::eventBytes(seq + 1000, uuid, ts, "mallory", "test.note", "", "{}",
                                                      store::codec::SignatureField::Null);
    pg::addEventRow(rows, seq + 1000, QUuid::createUuid().toString(QUuid::WithoutBraces), ts,
                    QStringLiteral("mallory"), QStringLiteral("test.note"), QString(),
                    QByteArrayView(junk.data(), static_cast<qsizetype>(junk.size())),
                    crypto::merkle::leafHash(QByteArray::fromStdString(junk)), false);
    rows.moveTo(forge);
    forge.add(pg::kInsertCheckpointSql, pg::checkpointRow(cp->size, cp->root, cp->tsMs, cp->signer,
                                                          cp->canonical, cp->storedSignature()));
    pg::publishHead(forge, seq);
    forge.add("COMMIT");
    auto forged = insider->run(forge);
    QVERIFY2(forged.ok(), qPrintable(forged.ok() ? QString() : forged.error().toString()));
    QCOMPARE(b.store->size().value(), seq);

    // Named, and not counted by the fold that decides.
    QCOMPARE(b.store->trustedThrough().value(), vouched);
    QVERIFY2(b.store->integrityProblem().contains(QStringLiteral("event %1").arg(seq)),
             qPrintable(b.store->integrityProblem()));
    auto book = IncidentBook::load(*b.store);
    QVERIFY(book.ok());
    QVERIFY(!book->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
    QVERIFY(book->activeKillSwitchScopes().isEmpty());
    // Not vouched for: no cosignature, the error says why.
    auto w = TeamWitness::witness(*b.store, bob, b.state->path(), Time::nowMs());
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, ErrorCode::Policy);
    QVERIFY2(w.error().message.contains(QStringLiteral("does not cosign checkpoint %1").arg(seq)) &&
                 w.error().message.contains(QStringLiteral("event %1").arg(seq)),
             qPrintable(w.error().message));
    QVERIFY(b.store->cosignatures(seq).value().isEmpty());
    // Not sealed by the next honest act, from either console: b names the forged act; a, which has
    // not looked since, is stopped by the junk row first (the head and the rows disagree).
    for (auto *s : {b.store.get(), a.store.get()}) {
        auto refused = s->append(s == b.store.get() ? bob : m_admin, {ev(QStringLiteral("test.note"), 2)});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("refusing to append")) &&
                     refused.error().message.contains(
                         s == b.store.get() ? QStringLiteral("event %1").arg(seq)
                                            : QStringLiteral("the log holds %1").arg(seq + 1000)),
                 qPrintable(refused.error().message));
    }
    QCOMPARE(a.store->size().value(), seq);
    // A console reopened later starts from what its user vouched for (the witness memory), not from
    // the forged head.
    StoreOpenOptions o;
    o.anchorDirectory = b.state->path();
    o.trust.witnessQuorum = 1;
    auto reopened = PgEvidenceStore::open(m_server.url(m_db, QStringLiteral("team_app")), o);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value()->trustedThrough().value(), vouched);
    QVERIFY(reopened.value()->integrityProblem().contains(QStringLiteral("event %1").arg(seq)));
    // A console that never verified this log reads from its latest checkpoint on trust (bob's key
    // signed it), but never vouches for it so: `evidence cosign` of the forged note verifies the
    // whole log first and refuses, naming the act.
    Console newcomer = console(m_server, m_db, 1);
    QVERIFY(newcomer.store);
    QCOMPARE(newcomer.store->trustedThrough().value(), seq); // read on trust
    auto vouch = Witness::cosign(*newcomer.store, m_admin, cp->noteText(),
                                 newcomer.state->path() + QStringLiteral("/cosigned.note"), Time::nowMs());
    QVERIFY(!vouch.ok());
    QCOMPARE(vouch.error().code, ErrorCode::Negative);
    QVERIFY2(vouch.error().message.contains(QStringLiteral("not cosigning checkpoint %1").arg(seq)) &&
                 vouch.error().message.contains(QStringLiteral("event %1").arg(seq)),
             qPrintable(vouch.error().message));
    QVERIFY(!QFileInfo::exists(newcomer.state->path() + QStringLiteral("/cosigned.note")));
    QCOMPARE(newcomer.store->trustedThrough().value(), vouched);
    // And verifies the whole log before its first act: refused, named.
    Console fresh = console(m_server, m_db, 1);
    QVERIFY(fresh.store);
    auto first = fresh.store->append(m_admin, {ev(QStringLiteral("test.note"), 5)});
    QVERIFY(!first.ok());
    QVERIFY2(first.error().message.contains(QStringLiteral("event %1").arg(seq)),
             qPrintable(first.error().message));
    QCOMPARE(fresh.store->trustedThrough().value(), vouched);
}

// An unsigned event row of alice's inserted at `seq` on the application role's own connection,
// around the write gate: the head stays where it was.
static Result<void> slipEventRow(pg::Connection &insider, quint64 seq, qint64 ts, const QString &kind,
                                 const JsonValue &payload) {
    const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::string bytes =
        store::codec::eventBytes(seq, uuid, ts, "alice", kind.toStdString(), "kl",
                                 CanonicalJson::serialize(payload), store::codec::SignatureField::Null);
    pg::Pipeline slip;
    pg::RowBatch rows = pg::eventBatch();
    pg::addEventRow(rows, seq, QString::fromStdString(uuid), ts, QStringLiteral("alice"), kind,
                    QStringLiteral("kl"), QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())),
                    crypto::merkle::leafHash(QByteArray::fromStdString(bytes)), false);
    rows.moveTo(slip);
    auto r = insider.run(slip);
    if (!r.ok())
        return r.error();
    return {};
}

// An event inserted past the head of a log whose every act verifies: named by every reader, and
// never counted, even by a console that had verified everything up to the head.
void TestPgStore::rowPastTheHeadCountsForNothing() {
    Console a = console(m_server, m_db, 1);
    QVERIFY(a.store);
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"))}).ok());
    const quint64 n = a.store->size().value();
    QCOMPARE(a.store->trustedThrough().value(), n);
    const QList<StoredEvent> events = a.store->events(1, 100).value();
    JsonValue payload = JsonValue::object();
    payload["switch"] = QStringLiteral("bad-pack");
    payload["reason"] = QStringLiteral("forged");
    auto insider = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(insider.ok());
    auto slipped = slipEventRow(insider.value(), n + 1, events.last().tsMs + 1000,
                                QStringLiteral("killswitch.activated"), payload);
    QVERIFY2(slipped.ok(), qPrintable(slipped.ok() ? QString() : slipped.error().toString()));
    // The console that verified up to the head: the row is named and does not count.
    QCOMPARE(a.store->trustedThrough().value(), n);
    QVERIFY2(
        a.store->integrityProblem().contains(QStringLiteral("event %1 lies past the log head").arg(n + 1)),
        qPrintable(a.store->integrityProblem()));
    auto book = IncidentBook::load(*a.store);
    QVERIFY(book.ok());
    QVERIFY(!book->killSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl")));
    EventFilter f;
    f.kind = QStringLiteral("killswitch.activated");
    f.newestFirst = true;
    QVERIFY(queryTrusted(*a.store, f).value().isEmpty());
    QCOMPARE(a.store->query(f).value().size(), 1);
}

// A console that wrote the head last seals its next act on what it knows, in one round trip, and
// the server confirms under the head's lock that nothing moved. When something did (another
// console's act, a row slipped past the head, the head checkpoint swapped), the server refuses
// that and the act goes the two-round-trip way, which decides as always.
void TestPgStore::anActOnItsOwnHeadTakesOneRoundTrip() {
    Console a = console(m_server, m_db, 1);
    Console b = console(m_server, m_db, 1);
    QVERIFY(a.store && b.store);
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 1)}).ok());
    const quint64 fast = a.store->oneRoundTripAppends();
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 2)}).ok());
    QCOMPARE(a.store->oneRoundTripAppends(), fast + 1);
    // Another console's act moves the head under a: refused by the server, then sealed on the head
    // read under the lock, after b's act.
    auto theirs = b.store->append(m_admin, {ev(QStringLiteral("test.note"), 3)});
    QVERIFY(theirs.ok());
    auto mine = a.store->append(m_admin, {ev(QStringLiteral("test.note"), 4)});
    QVERIFY2(mine.ok(), qPrintable(mine.ok() ? QString() : mine.error().toString()));
    QCOMPARE(a.store->oneRoundTripAppends(), fast + 1);
    QCOMPARE(mine->first().seq, theirs->first().seq + 1);
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 5)}).ok());
    QVERIFY(a.store->append(m_admin, {ev(QStringLiteral("test.note"), 6)}).ok());
    QCOMPARE(a.store->oneRoundTripAppends(), fast + 2);
    const quint64 n = a.store->size().value();
    // A row slipped past the head by the application role: the one-round-trip act is refused by
    // the server and the two-round-trip one names the row, writing nothing.
    auto insider = pg::Connection::connect(m_server.url(m_db, QStringLiteral("team_app")));
    QVERIFY(insider.ok());
    QVERIFY(
        slipEventRow(insider.value(), n + 1, Time::nowMs(), QStringLiteral("test.note"), JsonValue::object())
            .ok());
    auto refused = a.store->append(m_admin, {ev(QStringLiteral("test.note"), 7)});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("the log head says %1 events").arg(n)),
             qPrintable(refused.error().message));
    QCOMPARE(a.store->oneRoundTripAppends(), fast + 2);
    auto head = insider->query("SELECT size FROM opsconsole.log_head WHERE id = 1");
    QVERIFY(head.ok());
    QCOMPARE(static_cast<quint64>(head->i64(0, 0)), n);
}
