// Recording a runbook step: its attachments checked, its evidence planned, one transaction.
#include "IncidentActions.h"
#include "IncidentActsSupport.h"

#include "store/EvidenceStore.h"

namespace ops {

using namespace incident_acts;

AttachmentRef attachmentRef(const NewBlob &blob) {
    return AttachmentRef{blob.name, blob.sha256, blob.bytes.size(), blob.mediaType};
}

Result<void> requireStoredAttachments(const EvidenceStore &store, const QList<AttachmentRef> &attachments,
                                      const QList<NewBlob> &carried) {
    for (const AttachmentRef &a : attachments) {
        if (std::any_of(carried.begin(), carried.end(),
                        [&](const NewBlob &b) { return b.sha256 == a.sha256; }))
            continue;
        auto have = store.blobInfo(a.sha256);
        if (!have.ok())
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1' (SHA-256 %2) is not in the store").arg(a.name, a.sha256),
                a.name);
        if (have->size != a.size || have->sha256 != a.sha256)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1' says %2 bytes; the stored bytes of SHA-256 %3 are %4")
                    .arg(a.name)
                    .arg(a.size)
                    .arg(a.sha256)
                    .arg(have->size),
                a.name);
    }
    return {};
}

namespace {

// What a step needs before it is done: its probes passing when the runbook says so, and each kind
// of evidence it names (a pack probe whose SHA-256 matches its manifest counts as a checksum
// readback, added to `checksums`). The refusal names them in the command line's words and, for
// each front end, by kind.
Result<void> checkDoneEvidence(const RunbookStep &step, const StepInput &in, const QString &note,
                               QList<ChecksumRef> &checksums) {
    if (step.probeMustPass && in.probes) {
        QStringList bad;
        for (const ProbeResult &r : *in.probes)
            if (r.state != ProbeState::Ok)
                bad << QStringLiteral("%1 %2%3").arg(
                    r.target.id, probeStateName(r.state),
                    r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason.text()));
        if (!bad.isEmpty())
            return makeError(
                       ErrorCode::Negative,
                       QStringLiteral(
                           "step %1 is done only when its probes pass: %2; record it as failed with the "
                           "reason, or fix and probe again")
                           .arg(step.id, bad.join(QStringLiteral("; "))),
                       step.id)
                .said(QStringLiteral("step.probes"), {step.id, bad.join(QStringLiteral("; "))});
    }
    QStringList missing, needs; // the command line's words, and what each front end names
    if (step.needs(EvidenceKind::Note) && note.isEmpty()) {
        missing << QStringLiteral("a note (--evidence TEXT)");
        needs << QStringLiteral("note");
    }
    if (step.needs(EvidenceKind::Attachment) && in.attachments.isEmpty()) {
        missing << QStringLiteral("an attachment (--attach FILE)");
        needs << QStringLiteral("attachment");
    }
    if (step.needs(EvidenceKind::Confirmation) && !in.confirmed) {
        missing << QStringLiteral("a confirmation (--confirm)");
        needs << QStringLiteral("confirmation");
    }
    if (step.needs(EvidenceKind::Probe) && (!in.probes || in.probes->isEmpty())) {
        missing << QStringLiteral("a probe result");
        needs << QStringLiteral("probe");
    }
    if (step.needs(EvidenceKind::Checksum) && checksums.isEmpty() && in.probes) {
        // A pack probe whose streamed SHA-256 matches its manifest is a checksum readback.
        for (const ProbeResult &r : *in.probes)
            if (r.target.kind == TargetKind::Pack && !r.actualSha256.isEmpty() &&
                r.actualSha256 == r.target.expectedSha256)
                checksums << ChecksumRef{r.target.url.toString(), r.actualSha256, r.bytes};
    }
    if (step.needs(EvidenceKind::Checksum) && checksums.isEmpty()) {
        missing << QStringLiteral(
            "a checksum (--checksum FILE, or a pack probe whose SHA-256 matches its manifest)");
        needs << QStringLiteral("checksum");
    }
    if (!missing.isEmpty())
        return invalid(QStringLiteral("step %1 needs %2 before it can be done")
                           .arg(step.id, missing.join(QStringLiteral(", "))),
                       step.id)
            .said(QStringLiteral("step.needs"), QStringList{step.id} + needs);
    return {};
}

