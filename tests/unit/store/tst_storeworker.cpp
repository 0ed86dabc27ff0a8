// The store's background worker: typed results on the poster's thread, one job at a time in the
// order posted, one job of a kind at a time, progress, cancel, and a destructor that waits.

#include "store/StoreWorker.h"

#include "core/Result.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <future>

using namespace ops;

class TestStoreWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resultsArriveTypedOnThePostersThread();
    void jobsRunOneAtATimeInOrder();
    void oneJobOfAKindAtATime();
    void cancelStopsAtTheNextProgressReport();
    void destructorCancelsAndWaits();
};

void TestStoreWorker::resultsArriveTypedOnThePostersThread() {
    StoreWorker worker;
    QThread *workerThread = nullptr;
    std::optional<Result<quint64>> got;
    QThread *deliveredOn = nullptr;
    QVERIFY(worker.post<Result<quint64>>(
        StoreWorker::Job::Count, this,
        [&workerThread](JobContext &) -> Result<quint64> {
            workerThread = QThread::currentThread();
            return quint64(42);
        },
        [&](Result<quint64> r) {
            deliveredOn = QThread::currentThread();
            got = std::move(r);
        }));
    QVERIFY(worker.isBusy(StoreWorker::Job::Count));
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(got->value(), quint64(42));
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(workerThread != QThread::currentThread());
    QVERIFY(!worker.isBusy(StoreWorker::Job::Count)); // busy until the result is delivered
    // An error is a result like any other.
    std::optional<Result<quint64>> failed;
    QVERIFY(worker.post<Result<quint64>>(
        StoreWorker::Job::Verify, this,
        [](JobContext &) -> Result<quint64> {
            return makeError(ErrorCode::Store, QStringLiteral("no store"));
        },
        [&](Result<quint64> r) { failed = std::move(r); }));
    QTRY_VERIFY(failed.has_value());
    QVERIFY(!failed->ok());
    QCOMPARE(failed->error().message, QStringLiteral("no store"));
}

void TestStoreWorker::jobsRunOneAtATimeInOrder() {
    StoreWorker worker;
    std::promise<void> gate;
    std::shared_future<void> open = gate.get_future().share();
    std::atomic<int> running{0}, most{0};
    QStringList order;
    const auto job = [&](const QString &name) {
        return [&, name, open](JobContext &) -> QString {
            most = std::max(most.load(), ++running);
            open.wait();
            --running;
            return name;
        };
    };
    const auto done = [&](QString name) { order << name; };
    QVERIFY(worker.post<QString>(StoreWorker::Job::Verify, this, job(QStringLiteral("verify")), done));
    QVERIFY(worker.post<QString>(StoreWorker::Job::Export, this, job(QStringLiteral("export")), done));
    QVERIFY(worker.post<QString>(StoreWorker::Job::Count, this, job(QStringLiteral("count")), done));
    gate.set_value();
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order,
             QStringList({QStringLiteral("verify"), QStringLiteral("export"), QStringLiteral("count")}));
    QCOMPARE(most.load(), 1);
}

void TestStoreWorker::oneJobOfAKindAtATime() {
    StoreWorker worker;
    std::promise<void> gate;
    std::shared_future<void> open = gate.get_future().share();
    int results = 0;
    QVERIFY(worker.post<int>(
        StoreWorker::Job::Export, this,
        [open](JobContext &) {
            open.wait();
            return 1;
        },
        [&](int) { ++results; }));
    QVERIFY(!worker.post<int>(
        StoreWorker::Job::Export, this, [](JobContext &) { return 2; }, [&](int) { results += 10; }));
    gate.set_value();
    QTRY_COMPARE(results, 1);
    // Once delivered, the kind is free again.
    QVERIFY(worker.post<int>(
        StoreWorker::Job::Export, this, [](JobContext &) { return 2; }, [&](int) { results += 10; }));
    QTRY_COMPARE(results, 11);
}

void TestStoreWorker::cancelStopsAtTheNextProgressReport() {
    StoreWorker worker;
    std::atomic<bool> started{false};
    std::optional<qint64> reached;
    QList<qint64> progress;
    QVERIFY(worker.post<qint64>(
        StoreWorker::Job::Verify, this,
        [&started](JobContext &job) -> qint64 {
            qint64 i = 0;
            for (; i < 1'000'000'000; ++i) {
                if (i == 10)
                    started = true;
                if (!job.progress(i, 1'000'000'000))
                    break;
            }
            return i;
        },
        [&](qint64 n) { reached = n; }, [&](qint64 done, qint64) { progress << done; }));
    QTRY_VERIFY(started.load());
    worker.cancel(StoreWorker::Job::Verify);
    QTRY_VERIFY(reached.has_value());
    QVERIFY(*reached < 1'000'000'000);
    // Progress came at most once a permille, in order.
    QVERIFY(!progress.isEmpty());
    QVERIFY(progress.size() <= 1001);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
}

void TestStoreWorker::destructorCancelsAndWaits() {
    std::atomic<bool> started{false}, ended{false};
    bool delivered = false;
    {
        auto receiver = std::make_unique<QObject>();
        StoreWorker worker;
        QVERIFY(worker.post<int>(
            StoreWorker::Job::IndexBacklog, receiver.get(),
            [&](JobContext &job) {
                started = true;
                while (job.progress(0, 1))
                    QThread::yieldCurrentThread();
                ended = true;
                return 0;
            },
            [&](int) { delivered = true; }));
        // A queued job of another kind never starts.
        QVERIFY(worker.post<int>(
            StoreWorker::Job::Count, receiver.get(), [](JobContext &) { return 1; },
            [&](int) { delivered = true; }));
        QTRY_VERIFY(started.load());
        receiver.reset(); // the receiver goes first: nothing is delivered to it
    }                     // the worker's destructor cancels the running job and waits for it
    QVERIFY(ended.load());
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(TestStoreWorker)
#include "tst_storeworker.moc"
