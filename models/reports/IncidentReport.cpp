#include "IncidentReport.h"

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

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
};

QString iso(qint64 ms) {
    return ms > 0 ? Time::toIso(ms).left(19) + QLatin1Char('Z') : QStringLiteral("—");
}

QString duration(qint64 ms) {
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return Text::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return Text::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return Text::tr("%1 s").arg(s);
}

QString mdCell(const QString &s) {
    return s.isEmpty() ? QStringLiteral("—") : Markdown::text(s);
}

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString clockStateText(ClockState s) {
    switch (s) {
    case ClockState::Met:
        return Text::tr("met");
    case ClockState::MetLate:
        return Text::tr("met late");
    case ClockState::Missed:
        return Text::tr("MISSED");
    case ClockState::Warning:
        return Text::tr("running, close to the deadline");
    case ClockState::Running:
        break;
    }
    return Text::tr("running");
}

// The objective the run was judged by: the minutes from its start to each clock's deadline.
QString metLine(const ReportRollback &rb) {
    qint64 restore = 0, integrity = 0;
    for (const RollbackClock &c : rb.run.clocks)
        (c.name == QLatin1String("restore") ? restore : integrity) =
            (c.deadlineMs - rb.run.startedMs) / 60000;
    return Text::tr("Objective MET: restored within %1 minutes and integrity within %2.")
        .arg(restore)
        .arg(integrity);
}

QString clockLine(const ReportClock &c) {
    const QString name = c.name == QLatin1String("restore") ? Text::tr("Restore") : Text::tr("Integrity");
    if (c.metMs > 0)
        return Text::tr("%1 within %2 min: %3 at %4, %5 after the bad publish (event %6)")
            .arg(name)
            .arg(c.minutes)
            .arg(clockStateText(c.state), iso(c.metMs), duration(c.metMs - c.startMs))
            .arg(c.metSeq);
    return Text::tr("%1 within %2 min: %3 (deadline %4)")
        .arg(name)
        .arg(c.minutes)
        .arg(clockStateText(c.state), iso(c.deadlineMs));
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

QString IncidentReport::clockChartSvg(const ReportRollback &rb) const {
    // Minutes 0..max(30, what happened) on the x axis; one row per clock: the window to its
    // deadline, the time it took (green when met in time, red otherwise), the deadline line.
    qint64 spanMin = 30;
    for (const ReportClock &c : rb.clocks)
        spanMin = qMax<qint64>(spanMin, ((c.metMs > 0 ? c.metMs : generatedMs) - c.startMs) / 60000 + 1);
    spanMin = qMin<qint64>(spanMin, 240);
    const int w = 640, left = 110, right = 20, rowH = 34, top = 14;
    const int h = top + rowH * int(rb.clocks.size()) + 30;
    const double perMin = double(w - left - right) / double(spanMin);
    QString s = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                               "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\">")
                    .arg(w)
                    .arg(h);
    s += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>").arg(w).arg(h);
    int row = 0;
    for (const ReportClock &c : rb.clocks) {
        const int y = top + row++ * rowH;
        const qint64 tookMs =
            (c.metMs > 0 ? c.metMs : qMin(generatedMs, c.startMs + spanMin * 60000)) - c.startMs;
        const double tookW = qMax(1.0, double(tookMs) / 60000.0 * perMin);
        const bool ok = c.state == ClockState::Met;
        const QString colour = ok ? QStringLiteral("#1b7f3b")
                               : c.state == ClockState::Running || c.state == ClockState::Warning
                                   ? QStringLiteral("#8a6d00")
                                   : QStringLiteral("#b3261e");
        s += QStringLiteral("<text x=\"4\" y=\"%1\" fill=\"#000000\">%2 (%3 min)</text>")
                 .arg(y + 18)
                 .arg(esc(c.name == QLatin1String("restore") ? Text::tr("Restore") : Text::tr("Integrity")))
                 .arg(c.minutes);
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"20\" fill=\"#e8e8e8\"/>")
                 .arg(left)
                 .arg(y + 4)
                 .arg(double(c.minutes) * perMin, 0, 'f', 1);
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"12\" fill=\"%4\"/>")
                 .arg(left)
                 .arg(y + 8)
                 .arg(tookW, 0, 'f', 1)
                 .arg(colour);
        const double dl = left + double(c.minutes) * perMin;
        s += QStringLiteral(
                 "<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#000000\" stroke-width=\"2\"/>")
                 .arg(dl, 0, 'f', 1)
                 .arg(y)
                 .arg(y + 28);
    }
    const int axisY = top + rowH * int(rb.clocks.size()) + 4;
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#000000\"/>")
             .arg(left)
             .arg(axisY)
             .arg(w - right);
    const qint64 step = spanMin <= 40 ? 5 : spanMin <= 120 ? 15 : 30;
    for (qint64 m = 0; m <= spanMin; m += step)
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#000000\">%3</text>")
                 .arg(left + double(m) * perMin, 0, 'f', 1)
                 .arg(axisY + 16)
                 .arg(m);
    s += QStringLiteral("<text x=\"4\" y=\"%1\" fill=\"#000000\">%2</text>")
             .arg(axisY + 16)
             .arg(esc(Text::tr("minutes")));
    s += QStringLiteral("</svg>");
    return s;
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
    row(Text::tr("Severity"), i.severityReason.isEmpty()
                                  ? i.severity
                                  : QStringLiteral("%1 (%2)").arg(i.severity, i.severityReason));
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

