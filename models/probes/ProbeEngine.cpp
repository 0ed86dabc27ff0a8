#include "ProbeEngine.h"

#include <algorithm>

#include <QThread>

#include "crypto/Sha256.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace ops {

namespace {
constexpr qint64 kReadBuffer = 256 * 1024;
constexpr qint64 kJsonCap = 4 * 1024 * 1024; // manifests, resolver, rules and readyz are small documents
} // namespace

// One request with its own bounds. Reports exactly once.
class ProbeJob final : public QObject {
    Q_OBJECT
public:
    ProbeJob(ProbeTarget target, const ProbeSettings &settings, Time::Clock clock, QObject *parent)
        : QObject(parent)
        , m_target(std::move(target))
        , m_settings(settings)
        , m_clock(std::move(clock)) {}

    void start(QNetworkAccessManager *nam, const Secret &token, const QSslConfiguration &ssl) {
        QNetworkRequest request(m_target.url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("User-Agent", "opsconsole-probe");
        if (m_target.auth && token.isSet())
            request.setRawHeader("Authorization", "Bearer " + token.reveal());
        if (m_target.url.scheme() == QLatin1String("https"))
            request.setSslConfiguration(ssl);

        m_elapsed.start();
        m_reply = nam->get(request);
        m_reply->setReadBufferSize(kReadBuffer);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &ProbeJob::onHeaders);
        connect(m_reply, &QNetworkReply::readyRead, this, &ProbeJob::onData);
        connect(m_reply, &QNetworkReply::finished, this, &ProbeJob::onFinished);
        m_firstByte.setSingleShot(true);
        m_total.setSingleShot(true);
        m_firstByte.setTimerType(Qt::PreciseTimer); // coarse timers may fire 5 % early or late
        m_total.setTimerType(Qt::PreciseTimer);
        connect(&m_firstByte, &QTimer::timeout, this, [this] {
            fail(QStringLiteral("timeout: no response within %1 ms").arg(m_settings.connectTimeoutMs));
        });
        connect(&m_total, &QTimer::timeout, this, [this] {
            fail(QStringLiteral("timeout: response not complete within %1 ms (%2 bytes received)")
                     .arg(m_settings.timeoutMs)
                     .arg(m_bytes));
        });
        m_firstByte.start(m_settings.connectTimeoutMs);
        m_total.start(m_settings.timeoutMs);
    }

Q_SIGNALS:
    void done(ops::ProbeJob *job, const ops::ProbeResult &result);

private:
    qint64 cap() const {
        return m_target.kind == TargetKind::Pack ? m_settings.maxBodyBytes
                                                 : qMin(m_settings.maxBodyBytes, kJsonCap);
    }

