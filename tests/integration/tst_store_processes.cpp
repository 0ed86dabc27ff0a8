// Real processes on a real store file: SIGKILL at random moments, and two writers at once.
#include "StoreFixture.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace ops;
using namespace ops::test;

class TestStoreProcesses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void survivesSigkillAtRandomMoments();
    void twoProcessesAppendLinearly();
};

static QString appender() {
    return ProgramRunner::binary(QStringLiteral("opsconsole-test-appender"));
}

static quint64 lastAck(const QByteArray &out) {
    quint64 last = 0;
    for (const QByteArray &line : out.split('\n'))
        if (line.startsWith("ack "))
            last = qMax(last, line.mid(4).toULongLong());
    return last;
}

void TestStoreProcesses::survivesSigkillAtRandomMoments() {
    StoreFixture f;
    const QString keyPath = f.dir.write(QStringLiteral("alice.pem"), f.alice.key.unencryptedPem());
    f.store.reset();
    const int rounds = qEnvironmentVariableIntValue("OPSCONSOLE_CRASH_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("OPSCONSOLE_CRASH_ROUNDS")
                           : 50;
    quint64 acknowledged = 1;
    auto *rng = QRandomGenerator::global();
    for (int round = 0; round < rounds; ++round) {
        QProcess p;
        p.start(appender(), {f.path, keyPath, QStringLiteral("alice"), QStringLiteral("-1"),
                             QString::number(1 + rng->bounded(4))});
        QVERIFY(p.waitForStarted());
        // Kill somewhere between before the first append and in the middle of many: one round
        // in four at any moment after the start, the others after the first acknowledged append
        // (however long a busy machine takes to get there), plus a random delay.
        QByteArray out;
        if (round % 4 != 0)
            while (!out.contains("ack ") && p.state() == QProcess::Running)
                if (p.waitForReadyRead(60000))
                    out += p.readAllStandardOutput();
        QTest::qWait(static_cast<int>(rng->bounded(0, 60)));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        acknowledged = qMax(acknowledged, lastAck(out + p.readAllStandardOutput()));

        auto s = SqliteEvidenceStore::open(f.path);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        const quint64 size = s.value()->size().value();
        QVERIFY2(size >= acknowledged, qPrintable(QStringLiteral("round %1: %2 acknowledged, %3 stored")
                                                      .arg(round)
                                                      .arg(acknowledged)
                                                      .arg(size)));
        // Hashes, roots and checkpoint signatures every 10 rounds; every event signature at the end.
        if (round % 10 == 9 || round == rounds - 1) {
            const VerifyReport r = s.value()->verify({round == rounds - 1, true}).value();
            QVERIFY2(r.intact, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(r.reason)));
        } else {
            QVERIFY(s.value()->integrityProblem().isEmpty());
        }
        if (round % 100 == 99)
            qInfo("round %d of %d: %llu acknowledged, %llu stored", round + 1, rounds, acknowledged, size);
    }
    QVERIFY(acknowledged > 5);
    // A kill in the middle of a sidecar write leaves at most one temporary behind.
    const QStringList temporaries =
        QDir(f.dir.path()).entryList({QStringLiteral("evidence.sqlite.checkpoint.tmp*")}, QDir::Files);
    QVERIFY2(temporaries.size() <= 1, qPrintable(temporaries.join(QLatin1Char(' '))));
}

void TestStoreProcesses::twoProcessesAppendLinearly() {
    StoreFixture f;
    const Signer bob = makeSigner(QStringLiteral("bob"));
    QVERIFY(f.enrol(bob, {QStringLiteral("qa")}).ok());
    const QString aliceKey = f.dir.write(QStringLiteral("alice.pem"), f.alice.key.unencryptedPem());
    const QString bobKey = f.dir.write(QStringLiteral("bob.pem"), bob.key.unencryptedPem());
    f.store.reset();
    QProcess a, b;
    a.start(appender(), {f.path, aliceKey, QStringLiteral("alice"), QStringLiteral("60")});
    b.start(appender(), {f.path, bobKey, QStringLiteral("bob"), QStringLiteral("60")});
    QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
    QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
    QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
    auto s = SqliteEvidenceStore::open(f.path).value();
    QCOMPARE(s->size().value(), quint64(3 + 120)); // alice, bob's request and its approval
    const auto events = s->events(1, 1000).value();
    QSet<QString> writers;
    QHash<QString, qint64> nextI{{QStringLiteral("alice"), 0}, {QStringLiteral("bob"), 0}};
    for (const StoredEvent &e : events) {
        if (e.kind != QLatin1String("test.append"))
            continue;
        const QString w = e.payload().stringAt("writer");
        writers.insert(w);
        QCOMPARE(e.actor, w);
        QCOMPARE(e.payload().find("i")->toInt(),
                 nextI[w]++); // each writer's events in its own order, none lost
    }
    QCOMPARE(writers.size(), 2);
    QCOMPARE(nextI.value(QStringLiteral("alice")), 60);
    QCOMPARE(nextI.value(QStringLiteral("bob")), 60);
    const VerifyReport r = s->verify({true, true}).value();
    QVERIFY2(r.intact, qPrintable(r.reason));
    QCOMPARE(r.checkpoints, quint64(123));
}

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "tst_store_processes.moc"
