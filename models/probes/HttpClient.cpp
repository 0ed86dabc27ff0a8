#include "HttpClient.h"

#include <QSet>
#include <QSslSocket>
#include <QTcpSocket>

namespace ops {

namespace {

// Why the TLS handshake failed, in words of our own (Qt's texts come in the window's language, and
// the log records English): each certificate problem once, in the order Qt found them.
Phrase tlsReason(const QList<QSslError> &errors, const QString &host) {
    std::vector<Phrase> parts;
    QSet<int> seen;
    for (const QSslError &e : errors) {
        if (seen.contains(int(e.error())))
            continue;
        seen.insert(int(e.error()));
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
            parts.push_back(
                Phrase("ops::HttpGet",
                       QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate is self-signed and not trusted")));
            break;
        case QSslError::CertificateExpired:
            parts.push_back(
                Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate has expired")));
            break;
        case QSslError::CertificateNotYetValid:
            parts.push_back(Phrase("ops::HttpGet",
                                   QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate is not valid yet")));
            break;
        case QSslError::HostNameMismatch:
            parts.push_back(
                Phrase("ops::HttpGet",
                       QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate is not for the host %1"), {host}));
            break;
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            parts.push_back(
                Phrase("ops::HttpGet",
                       QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate's issuer is not trusted")));
            break;
        case QSslError::CertificateRevoked:
            parts.push_back(
                Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "the certificate was revoked")));
            break;
        case QSslError::NoPeerCertificate:
            parts.push_back(
                Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "the server sent no certificate")));
            break;
        default:
            parts.push_back(Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "certificate error %1"),
                                   {QString::number(int(e.error()))}));
        }
    }
    if (parts.empty())
        return Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "TLS: the handshake failed"));
    return Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "TLS: %1"),
                  {Phrase::joined(std::move(parts), QStringLiteral("; "))});
}

} // namespace

namespace {

bool isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// A connection no one will use again: silenced, closed, deleted when control returns.
void discard(QTcpSocket *socket) {
    socket->disconnect();
    socket->abort();
    socket->deleteLater();
}

bool supported(const QUrl &url) {
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

// ---- the pool -------------------------------------------------------------------------------

HttpConnectionPool::HttpConnectionPool(int maxIdle, QObject *parent)
    : QObject(parent)
    , m_maxIdle(qMax(1, maxIdle))
    , m_scratch(kScratch, Qt::Uninitialized) {
}

HttpConnectionPool::~HttpConnectionPool() {
    for (QTcpSocket *s : std::as_const(m_order)) {
        s->disconnect(this);
        s->abort();
        delete s;
    }
}

QString HttpConnectionPool::originOf(const QUrl &url) {
    const bool tls = url.scheme() == QLatin1String("https");
    return url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded) + QLatin1Char(':') +
           QString::number(url.port(tls ? 443 : 80));
}

QTcpSocket *HttpConnectionPool::take(const QString &origin) {
    auto it = m_idle.find(origin);
    if (it == m_idle.end() || it->isEmpty())
        return nullptr;
    QTcpSocket *socket = it->takeLast();
    if (it->isEmpty())
        m_idle.erase(it);
    m_order.removeOne(socket);
    --m_count;
    socket->disconnect(this);
    socket->setParent(nullptr);
    return socket;
}

void HttpConnectionPool::put(const QString &origin, QTcpSocket *socket) {
    if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0) {
        discard(socket);
        return;
    }
    socket->setParent(this);
    // An idle connection has nothing to say: if it speaks or closes, it is no longer usable.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { drop(socket); });
    m_idle[origin].append(socket);
    m_order.append(socket);
    ++m_count;
    while (m_count > m_maxIdle)
        drop(m_order.constFirst());
}

void HttpConnectionPool::drop(QTcpSocket *socket) {
    if (!m_order.removeOne(socket))
        return;
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        if (it->removeOne(socket)) {
            if (it->isEmpty())
                m_idle.erase(it);
            break;
        }
    }
    --m_count;
    discard(socket);
}

// ---- one GET --------------------------------------------------------------------------------

