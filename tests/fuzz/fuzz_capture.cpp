// libFuzzer target: the proof-summary capture parser, and the failure-patterns rules loader.
// The first byte chooses: even = a capture summarized with the built-in rules, odd = a rules file.
#include "proofs/ProofSummary.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    if (data[0] % 2 == 1) {
        auto rules = ops::FailureRules::parse(bytes, QStringLiteral("fuzz.yaml"));
        if (rules.ok()) {
            if (rules->patterns().isEmpty())
                __builtin_trap(); // a valid rules file has at least one pattern
            (void)ops::summarizeCapture("--- FAIL: TestX\npermission denied\n", rules.value());
        } else if (rules.error().diagnostics.isEmpty() && rules.error().where.isEmpty()) {
            __builtin_trap(); // every error says where
        }
        return 0;
    }
    static const ops::FailureRules builtin = ops::FailureRules::builtin().value();
    const ops::ProofSummary s = ops::summarizeCapture(bytes, builtin);
    if (s.pass < 0 || s.fail < 0 || s.notRun < 0 || s.skip < 0)
        __builtin_trap();
    if (s.overall == QLatin1String("PASS") && (s.fail > 0 || s.pass == 0))
        __builtin_trap(); // PASS needs an executed check and no failure
    if (s.failures.size() + s.notes.size() > ops::ProofSummary::kMaxFindings)
        __builtin_trap();
    for (const ops::ProofFinding &f : s.failures)
        if (f.line < 1 || f.line > s.lines || f.text.size() > 400 || f.action.isEmpty())
            __builtin_trap();
    return 0;
}
