// opsconsole-cli: the console's library, headless, for scripts and CI.
#include "cli/Cli.h"
#include "core/Hardening.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    ops::Hardening::protectProcess();
    auto resolved = ops::Hardening::secretsFromFiles(ops::Hardening::takeEnvironment());
    QCoreApplication app(argc, argv);
    if (!resolved.ok()) {
        QTextStream(stderr) << "opsconsole-cli: " << resolved.error().message << '\n';
        return static_cast<int>(resolved.error().code);
    }
    const QProcessEnvironment environment = std::move(resolved).value();
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    ops::cli::CliIo io{out, err, environment};
    ops::cli::Cli cli;
    const int code = cli.run(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return code;
}
