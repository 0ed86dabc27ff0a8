#include "Command.h"

#include "Help.h"
#include "core/Hardening.h"
#include "core/Time.h"

#include "core/CanonicalJson.h"

namespace ops::cli {

bool Command::parse(QCommandLineParser &parser, const QStringList &arguments, CliIo &io,
                    const QList<QCommandLineOption> &extra) {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_common.addTo(parser);
    parser.addOption(m_json);
    parser.addOptions(extra);
    parser.addOption(app::AppOptions::quietOption());
    parser.addOption(app::AppOptions::helpOption());
    m_parsedOptions = extra;
    if (!parser.parse(arguments)) {
        usageError(io, parser.errorText());
        return false;
    }
    return true;
}

int Command::usageError(CliIo &io, const QString &message) const {
    io.err << "opsconsole-cli: " << message << "\nusage:\n";
    for (const QString &line : usage())
        io.err << "  opsconsole-cli " << line << '\n';
    return static_cast<int>(ErrorCode::Usage);
}

int Command::fail(CliIo &io, const Error &error, bool json) {
    if (json) {
        JsonValue e = JsonValue::object();
        e["error"] = error.message;
        e["where"] = error.where;
        e["exit_code"] = error.exitCode();
        printJson(io, e);
    }
    io.err << "opsconsole-cli: " << error.toString() << '\n';
    return error.exitCode();
}

void CliIo::takeTokensFromKeychain() {
    if (!keychain)
        return;
    environment = Hardening::tokensFromKeychain(std::move(environment), keychain);
    keychain = {};
}

Result<StartupContext> Command::startup(const QCommandLineParser &parser, CliIo &io) const {
    CommonOptions options = m_common.read(parser);
    options.bootstrapsTrust = bootstrapsTrust();
    io.takeTokensFromKeychain();
    return Startup::prepare(options, io.environment);
}

int Command::printUsage(CliIo &io) const {
    io.out << Help::text(*this, m_parsedOptions);
    return 0;
}

QList<QCommandLineOption> Command::ownOptions() {
    QString sink;
    QTextStream out(&sink);
    QTextStream err(&sink);
    CliIo io{out, err, QProcessEnvironment()};
    m_parsedOptions.clear();
    run({QStringLiteral("opsconsole-cli"), name(), QStringLiteral("--help")}, io);
    return m_parsedOptions;
}

void Command::printJson(CliIo &io, const JsonValue &value) {
    io.out << QString::fromStdString(CanonicalJson::pretty(value)) << '\n';
}

JsonValue Command::eventJson(const StoredEvent &e) {
    JsonValue o = JsonValue::object();
    o["seq"] = static_cast<qint64>(e.seq);
    o["id"] = e.uuid;
    o["ts"] = Time::toIso(e.tsMs);
    o["actor"] = e.actor;
    o["kind"] = e.kind;
    o["scope"] = e.scope;
    o["payload"] = e.payload();
    o["leaf_hash"] = e.leafHash.toHex().toStdString();
    o["signed"] = e.signedByActor;
    return o;
}

} // namespace ops::cli
