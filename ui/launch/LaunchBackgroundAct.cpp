#include "LaunchBackgroundAct.h"

#include "common/StatusWidgets.h"
#include "launch/LaunchActions.h"
#include "store/OpenStore.h"
#include "store/StoreWorker.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>

namespace ops::ui {

LaunchBackgroundAct::LaunchBackgroundAct(QWidget *parent)
    : QWidget(parent)
    , m_worker(new StoreWorker(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_progress->setObjectName(QStringLiteral("launchWorkProgress"));
    m_progress->setAccessibleName(tr("Progress of the running check"));
    m_progress->setMaximumWidth(240);
    row->addWidget(m_progress);
    m_cancel->setObjectName(QStringLiteral("launchCancelWork"));
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { m_worker->cancel(StoreWorker::Job::BackgroundAct); });
    row->addWidget(m_cancel);
    setVisible(false);
}

LaunchBackgroundAct::~LaunchBackgroundAct() {
    delete m_worker; // cancels a running act and waits for it
}

bool LaunchBackgroundAct::start(Context context, qint64 total, Work work) {
    if (m_busy)
        return false;
    struct Outcome {
        Result<StoredEvent> result;
        bool cancelled = false;
    };
    // The worker appends on a connection of its own (appends are transactions on the file, so
    // the window's connection sees the event at its next read), signing with a copy of the key.
    const bool posted = m_worker->post<Outcome>(
        StoreWorker::Job::BackgroundAct, this,
        [context = std::move(context), total, work = std::move(work)](JobContext &job) -> Outcome {
            StoreOpenOptions options = deploymentStoreOptions(context.config);
            options.clock = context.clock; // the act and its seal read one clock
            auto store = openEvidenceStore(context.storePath, options, context.config.storeAppRole);
            if (!store.ok())
                return {store.error(), false};
            LaunchActions actions(*store.value(), *context.signer, context.config, context.environment,
                                  context.library, context.clock);
            Result<StoredEvent> r =
                work(actions, [&job, total](qint64 doneBytes) { return job.progress(doneBytes, total); });
            return {std::move(r), job.cancelled()};
        },
        [this](const Outcome &outcome) {
            m_busy = false;
            setVisible(false);
            Q_EMIT finished(outcome.result, outcome.cancelled);
        },
        permilleOf(m_progress));
    if (!posted)
        return false;
    m_busy = true;
    m_progress->setRange(0, total > 0 ? 1000 : 0);
    m_progress->setValue(0);
    m_cancel->setVisible(total > 0);
    setVisible(true);
    return true;
}

} // namespace ops::ui
