#include "FileUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ops::FileUtil {

namespace {
Error ioError(const QString &what, const QString &path) {
    return makeError(ErrorCode::Store,
                     what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)), path);
}

bool writeAllFd(int fd, const char *data, qsizetype size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<std::size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}
} // namespace

static Result<void> writePrivateAtomicImpl(const QString &path, QByteArrayView content,
                                           const QString &tempPath,
                                           const std::function<Result<void>()> &beforeRename);

Result<void> writePrivateAtomic(const QString &path, QByteArrayView content, const QString &tempPath) {
    return writePrivateAtomicImpl(path, content, tempPath, {});
}

Result<void> writePrivateAtomicThen(const QString &path, QByteArrayView content,
                                    const std::function<Result<void>()> &beforeRename) {
    return writePrivateAtomicImpl(path, content, {}, beforeRename);
}

static Result<void> writePrivateAtomicImpl(const QString &path, QByteArrayView content,
                                           const QString &tempPath,
                                           const std::function<Result<void>()> &beforeRename) {
    if (QFileInfo(path).isDir()) // the rename would fail after beforeRename ran
        return makeError(ErrorCode::InvalidInput, QStringLiteral("is a directory"), path);
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Store, QStringLiteral("cannot create directory"), dir);
    const QString tmp = !tempPath.isEmpty()
                            ? tempPath
                            : path + QStringLiteral(".tmp-%1").arg(QRandomGenerator::system()->generate(), 8,
                                                                   16, QLatin1Char('0'));
    const QByteArray tmpName = QFile::encodeName(tmp);
    // Always a file of our own: a fixed temporary name (used under a lock) left behind by a crash,
    // or planted as a link, is removed first; nothing is ever written through a link.
    if (!tempPath.isEmpty())
        ::unlink(tmpName.constData());
    const int fd = ::open(tmpName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("cannot create file"), tmp);
    const bool ok = writeAllFd(fd, content.data(), content.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(tmpName.constData());
        return ioError(QStringLiteral("cannot write file"), tmp);
    }
    if (beforeRename)
        if (auto r = beforeRename(); !r.ok()) {
            ::unlink(tmpName.constData());
            return r;
        }
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(tmpName.constData());
        return ioError(QStringLiteral("cannot replace file"), path);
    }
    const int dfd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

namespace {

Result<void> createPrivateFile(const QString &path, int extraFlags) {
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Store, QStringLiteral("cannot create directory"), dir);
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | extraFlags, 0600);
    if (fd < 0)
        return ioError(errno == EEXIST ? QStringLiteral("refusing to overwrite an existing file")
                                       : QStringLiteral("cannot create file"),
                       path);
    struct stat st {};
    const bool own = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
    ::close(fd);
    if (!own)
        return makeError(ErrorCode::Store, QStringLiteral("not a regular file of this user"), path);
    return {};
}

} // namespace

Result<void> createPrivate(const QString &path) {
    return createPrivateFile(path, 0);
}

Result<void> createNewPrivate(const QString &path) {
    return createPrivateFile(path, O_EXCL);
}

bool isStdin(const QString &path) {
    return path == QLatin1String("-");
}

QString inputName(const QString &path) {
    return isStdin(path) ? QStringLiteral("<stdin>") : path;
}

Error spooledNamed(Error error, const QString &given, const QString &spooled) {
    if (spooled.isEmpty() || spooled == given)
        return error;
    const QString name = inputName(given);
    error.message.replace(spooled, name);
    error.where.replace(spooled, name);
    for (Diagnostic &d : error.diagnostics) {
        d.file.replace(spooled, name);
        d.message.replace(spooled, name);
    }
    for (QString &a : error.args)
        a.replace(spooled, name);
    return error;
}

bool openInput(QFile &file, const QString &path) {
    if (isStdin(path))
        return file.open(STDIN_FILENO, QIODevice::ReadOnly, QFileDevice::DontCloseHandle);
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly);
}

Result<QString> spoolInput(const QString &path, const QString &dir, qint64 maxBytes, bool always) {
    if (path != QLatin1String("-") && !always)
        return path;
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return makeError(ErrorCode::Store, QStringLiteral("no temporary directory for standard input"), dir);
    QFile in;
    if (!openInput(in, path))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(in.errorString()),
                         inputName(path));
    const QString spooled = dir + QStringLiteral("/stdin");
    if (auto created = createNewPrivate(spooled); !created.ok())
        return created.error();
    QFile out(spooled);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return ioError(QStringLiteral("cannot write file"), spooled);
    qint64 total = 0;
    for (;;) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty())
            break;
        total += chunk.size();
        if (total > maxBytes)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is larger than %2 MiB")
                                 .arg(isStdin(path) ? QStringLiteral("standard input") : path)
                                 .arg(maxBytes >> 20),
                             inputName(path));
        if (out.write(chunk) != chunk.size())
            return ioError(QStringLiteral("cannot write file"), spooled);
    }
    if (!out.flush())
        return ioError(QStringLiteral("cannot write file"), spooled);
    return spooled;
}

Result<QByteArray> readAll(const QString &path, qint64 maxBytes) {
    QFile f;
    if (!openInput(f, path))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()),
                         inputName(path));
    const auto tooLarge = [&] {
        constexpr qint64 kMiB = 1024 * 1024;
        const QString limit = maxBytes % kMiB == 0 ? QStringLiteral("%1 MiB").arg(maxBytes / kMiB)
                                                   : QStringLiteral("%1 bytes").arg(maxBytes);
        return makeError(ErrorCode::InvalidInput, QStringLiteral("file is larger than %1").arg(limit),
                         inputName(path));
    };
    if (!f.isSequential() && f.size() > maxBytes)
        return tooLarge();
    QByteArray bytes;
    while (bytes.size() <= maxBytes) {
        const QByteArray chunk = f.read(qMin<qint64>(1 << 20, maxBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > maxBytes)
        return tooLarge();
    return bytes;
}

int permissions(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 0777);
}

PrivateSaveFile::PrivateSaveFile(const QString &path)
    : m_path(path) {
}

PrivateSaveFile::~PrivateSaveFile() {
    cancel();
}

Result<void> PrivateSaveFile::open() {
    const QString dir = QFileInfo(m_path).absolutePath();
    m_tmp = m_path +
            QStringLiteral(".tmp-%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    m_fd = ::open(QFile::encodeName(m_tmp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (m_fd < 0)
        return ioError(QStringLiteral("cannot create file"), m_tmp);
    if (!m_file.open(m_fd, QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
        cancel();
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot write: %1").arg(m_file.errorString()), dir);
    }
    return {};
}

Result<void> PrivateSaveFile::commit() {
    if (m_fd < 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot write: the file is not open"),
                         m_path);
    const bool written = m_file.flush() && m_file.error() == QFileDevice::NoError;
    m_file.close();
    const bool synced = written && ::fsync(m_fd) == 0;
    ::close(m_fd);
    m_fd = -1;
    const QByteArray tmp = QFile::encodeName(m_tmp);
    if (!synced) {
        ::unlink(tmp.constData());
        return ioError(QStringLiteral("cannot write file"), m_tmp);
    }
    if (::rename(tmp.constData(), QFile::encodeName(m_path).constData()) != 0) {
        const Error e = ioError(QStringLiteral("cannot replace file"), m_path);
        ::unlink(tmp.constData());
        return e;
    }
    const int dfd = ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

void PrivateSaveFile::cancel() {
    if (m_fd < 0)
        return;
    m_file.close();
    ::close(m_fd);
    m_fd = -1;
    ::unlink(QFile::encodeName(m_tmp).constData());
}

} // namespace ops::FileUtil
