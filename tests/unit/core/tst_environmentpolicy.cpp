#include "core/EnvironmentPolicy.h"
#include "core/Hardening.h"
#include "core/Secret.h"
#include "core/Startup.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace ops;

class TestEnvironmentPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hardeningTakesCoreDumpsAndThePassphraseAway();
    void secretsFromFilesAndCredentials();
    void initTestCase();
    void envVarParsing();
    void overrideMayOnlyTighten();
    void devAllowsEverything();
    void prodNeedsToken();
    void prodRefusesDemoConfig();
    void prodRefusesInsecureTls();
    void tokenGoesOnlyOverTlsOutsideDev();
    void prodNamesEveryViolation();
    void prodWithTokenAndRealConfigStarts();
    void startupFallsBackToDemoOnlyInDev();
    void startupReportsInvalidConfigAsInvalidInput();
    void secretsAreRedacted();
};

static QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars) {
    QProcessEnvironment e;
    for (const auto &[k, v] : vars)
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return e;
}

static DeploymentConfig realConfig() {
    auto cfg = ConfigLoader::loadFile(QStringLiteral(OPSCONSOLE_TEST_DATA "/config/good.yaml"));
    if (!cfg.ok())
        qFatal("good.yaml does not load");
    return cfg.value();
}

void TestEnvironmentPolicy::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestEnvironmentPolicy::envVarParsing() {
    QCOMPARE(EnvironmentPolicy::fromProcess(env({})).value(), std::optional<Environment>());
    QCOMPARE(EnvironmentPolicy::fromProcess(env({{"OPSCONSOLE_ENV", "prod"}})).value(),
             std::optional<Environment>(Environment::Prod));
    QCOMPARE(EnvironmentPolicy::fromProcess(env({{"OPSCONSOLE_ENV", "staging"}})).value(),
             std::optional<Environment>(Environment::Staging));
    const auto bad = EnvironmentPolicy::fromProcess(env({{"OPSCONSOLE_ENV", "production"}}));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::Usage);
    QVERIFY(bad.error().message.contains(QStringLiteral("'production'")));
}

void TestEnvironmentPolicy::overrideMayOnlyTighten() {
    DeploymentConfig cfg = realConfig(); // declares staging
    QCOMPARE(EnvironmentPolicy::effective(std::nullopt, cfg).value(), Environment::Staging);
    QCOMPARE(EnvironmentPolicy::effective(Environment::Prod, cfg).value(), Environment::Prod);
    const auto relaxed = EnvironmentPolicy::effective(Environment::Dev, cfg);
    QVERIFY(!relaxed.ok());
    QCOMPARE(relaxed.error().code, ErrorCode::Policy);
    QVERIFY(relaxed.error().message.contains(QStringLiteral("refusing to relax policy")));
    cfg.environment.reset();
    QCOMPARE(EnvironmentPolicy::effective(std::nullopt, cfg).value(), Environment::Dev);
}

void TestEnvironmentPolicy::devAllowsEverything() {
    DeploymentConfig cfg = ConfigLoader::builtinDemo().value();
    cfg.probes.insecureTls = true;
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Dev, cfg, env({})).ok());
}

void TestEnvironmentPolicy::prodNeedsToken() {
    const DeploymentConfig cfg = realConfig();
    const auto r = EnvironmentPolicy::checkStartup(Environment::Prod, cfg, env({}));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY(r.error().message.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN is not set")));
    const auto empty =
        EnvironmentPolicy::checkStartup(Environment::Staging, cfg, env({{"OPSCONSOLE_OPERATOR_TOKEN", ""}}));
    QVERIFY(!empty.ok());
}

void TestEnvironmentPolicy::prodRefusesDemoConfig() {
    const DeploymentConfig cfg = ConfigLoader::builtinDemo().value();
    const auto r =
        EnvironmentPolicy::checkStartup(Environment::Prod, cfg, env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}}));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("demo config is dev-only")));
    QVERIFY(!r.error().message.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN is not set")));
}

void TestEnvironmentPolicy::prodRefusesInsecureTls() {
    DeploymentConfig cfg = realConfig();
    cfg.probes.insecureTls = true;
    const auto r = EnvironmentPolicy::checkStartup(Environment::Staging, cfg,
                                                   env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}}));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("insecure_tls is dev-only")));
}

