#include "Ed25519.h"

#include "Sha256.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <cstring>

namespace ops::crypto {

namespace {

struct BioDeleter {
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

struct PkeyDeleter {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

BioPtr memBio(QByteArrayView data) {
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

QByteArray readBio(BIO *bio) {
    char *ptr = nullptr;
    const long len = BIO_get_mem_data(bio, &ptr);
    return QByteArray(ptr, static_cast<qsizetype>(len));
}

constexpr int kPbkdf2Iterations = 600000; // OWASP 2023 guidance for PBKDF2-HMAC-SHA256

struct PassphraseView {
    const QByteArray *passphrase;
};

int passphraseCallback(char *buf, int size, int /*rwflag*/, void *userdata) {
    const auto *view = static_cast<const PassphraseView *>(userdata);
    const int len = static_cast<int>(view->passphrase->size());
    if (len == 0 || len > size)
        return -1; // no passphrase: an encrypted key cannot be read
    std::memcpy(buf, view->passphrase->constData(), static_cast<std::size_t>(len));
    return len;
}

bool isEd25519(const EVP_PKEY *k) {
    return k && EVP_PKEY_is_a(k, "ED25519");
}

} // namespace

// ---- PublicKey

struct PublicKey::Impl {
    PkeyPtr key;
};

PublicKey::PublicKey()
    : d(std::make_unique<Impl>()) {
}
PublicKey::~PublicKey() = default;
PublicKey::PublicKey(PublicKey &&) noexcept = default;
PublicKey &PublicKey::operator=(PublicKey &&) noexcept = default;

PublicKey::PublicKey(const PublicKey &other)
    : d(std::make_unique<Impl>()) {
    if (other.d && other.d->key) {
        EVP_PKEY_up_ref(other.d->key.get());
        d->key.reset(other.d->key.get());
    }
}

PublicKey &PublicKey::operator=(const PublicKey &other) {
    if (this != &other)
        *this = PublicKey(other);
    return *this;
}

namespace {

// The PEM this library writes for an Ed25519 key (SubjectPublicKeyInfo, RFC 8410), recognised byte
// for byte: its 32 key bytes, read without OpenSSL's generic decoder, which costs a fraction of a
// millisecond a key (every checkpoint check on the append path reads one). Any other spelling,
// including a second key after the first, goes through the decoder as before.
std::optional<QByteArray> canonicalEd25519Raw(QByteArrayView pem) {
    static constexpr char kBegin[] = "-----BEGIN PUBLIC KEY-----\n";
    static constexpr char kEnd[] = "\n-----END PUBLIC KEY-----\n";
    static constexpr unsigned char kSpki[12] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                                0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    constexpr qsizetype kBeginLen = sizeof(kBegin) - 1, kEndLen = sizeof(kEnd) - 1, kBase64Len = 60;
    if (pem.size() != kBeginLen + kBase64Len + kEndLen ||
        !pem.startsWith(QByteArrayView(kBegin, kBeginLen)) || !pem.endsWith(QByteArrayView(kEnd, kEndLen)))
        return std::nullopt;
    const QByteArray text = pem.sliced(kBeginLen, kBase64Len).toByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &der = decoded.decoded;
    if (!decoded || der.size() != 44 || std::memcmp(der.constData(), kSpki, sizeof(kSpki)) != 0 ||
        der.toBase64() != text)
        return std::nullopt;
    return der.mid(12);
}

} // namespace

Result<PublicKey> PublicKey::fromPem(QByteArrayView pem) {
    if (const auto raw = canonicalEd25519Raw(pem))
        return fromRaw(*raw);
    BioPtr bio = memBio(pem);
    PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a PEM public key (SubjectPublicKeyInfo)"));
    if (!isEd25519(key.get()))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("public key is %1, expected Ed25519")
                             .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
    PublicKey out;
    out.d->key = std::move(key);
    return out;
}

Result<PublicKey> PublicKey::fromRaw(QByteArrayView raw32) {
    if (raw32.size() != 32)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("an Ed25519 public key is 32 bytes"));
    PkeyPtr key(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr,
                                               reinterpret_cast<const unsigned char *>(raw32.data()), 32));
    if (!key)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid Ed25519 public key"));
    PublicKey out;
    out.d->key = std::move(key);
    return out;
}

bool PublicKey::isNull() const {
    return !d || !d->key;
}

QByteArray PublicKey::raw() const {
    if (isNull())
        return {};
    QByteArray out(32, Qt::Uninitialized);
    std::size_t len = 32;
    if (EVP_PKEY_get_raw_public_key(d->key.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1)
        return {};
    return out;
}

QByteArray PublicKey::pem() const {
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PUBKEY(bio.get(), d->key.get());
    return readBio(bio.get());
}

QString PublicKey::fingerprint() const {
    return QStringLiteral("SHA256:") + sha256Hex(raw());
}

bool PublicKey::verify(QByteArrayView message, QByteArrayView signature) const {
    if (isNull() || signature.size() != 64)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, d->key.get(), nullptr) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                            static_cast<std::size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.data()),
                            static_cast<std::size_t>(message.size())) == 1;
}

