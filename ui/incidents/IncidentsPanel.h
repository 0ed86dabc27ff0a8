#pragma once

#include "common/Panel.h"

#include "IncidentsHost.h"
#include "core/DeploymentConfig.h"
#include "core/Time.h"

#include "incidents/IncidentActions.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ops {
class IncidentListModel;
class IncidentListFilter;
class Session;
class EvidenceStore;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

// Incidents & Rollback: active incidents, each with its timeline, core evidence record (required
// fields enforced inline), decision log and closure; runbook runs as checklists; kill switches;
// rollback runs with their two clocks, which keep running while the operator works elsewhere.
class IncidentDetailView;
class KillSwitchBox;
class RunChecklistView;

class IncidentsPanel final : public Panel, private IncidentsHost {
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
    void refresh() override; // also the views' IncidentsHost::refresh
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
    void showIncident();
    void showRun();
    void tick();
    void updateClocks();
    void startRollback(const QString &scope, bool drill, const QString &incident);
    void report(const QString &text, bool error = false) override;
    bool confirm(const QString &title, const QString &text) override;
    // The actions of the signed-in identity, or null (after asking to sign in) when locked.
    std::unique_ptr<IncidentActions> actions() override;
    const RunbookLibrary &library() const override;
    qint64 now() const override;
    bool storeReachable() const override;
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
    QString m_lastClockSummary;
    int m_lastClockState = -1;
    int m_ticks = 0;
    quint64 m_seenSize = 0; // store size at the last fold

    IncidentListModel *m_model;
    IncidentListFilter *m_filter = nullptr;
    QLineEdit *m_incidentFilter = nullptr;
    QTableView *m_list;
    QCheckBox *m_showClosed;
    QListView *m_runs;
    class RunListModel *m_runModel = nullptr;
    class RunListFilter *m_runFilter = nullptr;
    QCheckBox *m_showFinishedRuns = nullptr;
    QLabel *m_noRuns = nullptr;
    QPushButton *m_openButton;
    QComboBox *m_rollbackScope;
    QCheckBox *m_drill;
    QPushButton *m_rollbackButton;
    KillSwitchBox *m_killSwitches;
    QLabel *m_status;
    QStackedWidget *m_detail;

    IncidentDetailView *m_incidentView; // the incident page: timeline, evidence, decisions, closure
    RunChecklistView *m_runView;        // the run page: checklist, clocks, step controls

    QTimer *m_timer;
};

} // namespace ops::ui
