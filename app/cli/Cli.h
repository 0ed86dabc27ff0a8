#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace ops::cli {

// Finds the verb group among the arguments and hands them to its Command.
class Cli {
public:
    Cli();
    int run(const QStringList &arguments, CliIo &io);
    void printUsage(QTextStream &stream) const;

private:
    int runVerb(const QStringList &arguments, CliIo &io);

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace ops::cli
