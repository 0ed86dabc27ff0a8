// libFuzzer target: DSSE envelopes around in-toto statements (`attest verify`, `attest sign`).
#include "attest/Attestation.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (auto env = ops::dsse::Envelope::parse(bytes, QStringLiteral("fuzz")); env.ok()) {
        // Whatever parses must serialize and parse back to the same envelope.
        auto again = ops::dsse::Envelope::parse(env->toJson(), QStringLiteral("fuzz"));
        if (!again.ok() || again->payload != env->payload ||
            again->signatures.size() != env->signatures.size())
            __builtin_trap();
    }
    auto report = ops::verifyAttestation(bytes, {QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'))},
                                         QStringLiteral("fuzz"));
    // Nothing unsigned by the pinned key is ever valid.
    if (report.ok() && report->valid)
        __builtin_trap();
    return 0;
}
