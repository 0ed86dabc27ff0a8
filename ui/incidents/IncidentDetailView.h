#pragma once

#include "DecisionListModel.h"
#include "incidents/Incidents.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class IncidentsHost;

// One incident: its header (severity, class, scope, owner, runs), the timeline, the core
// evidence record with its required fields checked inline, the decision log, severity changes
// and the closure. Starting its runbook or a rollback and exporting its postmortem are asked of
// the panel.
class IncidentDetailView final : public QWidget {
    Q_OBJECT
public:
    IncidentDetailView(AppContext *app, IncidentsHost *host, QWidget *parent = nullptr);

    // Shows `incident` as folded in `book` (its runs, a rollback already running on its scope).
    // The form keeps what the operator typed while it is the incident shown before.
    void showIncident(const Incident &incident, const IncidentBook &book);
    QString incidentId() const { return m_incident ? m_incident->id : QString(); }

Q_SIGNALS:
    void startRunbookRequested(const QString &runbookId, const QString &scope, const QString &incident);
    void startRollbackRequested(const QString &scope, const QString &incident);
    void exportReportRequested(const QString &path);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The runbook and rollback buttons side by side where both labels fit, else one above the other.
    void arrangeButtons();
    void saveEvidence();
    void logDecision();
    void changeSeverity();
    void closeIncident();
    bool handle(const Result<StoredEvent> &result, const QString &done);

    AppContext *m_app;
    IncidentsHost *m_host;
    std::optional<Incident> m_incident;
    QString m_formIncident; // whose values the evidence form holds

    QLabel *m_incidentHeader;
    QBoxLayout *m_startButtons = nullptr;
    QTabWidget *m_incidentTabs;
    QTreeView *m_timeline;
    class IncidentTimelineModel *m_timelineModel = nullptr;
    class TimelineFilter *m_timelineFilter = nullptr;
    QMap<QString, QLineEdit *> m_fields;
    QLabel *m_evidenceError;
    QPushButton *m_saveEvidence;
    QListView *m_decisions;
    QLabel *m_noDecision;
    DecisionListModel *m_decisionModel = new DecisionListModel(this);
    QLineEdit *m_decisionText;
    QPushButton *m_decide;
    QComboBox *m_severity;
    QLineEdit *m_severityReason;
    QPushButton *m_changeSeverity;
    QLabel *m_closureCondition;
    QCheckBox *m_closureHolds;
    QLineEdit *m_closureText;
    QLineEdit *m_verification;
    QPushButton *m_close;
    QPushButton *m_startIncidentRunbook;
    QPushButton *m_startIncidentRollback;
};

} // namespace ops::ui
