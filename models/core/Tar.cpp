#include "Tar.h"

#include <QSet>

#include <archive.h>
#include <archive_entry.h>

namespace ops::tar {

struct Writer::Impl {
    archive *a = archive_write_new();
    ~Impl() { archive_write_free(a); }
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
    if (archive_write_open_filename(d->a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
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

namespace {

struct Reader {
    archive *a = archive_read_new();
    Reader() {
        archive_read_support_filter_all(a);
        archive_read_support_format_tar(a);
    }
    ~Reader() { archive_read_free(a); }
    QString message() const { return QString::fromUtf8(archive_error_string(a)); }
};

Result<Contents> readOpened(Reader &r, const QString &label, const Limits &limits) {
    Contents out;
    qint64 count = 0;
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(r.a, &entry)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (++count > limits.maxEntries)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("more than %1 entries").arg(limits.maxEntries), label);
        if (!safeName(name)) {
            out.unsafeNames << name;
            continue;
        }
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        QByteArray data;
        char buf[1 << 16];
        la_ssize_t n = 0;
        while ((n = archive_read_data(r.a, buf, sizeof buf)) > 0) {
            out.totalBytes += n;
            if (out.totalBytes > limits.maxTotalBytes)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("expands beyond %1 bytes").arg(limits.maxTotalBytes), label);
            data.append(buf, n);
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
    if (archive_read_open_filename(r.a, QFile::encodeName(path).constData(), 1 << 16) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), path);
    return readOpened(r, path, limits);
}

Result<Contents> readMemory(const QByteArray &data, const QString &label, const Limits &limits) {
    Reader r;
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
        if (archive_entry_hardlink(entry) || type == AE_IFLNK) {
            const char *target =
                archive_entry_hardlink(entry) ? archive_entry_hardlink(entry) : archive_entry_symlink(entry);
            info.flagged
                << QStringLiteral("%1 -> %2 (link)").arg(name, QString::fromUtf8(target ? target : ""));
            continue;
        }
        if (type == AE_IFDIR)
            continue;
        if (type != AE_IFREG) {
            info.flagged << QStringLiteral("%1 (device, fifo or socket)").arg(name);
            continue;
        }
        while (name.startsWith(QLatin1String("./")))
            name.remove(0, 2);
        if (seen.contains(name))
            info.duplicates << name;
        seen.insert(name);
        const ChunkSink sink =
            visit ? visit(name, archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1)
                  : ChunkSink();
        la_ssize_t n = 0;
        while ((n = archive_read_data(r.a, buf.data(), static_cast<std::size_t>(buf.size()))) > 0) {
            info.totalBytes += n;
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
    if (archive_read_open_filename(r.a, QFile::encodeName(path).constData(), 1 << 18) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), path);
    return scanOpened(r, path, limits, visit, cancelled);
}

Result<ScanInfo> scanMemory(QByteArrayView data, const QString &label, const ScanLimits &limits,
                            const EntryVisitor &visit) {
    Reader r;
    if (archive_read_open_memory(r.a, data.data(), static_cast<std::size_t>(data.size())) != ARCHIVE_OK)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a readable archive: %1").arg(r.message()), label);
    return scanOpened(r, label, limits, visit, {});
}

} // namespace ops::tar
