#include "alerts/AlertRules.h"
#include "core/DeploymentConfig.h"
#include "core/FileUtil.h"
#include "proofs/ProofSummary.h"
#include "runbooks/Runbook.h"

#include "TestSupport.h"

#include <QSet>
#include <QTest>

using namespace ops;

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodConfigLoads();
    void yamlAliasBombRefused();
    void builtinDemoIsValid();
    void orderedScopesGroupBaselineCountryLocality();
    void malformed_data();
    void malformed();
    void everyMalformedFileHasItsOwnMessage();
    void collectsEveryError();
    void relativeCaFileResolvesAgainstConfigDir();
    void unreadableFileNamesThePath();
};

static QString dataFile(const QString &name) {
    return QStringLiteral(OPSCONSOLE_TEST_DATA "/config/") + name;
}

void TestConfig::goodConfigLoads() {
    const auto cfg = ConfigLoader::loadFile(dataFile(QStringLiteral("good.yaml")));
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
    QCOMPARE(cfg->environment, std::optional<Environment>(Environment::Staging));
    QCOMPARE(cfg->objectives.restoreMinutes, 15);
    QCOMPARE(cfg->objectives.integrityMinutes, 30);
    QCOMPARE(cfg->probes.intervalS, 10);
    QCOMPARE(cfg->probes.timeoutMs, 2000);
    QCOMPARE(cfg->probes.maxBodyBytes, qint64(1048576));
    QCOMPARE(cfg->probes.maxRedirects, 2);
    QCOMPARE(cfg->probes.failAfter, 3);
    QCOMPARE(cfg->scopes.size(), 3);
    const ScopeConfig *kl = cfg->scope(QStringLiteral("kl"));
    QVERIFY(kl);
    QCOMPARE(kl->kind, ScopeKind::Locality);
    QCOMPARE(kl->parent, QStringLiteral("my"));
    QCOMPARE(kl->freshnessHours, 6);
    QVERIFY(!kl->critical);
    QVERIFY(kl->auth);
    QCOMPARE(kl->resolver, QUrl(QStringLiteral("https://api.example.org/resolve?locality=kl")));
    QCOMPARE(kl->line, 17);
    QCOMPARE(cfg->services.size(), 1);
    QVERIFY(cfg->publisher.has_value());
    QCOMPARE(cfg->publisher->rebind, QUrl(QStringLiteral("https://publisher.example.org/rebind")));
    QVERIFY(cfg->runbooksDir.isEmpty());
    QVERIFY(!cfg->builtinDemo);
}

void TestConfig::builtinDemoIsValid() {
    const auto cfg = ConfigLoader::builtinDemo();
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
    QVERIFY(cfg->builtinDemo);
    QCOMPARE(cfg->environment, std::optional<Environment>(Environment::Dev));
    QVERIFY(cfg->scopes.size() >= 4);
    QCOMPARE(cfg->services.size(), 3);
    for (const ScopeConfig &s : cfg->scopes)
        QCOMPARE(s.manifest.host(), QStringLiteral("127.0.0.1"));
}

void TestConfig::orderedScopesGroupBaselineCountryLocality() {
    const auto cfg = ConfigLoader::builtinDemo();
    QVERIFY(cfg.ok());
    QStringList ids;
    for (const ScopeConfig *s : cfg->orderedScopes())
        ids << s->id;
    QCOMPARE(ids, (QStringList{QStringLiteral("baseline"), QStringLiteral("my"), QStringLiteral("sg"),
                               QStringLiteral("kl"), QStringLiteral("pg")}));
}

