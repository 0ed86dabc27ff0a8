#pragma once

#include "Command.h"

namespace ops::cli {

// monitor [--listen 127.0.0.1:PORT] [--rounds N]: the long-running recorder of a local store —
// probe rounds at probes.interval_s, alert evaluation with flap damping, transitions and missed
// rollback deadlines recorded as evidence signed by the acting identity, and /metrics for
// Prometheus. One recorder per store (a lock beside it); stops cleanly on SIGTERM or SIGINT.
class MonitorCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("monitor"); }
    QString summary() const override { return QStringLiteral("record probes and alerts until stopped"); }
    QStringList usage() const override {
        return {QStringLiteral("monitor [--listen 127.0.0.1:PORT] [--rounds N]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
