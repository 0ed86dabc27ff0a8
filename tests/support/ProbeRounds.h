#pragma once

// Synthetic probe rounds over the demo scopes, for tests of the evaluation and its record.

#include "probes/ProbeTypes.h"

namespace ops::test {

// Every demo scope's manifest, fresh, except kl's when klStale.
inline QList<ProbeResult> manifestRound(bool klStale, qint64 checkedAtMs) {
    QList<ProbeResult> out;
    for (const char *scope : {"baseline", "my", "sg", "kl", "pg"}) {
        ProbeResult r;
        r.target.scope = QString::fromLatin1(scope);
        r.target.kind = TargetKind::Manifest;
        r.target.id = r.target.scope + QStringLiteral("/manifest");
        const bool stale = klStale && r.target.scope == QLatin1String("kl");
        r.state = stale ? ProbeState::Stale : ProbeState::Ok;
        r.reason = stale ? QStringLiteral("manifest is 48.0 h old, over the 6 h threshold") : QString();
        r.ageS = stale ? 48 * 3600 : 3600;
        r.latencyMs = stale ? 40 : 12;
        r.checkedAtMs = checkedAtMs;
        out << r;
    }
    return out;
}

} // namespace ops::test
