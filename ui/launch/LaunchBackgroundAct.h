#pragma once

#include "core/DeploymentConfig.h"
#include "core/Result.h"
#include "core/Time.h"
#include "runbooks/Runbook.h"
#include "store/EvidenceTypes.h"

#include <QWidget>

#include <functional>
#include <memory>

class QProgressBar;
class QPushButton;

namespace ops {
class LaunchActions;
class StoreWorker;
struct Signer;
} // namespace ops

namespace ops::ui {

// A launch act too long for the window's thread (hashing release builds, archiving the whole
// log): run on a worker with a store connection of its own, signed with a copy of the key, with
// a progress bar and a Cancel button while it runs.
class LaunchBackgroundAct final : public QWidget {
    Q_OBJECT
public:
    using Work =
        std::function<Result<StoredEvent>(LaunchActions &, const std::function<bool(qint64)> &progress)>;
    struct Context {
        QString storePath; // the file, or the team log's URL
        std::shared_ptr<Signer> signer;
        DeploymentConfig config;
        Environment environment;
        RunbookLibrary library;
        Time::Clock clock;
    };

    explicit LaunchBackgroundAct(QWidget *parent = nullptr);
    ~LaunchBackgroundAct() override;

    // total: bytes the work reports progress against (0: unknown, a busy bar). False when one
    // is still running.
    bool start(Context context, qint64 total, Work work);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void finished(const Result<StoredEvent> &result, bool cancelled);

private:
    StoreWorker *m_worker;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace ops::ui
