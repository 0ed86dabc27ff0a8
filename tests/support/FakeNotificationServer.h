#pragma once

// What a desktop's notification daemon (org.freedesktop.Notifications) does, as far as the
// console and the headless monitor use it: registered on a test's session bus, it keeps what it
// was sent and can invoke actions. Listed in the SOURCES of each test that uses it (moc).

#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace ops::test {

class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Received {
        QString summary, body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0;
    };
    QList<Received> received;
    QStringList capabilities{QStringLiteral("actions"), QStringLiteral("body")};

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout) {
        received.append(Received{summary, body, actions, hints, timeout, uint(received.size() + 1)});
        return uint(received.size());
    }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};

} // namespace ops::test
