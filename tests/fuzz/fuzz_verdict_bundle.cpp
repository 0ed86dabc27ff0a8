// libFuzzer target: the verdict bundle reader (tar + gzip/zstd streamed through libarchive in
// memory, with the bomb caps), hashing every entry as verdict verification does.
#include "core/Tar.h"
#include "crypto/Sha256.h"

#include <cstddef>
#include <cstdint>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ops::tar::ScanLimits limits;
    limits.maxEntries = 1000;
    limits.maxTotalBytes = 64 * 1024 * 1024;
    qint64 seen = 0;
    auto info = ops::tar::scanMemory(
        QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)),
        QStringLiteral("fuzz.tar"), limits, [&](const QString &name, qint64) -> ops::tar::ChunkSink {
            if (!ops::tar::safeName(name) || name.startsWith(QLatin1String("./")))
                __builtin_trap(); // unsafe names are flagged, never read
            auto h = std::make_shared<ops::crypto::Sha256>();
            return [h, &seen](QByteArrayView chunk) {
                seen += chunk.size();
                h->add(chunk);
            };
        });
    if (info.ok() && (info->totalBytes != seen || info->totalBytes > limits.maxTotalBytes ||
                      info->entries > limits.maxEntries))
        __builtin_trap(); // every byte counted is a byte handed over, within the caps
    return 0;
}
