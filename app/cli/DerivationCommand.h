#pragma once

#include "Command.h"

namespace ops::cli {

// derivation validate | import | list | show | review | risk-note | sign | supersede | invalidate:
// the reviewer's desk (seed 003).
class DerivationCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("derivation"); }
    QString summary() const override {
        return QStringLiteral("derivation records: validate, review, sign, supersede");
    }
    QStringList usage() const override {
        return {QStringLiteral(
                    "derivation validate FILE... [--json]   (writes nothing; exit 3 when any is invalid)"),
                QStringLiteral("derivation import FILE... [--json]"),
                QStringLiteral("derivation list [--status S] [--json]"),
                QStringLiteral("derivation show ID [--json]"),
                QStringLiteral("derivation review ID --accept|--reject [--reason R] [--json]"),
                QStringLiteral("derivation risk-note ID --note TEXT [--json]"),
                QStringLiteral("derivation sign ID [--json]"),
                QStringLiteral("derivation supersede ID FILE --reason R [--json]"),
                QStringLiteral("derivation invalidate ID --reason R [--json]")};
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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
