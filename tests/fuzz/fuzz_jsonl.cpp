// libFuzzer target: one line of `evidence import` input (strict JSON parse + field rules).
#include "core/CanonicalJson.h"
#include "store/JsonlImport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto event = ops::JsonlImporter::parseLine(text);
    if (event.ok()) {
        // Whatever is accepted must serialise canonically and parse back to the same value.
        const std::string canonical = ops::CanonicalJson::serialize(event->payload);
        auto back = ops::CanonicalJson::parse(canonical);
        if (!back.ok() || !(back.value() == event->payload) ||
            ops::CanonicalJson::serialize(back.value()) != canonical)
            __builtin_trap();
    }
    return 0;
}
