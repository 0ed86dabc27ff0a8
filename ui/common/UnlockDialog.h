#pragma once

#include "core/Environment.h"

#include <QDialog>

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
class UnlockDialog final : public QDialog {
    Q_OBJECT
public:
    UnlockDialog(const EvidenceStore &store, Session *session, Environment environment,
                 const QString &preferred, QWidget *parent = nullptr);

    void tryUnlock();
    QString errorText() const;

private:
    void identityChanged();

    const EvidenceStore &m_store;
    Session *m_session;
    Environment m_environment;
    QComboBox *m_identity;
    QLineEdit *m_passphrase;
    QLabel *m_error;
    QPushButton *m_unlock;
};

} // namespace ops::ui
