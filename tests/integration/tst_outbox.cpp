// The outbox of a console on the team log, against a real PostgreSQL server: acts made while the
// server is down are kept signed in a local file, appended in order when it is back, exactly once
// even when a sync is cut off, and an act the team log no longer admits is kept as rejected with
// the event that came first, never dropped.
#include "CliHarness.h"
#include "PgFixture.h"
#include "TestSupport.h"

#include "core/CanonicalJson.h"
#include "core/DeploymentConfig.h"
#include "core/FileUtil.h"
#include "incidents/IncidentActions.h"
#include "runbooks/Runbook.h"
#include "store/EventCodec.h"
#include "store/OfflineTeamLog.h"
#include "store/Outbox.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/Sqlite.h"
#include "store/StoreHost.h"
#include "store/TeamLogCopy.h"
#include "store/TeamWitnessDuty.h"
#include "store/Witness.h"
#include "store/pg/Pg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

using namespace ops;
using namespace ops::test;

class TestOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void actsMadeWhileTheServerIsDownAreSyncedInOrder();
    void aSyncCutOffIsNotAppendedTwice();
    void anActTheLogNoLongerAdmitsIsKeptAsRejected();
    void theOutboxFileIsAppendOnly();
    void aConsoleGoesOnWorkingWithoutTheServer();
    void anEditedCopyIsNotBelieved();
    void theCliWorksWithoutTheServer();
    void aForgedOfflineRecordFailsVerify();
    void aRowSlippedIntoTheOutboxIsNeverSigned();
    void aRejectionWrittenByHandDropsNothing();
    void anAttachmentMadeOfflineReachesTheLog();
    void forgedOutcomesHideNoChangeAndStopNoSync();
    void anotherIdentityCannotHideItsChangesBehindAnOutbox();
    void oneSyncOfAnOutboxAtATime();
    void aViewOfTheCopyKeepsItsBasisWhileTheCopyGrows();
    void aServerThatRefusesIsNotAway();
    void offlineTheSameGuardsStopAWrite();
    void twoIdentitiesShareAConsolesOutbox();
    void anEditedBasisIsNeverBelieved();
    void aReplayedSyncRecordHidesNothing();
    void anotherIdentitysLaterActIsAConflict();
    void anActSignedWithAKeyReplacedSinceIsRefused();
    void anOlderCopyPutBackIsRefused();
    void aSocketThatSaysNothingIsAway();
    void anActMadeOnARefusedOneIsRefused();
    void theOutboxFileCannotHideOrInventActs();
    void aColleaguesActBetweenCheckAndAppendIsCheckedAgain();
    void anOutboxWhoseTablesAreViewsIsRefused();

private:
    static void sqlite3(const QString &path, const QString &sql);
    static JsonValue incident(const QString &id);
    static JsonValue decision(const QString &id, const QString &text);
    static Signer makeSigner(const QString &name);
    std::unique_ptr<PgEvidenceStore> open(const QString &db, const PgServer &server, bool create = false);
    static NewEvent ev(const QString &kind, const QString &scope, JsonValue payload);
    static OutboxAdmission admission(const Outbox &outbox) { return unchangedSinceBasis(outbox); }

    PgServer m_server;
    QString m_db;
    TempDir m_dir;
    Signer m_alice;
    Signer m_bob;
    qint64 m_now = 0;
    Time::Clock m_clock = [this] { return m_now; };
};

Signer TestOutbox::makeSigner(const QString &name) {
    auto key = crypto::PrivateKey::generate();
    if (!key.ok())
        qFatal("cannot generate a key");
    return Signer{name, std::move(key).value()};
}

std::unique_ptr<PgEvidenceStore> TestOutbox::open(const QString &db, const PgServer &server, bool create) {
    StoreOpenOptions o;
    o.create = create;
    auto s = create ? PgEvidenceStore::open(server.url(db, QStringLiteral("team_owner")), o,
                                            QStringLiteral("team_app"))
                    : PgEvidenceStore::open(server.url(db, QStringLiteral("team_app")), o);
    if (!s.ok())
        qWarning("%s", qPrintable(s.error().toString()));
    return s.ok() ? std::move(s).value() : nullptr;
}

void TestOutbox::sqlite3(const QString &path, const QString &sql) {
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {path, sql});
    QVERIFY(sqlite.waitForFinished(60000));
    QVERIFY2(sqlite.exitCode() == 0, sqlite.readAllStandardError().constData());
}

JsonValue TestOutbox::incident(const QString &id) {
    JsonValue opened = JsonValue::object();
    opened["id"] = id;
    opened["class"] = QStringLiteral("stale-pack");
    opened["severity"] = QStringLiteral("SEV-2");
    opened["trigger"] = QStringLiteral("stale");
    return opened;
}

JsonValue TestOutbox::decision(const QString &id, const QString &text) {
    JsonValue decided = JsonValue::object();
    decided["incident"] = id;
    decided["text"] = text;
    return decided;
}

NewEvent TestOutbox::ev(const QString &kind, const QString &scope, JsonValue payload) {
    NewEvent e;
    e.kind = kind;
    e.scope = scope;
    e.payload = std::move(payload);
    return e;
}

void TestOutbox::initTestCase() {
    m_server = PgServer::fromFixture();
    QVERIFY2(m_server.problem.isEmpty(), qPrintable(m_server.problem));
}

void TestOutbox::init() {
    auto db = m_server.freshDatabase();
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    m_db = db.value();
    m_alice = makeSigner(QStringLiteral("alice"));
    m_bob = makeSigner(QStringLiteral("bob"));
    auto s = open(m_db, m_server, true);
    QVERIFY(s);
    QVERIFY(
        s->registerIdentity(m_alice, {QStringLiteral("operator"), QStringLiteral("incident-owner")}).ok());
    QVERIFY(s->registerIdentity(m_bob, {QStringLiteral("operator"), QStringLiteral("incident-owner")}).ok());
    auto approved = s->approveIdentity(m_alice, QStringLiteral("bob"));
    QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().toString()));
    m_now = Time::nowMs();
}

// The server goes down as a crash would; the console keeps its acts, signed, in the outbox; the
// server comes back; the acts are appended in the order they were made, with what was signed
// offline on record, and the log verifies.
void TestOutbox::actsMadeWhileTheServerIsDownAreSyncedInOrder() {
    OwnPgCluster cluster(m_dir.file(QStringLiteral("outbox-state")));
    QVERIFY2(cluster.server.problem.isEmpty(), qPrintable(cluster.server.problem));
    const PgServer &own = cluster.server;
    auto db = own.freshDatabase();
    QVERIFY(db.ok());
    {
        auto created = open(db.value(), own, true);
        QVERIFY(created);
        QVERIFY(
            created->registerIdentity(m_alice, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
                .ok());
    }
    auto team = open(db.value(), own);
    QVERIFY(team);
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("before the outage");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    const Checkpoint basis = team->latestCheckpoint().value();

    QVERIFY(cluster.crash());
    QVERIFY(!team->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    QVERIFY(!team->reachable());

    // Offline: three acts, each signed by alice as she makes it, bound to the team log's id.
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("outbox.sqlite")));
    QVERIFY(outbox.ok());
    JsonValue opened = JsonValue::object();
    opened["id"] = QStringLiteral("INC-7F3A-9C2E");
    opened["class"] = QStringLiteral("bad-publish");
    opened["severity"] = QStringLiteral("SEV-1");
    opened["trigger"] = QStringLiteral("checksum mismatch");
    JsonValue decided = JsonValue::object();
    decided["incident"] = QStringLiteral("INC-7F3A-9C2E");
    decided["text"] = QStringLiteral("contain first");
    JsonValue later = JsonValue::object();
    later["text"] = QStringLiteral("during the outage");
    const qint64 madeAt = m_now;
    QList<OutboxAct> made;
    for (const NewEvent &e : {ev(QStringLiteral("incident.opened"), QStringLiteral("kl"), opened),
                              ev(QStringLiteral("incident.decision"), QStringLiteral("kl"), decided),
                              ev(QStringLiteral("test.note"), QStringLiteral("kl"), later)}) {
        auto act = outbox.value()->queue(m_alice, team->storeId(), basis, {e}, {}, m_now);
        QVERIFY2(act.ok(), qPrintable(act.ok() ? QString() : act.error().toString()));
        made << act.value();
        m_now += 60'000;
    }
    auto waiting = outbox.value()->waiting();
    QCOMPARE(waiting->count, 3);
    QCOMPARE(waiting->sinceMs, madeAt);
    // Still down: the sync stops at once and keeps every act waiting.
    {
        auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
        QVERIFY(!report.ok() || report->synced == 0);
        QCOMPARE(outbox.value()->waiting()->count, 3);
    }

    QVERIFY(cluster.restart());
    QVERIFY(team->reconnect().ok());
    const quint64 before = team->size().value();
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->synced, 3);
    QCOMPARE(report->rejected, 0);
    QCOMPARE(outbox.value()->waiting()->count, 0);
    // Each act: its record of what was signed offline, then its events, in the order made; gapless.
    QCOMPARE(team->size().value(), before + 6);
    const auto entries = outbox.value()->entries().value();
    for (int i = 0; i < 3; ++i) {
        const OutboxEntry &entry = entries.at(i);
        QCOMPARE(entry.state, OutboxState::Synced);
        QCOMPARE(entry.firstSeq, before + 2 + 2 * quint64(i));
        const StoredEvent marker = team->event(entry.firstSeq - 1).value();
        const StoredEvent synced = team->event(entry.firstSeq).value();
        QCOMPARE(marker.kind, QStringLiteral("outbox.synced"));
        QCOMPARE(synced.kind, made.at(i).events.first().kind);
        QCOMPARE(CanonicalJson::serialize(synced.payload()),
                 CanonicalJson::serialize(made.at(i).events.first().payload));
        // What alice signed when she made it verifies with her key: same event, its offline time.
        const JsonValue original = marker.payload().find("originals")->toArray().front();
        QCOMPARE(original.stringAt("id"), made.at(i).uuids.first());
        const std::string message = store::codec::signedMessage(
            team->storeId().toStdString(), original.stringAt("id").toStdString(),
            original.find("ts")->toInt(), "alice", synced.kind.toStdString(), synced.scope.toStdString(),
            CanonicalJson::serialize(synced.payload()));
        QVERIFY(m_alice.key.publicKey().verify(
            QByteArrayView(message.data(), qsizetype(message.size())),
            QByteArray::fromBase64(original.stringAt("signature").toLatin1())));
        QCOMPARE(original.find("ts")->toInt(), madeAt + 60'000 * i);
        QCOMPARE(marker.payload().find("basis")->find("size")->toInt(), qint64(basis.size));
    }
    // The incident keeps the id it was given offline.
    QCOMPARE(team->event(entries.at(1).firstSeq).value().payload().stringAt("incident"),
             QStringLiteral("INC-7F3A-9C2E"));
    auto verified = team->verify(VerifyOptions(true));
    QVERIFY2(verified.ok() && verified->intact,
             qPrintable(verified.ok() ? verified->reason : verified.error().message));
    // A second sync finds nothing to do.
    auto again = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QCOMPARE(again->synced + again->rejected + again->recovered, 0);
    QCOMPARE(team->size().value(), before + 6);
}

