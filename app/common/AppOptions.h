#pragma once

#include "core/Startup.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace ops::app {

// The options every program takes (opsconsole-cli help, "common options").
struct AppOptions {
    QCommandLineOption store{
        QStringLiteral("store"),
        QStringLiteral("Evidence store: a file, or a team log's postgresql:// URL (default: "
                       "$XDG_DATA_HOME/opsconsole/evidence.sqlite)."),
        QStringLiteral("PATH")};
    QCommandLineOption config{
        QStringLiteral("config"),
        QStringLiteral("Deployment config (default: $XDG_CONFIG_HOME/opsconsole/config.yaml; in dev with no "
                       "file, the built-in demo)."),
        QStringLiteral("PATH")};
    QCommandLineOption identity{
        QStringLiteral("identity"),
        QStringLiteral("Acting identity (default: OPSCONSOLE_IDENTITY, else the one made by init)."),
        QStringLiteral("NAME")};
    QCommandLineOption passphraseFile{
        QStringLiteral("passphrase-file"),
        QStringLiteral("Read the identity's passphrase from FILE (else OPSCONSOLE_PASSPHRASE or a prompt)."),
        QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const {
        parser.addOption(store);
        parser.addOption(config);
        parser.addOption(identity);
        parser.addOption(passphraseFile);
    }

    CommonOptions read(const QCommandLineParser &parser) const {
        CommonOptions o;
        o.storePath = parser.value(store);
        o.configPath = parser.value(config);
        o.identity = parser.value(identity);
        o.passphraseFile = parser.value(passphraseFile);
        return o;
    }

    // -q/--quiet: nothing on standard output; the exit code and errors only.
    static QCommandLineOption quietOption() {
        return QCommandLineOption(
            {QStringLiteral("q"), QStringLiteral("quiet")},
            QStringLiteral("Print nothing on standard output: the exit code and errors only."));
    }
    static QCommandLineOption helpOption() {
        return QCommandLineOption(
            {QStringLiteral("h"), QStringLiteral("help")},
            QStringLiteral("Show this help: sub-verbs, options, examples, exit codes."));
    }
    QList<QCommandLineOption> all() const { return {store, config, identity, passphraseFile}; }

    // Options that take a value, so a verb search can skip the value.
    static bool takesValue(const QString &arg) {
        static const QStringList kWithValue{QStringLiteral("--store"), QStringLiteral("--config"),
                                            QStringLiteral("--identity"),
                                            QStringLiteral("--passphrase-file")};
        return kWithValue.contains(arg);
    }
};

} // namespace ops::app
