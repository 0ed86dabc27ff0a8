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
    int run(const QStringList &arguments, CliIo &io) override;

    // Records the envelope as evidence (attestation.signed, envelope attached), then writes it to
    // `out` ("-" for standard output); prints what was signed.
    static int recordAndWrite(CliIo &io, bool json, EvidenceStore &store, const Signer &signer,
                              const dsse::Envelope &envelope, const QString &about, const QString &scope,
                              const QString &out);
};

} // namespace ops::cli
