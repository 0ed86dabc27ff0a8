#pragma once

#include "core/JsonValue.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace ops {

// The release build's checksum archive: SHA-256 of chosen files, or of every regular file under a
// directory, streamed (any size). Names are the paths as given (a directory's files as
// "DIR/relative/path"), so that `sha256sum -c` run where they were taken checks them.
struct ChecksumEntry {
    QString name;
    qint64 size = 0;
    QString sha256; // hex
};

namespace ChecksumArchive {
// Every path must exist and be readable; a name sha256sum would have to escape (newline, backslash)
// is refused, naming it. Directory entries are sorted; symbolic links to directories are not
// followed. Nothing is written.
Result<QList<ChecksumEntry>> compute(const QStringList &paths,
                                     const std::function<bool(qint64)> &progress = {});
// "<sha256>  <name>\n" a file, exactly as sha256sum prints them.
QByteArray sha256sumText(const QList<ChecksumEntry> &entries);
JsonValue toJson(const QList<ChecksumEntry> &entries);
QList<ChecksumEntry> fromJson(const JsonValue &entries);
qint64 totalBytes(const QList<ChecksumEntry> &entries);
} // namespace ChecksumArchive

} // namespace ops
