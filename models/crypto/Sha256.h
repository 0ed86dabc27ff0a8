#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>

namespace ops::crypto {

QByteArray sha256(QByteArrayView data);
QString sha256Hex(QByteArrayView data);

// Streaming SHA-256; reusable after finish().
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(QByteArrayView data);
    QByteArray finish(); // 32 bytes; resets for the next message

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Streams a file of any size; progress(bytesDone) may return false to cancel.
Result<QByteArray> sha256File(const QString &path, const std::function<bool(qint64)> &progress = {});

} // namespace ops::crypto
