// opsconsole-cli: the console's library, headless, for scripts and CI.
#include "cli/Cli.h"
#include "core/Hardening.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    ops::Hardening::protectProcess();
    const QProcessEnvironment environment = ops::Hardening::takeEnvironment();
    QCoreApplication app(argc, argv);
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
