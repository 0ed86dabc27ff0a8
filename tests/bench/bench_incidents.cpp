// Incident fold benchmark: the console re-reads incidents, runs and kill switches every five
// seconds and before every action, by folding their events out of the store. Each figure beside
// a baseline measured in the same run:
//   fold 1,000 incidents + 100 rollbacks amid 1M other events   vs  the same fold in a store of only those
//   events (a full scan of the kinds, what the fold would cost without the kind index, is printed beside) log
//   a decision (folds, checks, signs, appends) on that store  vs  the same on a store of only those events
#include "incidents/IncidentActions.h"
#include "store/Sqlite.h"
#include "store/SqliteEvidenceStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace ops;

namespace {

int g_failures = 0;

void row(const char *what, double value, const char *unit, double baseline, const char *baseUnit,
         double ratio, const char *target, bool ok) {
    std::printf("%-52s %10.1f %-4s %10.1f %-4s ratio %6.3f  target %-8s %s\n", what, value, unit, baseline,
                baseUnit, ratio, target, ok ? "PASS" : "FAIL");
    std::fflush(stdout);
    if (!ok)
        ++g_failures;
}

template<typename F> double medianMs(int runs, F &&f) {
    QList<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        t << timer.nsecsElapsed() / 1e6;
    }
    std::sort(t.begin(), t.end());
    return t.at(t.size() / 2);
}

std::unique_ptr<SqliteEvidenceStore> newStore(const QString &path, const Signer &s) {
    StoreOpenOptions o;
    o.create = true;
    auto store = SqliteEvidenceStore::open(path, o);
    if (!store.ok())
        qFatal("%s", qPrintable(store.error().toString()));
    if (!store.value()
             ->registerIdentity(s, {QStringLiteral("operator"), QStringLiteral("incident-owner")})
             .ok())
        qFatal("register");
    return std::move(store).value();
}

