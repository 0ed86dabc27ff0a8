#pragma once

// Small pieces the panels share: a status dot, a progress bar fed by a background job, and the
// value of a read that may fail (empty when it did).

#include "core/Result.h"
#include "store/EvidenceTypes.h"

#include <QCoreApplication>

#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QProgressBar>
#include <QStyle>

#include <functional>

namespace ops::ui {

// A filled circle in `color`, for list and table rows.
inline QIcon statusDot(const QColor &color) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 12, 12);
    return QIcon(pm);
}

// A StoreWorker progress callback that moves `bar` (range 0..1000) while it exists.
inline std::function<void(qint64, qint64)> permilleOf(QProgressBar *bar) {
    return [bar = QPointer<QProgressBar>(bar)](qint64 done, qint64 total) {
        if (bar)
            bar->setValue(total > 0 ? static_cast<int>(qBound(qint64(0), done * 1000 / total, qint64(1000)))
                                    : 0);
    };
}

// A one-line label that gives way when space is short: it ends in "…" instead of pushing its
// neighbours out of a status bar (a QLabel never gets narrower than its text). text() and the
// accessible name keep the whole text; the tooltip should too.
class ElidingLabel final : public QLabel {
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override {
        QSize s = QLabel::minimumSizeHint();
        s.setWidth(qMin(s.width(), fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMMMM…"))));
        return s;
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        const QRect r = contentsRect();
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, r.width());
        style()->drawItemText(&p, r, static_cast<int>(alignment() | Qt::AlignVCenter), palette(), isEnabled(),
                              shown, foregroundRole());
    }
};

// What the confirmation of an act says: the position it took and who signed it, or, on a team log
// that cannot be reached, that it waits in the outbox (its position is not known yet).
inline QString actRecorded(const QString &done, const StoredEvent &e, bool reachable) {
    return reachable ? QCoreApplication::translate("ops::ui::Acts", "%1 (event %2, signed by %3)")
                           .arg(done)
                           .arg(e.seq)
                           .arg(e.actor)
                     : QCoreApplication::translate("ops::ui::Acts",
                                                   "%1 (signed by %2; waits in the outbox until the team log "
                                                   "is back)")
                           .arg(done, e.actor);
}

template<typename T> T orEmpty(const Result<T> &r) {
    return r.ok() ? r.value() : T{};
}

} // namespace ops::ui
