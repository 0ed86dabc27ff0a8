#include "ConfigSnapshot.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "crypto/Sha256.h"
#include "incidents/Incidents.h"
#include "incidents/Publisher.h"

namespace ops::ConfigSnapshots {

namespace {

JsonValue endpoint(const QString &id, const QUrl &url, bool auth) {
    JsonValue o = JsonValue::object();
    o["id"] = id;
    o["url"] = url.toString();
    o["auth"] = auth;
    return o;
}

} // namespace

Presence processPresence() {
    return [](const char *variable) { return !qEnvironmentVariableIsEmpty(variable); };
}

ConfigSnapshot take(const DeploymentConfig &config, Environment effective, const IncidentBook &book,
                    const Presence &present) {
    ConfigSnapshot snap;
    JsonValue &j = snap.json;
    j = JsonValue::object();

    JsonValue env = JsonValue::object();
    env["environment"] = environmentName(effective);
    env["config_environment"] =
        config.environment ? environmentName(*config.environment) : QStringLiteral("unset");
    env["insecure_tls"] = config.probes.insecureTls;
    env["custom_ca"] = !config.probes.caFile.isEmpty();
    env["builtin_demo"] = config.builtinDemo;
    j["environment_flags"] = env;
    if (config.probes.insecureTls)
        snap.findings << QStringLiteral("probes.insecure_tls is on: TLS is not verified");

    JsonValue endpoints = JsonValue::array();
    bool operatorTokenNeeded = false;
    QStringList needOperator;
    for (const ScopeConfig *s : config.orderedScopes()) {
        endpoints.push(endpoint(s->id + QStringLiteral("/manifest"), s->manifest, s->auth));
        if (s->resolver.isValid())
            endpoints.push(endpoint(s->id + QStringLiteral("/resolver"), s->resolver, s->auth));
        if (s->rules.isValid())
            endpoints.push(endpoint(s->id + QStringLiteral("/rules"), s->rules, s->auth));
        if (s->appFetch.isValid())
            endpoints.push(endpoint(s->id + QStringLiteral("/app_fetch"), s->appFetch, s->auth));
        if (s->auth) {
            operatorTokenNeeded = true;
            needOperator << s->id;
        }
    }
    for (const ServiceConfig &s : config.services) {
        endpoints.push(endpoint(s.id + QStringLiteral("/readyz"), s.readyz, s.auth));
        if (s.auth) {
            operatorTokenNeeded = true;
            needOperator << s.id;
        }
    }
    if (config.publisher)
        endpoints.push(
            endpoint(QStringLiteral("publisher/rebind"), config.publisher->rebind, config.publisher->auth));
    j["endpoints"] = endpoints;

    JsonValue keys = JsonValue::array();
    const auto key = [&](const char *variable, bool needed, const QStringList &by) {
        JsonValue o = JsonValue::object();
        o["variable"] = variable;
        o["needed"] = needed;
        JsonValue b = JsonValue::array();
        for (const QString &x : by)
            b.push(x);
        o["needed_by"] = b;
        const bool isPresent = present(variable);
        o["present"] = isPresent;
        keys.push(o);
        if (needed && !isPresent)
            snap.findings << QStringLiteral("auth key %1 is not set; %2 need it")
                                 .arg(QString::fromLatin1(variable), by.join(QStringLiteral(", ")));
    };
    key(ScopeProbe::kOperatorTokenVariable, operatorTokenNeeded, needOperator);
    const bool publisherNeeds = config.publisher && config.publisher->auth;
    key(PublisherClient::kTokenVariable, publisherNeeds,
        publisherNeeds ? QStringList{QStringLiteral("publisher/rebind")} : QStringList{});
    j["auth_keys"] = keys;

    // Kill-switch defaults: every switch off on every scope unless an incident holds it on.
    JsonValue switches = JsonValue::array();
    for (const QString &name : killSwitchNames())
        for (const ScopeConfig *s : config.orderedScopes()) {
            const KillSwitchState *k = book.killSwitch(name, s->id);
            JsonValue o = JsonValue::object();
            o["switch"] = name;
            o["scope"] = s->id;
            o["active"] = k && k->active;
            switches.push(o);
            if (k && k->active)
                snap.findings << QStringLiteral("the %1 kill switch is active on %2 (since %3); launch with "
                                                "every kill switch at its default (off)")
                                     .arg(name, s->id, Time::toIso(k->sinceMs));
        }
    j["kill_switches"] = switches;

    JsonValue obj = JsonValue::object();
    obj["restore_minutes"] = config.objectives.restoreMinutes;
    obj["integrity_minutes"] = config.objectives.integrityMinutes;
    obj["drill_max_age_days"] = config.objectives.drillMaxAgeDays;
    j["objectives"] = obj;

    snap.sha256 = crypto::sha256Hex(CanonicalJson::serialize(j));
    return snap;
}

} // namespace ops::ConfigSnapshots
