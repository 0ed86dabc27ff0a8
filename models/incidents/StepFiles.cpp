#include "StepFiles.h"

#include "crypto/Sha256.h"
#include "store/EvidenceStore.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace ops::StepFiles {

Result<AttachmentRef> describe(const QString &path) {
    QFileInfo info(path);
    if (!info.isFile())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a readable file"), path);
    if (info.size() > kMaxAttachment)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"), path);
    auto sha = crypto::sha256File(path);
    if (!sha.ok())
        return sha.error();
    return AttachmentRef{info.fileName(), QString::fromLatin1(sha->toHex()), info.size(),
                         QMimeDatabase().mimeTypeForFile(info).name()};
}

Result<AttachmentRef> attach(EvidenceStore &store, const Signer &signer, const QString &path,
                             const QString &scope) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(file.errorString()),
                         path);
    if (file.size() > kMaxAttachment)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"), path);
    const QByteArray bytes = file.readAll();
    const QString type = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    auto e = store.attach(signer, QFileInfo(path).fileName(), bytes, type, scope);
    if (!e.ok())
        return e.error();
    return AttachmentRef{QFileInfo(path).fileName(), e->payload().stringAt("sha256"), bytes.size(), type};
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
