#pragma once

#include <QStringList>

namespace ops::Roles {

// INTERFACES.md: the roles an identity may hold.
inline QStringList all()
{
    return {QStringLiteral("operator"), QStringLiteral("incident-owner"), QStringLiteral("release-owner"),
            QStringLiteral("reviewer"), QStringLiteral("analyst"),        QStringLiteral("risk-owner"),
            QStringLiteral("locker"),   QStringLiteral("launcher"),       QStringLiteral("product"),
            QStringLiteral("engineering"), QStringLiteral("qa")};
}

inline QStringList unknown(const QStringList &roles)
{
    QStringList out;
    for (const QString &r : roles)
        if (!all().contains(r))
            out << r;
    return out;
}

} // namespace ops::Roles
