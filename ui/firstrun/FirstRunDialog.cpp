#include "FirstRunDialog.h"

#include "core/Keychain.h"

#include "store/Bootstrap.h"
#include "store/OpenStore.h"
#include "store/SqliteEvidenceStore.h"
#include "store/pg/Pg.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ops::ui {

namespace {

enum Page { ChoicePage = 0, CreatePage, JoinPage, DonePage };

// What a failed first run may take back: only what it made itself. The store's files, the files
// that appeared in the directories it writes to (keys, this user's anchors, the store's own), and
// each of those directories (and their parents) that it had to create.
class Undo {
public:
    Undo(const QString &store, const QStringList &directories) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal"), QStringLiteral(".checkpoint")})
            if (!QFileInfo::exists(store + suffix))
                m_files << store + suffix;
        QStringList watched = directories;
        watched << QFileInfo(store).absolutePath();
        for (const QString &d : std::as_const(watched)) {
            const QString dir = QDir::cleanPath(QFileInfo(d).absoluteFilePath());
            for (QString p = dir; !QFileInfo::exists(p) && p != QFileInfo(p).path(); p = QFileInfo(p).path())
                m_createdDirectories << p;
            m_entriesBefore.insert(dir, entries(dir));
        }
    }
    void run() const {
        for (const QString &f : m_files)
            QFile::remove(f);
        for (auto it = m_entriesBefore.cbegin(); it != m_entriesBefore.cend(); ++it)
            for (const QString &name : entries(it.key()))
                if (!it.value().contains(name))
                    QFile::remove(it.key() + QLatin1Char('/') + name);
        QStringList deepestFirst = m_createdDirectories;
        std::sort(deepestFirst.begin(), deepestFirst.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &d : std::as_const(deepestFirst))
            QDir().rmdir(d); // only when empty: nothing the run did not make is removed
    }

private:
    static QStringList entries(const QString &dir) {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    }
    QStringList m_files;
    QStringList m_createdDirectories;
    QHash<QString, QStringList> m_entriesBefore;
};

// A path as a person reads it: the home directory as ~.
QString shown(const QString &path) {
    const QString home = QDir::homePath();
    const QString native =
        path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size()) : path;
    return QDir::toNativeSeparators(native);
}

QString defaultName() {
    QString user = qEnvironmentVariable("USER").toLower();
    user.remove(QRegularExpression(QStringLiteral("[^a-z0-9._-]")));
    return Bootstrap::isValidName(user) ? user : QString();
}

QLabel *wrapped(const QString &text, QWidget *parent, const QString &objectName = {}) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

QLabel *errorLabel(QWidget *parent, const QString &objectName) {
    auto *label = wrapped(QString(), parent, objectName);
    label->setProperty("role", QStringLiteral("error"));
    label->setAccessibleName(QObject::tr("Problem"));
    return label;
}

} // namespace

bool needsFirstRun(const StartupContext &context) {
    return !pg::isPostgresUrl(context.storePath) && !QFileInfo::exists(context.storePath);
}

FirstRunDialog::FirstRunDialog(const StartupContext &context, QString keyDirectory, QString demoStorePath,
                               QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_keyDirectory(std::move(keyDirectory))
    , m_demoStorePath(std::move(demoStorePath)) {
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to opsconsole"));
    setMinimumWidth(620);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildChoicePage());
    m_pages->addWidget(buildCreatePage());
    m_pages->addWidget(buildJoinPage());
    m_pages->addWidget(buildDonePage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
}

QWidget *FirstRunDialog::buildChoicePage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(tr("Welcome to opsconsole"), page);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    layout->addWidget(
        wrapped(tr("There is no evidence store on this machine yet. Every action in the console "
                   "is recorded as signed evidence, so it starts with a store and an identity "
                   "that signs. Choose how to begin:"),
                page));
    auto *create = new QCommandLinkButton(
        tr("Create a local store"),
        tr("A new evidence log at %1, and your first identity: its admin, with a signing key kept in %2 "
           "and protected by a passphrase.")
            .arg(shown(m_context.storePath), shown(m_keyDirectory)),
        page);
    create->setObjectName(QStringLiteral("firstRunCreate"));
    auto *join = new QCommandLinkButton(
        tr("Join a team log"),
        tr("Connect to your team's evidence log on PostgreSQL and request approval for your identity; an "
           "admin of the team approves it."),
        page);
    join->setObjectName(QStringLiteral("firstRunJoin"));
    const bool dev = m_context.environment == Environment::Dev;
    auto *demo = new QCommandLinkButton(
        tr("Open the demo"),
        dev ? tr("A separate demo store (%1) with an unencrypted demo identity and the built-in demo config. "
                 "Your own store is not touched.")
                  .arg(shown(m_demoStorePath))
            : tr("Only in the dev environment: this console runs in %1.")
                  .arg(environmentName(m_context.environment)),
        page);
    demo->setObjectName(QStringLiteral("firstRunDemo"));
    demo->setEnabled(dev);
    layout->addWidget(create);
    layout->addWidget(join);
    layout->addWidget(demo);
    m_choiceError = errorLabel(page, QStringLiteral("firstRunChoiceError"));
    layout->addWidget(m_choiceError);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *quit = new QPushButton(tr("Quit"), page);
    quit->setObjectName(QStringLiteral("firstRunQuit"));
    quit->setToolTip(tr("Leave without creating anything"));
    buttons->addWidget(quit);
    layout->addLayout(buttons);
    connect(create, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(CreatePage); });
    connect(join, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(JoinPage); });
    connect(demo, &QPushButton::clicked, this, &FirstRunDialog::openDemo);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    return page;
}

