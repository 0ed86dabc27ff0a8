#pragma once

#include "Command.h"

namespace ops::cli {

// launch start | check | checksum | signoff | decide | status | record export: the release owner's
// launch-day checklist, its separated sign-offs and the GO / NO-GO computed from the store.
class LaunchCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("launch"); }
    QString summary() const override {
        return QStringLiteral("launch-day checklist, sign-offs and GO / NO-GO");
    }
    QStringList usage() const override {
        return {
            QStringLiteral("launch status [--run RUN] [--json]   (exit 0 GO, 1 NO-GO)"),
            QStringLiteral("launch start --scope S --build ID [--json]"),
            QStringLiteral("launch check CHECK [--evidence TEXT] [--attach FILE] [--confirm] [--out FILE] "
                           "[--failed --reason R] [--json]"),
            QStringLiteral("launch checksum FILE|DIR... [--json]"),
            QStringLiteral("launch signoff --role product|engineering|qa [--json]"),
            QStringLiteral("launch decide --go|--no-go [--note TEXT] [--json]"),
            QStringLiteral("launch record export OUT [--run RUN] [--json]"),
            QStringLiteral(
                "launch attest --out FILE.intoto.json [--run RUN] [--json]   (then attest sign FILE by "
                "each sign-off)")};
    }
    QString description() const override {
        return QStringLiteral(
            "The launch-day checklist. start opens it (release-owner; one launch at a time). check records "
            "config-snapshot (endpoints, auth keys present but never their values, environment flags, "
            "kill-switch defaults), first-publish, probe-active and live-app-fetch (probed now), and archive "
            "--out FILE (a signed evidence bundle); a check recorded again replaces the earlier one and "
            "invalidates every sign-off. checksum streams SHA-256 over the release build. signoff is an "
            "Ed25519 signature over the launch record's hash by an identity holding the role, once every "
            "check holds; one identity never signs two roles.\n\nstatus computes GO or NO-GO from the store "
            "with every reason: the checklist, the sign-offs and the no-go rules (rollback drill, kill "
            "switches tested, stale-pack alerting, publish failures routed, critical scopes validated). "
            "decide is the release owner's signed decision (GO only when the status is GO). record export "
            "writes the launch record, SHA256SUMS and every sign-off checkable with openssl; attest writes a "
            "DSSE/in-toto attestation (SLSA verification summary) that the sign-offs countersign with attest "
            "sign.");
    }
    QStringList examples() const override {
        return {QStringLiteral("launch start --scope kl --build 2026.11.23-rc1"),
                QStringLiteral("launch checksum dist/"),
                QStringLiteral("launch signoff --role qa --identity quinn"), QStringLiteral("launch status")};
    }
    QStringList exitCodes() const override {
        return {QStringLiteral("1  status: NO-GO; check: the check was recorded as failed")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
