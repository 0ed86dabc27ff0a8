#pragma once

#include "core/JsonValue.h"
#include "core/Phrase.h"

#include <QUrl>

#include <optional>

namespace ops {

// Unknown is never healthy: it is what a target is before it has been probed.
enum class ProbeState { Unknown, Ok, Degraded, Stale, Failed };
QString probeStateName(ProbeState state);
int probeStateSeverity(ProbeState state); // for "worst first": Failed > Stale > Degraded > Unknown > Ok

enum class TargetKind { Manifest, Pack, Resolver, Rules, Readyz };
QString targetKindName(TargetKind kind);
std::optional<TargetKind> targetKindFrom(const QString &name);

struct ProbeTarget {
    QString id;    // "kl/manifest", "orchestrator/readyz", …
    QString scope; // empty for services
    TargetKind kind = TargetKind::Manifest;
    QUrl url;
    bool auth = false;
    int freshnessHours = 0; // manifests
    QString expectedSha256; // packs (from their manifest)
};

struct ProbeResult {
    ProbeTarget target;
    ProbeState state = ProbeState::Unknown;
    Phrase reason; // why it is not ok; the log keeps the English text
    qint64 latencyMs = -1;
    qint64 checkedAtMs = 0;
    int httpStatus = 0;
    qint64 bytes = 0;
    std::optional<qint64> ageS; // manifests
    QString actualSha256;       // packs

    JsonValue toJson() const; // the `probe --json` shape (docs/formats.md)
};

} // namespace ops
