// opsconsole-cli: the console's library, headless, for scripts and CI.
#include "cli/Cli.h"
#include "core/Hardening.h"
#include "core/LogText.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

// A PDF is laid out with fonts, which needs a GUI application; it draws offscreen, so no display
// is needed.
bool drawsPdf(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--format=pdf") == 0 ||
            (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0))
            return true;
    return false;
}

} // namespace

int main(int argc, char *argv[]) {
    ops::Hardening::protectProcess();
    ops::LogText::install(); // one line a message, outside text escaped
    const QProcessEnvironment taken = ops::Hardening::takeEnvironment();
    std::unique_ptr<QCoreApplication> application;
    if (drawsPdf(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    // Secrets given for the run. The keychain is asked later, and only by a verb that loads the
    // deployment (help, --version and a mistyped verb never wait for it).
    auto resolved = ops::Hardening::secretsFromFiles(taken);
    if (!resolved.ok()) {
        QTextStream(stderr) << "opsconsole-cli: " << resolved.error().message << '\n';
        return static_cast<int>(resolved.error().code);
    }
    const QProcessEnvironment environment = std::move(resolved).value();
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    ops::cli::CliIo io{out, err, environment, ops::Keychain::reader(environment)};
    ops::cli::Cli cli;
    const int code = cli.run(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return code;
}
