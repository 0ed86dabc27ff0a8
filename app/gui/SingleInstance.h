#pragma once

// One window per store: the first `opsconsole` for a store holds a lock in the user's runtime
// directory and listens on a local socket named after the store; a second start for the same store
// asks it to come to the front and exits, so one store never gets two recorders from one user.

#include <QLocalServer>
#include <QLockFile>
#include <QObject>

namespace ops::app {

class SingleInstance final : public QObject {
    Q_OBJECT
public:
    // store: the store's path or URL (one window per store, whatever else differs).
    explicit SingleInstance(const QString &store, QObject *parent = nullptr);
    // True when this process is now the store's window; false when another one is (it was asked
    // to raise its window).
    bool claim();

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_base; // runtime dir / opsconsole-<hash>
    QLockFile m_lock;
    QLocalServer m_server;
};

} // namespace ops::app
