#pragma once

#include "JsonValue.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// One named check of a verification report (handoff package, verdict): each is reported on
// its own, as the CLI's {"name", "ok", "detail"}.
struct NamedCheck {
    QString name;
    bool ok = true;
    QString detail;
};

// "name: detail" of every check that failed, in order.
inline QStringList failedCheckLines(const QList<NamedCheck> &checks) {
    QStringList out;
    for (const NamedCheck &c : checks)
        if (!c.ok)
            out << c.name + QStringLiteral(": ") + c.detail;
    return out;
}

inline JsonValue checksJson(const QList<NamedCheck> &checks) {
    JsonValue list = JsonValue::array();
    for (const NamedCheck &c : checks) {
        JsonValue x = JsonValue::object();
        x["name"] = c.name;
        x["ok"] = c.ok;
        x["detail"] = c.detail;
        list.push(x);
    }
    return list;
}

} // namespace ops
