#pragma once

#include "common/LinesModel.h"

#include "derivations/Derivations.h"

#include <QWidget>

class QLabel;
class QListView;
class QTableView;

namespace ops::ui {

// One derivation record as the reviewer reads it: its state and what it means for the S03 lock,
// every field, every validation rule green or red, the changes against the record it supersedes,
// and its history (import, reviews, risk-owner notes, the signature and whether it verifies).
class RecordView final : public QWidget {
    Q_OBJECT
public:
    explicit RecordView(QWidget *parent = nullptr);

    // `record` as folded in `book` (null: none selected); `signatureVerifies` whether its
    // reviewer's signature verifies with the key the log holds for the signer.
    void showRecord(const RecordState *record, const DerivationBook &book, bool signatureVerifies);

private:
    // The changes against the superseded record, in m_diff; its title says how many.
    void showDiff(const RecordState &s, const DerivationBook &book);
    QList<LinesModel::Line> historyLines(const RecordState &s, bool signatureVerifies) const;

    QLabel *m_header = nullptr;
    LinesModel *m_fieldLines;
    LinesModel *m_ruleLines;
    LinesModel *m_diffLines;
    LinesModel *m_historyLines;
    QTableView *m_fields = nullptr;
    QListView *m_rules = nullptr;
    QTableView *m_diff = nullptr;
    QLabel *m_diffTitle = nullptr;
    QListView *m_history = nullptr;
};

} // namespace ops::ui
