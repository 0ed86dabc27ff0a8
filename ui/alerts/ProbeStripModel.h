#pragma once

#include "monitor/AlertMonitor.h"

#include <QAbstractTableModel>

namespace ops::ui {

// Every probe target with its latest result: state, latency, manifest age against the
// threshold, when it was checked, and the reason (for packs: both digests in the tooltip).
// Updated in place after each round, so a view of hundreds of targets never rebuilds.
class ProbeStripModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Target, State, Latency, Age, Checked, Reason, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1,
        TargetIdRole,
        AgeFractionRole, // manifest age / freshness threshold (Age column), invalid when unknown
        DigestsRole,     // packs: "expected <hex>\nactual   <hex>", for copying
    };

    explicit ProbeStripModel(AlertMonitor *monitor, QObject *parent = nullptr);

    // Re-reads the monitor's latest results (rows change only when a pack is discovered).
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ProbeTarget> currentTargets() const;

    AlertMonitor *m_monitor;
    QList<ProbeTarget> m_targets;
};

} // namespace ops::ui
