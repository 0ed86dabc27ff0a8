#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {
class AlertMatrixModel;
class AlertMonitor;
} // namespace ops

namespace ops::ui {

// One cell of the alert matrix: its state, severity and reason, what was seen, its trigger and
// first action, who acknowledged or silenced it; and what the operator does next: acknowledge
// with a note, open an incident or start the runbook from it, silence it or end its silence. Each
// act is signed by whoever is signed in (else the window is asked to sign in first).
class AlertCellView final : public QWidget {
    Q_OBJECT
public:
    AlertCellView(AlertMonitor *monitor, AlertMatrixModel *model, QWidget *parent = nullptr);

    void showCell(const QModelIndex &index);
    QModelIndex shown() const { return m_index; }
    // A silence chosen elsewhere (the Silences tab) that "End silence" ends before the cell's own.
    void setChosenSilence(std::function<QString()> chosen) { m_chosenSilence = std::move(chosen); }
    QString silenceToEnd() const;
    void updateActions();
    // The note gets the focus when the cell can be acknowledged; false when it cannot.
    bool focusNote();

    void acknowledge();
    // Asks how long and why, then silences the cell (signed).
    void silence();
    void endSilence();

Q_SIGNALS:
    void signInRequested();
    void openIncidentRequested(const QString &incidentClass, const QString &scope, const QString &trigger,
                               const QString &alert);
    void startRunbookRequested(const QString &runbook, const QString &scope);
    // An act changed the cell, its silences or the summary.
    void acted();

private:
    bool signedIn();
    void fail(const QString &text);

    AlertMonitor *m_monitor;
    AlertMatrixModel *m_model;
    QPersistentModelIndex m_index;
    std::function<QString()> m_chosenSilence;
    QLabel *m_title;
    QLabel *m_detail;
    QLineEdit *m_note;
    QLabel *m_status;
    QPushButton *m_ack;
    QPushButton *m_openIncident;
    QPushButton *m_startRunbook;
    QPushButton *m_silence;
    QPushButton *m_endSilence;
};

} // namespace ops::ui
