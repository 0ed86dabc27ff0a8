#include "Incidents.h"

#include "core/Time.h"
#include "store/EvidenceStore.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace ops {

namespace {

// Crockford's base32 alphabet: no I, L, O or U, so an id read aloud or retyped stays itself.
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

QString chosenId(const char *prefix) {
    quint64 bits = QRandomGenerator::system()->generate64() & ((quint64(1) << 40) - 1);
    QString out = QLatin1String(prefix);
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            out += QLatin1Char('-');
        out += QLatin1Char(kCrockford[(bits >> (35 - 5 * i)) & 31]);
    }
    return out;
}

const QRegularExpression &chosenIdPattern() {
    static const QRegularExpression re(
        QStringLiteral("^(INC|RUN)-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
    return re;
}

const QRegularExpression &positionIdPattern() {
    static const QRegularExpression re(QStringLiteral("^(INC|RUN)-[1-9][0-9]{0,18}$"));
    return re;
}

qint64 intAt(const JsonValue &o, std::string_view key) {
    const JsonValue *v = o.find(key);
    return v ? v->toInt() : 0;
}

QStringList stringsAt(const JsonValue &o, std::string_view key) {
    QStringList out;
    if (const JsonValue *v = o.find(key))
        for (const JsonValue &s : v->toArray())
            out << s.toQString();
    return out;
}

} // namespace

QString incidentId(quint64 seq) {
    return QStringLiteral("INC-%1").arg(seq);
}

QString runId(quint64 seq) {
    return QStringLiteral("RUN-%1").arg(seq);
}

QString newIncidentId() {
    return chosenId("INC-");
}

QString newRunId() {
    return chosenId("RUN-");
}

QString normalizedCitedId(const QString &text) {
    const QString t = text.trimmed().toUpper();
    if (chosenIdPattern().match(t).hasMatch() || positionIdPattern().match(t).hasMatch())
        return t;
    return {};
}

QString citedIdOf(const StoredEvent &opener) {
    const bool incident = opener.kind == QLatin1String("incident.opened");
    const QString chosen = opener.payload().stringAt("id");
    if (chosenIdPattern().match(chosen).hasMatch() &&
        chosen.startsWith(incident ? QLatin1String("INC-") : QLatin1String("RUN-")))
        return chosen;
    return incident ? incidentId(opener.seq) : runId(opener.seq);
}

QString clockText(qint64 ms) {
    const bool negative = ms < 0;
    const qint64 s = (negative ? -ms : ms) / 1000;
    return QStringLiteral("%1%2:%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QStringList severities() {
    return {QStringLiteral("SEV-1"), QStringLiteral("SEV-2"), QStringLiteral("SEV-3")};
}

SeveritySuggestion suggestSeverity(const QString &cls, const ScopeConfig &scope) {
    // Seed 002 "Severity model".
    if (cls == QLatin1String("bad-publish"))
        return {QStringLiteral("SEV-1"), QStringLiteral("SEV-1: active published truth is wrong for users")};
    if (!scope.critical)
        return {QStringLiteral("SEV-3"),
                QStringLiteral("SEV-3: %1 is not a critical scope and there is no wrong active truth yet")
                    .arg(scope.id)};
    if (cls == QLatin1String("stale-pack"))
        return {QStringLiteral("SEV-2"),
                QStringLiteral("SEV-2: stale-pack threshold breached for critical scope %1").arg(scope.id)};
    if (cls == QLatin1String("fallback-spike") || cls == QLatin1String("ai-lane-instability"))
        return {QStringLiteral("SEV-2"), QStringLiteral("SEV-2: fallback/rescue path spikes materially")};
    return {QStringLiteral("SEV-2"),
            QStringLiteral("SEV-2: refresh pipeline degraded for critical scope %1").arg(scope.id)};
}

namespace CoreEvidence {

QStringList fields() {
    return {QStringLiteral("timestamp"),
            QStringLiteral("scope"),
            QStringLiteral("trigger"),
            QStringLiteral("failure_mode"),
            QStringLiteral("containment_action"),
            QStringLiteral("rollback_action"),
            QStringLiteral("verification_result"),
            QStringLiteral("owner"),
            QStringLiteral("follow_up")};
}

QString label(const QString &field) {
    static const QMap<QString, QString> labels{
        {QStringLiteral("timestamp"), QStringLiteral("Timestamp")},
        {QStringLiteral("scope"), QStringLiteral("Scope")},
        {QStringLiteral("trigger"), QStringLiteral("Trigger or alert source")},
        {QStringLiteral("failure_mode"), QStringLiteral("Observed failure mode")},
        {QStringLiteral("containment_action"), QStringLiteral("Containment action")},
        {QStringLiteral("rollback_action"), QStringLiteral("Rollback or kill-switch action")},
        {QStringLiteral("verification_result"), QStringLiteral("Verification result")},
        {QStringLiteral("owner"), QStringLiteral("Operator or owner")},
        {QStringLiteral("follow_up"), QStringLiteral("Follow-up requirement")}};
    return labels.value(field, field);
}

QString hint(const QString &field) {
    if (field == QLatin1String("timestamp"))
        return QStringLiteral("UTC ISO-8601; empty means now");
    if (field == QLatin1String("rollback_action"))
        return QStringLiteral("what was rolled back or switched off, or \"none\"");
    return {};
}

Result<JsonValue> validate(const QMap<QString, QString> &values, qint64 nowMs) {
    const QStringList known = fields();
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!known.contains(it.key()))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("unknown field '%1' (the record has %2)")
                                 .arg(it.key(), known.join(QStringLiteral(", "))),
                             it.key());
    QStringList missing;
    JsonValue record = JsonValue::object();
    for (const QString &f : known) {
        const QString v = values.value(f).trimmed();
        if (f == QLatin1String("timestamp")) {
            if (v.isEmpty()) {
                record["timestamp"] = Time::toIso(nowMs);
                continue;
            }
            const auto ms = Time::parseIso(v);
            if (!ms)
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("timestamp '%1' is not UTC ISO-8601 (e.g. 2026-11-23T05:00:00Z)").arg(v),
                    QStringLiteral("timestamp"));
            record["timestamp"] = Time::toIso(*ms);
            continue;
        }
        if (v.isEmpty())
            missing << f;
        else
            record[f.toStdString()] = v;
    }
    if (!missing.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("the core evidence record is incomplete: missing %1 (nothing was written)")
                .arg(missing.join(QStringLiteral(", "))),
            missing.join(QLatin1Char(',')));
    return record;
}

} // namespace CoreEvidence

