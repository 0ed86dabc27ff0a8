#pragma once

#include "incidents/IncidentActions.h"

#include <QString>

#include <memory>

namespace ops::ui {

// What the views of the Incidents panel ask of the panel that shows them: the acts of the
// signed-in identity (null after asking to sign in), a line in the panel's status, a yes/no
// question, and a fresh read of the log after an act.
class IncidentsHost {
public:
    virtual ~IncidentsHost() = default;
    virtual std::unique_ptr<IncidentActions> actions() = 0;
    virtual void report(const QString &text, bool error = false) = 0;
    virtual bool confirm(const QString &title, const QString &text) = 0;
    virtual void refresh() = 0;
    virtual const RunbookLibrary &library() const = 0;
    virtual qint64 now() const = 0; // the panel's clock
    // False while the console works from its copy of an unreachable team log (acts wait in the outbox).
    virtual bool storeReachable() const = 0;
};

} // namespace ops::ui
