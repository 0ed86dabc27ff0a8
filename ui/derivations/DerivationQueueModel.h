#pragma once

#include "derivations/Derivations.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSortFilterProxyModel>

#include <functional>

namespace ops::ui {

// The review queue of the Derivations panel: one row a derivation or INFEASIBLE record in the
// order they were imported, with its value, tier and lockability, and its state in the reviewer's
// words and colour. Superseded and invalidated records stay, struck out.
class DerivationQueueModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Record, Value, Tier, Status, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the record's id
        StatusRole,                // its RecordStatus, as an int
        SortRole,                  // what a column sorts by
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(const QList<RecordState> &records);
    // How a status colour (colours.h, or the gray of ended records) reads on the view's palette.
    void setTone(std::function<QColor(const QString &colour)> tone);
    const RecordState *recordAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<RecordState> m_rows;
    std::function<QColor(const QString &)> m_tone;
};

// The queue as the reviewer narrows it: by state, by cost tier (or typed INFEASIBLE), by
// lockability and by author; an empty criterion lets every record through. Sorting by any column
// (the state in review order: in review, to sign, signed, rejected, ended).
class DerivationQueueFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DerivationQueueFilter(QObject *parent = nullptr);

    void setStatus(const QString &statusName); // recordStatusName(), or empty
    void setTier(const QString &tier);         // "A", "B", "C", "INFEASIBLE", or empty
    void setLockability(const QString &lockability);
    void setAuthor(const QString &author);
    // The record's id at a row of this proxy, or empty.
    QString idAt(int row) const;
    int rowOf(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_status, m_tier, m_lockability, m_author;
};

} // namespace ops::ui
