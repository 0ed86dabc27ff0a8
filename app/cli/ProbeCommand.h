#pragma once

#include "Command.h"

namespace ops::cli {

// probe [--once] [--scope S] [--json]: one round over every target; exit 1 if any is not ok.
class ProbeCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override { return QStringLiteral("probe every target of the config"); }
    QStringList usage() const override {
        return {QStringLiteral("probe [--once] [--scope S] [--record] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Probe every target of the config once: manifests, the packs they name, resolver, rules, service "
            "/readyz. Bounded by the config's timeouts, body cap and redirect cap; TLS is always verified; "
            "HTTPS_PROXY and NO_PROXY are honoured. With --record the samples are kept, the alerts evaluated "
            "(flap damping continues across runs) and every transition recorded as evidence signed by the "
            "acting identity.");
    }
    QStringList examples() const override {
        return {QStringLiteral("probe --once"), QStringLiteral("probe --scope kl --record")};
    }
    QStringList exitCodes() const override { return {QStringLiteral("1  a target is not ok")}; }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
