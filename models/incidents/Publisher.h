#pragma once

#include "core/DeploymentConfig.h"
#include "core/JsonValue.h"
#include "core/Secret.h"
#include "probes/ProbeTypes.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace ops {

class ProbeEngine;

// What a rebind call sent and got back. The token is never part of it.
struct RebindOutcome {
    bool ok = false;
    int httpStatus = 0;
    QString error; // transport or publisher error, empty when ok
    QUrl url;
    JsonValue request;   // the JSON body sent
    QByteArray response; // the body received (capped)
    QString auditId;     // the publisher's audit event, when it names one
    QString active;      // the version it says is active now
    qint64 latencyMs = 0;

    JsonValue toJson() const; // evidence form (no secrets)
};

// Calls the configured publisher API (publisher.rebind) to rebind a scope's active manifest to
// its last known good (or a named version): POST JSON {"scope", "version"?}, bearer token from
// OPSCONSOLE_PUBLISHER_TOKEN, TLS verified, no redirects, bounded time and response size.
class PublisherClient final : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kTokenVariable = "OPSCONSOLE_PUBLISHER_TOKEN";
    static constexpr qint64 kMaxResponseBytes = 1 << 20;

    PublisherClient(const DeploymentConfig &config, Secret token, QObject *parent = nullptr);
    ~PublisherClient() override;

    bool isConfigured() const { return m_config.publisher.has_value(); }
    QUrl url() const;
    void rebind(const QString &scope, const QString &version = {});

Q_SIGNALS:
    void finished(const ops::RebindOutcome &outcome);

private:
    void done(RebindOutcome outcome);

    DeploymentConfig m_config;
    Secret m_token;
    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout;
};

// Probes one scope (or service) once and keeps the results of the wanted kinds.
class ScopeProbe final : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kOperatorTokenVariable = "OPSCONSOLE_OPERATOR_TOKEN";
    ScopeProbe(const DeploymentConfig &config, Secret operatorToken, QObject *parent = nullptr);
    void run(const QString &scope, const QList<TargetKind> &kinds);
    // Blocks in a local event loop (for the CLI).
    static QList<ProbeResult> runNow(const DeploymentConfig &config, const Secret &operatorToken,
                                     const QString &scope, const QList<TargetKind> &kinds);

Q_SIGNALS:
    void finished(const QList<ops::ProbeResult> &results);

private:
    ProbeEngine *m_engine;
    QString m_scope;
    QList<TargetKind> m_kinds;
};

} // namespace ops
