#pragma once

#include "SqliteEvidenceStore.h"

#include <QObject>

#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace ops {

class OfflineTeamLog;
class Outbox;
class PgEvidenceStore;
class TeamLogCopy;
namespace pg {
class LogWatcher;
}

// The one owner of the evidence store in a process, and its one change signal.
//
// The store is opened on first use (read-only when it cannot be opened for writing, nothing while
// the file does not exist yet) and every view, flow and the status bar reads it from here. The
// host tells when the log grows, whoever wrote it: an act of this process (noteAppended), another
// process on the same file (the CLI, a monitor: every commit moves the checkpoint sidecar beside
// the store, which the host watches), and a slow poll as the safety net where file notifications
// do not reach (network file systems).
//
// On the team log (a postgresql:// path) the host holds a PgEvidenceStore and a LISTEN connection
// (pg::LogWatcher): every commit of any console notifies it. A lost connection is a problem() at
// once (never shown as healthy) and is retried; the store reconnects when the watcher does.
// While the team log cannot be reached, the store is this console's verified copy of it with the
// acts made since kept in the outbox (OfflineTeamLog): the console goes on working, and the
// witness duty syncs the outbox when the server is back. Both files live in the state directory
// (StoreOpenOptions::anchorDirectory); without one a lost server leaves no store.
class StoreHost final : public QObject {
    Q_OBJECT
public:
    StoreHost(QString path, StoreOpenOptions options, QObject *parent = nullptr);
    // Hosts a store opened elsewhere (tests, tools), which outlives the host.
    explicit StoreHost(SqliteEvidenceStore *borrowed, QObject *parent = nullptr);
    ~StoreHost() override;

    QString path() const { return m_path; }
    const StoreOpenOptions &options() const { return m_options; }
    // The clock the store writes its times with; takes effect when the store is opened.
    void setClock(Time::Clock clock) { m_options.clock = std::move(clock); }
    // The local store, opened now if it has appeared since; nullptr while there is none (problem()
    // says why) and on the team log.
    SqliteEvidenceStore *store();
    SqliteEvidenceStore *storeIfOpen() const { return m_borrowed ? m_borrowed : m_store.get(); }
    // The store of either backend, opened now if it can be; nullptr while there is none.
    EvidenceStore *evidence();
    EvidenceStore *evidenceIfOpen() const;
    bool isTeamLog() const { return m_teamLog; }
    PgEvidenceStore *teamLog() const { return m_team.get(); }
    // "local file" or "team log db@host".
    QString backendLabel() const;
    // On the team log: whether the store handed out now is the offline view (copy and outbox).
    bool isOffline() const { return m_offline != nullptr; }
    // On the team log with a state directory: this console's verified copy of the log and its
    // outbox, opened on first use; nullptr otherwise (or when they cannot be opened: problem()).
    TeamLogCopy *teamCopy();
    Outbox *outbox();
    QString teamCopyPath() const;
    QString outboxPath() const;
    // On the team log: whether the server answers and its notifications arrive.
    bool isConnected() const;
    bool isReadOnly() const { return m_readOnly; }
    // Why there is no store, or why it is read-only; empty when it is open for writing.
    // Offline on the team log it also says that the console works from its copy.
    QString problem() const;
    // The size last seen (0 before the store exists).
    quint64 size() const { return m_size; }

    // Re-reads the size now and emits changed() when it moved. Cheap: one indexed read.
    void check();
    // What a writer of this process calls after an act, so views refresh at once.
    void noteAppended() { check(); }
    // The safety-net poll (default 5 s; 0 turns it off).
    void setPollIntervalMs(int ms);

Q_SIGNALS:
    // The log has a new size (it grew, or the store appeared). One signal for every view.
    void changed(quint64 size);
    // The store was opened (or could not be): problem() and isReadOnly() changed.
    void stateChanged();
    // On the team log: a console cosigned the checkpoint of `size` (its witnesses changed).
    void cosigned(quint64 size);

private:
    bool open();
    void watch();
    void scheduleCheck();

    bool openTeamLog();
    void teamListening(bool listening);
    EvidenceStore *offline();
    void setOfflineProblem(const QString &why);

    QString m_path;
    bool m_teamLog = false;
    StoreOpenOptions m_options;
    std::unique_ptr<PgEvidenceStore> m_team;
    std::shared_ptr<TeamLogCopy> m_copy;
    std::shared_ptr<Outbox> m_outbox;
    std::unique_ptr<OfflineTeamLog> m_offline;
    pg::LogWatcher *m_watcher = nullptr;
    std::unique_ptr<SqliteEvidenceStore> m_store;
    SqliteEvidenceStore *m_borrowed = nullptr;
    bool m_readOnly = false;
    QString m_problem;
    bool m_refused = false;   // the team log's server answered and refused (no offline work then)
    QString m_offlineProblem; // why the console cannot work from its copy now
    quint64 m_size = 0;
    void learnSize(const EvidenceStore &opened);
    QFileSystemWatcher *m_files = nullptr;
    QTimer *m_soon = nullptr; // coalesces a burst of file notifications into one check
    QTimer *m_poll = nullptr;
};

} // namespace ops