    void onHeaders() {
        m_firstByte.stop();
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > cap())
            fail(QStringLiteral("body of %1 bytes is over the cap of %2 bytes")
                     .arg(length.toLongLong())
                     .arg(cap()));
    }

    void onData() {
        if (m_reported)
            return;
        m_firstByte.stop();
        const QByteArray chunk = m_reply->readAll();
        m_bytes += chunk.size();
        if (m_bytes > cap()) {
            fail(QStringLiteral("body is over the cap of %1 bytes").arg(cap()));
            return;
        }
        if (m_target.kind == TargetKind::Pack)
            m_hash.add(chunk); // never held whole: hashed as it streams
        else
            m_body += chunk;
    }

    void onFinished() {
        if (m_reported)
            return;
        onData();
        if (m_reported)
            return;
        ProbeResult r = base();
        r.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_reply->error() != QNetworkReply::NoError && r.httpStatus < 400) {
            r.state = ProbeState::Failed;
            r.reason = networkReason();
            report(r);
            return;
        }
        if (r.httpStatus < 200 || r.httpStatus >= 300) {
            r.state = ProbeState::Failed;
            r.reason = QStringLiteral("HTTP %1").arg(r.httpStatus);
            report(r);
            return;
        }
        evaluate(r);
        report(r);
    }

    void evaluate(ProbeResult &r) {
        r.state = ProbeState::Ok;
        if (m_target.kind == TargetKind::Pack) {
            r.actualSha256 = QString::fromLatin1(m_hash.finish().toHex());
            if (r.actualSha256 != m_target.expectedSha256.toLower()) {
                r.state = ProbeState::Failed;
                r.reason = QStringLiteral("checksum mismatch: manifest says %1, pack is %2")
                               .arg(m_target.expectedSha256, r.actualSha256);
                return;
            }
        } else {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(m_body, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                r.state = ProbeState::Failed;
                r.reason = error.error != QJsonParseError::NoError
                               ? QStringLiteral("invalid JSON: %1 at byte %2")
                                     .arg(error.errorString())
                                     .arg(error.offset)
                               : QStringLiteral("invalid JSON: not an object");
                return;
            }
            const QJsonObject o = doc.object();
            if (m_target.kind == TargetKind::Manifest) {
                for (const char *field : {"version", "published_at", "pack_url", "pack_sha256"}) {
                    if (!o.value(QLatin1String(field)).isString() ||
                        o.value(QLatin1String(field)).toString().isEmpty()) {
                        r.state = ProbeState::Failed;
                        r.reason = QStringLiteral("missing field '%1'").arg(QLatin1String(field));
                        return;
                    }
                }
                const auto published = Time::parseIso(o.value(QStringLiteral("published_at")).toString());
                const QString sha = o.value(QStringLiteral("pack_sha256")).toString();
                if (!published) {
                    r.state = ProbeState::Failed;
                    r.reason = QStringLiteral("field 'published_at' is not a UTC ISO-8601 time");
                    return;
                }
                if (sha.size() != 64 || QByteArray::fromHex(sha.toLatin1()).size() != 32) {
                    r.state = ProbeState::Failed;
                    r.reason = QStringLiteral("field 'pack_sha256' is not 64 hex digits");
                    return;
                }
                r.ageS = (r.checkedAtMs - *published) / 1000;
                m_packUrl = m_reply->url().resolved(QUrl(o.value(QStringLiteral("pack_url")).toString()));
                m_packSha = sha.toLower();
                if (m_target.freshnessHours > 0 && *r.ageS > qint64(m_target.freshnessHours) * 3600) {
                    r.state = ProbeState::Stale;
                    r.reason = QStringLiteral("manifest is %1 h old, over the %2 h threshold")
                                   .arg(double(*r.ageS) / 3600.0, 0, 'f', 1)
                                   .arg(m_target.freshnessHours);
                    return;
                }
            }
        }
        if (r.latencyMs > m_settings.slowMs) {
            r.state = ProbeState::Degraded;
            r.reason = QStringLiteral("slow: %1 ms, over %2 ms").arg(r.latencyMs).arg(m_settings.slowMs);
        }
    }

    QString networkReason() const {
        const QString host =
            m_reply->url().host() +
            (m_reply->url().port() > 0 ? QStringLiteral(":%1").arg(m_reply->url().port()) : QString());
        switch (m_reply->error()) {
        case QNetworkReply::HostNotFoundError:
            return QStringLiteral("DNS: host %1 not found").arg(m_reply->url().host());
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused by %1").arg(host);
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("connection closed by %1 before a complete response").arg(host);
        case QNetworkReply::SslHandshakeFailedError:
            return QStringLiteral("TLS: %1").arg(m_reply->errorString());
        case QNetworkReply::TooManyRedirectsError:
            return QStringLiteral("redirect loop or more than %1 redirects").arg(m_settings.maxRedirects);
        case QNetworkReply::InsecureRedirectError:
            return QStringLiteral("redirect to a less secure URL refused");
        case QNetworkReply::TimeoutError:
            return QStringLiteral("timeout");
        default:
            return QStringLiteral("network error: %1").arg(m_reply->errorString());
        }
    }

    ProbeResult base() const {
        ProbeResult r;
        r.target = m_target;
        r.latencyMs = m_elapsed.elapsed();
        r.checkedAtMs = m_clock();
        r.bytes = m_bytes;
        return r;
    }

    void fail(const QString &reason) {
        if (m_reported)
            return;
        ProbeResult r = base();
        r.state = ProbeState::Failed;
        r.reason = reason;
        report(r);
        m_reply->abort();
    }

    void report(const ProbeResult &r) {
        if (m_reported)
            return;
        m_reported = true;
        m_firstByte.stop();
        m_total.stop();
        Q_EMIT done(this, r);
    }

public:
    int m_manager = 0; // which access manager of the engine's pool carries it
    QUrl m_packUrl;
    QString m_packSha;
    QNetworkReply *m_reply = nullptr;

private:
    ProbeTarget m_target;
    ProbeSettings m_settings;
    Time::Clock m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_firstByte;
    QTimer m_total;
    QByteArray m_body;
    crypto::Sha256 m_hash;
    qint64 m_bytes = 0;
    bool m_reported = false;
};

