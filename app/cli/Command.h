#pragma once

#include "common/AppOptions.h"
#include "core/JsonValue.h"
#include "core/Keychain.h"
#include "core/Result.h"
#include "core/Startup.h"
#include "store/EvidenceTypes.h"

#include <QProcessEnvironment>
#include <QTextStream>

namespace ops::cli {

// The most of standard input a verb copies to a file for an archive reader ("-" as the archive).
inline constexpr qint64 kMaxSpooledArchive = 4LL * 1024 * 1024 * 1024;

// What a command may touch of the outside world; tests give it string streams.
struct CliIo {
    CliIo(QTextStream &out_, QTextStream &err_, QProcessEnvironment environment_,
          Keychain::Reader keychain_ = {})
        : out(out_)
        , err(err_)
        , environment(std::move(environment_))
        , keychain(std::move(keychain_)) {}
    QTextStream &out;
    QTextStream &err;
    QProcessEnvironment environment;
    // Asked once, by the first verb that loads the deployment, for the tokens that nothing given
    // for the run set; then dropped.
    Keychain::Reader keychain;
    void takeTokensFromKeychain();
};

// One verb group ("config", "evidence", …), KeePassXC-style: each builds its own parser
// from the common options plus its own.
class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual QStringList usage() const = 0; // one line per sub-verb, e.g. "config check [FILE]"
    virtual int run(const QStringList &arguments, CliIo &io) = 0;
    virtual bool bootstrapsTrust() const { return false; }
    // What the group does, for `help VERB` and the man page (paragraphs separated by blank lines).
    virtual QString description() const { return {}; }
    // Whole command lines, without the program name.
    virtual QStringList examples() const { return {}; }
    // Exit codes with a meaning of their own in this group ("1 NO-GO"), beyond the common table.
    virtual QStringList exitCodes() const { return {}; }

    // The options this group's parser accepts besides the common ones, exactly as run() builds
    // them: the group is run with --help into nothing and its parser's options are kept. Help,
    // man page and completions are all made from this, so they cannot drift from the code.
    QList<QCommandLineOption> ownOptions();
    const app::AppOptions &commonOptions() const { return m_common; }

protected:
    // Parses arguments with the common options, --json and the command's own options.
    // On failure prints the error and usage and returns false (caller exits 2).
    bool parse(QCommandLineParser &parser, const QStringList &arguments, CliIo &io,
               const QList<QCommandLineOption> &extra = {});
    int usageError(CliIo &io, const QString &message) const;
    static int fail(CliIo &io, const Error &error, bool json);
    static void printJson(CliIo &io, const JsonValue &value);
    // One stored event as the CLI prints it: seq, id, ts, actor, kind, scope, payload, leaf hash.
    static JsonValue eventJson(const StoredEvent &event);
    // Environment, config and policy for this invocation (exit codes 2, 3, 4 on failure).
    Result<StartupContext> startup(const QCommandLineParser &parser, CliIo &io) const;
    int printUsage(CliIo &io) const;

    app::AppOptions m_common;
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("Machine-readable output.")};

private:
    QList<QCommandLineOption> m_parsedOptions; // the own options of the last parse()
};

} // namespace ops::cli
