#pragma once

#include "Command.h"

namespace ops::cli {

// alerts [--json]: the alert matrix as the monitor last evaluated it (cells not evaluated
// recently are unknown, never ok). alerts ack ALERT --scope S --note N: a signed acknowledgement.
class AlertsCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("alerts"); }
    QString summary() const override { return QStringLiteral("the alert matrix now; acknowledge an alert"); }
    QStringList usage() const override {
        return {QStringLiteral("alerts [--json]"),
                QStringLiteral("alerts ack ALERT --scope S --note TEXT [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "The alert matrix as last evaluated (by the window, the monitor or probe --record); cells not "
            "evaluated within three probe intervals are unknown, never ok. ack acknowledges a firing alert "
            "as signed evidence (operator or incident-owner role).");
    }
    QStringList examples() const override {
        return {QStringLiteral("alerts"),
                QStringLiteral("alerts ack stale-pack --scope kl --note \"looking at the publisher\"")};
    }
    QStringList exitCodes() const override { return {QStringLiteral("1  a cell is not ok")}; }
    int run(const QStringList &arguments, CliIo &io) override;

private:
    int list(const StartupContext &ctx, CliIo &io, bool json);
    int acknowledge(const StartupContext &ctx, CliIo &io, const QString &alert, const QString &scope,
                    const QString &note, bool json);
};

} // namespace ops::cli
