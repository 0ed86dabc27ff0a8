#include "StepFiles.h"

#include "crypto/Sha256.h"
#include "store/EvidenceStore.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace ops::StepFiles {

Result<NewBlob> read(const QString &path) {
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("cannot read: %1")
                .arg(QFileInfo(path).isFile() ? file.errorString() : QStringLiteral("not a file")),
            path);
    if (file.size() > kMaxAttachment)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"), path);
    const QByteArray bytes = file.read(kMaxAttachment + 1);
    if (bytes.size() > kMaxAttachment)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"), path);
    const QString type = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    return makeBlob(QFileInfo(path).fileName(), bytes, type);
}

Result<QList<NewBlob>> read(const QStringList &paths) {
    QList<NewBlob> out;
    for (const QString &p : paths) {
        auto b = read(p);
        if (!b.ok())
            return b.error();
        out << std::move(b).value();
    }
    return out;
}

Result<ChecksumRef> checksum(const QString &path) {
    QFileInfo info(path);
    if (!info.isFile())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a readable file"), path);
    auto sha = crypto::sha256File(path);
    if (!sha.ok())
        return sha.error();
    return ChecksumRef{info.fileName(), QString::fromLatin1(sha->toHex()), info.size()};
}

} // namespace ops::StepFiles
