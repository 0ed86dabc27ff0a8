#pragma once

#include "Command.h"

namespace ops::cli {

// monitor [--listen 127.0.0.1:PORT] [--rounds N]: the long-running recorder of a store (a local
// file, or the team log through TeamRecorder) — probe rounds at probes.interval_s, alert evaluation with flap
// damping, transitions and missed rollback deadlines recorded as evidence signed by the acting identity, and
// /metrics for Prometheus. One recorder per store (a lock beside the file, an advisory lock on the team log);
// stops cleanly on SIGTERM or SIGINT.
class MonitorCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("monitor"); }
    QString summary() const override { return QStringLiteral("record probes and alerts until stopped"); }
    QStringList usage() const override {
        return {QStringLiteral("monitor [--listen 127.0.0.1:PORT] [--rounds N] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "The long-running recorder: a probe round every probes.interval_s, the alert evaluation with "
            "flap damping, transitions and missed rollback deadlines recorded as evidence signed by the "
            "acting identity, until SIGTERM or SIGINT (exit 0). One recorder per store: a second one exits "
            "4, and an open window shows the monitor's evaluations instead of recording. On the team log it "
            "is the log's one recorder, on the live log only (exit 5 while its server is away). With "
            "--listen "
            "(loopback only; port 0 picks a free one) it serves GET /metrics (Prometheus text format), GET "
            "/healthz and POST /alertmanager (Alertmanager's webhook). The package installs it as the "
            "systemd user unit opsconsole-monitor.service.");
    }
    QStringList examples() const override { return {QStringLiteral("monitor --listen 127.0.0.1:9464")}; }
    QStringList exitCodes() const override {
        return {QStringLiteral("4  another recorder holds the store"),
                QStringLiteral("5  the store cannot be opened (on the team log: its server is away)")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
