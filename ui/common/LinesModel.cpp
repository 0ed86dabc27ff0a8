#include "LinesModel.h"

namespace ops::ui {

LinesModel::LinesModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers)) {
}

void LinesModel::setLines(QList<Line> lines) {
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int LinesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int LinesModel::columnCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return qMax(1, static_cast<int>(m_headers.size()));
}

QVariant LinesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &l = m_lines.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return l.cells.value(column);
    case Qt::ToolTipRole:
        return l.tip.isEmpty() ? l.cells.value(column) : l.tip;
    case Qt::ForegroundRole: {
        const QColor c = l.cellColours.value(column).isValid() ? l.cellColours.value(column) : l.colour;
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case ValueRole:
        return l.value;
    default:
        return {};
    }
}

QVariant LinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace ops::ui
