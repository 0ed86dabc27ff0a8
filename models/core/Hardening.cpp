#include "Hardening.h"

#include "Secret.h"

#include <QFile>
#include <QFileInfo>

#include <cstdlib>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace ops::Hardening {

void protectProcess() {
    const rlimit none{0, 0};
    (void)::setrlimit(RLIMIT_CORE, &none);
    (void)::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

QProcessEnvironment takeEnvironment() {
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (char *value = std::getenv("OPSCONSOLE_PASSPHRASE")) {
        secureZero(value, std::strlen(value));
        ::unsetenv("OPSCONSOLE_PASSPHRASE");
    }
    return env;
}

Result<QProcessEnvironment> secretsFromFiles(QProcessEnvironment env, QStringList *sources) {
    constexpr qint64 kMaxSecretBytes = 64 * 1024;
    const auto readSecret = [](const QString &path, bool private_,
                               const QString &what) -> Result<QByteArray> {
        QFile f(path);
        const QFileInfo info(path);
        if (!info.isFile() || !f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Policy, QStringLiteral("%1: cannot read %2").arg(what, path), path);
        if (private_ && (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("%1: %2 may be read by its group or others; chmod 600 it").arg(what, path),
                path);
        if (f.size() > kMaxSecretBytes)
            return makeError(ErrorCode::Policy,
                             QStringLiteral("%1: %2 is larger than 64 KiB").arg(what, path), path);
        QByteArray value = f.read(kMaxSecretBytes + 1);
        if (value.endsWith('\n'))
            value.chop(1);
        if (value.endsWith('\r'))
            value.chop(1);
        return value;
    };
    const QString credentials = env.value(QStringLiteral("CREDENTIALS_DIRECTORY"));
    for (const char *name :
         {"OPSCONSOLE_OPERATOR_TOKEN", "OPSCONSOLE_PUBLISHER_TOKEN", "OPSCONSOLE_PASSPHRASE"}) {
        const QString var = QString::fromLatin1(name);
        const QString fileVar = var + QStringLiteral("_FILE");
        Result<QByteArray> value = QByteArray();
        bool found = false;
        QString source;
        if (const QString path = env.value(fileVar); !path.isEmpty()) {
            value = readSecret(path, true, fileVar);
            found = true;
            source = fileVar;
        } else if (!credentials.isEmpty()) {
            const QString credential =
                credentials + QLatin1Char('/') + var.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
            if (QFileInfo::exists(credential)) {
                // systemd keeps the credentials directory private to the service.
                value = readSecret(credential, false,
                                   QStringLiteral("the credential %1").arg(QFileInfo(credential).fileName()));
                found = true;
                source = QStringLiteral("the credential %1").arg(QFileInfo(credential).fileName());
            }
        }
        if (!value.ok())
            return value.error();
        if (found) {
            QByteArray &bytes = value.value();
            env.insert(var, QString::fromUtf8(bytes));
            secureZero(bytes.data(), static_cast<std::size_t>(bytes.size()));
        } else if (env.contains(var) && !env.value(var).isEmpty()) {
            source = var;
        }
        if (sources && !source.isEmpty())
            sources->append(var + QStringLiteral(": ") + source);
    }
    return env;
}

QProcessEnvironment tokensFromKeychain(QProcessEnvironment env, const Keychain::Reader &keychain,
                                       QStringList *sources) {
    if (!keychain)
        return env;
    const std::pair<const char *, QString> tokens[] = {
        {OperatorSecrets::kOperatorTokenVariable, Keychain::kOperatorToken},
        {OperatorSecrets::kPublisherTokenVariable, Keychain::kPublisherToken}};
    for (const auto &[name, key] : tokens) {
        const QString var = QString::fromLatin1(name);
        if (!env.value(var).isEmpty())
            continue; // given for this run: a file, a credential or the variable
        if (std::optional<Secret> kept = keychain(key)) {
            env.insert(var, QString::fromUtf8(kept->reveal()));
            if (sources)
                sources->append(var + QStringLiteral(": the keychain (%1)").arg(key));
        }
    }
    return env;
}

Result<QProcessEnvironment> resolveSecrets(const QProcessEnvironment &env, const Keychain::Reader &keychain,
                                           QStringList *sources) {
    auto explicitly = secretsFromFiles(env, sources);
    if (!explicitly.ok())
        return explicitly.error();
    return tokensFromKeychain(std::move(explicitly).value(), keychain, sources);
}

} // namespace ops::Hardening
