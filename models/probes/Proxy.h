#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ops {

// The proxies of the process environment, as curl reads them: https_proxy / HTTPS_PROXY for https
// URLs, http_proxy / HTTP_PROXY for http ones (lower case first), and no_proxy / NO_PROXY: a comma
// list of hosts that go direct — "*" for all, a name for itself and its subdomains ("example.org"
// and ".example.org" both match "cdn.example.org"), an IP literal for itself, "host:port" for that
// port only. A proxy is an http:// URL (a bare "host:port" is read as one), with user:password for
// Proxy-Authorization (Basic). A proxy variable that cannot be read is an error of every probe it
// would carry, never a silent direct connection.
struct ProxySettings {
    QUrl http;
    QUrl https;
    QString httpProblem, httpsProblem;
    QStringList noProxy;

    struct Choice {
        std::optional<QUrl> proxy; // none: go direct
        QString error;
    };

    static ProxySettings
    fromEnvironment(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    Choice choose(const QUrl &target) const;
    bool bypasses(const QUrl &target) const;
    bool isEmpty() const {
        return http.isEmpty() && https.isEmpty() && httpProblem.isEmpty() && httpsProblem.isEmpty();
    }
    // "Basic …" from the proxy URL's user info, empty without one.
    static QByteArray authorization(const QUrl &proxy);
};

// The same choice for Qt's own HTTP clients (the publisher's rebind, webhook notifications),
// except that loopback always goes direct (a plain-http hook on 127.0.0.1 must stay local).
class EnvironmentProxyFactory final : public QNetworkProxyFactory {
public:
    explicit EnvironmentProxyFactory(ProxySettings settings = ProxySettings::fromEnvironment())
        : m_settings(std::move(settings)) {}
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

private:
    ProxySettings m_settings;
};

} // namespace ops
