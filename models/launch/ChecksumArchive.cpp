#include "ChecksumArchive.h"
#include "core/ActErrors.h"

#include "crypto/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace ops::ChecksumArchive {

namespace {

using act_errors::invalid;

Result<ChecksumEntry> hashFile(const QString &name, const QString &path,
                               const std::function<bool(qint64)> &progress, qint64 doneBefore) {
    if (name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r')) ||
        name.contains(QLatin1Char('\\')))
        return invalid(QStringLiteral("'%1': a name with a newline or backslash cannot be written as a "
                                      "sha256sum line; rename it")
                           .arg(name),
                       name);
    const QFileInfo info(path);
    std::function<bool(qint64)> relay;
    if (progress)
        relay = [&](qint64 done) { return progress(doneBefore + done); };
    auto digest = crypto::sha256File(path, relay);
    if (!digest.ok()) {
        Error e = digest.error();
        if (e.where.isEmpty())
            e.where = name;
        return e;
    }
    return ChecksumEntry{name, info.size(), QString::fromLatin1(digest->toHex())};
}

} // namespace

Result<QList<ChecksumEntry>> compute(const QStringList &paths, const std::function<bool(qint64)> &progress) {
    if (paths.isEmpty())
        return invalid(QStringLiteral("name at least one file or directory to checksum"),
                       QStringLiteral("FILE"));
    // First the list (so a missing path fails before any hashing), then the digests.
    QList<QPair<QString, QString>> files; // name, path
    for (const QString &given : paths) {
        const QFileInfo info(given);
        if (!info.exists())
            return invalid(QStringLiteral("'%1' does not exist").arg(given), given);
        if (info.isDir()) {
            QString prefix = given;
            while (prefix.size() > 1 && prefix.endsWith(QLatin1Char('/')))
                prefix.chop(1);
            const QDir root(info.absoluteFilePath());
            QStringList names;
            QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (!QFileInfo(path).isFile())
                    continue; // sockets, fifos and dangling links carry no build content
                names << root.relativeFilePath(path);
            }
            names.sort();
            for (const QString &rel : names)
                files.append({prefix == QLatin1String("/") ? QString(QLatin1Char('/') + rel)
                                                           : QString(prefix + QLatin1Char('/') + rel),
                              root.filePath(rel)});
            continue;
        }
        if (!info.isFile())
            return invalid(QStringLiteral("'%1' is not a regular file or a directory").arg(given), given);
        files.append({given, given});
    }
    if (files.isEmpty())
        return invalid(QStringLiteral("no files under %1").arg(paths.join(QStringLiteral(", "))),
                       paths.first());
    QList<ChecksumEntry> out;
    out.reserve(files.size());
    qint64 done = 0;
    for (const auto &[name, path] : files) {
        auto entry = hashFile(name, path, progress, done);
        if (!entry.ok())
            return entry.error();
        done += entry->size;
        out << entry.value();
    }
    return out;
}

QByteArray sha256sumText(const QList<ChecksumEntry> &entries) {
    QByteArray out;
    for (const ChecksumEntry &e : entries)
        out += e.sha256.toLatin1() + "  " + e.name.toUtf8() + '\n';
    return out;
}

JsonValue toJson(const QList<ChecksumEntry> &entries) {
    JsonValue a = JsonValue::array();
    for (const ChecksumEntry &e : entries) {
        JsonValue o = JsonValue::object();
        o["name"] = e.name;
        o["size"] = e.size;
        o["sha256"] = e.sha256;
        a.push(o);
    }
    return a;
}

QList<ChecksumEntry> fromJson(const JsonValue &entries) {
    QList<ChecksumEntry> out;
    for (const JsonValue &o : entries.toArray()) {
        const JsonValue *size = o.find("size");
        out << ChecksumEntry{o.stringAt("name"), size ? size->toInt() : 0, o.stringAt("sha256")};
    }
    return out;
}

qint64 totalBytes(const QList<ChecksumEntry> &entries) {
    qint64 n = 0;
    for (const ChecksumEntry &e : entries)
        n += e.size;
    return n;
}

} // namespace ops::ChecksumArchive