FirstRunDialog::IdentityForm FirstRunDialog::addIdentityRows(QWidget *page, QFormLayout *form,
                                                             const QString &prefix,
                                                             const QStringList &checked) {
    IdentityForm f;
    f.name = new QLineEdit(defaultName(), page);
    f.name->setObjectName(prefix + QStringLiteral("Name"));
    f.name->setPlaceholderText(tr("e.g. alice"));
    form->addRow(tr("Your identity:"), f.name);
    auto *row = new QWidget(page);
    auto *grid = new QHBoxLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    for (const QString &role :
         {QStringLiteral("operator"), QStringLiteral("incident-owner"), QStringLiteral("release-owner"),
          QStringLiteral("reviewer"), QStringLiteral("analyst")}) {
        auto *box = new QCheckBox(role, row);
        box->setObjectName(prefix + QStringLiteral("Role-") + role);
        box->setChecked(checked.contains(role));
        grid->addWidget(box);
        f.roles << box;
    }
    grid->addStretch(1);
    form->addRow(tr("Roles:"), row);
    for (auto [field, suffix, label] : {std::tuple{&f.passphrase, "Passphrase", tr("Passphrase:")},
                                        {&f.again, "PassphraseAgain", tr("Passphrase again:")}}) {
        *field = new QLineEdit(page);
        (*field)->setEchoMode(QLineEdit::Password);
        (*field)->setObjectName(prefix + QLatin1String(suffix));
        form->addRow(label, *field);
    }
    f.remember = new QCheckBox(tr("&Remember the passphrase in the keychain"), page);
    f.remember->setObjectName(prefix + QStringLiteral("Remember"));
    f.remember->setToolTip(tr("Kept by the desktop's keychain, which unlocks with your session: signing "
                              "in is then one click. Leave it off on a shared account."));
    f.remember->setVisible(Keychain::enabled(QProcessEnvironment::systemEnvironment()));
    form->addRow(QString(), f.remember);
    return f;
}

QString FirstRunDialog::rememberPassphrase(const IdentityForm &form, const QString &name,
                                           const Secret &passphrase) const {
    if (form.remember->isHidden() || !form.remember->isChecked() || !passphrase.isSet())
        return {};
    // The identity exists either way; a keychain that refuses only costs the convenience.
    if (auto kept = Keychain::write(Keychain::passphraseKey(name), passphrase); !kept.ok())
        return tr("The keychain did not keep the passphrase: %1").arg(kept.error().message);
    return {};
}

QStringList FirstRunDialog::IdentityForm::chosenRoles() const {
    QStringList chosen;
    for (const QCheckBox *box : roles)
        if (box->isChecked())
            chosen << box->text();
    return chosen;
}

void FirstRunDialog::IdentityForm::clearPassphrases() const {
    passphrase->clear();
    again->clear();
}

QWidget *FirstRunDialog::buildCreatePage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrapped(
        tr("<b>Create a local store</b><br>This creates the evidence store <tt>%1</tt> (readable by you "
           "only) and your identity, the store's first admin, with an Ed25519 signing key in <tt>%2</tt>. "
           "The passphrase encrypts the key; it is never stored.")
            .arg(shown(m_context.storePath).toHtmlEscaped(), shown(m_keyDirectory).toHtmlEscaped()),
        page));
    auto *form = new QFormLayout;
    m_create = addIdentityRows(
        page, form, QStringLiteral("firstRun"),
        {QStringLiteral("operator"), QStringLiteral("incident-owner"), QStringLiteral("release-owner")});
    layout->addLayout(form);
    layout->addWidget(wrapped(tr("Admin is added to your roles: the first identity approves the others. "
                                 "Keep a copy of the key file and the passphrase apart."),
                              page));
    m_create.error = errorLabel(page, QStringLiteral("firstRunCreateError"));
    layout->addWidget(m_create.error);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back"), page);
    buttons->addWidget(back);
    buttons->addStretch(1);
    auto *create = new QPushButton(tr("Create store and identity"), page);
    create->setObjectName(QStringLiteral("firstRunCreateConfirm"));
    create->setDefault(true);
    buttons->addWidget(create);
    layout->addLayout(buttons);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(ChoicePage); });
    connect(create, &QPushButton::clicked, this, &FirstRunDialog::createLocal);
    return page;
}

