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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
