// Team log benchmark, each figure beside a baseline measured in the same run on the same server:
//   interactive append (one act + its signed checkpoint), p50 and p99 over a Unix socket
//       vs  a raw libpq INSERT of the same bytes, one per transaction, synchronous_commit=on
//   four consoles appending at once (acts per second)
//       vs  pgbench, four clients, an equivalent single-row insert script (transactions per second)
//   an outbox of OUTBOX acts made offline (each flips a kill switch of its own, so the admission
//   reads what changed after its basis) synced into the team log, beside the same acts appended
//   to a local file (reported)
//   a team log of EVENTS events (migrated from a local store of generated events): opening it and
//   reading the first page a browser shows, beside the same on the local file (reported)
// Usage: opsconsole-bench-teamlog SOCKET_DIR [ACTS] [SECONDS] [EVENTS (0: skip)] [OUTBOX (0: skip)]
#include "EvidenceGen.h"
#include "StoreFixture.h"

#include "store/EventSearch.h"
#include "store/EventTableModel.h"
#include "store/Outbox.h"
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

// Milliseconds to open the store and read the first page of a newest-first browser.
double openAndFirstPage(const std::function<std::unique_ptr<EvidenceStore>()> &open, bool team) {
    QElapsedTimer t;
    t.start();
    std::unique_ptr<EvidenceStore> store = open();
    EventTableModel model;
    if (team)
        model.setLog(store.get());
    else
        model.setStore(dynamic_cast<SqliteEvidenceStore *>(store.get()));
    int read = 0;
    for (int r = 0; r < 40 && r < model.rowCount(); ++r)
        read += model.data(model.index(r, EventTableModel::Kind)).toString().isEmpty() ? 0 : 1;
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    if (read != 40)
        qFatal("the first page has %d rows", read);
    return ms;
}

NewEvent switchFlip(int i) {
    NewEvent e;
    e.kind = QStringLiteral("killswitch.activated");
    e.scope = QStringLiteral("kl");
    e.payload["switch"] = QStringLiteral("bench-%1").arg(i);
    e.payload["reason"] = QStringLiteral("synthetic benchmark act number %1 made offline").arg(i);
    return e;
}

void outboxSync(const QString &db, int n, const Signer &signer) {
    auto team = openStore(db, false);
    QTemporaryDir tmp;
    auto box = Outbox::open(tmp.filePath(QStringLiteral("outbox.sqlite")));
    if (!box.ok())
        qFatal("%s", qPrintable(box.error().toString()));
    const Checkpoint basis = team->latestCheckpoint().value();
    const qint64 now = Time::nowMs();
    for (int i = 0; i < n; ++i)
        if (auto r = box.value()->queue(signer, team->storeId(), basis, {switchFlip(i)}, {}, now); !r.ok())
            qFatal("%s", qPrintable(r.error().toString()));
    QElapsedTimer t;
    t.start();
    auto report =
        syncOutbox(*box.value(), *team, signer, unchangedSinceBasis(*box.value()), Time::systemClock());
    const double syncS = static_cast<double>(t.nsecsElapsed()) / 1e9;
    if (!report.ok() || report->synced != n) {
        std::printf("outbox sync: %d of %d acts synced (%s)\n", report.ok() ? report->synced : 0, n,
                    report.ok() ? qPrintable(report->lines.value(0)) : qPrintable(report.error().toString()));
        ++g_failures;
        return;
    }
    test::StoreFixture local;
    t.restart();
    for (int i = 0; i < n; ++i)
        if (!local.store->append(local.alice, {switchFlip(i)}).ok())
            qFatal("local append failed");
    const double localS = static_cast<double>(t.nsecsElapsed()) / 1e9;
    const QByteArray what = QStringLiteral("sync an outbox of %1 acts").arg(n).toUtf8();
    row(what.constData(), syncS, "s", localS, "s file", syncS / localS, "(report)", true);
}