// The sync committed an act but never noted it (the console died, or the outbox was restored from
// a copy): the next sync finds the act in the team log and does not append it again.
void TestOutbox::aSyncCutOffIsNotAppendedTwice() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString path = m_dir.file(QStringLiteral("cut.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    JsonValue p = JsonValue::object();
    p["text"] = QStringLiteral("once");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), team->latestCheckpoint().value(),
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), p)}, {}, m_now)
                .ok());
    // The state before the sync noted its outcome.
    const QString copy = m_dir.file(QStringLiteral("cut-copy.sqlite"));
    QVERIFY(QFile::copy(path, copy));
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QCOMPARE(report->synced, 1);
    const quint64 size = team->size().value();
    outbox.value().reset();
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::copy(copy, path));
    auto restored = Outbox::open(path);
    QVERIFY(restored.ok());
    QCOMPARE(restored.value()->waiting()->count, 1);
    auto second = syncOutbox(*restored.value(), *team, m_alice, admission(*restored.value()), m_clock);
    QVERIFY(second.ok());
    QCOMPARE(second->synced, 0);
    QCOMPARE(second->recovered, 1);
    QCOMPARE(team->size().value(), size);
    QCOMPARE(restored.value()->entries()->first().state, OutboxState::Synced);
    QCOMPARE(restored.value()->entries()->first().firstSeq, size);
}

// Bob decides on an incident offline; meanwhile alice closes it. At sync the decision is
// rejected, naming alice's close, and kept in bob's outbox; his other act goes through.
void TestOutbox::anActTheLogNoLongerAdmitsIsKeptAsRejected() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    JsonValue opened = JsonValue::object();
    opened["id"] = QStringLiteral("INC-K2M8-4XQ1");
    opened["class"] = QStringLiteral("stale-pack");
    opened["severity"] = QStringLiteral("SEV-2");
    opened["trigger"] = QStringLiteral("stale");
    QVERIFY(
        team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), opened)}).ok());
    const Checkpoint basis = team->latestCheckpoint().value();

    auto outbox = Outbox::open(m_dir.file(QStringLiteral("bob.sqlite")));
    QVERIFY(outbox.ok());
    JsonValue decided = JsonValue::object();
    decided["incident"] = QStringLiteral("inc-k2m8-4xq1"); // as typed
    decided["text"] = QStringLiteral("roll back pg");
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("unrelated");
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"), decided)}, {}, m_now)
                .ok());
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("pg"), note)}, {}, m_now)
                .ok());
    // An act made on a log that is not this one: its basis has the right size and another root.
    Checkpoint foreign = basis;
    foreign.root[0] = static_cast<char>(foreign.root.at(0) ^ 0x01);
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), foreign,
                        {ev(QStringLiteral("test.note"), QStringLiteral("pg"), note)}, {}, m_now)
                .ok());
    // An act of alice's made on this console waits for her.
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("pg"), note)}, {}, m_now)
                .ok());

    JsonValue closed = JsonValue::object();
    closed["incident"] = QStringLiteral("INC-K2M8-4XQ1");
    closed["closure"] = QStringLiteral("fresh pack published");
    auto close = team->append(m_alice, {ev(QStringLiteral("incident.closed"), QStringLiteral("pg"), closed)});
    QVERIFY(close.ok());
    const quint64 before = team->size().value();

    auto report = syncOutbox(*outbox.value(), *team, m_bob, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QCOMPARE(report->rejected, 2);
    QCOMPARE(report->synced, 1);
    QCOMPARE(report->otherAuthors, 1);
    const auto entries = outbox.value()->entries().value();
    QCOMPARE(entries.at(0).state, OutboxState::Rejected);
    QVERIFY2(entries.at(0).reason.contains(QStringLiteral("INC-K2M8-4XQ1")) &&
                 entries.at(0).reason.contains(QStringLiteral("event %1").arg(close->first().seq)) &&
                 entries.at(0).reason.contains(QStringLiteral("incident.closed by alice")),
             qPrintable(entries.at(0).reason));
    QVERIFY(report->lines.first().contains(QStringLiteral("rejected")));
    QCOMPARE(entries.at(1).state, OutboxState::Synced);
    QCOMPARE(entries.at(2).state, OutboxState::Rejected);
    QVERIFY2(entries.at(2).reason.contains(QStringLiteral("not a prefix of this team log")),
             qPrintable(entries.at(2).reason));
    QCOMPARE(entries.at(3).state, OutboxState::Pending);
    // The rejected act is kept, whole, with its signature; nothing of it reached the log.
    QCOMPARE(entries.at(0).act.events.first().payload.stringAt("text"), QStringLiteral("roll back pg"));
    QCOMPARE(team->size().value(), before + 2);
    EventFilter decisions;
    decisions.kind = QStringLiteral("incident.decision");
    QCOMPARE(team->query(decisions)->size(), 0);
    QCOMPARE(outbox.value()->waiting()->count, 1);
}

// A person with the outbox file and sqlite3 cannot quietly drop or rewrite a waiting act.
void TestOutbox::theOutboxFileIsAppendOnly() {
    const QString path = m_dir.file(QStringLiteral("attacked.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    Checkpoint basis;
    JsonValue p = JsonValue::object();
    p["text"] = QStringLiteral("kept");
    QVERIFY(outbox.value()
                ->queue(m_alice, QStringLiteral("store"), basis,
                        {ev(QStringLiteral("test.note"), QString(), p)}, {}, m_now)
                .ok());
    const OutboxAct made = outbox.value()->entries()->first().act;
    QVERIFY(outbox.value()->markRejected(m_alice, made, QStringLiteral("refused"), m_now).ok());
    // The rejection is alice's, over this act of this outbox, this reason and this time.
    const OutboxEntry rejected = outbox.value()->entries()->first();
    QVERIFY(rejectionSigned(rejected, outbox.value()->id(), m_alice.key.publicKey()));
    QVERIFY(!rejectionSigned(rejected, outbox.value()->id(), m_bob.key.publicKey()));
    OutboxEntry otherReason = rejected;
    otherReason.reason = QStringLiteral("something else");
    QVERIFY(!rejectionSigned(otherReason, outbox.value()->id(), m_alice.key.publicKey()));
    QVERIFY(!outbox.value()->markSynced(1, 5, m_now).ok()); // one outcome an act
    auto db = store::Database::open(path, false);
    QVERIFY(db.ok());
    for (const char *sql :
         {"DELETE FROM acts", "UPDATE acts SET events = '[]'", "DELETE FROM outcomes",
          "UPDATE outcomes SET state = 'synced'", "UPDATE meta SET value = 'x'", "DELETE FROM meta"}) {
        auto r = db->exec(sql);
        QVERIFY2(!r.ok() && r.error().message.contains(QStringLiteral("append-only")), sql);
    }
    QCOMPARE(outbox.value()->entries()->first().reason, QStringLiteral("refused"));
    // A file that is not an outbox is refused, not overwritten.
    const QString other = m_dir.write(QStringLiteral("notes.txt"), "not a database\n");
    QVERIFY(!Outbox::open(other).ok());
    QCOMPARE(FileUtil::permissions(path) & 077, 0);
}

// A rejection written into the outbox file by hand (sqlite3) would drop a waiting act, and every
// later act about the same thing: a rejection counts only with its author's signature, so the
// next sync looks at the act again and appends it; the row stays, and a second sync changes nothing.
void TestOutbox::aRejectionWrittenByHandDropsNothing() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const Checkpoint basis = team->latestCheckpoint().value();
    const QString path = m_dir.file(QStringLiteral("hand-rejected.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    JsonValue p = JsonValue::object();
    p["text"] = QStringLiteral("made offline");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), p)}, {}, m_now)
                .ok());
    sqlite3(path, QStringLiteral("INSERT INTO outcomes(n, state, at_ms, first_seq, reason) VALUES "
                                 "(1, 'rejected', %1, 0, 'the team log refused it')")
                      .arg(m_now));
    QCOMPARE(outbox.value()->entries()->first().state, OutboxState::Rejected);
    const quint64 before = team->size().value();
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->synced, 1);
    QCOMPARE(report->rejected, 0);
    QVERIFY2(report->lines.join(QLatin1Char('\n')).contains(QStringLiteral("without alice's signature")),
             qPrintable(report->lines.join(QLatin1Char('\n'))));
    QCOMPARE(team->size().value(), before + 2); // the sync record and the note
    EventFilter notes;
    notes.kind = QStringLiteral("test.note");
    notes.text = QStringLiteral("made offline");
    QCOMPARE(team->query(notes)->size(), 1);
    auto again = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again->synced, 0);
    QCOMPARE(again->rejected, 0);
    QCOMPARE(team->size().value(), before + 2);

    // Edits around genuine acts do not make the author's own sync refuse them: an act made up in
    // alice's name (not signed by her as this outbox's act) is refused unsigned and takes nothing
    // with it, and a blob row added beside the genuine act after it is left out of its append.
    const Signer mallory = makeSigner(QStringLiteral("alice"));
    const QString scratch = m_dir.file(QStringLiteral("made-up.sqlite"));
    {
        auto other = Outbox::open(scratch);
        QVERIFY(other.ok());
        QVERIFY(other.value()
                    ->queue(mallory, team->storeId(), basis,
                            {ev(QStringLiteral("test.note"), QStringLiteral("kl"), p)}, {}, m_now)
                    .ok());
        QVERIFY(other.value()
                    ->queue(mallory, team->storeId(), basis,
                            {ev(QStringLiteral("test.note"), QStringLiteral("kl"), p)}, {}, m_now)
                    .ok());
    }
    sqlite3(path,
            QStringLiteral("ATTACH '%1' AS m; INSERT INTO acts(made_ms, author, store_id, basis_size, "
                           "basis_root, events, act_signature) SELECT made_ms, author, store_id, basis_size, "
                           "basis_root, events, act_signature FROM m.acts WHERE n = 2;")
                .arg(scratch));
    JsonValue q = JsonValue::object();
    q["text"] = QStringLiteral("made offline, second");
    const Checkpoint now = team->latestCheckpoint().value();
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), now,
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), q)}, {}, m_now)
                .ok());
    sqlite3(path, QStringLiteral("INSERT INTO act_blobs(n, sha256, name, media_type, data) VALUES "
                                 "(3, '%1', 'x', 'x', x'00')")
                      .arg(QString(64, QLatin1Char('0'))));
    auto third = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error().toString()));
    QCOMPARE(third->synced, 1);
    QCOMPARE(third->rejected, 1);
    const auto entries = outbox.value()->entries().value();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).state, OutboxState::Rejected); // the made-up act, refused unsigned
    QVERIFY(!rejectionSigned(entries.at(1), outbox.value()->id(), m_alice.key.publicKey()));
    QCOMPARE(entries.at(2).state, OutboxState::Synced);
    notes.text = QStringLiteral("second");
    QCOMPARE(team->query(notes)->size(), 1);
}

