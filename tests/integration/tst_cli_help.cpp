// One source for help: `help`, `VERB --help`, the man page and the bash and zsh completions are all
// made from the verb table, so every verb and option the code accepts appears in each; the pages
// render without warnings and the desktop files validate. Also -q, `-` as standard input and --json
// where they were missing.
#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using ops::test::ProgramRunner;
using ops::test::TempDir;

namespace {

const QString kCli = QStringLiteral("opsconsole-cli");

QString packaging(const char *name) {
    return QStringLiteral(OPSCONSOLE_PACKAGING_DIR "/") + QLatin1String(name);
}
QString source(const char *name) {
    return QStringLiteral(OPSCONSOLE_SOURCE_DIR "/") + QLatin1String(name);
}

struct Tool {
    int exitCode = -1;
    QByteArray out, err;
};

Tool tool(const QString &program, const QStringList &args,
          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Tool t;
    if (!p.waitForFinished(120000))
        return t;
    t.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    t.out = p.readAllStandardOutput();
    t.err = p.readAllStandardError();
    return t;
}

QStringList optionWords(const QJsonObject &option) {
    QStringList words;
    for (const QJsonValue &n : option.value(QStringLiteral("names")).toArray())
        words << (n.toString().size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n.toString();
    return words;
}

} // namespace

class TestCliHelp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyVerbAndOptionEverywhere();
    void helpOfOneSubVerb();
    void manPagesRenderWithoutWarnings();
    void bashCompletionCompletes();
    void zshCompletionParses();
    void desktopFilesValidate();
    void readmeListsEveryVerb();
    void noSecretInTheEnvironmentNoCoreFile();
    void quietLeavesOnlyErrors();
    void stdinWhereOneFileIsRead();
    void jsonWhereItWasMissing();
    void everyArgumentFreeUsageAnswersInJson();

private:
    TempDir m_home;
    QJsonArray m_verbs;
    QHash<QString, QJsonObject> m_table;
    QString m_man, m_bash, m_zsh;
};

void TestCliHelp::initTestCase() {
    ProgramRunner run(m_home);
    auto r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    m_verbs = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("verbs")).toArray();
    QVERIFY(m_verbs.size() >= 20);
    for (const QJsonValue &v : m_verbs) {
        const QString verb = v.toObject().value(QStringLiteral("verb")).toString();
        r = run.run(kCli, {QStringLiteral("help"), verb, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(verb));
        m_table.insert(verb, QJsonDocument::fromJson(r.out).object());
    }
    for (auto [format, text] : {std::pair{"man", &m_man}, {"bash", &m_bash}, {"zsh", &m_zsh}}) {
        r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("--format"), QString::fromLatin1(format)});
        QCOMPARE(r.exitCode, 0);
        *text = QString::fromUtf8(r.out);
    }
    // What the build made for the package is what the program prints now.
    QFile built(packaging("opsconsole-cli.1"));
    QVERIFY(built.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(built.readAll()), m_man);
}

