// opsconsole: the GUI. Wires config, environment policy and the main window; no logic of its own.
#include "MainWindow.h"
#include "Screenshots.h"
#include "SingleInstance.h"
#include "alerts/AlertsPanel.h"
#include "common/AppOptions.h"
#include "common/Translations.h"
#include "core/Hardening.h"
#include "core/LogText.h"
#include "core/Secret.h"
#include "firstrun/FirstRunDialog.h"
#include "runtime/AppContext.h"
#include "store/IdentityUnlock.h"
#include "store/SqliteEvidenceStore.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

using namespace ops;

namespace {

bool headless() {
    const QString platform = QGuiApplication::platformName();
    return platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
}

int refuse(const Error &error) {
    const QString text = error.toString();
    QTextStream(stderr) << "opsconsole: " << text << '\n';
    if (!headless()) {
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "opsconsole cannot start"),
                        QCoreApplication::translate("main", "opsconsole refused to start."),
                        QMessageBox::Close);
        box.setInformativeText(text);
        box.exec();
    }
    return error.exitCode();
}

} // namespace

int main(int argc, char *argv[]) {
    Hardening::protectProcess();
    LogText::install(); // one line a message, outside text escaped
    const QProcessEnvironment taken = Hardening::takeEnvironment();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("opsconsole"));
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSCONSOLE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.opsconsole.OpsConsole"));
    ui::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Operator console for a content-publishing pipeline."));
    parser.addHelpOption();
    parser.addVersionOption();
    app::AppOptions common;
    common.addTo(parser);
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QStringLiteral("Render every panel to DIR/*.png and exit."),
                                   QStringLiteral("DIR"));
    parser.addOption(screenshots);
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "opsconsole: " << parser.errorText() << "\n\n" << parser.helpText();
        return static_cast<int>(ErrorCode::Usage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "opsconsole " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "opsconsole: unexpected argument '" << parser.positionalArguments().first()
                            << "'\n";
        return static_cast<int>(ErrorCode::Usage);
    }

    // Tokens from files, systemd credentials or the environment, then the keychain (over D-Bus, so
    // after the application object).
    auto resolved = Hardening::resolveSecrets(taken, Keychain::reader(taken));
    if (!resolved.ok())
        return refuse(resolved.error());
    // The panels are handed the tokens through the startup context, never the process environment.
    const QProcessEnvironment environment = std::move(resolved).value();
    const CommonOptions options = common.read(parser);
    auto context = Startup::prepare(options, environment);
    if (!context.ok())
        return refuse(context.error());
    // A team log joined in the first-run flow is where the console opens, unless told otherwise.
    const QString joined = QSettings().value(QStringLiteral("store/url")).toString();
    if (options.storePath.isEmpty() && context->storePath == Startup::defaultStorePath() && !joined.isEmpty())
        context->storePath = joined;
    // The first start on a machine with no store (none named with --store): create one, join a team
    // log or open the demo; Quit leaves nothing behind.
    if (!parser.isSet(screenshots) && options.storePath.isEmpty() && ui::needsFirstRun(context.value())) {
        ui::FirstRunDialog firstRun(context.value(), IdentityUnlock::keyDirectory(),
                                    Startup::dataDirectory() + QStringLiteral("/demo.sqlite"));
        if (firstRun.exec() != QDialog::Accepted)
            return 0;
        context->storePath = firstRun.storePath();
        if (context->identity.isEmpty())
            context->identity = firstRun.identity();
    }

    // One window per store: a second start brings the first to the front instead.
    app::SingleInstance instance(context->storePath);
    if (!parser.isSet(screenshots) && !instance.claim()) {
        QTextStream(stderr)
            << "opsconsole: a window for this store is already open; brought it to the front\n";
        return 0;
    }
    const StartupContext started = context.value();
    // The application's context: the store's one owner, the session, the secrets and the duties
    // that run while the store is open; the window and its panels are views of it.
    AppContext appContext(std::move(context).value());
    ui::MainWindow window(&appContext); // its status bar follows the store
    QObject::connect(&instance, &app::SingleInstance::raiseRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    if (parser.isSet(screenshots)) {
        window.resize(1280, 800);
        window.show();
        // Two probe rounds, so the matrix shows what fail_after makes of them.
        QEventLoop loop;
        int rounds = 0;
        QObject::connect(window.alertsPanel(), &ui::AlertsPanel::summaryChanged, &loop, [&] {
            if (++rounds == 1)
                window.alertsPanel()->probeNow();
            else
                loop.quit();
        });
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        window.startMonitoring();
        loop.exec();
        QStringList files = renderScreenshots(window, parser.value(screenshots));
        // The first-run flow as a new user meets it, and its create page.
        ui::FirstRunDialog firstRun(started, IdentityUnlock::keyDirectory(),
                                    Startup::dataDirectory() + QStringLiteral("/demo.sqlite"));
        firstRun.resize(680, 460);
        firstRun.show();
        for (const auto &[name, button] :
             {std::pair{"first-run", ""}, {"first-run-create", "firstRunCreate"}}) {
            if (*button)
                if (auto *b = firstRun.findChild<QAbstractButton *>(QString::fromLatin1(button)))
                    b->click();
            QCoreApplication::processEvents();
            const QString file =
                parser.value(screenshots) + QStringLiteral("/%1.png").arg(QLatin1String(name));
            if (firstRun.grab().save(file))
                files << file;
        }
        for (const QString &f : files)
            QTextStream(stdout) << f << '\n';
        return files.size() >= window.panelCount() + 1 ? 0 : static_cast<int>(ErrorCode::Store);
    }
    window.show();
    window.startMonitoring();
    return QApplication::exec();
}
