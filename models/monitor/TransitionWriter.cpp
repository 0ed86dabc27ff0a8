#include "TransitionWriter.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace ops {

TransitionWriter::TransitionWriter(QObject *parent)
    : QObject(parent) {
}

TransitionWriter::~TransitionWriter() {
    setBackground(false);
}

void TransitionWriter::setStore(SqliteEvidenceStore *store, StoreOpenOptions options) {
    m_store = store;
    m_options = std::move(options);
}

void TransitionWriter::setBackground(bool on) {
    if (on == (m_thread != nullptr))
        return;
    if (on) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("monitor-writer"));
        m_worker = new QObject;
        m_worker->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread->start(QThread::LowPriority);
        return;
    }
    // Drain: the batch in flight, then whatever waits is written here, synchronously.
    for (int i = 0; m_flushing && i < 1000; ++i)
        waitForWrites();
    waitForWrites();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_workerTables.reset();
    m_workerStore.reset();
    m_flushing = false;
    flush();
}

void TransitionWriter::waitForWrites() {
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(this); // the writer's answers
}

void TransitionWriter::record(QList<NewEvent> events) {
    for (NewEvent &e : events)
        m_pending.append(std::move(e));
    if (m_pending.size() > m_limit) {
        // Over the bound: delivery records go first, so a webhook outage while locked never
        // pushes out the transitions themselves; then the oldest.
        qsizetype over = m_pending.size() - m_limit;
        m_dropped += static_cast<int>(over);
        for (qsizetype i = 0; i < m_pending.size() && over > 0;) {
            if (m_pending.at(i).kind.startsWith(QLatin1String("notification."))) {
                m_pending.removeAt(i);
                --over;
            } else {
                ++i;
            }
        }
        m_pending.remove(0, over);
    }
    flush();
}

bool TransitionWriter::openWriterStore() {
    if (m_workerStore)
        return true;
    auto opened = SqliteEvidenceStore::open(m_store->path(), m_options);
    if (!opened.ok()) {
        Q_EMIT problem(tr("transitions not recorded: %1").arg(opened.error().message));
        return false;
    }
    m_workerStore = std::shared_ptr<SqliteEvidenceStore>(std::move(opened).value());
    return true;
}

void TransitionWriter::flush() {
    if (m_pending.isEmpty() && m_dropped == 0)
        return;
    const Signer *signer = m_signer ? m_signer() : nullptr;
    if (!signer || !m_store) {
        Q_EMIT changed();
        return;
    }
    if (m_flushing)
        return; // the batch in flight calls back, then the rest follows
    if (m_mayWrite && !m_mayWrite())
        return;
    // In the window a backlog goes in batches, one transaction and checkpoint each.
    const qsizetype take = m_thread ? qMin<qsizetype>(m_pending.size(), kFlushBatch) : m_pending.size();
    QList<NewEvent> batch = m_pending.mid(0, take);
    const int dropped = m_dropped;
    if (dropped > 0) {
        // The gap itself is evidence: what was lost while nobody could sign.
        JsonValue p = JsonValue::object();
        p["dropped_events"] = qint64(dropped);
        p["reason"] =
            QStringLiteral("more than %1 transitions waited while the console was locked").arg(m_limit);
        batch.prepend(NewEvent{QStringLiteral("monitor.gap"), QString(), p, std::nullopt});
    }
    if (!m_thread) {
        auto r = m_store->append(*signer, batch);
        if (!r.ok()) {
            Q_EMIT problem(tr("transitions not recorded: %1").arg(r.error().message));
            return;
        }
        m_pending.remove(0, take);
        m_dropped = 0;
        Q_EMIT problem(QString());
        Q_EMIT changed();
        return;
    }
    if (!openWriterStore())
        return;
    m_pending.remove(0, take);
    m_dropped = 0;
    m_flushing = true;
    auto copy = std::make_shared<Signer>(Signer{signer->name, signer->key.duplicate()});
    QPointer<TransitionWriter> self(this);
    QMetaObject::invokeMethod(m_worker, [self, store = m_workerStore, copy, batch, dropped] {
        auto r = store->append(*copy, batch);
        const QString message = r.ok() ? QString() : r.error().message;
        QMetaObject::invokeMethod(self, [self, message, batch, dropped] {
            if (!self)
                return;
            self->m_flushing = false;
            if (!message.isEmpty()) {
                // Back to the front of the queue; the next round tries again.
                self->m_pending = (dropped > 0 ? batch.mid(1) : batch) + self->m_pending;
                self->m_dropped += dropped;
                Q_EMIT self->problem(tr("transitions not recorded: %1").arg(message));
                return;
            }
            Q_EMIT self->problem(QString());
            Q_EMIT self->changed();
            self->flush();
        });
    });
}

void TransitionWriter::saveRound(MonitorStore &tables, const QList<ProbeResult> &results,
                                 QList<TargetStateRow> states, const QList<AlertCell> &cells, qint64 nowMs,
                                 qint64 pruneBeforeMs, std::shared_ptr<Signer> probeSigner) {
    const QString storeId = m_store ? m_store->storeId() : QString();
    if (!m_thread) {
        if (probeSigner)
            signProbeStates(states, *probeSigner, storeId);
        if (auto r = tables.saveRound(results, states, cells, nowMs, pruneBeforeMs); !r.ok())
            Q_EMIT problem(tr("probe samples not saved: %1").arg(r.error().message));
        else
            Q_EMIT samplesWritten();
        return;
    }
    if (!m_store)
        return;
    if (!m_workerTables)
        if (auto opened = MonitorStore::open(m_store->path(), false); opened.ok())
            m_workerTables = std::make_shared<MonitorStore>(std::move(opened).value());
    QPointer<TransitionWriter> self(this);
    QMetaObject::invokeMethod(m_worker, [self, tables = m_workerTables, results, states, cells, nowMs,
                                         pruneBeforeMs, probeSigner, storeId]() mutable {
        if (!tables)
            return;
        if (probeSigner)
            signProbeStates(states, *probeSigner, storeId);
        auto r = tables->saveRound(results, states, cells, nowMs, pruneBeforeMs);
        QMetaObject::invokeMethod(self, [self, message = r.ok() ? QString() : r.error().message] {
            if (!self)
                return;
            if (!message.isEmpty())
                Q_EMIT self->problem(tr("probe samples not saved: %1").arg(message));
            Q_EMIT self->samplesWritten();
        });
    });
}

} // namespace ops
