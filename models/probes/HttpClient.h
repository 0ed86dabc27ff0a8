#pragma once

#include "HttpResponseParser.h"
#include "Proxy.h"
#include "core/Phrase.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace ops {

// Idle keep-alive connections, by origin (scheme://host:port), all on one thread. A connection
// that says anything or closes while idle is dropped at once; at most maxIdle are kept in all
// (the oldest go first), so a config of many hosts cannot pile up descriptors.
class HttpConnectionPool final : public QObject {
    Q_OBJECT
public:
    explicit HttpConnectionPool(int maxIdle, QObject *parent = nullptr);
    ~HttpConnectionPool() override;

    static QString originOf(const QUrl &url);
    QTcpSocket *take(const QString &origin); // nullptr when none is idle
    void put(const QString &origin, QTcpSocket *socket);
    int idleCount() const { return m_count; }
    // A read buffer shared by the requests of this pool's thread, lent to one reader at a time
    // (a reader re-entered from a nested event loop gets none and uses its own).
    static constexpr qsizetype kScratch = 256 * 1024;
    class ScratchLease {
    public:
        explicit ScratchLease(HttpConnectionPool &pool)
            : m_pool(pool)
            , m_held(!pool.m_scratchBusy) {
            pool.m_scratchBusy = true;
        }
        ~ScratchLease() {
            if (m_held)
                m_pool.m_scratchBusy = false;
        }
        ScratchLease(const ScratchLease &) = delete;
        ScratchLease &operator=(const ScratchLease &) = delete;
        char *buffer() const { return m_held ? m_pool.m_scratch.data() : nullptr; }

    private:
        HttpConnectionPool &m_pool;
        bool m_held;
    };

private:
    void drop(QTcpSocket *socket);

    QHash<QString, QList<QTcpSocket *>> m_idle; // most recently used last
    QList<QTcpSocket *> m_order;                // oldest first, for eviction
    int m_count = 0;
    int m_maxIdle;
    QByteArray m_scratch;
    bool m_scratchBusy = false;
};

// One GET over HTTP/1.1 (or HTTPS, always verified against the configuration's CAs), following
// at most maxRedirects redirects (never from https to http; Authorization only to the first
// URL's origin), reusing pooled connections and retrying once on a fresh one when a reused
// connection turns out to have been closed before it answered. It has no timers and no caps of
// its own: the caller cuts it with abort() when its timeouts or caps say so. Callbacks may call
// abort(); after onFinished, nothing more is called.
class HttpGet final : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxRedirects = 5;
        QByteArray authorization; // the whole header value; never logged
        QSslConfiguration ssl;
        // Proxies from the environment: http through an absolute-form request, https through an
        // HTTP CONNECT tunnel, the TLS session (and its checks) end to end with the target.
        std::shared_ptr<const ProxySettings> proxy;
    };

    HttpGet(HttpConnectionPool *pool, QUrl url, Options options, QObject *parent = nullptr);
    ~HttpGet() override;

    void start();
    void abort();                             // closes the connection; no more callbacks
    const QUrl &url() const { return m_url; } // the URL that answered, after redirects

    std::function<void()> onResponseStarted;                      // first byte of an answer
    std::function<void(const HttpResponseParser::Head &)> onHead; // the final response's head
    std::function<void(QByteArrayView)> onBody;                   // its body, piece by piece
    std::function<void(const Phrase &error)> onFinished;          // empty error: complete

private:
    void startHop();
    void attach(QTcpSocket *socket);
    // Lets go of the connection: back to the pool (keep) or closed.
    void release(bool keep);
    void onReadyRead();
    void onSocketError();
    void onClosed();
    bool consume(QByteArrayView data); // false once finished
    void headArrived();
    void redirect();
    void finish(const Phrase &error);
    QByteArray requestBytes() const;
    QString hostPort() const;
    bool retryOnFreshConnection();
    // The CONNECT tunnel's answer, before TLS starts: false once finished.
    bool tunnelAnswer(QByteArrayView data);

    HttpConnectionPool *m_pool;
    QUrl m_url;
    QString m_firstOrigin;
    Options m_options;
    QTcpSocket *m_socket = nullptr;
    QString m_origin;
    bool m_reused = false;
    bool m_retried = false;
    bool m_headSeen = false;
    bool m_started = false;
    bool m_finished = false;
    int m_hops = 0;
    HttpResponseParser m_parser;
    QList<QSslError> m_sslErrors;
    QUrl m_via;            // the proxy of this hop, empty when direct
    bool m_tunnel = false; // waiting for the proxy's answer to CONNECT
    QByteArray m_tunnelHead;
};

} // namespace ops