void TestConfig::malformed_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    auto row = [](const char *file, int line, const char *key, const char *message) {
        QTest::newRow(file) << QString::fromLatin1(file) << line << QString::fromLatin1(key)
                            << QString::fromUtf8(message);
    };
    row("syntax-error.yaml", 5, "", "YAML syntax error");
    row("empty.yaml", 1, "", "the file is empty");
    row("not-a-mapping.yaml", 1, "", "must be a mapping, got a list");
    row("unknown-top-key.yaml", 2, "colour",
        "unknown key (allowed: alert_rules, alertmanager, environment, maintenance, notifications, "
        "objectives, probes, "
        "publisher, "
        "runbooks, scopes, "
        "services, store, trust)");
    row("unknown-scope-key.yaml", 6, "scopes[0].freshnes_hours", "unknown key");
    row("missing-scopes.yaml", 1, "scopes", "required key is missing");
    row("trust-not-a-fingerprint.yaml", 5, "trust.admins[0]",
        "'alice' is not a key fingerprint (SHA256:<64 hex>)");
    row("trust-quorum-unreachable.yaml", 5, "trust.enroll_quorum",
        "2 approvals can never be reached with 1 pinned admin(s)");
    row("alertmanager-route-both.yaml", 6, "alertmanager.routes[0]",
        "needs exactly one of alert (an alert id) or signal");
    row("alertmanager-unknown-signal.yaml", 7, "alertmanager.routes[0].signal",
        "unknown signal 'publish_stuck'");
    row("alertmanager-no-token-file.yaml", 4, "alertmanager.token_file", "file 'no-such-token' not found");
    row("maintenance-bad-every.yaml", 6, "maintenance[0].every", "'sundays at 2' is not 'DAY HH:MM'");
    row("maintenance-unknown-scope.yaml", 4, "maintenance[0].scope", "no scope 'kl' in scopes");
    row("missing-manifest.yaml", 2, "scopes[0].manifest", "required key is missing");
    row("critical-not-bool.yaml", 4, "scopes[0].critical", "must be true or false, got 'maybe'");
    row("interval-quoted.yaml", 2, "probes.interval_s", "must be an integer, got '30'");
    row("negative-timeout.yaml", 3, "probes.timeout_ms", "must not be negative, got -5000");
    row("duplicate-scope-id.yaml", 4, "scopes[2].id", "duplicate scope id 'kl' (first defined at line 3)");
    row("dangling-parent.yaml", 5, "scopes[1].parent", "'my' does not name a scope in this file");
    row("parent-cycle.yaml", 2, "scopes[0].parent", "parent cycle: a → b → c → a");
    row("url-bad-scheme.yaml", 6, "scopes[0].manifest", "must use http or https");
    row("url-relative.yaml", 6, "scopes[0].manifest", "is not an absolute URL");
    row("url-credentials.yaml", 6, "scopes[0].manifest", "must not carry credentials");
    row("bad-environment.yaml", 1, "environment", "must be dev, staging or prod, got 'production'");
    row("duplicate-key.yaml", 4, "environment", "duplicate key");
    row("scopes-not-list.yaml", 2, "scopes", "must be a list, got a mapping");
    row("scopes-empty.yaml", 1, "scopes", "at least one scope is required");
    row("baseline-with-parent.yaml", 5, "scopes[1].parent", "a baseline scope cannot have a parent");
    row("country-under-locality.yaml", 3, "scopes[1].parent", "a country cannot sit under the locality 'kl'");
    row("integrity-before-restore.yaml", 3, "objectives.integrity_minutes",
        "must not be shorter than restore_minutes (30)");
    row("bad-kind.yaml", 3, "scopes[0].kind", "must be baseline, country or locality, got 'continent'");
    row("bad-id.yaml", 2, "scopes[0].id", "'Kuala Lumpur' is not a valid id");
    // A line break after an id (which "$" in a pattern lets through) would add a line wherever the
    // id is written: signed notes, metrics labels.
    row("id-with-line-break.yaml", 3, "scopes[0].id", "is not a valid id");
    row("missing-ca-file.yaml", 2, "probes.ca_file", "file 'certs/does-not-exist.pem' not found");
    row("duplicate-service.yaml", 5, "services[1].id",
        "duplicate service id 'orchestrator' (first defined at line 4)");
    row("zero-freshness.yaml", 5, "scopes[0].freshness_hours", "must be between 1 and 8784, got 0");
    row("redirects-negative.yaml", 1, "probes.max_redirects", "must not be negative, got -1");
    row("objectives-missing-key.yaml", 1, "objectives.integrity_minutes", "required key is missing");
}

void TestConfig::malformed() {
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, key);
    QFETCH(QString, message);
    const QString path = dataFile(QStringLiteral("bad/") + file);
    const auto cfg = ConfigLoader::loadFile(path);
    QVERIFY2(!cfg.ok(), qPrintable(file));
    const Error &e = cfg.error();
    QCOMPARE(e.code, ErrorCode::InvalidInput);
    QVERIFY(!e.diagnostics.isEmpty());
    bool found = false;
    for (const Diagnostic &d : e.diagnostics) {
        if (d.file == path && d.line == line && d.key == key && d.message.contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1:%2: %3: %4\ngot:\n%5")
                                   .arg(file)
                                   .arg(line)
                                   .arg(key, message, e.toString())));
    // The printed form names file:line so an operator can jump to it.
    QVERIFY(e.toString().contains(QStringLiteral("%1:%2").arg(path).arg(line)));
}

