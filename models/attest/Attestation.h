#pragma once

// Signed attestations other tools consume: an in-toto Statement v1 in a DSSE envelope, signed
// by every person whose decision it carries (docs/formats.md, "Attestations").
//
//   envelope  {"payloadType": "application/vnd.in-toto+json", "payload": base64(statement),
//              "signatures": [{"keyid": "SHA256:<hex of SHA-256 over the raw Ed25519 key>",
//                              "sig": base64(Ed25519 over PAE(payloadType, statement))}]}
//   PAE       "DSSEv1" SP len(type) SP type SP len(body) SP body   (lengths in ASCII decimal)
//
// The statement names the people who must sign it — role, identity, key fingerprint and raw
// public key — under predicate.opsconsole.signers, so the set of signatures is covered by every
// signature: pinning one signer's key (the release owner's) authenticates the keys it names, and
// a missing signer or a flipped byte fails verification.

#include "core/JsonValue.h"
#include "core/Result.h"
#include "crypto/Ed25519.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

struct Signer;
struct StoredEvent;
class EvidenceStore;

namespace dsse {

inline constexpr const char *kInTotoPayloadType = "application/vnd.in-toto+json";
inline constexpr qsizetype kMaxEnvelopeBytes = 16 * 1024 * 1024;

// The bytes a DSSE signature covers.
QByteArray pae(const QString &payloadType, const QByteArray &payload);

struct Signature {
    QString keyid;
    QByteArray sig; // raw
};

struct Envelope {
    QString payloadType;
    QByteArray payload;
    QList<Signature> signatures;

    // Canonical JSON (sorted keys) with a trailing newline.
    QByteArray toJson() const;
    // Strict: the three fields only (a signature's keyid and sig only), canonical base64, at most
    // kMaxEnvelopeBytes; errors name the field.
    static Result<Envelope> parse(QByteArrayView bytes, const QString &source);
};

} // namespace dsse

struct AttestationSigner {
    QString role; // release-owner, product, engineering, qa, analyst, reviewer, recorder, …
    QString identity;
    QString fingerprint;  // SHA256:<hex>
    QByteArray publicKey; // raw 32 bytes

    JsonValue toJson() const;
};

struct AttestationSubject {
    QString name;
    QString sha256; // hex

    JsonValue toJson() const;
};

namespace InToto {
inline constexpr const char *kStatementType = "https://in-toto.io/Statement/v1";
inline constexpr const char *kVsaType = "https://slsa.dev/verification_summary/v1";
inline constexpr const char *kTestResultType = "https://in-toto.io/attestation/test-result/v0.1";
inline constexpr const char *kHandoffType = "https://opsconsole.dev/attestation/handoff-package/v1";

// A Statement v1: subjects, predicate type, and the predicate with opsconsole.signers set.
JsonValue statement(const QList<AttestationSubject> &subjects, const QString &predicateType,
                    JsonValue predicate, const QList<AttestationSigner> &signers);

// The signer as the statement names it, from an unlocked identity.
AttestationSigner signerOf(const Signer &signer, const QString &role);

// A new envelope around the statement's canonical bytes, signed by `signer`, who must be named in it.
Result<dsse::Envelope> create(const JsonValue &statement, const Signer &signer);
// Adds `signer`'s signature: refused when the existing signatures do not verify, when the signer
// is not named in the statement, or has signed already.
Result<void> addSignature(dsse::Envelope &envelope, const Signer &signer);

// One act: the envelope as signed so far (attached, with its evidence.attached event) and an
// `attestation.signed` event naming the statement's SHA-256, predicate type, verdict and what
// it is about (`about`: "launch LR-12", "proof summary of demo-output.txt", …).
Result<StoredEvent> record(EvidenceStore &store, const Signer &signer, const dsse::Envelope &envelope,
                           const QString &about, const QString &scope);
} // namespace InToto

struct AttestationCheck {
    QString name;
    bool ok = false;
    QString detail;
};

struct AttestationReport {
    bool valid = false;
    QString predicateType;
    JsonValue statement;
    QList<AttestationSubject> subjects;
    QList<AttestationSigner> signers;
    QStringList signedBy;       // fingerprints whose signature verified
    QStringList missingSigners; // named in the statement, no valid signature
    QList<AttestationCheck> checks;
    QString result; // the predicate's verdict: verificationResult or result ("" when none)

    JsonValue toJson() const;
};

// Every signature verifies over the PAE, every signer the statement names has signed, nothing
// else signed, and every pinned key (at least one is required) is among the signers.
Result<AttestationReport> verifyAttestation(QByteArrayView envelopeBytes, const QStringList &pins,
                                            const QString &source);

} // namespace ops
