#pragma once

#include "common/Panel.h"

#include "LaunchBackgroundAct.h"
#include "core/DeploymentConfig.h"
#include "core/Time.h"
#include "launch/Launch.h"

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {
class LaunchActions;
class LaunchProbe;
class Session;
class EvidenceStore;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class LaunchBanner;
class LaunchChecklistView;
class LaunchDecisionView;

// Launch: the release owner's checklist with each check's evidence one click away, the no-go rules
// red or green with their reasons and what would clear each, the three sign-off slots (who, when,
// whether the signature still verifies) and the GO / NO-GO banner — all computed from the store.
class LaunchPanel final : public Panel {
    Q_OBJECT
public:
    using StoreProvider = std::function<EvidenceStore *()>;
    explicit LaunchPanel(AppContext *app, QWidget *parent = nullptr);
    ~LaunchPanel() override;
    QString title() const override;
    QIcon icon() const override;

    void setClock(Time::Clock clock) { m_clock = std::move(clock); }
    void refresh() override;

protected:
    // GO / NO-GO also depends on the time and on probe states: read again at every show.
    void showEvent(QShowEvent *event) override;

public:
    const LaunchStatus &status() const { return m_status; }
    void selectCheck(const QString &step);
    QString currentCheck() const;
    // What the "Run check" button does for the file checks, without their file dialogs. They hash
    // release builds and export the whole store, so they run on a worker with a store connection
    // of its own; true when started, backgroundFinished follows.
    bool checksumFiles(const QStringList &paths);
    bool archiveTo(const QString &path);
    bool isWorking() const;
    bool exportRecordTo(const QString &dir);

Q_SIGNALS:
    void signInRequested();
    // Where a no-go rule is cleared: rollback, killswitch, alerts or probes.
    void clearRequested(const QString &target);
    void probeFinished();
    void backgroundFinished(bool ok);

private:
    void buildUi();
    void showStatus();
    void updateSignoffs();
    void runCheck();
    void startLaunch();
    void decide(bool go);
    void sign(const QString &role);
    std::unique_ptr<LaunchActions> actions();
    bool handle(const Result<StoredEvent> &result, const QString &done);
    // total: bytes the work will report progress against (0: unknown, a busy bar).
    bool runInBackground(const QString &busy, const QString &done, qint64 total,
                         LaunchBackgroundAct::Work work);
    void report(const QString &text, bool error = false);
    QStringList actorRoles() const;

    AppContext *m_app;
    DeploymentConfig m_config;
    Environment m_environment;
    Session *m_session;
    StoreProvider m_store;
    RunbookLibrary m_library;
    Time::Clock m_clock = Time::systemClock();
    LaunchStatus m_status;
    LaunchProbe *m_probe = nullptr;

    LaunchBanner *m_banner = nullptr;
    QLabel *m_header = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_build = nullptr;
    QPushButton *m_start = nullptr;
    LaunchChecklistView *m_checks = nullptr;
    LaunchDecisionView *m_decision = nullptr; // no-go rules, sign-offs, GO / NO-GO
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    LaunchBackgroundAct *m_background = nullptr; // checksums and archives, off the GUI thread
    QString m_backgroundDone;                    // what to say when it is recorded
};

} // namespace ops::ui
