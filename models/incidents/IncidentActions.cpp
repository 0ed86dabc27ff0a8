#include "IncidentActions.h"
#include "IncidentActsSupport.h"

#include "store/EvidenceStore.h"

namespace ops {

using namespace incident_acts;

JsonValue attachmentsJson(const QList<AttachmentRef> &attachments) {
    JsonValue a = JsonValue::array();
    for (const AttachmentRef &r : attachments) {
        JsonValue o = JsonValue::object();
        o["name"] = r.name;
        o["sha256"] = r.sha256;
        o["size"] = r.size;
        o["media_type"] = r.mediaType;
        a.push(o);
    }
    return a;
}

JsonValue checksumsJson(const QList<ChecksumRef> &checksums) {
    JsonValue c = JsonValue::array();
    for (const ChecksumRef &r : checksums) {
        JsonValue o = JsonValue::object();
        o["name"] = r.name;
        o["sha256"] = r.sha256;
        o["size"] = r.size;
        c.push(o);
    }
    return c;
}

JsonValue probeEvidence(const QList<ProbeResult> &results) {
    JsonValue out = JsonValue::array();
    for (const ProbeResult &r : results)
        out.push(r.toJson());
    return out;
}

QString probeSummary(const QList<ProbeResult> &results) {
    QMap<QString, QStringList> byState;
    for (const ProbeResult &r : results)
        byState[probeStateName(r.state)]
            << (r.reason.isEmpty() || r.state == ProbeState::Ok
                    ? r.target.id
                    : QStringLiteral("%1 (%2)").arg(r.target.id, r.reason.text()));
    QStringList parts;
    for (auto it = byState.begin(); it != byState.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", ")));
    return parts.isEmpty() ? QStringLiteral("nothing probed") : parts.join(QStringLiteral("; "));
}

IncidentActions::IncidentActions(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                                 const RunbookLibrary &library, Time::Clock clock)
    : m_store(store)
    , m_signer(signer)
    , m_config(config)
    , m_library(library)
    , m_clock(std::move(clock)) {
}

const Runbook *IncidentActions::runbookForClass(const RunbookLibrary &library, const QString &incidentClass) {
    const Runbook *fallback = nullptr;
    for (const Runbook &r : library.runbooks) {
        if (r.incidentClass != incidentClass)
            continue;
        if (r.kind == QLatin1String("incident"))
            return &r;
        if (!fallback)
            fallback = &r;
    }
    return fallback;
}

Result<IncidentBook> IncidentActions::book() const {
    return IncidentBook::load(m_store);
}

Result<QStringList> IncidentActions::actorRoles() const {
    auto id = m_store.identity(m_signer.name);
    if (!id.ok())
        return id.error();
    return id->roles;
}

Result<void> IncidentActions::requireRole(const QStringList &anyOf, const QString &what, const QString &act,
                                          const QString &subject) const {
    auto roles = actorRoles();
    if (!roles.ok())
        return roles.error();
    for (const QString &r : anyOf)
        if (roles->contains(r))
            return {};
    return refused(QStringLiteral("%1 needs the role %2; %3 holds %4")
                       .arg(what, anyOf.join(QStringLiteral(" or ")), m_signer.name,
                            roles->isEmpty() ? QStringLiteral("none") : roles->join(QStringLiteral(", "))),
                   QStringLiteral("--identity"))
        .said(QStringLiteral("role.needed"), {act, anyOf.join(QStringLiteral(", ")), m_signer.name,
                                              roles->join(QStringLiteral(", ")), subject});
}

Result<Incident> IncidentActions::currentIncident(const QString &id) const {
    auto b = book();
    if (!b.ok())
        return b.error();
    auto inc = openIncident(b.value(), id);
    if (!inc.ok())
        return inc.error();
    return *inc.value();
}

Result<const Incident *> IncidentActions::openIncident(const IncidentBook &book, const QString &id) const {
    const Incident *i = book.incident(id);
    if (!i)
        return invalid(QStringLiteral("no incident '%1' (incident list shows them)").arg(id),
                       QStringLiteral("ID"));
    if (i->closed)
        return refused(QStringLiteral("%1 is closed (%2); open a new incident for a recurrence")
                           .arg(i->id, Time::toIso(i->closedMs)))
            .said(QStringLiteral("incident.closed"), {i->id, Time::toIso(i->closedMs)});
    return i;
}

