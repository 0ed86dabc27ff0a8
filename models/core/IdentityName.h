#pragma once

#include <QRegularExpression>
#include <QString>

namespace ops::IdentityName {

// An identity's name, the one rule of the registry, the key files and the keychain entries: ASCII
// letters, digits, '.', '_', '@' and '-', starting with a letter or digit, at most 64 characters
// (no '/', no leading '.', nothing a shell or a path would read differently).
inline bool isValid(const QString &name) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}\\z"));
    return kName.match(name).hasMatch();
}

} // namespace ops::IdentityName
