#pragma once

#include "Command.h"

namespace ops::cli {

// proof summarize FILE|- [--rules F] [--record [--scope S]]: PASS / FAIL / NOT RUN / SKIP counts,
// the overall verdict and failures by layer; exit 0 PASS, 1 FAIL or INCOMPLETE.
class ProofCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("proof"); }
    QString summary() const override { return QStringLiteral("summarize a test-output capture"); }
    QStringList usage() const override {
        return {QStringLiteral(
            "proof summarize FILE|- [--rules FILE] [--record [--scope S]] [--attest FILE] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "PASS / FAIL / NOT RUN / SKIP counts of a test-output capture (- reads standard input), each "
            "section (a VALIDATION line, a headed block, a Go package, a pytest or ctest run) with its own "
            "counts and verdict, then the totals: PASS, FAIL, or INCOMPLETE when nothing ran. Failure lines "
            "are grouped by layer (toolchain, environment, capability, fault-injection, unknown) with their "
            "debug actions. NOT RUN and SKIP never count as passes. --record stores the summary with the "
            "capture attached; --attest writes an in-toto test-result attestation.");
    }
    QStringList examples() const override {
        return {QStringLiteral("proof summarize capture.txt"),
                QStringLiteral("proof summarize - --record --scope kl < capture.txt")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  FAIL or INCOMPLETE"), QStringLiteral("3  a bad rules file")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

// verdict verify SCORE BUNDLE SIG PUB | verdict verify --folder DIR: offline verification;
// exit 0 valid, 1 invalid, 3 unreadable input.
class VerdictCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("verdict"); }
    QString summary() const override { return QStringLiteral("verify a signed verdict offline"); }
    QStringList usage() const override {
        return {
            QStringLiteral(
                "verdict verify SCORE BUNDLE SIG PUB [--pin SHA256:HEX]... [--record [--scope S]] [--json]"),
            QStringLiteral(
                "verdict verify --folder RESULTS_DIR [--pin SHA256:HEX]... [--record [--scope S]] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Offline verdict verification: the signature over the exact bytes of score.json (Ed25519, or RSA "
            "/ ECDSA with SHA-256; raw or base64), evidence_sha256 against the bundle, the bundle readable "
            "as tar.gz or tar.zst within entry, size and compression-ratio caps (read in memory, never "
            "extracted), no unsafe paths, and every evidence_files digest; each check reported on its own, "
            "with the key's fingerprint. No network is used. --record stores the result with the four files "
            "attached.");
    }
    QStringList examples() const override {
        return {QStringLiteral("verdict verify --folder results/ --record --scope kl")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  invalid"), QStringLiteral("3  unreadable input")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
