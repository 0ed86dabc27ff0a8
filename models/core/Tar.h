#pragma once

// Internal to models/: tar archives through libarchive, shared by evidence bundles, the handoff
// package and verdict verification. Archives are written as pax tar with zstd and read in memory
// (never extracted), with every size capped so a hostile archive cannot exhaust memory.

#include "Result.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ops::tar {

class Writer {
public:
    Writer();
    ~Writer();
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    void setMtime(qint64 seconds) { m_mtime = seconds; }
    Result<void> open(const QString &path); // .tar.zst
    Result<void> add(const QString &name, QByteArrayView data);
    Result<void> addFile(const QString &name, QFile &file); // streamed from the file's start
    Result<void> close();

private:
    Result<void> header(const QString &name, qint64 size);
    struct Impl;
    std::unique_ptr<Impl> d;
    qint64 m_mtime = 0;
};

// Caps for reading a whole archive into memory: entries, bytes of one entry, bytes in all, and the
// ratio of uncompressed to compressed bytes (checked once the output passes ratioFloorBytes).
struct Limits {
    qint64 maxEntries = 200'000;
    qint64 maxEntryBytes = qint64(256) * 1024 * 1024;
    qint64 maxTotalBytes = qint64(1) * 1024 * 1024 * 1024; // uncompressed
    qint64 maxRatio = 250;
    qint64 ratioFloorBytes = 1024 * 1024;
};

struct Entry {
    QString name;
    QByteArray data;
};

struct Contents {
    QList<Entry> files;      // regular files with safe names (normalised), in archive order
    QStringList unsafeNames; // absolute, "..", backslash or empty names (not read)
    QStringList flagged;     // links, devices, fifos (not read), each with why
    QStringList directories; // directory entries (carry no data)
    QStringList duplicates;  // names that occur more than once once normalised ("./x" is "x")
    qint64 totalBytes = 0;

    const Entry *find(const QString &name) const;
};

// A relative path without "..", backslashes or a leading slash.
bool safeName(const QString &name);
// The name tar -x would write to: "./" and empty or "." components dropped ("./a//./b" is "a/b").
QString normalName(const QString &name);

// Reads every entry. Only gzip, zstd and uncompressed archives are read, in process: no external
// decompressor ever runs. A corrupt archive or a broken limit is invalid input naming `label`.
Result<Contents> readFile(const QString &path, const Limits &limits = {});
Result<Contents> readMemory(const QByteArray &data, const QString &label, const Limits &limits = {});

// Streaming read for archives too large to hold: every entry is visited in order and its bytes
// are handed to a sink in chunks, never kept. Caps guard against bombs: entry count, one entry's
// size, total uncompressed size, and the ratio of uncompressed to compressed bytes (checked once the output
// passes ratioFloorBytes, so small highly compressible files are fine).
struct ScanLimits {
    qint64 maxEntries = 100'000;
    qint64 maxEntryBytes = qint64(4) * 1024 * 1024 * 1024; // one entry, as declared and as read
    qint64 maxTotalBytes = qint64(16) * 1024 * 1024 * 1024;
    qint64 maxRatio = 250;
    qint64 ratioFloorBytes = 1024 * 1024;
};

struct ScanInfo {
    QString compression; // "gzip", "zstd", "none", or what libarchive calls it
    qint64 entries = 0;
    qint64 totalBytes = 0; // uncompressed bytes of regular files
    qint64 compressedBytes = 0;
    QStringList flagged;     // entries not read, each with why: absolute, "..", link, device
    QStringList directories; // directory entries
    QStringList duplicates;  // names that occur more than once (once normalised)
};

using ChunkSink = std::function<void(QByteArrayView chunk)>;
// Called at each regular file with a safe name (normalised); returns a sink for its bytes, or {} to
// skip them.
using EntryVisitor = std::function<ChunkSink(const QString &name, qint64 declaredSize)>;

Result<ScanInfo> scanFile(const QString &path, const ScanLimits &limits, const EntryVisitor &visit,
                          const std::function<bool()> &cancelled = {});
Result<ScanInfo> scanMemory(QByteArrayView data, const QString &label, const ScanLimits &limits,
                            const EntryVisitor &visit);

} // namespace ops::tar
