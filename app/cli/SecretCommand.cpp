#include "SecretCommand.h"

#include "StoreAccess.h"

#include "core/FileUtil.h"
#include "core/Hardening.h"
#include "core/Keychain.h"
#include "crypto/KeyRing.h"
#include "store/IdentityUnlock.h"

#include <unistd.h>

namespace ops::cli {

namespace {

const QStringList kSecrets = {QString::fromLatin1(OperatorSecrets::kOperatorTokenVariable),
                              QString::fromLatin1(OperatorSecrets::kPublisherTokenVariable)};

// The value to store: the first line of FILE (- for standard input), or typed twice at the terminal.
Result<Secret> readValue(const QString &from, const QString &key) {
    if (!from.isEmpty()) {
        auto content = FileUtil::readAll(from, 64 * 1024);
        if (!content.ok())
            return content.error();
        QByteArray &bytes = content.value();
        const qsizetype nl = bytes.indexOf('\n');
        Secret value(nl >= 0 ? bytes.left(nl) : bytes);
        secureZero(bytes.data(), static_cast<std::size_t>(bytes.size()));
        if (value.reveal().endsWith('\r'))
            value = Secret(value.reveal().chopped(1));
        if (!value.isSet())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("the value is empty"),
                             FileUtil::inputName(from));
        return value;
    }
    auto first = StoreAccess::promptTerminal(QStringLiteral("Value for %1").arg(key));
    if (!first)
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("no terminal to ask for the value: pass --from FILE (- for standard input)"));
    auto again = StoreAccess::promptTerminal(QStringLiteral("Again"));
    if (!again || again->reveal() != first->reveal())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the two entries differ; nothing was stored"));
    if (!first->isSet())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the value is empty; nothing was stored"));
    return std::move(*first);
}

} // namespace

