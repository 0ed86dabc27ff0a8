#pragma once

#include <QStyledItemDelegate>

namespace ops::ui {

// Manifest age against the freshness threshold as a bar behind the text ("4.0 h / 6 h"):
// green under three quarters of the threshold, amber up to it, red beyond. The text says the
// same, so colour is never the only cue.
class AgeBarDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace ops::ui
