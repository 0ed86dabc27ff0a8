// opsconsole-cli: the console's library, headless, for scripts and CI.
#include "cli/Cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    ops::cli::CliIo io{out, err, QProcessEnvironment::systemEnvironment()};
    ops::cli::Cli cli;
    const int code = cli.run(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return code;
}
