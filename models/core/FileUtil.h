#pragma once

#include <QFile>

#include "Result.h"

#include <QByteArray>

#include <functional>

namespace ops::FileUtil {

// Writes a file atomically (temp file, fsync, rename, fsync of the directory) with mode 0600
// from the first byte: secrets and evidence sidecars are never world-readable, not even briefly.
// With `tempPath`, that fixed name is used (and truncated) instead of a random one: for callers
// that already serialise their writers, so a crash leaves at most one stale temporary behind.
Result<void> writePrivateAtomic(const QString &path, QByteArrayView content, const QString &tempPath = {});
// The same, with `beforeRename` run once the bytes are safely on disk under the temporary name
// and before they take the file's name: when it fails, nothing takes the name and its error is
// returned. For a file whose making is recorded: recorded only once it can be written, and
// never present unrecorded.
Result<void> writePrivateAtomicThen(const QString &path, QByteArrayView content,
                                    const std::function<Result<void>()> &beforeRename);
// Creates an empty file with mode 0600 if it does not exist; an existing one must be a regular
// file of this user (never a link, which is not followed).
Result<void> createPrivate(const QString &path);
// Creates a new empty file with mode 0600 (O_EXCL|O_NOFOLLOW): refused when anything, a link
// included, already has the name, so nobody can slip a file or a link in under it first.
Result<void> createNewPrivate(const QString &path);
// For readers that need a file (archives): `path` itself, or, for "-", standard input copied
// (at most maxBytes, mode 0600) to a file in `dir` (the caller's temporary directory).
// With `always`, a named file is copied too: what is checked and what is then hashed or signed
// are the same bytes, whatever happens to the original meanwhile.
Result<QString> spoolInput(const QString &path, const QString &dir, qint64 maxBytes, bool always = false);
// An error about the file spoolInput() returned, named as the person gave it (the file's name,
// "<stdin>" for "-") instead of the spool's temporary path.
Error spooledNamed(Error error, const QString &given, const QString &spooled);
// At most maxBytes of a file ("-": standard input); more is an error, never a silent cut.
Result<QByteArray> readAll(const QString &path, qint64 maxBytes);
// "-" names standard input wherever one input file is read.
bool isStdin(const QString &path);
// How messages name the input: "<stdin>" for "-", else the path.
QString inputName(const QString &path);
// Opens the file, or standard input for "-", for reading.
bool openInput(QFile &file, const QString &path);
int permissions(const QString &path); // st_mode & 0777, -1 when missing

// A private file written as a stream and put in place at commit(): the temporary beside the target
// is created with mode 0600 and O_EXCL|O_NOFOLLOW and renamed over the target, so a link planted
// at the target is replaced, never written through. Without commit() nothing is left behind.
class PrivateSaveFile {
public:
    explicit PrivateSaveFile(const QString &path);
    ~PrivateSaveFile();
    PrivateSaveFile(const PrivateSaveFile &) = delete;
    PrivateSaveFile &operator=(const PrivateSaveFile &) = delete;

    Result<void> open();
    QIODevice &device() { return m_file; }
    Result<void> commit(); // flush, fsync, rename over the target, fsync the directory
    void cancel();         // removes the temporary

private:
    QString m_path;
    QString m_tmp;
    QFile m_file;
    int m_fd = -1;
};

} // namespace ops::FileUtil
