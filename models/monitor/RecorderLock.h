#pragma once

#include <QString>

#include <functional>
#include <memory>

class QLockFile;

namespace ops {

// One recorder per store: the lock file beside the store, held by the process that probes and
// records it. A console window holds it while it records and *yields* it: a headless monitor
// that finds a yielding console asks for it (a request file with its pid) and the console hands
// it over at once, then shows the monitor's evaluations. A monitor never yields; a second
// monitor is refused. Files beside the store:
//   <store>.monitor.lock          the lock (Qt's QLockFile: pid, application, host)
//   <store>.monitor.lock.yields   the pid of a holder that hands over on request
//   <store>.monitor.lock.request  the pid and host of a monitor waiting to take over
class RecorderLock {
public:
    explicit RecorderLock(QString storePath);
    ~RecorderLock();
    RecorderLock(const RecorderLock &) = delete;
    RecorderLock &operator=(const RecorderLock &) = delete;

    static QString lockPath(const QString &storePath) { return storePath + QStringLiteral(".monitor.lock"); }
    static QString yieldsPath(const QString &storePath) {
        return lockPath(storePath) + QStringLiteral(".yields");
    }
    static QString requestPath(const QString &storePath) {
        return lockPath(storePath) + QStringLiteral(".request");
    }
    // "process P on HOST since TIME" while another live process holds the lock, else "". Reads
    // the file without taking it.
    static QString holder(const QString &storePath);

    const QString &storePath() const { return m_storePath; }
    bool held() const;
    // Takes the lock now: "" when this process holds it (now or already), else who does.
    // `yields`: this holder hands it over when a monitor asks (a console window). waitMs: how
    // long to wait for it to become free.
    QString tryTake(bool yields, int waitMs = 0);
    void release();
    // The pid of a live monitor on this host that asked for the lock, else 0.
    qint64 requestedBy() const;
    // A monitor's way in: takes the lock, or, held by a console that yields, asks for it and
    // waits up to waitMs (stop() ends the wait early). "" when taken, else why not.
    QString takeOver(int waitMs, const std::function<bool()> &stop = {});

private:
    QString m_storePath;
    std::unique_ptr<QLockFile> m_lock;
    bool m_yields = false;
};

} // namespace ops
