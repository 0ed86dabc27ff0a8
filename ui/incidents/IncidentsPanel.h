#pragma once

#include "common/Panel.h"

#include "core/DeploymentConfig.h"
#include "core/Time.h"
#include "incidents/IncidentActions.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;

namespace ops {
class IncidentListModel;
class RebindFlow;
class ScopeProbe;
class Session;
class EvidenceStore;
} // namespace ops

namespace ops::ui {

class AppContext;

// Incidents & Rollback: active incidents, each with its timeline, core evidence record (required
// fields enforced inline), decision log and closure; runbook runs as checklists; kill switches;
// rollback runs with their two clocks, which keep running while the operator works elsewhere.
class IncidentsPanel final : public Panel {
    Q_OBJECT
public:
    using StoreProvider = std::function<EvidenceStore *()>;
    explicit IncidentsPanel(AppContext *app, QWidget *parent = nullptr);
    ~IncidentsPanel() override;

    QString title() const override;
    QIcon icon() const override;

    // The panel's clock and the deadline recorder's (tests move time by hand).
    void setClock(Time::Clock clock);
    // Re-reads the incidents, runs and kill switches from the store.
    void refresh() override;
    // The open-incident dialog, prefilled (from an alert cell) when class and scope are given.
    void openIncidentDialog(const QString &incidentClass = {}, const QString &scope = {},
                            const QString &trigger = {}, const QString &alert = {});
    void startRunbook(const QString &runbookId, const QString &scope, const QString &incident = {});
    void selectIncident(const QString &id);
    void selectRun(const QString &id);
    // Selects the most urgent open incident and returns the id of a running rollback, if any.
    QString showMostUrgent();
    QString currentIncident() const { return m_incidentId; }
    QString currentRun() const { return m_runId; }
    // What the step buttons attach next (the "Attach file…" and "Checksum file…" buttons call these).
    bool addAttachment(const QString &path);
    bool addChecksumFile(const QString &path);
    // The postmortem of the shown incident to `path` (.pdf, .html, otherwise Markdown), in the
    // console's language; recorded as report.generated. "Export report…" asks where.
    bool exportReport(const QString &path);
    // The one-line state of the most urgent running rollback, for the status bar ("" when none).
    QString clockSummary() const;
    int clockState() const { return m_lastClockState; }

Q_SIGNALS:
    void signInRequested();
    void clockSummaryChanged(const QString &text, int state); // state: ClockState as int, -1 none

private:
    void buildIncidentView(QWidget *page);
    void buildRunView(QWidget *page);
    void showIncident();
    void showRun();
    void tick();
    void updateClocks();
    void updateKillSwitchButtons();
    void saveEvidence();
    void logDecision();
    void changeSeverity();
    void closeIncident();
    void toggleKillSwitch(const QString &name);
    void startRollback(const QString &scope, bool drill, const QString &incident);
    void recordStep(StepStatus status);
    void rebind();
    void updateStepActions();
    void report(const QString &text, bool error = false);
    bool confirm(const QString &title, const QString &text);
    // The actions of the signed-in identity, or null (after asking to sign in) when locked.
    std::unique_ptr<IncidentActions> actions();
    bool handle(const Result<StoredEvent> &result, const QString &done);

    AppContext *m_app;
    DeploymentConfig m_config;
    Session *m_session;
    StoreProvider m_store;
    RunbookLibrary m_library;
    Time::Clock m_clock = Time::systemClock();
    IncidentBook m_book;
    QString m_incidentId;
    QString m_runId;
    QString m_formIncident;              // whose values the evidence form holds
    QList<NewBlob> m_pendingAttachments; // files read when added, stored with the step
    QList<ChecksumRef> m_pendingChecksums;
    QString m_lastClockSummary;
    int m_lastClockState = -1;
    int m_ticks = 0;
    quint64 m_seenSize = 0; // store size at the last fold

    IncidentListModel *m_model;
    QTableView *m_list;
    QCheckBox *m_showClosed;
    QListWidget *m_runs;
    QPushButton *m_openButton;
    QComboBox *m_rollbackScope;
    QCheckBox *m_drill;
    QPushButton *m_rollbackButton;
    QComboBox *m_ksScope;
    QLineEdit *m_ksReason;
    QLineEdit *m_ksLocalities;
    QPushButton *m_ksAi;
    QPushButton *m_ksBadPack;
    QLabel *m_ksActive;
    QLabel *m_status;
    QStackedWidget *m_detail;

    // incident view
    QLabel *m_incidentHeader;
    QTabWidget *m_incidentTabs;
    QTreeWidget *m_timeline;
    QMap<QString, QLineEdit *> m_fields;
    QLabel *m_evidenceError;
    QPushButton *m_saveEvidence;
    QListWidget *m_decisions;
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

    // run view
    QLabel *m_runHeader;
    QWidget *m_clocks;
    QLabel *m_restoreClock;
    QLabel *m_integrityClock;
    QTreeWidget *m_steps;
    QLineEdit *m_stepNote;
    QCheckBox *m_stepConfirm;
    QLabel *m_pending;
    QPushButton *m_attach;
    QPushButton *m_checksum;
    QPushButton *m_stepDone;
    QPushButton *m_stepFailed;
    QPushButton *m_stepSkip;
    QPushButton *m_rebind;

    QTimer *m_timer;
    RebindFlow *m_rebindFlow = nullptr;
    bool m_busy = false;
};

} // namespace ops::ui
