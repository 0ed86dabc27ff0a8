#pragma once

#include "core/DeploymentConfig.h"
#include "core/JsonValue.h"

#include <functional>

namespace ops {

class IncidentBook;

// The production config snapshot of launch day (docs/domain-rules.md, "Launch day"):
// API endpoints, auth keys present — presence only, never a value —, environment flags and the
// kill-switch defaults, as canonical JSON whose SHA-256 is what the checklist stores.
struct ConfigSnapshot {
    JsonValue json;
    QString sha256;       // of the canonical JSON
    QStringList findings; // what keeps it from being verified; empty when it is
    bool verified() const { return findings.isEmpty(); }
};

namespace ConfigSnapshots {
using Presence = std::function<bool(const char *variable)>;
// Whether the process environment has the variable set and non-empty (its value is never read
// into the snapshot).
Presence processPresence();
ConfigSnapshot take(const DeploymentConfig &config, Environment effective, const IncidentBook &book,
                    const Presence &present);
} // namespace ConfigSnapshots

} // namespace ops
