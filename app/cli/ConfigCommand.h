#pragma once

#include "Command.h"

namespace ops::cli {

// config check [FILE]: validates a deployment config and the environment policy it would run under.
class ConfigCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("config"); }
    QString summary() const override { return QStringLiteral("validate a deployment config"); }
    QStringList usage() const override { return {QStringLiteral("config check [FILE] [--json]")}; }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
