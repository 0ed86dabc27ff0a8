#include "IncidentReport.h"

#include "IncidentReportText.h"
#include "Markdown.h"

#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"
#include "store/EvidenceStore.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace ops {

using namespace incident_report;

namespace {
QString mdCell(const QString &s) {
    return s.isEmpty() ? QStringLiteral("—") : Markdown::text(s);
}

// "██████████░░░░" for the Markdown chart: one cell a minute up to the integrity objective.
QString textBar(const ReportClock &c, int width) {
    const qint64 end = c.metMs > 0 ? c.metMs : c.deadlineMs;
    const int filled = int(qBound(qint64(0), (end - c.startMs) / 60000, qint64(width)));
    return QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
}

} // namespace

QList<quint64> IncidentReport::citedEvents() const {
    QSet<quint64> seqs;
    for (const TimelineEntry &t : incident.timeline)
        seqs.insert(t.seq);
    for (const Decision &d : incident.decisions)
        seqs.insert(d.seq);
    for (const RunbookRun &r : runs)
        for (const StepState &s : r.steps)
            if (s.seq)
                seqs.insert(s.seq);
    for (const TimelineEntry &t : alerts)
        seqs.insert(t.seq);
    seqs.remove(0);
    QList<quint64> out(seqs.begin(), seqs.end());
    std::sort(out.begin(), out.end());
    return out;
}

QString IncidentReport::title() const {
    return Text::tr("Postmortem: %1 — %2 in %3").arg(incident.id, incident.incidentClass, incident.scope);
}

