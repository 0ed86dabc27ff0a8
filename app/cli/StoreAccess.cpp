#include "StoreAccess.h"

#include "core/Passphrase.h"
#include "core/Time.h"
#include "crypto/KeyRing.h"
#include "store/IdentityUnlock.h"
#include "store/OfflineTeamLog.h"
#include "store/OpenStore.h"
#include "store/PgEvidenceStore.h"
#include "store/TeamLogCopy.h"
#include "store/TeamWitness.h"

#include <QFile>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ops::cli::StoreAccess {

QString keyDirectory() {
    return IdentityUnlock::keyDirectory();
}

StoreOpenOptions options(const StartupContext &ctx) {
    return deploymentStoreOptions(ctx.config);
}

QString where(const StartupContext &ctx) {
    return isTeamLog(ctx) ? pg::redactedUrl(ctx.storePath) : ctx.storePath;
}

bool isTeamLog(const StartupContext &ctx) {
    return pg::isPostgresUrl(ctx.storePath);
}

Result<std::unique_ptr<SqliteEvidenceStore>> open(const StartupContext &ctx, bool create) {
    if (isTeamLog(ctx))
        return makeError(
            ErrorCode::Usage,
            QStringLiteral(
                "this verb runs on a local store only in this version; on the team "
                "log run init, identity, incident, runbook, killswitch, rollback, "
                "launch, derivation, signal, probe, and evidence verify, show, list, attach, export, "
                "checkpoint, prove, consistency, cosign and witness"),
            where(ctx));
    StoreOpenOptions o = options(ctx);
    o.create = create;
    return SqliteEvidenceStore::open(ctx.storePath, o);
}

Result<std::unique_ptr<EvidenceStore>> openAny(const StartupContext &ctx, bool create) {
    StoreOpenOptions o = options(ctx);
    o.create = create;
    return openEvidenceStore(ctx.storePath, o, ctx.config.storeAppRole);
}

Result<QString> actingIdentity(const StartupContext &ctx, const EvidenceStore &store) {
    if (!ctx.identity.isEmpty())
        return ctx.identity;
    const auto *local = dynamic_cast<const SqliteEvidenceStore *>(&store);
    if (!local)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("no acting identity: on the team log pass --identity "
                                        "NAME or set OPSCONSOLE_IDENTITY"));
    auto def = local->meta(QStringLiteral("default_identity"));
    if (!def.ok())
        return def.error();
    if (def->isEmpty())
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("no acting identity: pass --identity NAME or set OPSCONSOLE_IDENTITY"));
    return def.value();
}

std::optional<Secret> promptTerminal(const QString &question) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    termios old{};
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

Result<Signer> unlock(const StartupContext &ctx, const EvidenceStore &store, CliIo &io) {
    auto name = actingIdentity(ctx, store);
    if (!name.ok())
        return name.error();
    if (auto registered = store.identity(name.value()); !registered.ok())
        return registered.error();
    Secret pass;
    if (IdentityUnlock::needsPassphrase(name.value())) {
        auto p = Passphrase::obtain(ctx.passphraseFile, io.environment, &promptTerminal,
                                    QStringLiteral("Passphrase for %1").arg(name.value()),
                                    Keychain::reader(io.environment), name.value());
        if (!p.ok())
            return p.error();
        pass = std::move(p).value();
    }
    return IdentityUnlock::unlock(store, name.value(), pass, ctx.environment);
}

