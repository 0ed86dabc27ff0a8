#pragma once

#include "Ed25519.h"

#include "core/Result.h"

namespace ops::crypto {

// Private keys on disk: <dir>/<name>.pem, mode 0600, encrypted PKCS#8 unless the caller
// (only in dev) asks for an unencrypted key.
class KeyRing {
public:
    explicit KeyRing(QString directory)
        : m_dir(std::move(directory)) {}

    QString pathFor(const QString &name) const;
    bool exists(const QString &name) const;
    // An empty passphrase writes an unencrypted key; callers allow that only in dev.
    Result<void> save(const QString &name, const PrivateKey &key, const QByteArray &passphrase) const;
    Result<PrivateKey> load(const QString &name, const QByteArray &passphrase) const;
    bool isEncrypted(const QString &name) const;

private:
    QString m_dir;
};

} // namespace ops::crypto
