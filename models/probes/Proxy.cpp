#include "Proxy.h"

#include <QHostAddress>

namespace ops {

namespace {

QString firstSet(const QProcessEnvironment &env, const char *lower, const char *upper) {
    const QString l = env.value(QString::fromLatin1(lower)).trimmed();
    return l.isEmpty() ? env.value(QString::fromLatin1(upper)).trimmed() : l;
}

void readProxy(const QString &text, const char *name, QUrl &out, QString &problem) {
    if (text.isEmpty())
        return;
    QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        // Never echoes the value: it may hold a password.
        problem =
            QStringLiteral("%1 is set but is not an http://host:port proxy URL; probes through it are not "
                           "attempted")
                .arg(QLatin1String(name));
        return;
    }
    out = url;
}

} // namespace

ProxySettings ProxySettings::fromEnvironment(const QProcessEnvironment &env) {
    ProxySettings s;
    readProxy(firstSet(env, "http_proxy", "HTTP_PROXY"), "HTTP_PROXY", s.http, s.httpProblem);
    readProxy(firstSet(env, "https_proxy", "HTTPS_PROXY"), "HTTPS_PROXY", s.https, s.httpsProblem);
    for (QString entry : firstSet(env, "no_proxy", "NO_PROXY").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (!entry.isEmpty())
            s.noProxy << entry;
    }
    return s;
}

bool ProxySettings::bypasses(const QUrl &target) const {
    const QString host = target.host().toLower();
    const int port = target.port(target.scheme() == QLatin1String("https") ? 443 : 80);
    for (QString entry : noProxy) {
        if (entry == QLatin1String("*"))
            return true;
        int entryPort = -1;
        // "[v6]:port", or "host:port" (an unbracketed IPv6 literal has several colons and no port)
        if (entry.startsWith(QLatin1Char('[')) && entry.contains(QLatin1String("]:"))) {
            bool ok = false;
            entryPort = entry.mid(entry.indexOf(QLatin1String("]:")) + 2).toInt(&ok);
            if (!ok)
                continue;
            entry.truncate(entry.indexOf(QLatin1String("]:")) + 1);
        } else if (const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
                   colon > 0 && entry.count(QLatin1Char(':')) == 1) {
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (!ok)
                continue;
            entry.truncate(colon);
        }
        if (entry.startsWith(QLatin1Char('[')) && entry.endsWith(QLatin1Char(']')))
            entry = entry.mid(1, entry.size() - 2);
        if (entryPort >= 0 && entryPort != port)
            continue;
        if (QHostAddress(entry).isNull() == false) {
            if (QHostAddress(entry) == QHostAddress(host))
                return true;
            continue;
        }
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

ProxySettings::Choice ProxySettings::choose(const QUrl &target) const {
    const bool tls = target.scheme() == QLatin1String("https");
    const QString &problem = tls ? httpsProblem : httpProblem;
    const QUrl &proxy = tls ? https : http;
    if ((proxy.isEmpty() && problem.isEmpty()) || bypasses(target))
        return {};
    if (!problem.isEmpty())
        return {std::nullopt, problem};
    return {proxy, {}};
}

QByteArray ProxySettings::authorization(const QUrl &proxy) {
    if (proxy.userName().isEmpty())
        return {};
    return "Basic " +
           (proxy.userName(QUrl::FullyDecoded) + QLatin1Char(':') + proxy.password(QUrl::FullyDecoded))
               .toUtf8()
               .toBase64();
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query) {
    // A webhook or publisher on loopback never goes through a proxy: plain http to 127.0.0.1 is
    // allowed outside dev only because it stays on this machine.
    const QHostAddress address(query.url().host());
    if (query.url().host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        (!address.isNull() && address.isLoopback()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    const ProxySettings::Choice c = m_settings.choose(query.url());
    if (!c.error.isEmpty()) // never silently direct: a proxy that cannot be reached instead
        return {
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("unreadable-proxy-variable.invalid"), 9)};
    if (!c.proxy)
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return {QNetworkProxy(QNetworkProxy::HttpProxy, c.proxy->host(), static_cast<quint16>(c.proxy->port(80)),
                          c.proxy->userName(QUrl::FullyDecoded), c.proxy->password(QUrl::FullyDecoded))};
}

} // namespace ops
