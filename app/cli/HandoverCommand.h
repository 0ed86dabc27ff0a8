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
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