void TestConfig::everyMalformedFileHasItsOwnMessage() {
    QDir dir(QStringLiteral(OPSCONSOLE_TEST_DATA "/config/bad"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 15);
    QSet<QString> firstMessages;
    for (const QString &f : files) {
        const auto cfg = ConfigLoader::loadFile(dir.filePath(f));
        QVERIFY2(!cfg.ok(), qPrintable(f + QStringLiteral(" was accepted")));
        QString msg = cfg.error().diagnostics.value(0).message;
        msg.remove(QRegularExpression(QStringLiteral("'[^']*'|\\d+")));
        firstMessages.insert(cfg.error().diagnostics.value(0).key.section(QLatin1Char('.'), -1) +
                             QLatin1Char('|') + msg);
    }
    QCOMPARE(firstMessages.size(), files.size());
}

void TestConfig::collectsEveryError() {
    const QByteArray text = "scopes:\n"
                            "  - id: a\n"
                            "    kind: locality\n"
                            "    critical: maybe\n"
                            "    freshness_hours: -1\n"
                            "    manifest: ftp://x/y\n"
                            "    extra: 1\n";
    const auto cfg = ConfigLoader::parse(text, QStringLiteral("inline.yaml"));
    QVERIFY(!cfg.ok());
    QCOMPARE(cfg.error().diagnostics.size(), 4);
    QStringList keys;
    for (const Diagnostic &d : cfg.error().diagnostics)
        keys << d.key;
    QVERIFY(keys.contains(QStringLiteral("scopes[0].extra")));
    QVERIFY(keys.contains(QStringLiteral("scopes[0].critical")));
    QVERIFY(keys.contains(QStringLiteral("scopes[0].freshness_hours")));
    QVERIFY(keys.contains(QStringLiteral("scopes[0].manifest")));
    QCOMPARE(cfg.error().where, QStringLiteral("inline.yaml:4"));
}

void TestConfig::relativeCaFileResolvesAgainstConfigDir() {
    test::TempDir dir;
    dir.write(QStringLiteral("certs/ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    const QString path =
        dir.write(QStringLiteral("config.yaml"), "probes: {ca_file: certs/ca.pem}\n"
                                                 "scopes:\n  - {id: b, kind: baseline, critical: true, "
                                                 "freshness_hours: 1, manifest: http://127.0.0.1:1/m}\n");
    const auto cfg = ConfigLoader::loadFile(path);
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
    QCOMPARE(cfg->probes.caFile, dir.file(QStringLiteral("certs/ca.pem")));
}

void TestConfig::unreadableFileNamesThePath() {
    const auto cfg = ConfigLoader::loadFile(QStringLiteral("/nonexistent/opsconsole.yaml"));
    QVERIFY(!cfg.ok());
    QCOMPARE(cfg.error().where, QStringLiteral("/nonexistent/opsconsole.yaml"));
    QCOMPARE(cfg.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestConfig)
void TestConfig::yamlAliasBombRefused() {
    // Nine levels of nine aliases: 400 bytes that stand for 387 million strings to any walk.
    QByteArray bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        const char p = static_cast<char>(c - 1);
        bomb += QByteArray(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i)
            bomb += QByteArray(i ? ",*" : "*") + p;
        bomb += "]\n";
    }
    QVERIFY(bomb.size() < 500);
    auto r = ConfigLoader::parse(bomb, QStringLiteral("bomb.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 3);
    QVERIFY2(r.error().toString().contains(QStringLiteral("bomb.yaml:1")), qPrintable(r.error().toString()));
    QVERIFY2(r.error().toString().contains(QStringLiteral("anchors")), qPrintable(r.error().toString()));
    // store.origin names the log; it may not pose as the default's prefix.
    const QByteArray base = FileUtil::readAll(QStringLiteral(":/config/demo.yaml"), 1 << 20).value();
    QCOMPARE(ConfigLoader::parse(base + "store: {origin: ops.example.org/log}\n", QStringLiteral("o.yaml"))
                 ->storeOrigin,
             QStringLiteral("ops.example.org/log"));
    QVERIFY(!ConfigLoader::parse(base + "store: {origin: opsconsole/x}\n", QStringLiteral("o.yaml")).ok());
    QVERIFY(!ConfigLoader::parse(base + "store: {origin: \"a b\"}\n", QStringLiteral("o.yaml")).ok());
    // An alias without an anchor is named too.
    auto alias = ConfigLoader::parse("environment: dev\nscopes: *x\n", QStringLiteral("a.yaml"));
    QVERIFY(!alias.ok());
    // Every other YAML reader of outside files refuses the same bomb, naming its file and line.
    const auto named = [](const Error &e, const QString &file) {
        return e.toString().contains(file + QStringLiteral(":1")) &&
               e.toString().contains(QStringLiteral("anchors"));
    };
    const auto runbook = RunbookLibrary::parse(bomb, QStringLiteral("runbook.yaml"));
    QVERIFY(!runbook.ok());
    QVERIFY2(named(runbook.error(), QStringLiteral("runbook.yaml")), qPrintable(runbook.error().toString()));
    const auto rules = AlertRules::parse(bomb, QStringLiteral("alerts.yaml"));
    QVERIFY(!rules.ok());
    QVERIFY2(named(rules.error(), QStringLiteral("alerts.yaml")), qPrintable(rules.error().toString()));
    const auto patterns = FailureRules::parse(bomb, QStringLiteral("patterns.yaml"));
    QVERIFY(!patterns.ok());
    QVERIFY2(named(patterns.error(), QStringLiteral("patterns.yaml")),
             qPrintable(patterns.error().toString()));
}

#include "tst_config.moc"
