#pragma once

#include "Command.h"

namespace ops {
class EvidenceStore;
class SqliteEvidenceStore;
} // namespace ops

namespace ops::cli {

// evidence import|list|show|attach|verify|consistency|checkpoint|prove|cosign|witness|migrate|backup|
// export|verify-bundle
class EvidenceCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("evidence"); }
    QString summary() const override { return QStringLiteral("the evidence log"); }
    QStringList usage() const override {
        return {
            QStringLiteral("evidence import FILE.jsonl [--json]"),
            QStringLiteral(
                "evidence list [--kind K|FAMILY.*] [--scope S] [--actor A] [--incident ID] [--since TIME] "
                "[--search WORDS] [--limit N] [--json]"),
            QStringLiteral("evidence show SEQ [--raw] [--json]"),
            QStringLiteral("evidence checkpoint [--out FILE]"),
            QStringLiteral("evidence prove SEQ [--out FILE.tlog-proof]"),
            QStringLiteral("evidence cosign NOTE --identity NAME [--out FILE]"),
            QStringLiteral(
                "evidence witness --identity NAME [--json]   (the team log: check, cosign, count)"),
            QStringLiteral("evidence migrate --to postgresql://… [--app-role ROLE] [--json]   (a local "
                           "store into an empty team log: same leaves, same root)"),
            QStringLiteral("evidence attach FILE [--scope S] [--media-type TYPE] [--json]"),
            QStringLiteral("evidence verify [--signatures] [--pin SHA256:HEX]... [--json]"),
            QStringLiteral("evidence consistency OLD_CHECKPOINT [--proof-out FILE] [--json]"),
            QStringLiteral("evidence backup OUT"),
            QStringLiteral("evidence export OUT.tar.zst [--incident ID] [--since TIME] [--scope S] [--json]"),
            QStringLiteral("evidence verify-bundle FILE [--pin SHA256:HEX]... [--pin-signer SHA256:HEX]... "
                           "[--pin-exporter SHA256:HEX]... [--json]")};
    }
    int run(const QStringList &arguments, CliIo &io) override;

private:
    // migrate --to URL: the local store into an empty team log.
    int runMigrate(const QString &url, const QString &appRole, const StartupContext &ctx, CliIo &io,
                   bool json);
    // checkpoint, prove SEQ, cosign NOTE: the C2SP signed-note forms of the log.
    int runNoteVerb(const QString &sub, const QString &arg, const QString &outPath, const StartupContext &ctx,
                    EvidenceStore &store, CliIo &io, bool json);
};

} // namespace ops::cli
