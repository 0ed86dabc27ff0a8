#include "IdentityCommand.h"

#include "crypto/SignedNote.h"

#include "StoreAccess.h"

#include "core/Roles.h"
#include "crypto/KeyRing.h"
#include "store/Bootstrap.h"

#include <QFile>

namespace ops::cli {

namespace {

const QCommandLineOption &reasonOption() {
    static const QCommandLineOption o(QStringLiteral("reason"),
                                      QStringLiteral("Why the identity is revoked."), QStringLiteral("TEXT"));
    return o;
}

const QCommandLineOption &rolesOption() {
    static const QCommandLineOption o(QStringLiteral("roles"), QStringLiteral("Comma-separated roles."),
                                      QStringLiteral("LIST"));
    return o;
}

Result<QStringList> parseRoles(const QString &value) {
    const QStringList roles = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (roles.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("--roles is required (one or more of: %1)")
                                               .arg(Roles::all().join(QStringLiteral(", "))));
    if (const QStringList bad = Roles::unknown(roles); !bad.isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("unknown role(s) %1 (known: %2)")
                             .arg(bad.join(QStringLiteral(", ")), Roles::all().join(QStringLiteral(", "))));
    return roles;
}

// Generates a key, stores it (encrypted unless dev allows otherwise) and registers it.
Result<Identity> createIdentity(const StartupContext &ctx, EvidenceStore &store, const QString &name,
                                const QStringList &roles, CliIo &io) {
    // Bootstrap refuses it too; asked here first so nobody types a passphrase for nothing.
    if (store.identity(name).ok())
        return makeError(ErrorCode::Policy, QStringLiteral("identity '%1' already exists").arg(name));
    auto pass = StoreAccess::newPassphrase(ctx, io);
    if (!pass.ok())
        return pass.error();
    return Bootstrap::createIdentity(store, StoreAccess::keyDirectory(), name, roles, pass.value());
}

JsonValue identityJson(const Identity &i) {
    JsonValue o = JsonValue::object();
    o["name"] = i.name;
    JsonValue roles = JsonValue::array();
    for (const QString &r : i.roles)
        roles.push(r);
    o["roles"] = roles;
    o["fingerprint"] = i.fingerprint;
    o["created_seq"] = static_cast<qint64>(i.createdSeq);
    o["state"] = i.state;
    JsonValue approvers = JsonValue::array();
    for (const QString &a : i.approvers)
        approvers.push(a);
    o["approved_by"] = approvers;
    o["approved_seq"] = static_cast<qint64>(i.approvedSeq);
    o["admin"] = i.admin;
    o["genesis"] = i.genesis;
    o["enrolled_before_trust_roots"] = i.legacy;
    if (i.revokedSeq != 0) {
        o["revoked_seq"] = static_cast<qint64>(i.revokedSeq);
        o["revoke_reason"] = i.revokeReason;
    }
    if (!i.pendingFingerprint.isEmpty())
        o["pending_fingerprint"] = i.pendingFingerprint;
    return o;
}

QString stateText(const Identity &i) {
    QString s = i.state;
    if (i.genesis)
        s += QStringLiteral(" (genesis)");
    else if (i.legacy)
        s += QStringLiteral(" (enrolled before trust roots)");
    else if (!i.approvers.isEmpty() && i.state == QLatin1String("approved"))
        s += QStringLiteral(" by ") + i.approvers.join(QLatin1Char(','));
    if (i.state == QLatin1String("revoked"))
        s += QStringLiteral(": ") + i.revokeReason;
    if (!i.pendingFingerprint.isEmpty())
        s += QStringLiteral(", new key %1 awaiting approval").arg(i.pendingFingerprint);
    return s;
}

} // namespace

int InitCommand::run(const QStringList &arguments, CliIo &io) {
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {rolesOption()}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    if (parser.positionalArguments().size() != 1)
        return usageError(io, QStringLiteral("init takes no arguments"));
    const bool json = parser.isSet(m_json);
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    if (ctx->identity.isEmpty())
        return usageError(io, QStringLiteral("init needs --identity NAME"));
    auto roles = parseRoles(parser.value(rolesOption()));
    if (!roles.ok())
        return usageError(io, roles.error().message);
    auto store = StoreAccess::openAny(ctx.value(), true);
    if (!store.ok())
        return fail(io, store.error(), json);
    auto existing = store.value()->identities();
    if (!existing.ok())
        return fail(io, existing.error(), json);
    if (!existing->isEmpty())
        return fail(io,
                    makeError(ErrorCode::Policy,
                              QStringLiteral("the store is already initialised; use `identity create`"),
                              StoreAccess::where(ctx.value())),
                    json);
    auto pass = StoreAccess::newPassphrase(ctx.value(), io);
    if (!pass.ok())
        return fail(io, pass.error(), json);
    auto id = Bootstrap::initStore(*store.value(), StoreAccess::keyDirectory(), ctx->identity, roles.value(),
                                   pass.value());
    if (!id.ok())
        return fail(io, id.error(), json);
    if (json) {
        JsonValue o = identityJson(id.value());
        o["store"] = StoreAccess::where(ctx.value());
        o["store_id"] = store.value()->storeId();
        JsonValue admins = JsonValue::array();
        admins.push(id->fingerprint);
        JsonValue trust = JsonValue::object();
        trust["admins"] = admins;
        trust["enroll_quorum"] = 1;
        o["trust"] = trust;
        printJson(io, o);
    } else {
        io.out << "initialised " << StoreAccess::where(ctx.value()) << "\nidentity " << id->name << " ("
               << id->roles.join(QLatin1Char(',')) << ") " << id->fingerprint << '\n'
               << "\nPin the genesis admin in the deployment config (required outside dev):\n\n"
               << Bootstrap::trustLines(id->fingerprint);
    }
    return 0;
}

int IdentityCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption vkey(
        QStringLiteral("vkey"),
        QStringLiteral(
            "export-public: print the identity's signed-note verifier key (name+hex+base64) instead "
            "of its PEM; it checks the checkpoints the identity signs."));
    const QCommandLineOption cosignerVkey(
        QStringLiteral("cosigner-vkey"),
        QStringLiteral("export-public: print the identity's cosignature/v1 verifier key (type 4), which "
                       "checks the cosignatures it adds as a witness."));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {rolesOption(), reasonOption(), vkey, cosignerVkey}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(1);
    const bool json = parser.isSet(m_json);
    static const QStringList subs{QStringLiteral("create"), QStringLiteral("approve"),
                                  QStringLiteral("revoke"), QStringLiteral("rotate"),
                                  QStringLiteral("list"),   QStringLiteral("export-public")};
    if (!subs.contains(sub))
        return usageError(io, sub.isEmpty() ? QStringLiteral("identity: missing sub-verb")
                                            : QStringLiteral("identity: unknown sub-verb '%1'").arg(sub));
    const bool noName = sub == QLatin1String("list") || sub == QLatin1String("rotate");
    if ((noName && pos.size() != 2) || (!noName && pos.size() != 3))
        return usageError(io, QStringLiteral("identity %1: wrong number of arguments").arg(sub));
    if (sub == QLatin1String("revoke") && parser.value(reasonOption()).trimmed().isEmpty())
        return usageError(io, QStringLiteral("identity revoke needs --reason TEXT"));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    auto store = StoreAccess::openAny(ctx.value());
    if (!store.ok())
        return fail(io, store.error(), json);

