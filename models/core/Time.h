#pragma once

#include <QString>

#include <functional>
#include <optional>
#include <string>

namespace ops::Time {

using Clock = std::function<qint64()>; // milliseconds since the Unix epoch, UTC

// How far an event's time may lie before the latest time already in the log (clocks of several
// writers are never perfectly in step), and how far an imported line may lie in the future.
inline constexpr qint64 kClockSkewToleranceMs = 120'000;

qint64 nowMs();
Clock systemClock();
QString toIso(qint64 ms); // 2026-11-23T05:00:00.123Z
std::string toIsoStd(qint64 ms);
std::optional<qint64> parseIso(const QString &text); // UTC ISO-8601 with Z or +00:00, optional fraction

} // namespace ops::Time
