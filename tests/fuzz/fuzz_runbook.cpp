// libFuzzer target: one runbook file (resources/runbooks/*.yaml, or a configured directory).
#include "runbooks/Runbook.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto rb = ops::RunbookLibrary::parse(text, QStringLiteral("fuzz.yaml"));
    if (rb.ok()) {
        // What loads is whole: an id, at least one step, every step with an id and its evidence.
        if (rb->id.isEmpty() || rb->steps.isEmpty())
            __builtin_trap();
        for (const ops::RunbookStep &s : rb->steps)
            if (s.id.isEmpty() || s.evidence.isEmpty())
                __builtin_trap();
    } else if (rb.error().diagnostics.isEmpty() && rb.error().where.isEmpty()) {
        __builtin_trap(); // a refusal always says where
    }
    return 0;
}
