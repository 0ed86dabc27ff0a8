#include "AlertCellDelegate.h"

#include "alerts/AlertMatrixModel.h"

#include <QPainter>

namespace ops::ui {

QColor AlertCellDelegate::background(int state, const QString &severity) {
    switch (static_cast<AlertState>(state)) {
    case AlertState::Firing:
        if (severity == QLatin1String("SEV-1"))
            return QColor(0xb7, 0x1c, 0x1c);
        if (severity == QLatin1String("SEV-2"))
            return QColor(0xd8, 0x5c, 0x00);
        return QColor(0xc9, 0x9a, 0x00);
    case AlertState::Acknowledged:
        return QColor(0x7b, 0x4f, 0x9d);
    case AlertState::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case AlertState::Unknown:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

void AlertCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    const int state = index.data(AlertMatrixModel::StateRole).toInt();
    const QColor bg = background(state, index.data(AlertMatrixModel::SeverityRole).toString());
    painter->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(bg);
    painter->drawRoundedRect(r, 4, 4);
    if (index.data(AlertMatrixModel::SilencedRole).toBool()) {
        // Silenced: the state's colour under a hatch, so it reads as held, never as healthy.
        painter->setBrush(QBrush(QColor(0, 0, 0, 90), Qt::BDiagPattern));
        painter->drawRoundedRect(r, 4, 4);
    }
    if (option.state & QStyle::State_HasFocus || option.state & QStyle::State_Selected) {
        painter->setPen(QPen(option.palette.color(QPalette::Text), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(1, 1, -1, -1), 4, 4);
    }
    painter->setPen(Qt::white);
    QFont f = option.font;
    f.setBold(static_cast<AlertState>(state) == AlertState::Firing);
    painter->setFont(f);
    // "FIRING SEV-2" on two lines when the column is narrow.
    QString text = index.data(Qt::DisplayRole).toString();
    if (QFontMetrics(f).horizontalAdvance(text) > r.width() - 6)
        text.replace(QLatin1Char(' '), QLatin1Char('\n'));
    painter->drawText(r, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace ops::ui
