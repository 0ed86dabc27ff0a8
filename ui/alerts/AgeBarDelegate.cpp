#include "AgeBarDelegate.h"

#include "ProbeStripModel.h"

#include <QPainter>

namespace ops::ui {

void AgeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const {
    const QVariant fraction = index.data(ProbeStripModel::AgeFractionRole);
    if (fraction.isValid()) {
        const double f = fraction.toDouble();
        const QColor colour = f >= 1.0    ? QColor(0xb7, 0x1c, 0x1c)
                              : f >= 0.75 ? QColor(0xc9, 0x9a, 0x00)
                                          : QColor(0x2e, 0x7d, 0x32);
        const QRect r = option.rect.adjusted(2, 4, -2, -4);
        painter->save();
        painter->setPen(Qt::NoPen);
        QColor track = option.palette.color(QPalette::Mid);
        track.setAlpha(60);
        painter->setBrush(track);
        painter->drawRect(r);
        QColor fill = colour;
        fill.setAlpha(110);
        painter->setBrush(fill);
        painter->drawRect(QRect(r.topLeft(), QSize(static_cast<int>(r.width() * qMin(1.0, f)), r.height())));
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace ops::ui
