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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
