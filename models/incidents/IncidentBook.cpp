// The incident book: every incident, run and kill switch folded from the log.
#include "Incidents.h"

#include "core/Time.h"
#include "store/EvidenceStore.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace ops {

namespace {

qint64 intAt(const JsonValue &o, std::string_view key) {
    const JsonValue *v = o.find(key);
    return v ? v->toInt() : 0;
}

} // namespace

QStringList IncidentBook::kindPrefixes() {
    return {QStringLiteral("incident."), QStringLiteral("runbook."), QStringLiteral("rollback."),
            QStringLiteral("killswitch.")};
}

Result<IncidentBook> IncidentBook::load(const EvidenceStore &store) {
    auto all = eventsWithKindPrefixes(store, kindPrefixes());
    if (!all.ok())
        return all.error();
    IncidentBook book;
    for (const StoredEvent &e : all.value())
        book.apply(e);
    if (auto r = book.judgeRollbacks(store); !r.ok())
        return r.error();
    return book;
}

namespace {
// A step line: %1 run, %2 step, %3 note, %4 the status as recorded (when it is none of the three).
const char *stepLine(StepStatus status, bool withNote) {
    switch (status) {
    case StepStatus::Done:
        return withNote ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 done: %3")
                        : QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 done");
    case StepStatus::Failed:
        return withNote ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 failed: %3")
                        : QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 failed");
    case StepStatus::Skipped:
        return withNote ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 skipped: %3")
                        : QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 skipped");
    case StepStatus::Pending:
        break;
    }
    return withNote ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 %4: %3")
                    : QT_TRANSLATE_NOOP("ops::Timeline", "%1 step %2 %4");
}
} // namespace

Result<void> IncidentBook::judgeRollbacks(const EvidenceStore &store) {
    for (RunbookRun &run : m_runs) {
        if (!run.rollback)
            continue;
        bool onTime = true;
        for (RollbackClock &c : run.clocks) {
            if (c.metSeq > 0) {
                auto sealed = store.sealedAtMs(c.metSeq);
                if (!sealed.ok())
                    return sealed.error();
                c.metMs = qMax(c.metMs, sealed.value());
            }
            onTime = onTime && c.metMs > 0 && c.metMs <= c.deadlineMs;
        }
        if (!run.finished)
            continue;
        const bool failed = std::any_of(run.steps.cbegin(), run.steps.cend(),
                                        [](const StepState &s) { return s.status == StepStatus::Failed; });
        const bool met = onTime && !failed;
        if (met == run.objectiveMet)
            continue;
        run.objectiveMet = met;
        if (Incident *i = mutableIncident(run.incident))
            for (TimelineEntry &t : i->timeline)
                if (t.seq == run.finishedSeq)
                    setTimelineLine(
                        t,
                        met ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 finished: objective met")
                            : QT_TRANSLATE_NOOP("ops::Timeline", "%1 finished: objective not met"),
                        {run.id});
    }
    return {};
}

// Lookups by id through an index: a fold of thousands of incidents stays linear.
Incident *IncidentBook::mutableIncident(const QString &id) {
    const auto it = m_incidentIndex.constFind(normalizedCitedId(id));
    return it == m_incidentIndex.constEnd() ? nullptr : &m_incidents[*it];
}

RunbookRun *IncidentBook::mutableRun(const QString &id) {
    const auto it = m_runIndex.constFind(normalizedCitedId(id));
    return it == m_runIndex.constEnd() ? nullptr : &m_runs[*it];
}

const Incident *IncidentBook::incident(const QString &id) const {
    const auto it = m_incidentIndex.constFind(normalizedCitedId(id));
    return it == m_incidentIndex.constEnd() ? nullptr : &m_incidents.at(*it);
}

QList<const Incident *> IncidentBook::openIncidents() const {
    QList<const Incident *> out;
    for (const Incident &i : m_incidents)
        if (!i.closed)
            out << &i;
    return out;
}

const RunbookRun *IncidentBook::run(const QString &id) const {
    const auto it = m_runIndex.constFind(normalizedCitedId(id));
    return it == m_runIndex.constEnd() ? nullptr : &m_runs.at(*it);
}

QList<KillSwitchState> IncidentBook::killSwitches() const {
    return m_killSwitches.values();
}