namespace {

// The server is away (not: it refused us): the one case where the console works from its copy.
bool serverAway(const Error &e) {
    return e.unreachable; // told by the connection itself (pg::Connection::connect)
}

Result<std::unique_ptr<OfflineTeamLog>> openOffline(const StartupContext &ctx) {
    const QString copyPath = teamCopyPath(Startup::stateDirectory(), ctx.storePath);
    if (!QFile::exists(copyPath))
        return makeError(ErrorCode::Store,
                         QStringLiteral("this console has no verified copy of the team log yet (it keeps one "
                                        "after its first act on the log)"));
    auto copy = TeamLogCopy::open(copyPath);
    if (!copy.ok())
        return copy.error();
    auto box = Outbox::open(teamOutboxPath(Startup::stateDirectory(), ctx.storePath));
    if (!box.ok())
        return box.error();
    const StoreOpenOptions o = options(ctx);
    auto offline =
        OfflineTeamLog::open(std::move(copy).value(), std::move(box).value(), o.trust, Time::systemClock(),
                             QStringLiteral("%1 (offline: this console's copy)").arg(where(ctx)));
    if (offline.ok())
        offline.value()->setWriteGuards(Startup::stateDirectory(), o.readOnly);
    return offline;
}

} // namespace

void keepCopy(const EvidenceStore &team, const Checkpoint &witnessed, const Signer &signer, CliIo &io,
              const QString &url) {
    // The copy to work from when the server is away; a copy that cannot be kept is a warning, the
    // act itself does not depend on it.
    auto copy = TeamLogCopy::open(teamCopyPath(Startup::stateDirectory(), url));
    if (copy.ok()) {
        if (auto r = refreshCopy(*copy.value(), team, witnessed, signer); !r.ok())
            io.err << "opsconsole-cli: warning: " << r.error().message << "\n";
    } else {
        io.err << "opsconsole-cli: warning: " << copy.error().message << "\n";
    }
}

Result<void> witnessTeamLog(EvidenceStore &store, const Signer &signer, CliIo &io, const QString &url) {
    auto *team = dynamic_cast<PgEvidenceStore *>(&store);
    if (!team)
        return {};
    auto w = TeamWitness::witness(*team, signer, Startup::stateDirectory(), Time::nowMs());
    if (!w.ok())
        return w.error();
    if (w->firstSight)
        io.err << "opsconsole-cli: first sight of " << team->label() << ": verified all "
               << w->checkpoint.size << " events before vouching for it\n";
    if (url.isEmpty())
        return {};
    keepCopy(*team, w->checkpoint, signer, io, url);
    const QString boxPath = teamOutboxPath(Startup::stateDirectory(), url);
    if (!QFile::exists(boxPath))
        return {};
    auto box = Outbox::open(boxPath);
    if (!box.ok())
        return box.error();
    auto waiting = box.value()->waiting();
    if (!waiting.ok() || waiting->count == 0)
        return {};
    Outbox &outbox = *box.value();
    auto report = syncOutbox(outbox, *team, signer, unchangedSinceBasis(outbox), Time::systemClock());
    if (!report.ok())
        return report.error();
    for (const QString &line : report->lines)
        io.err << "opsconsole-cli: outbox: " << line << "\n";
    if (!report->stopped.isEmpty())
        return makeError(ErrorCode::Store,
                         QStringLiteral("the outbox's acts wait: %1 (opsconsole-cli evidence verify)")
                             .arg(report->stopped),
                         url);
    // The act at hand goes on from the log as it stands after the sync.
    if (report->synced > 0)
        return witnessTeamLog(store, signer, io);
    return {};
}

Result<Unlocked> openUnlocked(const StartupContext &ctx, CliIo &io) {
    auto opened = openAny(ctx);
    if (!opened.ok()) {
        if (!isTeamLog(ctx) || !serverAway(opened.error()))
            return opened.error();
        auto offline = openOffline(ctx);
        if (!offline.ok()) {
            Error e = opened.error();
            e.message += QStringLiteral("; working offline is not possible: %1").arg(offline.error().message);
            return e;
        }
        auto signer = unlock(ctx, *offline.value(), io);
        if (!signer.ok())
            return signer.error();
        auto waiting = offline.value()->outbox().waiting();
        io.err << "opsconsole-cli: " << opened.error().message << "\n"
               << "opsconsole-cli: working from this console's verified copy of the team log (up to event "
               << offline.value()->copy().size()
               << "); the act waits in the outbox (UNSYNCED: " << (waiting.ok() ? waiting->count : 0)
               << " before it) until the server is back\n";
        return Unlocked{std::move(offline).value(), std::move(signer).value()};
    }
    warnIfDamaged(*opened.value(), io);
    auto signer = unlock(ctx, *opened.value(), io);
    if (!signer.ok())
        return signer.error();
    // On the team log a console vouches for what it builds on before it adds to it, keeps its copy
    // and syncs what it made while the server was away.
    if (auto w =
            witnessTeamLog(*opened.value(), signer.value(), io, isTeamLog(ctx) ? ctx.storePath : QString());
        !w.ok())
        return w.error();
    return Unlocked{std::move(opened).value(), std::move(signer).value()};
}

