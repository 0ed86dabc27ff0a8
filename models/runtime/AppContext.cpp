#include "AppContext.h"

#include "incidents/RollbackClockWatcher.h"
#include "store/Session.h"
#include "store/StoreHost.h"
#include "store/TeamWitnessDuty.h"

namespace ops {

AppContext::AppContext(StartupContext startup, QObject *parent)
    : QObject(parent)
    , m_startup(std::move(startup))
    , m_session(new Session(this))
    , m_host(new StoreHost(m_startup.storePath, deploymentStoreOptions(m_startup.config), this))
    , m_clocks(new RollbackClockWatcher(m_host, m_session, m_startup.config,
                                        RunbookLibrary::forDirectory(m_startup.config.runbooksDir), this))
    , m_witness(new TeamWitnessDuty(m_host, m_session, Startup::stateDirectory(), this)) {
}

AppContext::AppContext(StartupContext startup, StoreHost *host, Session *session, QObject *parent)
    : QObject(parent)
    , m_startup(std::move(startup))
    , m_session(session)
    , m_host(host)
    , m_clocks(new RollbackClockWatcher(m_host, m_session, m_startup.config,
                                        RunbookLibrary::forDirectory(m_startup.config.runbooksDir), this))
    , m_witness(new TeamWitnessDuty(m_host, m_session, Startup::stateDirectory(), this)) {
}

AppContext::~AppContext() = default;

EvidenceStore *AppContext::store() const {
    return m_host->evidence();
}

SqliteEvidenceStore *AppContext::localStore() const {
    return m_host->store();
}

} // namespace ops
