#pragma once

#include "Command.h"

namespace ops::cli {

// signal record KIND --scope S [--value V]: records a pipeline signal as signed evidence.
class SignalCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("signal"); }
    QString summary() const override { return QStringLiteral("record a pipeline signal"); }
    QStringList usage() const override {
        return {QStringLiteral(
            "signal record publish_blocked|fallback_rate|watchdog_breach|manual_trigger --scope S "
            "[--value V] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Record a pipeline signal (publish_blocked, fallback_rate, watchdog_breach, manual_trigger) as "
            "signed evidence; fallback_rate takes a fraction (0.18) or a percentage (18%).");
    }
    QStringList examples() const override {
        return {QStringLiteral("signal record fallback_rate --scope sg --value 22%")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
