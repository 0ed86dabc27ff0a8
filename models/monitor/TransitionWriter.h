#pragma once

#include "MonitorStore.h"

#include "store/EvidenceTypes.h"
#include "store/SqliteEvidenceStore.h"

#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace ops {

// What the monitor records, in the order it happened: transitions, deliveries and silences wait
// in a bounded queue while nobody can sign (over the bound, delivery records go first, then the
// oldest, and the gap is itself recorded), and go into the store when someone can. In the window
// the writes happen on a thread of their own with its own connections, in batches of one
// transaction and checkpoint each, so a round never stalls the event loop; scripts and tests
// write synchronously.
class TransitionWriter final : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxPending = 5000;

    explicit TransitionWriter(QObject *parent = nullptr);
    ~TransitionWriter() override;

    // The store written to (the host's, opened writable), nullptr while there is none or it is
    // read-only; the writer thread opens its own connection with these options.
    void setStore(SqliteEvidenceStore *store, StoreOpenOptions options);
    // Who signs now: nullptr while nobody may (the session locked).
    void setSigner(std::function<const Signer *()> signer) { m_signer = std::move(signer); }
    // Whether this process may write now (false while a monitor it handed the store to records).
    void setGate(std::function<bool()> mayWrite) { m_mayWrite = std::move(mayWrite); }

    void setBackground(bool on);
    bool isBackground() const { return m_thread != nullptr; }
    // Blocks until every background write so far is done.
    void waitForWrites();

    void record(QList<NewEvent> events);
    // Writes what waits, if someone can sign (called again when the session changes).
    void flush();
    int pending() const { return static_cast<int>(m_pending.size()); }
    int dropped() const { return m_dropped; }
    void setPendingLimit(int limit) { m_limit = limit; }

    // A round's raw samples, target states (signed by probeSigner when there is one, where they
    // are written) and cells, into the monitor tables: on the writer thread when there is one.
    void saveRound(MonitorStore &tables, const QList<ProbeResult> &results, QList<TargetStateRow> states,
                   const QList<AlertCell> &cells, qint64 nowMs, qint64 pruneBeforeMs,
                   std::shared_ptr<Signer> probeSigner);

Q_SIGNALS:
    // Why the last write failed, "" once one succeeds.
    void problem(const QString &message);
    // What waits, or whether it can be written, changed.
    void changed();
    // A round's raw samples are in the store (for charts).
    void samplesWritten();

private:
    bool openWriterStore();

    static constexpr int kFlushBatch = 100;
    SqliteEvidenceStore *m_store = nullptr;
    StoreOpenOptions m_options;
    std::function<const Signer *()> m_signer;
    std::function<bool()> m_mayWrite;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives in m_thread
    std::shared_ptr<MonitorStore> m_workerTables;
    std::shared_ptr<SqliteEvidenceStore> m_workerStore; // used only on the writer thread
    bool m_flushing = false;
    QList<NewEvent> m_pending;
    int m_dropped = 0;
    int m_limit = kMaxPending;
};

} // namespace ops
