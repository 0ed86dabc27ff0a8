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

struct Limits {
    qint64 maxEntries = 2'000'000;
    qint64 maxTotalBytes = qint64(4) * 1024 * 1024 * 1024; // uncompressed
};

struct Entry {
    QString name;
    QByteArray data;
};

struct Contents {
    QList<Entry> files;      // regular files with safe names, in archive order
    QStringList unsafeNames; // absolute, "..", backslash or empty names (not read)
    qint64 totalBytes = 0;

    const Entry *find(const QString &name) const;
};

// A relative path without "..", backslashes or a leading slash.
bool safeName(const QString &name);

// Reads every entry (gzip, zstd or none). A corrupt archive or a broken limit is invalid input
// naming `label`.
Result<Contents> readFile(const QString &path, const Limits &limits = {});
Result<Contents> readMemory(const QByteArray &data, const QString &label, const Limits &limits = {});

} // namespace ops::tar
