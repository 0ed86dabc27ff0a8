#include "Keychain.h"

#include "IdentityName.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace ops::Keychain {
namespace {

Q_LOGGING_CATEGORY(lcKeychain, "opsconsole.keychain")

const QString kService = QStringLiteral("opsconsole");

// Starts the job and waits for it in a local event loop. Returns false on timeout; the job is then
// left to finish (and delete itself) on its own.
bool runJob(QKeychain::Job *job, std::chrono::milliseconds timeout) {
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return finished;
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
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
    QObject context; // the lambda's captures live as long as this; the job is never disconnected
    QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *) {
        error = job->error();
        errorString = job->errorString();
        if (error == QKeychain::NoError)
            data = job->binaryData();
    });
    if (!runJob(job, timeout)) {
        result.detail = timeoutText(timeout);
        return result;
    }
    switch (error) {
    case QKeychain::NoError:
        result.status = data.isEmpty() ? Lookup::Status::Missing : Lookup::Status::Found;
        result.value = Secret(data);
        break;
    case QKeychain::EntryNotFound:
        result.status = Lookup::Status::Missing;
        break;
    default:
        result.detail = errorString.isEmpty() ? QStringLiteral("no keychain is available") : errorString;
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
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    // As text, the way secret-tool, Seahorse and KeePassXC show and take it, so an operator can also
    // keep the value with the desktop's own tools.
    QString text = QString::fromUtf8(value.reveal());
    job->setTextData(text);
    secureZero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QObject context; // the lambda's captures live as long as this; the job is never disconnected
    QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *) {
        error = job->error();
        errorString = job->errorString();
    });
    if (!runJob(job, timeout)) {
        return makeError(ErrorCode::Policy, timeoutText(timeout));
    }
    if (error != QKeychain::NoError)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the keychain refused to store %1: %2")
                .arg(key, errorString.isEmpty() ? QStringLiteral("no keychain is available") : errorString));
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
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QObject context; // the lambda's captures live as long as this; the job is never disconnected
    QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *) {
        error = job->error();
        errorString = job->errorString();
    });
    if (!runJob(job, timeout)) {
        return makeError(ErrorCode::Policy, timeoutText(timeout));
    }
    if (error != QKeychain::NoError)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the keychain could not remove %1: %2").arg(key, errorString));
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
