#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace ops::cli {

// help [VERB [SUB-VERB]] [--format text|man|bash|zsh]: made from the other groups themselves.
class HelpCommand final : public Command {
public:
    explicit HelpCommand(const std::vector<std::unique_ptr<Command>> &all)
        : m_all(all) {}
    QString name() const override { return QStringLiteral("help"); }
    QString summary() const override {
        return QStringLiteral("sub-verbs, options, examples and exit codes of a verb");
    }
    QStringList usage() const override {
        return {QStringLiteral("help [VERB [SUB-VERB]] [--json]"),
                QStringLiteral("help --format man|bash|zsh   (the man page or a shell completion script)")};
    }
    QString description() const override;
    QStringList examples() const override;
    int run(const QStringList &arguments, CliIo &io) override;

private:
    const std::vector<std::unique_ptr<Command>> &m_all;
};

} // namespace ops::cli
