#pragma once

// The exact byte forms of events and checkpoints (docs/formats.md). Internal to models/store.

#include "EvidenceTypes.h"

namespace ops::store::codec {

// {"actor","id","kind","payload","scope","seq","ts"} — what the actor signs.
JsonValue eventObject(quint64 seq, const QString &uuid, qint64 tsMs, const QString &actor, const QString &kind,
                      const QString &scope, const JsonValue &payload);
// The stored canonical form: the object above plus "signature" (base64, or null when a batch
// checkpoint covers the event).
std::string withSignature(JsonValue object, const QByteArray &signature);

JsonValue checkpointObject(quint64 size, const QByteArray &root, qint64 tsMs, const QString &signer,
                           const QString &signerKey, const QString &storeId);

// Checks that a parsed stored event agrees with its columns; returns the first disagreement.
QString columnMismatch(const JsonValue &parsed, const StoredEvent &row);

} // namespace ops::store::codec