void TestCliHelp::everyVerbAndOptionEverywhere() {
    ProgramRunner run(m_home);
    const QRegularExpression subWord(QStringLiteral("^[a-z][a-z0-9-]*$"));
    const QStringList common{QStringLiteral("store"),    QStringLiteral("config"),
                             QStringLiteral("identity"), QStringLiteral("passphrase-file"),
                             QStringLiteral("json"),     QStringLiteral("quiet"),
                             QStringLiteral("help")};
    int optionsChecked = 0;
    for (auto it = m_table.cbegin(); it != m_table.cend(); ++it) {
        const QString verb = it.key();
        const QJsonObject entry = it.value();
        const auto text = run.run(kCli, {verb, QStringLiteral("--help")});
        QVERIFY2(text.exitCode == 0, qPrintable(verb));
        const auto viaHelp = run.run(kCli, {QStringLiteral("help"), verb});
        QCOMPARE(viaHelp.out, text.out);
        // Every verb shows how it is used, and its help prints the examples.
        const QJsonArray examples = entry.value(QStringLiteral("examples")).toArray();
        QVERIFY2(!examples.isEmpty(), qPrintable(verb));
        const QString shown = QString::fromUtf8(text.out).simplified(); // long examples wrap
        for (const QJsonValue &e : examples)
            QVERIFY2(shown.contains(e.toString().simplified()), qPrintable(e.toString()));
        QVERIFY2(m_man.contains(QStringLiteral(".SS \"%1 \\(em")
                                    .arg(QString(verb).replace(QLatin1Char('-'), QStringLiteral("\\-")))),
                 qPrintable(verb));
        QVERIFY2(m_bash.contains(QStringLiteral("        %1) subs=").arg(verb)), qPrintable(verb));
        QVERIFY2(m_zsh.contains(QStringLiteral("        %1) subs=(").arg(verb)), qPrintable(verb));
        QStringList named; // the options the usage lines name
        for (const QJsonValue &u : entry.value(QStringLiteral("usage")).toArray()) {
            const QString line = u.toString();
            QVERIFY2(text.out.contains(line.section(QLatin1Char(' '), 0, 1).toUtf8()), qPrintable(line));
            const QStringList tokens = line.split(QLatin1Char(' '));
            if (tokens.size() > 1)
                for (const QString &sub : tokens.at(1).split(QLatin1Char('|')))
                    if (subWord.match(sub).hasMatch() && verb != QLatin1String("help")) {
                        QVERIFY2(m_bash.contains(QStringLiteral(" %1").arg(sub)) ||
                                     m_bash.contains(QStringLiteral("\"%1").arg(sub)),
                                 qPrintable(verb + QLatin1Char(' ') + sub));
                        QVERIFY2(
                            m_man.contains(QString(sub).replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                            qPrintable(sub));
                        // zsh: among this verb's own sub-verbs, not just somewhere in the script.
                        const qsizetype at = m_zsh.indexOf(QStringLiteral("        %1) subs=(").arg(verb));
                        const QString zshSubs =
                            at < 0 ? QString()
                                   : m_zsh.mid(at, m_zsh.indexOf(QLatin1Char(')'),
                                                                 m_zsh.indexOf(QLatin1Char('('), at)) -
                                                       at);
                        QVERIFY2(zshSubs.section(QLatin1Char('('), 1).split(QLatin1Char(' ')).contains(sub),
                                 qPrintable(verb + QLatin1Char(' ') + sub + QStringLiteral(" in zsh: ") +
                                            zshSubs));
                    }
            static const QRegularExpression opt(QStringLiteral("(?:^|[\\s\\[|(])--([a-z][a-z0-9_-]*)"));
            for (auto m = opt.globalMatch(line); m.hasNext();)
                named << m.next().captured(1);
        }
        QStringList own;
        for (const QJsonValue &o : entry.value(QStringLiteral("options")).toArray()) {
            const QJsonObject option = o.toObject();
            const QString longName = option.value(QStringLiteral("names")).toArray().last().toString();
            QStringList names;
            for (const QJsonValue &n : option.value(QStringLiteral("names")).toArray())
                names << n.toString();
            own << names;
            const QString description = option.value(QStringLiteral("description")).toString();
            QVERIFY2(!description.isEmpty(), qPrintable(verb + QStringLiteral(" --") + longName));
            // In VERB --help with its text, in the man page, in both completions.
            QVERIFY2(text.out.contains(QString(QStringLiteral("--") + longName).toUtf8()),
                     qPrintable(verb + QStringLiteral(" --") + longName));
            QVERIFY2(QString::fromUtf8(text.out).simplified().contains(description.simplified().left(30)),
                     qPrintable(description));
            QVERIFY2(
                m_man.contains(QStringLiteral("\\fB\\-\\-%1\\fR")
                                   .arg(QString(longName).replace(QLatin1Char('-'), QStringLiteral("\\-")))),
                qPrintable(longName));
            for (const QString &w : optionWords(option)) {
                QVERIFY2(m_bash.contains(w), qPrintable(w));
                QVERIFY2(m_zsh.contains(w), qPrintable(w));
            }
            // Every option the parser takes is named in a usage line of its verb...
            QVERIFY2(std::any_of(names.cbegin(), names.cend(),
                                 [&](const QString &n) { return named.contains(n); }),
                     qPrintable(verb + QStringLiteral(": --") + longName +
                                QStringLiteral(" is in no usage line")));
            ++optionsChecked;
        }
        // ...and every option a usage line names is one the parser takes.
        for (const QString &n : named)
            QVERIFY2(own.contains(n) || common.contains(n),
                     qPrintable(verb + QStringLiteral(": usage names --") + n +
                                QStringLiteral(", which the parser refuses")));
    }
    QVERIFY2(optionsChecked > 90, qPrintable(QString::number(optionsChecked)));
}

void TestCliHelp::helpOfOneSubVerb() {
    ProgramRunner run(m_home);
    auto r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("evidence")});
    QCOMPARE(r.exitCode, 0);
    for (const char *sub : {"import", "list", "show", "attach", "verify", "consistency", "checkpoint",
                            "prove", "cosign", "witness", "migrate", "backup", "export", "verify-bundle"})
        QVERIFY2(r.out.contains(QByteArray(QByteArray("opsconsole-cli evidence ") + sub)), sub);
    QVERIFY(r.out.contains("Only events of this kind."));
    QVERIFY(r.out.contains("examples:"));
    QVERIFY(r.out.contains("exit codes:"));
    r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("evidence"), QStringLiteral("verify")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("evidence verify [--signatures]"));
    QVERIFY(r.out.contains("--signatures"));
    QVERIFY2(!r.out.contains("--media-type"), r.out.constData());
    r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("evidence"), QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    r = run.run(kCli, {QStringLiteral("help"), QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

void TestCliHelp::manPagesRenderWithoutWarnings() {
    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty())
        QFAIL("man is missing (packaging/debian-deps.txt lists man-db)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const char *page : {"opsconsole-cli.1", "opsconsole.1"}) {
        const Tool t = tool(QStringLiteral("man"),
                            {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                             QStringLiteral("-l"), packaging(page)},
                            env);
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY2(t.err.isEmpty(),
                 qPrintable(QString::fromLatin1(page) + QStringLiteral(": ") + QString::fromUtf8(t.err)));
        QVERIFY2(t.out.size() > 2000, page);
    }
}

void TestCliHelp::bashCompletionCompletes() {
    const QString script = packaging("opsconsole-cli.bash");
    const auto complete = [&](const QString &words, int cword) {
        const Tool t = tool(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("source \"$0\" && complete -p opsconsole-cli >/dev/null && COMP_WORDS=(%1) && "
                            "COMP_CWORD=%2 && _opsconsole_cli && printf '%s\\n' \"${COMPREPLY[@]}\"")
                 .arg(words)
                 .arg(cword),
             script});
        return QString::fromUtf8(t.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    QCOMPARE(complete(QStringLiteral("opsconsole-cli ev"), 1), QStringList{QStringLiteral("evidence")});
    QCOMPARE(complete(QStringLiteral("opsconsole-cli evidence verif"), 2),
             (QStringList{QStringLiteral("verify"), QStringLiteral("verify-bundle")}));
    QCOMPARE(complete(QStringLiteral("opsconsole-cli --store x.sqlite evidence list --ki"), 5),
             QStringList{QStringLiteral("--kind")});
    QVERIFY(
        complete(QStringLiteral("opsconsole-cli launch signoff --"), 3).contains(QStringLiteral("--role")));
    QCOMPARE(complete(QStringLiteral("opsconsole-cli help lau"), 2), QStringList{QStringLiteral("launch")});
}

void TestCliHelp::zshCompletionParses() {
    if (QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty())
        QFAIL("zsh is missing (packaging/debian-deps.txt lists it)");
    const Tool t = tool(QStringLiteral("zsh"), {QStringLiteral("-n"), packaging("_opsconsole-cli")});
    QVERIFY2(t.exitCode == 0, t.err.constData());
    QVERIFY(m_zsh.startsWith(QLatin1String("#compdef opsconsole-cli\n")));
}

void TestCliHelp::desktopFilesValidate() {
    Tool t = tool(QStringLiteral("desktop-file-validate"), {source("packaging/opsconsole.desktop")});
    QVERIFY2(t.exitCode == 0 && t.out.isEmpty(), QByteArray(t.out + t.err).constData());
    t = tool(QStringLiteral("appstreamcli"),
             {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
              source("packaging/org.opsconsole.OpsConsole.metainfo.xml")});
    QVERIFY2(t.exitCode == 0, QByteArray(t.out + t.err).constData());
    // What a menu and a software centre need: where it belongs, how its window is found, what it
    // runs; who makes it, where it lives, what it looks like (pictures that exist) and what changed.
    QFile desktop(source("packaging/opsconsole.desktop"));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QByteArray entry = desktop.readAll();
    for (const char *line : {"\nCategories=System;Monitor;", "\nStartupWMClass=opsconsole\n",
                             "\nTryExec=opsconsole\n", "\nExec=opsconsole\n", "\nGenericName[de]="})
        QVERIFY2(entry.contains(line), line);
    QFile metainfo(source("packaging/org.opsconsole.OpsConsole.metainfo.xml"));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(metainfo.readAll());
    for (const char *tag :
         {"<developer_name>", "<url type=\"homepage\">https://", "<url type=\"bugtracker\">https://",
          "<screenshot type=\"default\">", "<content_rating"})
        QVERIFY2(xml.contains(QLatin1String(tag)), tag);
    const QRegularExpression image(
        QStringLiteral("<image>https://[^<]*/docs/images/([a-z0-9-]+\\.png)</image>"));
    int images = 0;
    for (auto m = image.globalMatch(xml); m.hasNext(); ++images) {
        const QString png = m.next().captured(1);
        QVERIFY2(QFileInfo::exists(source("docs/images/") + png), qPrintable(png));
    }
    QVERIFY(images >= 3);
    const QRegularExpression release(
        QStringLiteral("<release version=\"([0-9.]+)\" date=\"[0-9-]+\">\\s*<description>"));
    const auto newest = release.match(xml);
    QVERIFY2(newest.hasMatch(), "the newest release has a description");
    QCOMPARE(newest.captured(1), QStringLiteral(OPSCONSOLE_VERSION));
}

// The README's verb table is the program's: every verb and sub-verb the CLI's table knows is in
// it, and it names no verb the CLI does not have.
void TestCliHelp::readmeListsEveryVerb() {
    QFile readme(source("README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QHash<QString, QString> rows; // verb → its first cell
    const QRegularExpression row(QStringLiteral("^\\| `([a-z-]+)([^`]*)` \\|"));
    bool inVerbs = false;
    for (const QString &line : QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("### ")))
            inVerbs = line == QLatin1String("### Verbs");
        if (const auto m = row.match(line); inVerbs && m.hasMatch())
            rows.insert(m.captured(1), m.captured(2));
    }
    QVERIFY(rows.size() >= 20);
    const QRegularExpression subWord(QStringLiteral("^[a-z][a-z0-9-]*$"));
    for (auto it = m_table.cbegin(); it != m_table.cend(); ++it) {
        QVERIFY2(rows.contains(it.key()), qPrintable(QStringLiteral("README lacks %1").arg(it.key())));
        const QStringList listed =
            rows.value(it.key()).split(QRegularExpression(QStringLiteral("[^a-z0-9-]+")), Qt::SkipEmptyParts);
        for (const QJsonValue &u : it.value().value(QStringLiteral("usage")).toArray()) {
            const QStringList tokens = u.toString().split(QLatin1Char(' '));
            if (tokens.size() > 1 && it.key() != QLatin1String("help"))
                for (const QString &sub : tokens.at(1).split(QLatin1Char('|')))
                    if (subWord.match(sub).hasMatch() && sub != sub.toUpper())
                        QVERIFY2(listed.contains(sub),
                                 qPrintable(QStringLiteral("README lacks %1 %2").arg(it.key(), sub)));
        }
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        QVERIFY2(m_table.contains(it.key()),
                 qPrintable(QStringLiteral("README names %1, which the CLI lacks").arg(it.key())));
}

// What each program does first, seen from outside as another process of the user would: the
// passphrase variable is wiped from the environment block /proc shows, and no core file can be
// written. A program waiting on standard input is looked at until both hold.
void TestCliHelp::noSecretInTheEnvironmentNoCoreFile() {
    TempDir home;
    ProgramRunner run(home);
    QProcess p;
    QProcessEnvironment env = run.environment();
    env.insert(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("passphrase-marker-91c"));
    p.setProcessEnvironment(env);
    p.start(ProgramRunner::binary(kCli),
            {QStringLiteral("evidence"), QStringLiteral("verify-bundle"), QStringLiteral("-")});
    QVERIFY(p.waitForStarted());
    const QString proc = QStringLiteral("/proc/%1/").arg(p.processId());
    const auto read = [&](const char *name) {
        QFile f(proc + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        read("environ").contains("HOME=") && !read("environ").contains("passphrase-marker-91c"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(QRegularExpression(QStringLiteral("Max core file size +0 +0 "))
                                 .match(QString::fromLatin1(read("limits")))
                                 .hasMatch(),
                             60000);
    QCOMPARE(p.state(), QProcess::Running); // still waiting for its input: the checks saw it live
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 3); // no archive on standard input
}

void TestCliHelp::quietLeavesOnlyErrors() {
    TempDir home;
    ProgramRunner run(home);
    auto r = run.run(kCli, {QStringLiteral("-q"), QStringLiteral("help"), QStringLiteral("evidence")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    r = run.run(kCli, {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("-q"),
                       QStringLiteral("--store"), home.file(QStringLiteral("missing.sqlite"))});
    QCOMPARE(r.exitCode, 5);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("no evidence store here"), "errors still reach standard error");
}

void TestCliHelp::stdinWhereOneFileIsRead() {
    TempDir home;
    ProgramRunner run(home);
    QFile good(QStringLiteral(OPSCONSOLE_TEST_DATA "/config/good.yaml"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray yaml = good.readAll();
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("staging"));
    run.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    auto r =
        run.run(kCli, {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("-")}, 60000, yaml);
    QVERIFY2(r.exitCode == 0 || r.exitCode == 4, r.err.constData());
    r = run.run(kCli, {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("-")}, 60000,
                "probes:\n  interval_s: [1\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>:"), r.err.constData());
    run.unset(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"));
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));

    QFile record(QStringLiteral(OPSCONSOLE_TEST_DATA "/derivations/mapping.yaml"));
    QVERIFY(record.open(QIODevice::ReadOnly));
    r = run.run(kCli, {QStringLiteral("derivation"), QStringLiteral("validate"), QStringLiteral("-")}, 60000,
                record.readAll());
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.startsWith("<stdin>: ok"), r.out.constData());
    // 400 bytes of YAML aliases that stand for 387 million strings: refused at once, named.
    QByteArray bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        bomb += QByteArray(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i)
            bomb += QByteArray(i ? ",*" : "*") + static_cast<char>(c - 1);
        bomb += "]\n";
    }
    QVERIFY(bomb.size() < 500);
    r = run.run(kCli, {QStringLiteral("derivation"), QStringLiteral("validate"), QStringLiteral("-")}, 60000,
                bomb);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.contains("<stdin>:1") || r.err.contains("<stdin>:1"),
             QByteArray(r.out + r.err).constData());
    QVERIFY2(QByteArray(r.out + r.err).contains("anchors"), QByteArray(r.out + r.err).constData());

    r = run.run(kCli, {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                       QStringLiteral("--roles"), QStringLiteral("operator")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run.run(
        kCli, {QStringLiteral("evidence"), QStringLiteral("import"), QStringLiteral("-")}, 60000,
        "{\"kind\":\"signal.publish_blocked\",\"scope\":\"kl\",\"payload\":{\"value\":1}}\nnot json\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>:2"), r.err.constData());
    r = run.run(
        kCli,
        {QStringLiteral("evidence"), QStringLiteral("import"), QStringLiteral("-"), QStringLiteral("--json")},
        60000,
        "{\"kind\":\"signal.publish_blocked\",\"scope\":\"kl\",\"payload\":{\"value\":1}}\n"
        "{\"kind\":\"signal.fallback_rate\",\"scope\":\"my\",\"payload\":{\"value\":\"0.18\"}}\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("imported")).toInt(), 2);
    r = run.run(
        kCli,
        {QStringLiteral("evidence"), QStringLiteral("attach"), QStringLiteral("-"), QStringLiteral("--json")},
        60000, "a note from standard input\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--signatures")});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

    // An earlier checkpoint and an archive come through standard input as well.
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("checkpoint")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray note = r.out;
    r = run.run(kCli, {QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("publish_blocked"),
                       QStringLiteral("--scope"), QStringLiteral("kl")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("consistency"), QStringLiteral("-")}, 60000,
                note);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("consistency"), QStringLiteral("-")}, 60000,
                "not a checkpoint\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>") && !r.err.contains("/stdin"),
             r.err.constData()); // not the spool's path
    const QString bundle = home.file(QStringLiteral("bundle.tar.zst"));
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("export"), bundle});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile bundleFile(bundle);
    QVERIFY(bundleFile.open(QIODevice::ReadOnly));
    const QByteArray bundleBytes = bundleFile.readAll();
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("verify-bundle"), QStringLiteral("-")},
                60000, bundleBytes);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QByteArray flipped = bundleBytes;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x01);
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("verify-bundle"), QStringLiteral("-")},
                60000, flipped);
    QVERIFY2(r.exitCode != 0, r.out.constData());
    r = run.run(kCli, {QStringLiteral("handoff"), QStringLiteral("verify"), QStringLiteral("-")}, 60000,
                "not an archive");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(!r.err.contains("no such file"), r.err.constData());
    QVERIFY2(r.err.contains("<stdin>") && !r.err.contains("/stdin"), r.err.constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("verify-bundle"), QStringLiteral("-")},
                60000, "not an archive");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>") && !r.err.contains("/stdin"), r.err.constData());
    // The other readers of one file take "-" too: an attestation, a package to attest, a record
    // that supersedes another.
    r = run.run(kCli,
                {QStringLiteral("attest"), QStringLiteral("verify"), QStringLiteral("-"),
                 QStringLiteral("--pin"), QStringLiteral("SHA256:") + QString(64, QLatin1Char('0'))},
                60000, "not an envelope");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>"), r.err.constData());
    r = run.run(kCli,
                {QStringLiteral("handoff"), QStringLiteral("attest-package"), QStringLiteral("-"),
                 QStringLiteral("--out"), home.file(QStringLiteral("never.json"))},
                60000, "not an archive");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("<stdin>") && !r.err.contains("/stdin"), r.err.constData());
    QVERIFY(!QFileInfo::exists(home.file(QStringLiteral("never.json"))));
}

