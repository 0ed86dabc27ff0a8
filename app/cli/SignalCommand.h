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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
