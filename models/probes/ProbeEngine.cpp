#include "ProbeEngine.h"

#include "HttpClient.h"
#include "crypto/Sha256.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTimer>

namespace ops {

namespace {
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

    void start(HttpConnectionPool *pool, const Secret &token, const QSslConfiguration &ssl,
               std::shared_ptr<const ProxySettings> proxy) {
        HttpGet::Options options;
        options.maxRedirects = m_settings.maxRedirects;
        options.ssl = ssl;
        options.proxy = std::move(proxy);
        if (m_target.auth && token.isSet())
            options.authorization = "Bearer " + token.reveal();
        m_get = new HttpGet(pool, m_target.url, std::move(options), this);
        m_get->onResponseStarted = [this] { m_firstByte.stop(); };
        m_get->onHead = [this](const HttpResponseParser::Head &head) { onHead(head); };
        m_get->onBody = [this](QByteArrayView piece) { onData(piece); };
        m_get->onFinished = [this](const Phrase &error) { onFinished(error); };

        m_firstByte.setSingleShot(true);
        m_total.setSingleShot(true);
        m_firstByte.setTimerType(Qt::PreciseTimer); // coarse timers may fire 5 % early or late
        m_total.setTimerType(Qt::PreciseTimer);
        connect(&m_firstByte, &QTimer::timeout, this, [this] {
            fail(Phrase("ops::ProbeEngine",
                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "timeout: no response within %1 ms"),
                        {QString::number(m_settings.connectTimeoutMs)}));
        });
        connect(&m_total, &QTimer::timeout, this, [this] {
            fail(Phrase("ops::ProbeEngine",
                        QT_TRANSLATE_NOOP("ops::ProbeEngine",
                                          "timeout: response not complete within %1 ms (%2 bytes received)"),
                        {QString::number(m_settings.timeoutMs), QString::number(m_bytes)}));
        });
        m_elapsed.start();
        m_firstByte.start(m_settings.connectTimeoutMs);
        m_total.start(m_settings.timeoutMs);
        m_get->start();
    }

Q_SIGNALS:
    void done(ops::ProbeJob *job, const ops::ProbeResult &result);

private:
    qint64 cap() const {
        return m_target.kind == TargetKind::Pack ? m_settings.maxBodyBytes
                                                 : qMin(m_settings.maxBodyBytes, kJsonCap);
    }