    if (sub == QLatin1String("create")) {
        auto roles = parseRoles(parser.value(rolesOption()));
        if (!roles.ok())
            return usageError(io, roles.error().message);
        auto id = createIdentity(ctx.value(), *store.value(), pos.at(2), roles.value(), io);
        if (!id.ok())
            return fail(io, id.error(), json);
        if (json)
            printJson(io, identityJson(id.value()));
        else
            io.out << "identity " << id->name << " (" << id->roles.join(QLatin1Char(',')) << ") "
                   << id->fingerprint << " — " << stateText(id.value()) << '\n'
                   << (id->approved()
                           ? QString()
                           : QStringLiteral(
                                 "it can act once an admin runs: opsconsole-cli identity approve %1\n")
                                 .arg(id->name));
        return 0;
    }
    if (sub == QLatin1String("list")) {
        auto all = store.value()->identities();
        if (!all.ok())
            return fail(io, all.error(), json);
        if (json) {
            JsonValue list = JsonValue::array();
            for (const Identity &i : all.value())
                list.push(identityJson(i));
            printJson(io, list);
        } else {
            for (const Identity &i : all.value())
                io.out << i.name << '\t' << i.roles.join(QLatin1Char(',')) << '\t' << stateText(i) << '\t'
                       << i.fingerprint << '\n';
            if (!store.value()->trust().pinned())
                io.out << "trust root not pinned: no trust.admins in the config (trust on first use)\n";
        }
        return 0;
    }
    if (sub == QLatin1String("approve") || sub == QLatin1String("revoke") || sub == QLatin1String("rotate")) {
        auto signer = StoreAccess::unlock(ctx.value(), *store.value(), io);
        if (!signer.ok())
            return fail(io, signer.error(), json);
        if (auto w = StoreAccess::witnessTeamLog(*store.value(), signer.value(), io); !w.ok())
            return fail(io, w.error(), json);
        Result<StoredEvent> event = makeError(ErrorCode::Usage, QString());
        if (sub == QLatin1String("approve")) {
            event = store.value()->approveIdentity(signer.value(), pos.at(2));
        } else if (sub == QLatin1String("revoke")) {
            event = store.value()->revokeIdentity(signer.value(), pos.at(2), parser.value(reasonOption()));
        } else {
            // The new key is saved beside the current one and takes over once admins approve it.
            crypto::KeyRing ring(StoreAccess::keyDirectory());
            const QString next = signer->name + QStringLiteral(".next");
            if (ring.exists(next))
                return fail(io,
                            makeError(ErrorCode::Policy,
                                      QStringLiteral("a rotation of '%1' is already waiting for approval")
                                          .arg(signer->name),
                                      ring.pathFor(next)),
                            json);
            auto pass = StoreAccess::newPassphrase(ctx.value(), io);
            if (!pass.ok())
                return fail(io, pass.error(), json);
            auto key = crypto::PrivateKey::generate();
            if (!key.ok())
                return fail(io, key.error(), json);
            if (auto r = ring.save(next, key.value(), pass->reveal()); !r.ok())
                return fail(io, r.error(), json);
            event = store.value()->rotateIdentity(signer.value(), key.value());
            if (!event.ok())
                QFile::remove(ring.pathFor(next));
        }
        if (!event.ok())
            return fail(io, event.error(), json);
        auto id = store.value()->identity(sub == QLatin1String("rotate") ? signer->name : pos.at(2));
        if (!id.ok())
            return fail(io, id.error(), json);
        if (json) {
            JsonValue o = identityJson(id.value());
            o["event_seq"] = static_cast<qint64>(event->seq);
            printJson(io, o);
        } else {
            io.out << "event " << event->seq << ": " << event->kind << " " << id->name << " — "
                   << stateText(id.value()) << '\n';
        }
        return 0;
    }
    auto id = store.value()->identity(pos.at(2));
    if (!id.ok())
        return fail(io, makeError(ErrorCode::InvalidInput, id.error().message), json);
    if (parser.isSet(vkey) || parser.isSet(cosignerVkey)) {
        auto key = crypto::PublicKey::fromPem(id->publicKeyPem);
        if (!key.ok())
            return fail(io, key.error(), json);
        const auto verifier = crypto::note::verifierKey(
            id->name, key.value(),
            parser.isSet(vkey) ? crypto::note::kEd25519Type : crypto::note::kCosignatureV1Type);
        if (json) {
            JsonValue o = JsonValue::object();
            o["name"] = id->name;
            o["fingerprint"] = id->fingerprint;
            o[parser.isSet(vkey) ? "vkey" : "cosigner_vkey"] = QString(verifier);
            printJson(io, o);
        } else {
            io.out << verifier << '\n';
        }
        return 0;
    }
    if (json) {
        JsonValue o = JsonValue::object();
        o["name"] = id->name;
        o["fingerprint"] = id->fingerprint;
        o["public_key_pem"] = QString::fromLatin1(id->publicKeyPem);
        printJson(io, o);
    } else {
        io.out << QString::fromLatin1(id->publicKeyPem);
    }
    return 0;
}

} // namespace ops::cli