const KillSwitchState *IncidentBook::killSwitch(const QString &name, const QString &scope) const {
    auto it = m_killSwitches.constFind(qMakePair(name, scope));
    return it == m_killSwitches.constEnd() ? nullptr : &it.value();
}

QSet<QString> IncidentBook::activeKillSwitchScopes() const {
    QSet<QString> out;
    for (const KillSwitchState &k : m_killSwitches)
        if (k.active)
            out.insert(k.scope);
    return out;
}

void IncidentBook::addToTimeline(const QString &incident, const StoredEvent &event, const char *source,
                                 const QStringList &args) {
    if (Incident *i = mutableIncident(incident))
        i->timeline << timelineEntry(event, source, args);
}

void IncidentBook::apply(const StoredEvent &e) {
    m_lastSeq = qMax(m_lastSeq, e.seq);
    const JsonValue p = e.payload();
    const QString incidentRef = p.stringAt("incident");
    if (e.kind == QLatin1String("incident.opened")) {
        Incident i;
        // An id taken earlier stays with the earlier incident; this one is known by its position.
        i.id = citedIdOf(e);
        if (m_incidentIndex.contains(i.id))
            i.id = incidentId(e.seq);
        i.seq = e.seq;
        i.incidentClass = p.stringAt("class");
        i.scope = e.scope;
        i.severity = p.stringAt("severity");
        i.severityReason = p.stringAt("severity_reason");
        i.severityReasonPhrase = Phrase::fromJson(p.find("severity_reason_words"), i.severityReason);
        i.trigger = p.stringAt("trigger");
        i.alert = p.stringAt("alert");
        i.openedBy = e.actor;
        i.owner = p.stringAt("owner");
        i.openedMs = e.tsMs;
        i.closureCondition = p.stringAt("closure_condition");
        m_incidentIndex.insert(i.id, static_cast<int>(m_incidents.size()));
        m_incidents << i;
        addToTimeline(i.id, e, QT_TRANSLATE_NOOP("ops::Timeline", "opened %1 %2 incident on %3: %4"),
                      {i.severity, i.incidentClass, i.scope, i.trigger});
        return;
    }
    if (e.kind == QLatin1String("incident.severity_changed")) {
        if (Incident *i = mutableIncident(incidentRef)) {
            i->severity = p.stringAt("to");
            i->severityReason = p.stringAt("reason");
            i->severityReasonPhrase = Phrase(i->severityReason); // a person's words, as written
        }
        addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "severity %1 → %2: %3"),
                      {p.stringAt("from"), p.stringAt("to"), p.stringAt("reason")});
        return;
    }
    if (e.kind == QLatin1String("incident.owner_assigned")) {
        if (Incident *i = mutableIncident(incidentRef))
            i->owner = p.stringAt("owner");
        addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "incident owner: %1"),
                      {p.stringAt("owner")});
        return;
    }
    if (e.kind == QLatin1String("incident.evidence")) {
        const JsonValue *record = p.find("record");
        if (Incident *i = mutableIncident(incidentRef); i && record)
            i->evidence << *record;
        addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "core evidence record: %1 — %2"),
                      {record ? record->stringAt("failure_mode") : QString(),
                       record ? record->stringAt("verification_result") : QString()});
        return;
    }
    if (e.kind == QLatin1String("incident.decision")) {
        if (Incident *i = mutableIncident(incidentRef))
            i->decisions << Decision{e.seq, e.tsMs, e.actor, p.stringAt("text")};
        addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "decision: %1"),
                      {p.stringAt("text")});
        return;
    }
    if (e.kind == QLatin1String("incident.closed")) {
        if (Incident *i = mutableIncident(incidentRef)) {
            i->closed = true;
            i->closedMs = e.tsMs;
            i->closedBy = e.actor;
            i->closure = p.stringAt("closure");
            i->verification = p.stringAt("verification_result");
        }
        addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "closed: %1"),
                      {p.stringAt("closure")});
        return;
    }
    if (e.kind == QLatin1String("runbook.started") || e.kind == QLatin1String("rollback.started")) {
        RunbookRun r;
        r.id = citedIdOf(e);
        if (m_runIndex.contains(r.id))
            r.id = runId(e.seq);
        r.seq = e.seq;
        r.runbook = p.stringAt("runbook");
        r.title = p.stringAt("title");
        r.closureCondition = p.stringAt("closure_condition");
        r.build = p.stringAt("build");
        r.incident = incidentRef;
        r.scope = e.scope;
        r.startedBy = e.actor;
        r.startedMs = e.tsMs;
        for (const RunbookStep &s : stepsFromJson(p.find("steps") ? *p.find("steps") : JsonValue())) {
            StepState st;
            st.step = s;
            r.steps << st;
        }
        if (e.kind == QLatin1String("rollback.started")) {
            r.rollback = true;
            r.drill = p.find("drill") && p.find("drill")->toBool();
            // The clock starts when the operator confirmed, never after the event that records it;
            // the deadlines keep their distance from that start. Where the stated deadline and the
            // stated objective in minutes disagree, the shorter one counts: a start cannot show
            // "15 minutes" and be judged by a later deadline.
            const qint64 confirmed = intAt(p, "confirmed_at_ms") > 0 ? intAt(p, "confirmed_at_ms") : e.tsMs;
            r.startedMs = qMin(confirmed, e.tsMs);
            // A start without a usable objective (minutes outside 1..1440, no deadline) has a
            // clock that ran out at its start: never judged by a distance nobody can read.
            const auto distance = [&](std::string_view deadlineKey, std::string_view minutesKey) {
                constexpr qint64 kMaxMs = 24LL * 60 * 60000; // the config's limit for an objective
                qint64 d = kMaxMs;
                const qint64 deadline = intAt(p, deadlineKey);
                const qint64 minutes = intAt(p, minutesKey);
                const bool deadlineOk = deadline > confirmed && deadline - confirmed <= kMaxMs;
                const bool minutesOk = minutes >= 1 && minutes <= 24 * 60;
                if (!deadlineOk && !minutesOk)
                    return qint64(0);
                if (deadlineOk)
                    d = deadline - confirmed;
                if (minutesOk)
                    d = qMin(d, minutes * 60000);
                return d;
            };
            r.clocks << RollbackClock{QStringLiteral("restore"),
                                      p.stringAt("restore_step"),
                                      r.startedMs + distance("restore_deadline_ms", "restore_minutes"),
                                      0,
                                      0,
                                      false}
                     << RollbackClock{QStringLiteral("integrity"),
                                      p.stringAt("integrity_step"),
                                      r.startedMs + distance("integrity_deadline_ms", "integrity_minutes"),
                                      0,
                                      0,
                                      false};
        }
        m_runIndex.insert(r.id, static_cast<int>(m_runs.size()));
        m_runs << r;
        if (Incident *i = mutableIncident(incidentRef))
            i->runs << r.id;
        if (!r.rollback)
            addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "%1 started: %2"),
                          {r.id, r.title});
        else if (r.drill)
            addToTimeline(incidentRef, e,
                          QT_TRANSLATE_NOOP("ops::Timeline", "%1 started: rollback drill on %2"),
                          {r.id, r.scope});
        else
            addToTimeline(incidentRef, e, QT_TRANSLATE_NOOP("ops::Timeline", "%1 started: rollback on %2"),
                          {r.id, r.scope});
        return;
    }
    const QString runRef = p.stringAt("run");
    RunbookRun *run = mutableRun(runRef);
    // An act names its run and that run's runbook: the role it needed was judged by the runbook it
    // names, so one that names another runbook than its run's does not count.
    if (run && e.kind != QLatin1String("rollback.deadline_missed") && p.stringAt("runbook") != run->runbook)
        run = nullptr;
    if (e.kind == QLatin1String("runbook.step")) {
        if (!run)
            return;
        if (StepState *s = run->step(p.stringAt("step"))) {
            // The write gate admits a step "signed as" a role on that role alone (Roles.h): such a
            // step counts only where the runbook asks for that role. A QA identity's program that
            // writes a launch check "done, signed as qa" has recorded no check.
            if (const JsonValue *ev = p.find("evidence"); ev && ev->isObject()) {
                const QString signedAs = ev->stringAt("signed_as");
                if (!signedAs.isEmpty() && signedAs != s->step.role)
                    return;
            }
            const QString status = p.stringAt("status");
            s->status = status == QLatin1String("done")      ? StepStatus::Done
                        : status == QLatin1String("failed")  ? StepStatus::Failed
                        : status == QLatin1String("skipped") ? StepStatus::Skipped
                                                             : StepStatus::Pending;
            s->seq = e.seq;
            s->tsMs = e.tsMs;
            s->actor = e.actor;
            s->note = p.stringAt("note");
            s->evidence = p.find("evidence") ? *p.find("evidence") : JsonValue::object();
            // A signature counts only as the role its step asks for.
            if (const QString role = s->evidence.stringAt("signed_as");
                !role.isEmpty() && role == s->step.role)
                run->signatures.append({role, e.actor});
            if (s->status == StepStatus::Done)
                for (RollbackClock &c : run->clocks)
                    if (c.step == s->step.id && c.metMs == 0) {
                        c.metMs = e.tsMs;
                        c.metSeq = e.seq;
                    }
            addToTimeline(run->incident, e, stepLine(s->status, !s->note.isEmpty()),
                          {run->id, s->step.id, s->note, status});
        }
        return;
    }
    if (e.kind == QLatin1String("runbook.completed") || e.kind == QLatin1String("rollback.finished")) {
        // A rollback finishes only with rollback.finished, any other run only with runbook.completed.
        if (!run || run->rollback != (e.kind == QLatin1String("rollback.finished")))
            return;
        run->finished = true;
        run->finishedMs = e.tsMs;
        run->finishedSeq = e.seq;
        // What the event states; a rollback's is judged again from its clocks (judgeRollbacks).
        run->objectiveMet = p.find("objective_met") && p.find("objective_met")->toBool();
        addToTimeline(run->incident, e,
                      !run->rollback ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 completed")
                      : run->objectiveMet
                          ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 finished: objective met")
                          : QT_TRANSLATE_NOOP("ops::Timeline", "%1 finished: objective not met"),
                      {run->id});
        return;
    }
    if (e.kind == QLatin1String("rollback.deadline_missed")) {
        // A fact of the run's own clock: it counts only when recorded after that clock's deadline
        // and before the clock was met, and it shows the clock's deadline, not one it states.
        RollbackClock *clock = nullptr;
        if (run)
            for (RollbackClock &c : run->clocks)
                if (c.name == p.stringAt("clock"))
                    clock = &c;
        if (!clock || clock->missedRecorded || e.tsMs <= clock->deadlineMs ||
            (clock->metMs > 0 && clock->metMs <= clock->deadlineMs))
            return;
        clock->missedRecorded = true;
        addToTimeline(run->incident, e, QT_TRANSLATE_NOOP("ops::Timeline", "%1 missed the %2 deadline (%3)"),
                      {run->id, clock->name, Time::toIso(clock->deadlineMs)});
        return;
    }
    if (e.kind == QLatin1String("killswitch.activated") ||
        e.kind == QLatin1String("killswitch.deactivated")) {
        const QString name = p.stringAt("switch");
        KillSwitchState &k = m_killSwitches[qMakePair(name, e.scope)];
        k.killSwitch = name;
        k.scope = e.scope;
        k.active = e.kind == QLatin1String("killswitch.activated");
        (k.active ? k.activations : k.deactivations) += 1;
        k.seq = e.seq;
        k.sinceMs = e.tsMs;
        k.actor = e.actor;
        k.reason = p.stringAt("reason");
        k.validationLocalities = p.stringsAt("validation_localities");
        k.validationResult = p.stringAt("validation_result");
        k.incident = incidentRef;
        addToTimeline(incidentRef, e,
                      k.active ? QT_TRANSLATE_NOOP("ops::Timeline", "%1 kill switch activated on %2: %3")
                               : QT_TRANSLATE_NOOP("ops::Timeline", "%1 kill switch deactivated on %2: %3"),
                      {name, e.scope, k.reason});
        return;
    }
}

QString freshIncidentId(const IncidentBook &book) {
    QString id = newIncidentId();
    while (book.incident(id))
        id = newIncidentId();
    return id;
}

QString freshRunId(const IncidentBook &book) {
    QString id = newRunId();
    while (book.run(id))
        id = newRunId();
    return id;
}

} // namespace ops
