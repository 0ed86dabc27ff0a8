// IncidentActions: runbook runs, the rollback clock and its missed deadlines, kill switches.
#include "IncidentActions.h"
#include "IncidentActsSupport.h"

#include "store/EvidenceStore.h"

namespace ops {

using namespace incident_acts;

Result<StoredEvent> RunActions::startRun(const QString &runbookId, const QString &incident,
                                         const QString &scope) {
    return onTheLog([&]() -> Result<StoredEvent> {
        const Runbook *rb = m_library.find(runbookId);
        if (!rb)
            return invalid(QStringLiteral("no runbook '%1' (runbook list shows them)").arg(runbookId),
                           QStringLiteral("ID"));
        if (rb->id == rollbackRunbookId())
            return refused(QStringLiteral(
                "the rollback checklist runs against its clocks: use rollback start --scope S"));
        if (rb->id == QLatin1String("launch-day-validation"))
            return refused(
                QStringLiteral("launch day has its own checks and signed sign-offs: use launch start "
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
    });
}

Result<StoredEvent> RunActions::startRollback(const QString &scope, bool drill, const QString &incident) {
    return onTheLog([&]() -> Result<StoredEvent> {
        const Runbook *rb = m_library.find(rollbackRunbookId());
        if (!rb)
            return invalid(QStringLiteral("the rollback checklist runbook is not loaded"),
                           rollbackRunbookId());
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
                return refused(
                           QStringLiteral("%1 is already rolling back %2; finish it first").arg(r.id, scope))
                    .said(QStringLiteral("rollback.running"), {r.id, scope});
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
    });
}

QList<NewEvent> RunActions::missedDeadlineEvents(const RunbookRun &run, qint64 nowMs) const {
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

Result<QList<StoredEvent>> RunActions::recordMissedDeadlines(const QString &runRef) {
    return onTheLog([&]() -> Result<QList<StoredEvent>> {
        auto b = book();
        if (!b.ok())
            return b.error();
        const RunbookRun *run = b->run(runRef);
        if (!run)
            return invalid(QStringLiteral("no run '%1'").arg(runRef), QStringLiteral("RUN"));
        const QList<NewEvent> events = missedDeadlineEvents(*run, m_clock());
        if (events.isEmpty())
            return QList<StoredEvent>{};
        return appendActs(events);
    });
}

Result<StoredEvent> IncidentActions::killSwitch(bool activate, const QString &name, const QString &scope,
                                                const QString &reason, const QStringList &localities,
                                                const QString &validationResult, const QString &incident) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
        if (auto r =
                requireRole(incidentRoles(), QStringLiteral("a kill switch"), QStringLiteral("killswitch"));
            !r.ok())
            return r.error();
        auto b = book();
        if (!b.ok())
            return b.error();
        const KillSwitchState *current = b->killSwitch(name, scope);
        const bool active = current && current->active;
        if (activate && active)
            return refused(QStringLiteral("the %1 kill switch is already active on %2 (since %3, by %4)")
                               .arg(name, scope, Time::toIso(current->sinceMs), current->actor))
                .said(QStringLiteral("killswitch.active"),
                      {name, scope, Time::toIso(current->sinceMs), current->actor});
        if (!activate && !active)
            return refused(QStringLiteral("the %1 kill switch is not active on %2").arg(name, scope))
                .said(QStringLiteral("killswitch.inactive"), {name, scope});
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
    });
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
