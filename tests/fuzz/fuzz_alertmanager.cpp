// libFuzzer target: the body of Alertmanager's webhook as the monitor receives it (untrusted
// bytes from any local process that has the token, or a compromised Alertmanager).
#include "monitor/Alertmanager.h"

#include "core/DeploymentConfig.h"

#include <cstddef>
#include <cstdint>

namespace {
const ops::DeploymentConfig &config() {
    static const ops::DeploymentConfig c = [] {
        auto parsed = ops::ConfigLoader::parse(
            "scopes:\n"
            "  - {id: baseline, kind: baseline, critical: true, freshness_hours: 24, manifest: "
            "http://127.0.0.1:1/m}\n"
            "  - {id: kl, kind: locality, parent: baseline, critical: false, freshness_hours: 24,"
            " manifest: http://127.0.0.1:1/k}\n",
            QStringLiteral("fuzz.yaml"));
        ops::DeploymentConfig out = parsed.ok() ? parsed.value() : ops::DeploymentConfig{};
        ops::AlertmanagerRoute cell;
        cell.match = {{QStringLiteral("alertname"), QStringLiteral("ResolverDown")}};
        cell.alert = QStringLiteral("resolver-health");
        cell.scopeLabel = QStringLiteral("locality");
        ops::AlertmanagerRoute signal;
        signal.match = {{QStringLiteral("alertname"), QStringLiteral("PublishBlocked")}};
        signal.signal = QStringLiteral("publish_blocked");
        out.alertmanager.routes = {cell, signal};
        return out;
    }();
    return c;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ops::DeploymentConfig &c = config();
    auto payload = ops::Alertmanager::parse(bytes, c.alertmanager, c);
    if (!payload.ok())
        return 0;
    // Everything routed names a configured scope and exactly one target; its event folds back.
    ops::Alertmanager::Fold fold;
    quint64 seq = 0;
    for (const ops::Alertmanager::Notice &n : payload->routed) {
        if (!c.scope(n.scope) || n.alert.isEmpty() == n.signal.isEmpty() || n.fingerprint.isEmpty())
            __builtin_trap();
        const ops::NewEvent e = ops::Alertmanager::event(n, payload->receiver);
        ops::StoredEvent stored;
        stored.seq = ++seq;
        stored.kind = e.kind;
        stored.scope = e.scope;
        (void)fold.isNew(n);
    }
    return 0;
}
