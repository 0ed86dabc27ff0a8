#include "IncidentTimelineModel.h"

#include "common/TimeFormat.h"

#include <QCoreApplication>

namespace ops::ui {

void IncidentTimelineModel::setEntries(const QList<TimelineEntry> &entries) {
    beginResetModel();
    m_rows = entries;
    endResetModel();
}

void IncidentTimelineModel::setAlarmColour(const QColor &colour) {
    m_alarm = colour;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, What), index(rowCount() - 1, What), {Qt::ForegroundRole});
}

const TimelineEntry *IncidentTimelineModel::entryAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int IncidentTimelineModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentTimelineModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTimelineModel::data(const QModelIndex &index, int role) const {
    const TimelineEntry *t = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!t || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case SeqRole:
        return static_cast<qulonglong>(t->seq);
    case KindRole:
        return t->kind;
    case SortRole:
        switch (index.column()) {
        case When:
            return t->tsMs;
        case Event:
            return static_cast<qulonglong>(t->seq);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When:
            return TimeFormat::seconds(t->tsMs);
        case Who:
            return t->actor;
        case What:
            return t->display();
        case Event:
            return QStringLiteral("#%1 %2").arg(t->seq).arg(t->kind);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == What && t->kind == QLatin1String("rollback.deadline_missed"))
            return m_alarm;
        return {};
    default:
        return {};
    }
}

QVariant IncidentTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return static_cast<int>(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return QCoreApplication::translate("ops::ui::IncidentDetailView", "When");
    case Who:
        return QCoreApplication::translate("ops::ui::IncidentDetailView", "Who");
    case What:
        return QCoreApplication::translate("ops::ui::IncidentDetailView", "What");
    case Event:
        return QCoreApplication::translate("ops::ui::IncidentDetailView", "Event");
    }
    return {};
}

TimelineFilter::TimelineFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(IncidentTimelineModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void TimelineFilter::setText(const QString &text) {
    setFilterFixedString(text.trimmed());
}

} // namespace ops::ui
