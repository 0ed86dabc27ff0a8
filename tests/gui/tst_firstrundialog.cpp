// The first-run flow, driven as a person on an empty machine would: create a local store and the
// first identity (which the command line then verifies), or quit, mistype, ask for a bad team log
// URL or open the demo; nothing is left behind by what did not complete.
#include "TestSupport.h"

#include "core/Startup.h"
#include "firstrun/FirstRunDialog.h"

#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTest>

using namespace ops;
using namespace ops::ui;

class TestFirstRunDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createsAStoreTheCliVerifies();
    void quitLeavesNothing();
    void mistakesWriteNothing();
    void aFailedCreateTakesBackWhatItMade();
    void passphraseRequiredOutsideDev();
    void joinRefusesWhatIsNotATeamLog();
    void demoOpensItsOwnStore();

private:
    StartupContext context() const;
    QStringList filesUnderHome() const;
    template<typename T> T *child(FirstRunDialog &d, const char *name) {
        auto *w = d.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }

    std::unique_ptr<test::TempDir> m_home;
};

void TestFirstRunDialog::init() {
    m_home = std::make_unique<test::TempDir>();
    QSettings().remove(QStringLiteral("store/url"));
}

StartupContext TestFirstRunDialog::context() const {
    CommonOptions options;
    options.storePath = m_home->file(QStringLiteral("data/opsconsole/evidence.sqlite"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPSCONSOLE_ENV"), QStringLiteral("dev"));
    auto ctx = Startup::prepare(options, env);
    if (!ctx.ok())
        qFatal("%s", qPrintable(ctx.error().toString()));
    return ctx.value();
}

QStringList TestFirstRunDialog::filesUnderHome() const {
    QStringList files;
    QDir dir(m_home->path());
    for (const QFileInfo &f : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        files << f.fileName();
    return files;
}

void TestFirstRunDialog::createsAStoreTheCliVerifies() {
    const StartupContext ctx = context();
    QVERIFY(needsFirstRun(ctx));
    FirstRunDialog dialog(ctx, m_home->file(QStringLiteral("data/opsconsole/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunCreate"), Qt::LeftButton);
    auto *name = child<QLineEdit>(dialog, "firstRunName");
    QTRY_VERIFY(name->isVisible());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alice"));
    QTest::mouseClick(child<QCheckBox>(dialog, "firstRunRole-reviewer"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphrase"), QStringLiteral("correct horse battery"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphraseAgain"),
                     QStringLiteral("correct horse battery"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunCreateConfirm"), Qt::LeftButton);
    auto *done = child<QLabel>(dialog, "firstRunDone");
    QTRY_VERIFY2(done->isVisible(), qPrintable(child<QLabel>(dialog, "firstRunCreateError")->text()));
    QVERIFY2(done->text().contains(QLatin1String("alice")), qPrintable(done->text()));
    const QString trust = child<QPlainTextEdit>(dialog, "firstRunTrustLines")->toPlainText();
    QVERIFY2(trust.startsWith(QLatin1String("trust:\n  admins:\n    - SHA256:")), qPrintable(trust));
    // The passphrase fields are emptied once used.
    QVERIFY(child<QLineEdit>(dialog, "firstRunPassphrase")->text().isEmpty());
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunOpen"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::Local);
    QCOMPARE(dialog.storePath(), ctx.storePath);
    QCOMPARE(dialog.identity(), QStringLiteral("alice"));

    // The command line accepts what the window made: the log verifies, alice is its genesis admin
    // with the roles chosen, her key is encrypted and the pinned fingerprint is hers.
    test::ProgramRunner run(*m_home);
    const auto verify = run.run(QStringLiteral("opsconsole-cli"),
                                {QStringLiteral("evidence"), QStringLiteral("verify"),
                                 QStringLiteral("--signatures"), QStringLiteral("--store"), ctx.storePath});
    QVERIFY2(verify.exitCode == 0, QByteArray(verify.out + verify.err).constData());
    const auto list = run.run(QStringLiteral("opsconsole-cli"),
                              {QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("--json"),
                               QStringLiteral("--store"), ctx.storePath});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray ids = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(ids.size(), 1);
    const QJsonObject alice = ids.first().toObject();
    QCOMPARE(alice.value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
    QVERIFY(alice.value(QStringLiteral("genesis")).toBool());
    const QJsonArray roles = alice.value(QStringLiteral("roles")).toArray();
    for (const char *role : {"admin", "operator", "incident-owner", "release-owner", "reviewer"})
        QVERIFY2(roles.contains(QString::fromLatin1(role)), role);
    QVERIFY(trust.contains(alice.value(QStringLiteral("fingerprint")).toString()));
    QFile key(m_home->file(QStringLiteral("data/opsconsole/keys/alice.pem")));
    QVERIFY2(key.open(QIODevice::ReadOnly), qPrintable(key.fileName()));
    QVERIFY(key.readAll().contains("ENCRYPTED"));
    QVERIFY(!needsFirstRun(ctx));
}

void TestFirstRunDialog::quitLeavesNothing() {
    FirstRunDialog dialog(context(), m_home->file(QStringLiteral("data/opsconsole/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunQuit"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::None);
    QCOMPARE(filesUnderHome(), QStringList());
}

void TestFirstRunDialog::mistakesWriteNothing() {
    FirstRunDialog dialog(context(), m_home->file(QStringLiteral("data/opsconsole/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunCreate"), Qt::LeftButton);
    auto *name = child<QLineEdit>(dialog, "firstRunName");
    auto *error = child<QLabel>(dialog, "firstRunCreateError");
    auto *confirm = child<QPushButton>(dialog, "firstRunCreateConfirm");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Alice Smith"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY2(error->text().contains(QLatin1String("no spaces")), qPrintable(error->text()));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alice"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphrase"), QStringLiteral("correct horse"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphraseAgain"), QStringLiteral("correct hose"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY2(error->text().contains(QLatin1String("differ")), qPrintable(error->text()));
    QCOMPARE(filesUnderHome(), QStringList());
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::None);
}

// The store is made, then saving the key fails (its directory cannot be created: a file stands
// where it would go): the store's files, the directories made for them and any anchor written go
// again; the person reads why and can try once more.
void TestFirstRunDialog::aFailedCreateTakesBackWhatItMade() {
    m_home->write(QStringLiteral("blocked"), "a file where the key directory's parent would be");
    const QString anchors = Startup::stateDirectory() + QStringLiteral("/anchors");
    const QStringList anchorsBefore = QDir(anchors).entryList(QDir::Files);
    FirstRunDialog dialog(context(), m_home->file(QStringLiteral("blocked/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunCreate"), Qt::LeftButton);
    auto *name = child<QLineEdit>(dialog, "firstRunName");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alice"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphrase"), QStringLiteral("correct horse battery"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstRunPassphraseAgain"),
                     QStringLiteral("correct horse battery"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunCreateConfirm"), Qt::LeftButton);
    auto *error = child<QLabel>(dialog, "firstRunCreateError");
    QTRY_VERIFY(!error->text().isEmpty());
    QVERIFY2(error->text().contains(QLatin1String("blocked")), qPrintable(error->text()));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::None);
    QVERIFY(!child<QLabel>(dialog, "firstRunDone")->isVisible());
    QCOMPARE(filesUnderHome(), QStringList{QStringLiteral("blocked")});
    QCOMPARE(QDir(anchors).entryList(QDir::Files), anchorsBefore);
}

void TestFirstRunDialog::passphraseRequiredOutsideDev() {
    StartupContext ctx = context();
    ctx.environment = Environment::Staging;
    FirstRunDialog dialog(ctx, m_home->file(QStringLiteral("data/opsconsole/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QVERIFY2(!child<QCommandLinkButton>(dialog, "firstRunDemo")->isEnabled(), "the demo is dev-only");
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunCreate"), Qt::LeftButton);
    auto *name = child<QLineEdit>(dialog, "firstRunName");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alice"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunCreateConfirm"), Qt::LeftButton);
    const QString error = child<QLabel>(dialog, "firstRunCreateError")->text();
    QVERIFY2(error.contains(QLatin1String("required outside dev")), qPrintable(error));
    QCOMPARE(filesUnderHome(), QStringList());
}

void TestFirstRunDialog::joinRefusesWhatIsNotATeamLog() {
    FirstRunDialog dialog(context(), m_home->file(QStringLiteral("data/opsconsole/keys")),
                          m_home->file(QStringLiteral("data/opsconsole/demo.sqlite")));
    dialog.show();
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunJoin"), Qt::LeftButton);
    auto *url = child<QLineEdit>(dialog, "firstRunUrl");
    auto *error = child<QLabel>(dialog, "firstRunJoinError");
    QTest::keyClicks(url, QStringLiteral("https://db.example.org/opsconsole"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunJoinConfirm"), Qt::LeftButton);
    QVERIFY2(error->text().contains(QLatin1String("postgresql://")), qPrintable(error->text()));
    // A password in the URL is refused (it belongs in ~/.pgpass) and never shown back.
    url->clear();
    QTest::keyClicks(url, QStringLiteral("postgresql://alice:hunter2@/opsconsole?host=") + m_home->path());
    auto *name = child<QLineEdit>(dialog, "firstRunJoinName");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alice"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunJoinConfirm"), Qt::LeftButton);
    QVERIFY2(error->text().contains(QLatin1String("pgpass")), qPrintable(error->text()));
    QVERIFY2(!error->text().contains(QLatin1String("hunter2")), qPrintable(error->text()));
    // A team log nobody listens at: refused, naming the URL; no key is left without its request.
    url->clear();
    QTest::keyClicks(url, QStringLiteral("postgresql:///opsconsole?host=") + m_home->path() +
                              QStringLiteral("&connect_timeout=2"));
    QTest::mouseClick(child<QPushButton>(dialog, "firstRunJoinConfirm"), Qt::LeftButton);
    QVERIFY2(error->text().contains(QLatin1String("Cannot reach the team log")), qPrintable(error->text()));
    QCOMPARE(filesUnderHome(), QStringList());
    QVERIFY(!QSettings().contains(QStringLiteral("store/url")));
}

void TestFirstRunDialog::demoOpensItsOwnStore() {
    const StartupContext ctx = context();
    const QString demo = m_home->file(QStringLiteral("data/opsconsole/demo.sqlite"));
    FirstRunDialog dialog(ctx, m_home->file(QStringLiteral("data/opsconsole/keys")), demo);
    dialog.show();
    QTest::mouseClick(child<QCommandLinkButton>(dialog, "firstRunDemo"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), FirstRunDialog::Choice::Demo);
    QCOMPARE(dialog.storePath(), demo);
    QVERIFY(QFileInfo::exists(demo));
    QVERIFY2(!QFileInfo::exists(ctx.storePath), "the operator's own store is not made by the demo");
    test::ProgramRunner run(*m_home);
    const auto verify =
        run.run(QStringLiteral("opsconsole-cli"),
                {QStringLiteral("evidence"), QStringLiteral("verify"), QStringLiteral("--store"), demo});
    QVERIFY2(verify.exitCode == 0, QByteArray(verify.out + verify.err).constData());
}

QTEST_MAIN(TestFirstRunDialog)
#include "tst_firstrundialog.moc"
