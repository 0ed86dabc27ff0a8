#pragma once

#include "Proxy.h"

#include <memory>

#include "ProbeTypes.h"

#include "core/DeploymentConfig.h"
#include "core/Secret.h"
#include "core/Time.h"

#include <QObject>
#include <QQueue>
#include <QSslConfiguration>

namespace ops {

class ProbeJob;
class HttpConnectionPool;

// Probes every target of a deployment config: manifests (and the pack each names, hashed while
// it streams), resolvers, rules and service /readyz. Fully asynchronous on the thread it lives
// on, over a lean HTTP/1.1 client with kept-alive connections (HttpClient.h), and bounded in
// every way: connect/first-byte and total timeouts, a body cap enforced while streaming, a
// redirect cap, TLS always verified, a concurrency limit.
class ProbeEngine final : public QObject {
    Q_OBJECT
public:
    ProbeEngine(DeploymentConfig config, Secret operatorToken, QObject *parent = nullptr);
    ~ProbeEngine() override;

    // The configured targets (pack targets are discovered from their manifests).
    QList<ProbeTarget> targets(const QString &scope = {}) const;
    // One round over every target (of one scope, when given); roundFinished follows.
    void runRound(const QString &scope = {});
    bool isRunning() const { return m_inFlight > 0 || !m_queue.isEmpty(); }
    void setClock(Time::Clock clock) { m_clock = std::move(clock); }
    // The proxies probes go through; read from the environment at construction.
    void setProxySettings(const ProxySettings &settings);
    const DeploymentConfig &config() const { return m_config; }

Q_SIGNALS:
    void resultReady(const ops::ProbeResult &result);
    void roundFinished(const QList<ops::ProbeResult> &results);

private:
    void enqueue(const ProbeTarget &target);
    void startMore();
    void jobDone(ProbeJob *job, const ProbeResult &result);

    DeploymentConfig m_config;
    Secret m_token;
    Time::Clock m_clock = Time::systemClock();
    int m_maxInFlight = 1; // the concurrency limit: at most this many connections in use at once
    HttpConnectionPool *m_pool;
    QSslConfiguration m_ssl;
    std::shared_ptr<const ProxySettings> m_proxy;
    QQueue<ProbeTarget> m_queue;
    int m_inFlight = 0;
    QList<ProbeResult> m_round;
};

} // namespace ops
