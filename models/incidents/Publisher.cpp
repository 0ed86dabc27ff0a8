#include "Publisher.h"

#include "IncidentActions.h"
#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "probes/ProbeEngine.h"
#include "probes/Proxy.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace ops {

JsonValue RebindOutcome::toJson() const {
    JsonValue o = JsonValue::object();
    o["ok"] = ok;
    o["url"] = url.toString();
    o["http_status"] = httpStatus;
    o["error"] = error;
    o["request"] = request;
    o["response"] = QString::fromUtf8(response.left(16 * 1024));
    o["audit_id"] = auditId;
    o["active"] = active;
    o["latency_ms"] = latencyMs;
    return o;
}

PublisherClient::PublisherClient(const DeploymentConfig &config, Secret token, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_token(std::move(token))
    , m_nam(new QNetworkAccessManager(this))
    , m_timeout(new QTimer(this)) {
    m_nam->setProxyFactory(new EnvironmentProxyFactory); // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_reply)
            m_reply->abort();
    });
}

PublisherClient::~PublisherClient() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl PublisherClient::url() const {
    return m_config.publisher ? m_config.publisher->rebind : QUrl();
}

void PublisherClient::rebind(const QString &scope, const QString &version) {
    RebindOutcome out;
    out.url = url();
    out.request = JsonValue::object();
    out.request["scope"] = scope;
    if (!version.isEmpty())
        out.request["version"] = version;
    if (!m_config.publisher) {
        out.error = QStringLiteral("no publisher.rebind URL in %1").arg(m_config.source);
        QTimer::singleShot(0, this, [this, out] { done(out); });
        return;
    }
    if (m_reply) {
        out.error = QStringLiteral("a rebind is already in flight");
        QTimer::singleShot(0, this, [this, out] { done(out); });
        return;
    }
    QNetworkRequest request(out.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("User-Agent", "opsconsole-rebind");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // The token goes only where the config says the publisher needs it.
    if (m_token.isSet() && m_config.publisher->auth)
        request.setRawHeader("Authorization", "Bearer " + m_token.reveal());
    if (out.url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_config.probes.caFile.isEmpty())
            ssl.addCaCertificates(m_config.probes.caFile, QSsl::Pem);
        request.setSslConfiguration(ssl);
    }
    const qint64 started = Time::nowMs();
    m_reply = m_nam->post(request, QByteArray::fromStdString(CanonicalJson::serialize(out.request)));
    m_timeout->start(m_config.probes.timeoutMs);
    auto body = std::make_shared<QByteArray>();
    connect(m_reply, &QNetworkReply::readyRead, this, [this, body] {
        body->append(m_reply->read(kMaxResponseBytes + 1 - body->size()));
        if (body->size() > kMaxResponseBytes)
            m_reply->abort();
    });
    connect(m_reply, &QNetworkReply::finished, this, [this, out, body, started]() mutable {
        QNetworkReply *reply = m_reply;
        m_timeout->stop();
        if (reply->bytesAvailable() > 0 && body->size() <= kMaxResponseBytes)
            body->append(reply->read(kMaxResponseBytes + 1 - body->size()));
        out.latencyMs = Time::nowMs() - started;
        out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // What the publisher says may echo the request: nothing of the token is kept.
        out.response = m_token.scrubBytes(*body, kMaxResponseBytes);
        if (body->size() > kMaxResponseBytes) {
            out.error = QStringLiteral("the publisher's response is over %1 bytes").arg(kMaxResponseBytes);
        } else if (reply->error() == QNetworkReply::OperationCanceledError) {
            out.error = QStringLiteral("no answer within %1 ms").arg(m_config.probes.timeoutMs);
        } else if (out.httpStatus == 0 && reply->error() != QNetworkReply::NoError) {
            out.error = m_token.scrub(reply->errorString());
        } else if (out.httpStatus < 200 || out.httpStatus > 299) {
            out.error = QStringLiteral("the publisher answered HTTP %1").arg(out.httpStatus);
        }
        if (out.error.isEmpty()) {
            const QJsonObject o = QJsonDocument::fromJson(out.response).object();
            if (o.isEmpty())
                out.error = QStringLiteral("the publisher's answer is not a JSON object");
            else if (o.contains(QStringLiteral("ok")) && !o.value(QStringLiteral("ok")).toBool())
                out.error = m_token.scrub(QStringLiteral("the publisher refused: %1")
                                              .arg(o.value(QStringLiteral("error")).toString()));
            out.auditId = o.value(QStringLiteral("audit_id")).toString();
            const QJsonValue active = o.value(QStringLiteral("active"));
            out.active = active.isDouble() ? QString::number(active.toInteger()) : active.toString();
        }
        out.ok = out.error.isEmpty();
        reply->deleteLater();
        m_reply = nullptr;
        done(out);
    });
}