QWidget *FirstRunDialog::buildJoinPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrapped(
        tr("<b>Join a team log</b><br>The console connects to the team's evidence log and records a request "
           "for your identity, signed by its new key (kept in <tt>%1</tt>). You can act once an admin of "
           "the team approves it. The URL is remembered for the next start; outside dev it must use "
           "<tt>sslmode=verify-full</tt>.")
            .arg(shown(m_keyDirectory).toHtmlEscaped()),
        page));
    auto *form = new QFormLayout;
    m_joinUrl = new QLineEdit(page);
    m_joinUrl->setObjectName(QStringLiteral("firstRunUrl"));
    m_joinUrl->setPlaceholderText(
        QStringLiteral("postgresql://db.example.org/opsconsole?sslmode=verify-full"));
    form->addRow(tr("Team log URL:"), m_joinUrl);
    m_join = addIdentityRows(page, form, QStringLiteral("firstRunJoin"), {QStringLiteral("operator")});
    layout->addLayout(form);
    m_join.error = errorLabel(page, QStringLiteral("firstRunJoinError"));
    layout->addWidget(m_join.error);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back"), page);
    buttons->addWidget(back);
    buttons->addStretch(1);
    auto *join = new QPushButton(tr("Request approval"), page);
    join->setObjectName(QStringLiteral("firstRunJoinConfirm"));
    join->setDefault(true);
    buttons->addWidget(join);
    layout->addLayout(buttons);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(ChoicePage); });
    connect(join, &QPushButton::clicked, this, &FirstRunDialog::joinTeamLog);
    return page;
}

QWidget *FirstRunDialog::buildDonePage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_doneHeadline = new QLabel(page);
    m_doneHeadline->setObjectName(QStringLiteral("firstRunDone"));
    QFont f = m_doneHeadline->font();
    f.setBold(true);
    m_doneHeadline->setFont(f);
    m_doneHeadline->setWordWrap(true);
    layout->addWidget(m_doneHeadline);
    m_doneDetails = wrapped(QString(), page, QStringLiteral("firstRunDoneDetails"));
    layout->addWidget(m_doneDetails);
    m_doneCopy = new QPlainTextEdit(page);
    m_doneCopy->setObjectName(QStringLiteral("firstRunTrustLines"));
    m_doneCopy->setReadOnly(true);
    m_doneCopy->setMaximumHeight(110);
    layout->addWidget(m_doneCopy);
    m_copyButton = new QPushButton(tr("Copy"), page);
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_doneCopy->toPlainText()); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addStretch(1);
    auto *open = new QPushButton(tr("Open the console"), page);
    open->setObjectName(QStringLiteral("firstRunOpen"));
    open->setDefault(true);
    buttons->addWidget(open);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, &QDialog::accept);
    return page;
}

QString FirstRunDialog::checkIdentityFields(const IdentityForm &form) const {
    const QString name = form.name->text().trimmed();
    const QString passphrase = form.passphrase->text();
    const QString again = form.again->text();
    if (!Bootstrap::isValidName(name))
        return tr(
            "The identity needs a name of letters, digits, '.', '_', '@' or '-' that starts with a letter "
            "or digit (at most 64 characters, no spaces).");
    if (passphrase != again)
        return tr("The two passphrases differ.");
    if (passphrase.isEmpty() && m_context.environment != Environment::Dev)
        return tr("A passphrase is required outside dev: the key must not lie on disk unencrypted.");
    if (!passphrase.isEmpty() && passphrase.size() < 8)
        return tr("Use a passphrase of at least 8 characters.");
    return {};
}

