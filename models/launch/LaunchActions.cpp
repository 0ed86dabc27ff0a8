#include "LaunchActions.h"
#include "LaunchRefusals.h"
#include "core/ActErrors.h"

#include "core/CanonicalJson.h"
#include "crypto/Sha256.h"
#include "incidents/Publisher.h"
#include "store/Bundle.h"
#include "store/SqliteEvidenceStore.h"

#include <QEventLoop>
#include <QFileInfo>

namespace ops {

namespace {

using act_errors::invalid;
using act_errors::refused;

} // namespace

Result<void> LaunchActions::requireRole(const QString &role, const QString &what, const QString &act) const {
    auto id = m_store.identity(m_signer.name);
    if (!id.ok())
        return id.error();
    if (id->roles.contains(role))
        return {};
    return refused(
               QStringLiteral("%1 needs the %2 role; %3 holds %4")
                   .arg(what, role, m_signer.name,
                        id->roles.isEmpty() ? QStringLiteral("none") : id->roles.join(QStringLiteral(", "))),
               QStringLiteral("--identity"))
        .said(QStringLiteral("role.needed"),
              {act, role, m_signer.name, id->roles.join(QStringLiteral(", ")), {}});
}

Result<LaunchInputs> LaunchActions::inputs() const {
    return LaunchInputs::read(m_store, m_config, m_environment, m_library, m_clock());
}

Result<LaunchStatus> LaunchActions::status(const QString &run) const {
    auto in = inputs();
    if (!in.ok())
        return in.error();
    if (!run.isEmpty() && !in->book.run(run))
        return invalid(QStringLiteral("no launch '%1'").arg(run), QStringLiteral("--run"));
    return computeLaunchStatus(in.value(), run);
}

Result<StoredEvent> LaunchActions::start(const QString &scope, const QString &build) {
    const Runbook *rb = m_library.find(Launch::runbookId());
    if (!rb)
        return invalid(QStringLiteral("the launch-day runbook (%1) is not loaded").arg(Launch::runbookId()),
                       Launch::runbookId());
    if (!m_config.scope(scope))
        return invalid(
            QStringLiteral("--scope must name a scope of %1, got '%2'").arg(m_config.source, scope),
            QStringLiteral("--scope"));
    const QString b = build.trimmed();
    if (b.isEmpty() || b.size() > 200 || b.contains(QLatin1Char('\n')))
        return invalid(QStringLiteral("--build must name the app build being launched (one line)"),
                       QStringLiteral("--build"))
            .said(QStringLiteral("launch.build"), {});
    // Decided on the log as it is and written only onto it: two release owners starting at once
    // do not leave two open launches.
    return m_store.decidedOnTheLog([&](quint64 size) { return startOn(size, scope, *rb, b); });
}

Result<StoredEvent> LaunchActions::startOn(quint64 size, const QString &scope, const Runbook &runbook,
                                           const QString &build) {
    const Runbook *rb = &runbook;
    const QString &b = build;
    if (auto r = requireRole(QStringLiteral("release-owner"), QStringLiteral("starting a launch"),
                             QStringLiteral("launch.start"));
        !r.ok())
        return r.error();
    auto book = IncidentBook::load(m_store);
    if (!book.ok())
        return book.error();
    if (const RunbookRun *open = currentLaunchRun(book.value()); open && !open->finished)
        return refused(
                   QStringLiteral("launch %1 (%2, build %3) is still open; decide it first (launch decide)")
                       .arg(open->id, open->scope, open->build))
            .said(QStringLiteral("launch.open"), {open->id, open->scope, open->build});
    NewEvent e;
    e.kind = QStringLiteral("runbook.started");
    e.scope = scope;
    e.tsMs = m_clock();
    e.payload["id"] = freshRunId(book.value());
    e.payload["runbook"] = rb->id;
    e.payload["title"] = rb->title;
    e.payload["closure_condition"] = rb->closureCondition;
    e.payload["incident"] = QString();
    e.payload["build"] = b;
    e.payload["steps"] = stepsJson(rb->steps);
    // Decided from the runbook runs (an open launch) and the identities alone.
    auto stored = m_store.appendOnLog(size, IncidentBook::kindPrefixes(), m_signer, {e});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Result<RunbookRun> LaunchActions::launchRun(const QString &ref) const {
    auto book = IncidentBook::load(m_store);
    if (!book.ok())
        return book.error();
    const RunbookRun *run = ref.isEmpty() ? currentLaunchRun(book.value()) : book->run(ref);
    if (!run || run->runbook != Launch::runbookId())
        return ref.isEmpty()
                   ? invalid(QStringLiteral("no launch has been started (launch start --scope S --build ID)"),
                             QStringLiteral("--run"))
                         .said(QStringLiteral("launch.none"), {})
                   : invalid(QStringLiteral("'%1' is not a launch").arg(ref), QStringLiteral("--run"));
    if (run->finished)
        return refused(QStringLiteral("launch %1 was decided (%2); start a new launch")
                           .arg(run->id, Time::toIso(run->finishedMs)))
            .said(QStringLiteral("launch.decided"), {run->id, Time::toIso(run->finishedMs)});
    return *run;
}

Result<QString> LaunchActions::openRun(const QString &ref) const {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    return run->id;
}

Result<const RunbookStep *> LaunchActions::checkStep(const RunbookRun &run, const QString &step) const {
    const StepState *s = run.step(step);
    if (!s) {
        QStringList ids;
        for (const StepState &x : run.steps)
            if (!Launch::isSignoff(x.step))
                ids << x.step.id;
        return invalid(QStringLiteral("launch %1 has no check '%2' (%3)")
                           .arg(run.id, step, ids.join(QStringLiteral(", "))),
                       QStringLiteral("CHECK"));
    }
    if (Launch::isSignoff(s->step))
        return refused(QStringLiteral("%1 is a sign-off: launch signoff --role %2").arg(step, s->step.role));
    return &s->step;
}

Result<StoredEvent> LaunchActions::appendStep(const RunbookRun &run, const QString &step, StepStatus status,
                                              const QString &note, JsonValue evidence,
                                              const QList<NewBlob> &files) {
    // The check's work (probes, the archive) is done once; whether the launch is still open and
    // the identity still a release owner is decided again on the log the check is written onto.
    return m_store.decidedOnTheLog([&](quint64 size) -> Result<StoredEvent> {
        if (auto r = requireRole(QStringLiteral("release-owner"), QStringLiteral("a launch check"),
                                 QStringLiteral("launch.check"));
            !r.ok())
            return r.error();
        if (auto still = launchRun(run.id); !still.ok())
            return still.error();
        return appendStepOn(size, run, step, status, note, evidence, files);
    });
}

Result<StoredEvent> LaunchActions::appendStepOn(quint64 size, const RunbookRun &run, const QString &step,
                                                StepStatus status, const QString &note,
                                                const JsonValue &evidence, const QList<NewBlob> &files) {
    NewEvent e;
    e.kind = QStringLiteral("runbook.step");
    e.scope = run.scope;
    e.tsMs = m_clock();
    e.payload["run"] = run.id;
    e.payload["incident"] = QString();
    e.payload["runbook"] = run.runbook;
    e.payload["step"] = step;
    e.payload["status"] = stepStatusName(status);
    e.payload["note"] = note;
    e.payload["evidence"] = evidence;
    QList<NewEvent> events;
    for (const NewBlob &f : files)
        events << attachmentEvent(f, run.scope);
    events << e;
    auto stored = m_store.appendOnLog(size, IncidentBook::kindPrefixes(), m_signer, events, files);
    if (!stored.ok())
        return stored.error();
    return stored->last();
}

Result<StoredEvent> LaunchActions::recordSnapshot(const QString &ref,
                                                  const ConfigSnapshots::Presence &present) {
    // The snapshot reads the kill switches from the log: taken again, and written only onto the
    // log it was taken from, when one changed meanwhile.
    return m_store.decidedOnTheLog([&](quint64 size) -> Result<StoredEvent> {
        auto run = launchRun(ref);
        if (!run.ok())
            return run.error();
        const QString stepId = QStringLiteral("config-snapshot");
        if (auto s = checkStep(run.value(), stepId); !s.ok())
            return s.error();
        if (auto r = requireRole(QStringLiteral("release-owner"), QStringLiteral("a launch check"),
                                 QStringLiteral("launch.check"));
            !r.ok())
            return r.error();
        auto book = IncidentBook::load(m_store);
        if (!book.ok())
            return book.error();
        const ConfigSnapshot snap = ConfigSnapshots::take(m_config, m_environment, book.value(), present);
        JsonValue evidence = JsonValue::object();
        evidence["snapshot"] = snap.json;
        evidence["snapshot_sha256"] = snap.sha256;
        JsonValue f = JsonValue::array();
        for (const QString &x : snap.findings)
            f.push(x);
        evidence["findings"] = f;
        evidence["checksums"] =
            checksumsJson({ChecksumRef{QStringLiteral("config-snapshot.json"), snap.sha256,
                                       static_cast<qint64>(CanonicalJson::serialize(snap.json).size())}});
        if (snap.verified())
            return appendStepOn(size, run.value(), stepId, StepStatus::Done, QString(), evidence, {});
        return appendStepOn(size, run.value(), stepId, StepStatus::Failed,
                            snap.findings.join(QStringLiteral("; ")), evidence, {});
    });
}

Result<StoredEvent> LaunchActions::recordChecksums(const QString &ref, const QList<ChecksumEntry> &entries) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    const QString stepId = QStringLiteral("build-checksums");
    if (auto s = checkStep(run.value(), stepId); !s.ok())
        return s.error();
    if (entries.isEmpty())
        return invalid(QStringLiteral("the checksum archive is empty"), QStringLiteral("FILE"));
    JsonValue evidence = JsonValue::object();
    evidence["checksums"] = ChecksumArchive::toJson(entries);
    evidence["sha256sums_sha256"] = crypto::sha256Hex(ChecksumArchive::sha256sumText(entries));
    return appendStep(run.value(), stepId, StepStatus::Done, QString(), evidence);
}

Result<StoredEvent> LaunchActions::recordArchive(const QString &ref, const QString &outPath) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    const QString stepId = QStringLiteral("archive");
    if (auto s = checkStep(run.value(), stepId); !s.ok())
        return s.error();
    if (auto r = requireRole(QStringLiteral("release-owner"), QStringLiteral("a launch check"),
                             QStringLiteral("launch.check"));
        !r.ok())
        return r.error();
    if (QFileInfo::exists(outPath))
        return refused(QStringLiteral("%1 exists; an archive is never overwritten").arg(outPath), outPath)
            .said(QStringLiteral("launch.archive_exists"), {outPath});
    auto summary = Bundle::exportBundle(m_store, outPath, {}, m_signer);
    if (!summary.ok())
        return summary.error();
    auto digest = crypto::sha256File(outPath);
    if (!digest.ok())
        return digest.error();
    JsonValue a = JsonValue::object();
    a["name"] = QFileInfo(outPath).fileName();
    a["sha256"] = QString::fromLatin1(digest->toHex());
    a["size"] = QFileInfo(outPath).size();
    a["events"] = static_cast<qint64>(summary->events);
    a["tree_size"] = static_cast<qint64>(summary->treeSize);
    a["root"] = QString::fromLatin1(summary->root.toHex());
    JsonValue evidence = JsonValue::object();
    evidence["archive"] = a;
    evidence["checksums"] =
        checksumsJson({ChecksumRef{a.stringAt("name"), a.stringAt("sha256"), QFileInfo(outPath).size()}});
    return appendStep(run.value(), stepId, StepStatus::Done, QString(), evidence);
}

