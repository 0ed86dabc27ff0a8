#pragma once

#include "incidents/Incidents.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace ops::ui {

// A run's steps as its checklist shows them: the step, its status (coloured: done green, failed
// red, skipped grey), the action, what it needs (evidence kinds, a probe, skippable) and who
// recorded it when, with the note. Each row carries its step id (StepIdRole).
class RunStepsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StepColumn, StatusColumn, ActionColumn, NeedsColumn, RecordedColumn, ColumnCount };
    enum Role { StepIdRole = Qt::UserRole + 1, StatusRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setSteps(const QList<StepState> &steps);
    // The palette the status colours are chosen for (they keep 4.5:1 against its base).
    void setPalette(const QPalette &palette);
    // The row of the step `id`, -1 when the run has none.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // What a step needs, as the window says it (the runbook file and the log say evidenceKindName).
    static QString evidenceText(EvidenceKind kind);

private:
    QString needs(const StepState &s) const;
    QString recorded(const StepState &s) const;

    QList<StepState> m_steps;
    QPalette m_palette;
};

} // namespace ops::ui
