#include "ProbeStripModel.h"

#include "common/TimeFormat.h"

#include "AlertCellDelegate.h"

#include <QBrush>
#include <QDateTime>

namespace ops::ui {

ProbeStripModel::ProbeStripModel(AlertMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
    , m_targets(currentTargets()) {
}

QList<ProbeTarget> ProbeStripModel::currentTargets() const {
    // Packs appear under their manifest once it has named them.
    QList<ProbeTarget> out;
    const QHash<QString, ProbeResult> &latest = m_monitor->latest();
    for (const ProbeTarget &t : m_monitor->engine()->targets()) {
        out.append(t);
        if (t.kind == TargetKind::Manifest)
            if (auto it = latest.constFind(t.scope + QStringLiteral("/pack")); it != latest.cend())
                out.append(it->target);
    }
    return out;
}

void ProbeStripModel::refresh() {
    QList<ProbeTarget> targets = currentTargets();
    bool sameRows = targets.size() == m_targets.size();
    for (qsizetype i = 0; sameRows && i < targets.size(); ++i)
        sameRows = targets.at(i).id == m_targets.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_targets = std::move(targets);
        endResetModel();
        return;
    }
    m_targets = std::move(targets);
    if (!m_targets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ProbeStripModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_targets.size());
}

int ProbeStripModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeStripModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeTarget &t = m_targets.at(index.row());
    const auto it = m_monitor->latest().constFind(t.id);
    const bool probed = it != m_monitor->latest().cend();
    const ProbeResult r = probed ? *it : ProbeResult{};
    const ProbeState state = probed ? r.state : ProbeState::Unknown;
    if (role == StateRole)
        return static_cast<int>(state);
    if (role == TargetIdRole)
        return t.id;
    if (role == AgeFractionRole) {
        const ScopeConfig *scope = m_monitor->config().scope(t.scope);
        if (!r.ageS || !scope || scope->freshnessHours <= 0)
            return {};
        return double(*r.ageS) / (double(scope->freshnessHours) * 3600.0);
    }
    if (role == DigestsRole)
        return t.kind == TargetKind::Pack && probed
                   ? tr("expected %1\nactual   %2")
                         .arg(t.expectedSha256,
                              r.actualSha256.isEmpty() ? tr("(not computed)") : r.actualSha256)
                   : QVariant();
    if (role == Qt::ForegroundRole && index.column() == State)
        return QBrush(AlertCellDelegate::background(state == ProbeState::Ok        ? int(AlertState::Ok)
                                                    : state == ProbeState::Unknown ? int(AlertState::Unknown)
                                                                                   : int(AlertState::Firing),
                                                    state == ProbeState::Failed ? QStringLiteral("SEV-1")
                                                                                : QStringLiteral("SEV-2")));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Target:
        return role == Qt::ToolTipRole ? t.url.toString(QUrl::RemoveUserInfo) : t.id;
    case State:
        switch (state) {
        case ProbeState::Ok:
            return tr("OK");
        case ProbeState::Degraded:
            return tr("DEGRADED");
        case ProbeState::Stale:
            return tr("STALE");
        case ProbeState::Failed:
            return tr("FAILED");
        case ProbeState::Unknown:
            break;
        }
        return tr("UNKNOWN");
    case Latency:
        return probed && r.latencyMs >= 0 ? tr("%1 ms").arg(r.latencyMs) : QStringLiteral("–");
    case Age: {
        const ScopeConfig *scope = m_monitor->config().scope(t.scope);
        return r.ageS && scope
                   ? tr("%1 h / %2 h").arg(double(*r.ageS) / 3600.0, 0, 'f', 1).arg(scope->freshnessHours)
                   : QStringLiteral("–");
    }
    case Checked:
        return r.checkedAtMs > 0 ? TimeFormat::clock(r.checkedAtMs) : tr("never");
    case Reason: {
        if (!probed)
            return tr("not probed yet");
        if (t.kind == TargetKind::Pack && !r.actualSha256.isEmpty() && role == Qt::ToolTipRole)
            return tr("expected %1\nactual   %2").arg(t.expectedSha256, r.actualSha256);
        if (t.kind == TargetKind::Pack && !r.actualSha256.isEmpty() && r.reason.isEmpty())
            return tr("sha256 %1… matches the manifest").arg(r.actualSha256.left(16));
        return r.reason.isEmpty() ? t.url.toString(QUrl::RemoveUserInfo) : r.reason.translated();
    }
    default:
        return {};
    }
}

QVariant ProbeStripModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Target:
        return tr("Target");
    case State:
        return tr("State");
    case Latency:
        return tr("Latency");
    case Age:
        return tr("Age / threshold");
    case Checked:
        return tr("Checked");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace ops::ui