// Every usage line of the verb table that needs no argument, run with --json in a fresh home,
// prints JSON on standard output whatever its exit (a refusal too): a verb added later is covered
// by its own usage line. (monitor and probe are left out: they run probe rounds.)
void TestCliHelp::everyArgumentFreeUsageAnswersInJson() {
    TempDir home;
    ProgramRunner run(home);
    auto r = run.run(kCli, {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                            QStringLiteral("--roles"), QStringLiteral("operator")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QRegularExpression optional(QStringLiteral("\\[[^\\]]*\\]"));
    const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*$"));
    QStringList ran;
    for (auto it = m_table.cbegin(); it != m_table.cend(); ++it)
        for (const QJsonValue &u : it.value().value(QStringLiteral("usage")).toArray()) {
            const QStringList words =
                u.toString().remove(optional).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.isEmpty() || words.first() == QLatin1String("monitor") ||
                words.first() == QLatin1String("probe") ||
                !std::all_of(words.cbegin(), words.cend(),
                             [&](const QString &w) { return word.match(w).hasMatch(); }))
                continue;
            r = run.run(kCli, words + QStringList{QStringLiteral("--json")});
            QJsonParseError error;
            QJsonDocument::fromJson(r.out, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && !r.out.trimmed().isEmpty(),
                     qPrintable(words.join(QLatin1Char(' ')) +
                                QStringLiteral(" (exit %1): ").arg(r.exitCode) +
                                QString::fromUtf8(r.out.left(300) + r.err.left(300))));
            ran << words.join(QLatin1Char(' '));
        }
    QVERIFY2(ran.size() >= 12, qPrintable(ran.join(QStringLiteral(", "))));
    QVERIFY(ran.contains(QStringLiteral("incident list")) &&
            ran.contains(QStringLiteral("evidence checkpoint")));
}

void TestCliHelp::jsonWhereItWasMissing() {
    TempDir home;
    ProgramRunner run(home);
    auto r = run.run(kCli, {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                            QStringLiteral("--roles"), QStringLiteral("operator")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run.run(kCli, {QStringLiteral("signal"), QStringLiteral("record"), QStringLiteral("publish_blocked"),
                       QStringLiteral("--scope"), QStringLiteral("kl")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("backup"),
                       home.file(QStringLiteral("copy.sqlite")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("backup")).toString(),
             home.file(QStringLiteral("copy.sqlite")));
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("checkpoint"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject cp = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(cp.value(QStringLiteral("note")).toString().contains(QStringLiteral("\n\n\u2014 ")),
             r.out.constData());
    QVERIFY(cp.value(QStringLiteral("tree_size")).toInt() >= 2);
    r = run.run(kCli, {QStringLiteral("identity"), QStringLiteral("export-public"), QStringLiteral("alice"),
                       QStringLiteral("--vkey"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out)
                .object()
                .value(QStringLiteral("vkey"))
                .toString()
                .startsWith(QLatin1String("alice+")));
    r = run.run(kCli, {QStringLiteral("evidence"), QStringLiteral("prove"), QStringLiteral("1"),
                       QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out)
                .object()
                .value(QStringLiteral("tlog_proof"))
                .toString()
                .startsWith(QLatin1String("c2sp.org/tlog-proof@v1")));
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
