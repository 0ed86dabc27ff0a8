#include "RollbackClockWatcher.h"

#include "IncidentActions.h"

#include "store/Session.h"
#include "store/StoreHost.h"

#include <QTimer>

#include <limits>

namespace ops {

namespace {
// The earliest deadline of an unfinished rollback run that is neither met nor recorded as missed.
qint64 nextDeadline(const IncidentBook &book) {
    qint64 next = std::numeric_limits<qint64>::max();
    for (const RunbookRun &r : book.runs()) {
        if (!r.rollback || r.finished)
            continue;
        for (const RollbackClock &c : r.clocks)
            if (c.metMs == 0 && !c.missedRecorded)
                next = qMin(next, c.deadlineMs);
    }
    return next == std::numeric_limits<qint64>::max() ? -1 : next;
}
} // namespace

Result<QList<StoredEvent>> RollbackClockWatcher::recordDue(EvidenceStore &store, const Signer &signer,
                                                           const DeploymentConfig &config,
                                                           const RunbookLibrary &library,
                                                           const Time::Clock &clock) {
    auto book = IncidentBook::load(store);
    if (!book.ok())
        return book.error();
    const qint64 now = clock();
    const qint64 next = nextDeadline(book.value());
    QList<StoredEvent> out;
    if (next < 0 || now <= next)
        return out;
    IncidentActions actions(store, signer, config, library, clock);
    for (const RunbookRun &r : book->runs()) {
        if (!r.rollback || r.finished)
            continue;
        auto missed = actions.runs().recordMissedDeadlines(r.id);
        if (!missed.ok())
            return missed.error();
        out += missed.value();
    }
    return out;
}

RollbackClockWatcher::RollbackClockWatcher(StoreHost *host, Session *session, DeploymentConfig config,
                                           RunbookLibrary library, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_session(session)
    , m_config(std::move(config))
    , m_library(std::move(library))
    , m_timer(new QTimer(this)) {
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RollbackClockWatcher::check);
    m_timer->start();
}

void RollbackClockWatcher::setIntervalMs(int ms) {
    m_timer->stop();
    if (ms > 0) {
        m_timer->setInterval(ms);
        m_timer->start();
    }
}

void RollbackClockWatcher::check() {
    if (!m_host || !m_session || !m_session->isUnlocked())
        return;
    SqliteEvidenceStore *store = m_host->store();
    if (!store || m_host->isReadOnly())
        return;
    // The fold is read again only when the log changed; between changes only the clock moves.
    if (m_seenSize != m_host->size() || m_seenSize == 0) {
        auto book = IncidentBook::load(*store);
        if (!book.ok())
            return;
        m_seenSize = m_host->size();
        m_nextDeadline = nextDeadline(book.value());
    }
    if (m_nextDeadline < 0 || m_clock() <= m_nextDeadline)
        return;
    // A refusal (a role that may not record, a store problem) is not retried every second: only
    // once the log or the signed-in identity has changed.
    const QString attempt = m_session->identity() + QLatin1Char('@') + QString::number(m_host->size());
    if (attempt == m_failedFor)
        return;
    if (m_mayRecord && !m_mayRecord())
        return; // another process records this store (its monitor records the deadline)
    auto done = recordDue(*store, *m_session->signer(), m_config, m_library, m_clock);
    m_seenSize = 0; // fold again next time
    if (!done.ok()) {
        m_failedFor = attempt;
        if (done.error().message != m_problem) {
            m_problem = done.error().message;
            Q_EMIT problem(m_problem);
        }
        return;
    }
    m_problem.clear();
    m_failedFor.clear();
    if (!done->isEmpty())
        Q_EMIT recorded(done.value());
}

} // namespace ops
