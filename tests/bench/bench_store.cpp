// Evidence store benchmark: each figure beside a baseline measured in the same run.
//   import 100k events   vs  sqlite3 shell .import of the same lines (one-column WAL table)
//   verify 1M events     vs  sha256sum over the same canonical bytes
//   open a 1M store      vs  open an empty store
//   inclusion proof at 1M leaves (absolute), peak RSS of a 1M import (absolute, child process)
#include "crypto/Merkle.h"
#include "store/SqliteEvidenceStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace ops;

namespace {

QString g_bin;
int g_failures = 0;

void row(const char *what, double value, const char *unit, double baseline, const char *baseUnit,
         double ratio, const char *target, bool ok) {
    std::printf("%-44s %12.1f %-8s %12.1f %-8s ratio %6.2f  target %-10s %s\n", what, value, unit, baseline,
                baseUnit, ratio, target, ok ? "PASS" : "FAIL");
    std::fflush(stdout);
    if (!ok)
        ++g_failures;
}

void writeJsonl(const QString &path, int n) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    const char *scopes[] = {"baseline", "my", "sg", "kl", "pg"};
    const char *kinds[] = {"signal.fallback_rate", "signal.watch_transition", "signal.publish_blocked",
                           "note.operator"};
    QByteArray buf;
    for (int i = 0; i < n; ++i) {
        buf += "{\"kind\":\"";
        buf += kinds[i % 4];
        buf += "\",\"scope\":\"";
        buf += scopes[i % 5];
        buf += "\",\"payload\":{\"i\":" + QByteArray::number(i) + ",\"value\":\"0." +
               QByteArray::number(i % 997) + "\",\"note\":\"synthetic benchmark event number " +
               QByteArray::number(i) + "\"}}\n";
        if (buf.size() > (1 << 20)) {
            f.write(buf);
            buf.clear();
        }
    }
    f.write(buf);
}

Signer makeSigner() {
    return Signer{QStringLiteral("bench"), crypto::PrivateKey::generate().value()};
}

std::unique_ptr<SqliteEvidenceStore> newStore(const QString &path, const Signer &s) {
    StoreOpenOptions o;
    o.create = true;
    auto store = SqliteEvidenceStore::open(path, o);
    if (!store.ok())
        qFatal("%s", qPrintable(store.error().toString()));
    if (!store.value()->registerIdentity(s, {QStringLiteral("operator")}).ok())
        qFatal("register");
    return std::move(store).value();
}

double sqliteImportSeconds(const QString &dir, const QString &jsonl) {
    const QString db = dir + QStringLiteral("/baseline.sqlite");
    QFile::remove(db);
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("sqlite3"),
            {db, QStringLiteral("-cmd"), QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("-cmd"),
             QStringLiteral("CREATE TABLE t(line TEXT)"), QStringLiteral(".separator \"\\t\" \"\\n\""),
             QStringLiteral(".import ") + jsonl + QStringLiteral(" t")});
    p.waitForFinished(-1);
    const double s = t.nsecsElapsed() / 1e9;
    if (p.exitCode() != 0)
        qFatal("sqlite3 .import failed: %s", p.readAllStandardError().constData());
    return s;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

