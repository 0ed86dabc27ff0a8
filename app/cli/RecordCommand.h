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
    QString description() const override {
        return QStringLiteral("The operations runbook's evidence records (rollback drill, AI kill switch, "
                              "bad-pack rebind, launch day) generated from the store; every value names its "
                              "event, and what the store does not hold is marked missing (exit 1).");
    }
    QStringList examples() const override {
        return {QStringLiteral("record rollback-drill --scope kl --run RUN-D9P3-6TW0 --out drill.md")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  a value is missing from the store")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