void TestEnvironmentPolicy::tokenGoesOnlyOverTlsOutsideDev() {
    DeploymentConfig cfg = realConfig();
    cfg.trust.admins = {QStringLiteral("SHA256:") + QString(64, QLatin1Char('a'))};
    const auto token = env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}});
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Staging, cfg, token).ok());
    DeploymentConfig plainScope = cfg;
    plainScope.scopes.last().rules = QUrl(QStringLiteral("http://api.example.org/kl/rules.json"));
    const auto r = EnvironmentPolicy::checkStartup(Environment::Staging, plainScope, token);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY2(r.error().message.contains(QStringLiteral("http://api.example.org/kl/rules.json")),
             qPrintable(r.error().message));
    plainScope.scopes.last().auth = false; // no token goes there: plain http is the operator's call
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Staging, plainScope, token).ok());
    DeploymentConfig plainPublisher = cfg;
    plainPublisher.publisher->rebind = QUrl(QStringLiteral("http://publisher.example.org/rebind"));
    QVERIFY(plainPublisher.publisher->auth); // the config says auth: true
    QVERIFY(!EnvironmentPolicy::checkStartup(Environment::Prod, plainPublisher, token).ok());
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Dev, plainPublisher, token).ok());
    plainPublisher.publisher->auth = false; // no token goes there
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Prod, plainPublisher, token).ok());
    // A publisher that says nothing about auth gets no token, like scopes and services.
    QFile good(QStringLiteral(OPSCONSOLE_TEST_DATA "/config/good.yaml"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray silent = good.readAll().replace(", auth: true}", "}");
    QVERIFY(!ConfigLoader::parse(silent, QStringLiteral("good.yaml")).value().publisher->auth);
}

void TestEnvironmentPolicy::prodNamesEveryViolation() {
    DeploymentConfig cfg = ConfigLoader::builtinDemo().value();
    cfg.probes.insecureTls = true;
    const auto r = EnvironmentPolicy::checkStartup(Environment::Prod, cfg, env({}));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")));
    QVERIFY(r.error().message.contains(QStringLiteral("demo config")));
    QVERIFY(r.error().message.contains(QStringLiteral("insecure_tls")));
}

void TestEnvironmentPolicy::prodWithTokenAndRealConfigStarts() {
    DeploymentConfig cfg = realConfig();
    // Outside dev the admin keys must be pinned.
    const auto unpinned =
        EnvironmentPolicy::checkStartup(Environment::Prod, cfg, env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}}));
    QVERIFY(!unpinned.ok());
    QCOMPARE(unpinned.error().exitCode(), 4);
    QVERIFY(unpinned.error().message.contains(QStringLiteral("trust.admins")));
    // ... except for init, which makes the genesis admin whose key the config then pins.
    QVERIFY(EnvironmentPolicy::checkStartup(Environment::Prod, cfg,
                                            env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}}), true)
                .ok());
    cfg.trust.admins = {QStringLiteral("SHA256:") + QString(64, QLatin1Char('a'))};
    QVERIFY(
        EnvironmentPolicy::checkStartup(Environment::Prod, cfg, env({{"OPSCONSOLE_OPERATOR_TOKEN", "t0k"}}))
            .ok());
}

void TestEnvironmentPolicy::startupFallsBackToDemoOnlyInDev() {
    CommonOptions o;
    const auto dev = Startup::prepare(o, env({}));
    QVERIFY2(dev.ok(), qPrintable(dev.ok() ? QString() : dev.error().toString()));
    QVERIFY(dev->config.builtinDemo);
    QCOMPARE(dev->environment, Environment::Dev);
    QVERIFY(dev->storePath.endsWith(QStringLiteral("/opsconsole/evidence.sqlite")));

    const auto prod =
        Startup::prepare(o, env({{"OPSCONSOLE_ENV", "prod"}, {"OPSCONSOLE_OPERATOR_TOKEN", "x"}}));
    QVERIFY(!prod.ok());
    QCOMPARE(prod.error().exitCode(), 4);

    o.configPath = QStringLiteral(OPSCONSOLE_TEST_DATA "/config/good-pinned.yaml");
    o.storePath = QStringLiteral("/tmp/x/../store.sqlite");
    const auto real =
        Startup::prepare(o, env({{"OPSCONSOLE_ENV", "prod"}, {"OPSCONSOLE_OPERATOR_TOKEN", "x"}}));
    QVERIFY2(real.ok(), qPrintable(real.ok() ? QString() : real.error().toString()));
    QCOMPARE(real->environment, Environment::Prod);
    QCOMPARE(real->storePath, QStringLiteral("/tmp/store.sqlite"));
}

void TestEnvironmentPolicy::startupReportsInvalidConfigAsInvalidInput() {
    CommonOptions o;
    o.configPath = QStringLiteral(OPSCONSOLE_TEST_DATA "/config/bad/dangling-parent.yaml");
    const auto r = Startup::prepare(o, env({}));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 3);
    QVERIFY(r.error().where.endsWith(QStringLiteral("dangling-parent.yaml:5")));
}

