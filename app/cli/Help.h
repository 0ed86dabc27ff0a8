#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ops::cli {

class Command;

// Help, the man page and the shell completions, all made from the verb groups themselves: their
// usage lines, descriptions, examples and the options their parsers accept.
namespace Help {

// `VERB --help` and `help VERB [SUB]`: the group's usage lines (only SUB's when given), its
// description, every option with its text, the common options, examples and exit codes.
QString text(const Command &command, const QList<QCommandLineOption> &own, const QString &sub = {});
// `help`: every group with its summary.
QString overview(const std::vector<std::unique_ptr<Command>> &commands);
// man page (roff), bash and zsh completion scripts.
QString manPage(const std::vector<std::unique_ptr<Command>> &commands);
QString bashCompletion(const std::vector<std::unique_ptr<Command>> &commands);
QString zshCompletion(const std::vector<std::unique_ptr<Command>> &commands);

// The sub-verbs a group's usage lines name ("evidence verify …" → verify), in order.
QStringList subVerbs(const Command &command);
// The --options a usage line names ("--scope", without the dashes).
QStringList optionsInLine(const QString &line);
// The common table of exit codes.
QList<QPair<int, QString>> exitCodeTable();

} // namespace Help

} // namespace ops::cli