void bigLog(const QString &db, qint64 n) {
    test::StoreFixture local;
    const QString jsonl = local.dir.file(QStringLiteral("gen.jsonl"));
    const qint64 start = local.now + 1000;
    (void)test::writeGeneratedJsonl(jsonl, n, start, qMax<qint64>(1, n / 100));
    local.now = start + n * 1000; // the injected clock: the generated events are not in its future
    QElapsedTimer t;
    t.start();
    if (auto r = local.store->importJsonl(local.alice, jsonl); !r.ok())
        qFatal("import: %s", qPrintable(r.error().toString()));
    const double importS = static_cast<double>(t.elapsed()) / 1000.0;
    QFile::remove(jsonl);
    // A few events that name one incident, for the search by id below.
    for (int i = 0; i < 3; ++i) {
        NewEvent e;
        e.kind = QStringLiteral("ops.note");
        e.scope = QStringLiteral("kl");
        e.payload["incident"] = QStringLiteral("INC-BENCH");
        e.payload["note"] = QStringLiteral("benchmark note %1, Übergabeprüfung erledigt").arg(i);
        if (auto r = local.store->append(local.alice, {e}); !r.ok())
            qFatal("append: %s", qPrintable(r.error().toString()));
    }
    auto team = openStore(db, true);
    t.restart();
    auto moved = team->adopt(*local.store);
    if (!moved.ok())
        qFatal("migrate: %s", qPrintable(moved.error().toString()));
    const double migrateS = static_cast<double>(t.elapsed()) / 1000.0;
    team.reset();
    std::printf("%lld events: imported into the local file in %.1f s, migrated into the team log in %.1f s "
                "(%.0f events/s)\n",
                static_cast<long long>(moved->events), importS, migrateS,
                static_cast<double>(moved->events) / qMax(0.001, migrateS));
    const QString path = local.path;
    local.store.reset();
    const auto openTeam = [&]() -> std::unique_ptr<EvidenceStore> { return openStore(db, false); };
    const auto openFile = [&]() -> std::unique_ptr<EvidenceStore> {
        auto f = SqliteEvidenceStore::open(path, StoreOpenOptions());
        if (!f.ok())
            qFatal("%s", qPrintable(f.error().toString()));
        return std::move(f).value();
    };
    (void)openAndFirstPage(openTeam, true); // warm both caches once
    (void)openAndFirstPage(openFile, false);
    std::vector<double> teamMs, fileMs;
    for (int i = 0; i < 5; ++i) {
        teamMs.push_back(openAndFirstPage(openTeam, true));
        fileMs.push_back(openAndFirstPage(openFile, false));
    }
    const double teamP50 = percentile(teamMs, 0.5), fileP50 = percentile(fileMs, 0.5);
    row("open + first 40 rows (newest first)", teamP50, "ms", fileP50, "ms file", teamP50 / fileP50,
        "(report)", true);

    // Searches as the Evidence panel runs them (count and first page): by an incident's id (an
    // index on both), and by rare words (the file's full-text index; the team log's word index, in
    // which letters beyond ASCII separate tokens).
    const auto searchMs = [](EvidenceStore &store, const EventSearch &s, qint64 *found) {
        auto &browser = dynamic_cast<EventBrowser &>(store);
        QElapsedTimer timer;
        timer.start();
        auto counted = browser.countMatches(s);
        auto page = browser.searchPage(s, std::nullopt, 40);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        *found = counted.ok() && page.ok() ? counted.value() : -1;
        if (!counted.ok() || !page.ok())
            std::printf("  (%s)\n",
                        qPrintable(counted.ok() ? page.error().toString() : counted.error().toString()));
        return ms;
    };
    auto teamStore = openTeam();
    auto fileStore = openFile();
    {
        // The file indexes an import's events for search in the background; here, all at once.
        auto *file = dynamic_cast<SqliteEvidenceStore *>(fileStore.get());
        QElapsedTimer indexing;
        indexing.start();
        for (auto left = file->indexForSearch(50000); left.ok() && left.value() > 0;
             left = file->indexForSearch(50000)) {
        }
        std::printf("the file's search index caught up with the import in %.1f s\n",
                    static_cast<double>(indexing.elapsed()) / 1000.0);
    }
    EventSearch byId;
    byId.ref = QStringLiteral("INC-BENCH");
    EventSearch byWord;
    byWord.text = QStringLiteral("needle%1").arg(n / 100 / 2);
    EventSearch eitherWord; // OR, NOT and parentheses narrowed through the word index too
    eitherWord.text =
        QStringLiteral("(needle%1 OR needle%2) NOT nothing").arg(n / 100 / 2).arg(n / 100 + n / 100 / 2);
    EventSearch beyondAscii; // "bergabepr fung" to the team log's index
    beyondAscii.text = QStringLiteral("Übergabeprüfung");
    for (const auto &[what, search] : {std::pair{"search by incident id (count + first page)", byId},
                                       std::pair{"search by a rare word (count + first page)", byWord},
                                       std::pair{"search by either of two rare words (OR, NOT)", eitherWord},
                                       std::pair{"search by a rare word beyond ASCII", beyondAscii}}) {
        std::vector<double> teamSearch, fileSearch;
        qint64 teamFound = 0, fileFound = 0;
        for (int i = 0; i < 3; ++i) {
            teamSearch.push_back(searchMs(*teamStore, search, &teamFound));
            fileSearch.push_back(searchMs(*fileStore, search, &fileFound));
        }
        const double a = percentile(teamSearch, 0.5), b = percentile(fileSearch, 0.5);
        row(what, a, "ms", b, "ms file", a / b, "(report)", teamFound == fileFound && teamFound > 0);
        if (teamFound != fileFound)
            std::printf("  found %lld on the team log, %lld in the file\n", static_cast<long long>(teamFound),
                        static_cast<long long>(fileFound));
    }
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
    const qint64 bigEvents = args.size() > 4 ? args.at(4).toLongLong() : 1000000;
    const int outboxActs = args.size() > 5 ? args.at(5).toInt() : 10000;
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

    // 3. An outbox of acts made offline, synced.
    if (outboxActs > 0)
        outboxSync(db, outboxActs, signer);

    // 4. A big team log, opened and browsed, beside the local file it came from.
    if (bigEvents > 0) {
        const QString big = db + QStringLiteral("_big");
        auto admin = connectOrDie(QStringLiteral("postgres"));
        execOrDie(admin, QStringLiteral("CREATE DATABASE %1").arg(big).toUtf8().constData());
        bigLog(big, bigEvents);
    }
    return g_failures ? 1 : 0;
}
