#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

#include <functional>

namespace ops::test {

// A temporary directory that fails the test loudly when it cannot be made.
class TempDir {
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QString write(const QString &name, const QByteArray &content) const;

private:
    QTemporaryDir m_dir;
};

// Runs one of the built programs with a clean environment rooted in a temp dir.
struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

// Resident set size of this process in kB (/proc/self/status), 0 when unknown.
qint64 rssKb();

class ProgramRunner {
public:
    explicit ProgramRunner(const TempDir &home);
    void set(const QString &name, const QString &value) { m_env.insert(name, value); }
    void unset(const QString &name) { m_env.remove(name); }
    RunResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000,
                  const QByteArray &stdinData = {}) const;
    static QString binary(const QString &name); // path of a built program
    // The environment run() gives its programs (for long-running ones started by the test).
    const QProcessEnvironment &environment() const { return m_env; }

private:
    QProcessEnvironment m_env;
};

// The demo pipeline as a child process on free loopback ports, with fault injection.
class DemoPipelineProcess {
public:
    ~DemoPipelineProcess();
    bool start(); // false (with the output in lastOutput()) when it did not report its ports
    quint16 port() const { return m_port; }
    quint16 servicesPort() const { return m_servicesPort; }
    // POST /_faults {"scope", "fault"}; returns the HTTP status.
    int fault(const QString &scope, const QString &fault) const;
    // The built-in demo config, pointed at this pipeline's ports.
    QByteArray demoConfigYaml() const;
    QByteArray lastOutput() const { return m_output; }

private:
    QProcess m_process;
    quint16 m_port = 0, m_servicesPort = 0;
    QByteArray m_output;
};

// A tiny HTTP/1.1 server on 127.0.0.1 for tests: a handler per path, or raw socket behaviour.
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    struct Response {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    using Handler =
        std::function<Response(const QByteArray &method, const QByteArray &path, const QByteArray &body)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const;
    void route(const QByteArray &path, Handler handler) { m_routes.insert(path, std::move(handler)); }
    int requestCount() const { return m_requests; }

private:
    void onConnection();
    QTcpServer m_server;
    QHash<QByteArray, Handler> m_routes;
    int m_requests = 0;
};

// A private D-Bus session bus (dbus-daemon --session) for a test, started before the application
// touches D-Bus: sets DBUS_SESSION_BUS_ADDRESS in this process and returns the daemon's pid, or -1
// (with the reason on stderr). The daemon dies with the test (PR_SET_PDEATHSIG), even on a crash;
// stopSessionBus() ends it at a clean exit.
int startSessionBus();
void stopSessionBus(int pid);

// Prometheus's own `promtool check metrics` over an exposition text: empty when it accepts it,
// otherwise what promtool said (or why it could not run), followed by the text.
QByteArray promtoolCheck(const QByteArray &exposition);

} // namespace ops::test
