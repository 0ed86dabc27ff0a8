#pragma once

#include "common/Panel.h"

#include "alerts/AlertMatrixModel.h"
#include "probes/ProbeEngine.h"

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace ops {
class SqliteEvidenceStore;
}

namespace ops::ui {

// The on-call operator's first screen: the alert matrix (alerts × scopes), the detail and first
// action of the selected cell, and a strip with every probe target.
class AlertsPanel final : public Panel {
    Q_OBJECT
public:
    AlertsPanel(const DeploymentConfig &config, QString storePath, QWidget *parent = nullptr);
    ~AlertsPanel() override;
    QString title() const override;
    QIcon icon() const override;

    // Periodic probing at the config's interval (with jitter); off until started.
    void startMonitoring();
    void probeNow();
    AlertMatrixModel *matrixModel() const { return m_model; }
    AlertEvaluator *evaluator() const { return m_evaluator; }
    // Worst current state, for the status bar.
    QString worstSummary() const;
    // One evaluation: these probe results plus the pipeline signals recorded in the store.
    void evaluateRound(const QList<ProbeResult> &results);

Q_SIGNALS:
    void summaryChanged(const QString &text, int severity); // severity: 0 ok … 4 failed/firing

private:
    void onRound(const QList<ProbeResult> &results);
    void showCell(const QModelIndex &index);
    void fillProbeStrip();
    void scheduleNext();

    QList<SignalSample> recentSignals();

    DeploymentConfig m_config;
    QString m_storePath;
    std::unique_ptr<SqliteEvidenceStore> m_store; // read only: signals
    ProbeEngine *m_engine;
    AlertEvaluator *m_evaluator;
    AlertMatrixModel *m_model;
    QHash<QString, ProbeResult> m_latest; // per target id
    QTableView *m_matrix;
    QTableWidget *m_probes;
    QLabel *m_roundLabel;
    QPushButton *m_probeNow;
    QLabel *m_detailTitle;
    QLabel *m_detail;
    QPushButton *m_ack;
    QPushButton *m_openIncident;
    QPushButton *m_startRunbook;
    QTimer *m_timer;
    qint64 m_lastRound = 0;
};

} // namespace ops::ui
