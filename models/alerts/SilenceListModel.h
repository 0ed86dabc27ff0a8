#pragma once

#include "Silences.h"

#include <QAbstractTableModel>

namespace ops {

// The silences an operator looks at: those in force now, the maintenance windows coming up,
// then the latest that ended or expired (newest first).
class SilenceListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Status, Id, Scope, Alerts, Starts, Until, By, Reason, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(Silence::Status)
        IdRole,
    };
    static constexpr int kHistoryRows = 50;

    explicit SilenceListModel(QObject *parent = nullptr);

    void setBook(const SilenceBook &book, qint64 nowMs);
    const Silence *silence(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Silence> m_rows;
    qint64 m_now = 0;
};

} // namespace ops
