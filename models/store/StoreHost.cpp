#include "StoreHost.h"

#include "OfflineTeamLog.h"
#include "Outbox.h"
#include "PgEvidenceStore.h"
#include "TeamLogCopy.h"
#include "pg/LogWatcher.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace ops {

StoreHost::StoreHost(QString path, StoreOpenOptions options, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_options(std::move(options))
    , m_files(new QFileSystemWatcher(this))
    , m_soon(new QTimer(this))
    , m_poll(new QTimer(this)) {
    m_soon->setSingleShot(true);
    m_soon->setInterval(200); // a burst of commits (a monitor's batches) is one refresh
    connect(m_soon, &QTimer::timeout, this, &StoreHost::check);
    connect(m_files, &QFileSystemWatcher::directoryChanged, this, &StoreHost::scheduleCheck);
    connect(m_files, &QFileSystemWatcher::fileChanged, this, &StoreHost::scheduleCheck);
    m_poll->setInterval(5000);
    connect(m_poll, &QTimer::timeout, this, &StoreHost::check);
    m_poll->start();
    m_teamLog = pg::isPostgresUrl(m_path);
    if (m_teamLog) {
        m_watcher = new pg::LogWatcher(m_path, this);
        connect(m_watcher, &pg::LogWatcher::grew, this, &StoreHost::scheduleCheck);
        connect(m_watcher, &pg::LogWatcher::cosigned, this, &StoreHost::cosigned);
        connect(m_watcher, &pg::LogWatcher::listeningChanged, this, &StoreHost::teamListening);
        return;
    }
    watch();
}

StoreHost::StoreHost(SqliteEvidenceStore *borrowed, QObject *parent)
    : StoreHost(borrowed->path(), borrowed->options(), parent) {
    m_borrowed = borrowed;
    m_readOnly = borrowed->options().readOnly;
    m_borrowed->setAfterCommit([this] { scheduleCheck(); });
    if (auto n = m_borrowed->size(); n.ok())
        m_size = n.value();
}

StoreHost::~StoreHost() {
    if (m_borrowed)
        m_borrowed->setAfterCommit({});
}

void StoreHost::setPollIntervalMs(int ms) {
    m_poll->stop();
    if (ms > 0) {
        m_poll->setInterval(ms);
        m_poll->start();
    }
}

QString StoreHost::backendLabel() const {
    if (!m_teamLog)
        return tr("local file");
    return m_team ? m_team->label() : tr("team log %1").arg(pg::redactedUrl(m_path));
}

bool StoreHost::isConnected() const {
    return !m_teamLog || (m_team && m_team->isConnected() && m_watcher && m_watcher->isListening());
}

EvidenceStore *StoreHost::evidenceIfOpen() const {
    if (m_teamLog)
        return m_offline ? static_cast<EvidenceStore *>(m_offline.get()) : m_team.get();
    return storeIfOpen();
}

EvidenceStore *StoreHost::evidence() {
    if (!m_teamLog)
        return store();
    if (openTeamLog() && isConnected()) {
        if (m_offline) {
            // Back online: the team log again; the outbox is synced by the witness duty.
            m_offline.reset();
            Q_EMIT stateChanged();
        }
        return m_team.get();
    }
    if (m_refused) {
        m_offline.reset();
        return nullptr;
    }
    return offline();
}

QString StoreHost::teamCopyPath() const {
    return m_teamLog ? ops::teamCopyPath(m_options.anchorDirectory, m_path) : QString();
}

QString StoreHost::outboxPath() const {
    return m_teamLog ? teamOutboxPath(m_options.anchorDirectory, m_path) : QString();
}

TeamLogCopy *StoreHost::teamCopy() {
    if (!m_copy && !teamCopyPath().isEmpty()) {
        auto opened = TeamLogCopy::open(teamCopyPath());
        if (!opened.ok()) {
            setOfflineProblem(opened.error().message);
            return nullptr;
        }
        m_copy = std::move(opened).value();
    }
    return m_copy.get();
}

Outbox *StoreHost::outbox() {
    if (!m_outbox && !outboxPath().isEmpty()) {
        auto opened = Outbox::open(outboxPath());
        if (!opened.ok()) {
            setOfflineProblem(opened.error().message);
            return nullptr;
        }
        m_outbox = std::move(opened).value();
    }
    return m_outbox.get();
}

EvidenceStore *StoreHost::offline() {
    // A view of the copy as it stood: when a witness pass has grown the copy since, a new view.
    if (m_offline && m_copy && m_offline->base() == m_copy->size())
        return m_offline.get();
    m_offline.reset();
    if (!teamCopy() || !outbox())
        return nullptr;
    auto opened = OfflineTeamLog::open(m_copy, m_outbox, m_options.trust, m_options.clock,
                                       tr("%1 (offline: this console's copy)").arg(backendLabel()));
    if (!opened.ok()) {
        setOfflineProblem(opened.error().message);
        return nullptr;
    }
    m_offline = std::move(opened).value();
    m_offline->setWriteGuards(m_options.anchorDirectory, m_options.readOnly);
    m_offlineProblem.clear();
    Q_EMIT stateChanged();
    return m_offline.get();
}

void StoreHost::setOfflineProblem(const QString &why) {
    // Told once: the views that ask for the store again on stateChanged get the same answer.
    if (why == m_offlineProblem)
        return;
    m_offlineProblem = why;
    Q_EMIT stateChanged();
}

QString StoreHost::problem() const {
    if (!m_offline)
        return m_offlineProblem.isEmpty() || m_problem.isEmpty()
                   ? m_problem
                   : tr("%1; working offline is not possible: %2").arg(m_problem, m_offlineProblem);
    return tr("%1 — working from this console's verified copy of the team log (up to event %2); acts wait in "
              "the outbox")
        .arg(m_problem.isEmpty() ? tr("the team log cannot be reached") : m_problem)
        .arg(m_copy->size());
}

bool StoreHost::openTeamLog() {
    if (!m_team) {
        auto team = PgEvidenceStore::open(m_path, m_options);
        if (!team.ok()) {
            // A server that answered and refused (a password, TLS, a missing database or role) is
            // not away: the console does not quietly go on offline, the operator sees why.
            m_refused = !team.error().unreachable;
            const QString why = m_refused
                                    ? team.error().message
                                    : tr("the team log cannot be reached: %1").arg(team.error().message);
            if (why != m_problem) {
                m_problem = why;
                Q_EMIT stateChanged();
            }
            return false;
        }
        m_team = std::move(team).value();
        m_refused = false;
        learnSize(*m_team);
        m_readOnly = m_options.readOnly;
        m_problem.clear();
        if (!m_watcher->isListening())
            m_watcher->start();
        if (!m_watcher->isListening())
            m_problem = tr("the team log's notifications do not arrive: %1").arg(m_watcher->problem());
        Q_EMIT stateChanged();
        return true;
    }
    if (!m_team->isConnected()) {
        if (auto again = m_team->reconnect(); !again.ok()) {
            // Refused now (a password changed, the role locked out): not away, so not offline.
            m_refused = !again.error().unreachable;
            const QString why =
                m_refused ? again.error().message : tr("the connection to the team log is lost; retrying");
            if (why != m_problem) {
                m_problem = why;
                Q_EMIT stateChanged();
            }
            return false;
        }
        m_refused = false;
    }
    return true;
}

void StoreHost::teamListening(bool listening) {
    if (!listening) {
        // At once: whatever the views show may be behind what the team has done since.
        m_problem = tr("the connection to the team log is lost (%1); retrying").arg(m_watcher->problem());
        Q_EMIT stateChanged();
        return;
    }
    if (m_team && !m_team->isConnected())
        if (auto again = m_team->reconnect(); !again.ok())
            m_refused = !again.error().unreachable;
    if (m_team && m_team->isConnected())
        m_problem.clear();
    Q_EMIT stateChanged();
    check();
}

void StoreHost::watch() {
    // The directory: the store appearing, and the checkpoint sidecar replaced after every commit
    // (a rename, which a watch on the file itself would lose).
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!m_path.isEmpty() && QFileInfo(dir).isDir() && !m_files->directories().contains(dir))
        m_files->addPath(dir);
}

