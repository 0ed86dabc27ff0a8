#pragma once

#include "common/LinesModel.h"

#include "derivations/Derivations.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ops::ui {

// The handoff to S03 as the analyst builds it: COMPLETE or INCOMPLETE at a glance, the handoff
// checklist, each required charter value with its state, what is eligible for the lock and what
// blocks it, and the acts that complete it (declare the charter, record the threats, attest that
// no forbidden run happened, export the signed package). The acts are the panel's.
class HandoffView final : public QWidget {
    Q_OBJECT
public:
    explicit HandoffView(QWidget *parent = nullptr);

    void showBook(const DerivationBook &book);
    // Why the package cannot be exported by whoever is signed in (empty: it can).
    void setExportRefusal(const QString &why);
    bool draft() const;
    QString locker() const;

Q_SIGNALS:
    void declareCharterRequested(const QStringList &values);
    void recordThreatsRequested(const QStringList &threats);
    void attestRequested();
    void exportRequested(const QString &path);

private:
    QLabel *m_banner = nullptr;
    LinesModel *m_criteriaLines;
    LinesModel *m_valueLines;
    LinesModel *m_eligibleLines;
    LinesModel *m_blockingLines;
    QListView *m_criteria = nullptr;
    QTableView *m_values = nullptr;
    QLineEdit *m_charter = nullptr;
    QPlainTextEdit *m_threats = nullptr;
    QLineEdit *m_locker = nullptr;
    QCheckBox *m_draft = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace ops::ui
