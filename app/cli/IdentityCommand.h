#pragma once

#include "Command.h"

namespace ops::cli {

// init: creates the store and a first identity.
class InitCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override { return QStringLiteral("create the store and a first identity"); }
    QStringList usage() const override {
        return {QStringLiteral("init --identity NAME --roles r1,r2 [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

// identity create|list|export-public
class IdentityCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("identity"); }
    QString summary() const override { return QStringLiteral("identities and their keys"); }
    QStringList usage() const override {
        return {QStringLiteral("identity create NAME --roles r1,r2 [--json]"),
                QStringLiteral("identity list [--json]"), QStringLiteral("identity export-public NAME")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