// An attachment made offline waits in the outbox with its bytes and reaches the team log with its
// act; listing the outbox does not read the bytes of every attachment it ever carried.
void TestOutbox::anAttachmentMadeOfflineReachesTheLog() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const Checkpoint basis = team->latestCheckpoint().value();
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("attached.sqlite")));
    QVERIFY(outbox.ok());
    const QByteArray bytes = QByteArrayLiteral("\x89PNG screenshot of the failed gate");
    auto blob = makeBlob(QStringLiteral("gate.png"), bytes, QStringLiteral("image/png"));
    QVERIFY(blob.ok());
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {attachmentEvent(blob.value(), QStringLiteral("kl"))}, {blob.value()}, m_now)
                .ok());
    QVERIFY(outbox.value()->entries()->first().act.blobs.isEmpty());
    auto kept = outbox.value()->blobsOf(1);
    QVERIFY(kept.ok());
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().bytes, bytes);
    QCOMPARE(kept->first().sha256, blob->sha256);
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->synced, 1);
    auto stored = team->blob(blob->sha256);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value(), bytes);
    auto verified = team->verify(VerifyOptions(true));
    QVERIFY(verified.ok() && verified->intact);
}

// The console itself: the server goes down under it; it goes on working from its verified copy of
// the team log, its acts visible at once and waiting in the outbox, checked as the team log would
// check them; when the server is back the witness duty syncs them, and the incident keeps the id
// its author cited while offline.
void TestOutbox::aConsoleGoesOnWorkingWithoutTheServer() {
    OwnPgCluster cluster(m_dir.file(QStringLiteral("console-cluster")));
    QVERIFY2(cluster.server.problem.isEmpty(), qPrintable(cluster.server.problem));
    const PgServer &own = cluster.server;
    auto db = own.freshDatabase();
    QVERIFY(db.ok());
    {
        auto created = open(db.value(), own, true);
        QVERIFY(created);
        QVERIFY(
            created->registerIdentity(m_alice, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
                .ok());
    }
    StoreOpenOptions options;
    options.anchorDirectory = m_dir.file(QStringLiteral("console-home"));
    options.clock = m_clock;
    StoreHost host(own.url(db.value(), QStringLiteral("team_app")), options);
    Session session;
    TeamWitnessDuty duty(&host, &session, options.anchorDirectory);
    duty.setClock(m_clock);
    QVERIFY(host.evidence());
    QTRY_VERIFY(host.isConnected());
    session.unlockWith(Signer{m_alice.name, m_alice.key.duplicate()});
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    const OpenIncident request{QStringLiteral("bad-publish"),
                               QStringLiteral("kl"),
                               {},
                               {},
                               QStringLiteral("checksum mismatch"),
                               {},
                               {}};
    auto online = IncidentActions(*host.evidence(), m_alice, config, library, m_clock).open(request);
    QVERIFY2(online.ok(), qPrintable(online.ok() ? QString() : online.error().toString()));
    duty.run();
    QVERIFY2(duty.problem().isEmpty(), qPrintable(duty.problem()));
    QVERIFY(host.teamCopy());
    QCOMPARE(host.teamCopy()->size(), host.evidence()->size().value());

    QVERIFY(cluster.crash());
    host.check();
    QTRY_VERIFY(!host.isConnected());
    EvidenceStore *offline = host.evidence();
    QVERIFY(offline);
    QVERIFY(host.isOffline());
    QVERIFY(!offline->reachable());
    QVERIFY2(host.problem().contains(QStringLiteral("verified copy")), qPrintable(host.problem()));
    m_now += 60'000;
    const qint64 madeAt = m_now;
    auto made = IncidentActions(*offline, m_alice, config, library, m_clock).open(request);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
    const QString id = citedIdOf(made.value());
    QVERIFY2(id.startsWith(QStringLiteral("INC-")) && id.size() == 13, qPrintable(id));
    // Visible at once, and the next act on it is checked against it.
    auto book = IncidentBook::load(*offline);
    QVERIFY(book.ok());
    QVERIFY(book->incident(id));
    m_now += 1000;
    QVERIFY(IncidentActions(*offline, m_alice, config, library, m_clock)
                .decide(id, QStringLiteral("Hold the publisher in kl"))
                .ok());
    // Checked as the team log checks: someone it does not know may not act, and nothing waits.
    const Signer mallory = makeSigner(QStringLiteral("mallory"));
    QVERIFY(!IncidentActions(*offline, mallory, config, library, m_clock).open(request).ok());
    QVERIFY(!offline->registerIdentity(mallory, {QStringLiteral("operator")}).ok());
    auto refused = offline->verify(VerifyOptions{});
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("cannot be reached")));
    auto waiting = host.outbox()->waiting();
    QVERIFY(waiting.ok());
    QCOMPARE(waiting->count, 2);
    QCOMPARE(waiting->sinceMs, madeAt);

    QVERIFY(cluster.restart());
    // The watcher reconnects on its own; the duty syncs what alice made.
    QSignalSpy synced(&duty, &TeamWitnessDuty::outboxSynced);
    QTRY_VERIFY_WITH_TIMEOUT(host.isConnected(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(host.outbox()->waiting()->count, 0, 60000);
    QVERIFY(!host.isOffline());
    QCOMPARE(synced.size(), 1);
    QCOMPARE(synced.first().at(0).toInt(), 2);
    QCOMPARE(synced.first().at(1).toInt(), 0);
    auto team = open(db.value(), own);
    QVERIFY(team);
    auto after = IncidentBook::load(*team);
    QVERIFY(after.ok());
    const Incident *synced0 = after->incident(id);
    QVERIFY2(synced0, qPrintable(id));
    QCOMPARE(synced0->decisions.size(), 1);
    auto report = team->verify(VerifyOptions(true));
    QVERIFY(report.ok());
    QVERIFY2(report->intact, qPrintable(report->reason));
    // And the copy follows the log again.
    QTRY_COMPARE(host.teamCopy()->size(), team->size().value());
}

// A copy edited on disk (an event's bytes changed with sqlite3, triggers dropped) is refused at
// open, naming what differs, and the console does not work from it.
void TestOutbox::anEditedCopyIsNotBelieved() {
    const QString path = m_dir.file(QStringLiteral("edited.copy.sqlite"));
    auto team = open(m_db, m_server);
    QVERIFY(team);
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("hold kl");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    {
        auto copy = TeamLogCopy::open(path);
        QVERIFY(copy.ok());
        QVERIFY(refreshCopy(*copy.value(), *team, team->latestCheckpoint().value(), m_alice).ok());
        QCOMPARE(copy.value()->size(), team->size().value());
    }
    {
        auto db = store::Database::open(path, false);
        QVERIFY(db.ok());
        QVERIFY(!db->exec("UPDATE events SET bytes = replace(bytes, 'hold kl', 'free kl')").ok());
        QVERIFY(db->exec("DROP TRIGGER events_no_UPDATE").ok());
        QVERIFY(
            db->exec("UPDATE events SET bytes = CAST(replace(CAST(bytes AS TEXT), 'hold kl', 'free kl') AS "
                     "BLOB)")
                .ok());
    }
    auto reopened = TeamLogCopy::open(path);
    QVERIFY(!reopened.ok());
    QVERIFY2(reopened.error().message.contains(QStringLiteral("cannot be trusted")),
             qPrintable(reopened.error().message));

    // A copy made up whole: a log of mallory's own, consistent in itself, in the copy's place. With
    // the deployment's admins pinned, its genesis gives it away; the genuine copy opens.
    TrustPolicy pinned;
    pinned.admins = {m_alice.key.publicKey().fingerprint()};
    const auto offlineFrom = [&](const EvidenceStore &log, const QString &name, const Signer &witness,
                                 const TrustPolicy &policy) {
        auto copy = TeamLogCopy::open(m_dir.file(name + QStringLiteral(".copy.sqlite")));
        if (!copy.ok() || !refreshCopy(*copy.value(), log, log.latestCheckpoint().value(), witness).ok())
            qFatal("cannot make the copy");
        auto box = Outbox::open(m_dir.file(name + QStringLiteral(".outbox.sqlite")));
        return OfflineTeamLog::open(std::move(copy).value(), std::move(box).value(), policy, m_clock, name);
    };
    auto fakeDb = m_server.freshDatabase();
    QVERIFY(fakeDb.ok());
    auto fake = open(fakeDb.value(), m_server, true);
    QVERIFY(fake);
    const Signer mallory = makeSigner(QStringLiteral("mallory"));
    QVERIFY(fake->registerIdentity(mallory, {QStringLiteral("admin"), QStringLiteral("operator")}).ok());
    QVERIFY(fake->append(mallory, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    auto madeUp = offlineFrom(*fake, QStringLiteral("made-up"), mallory, pinned);
    QVERIFY(!madeUp.ok());
    QVERIFY2(madeUp.error().message.contains(QStringLiteral("not among the pinned admin keys")),
             qPrintable(madeUp.error().message));
    auto genuine = offlineFrom(*team, QStringLiteral("genuine"), m_alice, pinned);
    QVERIFY2(genuine.ok(), qPrintable(genuine.ok() ? QString() : genuine.error().message));
    QVERIFY(
        genuine.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());

    // Nothing pinned (a dev deployment): mallory's made-up copy opens, even with alice's identity
    // forged into it, but alice cannot act on it: she never vouched for it. Nor on a genuine copy
    // only bob's console brought up to date, nor on a genuine copy whose vouch was copied from an
    // older one of hers.
    const Signer forgedAlice{QStringLiteral("alice"), makeSigner(QStringLiteral("alice")).key.duplicate()};
    QVERIFY(fake->registerIdentity(forgedAlice, {QStringLiteral("operator")}).ok());
    auto approvedForged = fake->approveIdentity(mallory, QStringLiteral("alice"));
    QVERIFY2(approvedForged.ok(),
             qPrintable(approvedForged.ok() ? QString() : approvedForged.error().message));
    auto unpinned = offlineFrom(*fake, QStringLiteral("made-up-tofu"), mallory, TrustPolicy{});
    QVERIFY2(unpinned.ok(), qPrintable(unpinned.ok() ? QString() : unpinned.error().message));
    auto refused =
        unpinned.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("not one 'alice' witnessed")),
             qPrintable(refused.error().message));
    QCOMPARE(unpinned.value()->outbox().waiting()->count, 0);
    auto bobs = offlineFrom(*team, QStringLiteral("bobs"), m_bob, TrustPolicy{});
    QVERIFY(bobs.ok());
    QVERIFY(
        !bobs.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    QVERIFY(bobs.value()->append(m_bob, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    // The vouch binds the size and root: alice's vouch for an older copy, copied with sqlite3 into
    // bob's newer one, does not make it hers.
    QVERIFY(team->append(m_bob, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    const QString newer = m_dir.file(QStringLiteral("newer.copy.sqlite"));
    {
        auto copy = TeamLogCopy::open(newer);
        QVERIFY(copy.ok());
        QVERIFY(refreshCopy(*copy.value(), *team, team->latestCheckpoint().value(), m_bob).ok());
    }
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"),
                 {newer, QStringLiteral("ATTACH '%1' AS g; INSERT INTO vouches(size, name, signature) SELECT "
                                        "(SELECT max(seq) FROM main.events), name, signature FROM g.vouches;")
                             .arg(m_dir.file(QStringLiteral("genuine.copy.sqlite")))});
    QVERIFY(sqlite.waitForFinished(60000));
    QVERIFY2(sqlite.exitCode() == 0, sqlite.readAllStandardError().constData());
    auto newerCopy = TeamLogCopy::open(newer);
    QVERIFY(newerCopy.ok());
    QVERIFY(!newerCopy.value()->vouchedBy(QStringLiteral("alice"), m_alice.key.publicKey()));
    QVERIFY(newerCopy.value()->vouchedBy(QStringLiteral("bob"), m_bob.key.publicKey()));
}

// The same from the command line: the act made while the server is down is checked against the
// copy, kept in the outbox with its id, and synced by the author's next act once the server is back.
void TestOutbox::theCliWorksWithoutTheServer() {
    OwnPgCluster cluster(m_dir.file(QStringLiteral("cli-cluster")));
    QVERIFY2(cluster.server.problem.isEmpty(), qPrintable(cluster.server.problem));
    auto db = cluster.server.freshDatabase();
    QVERIFY(db.ok());
    const QString ownerUrl = cluster.server.url(db.value(), QStringLiteral("team_owner"));
    const QString appUrl = cluster.server.url(db.value(), QStringLiteral("team_app"));
    QFile demo(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    Cli alice(demo.readAll() + "\nstore: {app_role: team_app}\n", QString());
    RUN_OK(alice({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl, QStringLiteral("--roles"),
                  QStringLiteral("operator,incident-owner")},
                 QStringLiteral("alice")));
    const auto openIncident = [&](const QString &scope) {
        return alice({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                      QStringLiteral("bad-publish"), QStringLiteral("--scope"), scope,
                      QStringLiteral("--json"), QStringLiteral("--store"), appUrl},
                     QStringLiteral("alice"));
    };
    QCOMPARE(RUN_OK(openIncident(QStringLiteral("kl"))).exitCode, 0);
    // The witness step (the window's duty, or run by hand) brings the copy up to the log's end.
    QCOMPARE(RUN_OK(alice({QStringLiteral("evidence"), QStringLiteral("witness"), QStringLiteral("--store"),
                           appUrl},
                          QStringLiteral("alice")))
                 .exitCode,
             0);

    QVERIFY(cluster.crash());
    const RunResult offline = RUN_OK(openIncident(QStringLiteral("sg")));
    QCOMPARE(offline.exitCode, 0);
    QVERIFY2(offline.err.contains("working from this console's verified copy"), offline.err.constData());
    const QString id = parseJson(offline.out).stringAt("id");
    QVERIFY2(id.startsWith(QStringLiteral("INC-")) && id.size() == 13, offline.out.constData());
    // Refused offline as online: an identity this log does not know.
    const RunResult stranger =
        alice({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
               QStringLiteral("bad-publish"), QStringLiteral("--scope"), QStringLiteral("sg"),
               QStringLiteral("--store"), appUrl},
              QStringLiteral("mallory"));
    QVERIFY(stranger.exitCode != 0);
    const RunResult waiting = RUN_OK(alice({QStringLiteral("outbox"), QStringLiteral("list"),
                                            QStringLiteral("--json"), QStringLiteral("--store"), appUrl}));
    const JsonValue listed = parseJson(waiting.out);
    QCOMPARE(listed.toArray().size(), std::size_t(1));
    QCOMPARE(listed.toArray().front().stringAt("state"), QStringLiteral("pending"));
    QCOMPARE(listed.toArray().front().find("ids")->toArray().front().toQString(), id);
    // Still down: an explicit sync says so and keeps the act waiting.
    const RunResult stillDown =
        alice({QStringLiteral("outbox"), QStringLiteral("sync"), QStringLiteral("--store"), appUrl},
              QStringLiteral("alice"));
    QCOMPARE(stillDown.exitCode, 5);
    // Reading goes on from the copy, the act waiting in the outbox included, and says so.
    const RunResult incidents = RUN_OK(alice({QStringLiteral("incident"), QStringLiteral("list"),
                                              QStringLiteral("--json"), QStringLiteral("--store"), appUrl}));
    QCOMPARE(incidents.exitCode, 0);
    QVERIFY2(incidents.err.contains("reading this console's verified copy") &&
                 incidents.err.contains("1 act(s) waiting"),
             incidents.err.constData());
    QStringList ids;
    const JsonValue listedIncidents = parseJson(incidents.out);
    for (const JsonValue &i : listedIncidents.toArray())
        ids << i.stringAt("id");
    QCOMPARE(ids.size(), 2);
    QVERIFY2(ids.contains(id), qPrintable(ids.join(QLatin1Char(' '))));
    const RunResult opened = RUN_OK(alice({QStringLiteral("evidence"), QStringLiteral("list"),
                                           QStringLiteral("--kind"), QStringLiteral("incident.opened"),
                                           QStringLiteral("--json"), QStringLiteral("--store"), appUrl}));
    QCOMPARE(opened.exitCode, 0);
    QCOMPARE(parseJson(opened.out).toArray().size(), std::size_t(2));
    // Verify needs the server: it is not run on the copy.
    const RunResult verifyDown =
        alice({QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--store"), appUrl});
    QCOMPARE(verifyDown.exitCode, 5);

    QVERIFY(cluster.restart());
    const RunResult back = RUN_OK(openIncident(QStringLiteral("my")));
    QCOMPARE(back.exitCode, 0);
    QVERIFY2(back.err.contains("outbox: act 1 synced as event"), back.err.constData());
    const RunResult done =
        RUN_OK(alice({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--all"),
                      QStringLiteral("--json"), QStringLiteral("--store"), appUrl}));
    const JsonValue all = parseJson(done.out);
    QCOMPARE(all.toArray().size(), std::size_t(1));
    QCOMPARE(all.toArray().front().stringAt("state"), QStringLiteral("synced"));
    QVERIFY(all.toArray().front().find("first_seq")->toInt() > 0);
    QCOMPARE(
        RUN_OK(alice({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--store"), appUrl}))
            .out,
        QByteArray("nothing waits and nothing was refused\n"));
    auto team = open(db.value(), cluster.server);
    QVERIFY(team);
    auto book = IncidentBook::load(*team);
    QVERIFY(book.ok());
    QCOMPARE(book->incidents().size(), 3);
    const Incident *synced = book->incident(id);
    QVERIFY2(synced, qPrintable(id));
    QCOMPARE(synced->scope, QStringLiteral("sg"));
    auto report = team->verify(VerifyOptions(true));
    QVERIFY(report.ok());
    QVERIFY2(report->intact, qPrintable(report->reason));
}

// A console claims an act was made offline an hour earlier (to look as if it met a deadline): an
// outbox.synced record whose "original" signature alice never made. The append takes it (it is
// alice's own signed event); verify names the event whose offline signature does not verify, and
// a record that names more events than follow it.
void TestOutbox::aForgedOfflineRecordFailsVerify() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    auto clean = team->verify(VerifyOptions(true));
    QVERIFY(clean.ok() && clean->intact);
    JsonValue original = JsonValue::object();
    original["id"] = QStringLiteral("0f0e0d0c-0b0a-4908-8706-050403020100");
    original["ts"] = m_now - 3'600'000;
    original["signature"] = QString::fromLatin1(QByteArray(64, '\x5a').toBase64());
    JsonValue originals = JsonValue::array();
    originals.push(original);
    JsonValue marker = JsonValue::object();
    marker["outbox"] = QStringLiteral("forged");
    marker["n"] = 1;
    marker["made_at_ms"] = m_now - 3'600'000;
    marker["originals"] = originals;
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("rolled back pg (honest, really)");
    // Signed as a whole by alice herself, so only the event's offline signature is forged.
    const std::string whole =
        store::codec::actMessage(team->storeId().toStdString(), "forged", 1, 0, QByteArray(),
                                 m_now - 3'600'000, {original.stringAt("id")});
    marker["signature"] = QString::fromLatin1(
        m_alice.key.sign(QByteArrayView(whole.data(), static_cast<qsizetype>(whole.size()))).toBase64());
    auto stored = team->append(m_alice, {ev(QStringLiteral("outbox.synced"), QString(), marker),
                                         ev(QStringLiteral("test.note"), QStringLiteral("pg"), note)});
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
    auto report = team->verify(VerifyOptions(true));
    QVERIFY(report.ok());
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSeq.value_or(0), stored->at(1).seq);
    QVERIFY2(report->reason.contains(QStringLiteral("made offline")), qPrintable(report->reason));
}

// A person with the outbox file, sqlite3 and no key moves alice's act onto a later basis, past the
// close of the incident it decides on, so that the close would not count against it: the act's
// own signature covers its basis, and the act is rejected without being signed again.
void TestOutbox::anEditedBasisIsNeverBelieved() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-B4S1-5ED1");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    const QString path = m_dir.file(QStringLiteral("basis.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("roll back")))},
                        {}, m_now)
                .ok());
    JsonValue closed = JsonValue::object();
    closed["incident"] = id;
    closed["closure"] = QStringLiteral("closed meanwhile");
    QVERIFY(team->append(m_bob, {ev(QStringLiteral("incident.closed"), QStringLiteral("pg"), closed)}).ok());
    const Checkpoint later = team->latestCheckpoint().value();
    sqlite3(path, QStringLiteral("DROP TRIGGER acts_no_update;"
                                 "UPDATE acts SET basis_size = %1, basis_root = '%2';")
                      .arg(later.size)
                      .arg(QString::fromLatin1(later.root.toBase64())));
    QCOMPARE(outbox.value()->entries()->first().act.basisSize, later.size);
    const quint64 before = team->size().value();
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QCOMPARE(report->synced, 0);
    QCOMPARE(report->rejected, 1);
    QCOMPARE(team->size().value(), before);
    const QString reason = outbox.value()->entries()->first().reason;
    QVERIFY2(reason.contains(QStringLiteral("not signed as a whole")), qPrintable(reason));
}

// Bob shares alice's console. His act synced from its outbox long ago is public; he appends its
// record and its decision again, shaped like a sync of that act, after alice made hers offline on
// the incident. The repeat is a change like any other: alice's act is rejected naming it, and the
// team log's verify names the record that repeats what was synced before.
void TestOutbox::aReplayedSyncRecordHidesNothing() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-R3PL-4Y01");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("replayed.sqlite")));
    QVERIFY(outbox.ok());
    const NewEvent hold =
        ev(QStringLiteral("incident.decision"), QStringLiteral("pg"), decision(id, QStringLiteral("hold")));
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), team->latestCheckpoint().value(), {hold}, {}, m_now)
                .ok());
    auto his = syncOutbox(*outbox.value(), *team, m_bob, admission(*outbox.value()), m_clock);
    QVERIFY(his.ok());
    QCOMPARE(his->synced, 1);
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("later");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());

    // Alice, offline on a log that already holds bob's decision, decides otherwise.
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), team->latestCheckpoint().value(),
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("roll back")))},
                        {}, m_now)
                .ok());
    EventFilter records;
    records.kind = QStringLiteral("outbox.synced");
    const auto synced = team->query(records).value();
    QCOMPARE(synced.size(), 1);
    auto replay =
        team->append(m_bob, {ev(QStringLiteral("outbox.synced"), QString(), synced.first().payload()), hold});
    QVERIFY2(replay.ok(), qPrintable(replay.ok() ? QString() : replay.error().toString()));

    auto hers = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(hers.ok());
    QCOMPARE(hers->synced, 0);
    QCOMPARE(hers->rejected, 1);
    const QString reason = outbox.value()->entries()->last().reason;
    QVERIFY2(reason.contains(QStringLiteral("event %1 (incident.decision by bob").arg(replay->at(1).seq)),
             qPrintable(reason));
    auto verified = team->verify(VerifyOptions(true));
    QVERIFY(verified.ok());
    QVERIFY(!verified->intact);
    QCOMPARE(verified->firstBadSeq.value_or(0), replay->first().seq);
    QVERIFY2(verified->reason.contains(QStringLiteral("recorded before")), qPrintable(verified->reason));
}