// The event that ends a run when this step resolved its last pending one (runbook.completed, or
// rollback.finished with each clock against its deadline); none while steps are pending.
std::optional<NewEvent> runResolvedEvent(const RunbookRun &run, qint64 now) {
    const bool allResolved = std::all_of(run.steps.begin(), run.steps.end(),
                                         [](const StepState &s) { return s.status != StepStatus::Pending; });
    if (!allResolved)
        return std::nullopt;
    QStringList failed, skipped;
    for (const StepState &s : run.steps) {
        if (s.status == StepStatus::Failed)
            failed << s.step.id;
        if (s.status == StepStatus::Skipped)
            skipped << s.step.id;
    }
    NewEvent done;
    done.kind = run.rollback ? QStringLiteral("rollback.finished") : QStringLiteral("runbook.completed");
    done.scope = run.scope;
    done.tsMs = now;
    done.payload["run"] = run.id;
    done.payload["incident"] = run.incident;
    done.payload["runbook"] = run.runbook;
    JsonValue f = JsonValue::array();
    for (const QString &s : failed)
        f.push(s);
    done.payload["failed_steps"] = f;
    JsonValue sk = JsonValue::array();
    for (const QString &s : skipped)
        sk.push(s);
    done.payload["skipped_steps"] = sk;
    bool met = failed.isEmpty();
    if (run.rollback) {
        done.payload["drill"] = run.drill;
        done.payload["confirmed_at_ms"] = run.startedMs;
        for (const RollbackClock &c : run.clocks) {
            JsonValue o = JsonValue::object();
            o["deadline_ms"] = c.deadlineMs;
            o["met_at_ms"] = c.metMs;
            const bool onTime = c.metMs > 0 && c.metMs <= c.deadlineMs;
            o["met"] = onTime;
            o["elapsed_ms"] = c.metMs > 0 ? c.metMs - run.startedMs : qint64(-1);
            done.payload[c.name.toStdString()] = o;
            met = met && onTime;
        }
    }
    done.payload["objective_met"] = met;
    return done;
}

} // namespace

