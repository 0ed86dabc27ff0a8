// The outbox of a console on the team log, against a real PostgreSQL server: acts made while the
// server is down are kept signed in a local file, appended in order when it is back, exactly once
// even when a sync is cut off, and an act the team log no longer admits is kept as rejected with
// the event that came first, never dropped.
#include "PgFixture.h"
#include "TestSupport.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "store/EventCodec.h"
#include "store/Outbox.h"
#include "store/PgEvidenceStore.h"
#include "store/Sqlite.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

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

private:
    static Signer makeSigner(const QString &name);
    std::unique_ptr<PgEvidenceStore> open(const QString &db, const PgServer &server, bool create = false);
    static NewEvent ev(const QString &kind, const QString &scope, JsonValue payload);
    static OutboxAdmission admission(const Outbox &outbox) {
        return [&outbox](EvidenceStore &team, const OutboxAct &act) {
            return admitUnchangedSinceBasis(team, outbox, act);
        };
    }

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
    const QString script = QStringLiteral(OPSCONSOLE_SOURCE_DIR "/tests/support/pg-cluster.sh");
    const QString state = m_dir.file(QStringLiteral("outbox-state"));
    const auto cluster = [&](const char *verb) {
        QProcess p;
        p.start(QStringLiteral("bash"), {script, QString::fromLatin1(verb), state});
        const bool done =
            p.waitForFinished(300000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!done)
            qWarning("pg-cluster.sh %s: %s", verb, p.readAllStandardError().constData());
        return done;
    };
    QVERIFY(cluster("start"));
    const auto cleanup = qScopeGuard([&] { cluster("stop"); });
    QFile host(state + QStringLiteral("/host"));
    QVERIFY(host.open(QIODevice::ReadOnly));
    PgServer own;
    own.socketDir = QString::fromUtf8(host.readAll()).trimmed();
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

    QVERIFY(cluster("crash"));
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

    QVERIFY(cluster("restart"));
    QVERIFY(team->reconnect());
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
    QCOMPARE(report->rejected, 1);
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
    QCOMPARE(entries.at(2).state, OutboxState::Pending);
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
    QVERIFY(outbox.value()->markRejected(1, QStringLiteral("refused"), m_now).ok());
    QVERIFY(!outbox.value()->markSynced(1, 5, m_now).ok()); // one outcome an act
    auto db = store::Database::open(path, false);
    QVERIFY(db.ok());
    for (const char *sql : {"DELETE FROM acts", "UPDATE acts SET events = '[]'", "DELETE FROM outcomes",
                            "UPDATE outcomes SET state = 'synced'"}) {
        auto r = db->exec(sql);
        QVERIFY2(!r.ok() && r.error().message.contains(QStringLiteral("append-only")), sql);
    }
    QCOMPARE(outbox.value()->entries()->first().reason, QStringLiteral("refused"));
    // A file that is not an outbox is refused, not overwritten.
    const QString other = m_dir.write(QStringLiteral("notes.txt"), "not a database\n");
    QVERIFY(!Outbox::open(other).ok());
    QCOMPARE(FileUtil::permissions(path) & 077, 0);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
