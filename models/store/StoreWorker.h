#pragma once

// Long store work off the GUI thread: one worker thread with a queue of typed jobs, each job on a
// store connection of its own (opened by the job: a read-only one for verify, count and export, a
// writer for indexing and background acts). Jobs run one at a time in the order they were posted;
// a job's result arrives as its own type, on the thread of the object that posted it, and a
// cancelled job stops at its next progress report.

#include <QObject>
#include <QPointer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace ops {

// What a running job sees: whether it was cancelled, and where its progress goes.
class JobContext {
public:
    bool cancelled() const { return m_cancel->load(); }
    // Progress (done of total), delivered to the job's progress callback at most once per permille;
    // false once the job is cancelled, the shape of the store's Progress callbacks.
    bool progress(qint64 done, qint64 total);

private:
    friend class StoreWorker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QPointer<QObject> m_receiver;
    std::function<void(qint64, qint64)> m_onProgress;
    int m_lastPermille = -1;
};

class StoreWorker : public QObject {
    Q_OBJECT

public:
    // The kinds of job; at most one of each kind is queued or running at a time.
    enum class Job { Verify, Export, Count, IndexBacklog, Verdict, BackgroundAct, Search };

    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override; // cancels the running job, drops the queued ones, joins the thread

    // Queues `work` as a job of `kind`. On `receiver`'s thread: `progress` for each permille,
    // then `done` with what `work` returned (nothing when the receiver is gone by then). Returns
    // false, queuing nothing, while a job of the same kind is queued or running.
    template<typename R>
    bool post(Job kind, QObject *receiver, std::function<R(JobContext &)> work, std::function<void(R)> done,
              std::function<void(qint64, qint64)> progress = {}) {
        auto task = std::make_shared<Task>();
        task->kind = kind;
        task->context.m_receiver = receiver;
        task->context.m_onProgress = std::move(progress);
        task->run = [this, kind, receiver = QPointer<QObject>(receiver), work = std::move(work),
                     done = std::move(done)](JobContext &context) {
            auto result = std::make_shared<R>(work(context));
            if (!receiver) {
                finished(kind);
                return;
            }
            QMetaObject::invokeMethod(
                receiver.data(),
                [this, kind, done, result, alive = QPointer<StoreWorker>(this)] {
                    if (alive)
                        finished(kind);
                    if (done)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        };
        return enqueue(std::move(task));
    }

    // Whether a job of `kind` is queued or running (until its result has been delivered).
    bool isBusy(Job kind) const;
    // Asks the job of `kind` to stop (a queued one never starts; its `done` still comes, with
    // what the work returns when it finds itself cancelled).
    void cancel(Job kind);

private:
    struct Task {
        Job kind;
        JobContext context;
        std::function<void(JobContext &)> run;
    };
    bool enqueue(std::shared_ptr<Task> task);
    void finished(Job kind);
    void loop();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Task>> m_queue;
    std::shared_ptr<Task> m_running;
    QList<Job> m_busy; // queued, running, or with a result not yet delivered
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ops