// On one console alice decides first, then bob decides otherwise, both offline. Bob syncs first,
// so his later decision is in the team log before hers: hers is rejected as a conflict (appending
// it now would turn the order they were made in around), not waved through as the outbox's own.
void TestOutbox::anotherIdentitysLaterActIsAConflict() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-0RD3-R001");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("order.sqlite")));
    QVERIFY(outbox.ok());
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("roll back")))},
                        {}, m_now)
                .ok());
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("hold")))},
                        {}, m_now + 1000)
                .ok());
    auto his = syncOutbox(*outbox.value(), *team, m_bob, admission(*outbox.value()), m_clock);
    QVERIFY(his.ok());
    QCOMPARE(his->synced, 1);
    auto hers = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(hers.ok());
    QCOMPARE(hers->synced, 0);
    QCOMPARE(hers->rejected, 1);
    const QString reason = outbox.value()->entries()->first().reason;
    QVERIFY2(reason.contains(QStringLiteral("incident.decision by bob")), qPrintable(reason));
    auto verified = team->verify(VerifyOptions(true));
    QVERIFY(verified.ok());
    QVERIFY2(verified->intact, qPrintable(verified->reason));
}

// Bob's key is replaced (rotated, as after a laptop was lost) while an act he made offline waits.
// Whoever holds the old key cannot get acts signed with it into the log any more: the act is
// rejected, saying so, and bob acts again with his new key.
void TestOutbox::anActSignedWithAKeyReplacedSinceIsRefused() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("rotated.sqlite")));
    QVERIFY(outbox.ok());
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("made with the old key");
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), team->latestCheckpoint().value(),
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}, {}, m_now)
                .ok());
    Signer renewed = makeSigner(QStringLiteral("bob"));
    QVERIFY(team->rotateIdentity(m_bob, renewed.key).ok());
    auto approved = team->approveIdentity(m_alice, QStringLiteral("bob"));
    QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().toString()));
    const quint64 before = team->size().value();
    auto report = syncOutbox(*outbox.value(), *team, renewed, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QCOMPARE(report->rejected, 1);
    QCOMPARE(team->size().value(), before);
    const QString reason = outbox.value()->entries()->first().reason;
    QVERIFY2(reason.contains(QStringLiteral("key was replaced")), qPrintable(reason));

    // Made again with the new key, on the log as it is now (the rotation included), it syncs.
    QVERIFY(outbox.value()
                ->queue(renewed, team->storeId(), team->latestCheckpoint().value(),
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}, {}, m_now)
                .ok());
    auto again = syncOutbox(*outbox.value(), *team, renewed, admission(*outbox.value()), m_clock);
    QVERIFY(again.ok());
    QVERIFY2(again->synced == 1, qPrintable(again->lines.join(QLatin1Char('\n'))));
    auto verified = team->verify(VerifyOptions(true));
    QVERIFY(verified.ok());
    QVERIFY2(verified->intact, qPrintable(verified->reason));
}

