#pragma once

#include "incidents/Incidents.h"

#include <QAbstractListModel>

namespace ops::ui {

// The runs of the Incidents panel: runbook checklists and rollbacks in progress (and the one the
// operator has open, even once finished), each as "id title · scope · resolved/steps". Launch
// runs live in the Launch panel and are left out.
class RunListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, FinishedRole, RollbackRole };

    using QAbstractListModel::QAbstractListModel;

    // The runs worth showing of `runs`; `open` is the run the operator has open.
    void setRuns(const QList<RunbookRun> &runs, const QString &open);
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<RunbookRun> m_rows;
};

} // namespace ops::ui
