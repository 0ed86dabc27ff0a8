// libFuzzer target: a handoff package as `handoff verify` reads it (in memory, never extracted).
#include "derivations/Handoff.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto report = ops::Handoff::verifyPackageData(bytes);
    if (report.ok()) {
        bool allOk = true;
        for (const ops::Handoff::Check &c : report->checks)
            allOk = allOk && c.ok;
        if (report->valid != allOk || report->checks.isEmpty())
            __builtin_trap(); // valid exactly when every check passed
    }
    return 0;
}
