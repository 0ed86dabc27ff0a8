#pragma once

#include "Command.h"

namespace ops::cli {

// derivation validate | import | list | show | review | risk-note | sign | supersede | invalidate:
// the reviewer's desk (docs/domain-rules.md).
class DerivationCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("derivation"); }
    QString summary() const override {
        return QStringLiteral("derivation records: validate, review, sign, supersede");
    }
    QStringList usage() const override {
        return {QStringLiteral(
                    "derivation validate FILE...|- [--json]   (writes nothing; exit 3 when any is invalid)"),
                QStringLiteral("derivation import FILE...|- [--json]"),
                QStringLiteral("derivation list [--status S] [--json]"),
                QStringLiteral("derivation show ID [--json]"),
                QStringLiteral("derivation review ID --accept|--reject [--reason R] [--json]"),
                QStringLiteral("derivation risk-note ID --note TEXT [--json]"),
                QStringLiteral("derivation sign ID [--json]"),
                QStringLiteral("derivation supersede ID FILE --reason R [--json]"),
                QStringLiteral("derivation invalidate ID --reason R [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Derivation records and typed INFEASIBLE records (YAML). validate checks them against every rule "
            "and writes nothing (exit 3 naming file:line, the field and the rule; - reads standard input). "
            "import (analyst) refuses a whole file with any finding. review is the named reviewer's "
            "decision, never the author's; a rejection needs a reason. risk-note is the risk owner's note, "
            "needed before a cost or capacity value is signed. sign is Ed25519 over a statement binding the "
            "record's canonical hash, its git_sha and its input hashes. supersede and invalidate keep the "
            "old record and invalidate its dependents.");
    }
    QStringList examples() const override {
        return {QStringLiteral("derivation validate reference-capacity.yaml"),
                QStringLiteral("derivation review reference-capacity-v1 --accept --reason \"reproduced from "
                               "the pinned inputs\"")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

// handoff status | charter | threats | attest | export | verify: the S03 handoff package.
class HandoffCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("handoff"); }
    QString summary() const override { return QStringLiteral("the signed S03 handoff package"); }
    QStringList usage() const override {
        return {
            QStringLiteral("handoff status [--json]   (exit 0 complete, 1 incomplete)"),
            QStringLiteral("handoff charter NAME... [--json]"),
            QStringLiteral("handoff threats (--add TEXT)... | --none [--json]"),
            QStringLiteral("handoff attest [--forbidden-run TEXT] [--json]"),
            QStringLiteral("handoff export OUT [--draft] [--locker NAME] [--json]"),
            QStringLiteral("handoff verify FILE [--pin SHA256:…] [--json]   (exit 0 valid, 1 not)"),
            QStringLiteral("handoff attest-package FILE --out OUT.intoto.json [--pin SHA256:…] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "The S03 handoff checklist and its inputs (charter, threats, the attestation that no forbidden "
            "run happened), the signed package (.tar.zst with a manifest of digests and HANDOFF.md) and its "
            "offline check. attest-package attests a package that verifies, over its signed records.");
    }
    QStringList examples() const override {
        return {QStringLiteral("handoff status"),
                QStringLiteral("handoff export handoff.tar.zst --locker lena"),
                QStringLiteral("handoff verify handoff.tar.zst --pin SHA256:3f1c...")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  status: incomplete; verify: not valid")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
