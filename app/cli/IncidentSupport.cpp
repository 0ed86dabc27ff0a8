#include "IncidentSupport.h"

#include "core/Time.h"
#include "crypto/Sha256.h"
#include "incidents/Publisher.h"
#include "incidents/RollbackClockWatcher.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace ops::cli::IncidentSupport {

namespace {

JsonValue strings(const QStringList &list) {
    JsonValue a = JsonValue::array();
    for (const QString &s : list)
        a.push(s);
    return a;
}
} // namespace

Result<Desk> open(const StartupContext &ctx, CliIo &io) {
    Desk desk;
    desk.library = RunbookLibrary::forDirectory(ctx.config.runbooksDir);
    for (const Diagnostic &d : desk.library.problems)
        io.err << "opsconsole-cli: " << d.toString() << '\n';
    auto unlocked = StoreAccess::openUnlocked(ctx, io);
    if (!unlocked.ok())
        return unlocked.error();
    desk.store = std::move(unlocked->store);
    desk.signer = std::move(unlocked->signer);
    // A rollback deadline that passed since anyone looked goes on its run's timeline first.
    auto missed = RollbackClockWatcher::recordDue(*desk.store, desk.signer, ctx.config, desk.library,
                                                  Time::systemClock());
    if (!missed.ok())
        io.err << "opsconsole-cli: a missed rollback deadline could not be recorded: "
               << missed.error().message << '\n';
    else
        for (const StoredEvent &e : missed.value())
            io.err << "recorded: " << e.payload().stringAt("run") << " missed its "
                   << e.payload().stringAt("clock") << " deadline (event " << e.seq << ")\n";
    return desk;
}

Result<std::unique_ptr<EvidenceStore>> openReadOnly(const StartupContext &ctx, CliIo &io) {
    return StoreAccess::openReadOnly(ctx, io);
}

Result<IncidentBook> readBook(const StartupContext &ctx, CliIo &io) {
    auto store = openReadOnly(ctx, io);
    if (!store.ok())
        return store.error();
    return IncidentBook::load(*store.value());
}

Result<QList<StoredEvent>> recordStep(Desk &desk, const StartupContext &ctx, CliIo &io, const QString &runRef,
                                      StepInput in, const QStringList &attachPaths) {
    auto book = IncidentBook::load(*desk.store);
    if (!book.ok())
        return book.error();
    const RunbookRun *run = book->run(runRef);
    if (!run)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no run '%1'").arg(runRef),
                         QStringLiteral("RUN"));
    const StepState *step = run->step(in.step);
    IncidentActions actions(*desk.store, desk.signer, ctx.config, desk.library);
    if (step && step->step.needs(EvidenceKind::Probe) && !in.probes && in.status != StepStatus::Skipped &&
        step->status != StepStatus::Done && step->status != StepStatus::Skipped && !run->finished) {
        const Secret &token = ctx.secrets.operatorToken;
        QStringList kinds;
        for (TargetKind k : step->step.probe)
            kinds << targetKindName(k);
        io.err << "probing " << kinds.join(QStringLiteral(", ")) << " of " << run->scope << "…\n";
        in.probes = ScopeProbe::runNow(ctx.config, token, run->scope, step->step.probe);
        for (const ProbeResult &r : *in.probes)
            io.err << "  " << r.target.id << ": " << probeStateName(r.state)
                   << (r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason.text())) << '\n';
    }
    auto files = StepFiles::read(attachPaths);
    if (!files.ok())
        return files.error();
    return actions.runs().recordStep(runRef, in, files.value());
}

