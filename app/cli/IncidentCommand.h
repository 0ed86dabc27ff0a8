#pragma once

#include "Command.h"

namespace ops::cli {

// incident open | severity | assign | evidence | decide | close | list | show.
class IncidentCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("incident"); }
    QString summary() const override {
        return QStringLiteral("incidents, core evidence records and the decision log");
    }
    QStringList usage() const override {
        return {
            QStringLiteral("incident open --class C --scope S [--severity SEV-n --reason R] [--trigger T] "
                           "[--alert A] [--owner NAME] [--json]"),
            QStringLiteral("incident severity ID SEV-n --reason R"),
            QStringLiteral("incident assign ID OWNER"),
            QStringLiteral(
                "incident evidence ID --scope=S --trigger=T --failure_mode=F --containment_action=C "
                "--rollback_action=R|none --verification_result=V --owner=O --follow_up=U [--timestamp=ISO]"),
            QStringLiteral("incident decide ID TEXT"),
            QStringLiteral("incident close ID --closure TEXT [--verification TEXT]"),
            QStringLiteral("incident list [--all] [--json]"),
            QStringLiteral("incident show ID [--json]"),
            QStringLiteral("incident report ID --out FILE|- [--format md|html|pdf] [--lang en|de] [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
