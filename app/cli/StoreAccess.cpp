#include "StoreAccess.h"

#include "core/Passphrase.h"
#include "crypto/KeyRing.h"

#include <QFile>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ops::cli::StoreAccess {

QString keyDirectory()
{
    return Startup::dataDirectory() + QStringLiteral("/keys");
}

Result<std::unique_ptr<SqliteEvidenceStore>> open(const StartupContext &ctx, bool create)
{
    StoreOpenOptions o;
    o.create = create;
    return SqliteEvidenceStore::open(ctx.storePath, o);
}

Result<QString> actingIdentity(const StartupContext &ctx, const SqliteEvidenceStore &store)
{
    if (!ctx.identity.isEmpty())
        return ctx.identity;
    auto def = store.meta(QStringLiteral("default_identity"));
    if (!def.ok())
        return def.error();
    if (def->isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("no acting identity: pass --identity NAME or set OPSCONSOLE_IDENTITY"));
    return def.value();
}

std::optional<Secret> promptTerminal(const QString &question)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    termios old {};
    if (::tcgetattr(fd, &old) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    const QByteArray q = question.toUtf8() + ": ";
    (void)::write(fd, q.constData(), static_cast<std::size_t>(q.size()));
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
    QByteArray buf;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n' && buf.size() < 1024)
        buf.append(c);
    ::tcsetattr(fd, TCSAFLUSH, &old);
    (void)::write(fd, "\n", 1);
    ::close(fd);
    Secret s(buf);
    secureZero(buf.data(), static_cast<std::size_t>(buf.size()));
    return s;
}

Result<Signer> unlock(const StartupContext &ctx, const SqliteEvidenceStore &store, CliIo &io)
{
    Q_UNUSED(io)
    auto name = actingIdentity(ctx, store);
    if (!name.ok())
        return name.error();
    auto registered = store.identity(name.value());
    if (!registered.ok())
        return registered.error();
    crypto::KeyRing ring(keyDirectory());
    Secret pass;
    if (ring.isEncrypted(name.value())) {
        auto p = Passphrase::obtain(ctx.passphraseFile, io.environment, &promptTerminal,
                                    QStringLiteral("Passphrase for %1").arg(name.value()));
        if (!p.ok())
            return p.error();
        pass = std::move(p).value();
    } else if (ring.exists(name.value()) && ctx.environment != Environment::Dev) {
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the key of '%1' is not encrypted; unencrypted keys are allowed only in dev")
                             .arg(name.value()),
                         ring.pathFor(name.value()));
    }
    auto key = ring.load(name.value(), pass.reveal());
    if (!key.ok())
        return key.error();
    if (key->publicKey().fingerprint() != registered->fingerprint)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the key file of '%1' does not hold the key registered in this store").arg(name.value()),
                         ring.pathFor(name.value()));
    return Signer{name.value(), std::move(key).value()};
}

Result<Secret> newPassphrase(const StartupContext &ctx, CliIo &io)
{
    auto p = Passphrase::obtain(ctx.passphraseFile, io.environment, &promptTerminal, QStringLiteral("New passphrase"));
    if (!p.ok())
        return p.error();
    if (!p->isSet()) {
        if (ctx.environment != Environment::Dev)
            return makeError(ErrorCode::Policy,
                             QStringLiteral("a passphrase is required outside dev: set OPSCONSOLE_PASSPHRASE or pass "
                                            "--passphrase-file"));
        io.err << "opsconsole-cli: warning: no passphrase given; the key is stored unencrypted (dev only)\n";
    }
    return p;
}

} // namespace ops::cli::StoreAccess
