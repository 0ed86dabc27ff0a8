// Runs the built programs as a user would: the documented exit codes and messages.
#include "core/CanonicalJson.h"

#include "TestSupport.h"

#include <QTest>

using namespace ops;
using ops::test::ProgramRunner;
using ops::test::TempDir;

class TestCliConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp();
    void unknownVerbIsUsageError();
    void checksBuiltinDemoInDev();
    void checksGoodFile();
    void badFileExitsThreeNamingFileLine();
    void badFileJson();
    void prodWithoutTokenRefusesBothPrograms();
    void prodWithTokenRefusesDemoConfig();
    void prodWithTokenAndConfigIsAccepted();
    void invalidEnvironmentValueIsUsageError();
    void tokenNeverPrinted();
    void guiRefusesRelaxingDeclaredEnvironment();
};

static QString data(const char *rel) {
    return QStringLiteral(OPSCONSOLE_TEST_DATA "/") + QLatin1String(rel);
}

void TestCliConfig::versionAndHelp() {
    TempDir home;
    ProgramRunner run(home);
    auto r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("opsconsole-cli "));
    r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("config "));
    QVERIFY(r.out.contains("exit codes"));
    r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("help"), QStringLiteral("config")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("config check"));
    r = run.run(QStringLiteral("opsconsole"), {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("opsconsole "));
}

void TestCliConfig::unknownVerbIsUsageError() {
    TempDir home;
    ProgramRunner run(home);
    auto r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown verb 'frobnicate'"));
    QVERIFY(r.err.contains("usage:"));
    r = run.run(QStringLiteral("opsconsole-cli"), {});
    QCOMPARE(r.exitCode, 2);
    r = run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("lint")});
    QCOMPARE(r.exitCode, 2);
    r = run.run(QStringLiteral("opsconsole-cli"),
                {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--bogus")});
    QCOMPARE(r.exitCode, 2);
    r = run.run(QStringLiteral("opsconsole"), {QStringLiteral("--bogus")});
    QCOMPARE(r.exitCode, 2);
}

void TestCliConfig::checksBuiltinDemoInDev() {
    TempDir home;
    ProgramRunner run(home);
    const auto r =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("built-in demo"), r.out.constData());
}

void TestCliConfig::checksGoodFile() {
    TempDir home;
    ProgramRunner run(home);
    const auto r =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("check"),
                                                   data("config/good.yaml"), QStringLiteral("--json")});
    // good.yaml declares staging: without the token it is refused, with it accepted.
    QCOMPARE(r.exitCode, 4);
    ProgramRunner withToken(home);
    withToken.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    // ... and without pinned admin keys it is refused too, naming what is missing.
    const auto unpinned =
        withToken.run(QStringLiteral("opsconsole-cli"),
                      {QStringLiteral("config"), QStringLiteral("check"), data("config/good.yaml")});
    QCOMPARE(unpinned.exitCode, 4);
    QVERIFY2(unpinned.err.contains("trust.admins"), unpinned.err.constData());
    const auto ok = withToken.run(QStringLiteral("opsconsole-cli"),
                                  {QStringLiteral("config"), QStringLiteral("check"),
                                   data("config/good-pinned.yaml"), QStringLiteral("--json")});
    QCOMPARE(ok.exitCode, 0);
    const auto json = CanonicalJson::parse(ok.out.toStdString());
    QVERIFY2(json.ok(), ok.out.constData());
    QCOMPARE(json->find("ok")->toBool(), true);
    QCOMPARE(json->stringAt("environment"), QStringLiteral("staging"));
    QCOMPARE(json->find("scopes")->toInt(), 3);
}

void TestCliConfig::badFileExitsThreeNamingFileLine() {
    TempDir home;
    ProgramRunner run(home);
    const QString bad = data("config/bad/dangling-parent.yaml");
    const auto r =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("check"), bad});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(
        r.err.contains((bad + QStringLiteral(":5: scopes[1].parent: 'my' does not name a scope")).toUtf8()),
        r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliConfig::badFileJson() {
    TempDir home;
    ProgramRunner run(home);
    const auto r = run.run(QStringLiteral("opsconsole-cli"),
                           {QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("check"),
                            data("config/bad/negative-timeout.yaml")});
    QCOMPARE(r.exitCode, 3);
    const auto json = CanonicalJson::parse(r.out.toStdString());
    QVERIFY2(json.ok(), r.out.constData());
    QCOMPARE(json->find("ok")->toBool(true), false);
    const auto &errors = json->find("errors")->toArray();
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.at(0).find("line")->toInt(), 3);
    QCOMPARE(errors.at(0).stringAt("key"), QStringLiteral("probes.timeout_ms"));
}

void TestCliConfig::prodWithoutTokenRefusesBothPrograms() {
    TempDir home;
    ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("prod"));
    const auto cli =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("check")});
    QCOMPARE(cli.exitCode, 4);
    QVERIFY2(cli.err.contains("OPSCONSOLE_OPERATOR_TOKEN is not set"), cli.err.constData());
    const auto gui = run.run(QStringLiteral("opsconsole"), {}, 30000);
    QVERIFY(gui.finished);
    QCOMPARE(gui.exitCode, 4);
    QVERIFY2(gui.err.contains("OPSCONSOLE_OPERATOR_TOKEN is not set"), gui.err.constData());
}

void TestCliConfig::prodWithTokenRefusesDemoConfig() {
    TempDir home;
    ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("prod"));
    run.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    const auto gui = run.run(QStringLiteral("opsconsole"), {}, 30000);
    QCOMPARE(gui.exitCode, 4);
    QVERIFY2(gui.err.contains("demo config is dev-only"), gui.err.constData());
}

void TestCliConfig::prodWithTokenAndConfigIsAccepted() {
    TempDir home;
    ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("prod"));
    run.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("t"));
    const auto r = run.run(QStringLiteral("opsconsole-cli"),
                           {QStringLiteral("--config"), data("config/good-pinned.yaml"),
                            QStringLiteral("config"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("environment prod"));
}

void TestCliConfig::invalidEnvironmentValueIsUsageError() {
    TempDir home;
    ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("production"));
    const auto r =
        run.run(QStringLiteral("opsconsole-cli"), {QStringLiteral("config"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("OPSCONSOLE_ENV must be dev, staging or prod"));
}

void TestCliConfig::tokenNeverPrinted() {
    TempDir home;
    ProgramRunner run(home);
    const QByteArray token = "tok-9f8e7d6c5b4a-do-not-print";
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("prod"));
    run.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QString::fromLatin1(token));
    for (const QStringList &args :
         {QStringList{QStringLiteral("config"), QStringLiteral("check")},
          QStringList{QStringLiteral("config"), QStringLiteral("check"), data("config/good.yaml")},
          QStringList{QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--json"),
                      data("config/bad/bad-id.yaml")}}) {
        const auto r = run.run(QStringLiteral("opsconsole-cli"), args);
        QVERIFY(r.finished);
        QVERIFY(!r.out.contains(token));
        QVERIFY(!r.err.contains(token));
    }
}

void TestCliConfig::guiRefusesRelaxingDeclaredEnvironment() {
    TempDir home;
    ProgramRunner run(home);
    run.set(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    const auto r =
        run.run(QStringLiteral("opsconsole"), {QStringLiteral("--config"), data("config/good.yaml")}, 30000);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("refusing to relax policy"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
