#include "Time.h"

#include <QDateTime>

#include <cstdio>

namespace ops::Time {

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (valid for all years used here).
qint64 daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<qint64>(era) * 146097 + static_cast<qint64>(doe) - 719468;
}

void civilFromDays(qint64 z, int &y, unsigned &m, unsigned &d) {
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<qint64>(yoe) + era * 400) + (m <= 2);
}

bool digits(const QChar *p, int n, int &out) {
    out = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        out = out * 10 + (c - u'0');
    }
    return true;
}

} // namespace

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

Clock systemClock() {
    return &nowMs;
}

std::string toIsoStd(qint64 ms) {
    qint64 days = ms / 86400000;
    qint64 rem = ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    int y = 0;
    unsigned mo = 0, d = 0;
    civilFromDays(days, y, mo, d);
    const auto secs = static_cast<int>(rem / 1000);
    if (y < 0 || y > 9999) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, mo, d, secs / 3600,
                      (secs / 60) % 60, secs % 60, static_cast<int>(rem % 1000));
        return buf;
    }
    std::string out = "0000-00-00T00:00:00.000Z";
    auto put = [&out](int pos, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[static_cast<std::size_t>(pos + i)] = static_cast<char>('0' + value % 10);
    };
    put(0, y, 4);
    put(5, static_cast<int>(mo), 2);
    put(8, static_cast<int>(d), 2);
    put(11, secs / 3600, 2);
    put(14, (secs / 60) % 60, 2);
    put(17, secs % 60, 2);
    put(20, static_cast<int>(rem % 1000), 3);
    return out;
}

QString toIso(qint64 ms) {
    return QString::fromLatin1(toIsoStd(ms));
}

std::optional<qint64> parseIso(const QString &text) {
    // YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|+00:00)
    const int n = static_cast<int>(text.size());
    if (n < 20)
        return std::nullopt;
    const QChar *p = text.constData();
    int y, mo, d, h, mi, s;
    if (!digits(p, 4, y) || p[4] != u'-' || !digits(p + 5, 2, mo) || p[7] != u'-' || !digits(p + 8, 2, d) ||
        p[10] != u'T' || !digits(p + 11, 2, h) || p[13] != u':' || !digits(p + 14, 2, mi) || p[16] != u':' ||
        !digits(p + 17, 2, s))
        return std::nullopt;
    int pos = 19, ms = 0;
    if (pos < n && p[pos] == u'.') {
        int count = 0;
        ++pos;
        while (pos < n && p[pos].isDigit() && count < 3) {
            ms = ms * 10 + (p[pos].unicode() - u'0');
            ++pos;
            ++count;
        }
        if (count == 0)
            return std::nullopt;
        for (int i = count; i < 3; ++i)
            ms *= 10;
    }
    const QStringView tail = QStringView(text).mid(pos);
    if (tail != u"Z" && tail != u"+00:00")
        return std::nullopt;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && leap ? 1 : 0) || h > 23 || mi > 59 ||
        s > 59)
        return std::nullopt;
    return (daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
            mi * 60 + s) *
               1000 +
           ms;
}

} // namespace ops::Time
