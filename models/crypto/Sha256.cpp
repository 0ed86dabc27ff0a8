#include "Sha256.h"

#include <QFile>

#include <openssl/evp.h>

namespace ops::crypto {

namespace {
const EVP_MD *sha256Md() {
    // Fetched once: implicit fetching per call is measurably slower in OpenSSL 3.
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}
} // namespace

struct Sha256::Impl {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256()
    : d(std::make_unique<Impl>()) {
    EVP_DigestInit_ex2(d->ctx, sha256Md(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::add(QByteArrayView data) {
    if (!data.isEmpty())
        EVP_DigestUpdate(d->ctx, data.data(), static_cast<std::size_t>(data.size()));
}

QByteArray Sha256::finish() {
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, reinterpret_cast<unsigned char *>(out.data()), &len);
    EVP_DigestInit_ex2(d->ctx, sha256Md(), nullptr);
    return out;
}

QByteArray sha256(QByteArrayView data) {
    // One context per thread, reused: allocating and fetching per call dominated hashing of
    // small inputs (leaves and nodes).
    struct Ctx {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        ~Ctx() { EVP_MD_CTX_free(ctx); }
    };
    thread_local Ctx c;
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestInit_ex2(c.ctx, sha256Md(), nullptr);
    EVP_DigestUpdate(c.ctx, data.data(), static_cast<std::size_t>(data.size()));
    EVP_DigestFinal_ex(c.ctx, reinterpret_cast<unsigned char *>(out.data()), &len);
    return out;
}

QString sha256Hex(QByteArrayView data) {
    return QString::fromLatin1(sha256(data).toHex());
}

Result<QByteArray> sha256File(const QString &path, const std::function<bool(qint64)> &progress) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Store, QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    Sha256 h;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    qint64 done = 0;
    while (true) {
        const qint64 n = f.read(buf.data(), buf.size());
        if (n < 0)
            return makeError(ErrorCode::Store, QStringLiteral("read error: %1").arg(f.errorString()), path);
        if (n == 0)
            break;
        h.add(QByteArrayView(buf.constData(), n));
        done += n;
        if (progress && !progress(done))
            return makeError(ErrorCode::Negative, QStringLiteral("cancelled"), path);
    }
    return h.finish();
}

} // namespace ops::crypto
