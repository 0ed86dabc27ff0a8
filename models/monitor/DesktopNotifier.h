#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPair>

#include <functional>

namespace ops {

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus, what GNOME, KDE and most desktops run):
// urgency critical for SEV-1 (it stays until dismissed), normal otherwise, with the actions
// "Open" and "Acknowledge…" when the server offers actions. Every call is asynchronous, so a
// slow or hung notification server never stalls the window. notify() returns false when no
// server is there: the caller falls back to the system tray.
class DesktopNotifier final : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    explicit DesktopNotifier(QObject *parent = nullptr);
    DesktopNotifier(const QDBusConnection &bus, QObject *parent);

    // Whether notifications offer "Open" and "Acknowledge…" (a window that can act on them); the
    // headless monitor sends them without.
    void setOffersActions(bool offer) { m_offerActions = offer; }
    // While `told` says someone else tells the desktop (a window open on the store, which notifies
    // with its actions), notice() leaves it to them.
    void setToldElsewhere(std::function<bool()> told) { m_toldElsewhere = std::move(told); }
    // The file where what notice() told the desktop is kept (the user's state directory; not
    // evidence): a notice of a firing already told (the same cell, trigger and firing) is not told
    // again, so a monitor that restarts does not repeat it. Empty: nothing kept.
    void setLedger(const QString &path) { m_ledger = path; }
    bool serverAvailable() const;
    bool serverOffersActions() const { return m_actions; }
    bool notify(const QString &title, const QString &body, const QString &severity, const QString &alertId,
                const QString &scope);
    // A recorder's notice (NoticePolicy: fired, escalated, cleared, held while silenced), as the
    // headless monitor tells the desktop: SEV-1 and SEV-2 as they fire or escalate. False when it
    // is not one of those, or no server is there.
    bool notice(const Notice &notice);

Q_SIGNALS:
    // The person clicked an action of a notification: "open" or "acknowledge".
    void actionInvoked(const QString &action, const QString &alertId, const QString &scope);
    // The server refused or failed a notification (what it said), after notify() returned true.
    void failed(const QString &title, const QString &body, const QString &severity, const QString &error);
    void capabilitiesKnown();

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void askCapabilities();

    QDBusConnection m_bus;
    bool m_actions = false;
    bool m_offerActions = true;
    std::function<bool()> m_toldElsewhere;
    QString m_ledger;
    bool m_capabilitiesAsked = false;
    QHash<uint, QPair<QString, QString>> m_cells; // notification id → (alert, scope)
};

} // namespace ops
