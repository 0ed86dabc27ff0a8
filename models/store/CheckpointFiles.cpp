#include "CheckpointFiles.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ops {

CheckpointFiles::CheckpointFiles(const QString &storePath, const QString &anchorDirectory)
    : m_storePath(storePath)
    , m_absoluteStorePath(QFileInfo(storePath).absoluteFilePath())
    , m_anchorDirectory(anchorDirectory) {
}

bool CheckpointFiles::sidecarExists() const {
    return QFileInfo::exists(sidecarPath());
}

std::optional<Checkpoint> CheckpointFiles::readSidecar() const {
    return readDocument(sidecarPath());
}

void CheckpointFiles::moveSidecarForward(const Checkpoint &cp) const {
    bool newer = true;
    if (auto existing = readSidecar())
        newer = existing->size < cp.size;
    if (newer)
        // A fixed temporary name under the lock: a crash mid-write leaves at most this one behind.
        // The commit stands; a sidecar left behind is found (and named) at the next open.
        if (auto r = FileUtil::writePrivateAtomic(sidecarPath(), document(cp),
                                                  sidecarPath() + QStringLiteral(".tmp"));
            !r.ok())
            qWarning("opsconsole: the checkpoint sidecar could not be moved forward: %s",
                     qPrintable(r.error().toString()));
}

QStringList CheckpointFiles::anchorPaths(const QString &storeId) const {
    if (m_anchorDirectory.isEmpty())
        return {};
    const QString dir = m_anchorDirectory + QStringLiteral("/anchors/");
    return {dir + QStringLiteral("path-") + crypto::sha256Hex(m_absoluteStorePath.toUtf8()).left(32) +
                QStringLiteral(".json"),
            dir + QStringLiteral("log-") + crypto::sha256Hex(storeId.toUtf8()).left(32) +
                QStringLiteral(".json")};
}

std::optional<Checkpoint> CheckpointFiles::readAnchor(const QString &path, QString *storePath) {
    return readDocument(path, storePath, "store");
}

void CheckpointFiles::moveAnchorsForward(const Checkpoint &cp, const QString &storeId) const {
    const QStringList paths = anchorPaths(storeId);
    if (paths.isEmpty())
        return;
    const QString dir = m_anchorDirectory + QStringLiteral("/anchors");
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    for (const QString &path : paths) {
        auto existing = readDocument(path);
        if (existing && existing->storeId == cp.storeId && existing->size >= cp.size)
            continue;
        if (auto r = FileUtil::writePrivateAtomic(path,
                                                  document(cp, QStringLiteral("store"), m_absoluteStorePath));
            !r.ok())
            qWarning("opsconsole: this user's anchor of the store could not be written: %s",
                     qPrintable(r.error().toString()));
    }
}

Result<Checkpoint> CheckpointFiles::read(const QString &path) {
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no such checkpoint file"), path);
    auto cp = readDocument(path);
    if (!cp)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a checkpoint: a signed note of an opsconsole log (or an older "
                                        "{\"checkpoint\": {…}, \"signature\": …} document)"),
                         path);
    return *cp;
}

QByteArray CheckpointFiles::document(const Checkpoint &cp, const QString &extraKey,
                                     const QString &extraValue) {
    JsonValue doc = JsonValue::object();
    if (cp.isNote()) {
        if (extraKey.isEmpty())
            return QByteArray::fromStdString(cp.noteText());
        doc["note"] = cp.noteText();
    } else {
        auto parsed = CanonicalJson::parse(cp.canonical);
        doc["checkpoint"] = parsed.ok() ? parsed.value() : JsonValue();
        doc["signature"] = cp.signature.toBase64().toStdString();
    }
    if (!extraKey.isEmpty())
        doc[extraKey.toStdString()] = extraValue;
    return QByteArray::fromStdString(CanonicalJson::serialize(doc) + "\n");
}

std::optional<Checkpoint> CheckpointFiles::readDocument(const QString &path, QString *extra,
                                                        const char *extraKey) {
    auto raw = FileUtil::readAll(path, 1 << 20);
    if (!raw.ok())
        return std::nullopt;
    if (!raw->startsWith('{'))
        return Checkpoint::fromNote(raw->toStdString());
    auto parsed = CanonicalJson::parse(raw->trimmed().toStdString());
    if (!parsed.ok())
        return std::nullopt;
    if (extra && extraKey)
        *extra = parsed->stringAt(extraKey);
    if (const JsonValue *note = parsed->find("note"); note && note->isString())
        return Checkpoint::fromNote(note->toStdString());
    const JsonValue *cpObj = parsed->find("checkpoint");
    if (!cpObj)
        return std::nullopt;
    return Checkpoint::fromCanonical(CanonicalJson::serialize(*cpObj),
                                     QByteArray::fromBase64(parsed->stringAt("signature").toLatin1()));
}

SidecarLock::SidecarLock(const QString &sidecar) {
    const QByteArray name = QFile::encodeName(sidecar + QStringLiteral(".lock"));
    // Created once, new (O_EXCL), and reused from then on; never through a link.
    m_fd = ::open(name.constData(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (m_fd < 0 && errno == EEXIST)
        m_fd = ::open(name.constData(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    // Only a regular file of this user (never a link: not followed) is locked.
    struct stat st {};
    if (m_fd >= 0 && (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid())) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_fd >= 0)
        ::flock(m_fd, LOCK_EX);
}

SidecarLock::~SidecarLock() {
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

} // namespace ops
