#include "DecisionListModel.h"

#include "common/TimeFormat.h"

namespace ops::ui {

void DecisionListModel::setDecisions(const QList<Decision> &decisions) {
    beginResetModel();
    m_rows = decisions;
    endResetModel();
}

int DecisionListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DecisionListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2: %3").arg(TimeFormat::seconds(d.tsMs), d.actor, d.text);
    case Qt::ToolTipRole:
        return tr("Decided by %1 at %2 (event %3):\n%4")
            .arg(d.actor, TimeFormat::seconds(d.tsMs))
            .arg(d.seq)
            .arg(d.text);
    case SeqRole:
        return static_cast<qulonglong>(d.seq);
    case ActorRole:
        return d.actor;
    case TimeRole:
        return d.tsMs;
    default:
        return {};
    }
}

} // namespace ops::ui
