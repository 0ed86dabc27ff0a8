#include "RunListModel.h"

#include "runbooks/Runbook.h"

#include <QCoreApplication>

namespace ops::ui {

void RunListModel::setRuns(const QList<RunbookRun> &runs, const QString &open) {
    beginResetModel();
    m_rows.clear();
    for (const RunbookRun &r : runs) {
        if ((r.finished && r.id != open) || r.runbook == QLatin1String("launch-day-validation"))
            continue; // a launch lives in the Launch panel
        m_rows << r;
    }
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
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return QStringLiteral("%1  %2%3 · %4 · %5/%6")
            .arg(r.id, RunbookLibrary::shown(r.title),
                 r.drill ? QCoreApplication::translate("ops::ui::IncidentsPanel", " (drill)") : QString(),
                 r.scope.isEmpty() ? QStringLiteral("—") : r.scope)
            .arg(r.resolvedCount())
            .arg(r.steps.size());
    default:
        return {};
    }
}

} // namespace ops::ui
