#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace ops::crypto {

// An Ed25519 public key. PEM is SubjectPublicKeyInfo, readable by `openssl pkey -pubin`.
class PublicKey {
public:
    PublicKey();
    ~PublicKey();
    PublicKey(const PublicKey &other);
    PublicKey &operator=(const PublicKey &other);
    PublicKey(PublicKey &&) noexcept;
    PublicKey &operator=(PublicKey &&) noexcept;

    static Result<PublicKey> fromPem(QByteArrayView pem);
    static Result<PublicKey> fromRaw(QByteArrayView raw32);

    bool isNull() const;
    QByteArray raw() const; // 32 bytes
    QByteArray pem() const;
    QString fingerprint() const; // "SHA256:" + hex of SHA-256 over the raw key
    bool verify(QByteArrayView message, QByteArrayView signature) const;

    bool operator==(const PublicKey &other) const { return raw() == other.raw(); }

private:
    friend class PrivateKey;
    struct Impl;
    std::unique_ptr<Impl> d;
};

// An Ed25519 private key. Stored only as encrypted PKCS#8 PEM (PBKDF2-HMAC-SHA256 with
// 600,000 iterations, AES-256-CBC), except a dev identity that may be unencrypted.
class PrivateKey {
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(PrivateKey &&) noexcept;
    PrivateKey &operator=(PrivateKey &&) noexcept;
    PrivateKey(const PrivateKey &) = delete;
    PrivateKey &operator=(const PrivateKey &) = delete;

    static Result<PrivateKey> generate();
    static Result<PrivateKey> fromSeed(QByteArrayView seed32); // RFC 8032 secret key bytes
    // passphrase is wiped by the caller's Secret; an empty one reads an unencrypted key.
    static Result<PrivateKey> fromPem(QByteArrayView pem, const QByteArray &passphrase);

    bool isNull() const;
    // A second, independent copy (for a worker thread that signs); freed and cleansed on its own.
    PrivateKey duplicate() const;
    PublicKey publicKey() const;
    QByteArray sign(QByteArrayView message) const; // 64 bytes; empty on failure
    Result<QByteArray> encryptedPem(const QByteArray &passphrase) const;
    QByteArray unencryptedPem() const; // dev only; callers enforce the policy

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Pure Ed25519, RSA (PKCS#1 v1.5, SHA-256) or ECDSA (SHA-256) signature over a message with
// any PEM public key, as `openssl pkeyutl -verify -rawin` / `openssl dgst -sha256 -verify` do.
// RSA keys under 2048 bits and EC keys on curves under 256 bits never verify.
struct GenericVerification {
    bool ok = false;
    QString algorithm;       // "Ed25519", "RSA", "EC", …
    QString fingerprint;     // SHA-256 of the DER SubjectPublicKeyInfo
    int bits = 0;            // the key's size (RSA modulus, EC curve); refused below 2048 / 256
    bool keyRefused = false; // a key of an unsupported type or too weak: detail says which
    QString detail;
};
GenericVerification verifyWithPemKey(QByteArrayView publicPem, QByteArrayView message,
                                     QByteArrayView signature);

} // namespace ops::crypto
