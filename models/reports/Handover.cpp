#include "Handover.h"

#include "alerts/Silences.h"
#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "crypto/Sha256.h"
#include "derivations/Derivations.h"
#include "incidents/Incidents.h"
#include "launch/Launch.h"
#include "store/EvidenceStore.h"

#include <QCoreApplication>
#include <QMap>

namespace ops {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Handover)
};

QString iso(qint64 ms) {
    return ms > 0 ? Time::toIso(ms).left(19) + QLatin1Char('Z') : QStringLiteral("—");
}

QString minutes(qint64 ms) {
    const qint64 s = ms / 1000;
    return QStringLiteral("%1%2:%3")
        .arg(s < 0 ? QStringLiteral("-") : QString())
        .arg(qAbs(s) / 60)
        .arg(qAbs(s) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QStringList HandoverBrief::sections() {
    return {QStringLiteral("incidents"),     QStringLiteral("alerts"), QStringLiteral("clocks"),
            QStringLiteral("kill-switches"), QStringLiteral("launch"), QStringLiteral("derivations"),
            QStringLiteral("changes")};
}

QString HandoverBrief::sectionTitle(const QString &s) {
    if (s == QLatin1String("incidents"))
        return Text::tr("Open incidents");
    if (s == QLatin1String("alerts"))
        return Text::tr("Alerts firing, acknowledged or silenced");
    if (s == QLatin1String("clocks"))
        return Text::tr("Rollback clocks running");
    if (s == QLatin1String("kill-switches"))
        return Text::tr("Kill switches active");
    if (s == QLatin1String("launch"))
        return Text::tr("Launch checks and sign-offs pending");
    if (s == QLatin1String("derivations"))
        return Text::tr("Derivations waiting for review");
    return Text::tr("Changed since the last handover");
}

QList<HandoverItem> HandoverBrief::itemsOf(const QString &section) const {
    QList<HandoverItem> out;
    for (const HandoverItem &i : items)
        if (i.section == section)
            out << i;
    return out;
}

QString HandoverBrief::title() const {
    return to.isEmpty() ? Text::tr("Shift handover from %1, %2").arg(from, iso(generatedMs))
                        : Text::tr("Shift handover from %1 to %2, %3").arg(from, to, iso(generatedMs));
}

QString HandoverBrief::markdown() const {
    QString md = QStringLiteral("# ") + title() + QStringLiteral("\n\n");
    md += previousSeq
              ? Text::tr("Since the last handover: event %1 at %2. Store size %3. Times are UTC.")
                    .arg(previousSeq)
                    .arg(iso(previousMs))
                    .arg(treeSize)
              : Text::tr("No earlier handover in this store. Store size %1. Times are UTC.").arg(treeSize);
    md += QStringLiteral("\n\n");
    for (const QString &s : sections()) {
        md += QStringLiteral("## ") + sectionTitle(s) + QStringLiteral("\n\n");
        const QList<HandoverItem> list = itemsOf(s);
        if (list.isEmpty())
            md += Text::tr("None.") + QStringLiteral("\n");
        for (const HandoverItem &i : list)
            md += QStringLiteral("- ") + i.text +
                  (i.seq ? QStringLiteral(" (") + Text::tr("event %1").arg(i.seq) + QLatin1Char(')')
                         : QString()) +
                  QLatin1Char('\n');
        md += QLatin1Char('\n');
    }
    return md;
}

QString HandoverBrief::html() const {
    QString h =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}</style></head><body>\n"
            "<h1>%1</h1>\n")
            .arg(title().toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>\n")
             .arg((previousSeq
                       ? Text::tr("Since the last handover: event %1 at %2. Store size %3. Times are UTC.")
                             .arg(previousSeq)
                             .arg(iso(previousMs))
                             .arg(treeSize)
                       : Text::tr("No earlier handover in this store. Store size %1. Times are UTC.")
                             .arg(treeSize))
                      .toHtmlEscaped());
    for (const QString &s : sections()) {
        h += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(sectionTitle(s).toHtmlEscaped());
        const QList<HandoverItem> list = itemsOf(s);
        if (list.isEmpty())
            h += QStringLiteral("<li>%1</li>\n").arg(Text::tr("None.").toHtmlEscaped());
        for (const HandoverItem &i : list)
            h += QStringLiteral("<li>%1</li>\n")
                     .arg(QString(i.text + (i.seq ? QStringLiteral(" (") + Text::tr("event %1").arg(i.seq) +
                                                        QLatin1Char(')')
                                                  : QString()))
                              .toHtmlEscaped());
        h += QStringLiteral("</ul>\n");
    }
    return h + QStringLiteral("</body></html>\n");
}

JsonValue HandoverBrief::toJson() const {
    JsonValue o = JsonValue::object();
    o["generated_at"] = Time::toIso(generatedMs);
    o["from"] = from;
    o["to"] = to;
    o["tree_size"] = qint64(treeSize);
    o["previous_handover"] = qint64(previousSeq);
    JsonValue list = JsonValue::array();
    for (const HandoverItem &i : items) {
        JsonValue x = JsonValue::object();
        x["section"] = i.section;
        x["text"] = i.text;
        x["event"] = qint64(i.seq);
        list.push(x);
    }
    o["items"] = list;
    return o;
}

QString HandoverBrief::sha256() const {
    return crypto::sha256Hex(QByteArray::fromStdString(CanonicalJson::serialize(toJson())));
}

namespace Handovers {

Result<HandoverBrief> build(const EvidenceStore &store, const std::optional<LaunchStatus> &launch,
                            const QList<MaintenanceWindow> &windows, const QString &from, const QString &to,
                            qint64 nowMs) {
    HandoverBrief b;
    b.generatedMs = nowMs;
    b.from = from;
    b.to = to;
    auto size = store.size();
    if (!size.ok())
        return size.error();
    b.treeSize = size.value();
    auto previous = eventsWithKindPrefixes(store, {QStringLiteral("handover.given")});
    if (!previous.ok())
        return previous.error();
    if (!previous->isEmpty()) {
        b.previousSeq = previous->last().seq;
        b.previousMs = previous->last().tsMs;
    }
    auto add = [&b](const char *section, const QString &text, quint64 seq) {
        b.items << HandoverItem{QString::fromLatin1(section), text, seq};
    };

    auto book = IncidentBook::load(store);
    if (!book.ok())
        return book.error();
    for (const Incident *i : book->openIncidents()) {
        QString next;
        for (const QString &runId : i->runs)
            if (const RunbookRun *r = book->run(runId); r && !r->finished)
                if (const StepState *s = r->nextPending()) {
                    next = Text::tr("next step %1 of %2").arg(s->step.id, r->id);
                    break;
                }
        if (next.isEmpty())
            next = i->evidence.isEmpty() ? Text::tr("next: record the core evidence record")
                                         : Text::tr("next: close once %1").arg(i->closureCondition);
        const QString decision =
            i->decisions.isEmpty()
                ? Text::tr("no decision yet")
                : Text::tr("last decision: %1 (%2)").arg(i->decisions.last().text, i->decisions.last().actor);
        add("incidents",
            Text::tr("%1 %2 %3 in %4, owner %5; %6; %7")
                .arg(i->id, i->severity, i->incidentClass, i->scope,
                     i->owner.isEmpty() ? Text::tr("none") : i->owner, decision, next),
            i->seq);
    }
    for (const RunbookRun &r : book->runs())
        if (r.rollback && !r.finished)
            for (const RollbackClock &c : r.clocks) {
                const ClockView v = clockView(c, r.startedMs, nowMs);
                add("clocks",
                    Text::tr("%1 in %2: %3 clock %4, %5 left")
                        .arg(r.id, r.scope, c.name, clockStateName(v.state), minutes(v.remainingMs)),
                    r.seq);
            }
    for (const KillSwitchState &k : book->killSwitches())
        if (k.active)
            add("kill-switches",
                Text::tr("%1 in %2 since %3 by %4: %5")
                    .arg(k.killSwitch, k.scope, iso(k.sinceMs), k.actor, k.reason),
                k.seq);

    // Alerts: the last transition of each cell, read from the log; silences in force now.
    auto alerts = eventsWithKindPrefixes(store, {QStringLiteral("alert.")});
    if (!alerts.ok())
        return alerts.error();
    QMap<QString, StoredEvent> lastFired;
    QMap<QString, StoredEvent> acked;
    for (const StoredEvent &e : alerts.value()) {
        const QString cell = e.payload().stringAt("alert") + QLatin1Char('|') + e.scope;
        if (e.kind == QLatin1String("alert.fired")) {
            lastFired.insert(cell, e);
            acked.remove(cell);
        } else if (e.kind == QLatin1String("alert.cleared")) {
            lastFired.remove(cell);
            acked.remove(cell);
        } else if (e.kind == QLatin1String("alert.acknowledged")) {
            acked.insert(cell, e);
        }
    }
    auto silences = SilenceBook::load(store, windows);
    if (!silences.ok())
        return silences.error();
    const QHash<QString, Silence> silenced = silences->silencedCells(nowMs);
    for (auto it = lastFired.constBegin(); it != lastFired.constEnd(); ++it) {
        const JsonValue p = it->payload();
        QString state = Text::tr("firing since %1").arg(iso(it->tsMs));
        if (acked.contains(it.key()))
            state = Text::tr("acknowledged by %1: %2")
                        .arg(acked[it.key()].actor, acked[it.key()].payload().stringAt("note"));
        if (silenced.contains(it.key()))
            state +=
                QStringLiteral("; ") + Text::tr("silenced until %1 (%2)")
                                           .arg(iso(silenced[it.key()].untilMs), silenced[it.key()].reason);
        add("alerts",
            Text::tr("%1 %2 in %3: %4").arg(p.stringAt("severity"), p.stringAt("alert"), it->scope, state),
            it->seq);
    }
    for (const Silence &s : silences->active(nowMs)) {
        bool covered = false;
        for (const QString &a : s.alerts)
            covered = covered || lastFired.contains(a + QLatin1Char('|') + s.scope);
        if (!covered)
            add("alerts",
                Text::tr("silence %1 on %2 in %3 until %4: %5")
                    .arg(s.id, s.alerts.join(QStringLiteral(", ")), s.scope, iso(s.untilMs), s.reason),
                s.seq);
    }

    if (launch && launch->run && !launch->decided) {
        for (const LaunchCheck &c : launch->checks)
            if (!c.holds())
                add("launch",
                    Text::tr("%1: check %2 %3")
                        .arg(launch->run->id, c.step.id,
                             c.stale.isEmpty() ? stepStatusName(c.status)
                                               : Text::tr("stale: %1").arg(c.stale)),
                    c.seq);
        for (const LaunchSignoff &s : launch->signoffs)
            if (s.state != SignoffState::Valid)
                add("launch",
                    Text::tr("%1: %2 sign-off %3")
                        .arg(launch->run->id, Launch::roleTitle(s.role), signoffStateName(s.state)),
                    s.seq);
    }

    auto derivations = DerivationBook::load(store);
    if (!derivations.ok())
        return derivations.error();
    for (const RecordState &r : derivations->records())
        if (r.status == RecordStatus::InReview || r.status == RecordStatus::Accepted)
            add("derivations",
                Text::tr("%1 %2, imported by %3").arg(r.record.id, recordStatusName(r.status), r.importer),
                r.importedSeq);

    // What changed since the last handover, by kind.
    if (b.previousSeq) {
        QMap<QString, int> kinds;
        quint64 next = b.previousSeq + 1;
        while (next <= b.treeSize) {
            auto page = store.events(next, 1000);
            if (!page.ok())
                return page.error();
            if (page->isEmpty())
                break;
            for (const StoredEvent &e : page.value()) {
                kinds[e.kind.section(QLatin1Char('.'), 0, 0)] += 1;
                if (e.kind == QLatin1String("incident.opened") ||
                    e.kind == QLatin1String("incident.closed") || e.kind == QLatin1String("launch.decided") ||
                    e.kind == QLatin1String("rollback.finished"))
                    add("changes", Text::tr("%1 by %2 at %3").arg(e.kind, e.actor, iso(e.tsMs)), e.seq);
            }
            next = page->last().seq + 1;
        }
        QStringList counts;
        for (auto it = kinds.constBegin(); it != kinds.constEnd(); ++it)
            counts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        add("changes",
            Text::tr("%1 events since event %2: %3")
                .arg(b.treeSize - b.previousSeq)
                .arg(b.previousSeq)
                .arg(counts.isEmpty() ? Text::tr("none") : counts.join(QStringLiteral(", "))),
            0);
    }
    return b;
}

Result<StoredEvent> give(EvidenceStore &store, const Signer &signer, const HandoverBrief &brief) {
    if (!brief.to.isEmpty() && brief.to == signer.name)
        return makeError(ErrorCode::Policy, QStringLiteral("a handover goes to someone else"),
                         QStringLiteral("--to"));
    NewEvent e;
    e.kind = QStringLiteral("handover.given");
    e.tsMs = brief.generatedMs;
    e.payload["to"] = brief.to;
    e.payload["brief"] = brief.toJson();
    e.payload["brief_sha256"] = brief.sha256();
    e.payload["open_items"] = qint64(brief.items.size());
    auto out = store.append(signer, {e});
    if (!out.ok())
        return out.error();
    return out->last();
}

Result<StoredEvent> acknowledge(EvidenceStore &store, const Signer &signer, quint64 seq, qint64 nowMs) {
    auto given = eventsWithKindPrefixes(store, {QStringLiteral("handover.")});
    if (!given.ok())
        return given.error();
    QHash<quint64, QString> ackedBy;
    for (const StoredEvent &e : given.value())
        if (e.kind == QLatin1String("handover.acknowledged"))
            ackedBy.insert(quint64(e.payload().find("handover") ? e.payload().find("handover")->toInt() : 0),
                           e.actor);
    const StoredEvent *target = nullptr;
    for (const StoredEvent &e : given.value())
        if (e.kind == QLatin1String("handover.given") && (seq ? e.seq == seq : !ackedBy.contains(e.seq)))
            target = &e;
    if (!target)
        return makeError(ErrorCode::InvalidInput,
                         seq ? QStringLiteral("event %1 is not a handover").arg(seq)
                             : QStringLiteral("no handover is waiting to be acknowledged"),
                         QStringLiteral("SEQ"));
    if (target->actor == signer.name)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("%1 gave this handover: the incoming operator acknowledges it").arg(signer.name));
    const QString to = target->payload().stringAt("to");
    if (!to.isEmpty() && to != signer.name)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("handover %1 is addressed to %2").arg(target->seq).arg(to));
    if (ackedBy.contains(target->seq))
        return makeError(ErrorCode::Policy, QStringLiteral("handover %1 was acknowledged already by %2")
                                                .arg(target->seq)
                                                .arg(ackedBy.value(target->seq)));
    NewEvent e;
    e.kind = QStringLiteral("handover.acknowledged");
    e.tsMs = nowMs;
    e.payload["handover"] = qint64(target->seq);
    e.payload["from"] = target->actor;
    e.payload["brief_sha256"] = target->payload().stringAt("brief_sha256");
    auto out = store.append(signer, {e});
    if (!out.ok())
        return out.error();
    return out->last();
}

} // namespace Handovers

} // namespace ops
