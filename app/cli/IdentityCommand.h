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
    QString description() const override {
        return QStringLiteral(
            "Create the evidence store (mode 0600) and its genesis identity, an admin, with an Ed25519 key, "
            "and print the trust: lines that pin its key in the deployment config (required outside dev). "
            "The window's first-run flow does the same without a terminal.");
    }
    QStringList examples() const override {
        return {QStringLiteral("init --identity alice --roles admin,operator,incident-owner")};
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
                QStringLiteral("identity export-public NAME [--vkey|--cosigner-vkey] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Identities and their enrolment. create records a request signed by the new key; the identity "
            "can do nothing until trust.enroll_quorum admins other than itself have run approve (exit 4 "
            "before). revoke (an admin) ends an identity's acts; rotate records a new key signed by the old "
            "one, which takes over once an admin approves it. list shows state (requested, approved, "
            "revoked), roles and approvers; export-public prints the public key, or the signed-note verifier "
            "key (--vkey) or cosigner key (--cosigner-vkey).\n\nRoles: admin, operator, incident-owner, "
            "release-owner, reviewer, analyst, risk-owner, locker, launcher, product, engineering, qa, "
            "monitor (a service identity, held alone).");
    }
    QStringList examples() const override {
        return {QStringLiteral("identity create rui --roles reviewer"),
                QStringLiteral("identity approve rui --identity alice"),
                QStringLiteral("identity export-public alice --vkey")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
