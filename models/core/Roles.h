#pragma once

#include <QStringList>

namespace ops::Roles {

// INTERFACES.md: the roles an identity may hold.
inline QStringList all() {
    return {QStringLiteral("operator"),
            QStringLiteral("incident-owner"),
            QStringLiteral("release-owner"),
            QStringLiteral("reviewer"),
            QStringLiteral("analyst"),
            QStringLiteral("risk-owner"),
            QStringLiteral("locker"),
            QStringLiteral("launcher"),
            QStringLiteral("product"),
            QStringLiteral("engineering"),
            QStringLiteral("qa"),
            QStringLiteral("admin"),
            QStringLiteral("monitor")};
}

// A service identity (the headless monitor, a console recording probe transitions) records what it
// observes and nothing a person decides.
inline bool monitorMayRecord(QStringView kind) {
    return kind.startsWith(QLatin1String("probe.")) || kind == QLatin1String("alert.fired") ||
           kind == QLatin1String("alert.cleared") || kind.startsWith(QLatin1String("signal.")) ||
           kind.startsWith(QLatin1String("monitor."));
}

inline QStringList unknown(const QStringList &roles) {
    QStringList out;
    for (const QString &r : roles)
        if (!all().contains(r))
            out << r;
    return out;
}

// Seed 003 §12: the S02 analyst, the S03 locker and the S04 launcher are different identities,
// so no identity may hold two of these roles. Empty when the roles are allowed together.
inline QString separationConflict(const QStringList &roles) {
    QStringList held;
    for (const char *r : {"analyst", "locker", "launcher"})
        if (roles.contains(QLatin1String(r)))
            held << QLatin1String(r);
    if (roles.contains(QLatin1String("monitor")) && roles.size() > 1)
        return QStringLiteral(
            "the monitor role is for service identities and is held alone: a service records "
            "what it observes, never what a person decides");
    if (held.size() < 2)
        return {};
    return QStringLiteral("one identity cannot hold %1: the analyst, the locker and the launcher must be "
                          "different identities (seed 003 §12)")
        .arg(held.join(QStringLiteral(" and ")));
}

} // namespace ops::Roles
