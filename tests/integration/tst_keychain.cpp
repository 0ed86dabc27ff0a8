// Secrets in the OS keychain, against a real Secret Service: GNOME Keyring on a private session
// bus, with libsecret's secret-tool as the outside referee of what was stored. The keychain comes
// before NAME_FILE, credentials and variables; a passphrase kept there signs acts of the CLI and
// signs the window in with one click; OPSCONSOLE_KEYCHAIN=off and a missing bus fall back; no
// value is ever printed.
#include "core/Hardening.h"
#include "core/Keychain.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include "common/UnlockDialog.h"
#include "firstrun/FirstRunDialog.h"

#include "CliHarness.h"
#include "TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>

#include <csignal>
#include <cstdlib>

#include <sys/prctl.h>
#include <unistd.h>

using namespace ops;

namespace {

const QString kTokenValue = QStringLiteral("kc-token-7f3a9e");
const QString kPassphrase = QStringLiteral("a long enough passphrase");

// secret-tool, libsecret's own command line, reading and writing entries the way QtKeychain
// files them (schema org.qt.keychain: server = the service, user = the entry).
QByteArray lookup(const QString &entry) {
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                            QStringLiteral("opsconsole"), QStringLiteral("user"), entry});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

bool keep(const QString &entry, const QByteArray &value) {
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("store"), QStringLiteral("--label=opsconsole ") + entry, QStringLiteral("server"),
             QStringLiteral("opsconsole"), QStringLiteral("user"), entry, QStringLiteral("type"),
             QStringLiteral("plaintext")});
    p.waitForStarted();
    p.write(value);
    p.closeWriteChannel();
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void writtenEntriesAreWhatSecretToolReads();
    void filesThenVariablesThenTheKeychain();
    void cliSetStatusClearNeverPrintsTheValue();
    void passphraseIsCheckedBeforeItIsKept();
    void passphraseFromTheKeychainSignsAnAct();
    void windowRemembersAndSignsInWithOneClick();
    void firstRunKeepsThePassphraseWhenAsked();
    void withoutAKeychainEverythingFallsBack();
    void askedOnlyByVerbsThatNeedIt();

private:
    test::TempDir m_keyringHome;
    QProcess m_keyring;
};