// ---- PrivateKey

struct PrivateKey::Impl {
    PkeyPtr key;
};

PrivateKey::PrivateKey()
    : d(std::make_unique<Impl>()) {
}
PrivateKey::~PrivateKey() = default; // EVP_PKEY_free cleanses Ed25519 key material
PrivateKey::PrivateKey(PrivateKey &&) noexcept = default;
PrivateKey &PrivateKey::operator=(PrivateKey &&) noexcept = default;

Result<PrivateKey> PrivateKey::generate() {
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        return makeError(ErrorCode::Store, QStringLiteral("Ed25519 key generation failed"));
    PrivateKey out;
    out.d->key = std::move(key);
    return out;
}

PrivateKey PrivateKey::duplicate() const {
    PrivateKey out;
    if (d->key)
        out.d->key.reset(EVP_PKEY_dup(d->key.get()));
    return out;
}

Result<PrivateKey> PrivateKey::fromSeed(QByteArrayView seed32) {
    if (seed32.size() != 32)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("an Ed25519 secret key is 32 bytes"));
    PkeyPtr key(EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr,
                                                reinterpret_cast<const unsigned char *>(seed32.data()), 32));
    if (!key)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid Ed25519 secret key"));
    PrivateKey out;
    out.d->key = std::move(key);
    return out;
}

Result<PrivateKey> PrivateKey::fromPem(QByteArrayView pem, const QByteArray &passphrase) {
    BioPtr bio = memBio(pem);
    PassphraseView view{&passphrase};
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &view));
    if (!key) {
        const bool encrypted = QByteArrayView(pem).contains(QByteArrayView("ENCRYPTED"));
        return makeError(encrypted ? ErrorCode::Policy : ErrorCode::InvalidInput,
                         encrypted ? (passphrase.isEmpty()
                                          ? QStringLiteral("the key is encrypted and no passphrase was given")
                                          : QStringLiteral("wrong passphrase"))
                                   : QStringLiteral("not a PEM private key"));
    }
    if (!isEd25519(key.get()))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("private key is not Ed25519"));
    PrivateKey out;
    out.d->key = std::move(key);
    return out;
}

bool PrivateKey::isNull() const {
    return !d || !d->key;
}

PublicKey PrivateKey::publicKey() const {
    PublicKey pub;
    if (isNull())
        return pub;
    unsigned char raw[32];
    std::size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(d->key.get(), raw, &len) == 1)
        pub.d->key.reset(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr, raw, len));
    return pub;
}

QByteArray PrivateKey::sign(QByteArrayView message) const {
    if (isNull())
        return {};
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, d->key.get(), nullptr) != 1)
        return {};
    QByteArray sig(64, Qt::Uninitialized);
    std::size_t len = 64;
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(message.data()),
                       static_cast<std::size_t>(message.size())) != 1 ||
        len != 64)
        return {};
    return sig;
}

