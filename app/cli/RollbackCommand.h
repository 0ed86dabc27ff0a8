#pragma once

#include "Command.h"

namespace ops::cli {

// rollback start | status | rebind: the rollback checklist against its two clocks.
class RollbackCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("rollback"); }
    QString summary() const override { return QStringLiteral("rollback runs and their clocks"); }
    QStringList usage() const override {
        return {QStringLiteral("rollback start --scope S [--drill] [--incident ID] [--json]"),
                QStringLiteral("rollback status RUN [--json]"),
                QStringLiteral("rollback rebind RUN --confirm [--version V] [--json]"),
                QStringLiteral("rollback list [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "A run of the rollback checklist with its two clocks (restore and integrity, 15 and 30 minutes "
            "unless the config says otherwise). status exits 1 when a deadline was missed or the objective "
            "was not met. rebind calls the configured publisher API (token from OPSCONSOLE_PUBLISHER_TOKEN), "
            "keeps its scrubbed response as evidence, records the rebind step, then probes manifest and pack "
            "again and records the readback.");
    }
    QStringList examples() const override {
        return {QStringLiteral("rollback start --scope pg --incident INC-7F3A-9C2E"),
                QStringLiteral("rollback status RUN-K2M8-4XQ1")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  status: a deadline was missed or the objective not met")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
