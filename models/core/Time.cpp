#include "Time.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace ops::Time {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Clock systemClock()
{
    return &nowMs;
}

QString toIso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> parseIso(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|\\+00:00)$"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

} // namespace ops::Time