double openSeconds(const QString &path, int rounds) {
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        auto s = SqliteEvidenceStore::open(path);
        if (!s.ok())
            qFatal("%s", qPrintable(s.error().toString()));
        (void)s.value()->latestCheckpoint();
        times << t.nsecsElapsed() / 1e9;
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    g_bin = QCoreApplication::applicationDirPath();
    const int big = qEnvironmentVariableIntValue("BENCH_EVENTS") > 0
                        ? qEnvironmentVariableIntValue("BENCH_EVENTS")
                        : 1000000;
    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/opsconsole-bench-XXXXXX"));
    const QString dir = tmp.path();
    std::printf("opsconsole store benchmark (%d-event store; figures beside same-run baselines)\n\n", big);

    // 1. Import 100k vs sqlite3 .import
    const QString small = dir + QStringLiteral("/100k.jsonl");
    writeJsonl(small, 100000);
    const Signer signer = makeSigner();
    double ours = 1e9, theirs = 1e9;
    for (int round = 0; round < 5; ++round) { // interleaved, best of 5 each: the machine is noisy
        const QString path = dir + QStringLiteral("/import-%1.sqlite").arg(round);
        auto store = newStore(path, signer);
        QElapsedTimer t;
        t.start();
        if (!store->importJsonl(signer, small).ok())
            qFatal("import failed");
        ours = std::min(ours, t.nsecsElapsed() / 1e9);
        theirs = std::min(theirs, sqliteImportSeconds(dir, small));
    }
    row("import 100k events (events/s)", 100000 / ours, "ev/s", 100000 / theirs, "rows/s", theirs / ours,
        ">= 0.30", theirs / ours >= 0.30);

    // 2. Build the big store through the CLI in a child process, for its peak memory.
    const QString bigJsonl = dir + QStringLiteral("/big.jsonl");
    writeJsonl(bigJsonl, big);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), dir + QStringLiteral("/state"));
    env.remove(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
    env.insert(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    const QString bigStore = dir + QStringLiteral("/big.sqlite");
    QProcess init;
    init.setProcessEnvironment(env);
    init.start(g_bin + QStringLiteral("/opsconsole-cli"),
               {QStringLiteral("--store"), bigStore, QStringLiteral("init"), QStringLiteral("--identity"),
                QStringLiteral("bench"), QStringLiteral("--roles"), QStringLiteral("operator")});
    init.waitForFinished(-1);
    struct rusage before {};
    getrusage(RUSAGE_CHILDREN, &before);
    QProcess imp;
    imp.setProcessEnvironment(env);
    QElapsedTimer ti;
    ti.start();
    imp.start(g_bin + QStringLiteral("/opsconsole-cli"),
              {QStringLiteral("--store"), bigStore, QStringLiteral("evidence"), QStringLiteral("import"),
               bigJsonl});
    imp.waitForFinished(-1);
    const double importBig = ti.nsecsElapsed() / 1e9;
    if (imp.exitCode() != 0)
        qFatal("CLI import failed: %s", imp.readAllStandardError().constData());
    struct rusage after {};
    getrusage(RUSAGE_CHILDREN, &after);
    const double peakMb = after.ru_maxrss / 1024.0; // the largest child so far is the importer
    row("peak RSS importing the big store (MB)", peakMb, "MB", 200, "limit", peakMb / 200, "< 1.00",
        peakMb < 200);
    std::printf("%-44s %12.1f %-8s (%.0f events/s through the CLI)\n", "  import time, big store", importBig,
                "s", big / importBig);

    // 3. Verify vs sha256sum over the same canonical bytes
    auto store = SqliteEvidenceStore::open(bigStore).value();
    const QString bytesFile = dir + QStringLiteral("/canonical.bin");
    {
        QFile out(bytesFile);
        out.open(QIODevice::WriteOnly);
        for (quint64 from = 1;;) {
            auto page = store->events(from, 20000).value();
            if (page.isEmpty())
                break;
            QByteArray buf;
            for (const StoredEvent &e : page)
                buf.append(e.canonical.data(), static_cast<qsizetype>(e.canonical.size()));
            out.write(buf);
            from = page.last().seq + 1;
        }
    }
    QList<double> shaTimes, verifyTimes;
    for (int round = 0; round < 3; ++round) {
        QProcess sha;
        QElapsedTimer t;
        t.start();
        sha.start(QStringLiteral("sha256sum"), {bytesFile});
        sha.waitForFinished(-1);
        shaTimes << t.nsecsElapsed() / 1e9;
        t.restart();
        auto report = store->verify({false, true});
        verifyTimes << t.nsecsElapsed() / 1e9;
        if (!report.ok() || !report->intact)
            qFatal("verify failed");
    }
    const double v = median(verifyTimes), s = median(shaTimes);
    row("verify the big store (s)", v, "s", s, "s sha256", v / s, "<= 3.00", v / s <= 3.0);

    // 4. Open cost: big vs empty
    const QString empty = dir + QStringLiteral("/empty.sqlite");
    newStore(empty, signer).reset();
    store.reset();
    const double openEmpty = openSeconds(empty, 21), openBig = openSeconds(bigStore, 21);
    row("open the big store (ms)", openBig * 1000, "ms", openEmpty * 1000, "ms empty", openBig / openEmpty,
        "<= 1.20", openBig / openEmpty <= 1.2);

    // 5. Inclusion proofs at the big size
    store = SqliteEvidenceStore::open(bigStore).value();
    const quint64 n = store->size().value();
    const auto cp = store->latestCheckpoint().value();
    QElapsedTimer tp;
    tp.start();
    const int proofs = 2000;
    for (int i = 0; i < proofs; ++i) {
        const quint64 seq = 1 + QRandomGenerator::global()->bounded(n);
        auto p = store->inclusionProof(seq, n);
        if (!p.ok() || !crypto::merkle::verifyInclusion(p->leafHash, seq - 1, n, p->path, cp.root))
            qFatal("proof failed");
    }
    const double perProof = tp.nsecsElapsed() / 1e6 / proofs;
    row("inclusion proof + verify at the big size (ms)", perProof, "ms", 1.0, "limit", perProof, "< 1.00",
        perProof < 1.0);
    std::printf("\n%s\n", g_failures == 0 ? "all targets met" : "some targets missed (see FAIL)");
    return 0;
}