void PublisherClient::done(RebindOutcome outcome) {
    Q_EMIT finished(outcome);
}

ScopeProbe::ScopeProbe(const DeploymentConfig &config, Secret operatorToken, QObject *parent)
    : QObject(parent)
    , m_engine(new ProbeEngine(config, std::move(operatorToken), this)) {
    connect(m_engine, &ProbeEngine::roundFinished, this, [this](const QList<ProbeResult> &results) {
        const bool isScope = m_engine->config().scope(m_scope) != nullptr;
        QList<ProbeResult> kept;
        for (const ProbeResult &r : results) {
            if (!m_kinds.isEmpty() && !m_kinds.contains(r.target.kind))
                continue;
            if (r.target.kind == TargetKind::Readyz && !isScope && !m_scope.isEmpty() &&
                r.target.id != m_scope + QStringLiteral("/readyz")) {
                // A service run probes its own /readyz; a run without a service probes them all.
                bool isService = false;
                for (const ServiceConfig &s : m_engine->config().services)
                    isService = isService || s.id == m_scope;
                if (isService)
                    continue;
            }
            kept << r;
        }
        std::sort(kept.begin(), kept.end(),
                  [](const ProbeResult &a, const ProbeResult &b) { return a.target.id < b.target.id; });
        Q_EMIT finished(kept);
    });
}

void ScopeProbe::run(const QString &scope, const QList<TargetKind> &kinds) {
    m_scope = scope;
    m_kinds = kinds;
    const bool isScope = m_engine->config().scope(scope) != nullptr;
    m_engine->runRound(isScope ? scope : QString());
}

QList<ProbeResult> ScopeProbe::runNow(const DeploymentConfig &config, const Secret &operatorToken,
                                      const QString &scope, const QList<TargetKind> &kinds) {
    ScopeProbe probe(config, operatorToken);
    QList<ProbeResult> out;
    QEventLoop loop;
    connect(&probe, &ScopeProbe::finished, &loop, [&](const QList<ProbeResult> &results) {
        out = results;
        loop.quit();
    });
    probe.run(scope, kinds);
    loop.exec();
    return out;
}

LocalityValidation::LocalityValidation(const DeploymentConfig &config, Secret operatorToken, QObject *parent)
    : QObject(parent)
    , m_probe(new ScopeProbe(config, std::move(operatorToken), this)) {
    connect(m_probe, &ScopeProbe::finished, this, [this](const QList<ProbeResult> &results) {
        m_results += results;
        if (!m_remaining.isEmpty())
            m_remaining.removeFirst();
        if (!m_remaining.isEmpty()) {
            m_probe->run(m_remaining.first(), {});
            return;
        }
        Q_EMIT finished(probeSummary(m_results), m_results);
    });
}

Result<QStringList> LocalityValidation::parseLocalities(const DeploymentConfig &config,
                                                        const QString &commaList, const QString &field) {
    QStringList out;
    for (const QString &l : commaList.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString locality = l.trimmed();
        if (locality.isEmpty())
            continue;
        if (!config.scope(locality))
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("validation locality '%1' is not a scope of %2").arg(locality, config.source),
                field);
        out << locality;
    }
    return out;
}

QString LocalityValidation::unknownLocality(const DeploymentConfig &config, const QString &commaList) {
    auto parsed = parseLocalities(config, commaList, {});
    if (parsed.ok())
        return {};
    for (const QString &l : commaList.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty() && !config.scope(l.trimmed()))
            return l.trimmed();
    return {};
}

void LocalityValidation::run(const QStringList &localities) {
    m_results.clear();
    m_remaining = localities;
    if (m_remaining.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(QString(), {}); }, Qt::QueuedConnection);
        return;
    }
    m_probe->run(m_remaining.first(), {});
}

QString LocalityValidation::runNow(const DeploymentConfig &config, const Secret &operatorToken,
                                   const QStringList &localities) {
    LocalityValidation validation(config, operatorToken);
    QString out;
    QEventLoop loop;
    connect(&validation, &LocalityValidation::finished, &loop, [&](const QString &summary) {
        out = summary;
        loop.quit();
    });
    validation.run(localities);
    loop.exec();
    return out;
}

} // namespace ops