void warnIfDamaged(const EvidenceStore &store, CliIo &io) {
    // What the window's status bar says in red: a read of a store that was rolled back, cut or
    // rewritten since this user last verified it does not print as if all were well.
    // (The team log's tail after what this user verified is checked here; the file's at open.)
    (void)store.trustedThrough();
    if (const QString problem = store.integrityProblem(); !problem.isEmpty())
        io.err << "opsconsole-cli: WARNING: " << problem
               << "; what follows may not be the whole log (opsconsole-cli evidence verify)\n";
}

namespace {

// `opened`, or on the team log while its server is away, the copy to read from.
Result<std::unique_ptr<EvidenceStore>> orCopy(Result<std::unique_ptr<EvidenceStore>> opened,
                                              const StartupContext &ctx, CliIo &io) {
    if (opened.ok())
        warnIfDamaged(*opened.value(), io);
    if (opened.ok() || !isTeamLog(ctx) || !serverAway(opened.error()))
        return opened;
    auto offline = openOffline(ctx);
    if (!offline.ok()) {
        Error e = opened.error();
        e.message += QStringLiteral("; reading offline is not possible: %1").arg(offline.error().message);
        return e;
    }
    offline.value()->setWriteGuards(Startup::stateDirectory(), true);
    const quint64 base = offline.value()->copy().size();
    auto waiting = offline.value()->outbox().waiting();
    io.err << "opsconsole-cli: " << opened.error().message << "\n"
           << "opsconsole-cli: reading this console's verified copy of the team log (up to event " << base
           << ")";
    if (waiting.ok() && waiting->count > 0)
        io.err << " and the " << waiting->count << " act(s) waiting in its outbox (positions after " << base
               << " are provisional)";
    io.err << "\n";
    return std::unique_ptr<EvidenceStore>(std::move(offline).value());
}

} // namespace

Result<std::unique_ptr<EvidenceStore>> openReadOnly(const StartupContext &ctx, CliIo &io) {
    StoreOpenOptions o = options(ctx);
    o.readOnly = true;
    return orCopy(openEvidenceStore(ctx.storePath, o, ctx.config.storeAppRole), ctx, io);
}

Result<std::unique_ptr<EvidenceStore>> openForReading(const StartupContext &ctx, CliIo &io) {
    return orCopy(openAny(ctx), ctx, io);
}

Error localOnly(const StartupContext &ctx, const QString &what) {
    return makeError(ErrorCode::Usage,
                     QStringLiteral("%1 runs on a local store only in this version (it reads the file's "
                                    "search indexes or operational tables)")
                         .arg(what),
                     where(ctx));
}

Result<Secret> newPassphrase(const StartupContext &ctx, CliIo &io) {
    auto p = Passphrase::obtain(ctx.passphraseFile, io.environment, &promptTerminal,
                                QStringLiteral("New passphrase"));
    if (!p.ok())
        return p.error();
    if (!p->isSet()) {
        if (ctx.environment != Environment::Dev)
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("a passphrase is required outside dev: set OPSCONSOLE_PASSPHRASE or pass "
                               "--passphrase-file"));
        io.err << "opsconsole-cli: warning: no passphrase given; the key is stored unencrypted (dev only)\n";
    }
    return p;
}

} // namespace ops::cli::StoreAccess