Result<QList<NewEvent>> RunActions::planStep(const QString &runRef, const StepInput &given,
                                             const QList<NewBlob> &files) const {
    StepInput in = given;
    for (const NewBlob &f : files)
        in.attachments << attachmentRef(f);
    if (auto r = requireStoredAttachments(m_store, in.attachments, files); !r.ok())
        return r.error();
    auto b = book();
    if (!b.ok())
        return b.error();
    const RunbookRun *found = b->run(runRef);
    if (!found)
        return invalid(QStringLiteral("no run '%1' (runbook start or rollback start make one)").arg(runRef),
                       QStringLiteral("RUN"));
    RunbookRun run = *found;
    if (run.runbook == QLatin1String("launch-day-validation") && !run.rollback)
        return refused(
            QStringLiteral("%1 is a launch: record its checks with launch check / launch checksum and "
                           "its sign-offs with launch signoff")
                .arg(run.id));
    if (run.finished)
        return refused(QStringLiteral("%1 is finished (%2); start a new run")
                           .arg(run.id, Time::toIso(run.finishedMs)))
            .said(QStringLiteral("run.finished"), {run.id, Time::toIso(run.finishedMs)});
    StepState *state = run.step(in.step);
    if (!state) {
        QStringList ids;
        for (const StepState &s : run.steps)
            ids << s.step.id;
        return invalid(
            QStringLiteral("%1 has no step '%2' (%3)").arg(run.id, in.step, ids.join(QStringLiteral(", "))),
            QStringLiteral("STEP"));
    }
    const RunbookStep &step = state->step;
    if (state->status == StepStatus::Done || state->status == StepStatus::Skipped)
        return refused(QStringLiteral("step %1 of %2 is already %3 (event %4)")
                           .arg(step.id, run.id, stepStatusName(state->status))
                           .arg(state->seq))
            .said(QStringLiteral("step.recorded"),
                  {step.id, run.id, stepStatusName(state->status), QString::number(state->seq)});
    if (run.rollback || !run.incident.isEmpty())
        if (auto r = requireRole(incidentRoles(), QStringLiteral("a step of an incident or rollback run"),
                                 QStringLiteral("run.step"));
            !r.ok())
            return r.error();
    const QString note = in.note.trimmed();
    JsonValue evidence = JsonValue::object();
    if (in.probes) {
        evidence["probes"] = probeEvidence(*in.probes);
        evidence["probe_summary"] = probeSummary(*in.probes);
    }
    if (!in.attachments.isEmpty())
        evidence["attachments"] = attachmentsJson(in.attachments);
    QList<ChecksumRef> checksums = in.checksums;
    if (in.status == StepStatus::Done) {
        if (auto r = checkDoneEvidence(step, in, note, checksums); !r.ok())
            return r.error();
        if (step.needs(EvidenceKind::Signature))
            if (auto r = requireRole({step.role}, QStringLiteral("step %1").arg(step.id),
                                     QStringLiteral("step"), step.id);
                !r.ok())
                return r.error();
    } else {
        if (note.isEmpty())
            return invalid(
                       QStringLiteral("a %1 step needs its reason (--reason)").arg(stepStatusName(in.status)),
                       QStringLiteral("--reason"))
                .said(QStringLiteral("step.reason"), {stepStatusName(in.status)});
        if (in.status == StepStatus::Skipped && !step.skippable)
            return refused(QStringLiteral("step %1 of %2 cannot be skipped: the runbook does not allow it")
                               .arg(step.id, run.runbook))
                .said(QStringLiteral("step.noskip"), {step.id, run.runbook});
    }
    if (!checksums.isEmpty())
        evidence["checksums"] = checksumsJson(checksums);
    if (in.confirmed)
        evidence["confirmed"] = true;
    if (step.needs(EvidenceKind::Signature) && in.status == StepStatus::Done) {
        evidence["signed_as"] = step.role;
    }
    if (!in.extra.isNull())
        evidence["extra"] = in.extra;

    const qint64 now = m_clock();
    QList<NewEvent> events;
    for (const NewBlob &f : files)
        events << attachmentEvent(f, run.scope);
    events += missedDeadlineEvents(run, now);
    NewEvent e;
    e.kind = QStringLiteral("runbook.step");
    e.scope = run.scope;
    e.tsMs = now;
    e.payload["run"] = run.id;
    e.payload["incident"] = run.incident;
    e.payload["runbook"] = run.runbook;
    e.payload["step"] = step.id;
    e.payload["status"] = stepStatusName(in.status);
    e.payload["note"] = note;
    e.payload["evidence"] = evidence;
    events << e;

    // Apply to the copy: does this resolve the run?
    state->status = in.status;
    state->tsMs = now;
    if (in.status == StepStatus::Done)
        for (RollbackClock &c : run.clocks)
            if (c.step == step.id && c.metMs == 0)
                c.metMs = now;
    if (std::optional<NewEvent> done = runResolvedEvent(run, now))
        events << *done;
    return events;
}

Result<void> RunActions::checkStep(const QString &run, const StepInput &input,
                                   const QList<NewBlob> &files) const {
    auto planned = planStep(run, input, files);
    if (!planned.ok())
        return planned.error();
    return {};
}

Result<QList<StoredEvent>> RunActions::recordStep(const QString &run, const StepInput &input,
                                                  const QList<NewBlob> &files) {
    return onTheLog([&]() -> Result<QList<StoredEvent>> {
        auto planned = planStep(run, input, files);
        if (!planned.ok())
            return planned.error();
        return appendActs(planned.value(), files);
    });
}

} // namespace ops
