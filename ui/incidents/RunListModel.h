#pragma once

#include "incidents/Incidents.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

namespace ops::ui {

// The runs of the Incidents panel: runbook checklists and rollbacks, finished ones too, each as
// "id title · scope · resolved/steps". Launch runs live in the Launch panel and are left out.
class RunListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, FinishedRole, RollbackRole, StartedRole };

    using QAbstractListModel::QAbstractListModel;

    void setRuns(const QList<RunbookRun> &runs);
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<RunbookRun> m_rows;
};

// The runs as the operator sees them: those in progress, and the one open even once finished
// (finished runs all when asked for); rollbacks before checklists, each newest first, finished
// runs after the rest.
class RunListFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunListFilter(QObject *parent = nullptr);

    void setShowFinished(bool show);
    bool showsFinished() const { return m_showFinished; }
    // The run the operator has open: listed even when finished.
    void setOpenRun(const QString &id);
    QString idAt(int row) const;
    int rowOf(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showFinished = false;
    QString m_open;
};

} // namespace ops::ui
