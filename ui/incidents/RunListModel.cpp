#include "RunListModel.h"

#include "runbooks/Runbook.h"

#include <QCoreApplication>

namespace ops::ui {

void RunListModel::setRuns(const QList<RunbookRun> &runs) {
    beginResetModel();
    m_rows.clear();
    for (const RunbookRun &r : runs)
        if (r.runbook != QLatin1String("launch-day-validation")) // a launch lives in the Launch panel
            m_rows << r;
    endResetModel();
}

int RunListModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RunListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size() || index.column() != 0)
        return {};
    const RunbookRun &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case FinishedRole:
        return r.finished;
    case RollbackRole:
        return r.rollback;
    case StartedRole:
        return r.startedMs;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return QStringLiteral("%1  %2%3 · %4 · %5/%6%7")
            .arg(r.id, RunbookLibrary::shown(r.title),
                 r.drill ? QCoreApplication::translate("ops::ui::IncidentsPanel", " (drill)") : QString(),
                 r.scope.isEmpty() ? QStringLiteral("—") : r.scope)
            .arg(r.resolvedCount())
            .arg(r.steps.size())
            .arg(r.finished ? QCoreApplication::translate("ops::ui::IncidentsPanel", " · finished")
                            : QString());
    default:
        return {};
    }
}

RunListFilter::RunListFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
    sort(0);
}

void RunListFilter::setShowFinished(bool show) {
    m_showFinished = show;
    invalidateFilter();
}

void RunListFilter::setOpenRun(const QString &id) {
    if (id == m_open)
        return;
    m_open = id;
    invalidateFilter();
}

QString RunListFilter::idAt(int row) const {
    return row >= 0 && row < rowCount() ? index(row, 0).data(RunListModel::IdRole).toString() : QString();
}

int RunListFilter::rowOf(const QString &id) const {
    const QModelIndexList hit = rowCount() > 0
                                    ? match(index(0, 0), RunListModel::IdRole, id, 1, Qt::MatchExactly)
                                    : QModelIndexList();
    return hit.isEmpty() ? -1 : hit.first().row();
}

bool RunListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_showFinished || !i.data(RunListModel::FinishedRole).toBool() ||
           (!m_open.isEmpty() && i.data(RunListModel::IdRole).toString() == m_open);
}

bool RunListFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const bool lf = left.data(RunListModel::FinishedRole).toBool();
    const bool rf = right.data(RunListModel::FinishedRole).toBool();
    if (lf != rf)
        return !lf; // in progress first
    const bool lr = left.data(RunListModel::RollbackRole).toBool();
    const bool rr = right.data(RunListModel::RollbackRole).toBool();
    if (lr != rr)
        return lr; // rollbacks, which run against the clock, before checklists
    const qint64 ls = left.data(RunListModel::StartedRole).toLongLong();
    const qint64 rs = right.data(RunListModel::StartedRole).toLongLong();
    if (ls != rs)
        return ls > rs; // newest first
    return left.data(RunListModel::IdRole).toString() < right.data(RunListModel::IdRole).toString();
}

} // namespace ops::ui
