#pragma once

#include "Command.h"

#include "attest/Attestation.h"

namespace ops::cli {

// attest sign | verify: DSSE-enveloped in-toto attestations (launch attest, proof summarize
// --attest, handoff attest-package); each signer adds a signature over the same payload, and
// anyone verifies offline with a pinned key.
class AttestCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("attest"); }
    QString summary() const override { return QStringLiteral("sign and verify in-toto attestations"); }
    QStringList usage() const override {
        return {QStringLiteral("attest sign FILE [--out FILE] [--json]   (adds your signature; you must be "
                               "a signer it names)"),
                QStringLiteral("attest verify FILE --pin SHA256:HEX... [--json]   (exit 0 valid, 1 not)")};
    }
    QString description() const override {
        return QStringLiteral(
            "Attestations: a DSSE envelope around an in-toto statement. sign adds your signature to an "
            "attestation that names you (a launch attestation is signed only when its whole statement is "
            "what your store says); verify checks that every signer it names signed it and that the pinned "
            "keys are among them. docs/dsse_openssl.py checks the same with openssl alone.");
    }
    QStringList examples() const override {
        return {QStringLiteral("attest sign launch.intoto.json --identity quinn"),
                QStringLiteral("attest verify launch.intoto.json --pin SHA256:3f1c...")};
    }
    QStringList exitCodes() const override { return {QStringLiteral("1  not valid")}; }
    int run(const QStringList &arguments, CliIo &io) override;

    // Records the envelope as evidence (attestation.signed, envelope attached), then writes it to
    // `out` ("-" for standard output); prints what was signed.
    static int recordAndWrite(CliIo &io, bool json, EvidenceStore &store, const Signer &signer,
                              const dsse::Envelope &envelope, const QString &about, const QString &scope,
                              const QString &out);
};

} // namespace ops::cli
