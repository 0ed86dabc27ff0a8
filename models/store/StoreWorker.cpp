#include "StoreWorker.h"

#include <QMetaObject>

namespace ops {

bool JobContext::progress(qint64 done, qint64 total) {
    const int permille =
        total > 0 ? static_cast<int>(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 0;
    if (m_onProgress && permille != m_lastPermille && m_receiver) {
        m_lastPermille = permille;
        QMetaObject::invokeMethod(
            m_receiver.data(), [onProgress = m_onProgress, done, total] { onProgress(done, total); },
            Qt::QueuedConnection);
    }
    return !cancelled();
}

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent) {
    m_thread = std::thread([this] { loop(); });
}

StoreWorker::~StoreWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (const auto &t : m_queue)
            t->context.m_cancel->store(true);
        m_queue.clear();
        if (m_running)
            m_running->context.m_cancel->store(true);
    }
    m_wake.notify_all();
    m_thread.join();
}

bool StoreWorker::enqueue(std::shared_ptr<Task> task) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_busy.contains(task->kind))
            return false;
        task->context.m_cancel = std::make_shared<std::atomic<bool>>(false);
        m_busy.append(task->kind);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

bool StoreWorker::isBusy(Job kind) const {
    std::lock_guard lock(m_mutex);
    return m_busy.contains(kind);
}

void StoreWorker::cancel(Job kind) {
    std::lock_guard lock(m_mutex);
    for (const auto &t : m_queue)
        if (t->kind == kind)
            t->context.m_cancel->store(true);
    if (m_running && m_running->kind == kind)
        m_running->context.m_cancel->store(true);
}

void StoreWorker::finished(Job kind) {
    std::lock_guard lock(m_mutex);
    m_busy.removeOne(kind);
}

void StoreWorker::loop() {
    for (;;) {
        std::shared_ptr<Task> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
            m_running = task;
        }
        task->run(task->context);
        std::lock_guard lock(m_mutex);
        m_running.reset();
    }
}

} // namespace ops
