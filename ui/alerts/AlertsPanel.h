#pragma once

#include "common/Panel.h"

#include "alerts/AlertMatrixModel.h"
#include "alerts/SilenceListModel.h"
#include "monitor/AlertMonitor.h"

#include <QSet>

class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class QTimer;

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class AlertCellView;
class ProbeStripView;
class SilencesView;
class TrendCharts;

// The on-call operator's first screen: the alert matrix (alerts × scopes), the detail and first
// action of the selected cell, and a strip with every probe target.
class AlertsPanel final : public Panel {
    Q_OBJECT
public:
    explicit AlertsPanel(AppContext *app, QWidget *parent = nullptr);
    ~AlertsPanel() override;
    QString title() const override;
    QIcon icon() const override;

    // Periodic probing at the config's interval (with jitter); off until started.
    void startMonitoring();
    void probeNow();
    AlertMatrixModel *matrixModel() const { return m_model; }
    AlertEvaluator *evaluator() const { return m_monitor->evaluator(); }
    AlertMonitor *monitor() const { return m_monitor; }
    // Worst current state, for the status bar.
    QString worstSummary() const;
    // One evaluation: these probe results plus the pipeline signals recorded in the store.
    void evaluateRound(const QList<ProbeResult> &results);
    // Acknowledges the selected (firing) cell with the note typed beside the button.
    void acknowledgeSelected();
    // Selects the cell (from a notification's action); with acknowledge, the note field gets the focus.
    void selectCell(const QString &alertId, const QString &scope, bool acknowledge);
    // Asks how long and why, then silences the selected cell (signed).
    void silenceSelected();
    // Ends the silence on the selected cell, or the one selected in the Silences tab.
    void endSelectedSilence();
    SilenceListModel *silenceModel() const;
    // Puts the selected probe target's row (and a pack's expected and actual digests) on the
    // clipboard; returns the text.
    QString copySelectedProbe();

Q_SIGNALS:
    void summaryChanged(const QString &text, int severity); // severity: 0 ok … 4 failed/firing
    // A SEV-1 or SEV-2 alert fired: for the desktop notification.
    void alertFired(const QString &title, const QString &body, const QString &severity,
                    const QString &alertId, const QString &scope);
    // Acknowledging needs a signed-in identity: the window asks for the passphrase.
    void signInRequested();
    // The operator asks to open an incident from the selected cell, or start its runbook.
    void openIncidentRequested(const QString &incidentClass, const QString &scope, const QString &trigger,
                               const QString &alert);
    void startRunbookRequested(const QString &runbook, const QString &scope);

private:
    void onRound(const QList<ProbeResult> &results, const QList<AlertTransition> &transitions);
    // SEV-1/2 cells that fired raise a notification; one held by a silence waits for its end.
    void notify(const QList<AlertTransition> &transitions);
    void selectWorstCell();
    void showCell(const QModelIndex &index);
    void emitSummary();
    void updateRecording();
    void refreshCharts();
    void scheduleNext();
    void refreshSilences();

    DeploymentConfig m_config;
    AlertMonitor *m_monitor;
    Session *m_session;
    AlertMatrixModel *m_model;
    QTableView *m_matrix;
    ProbeStripView *m_probes;
    QLabel *m_roundLabel;
    QPushButton *m_probeNow;
    AlertCellView *m_cell;
    QLabel *m_recording;
    QTabWidget *m_tabs;
    TrendCharts *m_charts;
    SilencesView *m_silences;
    QTimer *m_timer;
    QString m_chartScope;
    QSet<QString> m_heldNotifications; // "alert|scope" that fired while silenced (SEV-1/2)
};

} // namespace ops::ui
