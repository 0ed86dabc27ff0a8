#include "TeamWitnessDuty.h"

#include "Session.h"
#include "StoreHost.h"
#include "TeamWitness.h"

namespace ops {

TeamWitnessDuty::TeamWitnessDuty(StoreHost *host, Session *session, QString stateDirectory, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_session(session)
    , m_stateDirectory(std::move(stateDirectory)) {
    connect(m_host, &StoreHost::changed, this, &TeamWitnessDuty::run);
    connect(m_session, &Session::changed, this, &TeamWitnessDuty::run);
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
    m_running = true;
    auto outcome = TeamWitness::witness(*team, *me, m_stateDirectory, m_clock());
    m_running = false;
    if (outcome.ok()) {
        m_problem.clear();
        m_size = outcome->checkpoint.size;
        Q_EMIT witnessed(m_size);
        return;
    }
    m_problem = outcome.error().message;
    if (const QString raised = alarm(); !raised.isEmpty())
        Q_EMIT alarmRaised(outcome.error().message);
}

} // namespace ops
