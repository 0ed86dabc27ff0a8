#include "RecordTemplates.h"

#include "core/Time.h"

namespace ops {

namespace {

RecordField field(const QString &name, const QString &value, QList<quint64> events, const QString &missing) {
    return RecordField{name, value, value.isEmpty() ? QList<quint64>{} : events,
                       value.isEmpty() ? missing : QString()};
}

QString iso(qint64 ms) {
    return ms > 0 ? Time::toIso(ms) : QString();
}

QString elapsed(qint64 from, qint64 to) {
    if (from <= 0 || to <= 0)
        return {};
    const qint64 s = (to - from) / 1000;
    return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
}

const RunbookRun *latestRun(const IncidentBook &book, const QString &scope, const QString &runRef,
                            const std::function<bool(const RunbookRun &)> &accept) {
    if (!runRef.isEmpty()) {
        const RunbookRun *r = book.run(runRef);
        return r && accept(*r) ? r : nullptr;
    }
    const RunbookRun *latest = nullptr;
    for (const RunbookRun &r : book.runs())
        if (r.scope == scope && accept(r))
            latest = &r;
    return latest;
}

void stepTable(EvidenceRecord &rec, const RunbookRun &run) {
    for (const StepState &s : run.steps)
        rec.table << QStringList{s.step.id, stepStatusName(s.status), s.actor, iso(s.tsMs), s.note};
}

QString stepEvidence(const StepState *s, std::string_view key) {
    if (!s || s->status != StepStatus::Done)
        return {};
    if (key == "probe_summary")
        return s->evidence.stringAt("probe_summary");
    if (const JsonValue *extra = s->evidence.find("extra"))
        if (const JsonValue *pub = extra->find("publisher"))
            return pub->stringAt(key);
    return {};
}

void rollbackFields(EvidenceRecord &rec, const RunbookRun &r) {
    const StepState *rebind = r.step(QStringLiteral("rebind"));
    const StepState *readback = r.step(QStringLiteral("readback"));
    const StepState *resolver = r.step(QStringLiteral("probe-resolver"));
    const RollbackClock *restore = r.clock(QStringLiteral("restore"));
    const RollbackClock *integrity = r.clock(QStringLiteral("integrity"));
    rec.fields << field(QStringLiteral("run"), r.id, {r.seq}, QString())
               << field(QStringLiteral("incident"),
                        r.incident.isEmpty() ? QStringLiteral("none (drill without incident)") : r.incident,
                        {r.seq}, QString())
               << field(QStringLiteral("confirmed bad publish at"), iso(r.startedMs), {r.seq}, QString())
               << field(QStringLiteral("restore deadline"), restore ? iso(restore->deadlineMs) : QString(),
                        {r.seq}, QStringLiteral("a rollback run"))
               << field(QStringLiteral("safe manifest restored at"),
                        restore && restore->metMs
                            ? QStringLiteral("%1 (after %2)")
                                  .arg(iso(restore->metMs), elapsed(r.startedMs, restore->metMs))
                            : QString(),
                        {rebind ? rebind->seq : 0}, QStringLiteral("the rebind step done"))
               << field(QStringLiteral("integrity deadline"),
                        integrity ? iso(integrity->deadlineMs) : QString(), {r.seq},
                        QStringLiteral("a rollback run"))
               << field(QStringLiteral("integrity confirmed at"),
                        integrity && integrity->metMs
                            ? QStringLiteral("%1 (after %2)")
                                  .arg(iso(integrity->metMs), elapsed(r.startedMs, integrity->metMs))
                            : QString(),
                        {readback ? readback->seq : 0}, QStringLiteral("the readback step done"))
               << field(QStringLiteral("publisher audit event"), stepEvidence(rebind, "audit_id"),
                        {rebind ? rebind->seq : 0},
                        QStringLiteral("a rebind through the publisher (rollback rebind)"))
               << field(QStringLiteral("checksum readback"), stepEvidence(readback, "probe_summary"),
                        {readback ? readback->seq : 0},
                        QStringLiteral("the readback step done with its probes"))
               << field(QStringLiteral("post-rollback probe log"), stepEvidence(resolver, "probe_summary"),
                        {resolver ? resolver->seq : 0}, QStringLiteral("the probe-resolver step done"));
}

} // namespace

bool EvidenceRecord::complete() const {
    return missing().isEmpty();
}

QStringList EvidenceRecord::missing() const {
    QStringList out;
    for (const RecordField &f : fields)
        if (f.value.isEmpty())
            out << QStringLiteral("%1 (needs %2)").arg(f.name, f.missing);
    return out;
}

QString EvidenceRecord::markdown() const {
    QString md =
        QStringLiteral(
            "# %1 — %2\n\nGenerated from the evidence store; every value names the event it comes from.\n\n")
            .arg(title, scope);
    md += QStringLiteral("| Field | Value | Events |\n|---|---|---|\n");
    auto cell = [](QString s) {
        return s.replace(QLatin1Char('|'), QStringLiteral("\\|"))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    for (const RecordField &f : fields) {
        QStringList seqs;
        for (quint64 s : f.events)
            if (s)
                seqs << QStringLiteral("#%1").arg(s);
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(cell(f.name),
                       f.value.isEmpty() ? QStringLiteral("**MISSING** — %1").arg(cell(f.missing))
                                         : cell(f.value),
                       seqs.join(QStringLiteral(", ")));
    }
    if (!table.isEmpty()) {
        md += QStringLiteral("\n| Step | Status | By | At | Note |\n|---|---|---|---|---|\n");
        for (const QStringList &row : table) {
            QStringList cells;
            for (const QString &c : row)
                cells << cell(c);
            md += QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
        }
    }
    md += complete() ? QStringLiteral("\nComplete.\n")
                     : QStringLiteral("\nIncomplete: %1 missing.\n").arg(missing().size());
    return md;
}

JsonValue EvidenceRecord::toJson() const {
    JsonValue o = JsonValue::object();
    o["template"] = templateId;
    o["title"] = title;
    o["scope"] = scope;
    o["complete"] = complete();
    JsonValue fs = JsonValue::array();
    for (const RecordField &f : fields) {
        JsonValue x = JsonValue::object();
        x["name"] = f.name;
        x["value"] = f.value.isEmpty() ? JsonValue(nullptr) : JsonValue(f.value);
        JsonValue ev = JsonValue::array();
        for (quint64 s : f.events)
            if (s)
                ev.push(static_cast<qint64>(s));
        x["events"] = ev;
        if (f.value.isEmpty())
            x["missing"] = f.missing;
        fs.push(x);
    }
    o["fields"] = fs;
    JsonValue steps = JsonValue::array();
    for (const QStringList &row : table) {
        JsonValue x = JsonValue::object();
        x["step"] = row.value(0);
        x["status"] = row.value(1);
        x["by"] = row.value(2);
        x["at"] = row.value(3);
        x["note"] = row.value(4);
        steps.push(x);
    }
    o["steps"] = steps;
    return o;
}

QStringList RecordTemplates::ids() {
    return {QStringLiteral("rollback-drill"), QStringLiteral("ai-kill-switch"),
            QStringLiteral("bad-pack-rebind"), QStringLiteral("launch-day")};
}

Result<EvidenceRecord> RecordTemplates::build(const QString &id, const IncidentBook &book,
                                              const QString &scope, const QString &runRef,
                                              const QString &appBuild) {
    EvidenceRecord rec;
    rec.templateId = id;
    rec.scope = scope;
    if (id == QLatin1String("rollback-drill")) {
        rec.title = QStringLiteral("Rollback drill record");
        const RunbookRun *r =
            latestRun(book, scope, runRef, [](const RunbookRun &x) { return x.rollback && x.drill; });
        if (!r) {
            rec.fields << field(QStringLiteral("run"), QString(), {},
                                QStringLiteral("a rollback drill (rollback start --drill)"));
            return rec;
        }
        rollbackFields(rec, *r);
        rec.fields << field(QStringLiteral("outcome against objective"),
                            r->finished ? (r->objectiveMet ? QStringLiteral("objective met")
                                                           : QStringLiteral("objective NOT met"))
                                        : QString(),
                            {r->seq}, QStringLiteral("the drill finished (every step recorded)"));
        stepTable(rec, *r);
        return rec;
    }
    if (id == QLatin1String("bad-pack-rebind")) {
        rec.title = QStringLiteral("Bad-pack kill switch and manifest rebind record");
        const KillSwitchState *k = book.killSwitch(QStringLiteral("bad-pack"), scope);
        rec.fields << field(
            QStringLiteral("bad-pack kill switch"),
            k ? QStringLiteral("%1 %2 by %3: %4")
                    .arg(k->active ? QStringLiteral("active since") : QStringLiteral("deactivated"),
                         iso(k->sinceMs), k->actor, k->reason)
              : QString(),
            {k ? k->seq : 0}, QStringLiteral("a bad-pack kill switch activation on this scope"));
        const RunbookRun *r = latestRun(book, scope, runRef, [](const RunbookRun &x) { return x.rollback; });
        if (!r) {
            rec.fields << field(QStringLiteral("run"), QString(), {},
                                QStringLiteral("a rollback run (rollback start)"));
            return rec;
        }
        rollbackFields(rec, *r);
        const StepState *rebind = r->step(QStringLiteral("rebind"));
        rec.fields << field(QStringLiteral("publisher endpoint"), stepEvidence(rebind, "url"),
                            {rebind ? rebind->seq : 0}, QStringLiteral("a rebind through the publisher"))
                   << field(QStringLiteral("active after rebind"), stepEvidence(rebind, "active"),
                            {rebind ? rebind->seq : 0}, QStringLiteral("the publisher's answer"));
        stepTable(rec, *r);
        return rec;
    }
    if (id == QLatin1String("ai-kill-switch")) {
        rec.title = QStringLiteral("AI kill-switch activation record");
        const KillSwitchState *k = book.killSwitch(QStringLiteral("ai"), scope);
        // The activation itself: the state's latest event may be the deactivation.
        const quint64 seq = k ? k->seq : 0;
        rec.fields
            << field(QStringLiteral("scope"), k ? scope : QString(), {seq},
                     QStringLiteral("an AI kill switch on this scope"))
            << field(QStringLiteral("state"),
                     k ? (k->active ? QStringLiteral("active") : QStringLiteral("deactivated")) : QString(),
                     {seq}, QStringLiteral("an AI kill switch on this scope"))
            << field(QStringLiteral("reason"), k ? k->reason : QString(), {seq},
                     QStringLiteral("killswitch activate ai --reason"))
            << field(k && !k->active ? QStringLiteral("deactivation time")
                                     : QStringLiteral("activation time"),
                     k ? iso(k->sinceMs) : QString(), {seq}, QStringLiteral("the switch's event"))
            << field(QStringLiteral("operator"), k ? k->actor : QString(), {seq},
                     QStringLiteral("the switch's event"))
            << field(QStringLiteral("validation localities"),
                     k ? k->validationLocalities.join(QStringLiteral(", ")) : QString(), {seq},
                     QStringLiteral("--validation-localities a,b"))
            << field(QStringLiteral("validation result"),
                     k && k->validationResult != QLatin1String("not validated") ? k->validationResult
                                                                                : QString(),
                     {seq},
                     QStringLiteral("a targeted validation (probed localities or --validation-result)"))
            << field(QStringLiteral("activations / deactivations"),
                     k ? QStringLiteral("%1 / %2").arg(k->activations).arg(k->deactivations) : QString(),
                     {seq}, QStringLiteral("an AI kill switch on this scope"));
        return rec;
    }
    if (id == QLatin1String("launch-day")) {
        rec.title = QStringLiteral("Launch-day production validation record");
        rec.fields << field(QStringLiteral("app build"), appBuild, {}, QStringLiteral("--app-build ID"));
        const RunbookRun *r = latestRun(book, scope, runRef, [](const RunbookRun &x) {
            return x.runbook == QLatin1String("launch-day-validation");
        });
        if (!r) {
            rec.fields << field(
                QStringLiteral("run"), QString(), {},
                QStringLiteral("a launch-day validation run (launch start --scope S --build ID)"));
            return rec;
        }
        rec.fields << field(QStringLiteral("run"), r->id, {r->seq}, QString());
        for (const StepState &s : r->steps) {
            QString value;
            if (s.status == StepStatus::Done) {
                const QString probes = s.evidence.stringAt("probe_summary");
                value =
                    QStringLiteral("done by %1 at %2%3")
                        .arg(s.actor, iso(s.tsMs),
                             probes.isEmpty() ? (s.note.isEmpty() ? QString() : QStringLiteral(": ") + s.note)
                                              : QStringLiteral(": ") + probes);
            }
            rec.fields << field(s.step.id, value, {s.seq},
                                QStringLiteral("the step done: %1").arg(s.step.action));
        }
        stepTable(rec, *r);
        return rec;
    }
    return makeError(
        ErrorCode::InvalidInput,
        QStringLiteral("unknown record template '%1' (%2)").arg(id, ids().join(QStringLiteral(", "))),
        QStringLiteral("TEMPLATE"));
}

} // namespace ops