void TestKeychain::initTestCase() {
    // GNOME Keyring with a fresh login keyring, created and unlocked by the password on stdin.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QDir(m_keyringHome.path()).mkpath(QStringLiteral("run"));
    QFile::setPermissions(m_keyringHome.file(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("HOME"), m_keyringHome.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_keyringHome.file(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_keyringHome.file(QStringLiteral("run")));
    m_keyring.setProcessEnvironment(env);
    m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_keyring.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_keyring.start(
        QStringLiteral("gnome-keyring-daemon"),
        {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    QVERIFY2(m_keyring.waitForStarted(), "gnome-keyring-daemon is missing (packaging/debian-deps.txt)");
    m_keyring.write("keyring password");
    m_keyring.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::sessionBus().interface()->isServiceRegistered(
                                 QStringLiteral("org.freedesktop.secrets")),
                             60000);
    QVERIFY(Keychain::enabled(QProcessEnvironment::systemEnvironment()));
}

void TestKeychain::cleanupTestCase() {
    m_keyring.terminate();
    m_keyring.waitForFinished(30000);
}

void TestKeychain::writtenEntriesAreWhatSecretToolReads() {
    QVERIFY(Keychain::write(Keychain::kOperatorToken, Secret(kTokenValue.toUtf8())).ok());
    QCOMPARE(lookup(Keychain::kOperatorToken), kTokenValue.toUtf8());
    QVERIFY(keep(Keychain::kPublisherToken, "from-secret-tool"));
    const Keychain::Lookup read = Keychain::read(Keychain::kPublisherToken);
    QCOMPARE(static_cast<int>(read.status), static_cast<int>(Keychain::Lookup::Status::Found));
    QCOMPARE(read.value.reveal(), QByteArray("from-secret-tool"));
    QCOMPARE(static_cast<int>(Keychain::read(QStringLiteral("passphrase:nobody")).status),
             static_cast<int>(Keychain::Lookup::Status::Missing));
    // Only opsconsole's own entries, never anything else in the user's keychain.
    QVERIFY(!Keychain::write(QStringLiteral("ssh-key"), Secret("x")).ok());
    QVERIFY(!Keychain::write(QStringLiteral("passphrase:../alice"), Secret("x")).ok());
    // The registry's names are the keychain's: an identity that can exist can keep its passphrase.
    QVERIFY(Keychain::isValidKey(QStringLiteral("passphrase:Ana.Lyst@example.org")));
    QVERIFY(!Keychain::isValidKey(QStringLiteral("passphrase:.hidden")));
    QVERIFY(!Keychain::isValidKey(QStringLiteral("passphrase:a/b")));
    // The keychain keeps text: bytes that are not UTF-8 would come back changed, so they are refused
    // and what was kept stays as it was.
    QVERIFY(keep(Keychain::kOperatorToken, kTokenValue.toUtf8()));
    const auto binary = Keychain::write(Keychain::kOperatorToken, Secret(QByteArray("pass\xff\xfeword")));
    QVERIFY(!binary.ok());
    QVERIFY2(binary.error().message.contains(QStringLiteral("not UTF-8")),
             qPrintable(binary.error().message));
    QCOMPARE(lookup(Keychain::kOperatorToken), kTokenValue.toUtf8());
    QCOMPARE(Keychain::remove(Keychain::kOperatorToken).value(), true);
    QCOMPARE(Keychain::remove(Keychain::kOperatorToken).value(), false);
    QVERIFY(lookup(Keychain::kOperatorToken).isEmpty());
    QCOMPARE(Keychain::remove(Keychain::kPublisherToken).value(), true);
}

void TestKeychain::filesThenVariablesThenTheKeychain() {
    QVERIFY(Keychain::remove(Keychain::kOperatorToken).ok());
    QVERIFY(Keychain::remove(Keychain::kPublisherToken).ok());
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("token"), "from-file\n");
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"), file);
    env.insert(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("from-variable"));
    env.insert(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN"), QStringLiteral("publisher-variable"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));

    // Nothing in the keychain: the file, then the variable.
    QStringList sources;
    auto none = Hardening::resolveSecrets(env, Keychain::reader(env), &sources);
    QVERIFY(none.ok());
    QCOMPARE(none->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")), QStringLiteral("from-file"));
    QVERIFY(sources.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN: OPSCONSOLE_OPERATOR_TOKEN_FILE")));
    QVERIFY(sources.contains(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN: OPSCONSOLE_PUBLISHER_TOKEN")));

    // A stale keychain entry never overrides what is given for the run.
    QVERIFY(keep(Keychain::kOperatorToken, "stale-keychain-token"));
    QVERIFY(keep(Keychain::kPublisherToken, "stale-publisher-token"));
    sources.clear();
    auto given = Hardening::resolveSecrets(env, Keychain::reader(env), &sources);
    QVERIFY(given.ok());
    QCOMPARE(given->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")), QStringLiteral("from-file"));
    QCOMPARE(given->value(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN")),
             QStringLiteral("publisher-variable"));

    // Nothing given: the keychain.
    QVERIFY(keep(Keychain::kOperatorToken, kTokenValue.toUtf8()));
    env.remove(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN_FILE"));
    env.remove(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"));
    sources.clear();
    auto kept = Hardening::resolveSecrets(env, Keychain::reader(env), &sources);
    QVERIFY(kept.ok());
    QCOMPARE(kept->value(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")), kTokenValue);
    QCOMPARE(kept->value(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN")), QStringLiteral("publisher-variable"));
    QVERIFY(sources.contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN: the keychain (operator-token)")));
    QVERIFY(sources.contains(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN: OPSCONSOLE_PUBLISHER_TOKEN")));
    QCOMPARE(sources.size(), 2);
    QVERIFY(!sources.join(QLatin1Char('\n')).contains(kTokenValue));

    // Turned off: as if there were none.
    env.insert(QStringLiteral("OPSCONSOLE_KEYCHAIN"), QStringLiteral("off"));
    QVERIFY(!Keychain::enabled(env));
    auto off = Hardening::resolveSecrets(env, Keychain::reader(env));
    QVERIFY(off.ok());
    QVERIFY(!off->contains(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN")));
    QVERIFY(Keychain::remove(Keychain::kOperatorToken).ok());
    QVERIFY(Keychain::remove(Keychain::kPublisherToken).ok());
}

void TestKeychain::cliSetStatusClearNeverPrintsTheValue() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    const QString program = QStringLiteral("opsconsole-cli");

    const auto set =
        cli.run(program,
                {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("operator-token"),
                 QStringLiteral("--from"), QStringLiteral("-")},
                60000, kTokenValue.toUtf8() + "\n");
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(lookup(Keychain::kOperatorToken), kTokenValue.toUtf8()); // the newline is not part of it

    const auto status = cli.run(program, {QStringLiteral("secret"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains("keychain: available"), status.out.constData());
    QVERIFY2(status.out.contains("OPSCONSOLE_OPERATOR_TOKEN: the keychain (operator-token)"),
             status.out.constData());
    QVERIFY(status.out.contains("OPSCONSOLE_PUBLISHER_TOKEN: not set"));
    const auto json =
        cli.run(program, {QStringLiteral("secret"), QStringLiteral("status"), QStringLiteral("--json")});
    const JsonValue doc = test::parseJson(json.out);
    QCOMPARE(doc.find("secrets")->toArray().at(0).stringAt("source"),
             QStringLiteral("the keychain (operator-token)"));
    for (const auto &r : {set, status, json})
        QVERIFY(!r.out.contains(kTokenValue.toUtf8()) && !r.err.contains(kTokenValue.toUtf8()));

    // Not a secret of ours; a value from an argument is not a thing.
    QCOMPARE(
        cli.run(program, {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("login")}).exitCode,
        2);
    QCOMPARE(cli.run(program, {QStringLiteral("secret"), QStringLiteral("set"),
                               QStringLiteral("operator-token"), QStringLiteral("value")})
                 .exitCode,
             2);
    // An empty value is refused and nothing changes.
    QCOMPARE(cli.run(program,
                     {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("operator-token"),
                      QStringLiteral("--from"), QStringLiteral("-")},
                     60000, "\n")
                 .exitCode,
             3);
    QCOMPARE(lookup(Keychain::kOperatorToken), kTokenValue.toUtf8());

    const auto clear = cli.run(
        program, {QStringLiteral("secret"), QStringLiteral("clear"), QStringLiteral("operator-token")});
    QCOMPARE(clear.exitCode, 0);
    QVERIFY(clear.out.contains("removed operator-token"));
    QVERIFY(lookup(Keychain::kOperatorToken).isEmpty());
    const auto again = cli.run(
        program, {QStringLiteral("secret"), QStringLiteral("clear"), QStringLiteral("operator-token")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains("holds no operator-token"));
}

void TestKeychain::passphraseIsCheckedBeforeItIsKept() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    cli.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), kPassphrase);
    const QString program = QStringLiteral("opsconsole-cli");
    const auto init =
        cli.run(program, {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("carol"),
                          QStringLiteral("--roles"), QStringLiteral("admin,operator")});
    QVERIFY2(init.exitCode == 0, init.err.constData());
    cli.unset(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
    const QStringList set = {QStringLiteral("secret"), QStringLiteral("set"),
                             QStringLiteral("passphrase:carol"), QStringLiteral("--from"),
                             QStringLiteral("-")};
    const auto wrong = cli.run(program, set, 60000, "not the passphrase\n");
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY2(wrong.err.contains("does not open carol's key"), wrong.err.constData());
    QVERIFY(lookup(QStringLiteral("passphrase:carol")).isEmpty());
    const auto nobody =
        cli.run(program,
                {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("passphrase:dave"),
                 QStringLiteral("--from"), QStringLiteral("-")},
                60000, kPassphrase.toUtf8());
    QCOMPARE(nobody.exitCode, 3);
    QVERIFY(lookup(QStringLiteral("passphrase:dave")).isEmpty());
    const auto right = cli.run(program, set, 60000, kPassphrase.toUtf8() + "\n");
    QVERIFY2(right.exitCode == 0, right.err.constData());
    QCOMPARE(lookup(QStringLiteral("passphrase:carol")), kPassphrase.toUtf8());
    QVERIFY(Keychain::remove(QStringLiteral("passphrase:carol")).ok());
}

void TestKeychain::passphraseFromTheKeychainSignsAnAct() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    cli.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), kPassphrase);
    const QString program = QStringLiteral("opsconsole-cli");
    QCOMPARE(cli.run(program, {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("erin"),
                               QStringLiteral("--roles"), QStringLiteral("admin,operator")})
                 .exitCode,
             0);
    cli.unset(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
    const QStringList act = {QStringLiteral("signal"), QStringLiteral("record"),
                             QStringLiteral("publish_blocked"), QStringLiteral("--scope"),
                             QStringLiteral("kl")};
    // No passphrase anywhere and no terminal (the tests run without one): refused, nothing signed.
    const auto without = cli.run(program, act);
    QVERIFY2(without.exitCode == 4, without.err.constData());
    QVERIFY(keep(QStringLiteral("passphrase:erin"), kPassphrase.toUtf8()));
    const auto with = cli.run(program, act);
    QVERIFY2(with.exitCode == 0, with.err.constData());
    const auto verify = cli.run(program, {QStringLiteral("evidence"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    // A stale passphrase in the keychain is named as such by the key, and nothing is signed.
    QVERIFY(keep(QStringLiteral("passphrase:erin"), "an old passphrase"));
    const auto stale = cli.run(program, act);
    QCOMPARE(stale.exitCode, 4);
    QVERIFY2(stale.err.contains("wrong passphrase"), stale.err.constData());
    QVERIFY(!stale.err.contains("an old passphrase"));
    const auto signals_ =
        cli.run(program, {QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--kind"),
                          QStringLiteral("signal.*"), QStringLiteral("--json")});
    QCOMPARE(test::parseJson(signals_.out).toArray().size(),
             std::size_t(1)); // only the one signed with the kept one
    QVERIFY(Keychain::remove(QStringLiteral("passphrase:erin")).ok());
}

void TestKeychain::windowRemembersAndSignsInWithOneClick() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), kPassphrase);
    QCOMPARE(cli.run(QStringLiteral("opsconsole-cli"),
                     {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("frank"),
                      QStringLiteral("--roles"), QStringLiteral("admin,operator")})
                 .exitCode,
             0);
    // This process reads the key directory the CLI wrote.
    qputenv("XDG_DATA_HOME", home.file(QStringLiteral("data")).toUtf8());
    auto opened = SqliteEvidenceStore::open(home.file(QStringLiteral("data/opsconsole/evidence.sqlite")));
    QVERIFY(opened.ok());
    Session session;
    {
        ui::UnlockDialog dialog(*opened.value(), &session, Environment::Dev, QStringLiteral("frank"));
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("unlockRemember"));
        auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("unlockPassphrase"));
        QVERIFY(remember && pass);
        QVERIFY(!remember->isHidden());
        QVERIFY(pass->placeholderText().isEmpty()); // nothing kept yet
        QTest::keyClicks(pass, kPassphrase);
        remember->setChecked(true);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("unlockButton")), Qt::LeftButton);
        QVERIFY(session.isUnlocked());
        QVERIFY(dialog.keychainWarning().isEmpty());
    }
    QCOMPARE(lookup(QStringLiteral("passphrase:frank")), kPassphrase.toUtf8());
    session.lock();
    {
        // Kept: the field says so, and Sign in with it empty is the one click.
        ui::UnlockDialog dialog(*opened.value(), &session, Environment::Dev, QStringLiteral("frank"));
        auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("unlockPassphrase"));
        QVERIFY(pass->placeholderText().contains(QStringLiteral("keychain")));
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("unlockRemember"))->isEnabled());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("unlockButton")), Qt::LeftButton);
        QVERIFY(session.isUnlocked());
    }
    session.lock();
    {
        // The key's passphrase changed behind the keychain's back: said so, not signed in.
        QVERIFY(keep(QStringLiteral("passphrase:frank"), "an old passphrase"));
        ui::UnlockDialog dialog(*opened.value(), &session, Environment::Dev, QStringLiteral("frank"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("unlockButton")), Qt::LeftButton);
        QVERIFY(!session.isUnlocked());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("kept in the keychain")),
                 qPrintable(dialog.errorText()));
        QVERIFY(!dialog.errorText().contains(QStringLiteral("an old passphrase")));
    }
    QVERIFY(Keychain::remove(QStringLiteral("passphrase:frank")).ok());
}

void TestKeychain::firstRunKeepsThePassphraseWhenAsked() {
    // The first start without a terminal: the store, the first identity and, when asked, its
    // passphrase in the keychain, so the next start signs in with one click.
    test::TempDir home;
    CommonOptions options;
    options.storePath = home.file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    auto ctx = Startup::prepare(options, env);
    QVERIFY(ctx.ok());
    ui::FirstRunDialog dialog(ctx.value(), home.file(QStringLiteral("data/opsconsole/keys")),
                              home.file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QTest::mouseClick(dialog.findChild<QCommandLinkButton *>(QStringLiteral("firstRunCreate")),
                      Qt::LeftButton);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("firstRunName"));
    auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("firstRunRemember"));
    QVERIFY(name && remember);
    QVERIFY(!remember->isHidden()); // a keychain is there
    name->setText(QStringLiteral("gina"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstRunPassphrase")), kPassphrase);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstRunPassphraseAgain")), kPassphrase);
    remember->setChecked(true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("firstRunCreateConfirm")),
                      Qt::LeftButton);
    QCOMPARE(dialog.choice(), ui::FirstRunDialog::Choice::Local);
    QVERIFY2(dialog.keychainWarning().isEmpty(), qPrintable(dialog.keychainWarning()));
    QCOMPARE(lookup(QStringLiteral("passphrase:gina")), kPassphrase.toUtf8());
    // The kept passphrase opens the key the dialog made.
    qputenv("XDG_DATA_HOME", home.file(QStringLiteral("data")).toUtf8());
    auto opened = SqliteEvidenceStore::open(options.storePath);
    QVERIFY(opened.ok());
    Session session;
    ui::UnlockDialog unlock(*opened.value(), &session, Environment::Dev, QStringLiteral("gina"));
    QVERIFY(unlock.findChild<QLineEdit *>(QStringLiteral("unlockPassphrase"))
                ->placeholderText()
                .contains(QStringLiteral("keychain")));
    QTest::mouseClick(unlock.findChild<QPushButton *>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QVERIFY2(session.isUnlocked(), qPrintable(unlock.errorText()));
    QVERIFY(Keychain::remove(QStringLiteral("passphrase:gina")).ok());
}

void TestKeychain::withoutAKeychainEverythingFallsBack() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    const QString program = QStringLiteral("opsconsole-cli");
    QVERIFY(keep(Keychain::kPublisherToken, "kept-but-off"));

    // Turned off: status says so, set refuses with 4, the variable is used.
    cli.set(QStringLiteral("OPSCONSOLE_KEYCHAIN"), QStringLiteral("off"));
    cli.set(QStringLiteral("OPSCONSOLE_PUBLISHER_TOKEN"), QStringLiteral("from-variable"));
    const auto off = cli.run(program, {QStringLiteral("secret"), QStringLiteral("status")});
    QCOMPARE(off.exitCode, 0);
    QVERIFY2(off.out.contains("keychain: off"), off.out.constData());
    QVERIFY(off.out.contains("OPSCONSOLE_PUBLISHER_TOKEN: OPSCONSOLE_PUBLISHER_TOKEN"));
    QCOMPARE(cli.run(program,
                     {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("operator-token"),
                      QStringLiteral("--from"), QStringLiteral("-")},
                     60000, "x\n")
                 .exitCode,
             4);

    // A bus that is not there: the keychain is unavailable, the rest works as without it.
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    cli.set(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=") + home.file(QStringLiteral("no-bus")));
    const auto gone = cli.run(program, {QStringLiteral("secret"), QStringLiteral("status")});
    QCOMPARE(gone.exitCode, 0);
    QVERIFY2(gone.out.contains("keychain: unavailable"), gone.out.constData());
    QVERIFY(gone.out.contains("OPSCONSOLE_PUBLISHER_TOKEN: OPSCONSOLE_PUBLISHER_TOKEN"));
    const auto refused =
        cli.run(program,
                {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("operator-token"),
                 QStringLiteral("--from"), QStringLiteral("-")},
                60000, "x\n");
    QCOMPARE(refused.exitCode, 4);
    QVERIFY(Keychain::remove(Keychain::kPublisherToken).ok());
}

void TestKeychain::askedOnlyByVerbsThatNeedIt() {
    test::TempDir home;
    test::ProgramRunner cli(home);
    cli.unset(QStringLiteral("OPSCONSOLE_KEYCHAIN"));
    cli.set(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("opsconsole.keychain.debug=true"));
    const QString program = QStringLiteral("opsconsole-cli");
    QVERIFY(keep(Keychain::kOperatorToken, kTokenValue.toUtf8()));
    const QByteArray askedForOperator = "opsconsole.keychain: read \"operator-token\"";
    const QByteArray askedForPublisher = "opsconsole.keychain: read \"publisher-token\"";

    // Help, the version and a mistyped verb never wait on the keychain.
    for (const QStringList &args :
         {QStringList{QStringLiteral("--version")}, QStringList{QStringLiteral("help")},
          QStringList{QStringLiteral("evidence"), QStringLiteral("--help")},
          QStringList{QStringLiteral("no-such-verb")}}) {
        const auto r = cli.run(program, args);
        QVERIFY2(!r.err.contains("opsconsole.keychain"),
                 qPrintable(args.join(u' ') + QLatin1Char('\n') + QString::fromUtf8(r.err)));
    }
    // A verb that loads the deployment asks, once for each token.
    const auto check = cli.run(program, {QStringLiteral("config"), QStringLiteral("check")});
    QVERIFY2(check.exitCode == 0, check.err.constData());
    QCOMPARE(check.err.count(askedForOperator), 1);
    QCOMPARE(check.err.count(askedForPublisher), 1);
    QVERIFY(!check.err.contains(kTokenValue.toUtf8()) && !check.out.contains(kTokenValue.toUtf8()));
    // A token given for the run is not even looked up: the keychain's entry cannot override it.
    cli.set(QStringLiteral("OPSCONSOLE_OPERATOR_TOKEN"), QStringLiteral("from-variable"));
    const auto given = cli.run(program, {QStringLiteral("config"), QStringLiteral("check")});
    QVERIFY2(given.exitCode == 0, given.err.constData());
    QVERIFY2(!given.err.contains(askedForOperator), given.err.constData());
    QCOMPARE(given.err.count(askedForPublisher), 1);
    const auto status = cli.run(program, {QStringLiteral("secret"), QStringLiteral("status")});
    QVERIFY2(status.out.contains("OPSCONSOLE_OPERATOR_TOKEN: OPSCONSOLE_OPERATOR_TOKEN\n"),
             status.out.constData());
    QVERIFY(Keychain::remove(Keychain::kOperatorToken).ok());
}

// A private session bus with its own GNOME Keyring: nothing of the desktop the tests run on.
int main(int argc, char **argv) {
    const int bus = test::startSessionBus();
    if (bus < 0)
        return 1;
    ::unsetenv("OPSCONSOLE_KEYCHAIN");
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    int rc = 0;
    {
        QApplication app(argc, argv);
        TestKeychain t;
        rc = QTest::qExec(&t, argc, argv);
    }
    test::stopSessionBus(bus);
    return rc;
}

#include "tst_keychain.moc"
