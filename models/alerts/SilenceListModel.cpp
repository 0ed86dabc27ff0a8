#include "SilenceListModel.h"

#include "core/Time.h"

#include <QDateTime>

#include <algorithm>

namespace ops {

namespace {
QString local(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

SilenceListModel::SilenceListModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void SilenceListModel::setBook(const SilenceBook &book, qint64 nowMs) {
    beginResetModel();
    m_now = nowMs;
    m_rows = book.active(nowMs);
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Silence &a, const Silence &b) { return a.untilMs < b.untilMs; });
    m_rows += book.upcoming(nowMs);
    QList<Silence> past;
    for (const Silence &s : book.recorded())
        if (s.statusAt(nowMs) == Silence::Status::Ended || s.statusAt(nowMs) == Silence::Status::Expired)
            past.append(s);
    std::stable_sort(past.begin(), past.end(),
                     [](const Silence &a, const Silence &b) { return a.endMs() > b.endMs(); });
    m_rows += past.mid(0, kHistoryRows);
    endResetModel();
}

const Silence *SilenceListModel::silence(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int SilenceListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SilenceListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Silence &s = m_rows.at(index.row());
    const Silence::Status status = s.statusAt(m_now);
    if (role == StatusRole)
        return static_cast<int>(status);
    if (role == IdRole)
        return s.id;
    if (role == Qt::ToolTipRole)
        return s.maintenance
                   ? tr("Maintenance window of the config (line %1), every occurrence silences %2 on %3")
                         .arg(s.configLine)
                         .arg(s.alerts.join(QStringLiteral(", ")), s.scope)
                   : tr("Silenced by %1 (event %2)").arg(s.actor).arg(s.seq);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Status:
        switch (status) {
        case Silence::Status::Active:
            return tr("active");
        case Silence::Status::Upcoming:
            return tr("upcoming");
        case Silence::Status::Ended:
            return tr("ended");
        case Silence::Status::Expired:
            return tr("expired");
        }
        return {};
    case Id:
        return s.id;
    case Scope:
        return s.scope;
    case Alerts:
        return s.alerts.join(QStringLiteral(", "));
    case Starts:
        return local(s.startsMs);
    case Until:
        return s.endedSeq ? tr("%1 (ended %2)").arg(local(s.untilMs), local(s.endedMs)) : local(s.untilMs);
    case By:
        if (s.maintenance)
            return tr("maintenance window");
        return s.endedSeq ? tr("%1, ended by %2").arg(s.actor, s.endedBy) : s.actor;
    case Reason:
        return s.endReason.isEmpty() ? s.reason : tr("%1 — ended: %2").arg(s.reason, s.endReason);
    default:
        return {};
    }
}

QVariant SilenceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Status:
        return tr("State");
    case Id:
        return tr("Silence");
    case Scope:
        return tr("Scope");
    case Alerts:
        return tr("Alerts");
    case Starts:
        return tr("From");
    case Until:
        return tr("Until");
    case By:
        return tr("By");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace ops
