#pragma once

#include "core/DeploymentConfig.h"

#include <QAbstractHttpServer>
#include <QHash>

#include <memory>

class QHttpServerResponder;

namespace ops::demo {

// A small publishing pipeline on loopback for the demo and the integration tests: manifests,
// packs, resolver, rules and /readyz for the scopes of a deployment config, with faults
// injected over HTTP (POST /_faults) and a publisher rebind endpoint.
class DemoPipeline final : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit DemoPipeline(const DeploymentConfig &config, qint64 packBytes = 64 * 1024,
                          QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Scope {
        QString id;
        int version = 3;       // active pack version
        int lastKnownGood = 2; // what a rebind restores
        QString fault;         // "", stale, checksum-mismatch, http-500, slow, hang, malformed-json
    };

    QByteArray pack(const QString &scope, int version) const;
    void manifest(const QHttpServerRequest &request, Scope &scope, QTcpSocket *socket,
                  const QString &packBase = {});
    void faults(const QHttpServerRequest &request, QTcpSocket *socket);
    void rebind(const QHttpServerRequest &request, QTcpSocket *socket);
    void reply(const QHttpServerRequest &request, QTcpSocket *socket, const QByteArray &body,
               int status = 200, const QByteArray &type = "application/json");

    QHash<QString, Scope> m_scopes;
    QStringList m_services;
    qint64 m_packBytes;
    int m_audit = 0;
};

} // namespace ops::demo