void StoreHost::learnSize(const EvidenceStore &opened) {
    // What the store holds from the moment it opens (the status bar reads it at once); the change
    // is announced at the next turn of the event loop, as any other.
    auto n = opened.size();
    if (!n.ok() || n.value() == m_size)
        return;
    m_size = n.value();
    QMetaObject::invokeMethod(
        this, [this, size = m_size] { Q_EMIT changed(size); }, Qt::QueuedConnection);
}

void StoreHost::scheduleCheck() {
    if (!m_soon->isActive())
        m_soon->start();
}

bool StoreHost::open() {
    if (m_store)
        return true;
    if (m_path.isEmpty() || !QFileInfo::exists(m_path)) {
        const QString why =
            tr("no evidence store yet: nothing is recorded (create one with opsconsole-cli init)");
        if (why != m_problem) {
            m_problem = why;
            Q_EMIT stateChanged();
        }
        watch();
        return false;
    }
    auto store = SqliteEvidenceStore::open(m_path, m_options);
    bool readOnly = m_options.readOnly;
    QString writeProblem;
    if (!store.ok() && !m_options.readOnly) {
        writeProblem = store.error().message;
        StoreOpenOptions ro = m_options;
        ro.readOnly = true;
        store = SqliteEvidenceStore::open(m_path, ro);
        readOnly = true;
    }
    if (!store.ok()) {
        const QString why = tr("the evidence store cannot be opened: %1").arg(store.error().message);
        if (why != m_problem) {
            m_problem = why;
            Q_EMIT stateChanged();
        }
        return false;
    }
    m_store = std::move(store).value();
    learnSize(*m_store);
    // An act of this process: views refresh at the next turn of the event loop, not mid-act.
    m_store->setAfterCommit([this] { scheduleCheck(); });
    m_readOnly = readOnly;
    m_problem = readOnly ? tr("the evidence store is read-only here: %1")
                               .arg(writeProblem.isEmpty() ? tr("opened read-only") : writeProblem)
                         : QString();
    watch();
    Q_EMIT stateChanged();
    return true;
}

SqliteEvidenceStore *StoreHost::store() {
    if (m_borrowed)
        return m_borrowed;
    if (m_teamLog)
        return nullptr;
    return open() ? m_store.get() : nullptr;
}

void StoreHost::check() {
    EvidenceStore *s = evidence();
    if (!s)
        return;
    auto n = s->size();
    if (!n.ok() && m_teamLog && m_team && !m_team->isConnected()) {
        m_problem = tr("the connection to the team log is lost; retrying");
        Q_EMIT stateChanged();
        return;
    }
    if (!n.ok() || n.value() == m_size)
        return;
    m_size = n.value();
    Q_EMIT changed(m_size);
}

} // namespace ops
