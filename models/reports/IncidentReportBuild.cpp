// Building an incident report from the log: what it cites, its clocks, its appendix.
#include "IncidentReport.h"

#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"
#include "store/EvidenceStore.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace ops {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
};

} // namespace

namespace IncidentReports {

std::optional<Format> formatFromName(const QString &name) {
    if (name == QLatin1String("md") || name == QLatin1String("markdown"))
        return Format::Markdown;
    if (name == QLatin1String("html"))
        return Format::Html;
    if (name == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString formatName(Format format) {
    switch (format) {
    case Format::Markdown:
        return QStringLiteral("md");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("md");
}

Result<IncidentReport> build(const EvidenceStore &store, const QString &id, qint64 nowMs) {
    auto book = IncidentBook::load(store);
    if (!book.ok())
        return book.error();
    const Incident *inc = book->incident(id);
    if (!inc)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no incident '%1'").arg(id),
                         QStringLiteral("INC"));
    IncidentReport r;
    r.incident = *inc;
    r.draft = !inc->closed;
    r.generatedMs = nowMs;
    r.storeId = store.storeId();
    for (const RunbookRun &run : book->runs())
        if (run.incident == inc->id)
            r.runs << run;
    for (const RunbookRun &run : r.runs) {
        if (!run.rollback)
            continue;
        ReportRollback rb;
        rb.run = run;
        rb.finished = run.finished;
        rb.objectiveMet = run.objectiveMet;
        for (const RollbackClock &c : run.clocks) {
            ReportClock rc;
            rc.name = c.name;
            rc.startMs = run.startedMs;
            rc.deadlineMs = c.deadlineMs;
            rc.minutes = int((c.deadlineMs - run.startedMs + 30000) / 60000);
            rc.metMs = c.metMs;
            rc.metSeq = c.metSeq;
            rc.state = clockView(c, run.startedMs, nowMs).state;
            rb.clocks << rc;
        }
        r.rollbacks << rb;
    }
    for (const KillSwitchState &k : book->killSwitches())
        if (k.incident == inc->id)
            r.killSwitches << k;

    // Alerts acknowledged and silences in its scope while it was open.
    const qint64 until = inc->closed ? inc->closedMs : nowMs;
    auto events =
        eventsWithKindPrefixes(store, {QStringLiteral("alert.acknowledged"), QStringLiteral("silence.")});
    if (!events.ok())
        return events.error();
    for (const StoredEvent &e : events.value()) {
        if (e.scope != inc->scope || e.tsMs < inc->openedMs || e.tsMs > until)
            continue;
        const JsonValue p = e.payload();
        QStringList alerts;
        if (const JsonValue *a = p.find("alerts"))
            for (const JsonValue &x : a->toArray())
                alerts << x.toQString();
        QString text;
        if (e.kind == QLatin1String("alert.acknowledged"))
            text = Text::tr("acknowledged %1 (%2): %3")
                       .arg(p.stringAt("alert"), p.stringAt("severity"), p.stringAt("note"));
        else if (e.kind == QLatin1String("silence.added"))
            text = Text::tr("silenced %1 until %2: %3")
                       .arg(alerts.join(QStringLiteral(", ")), p.stringAt("until"), p.stringAt("reason"));
        else if (e.kind == QLatin1String("silence.ended"))
            text = Text::tr("silence %1 ended: %2").arg(p.stringAt("id"), p.stringAt("reason"));
        else if (e.kind == QLatin1String("silence.window_opened"))
            text = Text::tr("maintenance window %1 opened for %2")
                       .arg(p.stringAt("id"), alerts.join(QStringLiteral(", ")));
        else if (e.kind == QLatin1String("silence.expired"))
            text = Text::tr("silence %1 expired").arg(p.stringAt("id"));
        else
            continue;
        r.alerts << TimelineEntry{e.seq, e.tsMs, e.actor, e.kind, text, nullptr, {}};
    }

    // Follow-ups: those the core evidence records name, then what the evidence leaves open.
    for (const JsonValue &rec : inc->evidence)
        if (!rec.stringAt("follow_up").trimmed().isEmpty() &&
            !r.followUps.contains(rec.stringAt("follow_up").trimmed()))
            r.followUps << rec.stringAt("follow_up").trimmed();
    if (!inc->closed)
        r.followUps << Text::tr("Close the incident once its closure condition holds: %1")
                           .arg(inc->closureCondition.isEmpty() ? Text::tr("(none recorded)")
                                                                : inc->closureCondition);
    if (inc->owner.isEmpty())
        r.followUps << Text::tr("Assign an incident owner.");
    if (inc->evidence.isEmpty())
        r.followUps << Text::tr(
            "Record the core evidence record (scope, trigger, failure mode, containment, …).");
    if (inc->closed && inc->verification.isEmpty())
        r.followUps << Text::tr("Record how the closure was verified.");
    for (const RunbookRun &run : r.runs)
        if (!run.finished) {
            const StepState *next = run.nextPending();
            r.followUps << Text::tr("Finish %1 (%2): next step %3.")
                               .arg(run.id, run.title, next ? next->step.id : Text::tr("none pending"));
        }
    for (const ReportRollback &rb : r.rollbacks)
        for (const ReportClock &c : rb.clocks)
            if (c.state == ClockState::Missed || c.state == ClockState::MetLate)
                r.followUps
                    << Text::tr("Explain why the %1 objective of %2 (%3 min) was missed, and what changes.")
                           .arg(c.name == QLatin1String("restore") ? Text::tr("Restore")
                                                                   : Text::tr("Integrity"),
                                rb.run.id)
                           .arg(c.minutes);
    for (const KillSwitchState &k : r.killSwitches)
        if (k.active)
            r.followUps << Text::tr("Kill switch %1 is still active in %2: validate and deactivate it.")
                               .arg(k.killSwitch, k.scope);

    // The appendix: the checkpoint and a proof for every cited event that it covers.
    auto cp = store.latestCheckpoint();
    if (!cp.ok())
        return cp.error();
    r.checkpoint = cp.value();
    for (quint64 seq : r.citedEvents()) {
        if (seq > r.checkpoint.size) {
            r.unproven << seq; // said in the appendix, never left out silently
            continue;
        }
        auto proof = store.inclusionProof(seq, r.checkpoint.size);
        if (!proof.ok())
            return proof.error();
        auto event = store.event(seq);
        if (!event.ok())
            return event.error();
        if (crypto::merkle::leafHash(QByteArray::fromStdString(event->canonical)) != proof->leafHash ||
            !crypto::merkle::verifyInclusion(proof->leafHash, seq - 1, r.checkpoint.size, proof->path,
                                             r.checkpoint.root))
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("event %1 does not prove against checkpoint %2: run evidence verify")
                    .arg(seq)
                    .arg(r.checkpoint.size));
        crypto::note::TlogProof p;
        p.index = seq - 1;
        p.path = proof->path;
        p.checkpoint = r.checkpoint.noteText();
        r.proofs.insert(seq, QString::fromStdString(crypto::note::formatTlogProof(p)));
    }
    return r;
}

Result<StoredEvent> recordGenerated(EvidenceStore &store, const Signer &signer, const IncidentReport &report,
                                    Format format, const QByteArray &output, const QString &language) {
    NewEvent e;
    e.kind = QStringLiteral("report.generated");
    e.tsMs = report.generatedMs; // the clock the report was built by
    e.scope = report.incident.scope;
    e.payload["report"] = "postmortem";
    e.payload["incident"] = report.incident.id;
    e.payload["format"] = formatName(format);
    e.payload["language"] = language;
    e.payload["sha256"] = crypto::sha256Hex(output);
    e.payload["size"] = qint64(output.size());
    e.payload["draft"] = report.draft;
    e.payload["checkpoint_size"] = qint64(report.checkpoint.size);
    e.payload["events_cited"] = qint64(report.citedEvents().size());
    auto out = store.append(signer, {e});
    if (!out.ok())
        return out.error();
    return out->last();
}

} // namespace IncidentReports

} // namespace ops
