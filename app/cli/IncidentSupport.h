#pragma once

#include "Command.h"
#include "StoreAccess.h"

#include "incidents/IncidentActions.h"
#include "incidents/StepFiles.h"

namespace ops::cli {

// What the incident, runbook, kill-switch and rollback verbs share.
namespace IncidentSupport {

// The store opened for writing, the acting identity unlocked, the runbooks loaded (a bad
// runbook file is named on stderr; the others still load).
struct Desk {
    std::unique_ptr<EvidenceStore> store;
    Signer signer;
    RunbookLibrary library;
    std::unique_ptr<IncidentActions> actions;
};
Result<Desk> open(const StartupContext &ctx, CliIo &io);
// Read-only: store and current state, no key needed.
Result<std::unique_ptr<EvidenceStore>> openReadOnly(const StartupContext &ctx, CliIo &io);
Result<IncidentBook> readBook(const StartupContext &ctx, CliIo &io);

// Records one step: runs the step's probes when it needs them (and none were given), then the
// step with its attachments in one transaction (RunActions::recordStep).
Result<QList<StoredEvent>> recordStep(Desk &desk, const StartupContext &ctx, CliIo &io, const QString &run,
                                      StepInput input, const QStringList &attachPaths);

JsonValue incidentJson(const Incident &incident, const IncidentBook &book, bool full);
JsonValue runJson(const RunbookRun &run, qint64 nowMs);
void printIncident(CliIo &io, const Incident &incident, const IncidentBook &book);
void printRun(CliIo &io, const RunbookRun &run, qint64 nowMs);

} // namespace IncidentSupport
} // namespace ops::cli
