// libFuzzer target: the evidence bundle reader (tar + zstd/gzip via libarchive, then every check).
#include "store/Bundle.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto report = ops::Bundle::verifyBundleData(bytes);
    (void)report;
    return 0;
}
