// libFuzzer target: C2SP signed notes and checkpoint bodies (checkpoints, sidecars, anchors,
// `evidence consistency` and `evidence cosign` inputs).
#include "crypto/SignedNote.h"
#include "store/EvidenceTypes.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (auto note = ops::crypto::note::parse(text); note.ok()) {
        (void)ops::crypto::note::parseCheckpoint(note->body);
        // Whatever parses must format back to the same bytes.
        if (note->text() != text)
            __builtin_trap();
    }
    (void)ops::Checkpoint::fromNote(text);
    (void)ops::crypto::note::parseVerifierKey(
        QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    return 0;
}
