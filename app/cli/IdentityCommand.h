#pragma once

#include "Command.h"

namespace ops::cli {

// init: creates the store and a first identity.
class InitCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override { return QStringLiteral("create the store and a first identity"); }
    QStringList usage() const override {
        return {QStringLiteral("init --identity NAME --roles admin,r1,r2 [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
    bool bootstrapsTrust() const override { return true; }
};

// identity create|approve|revoke|rotate|list|export-public
class IdentityCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("identity"); }
    QString summary() const override { return QStringLiteral("identities, their enrolment and their keys"); }
    QStringList usage() const override {
        return {QStringLiteral("identity create NAME --roles r1,r2 [--json]"),
                QStringLiteral("identity approve NAME [--identity ADMIN] [--json]"),
                QStringLiteral("identity revoke NAME --reason TEXT [--identity ADMIN] [--json]"),
                QStringLiteral("identity rotate [--identity NAME] [--json]"),
                QStringLiteral("identity list [--json]"),
                QStringLiteral("identity export-public NAME [--vkey|--cosigner-vkey]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
