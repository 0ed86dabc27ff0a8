#pragma once

// The exact byte forms of events and checkpoints (docs/formats.md). Internal to models/store.

#include "EvidenceTypes.h"

#include "crypto/Ed25519.h"

#include <QStringList>

namespace ops::store::codec {

// {"actor","id","kind","payload","scope","seq","ts"} — what the actor signs.
JsonValue eventObject(quint64 seq, const QString &uuid, qint64 tsMs, const QString &actor,
                      const QString &kind, const QString &scope, const JsonValue &payload);
// The stored canonical form: the object above plus "signature" (base64, or null when a batch
// checkpoint covers the event).
std::string withSignature(JsonValue object, const QByteArray &signature);

enum class SignatureField { Omit, Null, Value };
// The same bytes as serialising eventObject (+ signature), assembled directly for bulk paths.
std::string eventBytes(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                       std::string_view kind, std::string_view scope, std::string_view payloadCanonical,
                       SignatureField field, std::string_view signatureBase64 = {});
bool validKind(std::string_view kind);

// The message an event's actor signs in the position-free form (EvidenceStore.h, SignedForm).
std::string signedMessage(std::string_view storeId, std::string_view uuid, qint64 tsMs,
                          std::string_view actor, std::string_view kind, std::string_view scope,
                          std::string_view payloadCanonical);
// The message the author of an act made offline signs over the act as a whole when it is made:
// the team log it is for, the outbox and the act's place in it, the checkpoint its author had
// seen (its basis), when it was made and its events' ids in order. Nobody else can change where
// the act stands, what it was made on or which events it holds.
std::string actMessage(std::string_view storeId, std::string_view outboxId, qint64 n, quint64 basisSize,
                       QByteArrayView basisRoot, qint64 madeMs, const QStringList &uuids);
// Which form of the event `before` + `after` (the slices of checkEnvelope around the signature, so
// `before` ends with ,"seq":N) `signature` verifies with `key`; `buf` is scratch space.
SignedForm verifiedForm(const crypto::PublicKey &key, std::string_view storeId, std::string_view before,
                        std::string_view after, QByteArrayView signature, std::string &buf);
// Checks stored event bytes against their indexed columns without parsing the payload: the
// envelope around the payload is rebuilt from the columns and compared byte for byte.
// On success fills the payload bytes and the signed bytes' pieces; otherwise returns why not.
struct Envelope {
    std::string_view payload;
    std::string_view signatureBase64; // empty when the event is covered by a batch checkpoint
    std::string_view beforeSignature; // canonical bytes up to the signature member
    std::string_view afterSignature;  // canonical bytes after it (",\"ts\":…}")
};
QString checkEnvelope(std::string_view bytes, quint64 seq, std::string_view uuid, qint64 tsMs,
                      std::string_view actor, std::string_view kind, std::string_view scope,
                      bool signedByActor, Envelope &out);

// The body of a checkpoint note (what its signer signs).
// With an origin of its own the store's id goes into an "opsconsole-store" extension line.
std::string checkpointNoteBody(quint64 size, const QByteArray &root, qint64 tsMs, const QString &storeId,
                               const QString &origin = {});
// The legacy JSON checkpoint (read and verified; tests forge it).
JsonValue checkpointObject(quint64 size, const QByteArray &root, qint64 tsMs, const QString &signer,
                           const QString &signerKey, const QString &storeId);

// Checks that a parsed stored event agrees with its columns; returns the first disagreement.
QString columnMismatch(const JsonValue &parsed, const StoredEvent &row);

// Why an event as read back is not what was written: its bytes do not hash to its leaf, or its
// columns (kind, scope, actor, time, id, signed) disagree with its bytes. Empty when it is whole.
// Every read the folds use checks this, so a row edited in the file (below the checkpoint a user
// verified, where the open does not look again) is refused, never folded into a decision.
QString readProblem(const StoredEvent &e);
// `bytes` as read for attachment sha256Hex, or the refusal when they do not hash to it (the blob
// was changed in the store): attachments are never handed out under a digest they do not have.
Result<QByteArray> checkedBlob(QByteArray bytes, const QString &sha256Hex, const QString &where);
// The refusal for an event that readProblem names (a store error naming the event).
Error editedEventError(const StoredEvent &e, const QString &problem, const QString &where);

} // namespace ops::store::codec
