#pragma once

#include "incidents/Incidents.h"

#include <QAbstractListModel>

namespace ops::ui {

// An incident's decision log, oldest first: each decision as "time  actor: text", the whole text
// as its tooltip, with the event that recorded it. Empty when nothing was decided yet (the view
// says so beside it).
class DecisionListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { SeqRole = Qt::UserRole + 1, ActorRole, TimeRole };

    using QAbstractListModel::QAbstractListModel;

    void setDecisions(const QList<Decision> &decisions);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Decision> m_rows;
};

} // namespace ops::ui