void FirstRunDialog::createLocal() {
    const QString name = m_create.name->text().trimmed();
    if (const QString problem = checkIdentityFields(m_create); !problem.isEmpty()) {
        m_create.error->setText(problem);
        return;
    }
    const QString path = m_context.storePath;
    StoreOpenOptions options = deploymentStoreOptions(m_context.config);
    const Undo undo(path, {m_keyDirectory, options.anchorDirectory + QStringLiteral("/anchors")});
    options.create = true;
    Result<Identity> made = makeError(ErrorCode::Store, QString());
    {
        auto store = SqliteEvidenceStore::open(path, options);
        if (!store.ok()) {
            undo.run();
            m_create.error->setText(store.error().toString());
            return;
        }
        made = Bootstrap::initStore(*store.value(), m_keyDirectory, name, m_create.chosenRoles(),
                                    Secret(m_create.passphrase->text().toUtf8()));
    }
    const bool encrypted = !m_create.passphrase->text().isEmpty();
    const Secret passphrase(m_create.passphrase->text().toUtf8());
    m_create.clearPassphrases();
    if (!made.ok()) {
        undo.run();
        m_create.error->setText(made.error().toString());
        return;
    }
    m_keychainWarning = rememberPassphrase(m_create, made->name, passphrase);
    m_choice = Choice::Local;
    m_storePath = path;
    m_identity = made->name;
    showDone(tr("Created the store and your identity %1.").arg(made->name),
             tr("Store: %1\nKey: %2 (%3)\nRoles: %4\n\nPin this admin key in the deployment config: outside "
                "dev the console refuses to start without it. Paste these lines into config.yaml:")
                 .arg(shown(path), made->fingerprint,
                      encrypted ? tr("encrypted") : tr("unencrypted, dev only"),
                      made->roles.join(QStringLiteral(", "))),
             Bootstrap::trustLines(made->fingerprint));
}

void FirstRunDialog::joinTeamLog() {
    const QString url = m_joinUrl->text().trimmed();
    const QString name = m_join.name->text().trimmed();
    if (!pg::isPostgresUrl(url)) {
        m_join.error->setText(tr("The team log is a postgresql:// URL."));
        return;
    }
    if (auto allowed = Startup::checkTeamLogUrl(url, m_context.environment); !allowed.ok()) {
        m_join.error->setText(allowed.error().message);
        return;
    }
    if (const QString problem = checkIdentityFields(m_join); !problem.isEmpty()) {
        m_join.error->setText(problem);
        return;
    }
    const QStringList roles = m_join.chosenRoles();
    if (roles.isEmpty()) {
        m_join.error->setText(tr("Choose the roles to request."));
        return;
    }
    StoreOpenOptions options = deploymentStoreOptions(m_context.config);
    auto store = openEvidenceStore(url, options, m_context.config.storeAppRole);
    if (!store.ok()) {
        m_join.error->setText(
            tr("Cannot reach the team log %1: %2").arg(pg::redactedUrl(url), store.error().message));
        return;
    }
    const Secret passphrase(m_join.passphrase->text().toUtf8());
    auto made = Bootstrap::createIdentity(*store.value(), m_keyDirectory, name, roles, passphrase);
    m_join.clearPassphrases();
    if (!made.ok()) {
        m_join.error->setText(made.error().toString());
        return;
    }
    m_keychainWarning = rememberPassphrase(m_join, made->name, passphrase);
    QSettings().setValue(QStringLiteral("store/url"), url);
    m_choice = Choice::TeamLog;
    m_storePath = url;
    m_identity = made->name;
    showDone(
        tr("Requested approval for %1 on the team log.").arg(made->name),
        tr("Team log: %1\nKey: %2\nRoles requested: %3\n\nAn admin approves it in the console or with the "
           "command below; until then you can read the log but not act.")
            .arg(pg::redactedUrl(url), made->fingerprint, roles.join(QStringLiteral(", "))),
        QStringLiteral("opsconsole-cli identity approve %1 --store %2\n").arg(name, pg::redactedUrl(url)));
}

void FirstRunDialog::openDemo() {
    if (m_context.environment != Environment::Dev)
        return;
    const QString path = m_demoStorePath;
    if (!QFileInfo::exists(path)) {
        StoreOpenOptions options = deploymentStoreOptions(m_context.config);
        const Undo undo(path, {m_keyDirectory, options.anchorDirectory + QStringLiteral("/anchors")});
        options.create = true;
        Result<Identity> made = makeError(ErrorCode::Store, QString());
        {
            auto store = SqliteEvidenceStore::open(path, options); // closed before the console opens it
            made = store.ok()
                       ? Bootstrap::initStore(*store.value(), m_keyDirectory, QStringLiteral("demo"),
                                              {QStringLiteral("operator"), QStringLiteral("incident-owner"),
                                               QStringLiteral("release-owner"), QStringLiteral("reviewer")},
                                              Secret())
                       : Result<Identity>(store.error());
        }
        if (!made.ok()) {
            undo.run();
            m_choiceError->setText(made.error().toString());
            return;
        }
    }
    m_choice = Choice::Demo;
    m_storePath = path;
    m_identity = QStringLiteral("demo");
    accept();
}

void FirstRunDialog::showDone(const QString &headline, const QString &details, const QString &copyText) {
    m_doneHeadline->setText(headline);
    m_doneDetails->setText(
        m_keychainWarning.isEmpty() ? details : details + QStringLiteral("\n\n") + m_keychainWarning);
    m_doneCopy->setPlainText(copyText);
    m_pages->setCurrentIndex(DonePage);
}

} // namespace ops::ui
