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
            QStringLiteral("evidence import FILE.jsonl|- [--json]"),
            QStringLiteral(
                "evidence list [--kind K|FAMILY.*] [--scope S] [--actor A] [--incident ID] [--since TIME] "
                "[--search WORDS] [--limit N] [--format csv|json] [--json]"),
            QStringLiteral("evidence show SEQ [--raw] [--json]"),
            QStringLiteral("evidence checkpoint [--out FILE] [--json]"),
            QStringLiteral("evidence prove SEQ [--out FILE.tlog-proof] [--json]"),
            QStringLiteral("evidence cosign NOTE|- --identity NAME [--out FILE] [--json]"),
            QStringLiteral(
                "evidence witness --identity NAME [--json]   (the team log: check, cosign, count)"),
            QStringLiteral("evidence migrate --to postgresql://… [--app-role ROLE] [--json]   (a local "
                           "store into an empty team log: same leaves, same root)"),
            QStringLiteral("evidence attach FILE|- [--scope S] [--media-type TYPE] [--json]"),
            QStringLiteral("evidence verify [--signatures] [--pin SHA256:HEX]... [--json]"),
            QStringLiteral("evidence consistency OLD_CHECKPOINT [--proof-out FILE] [--json]"),
            QStringLiteral("evidence backup OUT [--json]"),
            QStringLiteral("evidence export OUT.tar.zst [--incident ID] [--since TIME] [--scope S] [--json]"),
            QStringLiteral("evidence verify-bundle FILE [--pin SHA256:HEX]... [--pin-signer SHA256:HEX]... "
                           "[--pin-exporter SHA256:HEX]... [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "The append-only evidence log. import appends one event per line (kind, scope, payload, optional "
            "ts) in one transaction covered by one signed checkpoint; a bad line fails the whole import "
            "naming file:line and nothing is written (- reads standard input). list shows events oldest "
            "first through the store's indexes; --search is full text (words, \"phrases\", prefix*, AND / OR "
            "/ NOT, parentheses); on the team log, list filters by kind, scope and actor and --search is a "
            "plain substring of the event's bytes. show prints one event with its leaf hash, signature "
            "status and inclusion "
            "proof.\n\nverify recomputes every leaf, root and checkpoint signature, checks that every act is "
            "signed by an identity approved at its position and that the store extends the last checkpoint "
            "this user verified; with pins (or trust.admins) the genesis admin must be pinned. It names the "
            "first bad event. checkpoint prints the latest checkpoint as a signed note, prove a tlog-proof "
            "of one event, consistency proves that the store extends an older checkpoint; cosign and witness "
            "are the team log's witness duties.\n\nbackup makes an online copy with its checkpoint sidecar; "
            "export writes a signed, self-contained bundle with an inclusion proof for every event, and "
            "verify-bundle checks one offline with no store, no config and no network. migrate moves a local "
            "store into an empty team log on PostgreSQL (same leaves, same root).");
    }
    QStringList examples() const override {
        return {QStringLiteral("evidence verify --signatures"),
                QStringLiteral("evidence list --kind incident.* --since 2026-11-23T00:00:00Z"),
                QStringLiteral("evidence export incident.tar.zst --incident INC-7F3A-9C2E"),
                QStringLiteral("evidence verify-bundle incident.tar.zst --pin SHA256:3f1c..."),
                QStringLiteral("evidence prove 42 --out event42.tlog-proof")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  verify, consistency or verify-bundle found a problem (named)")};
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
