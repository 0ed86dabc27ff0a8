#include "Notifier.h"

#include "Alertmanager.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "probes/Proxy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace ops {

NewEvent DeliveryAttempt::event() const {
    NewEvent e;
    e.kind = QStringLiteral("notification.attempted");
    e.scope = notice.scope;
    JsonValue &p = e.payload;
    p["webhook"] = qint64(webhook);
    p["target"] = target;
    p["format"] = format;
    p["trigger"] = notice.trigger;
    p["alert"] = notice.alertId;
    p["severity"] = notice.severity;
    p["attempt"] = qint64(attempt);
    p["outcome"] = outcome;
    p["http_status"] = qint64(httpStatus);
    p["error"] = error;
    p["latency_ms"] = latencyMs;
    p["notice_at"] = Time::toIso(notice.tsMs);
    return e;
}

Result<QList<QUrl>> WebhookNotifier::resolveUrls(const NotificationSettings &settings) {
    QList<QUrl> out;
    for (const WebhookConfig &w : settings.webhooks) {
        if (w.urlFile.isEmpty()) {
            out.append(w.url);
            continue;
        }
        auto secret = Alertmanager::readToken(w.urlFile);
        if (!secret.ok())
            return secret.error();
        const QUrl url(QString::fromUtf8(secret->reveal()), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty() || !url.userInfo().isEmpty())
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("the file does not hold an absolute http(s) URL without credentials"),
                w.urlFile);
        out.append(url);
    }
    return out;
}

