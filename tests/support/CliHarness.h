#pragma once

// opsconsole-cli run against a deployment config in a temp home, with a passphrase and a publisher
// token in its environment, for the integration flows.

#include "TestSupport.h"

#include "core/CanonicalJson.h"

#include <QStringList>

namespace ops::test {

inline JsonValue parseJson(const QByteArray &out) {
    auto v = CanonicalJson::parse(out.toStdString());
    return v.ok() ? v.value() : JsonValue();
}

struct Cli {
    TempDir home;
    ProgramRunner runner{home};
    QString config;

    Cli(const QByteArray &yaml, const QString &publisherToken)
        : config(home.write(QStringLiteral("config.yaml"), yaml)) {
        runner.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("a long enough passphrase"));
        runner.set(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN"), publisherToken);
    }
    RunResult operator()(QStringList args, const QString &identity = {}) {
        if (!identity.isEmpty())
            args << QStringLiteral("--identity") << identity;
        args << QStringLiteral("--config") << config;
        return runner.run(QStringLiteral("opsconsole-cli"), args, 120000);
    }
    // Space-separated arguments, for commands without spaces inside an argument.
    RunResult operator()(const char *args, const QString &identity = {}) {
        return (*this)(QString::fromUtf8(args).split(QLatin1Char(' '), Qt::SkipEmptyParts), identity);
    }
};

} // namespace ops::test

// The result, with its output logged when it did not exit 0.
#define RUN_OK(expr)                                                                                         \
    [&] {                                                                                                    \
        auto r_ = (expr);                                                                                    \
        if (r_.exitCode != 0)                                                                                \
            qWarning("exit %d: %s %s", r_.exitCode, r_.out.constData(), r_.err.constData());                 \
        return r_;                                                                                           \
    }()
