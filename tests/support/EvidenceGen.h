#pragma once

// A large, varied JSONL import (what `evidence import` reads), for the Evidence panel's GUI test
// and benchmarks: kinds, scopes and payload words drawn deterministically, and a rare token
// ("needle<i>") every `needleEvery` events so a selective full-text search has a known answer.

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QString>

namespace ops::test {

struct GeneratedEvidence {
    qint64 events = 0;
    qint64 needles = 0;       // events that carry a needle token
    qint64 publishFailed = 0; // events of kind note.publish_failed
    qint64 scopeKl = 0;       // events in scope kl
};

// Notes only: an import brings in nothing else but signals, and signals would fire alerts.
inline const char *const kGenKinds[] = {"note.publish",  "note.fetch",          "note.watch_observed",
                                        "note.artifact", "note.publish_failed", "note.ops"};
inline const char *const kGenScopes[] = {"baseline", "my", "kl", "pg", "sg"};
inline const char *const kGenWords[] = {"manifest",   "pack",     "resolver", "rules",
                                        "checksum",   "latency",  "fallback", "orchestrator",
                                        "scoreboard", "verifier", "locality", "publish"};

// Line i carries the time startMs + i seconds: an import accepts times from the log's last
// checkpoint up to now, so callers start after the store's last checkpoint and move their store's
// clock past startMs + n seconds before importing.
inline GeneratedEvidence writeGeneratedJsonl(const QString &path, qint64 n, qint64 startMs,
                                             qint64 needleEvery = 10000) {
    GeneratedEvidence g;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    quint64 x = 0x9E3779B97F4A7C15ull;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    const qint64 start = startMs;
    QByteArray line;
    for (qint64 i = 0; i < n; ++i) {
        const char *kind = kGenKinds[next() % 6];
        const char *scope = kGenScopes[next() % 5];
        line = "{\"kind\":\"";
        line += kind;
        line += "\",\"scope\":\"";
        line += scope;
        line += "\",\"payload\":{\"i\":" + QByteArray::number(i) + ",\"note\":\"";
        line += kGenWords[next() % 12];
        line += ' ';
        line += kGenWords[next() % 12];
        if (needleEvery > 0 && i % needleEvery == needleEvery / 2) {
            line += " needle needle" + QByteArray::number(i);
            ++g.needles;
        }
        line += "\",\"latency_ms\":" + QByteArray::number(static_cast<qint64>(next() % 5000)) + "},\"ts\":\"";
        line += QDateTime::fromMSecsSinceEpoch(start + i * 1000, Qt::UTC).toString(Qt::ISODate).toLatin1();
        line += "\"}\n";
        f.write(line);
        if (qstrcmp(kind, "note.publish_failed") == 0)
            ++g.publishFailed;
        if (qstrcmp(scope, "kl") == 0)
            ++g.scopeKl;
        ++g.events;
    }
    return g;
}

} // namespace ops::test
