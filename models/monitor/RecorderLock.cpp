#include "RecorderLock.h"

#include "core/FileUtil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ops {

namespace {

bool alive(qint64 pid, const QString &host) {
    if (pid <= 0)
        return false;
    if (host != QSysInfo::machineHostName())
        return true; // another machine's process cannot be asked; it counts as alive
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

// Whether a process holds the lock file: Qt's lock file holds a native lock (flock) on the file for
// as long as it is locked. A file written by hand, naming a live process, is held by none.
bool nativelyHeld(const QString &path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0; // released when closed
    ::close(fd);
    return !free;
}

// "pid\nhost\n" files: the yielding holder's and the waiting monitor's. Written as a new file
// renamed into place (a link planted at the name is replaced, never written through).
bool writeMark(const QString &path) {
    const QByteArray mark = QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                            QSysInfo::machineHostName().toUtf8() + '\n';
    return FileUtil::writePrivateAtomic(path, mark).ok();
}

// A monitor waits at most this long for a window to hand over; an older request is stale (a
// file left, or planted, cannot hold recording off for longer).
constexpr qint64 kRequestLifetimeMs = 120 * 1000;

std::pair<qint64, QString> readMark(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {0, {}};
    const QList<QByteArray> lines = f.read(4096).split('\n');
    return {lines.value(0).trimmed().toLongLong(), QString::fromUtf8(lines.value(1).trimmed())};
}

} // namespace

RecorderLock::RecorderLock(QString storePath)
    : m_storePath(std::move(storePath)) {
}

RecorderLock::~RecorderLock() {
    release();
}

QString RecorderLock::holder(const QString &storePath) {
    QLockFile lock(lockPath(storePath));
    qint64 pid = 0;
    QString host, app;
    if (!lock.getLockInfo(&pid, &host, &app) || pid <= 0 || pid == QCoreApplication::applicationPid())
        return {};
    if (!alive(pid, host))
        return {}; // a recorder that died: its lock is stale
    // On this machine the lock must be held, not only named: a lock file that a process of this
    // user wrote by hand (naming a live process) monitors nothing.
    if (host == QSysInfo::machineHostName() && !nativelyHeld(lockPath(storePath)))
        return {};
    const QDateTime since = QFileInfo(lockPath(storePath)).lastModified().toUTC();
    return QCoreApplication::translate("ops::AlertMonitor", "process %1 on %2 since %3")
        .arg(pid)
        .arg(host, since.toString(Qt::ISODate));
}

bool RecorderLock::held() const {
    return m_lock && m_lock->isLocked();
}

QString RecorderLock::tryTake(bool yields, int waitMs) {
    if (held())
        return {};
    auto lock = std::make_unique<QLockFile>(lockPath(m_storePath));
    lock->setStaleLockTime(0); // a dead recorder's lock is taken over (its pid is gone)
    bool taken = lock->tryLock(waitMs);
    if (!taken && holder(m_storePath).isEmpty() && QFileInfo::exists(lockPath(m_storePath))) {
        // Named but held by no process: removed (Qt removes it only while no process holds its
        // native lock) and taken.
        taken = lock->removeStaleLockFile() && lock->tryLock(0);
    }
    if (!taken) {
        const QString by = holder(m_storePath);
        return by.isEmpty()
                   ? QCoreApplication::translate("ops::AlertMonitor", "another recorder in this process")
                   : by;
    }
    m_lock = std::move(lock);
    m_yields = yields;
    if (yields)
        writeMark(yieldsPath(m_storePath));
    else
        QFile::remove(yieldsPath(m_storePath)); // a yielding holder that died left its promise
    return {};
}

void RecorderLock::release() {
    if (!held())
        return;
    if (m_yields)
        QFile::remove(yieldsPath(m_storePath)); // before the lock: no one reads a stale promise
    m_lock->unlock();
    m_lock.reset();
    m_yields = false;
}

qint64 RecorderLock::requestedBy() const {
    const QFileInfo request(requestPath(m_storePath));
    if (!request.exists() || request.isSymLink() ||
        request.lastModified().msecsTo(QDateTime::currentDateTime()) > kRequestLifetimeMs)
        return 0;
    const auto [pid, host] = readMark(requestPath(m_storePath));
    if (pid == QCoreApplication::applicationPid() || host != QSysInfo::machineHostName() || !alive(pid, host))
        return 0;
    return pid;
}

QString RecorderLock::takeOver(int waitMs, const std::function<bool()> &stop) {
    const QString busy = tryTake(false);
    if (busy.isEmpty())
        return {};
    // Only a holder that promised to yield is asked; anyone else (a monitor) keeps the lock.
    QLockFile probe(lockPath(m_storePath));
    qint64 pid = 0;
    QString host, app;
    if (!probe.getLockInfo(&pid, &host, &app) || pid <= 0) // freed meanwhile: take it now
        return tryTake(false, 1000).isEmpty() ? QString() : busy;
    const auto [yielder, yielderHost] = readMark(yieldsPath(m_storePath));
    if (yielder != pid || yielderHost != host || host != QSysInfo::machineHostName())
        return busy;
    if (!writeMark(requestPath(m_storePath)))
        return busy;
    QDeadlineTimer deadline(waitMs);
    QString why = busy;
    while (!deadline.hasExpired() && !(stop && stop()))
        if ((why = tryTake(false, 200)).isEmpty())
            break;
    QFile::remove(requestPath(m_storePath));
    if (!why.isEmpty())
        return QCoreApplication::translate("ops::AlertMonitor", "%1, which did not hand over within %2 s")
            .arg(busy)
            .arg(waitMs / 1000);
    return {};
}

} // namespace ops
