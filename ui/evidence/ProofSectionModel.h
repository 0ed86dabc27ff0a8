#pragma once

#include "proofs/ProofSummary.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace ops::ui {

// The sections of a proof capture for the Proofs tab: one row a section with its verdict (green,
// red or amber on the view's palette), its counts and the capture lines it spans, in the capture's
// order.
class ProofSectionModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Verdict, Passed, Failed, NotRun, Skipped, Lines, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setSections(const QList<ProofSection> &sections, const QPalette &palette);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ProofSection> m_sections;
    QPalette m_palette;
};

} // namespace ops::ui
