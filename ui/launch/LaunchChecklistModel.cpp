#include "LaunchChecklistModel.h"

#include "common/StatusWidgets.h"
#include "common/StepStatusText.h"
#include "common/TimeFormat.h"
#include "runbooks/Runbook.h"

namespace ops::ui {

namespace {

bool failed(const LaunchCheck &c) {
    return c.status == StepStatus::Failed || !c.stale.isEmpty();
}

} // namespace

QString LaunchChecklistModel::statusText(StepStatus status) {
    return StepStatusText::of(status);
}

void LaunchChecklistModel::setChecks(const QList<LaunchCheck> &checks) {
    beginResetModel();
    m_rows = checks;
    endResetModel();
}

void LaunchChecklistModel::setColours(const QColor &holds, const QColor &failedColour) {
    m_holds = holds;
    m_failed = failedColour;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DecorationRole, Qt::ForegroundRole});
}

const LaunchCheck *LaunchChecklistModel::checkAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int LaunchChecklistModel::rowOf(const QString &step) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).step.id == step)
            return i;
    return -1;
}

int LaunchChecklistModel::nextRow() const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (!m_rows.at(i).holds())
            return i;
    return 0;
}

int LaunchChecklistModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LaunchChecklistModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LaunchChecklistModel::data(const QModelIndex &index, int role) const {
    const LaunchCheck *c = index.isValid() ? checkAt(index.row()) : nullptr;
    if (!c)
        return {};
    const QString evidence = c->status == StepStatus::Pending ? tr("not recorded yet")
                             : c->stale.isEmpty()             ? c->summary.translated()
                                                              : c->stale.translated();
    switch (role) {
    case StepRole:
        return c->step.id;
    case HoldsRole:
        return c->holds();
    case FailedRole:
        return failed(*c);
    case SortRole:
        switch (index.column()) {
        case Check:
            return index.row(); // runbook order
        case Status:
            return failed(*c) ? 0 : c->status == StepStatus::Pending ? 1 : c->holds() ? 3 : 2;
        case When:
            return c->tsMs;
        default:
            return index.data(Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return c->step.id;
        case Status:
            return !c->stale.isEmpty() ? tr("stale") : statusText(c->status);
        case Evidence:
            return evidence;
        case By:
            return c->actor;
        case When:
            return TimeFormat::minutes(c->tsMs);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Check)
            return RunbookLibrary::shown(c->step.action);
        if (index.column() == Evidence)
            return evidence;
        return {};
    case Qt::DecorationRole:
        if (index.column() == Check)
            return statusDot(c->holds() ? m_holds : failed(*c) ? m_failed : QColor(Qt::gray));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Status && (c->holds() || failed(*c)))
            return failed(*c) ? m_failed : m_holds;
        return {};
    default:
        return {};
    }
}

QVariant LaunchChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case Status:
        return tr("Status");
    case Evidence:
        return tr("Evidence");
    case By:
        return tr("By");
    case When:
        return tr("When");
    default:
        return {};
    }
}

LaunchChecklistFilter::LaunchChecklistFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(LaunchChecklistModel::SortRole);
    setDynamicSortFilter(true);
}

void LaunchChecklistFilter::setShown(Shown shown) {
    m_shown = shown;
    invalidateFilter();
}

QString LaunchChecklistFilter::stepAt(int row) const {
    return row >= 0 && row < rowCount() ? index(row, 0).data(LaunchChecklistModel::StepRole).toString()
                                        : QString();
}

int LaunchChecklistFilter::rowOf(const QString &step) const {
    const QModelIndexList hit =
        rowCount() > 0 ? match(index(0, 0), LaunchChecklistModel::StepRole, step, 1, Qt::MatchExactly)
                       : QModelIndexList();
    return hit.isEmpty() ? -1 : hit.first().row();
}

bool LaunchChecklistFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (m_shown) {
    case NotHolding:
        return !i.data(LaunchChecklistModel::HoldsRole).toBool();
    case Failed:
        return i.data(LaunchChecklistModel::FailedRole).toBool();
    case All:
        break;
    }
    return true;
}

} // namespace ops::ui
