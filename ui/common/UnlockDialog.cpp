#include "UnlockDialog.h"

#include "Colours.h"

#include "core/Keychain.h"
#include "store/IdentityUnlock.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops::ui {

UnlockDialog::UnlockDialog(const EvidenceStore &store, Session *session, Environment environment,
                           const QString &preferred, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_session(session)
    , m_environment(environment)
    , m_identity(new QComboBox(this))
    , m_passphrase(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the passphrase in the keychain"), this))
    , m_keychain(Keychain::enabled(QProcessEnvironment::systemEnvironment()))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Sign in"));
    m_identity->setObjectName(QStringLiteral("unlockIdentity"));
    m_passphrase->setObjectName(QStringLiteral("unlockPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }").arg(colours::onBase(colours::kRed, palette()).name()));

    if (auto ids = store.identities(); ids.ok())
        for (const Identity &i : ids.value())
            m_identity->addItem(tr("%1 (%2)").arg(i.name, i.roles.join(QStringLiteral(", "))), i.name);
    if (const int at = m_identity->findData(preferred); at >= 0)
        m_identity->setCurrentIndex(at);

    auto *intro =
        new QLabel(tr("What you do in the console is recorded as evidence signed with your key."), this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Identity:"), m_identity);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_remember->setObjectName(QStringLiteral("unlockRemember"));
    m_remember->setToolTip(tr("Kept by the desktop's keychain, which unlocks with your session; anyone "
                              "at this unlocked session can then sign in as you with one click."));
    m_remember->setVisible(m_keychain);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_unlock = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockDialog::tryUnlock);
    connect(m_identity, &QComboBox::currentIndexChanged, this, &UnlockDialog::identityChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    identityChanged();
    if (m_identity->count() == 0) {
        m_error->setText(tr("This store has no identities yet: create one with opsconsole-cli init."));
        m_unlock->setEnabled(false);
    }
}

bool UnlockDialog::keychainHoldsPassphrase() {
    const QString name = m_identity->currentData().toString();
    if (!m_keychain || name.isEmpty())
        return false;
    // Asked once per identity while the dialog is open: choosing in the list never waits on D-Bus again.
    if (const auto known = m_keptFor.constFind(name); known != m_keptFor.constEnd())
        return known.value();
    const bool kept = Keychain::read(Keychain::passphraseKey(name)).status == Keychain::Lookup::Status::Found;
    m_keptFor.insert(name, kept);
    return kept;
}

void UnlockDialog::identityChanged() {
    const bool encrypted = IdentityUnlock::needsPassphrase(m_identity->currentData().toString());
    m_kept = encrypted && keychainHoldsPassphrase();
    m_passphrase->setEnabled(encrypted);
    m_passphrase->setPlaceholderText(!encrypted ? tr("not needed: this dev key is not encrypted")
                                     : m_kept   ? tr("kept in the keychain: leave empty and sign in")
                                                : QString());
    m_remember->setEnabled(encrypted && !m_kept);
    m_remember->setChecked(false);
    m_error->clear();
}

void UnlockDialog::tryUnlock() {
    const QString name = m_identity->currentData().toString();
    if (name.isEmpty())
        return;
    QByteArray typed = m_passphrase->text().toUtf8();
    Secret passphrase(typed);
    secureZero(typed.data(), static_cast<std::size_t>(typed.size()));
    m_passphrase->clear();
    const bool fromKeychain = !passphrase.isSet() && m_kept;
    if (fromKeychain) {
        Keychain::Lookup kept = Keychain::read(Keychain::passphraseKey(name));
        if (kept.status != Keychain::Lookup::Status::Found) {
            m_error->setText(tr("The keychain no longer holds the passphrase of %1: type it.").arg(name));
            m_kept = false;
            m_keptFor.insert(name, false);
            m_passphrase->setPlaceholderText(QString());
            m_passphrase->setFocus();
            return;
        }
        passphrase = std::move(kept.value);
    }
    auto signer = IdentityUnlock::unlock(m_store, name, passphrase, m_environment);
    if (!signer.ok()) {
        // The reason as it is: a kept passphrase that no longer opens the key, or an identity that
        // may not sign in at all (not approved, revoked), which no passphrase changes.
        m_error->setText(fromKeychain
                             ? tr("Signing in as %1 with the passphrase kept in the keychain failed: %2. "
                                  "Type the passphrase.")
                                   .arg(name, signer.error().message)
                             : tr("Cannot sign in as %1: %2").arg(name, signer.error().message));
        m_passphrase->setFocus();
        return;
    }
    if (m_remember->isChecked() && passphrase.isSet()) {
        // Signed in either way; a keychain that refuses only costs the convenience.
        if (auto stored = Keychain::write(Keychain::passphraseKey(name), passphrase); !stored.ok())
            m_keychainWarning =
                tr("The keychain did not keep the passphrase: %1").arg(stored.error().message);
    }
    m_session->unlockWith(std::move(signer).value());
    accept();
}

QString UnlockDialog::keychainWarning() const {
    return m_keychainWarning;
}

QString UnlockDialog::errorText() const {
    return m_error->text();
}

} // namespace ops::ui
