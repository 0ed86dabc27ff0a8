// libFuzzer target: one derivation / INFEASIBLE record file, loaded and validated as
// `derivation validate` and `derivation import` do.
#include "derivations/DerivationRecord.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ops::LoadedFile f = ops::DerivationLoader::loadText(text, QStringLiteral("fuzz.yaml"));
    if (!f.errors.isEmpty() && !f.records.isEmpty())
        __builtin_trap(); // a file with errors yields no records
    for (const ops::Diagnostic &d : f.errors)
        if (d.file != QLatin1String("fuzz.yaml") || d.message.isEmpty())
            __builtin_trap(); // every finding says where and what
    for (const ops::DerivationRecord &r : f.records) {
        for (const ops::RuleCheck &c : ops::DerivationRules::check(r))
            if (c.ok != c.findings.isEmpty())
                __builtin_trap(); // a rule fails exactly when it has findings
        const std::string canonical = r.canonical();
        auto back = ops::DerivationRecord::fromJson(r.canonicalJson());
        if (!back || back->canonical() != canonical)
            __builtin_trap(); // the canonical form round-trips
    }
    (void)ops::DerivationRules::checkSet(f.records, f.records);
    return 0;
}
