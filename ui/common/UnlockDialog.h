#pragma once

#include "core/Environment.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {
class Session;
class EvidenceStore;
} // namespace ops

namespace ops::ui {

// Signs an identity in to the console: pick the identity, type its passphrase. A wrong
// passphrase keeps the dialog open with the reason; the typed text is cleared either way.
// With a keychain (the desktop's Secret Service), the passphrase can be remembered there, and one
// kept there signs in with the field left empty: still a deliberate click, so locking the console
// keeps its meaning.
class UnlockDialog final : public QDialog {
    Q_OBJECT
public:
    UnlockDialog(const EvidenceStore &store, Session *session, Environment environment,
                 const QString &preferred, QWidget *parent = nullptr);

    void tryUnlock();
    QString errorText() const;
    // Set when "Remember" was ticked and the keychain refused; the sign-in itself succeeded.
    QString keychainWarning() const;

private:
    void identityChanged();
    bool keychainHoldsPassphrase();

    const EvidenceStore &m_store;
    Session *m_session;
    Environment m_environment;
    QComboBox *m_identity;
    QLineEdit *m_passphrase;
    QCheckBox *m_remember;
    bool m_keychain = false;
    bool m_kept = false; // the keychain holds the selected identity's passphrase
    QHash<QString, bool> m_keptFor;
    QString m_keychainWarning;
    QLabel *m_error;
    QPushButton *m_unlock;
};

} // namespace ops::ui
