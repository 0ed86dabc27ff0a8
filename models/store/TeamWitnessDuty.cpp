#include "TeamWitnessDuty.h"

#include "Outbox.h"
#include "Session.h"
#include "StoreHost.h"
#include "TeamLogCopy.h"
#include "TeamWitness.h"

#include <QScopeGuard>

namespace ops {

TeamWitnessDuty::TeamWitnessDuty(StoreHost *host, Session *session, QString stateDirectory, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_session(session)
    , m_stateDirectory(std::move(stateDirectory)) {
    // Queued: a pass (a witness, perhaps a sync of many acts) never runs inside the act or the
    // store switch that announced the change, and what it emits reaches views after they settled.
    connect(m_host, &StoreHost::changed, this, &TeamWitnessDuty::run, Qt::QueuedConnection);
    connect(m_session, &Session::changed, this, &TeamWitnessDuty::run, Qt::QueuedConnection);
    connect(m_host, &StoreHost::stateChanged, this, &TeamWitnessDuty::run, Qt::QueuedConnection);
}

QString TeamWitnessDuty::alarm() const {
    PgEvidenceStore *team = m_host->teamLog();
    return team ? TeamWitness::alarm(*team) : QString();
}

void TeamWitnessDuty::run() {
    PgEvidenceStore *team = m_host->teamLog();
    const Signer *me = m_session->signer();
    if (!team || !me || m_running || !m_host->isConnected())
        return;
    if (!alarm().isEmpty())
        return; // raised already: nothing more is vouched for until it is investigated
    // One pass at a time: whatever it emits (witnessed, the host's change after a sync) may ask
    // for another, which waits for the next event-loop turn.
    m_running = true;
    const auto done = qScopeGuard([this] { m_running = false; });
    auto outcome = TeamWitness::witness(*team, *me, m_stateDirectory, m_clock());
    if (outcome.ok()) {
        m_problem.clear();
        m_size = outcome->checkpoint.size;
        if (TeamLogCopy *copy = m_host->teamCopy())
            if (auto r = refreshCopy(*copy, *team, outcome->checkpoint, *me); !r.ok())
                m_problem = r.error().message;
        Q_EMIT witnessed(m_size);
        syncOutbox(*team, *me);
        return;
    }
    m_problem = outcome.error().message;
    if (const QString raised = alarm(); !raised.isEmpty())
        Q_EMIT alarmRaised(outcome.error().message);
}

} // namespace ops

namespace ops {

void TeamWitnessDuty::syncOutbox(PgEvidenceStore &team, const Signer &me) {
    Outbox *box = m_host->outbox();
    if (!box)
        return;
    auto entries = box->entries();
    if (!entries.ok())
        return;
    const bool mine = std::any_of(entries->cbegin(), entries->cend(), [&](const OutboxEntry &e) {
        return e.state == OutboxState::Pending && e.act.author == me.name && e.act.storeId == team.storeId();
    });
    if (!mine)
        return;
    auto report = ops::syncOutbox(*box, team, me, unchangedSinceBasis(*box), m_clock);
    if (!report.ok()) {
        m_problem = report.error().message;
        return;
    }
    Q_EMIT outboxSynced(report->synced, report->rejected, report->lines);
    m_host->noteAppended();
}

} // namespace ops
