#pragma once

#include "Command.h"

namespace ops::cli {

// secret status|set|clear: the console's secrets in the OS keychain, so that a console started from
// the desktop menu, or a monitor in the user's session, finds its tokens and passphrase without
// files or variables. Values are read from a terminal prompt or a file, never from an argument,
// and never printed.
class SecretCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("secret"); }
    QString summary() const override {
        return QStringLiteral("keep tokens and passphrases in the OS keychain");
    }
    QStringList usage() const override {
        return {QStringLiteral("secret status [--json]"),
                QStringLiteral(
                    "secret set operator-token|publisher-token|passphrase:NAME [--from FILE|-] [--json]"),
                QStringLiteral("secret clear operator-token|publisher-token|passphrase:NAME [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Keep the operator token, the publisher token and identities' passphrases in the OS keychain "
            "(the Secret Service of the desktop session: GNOME Keyring, KWallet, KeePassXC). Both programs "
            "look for each secret in this order: the keychain, the NAME_FILE variable, the systemd "
            "credential, the variable itself; a passphrase given with --passphrase-file comes first.\n\n"
            "status shows where each secret would come from, never its value. set stores a value read "
            "from the terminal (asked twice) or from --from FILE (- for standard input, first line); a "
            "passphrase is stored only when it opens that identity's key. clear removes an entry. "
            "OPSCONSOLE_KEYCHAIN=off keeps both programs away from the keychain.");
    }
    QStringList examples() const override {
        return {QStringLiteral("secret set operator-token"),
                QStringLiteral("secret set passphrase:alice --from -  < passphrase.txt"),
                QStringLiteral("secret status --json"), QStringLiteral("secret clear publisher-token")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("4  no keychain is available, or it refused the request"),
                QStringLiteral("3  the passphrase does not open the identity's key")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
