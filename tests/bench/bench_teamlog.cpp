// Team log benchmark, each figure beside a baseline measured in the same run on the same server:
//   interactive append (one act + its signed checkpoint), p50 and p99 over a Unix socket
//       vs  a raw libpq INSERT of the same bytes, one per transaction, synchronous_commit=on
//   four consoles appending at once (acts per second)
//       vs  pgbench, four clients, an equivalent single-row insert script (transactions per second)
// Usage: opsconsole-bench-teamlog SOCKET_DIR [ACTS] [SECONDS]
#include "store/PgEvidenceStore.h"
#include "store/pg/Pg.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace ops;

namespace {

int g_failures = 0;
QString g_socket;

void row(const char *what, double value, const char *unit, double baseline, const char *baseUnit,
         double ratio, const char *target, bool ok) {
    std::printf("%-44s %12.2f %-8s %12.2f %-8s ratio %6.2f  target %-10s %s\n", what, value, unit, baseline,
                baseUnit, ratio, target, ok ? "PASS" : "FAIL");
    std::fflush(stdout);
    if (!ok)
        ++g_failures;
}

QString url(const QString &db) {
    return QStringLiteral("postgresql:///%1?host=%2&user=pgadmin").arg(db, g_socket);
}

pg::Connection connectOrDie(const QString &db) {
    auto c = pg::Connection::connect(url(db));
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().toString()));
    return std::move(c).value();
}

void execOrDie(pg::Connection &c, const char *sql) {
    if (auto r = c.exec(sql); !r.ok())
        qFatal("%s: %s", sql, qPrintable(r.error().toString()));
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
    return v[i];
}

NewEvent event(int i) {
    NewEvent e;
    e.kind = QStringLiteral("operator.note");
    e.scope = QStringLiteral("kl");
    e.payload["i"] = i;
    e.payload["note"] = QStringLiteral("synthetic benchmark act number %1 on the team log").arg(i);
    return e;
}

std::unique_ptr<PgEvidenceStore> openStore(const QString &db, bool create) {
    StoreOpenOptions o;
    o.create = create;
    auto s = PgEvidenceStore::open(url(db), o);
    if (!s.ok())
        qFatal("%s", qPrintable(s.error().toString()));
    return std::move(s).value();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: opsconsole-bench-teamlog SOCKET_DIR [ACTS] [SECONDS]\n");
        return 2;
    }
    g_socket = args.at(1);
    const int acts = args.size() > 2 ? args.at(2).toInt() : 500;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    const QString db = QStringLiteral("bench_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        auto admin = connectOrDie(QStringLiteral("postgres"));
        execOrDie(admin, QStringLiteral("CREATE DATABASE %1").arg(db).toUtf8().constData());
    }
    const Signer signer{QStringLiteral("bench"), crypto::PrivateKey::generate().value()};
    auto store = openStore(db, true);
    if (!store->registerIdentity(signer, {QStringLiteral("operator")}).ok())
        qFatal("register");

    // 1. Interactive appends and raw inserts, interleaved so both see the same machine.
    auto raw = connectOrDie(db);
    execOrDie(raw,
              "SET synchronous_commit = on; CREATE TABLE bench_raw(id bigserial PRIMARY KEY, data bytea)");
    std::vector<double> ours, base;
    for (int i = 0; i < acts; ++i) {
        QElapsedTimer t;
        t.start();
        auto stored = store->append(signer, {event(i)});
        if (!stored.ok())
            qFatal("%s", qPrintable(stored.error().toString()));
        ours.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        const std::string &bytes = stored->first().canonical;
        t.restart();
        if (auto r = raw.run(
                "INSERT INTO bench_raw(data) VALUES ($1)",
                pg::Params().bytes(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size()))));
            !r.ok())
            qFatal("%s", qPrintable(r.error().toString()));
        base.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double p50 = percentile(ours, 0.5), p99 = percentile(ours, 0.99);
    const double b50 = percentile(base, 0.5), b99 = percentile(base, 0.99);
    row("append p50 (act + signed checkpoint)", p50, "ms", b50, "ms raw", p50 / b50, "<= 3x",
        p50 / b50 <= 3.0);
    row("append p99 (act + signed checkpoint)", p99, "ms", b99, "ms raw", p99 / b99, "(report)", true);

    // 2. Four consoles at once, each on its own connection, for `seconds`.
    std::atomic<bool> stop{false};
    std::atomic<long> done{0};
    std::vector<std::thread> writers;
    QElapsedTimer wall;
    wall.start();
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            auto mine = openStore(db, false);
            for (int i = 0; !stop.load(); ++i) {
                if (!mine->append(signer, {event(w * 1000000 + i)}).ok())
                    qFatal("concurrent append failed");
                done.fetch_add(1);
            }
        });
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (auto &t : writers)
        t.join();
    const double oursTps =
        static_cast<double>(done.load()) / (static_cast<double>(wall.nsecsElapsed()) / 1e9);
    // pgbench: four clients, one single-row insert of the same size a transaction.
    QTemporaryDir tmp;
    const QString script = tmp.filePath(QStringLiteral("insert.sql"));
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("script");
        f.write("INSERT INTO bench_raw(data) VALUES (convert_to(repeat('x', 300), 'UTF8'));\n");
    }
    const QString pgbench = []() -> QString {
        // The server's programs live where pg_config says; else whatever pgbench is on PATH.
        QProcess cfg;
        cfg.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
        if (cfg.waitForFinished(30000) && cfg.exitCode() == 0) {
            const QString bin = QString::fromLocal8Bit(cfg.readAllStandardOutput()).trimmed();
            if (QFile::exists(bin + QStringLiteral("/pgbench")))
                return bin + QStringLiteral("/pgbench");
        }
        return QStringLiteral("pgbench");
    }();
    QProcess p;
    p.start(pgbench,
            {QStringLiteral("-n"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-j"),
             QStringLiteral("2"), QStringLiteral("-T"), QString::number(seconds), QStringLiteral("-f"),
             script, QStringLiteral("-h"), g_socket, QStringLiteral("-U"), QStringLiteral("pgadmin"), db});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        qFatal("pgbench failed: %s", p.readAllStandardError().constData());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("tps = ([0-9.]+)")).match(out);
    const double benchTps = m.captured(1).toDouble();
    row("four consoles appending at once", oursTps, "acts/s", benchTps, "tps", oursTps / benchTps, ">= 0.3x",
        oursTps / benchTps >= 0.3);

    // The log the four wrote is still gapless and verifies.
    auto verified = store->verify({false, false, {}});
    if (!verified.ok() || !verified->intact) {
        std::printf("the team log does not verify after the benchmark\n");
        ++g_failures;
    }
    return g_failures ? 1 : 0;
}
