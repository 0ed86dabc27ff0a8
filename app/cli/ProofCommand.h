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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