HttpGet::HttpGet(HttpConnectionPool *pool, QUrl url, Options options, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_url(std::move(url))
    , m_firstOrigin(HttpConnectionPool::originOf(m_url))
    , m_options(std::move(options)) {
}

HttpGet::~HttpGet() {
    release(false); // (a connection still in use is our child: it goes with us)
}

void HttpGet::start() {
    if (!supported(m_url)) {
        finish(Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "unsupported URL '%1'"),
                      {m_url.toDisplayString()}));
        return;
    }
    startHop();
}

void HttpGet::abort() {
    m_finished = true;
    release(false);
}

QString HttpGet::hostPort() const {
    return m_url.host() + (m_url.port() > 0 ? QStringLiteral(":%1").arg(m_url.port()) : QString());
}

QByteArray HttpGet::requestBytes() const {
    QByteArray path = m_url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (m_url.hasQuery())
        path += '?' + m_url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    if (m_url.port() > 0)
        host += ':' + QByteArray::number(m_url.port());
    QByteArray proxyAuth;
    if (m_via.isValid() && m_url.scheme() == QLatin1String("http")) {
        // Through an http proxy: the absolute form, and the proxy's own credentials.
        path = "http://" + host + path;
        if (const QByteArray a = ProxySettings::authorization(m_via); !a.isEmpty())
            proxyAuth = "Proxy-Authorization: " + a + "\r\n";
    }
    QByteArray out;
    out.reserve(160 + path.size() + m_options.authorization.size());
    out +=
        "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: opsconsole-probe\r\nAccept: */*\r\n";
    if (!m_options.authorization.isEmpty() && HttpConnectionPool::originOf(m_url) == m_firstOrigin)
        out += "Authorization: " + m_options.authorization + "\r\n";
    out += proxyAuth + "\r\n";
    return out;
}

void HttpGet::startHop() {
    m_parser = HttpResponseParser{};
    m_headSeen = false;
    m_sslErrors.clear();
    m_via = QUrl();
    m_tunnel = false;
    m_tunnelHead.clear();
    if (m_options.proxy) {
        const ProxySettings::Choice choice = m_options.proxy->choose(m_url);
        if (!choice.error.isEmpty()) {
            finish(choice.error);
            return;
        }
        if (choice.proxy)
            m_via = *choice.proxy;
    }
    // A connection through a proxy is another connection than a direct one to the same origin.
    m_origin = HttpConnectionPool::originOf(m_url) +
               (m_via.isValid() ? QStringLiteral(" via ") + HttpConnectionPool::originOf(m_via) : QString());
    QTcpSocket *socket = m_pool->take(m_origin);
    m_reused = socket != nullptr;
    if (!socket) {
        const bool tls = m_url.scheme() == QLatin1String("https");
        const quint16 port = static_cast<quint16>(m_url.port(tls ? 443 : 80));
        const QString connectHost = m_via.isValid() ? m_via.host() : m_url.host();
        const quint16 connectPort = m_via.isValid() ? static_cast<quint16>(m_via.port(80)) : port;
        if (tls) {
            auto *ssl = new QSslSocket;
            ssl->setSslConfiguration(m_options.ssl);
            // Never ignored: the handshake fails on any of them, and the reason says which.
            connect(ssl, &QSslSocket::sslErrors, this,
                    [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
            socket = ssl;
            attach(socket);
            if (m_via.isValid()) {
                // HTTP CONNECT: the proxy carries bytes; TLS and its checks are with the target.
                ssl->setPeerVerifyName(m_url.host());
                ssl->connectToHost(connectHost, connectPort);
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                QByteArray target = m_url.host(QUrl::FullyEncoded).toLatin1();
                if (target.contains(':'))
                    target = '[' + target + ']';
                target += ':' + QByteArray::number(port);
                QByteArray request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
                if (const QByteArray a = ProxySettings::authorization(m_via); !a.isEmpty())
                    request += "Proxy-Authorization: " + a + "\r\n";
                m_tunnel = true;
                socket->write(request + "\r\n");
                return; // the request follows once the tunnel is up and encrypted
            }
            ssl->connectToHostEncrypted(m_url.host(), port);
        } else {
            socket = new QTcpSocket;
            attach(socket);
            socket->connectToHost(connectHost, connectPort);
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    } else {
        attach(socket);
    }
    socket->write(requestBytes()); // buffered until connected (and encrypted)
}

bool HttpGet::tunnelAnswer(QByteArrayView data) {
    m_tunnelHead.append(data);
    const qsizetype end = m_tunnelHead.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_tunnelHead.size() > 16 * 1024) {
            finish(Phrase("ops::HttpGet",
                          QT_TRANSLATE_NOOP("ops::HttpGet", "proxy %1 sent an overlong answer to CONNECT"),
                          {m_via.host()}));
            return false;
        }
        return true;
    }
    const QByteArray status = m_tunnelHead.left(m_tunnelHead.indexOf("\r\n"));
    const QList<QByteArray> parts = status.split(' ');
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1.") || !parts.at(1).startsWith('2') ||
        end + 4 != m_tunnelHead.size()) {
        finish(Phrase("ops::HttpGet",
                      QT_TRANSLATE_NOOP("ops::HttpGet", "proxy %1:%2 refused the tunnel to %3: %4"),
                      {m_via.host(), QString::number(m_via.port(80)), hostPort(),
                       QString::fromLatin1(status.left(120))}));
        return false;
    }
    m_tunnel = false;
    m_tunnelHead.clear();
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    connect(ssl, &QSslSocket::encrypted, this, [this] {
        if (m_socket && !m_finished)
            m_socket->write(requestBytes());
    });
    ssl->startClientEncryption();
    return true;
}