// A person with the console's files keeps a copy of the team log (with alice's genuine vouch) and
// puts it back after the log and the copy moved on, so that alice acts offline on an old state:
// her console holds the copy against the checkpoint she last cosigned and refuses.
void TestOutbox::anOlderCopyPutBackIsRefused() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString home = m_dir.file(QStringLiteral("rollback-home"));
    QVERIFY(QDir().mkpath(home));
    const QString copyPath = m_dir.file(QStringLiteral("rollback.copy.sqlite"));
    const auto witness = [&] {
        const Checkpoint latest = team->latestCheckpoint().value();
        auto cosigned =
            Witness::cosign(*team, m_alice, latest.noteText(),
                            Witness::memoryPath(home, QStringLiteral("alice"), team->storeId()), m_now);
        QVERIFY2(cosigned.ok(), qPrintable(cosigned.ok() ? QString() : cosigned.error().toString()));
        auto copy = TeamLogCopy::open(copyPath);
        QVERIFY(copy.ok());
        QVERIFY(refreshCopy(*copy.value(), *team, latest, m_alice).ok());
    };
    witness();
    QVERIFY(QFile::copy(copyPath, copyPath + QStringLiteral(".kept")));
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("switch publish off on pg");
    QVERIFY(team->append(m_bob, {ev(QStringLiteral("test.note"), QStringLiteral("pg"), note)}).ok());
    witness();
    QVERIFY(QFile::remove(copyPath));
    QVERIFY(QFile::copy(copyPath + QStringLiteral(".kept"), copyPath));

    auto opened = TeamLogCopy::open(copyPath);
    QVERIFY(opened.ok()); // a genuine file, genuinely vouched for
    std::shared_ptr<TeamLogCopy> copy = std::move(opened).value();
    QVERIFY(copy->vouchedBy(QStringLiteral("alice"), m_alice.key.publicKey()));
    std::shared_ptr<Outbox> box = Outbox::open(m_dir.file(QStringLiteral("rollback.outbox.sqlite"))).value();
    auto view = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("rollback"));
    QVERIFY(view.ok());
    view.value()->setWriteGuards(home, false);
    auto refused =
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("older copy was put back")),
             qPrintable(refused.error().message));
    QCOMPARE(box->waiting()->count, 0);
}

