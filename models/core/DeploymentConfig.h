#pragma once

#include "Environment.h"
#include "Result.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ops {

enum class ScopeKind { Baseline, Country, Locality };
QString scopeKindName(ScopeKind kind);

struct ScopeConfig {
    QString id;
    ScopeKind kind = ScopeKind::Locality;
    QString parent; // empty for none
    bool critical = false;
    int freshnessHours = 0;
    QUrl manifest;
    QUrl resolver;     // optional
    QUrl rules;        // optional
    QUrl appFetch;     // optional: what the live app fetches (a manifest), probed on launch day
    bool auth = false; // send OPSCONSOLE_OPERATOR_TOKEN to this scope's endpoints
    int line = 0;
};

struct ServiceConfig {
    QString id;
    QUrl readyz;
    bool auth = false;
    int line = 0;
};

struct ProbeSettings {
    int intervalS = 30;
    int timeoutMs = 5000;
    int connectTimeoutMs = 3000;
    qint64 maxBodyBytes = 104857600;
    int maxRedirects = 3;
    int failAfter = 2;
    int clearAfter = 2;
    int slowMs = 2000; // over this latency a probe is "degraded"
    int concurrency = 16;
    int retentionDays = 7;    // raw samples older than this are pruned
    QString caFile;           // extra CA bundle (PEM); empty for the system store only
    bool insecureTls = false; // dev-only: skip TLS verification
    QStringList packHosts;    // hosts a manifest's pack_url may name besides the manifest's own
};

struct Objectives {
    int restoreMinutes = 15;
    int integrityMinutes = 30;
    int drillMaxAgeDays = 30; // a rollback drill older than this no longer proves the objective
};

struct PublisherConfig {
    QUrl rebind;
    bool auth = false;
};

// Who the deployment trusts to enrol people: kept in the team's reviewed config repository,
// outside the store that it anchors.
struct TrustSettings {
    QStringList admins;    // "SHA256:<64 hex>" fingerprints of the admin keys
    int enrollQuorum = 1;  // distinct admins that approve an identity or a new key
    int witnessQuorum = 0; // consoles other than its signer that cosign a team log checkpoint; 0: none asked
};

// The pipeline signals the alert rules count (recorded by `signal record` or Alertmanager).
inline QStringList pipelineSignalKinds() {
    return {QStringLiteral("publish_blocked"), QStringLiteral("fallback_rate"),
            QStringLiteral("watchdog_breach"), QStringLiteral("manual_trigger")};
}

// One Alertmanager alert → opsconsole mapping: the first route whose `match` labels all equal the
// alert's labels takes it, to an alert cell (`alert`) or as a pipeline signal (`signal`); the
// scope is the value of the alert's `scope_label` label.
struct AlertmanagerRoute {
    QList<QPair<QString, QString>> match; // label → exact value
    QString alert;                        // an alert id of the rules, or
    QString signal;                       // a signal kind (publish_blocked, …)
    QString scopeLabel = QStringLiteral("scope");
    QString valueAnnotation = QStringLiteral("value"); // signal routes: the signal's value, if any
    int line = 0;
};

struct AlertmanagerSettings {
    QList<AlertmanagerRoute> routes;
    QString tokenFile;             // the bearer token Alertmanager sends (owner-only file)
    qint64 maxBodyBytes = 1 << 20; // a larger webhook body is refused (413)
    int line = 0;
    bool configured() const { return !routes.isEmpty(); }
};

// A recurring maintenance window: the alerts of one scope silenced every week (or every day) at
// the same local time, for `minutes`. Shown before it starts; recorded when it opens and ends.
struct MaintenanceWindow {
    QString scope;
    QStringList alerts;
    QString every;       // as written: "sun 02:00", "daily 23:30"
    int weekday = 0;     // 1 (Monday) … 7 (Sunday); 0: every day
    int startMinute = 0; // minutes after local midnight
    int minutes = 60;    // 1 … 1440
    QString reason;
    QString timeZone; // IANA name, e.g. Europe/Berlin; empty: UTC
    int line = 0;
};

// Where alert notifications go besides the desktop: chat webhooks (Slack/Mattermost `{"text"}`)
// or a generic JSON body, per severity and per trigger (fired, escalated, cleared).
struct WebhookConfig {
    QUrl url;        // from `url`, or read from `url_file` at start (a chat hook's URL is a secret)
    QString urlFile; // owner-only file holding the URL
    QString format = QStringLiteral("generic"); // generic | slack
    QStringList severities;                     // empty: every severity
    QStringList triggers;                       // empty: fired, escalated and cleared
    int line = 0;
};

struct NotificationSettings {
    QList<WebhookConfig> webhooks;
    int escalateAfterMinutes = 15; // a firing alert nobody acknowledged is escalated once after this
    int maxAttempts = 5;           // per delivery, with exponential backoff between them
    int line = 0;
};

struct DeploymentConfig {
    QString source; // the file it came from, or the built-in resource path
    bool builtinDemo = false;
    std::optional<Environment> environment; // as written in the file
    Objectives objectives;
    ProbeSettings probes;
    QList<ScopeConfig> scopes;
    QList<ServiceConfig> services;
    std::optional<PublisherConfig> publisher;
    QString runbooksDir;    // empty for the built-in runbooks
    QString alertRulesFile; // empty for the built-in alert rules
    TrustSettings trust;
    QString storeOrigin;  // store.origin: the checkpoints' origin line; empty: opsconsole/<store id>
    QString storeUrl;     // store.url: the team log (a libpq postgresql:// URI); empty: the local file
    QString storeAppRole; // store.app_role: the role the team log's migrations grant SELECT/INSERT to
    AlertmanagerSettings alertmanager; // the monitor's POST /alertmanager receiver
    QList<MaintenanceWindow> maintenance;
    NotificationSettings notifications;

    const ScopeConfig *scope(const QString &id) const;
    // Scopes ordered baseline → country → locality, then by id (the order panels show them).
    QList<const ScopeConfig *> orderedScopes() const;
};

namespace ConfigLoader {
inline constexpr const char *kBuiltinDemoPath = ":/config/demo.yaml";

Result<DeploymentConfig> parse(const QByteArray &yamlText, const QString &sourceName,
                               const QString &baseDir = {});
Result<DeploymentConfig> loadFile(const QString &path);
Result<DeploymentConfig> builtinDemo();
} // namespace ConfigLoader

} // namespace ops
