#include "SignedNote.h"

#include "crypto/Sha256.h"

#include <QStringDecoder>

#include <charconv>

namespace ops::crypto::note {

namespace {

const std::string_view kDash = "\xE2\x80\x94 "; // U+2014 EM DASH, then a space
constexpr std::string_view kProofHeader = "c2sp.org/tlog-proof@v1";
constexpr int kMaxProofHashes = 64;

Error invalid(const QString &message) {
    return makeError(ErrorCode::InvalidInput, message);
}

QByteArray view(std::string_view s) {
    return {s.data(), static_cast<qsizetype>(s.size())};
}

// Standard base64 with padding that re-encodes to the same text (no whitespace, no stray bits).
std::optional<QByteArray> strictBase64(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(view(text), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != view(text))
        return std::nullopt;
    return decoded.decoded;
}

bool validUtf8NoControls(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\n') || u == 0x7F)
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(view(text));
    return !decoder.hasError() && !decoded.contains(QChar::ReplacementCharacter);
}

std::optional<quint64> decimal(std::string_view s) {
    if (s.empty() || (s.size() > 1 && s.front() == '0'))
        return std::nullopt;
    quint64 v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return v;
}

QList<std::string_view> lines(std::string_view text) {
    // `text` ends in "\n": every line is terminated.
    QList<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        out << text.substr(start, nl - start);
        start = nl + 1;
    }
    return out;
}

QByteArray be64(quint64 v) {
    QByteArray out(8, '\0');
    for (int i = 7; i >= 0; --i, v >>= 8)
        out[i] = static_cast<char>(v & 0xFF);
    return out;
}

} // namespace

std::string Note::text() const {
    std::string out = body + "\n";
    for (const NoteSignature &s : signatures)
        out += std::string(kDash) + s.name.toStdString() + " " +
               QByteArray(s.keyId + s.data).toBase64().toStdString() + "\n";
    return out;
}

bool validKeyName(QStringView name) {
    if (name.isEmpty() || name.size() > 256)
        return false;
    for (const QChar c : name)
        if (c.isSpace() || c == u'+' || c.category() == QChar::Other_Control || c.isNull())
            return false;
    return true;
}

QByteArray keyId(QStringView name, unsigned char type, QByteArrayView publicKey) {
    QByteArray material = name.toUtf8();
    material += '\n';
    material += static_cast<char>(type);
    material += publicKey;
    return sha256(material).left(4);
}

QString verifierKey(QStringView name, const PublicKey &key, unsigned char type) {
    const QByteArray raw = key.raw();
    QByteArray typed(1, static_cast<char>(type));
    typed += raw;
    return name.toString() + u'+' + QString::fromLatin1(keyId(name, type, raw).toHex()) + u'+' +
           QString::fromLatin1(typed.toBase64());
}

Result<VerifierKey> parseVerifierKey(QStringView vkey) {
    // name+hash+key: the key's base64 may itself hold "+", so only the first two separate.
    const qsizetype first = vkey.indexOf(u'+');
    const qsizetype second = first < 0 ? -1 : vkey.indexOf(u'+', first + 1);
    const QList<QStringView> parts =
        second < 0 ? QList<QStringView>{}
                   : QList<QStringView>{vkey.left(first), vkey.sliced(first + 1, second - first - 1),
                                        vkey.sliced(second + 1)};
    if (parts.size() != 3 || !validKeyName(parts.at(0)))
        return invalid(QStringLiteral("a verifier key is name+hex key ID+base64 key"));
    const auto keyBytes = strictBase64(parts.at(2).toLatin1().toStdString());
    if (!keyBytes || keyBytes->size() != 33)
        return invalid(
            QStringLiteral("the verifier key's key is not a 1-byte type and a 32-byte Ed25519 key"));
    VerifierKey out;
    out.name = parts.at(0).toString();
    out.type = static_cast<unsigned char>(keyBytes->at(0));
    if (out.type != kEd25519Type && out.type != kCosignatureV1Type)
        return invalid(QStringLiteral("the verifier key's type %1 is not Ed25519 (1) or cosignature/v1 (4)")
                           .arg(out.type));
    auto key = PublicKey::fromRaw(keyBytes->mid(1));
    if (!key.ok())
        return key.error();
    out.key = key.value();
    if (QString::fromLatin1(keyId(out.name, out.type, out.key.raw()).toHex()) != parts.at(1))
        return invalid(QStringLiteral("the verifier key's key ID does not match its name and key"));
    return out;
}