// Offline, alice decides to roll back, then records a second decision on the same incident that
// follows from the first. The first is refused at sync (made on a log that is not this one); the
// second, made on top of it, is refused with it, naming it, instead of standing alone in the log.
// An act about something else goes on.
void TestOutbox::anActMadeOnARefusedOneIsRefused() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-B0NT-0P01");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    Checkpoint foreign = basis;
    foreign.root[0] = static_cast<char>(foreign.root.at(0) ^ 0x01);
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("builds.sqlite")));
    QVERIFY(outbox.ok());
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), foreign,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("roll back")))},
                        {}, m_now)
                .ok());
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("after the rollback: verify the pack")))},
                        {}, m_now)
                .ok());
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("unrelated");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}, {}, m_now)
                .ok());
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QCOMPARE(report->rejected, 2);
    QCOMPARE(report->synced, 1);
    const auto entries = outbox.value()->entries().value();
    QVERIFY2(entries.at(1).reason.contains(QStringLiteral("after act 1")), qPrintable(entries.at(1).reason));
    QCOMPARE(entries.at(2).state, OutboxState::Synced);
    EventFilter decisions;
    decisions.kind = QStringLiteral("incident.decision");
    QCOMPARE(team->query(decisions)->size(), 0);
}

// Outcome rows written into the outbox file by hand make neither a conflict nor a stop: a forged
// rejection of the first of two decisions on one incident (once the first is synced, the second's
// admission asks the log whose record it is, not the file), and a row with a state of its own
// (CHECK constraints ignored) on a third act, which the sync appends without writing a second row.
void TestOutbox::forgedOutcomesHideNoChangeAndStopNoSync() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-F0RG-0UT1");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    const QString path = m_dir.file(QStringLiteral("forged-outcomes.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    for (const QString &text :
         {QStringLiteral("roll back"), QStringLiteral("after the rollback: verify the pack")})
        QVERIFY(
            outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"), decision(id, text))},
                        {}, m_now)
                .ok());
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("third");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}, {}, m_now)
                .ok());
    sqlite3(path, QStringLiteral(
                      "PRAGMA ignore_check_constraints = ON; INSERT INTO outcomes(n, state, at_ms, "
                      "first_seq, reason) VALUES (1, 'rejected', %1, 0, 'forged'), (3, 'lost', %1, 0, '')")
                      .arg(m_now));
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY2(report->synced == 3 && report->rejected == 0, qPrintable(report->lines.join(QLatin1Char('\n'))));
    EventFilter decisions;
    decisions.kind = QStringLiteral("incident.decision");
    QCOMPARE(team->query(decisions)->size(), 2);
    const quint64 size = team->size().value();
    auto again = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again->synced, 0);
    QCOMPARE(team->size().value(), size);
}

// A port that accepts and then closes, or accepts and never says a word (a tunnel or a pooler with
// nothing behind it, a server half up): no PostgreSQL server answered, so the log is away, not
// refusing, and a console may work offline.
void TestOutbox::aSocketThatSaysNothingIsAway() {
    for (const bool closes : {true, false}) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        auto closeFd = qScopeGuard([fd] { ::close(fd); });
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        QCOMPARE(::listen(fd, 4), 0);
        socklen_t len = sizeof addr;
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len), 0);
        std::thread server([fd, closes] {
            const int client = ::accept(fd, nullptr, nullptr);
            if (client < 0)
                return;
            // Read what the client says (its startup message; all of it, until it gives up, when
            // the port never answers), answer nothing, and close.
            char buf[512];
            if (closes)
                (void)::recv(client, buf, sizeof buf, 0);
            else
                while (::recv(client, buf, sizeof buf, 0) > 0) {
                }
            ::close(client);
        });
        const QString url =
            QStringLiteral("postgresql://team_app@127.0.0.1:%1/%2?connect_timeout=2&sslmode=disable")
                .arg(ntohs(addr.sin_port))
                .arg(m_db);
        auto c = pg::Connection::connect(url);
        ::shutdown(fd, SHUT_RDWR);
        server.join();
        QVERIFY(!c.ok());
        QVERIFY2(c.error().unreachable && c.error().message.contains(QStringLiteral("unreachable")),
                 qPrintable(c.error().message));
    }
}

QTEST_GUILESS_MAIN(TestOutbox)
// A person with the outbox file and sqlite3 slips acts "by alice" into her outbox: one signed with
// another key, one a genuine act with its text changed, one a copy of an act synced before. Her
// console, syncing, signs none of them again: each is rejected, saying why; her own act goes on.
void TestOutbox::aRowSlippedIntoTheOutboxIsNeverSigned() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const Checkpoint basis = team->latestCheckpoint().value();
    const QString path = m_dir.file(QStringLiteral("slipped.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    JsonValue genuine = JsonValue::object();
    genuine["text"] = QStringLiteral("genuine note");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), genuine)}, {}, m_now)
                .ok());
    auto first = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(first.ok());
    QCOMPARE(first->synced, 1);

    // The attacker's own act in alice's name, signed with the attacker's key, made elsewhere.
    const QString scratch = m_dir.file(QStringLiteral("mallory.sqlite"));
    {
        auto other = Outbox::open(scratch);
        QVERIFY(other.ok());
        Signer mallory = makeSigner(QStringLiteral("alice"));
        JsonValue sw = JsonValue::object();
        sw["switch"] = QStringLiteral("publish");
        sw["reason"] = QStringLiteral("forged");
        QVERIFY(other.value()
                    ->queue(mallory, team->storeId(), basis,
                            {ev(QStringLiteral("killswitch.activated"), QStringLiteral("kl"), sw)}, {}, m_now)
                    .ok());
    }
    const QString columns =
        QStringLiteral("made_ms, author, store_id, basis_size, basis_root, events, act_signature");
    const QString sql =
        QStringLiteral(
            "ATTACH '%1' AS m;"
            "INSERT INTO acts(%2) SELECT %2 FROM m.acts;"
            "INSERT INTO acts(%2) SELECT made_ms, author, store_id, basis_size, basis_root, "
            "replace(events, 'genuine note', 'forged note'), act_signature FROM main.acts WHERE n = 1;"
            "INSERT INTO acts(%2) SELECT %2 FROM main.acts WHERE n = 1;")
            .arg(scratch, columns);
    sqlite3(path, sql);
    QCOMPARE(outbox.value()->waiting()->count, 3);

    const quint64 before = team->size().value();
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->synced, 0);
    QCOMPARE(report->rejected, 3);
    QCOMPARE(team->size().value(), before);
    const auto entries = outbox.value()->entries().value();
    QCOMPARE(entries.size(), 4);
    // Each carries a genuine signature over an act: mallory's own, or alice's over act 1, which
    // holds another place in another outbox (and, for the changed text, other events).
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(entries.at(i).reason.contains(QStringLiteral("not signed as a whole by 'alice'")),
                 qPrintable(entries.at(i).reason));
    EventFilter switches;
    switches.kind = QStringLiteral("killswitch.activated");
    QCOMPARE(team->query(switches)->size(), 0);
    EventFilter forged;
    forged.text = QStringLiteral("forged note");
    QCOMPARE(team->query(forged)->size(), 0);
    VerifyOptions o;
    o.signatures = true;
    auto verified = team->verify(o);
    QVERIFY(verified.ok());
    QVERIFY2(verified->intact, qPrintable(verified->reason));
}

// Bob names alice's outbox in a record of his own, so that his close of the incident would pass
// for one of her synced acts: the record alone is refused, and one shaped like a sync does not
// hide his close from her act made offline.
void TestOutbox::anotherIdentityCannotHideItsChangesBehindAnOutbox() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    JsonValue opened = JsonValue::object();
    opened["id"] = QStringLiteral("INC-H1D3-4XQ1");
    opened["class"] = QStringLiteral("stale-pack");
    opened["severity"] = QStringLiteral("SEV-2");
    opened["trigger"] = QStringLiteral("stale");
    QVERIFY(
        team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), opened)}).ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("hidden.sqlite")));
    QVERIFY(outbox.ok());
    JsonValue decided = JsonValue::object();
    decided["incident"] = QStringLiteral("INC-H1D3-4XQ1");
    decided["text"] = QStringLiteral("roll back pg");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"), decided)}, {}, m_now)
                .ok());

    JsonValue marker = JsonValue::object();
    marker["outbox"] = outbox.value()->id();
    marker["n"] = 1;
    JsonValue original = JsonValue::object();
    original["id"] = QStringLiteral("00000000-0000-4000-8000-000000000000");
    JsonValue originals = JsonValue::array();
    originals.push(original);
    marker["originals"] = originals;
    auto alone = team->append(m_bob, {ev(QStringLiteral("outbox.synced"), QString(), marker)});
    QVERIFY(!alone.ok());
    QVERIFY2(alone.error().message.contains(QStringLiteral("only by the sync of an outbox")),
             qPrintable(alone.error().message));
    JsonValue closed = JsonValue::object();
    closed["incident"] = QStringLiteral("INC-H1D3-4XQ1");
    closed["closure"] = QStringLiteral("closed quietly");
    auto shaped = team->append(m_bob, {ev(QStringLiteral("outbox.synced"), QString(), marker),
                                       ev(QStringLiteral("incident.closed"), QStringLiteral("pg"), closed)});
    QVERIFY2(shaped.ok(), qPrintable(shaped.ok() ? QString() : shaped.error().toString()));

    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QCOMPARE(report->rejected, 1);
    const QString reason = outbox.value()->entries()->first().reason;
    QVERIFY2(reason.contains(QStringLiteral("incident.closed by bob")), qPrintable(reason));
}