Result<StoredEvent> IncidentActions::appendOne(NewEvent event) {
    event.tsMs = m_clock();
    auto stored = m_store.append(m_signer, {event});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Result<StoredEvent> IncidentActions::open(const OpenIncident &req) {
    if (!incidentClasses().contains(req.incidentClass))
        return invalid(QStringLiteral("unknown incident class '%1' (%2)")
                           .arg(req.incidentClass, incidentClasses().join(QStringLiteral(", "))),
                       QStringLiteral("--class"));
    const ScopeConfig *scope = m_config.scope(req.scope);
    if (!scope)
        return invalid(
            QStringLiteral("--scope must name a scope of %1, got '%2'").arg(m_config.source, req.scope),
            QStringLiteral("--scope"));
    if (!req.severity.isEmpty() && !severities().contains(req.severity))
        return invalid(QStringLiteral("severity must be SEV-1, SEV-2 or SEV-3, got '%1'").arg(req.severity),
                       QStringLiteral("--severity"));
    if (req.trigger.trimmed().isEmpty())
        return invalid(QStringLiteral("an incident needs its trigger or alert source"),
                       QStringLiteral("--trigger"))
            .said(QStringLiteral("incident.trigger"), {});
    if (auto r = requireRole(incidentRoles(), QStringLiteral("opening an incident"),
                             QStringLiteral("incident.open"));
        !r.ok())
        return r.error();
    QString owner = req.owner.trimmed();
    if (!owner.isEmpty()) {
        auto id = m_store.identity(owner);
        if (!id.ok() || !id->approved() || !id->roles.contains(QStringLiteral("incident-owner")))
            return refused(
                       QStringLiteral(
                           "the incident owner must be an identity with the incident-owner role; '%1' is not")
                           .arg(owner),
                       QStringLiteral("--owner"))
                .said(QStringLiteral("incident.owner_role"), {owner});
    } else if (auto roles = actorRoles(); roles.ok() && roles->contains(QStringLiteral("incident-owner"))) {
        owner = m_signer.name;
    }
    const SeveritySuggestion suggested = suggestSeverity(req.incidentClass, *scope);
    const QString severity = req.severity.isEmpty() ? suggested.severity : req.severity;
    QString reason = suggested.reason;
    if (severity != suggested.severity) {
        if (req.severityReason.trimmed().isEmpty())
            return invalid(QStringLiteral("the severity model suggests %1 (%2); choosing %3 needs a reason")
                               .arg(suggested.severity, suggested.reason, severity),
                           QStringLiteral("--reason"))
                .said(QStringLiteral("incident.severity_reason"), {suggested.severity, severity});
        reason = req.severityReason.trimmed();
    }
    auto b = book();
    if (!b.ok())
        return b.error();
    NewEvent e;
    e.kind = QStringLiteral("incident.opened");
    e.scope = req.scope;
    e.payload["id"] = freshIncidentId(b.value());
    e.payload["class"] = req.incidentClass;
    e.payload["severity"] = severity;
    e.payload["severity_reason"] = reason;
    e.payload["suggested_severity"] = suggested.severity;
    e.payload["trigger"] = req.trigger.trimmed();
    e.payload["alert"] = req.alert;
    e.payload["owner"] = owner;
    const Runbook *rb = runbookForClass(m_library, req.incidentClass);
    e.payload["runbook"] = rb ? rb->id : QString();
    e.payload["closure_condition"] = rb ? rb->closureCondition : QString();
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::changeSeverity(const QString &incident, const QString &severity,
                                                    const QString &reason) {
    if (!severities().contains(severity))
        return invalid(QStringLiteral("severity must be SEV-1, SEV-2 or SEV-3, got '%1'").arg(severity),
                       QStringLiteral("SEVERITY"));
    if (reason.trimmed().isEmpty())
        return invalid(QStringLiteral("a severity change needs a reason"), QStringLiteral("--reason"))
            .said(QStringLiteral("incident.change_reason"), {});
    auto inc = currentIncident(incident);
    if (!inc.ok())
        return inc.error();
    if (inc->severity == severity)
        return refused(QStringLiteral("%1 is already %2").arg(inc->id, severity));
    if (auto r = requireRole(incidentRoles(), QStringLiteral("changing severity"),
                             QStringLiteral("incident.severity"));
        !r.ok())
        return r.error();
    NewEvent e;
    e.kind = QStringLiteral("incident.severity_changed");
    e.scope = inc->scope;
    e.payload["incident"] = inc->id;
    e.payload["from"] = inc->severity;
    e.payload["to"] = severity;
    e.payload["reason"] = reason.trimmed();
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::assignOwner(const QString &incident, const QString &owner) {
    auto inc = currentIncident(incident);
    if (!inc.ok())
        return inc.error();
    if (auto r = requireRole(incidentRoles(), QStringLiteral("assigning the incident owner"),
                             QStringLiteral("incident.owner"));
        !r.ok())
        return r.error();
    auto id = m_store.identity(owner);
    if (!id.ok() || !id->approved() || !id->roles.contains(QStringLiteral("incident-owner")))
        return refused(
            QStringLiteral("the incident owner must be an identity with the incident-owner role; '%1' is not")
                .arg(owner),
            QStringLiteral("OWNER"));
    NewEvent e;
    e.kind = QStringLiteral("incident.owner_assigned");
    e.scope = inc->scope;
    e.payload["incident"] = inc->id;
    e.payload["owner"] = owner;
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::addEvidence(const QString &incident,
                                                 const QMap<QString, QString> &fields) {
    auto record = CoreEvidence::validate(fields, m_clock());
    if (!record.ok())
        return record.error();
    if (!m_config.scope(record->stringAt("scope")))
        return invalid(
            QStringLiteral("scope '%1' is not a scope of %2").arg(record->stringAt("scope"), m_config.source),
            QStringLiteral("scope"));
    auto inc = currentIncident(incident);
    if (!inc.ok())
        return inc.error();
    if (auto r = requireRole(incidentRoles(), QStringLiteral("recording evidence"),
                             QStringLiteral("incident.evidence"));
        !r.ok())
        return r.error();
    NewEvent e;
    e.kind = QStringLiteral("incident.evidence");
    e.scope = inc->scope;
    e.payload["incident"] = inc->id;
    e.payload["record"] = record.value();
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::decide(const QString &incident, const QString &text) {
    if (text.trimmed().isEmpty())
        return invalid(QStringLiteral("a decision needs its text"), QStringLiteral("TEXT"))
            .said(QStringLiteral("incident.decision_text"), {});
    auto inc = currentIncident(incident);
    if (!inc.ok())
        return inc.error();
    if (auto r = requireRole({QStringLiteral("incident-owner")}, QStringLiteral("the decision log"),
                             QStringLiteral("incident.decision"));
        !r.ok())
        return r.error();
    NewEvent e;
    e.kind = QStringLiteral("incident.decision");
    e.scope = inc->scope;
    e.payload["incident"] = inc->id;
    e.payload["text"] = text.trimmed();
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::close(const QString &incident, const QString &closure,
                                           const QString &verification) {
    if (closure.trimmed().isEmpty())
        return invalid(QStringLiteral("closing needs the closure condition confirmed in words"),
                       QStringLiteral("--closure"))
            .said(QStringLiteral("incident.closure"), {});
    auto b = book();
    if (!b.ok())
        return b.error();
    auto inc = openIncident(b.value(), incident);
    if (!inc.ok())
        return inc.error();
    const Incident &i = *inc.value();
    if (auto r = requireRole({QStringLiteral("incident-owner")}, QStringLiteral("closing an incident"),
                             QStringLiteral("incident.close"));
        !r.ok())
        return r.error();
    if (i.evidence.isEmpty())
        return refused(
            QStringLiteral("%1 has no core evidence record; record one (incident evidence) before closing")
                .arg(i.id));
    QString result = verification.trimmed();
    if (result.isEmpty())
        result = i.evidence.last().stringAt("verification_result");
    if (result.isEmpty())
        return invalid(QStringLiteral("closing needs a verification result"),
                       QStringLiteral("--verification"))
            .said(QStringLiteral("incident.verification"), {});
    for (const QString &runRef : i.runs)
        if (const RunbookRun *r = b->run(runRef); r && r->rollback && !r->finished)
            return refused(
                QStringLiteral(
                    "%1 has an unfinished rollback run %2 (%3 of %4 steps); finish it before closing")
                    .arg(i.id, r->id)
                    .arg(r->resolvedCount())
                    .arg(r->steps.size()));
    NewEvent e;
    e.kind = QStringLiteral("incident.closed");
    e.scope = i.scope;
    e.payload["incident"] = i.id;
    e.payload["closure"] = closure.trimmed();
    e.payload["closure_condition"] = i.closureCondition;
    e.payload["condition_confirmed"] = true;
    e.payload["verification_result"] = result;
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::startRun(const QString &runbookId, const QString &incident,
                                              const QString &scope) {
    const Runbook *rb = m_library.find(runbookId);
    if (!rb)
        return invalid(QStringLiteral("no runbook '%1' (runbook list shows them)").arg(runbookId),
                       QStringLiteral("ID"));
    if (rb->id == rollbackRunbookId())
        return refused(
            QStringLiteral("the rollback checklist runs against its clocks: use rollback start --scope S"));
    if (rb->id == QLatin1String("launch-day-validation"))
        return refused(QStringLiteral("launch day has its own checks and signed sign-offs: use launch start "
                                      "--scope S --build ID (or the Launch panel)"));
    QString runScope = scope;
    QString incidentRef;
    if (!incident.isEmpty()) {
        auto b = book();
        if (!b.ok())
            return b.error();
        auto inc = openIncident(b.value(), incident);
        if (!inc.ok())
            return inc.error();
        incidentRef = inc.value()->id;
        if (runScope.isEmpty())
            runScope = inc.value()->scope;
    }
    if (!runScope.isEmpty() && !m_config.scope(runScope) &&
        std::none_of(m_config.services.begin(), m_config.services.end(),
                     [&](const ServiceConfig &s) { return s.id == runScope; }))
        return invalid(QStringLiteral("--scope must name a scope or service of %1, got '%2'")
                           .arg(m_config.source, runScope),
                       QStringLiteral("--scope"));
    auto b = book();
    if (!b.ok())
        return b.error();
    NewEvent e;
    e.kind = QStringLiteral("runbook.started");
    e.scope = runScope;
    e.payload["id"] = freshRunId(b.value());
    e.payload["runbook"] = rb->id;
    e.payload["title"] = rb->title;
    e.payload["closure_condition"] = rb->closureCondition;
    e.payload["incident"] = incidentRef;
    e.payload["steps"] = stepsJson(rb->steps);
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::startRollback(const QString &scope, bool drill,
                                                   const QString &incident) {
    const Runbook *rb = m_library.find(rollbackRunbookId());
    if (!rb)
        return invalid(QStringLiteral("the rollback checklist runbook is not loaded"), rollbackRunbookId());
    if (!m_config.scope(scope))
        return invalid(
            QStringLiteral("--scope must name a scope of %1, got '%2'").arg(m_config.source, scope),
            QStringLiteral("--scope"));
    if (!rb->step(QStringLiteral("rebind")) || !rb->step(QStringLiteral("readback")))
        return invalid(QStringLiteral("the rollback checklist needs the steps rebind and readback"),
                       rb->file);
    if (auto r = requireRole(incidentRoles(),
                             drill ? QStringLiteral("a rollback drill") : QStringLiteral("a rollback"),
                             drill ? QStringLiteral("rollback.drill") : QStringLiteral("rollback"));
        !r.ok())
        return r.error();
    QString incidentRef;
    auto b = book();
    if (!b.ok())
        return b.error();
    if (!incident.isEmpty()) {
        auto inc = openIncident(b.value(), incident);
        if (!inc.ok())
            return inc.error();
        incidentRef = inc.value()->id;
    }
    for (const RunbookRun &r : b->runs())
        if (r.rollback && !r.finished && r.scope == scope)
            return refused(QStringLiteral("%1 is already rolling back %2; finish it first").arg(r.id, scope));
    const qint64 now = m_clock();
    NewEvent e;
    e.kind = QStringLiteral("rollback.started");
    e.scope = scope;
    e.payload["id"] = freshRunId(b.value());
    e.payload["runbook"] = rb->id;
    e.payload["title"] = rb->title;
    e.payload["closure_condition"] = rb->closureCondition;
    e.payload["incident"] = incidentRef;
    e.payload["drill"] = drill;
    e.payload["steps"] = stepsJson(rb->steps);
    e.payload["confirmed_at_ms"] = now;
    e.payload["restore_minutes"] = m_config.objectives.restoreMinutes;
    e.payload["integrity_minutes"] = m_config.objectives.integrityMinutes;
    e.payload["restore_deadline_ms"] = now + qint64(m_config.objectives.restoreMinutes) * 60000;
    e.payload["integrity_deadline_ms"] = now + qint64(m_config.objectives.integrityMinutes) * 60000;
    e.payload["restore_step"] = QStringLiteral("rebind");
    e.payload["integrity_step"] = QStringLiteral("readback");
    return appendOne(e);
}

QList<NewEvent> IncidentActions::missedDeadlineEvents(const RunbookRun &run, qint64 nowMs) const {
    QList<NewEvent> out;
    if (!run.rollback || run.finished)
        return out;
    for (const RollbackClock &c : run.clocks) {
        if (c.metMs > 0 || c.missedRecorded || nowMs <= c.deadlineMs)
            continue;
        NewEvent e;
        e.kind = QStringLiteral("rollback.deadline_missed");
        e.scope = run.scope;
        e.tsMs = nowMs;
        e.payload["run"] = run.id;
        e.payload["incident"] = run.incident;
        e.payload["clock"] = c.name;
        e.payload["deadline_ms"] = c.deadlineMs;
        e.payload["drill"] = run.drill;
        out << e;
    }
    return out;
}

Result<QList<StoredEvent>> IncidentActions::recordMissedDeadlines(const QString &runRef) {
    auto b = book();
    if (!b.ok())
        return b.error();
    const RunbookRun *run = b->run(runRef);
    if (!run)
        return invalid(QStringLiteral("no run '%1'").arg(runRef), QStringLiteral("RUN"));
    const QList<NewEvent> events = missedDeadlineEvents(*run, m_clock());
    if (events.isEmpty())
        return QList<StoredEvent>{};
    return m_store.append(m_signer, events);
}

Result<StoredEvent> IncidentActions::killSwitch(bool activate, const QString &name, const QString &scope,
                                                const QString &reason, const QStringList &localities,
                                                const QString &validationResult, const QString &incident) {
    if (!killSwitchNames().contains(name))
        return invalid(QStringLiteral("unknown kill switch '%1' (ai, bad-pack)").arg(name),
                       QStringLiteral("SWITCH"));
    if (!m_config.scope(scope))
        return invalid(
            QStringLiteral("--scope must name a scope of %1, got '%2'").arg(m_config.source, scope),
            QStringLiteral("--scope"));
    if (reason.trimmed().isEmpty())
        return invalid(QStringLiteral("a kill switch needs its reason"), QStringLiteral("--reason"))
            .said(QStringLiteral("killswitch.reason"), {});
    for (const QString &l : localities)
        if (!m_config.scope(l))
            return invalid(
                QStringLiteral("validation locality '%1' is not a scope of %2").arg(l, m_config.source),
                QStringLiteral("--validation-localities"));
    if (auto r = requireRole(incidentRoles(), QStringLiteral("a kill switch"), QStringLiteral("killswitch"));
        !r.ok())
        return r.error();
    auto b = book();
    if (!b.ok())
        return b.error();
    const KillSwitchState *current = b->killSwitch(name, scope);
    const bool active = current && current->active;
    if (activate && active)
        return refused(QStringLiteral("the %1 kill switch is already active on %2 (since %3, by %4)")
                           .arg(name, scope, Time::toIso(current->sinceMs), current->actor));
    if (!activate && !active)
        return refused(QStringLiteral("the %1 kill switch is not active on %2").arg(name, scope));
    QString incidentRef;
    if (!incident.isEmpty()) {
        auto inc = openIncident(b.value(), incident);
        if (!inc.ok())
            return inc.error();
        incidentRef = inc.value()->id;
    }
    NewEvent e;
    e.kind = activate ? QStringLiteral("killswitch.activated") : QStringLiteral("killswitch.deactivated");
    e.scope = scope;
    e.payload["switch"] = name;
    e.payload["reason"] = reason.trimmed();
    JsonValue l = JsonValue::array();
    for (const QString &s : localities)
        l.push(s);
    e.payload["validation_localities"] = l;
    e.payload["validation_result"] =
        validationResult.isEmpty() ? QStringLiteral("not validated") : validationResult;
    e.payload["incident"] = incidentRef;
    return appendOne(e);
}

Result<StoredEvent> IncidentActions::activateKillSwitch(const QString &name, const QString &scope,
                                                        const QString &reason, const QStringList &localities,
                                                        const QString &validationResult,
                                                        const QString &incident) {
    return killSwitch(true, name, scope, reason, localities, validationResult, incident);
}

Result<StoredEvent> IncidentActions::deactivateKillSwitch(const QString &name, const QString &scope,
                                                          const QString &reason,
                                                          const QStringList &localities,
                                                          const QString &validationResult,
                                                          const QString &incident) {
    return killSwitch(false, name, scope, reason, localities, validationResult, incident);
}

} // namespace ops
