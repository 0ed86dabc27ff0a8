#include "Handover.h"

#include "Markdown.h"

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
            md += QStringLiteral("- ") + Markdown::text(i.text) +
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

namespace {

// What the incoming operator must hear about from the events since the last handover: the
// decisions and turns of the shift, each in a line ("" for the routine ones, which are counted).
QString notableChange(const StoredEvent &e) {
    const JsonValue p = e.payload();
    const QString k = e.kind;
    if (k == QLatin1String("incident.opened"))
        return Text::tr("incident %1 opened (%2 %3 in %4)")
            .arg(p.stringAt("id"), p.stringAt("severity"), p.stringAt("class"), e.scope);
    if (k == QLatin1String("incident.closed"))
        return Text::tr("incident %1 closed").arg(p.stringAt("incident"));
    if (k == QLatin1String("incident.severity_changed"))
        return Text::tr("incident %1 severity %2 → %3: %4")
            .arg(p.stringAt("incident"), p.stringAt("from"), p.stringAt("to"), p.stringAt("reason"));
    if (k == QLatin1String("incident.owner_assigned"))
        return Text::tr("incident %1 owner now %2").arg(p.stringAt("incident"), p.stringAt("owner"));
    if (k == QLatin1String("incident.decision"))
        return Text::tr("incident %1 decision: %2").arg(p.stringAt("incident"), p.stringAt("text"));
    if (k == QLatin1String("killswitch.activated") || k == QLatin1String("killswitch.deactivated"))
        return (k == QLatin1String("killswitch.activated") ? Text::tr("kill switch %1 activated in %2: %3")
                                                           : Text::tr("kill switch %1 deactivated in %2: %3"))
            .arg(p.stringAt("switch"), e.scope, p.stringAt("reason"));
    if (k == QLatin1String("alert.fired"))
        return Text::tr("alert %1 %2 fired in %3").arg(p.stringAt("severity"), p.stringAt("alert"), e.scope);
    if (k == QLatin1String("alert.cleared"))
        return Text::tr("alert %1 cleared in %2").arg(p.stringAt("alert"), e.scope);
    if (k == QLatin1String("alert.acknowledged"))
        return Text::tr("alert %1 in %2 acknowledged: %3")
            .arg(p.stringAt("alert"), e.scope, p.stringAt("note"));
    if (k == QLatin1String("silence.added"))
        return Text::tr("silence SIL-%1 added in %2: %3").arg(e.seq).arg(e.scope, p.stringAt("reason"));
    if (k == QLatin1String("silence.ended"))
        return Text::tr("silence %1 ended in %2: %3").arg(p.stringAt("id"), e.scope, p.stringAt("reason"));
    if (k == QLatin1String("rollback.started") || k == QLatin1String("rollback.finished"))
        return (k == QLatin1String("rollback.started") ? Text::tr("rollback %1 started in %2")
                                                       : Text::tr("rollback %1 finished in %2"))
            .arg(p.stringAt("id").isEmpty() ? p.stringAt("run") : p.stringAt("id"), e.scope);
    if (k == QLatin1String("rollback.deadline_missed"))
        return Text::tr("rollback %1 missed its %2 objective").arg(p.stringAt("run"), p.stringAt("clock"));
    if (k == QLatin1String("runbook.step") && p.find("evidence") && p.find("evidence")->isObject() &&
        !p.find("evidence")->stringAt("signed_as").isEmpty())
        return Text::tr("launch %1 signed off as %2")
            .arg(p.stringAt("run"), p.find("evidence")->stringAt("signed_as"));
    if (k == QLatin1String("launch.decided"))
        return Text::tr("launch %1 decided %2").arg(p.stringAt("run"), p.stringAt("decision"));
    if (k == QLatin1String("derivation.signed") || k == QLatin1String("derivation.denied") ||
        k == QLatin1String("derivation.invalidated"))
        return Text::tr("derivation %1: %2").arg(p.stringAt("record"), k.section(QLatin1Char('.'), 1));
    if (k == QLatin1String("identity.approved") || k == QLatin1String("identity.revoked") ||
        k == QLatin1String("identity.rotated"))
        return Text::tr("identity %1: %2").arg(p.stringAt("name"), k.section(QLatin1Char('.'), 1));
    return {};
}

} // namespace

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
                                               : Text::tr("stale: %1").arg(c.stale.translated())),
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
                if (const QString what = notableChange(e); !what.isEmpty())
                    add("changes", Text::tr("%1 by %2 at %3").arg(what, e.actor, iso(e.tsMs)), e.seq);
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

Acknowledgement acknowledgementOf(const StoredEvent &event) {
    const JsonValue p = event.payload();
    const JsonValue *handover = p.find("handover");
    return Acknowledgement{p.stringAt("from"), handover && handover->isInt() && handover->toInt() > 0
                                                   ? static_cast<quint64>(handover->toInt())
                                                   : 0};
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
    // Without a number: the latest handover waiting for this identity (addressed to it or to
    // whoever takes the shift, given by someone else, not yet acknowledged).
    const auto waitingForMe = [&](const StoredEvent &e) {
        const QString to = e.payload().stringAt("to");
        return !ackedBy.contains(e.seq) && e.actor != signer.name && (to.isEmpty() || to == signer.name);
    };
    for (const StoredEvent &e : given.value())
        if (e.kind == QLatin1String("handover.given") && (seq ? e.seq == seq : waitingForMe(e)))
            target = &e;
    if (!target && !seq) // none for this identity: the latest waiting one says why not
        for (const StoredEvent &e : given.value())
            if (e.kind == QLatin1String("handover.given") && !ackedBy.contains(e.seq))
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
