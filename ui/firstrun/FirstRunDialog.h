#pragma once

#include "core/Secret.h"
#include "core/Startup.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace ops::ui {

// The first start on a machine with no evidence store: create a local store and its first (admin)
// identity, join a team log (the URL, and the identity to request approval for), or open the demo.
// Each page says what it creates and where; nothing is written before its button is pressed, and
// a step that fails takes back what it wrote.
class FirstRunDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Choice { None, Local, TeamLog, Demo };

    // keyDirectory: where identities' keys are kept; demoStorePath: the demo's own store.
    FirstRunDialog(const StartupContext &context, QString keyDirectory, QString demoStorePath,
                   QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // What the console opens next: the local file, the team log's URL or the demo store.
    QString storePath() const { return m_storePath; }
    // The identity made here, to sign in as.
    QString identity() const { return m_identity; }
    // Why the keychain did not keep the passphrase when asked to ("" when it did, or was not asked).
    QString keychainWarning() const { return m_keychainWarning; }

private:
    QWidget *buildChoicePage();
    QWidget *buildCreatePage();
    QWidget *buildJoinPage();
    QWidget *buildDonePage();
    void createLocal();
    void joinTeamLog();
    void openDemo();
    void showDone(const QString &headline, const QString &details, const QString &copyText);
    // The rows both the create and the join page ask for: name, roles, passphrase twice.
    struct IdentityForm {
        QLineEdit *name = nullptr;
        QList<QCheckBox *> roles;
        QLineEdit *passphrase = nullptr;
        QLineEdit *again = nullptr;
        QCheckBox *remember = nullptr; // shown when a keychain is there
        QLabel *error = nullptr;
        QStringList chosenRoles() const;
        void clearPassphrases() const;
    };
    // Adds them to form, named PREFIXName, PREFIXRole-ROLE, PREFIXPassphrase, PREFIXPassphraseAgain
    // and PREFIXRemember.
    IdentityForm addIdentityRows(QWidget *page, QFormLayout *form, const QString &prefix,
                                 const QStringList &checked);
    // Keeps the passphrase in the keychain when asked to; a warning when the keychain refused.
    QString rememberPassphrase(const IdentityForm &form, const QString &name, const Secret &passphrase) const;
    // The name and passphrases checked; an empty string when they are acceptable.
    QString checkIdentityFields(const IdentityForm &form) const;

    StartupContext m_context;
    QString m_keyDirectory;
    QString m_demoStorePath;
    Choice m_choice = Choice::None;
    QString m_storePath;
    QString m_identity;
    QString m_keychainWarning;

    QStackedWidget *m_pages = nullptr;
    IdentityForm m_create;
    QLineEdit *m_joinUrl = nullptr;
    IdentityForm m_join;
    QLabel *m_choiceError = nullptr;
    QLabel *m_doneHeadline = nullptr;
    QLabel *m_doneDetails = nullptr;
    QPlainTextEdit *m_doneCopy = nullptr;
    QPushButton *m_copyButton = nullptr;
};

// The first-run flow applies when the console would open a local store file that does not exist.
bool needsFirstRun(const StartupContext &context);

} // namespace ops::ui