Result<StoredEvent> LaunchActions::recordManual(const QString &ref, const QString &stepId,
                                                const QString &note, const QList<NewBlob> &files,
                                                bool confirmed) {
    QList<AttachmentRef> attachments;
    for (const NewBlob &f : files)
        attachments << attachmentRef(f);
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    auto s = checkStep(run.value(), stepId);
    if (!s.ok())
        return s.error();
    const RunbookStep &step = *s.value();
    QStringList missing;
    bool manualAppFetch = false;
    if (step.needs(EvidenceKind::Probe)) {
        auto plan = probePlan(ref, stepId);
        if (!plan.ok())
            return plan.error();
        if (!plan->manual)
            return invalid(
                QStringLiteral("check %1 is recorded from its probes (launch check %1)").arg(stepId),
                QStringLiteral("CHECK"));
        manualAppFetch = true; // no app_fetch URL: a person's confirmation with its evidence
    }
    QStringList needs; // what each front end names
    if ((manualAppFetch || step.needs(EvidenceKind::Note)) && note.trimmed().isEmpty()) {
        missing << QStringLiteral("a note (--evidence TEXT)");
        needs << QStringLiteral("note");
    }
    if ((manualAppFetch || step.needs(EvidenceKind::Attachment)) && attachments.isEmpty()) {
        missing << QStringLiteral("an attachment (--attach FILE)");
        needs << QStringLiteral("attachment");
    }
    if ((manualAppFetch || step.needs(EvidenceKind::Confirmation)) && !confirmed) {
        missing << QStringLiteral("a confirmation (--confirm)");
        needs << QStringLiteral("confirmation");
    }
    if (step.needs(EvidenceKind::Checksum) && !manualAppFetch)
        return invalid(
            QStringLiteral("check %1 records checksums (launch checksum / launch check %1)").arg(stepId),
            QStringLiteral("CHECK"));
    if (!missing.isEmpty())
        return invalid(QStringLiteral("check %1 needs %2").arg(stepId, missing.join(QStringLiteral(", "))),
                       stepId)
            .said(QStringLiteral("check.needs"), QStringList{stepId} + needs);
    JsonValue evidence = JsonValue::object();
    if (!attachments.isEmpty())
        evidence["attachments"] = attachmentsJson(attachments);
    if (confirmed)
        evidence["confirmed"] = true;
    if (manualAppFetch)
        evidence["manual"] = QStringLiteral("no app_fetch URL in the config: confirmed by hand");
    return appendStep(run.value(), stepId, StepStatus::Done, note.trimmed(), evidence, files);
}

