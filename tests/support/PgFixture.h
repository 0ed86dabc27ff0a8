#pragma once

// The PostgreSQL server the pg_cluster_start fixture started (tests/support/pg-cluster.sh): a
// fresh database per test, owned by a non-superuser owner role, with an application role that
// migrations grant to.

#include "store/pg/Pg.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QUuid>

namespace ops::test {

struct PgServer {
    QString socketDir;
    QString problem; // why there is no server

    static PgServer fromFixture() {
        PgServer s;
        QFile f(QStringLiteral(OPSCONSOLE_PG_STATE "/host"));
        if (!f.open(QIODevice::ReadOnly)) {
            s.problem =
                QStringLiteral("no PostgreSQL fixture: run the test through ctest (pg_cluster_start)");
            return s;
        }
        s.socketDir = QString::fromUtf8(f.readAll()).trimmed();
        return s;
    }
    QString url(const QString &db, const QString &user) const {
        return QStringLiteral("postgresql:///%1?host=%2&user=%3").arg(db, socketDir, user);
    }
    Result<pg::Connection> admin(const QString &db = QStringLiteral("postgres")) const {
        return pg::Connection::connect(url(db, QStringLiteral("pgadmin")));
    }
    // A new empty database owned by `owner`; the roles are created when missing. `locale`: the
    // database's own (e.g. C.UTF-8), else the cluster's (C).
    Result<QString> freshDatabase(const QString &owner = QStringLiteral("team_owner"),
                                  const QString &app = QStringLiteral("team_app"),
                                  const QString &locale = QString()) const {
        auto c = admin();
        if (!c.ok())
            return c.error();
        for (const QString &role : {owner, app}) {
            const QByteArray sql =
                QStringLiteral("DO $$ BEGIN CREATE ROLE %1 LOGIN; EXCEPTION WHEN duplicate_object "
                               "THEN NULL; END $$")
                    .arg(role)
                    .toUtf8();
            if (auto r = c->exec(sql.constData()); !r.ok())
                return r.error();
        }
        const QString db = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const QByteArray create =
            (QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(db, owner) +
             (locale.isEmpty() ? QString() : QStringLiteral(" LOCALE '%1' TEMPLATE template0").arg(locale)))
                .toUtf8();
        if (auto r = c->exec(create.constData()); !r.ok())
            return r.error();
        // The public schema is not for the application role to create things in.
        auto inDb = admin(db);
        if (!inDb.ok())
            return inDb.error();
        if (auto r = inDb->exec("REVOKE CREATE ON SCHEMA public FROM PUBLIC"); !r.ok())
            return r.error();
        return db;
    }
};

// A server of a test's own (the shared one serves the other tests meanwhile), for tests that
// crash and restart it: started by the constructor, stopped and removed by the destructor.
class OwnPgCluster {
public:
    explicit OwnPgCluster(QString stateDirectory)
        : m_state(std::move(stateDirectory)) {
        if (!run("start")) {
            server.problem = QStringLiteral("pg-cluster.sh start failed");
            return;
        }
        QFile host(m_state + QStringLiteral("/host"));
        if (!host.open(QIODevice::ReadOnly)) {
            server.problem = QStringLiteral("the cluster did not say where its socket is");
            return;
        }
        server.socketDir = QString::fromUtf8(host.readAll()).trimmed();
    }
    ~OwnPgCluster() { run("stop"); }
    OwnPgCluster(const OwnPgCluster &) = delete;
    OwnPgCluster &operator=(const OwnPgCluster &) = delete;

    // Stops the server as a crash would (no checkpoint, data kept); restart() recovers it.
    bool crash() { return run("crash"); }
    bool restart() { return run("restart"); }

    PgServer server;

private:
    bool run(const char *verb) {
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral(OPSCONSOLE_SOURCE_DIR "/tests/support/pg-cluster.sh"),
                                         QString::fromLatin1(verb), m_state});
        const bool done =
            p.waitForFinished(300000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!done)
            qWarning("pg-cluster.sh %s: %s", verb, p.readAllStandardError().constData());
        return done;
    }
    QString m_state;
};

} // namespace ops::test