JsonValue incidentJson(const Incident &i, const IncidentBook &book, bool full) {
    JsonValue o = JsonValue::object();
    o["id"] = i.id;
    o["class"] = i.incidentClass;
    o["scope"] = i.scope;
    o["severity"] = i.severity;
    o["severity_reason"] = i.severityReason;
    o["trigger"] = i.trigger;
    o["alert"] = i.alert;
    o["opened_by"] = i.openedBy;
    o["owner"] = i.owner;
    o["opened_at"] = Time::toIso(i.openedMs);
    o["state"] = i.closed ? QStringLiteral("closed") : QStringLiteral("open");
    o["closed_at"] = i.closed ? JsonValue(Time::toIso(i.closedMs)) : JsonValue(nullptr);
    o["evidence_records"] = static_cast<qint64>(i.evidence.size());
    o["runs"] = strings(i.runs);
    if (!full)
        return o;
    o["closure_condition"] = i.closureCondition;
    o["closure"] = i.closure;
    o["verification_result"] = i.verification;
    JsonValue ev = JsonValue::array();
    for (const JsonValue &r : i.evidence)
        ev.push(r);
    o["evidence"] = ev;
    JsonValue decisions = JsonValue::array();
    for (const Decision &d : i.decisions) {
        JsonValue x = JsonValue::object();
        x["seq"] = static_cast<qint64>(d.seq);
        x["at"] = Time::toIso(d.tsMs);
        x["by"] = d.actor;
        x["text"] = d.text;
        decisions.push(x);
    }
    o["decisions"] = decisions;
    JsonValue timeline = JsonValue::array();
    for (const TimelineEntry &t : i.timeline) {
        JsonValue x = JsonValue::object();
        x["seq"] = static_cast<qint64>(t.seq);
        x["at"] = Time::toIso(t.tsMs);
        x["by"] = t.actor;
        x["kind"] = t.kind;
        x["text"] = t.text;
        timeline.push(x);
    }
    o["timeline"] = timeline;
    Q_UNUSED(book)
    return o;
}

JsonValue runJson(const RunbookRun &r, qint64 nowMs) {
    JsonValue o = JsonValue::object();
    o["id"] = r.id;
    o["runbook"] = r.runbook;
    o["title"] = r.title;
    o["scope"] = r.scope;
    o["incident"] = r.incident;
    o["started_by"] = r.startedBy;
    o["started_at"] = Time::toIso(r.startedMs);
    o["finished"] = r.finished;
    o["closure_condition"] = r.closureCondition;
    JsonValue steps = JsonValue::array();
    for (const StepState &s : r.steps) {
        JsonValue x = JsonValue::object();
        x["id"] = s.step.id;
        x["action"] = s.step.action;
        x["status"] = stepStatusName(s.status);
        x["by"] = s.actor;
        x["at"] = s.tsMs ? JsonValue(Time::toIso(s.tsMs)) : JsonValue(nullptr);
        x["note"] = s.note;
        if (const JsonValue *summary = s.evidence.find("probe_summary"))
            x["probe_summary"] = *summary;
        steps.push(x);
    }
    o["steps"] = steps;
    if (r.rollback) {
        o["drill"] = r.drill;
        JsonValue clocks = JsonValue::object();
        for (const RollbackClock &c : r.clocks) {
            const ClockView v = clockView(c, r.startedMs, nowMs);
            JsonValue x = JsonValue::object();
            x["deadline"] = Time::toIso(c.deadlineMs);
            x["state"] = clockStateName(v.state);
            x["remaining_s"] = v.remainingMs / 1000;
            x["met_at"] = c.metMs ? JsonValue(Time::toIso(c.metMs)) : JsonValue(nullptr);
            x["missed_recorded"] = c.missedRecorded;
            clocks[c.name.toStdString()] = x;
        }
        o["clocks"] = clocks;
        o["objective_met"] = r.finished ? JsonValue(r.objectiveMet) : JsonValue(nullptr);
    }
    return o;
}

