#pragma once

// What the derivation record and its rules share inside models/derivations (not an interface).

#include "core/JsonValue.h"

#include <QStringList>

#include <initializer_list>

namespace ops::derivationtext {

inline QStringList fromLatin(std::initializer_list<const char *> names) {
    QStringList out;
    for (const char *n : names)
        out << QLatin1String(n);
    return out;
}

// The trimmed, non-empty strings of a value that is one string or a list of them.
inline QStringList stringsOf(const JsonValue *v) {
    QStringList out;
    if (!v)
        return out;
    if (v->isString())
        out << v->toQString().trimmed();
    else
        for (const JsonValue &x : v->toArray())
            if (x.isString())
                out << x.toQString().trimmed();
    out.removeAll(QString());
    return out;
}

} // namespace ops::derivationtext
