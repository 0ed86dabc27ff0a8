#pragma once

#include "Command.h"

namespace ops::cli {

// outbox list | sync: the acts this console made while the team log could not be reached.
class OutboxCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("outbox"); }
    QString summary() const override {
        return QStringLiteral("acts made while the team log was unreachable");
    }
    QStringList usage() const override {
        return {QStringLiteral("outbox list [--all] [--json]"), QStringLiteral("outbox sync [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "On the team log, a console that cannot reach the server works from its verified copy of the "
            "log and keeps each act, signed by its author, in its outbox. list shows the acts still waiting "
            "and those the team log refused (with the reason and the event that came first); --all adds the "
            "ones synced, with the position they took. sync appends the acting identity's waiting acts "
            "now (every act of that identity does so too, after witnessing the log). Nothing is ever "
            "dropped from the outbox: a refused act stays there for its author to read and act again.");
    }
    QStringList examples() const override {
        return {QStringLiteral("outbox list --store postgresql://ops@db.example/opsconsole"),
                QStringLiteral("outbox sync --identity alice --json")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  sync: the team log refused at least one act (kept as rejected)"),
                QStringLiteral("2  the store is not a team log"),
                QStringLiteral("5  sync: the team log cannot be reached")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
