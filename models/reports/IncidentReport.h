#pragma once

// The postmortem of an incident (docs/operator-guide.md, "Postmortem reports"), built from the
// store alone: summary, timeline, decision log, core evidence records, kill switches and runbook
// runs, the rollback against its 15/30-minute objective, alerts acknowledged and silenced,
// follow-ups, and an appendix that makes it checkable offline — the checkpoint (a signed note)
// and a c2sp.org/tlog-proof for every event cited. Rendered as Markdown and HTML here (the clock
// chart as SVG); the PDF is drawn by the UI layer from the HTML. Texts are translatable
// (context "IncidentReport"); an open incident's report says DRAFT.

#include "incidents/Incidents.h"
#include "store/EvidenceTypes.h"

#include <QMap>

namespace ops {

class EvidenceStore;
struct Signer;

struct ReportClock {
    QString name;       // restore | integrity
    int minutes = 0;    // the objective: 15 | 30
    qint64 startMs = 0; // the run's start: the confirmed bad publish
    qint64 deadlineMs = 0;
    qint64 metMs = 0; // 0 when never met
    quint64 metSeq = 0;
    ClockState state = ClockState::Running;
};

struct ReportRollback {
    RunbookRun run;
    QList<ReportClock> clocks;
    bool finished = false;
    bool objectiveMet = false;
};

struct IncidentReport {
    Incident incident;
    bool draft = false; // the incident is open
    qint64 generatedMs = 0;
    QString storeId;
    QList<RunbookRun> runs;
    QList<ReportRollback> rollbacks;
    QList<KillSwitchState> killSwitches;
    QList<TimelineEntry> alerts;   // alert.acknowledged, silence.* of the scope while it was open
    QStringList followUps;         // what is left to do, derived from the evidence
    Checkpoint checkpoint;         // the latest, when the report was made
    QMap<quint64, QString> proofs; // every cited event: its tlog-proof against `checkpoint`
    QList<quint64> unproven;       // cited events newer than `checkpoint` (said in the appendix)
    // "Events 71, 72 are newer than this checkpoint: …", or "" when every cited event is proven.
    QString unprovenNote() const;

    QList<quint64> citedEvents() const;
    QString title() const;
    QString markdown() const;
    // Self-contained HTML (inline CSS; charts as inline SVG, or as <img src="chart:RUN"> when
    // `chartImages`, for a renderer that draws them itself).
    QString html(bool chartImages = false) const;
    // The SVG of one rollback's clock chart (restore and integrity against their deadlines).
    QString clockChartSvg(const ReportRollback &rollback) const;
};

namespace IncidentReports {
enum class Format { Markdown, Html, Pdf };
std::optional<Format> formatFromName(const QString &name); // md | html | pdf
QString formatName(Format format);

Result<IncidentReport> build(const EvidenceStore &store, const QString &incident, qint64 nowMs);
// Records "report.generated": incident, format, SHA-256 and size of the output, the events it
// cites, the checkpoint it was built at, and whether it was a draft.
Result<StoredEvent> recordGenerated(EvidenceStore &store, const Signer &signer, const IncidentReport &report,
                                    Format format, const QByteArray &output, const QString &language);
} // namespace IncidentReports

} // namespace ops
