#pragma once

#include "derivations/Derivations.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

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
    QLabel *m_header = nullptr;
    QTableWidget *m_fields = nullptr;
    QListWidget *m_rules = nullptr;
    QTableWidget *m_diff = nullptr;
    QLabel *m_diffTitle = nullptr;
    QListWidget *m_history = nullptr;
};

} // namespace ops::ui
