#pragma once

#include "Command.h"

namespace ops::cli {

// config check [FILE]: validates a deployment config and the environment policy it would run under.
class ConfigCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("config"); }
    QString summary() const override { return QStringLiteral("validate a deployment config"); }
    QStringList usage() const override { return {QStringLiteral("config check [FILE|-] [--json]")}; }
    QString description() const override {
        return QStringLiteral(
            "Validate a deployment config and the environment policy it would run under: targets, trust "
            "roots, alert rules, Alertmanager routes, notifications and maintenance windows. Every error "
            "names file:line and the key; - reads the config from standard input.");
    }
    QStringList examples() const override {
        return {QStringLiteral("config check /etc/opsconsole/config.yaml"),
                QStringLiteral("config check - < config.yaml")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("3  the config has errors (each named file:line and key)")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
