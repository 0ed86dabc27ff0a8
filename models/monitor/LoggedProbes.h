#pragma once

// Probe state as the evidence log itself records it, for logs that keep no probe table beside
// them (the team log): each target's last signed transition, and the last signed round that saw
// it in that state.

#include "MonitorStore.h"

#include "core/Result.h"
#include "probes/ProbeTypes.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QList>

namespace ops {

class EvidenceStore;

namespace LoggedProbes {

// target → its state by the log: state and sinceMs from its last probe.state_changed event,
// checkedAtMs from the newest probe.round that saw it in that state (else the transition's time).
Result<QHash<QString, TargetStateRow>> read(const EvidenceStore &store);

// One probe round as evidence, against the logged states: a probe.state_changed event for every
// target whose state differs from the log's (from "unknown" when never logged), then one
// probe.round event with every probed target's state, reason and latency.
Result<QList<NewEvent>> roundEvents(const EvidenceStore &store, const QList<ProbeResult> &results,
                                    qint64 nowMs);

} // namespace LoggedProbes
} // namespace ops
