#include "UnlockDialog.h"

#include "store/IdentityUnlock.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"

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
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Sign in"));
    m_identity->setObjectName(QStringLiteral("unlockIdentity"));
    m_passphrase->setObjectName(QStringLiteral("unlockPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));

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

void UnlockDialog::identityChanged() {
    const bool encrypted = IdentityUnlock::needsPassphrase(m_identity->currentData().toString());
    m_passphrase->setEnabled(encrypted);
    m_passphrase->setPlaceholderText(encrypted ? QString() : tr("not needed: this dev key is not encrypted"));
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
    auto signer = IdentityUnlock::unlock(m_store, name, passphrase, m_environment);
    if (!signer.ok()) {
        m_error->setText(tr("Cannot sign in as %1: %2").arg(name, signer.error().message));
        m_passphrase->setFocus();
        return;
    }
    m_session->unlockWith(std::move(signer).value());
    accept();
}

QString UnlockDialog::errorText() const {
    return m_error->text();
}

} // namespace ops::ui
