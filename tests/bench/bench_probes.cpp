// Probe benchmarks (make bench), each figure beside a baseline measured in the same run.
//   serve PORTFILE          a small multi-threaded HTTP/1.1 keep-alive server for the runs below
//   throughput PORT N       one round of N /readyz probes; prints requests/s (the script runs curl
//                           --parallel --parallel-max 50 on the same URLs)
//   pack PORT               the probe of a 1 GiB pack, hashed while it streams; prints MB/s
//   soak-config PORT N FILE the soak's deployment config: N targets every 10 s, as YAML, for the
//                           window below and for opsconsole-cli monitor (probes.sh runs both)
//   soak CONFIG MINUTES     the real main window, offscreen, monitoring CONFIG's targets:
//                           CPU % of one core, RSS growth, worst event-loop stall
#include "MainWindow.h"
#include "alerts/AlertsPanel.h"
#include "crypto/Sha256.h"
#include "probes/ProbeEngine.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include "TestSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <sys/resource.h>

using namespace ops;

namespace {

constexpr qint64 kPackBytes = 1LL << 30;
constexpr int kChunk = 1 << 20;

QByteArray packChunk() {
    QByteArray chunk(kChunk, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (int i = 0; i < kChunk; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        chunk[i] = static_cast<char>(x & 0xff);
    }
    return chunk;
}

QString packSha() {
    const QByteArray chunk = packChunk();
    crypto::Sha256 h;
    for (qint64 i = 0; i < kPackBytes / kChunk; ++i)
        h.add(chunk);
    return QString::fromLatin1(h.finish().toHex());
}

// ---- the server -----------------------------------------------------------------------------

class Connection final : public QObject {
public:
    Connection(qintptr fd, const QByteArray *chunk, const QByteArray *bigManifest)
        : m_chunk(chunk)
        , m_bigManifest(bigManifest) {
        m_socket.setSocketDescriptor(fd);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        QObject::connect(&m_socket, &QTcpSocket::bytesWritten, this, [this] { pump(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
    }

private:
    void respond(const QByteArray &body, const QByteArray &type = "application/json") {
        m_socket.write("HTTP/1.1 200 OK\r\nContent-Type: " + type +
                       "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    void onRead() {
        m_buffer += m_socket.readAll();
        while (m_remaining == 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            const QList<QByteArray> first = head.left(head.indexOf("\r\n")).split(' ');
            const QByteArray path = first.value(1);
            const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1();
            if (path == "/pack.bin") {
                m_socket.write(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                    QByteArray::number(kPackBytes) + "\r\n\r\n");
                m_remaining = kPackBytes;
                pump();
            } else if (path == "/big/manifest.json") {
                respond(*m_bigManifest);
            } else if (path.endsWith("/manifest.json")) {
                respond("{\"version\":\"1\",\"published_at\":\"" + now +
                        "\",\"pack_url\":\"pack.bin.small\",\"pack_sha256\":\"" + smallSha() + "\"}");
            } else if (path.endsWith("/pack.bin.small")) {
                respond(small(), "application/octet-stream");
            } else {
                respond("{\"ready\":true}");
            }
        }
    }
    void pump() {
        while (m_remaining > 0 && m_socket.bytesToWrite() < 4 * kChunk) {
            const qint64 n = qMin<qint64>(m_remaining, kChunk);
            m_socket.write(m_chunk->constData(), n);
            m_remaining -= n;
        }
    }
    static QByteArray small() { return QByteArray(64, 'p'); }
    static QByteArray smallSha() {
        static const QByteArray sha = crypto::sha256(small()).toHex();
        return sha;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    qint64 m_remaining = 0;
    const QByteArray *m_chunk;
    const QByteArray *m_bigManifest;
};

class Server final : public QTcpServer {
public:
    Server(const QList<QThread *> &workers, QByteArray bigManifest)
        : m_chunk(packChunk())
        , m_bigManifest(std::move(bigManifest)) {
        for (QThread *t : workers) {
            auto *anchor = new QObject;
            anchor->moveToThread(t);
            m_anchors << anchor;
        }
    }

protected:
    void incomingConnection(qintptr fd) override {
        QObject *anchor = m_anchors.at(m_next++ % m_anchors.size());
        QMetaObject::invokeMethod(anchor, [this, fd] { new Connection(fd, &m_chunk, &m_bigManifest); });
    }

private:
    QList<QObject *> m_anchors; // one per worker thread: connections are made there
    int m_next = 0;
    QByteArray m_chunk;
    QByteArray m_bigManifest;
};

int serve(const QString &portFile) {
    const QString sha = packSha();
    const QByteArray manifest = "{\"version\":\"1\",\"published_at\":\"" +
                                QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() +
                                "\",\"pack_url\":\"/pack.bin\",\"pack_sha256\":\"" + sha.toLatin1() + "\"}";
    QList<QThread *> workers;
    for (int i = 0; i < 2; ++i) {
        auto *t = new QThread;
        t->start();
        workers << t;
    }
    Server server(workers, manifest);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    QFile f(portFile);
    if (!f.open(QIODevice::WriteOnly))
        return 1;
    f.write(QByteArray::number(server.serverPort()) + ' ' + sha.toLatin1() + '\n');
    f.close();
    return QCoreApplication::exec();
}

// ---- the clients ----------------------------------------------------------------------------

DeploymentConfig configFor(quint16 port, int scopes, int services, int concurrency) {
    DeploymentConfig c;
    c.source = QStringLiteral("bench");
    c.probes.concurrency = concurrency;
    c.probes.timeoutMs = 600000;
    c.probes.connectTimeoutMs = 30000;
    c.probes.slowMs = 600000;
    c.probes.maxBodyBytes = 2 * kPackBytes;
    c.probes.intervalS = 10;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    for (int i = 0; i < scopes; ++i) {
        ScopeConfig s;
        s.id = QStringLiteral("s%1").arg(i, 3, 10, QLatin1Char('0'));
        s.kind = i == 0 ? ScopeKind::Baseline : ScopeKind::Country;
        s.parent = i == 0 ? QString() : QStringLiteral("s000");
        s.freshnessHours = 24;
        s.manifest = QUrl(base + QStringLiteral("/%1/manifest.json").arg(s.id));
        s.resolver = QUrl(base + QStringLiteral("/%1/resolver").arg(s.id));
        s.rules = QUrl(base + QStringLiteral("/%1/rules").arg(s.id));
        c.scopes << s;
    }
    for (int i = 0; i < services; ++i)
        c.services << ServiceConfig{QStringLiteral("svc%1").arg(i),
                                    QUrl(base + QStringLiteral("/ready/%1").arg(i)), false, 0};
    return c;
}

QList<ProbeResult> oneRound(ProbeEngine &engine) {
    QList<ProbeResult> results;
    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::roundFinished, &loop, [&](const QList<ProbeResult> &r) {
        results = r;
        loop.quit();
    });
    engine.runRound();
    loop.exec();
    return results;
}

int throughput(quint16 port, int n) {
    ProbeEngine engine(configFor(port, 0, n, 50), Secret());
    oneRound(engine); // warm: connections open
    QList<double> rates;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const auto results = oneRound(engine);
        const double s = double(t.nsecsElapsed()) / 1e9;
        int ok = 0;
        for (const ProbeResult &r : results)
            ok += r.state == ProbeState::Ok ? 1 : 0;
        if (ok != n) {
            std::fprintf(stderr, "only %d of %d probes ok\n", ok, n);
            return 1;
        }
        rates << double(n) / s;
    }
    std::sort(rates.begin(), rates.end());
    std::printf("%.1f\n", rates.at(1));
    return 0;
}

int pack(quint16 port) {
    DeploymentConfig c = configFor(port, 0, 0, 4);
    ScopeConfig s;
    s.id = QStringLiteral("big");
    s.kind = ScopeKind::Baseline;
    s.freshnessHours = 24;
    s.manifest = QUrl(QStringLiteral("http://127.0.0.1:%1/big/manifest.json").arg(port));
    c.scopes << s;
    ProbeEngine engine(c, Secret());
    QElapsedTimer t;
    t.start();
    const auto results = oneRound(engine);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    for (const ProbeResult &r : results)
        if (r.target.kind == TargetKind::Pack && (r.state != ProbeState::Ok || r.bytes != kPackBytes)) {
            std::fprintf(stderr, "pack probe: %s (%lld bytes)\n", qPrintable(r.reason.text()),
                         static_cast<long long>(r.bytes));
            return 1;
        }
    std::printf("%.1f\n", double(kPackBytes) / 1e6 / seconds);
    return 0;
}

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Major page faults taken by the calling thread: pages read back from disk.
long threadMajorFaults() {
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return u.ru_majflt;
}

// N targets: scopes of four (manifest, pack, resolver, rules) plus services for the rest, a round
// every 10 s. One file, so the window and the headless monitor probe exactly the same.
int soakConfig(quint16 port, int targets, const QString &file) {
    const int scopes = targets / 5;
    const int services = targets - scopes * 4;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QString yaml = QStringLiteral("environment: dev\n"
                                  "probes: {interval_s: 10, timeout_ms: 5000, connect_timeout_ms: 30000, "
                                  "slow_ms: 2000, concurrency: 16}\n"
                                  "scopes:\n");
    for (int i = 0; i < scopes; ++i) {
        const QString id = QStringLiteral("s%1").arg(i, 3, 10, QLatin1Char('0'));
        yaml += QStringLiteral("  - {id: %1, kind: %2, %3critical: false, freshness_hours: 24, manifest: "
                               "%4/%1/manifest.json, "
                               "resolver: %4/%1/resolver, rules: %4/%1/rules}\n")
                    .arg(id, i == 0 ? QStringLiteral("baseline") : QStringLiteral("country"),
                         i == 0 ? QString() : QStringLiteral("parent: s000, "), base);
    }
    yaml += QStringLiteral("services:\n");
    for (int i = 0; i < services; ++i)
        yaml += QStringLiteral("  - {id: svc%1, readyz: %2/ready/%1}\n").arg(i).arg(base);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(yaml.toUtf8()) < 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
        return 1;
    }
    return 0;
}

int soak(const QString &configFile, double minutes) {
    auto config = ConfigLoader::loadFile(configFile);
    if (!config.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 1;
    }
    QTemporaryDir dir;
    StartupContext ctx;
    ctx.environment = Environment::Dev;
    ctx.config = config.value();
    ctx.storePath = dir.filePath(QStringLiteral("evidence.sqlite"));
    auto key = crypto::PrivateKey::generate();
    {
        StoreOpenOptions o;
        o.create = true;
        auto store = SqliteEvidenceStore::open(ctx.storePath, o).value();
        Signer s{QStringLiteral("bench"), crypto::PrivateKey::fromPem(key->unencryptedPem(), {}).value()};
        if (!store->registerIdentity(s, {QStringLiteral("operator")}).ok())
            return 1;
    }
    ui::MainWindow w(ctx);
    w.resize(1280, 800);
    w.show();
    w.session()->unlockWith(Signer{QStringLiteral("bench"), std::move(key).value()});

    qint64 worstStall = 0;
    // The same, for stalls in which the GUI thread took no major page fault: the window's own
    // work, apart from a machine that evicts the pages of code it has not run for a while.
    qint64 worstStallNoFaults = 0;
    long faultsSeen = threadMajorFaults();
    int stallsWithFaults = 0;
    int rounds = 0;
    QElapsedTimer tick;
    tick.start();
    QTimer probeLoop;
    probeLoop.setTimerType(Qt::PreciseTimer);
    probeLoop.setInterval(5);
    QObject::connect(&probeLoop, &QTimer::timeout, [&] {
        const qint64 stall = tick.elapsed() - 5;
        const long faults = threadMajorFaults();
        if (qEnvironmentVariableIsSet("BENCH_TRACE") && stall > 15)
            std::fprintf(stderr, "stall %lld ms at round %d, %ld major page faults\n",
                         static_cast<long long>(stall), rounds, faults - faultsSeen);
        worstStall = qMax(worstStall, stall);
        if (faults == faultsSeen)
            worstStallNoFaults = qMax(worstStallNoFaults, stall);
        else if (stall > 15)
            ++stallsWithFaults;
        faultsSeen = faults;
        tick.restart();
    });
    qint64 rssAfterFirst = 0;
    double cpuAfterFirst = 0;
    QElapsedTimer wall;
    QObject::connect(w.alertsPanel(), &ui::AlertsPanel::summaryChanged, [&] {
        if (qEnvironmentVariableIsSet("BENCH_TRACE"))
            std::fprintf(stderr, "round %d rss %lld kB\n", rounds + 1, static_cast<long long>(test::rssKb()));
        if (++rounds == 1) {
            rssAfterFirst = test::rssKb();
            cpuAfterFirst = cpuSeconds();
            wall.start();
            worstStall = 0;
            worstStallNoFaults = 0;
            stallsWithFaults = 0;
        }
    });
    w.startMonitoring();
    probeLoop.start();
    QTimer::singleShot(static_cast<int>(minutes * 60000) + 15000, qApp, &QCoreApplication::quit);
    QApplication::exec();
    const double cpu = (cpuSeconds() - cpuAfterFirst) / (double(wall.elapsed()) / 1000.0) * 100.0;
    const qint64 rss = test::rssKb();
    const double growth = rssAfterFirst > 0 ? double(rss - rssAfterFirst) * 100.0 / double(rssAfterFirst) : 0;
    std::printf(
        "rounds %d targets %d cpu_percent %.1f rss_first_kb %lld rss_end_kb %lld growth_percent %.1f "
        "worst_stall_ms %lld worst_stall_without_page_faults_ms %lld stalls_over_15ms_with_page_faults %d\n",
        rounds, int(w.alertsPanel()->monitor()->latest().size()), cpu, static_cast<long long>(rssAfterFirst),
        static_cast<long long>(rss), growth, static_cast<long long>(worstStall),
        static_cast<long long>(worstStallNoFaults), stallsWithFaults);
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    const QString mode = argc > 1 ? QString::fromLatin1(argv[1]) : QString();
    if (mode == QLatin1String("soak")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return argc > 3 ? soak(QString::fromLocal8Bit(argv[2]), atof(argv[3])) : 2;
    }
    QCoreApplication app(argc, argv);
    if (mode == QLatin1String("serve") && argc > 2)
        return serve(QString::fromLocal8Bit(argv[2]));
    if (mode == QLatin1String("throughput") && argc > 3)
        return throughput(static_cast<quint16>(atoi(argv[2])), atoi(argv[3]));
    if (mode == QLatin1String("soak-config") && argc > 4)
        return soakConfig(static_cast<quint16>(atoi(argv[2])), atoi(argv[3]),
                          QString::fromLocal8Bit(argv[4]));
    if (mode == QLatin1String("pack") && argc > 2)
        return pack(static_cast<quint16>(atoi(argv[2])));
    std::fprintf(stderr, "usage: opsconsole-bench-probes serve PORTFILE | throughput PORT N | pack PORT | "
                         "soak-config PORT N FILE | soak CONFIG MINUTES\n");
    return 2;
}
