// libFuzzer target: a deployment config (YAML) as a person or a deploy script writes it.
#include "core/DeploymentConfig.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto cfg = ops::ConfigLoader::parse(text, QStringLiteral("fuzz.yaml"));
    if (cfg.ok()) {
        // What is accepted is usable: scopes have ids and manifests, parents resolve.
        for (const ops::ScopeConfig &s : cfg->scopes) {
            if (s.id.isEmpty() || !s.manifest.isValid())
                __builtin_trap();
            if (!s.parent.isEmpty() && !cfg->scope(s.parent))
                __builtin_trap();
        }
    }
    return 0;
}