void TestEnvironmentPolicy::secretsAreRedacted() {
    const Secret s(QByteArray("s3cr3t-token-value"));
    QVERIFY(s.isSet());
    QCOMPARE(s.redacted(), QStringLiteral("set (redacted)"));
    QCOMPARE(s.scrub(QStringLiteral("Authorization: Bearer s3cr3t-token-value")),
             QStringLiteral("Authorization: Bearer [redacted]"));
    QCOMPARE(Secret().redacted(), QStringLiteral("not set"));
    // Bytes an outside party echoes: as is, with JSON's escapes, and cut by a size limit.
    const Secret b64(QByteArray("ab/Cd+9z"));
    QCOMPARE(b64.scrubBytes("{\"echo\":\"Bearer ab/Cd+9z\"}"),
             QByteArray("{\"echo\":\"Bearer [redacted]\"}"));
    QCOMPARE(b64.scrubBytes("{\"echo\":\"ab\\/Cd+9z\"}"), QByteArray("{\"echo\":\"[redacted]\"}"));
    QCOMPARE(b64.scrubBytes("{\"echo\":\"\\u0061b\\/\\u0043d\\u002B9z\"}"),
             QByteArray("{\"echo\":\"[redacted]\"}"));
    QCOMPARE(b64.scrubBytes("x ab/Cd+9z", 7), QByteArray("x [redacted]")); // "x ab/Cd" kept nothing of it
    QCOMPARE(b64.scrubBytes("x ab/Cd+9z", 4), QByteArray("x [redacted]"));
    QCOMPARE(b64.scrubBytes("x ab/Cd+9z tail", 100), QByteArray("x [redacted] tail"));
    QCOMPARE(b64.scrubBytes("nothing here", 7), QByteArray("nothing"));
    Secret copy = s;
    copy.wipe();
    QVERIFY(!copy.isSet());
    QCOMPARE(s.reveal(), QByteArray("s3cr3t-token-value")); // wiping a copy leaves the original intact
}

void TestEnvironmentPolicy::secretsFromFilesAndCredentials() {
    test::TempDir dir;
    const auto privateFile = [&](const QString &name, const QByteArray &bytes) {
        const QString path = dir.write(name, bytes);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    };
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("from-the-variable"));
    // Nothing named: the environment as it was.
    auto same = Hardening::secretsFromFiles(env);
    QVERIFY(same.ok());
    QCOMPARE(same->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")), QStringLiteral("from-the-variable"));
    // A systemd credential comes before the variable, NAME_FILE before both; one newline is dropped.
    const QString creds = dir.file(QStringLiteral("creds"));
    QVERIFY(QDir().mkpath(creds));
    dir.write(QStringLiteral("creds/opsconsole-operator-token"), "from-the-credential\n");
    dir.write(QStringLiteral("creds/opsconsole-publisher-token"), "publisher-credential");
    env.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), creds);
    auto fromCredential = Hardening::secretsFromFiles(env);
    QVERIFY(fromCredential.ok());
    QCOMPARE(fromCredential->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")),
             QStringLiteral("from-the-credential"));
    QCOMPARE(fromCredential->value(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN")),
             QStringLiteral("publisher-credential"));
    QVERIFY(!fromCredential->contains(QStringLiteral("OPSCONSOLE_PASSPHRASE")));
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"),
               privateFile(QStringLiteral("token"), "from-the-file\r\n"));
    auto fromFile = Hardening::secretsFromFiles(env);
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")), QStringLiteral("from-the-file"));
    // A file others may read is refused, naming the variable and the file but not the secret.
    const QString open = dir.write(QStringLiteral("open-token"), "world-readable-secret");
    QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"), open);
    auto refused = Hardening::secretsFromFiles(env);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Policy);
    QVERIFY(refused.error().message.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE")));
    QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600")));
    QVERIFY(!refused.error().toString().contains(QStringLiteral("world-readable-secret")));
    // A missing or oversized file is an error too, never silently the variable.
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"), dir.file(QStringLiteral("missing")));
    QVERIFY(!Hardening::secretsFromFiles(env).ok());
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"),
               privateFile(QStringLiteral("big"), QByteArray(64 * 1024 + 1, 'x')));
    QVERIFY(!Hardening::secretsFromFiles(env).ok());
}

// What both programs do first: no core file and no ptrace-style dump of their memory, and the
// passphrase variable read once, then wiped from the environment block where /proc shows it.
void TestEnvironmentPolicy::hardeningTakesCoreDumpsAndThePassphraseAway() {
    qputenv("OPSCONSOLE_PASSPHRASE", "wipe-me-3f1");
    const char *before = std::getenv("OPSCONSOLE_PASSPHRASE");
    QVERIFY(before);
    const char *where = before; // the bytes /proc/self/environ would show
    const QProcessEnvironment env = Hardening::takeEnvironment();
    QCOMPARE(env.value(QStringLiteral("OPSCONSOLE_PASSPHRASE")), QStringLiteral("wipe-me-3f1"));
    QVERIFY(!std::getenv("OPSCONSOLE_PASSPHRASE"));
    QVERIFY(std::strncmp(where, "wipe-me-3f1", 11) != 0);
    Hardening::protectProcess();
    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    rlimit core{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &core), 0);
    QCOMPARE(core.rlim_cur, rlim_t(0));
    QCOMPARE(core.rlim_max, rlim_t(0));
}

QTEST_GUILESS_MAIN(TestEnvironmentPolicy)
#include "tst_environmentpolicy.moc"
