#pragma once

#include "Command.h"

namespace ops::cli {

// killswitch activate | deactivate | list: the AI-lane and bad-pack kill switches per scope.
class KillswitchCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("killswitch"); }
    QString summary() const override { return QStringLiteral("AI-lane and bad-pack kill switches"); }
    QStringList usage() const override {
        return {QStringLiteral(
                    "killswitch activate ai|bad-pack --scope S --reason R [--validation-localities a,b] "
                    "[--validation-result TEXT] [--incident ID] [--json]"),
                QStringLiteral(
                    "killswitch deactivate ai|bad-pack --scope S --reason R [--validation-localities a,b] "
                    "[--validation-result TEXT] [--incident ID] [--json]"),
                QStringLiteral("killswitch list [--json]")};
    }
    QString description() const override {
        return QStringLiteral("The AI-lane and bad-pack kill switches, recorded with reason, scope, time and "
                              "validation result (the validation localities are probed when no result is "
                              "given). An active switch fires the kill-switch alert for its scope.");
    }
    QStringList examples() const override {
        return {QStringLiteral("killswitch activate bad-pack --scope pg --reason \"active pack fails its "
                               "checksum\" --incident INC-7F3A-9C2E")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
