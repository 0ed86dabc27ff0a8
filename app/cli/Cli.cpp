#include "Cli.h"

#include "AlertsCommand.h"
#include "AttestCommand.h"
#include "ConfigCommand.h"
#include "DerivationCommand.h"
#include "EvidenceCommand.h"
#include "HandoverCommand.h"
#include "Help.h"
#include "HelpCommand.h"
#include "IdentityCommand.h"
#include "IncidentCommand.h"
#include "KillswitchCommand.h"
#include "LaunchCommand.h"
#include "MonitorCommand.h"
#include "OutboxCommand.h"
#include "ProbeCommand.h"
#include "ProofCommand.h"
#include "RecordCommand.h"
#include "RollbackCommand.h"
#include "RunbookCommand.h"
#include "SecretCommand.h"
#include "SignalCommand.h"
#include "SilenceCommand.h"

namespace ops::cli {

namespace {
// Where -q sends standard output.
class Discard final : public QIODevice {
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override { return size; }
};
} // namespace

Cli::Cli() {
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<IdentityCommand>());
    m_commands.push_back(std::make_unique<OutboxCommand>());
    m_commands.push_back(std::make_unique<SecretCommand>());
    m_commands.push_back(std::make_unique<ConfigCommand>());
    m_commands.push_back(std::make_unique<EvidenceCommand>());
    m_commands.push_back(std::make_unique<ProbeCommand>());
    m_commands.push_back(std::make_unique<MonitorCommand>());
    m_commands.push_back(std::make_unique<AlertsCommand>());
    m_commands.push_back(std::make_unique<SilenceCommand>());
    m_commands.push_back(std::make_unique<SignalCommand>());
    m_commands.push_back(std::make_unique<IncidentCommand>());
    m_commands.push_back(std::make_unique<RunbookCommand>());
    m_commands.push_back(std::make_unique<KillswitchCommand>());
    m_commands.push_back(std::make_unique<RollbackCommand>());
    m_commands.push_back(std::make_unique<RecordCommand>());
    m_commands.push_back(std::make_unique<HandoverCommand>());
    m_commands.push_back(std::make_unique<LaunchCommand>());
    m_commands.push_back(std::make_unique<DerivationCommand>());
    m_commands.push_back(std::make_unique<HandoffCommand>());
    m_commands.push_back(std::make_unique<ProofCommand>());
    m_commands.push_back(std::make_unique<VerdictCommand>());
    m_commands.push_back(std::make_unique<AttestCommand>());
    m_commands.push_back(std::make_unique<HelpCommand>(m_commands));
}

void Cli::printUsage(QTextStream &stream) const {
    stream << Help::overview(m_commands);
}

int Cli::run(const QStringList &arguments, CliIo &io) {
    // -q/--quiet: standard output goes nowhere; errors and the exit code remain.
    for (const QString &a : arguments) {
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("-q") || a == QLatin1String("--quiet")) {
            Discard discard;
            discard.open(QIODevice::WriteOnly);
            QTextStream nowhere(&discard);
            CliIo quiet{nowhere, io.err, io.environment, io.keychain};
            return runVerb(arguments, quiet);
        }
    }
    return runVerb(arguments, io);
}

int Cli::runVerb(const QStringList &arguments, CliIo &io) {
    // arguments[0] is the program name. The first argument that is neither an option
    // nor the value of a common option names the verb group.
    QString verb;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--")) {
            verb = arguments.value(i + 1);
            break;
        }
        if (a.startsWith(QLatin1Char('-'))) {
            if (app::AppOptions::takesValue(a))
                ++i;
            continue;
        }
        verb = a;
        break;
    }
    if (verb.isEmpty()) {
        if (arguments.contains(QStringLiteral("--version"))) {
            io.out << "opsconsole-cli " << OPSCONSOLE_VERSION << '\n';
            return 0;
        }
        if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
            printUsage(io.out);
            return 0;
        }
        io.err << "opsconsole-cli: no verb given\n";
        printUsage(io.err);
        return static_cast<int>(ErrorCode::Usage);
    }
    for (const auto &c : m_commands)
        if (c->name() == verb)
            return c->run(arguments, io);
    io.err << "opsconsole-cli: unknown verb '" << verb << "'\n";
    printUsage(io.err);
    return static_cast<int>(ErrorCode::Usage);
}

} // namespace ops::cli
