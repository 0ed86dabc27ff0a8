#pragma once

#include "Command.h"

namespace ops::cli {

// record TEMPLATE --scope S: the operations runbook's evidence records generated from the store.
class RecordCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("record"); }
    QString summary() const override { return QStringLiteral("evidence records generated from the store"); }
    QStringList usage() const override {
        return {QStringLiteral(
            "record rollback-drill|ai-kill-switch|bad-pack-rebind|launch-day --scope S [--run RUN] "
            "[--app-build ID] [--out FILE] [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