Result<Note> parse(std::string_view text) {
    if (static_cast<qsizetype>(text.size()) > kMaxNoteBytes)
        return invalid(QStringLiteral("the note is larger than %1 bytes").arg(kMaxNoteBytes));
    if (text.empty() || text.back() != '\n')
        return invalid(QStringLiteral("a note ends with a newline"));
    if (!validUtf8NoControls(text))
        return invalid(QStringLiteral("a note is UTF-8 text without control characters other than newline"));
    const std::size_t split = text.rfind("\n\n");
    if (split == std::string_view::npos)
        return invalid(QStringLiteral("the note has no empty line before its signatures"));
    Note note;
    note.body = std::string(text.substr(0, split + 1));
    const std::string_view sigs = text.substr(split + 2);
    if (sigs.empty())
        return invalid(QStringLiteral("the note has no signature"));
    const auto sigLines = lines(sigs);
    if (sigLines.size() > kMaxSignatures)
        return invalid(QStringLiteral("the note has more than %1 signatures").arg(kMaxSignatures));
    for (int i = 0; i < sigLines.size(); ++i) {
        const std::string_view line = sigLines.at(i);
        const QString where = QStringLiteral("signature line %1").arg(i + 1);
        if (line.substr(0, kDash.size()) != kDash)
            return invalid(QStringLiteral("%1 does not start with \"— \"").arg(where));
        const std::string_view rest = line.substr(kDash.size());
        const std::size_t space = rest.find(' ');
        if (space == std::string_view::npos || rest.find(' ', space + 1) != std::string_view::npos)
            return invalid(QStringLiteral("%1 is not \"— name signature\"").arg(where));
        NoteSignature sig;
        sig.name = QString::fromUtf8(view(rest.substr(0, space)));
        if (!validKeyName(sig.name))
            return invalid(QStringLiteral("%1 names no valid key").arg(where));
        const auto bytes = strictBase64(rest.substr(space + 1));
        if (!bytes || bytes->size() < 5)
            return invalid(
                QStringLiteral("%1: the signature is not base64 of a key ID and a signature").arg(where));
        sig.keyId = bytes->left(4);
        sig.data = bytes->mid(4);
        note.signatures << sig;
    }
    return note;
}

NoteSignature sign(const std::string &body, QStringView name, const PrivateKey &key) {
    NoteSignature sig;
    sig.name = name.toString();
    sig.keyId = keyId(name, kEd25519Type, key.publicKey().raw());
    sig.data = key.sign(view(body));
    return sig;
}

bool verifies(const std::string &body, const NoteSignature &sig, QStringView name, const PublicKey &key) {
    return sig.name == name && sig.data.size() == 64 && sig.keyId == keyId(name, kEd25519Type, key.raw()) &&
           key.verify(view(body), sig.data);
}

std::string cosignedMessage(const std::string &body, quint64 seconds) {
    return "cosignature/v1\ntime " + std::to_string(seconds) + "\n" + body;
}

NoteSignature cosign(const std::string &body, QStringView name, const PrivateKey &key, quint64 seconds) {
    NoteSignature sig;
    sig.name = name.toString();
    sig.keyId = keyId(name, kCosignatureV1Type, key.publicKey().raw());
    const std::string message = cosignedMessage(body, seconds);
    sig.data = be64(seconds) + key.sign(view(message));
    return sig;
}

