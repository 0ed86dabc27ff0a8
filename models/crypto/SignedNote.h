#pragma once

// Signed notes, transparency-log checkpoints, cosignatures and proofs in the C2SP text formats
// (signed-note, tlog-checkpoint, tlog-cosignature cosignature/v1, tlog-proof@v1), so that tools
// written elsewhere (Go's golang.org/x/mod/sumdb/note and tlog among them) check what we sign.
//
// A note is UTF-8 text: a body of one or more non-empty lines, each ending in "\n", then an empty
// line, then one or more signature lines "— <key name> <base64(key ID ‖ signature)>\n". An
// Ed25519 signature is over the body bytes; its key ID is the first 4 bytes of
// SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). A cosignature/v1 uses type byte 0x04, carries an
// 8-byte big-endian POSIX time before the signature, and signs
// "cosignature/v1\ntime <t>\n" ‖ body.

#include "core/Result.h"
#include "crypto/Ed25519.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace ops::crypto::note {

constexpr unsigned char kEd25519Type = 0x01;
constexpr unsigned char kCosignatureV1Type = 0x04;
constexpr qsizetype kMaxNoteBytes = 1 << 20;
constexpr int kMaxSignatures = 100;

struct NoteSignature {
    QString name;
    QByteArray keyId; // 4 bytes
    QByteArray data;  // the decoded bytes after the key ID
};

struct Note {
    std::string body; // the signed text, ending in "\n"
    QList<NoteSignature> signatures;
    std::string text() const; // body, empty line, signature lines
};

// Whether `name` may name a key: non-empty, no whitespace or "+", printable UTF-8.
bool validKeyName(QStringView name);
QByteArray keyId(QStringView name, unsigned char type, QByteArrayView publicKey);
// "<name>+<hex key ID>+<base64(type ‖ key)>": a verifier key as `note.NewVerifier` reads it.
QString verifierKey(QStringView name, const PublicKey &key, unsigned char type = kEd25519Type);
struct VerifierKey {
    QString name;
    unsigned char type = 0;
    PublicKey key;
};
Result<VerifierKey> parseVerifierKey(QStringView vkey);

// Parses a signed note strictly (UTF-8, no control characters but "\n", no "\r", at most
// kMaxSignatures lines, base64 that re-encodes identically). Checks no signature.
Result<Note> parse(std::string_view text);
// A signature line for `body` by `key` under `name`.
NoteSignature sign(const std::string &body, QStringView name, const PrivateKey &key);
// Whether `sig` is `name`'s Ed25519 signature over `body` with `key` (the key ID included).
bool verifies(const std::string &body, const NoteSignature &sig, QStringView name, const PublicKey &key);

// cosignature/v1 over a checkpoint body at POSIX time `seconds`.
std::string cosignedMessage(const std::string &body, quint64 seconds);
NoteSignature cosign(const std::string &body, QStringView name, const PrivateKey &key, quint64 seconds);
// The time a cosignature claims, when `sig` is `name`'s valid cosignature/v1 with `key`.
std::optional<quint64> verifyCosignature(const std::string &body, const NoteSignature &sig, QStringView name,
                                         const PublicKey &key);

// A checkpoint body: origin, tree size, base64 root hash, extension lines.
struct CheckpointBody {
    QString origin;
    quint64 size = 0;
    QByteArray root; // 32 bytes
    QList<QString> extensions;
};
std::string formatCheckpoint(const CheckpointBody &body);
Result<CheckpointBody> parseCheckpoint(std::string_view body);

// c2sp.org/tlog-proof@v1: index, inclusion path (leaf's sibling first), then the checkpoint note.
struct TlogProof {
    QByteArray extra; // opaque, unauthenticated; empty when absent
    quint64 index = 0;
    QList<QByteArray> path;
    std::string checkpoint; // the checkpoint note, verbatim
};
std::string formatTlogProof(const TlogProof &proof);
Result<TlogProof> parseTlogProof(std::string_view text);

} // namespace ops::crypto::note
