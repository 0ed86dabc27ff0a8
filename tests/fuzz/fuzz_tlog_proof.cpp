// libFuzzer target: c2sp.org/tlog-proof@v1 files.
#include "crypto/SignedNote.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (auto proof = ops::crypto::note::parseTlogProof(text); proof.ok())
        if (ops::crypto::note::formatTlogProof(proof.value()) != text)
            __builtin_trap();
    return 0;
}