ProbeEngine::ProbeEngine(DeploymentConfig config, Secret operatorToken, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_token(std::move(operatorToken)) {
    // Each manager has its own network thread: more of them than the machine has cores to spare
    // costs more in switching than the extra connections gain.
    const int wanted = (m_config.probes.concurrency + kConnectionsPerManager - 1) / kConnectionsPerManager;
    const int cap = qMax(2, 2 * QThread::idealThreadCount());
    const int managers = qBound(1, wanted, cap);
    m_maxInFlight = qMin(m_config.probes.concurrency, managers * kConnectionsPerManager);
    // Built once: reading the CA file for every request would cost more than the request.
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.probes.caFile.isEmpty())
        m_ssl.addCaCertificates(m_config.probes.caFile, QSsl::Pem);
    if (m_config.probes.insecureTls)
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // dev only: refused by policy elsewhere
    for (int i = 0; i < managers; ++i) {
        auto *nam = new QNetworkAccessManager(this);
        nam->setAutoDeleteReplies(false);
        m_nams.append(nam);
        m_namLoad.append(0);
    }
}

ProbeEngine::~ProbeEngine() = default;

QList<ProbeTarget> ProbeEngine::targets(const QString &scope) const {
    QList<ProbeTarget> out;
    for (const ScopeConfig *s : m_config.orderedScopes()) {
        if (!scope.isEmpty() && s->id != scope)
            continue;
        out.append(ProbeTarget{s->id + QStringLiteral("/manifest"), s->id, TargetKind::Manifest, s->manifest,
                               s->auth, s->freshnessHours, QString()});
        if (s->resolver.isValid())
            out.append(ProbeTarget{s->id + QStringLiteral("/resolver"), s->id, TargetKind::Resolver,
                                   s->resolver, s->auth, 0, QString()});
        if (s->rules.isValid())
            out.append(ProbeTarget{s->id + QStringLiteral("/rules"), s->id, TargetKind::Rules, s->rules,
                                   s->auth, 0, QString()});
    }
    if (scope.isEmpty())
        for (const ServiceConfig &svc : m_config.services)
            out.append(ProbeTarget{svc.id + QStringLiteral("/readyz"), QString(), TargetKind::Readyz,
                                   svc.readyz, svc.auth, 0, QString()});
    return out;
}

void ProbeEngine::runRound(const QString &scope) {
    m_round.clear();
    const QList<ProbeTarget> all = targets(scope);
    for (const ProbeTarget &t : all)
        enqueue(t);
    if (all.isEmpty())
        Q_EMIT roundFinished(m_round);
}

void ProbeEngine::enqueue(const ProbeTarget &target) {
    m_queue.enqueue(target);
    startMore();
}

void ProbeEngine::startMore() {
    while (m_inFlight < m_maxInFlight && !m_queue.isEmpty()) {
        auto *job = new ProbeJob(m_queue.dequeue(), m_config.probes, m_clock, this);
        connect(job, &ProbeJob::done, this, &ProbeEngine::jobDone);
        ++m_inFlight;
        const auto least = std::min_element(m_namLoad.begin(), m_namLoad.end()) - m_namLoad.begin();
        ++m_namLoad[least];
        job->m_manager = static_cast<int>(least);
        job->start(m_nams.at(least), m_token, m_ssl);
    }
}

void ProbeEngine::jobDone(ProbeJob *job, const ProbeResult &result) {
    --m_inFlight;
    --m_namLoad[job->m_manager];
    m_round.append(result);
    Q_EMIT resultReady(result);
    // A manifest names its pack: probe that next, against the manifest's digest.
    if (result.target.kind == TargetKind::Manifest &&
        (result.state == ProbeState::Ok || result.state == ProbeState::Stale ||
         result.state == ProbeState::Degraded)) {
        ProbeTarget pack{result.target.scope + QStringLiteral("/pack"),
                         result.target.scope,
                         TargetKind::Pack,
                         job->m_packUrl,
                         result.target.auth,
                         0,
                         job->m_packSha};
        m_queue.enqueue(pack);
    }
    if (job->m_reply)
        job->m_reply->deleteLater();
    job->deleteLater();
    startMore();
    if (m_inFlight == 0 && m_queue.isEmpty())
        Q_EMIT roundFinished(m_round);
}

} // namespace ops

#include "ProbeEngine.moc"
