#include "IncidentListModel.h"

#include <algorithm>

namespace ops {

QString ageText(qint64 ms) {
    const qint64 min = qMax<qint64>(0, ms) / 60000;
    if (min < 60)
        return QStringLiteral("%1 min").arg(min);
    if (min < 24 * 60)
        return QStringLiteral("%1 h %2 min").arg(min / 60).arg(min % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(min / (24 * 60)).arg((min / 60) % 24);
}

void IncidentListModel::setIncidents(const QList<Incident> &incidents, qint64 nowMs, bool includeClosed) {
    beginResetModel();
    m_now = nowMs;
    m_rows.clear();
    for (const Incident &i : incidents)
        if (includeClosed || !i.closed)
            m_rows << i;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Incident &a, const Incident &b) {
        if (a.closed != b.closed)
            return !a.closed;
        if (a.severity != b.severity)
            return a.severity < b.severity; // SEV-1 first
        return a.openedMs < b.openedMs;
    });
    endResetModel();
}

void IncidentListModel::setNow(qint64 nowMs) {
    m_now = nowMs;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

const Incident *IncidentListModel::incidentAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int IncidentListModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int IncidentListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const {
    const Incident *i = incidentAt(index.row());
    if (!i)
        return {};
    switch (role) {
    case IdRole:
        return i->id;
    case SeverityRole:
        return i->severity;
    case ClosedRole:
        return i->closed;
    case SortRole:
        switch (index.column()) {
        case Severity:
            return i->severity; // "SEV-1" before "SEV-2"
        case Age:
            return -i->openedMs; // youngest first, as the ages read
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        return QStringLiteral("%1 — %2").arg(i->trigger, i->severityReasonPhrase.translated());
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity:
            return i->severity;
        case Id:
            return i->id;
        case Class:
            return i->incidentClass;
        case Scope:
            return i->scope;
        case Age:
            return ageText((i->closed ? i->closedMs : m_now) - i->openedMs);
        case Owner:
            return i->owner.isEmpty() ? tr("unassigned") : i->owner;
        case State:
            return i->closed ? tr("closed") : tr("open");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return static_cast<int>(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // Translated when asked (the language may be chosen after the model exists).
    const QStringList names{tr("Severity"), tr("Incident"), tr("Class"), tr("Scope"),
                            tr("Age"),      tr("Owner"),    tr("State")};
    return names.value(section);
}

IncidentListFilter::IncidentListFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(IncidentListModel::SortRole);
}

void IncidentListFilter::setText(const QString &text) {
    m_text = text.trimmed();
    invalidateFilter();
}

int IncidentListFilter::rowOf(const QString &id) const {
    for (int i = 0; i < rowCount(); ++i)
        if (index(i, 0).data(IncidentListModel::IdRole).toString() == id)
            return i;
    return -1;
}

bool IncidentListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = qobject_cast<const IncidentListModel *>(sourceModel());
    const Incident *i = model && !sourceParent.isValid() ? model->incidentAt(sourceRow) : nullptr;
    if (!i)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString &field : {i->id, i->incidentClass, i->scope, i->owner, i->trigger})
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace ops