QString IncidentReport::html(bool chartImages) const {
    const Incident &i = incident;
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n")
             .arg(esc(title()));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #999;padding:3px 6px;"
        "text-align:left;vertical-align:top}pre{background:#f4f4f4;padding:6px;font-size:9pt;white-space:pre-"
        "wrap}"
        ".draft{border:3px solid #b3261e;color:#b3261e;font-weight:bold;padding:6px}"
        ".met{color:#1b7f3b;font-weight:bold}.missed{color:#b3261e;font-weight:bold}</style>\n</"
        "head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(title()));
    if (draft)
        h += QStringLiteral("<p class=\"draft\">%1</p>\n")
                 .arg(esc(Text::tr("DRAFT — the incident is still open; this report is not final.")));
    h += QStringLiteral("<p>%1</p>\n")
             .arg(esc(Text::tr("Generated %1 from store %2 at checkpoint %3 (tree size %4). Times are UTC.")
                          .arg(iso(generatedMs), storeId, QString::fromLatin1(checkpoint.root.toBase64()))
                          .arg(checkpoint.size)));
    auto kv = [&](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                 .arg(esc(k), esc(v.isEmpty() ? QStringLiteral("—") : v));
    };
    h += QStringLiteral("<h2>%1</h2>\n<table>\n").arg(esc(Text::tr("Summary")));
    kv(Text::tr("Class"), i.incidentClass);
    kv(Text::tr("Scope"), i.scope);
    kv(Text::tr("Severity"),
       i.severityReason.isEmpty() ? i.severity : QStringLiteral("%1 (%2)").arg(i.severity, i.severityReason));
    kv(Text::tr("Owner"), i.owner.isEmpty() ? Text::tr("not assigned") : i.owner);
    kv(Text::tr("Opened"), Text::tr("%1 by %2 (event %3)").arg(iso(i.openedMs), i.openedBy).arg(i.seq));
    kv(Text::tr("Closed"),
       i.closed ? Text::tr("%1 by %2").arg(iso(i.closedMs), i.closedBy) : Text::tr("open"));
    kv(Text::tr("Duration"), duration((i.closed ? i.closedMs : generatedMs) - i.openedMs) +
                                 (i.closed ? QString() : QStringLiteral(" ") + Text::tr("so far")));
    kv(Text::tr("Trigger"), i.trigger);
    kv(Text::tr("Closure condition"), i.closureCondition);
    kv(Text::tr("Closure"), i.closure);
    kv(Text::tr("Verification"), i.verification);
    h += QStringLiteral("</table>\n<h3>%1</h3>\n<ul>\n").arg(esc(Text::tr("Severity and its changes")));
    for (const TimelineEntry &t : i.timeline)
        if (t.kind == QLatin1String("incident.opened") ||
            t.kind == QLatin1String("incident.severity_changed"))
            h += QString(QStringLiteral("<li>") + Text::tr("%1 — %2 (%3, event %4)") +
                         QStringLiteral("</li>\n"))
                     .arg(iso(t.tsMs), esc(t.display()), esc(t.actor), QString::number(t.seq));
    h +=
        QStringLiteral("</ul>\n<h2>%1</h2>\n<table>\n<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
            .arg(esc(Text::tr("Timeline")), esc(Text::tr("Event")), esc(Text::tr("Time (UTC)")),
                 esc(Text::tr("Actor")), esc(Text::tr("What")));
    for (const TimelineEntry &t : i.timeline)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                 .arg(t.seq)
                 .arg(iso(t.tsMs), esc(t.actor), esc(t.display()));
    h += QStringLiteral("</table>\n<h2>%1</h2>\n<ul>\n").arg(esc(Text::tr("Decision log")));
    if (i.decisions.isEmpty())
        h += QStringLiteral("<li>%1</li>\n").arg(esc(Text::tr("No decision was recorded.")));
    for (const Decision &d : i.decisions)
        h += QString(QStringLiteral("<li>") + Text::tr("<b>%1</b> %2 — %3 (event %4)") +
                     QStringLiteral("</li>\n"))
                 .arg(iso(d.tsMs), esc(d.actor), esc(d.text), QString::number(d.seq));
    h += QStringLiteral("</ul>\n<h2>%1</h2>\n").arg(esc(Text::tr("Core evidence record")));
    if (i.evidence.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(Text::tr("No core evidence record was recorded.")));
    for (const JsonValue &rec : i.evidence) {
        h += QStringLiteral("<table>\n");
        for (const auto &[k, v] : rec.toObject())
            kv(QString::fromStdString(k), v.isString() ? v.toQString() : QString::number(v.toInt()));
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(esc(Text::tr("Kill switches")));
    if (killSwitches.isEmpty())
        h += QStringLiteral("<li>%1</li>\n").arg(esc(Text::tr("No kill switch was used for this incident.")));
    for (const KillSwitchState &k : killSwitches)
        h += QStringLiteral("<li>%1</li>\n")
                 .arg(esc(Text::tr("- %1 in %2: %3 since %4 by %5 — %6 (activated %7×, deactivated %8×)")
                              .arg(k.killSwitch, k.scope, k.active ? Text::tr("ACTIVE") : Text::tr("off"),
                                   iso(k.sinceMs), k.actor, k.reason, QString::number(k.activations),
                                   QString::number(k.deactivations))
                              .mid(2)));
    h += QStringLiteral("</ul>\n<h2>%1</h2>\n").arg(esc(Text::tr("Runbook runs")));
    if (runs.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(Text::tr("No runbook was run.")));
    for (const RunbookRun &r : runs) {
        h += QStringLiteral("<h3>%1 — %2</h3>\n<p>%3</p>\n")
                 .arg(esc(r.id), esc(r.title),
                      esc(Text::tr("Started %1 by %2; %3.")
                              .arg(iso(r.startedMs), r.startedBy,
                                   r.finished ? Text::tr("finished %1").arg(iso(r.finishedMs))
                                              : Text::tr("not finished"))));
        h += QStringLiteral("<table>\n<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                 .arg(esc(Text::tr("Step")), esc(Text::tr("Status")), esc(Text::tr("Who")),
                      esc(Text::tr("When")), esc(Text::tr("Note")));
        for (const StepState &s : r.steps)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                     .arg(esc(s.step.id), stepStatusName(s.status), esc(s.actor),
                          s.seq ? Text::tr("%1 (event %2)").arg(iso(s.tsMs)).arg(s.seq) : QStringLiteral("—"),
                          esc(s.note));
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(Text::tr("Rollback against the objective")));
    if (rollbacks.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(Text::tr("No rollback was run for this incident.")));
    for (const ReportRollback &rb : rollbacks) {
        h += QStringLiteral("<h3>%1%2</h3>\n")
                 .arg(esc(rb.run.id), rb.run.drill
                                          ? QStringLiteral(" (") + esc(Text::tr("drill")) + QLatin1Char(')')
                                          : QString());
        h += rb.finished
                 ? (rb.objectiveMet ? QStringLiteral("<p class=\"met\">%1</p>\n").arg(esc(metLine(rb)))
                                    : QStringLiteral("<p class=\"missed\">%1</p>\n")
                                          .arg(esc(Text::tr("Objective MISSED."))))
                 : QStringLiteral("<p>%1</p>\n")
                       .arg(esc(Text::tr("Rollback not finished: objective not yet judged.")));
        h += chartImages ? QStringLiteral("<p><img src=\"chart:%1\" width=\"640\"></p>\n").arg(esc(rb.run.id))
                         : QStringLiteral("<p>%1</p>\n").arg(clockChartSvg(rb));
        h += QStringLiteral("<ul>\n");
        for (const ReportClock &c : rb.clocks)
            h += QStringLiteral("<li>%1</li>\n").arg(esc(clockLine(c)));
        h += QStringLiteral("</ul>\n");
    }
    h += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(esc(Text::tr("Alerts acknowledged and silenced")));
    if (alerts.isEmpty())
        h += QStringLiteral("<li>%1</li>\n")
                 .arg(esc(Text::tr("None in %1 while the incident was open.").arg(incident.scope)));
    for (const TimelineEntry &t : alerts)
        h += QString(QStringLiteral("<li>") + Text::tr("%1 — %2 (%3, event %4)") + QStringLiteral("</li>\n"))
                 .arg(iso(t.tsMs), esc(t.display()), esc(t.actor), QString::number(t.seq));
    h += QStringLiteral("</ul>\n<h2>%1</h2>\n<ul>\n").arg(esc(Text::tr("Follow-ups")));
    if (followUps.isEmpty())
        h += QStringLiteral("<li>%1</li>\n").arg(esc(Text::tr("Nothing left open by the evidence.")));
    for (const QString &f : followUps)
        h += QStringLiteral("<li>☐ %1</li>\n").arg(esc(f));
    h += QStringLiteral("</ul>\n<h2>%1</h2>\n<p>%2</p>\n<pre>%3</pre>\n")
             .arg(esc(Text::tr("Appendix: checking this report offline")),
                  esc(Text::tr("The checkpoint below is a signed note (c2sp.org/tlog-checkpoint). Each cited "
                               "event has a "
                               "c2sp.org/tlog-proof against it; `opsconsole-cli evidence show SEQ --raw` "
                               "gives the event's exact "
                               "bytes, the leaf the proof is for.")),
                  esc(QString::fromStdString(checkpoint.noteText())));
    if (const QString note = unprovenNote(); !note.isEmpty())
        h += QStringLiteral("<p><b>%1</b></p>\n").arg(esc(note));
    for (auto it = proofs.constBegin(); it != proofs.constEnd(); ++it)
        h += QStringLiteral("<h3>%1</h3>\n<pre>%2</pre>\n")
                 .arg(esc(Text::tr("Event %1").arg(it.key())), esc(it.value()));
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace ops
