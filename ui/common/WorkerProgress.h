#pragma once

#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>

namespace ops::ui {

// Moves a worker thread's progress (done of total) onto a progress bar, in permille, through the
// bar's own thread; a bar that is gone by then is left alone.
inline void postProgress(const QPointer<QProgressBar> &bar, qint64 done, qint64 total) {
    const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
    QMetaObject::invokeMethod(
        bar,
        [bar, permille] {
            if (bar)
                bar->setValue(permille);
        },
        Qt::QueuedConnection);
}

} // namespace ops::ui