std::optional<quint64> verifyCosignature(const std::string &body, const NoteSignature &sig, QStringView name,
                                         const PublicKey &key) {
    if (sig.name != name || sig.data.size() != 72 || sig.keyId != keyId(name, kCosignatureV1Type, key.raw()))
        return std::nullopt;
    quint64 seconds = 0;
    for (int i = 0; i < 8; ++i)
        seconds = (seconds << 8) | static_cast<unsigned char>(sig.data.at(i));
    if (seconds > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    if (!key.verify(view(cosignedMessage(body, seconds)), sig.data.mid(8)))
        return std::nullopt;
    return seconds;
}

std::string formatCheckpoint(const CheckpointBody &body) {
    std::string out = body.origin.toStdString() + "\n" + std::to_string(body.size) + "\n" +
                      body.root.toBase64().toStdString() + "\n";
    for (const QString &e : body.extensions)
        out += e.toStdString() + "\n";
    return out;
}

Result<CheckpointBody> parseCheckpoint(std::string_view body) {
    if (body.empty() || body.back() != '\n')
        return invalid(QStringLiteral("a checkpoint body ends with a newline"));
    if (!validUtf8NoControls(body))
        return invalid(
            QStringLiteral("a checkpoint is UTF-8 text without control characters other than newline"));
    const auto ls = lines(body);
    if (ls.size() < 3)
        return invalid(QStringLiteral("a checkpoint has an origin, a tree size and a root hash line"));
    CheckpointBody out;
    out.origin = QString::fromUtf8(view(ls.at(0)));
    if (out.origin.isEmpty())
        return invalid(QStringLiteral("the checkpoint's origin line is empty"));
    const auto size = decimal(ls.at(1));
    if (!size || *size > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return invalid(QStringLiteral("the checkpoint's tree size is not a decimal number"));
    out.size = *size;
    const auto root = strictBase64(ls.at(2));
    if (!root || root->size() != 32)
        return invalid(QStringLiteral("the checkpoint's root hash is not base64 of 32 bytes"));
    out.root = *root;
    for (int i = 3; i < ls.size(); ++i) {
        if (ls.at(i).empty())
            return invalid(QStringLiteral("the checkpoint has an empty extension line"));
        out.extensions << QString::fromUtf8(view(ls.at(i)));
    }
    return out;
}

std::string formatTlogProof(const TlogProof &proof) {
    std::string out = std::string(kProofHeader) + "\n";
    if (!proof.extra.isEmpty())
        out += "extra " + proof.extra.toBase64().toStdString() + "\n";
    out += "index " + std::to_string(proof.index) + "\n";
    for (const QByteArray &h : proof.path)
        out += h.toBase64().toStdString() + "\n";
    out += "\n" + proof.checkpoint;
    return out;
}

Result<TlogProof> parseTlogProof(std::string_view text) {
    if (static_cast<qsizetype>(text.size()) > kMaxNoteBytes)
        return invalid(QStringLiteral("the proof is larger than %1 bytes").arg(kMaxNoteBytes));
    TlogProof out;
    std::size_t pos = 0;
    auto nextLine = [&](std::string_view &line) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            return false;
        line = text.substr(pos, nl - pos);
        pos = nl + 1;
        return true;
    };
    std::string_view line;
    if (!nextLine(line) || line != kProofHeader)
        return invalid(
            QStringLiteral("line 1: a tlog proof starts with \"%1\"").arg(QLatin1String(kProofHeader)));
    int lineNo = 2;
    if (!nextLine(line))
        return invalid(QStringLiteral("line 2: the proof ends before its index"));
    if (line.substr(0, 6) == "extra ") {
        const auto extra = strictBase64(line.substr(6));
        if (!extra)
            return invalid(QStringLiteral("line 2: the extra data is not base64"));
        out.extra = *extra;
        ++lineNo;
        if (!nextLine(line))
            return invalid(QStringLiteral("line %1: the proof ends before its index").arg(lineNo));
    }
    if (line.substr(0, 6) != "index ")
        return invalid(QStringLiteral("line %1: expected \"index N\"").arg(lineNo));
    const auto index = decimal(line.substr(6));
    if (!index || *index > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return invalid(QStringLiteral("line %1: the index is not a decimal number").arg(lineNo));
    out.index = *index;
    while (true) {
        ++lineNo;
        if (!nextLine(line))
            return invalid(QStringLiteral("line %1: the proof ends before its checkpoint").arg(lineNo));
        if (line.empty())
            break;
        if (out.path.size() >= kMaxProofHashes)
            return invalid(
                QStringLiteral("line %1: more than %2 proof hashes").arg(lineNo).arg(kMaxProofHashes));
        const auto hash = strictBase64(line);
        if (!hash || hash->size() != 32)
            return invalid(QStringLiteral("line %1: not base64 of a 32-byte hash").arg(lineNo));
        out.path << *hash;
    }
    out.checkpoint = std::string(text.substr(pos));
    if (auto n = parse(out.checkpoint); !n.ok())
        return invalid(QStringLiteral("the proof's checkpoint: %1").arg(n.error().message));
    return out;
}

} // namespace ops::crypto::note