// The window's duty and the command line sync the same outbox: while one holds it, the other does
// nothing and says so; nothing is appended twice.
void TestOutbox::oneSyncOfAnOutboxAtATime() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString path = m_dir.file(QStringLiteral("locked.sqlite"));
    auto outbox = Outbox::open(path);
    QVERIFY(outbox.ok());
    JsonValue p = JsonValue::object();
    p["text"] = QStringLiteral("once");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), team->latestCheckpoint().value(),
                        {ev(QStringLiteral("test.note"), QStringLiteral("kl"), p)}, {}, m_now)
                .ok());
    const quint64 before = team->size().value();
    {
        QLockFile other(path + QStringLiteral(".lock"));
        QVERIFY(other.tryLock(0));
        auto busy = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
        QVERIFY(busy.ok());
        QVERIFY(busy->busy);
        QCOMPARE(busy->synced, 0);
        QCOMPARE(team->size().value(), before);
        QCOMPARE(outbox.value()->waiting()->count, 1);
    }
    auto report = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(report.ok());
    QVERIFY(!report->busy);
    QCOMPARE(report->synced, 1);
    QCOMPARE(team->size().value(), before + 2);
}

// The window's offline view was opened on the copy; a witness pass then grows the copy. The old
// view still proves what it holds against its own checkpoint and refuses to act on a basis it no
// longer has; a new view sees the grown copy.
void TestOutbox::aViewOfTheCopyKeepsItsBasisWhileTheCopyGrows() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("before");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    auto opened = TeamLogCopy::open(m_dir.file(QStringLiteral("view.copy.sqlite")));
    QVERIFY(opened.ok());
    std::shared_ptr<TeamLogCopy> copy = std::move(opened).value();
    QVERIFY(refreshCopy(*copy, *team, team->latestCheckpoint().value(), m_alice).ok());
    std::shared_ptr<Outbox> box = Outbox::open(m_dir.file(QStringLiteral("view.outbox.sqlite"))).value();
    auto view = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("view"));
    QVERIFY(view.ok());
    const quint64 base = view.value()->size().value();
    QVERIFY(
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());

    QVERIFY(team->append(m_bob, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    QVERIFY(refreshCopy(*copy, *team, team->latestCheckpoint().value(), m_alice).ok());
    QCOMPARE(copy->size(), base + 1); // bob's note

    const Checkpoint was = view.value()->latestCheckpoint().value();
    QCOMPARE(was.size, base);
    auto proof = view.value()->inclusionProof(base, base);
    QVERIFY2(proof.ok(), qPrintable(proof.ok() ? QString() : proof.error().message));
    QVERIFY(crypto::merkle::verifyInclusion(proof->leafHash, base - 1, base, proof->path, was.root));
    auto stale = view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)});
    QVERIFY(!stale.ok());
    QVERIFY2(stale.error().message.contains(QStringLiteral("changed under this view")),
             qPrintable(stale.error().message));

    auto fresh = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("view"));
    QVERIFY(fresh.ok());
    QCOMPARE(fresh.value()->latestCheckpoint()->size, copy->size());
    QCOMPARE(fresh.value()->provisional(), quint64(1));
    QVERIFY(
        fresh.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
}

// Only a server that never answered is away. One that answers and refuses (an unknown role, a
// missing database) is shown as refusing: the console does not quietly go on offline, even with a
// copy of the log at hand.
void TestOutbox::aServerThatRefusesIsNotAway() {
    const auto refusal = [](const QString &url) {
        auto c = pg::Connection::connect(url);
        return c.ok() ? Error{} : c.error();
    };
    const Error noRole = refusal(m_server.url(m_db, QStringLiteral("no_such_role")));
    QVERIFY(!noRole.message.isEmpty());
    QVERIFY2(!noRole.unreachable && noRole.message.contains(QStringLiteral("refused the connection")),
             qPrintable(noRole.message));
    const Error noDb = refusal(m_server.url(QStringLiteral("no_such_db"), QStringLiteral("team_app")));
    QVERIFY2(!noDb.unreachable && noDb.message.contains(QStringLiteral("refused the connection")),
             qPrintable(noDb.message));
    const Error away = refusal(QStringLiteral("postgresql:///%1?host=%2&user=team_app")
                                   .arg(m_db, m_dir.file(QStringLiteral("no-server-here"))));
    QVERIFY2(away.unreachable && away.message.contains(QStringLiteral("unreachable")),
             qPrintable(away.message));

    // A console whose copy of the log is at hand, pointed at the log as a role the server refuses.
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString home = m_dir.file(QStringLiteral("refused-home"));
    const QString url = m_server.url(m_db, QStringLiteral("no_such_role"));
    {
        QVERIFY(QDir().mkpath(QFileInfo(teamCopyPath(home, url)).absolutePath()));
        auto copy = TeamLogCopy::open(teamCopyPath(home, url));
        QVERIFY(copy.ok());
        QVERIFY(refreshCopy(*copy.value(), *team, team->latestCheckpoint().value(), m_alice).ok());
    }
    StoreOpenOptions options;
    options.anchorDirectory = home;
    options.clock = m_clock;
    StoreHost host(url, options);
    QVERIFY(!host.evidence());
    QVERIFY(!host.isOffline());
    QVERIFY2(host.problem().contains(QStringLiteral("refused the connection")) &&
                 !host.problem().contains(QStringLiteral("offline")),
             qPrintable(host.problem()));
}

// What stops a write on the team log stops one offline: the alarm this console raised, the store
// opened read-only, a clock gone backwards. Nothing reaches the outbox.
void TestOutbox::offlineTheSameGuardsStopAWrite() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    auto opened = TeamLogCopy::open(m_dir.file(QStringLiteral("guards.copy.sqlite")));
    QVERIFY(opened.ok());
    std::shared_ptr<TeamLogCopy> copy = std::move(opened).value();
    QVERIFY(refreshCopy(*copy, *team, team->latestCheckpoint().value(), m_alice).ok());
    std::shared_ptr<Outbox> box = Outbox::open(m_dir.file(QStringLiteral("guards.outbox.sqlite"))).value();
    auto view = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("guards"));
    QVERIFY(view.ok());
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("guarded");
    const QList<NewEvent> act{ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)};
    const QString home = m_dir.file(QStringLiteral("guards-home"));

    view.value()->setWriteGuards(home, true);
    auto readOnly = view.value()->append(m_alice, act);
    QVERIFY(!readOnly.ok());
    QVERIFY2(readOnly.error().message.contains(QStringLiteral("read-only")),
             qPrintable(readOnly.error().message));

    const QString alarm = PgEvidenceStore::alarmPathFor(home, team->storeId());
    QVERIFY(QDir().mkpath(QFileInfo(alarm).absolutePath()));
    QVERIFY(FileUtil::writePrivateAtomic(alarm, "{\"reason\":\"rewritten\"}\n").ok());
    view.value()->setWriteGuards(home, false);
    auto alarmed = view.value()->append(m_alice, act);
    QVERIFY(!alarmed.ok());
    QVERIFY2(alarmed.error().message.contains(QStringLiteral("raised the alarm")),
             qPrintable(alarmed.error().message));
    QVERIFY(QFile::remove(alarm));

    const qint64 latest = view.value()->event(view.value()->size().value())->tsMs;
    NewEvent backwards = act.first();
    backwards.tsMs = latest - Time::kClockSkewToleranceMs - 60'000;
    auto late = view.value()->append(m_alice, {backwards});
    QVERIFY(!late.ok());
    QVERIFY2(late.error().message.contains(QStringLiteral("before the latest")),
             qPrintable(late.error().message));
    QCOMPARE(box->waiting()->count, 0);
    QVERIFY(view.value()->append(m_alice, act).ok());
    QCOMPARE(box->waiting()->count, 1);
}

