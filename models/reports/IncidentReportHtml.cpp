// IncidentReport as HTML (the PDF is printed from it) and its rollback clock chart as SVG.
#include "IncidentReport.h"
#include "IncidentReportText.h"

#include "crypto/SignedNote.h"

namespace ops {

using namespace incident_report;

namespace {

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

} // namespace

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
       i.severityReason.isEmpty()
           ? i.severity
           : QStringLiteral("%1 (%2)").arg(i.severity, i.severityReasonPhrase.translated()));
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
