#pragma once

#include "core/DeploymentConfig.h"
#include "incidents/IncidentActions.h"
#include "incidents/Incidents.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace ops {
class RebindFlow;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class IncidentsHost;
class RunStepsModel;

// One runbook or rollback run as a checklist: its header, the two rollback clocks against their
// objectives, the steps with what each needs, and the controls that record the chosen step (a
// note, the confirmation, files to attach and checksum, a probe when the step needs one, the
// publisher's rebind on a rollback's rebind step).
class RunChecklistView final : public QWidget {
    Q_OBJECT
public:
    RunChecklistView(AppContext *app, IncidentsHost *host, QWidget *parent = nullptr);

    // Shows `run` as folded now. The step chosen and the files waiting to be recorded stay while
    // it is the run shown before; another run starts with none.
    void showRun(const RunbookRun &run, qint64 nowMs);
    QString runId() const { return m_run ? m_run->id : QString(); }
    // The clocks of the shown rollback at `nowMs`.
    void updateClocks(qint64 nowMs);
    void updateStepActions();
    // Something else of the panel is under way (a kill-switch validation): no step is recorded.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // What the chosen step records next (the "Attach file…" and "Checksum file…" buttons call these).
    bool addAttachment(const QString &path);
    bool addChecksumFile(const QString &path);

private:
    void recordStep(StepStatus status);
    void rebind();
    void clearPending();
    QString currentStep() const;

    AppContext *m_app;
    IncidentsHost *m_host;
    const DeploymentConfig &m_config;
    std::optional<RunbookRun> m_run;
    QList<NewBlob> m_pendingAttachments; // files read when added, stored with the step
    QList<ChecksumRef> m_pendingChecksums;
    bool m_busy = false;
    RebindFlow *m_rebindFlow = nullptr;

    QLabel *m_runHeader;
    QWidget *m_clocks;
    QLabel *m_restoreClock;
    QLabel *m_integrityClock;
    QTreeView *m_steps;
    RunStepsModel *m_stepsModel;
    QLineEdit *m_stepNote;
    QCheckBox *m_stepConfirm;
    QLabel *m_pending;
    QPushButton *m_attach;
    QPushButton *m_checksum;
    QPushButton *m_stepDone;
    QPushButton *m_stepFailed;
    QPushButton *m_stepSkip;
    QPushButton *m_rebind;
};

} // namespace ops::ui