void printRun(CliIo &io, const RunbookRun &r, qint64 nowMs) {
    io.out << r.id << "  " << r.title << (r.rollback && r.drill ? QStringLiteral(" (drill)") : QString())
           << " on " << (r.scope.isEmpty() ? QStringLiteral("-") : r.scope)
           << (r.incident.isEmpty() ? QString() : QStringLiteral(" for %1").arg(r.incident)) << "  started "
           << Time::toIso(r.startedMs) << " by " << r.startedBy << '\n';
    for (const RollbackClock &c : r.clocks) {
        const ClockView v = clockView(c, r.startedMs, nowMs);
        QString text;
        switch (v.state) {
        case ClockState::Met:
            text =
                QStringLiteral("met at %1 (%2 to spare)").arg(Time::toIso(c.metMs), clockText(v.remainingMs));
            break;
        case ClockState::MetLate:
            text = QStringLiteral("MET LATE at %1 (%2 over)")
                       .arg(Time::toIso(c.metMs), clockText(-v.remainingMs));
            break;
        case ClockState::Missed:
            text = QStringLiteral("MISSED: deadline %1 passed %2 ago")
                       .arg(Time::toIso(c.deadlineMs), clockText(-v.remainingMs));
            break;
        default:
            text = QStringLiteral("%1 left (deadline %2)")
                       .arg(clockText(v.remainingMs), Time::toIso(c.deadlineMs));
        }
        io.out << QStringLiteral("  clock %1: %2\n").arg(c.name, -9).arg(text);
    }
    int n = 0;
    for (const StepState &s : r.steps) {
        io.out << QStringLiteral("  %1. [%2] %3 — %4")
                      .arg(++n)
                      .arg(stepStatusName(s.status), -7)
                      .arg(s.step.id, s.step.action);
        if (s.status != StepStatus::Pending)
            io.out << QStringLiteral(" (%1, %2%3)")
                          .arg(s.actor, Time::toIso(s.tsMs),
                               s.note.isEmpty() ? QString() : QStringLiteral(": ") + s.note);
        io.out << '\n';
    }
    if (r.finished)
        io.out << "  finished " << Time::toIso(r.finishedMs)
               << (r.rollback ? (r.objectiveMet ? QStringLiteral(": objective met")
                                                : QStringLiteral(": objective NOT met"))
                              : QString())
               << '\n';
    else if (const StepState *next = r.nextPending())
        io.out << "  next: " << next->step.id << '\n';
}

void printIncident(CliIo &io, const Incident &i, const IncidentBook &book) {
    io.out << i.id << "  " << i.severity << "  " << i.incidentClass << " on " << i.scope << "  "
           << (i.closed ? QStringLiteral("closed") : QStringLiteral("open")) << '\n';
    io.out << "  severity: " << i.severityReason << '\n';
    io.out << "  trigger: " << i.trigger
           << (i.alert.isEmpty() ? QString() : QStringLiteral(" (alert %1)").arg(i.alert)) << '\n';
    io.out << "  opened " << Time::toIso(i.openedMs) << " by " << i.openedBy << "; owner "
           << (i.owner.isEmpty() ? QStringLiteral("unassigned") : i.owner) << '\n';
    io.out << "  closure condition: " << i.closureCondition << '\n';
    if (i.closed)
        io.out << "  closed " << Time::toIso(i.closedMs) << " by " << i.closedBy << ": " << i.closure
               << " (verification: " << i.verification << ")\n";
    io.out << "  core evidence records: " << i.evidence.size() << '\n';
    for (const QString &runRef : i.runs)
        if (const RunbookRun *r = book.run(runRef))
            io.out << "  run " << r->id << ": " << r->title << ", " << r->resolvedCount() << "/"
                   << r->steps.size()
                   << (r->finished ? QStringLiteral(" finished") : QStringLiteral(" in progress")) << '\n';
    io.out << "Timeline:\n";
    for (const TimelineEntry &t : i.timeline)
        io.out << "  " << Time::toIso(t.tsMs) << "  #" << t.seq << "  " << t.actor << "  " << t.text << '\n';
}

} // namespace ops::cli::IncidentSupport
