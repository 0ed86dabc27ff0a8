#pragma once

#include "core/DeploymentConfig.h"
#include "core/JsonValue.h"
#include "core/Result.h"
#include "store/EvidenceTypes.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace ops {

// One thing worth telling people about an alert cell.
struct Notice {
    QString trigger; // fired | escalated | cleared
    QString alertId;
    QString alertName;
    QString scope;
    QString severity;
    QString detail;
    QString firstAction;
    qint64 tsMs = 0;
    QString note;             // e.g. "held during silence SIL-4 until …"
    qint64 firingSinceMs = 0; // when the cell's current state began (for fired and escalated: the firing)
};

// One delivery attempt, as evidence: where to (the webhook's index and its scheme and host —
// never the path or query, which for chat hooks are the secret), what, and how it went.
struct DeliveryAttempt {
    int webhook = 0; // index in notifications.webhooks
    QString target;  // "https://chat.example.org"
    QString format;
    Notice notice;
    int attempt = 1;
    QString outcome; // delivered | retrying | gave_up | dropped
    int httpStatus = 0;
    QString error; // never holds the URL's path or query
    qint64 latencyMs = 0;

    NewEvent event() const; // notification.attempted
};

// Sends alert notices to the configured webhooks: a POST of Slack/Mattermost-compatible
// `{"text": …}` or a generic JSON object, TLS verified (with probes.ca_file), no redirects,
// bounded in time (probes.timeout_ms) and in what it reads back; retried with exponential backoff
// (1 s, 2 s, 4 s, … up to max_attempts) on transport errors, 408, 429 and 5xx, never on other
// answers. Every attempt is reported (attempted) for the log. At most kMaxQueued deliveries wait;
// beyond that the oldest are dropped, and that is reported too.
class WebhookNotifier final : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxQueued = 1000;
    static constexpr int kMaxInFlight = 4;
    static constexpr qint64 kMaxResponseBytes = 64 * 1024;

    // Reads url_file hooks (owner-only files); an error names the file.
    static Result<QList<QUrl>> resolveUrls(const NotificationSettings &settings);
    WebhookNotifier(const DeploymentConfig &config, QList<QUrl> urls, QObject *parent = nullptr);

    bool isConfigured() const { return !m_urls.isEmpty(); }
    // Queues the notice for every webhook whose severities and triggers take it.
    void notify(const Notice &notice);
    int queued() const { return static_cast<int>(m_queue.size()) + m_inFlight + m_waiting; }
    void setRetryBaseMs(int ms) { m_retryBaseMs = ms; } // tests: shorter backoff

    static QByteArray body(const QString &format, const Notice &notice);
    static QString redacted(const QUrl &url);

Q_SIGNALS:
    void attempted(const ops::DeliveryAttempt &attempt);

private:
    struct Delivery {
        int webhook = 0;
        Notice notice;
        int attempt = 1;
    };
    void pump();
    void drop(const Delivery &d); // reported as "dropped": the queue is over its bound
    void send(Delivery d);

    DeploymentConfig m_config;
    QList<QUrl> m_urls;
    QNetworkAccessManager *m_nam;
    QList<Delivery> m_queue;
    int m_inFlight = 0;
    int m_waiting = 0; // deliveries waiting out their backoff
    int m_retryBaseMs = 1000;
};

} // namespace ops
