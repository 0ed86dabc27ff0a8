#include "SingleInstance.h"

#include "core/Startup.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcInstance, "opsconsole.instance")

namespace ops::app {

SingleInstance::SingleInstance(const QString &store, QObject *parent)
    : QObject(parent)
    , m_base(Startup::windowBase(store))
    , m_lock(m_base + QStringLiteral(".lock")) {
    m_lock.setStaleLockTime(0); // a crashed window's lock is taken over (its pid is gone)
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *s = m_server.nextPendingConnection()) {
            connect(s, &QLocalSocket::readyRead, s, [this, s] {
                if (s->readAll().startsWith("raise")) {
                    qCInfo(lcInstance) << "another start for this store: raising the window";
                    Q_EMIT raiseRequested();
                }
                s->disconnectFromServer();
            });
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

bool SingleInstance::claim() {
    const QString socket = m_base + QStringLiteral(".sock");
    if (m_lock.tryLock(0)) {
        QLocalServer::removeServer(socket);
        m_server.setSocketOptions(QLocalServer::UserAccessOption);
        if (!m_server.listen(socket))
            qCWarning(lcInstance) << "cannot listen for a second start:" << m_server.errorString();
        qCInfo(lcInstance) << "this window holds the store";
        return true;
    }
    QLocalSocket other;
    other.connectToServer(socket);
    if (other.waitForConnected(5000)) {
        other.write("raise\n");
        other.waitForBytesWritten(5000);
        other.waitForDisconnected(5000);
    }
    return false;
}

} // namespace ops::app
