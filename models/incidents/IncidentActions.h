#pragma once

#include "Incidents.h"

#include "core/Time.h"
#include "probes/ProbeTypes.h"
#include "store/EvidenceStore.h"

namespace ops {

struct Signer;

struct AttachmentRef {
    QString name;
    QString sha256;
    qint64 size = 0;
    QString mediaType;
};

struct ChecksumRef {
    QString name;
    QString sha256;
    qint64 size = 0;
};

// What a person records for one step of a run.
struct StepInput {
    QString step;
    StepStatus status = StepStatus::Done;
    QString note; // the note; for failed and skipped the reason
    QList<AttachmentRef> attachments;
    std::optional<QList<ProbeResult>> probes; // the probe results taken for this step
    QList<ChecksumRef> checksums;
    bool confirmed = false;
    JsonValue extra; // e.g. the publisher request and response of a rebind
};

struct OpenIncident {
    QString incidentClass;
    QString scope;
    QString severity;       // empty: the severity model's suggestion
    QString severityReason; // why, when the severity differs from the suggestion
    QString trigger;
    QString alert;
    QString owner;
};

// What every act of the incident capability shares: the store, the acting identity, the rules, and
// the checks of roles and of the current state (folded from the store) before one transaction
// signed by the acting identity. A refusal writes nothing.
class IncidentActBase {
public:
    IncidentActBase(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                    const RunbookLibrary &library, Time::Clock clock = Time::systemClock());

protected:
    Result<IncidentBook> book() const;
    Result<QStringList> actorRoles() const;
    // `what` names the act in the command line's message; `act` is its code for the window's
    // words (ui/common/ErrorText), `subject` what it is about (a step's id).
    Result<void> requireRole(const QStringList &anyOf, const QString &what, const QString &act,
                             const QString &subject = {}) const;
    Result<const Incident *> openIncident(const IncidentBook &book, const QString &id) const;
    Result<Incident> currentIncident(const QString &id) const; // open, as of now
    // Runs `act` on the log as it is now and writes its events only onto that log (checked inside
    // the write transaction); when another console appended meanwhile, `act` decides again on the
    // longer log, so no act is written on a state it did not see (a closed incident, a finished run).
    template<typename Act> auto onTheLog(Act &&act) -> decltype(act()) {
        return m_store.decidedOnTheLog([&](quint64 size) {
            m_decidedAt = size;
            auto made = act();
            m_decidedAt.reset();
            return made;
        });
    }
    Result<StoredEvent> appendOne(NewEvent event);
    Result<QList<StoredEvent>> appendActs(const QList<NewEvent> &events, const QList<NewBlob> &blobs = {});

    EvidenceStore &m_store;
    const Signer &m_signer;
    const DeploymentConfig &m_config;
    const RunbookLibrary &m_library;
    Time::Clock m_clock;
    std::optional<quint64> m_decidedAt; // the log's size the current act is decided on
};

// The acts of runbook runs (IncidentRunActions.cpp, IncidentSteps.cpp): starting a run or a
// rollback, recording its steps, and the rollback deadlines it missed.
class RunActions : public IncidentActBase {
public:
    using IncidentActBase::IncidentActBase;

    Result<StoredEvent> startRun(const QString &runbook, const QString &incident, const QString &scope);
    Result<StoredEvent> startRollback(const QString &scope, bool drill, const QString &incident);
    // One act, one transaction: the files given as evidence (an "evidence.attached" event and its
    // bytes each), any missed-deadline events, the step event, and the run's completion when this
    // step resolves the last one. A refusal writes nothing, not even the files. Attachments named
    // in the input without their bytes must already be stored.
    Result<QList<StoredEvent>> recordStep(const QString &run, const StepInput &input,
                                          const QList<NewBlob> &files = {});
    // Whether recordStep would accept this step now, for a flow that must know before an outside
    // call it cannot undo (the publisher's rebind); writes nothing.
    Result<void> checkStep(const QString &run, const StepInput &input,
                           const QList<NewBlob> &files = {}) const;
    // Missed deadlines of a rollback run not yet on its timeline (none when nothing is due).
    Result<QList<StoredEvent>> recordMissedDeadlines(const QString &run);

    static QString rollbackRunbookId() { return QStringLiteral("rollback-checklist"); }

private:
    Result<QList<NewEvent>> planStep(const QString &run, const StepInput &input,
                                     const QList<NewBlob> &files) const;
    QList<NewEvent> missedDeadlineEvents(const RunbookRun &run, qint64 nowMs) const;
};

// The acts of an incident itself (IncidentActions.cpp) and of kill switches
// (IncidentRunActions.cpp); runs() for its runbook runs, as the same identity.
class IncidentActions : public IncidentActBase {
public:
    using IncidentActBase::IncidentActBase;

    Result<StoredEvent> open(const OpenIncident &request);
    Result<StoredEvent> changeSeverity(const QString &incident, const QString &severity,
                                       const QString &reason);
    Result<StoredEvent> assignOwner(const QString &incident, const QString &owner);
    Result<StoredEvent> addEvidence(const QString &incident, const QMap<QString, QString> &fields);
    Result<StoredEvent> decide(const QString &incident, const QString &text);
    Result<StoredEvent> close(const QString &incident, const QString &closure, const QString &verification);

    // The runbook runs' acts, by the same identity on the same store.
    RunActions runs() const { return RunActions(m_store, m_signer, m_config, m_library, m_clock); }

    Result<StoredEvent> activateKillSwitch(const QString &name, const QString &scope, const QString &reason,
                                           const QStringList &validationLocalities,
                                           const QString &validationResult, const QString &incident = {});
    Result<StoredEvent> deactivateKillSwitch(const QString &name, const QString &scope, const QString &reason,
                                             const QStringList &validationLocalities,
                                             const QString &validationResult, const QString &incident = {});

    // The runbook an incident of this class follows (an incident runbook first), or null.
    static const Runbook *runbookForClass(const RunbookLibrary &library, const QString &incidentClass);
    static QString rollbackRunbookId() { return RunActions::rollbackRunbookId(); }

private:
    Result<StoredEvent> killSwitch(bool activate, const QString &name, const QString &scope,
                                   const QString &reason, const QStringList &localities,
                                   const QString &validationResult, const QString &incident);
};

// A stored or carried file as step evidence.
AttachmentRef attachmentRef(const NewBlob &blob);
// Refuses attachments that are neither carried by the act nor already stored.
Result<void> requireStoredAttachments(const EvidenceStore &store, const QList<AttachmentRef> &attachments,
                                      const QList<NewBlob> &carried);
// Attachments and checksums as step evidence.
JsonValue attachmentsJson(const QList<AttachmentRef> &attachments);
JsonValue checksumsJson(const QList<ChecksumRef> &checksums);
// A probe result as step evidence.
JsonValue probeEvidence(const QList<ProbeResult> &results);
// "ok: kl/manifest, kl/pack; failed: …" — a one-line validation result.
QString probeSummary(const QList<ProbeResult> &results);

} // namespace ops