void HttpGet::attach(QTcpSocket *socket) {
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpGet::onReadyRead);
    connect(socket, &QTcpSocket::errorOccurred, this, &HttpGet::onSocketError);
    connect(socket, &QTcpSocket::disconnected, this, &HttpGet::onClosed);
}

void HttpGet::release(bool keep) {
    QTcpSocket *socket = m_socket;
    if (!socket)
        return;
    socket->disconnect(this); // the sslErrors handler too: its context is this
    m_socket = nullptr;
    if (keep)
        m_pool->put(m_origin, socket);
    else
        discard(socket);
}

void HttpGet::onReadyRead() {
    // The pool's buffer, unless a callback below re-entered the event loop while it was in use.
    QByteArray own;
    const HttpConnectionPool::ScratchLease lease(*m_pool);
    char *buffer = lease.buffer();
    if (!buffer) {
        own.resize(HttpConnectionPool::kScratch);
        buffer = own.data();
    }
    while (m_socket && !m_finished) {
        const qint64 n = m_socket->read(buffer, HttpConnectionPool::kScratch);
        if (n <= 0)
            return;
        if (m_tunnel) {
            // The proxy's answer to CONNECT: not the target's response (no first byte yet).
            if (!tunnelAnswer(QByteArrayView(buffer, n)))
                return;
            continue;
        }
        if (!m_started) {
            m_started = true;
            if (onResponseStarted)
                onResponseStarted();
            if (m_finished)
                return;
        }
        if (!consume(QByteArrayView(buffer, n)))
            return;
    }
}

bool HttpGet::consume(QByteArrayView data) {
    const HttpResponseParser::BodySink sink = [this](QByteArrayView piece) {
        if (!m_finished && onBody && !piece.isEmpty())
            onBody(piece);
    };
    while (!m_finished) {
        const qsizetype used = m_parser.feed(data, sink);
        data = data.sliced(used);
        if (m_finished)
            return false;
        if (m_parser.state() == HttpResponseParser::State::Failed) {
            finish(m_parser.error());
            return false;
        }
        if (m_parser.headComplete() && !m_headSeen) {
            m_headSeen = true;
            const int hop = m_hops;
            headArrived();
            if (m_finished || !m_socket || m_hops != hop)
                return false; // finished, or a redirect started a new hop: the rest is not for it
            continue;
        }
        if (m_parser.state() == HttpResponseParser::State::Done) {
            // Bytes beyond the response mean the server does not frame its answers: never reuse.
            release(m_parser.reusable() && data.isEmpty());
            finish(QString());
            return false;
        }
        if (data.isEmpty())
            return true;
    }
    return false;
}

void HttpGet::headArrived() {
    const HttpResponseParser::Head &head = m_parser.head();
    if (isRedirect(head.status) && !head.location.isEmpty()) {
        redirect();
        return;
    }
    if (onHead)
        onHead(head);
}

