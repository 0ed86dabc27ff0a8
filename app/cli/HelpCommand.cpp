#include "HelpCommand.h"

#include "Help.h"

namespace ops::cli {

QString HelpCommand::description() const {
    return QStringLiteral(
        "Without a verb, every verb with its summary. With a verb, its sub-verbs, every option it takes "
        "with its description, the common options, examples and exit codes; with a sub-verb too, only "
        "that sub-verb's lines and options. VERB --help prints the same. --json gives the same table as "
        "data.\n\n"
        "--format man writes this program's man page and --format bash or zsh a completion script; the "
        "package installs what these print, so help, man page and completion cannot drift from the "
        "code.");
}

QStringList HelpCommand::examples() const {
    return {QStringLiteral("help evidence"), QStringLiteral("help launch signoff"),
            QStringLiteral("help --format bash > opsconsole-cli.bash")};
}

int HelpCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default), man (the man page, roff), bash or zsh (a "
                                                   "completion script)."),
                                    QStringLiteral("text|man|bash|zsh"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {format}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString what = parser.value(format);
    if (what == QLatin1String("man") || what == QLatin1String("bash") || what == QLatin1String("zsh")) {
        if (pos.size() > 1)
            return usageError(io, QStringLiteral("help --format %1 takes no verb").arg(what));
        io.out << (what == QLatin1String("man")    ? Help::manPage(m_all)
                   : what == QLatin1String("bash") ? Help::bashCompletion(m_all)
                                                   : Help::zshCompletion(m_all));
        return 0;
    }
    if (!what.isEmpty() && what != QLatin1String("text"))
        return usageError(io, QStringLiteral("--format must be text, man, bash or zsh"));
    if (pos.size() > 3)
        return usageError(io, QStringLiteral("help takes at most a verb and a sub-verb"));
    const bool json = parser.isSet(m_json);
    if (pos.size() < 2) {
        if (json) {
            JsonValue verbs = JsonValue::array();
            for (const auto &c : m_all) {
                JsonValue o = JsonValue::object();
                o["verb"] = c->name();
                o["summary"] = c->summary();
                verbs.push(o);
            }
            JsonValue o = JsonValue::object();
            o["verbs"] = verbs;
            printJson(io, o);
        } else {
            io.out << Help::overview(m_all);
        }
        return 0;
    }
    Command *command = nullptr;
    for (const auto &c : m_all)
        if (c->name() == pos.at(1))
            command = c.get();
    if (!command)
        return usageError(io, QStringLiteral("help: unknown verb '%1'").arg(pos.at(1)));
    const QString sub = pos.value(2);
    if (!sub.isEmpty() && !Help::subVerbs(*command).contains(sub))
        return usageError(io, QStringLiteral("help: '%1' has no sub-verb '%2'").arg(pos.at(1), sub));
    const QList<QCommandLineOption> own =
        command == this ? QList<QCommandLineOption>{format} : command->ownOptions();
    if (!json) {
        io.out << Help::text(*command, own, sub);
        return 0;
    }
    JsonValue o = JsonValue::object();
    o["verb"] = command->name();
    o["summary"] = command->summary();
    o["description"] = command->description();
    JsonValue usage = JsonValue::array();
    for (const QString &line : command->usage())
        usage.push(line);
    o["usage"] = usage;
    JsonValue options = JsonValue::array();
    for (const QCommandLineOption &opt : own) {
        JsonValue e = JsonValue::object();
        JsonValue names = JsonValue::array();
        for (const QString &n : opt.names())
            names.push(n);
        e["names"] = names;
        e["value"] = opt.valueName();
        e["description"] = opt.description();
        options.push(e);
    }
    o["options"] = options;
    JsonValue examples = JsonValue::array();
    for (const QString &e : command->examples())
        examples.push(e);
    o["examples"] = examples;
    JsonValue codes = JsonValue::array();
    for (const auto &[code, meaning] : Help::exitCodeTable()) {
        JsonValue e = JsonValue::object();
        e["code"] = code;
        e["meaning"] = meaning;
        codes.push(e);
    }
    o["exit_codes"] = codes;
    printJson(io, o);
    return 0;
}

} // namespace ops::cli
