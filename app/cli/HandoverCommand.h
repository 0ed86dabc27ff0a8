#pragma once

#include "Command.h"

namespace ops::cli {

// handover [--to NAME] | handover ack [SEQ]: the signed shift brief and its acknowledgement.
class HandoverCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("handover"); }
    QString summary() const override { return QStringLiteral("the signed shift handover"); }
    QStringList usage() const override {
        return {QStringLiteral(
                    "handover [--to NAME] [--format md|html|pdf] [--out FILE|-] [--lang en|de] [--json]   "
                    "(signed by you)"),
                QStringLiteral("handover ack [SEQ] [--json]   (the incoming operator)")};
    }
    QString description() const override {
        return QStringLiteral(
            "The shift handover: open incidents with their last decision and next step, firing, acknowledged "
            "and silenced alerts, running rollback clocks, active kill switches, launch checks and sign-offs "
            "pending, derivations waiting for review, and what changed since the last handover. The outgoing "
            "operator signs it; the incoming one acknowledges it with ack (signed).");
    }
    QStringList examples() const override {
        return {QStringLiteral("handover --to bob"), QStringLiteral("handover ack --identity bob")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
