// The words an incident report's Markdown and HTML share (IncidentReport.cpp, IncidentReportHtml.cpp).
#pragma once

#include "IncidentReport.h"

#include "core/Time.h"

#include <QCoreApplication>

namespace ops::incident_report {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
};

inline QString iso(qint64 ms) {
    return ms > 0 ? Time::toIso(ms).left(19) + QLatin1Char('Z') : QStringLiteral("—");
}

inline QString duration(qint64 ms) {
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return Text::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return Text::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return Text::tr("%1 s").arg(s);
}

inline QString clockStateText(ClockState s) {
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
inline QString metLine(const ReportRollback &rb) {
    qint64 restore = 0, integrity = 0;
    for (const RollbackClock &c : rb.run.clocks)
        (c.name == QLatin1String("restore") ? restore : integrity) =
            (c.deadlineMs - rb.run.startedMs) / 60000;
    return Text::tr("Objective MET: restored within %1 minutes and integrity within %2.")
        .arg(restore)
        .arg(integrity);
}

inline QString clockLine(const ReportClock &c) {
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

} // namespace ops::incident_report
