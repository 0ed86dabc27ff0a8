#pragma once

#include "core/Phrase.h"

#include "core/DeploymentConfig.h"
#include "core/JsonValue.h"
#include "core/Result.h"
#include "runbooks/Runbook.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace ops {

class EvidenceStore;

// Incidents, runbook runs, rollback runs and kill switches are folded from their events
// (incident.*, runbook.*, rollback.*, killswitch.*): the events are the record, this is the view.

// The ids people cite. An opener (incident.opened, runbook.started, rollback.started) carries
// the id it was given when it was made, "INC-7F3A-9C2E" or "RUN-…": 40 random bits in Crockford
// base32, chosen by the console that makes the act, so the id is the same whatever position the
// act takes in the log (an act made offline keeps its id when it is synced). Openers written
// before ids were chosen, or whose id is malformed or already taken, are known by their position:
// "INC-42" names the incident opened by event 42, "RUN-57" the run started by event 57.
QString incidentId(quint64 seq);
QString runId(quint64 seq);
QString newIncidentId();
QString newRunId();
// The id an opener event gives itself (its chosen one when well formed, else by position), before
// the fold looks for an id taken earlier.
QString citedIdOf(const StoredEvent &opener);
// The canonical spelling of an id people typed ("inc-7f3a-9c2e", " RUN-12 "), or empty when it is
// neither an INC- nor a RUN- id.
QString normalizedCitedId(const QString &text);

QStringList severities();     // SEV-1, SEV-2, SEV-3
QString clockText(qint64 ms); // "14:59", "-1:05": minutes and seconds of a clock

// The severity model (docs/domain-rules.md) applied to an incident class and scope, with its reason.
struct SeveritySuggestion {
    QString severity;
    Phrase reason; // the model's words: recorded in English with their words beside them
};
SeveritySuggestion suggestSeverity(const QString &incidentClass, const ScopeConfig &scope);

// The core evidence record (docs/domain-rules.md): every field is required; timestamp defaults to now.
namespace CoreEvidence {
QStringList fields();                // in the seed's order
QString label(const QString &field); // "Observed failure mode"
QString hint(const QString &field);
// The record as canonical JSON, or an InvalidInput error naming every missing field (where =
// the missing fields joined by commas), an unknown field or a bad timestamp. Writes nothing.
Result<JsonValue> validate(const QMap<QString, QString> &values, qint64 nowMs);
} // namespace CoreEvidence

struct TimelineEntry {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString kind;
    QString text;                 // one line for a person, in English (the CLI's and its JSON's)
    const char *source = nullptr; // its template untranslated (context "ops::Timeline"), %1… = args
    QStringList args;
    // The line in the language of the installed translator (the GUI's, a German report's); the
    // English text where the line has no template.
    QString display() const;
};
// A line from its template: the English text and what display() translates.
TimelineEntry timelineEntry(const StoredEvent &event, const char *source, const QStringList &args);
void setTimelineLine(TimelineEntry &entry, const char *source, const QStringList &args);

struct Decision {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString text;
};

struct Incident {
    QString id;
    quint64 seq = 0;
    QString incidentClass;
    QString scope;
    QString severity;
    QString severityReason;      // as the log records it
    Phrase severityReasonPhrase; // the same, in the reader's language where the model said it
    QString trigger;
    QString alert; // the alert it was opened from, if any
    QString openedBy;
    QString owner; // incident owner; empty until assigned
    qint64 openedMs = 0;
    bool closed = false;
    qint64 closedMs = 0;
    QString closedBy;
    QString closure;
    QString closureCondition;
    QString verification;
    QList<JsonValue> evidence; // core evidence records
    QList<Decision> decisions;
    QStringList runs;
    QList<TimelineEntry> timeline;
};

enum class StepStatus { Pending, Done, Failed, Skipped };
QString stepStatusName(StepStatus status);

struct StepState {
    RunbookStep step;
    StepStatus status = StepStatus::Pending;
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString note; // the note, or the reason for failed / skipped
    JsonValue evidence = JsonValue::object();
};