QString stepStatusName(StepStatus status) {
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("pending");
    case StepStatus::Done:
        return QStringLiteral("done");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

QString clockStateName(ClockState state) {
    switch (state) {
    case ClockState::Running:
        return QStringLiteral("running");
    case ClockState::Warning:
        return QStringLiteral("warning");
    case ClockState::Met:
        return QStringLiteral("met");
    case ClockState::MetLate:
        return QStringLiteral("met-late");
    case ClockState::Missed:
        return QStringLiteral("missed");
    }
    return QStringLiteral("running");
}

ClockView clockView(const RollbackClock &clock, qint64 startMs, qint64 nowMs) {
    ClockView v;
    if (clock.metMs > 0) {
        v.remainingMs = clock.deadlineMs - clock.metMs;
        v.state = clock.metMs <= clock.deadlineMs ? ClockState::Met : ClockState::MetLate;
        return v;
    }
    v.remainingMs = clock.deadlineMs - nowMs;
    const qint64 window = qMax<qint64>(1, clock.deadlineMs - startMs);
    const qint64 warnAt = qMax<qint64>(60 * 1000, window / 5);
    if (v.remainingMs < 0)
        v.state = ClockState::Missed;
    else if (v.remainingMs <= warnAt)
        v.state = ClockState::Warning;
    else
        v.state = ClockState::Running;
    return v;
}

const StepState *RunbookRun::step(const QString &stepId) const {
    for (const StepState &s : steps)
        if (s.step.id == stepId)
            return &s;
    return nullptr;
}

StepState *RunbookRun::step(const QString &stepId) {
    for (StepState &s : steps)
        if (s.step.id == stepId)
            return &s;
    return nullptr;
}

const StepState *RunbookRun::nextPending() const {
    for (const StepState &s : steps)
        if (s.status == StepStatus::Pending || s.status == StepStatus::Failed)
            return &s;
    return nullptr;
}

int RunbookRun::resolvedCount() const {
    return static_cast<int>(std::count_if(
        steps.begin(), steps.end(), [](const StepState &s) { return s.status != StepStatus::Pending; }));
}

const RollbackClock *RunbookRun::clock(const QString &name) const {
    for (const RollbackClock &c : clocks)
        if (c.name == name)
            return &c;
    return nullptr;
}

QStringList killSwitchNames() {
    return {QStringLiteral("ai"), QStringLiteral("bad-pack")};
}

JsonValue stepsJson(const QList<RunbookStep> &steps) {
    JsonValue out = JsonValue::array();
    for (const RunbookStep &s : steps) {
        JsonValue o = JsonValue::object();
        o["id"] = s.id;
        o["action"] = s.action;
        JsonValue evidence = JsonValue::array();
        for (EvidenceKind k : s.evidence)
            evidence.push(evidenceKindName(k));
        o["evidence"] = evidence;
        JsonValue probe = JsonValue::array();
        for (TargetKind k : s.probe)
            probe.push(targetKindName(k));
        o["probe"] = probe;
        o["probe_must_pass"] = s.probeMustPass;
        o["role"] = s.role;
        o["skippable"] = s.skippable;
        out.push(o);
    }
    return out;
}

QList<RunbookStep> stepsFromJson(const JsonValue &steps) {
    QList<RunbookStep> out;
    for (const JsonValue &o : steps.toArray()) {
        RunbookStep s;
        s.id = o.stringAt("id");
        s.action = o.stringAt("action");
        for (const QString &e : stringsAt(o, "evidence"))
            if (auto k = evidenceKindFrom(e))
                s.evidence << *k;
        for (const QString &t : stringsAt(o, "probe"))
            if (auto k = targetKindFrom(t))
                s.probe << *k;
        s.probeMustPass = o.find("probe_must_pass") && o.find("probe_must_pass")->toBool();
        s.role = o.stringAt("role");
        s.skippable = o.find("skippable") && o.find("skippable")->toBool();
        out << s;
    }
    return out;
}

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
                    t.text = QStringLiteral("%1 finished: objective %2")
                                 .arg(run.id, met ? QStringLiteral("met") : QStringLiteral("not met"));
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

void IncidentBook::addToTimeline(const QString &incident, const StoredEvent &event, const QString &text) {
    if (Incident *i = mutableIncident(incident))
        i->timeline << TimelineEntry{event.seq, event.tsMs, event.actor, event.kind, text};
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
        i.trigger = p.stringAt("trigger");
        i.alert = p.stringAt("alert");
        i.openedBy = e.actor;
        i.owner = p.stringAt("owner");
        i.openedMs = e.tsMs;
        i.closureCondition = p.stringAt("closure_condition");
        m_incidentIndex.insert(i.id, static_cast<int>(m_incidents.size()));
        m_incidents << i;
        addToTimeline(i.id, e,
                      QStringLiteral("opened %1 %2 incident on %3: %4")
                          .arg(i.severity, i.incidentClass, i.scope, i.trigger));
        return;
    }
    if (e.kind == QLatin1String("incident.severity_changed")) {
        if (Incident *i = mutableIncident(incidentRef)) {
            i->severity = p.stringAt("to");
            i->severityReason = p.stringAt("reason");
        }
        addToTimeline(incidentRef, e,
                      QStringLiteral("severity %1 → %2: %3")
                          .arg(p.stringAt("from"), p.stringAt("to"), p.stringAt("reason")));
        return;
    }
    if (e.kind == QLatin1String("incident.owner_assigned")) {
        if (Incident *i = mutableIncident(incidentRef))
            i->owner = p.stringAt("owner");
        addToTimeline(incidentRef, e, QStringLiteral("incident owner: %1").arg(p.stringAt("owner")));
        return;
    }
    if (e.kind == QLatin1String("incident.evidence")) {
        const JsonValue *record = p.find("record");
        if (Incident *i = mutableIncident(incidentRef); i && record)
            i->evidence << *record;
        addToTimeline(incidentRef, e,
                      QStringLiteral("core evidence record: %1 — %2")
                          .arg(record ? record->stringAt("failure_mode") : QString(),
                               record ? record->stringAt("verification_result") : QString()));
        return;
    }
    if (e.kind == QLatin1String("incident.decision")) {
        if (Incident *i = mutableIncident(incidentRef))
            i->decisions << Decision{e.seq, e.tsMs, e.actor, p.stringAt("text")};
        addToTimeline(incidentRef, e, QStringLiteral("decision: %1").arg(p.stringAt("text")));
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
        addToTimeline(incidentRef, e, QStringLiteral("closed: %1").arg(p.stringAt("closure")));
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
            // the deadlines keep their distance from that start.
            const qint64 confirmed = intAt(p, "confirmed_at_ms") > 0 ? intAt(p, "confirmed_at_ms") : e.tsMs;
            r.startedMs = qMin(confirmed, e.tsMs);
            r.clocks << RollbackClock{QStringLiteral("restore"),
                                      p.stringAt("restore_step"),
                                      r.startedMs + (intAt(p, "restore_deadline_ms") - confirmed),
                                      0,
                                      0,
                                      false}
                     << RollbackClock{QStringLiteral("integrity"),
                                      p.stringAt("integrity_step"),
                                      r.startedMs + (intAt(p, "integrity_deadline_ms") - confirmed),
                                      0,
                                      0,
                                      false};
        }
        m_runIndex.insert(r.id, static_cast<int>(m_runs.size()));
        m_runs << r;
        if (Incident *i = mutableIncident(incidentRef))
            i->runs << r.id;
        addToTimeline(incidentRef, e,
                      r.rollback
                          ? QStringLiteral("%1 started: %2 on %3")
                                .arg(r.id,
                                     r.drill ? QStringLiteral("rollback drill") : QStringLiteral("rollback"),
                                     r.scope)
                          : QStringLiteral("%1 started: %2").arg(r.id, r.title));
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
            addToTimeline(run->incident, e,
                          QStringLiteral("%1 step %2 %3%4")
                              .arg(run->id, s->step.id, status,
                                   s->note.isEmpty() ? QString() : QStringLiteral(": ") + s->note));
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
                      run->rollback ? QStringLiteral("%1 finished: objective %2")
                                          .arg(run->id, run->objectiveMet ? QStringLiteral("met")
                                                                          : QStringLiteral("not met"))
                                    : QStringLiteral("%1 completed").arg(run->id));
        return;
    }
    if (e.kind == QLatin1String("rollback.deadline_missed")) {
        if (!run)
            return;
        for (RollbackClock &c : run->clocks)
            if (c.name == p.stringAt("clock"))
                c.missedRecorded = true;
        addToTimeline(run->incident, e,
                      QStringLiteral("%1 missed the %2 deadline (%3)")
                          .arg(run->id, p.stringAt("clock"), Time::toIso(intAt(p, "deadline_ms"))));
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
        k.validationLocalities = stringsAt(p, "validation_localities");
        k.validationResult = p.stringAt("validation_result");
        k.incident = incidentRef;
        addToTimeline(incidentRef, e,
                      QStringLiteral("%1 kill switch %2 on %3: %4")
                          .arg(name, k.active ? QStringLiteral("activated") : QStringLiteral("deactivated"),
                               e.scope, k.reason));
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
