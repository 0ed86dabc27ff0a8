// IncidentActions: opening an incident, its severity, owner, evidence, decisions and closure (runs,
// the rollback clock and kill switches are in IncidentRunActions.cpp).
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

IncidentActBase::IncidentActBase(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
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

Result<IncidentBook> IncidentActBase::book() const {
    return IncidentBook::load(m_store);
}

Result<QStringList> IncidentActBase::actorRoles() const {
    auto id = m_store.identity(m_signer.name);
    if (!id.ok())
        return id.error();
    return id->roles;
}

Result<void> IncidentActBase::requireRole(const QStringList &anyOf, const QString &what, const QString &act,
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

Result<Incident> IncidentActBase::currentIncident(const QString &id) const {
    auto b = book();
    if (!b.ok())
        return b.error();
    auto inc = openIncident(b.value(), id);
    if (!inc.ok())
        return inc.error();
    return *inc.value();
}

Result<const Incident *> IncidentActBase::openIncident(const IncidentBook &book, const QString &id) const {
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

Result<StoredEvent> IncidentActBase::appendOne(NewEvent event) {
    event.tsMs = m_clock();
    auto stored = appendActs({event});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Result<QList<StoredEvent>> IncidentActBase::appendActs(const QList<NewEvent> &events,
                                                       const QList<NewBlob> &blobs) {
    // Decided from the incident book's kinds (and the identities): a log that grew by others
    // (probe rounds, alerts) takes the act as it is.
    return m_decidedAt
               ? m_store.appendOnLog(*m_decidedAt, IncidentBook::kindPrefixes(), m_signer, events, blobs)
               : m_store.append(m_signer, events, blobs);
}

Result<StoredEvent> IncidentActions::open(const OpenIncident &req) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
            return invalid(
                QStringLiteral("severity must be SEV-1, SEV-2 or SEV-3, got '%1'").arg(req.severity),
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
                return refused(QStringLiteral("the incident owner must be an identity with the "
                                              "incident-owner role; '%1' is not")
                                   .arg(owner),
                               QStringLiteral("--owner"))
                    .said(QStringLiteral("incident.owner_role"), {owner});
        } else if (auto roles = actorRoles();
                   roles.ok() && roles->contains(QStringLiteral("incident-owner"))) {
            owner = m_signer.name;
        }
        const SeveritySuggestion suggested = suggestSeverity(req.incidentClass, *scope);
        const QString severity = req.severity.isEmpty() ? suggested.severity : req.severity;
        QString reason = suggested.reason.text();
        if (severity != suggested.severity) {
            if (req.severityReason.trimmed().isEmpty())
                return invalid(
                           QStringLiteral("the severity model suggests %1 (%2); choosing %3 needs a reason")
                               .arg(suggested.severity, suggested.reason.text(), severity),
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
        if (severity == suggested.severity) // the model's words, for a reader in another language
            e.payload["severity_reason_words"] = suggested.reason.toJson();
        e.payload["suggested_severity"] = suggested.severity;
        e.payload["trigger"] = req.trigger.trimmed();
        e.payload["alert"] = req.alert;
        e.payload["owner"] = owner;
        const Runbook *rb = runbookForClass(m_library, req.incidentClass);
        e.payload["runbook"] = rb ? rb->id : QString();
        e.payload["closure_condition"] = rb ? rb->closureCondition : QString();
        return appendOne(e);
    });
}

Result<StoredEvent> IncidentActions::changeSeverity(const QString &incident, const QString &severity,
                                                    const QString &reason) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
            return refused(QStringLiteral("%1 is already %2").arg(inc->id, severity))
                .said(QStringLiteral("incident.same_severity"), {inc->id, severity});
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
    });
}

Result<StoredEvent> IncidentActions::assignOwner(const QString &incident, const QString &owner) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
                QStringLiteral(
                    "the incident owner must be an identity with the incident-owner role; '%1' is not")
                    .arg(owner),
                QStringLiteral("OWNER"));
        NewEvent e;
        e.kind = QStringLiteral("incident.owner_assigned");
        e.scope = inc->scope;
        e.payload["incident"] = inc->id;
        e.payload["owner"] = owner;
        return appendOne(e);
    });
}

Result<StoredEvent> IncidentActions::addEvidence(const QString &incident,
                                                 const QMap<QString, QString> &fields) {
    return onTheLog([&]() -> Result<StoredEvent> {
        auto record = CoreEvidence::validate(fields, m_clock());
        if (!record.ok())
            return record.error();
        if (!m_config.scope(record->stringAt("scope")))
            return invalid(QStringLiteral("scope '%1' is not a scope of %2")
                               .arg(record->stringAt("scope"), m_config.source),
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
    });
}

Result<StoredEvent> IncidentActions::decide(const QString &incident, const QString &text) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
    });
}

Result<StoredEvent> IncidentActions::close(const QString &incident, const QString &closure,
                                           const QString &verification) {
    return onTheLog([&]() -> Result<StoredEvent> {
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
                       QStringLiteral(
                           "%1 has no core evidence record; record one (incident evidence) before closing")
                           .arg(i.id))
                .said(QStringLiteral("incident.no_evidence"), {i.id});
        QString result = verification.trimmed();
        if (result.isEmpty())
            result = i.evidence.last().stringAt("verification_result");
        if (result.isEmpty())
            return invalid(QStringLiteral("closing needs a verification result"),
                           QStringLiteral("--verification"))
                .said(QStringLiteral("incident.verification"), {});
        for (const QString &runRef : i.runs)
            if (const RunbookRun *r = b->run(runRef); r && r->rollback && !r->finished)
                return refused(QStringLiteral("%1 has an unfinished rollback run %2 (%3 of %4 steps); finish "
                                              "it before closing")
                                   .arg(i.id, r->id)
                                   .arg(r->resolvedCount())
                                   .arg(r->steps.size()))
                    .said(
                        QStringLiteral("incident.rollback_open"),
                        {i.id, r->id, QString::number(r->resolvedCount()), QString::number(r->steps.size())});
        NewEvent e;
        e.kind = QStringLiteral("incident.closed");
        e.scope = i.scope;
        e.payload["incident"] = i.id;
        e.payload["closure"] = closure.trimmed();
        e.payload["closure_condition"] = i.closureCondition;
        e.payload["condition_confirmed"] = true;
        e.payload["verification_result"] = result;
        return appendOne(e);
    });
}

} // namespace ops
