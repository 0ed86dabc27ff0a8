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

// A kill switch's targeted validation on a representative set of localities: each probed now, in
// turn, and summarised in one line that is recorded with the switch. The console and the CLI
// share it (the rules of which localities may be named, too).
class LocalityValidation final : public QObject {
    Q_OBJECT
public:
    LocalityValidation(const DeploymentConfig &config, Secret operatorToken, QObject *parent = nullptr);
    // "kl, pg" → {kl, pg}; every locality must be a scope of the config (field names the option).
    static Result<QStringList> parseLocalities(const DeploymentConfig &config, const QString &commaList,
                                               const QString &field);
    // The first named locality that is not a scope of the config (empty when all are).
    static QString unknownLocality(const DeploymentConfig &config, const QString &commaList);
    void run(const QStringList &localities);
    bool isRunning() const { return !m_remaining.isEmpty(); }
    // Blocks in a local event loop (for the CLI).
    static QString runNow(const DeploymentConfig &config, const Secret &operatorToken,
                          const QStringList &localities);

Q_SIGNALS:
    void finished(const QString &summary, const QList<ops::ProbeResult> &results);

private:
    ScopeProbe *m_probe;
    QStringList m_remaining;
    QList<ProbeResult> m_results;
};

} // namespace ops