void HttpGet::redirect() {
    const QByteArray location = m_parser.head().location;
    // The redirect's own body is not wanted: keep the connection only if it has none left.
    release(m_parser.reusable());
    if (++m_hops > m_options.maxRedirects) {
        finish(Phrase("ops::HttpGet",
                      QT_TRANSLATE_NOOP("ops::HttpGet", "redirect loop or more than %1 redirects"),
                      {QString::number(m_options.maxRedirects)}));
        return;
    }
    const QUrl next = m_url.resolved(QUrl::fromEncoded(location));
    if (!supported(next)) {
        finish(Phrase("ops::HttpGet",
                      QT_TRANSLATE_NOOP("ops::HttpGet", "redirect to an unsupported URL '%1'"),
                      {HttpResponseParser::excerpt(location)}));
        return;
    }
    if (m_url.scheme() == QLatin1String("https") && next.scheme() == QLatin1String("http")) {
        finish(Phrase("ops::HttpGet",
                      QT_TRANSLATE_NOOP("ops::HttpGet", "redirect to a less secure URL refused")));
        return;
    }
    m_url = next;
    m_started = false;
    m_retried = false;
    startHop();
}

bool HttpGet::retryOnFreshConnection() {
    // A kept-alive connection the server closed just before our request: say nothing, try anew.
    if (!m_reused || m_retried || m_parser.receivedAnything())
        return false;
    m_retried = true;
    release(false);
    m_started = false;
    while (QTcpSocket *idle = m_pool->take(m_origin)) // its siblings are likely stale too
        discard(idle);
    startHop();
    return true;
}

void HttpGet::onSocketError() {
    if (m_finished || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onClosed();
        return;
    }
    if (retryOnFreshConnection())
        return;
    Phrase reason;
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        reason =
            m_via.isValid()
                ? Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "DNS: proxy host %1 not found"),
                         {m_via.host()})
                : Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "DNS: host %1 not found"),
                         {m_url.host()});
        break;
    case QAbstractSocket::ConnectionRefusedError:
        reason = m_via.isValid()
                     ? Phrase("ops::HttpGet",
                              QT_TRANSLATE_NOOP("ops::HttpGet", "connection refused by the proxy %1:%2"),
                              {m_via.host(), QString::number(m_via.port(80))})
                     : Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "connection refused by %1"),
                              {hostPort()});
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError: {
        reason = tlsReason(m_sslErrors, m_url.host());
        break;
    }
    case QAbstractSocket::SocketTimeoutError:
        reason = Phrase("ops::HttpGet",
                        QT_TRANSLATE_NOOP("ops::HttpGet", "network error: the connection timed out"));
        break;
    case QAbstractSocket::NetworkError:
        reason = Phrase("ops::HttpGet",
                        QT_TRANSLATE_NOOP("ops::HttpGet", "network error: the network cannot be reached"));
        break;
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
        reason =
            Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "network error: the proxy %1 failed"),
                   {m_via.isValid() ? m_via.host() : QStringLiteral("?")});
        break;
    default:
        // Qt's text comes in the window's language; the log records it beside the error's number.
        reason = Phrase("ops::HttpGet", QT_TRANSLATE_NOOP("ops::HttpGet", "network error %1: %2"),
                        {QString::number(int(error)), m_socket->errorString()});
    }
    finish(reason);
}

void HttpGet::onClosed() {
    if (m_finished || !m_socket)
        return;
    onReadyRead(); // whatever arrived before the close
    if (m_finished || !m_socket)
        return;
    if (retryOnFreshConnection())
        return;
    m_parser.finish();
    if (m_parser.state() == HttpResponseParser::State::Done) { // a body delimited by the close
        finish(QString());
        return;
    }
    finish(
        Phrase("ops::HttpGet",
               QT_TRANSLATE_NOOP("ops::HttpGet", "connection closed by %1 before a complete response (%2)"),
               {hostPort(), m_parser.error()}));
}

void HttpGet::finish(const Phrase &error) {
    if (m_finished)
        return;
    m_finished = true;
    release(false);
    if (onFinished)
        onFinished(error);
}

} // namespace ops