int SecretCommand::run(const QStringList &arguments, CliIo &io) {
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Read the value from the first line of FILE (- for standard "
                                                 "input) instead of asking at the terminal."),
                                  QStringLiteral("FILE"));
    if (!parse(parser, arguments, io, {from}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(m_json);
    if (pos.size() < 2)
        return usageError(io, QStringLiteral("secret: missing sub-verb"));
    const QString sub = pos.at(1);

    if (sub == QLatin1String("status")) {
        if (pos.size() != 2)
            return usageError(io, QStringLiteral("secret status takes no arguments"));
        const bool enabled = Keychain::enabled(io.environment);
        QString keychainState = QStringLiteral("off (OPSCONSOLE_KEYCHAIN)");
        bool reachable = false;
        if (enabled) {
            const Keychain::Lookup probe = Keychain::read(Keychain::kOperatorToken);
            reachable = probe.status != Keychain::Lookup::Status::Unavailable;
            keychainState =
                reachable ? QStringLiteral("available") : QStringLiteral("unavailable: ") + probe.detail;
        } else if (io.environment.value(QStringLiteral("OPSCONSOLE_KEYCHAIN")).isEmpty()) {
            keychainState = QStringLiteral("no session bus");
        }
        QStringList sources;
        auto resolved = Hardening::resolveSecrets(
            io.environment, reachable ? Keychain::reader(io.environment) : Keychain::Reader(), &sources);
        if (!resolved.ok())
            return fail(io, resolved.error(), json);
        const CommonOptions options = m_common.read(parser);
        QString identity = options.identity;
        if (identity.isEmpty())
            identity = io.environment.value(QStringLiteral("OPSCONSOLE_IDENTITY"));
        const auto sourceOf = [&](const QString &var) {
            for (const QString &line : std::as_const(sources))
                if (line.startsWith(var + QStringLiteral(": ")))
                    return line.mid(var.size() + 2);
            return QString();
        };
        QString passphraseSource;
        if (!options.passphraseFile.isEmpty())
            passphraseSource = QStringLiteral("--passphrase-file");
        else if (!resolved->value(QStringLiteral("OPSCONSOLE_PASSPHRASE")).isEmpty())
            passphraseSource = sourceOf(QStringLiteral("OPSCONSOLE_PASSPHRASE"));
        else if (reachable && !identity.isEmpty() &&
                 Keychain::read(Keychain::passphraseKey(identity)).status == Keychain::Lookup::Status::Found)
            passphraseSource = QStringLiteral("the keychain (%1)").arg(Keychain::passphraseKey(identity));
        if (json) {
            JsonValue o = JsonValue::object();
            o["keychain"] = keychainState;
            JsonValue list = JsonValue::array();
            for (const QString &var : kSecrets) {
                JsonValue s = JsonValue::object();
                s["name"] = var;
                s["source"] = sourceOf(var).isEmpty() ? JsonValue() : JsonValue(sourceOf(var));
                list.push(s);
            }
            JsonValue p = JsonValue::object();
            p["name"] = QStringLiteral("OPSCONSOLE_PASSPHRASE");
            p["identity"] = identity.isEmpty() ? JsonValue() : JsonValue(identity);
            p["source"] = passphraseSource.isEmpty() ? JsonValue() : JsonValue(passphraseSource);
            list.push(p);
            o["secrets"] = list;
            printJson(io, o);
            return 0;
        }
        io.out << "keychain: " << keychainState << '\n';
        for (const QString &var : kSecrets)
            io.out << var << ": " << (sourceOf(var).isEmpty() ? QStringLiteral("not set") : sourceOf(var))
                   << '\n';
        io.out << "passphrase" << (identity.isEmpty() ? QString() : QStringLiteral(" of %1").arg(identity))
               << ": "
               << (passphraseSource.isEmpty() ? QStringLiteral("asked for when needed") : passphraseSource)
               << '\n';
        return 0;
    }

    if (sub != QLatin1String("set") && sub != QLatin1String("clear"))
        return usageError(io, QStringLiteral("secret: unknown sub-verb '%1'").arg(sub));
    if (pos.size() != 3)
        return usageError(io, QStringLiteral("secret %1 takes one entry: operator-token, publisher-token or "
                                             "passphrase:NAME")
                                  .arg(sub));
    const QString key = pos.at(2);
    if (!Keychain::isValidKey(key))
        return usageError(io, QStringLiteral("secret %1: '%2' is not operator-token, publisher-token or "
                                             "passphrase:NAME")
                                  .arg(sub, key));
    if (!Keychain::enabled(io.environment))
        return fail(
            io,
            makeError(ErrorCode::Policy,
                      QStringLiteral("no keychain: there is no session bus, or OPSCONSOLE_KEYCHAIN is off")),
            json);

    if (sub == QLatin1String("clear")) {
        if (parser.isSet(from))
            return usageError(io, QStringLiteral("secret clear takes no --from"));
        auto removed = Keychain::remove(key);
        if (!removed.ok())
            return fail(io, removed.error(), json);
        if (json) {
            JsonValue o = JsonValue::object();
            o["entry"] = key;
            o["removed"] = removed.value();
            printJson(io, o);
        } else {
            io.out << (removed.value() ? QStringLiteral("removed %1 from the keychain\n").arg(key)
                                       : QStringLiteral("the keychain holds no %1\n").arg(key));
        }
        return 0;
    }

    auto value = readValue(parser.value(from), key);
    if (!value.ok())
        return fail(io, value.error(), json);
    // A passphrase is kept only when it opens the identity's key: a wrong one in the keychain would
    // fail later, far from where it was stored.
    if (key.startsWith(QStringLiteral("passphrase:"))) {
        const QString identity = key.mid(QStringLiteral("passphrase:").size());
        const crypto::KeyRing ring(IdentityUnlock::keyDirectory());
        if (!ring.exists(identity))
            return fail(io,
                        makeError(ErrorCode::InvalidInput, QStringLiteral("there is no key for %1 in %2")
                                                               .arg(identity, ring.pathFor(identity))),
                        json);
        if (auto opened = ring.load(identity, value->reveal()); !opened.ok())
            return fail(io,
                        makeError(ErrorCode::InvalidInput,
                                  QStringLiteral("the passphrase does not open %1's key; nothing was stored")
                                      .arg(identity)),
                        json);
    }
    if (auto stored = Keychain::write(key, value.value()); !stored.ok())
        return fail(io, stored.error(), json);
    if (json) {
        JsonValue o = JsonValue::object();
        o["entry"] = key;
        o["stored"] = true;
        printJson(io, o);
    } else {
        io.out << "stored " << key << " in the keychain\n";
    }
    return 0;
}

} // namespace ops::cli
