#pragma once

#include "Command.h"

namespace ops::cli {

// silence add | list | end: signed silences of alert cells, beside the config's maintenance windows.
class SilenceCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("silence"); }
    QString summary() const override { return QStringLiteral("hold an alert's notifications for a while"); }
    QStringList usage() const override {
        return {QStringLiteral("silence add --alert A --scope S --until T --reason R [--json]   "
                               "(T: 2026-12-04T18:00:00Z, or 90m, 2h, 1d)"),
                QStringLiteral("silence list [--all] [--json]"),
                QStringLiteral("silence end ID [--reason R] [--json]")};
    }
    QString description() const override {
        return QStringLiteral("Hold an alert's notifications for a while (a maintenance window) without "
                              "hiding it: the cell still fires and shows that it is silenced; the silence, "
                              "its author, reason and end are evidence.");
    }
    QStringList examples() const override {
        return {QStringLiteral("silence add --alert stale-pack --scope kl --until 2026-12-04T18:00:00Z "
                               "--reason \"planned republish\"")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
