#pragma once

#include <QDateTime>
#include <QString>

// How the console shows a moment, in the operator's local time: one place for every panel.
// (Evidence itself is always shown in UTC ISO-8601, as it is stored.)
namespace ops::ui::TimeFormat {

// 2026-12-02 17:05:40 (empty for 0: never)
inline QString seconds(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
                        QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QString();
}
// 2026-12-02 17:05 (empty for 0)
inline QString minutes(qint64 ms) {
    return ms > 0
               ? QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
               : QString();
}
// 17:05:40, for what happened today (a probe round)
// "14:05", local time; empty for 0.
inline QString shortClock(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm"))
                  : QString();
}

inline QString clock(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                  : QString();
}

} // namespace ops::ui::TimeFormat
