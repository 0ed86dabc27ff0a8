#pragma once

#include "incidents/Incidents.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSortFilterProxyModel>

namespace ops::ui {

// An incident's timeline for the Incidents panel: every event about it, in log order, with when,
// who, what (one line for a person) and the event it is (position and kind). A missed rollback
// deadline reads in the alarm colour.
class IncidentTimelineModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, What, Event, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, KindRole, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<TimelineEntry> &entries);
    void setAlarmColour(const QColor &colour);
    const TimelineEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<TimelineEntry> m_rows;
    QColor m_alarm = Qt::darkRed;
};

// The timeline as the operator narrows it: the rows whose when, who, what or event contain the
// text typed (in any case), sorted by any column (time and position in their own order).
class TimelineFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TimelineFilter(QObject *parent = nullptr);
    void setText(const QString &text);
};

} // namespace ops::ui
