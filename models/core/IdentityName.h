#pragma once

#include <QRegularExpression>
#include <QString>

namespace ops::IdentityName {

// An identity's name: lower-case letters, digits, '.', '_' and '-', starting with a letter or
// digit, at most 64 characters. It names key files and keychain entries, so nothing else passes.
inline bool isValid(const QString &name) {
    static const QRegularExpression kName(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return kName.match(name).hasMatch();
}

} // namespace ops::IdentityName