void importOther(SqliteEvidenceStore &store, const Signer &s, const QString &file, int n) {
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file));
    QByteArray buf;
    for (int i = 0; i < n; ++i) {
        buf += "{\"kind\":\"" + QByteArray(i % 2 ? "signal.fallback_rate" : "note.observed") +
               "\",\"scope\":\"kl\",\"payload\":{\"i\":" + QByteArray::number(i) + "}}\n";
        if (buf.size() > (1 << 20)) {
            f.write(buf);
            buf.clear();
        }
    }
    f.write(buf);
    f.close();
    if (auto r = store.importJsonl(s, file); !r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

// 1,000 incidents (open, evidence, decision; every other one closed) and 100 finished rollbacks.
void populate(SqliteEvidenceStore &store, const Signer &s, const DeploymentConfig &config,
              const RunbookLibrary &lib) {
    // The real clock, a millisecond on at least each act: times never go backwards in a log (the
    // checkpoints the store seals with are on the real clock).
    qint64 clock = 0;
    IncidentActions a(store, s, config, lib, [&clock] {
        clock = std::max(clock + 1, QDateTime::currentMSecsSinceEpoch());
        return clock;
    });
    const auto must = [](const auto &result) {
        if (!result.ok())
            qFatal("%s", qPrintable(result.error().toString()));
    };
    const QMap<QString, QString> record{{QStringLiteral("scope"), QStringLiteral("kl")},
                                        {QStringLiteral("trigger"), QStringLiteral("bench")},
                                        {QStringLiteral("failure_mode"), QStringLiteral("stale")},
                                        {QStringLiteral("containment_action"), QStringLiteral("paused")},
                                        {QStringLiteral("rollback_action"), QStringLiteral("none")},
                                        {QStringLiteral("verification_result"), QStringLiteral("ok")},
                                        {QStringLiteral("owner"), QStringLiteral("bench")},
                                        {QStringLiteral("follow_up"), QStringLiteral("none")}};
    for (int i = 0; i < 1000; ++i) {
        auto e = a.open({QStringLiteral("stale-pack"),
                         QStringLiteral("kl"),
                         {},
                         {},
                         QStringLiteral("bench %1").arg(i),
                         {},
                         {}});
        if (!e.ok())
            qFatal("%s", qPrintable(e.error().toString()));
        const QString id = citedIdOf(e.value());
        must(a.addEvidence(id, record));
        must(a.decide(id, QStringLiteral("decision %1").arg(i)));
        if (i % 2)
            must(a.close(id, QStringLiteral("fresh publish ok"), {}));
    }
    ProbeResult ok;
    ok.state = ProbeState::Ok;
    ok.target.kind = TargetKind::Pack;
    ok.target.expectedSha256 = ok.actualSha256 = QString(64, QLatin1Char('a'));
    for (int i = 0; i < 100; ++i) {
        auto run = a.runs().startRollback(QStringLiteral("kl"), true, {});
        if (!run.ok())
            qFatal("%s", qPrintable(run.error().toString()));
        const IncidentBook book = IncidentBook::load(store).value();
        for (const StepState &st : book.run(citedIdOf(run.value()))->steps) {
            StepInput in;
            in.step = st.step.id;
            in.note = QStringLiteral("ok");
            in.confirmed = true;
            in.probes = QList<ProbeResult>{ok};
            const NewBlob response =
                makeBlob(QStringLiteral("r.json"), "{}", QStringLiteral("application/json")).value();
            if (auto r = a.runs().recordStep(citedIdOf(run.value()), in, {response}); !r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
        }
    }
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int others = qEnvironmentVariableIntValue("BENCH_OTHER_EVENTS") > 0
                           ? qEnvironmentVariableIntValue("BENCH_OTHER_EVENTS")
                           : 1000000;
    QTemporaryDir dir;
    const Signer s{QStringLiteral("bench"), crypto::PrivateKey::generate().value()};
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary lib = RunbookLibrary::builtin();

    auto big = newStore(dir.filePath(QStringLiteral("big.sqlite")), s);
    importOther(*big, s, dir.filePath(QStringLiteral("other.jsonl")), others);
    populate(*big, s, config, lib);
    auto small = newStore(dir.filePath(QStringLiteral("small.sqlite")), s);
    populate(*small, s, config, lib);

    const quint64 total = big->size().value();
    std::printf("store: %llu events, of which %d other\n", static_cast<unsigned long long>(total), others);
    std::size_t incidents = 0, runs = 0;
    const double fold = medianMs(5, [&] {
        const IncidentBook b = IncidentBook::load(*big).value();
        incidents = static_cast<std::size_t>(b.incidents().size());
        runs = static_cast<std::size_t>(b.runs().size());
    });
    // Baseline: one pass over every event's kind, what a fold without the kind index would cost.
    auto db = store::Database::open(big->path(), false, true);
    if (!db.ok())
        qFatal("%s", qPrintable(db.error().toString()));
    const double scan = medianMs(5, [&] {
        auto st = store::Statement::prepare(
            db.value(), "SELECT count(*) FROM events WHERE substr(kind, 1, 9) = 'incident.'");
        (void)st->step();
    });
    std::printf("folded %zu incidents and %zu runs\n", incidents, runs);
    const double alone = medianMs(5, [&] { (void)IncidentBook::load(*small).value(); });
    std::printf("a full scan of the %llu events' kinds: %.1f ms\n", static_cast<unsigned long long>(total),
                scan);
    row("fold incidents + runs amid the other events (ms)", fold, "ms", alone, "ms", fold / alone, "<= 1.5",
        fold <= 1.5 * alone);

    IncidentActions onBig(*big, s, config, lib);
    IncidentActions onSmall(*small, s, config, lib);
    auto decideOn = [](IncidentActions &a) {
        auto e = a.open(
            {QStringLiteral("stale-pack"), QStringLiteral("kl"), {}, {}, QStringLiteral("timed"), {}, {}});
        if (!e.ok())
            qFatal("%s", qPrintable(e.error().toString()));
        const QString id = citedIdOf(e.value());
        return medianMs(9, [&] {
            if (auto d = a.decide(id, QStringLiteral("timed decision")); !d.ok())
                qFatal("%s", qPrintable(d.error().toString()));
        });
    };
    const double bigDecide = decideOn(onBig);
    const double smallDecide = decideOn(onSmall);
    row("log a decision amid the other events (ms)", bigDecide, "ms", smallDecide, "ms",
        bigDecide / smallDecide, "<= 1.5", bigDecide <= 1.5 * smallDecide);
    return g_failures == 0 ? 0 : 1;
}
