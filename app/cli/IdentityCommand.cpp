#include "IdentityCommand.h"

#include "StoreAccess.h"

#include "core/Roles.h"
#include "crypto/KeyRing.h"

namespace ops::cli {

namespace {

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
Result<Identity> createIdentity(const StartupContext &ctx, SqliteEvidenceStore &store, const QString &name,
                                const QStringList &roles, CliIo &io) {
    crypto::KeyRing ring(StoreAccess::keyDirectory());
    if (store.identity(name).ok())
        return makeError(ErrorCode::Policy, QStringLiteral("identity '%1' already exists").arg(name));
    if (ring.exists(name))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("a key for '%1' already exists on this machine").arg(name),
                         ring.pathFor(name));
    auto pass = StoreAccess::newPassphrase(ctx, io);
    if (!pass.ok())
        return pass.error();
    auto key = crypto::PrivateKey::generate();
    if (!key.ok())
        return key.error();
    Signer signer{name, std::move(key).value()};
    // Registered first: a name the store refuses leaves no stray key file behind.
    auto event = store.registerIdentity(signer, roles);
    if (!event.ok())
        return event.error();
    if (auto r = ring.save(name, signer.key, pass->reveal()); !r.ok())
        return r.error();
    return store.identity(name);
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
    return o;
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
    auto store = StoreAccess::open(ctx.value(), true);
    if (!store.ok())
        return fail(io, store.error(), json);
    auto existing = store.value()->identities();
    if (!existing.ok())
        return fail(io, existing.error(), json);
    if (!existing->isEmpty())
        return fail(io,
                    makeError(ErrorCode::Policy,
                              QStringLiteral("the store is already initialised; use `identity create`"),
                              ctx->storePath),
                    json);
    auto id = createIdentity(ctx.value(), *store.value(), ctx->identity, roles.value(), io);
    if (!id.ok())
        return fail(io, id.error(), json);
    if (auto r = store.value()->setDefaultIdentity(id->name); !r.ok())
        return fail(io, r.error(), json);
    if (json) {
        JsonValue o = identityJson(id.value());
        o["store"] = ctx->storePath;
        o["store_id"] = store.value()->storeId();
        printJson(io, o);
    } else {
        io.out << "initialised " << ctx->storePath << "\nidentity " << id->name << " ("
               << id->roles.join(QLatin1Char(',')) << ") " << id->fingerprint << '\n';
    }
    return 0;
}

int IdentityCommand::run(const QStringList &arguments, CliIo &io) {
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {rolesOption()}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(1);
    const bool json = parser.isSet(m_json);
    if (sub != QLatin1String("create") && sub != QLatin1String("list") &&
        sub != QLatin1String("export-public"))
        return usageError(io, sub.isEmpty() ? QStringLiteral("identity: missing sub-verb")
                                            : QStringLiteral("identity: unknown sub-verb '%1'").arg(sub));
    if ((sub == QLatin1String("list") && pos.size() != 2) ||
        (sub != QLatin1String("list") && pos.size() != 3))
        return usageError(io, QStringLiteral("identity %1: wrong number of arguments").arg(sub));
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    auto store = StoreAccess::open(ctx.value());
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
                   << id->fingerprint << '\n';
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
                io.out << i.name << '\t' << i.roles.join(QLatin1Char(',')) << '\t' << i.fingerprint << '\n';
        }
        return 0;
    }
    auto id = store.value()->identity(pos.at(2));
    if (!id.ok())
        return fail(io, makeError(ErrorCode::InvalidInput, id.error().message), json);
    io.out << QString::fromLatin1(id->publicKeyPem);
    return 0;
}

} // namespace ops::cli