QString IncidentReport::markdown() const {
    const Incident &i = incident;
    QString md;
    auto line = [&md](const QString &s = {}) { md += s + QLatin1Char('\n'); };
    line(QStringLiteral("# ") + title());
    line();
    if (draft) {
        line(QStringLiteral("> **") +
             Text::tr("DRAFT — the incident is still open; this report is not final.") +
             QStringLiteral("**"));
        line();
    }
    line(Text::tr("Generated %1 from store %2 at checkpoint %3 (tree size %4). Times are UTC.")
             .arg(iso(generatedMs), storeId, QString::fromLatin1(checkpoint.root.toBase64()))
             .arg(checkpoint.size));
    line();
    line(QStringLiteral("## ") + Text::tr("Summary"));
    line();
    line(QStringLiteral("| | |"));
    line(QStringLiteral("|---|---|"));
    auto row = [&](const QString &k, const QString &v) {
        line(QStringLiteral("| %1 | %2 |").arg(k, mdCell(v)));
    };
    row(Text::tr("Class"), i.incidentClass);
    row(Text::tr("Scope"), i.scope);
    row(Text::tr("Severity"),
        i.severityReason.isEmpty()
            ? i.severity
            : QStringLiteral("%1 (%2)").arg(i.severity, i.severityReasonPhrase.translated()));
    row(Text::tr("Owner"), i.owner.isEmpty() ? Text::tr("not assigned") : i.owner);
    row(Text::tr("Opened"), Text::tr("%1 by %2 (event %3)").arg(iso(i.openedMs), i.openedBy).arg(i.seq));
    row(Text::tr("Closed"),
        i.closed ? Text::tr("%1 by %2").arg(iso(i.closedMs), i.closedBy) : Text::tr("open"));
    row(Text::tr("Duration"), duration((i.closed ? i.closedMs : generatedMs) - i.openedMs) +
                                  (i.closed ? QString() : QStringLiteral(" ") + Text::tr("so far")));
    row(Text::tr("Trigger"), i.trigger);
    row(Text::tr("Closure condition"), i.closureCondition);
    row(Text::tr("Closure"), i.closure);
    row(Text::tr("Verification"), i.verification);
    line();
    line(QStringLiteral("### ") + Text::tr("Severity and its changes"));
    line();
    for (const TimelineEntry &t : i.timeline)
        if (t.kind == QLatin1String("incident.opened") ||
            t.kind == QLatin1String("incident.severity_changed"))
            line(QStringLiteral("- ") + Text::tr("%1 — %2 (%3, event %4)")
                                            .arg(iso(t.tsMs), Markdown::text(t.display()),
                                                 Markdown::text(t.actor), QString::number(t.seq)));
    line();

    line(QStringLiteral("## ") + Text::tr("Timeline"));
    line();
    line(QStringLiteral("| %1 | %2 | %3 | %4 |")
             .arg(Text::tr("Event"), Text::tr("Time (UTC)"), Text::tr("Actor"), Text::tr("What")));
    line(QStringLiteral("|---:|---|---|---|"));
    for (const TimelineEntry &t : i.timeline)
        line(QStringLiteral("| %1 | %2 | %3 | %4 |")
                 .arg(t.seq)
                 .arg(iso(t.tsMs), mdCell(t.actor), mdCell(t.display())));
    line();

    line(QStringLiteral("## ") + Text::tr("Decision log"));
    line();
    if (i.decisions.isEmpty())
        line(Text::tr("No decision was recorded."));
    for (const Decision &d : i.decisions)
        line(QStringLiteral("- ") +
             Text::tr("**%1** %2 — %3 (event %4)")
                 .arg(iso(d.tsMs), Markdown::text(d.actor), Markdown::text(d.text), QString::number(d.seq)));
    line();

    line(QStringLiteral("## ") + Text::tr("Core evidence record"));
    line();
    if (i.evidence.isEmpty()) {
        line(Text::tr("No core evidence record was recorded."));
        line();
    }
    for (const JsonValue &rec : i.evidence) {
        line(QStringLiteral("| | |"));
        line(QStringLiteral("|---|---|"));
        for (const auto &[k, v] : rec.toObject())
            line(QStringLiteral("| %1 | %2 |")
                     .arg(mdCell(QString::fromStdString(k)),
                          mdCell(v.isString() ? v.toQString() : QString::number(v.toInt()))));
        line();
    }

    line(QStringLiteral("## ") + Text::tr("Kill switches"));
    line();
    if (killSwitches.isEmpty())
        line(Text::tr("No kill switch was used for this incident."));
    for (const KillSwitchState &k : killSwitches)
        line(Text::tr("- %1 in %2: %3 since %4 by %5 — %6 (activated %7×, deactivated %8×)")
                 .arg(k.killSwitch, k.scope, k.active ? Text::tr("ACTIVE") : Text::tr("off"), iso(k.sinceMs),
                      Markdown::text(k.actor), Markdown::text(k.reason), QString::number(k.activations),
                      QString::number(k.deactivations)));
    line();

    line(QStringLiteral("## ") + Text::tr("Runbook runs"));
    line();
    if (runs.isEmpty()) {
        line(Text::tr("No runbook was run."));
        line();
    }
    for (const RunbookRun &r : runs) {
        line(QStringLiteral("### %1 — %2").arg(r.id, Markdown::text(r.title)));
        line();
        line(
            Text::tr("Started %1 by %2; %3.")
                .arg(iso(r.startedMs), r.startedBy,
                     r.finished ? Text::tr("finished %1").arg(iso(r.finishedMs)) : Text::tr("not finished")));
        line();
        line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                 .arg(Text::tr("Step"), Text::tr("Status"), Text::tr("Who"), Text::tr("When"),
                      Text::tr("Note")));
        line(QStringLiteral("|---|---|---|---|---|"));
        for (const StepState &s : r.steps)
            line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                     .arg(mdCell(s.step.id), stepStatusName(s.status), mdCell(s.actor),
                          s.seq ? Text::tr("%1 (event %2)").arg(iso(s.tsMs)).arg(s.seq) : QStringLiteral("—"),
                          mdCell(s.note)));
        line();
    }

    line(QStringLiteral("## ") + Text::tr("Rollback against the objective"));
    line();
    if (rollbacks.isEmpty()) {
        line(Text::tr("No rollback was run for this incident."));
        line();
    }
    for (const ReportRollback &rb : rollbacks) {
        line(QStringLiteral("### %1%2")
                 .arg(rb.run.id, rb.run.drill ? QStringLiteral(" (") + Text::tr("drill") + QLatin1Char(')')
                                              : QString()));
        line();
        line(QStringLiteral("**") +
             (rb.finished ? (rb.objectiveMet ? metLine(rb) : Text::tr("Objective MISSED."))
                          : Text::tr("Rollback not finished: objective not yet judged.")) +
             QStringLiteral("**"));
        line();
        line(QStringLiteral("```"));
        for (const ReportClock &c : rb.clocks)
            line(QStringLiteral("%1 |%2| %3")
                     .arg((c.name == QLatin1String("restore") ? Text::tr("Restore") : Text::tr("Integrity"))
                              .leftJustified(10),
                          textBar(c, 30), clockLine(c)));
        line(QStringLiteral("```"));
        line();
    }

    line(QStringLiteral("## ") + Text::tr("Alerts acknowledged and silenced"));
    line();
    if (alerts.isEmpty())
        line(Text::tr("None in %1 while the incident was open.").arg(incident.scope));
    for (const TimelineEntry &t : alerts)
        line(QStringLiteral("- ") + Text::tr("%1 — %2 (%3, event %4)")
                                        .arg(iso(t.tsMs), Markdown::text(t.display()),
                                             Markdown::text(t.actor), QString::number(t.seq)));
    line();

    line(QStringLiteral("## ") + Text::tr("Follow-ups"));
    line();
    if (followUps.isEmpty())
        line(Text::tr("Nothing left open by the evidence."));
    for (const QString &f : followUps)
        line(QStringLiteral("- [ ] ") + Markdown::text(f));
    line();

    line(QStringLiteral("## ") + Text::tr("Appendix: checking this report offline"));
    line();
    line(Text::tr(
        "The checkpoint below is a signed note (c2sp.org/tlog-checkpoint). Each cited event has a "
        "c2sp.org/tlog-proof against it; `opsconsole-cli evidence show SEQ --raw` gives the event's exact "
        "bytes, the leaf the proof is for."));
    line();
    line(QStringLiteral("```"));
    md += QString::fromStdString(checkpoint.noteText());
    line(QStringLiteral("```"));
    line();
    if (const QString note = unprovenNote(); !note.isEmpty()) {
        line(QStringLiteral("**") + note + QStringLiteral("**"));
        line();
    }
    for (auto it = proofs.constBegin(); it != proofs.constEnd(); ++it) {
        line(QStringLiteral("### ") + Text::tr("Event %1").arg(it.key()));
        line();
        line(QStringLiteral("```tlog-proof"));
        md += it.value();
        line(QStringLiteral("```"));
        line();
    }
    return md;
}

QString IncidentReport::unprovenNote() const {
    if (unproven.isEmpty())
        return {};
    QStringList seqs;
    for (quint64 seq : unproven)
        seqs << QString::number(seq);
    return Text::tr("Cited events not covered by this checkpoint (newer than it), so without a proof "
                    "here: %1. Generate the report again once a checkpoint covers them.")
        .arg(seqs.join(QStringLiteral(", ")));
}

} // namespace ops
