#pragma once

#include "Command.h"

namespace ops::cli {

// launch start | check | checksum | signoff | decide | status | record export: the release owner's
// launch-day checklist, its separated sign-offs and the GO / NO-GO computed from the store.
class LaunchCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("launch"); }
    QString summary() const override {
        return QStringLiteral("launch-day checklist, sign-offs and GO / NO-GO");
    }
    QStringList usage() const override {
        return {
            QStringLiteral("launch status [--run RUN] [--json]   (exit 0 GO, 1 NO-GO)"),
            QStringLiteral("launch start --scope S --build ID [--json]"),
            QStringLiteral("launch check CHECK [--evidence TEXT] [--attach FILE] [--confirm] [--out FILE] "
                           "[--failed --reason R] [--json]"),
            QStringLiteral("launch checksum FILE|DIR... [--json]"),
            QStringLiteral("launch signoff --role product|engineering|qa [--json]"),
            QStringLiteral("launch decide --go|--no-go [--note TEXT] [--json]"),
            QStringLiteral("launch record export OUT [--run RUN] [--json]"),
            QStringLiteral(
                "launch attest --out FILE.intoto.json [--run RUN] [--json]   (then attest sign FILE by "
                "each sign-off)")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
