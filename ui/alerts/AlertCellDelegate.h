#pragma once

#include <QStyledItemDelegate>

namespace ops::ui {

// Colours a matrix cell by state and severity; the text ("FIRING SEV-1", "ok", "unknown")
// carries the same information, so colour is never the only cue.
class AlertCellDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    static QColor background(int state, const QString &severity);
};

} // namespace ops::ui
