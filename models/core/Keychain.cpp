#include "Keychain.h"

#include "IdentityName.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

namespace ops::Keychain {
namespace {

Q_LOGGING_CATEGORY(lcKeychain, "opsconsole.keychain")

const QString kService = QStringLiteral("opsconsole");

// What a job came back with.
struct Outcome {
    bool answered = false; // false: the timeout passed first
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data; // a read job's value
};

// Starts the job for opsconsole's entry `key` and waits for it in a local event loop. On timeout the
// job is left to finish (and delete itself) on its own; nothing of this frame is touched then.
Outcome runJob(QKeychain::Job *job, const QString &key, std::chrono::milliseconds timeout) {
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    Outcome outcome;
    QEventLoop loop; // the lambdas' captures live as long as this; the job is never disconnected
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        outcome.answered = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (auto *reading = qobject_cast<QKeychain::ReadPasswordJob *>(done);
            reading && outcome.error == QKeychain::NoError)
            outcome.data = reading->binaryData();
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome.answered)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

QString timeoutText(std::chrono::milliseconds timeout) {
    return QStringLiteral("the keychain did not answer within %1 s")
        .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
}

} // namespace

QString passphraseKey(const QString &identity) {
    return QStringLiteral("passphrase:") + identity;
}

bool isValidKey(const QString &key) {
    if (key == kOperatorToken || key == kPublisherToken)
        return true;
    const QString prefix = QStringLiteral("passphrase:");
    return key.startsWith(prefix) && IdentityName::isValid(key.mid(prefix.size()));
}

bool enabled(const QProcessEnvironment &env) {
    const QString setting = env.value(QStringLiteral("OPSCONSOLE_KEYCHAIN")).trimmed().toLower();
    if (setting == QStringLiteral("off") || setting == QStringLiteral("0") || setting == QStringLiteral("no"))
        return false;
    if (!env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).isEmpty())
        return true;
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    return !runtime.isEmpty() && QFileInfo(runtime + QStringLiteral("/bus")).exists();
}

Lookup read(const QString &key, std::chrono::milliseconds timeout) {
    Lookup result;
    if (!QCoreApplication::instance()) {
        result.detail = QStringLiteral("no application object");
        return result;
    }
    Outcome outcome = runJob(new QKeychain::ReadPasswordJob(kService), key, timeout);
    if (!outcome.answered) {
        result.detail = timeoutText(timeout);
        return result;
    }
    QByteArray &data = outcome.data;
    switch (outcome.error) {
    case QKeychain::NoError:
        result.status = data.isEmpty() ? Lookup::Status::Missing : Lookup::Status::Found;
        result.value = Secret(std::exchange(data, QByteArray())); // the one copy, wiped by Secret
        break;
    case QKeychain::EntryNotFound:
        result.status = Lookup::Status::Missing;
        break;
    default:
        result.detail =
            outcome.errorString.isEmpty() ? QStringLiteral("no keychain is available") : outcome.errorString;
        break;
    }
    secureZero(data.data(), static_cast<std::size_t>(data.size()));
    qCDebug(lcKeychain) << "read" << key << static_cast<int>(result.status) << result.detail;
    return result;
}

Result<void> write(const QString &key, const Secret &value, std::chrono::milliseconds timeout) {
    if (!isValidKey(key))
        return makeError(ErrorCode::Usage, QStringLiteral("not a keychain entry of opsconsole: %1").arg(key));
    if (!QCoreApplication::instance())
        return makeError(ErrorCode::Policy, QStringLiteral("the keychain needs an application object"));
    // As text, the way secret-tool, Seahorse and KeePassXC show and take it, so an operator can also
    // keep the value with the desktop's own tools. A value that is not UTF-8 text would come back
    // changed, so it is refused rather than kept wrong.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(value.reveal());
    if (utf8.hasError()) {
        secureZero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the keychain keeps text, and this value is not UTF-8 text; "
                                        "keep it in a file (%1) instead")
                             .arg(key.startsWith(QStringLiteral("passphrase:"))
                                      ? QStringLiteral("--passphrase-file")
                                      : QStringLiteral("NAME_FILE")));
    }
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setTextData(text);
    secureZero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    const Outcome outcome = runJob(job, key, timeout);
    if (!outcome.answered)
        return makeError(ErrorCode::Policy, timeoutText(timeout));
    if (outcome.error != QKeychain::NoError)
        return makeError(ErrorCode::Policy, QStringLiteral("the keychain refused to store %1: %2")
                                                .arg(key, outcome.errorString.isEmpty()
                                                              ? QStringLiteral("no keychain is available")
                                                              : outcome.errorString));
    return {};
}

Result<bool> remove(const QString &key, std::chrono::milliseconds timeout) {
    if (!isValidKey(key))
        return makeError(ErrorCode::Usage, QStringLiteral("not a keychain entry of opsconsole: %1").arg(key));
    const Lookup before = read(key, timeout);
    if (before.status == Lookup::Status::Unavailable)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the keychain is not available: %1").arg(before.detail));
    if (before.status == Lookup::Status::Missing)
        return false;
    const Outcome outcome = runJob(new QKeychain::DeletePasswordJob(kService), key, timeout);
    if (!outcome.answered)
        return makeError(ErrorCode::Policy, timeoutText(timeout));
    if (outcome.error != QKeychain::NoError)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the keychain could not remove %1: %2").arg(key, outcome.errorString));
    return true;
}

Reader reader(const QProcessEnvironment &env) {
    if (!enabled(env))
        return [](const QString &) { return std::optional<Secret>(); };
    return [](const QString &key) -> std::optional<Secret> {
        Lookup found = read(key);
        if (found.status == Lookup::Status::Unavailable)
            qCInfo(lcKeychain) << "keychain not used:" << found.detail;
        if (found.status != Lookup::Status::Found)
            return std::nullopt;
        return std::move(found.value);
    };
}

} // namespace ops::Keychain
