#pragma once

// A live process that holds a file's native lock for as long as it runs (flock(1), util-linux), the
// way a recorder holds the lock file beside its store. Its pid is the holder's.

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

namespace ops::test {

inline bool holdLock(QProcess &holder, const QString &path) {
    holder.start(QStringLiteral("flock"), {QStringLiteral("-o"), path, QStringLiteral("cat")});
    if (!holder.waitForStarted())
        return false;
    // Held once a probe cannot take it (flock -n exits 1 then).
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (QFileInfo::exists(path) &&
            QProcess::execute(QStringLiteral("flock"),
                              {QStringLiteral("-n"), path, QStringLiteral("true")}) == 1)
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace ops::test
