#include "Tar.h"

#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace ops::tar {

struct Writer::Impl {
    archive *a = archive_write_new();
    int fd = -1;
    QByteArray tempPath; // written here (created O_EXCL, 0600), renamed over the target at close
    QByteArray finalPath;
    ~Impl() {
        archive_write_free(a);
        if (fd >= 0)
            ::close(fd);
        if (!tempPath.isEmpty())
            ::unlink(tempPath.constData());
    }
    Error error(const QString &where) const {
        return makeError(ErrorCode::Store, QString::fromUtf8(archive_error_string(a)), where);
    }
};

Writer::Writer()
    : d(std::make_unique<Impl>()) {
}
Writer::~Writer() = default;

Result<void> Writer::open(const QString &path) {
    archive_write_add_filter_zstd(d->a);
    archive_write_set_format_pax_restricted(d->a);
    // A fresh file of our own beside the target (mkstemp: O_CREAT|O_EXCL, mode 0600), so nothing
    // planted at the path is followed or written through, and readers never see half an archive.
    d->finalPath = QFile::encodeName(path);
    QByteArray pattern = d->finalPath + ".XXXXXX";
    d->fd = ::mkstemp(pattern.data());
    if (d->fd < 0)
        return makeError(ErrorCode::Store, QString::fromLocal8Bit(std::strerror(errno)), path);
    d->tempPath = pattern;
    if (archive_write_open_fd(d->a, d->fd) != ARCHIVE_OK)
        return d->error(path);
    return {};
}

Result<void> Writer::header(const QString &name, qint64 size) {
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, name.toUtf8().constData());
    archive_entry_set_size(e, size);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, m_mtime, 0);
    const int rc = archive_write_header(d->a, e);
    archive_entry_free(e);
    if (rc != ARCHIVE_OK)
        return d->error(name);
    return {};
}

Result<void> Writer::add(const QString &name, QByteArrayView data) {
    if (auto r = header(name, data.size()); !r.ok())
        return r;
    if (!data.isEmpty() && archive_write_data(d->a, data.data(), static_cast<std::size_t>(data.size())) < 0)
        return d->error(name);
    return {};
}

Result<void> Writer::addFile(const QString &name, QFile &file) {
    if (auto r = header(name, file.size()); !r.ok())
        return r;
    file.seek(0);
    QByteArray buf(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buf.data(), buf.size())) > 0)
        if (archive_write_data(d->a, buf.constData(), static_cast<std::size_t>(n)) < 0)
            return d->error(name);
    if (n < 0)
        return makeError(ErrorCode::Store, file.errorString(), file.fileName());
    return {};
}

Result<void> Writer::close() {
    if (archive_write_close(d->a) != ARCHIVE_OK)
        return d->error({});
    const QString target = QFile::decodeName(d->finalPath);
    if (::fsync(d->fd) != 0 || ::close(d->fd) != 0) {
        d->fd = -1;
        return makeError(ErrorCode::Store, QString::fromLocal8Bit(std::strerror(errno)), target);
    }
    d->fd = -1;
    if (::rename(d->tempPath.constData(), d->finalPath.constData()) != 0)
        return makeError(ErrorCode::Store, QString::fromLocal8Bit(std::strerror(errno)), target);
    d->tempPath.clear();
    return {};
}

const Entry *Contents::find(const QString &name) const {
    for (const Entry &e : files)
        if (e.name == name)
            return &e;
    return nullptr;
}

bool safeName(const QString &name) {
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return false;
    for (const QString &part : name.split(QLatin1Char('/')))
        if (part == QLatin1String(".."))
            return false;
    return true;
}

QString normalName(const QString &name) {
    QStringList parts;
    for (const QString &part : name.split(QLatin1Char('/')))
        if (!part.isEmpty() && part != QLatin1String("."))
            parts << part;
    return parts.join(QLatin1Char('/'));
}

