#include "DesktopNotifier.h"

#include "core/FileUtil.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariantMap>

namespace ops {

namespace {
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr qint64 kLedgerMaxBytes = 4 * 1024 * 1024;
constexpr qint64 kLedgerKeepMs = 31LL * 24 * 3600 * 1000;
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent) {
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus) {
    if (!m_bus.isConnected())
        return;
    const QString service = QString::fromLatin1(kService), path = QString::fromLatin1(kPath);
    m_bus.connect(service, path, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    askCapabilities();
}

bool DesktopNotifier::serverAvailable() const {
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    // Asks the bus daemon, never the notification server itself: quick even when that one hangs.
    const QDBusReply<bool> registered = m_bus.interface()->isServiceRegistered(QString::fromLatin1(kService));
    return registered.isValid() && registered.value();
}

void DesktopNotifier::askCapabilities() {
    if (!serverAvailable())
        return;
    m_capabilitiesAsked = true;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface,
                                       QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QStringList> reply = *w;
        m_actions = !reply.isError() && reply.value().contains(QStringLiteral("actions"));
        w->deleteLater();
        Q_EMIT capabilitiesKnown();
    });
}

bool DesktopNotifier::notify(const QString &title, const QString &body, const QString &severity,
                             const QString &alertId, const QString &scope) {
    if (!serverAvailable())
        return false;
    if (!m_capabilitiesAsked)
        askCapabilities(); // the server came up after the window did
    const bool sev1 = severity == QLatin1String("SEV-1");
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(sev1 ? 2 : 1));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("opsconsole"));
    hints.insert(QStringLiteral("category"), QStringLiteral("device.error"));
    QStringList actions;
    if (m_actions && m_offerActions)
        actions << QStringLiteral("default") << tr("Open") << QStringLiteral("open") << tr("Open")
                << QStringLiteral("acknowledge") << tr("Acknowledge…");
    QDBusMessage call = QDBusMessage::createMethodCall(
        QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("opsconsole") << uint(0) << QStringLiteral("opsconsole") << title << body
         << actions << hints << int(sev1 ? 0 : -1); // a SEV-1 stays until dismissed
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, title, body, severity, alertId, scope](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                w->deleteLater();
                if (reply.isError()) {
                    Q_EMIT failed(title, body, severity, reply.error().message());
                    return;
                }
                m_cells.insert(reply.value(), {alertId, scope});
            });
    return true;
}

bool DesktopNotifier::notice(const Notice &n) {
    if ((n.trigger != QLatin1String("fired") && n.trigger != QLatin1String("escalated")) ||
        (n.severity != QLatin1String("SEV-1") && n.severity != QLatin1String("SEV-2")))
        return false;
    if (m_toldElsewhere && m_toldElsewhere())
        return false;
    // Told already, by this recorder before a restart: not again. Read each time, as another
    // recorder of this user may have told it meanwhile.
    const QString key = n.trigger + QLatin1Char('|') + n.alertId + QLatin1Char('|') + n.scope +
                        QLatin1Char('|') + QString::number(n.firingSinceMs);
    QJsonObject told;
    if (!m_ledger.isEmpty()) {
        QFile f(m_ledger);
        if (f.open(QIODevice::ReadOnly))
            told = QJsonDocument::fromJson(f.read(kLedgerMaxBytes))
                       .object()
                       .value(QStringLiteral("told"))
                       .toObject();
        if (told.contains(key))
            return true;
    }
    const QString name = n.alertName.isEmpty() ? n.alertId : n.alertName;
    const QString title = n.trigger == QLatin1String("escalated")
                              ? tr("%1 %2 firing for %3, not acknowledged").arg(n.severity, name, n.scope)
                              : tr("%1 %2 firing for %3").arg(n.severity, name, n.scope);
    QString body = n.firstAction.isEmpty() ? n.detail : tr("First action: %1").arg(n.firstAction);
    if (!n.note.isEmpty())
        body += QStringLiteral("\n") + n.note;
    if (!notify(title, body, n.severity, n.alertId, n.scope))
        return false;
    if (!m_ledger.isEmpty()) {
        // Kept for a month of firings; older ones are let go.
        for (auto it = told.begin(); it != told.end();)
            it = it.value().toInteger() < n.tsMs - kLedgerKeepMs ? told.erase(it) : std::next(it);
        told.insert(key, n.tsMs);
        QDir().mkpath(QFileInfo(m_ledger).absolutePath());
        const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("told"), told}}).toJson();
        if (auto saved = FileUtil::writePrivateAtomic(m_ledger, bytes); !saved.ok())
            qWarning("desktop notices: %s", qPrintable(saved.error().message));
    }
    return true;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action) {
    const auto it = m_cells.constFind(id);
    if (it == m_cells.cend())
        return; // another program's notification
    Q_EMIT actionInvoked(action == QLatin1String("default") ? QStringLiteral("open") : action, it->first,
                         it->second);
}

void DesktopNotifier::onClosed(uint id, uint) {
    m_cells.remove(id);
}

} // namespace ops
