#pragma once

#include "Command.h"

namespace ops::cli {

// incident open | severity | assign | evidence | decide | close | list | show.
class IncidentCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("incident"); }
    QString summary() const override {
        return QStringLiteral("incidents, core evidence records and the decision log");
    }
    QStringList usage() const override {
        return {
            QStringLiteral("incident open --class C --scope S [--severity SEV-n --reason R] [--trigger T] "
                           "[--alert A] [--owner NAME] [--json]"),
            QStringLiteral("incident severity ID SEV-n --reason R [--json]"),
            QStringLiteral("incident assign ID OWNER [--json]"),
            QStringLiteral(
                "incident evidence ID --scope=S --trigger=T --failure_mode=F --containment_action=C "
                "--rollback_action=R|none --verification_result=V --owner=O --follow_up=U [--timestamp=ISO] "
                "[--json]"),
            QStringLiteral("incident decide ID TEXT [--json]"),
            QStringLiteral("incident close ID --closure TEXT [--verification TEXT] [--json]"),
            QStringLiteral("incident list [--all] [--json]"),
            QStringLiteral("incident show ID [--json]"),
            QStringLiteral("incident report ID --out FILE|- [--format md|html|pdf] [--lang en|de] [--json]")};
    }
    QString description() const override {
        return QStringLiteral(
            "Incidents and their evidence. open takes a class and scope; the severity defaults to the "
            "severity model's suggestion and another needs a reason. evidence records the core evidence "
            "record: every field is required (timestamp defaults to now) and a record missing any exits 3 "
            "naming the missing fields. The decision log and closure are the incident owner's; closing needs "
            "a core evidence record and no unfinished rollback run.\n\nreport writes the postmortem "
            "(summary, timeline, decisions, kill switches, runbook runs, the rollback against its objective, "
            "alerts, follow-ups and an appendix with the checkpoint and a tlog-proof for every event cited) "
            "as Markdown, HTML or PDF, marked DRAFT while the incident is open; generating it is recorded.");
    }
    QStringList examples() const override {
        return {QStringLiteral("incident open --class bad-publish --scope pg --alert resolver-health"),
                QStringLiteral("incident decide INC-7F3A-9C2E \"contain first: roll pg back\""),
                QStringLiteral("incident report INC-7F3A-9C2E --format pdf --out INC-7F3A-9C2E.pdf")};
    }
    int run(const QStringList &arguments, CliIo &io) override;
};

} // namespace ops::cli
