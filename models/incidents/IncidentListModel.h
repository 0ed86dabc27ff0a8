#pragma once

#include "Incidents.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace ops {

// Incidents for the list of the Incidents & Rollback panel: open ones first (most severe, then
// oldest), closed ones after when asked for.
class IncidentListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Id, Class, Scope, Age, Owner, State, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SeverityRole, ClosedRole, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setIncidents(const QList<Incident> &incidents, qint64 nowMs, bool includeClosed);
    void setNow(qint64 nowMs); // ages move on
    const Incident *incidentAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Incident> m_rows;
    qint64 m_now = 0;
};

// The incident list as the operator narrows it: the incidents whose id, class, scope, owner or
// trigger contain the text typed (in any case); sorted by any column (severity most severe first,
// age by when it was opened), or in the model's own order (open first, most severe, oldest).
class IncidentListFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit IncidentListFilter(QObject *parent = nullptr);
    void setText(const QString &text);
    // The row of incident `id` in this proxy, or -1.
    int rowOf(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

QString ageText(qint64 ms); // "4 min", "2 h 05 min", "3 d 4 h"

} // namespace ops