// Alice and bob work on one console while the server is away: she opens an incident, he decides
// on it. Each syncs their own acts; bob's decision is not taken for a conflict with her opening,
// which came from the same outbox. An act citing a position made offline is refused at once.
void TestOutbox::twoIdentitiesShareAConsolesOutbox() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const Checkpoint basis = team->latestCheckpoint().value();
    auto outbox = Outbox::open(m_dir.file(QStringLiteral("shared.sqlite")));
    QVERIFY(outbox.ok());
    JsonValue opened = JsonValue::object();
    opened["id"] = QStringLiteral("INC-SH4R-3D01");
    opened["class"] = QStringLiteral("stale-pack");
    opened["severity"] = QStringLiteral("SEV-2");
    opened["trigger"] = QStringLiteral("stale");
    QVERIFY(outbox.value()
                ->queue(m_alice, team->storeId(), basis,
                        {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), opened)}, {}, m_now)
                .ok());
    JsonValue decided = JsonValue::object();
    decided["incident"] = QStringLiteral("INC-SH4R-3D01");
    decided["text"] = QStringLiteral("roll back pg");
    QVERIFY(outbox.value()
                ->queue(m_bob, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"), decided)}, {}, m_now)
                .ok());
    auto hers = syncOutbox(*outbox.value(), *team, m_alice, admission(*outbox.value()), m_clock);
    QVERIFY(hers.ok());
    QCOMPARE(hers->synced, 1);
    QCOMPARE(hers->otherAuthors, 1);
    auto his = syncOutbox(*outbox.value(), *team, m_bob, admission(*outbox.value()), m_clock);
    QVERIFY(his.ok());
    QVERIFY2(his->synced == 1, qPrintable(his->lines.join(QLatin1Char('\n'))));
    EventFilter decisions;
    decisions.kind = QStringLiteral("incident.decision");
    QCOMPARE(team->query(decisions)->size(), 1);

    // Offline, an act citing a provisional position is refused before it reaches the outbox.
    auto opened2 = TeamLogCopy::open(m_dir.file(QStringLiteral("cites.copy.sqlite")));
    QVERIFY(opened2.ok());
    std::shared_ptr<TeamLogCopy> copy = std::move(opened2).value();
    QVERIFY(refreshCopy(*copy, *team, team->latestCheckpoint().value(), m_alice).ok());
    std::shared_ptr<Outbox> box = Outbox::open(m_dir.file(QStringLiteral("cites.outbox.sqlite"))).value();
    auto view = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("cites"));
    QVERIFY(view.ok());
    JsonValue note = JsonValue::object();
    note["text"] = QStringLiteral("first");
    QVERIFY(
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note)}).ok());
    JsonValue citing = JsonValue::object();
    JsonValue signoff = JsonValue::object();
    signoff["seq"] = static_cast<qint64>(copy->size() + 1);
    JsonValue list = JsonValue::array();
    list.push(signoff);
    citing["signoffs"] = list;
    auto refused =
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), citing)});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("provisional")),
             qPrintable(refused.error().message));
    // A handover acknowledged, and a checkpoint cited by size, past the copy: refused alike.
    JsonValue ack = JsonValue::object();
    ack["handover"] = static_cast<qint64>(copy->size() + 1);
    auto handover =
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), ack)});
    QVERIFY(!handover.ok());
    QVERIFY2(handover.error().message.contains(QStringLiteral("provisional")),
             qPrintable(handover.error().message));
    JsonValue cited = JsonValue::object();
    JsonValue checkpoint = JsonValue::object();
    checkpoint["size"] = static_cast<qint64>(copy->size() + 1);
    checkpoint["root"] = QStringLiteral("AAAA");
    cited["checkpoint"] = checkpoint;
    auto sized =
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), cited)});
    QVERIFY(!sized.ok());
    JsonValue bytes = JsonValue::object();
    bytes["size"] = static_cast<qint64>(copy->size() + 100); // a size in bytes cites nothing
    QVERIFY(
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), bytes)}).ok());
    signoff["seq"] = static_cast<qint64>(copy->size());
    list = JsonValue::array();
    list.push(signoff);
    citing["signoffs"] = list;
    QVERIFY(
        view.value()->append(m_alice, {ev(QStringLiteral("test.note"), QStringLiteral("kl"), citing)}).ok());
}

// Someone with write access to the outbox file (sqlite3, no key) marks a waiting act synced so it
// never reaches the log, slips in an act under a colleague's name to be shown offline, and takes an
// act out. The log's record decides what was synced, an act nobody signed is not shown, and a
// missing act stops the sync.
void TestOutbox::theOutboxFileCannotHideOrInventActs() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    auto opened = TeamLogCopy::open(m_dir.file(QStringLiteral("hide.copy.sqlite")));
    QVERIFY(opened.ok());
    std::shared_ptr<TeamLogCopy> copy = std::move(opened).value();
    QVERIFY(refreshCopy(*copy, *team, team->latestCheckpoint().value(), m_alice).ok());
    const QString path = m_dir.file(QStringLiteral("hide.outbox.sqlite"));
    std::shared_ptr<Outbox> box = Outbox::open(path).value();
    const Checkpoint basis = team->latestCheckpoint().value();
    const auto note = [](const QString &text) {
        JsonValue n = JsonValue::object();
        n["text"] = text;
        return n;
    };
    for (const QString &text :
         {QStringLiteral("hide one"), QStringLiteral("hide two"), QStringLiteral("hide three")})
        QVERIFY(box->queue(m_alice, team->storeId(), basis,
                           {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note(text))}, {}, m_now)
                    .ok());
    sqlite3(path,
            QStringLiteral(
                "INSERT INTO outcomes(n, state, at_ms, first_seq, reason) VALUES (2, 'synced', 0, 0, '')"));
    const QString scratch = m_dir.file(QStringLiteral("hide.mallory.sqlite"));
    {
        auto other = Outbox::open(scratch);
        QVERIFY(other.ok());
        QVERIFY(other.value()
                    ->queue(makeSigner(QStringLiteral("bob")), team->storeId(), basis,
                            {ev(QStringLiteral("incident.opened"), QStringLiteral("kl"),
                                incident(QStringLiteral("INC-FAKE-0001")))},
                            {}, m_now)
                    .ok());
    }
    const QString columns =
        QStringLiteral("made_ms, author, store_id, basis_size, basis_root, events, act_signature");
    sqlite3(path, QStringLiteral("ATTACH '%1' AS m; INSERT INTO acts(%2) SELECT %2 FROM m.acts;")
                      .arg(scratch, columns));

    // Offline: the slipped act is not shown as bob's, and the view says that the file was edited.
    auto view = OfflineTeamLog::open(copy, box, TrustPolicy{}, m_clock, QStringLiteral("hide"));
    QVERIFY(view.ok());
    EventFilter fake;
    fake.kind = QStringLiteral("incident.opened");
    fake.text = QStringLiteral("INC-FAKE-0001");
    QCOMPARE(view.value()->query(fake)->size(), 0);
    QVERIFY2(
        view.value()->integrityProblem().contains(QStringLiteral("1 act(s) in the outbox are not signed")),
        qPrintable(view.value()->integrityProblem()));

    // The sync appends act 2 all the same: the team log records no sync of it.
    auto report = syncOutbox(*box, *team, m_alice, admission(*box), m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->synced, 3);
    QVERIFY2(report->lines.join(u'\n').contains(QStringLiteral("act 2 is marked synced in the outbox file")),
             qPrintable(report->lines.join(u'\n')));
    EventFilter two;
    two.text = QStringLiteral("hide two");
    QCOMPARE(team->query(two)->size(), 1);
    QCOMPARE(team->query(fake)->size(), 0);

    // An act taken out of the file (its trigger dropped): nothing after it syncs.
    for (const QString &text :
         {QStringLiteral("hide five"), QStringLiteral("hide six"), QStringLiteral("hide seven")})
        QVERIFY(box->queue(m_alice, team->storeId(), team->latestCheckpoint().value(),
                           {ev(QStringLiteral("test.note"), QStringLiteral("kl"), note(text))}, {}, m_now)
                    .ok());
    sqlite3(path, QStringLiteral("DROP TRIGGER acts_no_delete; DELETE FROM acts WHERE n = 6;"));
    const quint64 before = team->size().value();
    auto stopped = syncOutbox(*box, *team, m_alice, admission(*box), m_clock);
    QVERIFY(stopped.ok());
    QCOMPARE(stopped->synced, 0);
    QVERIFY2(stopped->stopped.contains(QStringLiteral("act 6 is missing from the outbox")),
             qPrintable(stopped->stopped));
    QCOMPARE(team->size().value(), before);
}

// Between the check that nothing the act is about changed and its append, a colleague closes the
// incident: the act is appended only onto the log it was checked against, so it is checked again
// and refused, naming the close.
void TestOutbox::aColleaguesActBetweenCheckAndAppendIsCheckedAgain() {
    auto team = open(m_db, m_server);
    QVERIFY(team);
    const QString id = QStringLiteral("INC-R4CE-0001");
    QVERIFY(team->append(m_alice, {ev(QStringLiteral("incident.opened"), QStringLiteral("pg"), incident(id))})
                .ok());
    const Checkpoint basis = team->latestCheckpoint().value();
    auto box = Outbox::open(m_dir.file(QStringLiteral("race.sqlite")));
    QVERIFY(box.ok());
    QVERIFY(box.value()
                ->queue(m_bob, team->storeId(), basis,
                        {ev(QStringLiteral("incident.decision"), QStringLiteral("pg"),
                            decision(id, QStringLiteral("roll back")))},
                        {}, m_now)
                .ok());
    int checks = 0;
    quint64 closedAt = 0;
    const OutboxAdmission inner = admission(*box.value());
    const OutboxAdmission racing = [&](EvidenceStore &log, const OutboxAct &act) -> Result<quint64> {
        auto checked = inner(log, act);
        if (++checks == 1) {
            auto colleague = open(m_db, m_server);
            JsonValue closed = JsonValue::object();
            closed["incident"] = id;
            closed["closure"] = QStringLiteral("fresh pack published");
            auto close = colleague->append(
                m_alice, {ev(QStringLiteral("incident.closed"), QStringLiteral("pg"), closed)});
            if (close.ok())
                closedAt = close->first().seq;
        }
        return checked;
    };
    auto report = syncOutbox(*box.value(), *team, m_bob, racing, m_clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY(closedAt != 0);
    QCOMPARE(checks, 2);
    QCOMPARE(report->synced, 0);
    QCOMPARE(report->rejected, 1);
    const auto entries = box.value()->entries().value();
    QVERIFY2(entries.at(0).reason.contains(QStringLiteral("event %1").arg(closedAt)) &&
                 entries.at(0).reason.contains(QStringLiteral("incident.closed by alice")),
             qPrintable(entries.at(0).reason));
}

// An outbox file whose acts table was replaced by a view over an endless query (the trigger names
// made first, so that opening it would not notice): refused at open, before any read runs it.
void TestOutbox::anOutboxWhoseTablesAreViewsIsRefused() {
    const QString path = m_dir.file(QStringLiteral("endless.sqlite"));
    QVERIFY(Outbox::open(path).ok());
    sqlite3(path,
            QStringLiteral("DROP TRIGGER acts_no_delete; DROP TABLE outcomes; DROP TABLE act_blobs; "
                           "DROP TABLE acts; CREATE VIEW acts(n, made_ms, author, store_id, basis_size, "
                           "basis_root, events, act_signature) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION "
                           "ALL SELECT x + 1 FROM c) SELECT x, 0, 'alice', '', 0, '', '[]', '' FROM c;"
                           "CREATE TRIGGER acts_no_update INSTEAD OF UPDATE ON acts BEGIN SELECT 1; END; "
                           "CREATE TRIGGER acts_no_delete INSTEAD OF DELETE ON acts BEGIN SELECT 1; END;"));
    auto opened = Outbox::open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QStringLiteral("acts is not a table")),
             qPrintable(opened.error().message));
}

#include "tst_outbox.moc"