namespace {

// gzip and zstd in process, nothing else: libarchive would otherwise hand lzop, lrzip, grzip and
// others to external programs (with this process's environment) when it meets them.
struct Reader {
    archive *a = archive_read_new();
    bool inProcess = true;
    Reader() {
        inProcess = archive_read_support_filter_gzip(a) == ARCHIVE_OK &&
                    archive_read_support_filter_zstd(a) == ARCHIVE_OK;
        archive_read_support_format_tar(a);
    }
    ~Reader() { archive_read_free(a); }
    QString message() const { return QString::fromUtf8(archive_error_string(a)); }
    Result<void> check(const QString &label) const {
        if (!inProcess)
            return makeError(ErrorCode::Store,
                             QStringLiteral("this libarchive cannot decompress gzip and zstd in process"),
                             label);
        return {};
    }
};

QString describeFlagged(const QString &name, archive_entry *entry) {
    if (archive_entry_hardlink(entry) || archive_entry_filetype(entry) == AE_IFLNK) {
        const char *target =
            archive_entry_hardlink(entry) ? archive_entry_hardlink(entry) : archive_entry_symlink(entry);
        return QStringLiteral("%1 -> %2 (link)").arg(name, QString::fromUtf8(target ? target : ""));
    }
    return QStringLiteral("%1 (device, fifo or socket)").arg(name);
}

Result<Contents> readOpened(Reader &r, const QString &label, const Limits &limits) {
    Contents out;
    qint64 count = 0;
    QSet<QString> seen;
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    QByteArray buf(1 << 16, Qt::Uninitialized);
    while ((rc = archive_read_next_header(r.a, &entry)) == ARCHIVE_OK) {
        const QString raw = QString::fromUtf8(archive_entry_pathname(entry));
        if (++count > limits.maxEntries)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("more than %1 entries").arg(limits.maxEntries), label);
        if (!safeName(raw) || (normalName(raw).isEmpty() && archive_entry_filetype(entry) != AE_IFDIR)) {
            out.unsafeNames << raw;
            continue;
        }
        const QString name = normalName(raw);
        const auto type = archive_entry_filetype(entry);
        if (archive_entry_hardlink(entry) || (type != AE_IFREG && type != AE_IFDIR)) {
            out.flagged << describeFlagged(raw, entry);
            continue;
        }
        if (type == AE_IFDIR) {
            out.directories << raw;
            continue;
        }
        if (seen.contains(name))
            out.duplicates << name;
        seen.insert(name);
        QByteArray data;
        la_ssize_t n = 0;
        while ((n = archive_read_data(r.a, buf.data(), static_cast<std::size_t>(buf.size()))) > 0) {
            out.totalBytes += n;
            if (data.size() + n > limits.maxEntryBytes)
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("entry '%1' expands beyond %2 bytes: refused as a decompression bomb")
                        .arg(name)
                        .arg(limits.maxEntryBytes),
                    label);
            if (out.totalBytes > limits.maxTotalBytes)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("expands beyond %1 bytes: refused as a decompression bomb")
                                     .arg(limits.maxTotalBytes),
                                 label);
            const qint64 compressed = archive_filter_bytes(r.a, -1);
            if (out.totalBytes > limits.ratioFloorBytes &&
                out.totalBytes > limits.maxRatio * qMax<qint64>(1, compressed))
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("expands more than %1 times (%2 bytes from %3): refused as a "
                                                "decompression bomb")
                                     .arg(limits.maxRatio)
                                     .arg(out.totalBytes)
                                     .arg(compressed),
                                 label);
            data.append(buf.constData(), n);
        }
        if (n < 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("corrupt entry '%1': %2").arg(name, r.message()), label);
        out.files.push_back({name, data});
    }
    if (rc != ARCHIVE_EOF)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("corrupt archive: %1").arg(r.message()),
                         label);
    return out;
}

} // namespace

Result<Contents> readFile(const QString &path, const Limits &limits) {
    Reader r;
    if (auto ok = r.check(path); !ok.ok())
        return ok.error();
    if (archive_read_open_filename(r.a, QFile::encodeName(path).constData(), 1 << 16) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), path);
    return readOpened(r, path, limits);
}

Result<Contents> readMemory(const QByteArray &data, const QString &label, const Limits &limits) {
    Reader r;
    if (auto ok = r.check(label); !ok.ok())
        return ok.error();
    if (archive_read_open_memory(r.a, data.constData(), static_cast<std::size_t>(data.size())) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), label);
    return readOpened(r, label, limits);
}

