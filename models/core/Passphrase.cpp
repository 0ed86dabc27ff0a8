#include "Passphrase.h"

#include "FileUtil.h"

namespace ops::Passphrase {

Result<Secret> obtain(const QString &file, const QProcessEnvironment &env, const Prompt &prompt,
                      const QString &question, const Keychain::Reader &keychain, const QString &identity) {
    if (!file.isEmpty()) {
        auto content = FileUtil::readAll(file, 4096);
        if (!content.ok())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read the passphrase file"),
                             file);
        QByteArray bytes = content.value();
        const qsizetype nl = bytes.indexOf('\n');
        Secret s(nl >= 0 ? bytes.left(nl) : bytes);
        secureZero(bytes.data(), static_cast<std::size_t>(bytes.size()));
        QByteArray &c = content.value();
        secureZero(c.data(), static_cast<std::size_t>(c.size()));
        if (s.reveal().endsWith('\r'))
            s = Secret(s.reveal().chopped(1));
        return s;
    }
    const QString var = QStringLiteral("OPSCONSOLE_PASSPHRASE");
    if (env.contains(var) && !env.value(var).isEmpty())
        return Secret(env.value(var).toUtf8());
    if (keychain && !identity.isEmpty())
        if (std::optional<Secret> kept = keychain(Keychain::passphraseKey(identity)))
            return std::move(*kept);
    if (prompt)
        if (auto s = prompt(question))
            return std::move(*s);
    return Secret();
}

} // namespace ops::Passphrase