// A clock of a rollback run: restore (15 min) or integrity (30 min) from "confirmed bad publish".
struct RollbackClock {
    QString name; // restore | integrity
    QString step; // the step whose completion meets it
    qint64 deadlineMs = 0;
    qint64 metMs = 0;   // 0 while not met; the later of the step's time and its seal's
    quint64 metSeq = 0; // the step event that met it
    bool missedRecorded = false;
};
enum class ClockState { Running, Warning, Met, MetLate, Missed };
QString clockStateName(ClockState state);
struct ClockView {
    ClockState state = ClockState::Running;
    qint64 remainingMs = 0; // negative once the deadline has passed
};
// Warning in the last fifth of the window (at least the last minute); Missed once past it.
ClockView clockView(const RollbackClock &clock, qint64 startMs, qint64 nowMs);

struct RunbookRun {
    QString id;
    quint64 seq = 0;
    QString runbook;
    QString title;
    QString closureCondition;
    QString incident;
    QString scope;
    QString build; // launch runs: the app build being launched
    QString startedBy;
    qint64 startedMs = 0;
    QList<StepState> steps;
    bool finished = false;
    qint64 finishedMs = 0;
    quint64 finishedSeq = 0;
    // Rollback runs
    bool rollback = false;
    bool drill = false;
    QList<RollbackClock> clocks;
    // Every signature step ever recorded on the run, in order: (role, identity) — a later
    // signature replaces an earlier one in its step, never in this history.
    QList<QPair<QString, QString>> signatures;
    bool objectiveMet = false; // set when a rollback run finishes

    const StepState *step(const QString &stepId) const;
    StepState *step(const QString &stepId);
    const StepState *nextPending() const;
    int resolvedCount() const;
    const RollbackClock *clock(const QString &name) const;
};

struct KillSwitchState {
    QString killSwitch; // ai | bad-pack
    QString scope;
    bool active = false;
    quint64 seq = 0;
    qint64 sinceMs = 0;
    QString actor;
    QString reason;
    QStringList validationLocalities;
    QString validationResult;
    QString incident;
    int activations = 0;
    int deactivations = 0;
};
QStringList killSwitchNames(); // ai, bad-pack

class IncidentBook {
public:
    static Result<IncidentBook> load(const EvidenceStore &store);
    void apply(const StoredEvent &event);

    const QList<Incident> &incidents() const { return m_incidents; }
    const Incident *incident(const QString &id) const;
    QList<const Incident *> openIncidents() const;
    const QList<RunbookRun> &runs() const { return m_runs; }
    const RunbookRun *run(const QString &id) const;
    QList<KillSwitchState> killSwitches() const;
    const KillSwitchState *killSwitch(const QString &name, const QString &scope) const;
    QSet<QString> activeKillSwitchScopes() const;
    quint64 lastSeq() const { return m_lastSeq; }

    static QStringList kindPrefixes();

private:
    Incident *mutableIncident(const QString &id);
    RunbookRun *mutableRun(const QString &id);
    void addToTimeline(const QString &incident, const StoredEvent &event, const char *source,
                       const QStringList &args);
    // Rollback clocks judged by the signed checkpoints too: a step counts as done no earlier than
    // the checkpoint that sealed it, and the objective is recomputed from the clocks.
    Result<void> judgeRollbacks(const EvidenceStore &store);

    QList<Incident> m_incidents;
    QList<RunbookRun> m_runs;
    QHash<QString, int> m_incidentIndex; // normalized id → position in m_incidents
    QHash<QString, int> m_runIndex;
    QMap<QPair<QString, QString>, KillSwitchState> m_killSwitches;
    quint64 m_lastSeq = 0;
};

// A runbook's steps as they are written into its run's start event, so a run stays readable
// when the runbook file changes later.
JsonValue stepsJson(const QList<RunbookStep> &steps);
QList<RunbookStep> stepsFromJson(const JsonValue &steps);

// A new chosen id that no incident (run) of the book has.
QString freshIncidentId(const IncidentBook &book);
QString freshRunId(const IncidentBook &book);

} // namespace ops
