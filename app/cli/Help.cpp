#include "Help.h"

#include "Command.h"
#include "common/AppOptions.h"

#include <QRegularExpression>

#include <QSet>
#include <algorithm>

namespace ops::cli::Help {

namespace {

constexpr int kWidth = 80;
constexpr int kOptionColumn = 28;

QString wrap(const QString &text, int indent, int firstIndent = -1) {
    if (firstIndent < 0)
        firstIndent = indent;
    QString out;
    QString line(firstIndent, QLatin1Char(' '));
    bool empty = true;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!empty && line.size() + 1 + word.size() > kWidth) {
            out += line + QLatin1Char('\n');
            line = QString(indent, QLatin1Char(' '));
            empty = true;
        }
        if (!empty)
            line += QLatin1Char(' ');
        line += word;
        empty = false;
    }
    return out + line + QLatin1Char('\n');
}

// An option name as typed: -q, --quiet.
QString dashed(const QString &name) {
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

QString optionLabel(const QCommandLineOption &o) {
    QStringList names;
    for (const QString &n : o.names())
        names << dashed(n);
    QString label = names.join(QStringLiteral(", "));
    if (!o.valueName().isEmpty())
        label += QLatin1Char(' ') + o.valueName();
    return label;
}

QString optionsBlock(const QList<QCommandLineOption> &options) {
    QString out;
    for (const QCommandLineOption &o : options) {
        const QString label = QStringLiteral("  ") + optionLabel(o);
        if (label.size() + 2 > kOptionColumn) {
            out += label + QLatin1Char('\n');
            out += wrap(o.description(), kOptionColumn);
        } else {
            out +=
                label.leftJustified(kOptionColumn) + wrap(o.description(), kOptionColumn).mid(kOptionColumn);
        }
    }
    return out;
}

QList<QCommandLineOption> commonOptions(const Command &command) {
    QList<QCommandLineOption> all = command.commonOptions().all();
    all << QCommandLineOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."))
        << app::AppOptions::quietOption() << app::AppOptions::helpOption();
    return all;
}

bool lineIsFor(const QString &line, const QString &sub) {
    const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return tokens.size() > 1 && tokens.at(1).split(QLatin1Char('|')).contains(sub);
}

// Text for a roff page: backslashes and minus signs escaped, a leading dot or quote defused, and
// the few non-ASCII characters the texts use as groff names, so every output device renders them.
QString roff(QString s) {
    s.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    s.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    static const QList<QPair<QString, QString>> kGlyphs{
        {QStringLiteral("…"), QStringLiteral("...")},   {QStringLiteral("—"), QStringLiteral("\\(em")},
        {QStringLiteral("–"), QStringLiteral("\\(en")}, {QStringLiteral("‖"), QStringLiteral("||")},
        {QStringLiteral("→"), QStringLiteral("\\(->")}, {QStringLiteral("≥"), QStringLiteral("\\(>=")},
        {QStringLiteral("≤"), QStringLiteral("\\(<=")}, {QStringLiteral("×"), QStringLiteral("\\(mu")},
        {QStringLiteral("·"), QStringLiteral("\\(pc")}, {QStringLiteral("§"), QStringLiteral("\\(sc")},
        {QStringLiteral("‘"), QStringLiteral("\\(oq")}, {QStringLiteral("’"), QStringLiteral("\\(cq")},
        {QStringLiteral("“"), QStringLiteral("\\(lq")}, {QStringLiteral("”"), QStringLiteral("\\(rq")},
        {QStringLiteral("±"), QStringLiteral("\\(+-")}, {QStringLiteral("÷"), QStringLiteral("\\(di")},
        {QStringLiteral("≠"), QStringLiteral("\\(!=")}, {QStringLiteral("ü"), QStringLiteral("\\(:u")},
        {QStringLiteral("ö"), QStringLiteral("\\(:o")}, {QStringLiteral("ä"), QStringLiteral("\\(:a")},
        {QStringLiteral("Ü"), QStringLiteral("\\(:U")}, {QStringLiteral("Ö"), QStringLiteral("\\(:O")},
        {QStringLiteral("Ä"), QStringLiteral("\\(:A")}, {QStringLiteral("ß"), QStringLiteral("\\(ss")},
        {QStringLiteral("é"), QStringLiteral("\\('e")}, {QStringLiteral("\u00a0"), QStringLiteral("\\ ")}};
    for (const auto &[from, to] : kGlyphs)
        s.replace(from, to);
    QString ascii;
    for (const QChar c : s)
        ascii += c.unicode() < 128 ? QString(c) : QStringLiteral("?");
    if (ascii.startsWith(QLatin1Char('.')) || ascii.startsWith(QLatin1Char('\'')))
        ascii.prepend(QStringLiteral("\\&"));
    return ascii;
}

QString roffOption(const QCommandLineOption &o) {
    QStringList names;
    for (const QString &n : o.names())
        names << QStringLiteral("\\fB%1\\fR").arg(roff(dashed(n)));
    QString label = names.join(QStringLiteral(", "));
    if (!o.valueName().isEmpty())
        label += QStringLiteral(" \\fI%1\\fR").arg(roff(o.valueName()));
    return QStringLiteral(".TP\n%1\n%2\n").arg(label, roff(o.description()));
}

QString roffParagraphs(const QString &text) {
    QString out;
    for (const QString &para : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        out += QStringLiteral(".PP\n") + roff(para.simplified()) + QLatin1Char('\n');
    return out;
}

bool takesFile(const QCommandLineOption &o) {
    static const QRegularExpression kFile(QStringLiteral("FILE|PATH|DIR|OUT"));
    return kFile.match(o.valueName()).hasMatch();
}

QString shellWords(const QStringList &words) {
    return words.join(QLatin1Char(' '));
}

QStringList optionWords(const QList<QCommandLineOption> &options) {
    QStringList words;
    for (const QCommandLineOption &o : options)
        for (const QString &n : o.names())
            words << dashed(n);
    return words;
}

} // namespace

QList<QPair<int, QString>> exitCodeTable() {
    return {
        {0, QStringLiteral("success; verification passed; GO")},
        {1, QStringLiteral("a negative answer: verification failed, tamper found, probe failed, NO-GO, proof "
                           "FAIL")},
        {2, QStringLiteral("usage error")},
        {3, QStringLiteral("invalid input (the message names file:line or the field)")},
        {4, QStringLiteral("refused by policy: environment fail-fast, role separation, missing secret")},
        {5, QStringLiteral("store or I/O error")}};
}

QStringList optionsInLine(const QString &line) {
    static const QRegularExpression kOption(QStringLiteral("(?:^|[\\s\\[|(])--([a-z][a-z0-9_-]*)"));
    QStringList names;
    for (auto it = kOption.globalMatch(line); it.hasNext();) {
        const QString n = it.next().captured(1);
        if (!names.contains(n))
            names << n;
    }
    return names;
}

QStringList subVerbs(const Command &command) {
    static const QRegularExpression kWord(QStringLiteral("^[a-z][a-z0-9-]*\\z"));
    QStringList subs;
    for (const QString &line : command.usage()) {
        const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (tokens.size() < 2)
            continue;
        for (const QString &sub : tokens.at(1).split(QLatin1Char('|')))
            if (kWord.match(sub).hasMatch() && !subs.contains(sub))
                subs << sub;
    }
    return subs;
}

QString text(const Command &command, const QList<QCommandLineOption> &own, const QString &sub) {
    QString out = QStringLiteral("opsconsole-cli %1 - %2\n\nusage:\n").arg(command.name(), command.summary());
    QSet<QString> named;
    for (const QString &line : command.usage()) {
        if (!sub.isEmpty() && !lineIsFor(line, sub))
            continue;
        out += wrap(QStringLiteral("opsconsole-cli ") + line, 6, 2);
        for (const QString &n : optionsInLine(line))
            named.insert(n);
    }
    if (sub.isEmpty() && !command.description().isEmpty()) {
        out += QLatin1Char('\n');
        for (const QString &para : command.description().split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
            out += wrap(para.simplified(), 2) + QLatin1Char('\n');
    } else {
        out += QLatin1Char('\n');
    }
    QList<QCommandLineOption> shown;
    for (const QCommandLineOption &o : own)
        if (sub.isEmpty() || std::any_of(o.names().cbegin(), o.names().cend(),
                                         [&named](const QString &n) { return named.contains(n); }))
            shown << o;
    if (!shown.isEmpty())
        out += QStringLiteral("options:\n") + optionsBlock(shown) + QLatin1Char('\n');
    out += QStringLiteral("common options:\n") + optionsBlock(commonOptions(command)) + QLatin1Char('\n');
    QStringList examples;
    for (const QString &e : command.examples())
        if (sub.isEmpty() || lineIsFor(e, sub))
            examples << e;
    if (!examples.isEmpty()) {
        out += QStringLiteral("examples:\n");
        for (const QString &e : examples)
            out += wrap(QStringLiteral("opsconsole-cli ") + e, 6, 2);
        out += QLatin1Char('\n');
    }
    // The general table in order, each code followed by what it means for this verb.
    out += QStringLiteral("exit codes:\n");
    QStringList verbCodes = command.exitCodes();
    for (const auto &[code, meaning] : exitCodeTable()) {
        out += wrap(QStringLiteral("%1  %2").arg(code).arg(meaning), 5, 2);
        for (auto it = verbCodes.begin(); it != verbCodes.end();) {
            const QString number = it->section(QLatin1Char(' '), 0, 0);
            if (number == QString::number(code)) {
                out += wrap(QStringLiteral("here: ") + it->mid(number.size()).trimmed(), 11, 5);
                it = verbCodes.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const QString &e : verbCodes)
        out += wrap(e, 5, 2);
    return out;
}

QString overview(const std::vector<std::unique_ptr<Command>> &commands) {
    QString out = QStringLiteral(
        "usage: opsconsole-cli [--store PATH] [--config PATH] [--identity NAME] [--passphrase-file FILE]\n"
        "                      VERB [SUB-VERB] ... [--json] [-q]\n"
        "       opsconsole-cli help [VERB [SUB-VERB]]\n\nverbs:\n");
    for (const auto &c : commands) {
        const QString label = QStringLiteral("  ") + c->name();
        out += label + QString(qMax(2, 16 - static_cast<int>(label.size())), QLatin1Char(' '));
        out += wrap(c->summary(), 16, 0);
    }
    out += QStringLiteral(
        "\n`opsconsole-cli help VERB` shows a verb's sub-verbs, every option, examples and exit "
        "codes.\n\nexit codes: ");
    QStringList codes;
    for (const auto &[code, meaning] : exitCodeTable())
        codes << QStringLiteral("%1 %2").arg(code).arg(meaning.section(QLatin1Char(':'), 0, 0)
                                                           .section(QLatin1Char(';'), 0, 0)
                                                           .section(QStringLiteral(" ("), 0, 0));
    out += codes.join(QStringLiteral(", ")) + QLatin1Char('\n');
    return out;
}

QString manPage(const std::vector<std::unique_ptr<Command>> &commands) {
    QString out = QStringLiteral(".TH OPSCONSOLE\\-CLI 1 \"%1\" \"opsconsole %2\" \"User Commands\"\n")
                      .arg(QStringLiteral(OPSCONSOLE_RELEASE_DATE), QStringLiteral(OPSCONSOLE_VERSION));
    out += QStringLiteral(".nh\n.ad l\n"); // commands and paths read better unhyphenated, ragged right
    out += QStringLiteral(
        ".SH NAME\nopsconsole\\-cli \\- the operator console, headless, for scripts and CI\n"
        ".SH SYNOPSIS\n\\fBopsconsole\\-cli\\fR [\\fICOMMON OPTIONS\\fR] \\fIVERB\\fR [\\fISUB\\-VERB\\fR] "
        "[\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n.br\n\\fBopsconsole\\-cli help\\fR [\\fIVERB\\fR "
        "[\\fISUB\\-VERB\\fR]]\n.br\n\\fBopsconsole\\-cli \\-\\-version\\fR\n"
        ".SH DESCRIPTION\n\\fBopsconsole\\-cli\\fR shares its library with the\n.BR opsconsole (1)\n"
        "window: the same evidence store, trust rules and checks, for scripts, CI and the headless "
        "monitor. Output is text for people by default; \\fB\\-\\-json\\fR gives machine\\-readable output "
        "and \\fB\\-q\\fR leaves only the exit code and errors. Where a verb reads one input file, "
        "\\fB\\-\\fR "
        "reads standard input. This page, \\fBopsconsole\\-cli help\\fR and the shell completions are "
        "made from the program's own verb table.\n");
    out += QStringLiteral(".SH COMMON OPTIONS\nEvery verb takes these.\n");
    for (const QCommandLineOption &o : commonOptions(*commands.front()))
        out += roffOption(o);
    out += QStringLiteral(".SH VERBS\n");
    for (const auto &c : commands) {
        out += QStringLiteral(".SS \"%1 \\(em %2\"\n").arg(roff(c->name()), roff(c->summary()));
        out += QStringLiteral(".PP\n");
        bool first = true;
        for (const QString &line : c->usage()) {
            if (!first)
                out += QStringLiteral(".br\n");
            first = false;
            const QStringList tokens = line.split(QLatin1Char(' '));
            out += QStringLiteral("\\fBopsconsole\\-cli %1\\fR %2\n")
                       .arg(roff(tokens.first()), roff(tokens.mid(1).join(QLatin1Char(' '))));
        }
        out += roffParagraphs(c->description());
        for (const QCommandLineOption &o : c->ownOptions())
            out += roffOption(o);
        if (!c->examples().isEmpty()) {
            out += QStringLiteral(".PP\nExamples:\n.RS\n.nf\n");
            for (const QString &e : c->examples())
                out += QStringLiteral("opsconsole\\-cli %1\n").arg(roff(e));
            out += QStringLiteral(".fi\n.RE\n");
        }
        for (const QString &e : c->exitCodes())
            out += QStringLiteral(".PP\nExit %1\n").arg(roff(e));
    }
    out += QStringLiteral(".SH EXIT STATUS\n");
    for (const auto &[code, meaning] : exitCodeTable())
        out += QStringLiteral(".TP\n.B %1\n%2\n").arg(code).arg(roff(meaning));
    out += QStringLiteral(
        ".SH ENVIRONMENT\n"
        ".TP\n.B OPSCONSOLE_ENV\ndev (default), staging or prod. Outside dev the program refuses to start "
        "(exit 4) when a required secret is missing, the trust roots are not pinned, or a dev\\-only "
        "switch is on (built\\-in demo config, insecure TLS). A config that declares a stricter "
        "environment than OPSCONSOLE_ENV is refused too.\n"
        ".TP\n.B OPSCONSOLE_OPERATOR_TOKEN\nOperator token for targets that need authorisation. Never "
        "printed, logged or stored.\n"
        ".TP\n.B OPSCONSOLE_PUBLISHER_TOKEN\nBearer token for the publisher API (\\fBrollback rebind\\fR). "
        "Never printed, logged or stored.\n"
        ".TP\n.B OPSCONSOLE_PASSPHRASE\nPassphrase of the acting identity's signing key.\n"
        ".TP\n.B OPSCONSOLE_IDENTITY\nThe acting identity when \\fB\\-\\-identity\\fR is not given (else the "
        "one made by \\fBinit\\fR).\n"
        ".TP\n.B OPSCONSOLE_\\fINAME\\fB_FILE\nRead the secret \\fBOPSCONSOLE_\\fINAME\\fR from a file "
        "instead "
        "(for systemd's \\fBLoadCredential=\\fR).\n"
        ".TP\n.B OPSCONSOLE_KEYCHAIN\n\\fBoff\\fR keeps the program away from the OS keychain. Otherwise "
        "a secret that neither \\fBOPSCONSOLE_\\fINAME\\fB_FILE\\fR, a systemd credential nor the "
        "variable itself gives is looked for in the keychain of the desktop session (the Secret Service: "
        "\\fBsecret set\\fR), and only by a verb that needs it.\n"
        ".SH FILES\n"
        ".TP\n.I $XDG_DATA_HOME/opsconsole/evidence.sqlite\nThe local evidence store (mode 0600) and its "
        "\\fI.checkpoint\\fR sidecar.\n"
        ".TP\n.I $XDG_CONFIG_HOME/opsconsole/config.yaml\nThe deployment config: targets, trust roots, "
        "alert rules, integrations.\n"
        ".TP\n.I $XDG_DATA_HOME/opsconsole/keys/\nThe identities' Ed25519 keys (mode 0600, encrypted "
        "with their passphrase outside dev).\n"
        ".SH SEE ALSO\n.BR opsconsole (1)\n");
    return out;
}

QString bashCompletion(const std::vector<std::unique_ptr<Command>> &commands) {
    const QList<QCommandLineOption> common = commonOptions(*commands.front());
    QStringList groups;
    for (const auto &c : commands)
        groups << c->name();
    QStringList valueOptions, fileOptions;
    auto noteValues = [&](const QList<QCommandLineOption> &options) {
        for (const QCommandLineOption &o : options) {
            if (o.valueName().isEmpty())
                continue;
            for (const QString &w : optionWords({o})) {
                if (!valueOptions.contains(w))
                    valueOptions << w;
                if (takesFile(o) && !fileOptions.contains(w))
                    fileOptions << w;
            }
        }
    };
    noteValues(common);
    QString cases;
    for (const auto &c : commands) {
        const QList<QCommandLineOption> own = c->ownOptions();
        noteValues(own);
        const bool help = c->name() == QLatin1String("help");
        cases += QStringLiteral("        %1) subs=\"%2\"; opts=\"%3\" ;;\n")
                     .arg(c->name(), shellWords(help ? groups : subVerbs(*c)), shellWords(optionWords(own)));
    }
    QStringList commonValues;
    for (const QCommandLineOption &o : common)
        if (!o.valueName().isEmpty())
            commonValues << optionWords({o});
    QString s = QStringLiteral(
        "# bash completion for opsconsole-cli, made by `opsconsole-cli help --format bash` from the\n"
        "# program's own verb table.\n"
        "_opsconsole_cli() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "    local common=\"%1\"\n"
        "    local group=\"\" sub=\"\" i=1\n"
        "    while [ $i -lt $COMP_CWORD ]; do\n"
        "        case ${COMP_WORDS[i]} in\n"
        "            %2) i=$((i + 1)) ;;\n"
        "            -*) ;;\n"
        "            *) if [ -z \"$group\" ]; then group=${COMP_WORDS[i]}; elif [ -z \"$sub\" ]; then "
        "sub=${COMP_WORDS[i]}; fi ;;\n"
        "        esac\n"
        "        i=$((i + 1))\n"
        "    done\n"
        "    case $prev in\n"
        "        %3) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
        "        %4) COMPREPLY=(); return ;;\n"
        "    esac\n"
        "    if [ -z \"$group\" ]; then\n"
        "        case $cur in\n"
        "            -*) COMPREPLY=($(compgen -W \"$common --version\" -- \"$cur\")) ;;\n"
        "            *) COMPREPLY=($(compgen -W \"%5\" -- \"$cur\")) ;;\n"
        "        esac\n"
        "        return\n"
        "    fi\n"
        "    local subs=\"\" opts=\"\"\n"
        "    case $group in\n"
        "%6"
        "    esac\n"
        "    case $cur in\n"
        "        -*) COMPREPLY=($(compgen -W \"$opts $common\" -- \"$cur\")) ;;\n"
        "        *) if [ -z \"$sub\" ] && [ -n \"$subs\" ]; then\n"
        "               COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
        "           else\n"
        "               COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        "           fi ;;\n"
        "    esac\n"
        "}\n"
        "complete -o filenames -F _opsconsole_cli opsconsole-cli\n");
    QStringList otherValues;
    for (const QString &w : valueOptions)
        if (!fileOptions.contains(w))
            otherValues << w;
    return s.arg(shellWords(optionWords(common)), commonValues.join(QLatin1Char('|')),
                 fileOptions.join(QLatin1Char('|')), otherValues.join(QLatin1Char('|')), shellWords(groups),
                 cases);
}

QString zshCompletion(const std::vector<std::unique_ptr<Command>> &commands) {
    const QList<QCommandLineOption> common = commonOptions(*commands.front());
    QString verbs;
    QString cases;
    QStringList groupNames;
    for (const auto &c : commands)
        groupNames << c->name();
    for (const auto &c : commands) {
        QString summary = c->summary();
        summary.replace(QLatin1Char(':'), QStringLiteral("\\:"))
            .replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        verbs += QStringLiteral("        '%1:%2'\n").arg(c->name(), summary);
        const bool help = c->name() == QLatin1String("help");
        cases += QStringLiteral("        %1) subs=(%2); opts=(%3) ;;\n")
                     .arg(c->name(), shellWords(help ? groupNames : subVerbs(*c)),
                          shellWords(optionWords(c->ownOptions())));
    }
    QStringList commonValues;
    for (const QCommandLineOption &o : common)
        if (!o.valueName().isEmpty())
            commonValues << optionWords({o});
    return QStringLiteral(
               "#compdef opsconsole-cli\n"
               "# zsh completion for opsconsole-cli, made by `opsconsole-cli help --format zsh` from the\n"
               "# program's own verb table.\n"
               "_opsconsole-cli() {\n"
               "    local -a verbs common subs opts\n"
               "    verbs=(\n"
               "%1"
               "    )\n"
               "    common=(%2)\n"
               "    local group='' sub='' i\n"
               "    for (( i = 2; i < CURRENT; i++ )); do\n"
               "        case ${words[i]} in\n"
               "            %3) (( i++ )) ;;\n"
               "            -*) ;;\n"
               "            *) if [[ -z $group ]]; then group=${words[i]}; elif [[ -z $sub ]]; then "
               "sub=${words[i]}; fi ;;\n"
               "        esac\n"
               "    done\n"
               "    if [[ -z $group ]]; then\n"
               "        if [[ $PREFIX == -* ]]; then compadd -- $common --version; else _describe -t verbs "
               "'verb' verbs; fi\n"
               "        return\n"
               "    fi\n"
               "    case $group in\n"
               "%4"
               "    esac\n"
               "    if [[ $PREFIX == -* ]]; then\n"
               "        compadd -- $opts $common\n"
               "    elif [[ -z $sub && ${#subs} -gt 0 ]]; then\n"
               "        compadd -- $subs\n"
               "    else\n"
               "        _files\n"
               "    fi\n"
               "}\n"
               "_opsconsole-cli \"$@\"\n")
        .arg(verbs, shellWords(optionWords(common)), commonValues.join(QLatin1Char('|')), cases);
}

} // namespace ops::cli::Help
