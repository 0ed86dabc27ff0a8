#include "DerivationQueueModel.h"

#include "DerivationItems.h"

#include <QFont>

namespace ops::ui {

using derivation_items::statusLook;

namespace {

// The order a reviewer works through states in.
int statusRank(RecordStatus status) {
    switch (status) {
    case RecordStatus::InReview:
        return 0;
    case RecordStatus::Accepted:
        return 1;
    case RecordStatus::Signed:
        return 2;
    case RecordStatus::Rejected:
        return 3;
    case RecordStatus::Superseded:
        return 4;
    case RecordStatus::Invalidated:
        return 5;
    }
    return 6;
}

QString valueText(const DerivationRecord &r) {
    return r.isInfeasible()
               ? QCoreApplication::translate("ops::ui::DerivationsPanel", "%1 — INFEASIBLE (%2)")
                     .arg(r.valueName(), r.reason())
               : QStringLiteral("%1 = %2 %3").arg(r.valueName(), r.text("value"), r.text("units"));
}

QString tierText(const DerivationRecord &r) {
    return r.isInfeasible() ? r.lockability() : QStringLiteral("%1, %2").arg(r.costTier(), r.lockability());
}

} // namespace

void DerivationQueueModel::setRecords(const QList<RecordState> &records) {
    beginResetModel();
    m_rows = records;
    endResetModel();
}

void DerivationQueueModel::setTone(std::function<QColor(const QString &)> tone) {
    m_tone = std::move(tone);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

const RecordState *DerivationQueueModel::recordAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DerivationQueueModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).record.id == id)
            return i;
    return -1;
}

int DerivationQueueModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DerivationQueueModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DerivationQueueModel::data(const QModelIndex &index, int role) const {
    const RecordState *s = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const DerivationRecord &r = s->record;
    switch (role) {
    case IdRole:
        return r.id;
    case StatusRole:
        return static_cast<int>(s->status);
    case SortRole:
        switch (index.column()) {
        case Status:
            return statusRank(s->status);
        case Record:
            return index.row(); // import order
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Record:
            return r.id;
        case Value:
            return valueText(r);
        case Tier:
            return tierText(r);
        case Status:
            return statusLook(*s).second;
        }
        return {};
    case Qt::ForegroundRole:
        if (!m_tone)
            return {};
        if (index.column() == Status)
            return m_tone(statusLook(*s).first);
        if (index.column() == Tier && r.costTier() == QLatin1String("C"))
            return m_tone(QLatin1String(colours::kAmber));
        return {};
    case Qt::FontRole:
        if (index.column() == Record && !s->isLive()) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    default:
        return {};
    }
}

QVariant DerivationQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return static_cast<int>(Qt::AscendingOrder); // the first click sorts in review order
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Record:
        return QCoreApplication::translate("ops::ui::DerivationsPanel", "Record");
    case Value:
        return QCoreApplication::translate("ops::ui::DerivationsPanel", "Value");
    case Tier:
        return QCoreApplication::translate("ops::ui::DerivationsPanel", "Tier");
    case Status:
        return QCoreApplication::translate("ops::ui::DerivationsPanel", "Status");
    }
    return {};
}

DerivationQueueFilter::DerivationQueueFilter(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(DerivationQueueModel::SortRole);
}

void DerivationQueueFilter::setStatus(const QString &statusName) {
    m_status = statusName;
    invalidateFilter();
}

void DerivationQueueFilter::setTier(const QString &tier) {
    m_tier = tier;
    invalidateFilter();
}

void DerivationQueueFilter::setLockability(const QString &lockability) {
    m_lockability = lockability;
    invalidateFilter();
}

void DerivationQueueFilter::setAuthor(const QString &author) {
    m_author = author;
    invalidateFilter();
}

QString DerivationQueueFilter::idAt(int row) const {
    return row >= 0 && row < rowCount() ? index(row, 0).data(DerivationQueueModel::IdRole).toString()
                                        : QString();
}

int DerivationQueueFilter::rowOf(const QString &id) const {
    const QModelIndexList hit =
        rowCount() > 0 ? match(index(0, 0), DerivationQueueModel::IdRole, id, 1, Qt::MatchExactly)
                       : QModelIndexList();
    return hit.isEmpty() ? -1 : hit.first().row();
}

bool DerivationQueueFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = qobject_cast<const DerivationQueueModel *>(sourceModel());
    const RecordState *s = model && !sourceParent.isValid() ? model->recordAt(sourceRow) : nullptr;
    if (!s)
        return false;
    const DerivationRecord &r = s->record;
    if (!m_status.isEmpty() && recordStatusName(s->status) != m_status)
        return false;
    if (!m_tier.isEmpty() &&
        (m_tier == QLatin1String("INFEASIBLE") ? !r.isInfeasible() : r.costTier() != m_tier))
        return false;
    if (!m_lockability.isEmpty() && r.lockability() != m_lockability)
        return false;
    return m_author.isEmpty() || r.author() == m_author;
}

} // namespace ops::ui
