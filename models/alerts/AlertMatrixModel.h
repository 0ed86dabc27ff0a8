#pragma once

#include "AlertEvaluator.h"

#include <QAbstractTableModel>

namespace ops {

// Rows: the alerts of the matrix; columns: scopes, baseline → country → locality.
// Colours and icons are chosen by the view's delegate from StateRole and SeverityRole.
class AlertMatrixModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        StateRole = Qt::UserRole + 1, // int(AlertState)
        SeverityRole,                 // "SEV-1" …
        SeverityReasonRole,
        DetailRole,
        FirstActionRole,
        TriggerRole,
        SinceRole, // ms since the epoch, 0 when never changed
        AlertIdRole,
        ScopeRole,
        SilencedRole, // bool: a silence holds the cell's notifications
        SilenceRole,  // "silenced by alice until 10:43 (SIL-2): reason", "" when none
    };

    explicit AlertMatrixModel(AlertEvaluator *evaluator, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // The cell of an alert in a scope; invalid when either is not in the matrix.
    QModelIndex indexOf(const QString &alertId, const QString &scopeId) const;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    AlertEvaluator *m_evaluator;
    QList<const ScopeConfig *> m_scopes;
};

} // namespace ops
