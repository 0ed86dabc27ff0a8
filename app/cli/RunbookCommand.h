#pragma once

#include "Command.h"

namespace ops::cli {

// runbook list | show | start | step | status: the runbooks as data and their runs.
class RunbookCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("runbook"); }
    QString summary() const override { return QStringLiteral("the runbooks and their steps"); }
    QStringList usage() const override {
        return {QStringLiteral("runbook list [--json]"), QStringLiteral("runbook show ID [--json]"),
                QStringLiteral("runbook start ID [--incident ID] [--scope S] [--json]"),
                QStringLiteral(
                    "runbook step RUN STEP [--evidence TEXT] [--attach FILE]… [--checksum FILE]… [--confirm] "
                    "[--status done|failed|skipped --reason R] [--json]"),
                QStringLiteral("runbook status RUN [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