namespace {

Result<ScanInfo> scanOpened(Reader &r, const QString &path, const ScanLimits &limits,
                            const EntryVisitor &visit, const std::function<bool()> &cancelled) {
    ScanInfo info;
    QSet<QString> seen;
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    QByteArray buf(1 << 18, Qt::Uninitialized);
    while ((rc = archive_read_next_header(r.a, &entry)) == ARCHIVE_OK) {
        if (++info.entries > limits.maxEntries)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("more than %1 entries").arg(limits.maxEntries), path);
        QString name = QString::fromUtf8(archive_entry_pathname(entry));
        const auto type = archive_entry_filetype(entry);
        if (!safeName(name)) {
            info.flagged << QStringLiteral("%1 (%2)").arg(
                name, name.startsWith(QLatin1Char('/')) ? QStringLiteral("absolute path")
                      : name.isEmpty()                  ? QStringLiteral("empty name")
                                                        : QStringLiteral("parent directory or backslash"));
            continue;
        }
        if (archive_entry_hardlink(entry) || (type != AE_IFREG && type != AE_IFDIR)) {
            info.flagged << describeFlagged(name, entry);
            continue;
        }
        if (type == AE_IFDIR) {
            info.directories << name;
            continue;
        }
        name = normalName(name);
        if (name.isEmpty()) {
            info.flagged
                << QStringLiteral("%1 (empty name)").arg(QString::fromUtf8(archive_entry_pathname(entry)));
            continue;
        }
        if (seen.contains(name))
            info.duplicates << name;
        seen.insert(name);
        const auto tooLarge = [&](qint64 bytes) {
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("entry '%1' holds %2 bytes, more than the %3 one entry may hold")
                                 .arg(name)
                                 .arg(bytes)
                                 .arg(limits.maxEntryBytes),
                             path);
        };
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits.maxEntryBytes)
            return tooLarge(archive_entry_size(entry));
        qint64 entryBytes = 0;
        const ChunkSink sink =
            visit ? visit(name, archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1)
                  : ChunkSink();
        la_ssize_t n = 0;
        while ((n = archive_read_data(r.a, buf.data(), static_cast<std::size_t>(buf.size()))) > 0) {
            info.totalBytes += n;
            entryBytes += n;
            if (entryBytes > limits.maxEntryBytes)
                return tooLarge(entryBytes);
            info.compressedBytes = archive_filter_bytes(r.a, -1);
            if (info.totalBytes > limits.maxTotalBytes)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("expands beyond %1 bytes: refused as a decompression bomb")
                                     .arg(limits.maxTotalBytes),
                                 path);
            if (info.totalBytes > limits.ratioFloorBytes &&
                info.totalBytes > limits.maxRatio * qMax<qint64>(1, info.compressedBytes))
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral(
                        "expands more than %1 times (%2 bytes from %3): refused as a decompression bomb")
                        .arg(limits.maxRatio)
                        .arg(info.totalBytes)
                        .arg(info.compressedBytes),
                    path);
            if (cancelled && cancelled())
                return makeError(ErrorCode::Negative, QStringLiteral("cancelled"), path);
            if (sink)
                sink(QByteArrayView(buf.constData(), n));
        }
        if (n < 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("corrupt entry '%1': %2").arg(name, r.message()), path);
    }
    if (rc != ARCHIVE_EOF)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("corrupt archive: %1").arg(r.message()),
                         path);
    info.compressedBytes = archive_filter_bytes(r.a, -1);
    const int code = archive_filter_code(r.a, 0);
    info.compression = code == ARCHIVE_FILTER_GZIP   ? QStringLiteral("gzip")
                       : code == ARCHIVE_FILTER_ZSTD ? QStringLiteral("zstd")
                       : code == ARCHIVE_FILTER_NONE ? QStringLiteral("none")
                                                     : QString::fromUtf8(archive_filter_name(r.a, 0));
    return info;
}

} // namespace

Result<ScanInfo> scanFile(const QString &path, const ScanLimits &limits, const EntryVisitor &visit,
                          const std::function<bool()> &cancelled) {
    Reader r;
    if (auto ok = r.check(path); !ok.ok())
        return ok.error();
    if (archive_read_open_filename(r.a, QFile::encodeName(path).constData(), 1 << 18) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), path);
    return scanOpened(r, path, limits, visit, cancelled);
}

Result<ScanInfo> scanMemory(QByteArrayView data, const QString &label, const ScanLimits &limits,
                            const EntryVisitor &visit) {
    Reader r;
    if (auto ok = r.check(label); !ok.ok())
        return ok.error();
    if (archive_read_open_memory(r.a, data.data(), static_cast<std::size_t>(data.size())) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), label);
    return scanOpened(r, label, limits, visit, {});
}

} // namespace ops::tar
