// One window per store: a second `opsconsole` for the same store brings the first to the front
// and exits; another store gets its own window; a crashed window's lock is taken over.
#include "TestSupport.h"

#include <QProcess>
#include <QTest>

#include <csignal>

using namespace ops;

class TestSingleInstance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secondStartRaisesTheFirst();
};

namespace {

struct Window {
    QProcess process;
    QByteArray err;
    bool waitFor(const QByteArray &text) {
        for (int i = 0; i < 600 && !err.contains(text); ++i) {
            if (process.state() != QProcess::Running && !process.waitForReadyRead(0))
                return err.contains(text);
            process.waitForReadyRead(100);
            err += process.readAllStandardError();
        }
        return err.contains(text);
    }
};

} // namespace

void TestSingleInstance::secondStartRaisesTheFirst() {
    test::TempDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.file(QStringLiteral("run")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.file(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.file(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.file(QStringLiteral("state")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("opsconsole.instance.info=true"));
    env.insert(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    QVERIFY(QDir().mkpath(home.file(QStringLiteral("run"))));
    QFile::setPermissions(home.file(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString gui = test::ProgramRunner::binary(QStringLiteral("opsconsole"));
    const auto start = [&](Window &w, const QString &store) {
        w.process.setProcessEnvironment(env);
        w.process.start(gui, {QStringLiteral("--store"), store});
        return w.process.waitForStarted();
    };
    const QString storeA = home.file(QStringLiteral("a.sqlite")),
                  storeB = home.file(QStringLiteral("b.sqlite"));
    Window first;
    QVERIFY(start(first, storeA));
    QVERIFY2(first.waitFor("this window holds the store"), first.err.constData());
    // The same store again: the first is asked to the front, the second exits at once.
    Window second;
    QVERIFY(start(second, storeA));
    QVERIFY(second.process.waitForFinished(60000));
    second.err += second.process.readAllStandardError();
    QCOMPARE(second.process.exitCode(), 0);
    QVERIFY2(second.err.contains("already open"), second.err.constData());
    QVERIFY2(first.waitFor("raising the window"), first.err.constData());
    // Another store has its own window.
    Window other;
    QVERIFY(start(other, storeB));
    QVERIFY2(other.waitFor("this window holds the store"), other.err.constData());
    other.process.terminate();
    QVERIFY(other.process.waitForFinished(60000));
    // The first window crashes: its lock is stale, and the next start for its store holds it.
    ::kill(static_cast<pid_t>(first.process.processId()), SIGKILL);
    QVERIFY(first.process.waitForFinished(60000));
    Window next;
    QVERIFY(start(next, storeA));
    QVERIFY2(next.waitFor("this window holds the store"), next.err.constData());
    next.process.terminate();
    QVERIFY(next.process.waitForFinished(60000));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
