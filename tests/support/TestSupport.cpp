#include "TestSupport.h"

#include <csignal>
#include <cstdio>
#include <string>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QEventLoop>

#include <QNetworkReply>

#include <QNetworkAccessManager>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTest>

namespace ops::test {

TempDir::TempDir() {
    if (!m_dir.isValid())
        qFatal("cannot create a temporary directory: %s", qPrintable(m_dir.errorString()));
}

QString TempDir::write(const QString &name, const QByteArray &content) const {
    const QString path = file(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

qint64 rssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

ProgramRunner::ProgramRunner(const TempDir &home) {
    m_env = QProcessEnvironment::systemEnvironment();
    for (const char *v :
         {"OPSCONSOLE_ENV", "OPSCONSOLE_OPERATOR_TOKEN", "OPSCONSOLE_IDENTITY", "OPSCONSOLE_PASSPHRASE"})
        m_env.remove(QString::fromLatin1(v));
    m_env.insert(QStringLiteral("HOME"), home.path());
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), home.file(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.file(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_STATE_HOME"), home.file(QStringLiteral("state")));
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // Programs under test never reach the keychain of the desktop the tests run on; the keychain's
    // own tests turn it on against a keyring of their own.
    m_env.insert(QStringLiteral("OPSCONSOLE_KEYCHAIN"), QStringLiteral("off"));
}

QString ProgramRunner::binary(const QString &name) {
    return QStringLiteral(OPSCONSOLE_BIN_DIR) + QLatin1Char('/') + name;
}

RunResult ProgramRunner::run(const QString &program, const QStringList &arguments, int timeoutMs,
                             const QByteArray &stdinData) const {
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(binary(program), arguments);
    RunResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray promtoolCheck(const QByteArray &exposition) {
    QProcess promtool;
    promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!promtool.waitForStarted(10000))
        return "promtool did not start (packaging/debian-deps.txt: prometheus)";
    promtool.write(exposition);
    promtool.closeWriteChannel();
    if (!promtool.waitForFinished(60000)) {
        promtool.kill();
        promtool.waitForFinished(5000);
        return "promtool did not finish";
    }
    if (promtool.exitStatus() == QProcess::NormalExit && promtool.exitCode() == 0)
        return {};
    return promtool.readAllStandardOutput() + promtool.readAllStandardError() + "\n" + exposition;
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onConnection);
}

bool LoopbackHttpServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString LoopbackHttpServer::url(const QString &path) const {
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void LoopbackHttpServer::onConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            qsizetype contentLength = 0;
            for (const QByteArray &l : lines)
                if (l.toLower().startsWith("content-length:"))
                    contentLength = l.mid(15).trimmed().toLongLong();
            if (buffer->size() < headerEnd + 4 + contentLength)
                return;
            const QByteArray body = buffer->mid(headerEnd + 4, contentLength);
            const QByteArray method = requestLine.value(0);
            QByteArray path = requestLine.value(1);
            ++m_requests;
            Response resp;
            auto it = m_routes.find(path);
            if (it == m_routes.end())
                it = m_routes.find(path.left(path.indexOf('?')));
            if (it != m_routes.end())
                resp = (*it)(method, path, body);
            else
                resp = Response{404, "{\"error\":\"not found\"}", "application/json", {}};
            QByteArray out =
                "HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\nContent-Type: " + resp.contentType +
                "\r\nContent-Length: " + QByteArray::number(resp.body.size()) + "\r\nConnection: close\r\n";
            for (const auto &[k, v] : resp.headers)
                out += k + ": " + v + "\r\n";
            out += "\r\n" + resp.body;
            socket->write(out);
            socket->disconnectFromHost();
        });
    }
}

DemoPipelineProcess::~DemoPipelineProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

bool DemoPipelineProcess::start() {
    m_process.start(ProgramRunner::binary(QStringLiteral("opsconsole-demo-pipeline")),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--services-port"),
                     QStringLiteral("0")});
    if (!m_process.waitForStarted())
        return false;
    for (int i = 0; i < 100 && m_output.count('\n') < 2; ++i) {
        m_process.waitForReadyRead(200);
        m_output += m_process.readAllStandardOutput();
    }
    for (const QByteArray &line : m_output.split('\n')) {
        if (line.startsWith("content-port "))
            m_port = static_cast<quint16>(line.mid(13).toUInt());
        if (line.startsWith("services-port "))
            m_servicesPort = static_cast<quint16>(line.mid(14).toUInt());
    }
    return m_port && m_servicesPort;
}

int DemoPipelineProcess::fault(const QString &scope, const QString &fault) const {
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/_faults").arg(m_port)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *r =
        nam.post(req, QStringLiteral("{\"scope\":\"%1\",\"fault\":\"%2\"}").arg(scope, fault).toUtf8());
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r->deleteLater();
    return status;
}

QByteArray DemoPipelineProcess::demoConfigYaml() const {
    QFile demo(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"));
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QByteArray yaml = demo.readAll();
    yaml.replace("127.0.0.1:8088", QByteArray("127.0.0.1:" + QByteArray::number(m_port)));
    yaml.replace("127.0.0.1:8089", QByteArray("127.0.0.1:" + QByteArray::number(m_servicesPort)));
    return yaml;
}

int startSessionBus() {
    int fds[2];
    if (::pipe(fds) != 0)
        return -1;
    const pid_t child = ::fork();
    if (child == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::close(fds[0]);
        const std::string printTo = "--print-address=" + std::to_string(fds[1]);
        ::execlp("dbus-daemon", "dbus-daemon", "--session", "--nofork", printTo.c_str(), nullptr);
        ::_exit(127);
    }
    ::close(fds[1]);
    QByteArray address;
    char buf[512];
    for (ssize_t n; child > 0 && !address.contains('\n') && (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        address.append(buf, n);
    ::close(fds[0]);
    if (child < 0 || address.trimmed().isEmpty()) {
        std::fprintf(stderr, "cannot start dbus-daemon (packaging/debian-deps.txt: dbus-daemon)\n");
        return -1;
    }
    ::setenv("DBUS_SESSION_BUS_ADDRESS", address.trimmed().constData(), 1);
    return child;
}

void stopSessionBus(int pid) {
    if (pid <= 0)
        return;
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
}

} // namespace ops::test
