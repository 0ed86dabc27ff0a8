#pragma once

// A console context over a test fixture's store: the store host that panels follow (its change
// signal fires on the fixture's own appends too) and the session the test signs in to.

#include "core/DeploymentConfig.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"

namespace ops::test {

struct PanelContext {
    StoreHost host;
    AppContext app;
    PanelContext(SqliteEvidenceStore *store, Session *session, DeploymentConfig config,
                 Environment environment = Environment::Dev)
        : host(store)
        , app(StartupContext{environment,
                             std::move(config),
                             store->path(),
                             {},
                             {},
                             OperatorSecrets::read(QProcessEnvironment::systemEnvironment())},
              &host, session) {}
};

} // namespace ops::test
