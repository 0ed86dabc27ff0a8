#include "KeyRing.h"

#include "core/FileUtil.h"
#include "core/Secret.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ops::crypto {

QString KeyRing::pathFor(const QString &name) const {
    return QDir(m_dir).filePath(name + QStringLiteral(".pem"));
}

bool KeyRing::exists(const QString &name) const {
    return QFileInfo::exists(pathFor(name));
}

Result<void> KeyRing::save(const QString &name, const PrivateKey &key, const QByteArray &passphrase) const {
    if (exists(name))
        return makeError(ErrorCode::Policy, QStringLiteral("a key for '%1' already exists").arg(name),
                         pathFor(name));
    QByteArray pem;
    if (passphrase.isEmpty()) {
        pem = key.unencryptedPem();
    } else {
        auto enc = key.encryptedPem(passphrase);
        if (!enc.ok())
            return enc.error();
        pem = enc.value();
    }
    if (!QDir().mkpath(m_dir))
        return makeError(ErrorCode::Store, QStringLiteral("cannot create the key directory"), m_dir);
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto r = FileUtil::writePrivateAtomic(pathFor(name), pem);
    secureZero(pem.data(), static_cast<std::size_t>(pem.size()));
    return r;
}

Result<PrivateKey> KeyRing::load(const QString &name, const QByteArray &passphrase) const {
    auto pem = FileUtil::readAll(pathFor(name), 64 * 1024);
    if (!pem.ok())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("no private key for identity '%1' on this machine").arg(name),
                         pathFor(name));
    auto key = PrivateKey::fromPem(pem.value(), passphrase);
    secureZero(pem->data(), static_cast<std::size_t>(pem->size()));
    if (!key.ok()) {
        Error e = key.error();
        e.where = pathFor(name);
        return e;
    }
    return key;
}

bool KeyRing::isEncrypted(const QString &name) const {
    auto pem = FileUtil::readAll(pathFor(name), 64 * 1024);
    return pem.ok() && pem->contains("ENCRYPTED");
}

} // namespace ops::crypto
