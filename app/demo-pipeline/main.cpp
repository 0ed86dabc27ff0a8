// opsconsole-demo-pipeline: the demo publishing pipeline on 127.0.0.1.
#include "DemoPipeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opsconsole-demo-pipeline"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Demo publishing pipeline: manifests, packs, resolver, rules and "
                       "/readyz on loopback, with fault injection (POST /_faults)."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Deployment config (default: the built-in demo)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Content port (default 8088; 0 picks one)."),
                                  QStringLiteral("N"), QStringLiteral("8088"));
    const QCommandLineOption servicesPort(
        QStringLiteral("services-port"),
        QStringLiteral("Port of the services' /readyz (default 8089; 0 picks one)."), QStringLiteral("N"),
        QStringLiteral("8089"));
    const QCommandLineOption packBytes(QStringLiteral("pack-bytes"),
                                       QStringLiteral("Size of each pack (default 65536)."),
                                       QStringLiteral("N"), QStringLiteral("65536"));
    parser.addOptions({config, port, servicesPort, packBytes});
    parser.process(app);
    auto cfg = parser.isSet(config) ? ops::ConfigLoader::loadFile(parser.value(config))
                                    : ops::ConfigLoader::builtinDemo();
    QTextStream err(stderr);
    if (!cfg.ok()) {
        err << "opsconsole-demo-pipeline: " << cfg.error().toString() << '\n';
        return 3;
    }
    ops::demo::DemoPipeline pipeline(cfg.value(), parser.value(packBytes).toLongLong());
    const quint16 content =
        pipeline.listen(QHostAddress::LocalHost, static_cast<quint16>(parser.value(port).toUInt()));
    const quint16 services =
        pipeline.listen(QHostAddress::LocalHost, static_cast<quint16>(parser.value(servicesPort).toUInt()));
    if (!content || !services) {
        err << "opsconsole-demo-pipeline: cannot listen on 127.0.0.1 (ports in use?)\n";
        return 5;
    }
    QTextStream out(stdout);
    out << "content-port " << content << "\nservices-port " << services << '\n';
    out.flush();
    return QCoreApplication::exec();
}
