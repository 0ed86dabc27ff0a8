#pragma once

#include "launch/Launch.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSortFilterProxyModel>

namespace ops::ui {

// The launch-day checklist of a launch run, for the Launch panel: one row a check in runbook
// order, with its state, the one-line summary of its evidence, who recorded it and when.
class LaunchChecklistModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Check, Status, Evidence, By, When, ColumnCount };
    enum Role { StepRole = Qt::UserRole + 1, HoldsRole, FailedRole, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setChecks(const QList<LaunchCheck> &checks);
    // The colours of a check that holds and of one that failed (readable on the view's palette).
    void setColours(const QColor &holds, const QColor &failed);
    const LaunchCheck *checkAt(int row) const;
    int rowOf(const QString &step) const;
    // The first check that does not hold yet (the next thing to do), or 0.
    int nextRow() const;

    // "done", "failed", "skipped", "pending", in the reader's language.
    static QString statusText(StepStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<LaunchCheck> m_rows;
    QColor m_holds = Qt::darkGreen;
    QColor m_failed = Qt::darkRed;
};

// The checklist as the release owner narrows it: every check, those that do not hold yet, or the
// failed and stale ones; sorted by any column (the check column in runbook order, the status with
// failed first, the time oldest first).
class LaunchChecklistFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Shown { All, NotHolding, Failed };

    explicit LaunchChecklistFilter(QObject *parent = nullptr);

    void setShown(Shown shown);
    QString stepAt(int row) const;
    int rowOf(const QString &step) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Shown m_shown = All;
};

} // namespace ops::ui