Result<StoredEvent> LaunchActions::recordFailed(const QString &ref, const QString &stepId,
                                                const QString &reason) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    if (auto s = checkStep(run.value(), stepId); !s.ok())
        return s.error();
    if (reason.trimmed().isEmpty())
        return invalid(QStringLiteral("a failed check needs its reason (--reason)"),
                       QStringLiteral("--reason"))
            .said(QStringLiteral("check.reason"), {});
    return appendStep(run.value(), stepId, StepStatus::Failed, reason.trimmed(), JsonValue::object());
}

Result<StoredEvent> LaunchActions::signoff(const QString &ref, const QString &role) {
    if (!Launch::signoffRoles().contains(role))
        return invalid(QStringLiteral("--role must be product, engineering or qa, got '%1'").arg(role),
                       QStringLiteral("--role"));
    // Written only onto the log it was decided from (an invalidated sign-off meanwhile is seen).
    return m_store.decidedOnTheLog([&](quint64 size) { return signoffOn(size, ref, role); });
}

Result<StoredEvent> LaunchActions::signoffOn(quint64 size, const QString &ref, const QString &role) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    const StepState *step = nullptr;
    for (const StepState &s : run->steps)
        if (Launch::isSignoff(s.step) && s.step.role == role)
            step = &s;
    if (!step)
        return invalid(QStringLiteral("launch %1 has no %2 sign-off").arg(run->id, role),
                       QStringLiteral("--role"));
    auto me = m_store.identity(m_signer.name);
    if (!me.ok())
        return me.error();
    auto st = status(run->id);
    if (!st.ok())
        return st.error();
    if (std::optional<Error> no = LaunchRefusals::signoff(st.value(), m_signer.name, me->roles, role))
        return std::move(*no);
    const std::string statement = signoffStatement(run->id, role, m_signer.name, st->recordSha256);
    const QByteArray signature = m_signer.key.sign(statement);
    if (signature.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("signing failed"));
    JsonValue evidence = JsonValue::object();
    evidence["signed_as"] = role;
    evidence["record_sha256"] = st->recordSha256;
    evidence["statement"] = statement;
    evidence["signature"] = QString::fromLatin1(signature.toBase64());
    evidence["key_fingerprint"] = m_signer.key.publicKey().fingerprint();
    NewEvent e;
    e.kind = QStringLiteral("runbook.step");
    e.scope = run->scope;
    e.tsMs = m_clock();
    e.payload["run"] = run->id;
    e.payload["incident"] = QString();
    e.payload["runbook"] = run->runbook;
    e.payload["step"] = step->step.id;
    e.payload["status"] = stepStatusName(StepStatus::Done);
    e.payload["note"] = QString();
    e.payload["evidence"] = evidence;
    auto stored = m_store.appendOnSize(size, m_signer, {e});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Result<QList<StoredEvent>> LaunchActions::decide(const QString &ref, bool go, const QString &note) {
    return m_store.decidedOnTheLog([&](quint64 size) { return decideOn(size, ref, go, note); });
}

