#include "DemoPipeline.h"

#include "core/Time.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace ops::demo {

namespace {
QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

DemoPipeline::DemoPipeline(const DeploymentConfig &config, qint64 packBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_packBytes(packBytes) {
    for (const ScopeConfig &s : config.scopes)
        m_scopes.insert(s.id, Scope{s.id, 3, 2, QString()});
    for (const ServiceConfig &s : config.services)
        m_services << s.id;
}

QByteArray DemoPipeline::pack(const QString &scope, int version) const {
    const QByteArray line =
        QStringLiteral("pack %1 version %2: bins, rules and localities\n").arg(scope).arg(version).toUtf8();
    QByteArray out;
    out.reserve(m_packBytes);
    while (out.size() < m_packBytes)
        out += line;
    out.truncate(m_packBytes);
    return out;
}

void DemoPipeline::reply(const QHttpServerRequest &request, QTcpSocket *socket, const QByteArray &body,
                         int status, const QByteArray &type) {
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(body, type, static_cast<QHttpServerResponder::StatusCode>(status));
}

bool DemoPipeline::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    const QString path = request.url().path();
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (path == QLatin1String("/_faults") && request.method() == QHttpServerRequest::Method::Post) {
        faults(request, socket);
        return true;
    }
    if (path == QLatin1String("/publisher/rebind") && request.method() == QHttpServerRequest::Method::Post) {
        rebind(request, socket);
        return true;
    }
    if (path == QLatin1String("/resolve")) {
        const QString locality = request.query().queryItemValue(QStringLiteral("locality"));
        if (!m_scopes.contains(locality)) {
            reply(request, socket, json({{QStringLiteral("error"), QStringLiteral("unknown locality")}}),
                  404);
            return true;
        }
        const QUrl manifest = request.url().resolved(QUrl(QStringLiteral("/%1/manifest.json").arg(locality)));
        reply(request, socket,
              json({{QStringLiteral("locality"), locality},
                    {QStringLiteral("manifest"), manifest.toString()},
                    {QStringLiteral("resolved"), true}}));
        return true;
    }
    if (parts.size() == 2 && parts.at(1) == QLatin1String("readyz") && m_services.contains(parts.at(0))) {
        reply(request, socket,
              json({{QStringLiteral("service"), parts.at(0)},
                    {QStringLiteral("status"), QStringLiteral("ready")}}));
        return true;
    }
    // What the live app fetches: the scope's manifest with its pack named from the scope's own path.
    if (parts.size() == 3 && parts.at(0) == QLatin1String("app") && m_scopes.contains(parts.at(1)) &&
        parts.at(2) == QLatin1String("manifest.json")) {
        manifest(request, m_scopes[parts.at(1)], socket, QStringLiteral("/%1/").arg(parts.at(1)));
        return true;
    }
    if (parts.size() == 2 && m_scopes.contains(parts.at(0))) {
        Scope &scope = m_scopes[parts.at(0)];
        if (parts.at(1) == QLatin1String("manifest.json")) {
            manifest(request, scope, socket);
            return true;
        }
        if (parts.at(1) == QLatin1String("rules.json")) {
            reply(request, socket,
                  json({{QStringLiteral("scope"), scope.id},
                        {QStringLiteral("version"), scope.version},
                        {QStringLiteral("rules"), QStringLiteral("sort-by-material")}}));
            return true;
        }
        if (parts.at(1).startsWith(QLatin1String("pack-")) && parts.at(1).endsWith(QLatin1String(".bin"))) {
            const int version = parts.at(1).mid(5).chopped(4).toInt();
            QByteArray body = pack(scope.id, version);
            if (scope.fault == QLatin1String("checksum-mismatch") && !body.isEmpty())
                body[0] = static_cast<char>(body[0] ^ 0x20); // the pack no longer matches its manifest
            reply(request, socket, body, 200, "application/octet-stream");
            return true;
        }
    }
    return false;
}

void DemoPipeline::manifest(const QHttpServerRequest &request, Scope &scope, QTcpSocket *socket,
                            const QString &packBase) {
    if (scope.fault == QLatin1String("http-500")) {
        reply(request, socket,
              json({{QStringLiteral("error"), QStringLiteral("publisher read path failing")}}), 500);
        return;
    }
    if (scope.fault == QLatin1String("malformed-json")) {
        reply(request, socket, "{\"scope\": \"" + scope.id.toUtf8() + "\", \"version\": ");
        return;
    }
    const qint64 age = scope.fault == QLatin1String("stale") ? 48 * 3600 * 1000LL : 3600 * 1000LL;
    const QByteArray sha =
        QCryptographicHash::hash(pack(scope.id, scope.version), QCryptographicHash::Sha256).toHex();
    const QByteArray body = json(
        {{QStringLiteral("scope"), scope.id},
         {QStringLiteral("version"), QStringLiteral("v%1").arg(scope.version)},
         {QStringLiteral("published_at"), Time::toIso(Time::nowMs() - age)},
         {QStringLiteral("pack_url"), QString(packBase + QStringLiteral("pack-%1.bin").arg(scope.version))},
         {QStringLiteral("pack_sha256"), QString::fromLatin1(sha)}});
    if (scope.fault == QLatin1String("hang"))
        return; // accepted, never answered: the connection stays open until the client gives up
    if (scope.fault == QLatin1String("slow")) {
        // Written by hand later: the client may have given up and its socket may be gone by then.
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(2500, this, [alive, body] {
            if (!alive || alive->state() != QAbstractSocket::ConnectedState)
                return;
            alive->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
        return;
    }
    reply(request, socket, body);
}

void DemoPipeline::faults(const QHttpServerRequest &request, QTcpSocket *socket) {
    const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
    const QString scope = o.value(QStringLiteral("scope")).toString();
    const QString fault = o.value(QStringLiteral("fault")).toString();
    static const QStringList kFaults{QStringLiteral("stale"),    QStringLiteral("checksum-mismatch"),
                                     QStringLiteral("http-500"), QStringLiteral("slow"),
                                     QStringLiteral("hang"),     QStringLiteral("malformed-json"),
                                     QStringLiteral("clear")};
    if (!m_scopes.contains(scope) || !kFaults.contains(fault)) {
        reply(request, socket,
              json({{QStringLiteral("error"),
                     QStringLiteral("need {\"scope\": one of the scopes, \"fault\": %1}")
                         .arg(kFaults.join(QStringLiteral("|")))}}),
              400);
        return;
    }
    m_scopes[scope].fault = fault == QLatin1String("clear") ? QString() : fault;
    reply(request, socket, json({{QStringLiteral("scope"), scope}, {QStringLiteral("fault"), fault}}));
}

void DemoPipeline::rebind(const QHttpServerRequest &request, QTcpSocket *socket) {
    const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
    const QString scope = o.value(QStringLiteral("scope")).toString();
    if (!m_scopes.contains(scope)) {
        reply(request, socket, json({{QStringLiteral("error"), QStringLiteral("unknown scope")}}), 404);
        return;
    }
    Scope &s = m_scopes[scope];
    const int from = s.version;
    s.version =
        o.contains(QStringLiteral("version")) ? o.value(QStringLiteral("version")).toInt() : s.lastKnownGood;
    s.fault.clear();
    reply(request, socket,
          json({{QStringLiteral("ok"), true},
                {QStringLiteral("scope"), scope},
                {QStringLiteral("from"), from},
                {QStringLiteral("active"), s.version},
                {QStringLiteral("audit_id"), QStringLiteral("rebind-%1").arg(++m_audit)}}));
}

void DemoPipeline::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    reply(request, socket, json({{QStringLiteral("error"), QStringLiteral("not found")}}), 404);
}

} // namespace ops::demo
