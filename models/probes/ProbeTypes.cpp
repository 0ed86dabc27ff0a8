#include "ProbeTypes.h"

#include "core/Time.h"

namespace ops {

QString probeStateName(ProbeState state) {
    switch (state) {
    case ProbeState::Unknown:
        return QStringLiteral("unknown");
    case ProbeState::Ok:
        return QStringLiteral("ok");
    case ProbeState::Degraded:
        return QStringLiteral("degraded");
    case ProbeState::Stale:
        return QStringLiteral("stale");
    case ProbeState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

int probeStateSeverity(ProbeState state) {
    switch (state) {
    case ProbeState::Ok:
        return 0;
    case ProbeState::Unknown:
        return 1;
    case ProbeState::Degraded:
        return 2;
    case ProbeState::Stale:
        return 3;
    case ProbeState::Failed:
        return 4;
    }
    return 1;
}

QString targetKindName(TargetKind kind) {
    switch (kind) {
    case TargetKind::Manifest:
        return QStringLiteral("manifest");
    case TargetKind::Pack:
        return QStringLiteral("pack");
    case TargetKind::Resolver:
        return QStringLiteral("resolver");
    case TargetKind::Rules:
        return QStringLiteral("rules");
    case TargetKind::Readyz:
        return QStringLiteral("readyz");
    }
    return QString();
}

JsonValue ProbeResult::toJson() const {
    JsonValue o = JsonValue::object();
    o["target"] = target.id;
    o["url"] = target.url.toString(QUrl::RemoveUserInfo);
    o["scope"] = target.scope;
    o["kind"] = targetKindName(target.kind);
    o["state"] = probeStateName(state);
    o["reason"] = reason.text();
    // Its words beside it, so a reader in another language gets the reason in theirs.
    if (const JsonValue words = reason.toJson(); !words.isString())
        o["reason_words"] = words;
    o["latency_ms"] = latencyMs;
    o["checked_at"] = checkedAtMs > 0 ? JsonValue(Time::toIso(checkedAtMs)) : JsonValue(nullptr);
    o["http_status"] = httpStatus;
    if (target.kind == TargetKind::Manifest)
        o["age_s"] = ageS ? JsonValue(*ageS) : JsonValue(nullptr);
    if (target.kind == TargetKind::Pack) {
        o["expected_sha256"] = target.expectedSha256;
        o["actual_sha256"] = actualSha256;
        o["bytes"] = bytes;
    }
    return o;
}

std::optional<TargetKind> targetKindFrom(const QString &s) {
    for (TargetKind k : {TargetKind::Manifest, TargetKind::Pack, TargetKind::Resolver, TargetKind::Rules,
                         TargetKind::Readyz})
        if (targetKindName(k) == s)
            return k;
    return std::nullopt;
}

} // namespace ops