Result<QList<StoredEvent>> LaunchActions::decideOn(quint64 size, const QString &ref, bool go,
                                                   const QString &note) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    auto me = m_store.identity(m_signer.name);
    if (!me.ok())
        return me.error();
    auto st = status(run->id);
    if (!st.ok())
        return st.error();
    if (std::optional<Error> no = LaunchRefusals::decision(st.value(), m_signer.name, me->roles, go))
        return std::move(*no);
    if (!go && note.trimmed().isEmpty())
        return invalid(QStringLiteral("a NO-GO decision needs its note (--note)"), QStringLiteral("--note"))
            .said(QStringLiteral("launch.nogo_note"), {});
    const qint64 now = m_clock();
    NewEvent d;
    d.kind = Launch::decidedKind();
    d.scope = run->scope;
    d.tsMs = now;
    d.payload["run"] = run->id;
    d.payload["build"] = run->build;
    d.payload["decision"] = go ? "GO" : "NO-GO";
    d.payload["computed"] = st->go ? "GO" : "NO-GO";
    d.payload["record_sha256"] = st->recordSha256;
    d.payload["environment"] = st->environment;
    d.payload["note"] = note.trimmed();
    JsonValue reasons = JsonValue::array();
    for (const auto &[rule, reason] : st->reasons) {
        JsonValue o = JsonValue::object();
        o["rule"] = rule;
        o["reason"] = reason.text();
        reasons.push(o);
    }
    d.payload["no_go"] = reasons;
    JsonValue signoffs = JsonValue::array();
    for (const LaunchSignoff &s : st->signoffs) {
        JsonValue o = JsonValue::object();
        o["role"] = s.role;
        o["identity"] = s.identity;
        o["seq"] = static_cast<qint64>(s.seq);
        o["state"] = signoffStateName(s.state);
        signoffs.push(o);
    }
    d.payload["signoffs"] = signoffs;
    NewEvent done;
    done.kind = QStringLiteral("runbook.completed");
    done.scope = run->scope;
    done.tsMs = now;
    done.payload["run"] = run->id;
    done.payload["incident"] = QString();
    done.payload["runbook"] = run->runbook;
    done.payload["failed_steps"] = JsonValue::array();
    done.payload["skipped_steps"] = JsonValue::array();
    done.payload["objective_met"] = go;
    done.payload["decision"] = go ? "GO" : "NO-GO";
    return m_store.appendOnSize(size, m_signer, {d, done});
}

} // namespace ops
