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
    QString description() const override {
        return QStringLiteral(
            "The runbooks (built in, or the config's runbooks directory) with their steps and the evidence "
            "each step needs, and runs of them as evidence. A step is done only with the evidence it needs "
            "(a step that needs a probe result is probed on the spot); failed and skipped need a reason, and "
            "skipped only where the runbook allows it (exit 4 otherwise). The last step records the run's "
            "completion.");
    }
    QStringList examples() const override {
        return {QStringLiteral("runbook start bad-pack --incident INC-7F3A-9C2E --scope pg"),
                QStringLiteral("runbook step RUN-K2M8-4XQ1 identify-scope --evidence \"pg only\"")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
