#pragma once

#include "Command.h"

namespace ops::cli {

// runbook list | runbook show ID: the runbooks as data, with what each step needs.
class RunbookCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("runbook"); }
    QString summary() const override { return QStringLiteral("the runbooks and their steps"); }
    QStringList usage() const override {
        return {QStringLiteral("runbook list [--json]"), QStringLiteral("runbook show ID [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