WebhookNotifier::WebhookNotifier(const DeploymentConfig &config, QList<QUrl> urls, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_urls(std::move(urls))
    , m_nam(new QNetworkAccessManager(this)) {
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setProxyFactory(new EnvironmentProxyFactory); // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
}

QString WebhookNotifier::redacted(const QUrl &url) {
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

QByteArray WebhookNotifier::body(const QString &format, const Notice &n) {
    JsonValue o = JsonValue::object();
    if (format == QLatin1String("slack")) {
        const QString verb = n.trigger == QLatin1String("fired") ? QStringLiteral("FIRING")
                             : n.trigger == QLatin1String("escalated")
                                 ? QStringLiteral("STILL FIRING, unacknowledged")
                                 : QStringLiteral("cleared");
        QString text = QStringLiteral("[%1] %2 %3 on %4").arg(n.severity, n.alertName, verb, n.scope);
        if (n.trigger != QLatin1String("cleared") && !n.firstAction.isEmpty())
            text += QStringLiteral(" — first action: %1").arg(n.firstAction);
        if (!n.detail.isEmpty())
            text += QStringLiteral(" (%1)").arg(n.detail);
        if (!n.note.isEmpty())
            text += QStringLiteral(" — %1").arg(n.note);
        // Slack's control sequences (<!channel>, <url|label>) are only ever ours: what a probed
        // server or a proxy wrote into a detail is escaped as the format asks.
        text.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
            .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
            .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
        o["text"] = text;
    } else {
        o["version"] = QStringLiteral("1");
        o["source"] = QStringLiteral("opsconsole");
        o["trigger"] = n.trigger;
        o["alert"] = n.alertId;
        o["name"] = n.alertName;
        o["scope"] = n.scope;
        o["severity"] = n.severity;
        o["detail"] = n.detail;
        o["first_action"] = n.firstAction;
        o["at"] = Time::toIso(n.tsMs);
        o["note"] = n.note;
    }
    return QByteArray::fromStdString(CanonicalJson::serialize(o));
}

void WebhookNotifier::notify(const Notice &notice) {
    for (int i = 0; i < m_urls.size() && i < m_config.notifications.webhooks.size(); ++i) {
        const WebhookConfig &w = m_config.notifications.webhooks.at(i);
        if (!w.severities.isEmpty() && !w.severities.contains(notice.severity))
            continue;
        if (!w.triggers.isEmpty() && !w.triggers.contains(notice.trigger))
            continue;
        if (m_queue.size() >= kMaxQueued)
            drop(m_queue.takeFirst());
        m_queue.append(Delivery{i, notice, 1});
    }
    pump();
}

void WebhookNotifier::drop(const Delivery &d) {
    DeliveryAttempt a;
    a.webhook = d.webhook;
    a.target = redacted(m_urls.at(d.webhook));
    a.format = m_config.notifications.webhooks.at(d.webhook).format;
    a.notice = d.notice;
    a.attempt = d.attempt;
    a.outcome = QStringLiteral("dropped");
    a.error = QStringLiteral("more than %1 notifications waited").arg(kMaxQueued);
    Q_EMIT attempted(a);
}

void WebhookNotifier::pump() {
    while (m_inFlight < kMaxInFlight && !m_queue.isEmpty())
        send(m_queue.takeFirst());
}

void WebhookNotifier::send(Delivery d) {
    ++m_inFlight;
    const QUrl url = m_urls.at(d.webhook);
    const QString format = m_config.notifications.webhooks.at(d.webhook).format;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("User-Agent", "opsconsole-notify");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_config.probes.timeoutMs);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_config.probes.caFile.isEmpty())
            ssl.addCaCertificates(m_config.probes.caFile, QSsl::Pem);
        request.setSslConfiguration(ssl);
    }
    const qint64 started = Time::nowMs();
    QNetworkReply *reply = m_nam->post(request, body(format, d.notice));
    auto read = std::make_shared<qint64>(0);
    // A hard deadline for the whole exchange: a hook that trickles a byte now and then does not
    // hold a delivery slot past probes.timeout_ms.
    QTimer::singleShot(m_config.probes.timeoutMs, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, read] {
        // What the hook answers is not kept (it may echo what it was sent); only its size is bounded.
        *read += reply->skip(kMaxResponseBytes + 1);
        if (*read > kMaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, d, url, format, started, read] {
        reply->deleteLater();
        --m_inFlight;
        DeliveryAttempt a;
        a.webhook = d.webhook;
        a.target = redacted(url);
        a.format = format;
        a.notice = d.notice;
        a.attempt = d.attempt;
        a.latencyMs = Time::nowMs() - started;
        a.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        bool retry = false;
        if (*read > kMaxResponseBytes) {
            a.error = QStringLiteral("the answer is over %1 bytes").arg(kMaxResponseBytes);
        } else if (a.httpStatus >= 200 && a.httpStatus <= 299) {
            a.outcome = QStringLiteral("delivered");
        } else if (a.httpStatus != 0) {
            a.error = QStringLiteral("HTTP %1").arg(a.httpStatus);
            retry = a.httpStatus == 408 || a.httpStatus == 429 || a.httpStatus >= 500;
        } else {
            // Qt's text names the URL: the path and query (a chat hook's secret) are cut out.
            QString text = reply->errorString();
            for (const QString &secret : {url.toString(), url.path(), url.query()})
                if (!secret.isEmpty() && secret != QLatin1String("/"))
                    text.replace(secret, QStringLiteral("[redacted]"));
            a.error = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError
                          ? QStringLiteral("no answer within %1 ms").arg(m_config.probes.timeoutMs)
                          : text;
            retry = true;
        }
        if (a.outcome.isEmpty())
            a.outcome = retry && d.attempt < m_config.notifications.maxAttempts ? QStringLiteral("retrying")
                                                                                : QStringLiteral("gave_up");
        Q_EMIT attempted(a);
        if (a.outcome == QLatin1String("retrying")) {
            ++m_waiting;
            const int delay = m_retryBaseMs * (1 << qMin(d.attempt - 1, 6));
            QTimer::singleShot(delay, this, [this, next = Delivery{d.webhook, d.notice, d.attempt + 1}] {
                --m_waiting;
                // Behind what waits already (a dead hook does not push healthy ones back), and
                // within the same bound.
                if (m_queue.size() >= kMaxQueued) {
                    drop(next);
                    return;
                }
                m_queue.append(next);
                pump();
            });
        }
        pump();
    });
}

} // namespace ops