    void onHead(const HttpResponseParser::Head &head) {
        m_status = head.status;
        if (head.status < 200 || head.status >= 300) {
            ProbeResult r = base();
            r.httpStatus = head.status;
            r.state = ProbeState::Failed;
            r.reason = Phrase(QStringLiteral("HTTP %1").arg(head.status));
            report(r); // the body of an error page is not wanted
            return;
        }
        if (head.contentLength > cap())
            fail(Phrase("ops::ProbeEngine",
                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "body of %1 bytes is over the cap of %2 bytes"),
                        {QString::number(head.contentLength), QString::number(cap())}));
    }

    void onData(QByteArrayView piece) {
        if (m_reported)
            return;
        m_bytes += piece.size();
        if (m_bytes > cap()) { // also when Content-Length was absent or lied
            fail(Phrase("ops::ProbeEngine",
                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "body is over the cap of %1 bytes"),
                        {QString::number(cap())}));
            return;
        }
        if (m_target.kind == TargetKind::Pack)
            m_hash.add(piece); // never held whole: hashed as it streams
        else
            m_body.append(piece);
    }

    void onFinished(const Phrase &error) {
        if (m_reported)
            return;
        ProbeResult r = base();
        r.httpStatus = m_status;
        if (!error.isEmpty()) {
            r.state = ProbeState::Failed;
            r.reason = error;
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
                r.reason = Phrase(
                    "ops::ProbeEngine",
                    QT_TRANSLATE_NOOP("ops::ProbeEngine", "checksum mismatch: manifest says %1, pack is %2"),
                    {m_target.expectedSha256, r.actualSha256});
                return;
            }
        } else {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(m_body, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                r.state = ProbeState::Failed;
                r.reason = error.error != QJsonParseError::NoError
                               ? Phrase("ops::ProbeEngine",
                                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "invalid JSON: %1 at byte %2"),
                                        {error.errorString(), QString::number(error.offset)})
                               : Phrase("ops::ProbeEngine",
                                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "invalid JSON: not an object"));
                return;
            }
            const QJsonObject o = doc.object();
            if (m_target.kind == TargetKind::Manifest) {
                for (const char *field : {"version", "published_at", "pack_url", "pack_sha256"}) {
                    if (!o.value(QLatin1String(field)).isString() ||
                        o.value(QLatin1String(field)).toString().isEmpty()) {
                        r.state = ProbeState::Failed;
                        r.reason = Phrase("ops::ProbeEngine",
                                          QT_TRANSLATE_NOOP("ops::ProbeEngine", "missing field '%1'"),
                                          {QString::fromLatin1(field)});
                        return;
                    }
                }
                const auto published = Time::parseIso(o.value(QStringLiteral("published_at")).toString());
                const QString sha = o.value(QStringLiteral("pack_sha256")).toString();
                if (!published) {
                    r.state = ProbeState::Failed;
                    r.reason = Phrase("ops::ProbeEngine",
                                      QT_TRANSLATE_NOOP("ops::ProbeEngine",
                                                        "field 'published_at' is not a UTC ISO-8601 time"));
                    return;
                }
                if (sha.size() != 64 || QByteArray::fromHex(sha.toLatin1()).size() != 32) {
                    r.state = ProbeState::Failed;
                    r.reason = Phrase(
                        "ops::ProbeEngine",
                        QT_TRANSLATE_NOOP("ops::ProbeEngine", "field 'pack_sha256' is not 64 hex digits"));
                    return;
                }
                r.ageS = (r.checkedAtMs - *published) / 1000;
                m_packUrl = m_get->url().resolved(QUrl(o.value(QStringLiteral("pack_url")).toString()));
                m_packSha = sha.toLower();
                if (m_target.freshnessHours > 0 && *r.ageS > qint64(m_target.freshnessHours) * 3600) {
                    r.state = ProbeState::Stale;
                    r.reason = Phrase("ops::ProbeEngine",
                                      QT_TRANSLATE_NOOP("ops::ProbeEngine",
                                                        "manifest is %1 h old, over the %2 h threshold"),
                                      {QString::number(double(*r.ageS) / 3600.0, 'f', 1),
                                       QString::number(m_target.freshnessHours)});
                    return;
                }
            }
        }
        if (r.latencyMs > m_settings.slowMs) {
            r.state = ProbeState::Degraded;
            r.reason =
                Phrase("ops::ProbeEngine", QT_TRANSLATE_NOOP("ops::ProbeEngine", "slow: %1 ms, over %2 ms"),
                       {QString::number(r.latencyMs), QString::number(m_settings.slowMs)});
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

    void fail(const Phrase &reason) {
        if (m_reported)
            return;
        ProbeResult r = base();
        r.state = ProbeState::Failed;
        r.reason = reason;
        report(r);
    }

    void report(const ProbeResult &r) {
        if (m_reported)
            return;
        m_reported = true;
        m_firstByte.stop();
        m_total.stop();
        if (m_get)
            m_get->abort(); // nothing more from the network
        Q_EMIT done(this, r);
    }

public:
    QUrl m_packUrl;
    QString m_packSha;

private:
    ProbeTarget m_target;
    ProbeSettings m_settings;
    Time::Clock m_clock;
    HttpGet *m_get = nullptr;
    int m_status = 0;
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
    , m_token(std::move(operatorToken))
    , m_maxInFlight(qMax(1, m_config.probes.concurrency))
    // Enough idle connections to carry a whole round again at full concurrency, and a few more.
    , m_pool(new HttpConnectionPool(qMax(16, 2 * m_maxInFlight), this)) {
    // Built once: reading the CA file for every request would cost more than the request.
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.probes.caFile.isEmpty())
        m_ssl.addCaCertificates(m_config.probes.caFile, QSsl::Pem);
    if (m_config.probes.insecureTls)
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // dev only: refused by policy elsewhere
    if (ProxySettings env = ProxySettings::fromEnvironment(); !env.isEmpty())
        m_proxy = std::make_shared<const ProxySettings>(std::move(env));
}

void ProbeEngine::setProxySettings(const ProxySettings &settings) {
    m_proxy = settings.isEmpty() ? nullptr : std::make_shared<const ProxySettings>(settings);
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
        job->start(m_pool, m_token, m_ssl, m_proxy);
    }
}

void ProbeEngine::jobDone(ProbeJob *job, const ProbeResult &result) {
    --m_inFlight;
    m_round.append(result);
    Q_EMIT resultReady(result);
    // A manifest names its pack: probe that next, against the manifest's digest.
    if (result.target.kind == TargetKind::Manifest &&
        (result.state == ProbeState::Ok || result.state == ProbeState::Stale ||
         result.state == ProbeState::Degraded)) {
        // The pack URL comes from the manifest, which is outside input: the operator token goes
        // with it only to the origin the config names for the manifest.
        const bool sameOrigin =
            HttpConnectionPool::originOf(job->m_packUrl) == HttpConnectionPool::originOf(result.target.url);
        ProbeTarget pack{result.target.scope + QStringLiteral("/pack"),
                         result.target.scope,
                         TargetKind::Pack,
                         job->m_packUrl,
                         result.target.auth && sameOrigin,
                         0,
                         job->m_packSha};
        // Nor does the console fetch from any host a manifest names: the manifest's own origin, or
        // a host the config lists.
        if (!sameOrigin && !m_config.probes.packHosts.contains(job->m_packUrl.host().toLower())) {
            ProbeResult refused;
            refused.target = pack;
            refused.state = ProbeState::Failed;
            refused.reason = Phrase("ops::ProbeEngine",
                                    QT_TRANSLATE_NOOP("ops::ProbeEngine",
                                                      "pack_url points to %1, not the manifest's host; "
                                                      "allowed only when listed in probes.pack_hosts"),
                                    {job->m_packUrl.host()});
            refused.checkedAtMs = m_clock();
            m_round.append(refused);
            Q_EMIT resultReady(refused);
        } else {
            m_queue.enqueue(pack);
        }
    }
    job->deleteLater();
    startMore();
    if (m_inFlight == 0 && m_queue.isEmpty())
        Q_EMIT roundFinished(m_round);
}

} // namespace ops

#include "ProbeEngine.moc"