Result<QByteArray> PrivateKey::encryptedPem(const QByteArray &passphrase) const {
    if (isNull())
        return makeError(ErrorCode::Store, QStringLiteral("no key"));
    if (passphrase.size() < 8)
        return makeError(ErrorCode::Policy, QStringLiteral("the passphrase must have at least 8 characters"));
    PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(d->key.get());
    if (!p8)
        return makeError(ErrorCode::Store, QStringLiteral("cannot encode the private key"));
    X509_ALGOR *pbe =
        PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), kPbkdf2Iterations, nullptr, 0, nullptr, NID_hmacWithSHA256);
    X509_SIG *enc =
        pbe ? PKCS8_set0_pbe(passphrase.constData(), static_cast<int>(passphrase.size()), p8, pbe) : nullptr;
    PKCS8_PRIV_KEY_INFO_free(p8);
    if (!enc) {
        X509_ALGOR_free(pbe);
        return makeError(ErrorCode::Store, QStringLiteral("cannot encrypt the private key"));
    }
    BioPtr bio(BIO_new(BIO_s_mem()));
    const int ok = PEM_write_bio_PKCS8(bio.get(), enc);
    X509_SIG_free(enc);
    if (ok != 1)
        return makeError(ErrorCode::Store, QStringLiteral("cannot write the private key"));
    return readBio(bio.get());
}

QByteArray PrivateKey::unencryptedPem() const {
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_secmem()));
    PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return readBio(bio.get());
}

// ---- any key type

GenericVerification verifyWithPemKey(QByteArrayView publicPem, QByteArrayView message,
                                     QByteArrayView signature) {
    GenericVerification out;
    BioPtr bio = memBio(publicPem);
    PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        out.detail = QStringLiteral("not a PEM public key (SubjectPublicKeyInfo)");
        return out;
    }
    out.algorithm = QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()));
    unsigned char *der = nullptr;
    const int derLen = i2d_PUBKEY(key.get(), &der);
    if (derLen > 0) {
        out.fingerprint = QStringLiteral("SHA256:") + sha256Hex(QByteArrayView(der, derLen));
        OPENSSL_free(der);
    }
    const bool pure = EVP_PKEY_is_a(key.get(), "ED25519") || EVP_PKEY_is_a(key.get(), "ED448");
    if (!pure && !EVP_PKEY_is_a(key.get(), "RSA") && !EVP_PKEY_is_a(key.get(), "EC")) {
        out.detail = QStringLiteral("unsupported key type %1").arg(out.algorithm);
        out.keyRefused = true;
        return out;
    }
    // Keys too weak to stand for anyone: RSA below 2048 bits, curves below P-256.
    out.bits = EVP_PKEY_get_bits(key.get());
    if (EVP_PKEY_is_a(key.get(), "RSA") && out.bits < 2048) {
        out.detail = QStringLiteral("the RSA key has %1 bits; at least 2048 are required").arg(out.bits);
        out.keyRefused = true;
        return out;
    }
    if (EVP_PKEY_is_a(key.get(), "EC") && out.bits < 256) {
        out.detail =
            QStringLiteral("the EC key is on a %1-bit curve; at least P-256 is required").arg(out.bits);
        out.keyRefused = true;
        return out;
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, pure ? nullptr : "SHA256", nullptr, nullptr, key.get(),
                                nullptr) != 1) {
        out.detail = QStringLiteral("cannot initialise verification");
        return out;
    }
    out.ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                              static_cast<std::size_t>(signature.size()),
                              reinterpret_cast<const unsigned char *>(message.data()),
                              static_cast<std::size_t>(message.size())) == 1;
    out.detail = out.ok ? QStringLiteral("signature verifies with the %1 key").arg(out.algorithm)
                        : QStringLiteral("signature does not verify with the %1 key").arg(out.algorithm);
    return out;
}

} // namespace ops::crypto
