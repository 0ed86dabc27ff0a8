#include "LoggedAlerts.h"

#include "alerts/Silences.h"
#include "core/Time.h"
#include "incidents/Incidents.h"
#include "store/EvidenceStore.h"

#include <algorithm>

namespace ops::LoggedAlerts {

namespace {

JsonValue cellJson(const AlertCell &c) {
    JsonValue o = JsonValue::object();
    o["alert"] = c.alertId;
    o["scope"] = c.scope;
    o["state"] = alertStateName(c.state);
    o["severity"] = c.severity;
    o["severity_reason"] = c.severityReason.text();
    o["since_ms"] = c.sinceMs;
    o["detail"] = c.detail.text();
    o["detail_words"] = c.detail.toJson();
    o["bad"] = qint64(c.consecutiveBad);
    o["good"] = qint64(c.consecutiveGood);
    o["acknowledged_by"] = c.acknowledgedBy;
    o["note"] = c.acknowledgeNote;
    return o;
}

AlertCell cellFrom(const JsonValue &o) {
    AlertCell c;
    c.alertId = o.stringAt("alert");
    c.scope = o.stringAt("scope");
    c.state = alertStateFromName(o.stringAt("state"));
    c.severity = o.stringAt("severity");
    c.severityReason = o.stringAt("severity_reason");
    const auto number = [&o](const char *key) {
        const JsonValue *v = o.find(key);
        return v ? v->toInt() : 0;
    };
    c.sinceMs = number("since_ms");
    c.detail = Phrase::fromJson(o.find("detail_words"), o.stringAt("detail"));
    c.consecutiveBad = static_cast<int>(std::clamp<qint64>(number("bad"), 0, 1 << 20));
    c.consecutiveGood = static_cast<int>(std::clamp<qint64>(number("good"), 0, 1 << 20));
    c.acknowledgedBy = o.stringAt("acknowledged_by");
    c.acknowledgeNote = o.stringAt("note");
    return c;
}

} // namespace

Result<QList<StoredAlertCell>> read(const EvidenceStore &store) {
    EventFilter f;
    f.kind = QStringLiteral("probe.round");
    f.newestFirst = true;
    f.limit = 1000; // a round that probed one scope carries no cells: look further back
    auto rounds = queryTrusted(store, f);
    if (!rounds.ok())
        return rounds.error();
    QList<StoredAlertCell> out;
    quint64 basis = 0;
    for (const StoredEvent &e : rounds.value()) {
        const JsonValue p = e.payload();
        const JsonValue *cells = p.find("alerts");
        if (!cells || !cells->isArray())
            continue;
        for (const JsonValue &c : cells->toArray())
            if (c.isObject() && !c.stringAt("alert").isEmpty())
                out << StoredAlertCell{cellFrom(c), e.tsMs};
        // The log the evaluation read ("alerts_basis"): an acknowledgement recorded after that
        // and before the round itself was not seen by it, and is applied here.
        const JsonValue *b = p.find("alerts_basis");
        basis = b && b->toInt() > 0 && quint64(b->toInt()) < e.seq ? quint64(b->toInt()) : e.seq;
        break;
    }
    if (!basis)
        return out;
    // Acknowledgements recorded since (a person's, from any console), each of the firing it names.
    EventFilter acks;
    acks.kind = QStringLiteral("alert.acknowledged");
    acks.fromSeq = basis + 1;
    acks.limit = 10000;
    auto acked = queryTrusted(store, acks);
    if (!acked.ok())
        return acked.error();
    for (const StoredEvent &e : acked.value()) {
        const JsonValue p = e.payload();
        for (StoredAlertCell &c : out)
            if (c.cell.alertId == p.stringAt("alert") && c.cell.scope == e.scope &&
                c.cell.state == AlertState::Firing &&
                (p.stringAt("firing_since").isEmpty() ||
                 p.stringAt("firing_since") == Time::toIso(c.cell.sinceMs))) {
                c.cell.state = AlertState::Acknowledged;
                c.cell.acknowledgedBy = e.actor;
                c.cell.acknowledgeNote = p.stringAt("note");
            }
    }
    return out;
}

Result<QList<StoredAlertCell>> checkedAgainstLog(QList<StoredAlertCell> table, const EvidenceStore &store) {
    auto events =
        eventsWithKindPrefixes(store, {QStringLiteral("alert.fired"), QStringLiteral("alert.cleared")});
    if (!events.ok())
        return events.error();
    QHash<QString, const StoredEvent *> last; // "alert|scope" → its latest transition
    for (const StoredEvent &e : events.value())
        if (e.kind == QLatin1String("alert.fired") || e.kind == QLatin1String("alert.cleared"))
            last.insert(e.payload().stringAt("alert") + QLatin1Char('|') + e.scope, &e);
    for (StoredAlertCell &c : table) {
        const auto it = last.constFind(c.cell.alertId + QLatin1Char('|') + c.cell.scope);
        const bool loggedFiring = it != last.constEnd() && (*it)->kind == QLatin1String("alert.fired");
        const bool tableFiring =
            c.cell.state == AlertState::Firing || c.cell.state == AlertState::Acknowledged;
        if (c.cell.state == AlertState::Unknown || tableFiring == loggedFiring)
            continue;
        c.cell.detail =
            it == last.constEnd()
                ? QStringLiteral("unverified: the alert_cells table says %1, but no transition of "
                                 "this cell is in the evidence log")
                      .arg(alertStateName(c.cell.state))
                : QStringLiteral("unverified: the alert_cells table says %1, but the evidence log's "
                                 "last transition (event %2) says %3")
                      .arg(alertStateName(c.cell.state))
                      .arg((*it)->seq)
                      .arg(loggedFiring ? QStringLiteral("firing") : QStringLiteral("ok"));
        c.cell.state = AlertState::Unknown;
    }
    return table;
}

// The acknowledgement as decided on a log of `size` events, written only onto it.
Result<StoredEvent> acknowledgeOn(quint64 size, EvidenceStore &store, const Signer &signer,
                                  const QString &alertId, const QString &scope, const QString &note,
                                  qint64 nowMs);

Result<StoredEvent> acknowledge(EvidenceStore &store, const Signer &signer, const QString &alertId,
                                const QString &scope, const QString &note, qint64 nowMs) {
    // Decided on the log as it is and written only onto it: a cell that cleared meanwhile (the
    // recorder's round landed) is not acknowledged.
    return store.decidedOnTheLog([&](quint64 size) -> Result<StoredEvent> {
        return acknowledgeOn(size, store, signer, alertId, scope, note, nowMs);
    });
}

Result<StoredEvent> acknowledgeOn(quint64 size, EvidenceStore &store, const Signer &signer,
                                  const QString &alertId, const QString &scope, const QString &note,
                                  qint64 nowMs) {
    auto who = store.identity(signer.name);
    if (!who.ok())
        return who.error();
    if (!who->approved() || !(who->roles.contains(QStringLiteral("operator")) ||
                              who->roles.contains(QStringLiteral("incident-owner"))))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' holds neither the operator nor the incident-owner role")
                             .arg(who->name))
            .said(QStringLiteral("alert.ack_role"), {who->name});
    if (note.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("an acknowledgement needs a note"),
                         QStringLiteral("--note"))
            .said(QStringLiteral("alert.ack_note"), {});
    auto cells = read(store);
    if (!cells.ok())
        return cells.error();
    const StoredAlertCell *cell = nullptr;
    for (const StoredAlertCell &c : cells.value())
        if (c.cell.alertId == alertId && c.cell.scope == scope)
            cell = &c;
    const QString state = cell ? alertStateName(cell->cell.state) : QStringLiteral("not evaluated yet");
    if (!cell || cell->cell.state != AlertState::Firing)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("only a firing alert can be acknowledged: %1 for %2 is %3")
                             .arg(alertId, scope, state))
            .said(QStringLiteral("alert.not_firing"), {alertId, scope, state});
    JsonValue p = JsonValue::object();
    p["alert"] = alertId;
    p["severity"] = cell->cell.severity;
    p["note"] = note.trimmed();
    p["detail"] = cell->cell.detail.text();
    p["detail_words"] = cell->cell.detail.toJson();
    p["firing_since"] = Time::toIso(cell->cell.sinceMs);
    auto out =
        store.appendOnSize(size, signer, {NewEvent{QStringLiteral("alert.acknowledged"), scope, p, nowMs}});
    if (!out.ok())
        return out.error();
    return out->last();
}

QList<NewEvent> transitionEvents(const AlertEvaluator &evaluator, const QList<AlertTransition> &transitions,
                                 const QString &source) {
    QList<NewEvent> events;
    for (const AlertTransition &t : transitions) {
        QString kind;
        if (t.to == AlertState::Firing)
            kind = QStringLiteral("alert.fired");
        else if (t.to == AlertState::Ok &&
                 (t.from == AlertState::Firing || t.from == AlertState::Acknowledged))
            kind = QStringLiteral("alert.cleared");
        else
            continue;
        const AlertRule *rule = evaluator.rule(t.alertId);
        const AlertCell &c = evaluator.cell(t.alertId, t.scope);
        JsonValue p = JsonValue::object();
        p["alert"] = t.alertId;
        p["name"] = rule ? rule->name : t.alertId;
        p["severity"] = t.severity;
        p["severity_reason"] = c.severityReason.text();
        p["from"] = alertStateName(t.from);
        p["detail"] = t.detail.text();
        p["detail_words"] = t.detail.toJson();
        p["observed_at"] = Time::toIso(t.tsMs);
        p["source"] = source;
        if (kind == QLatin1String("alert.fired") && rule)
            p["first_action"] = rule->firstAction;
        events.append(NewEvent{kind, t.scope, p, std::nullopt});
    }
    return events;
}

Result<RoundAlerts> addToRound(QList<NewEvent> &events, const EvidenceStore &store,
                               const DeploymentConfig &config, const QList<AlertRule> &rules,
                               const QList<ProbeResult> &results, qint64 nowMs,
                               Alertmanager::Fold *alertmanager) {
    RoundAlerts out;
    if (events.isEmpty() || events.last().kind != QLatin1String("probe.round"))
        return out;
    AlertEvaluator evaluator(rules, config);
    auto basis = store.size();
    if (!basis.ok())
        return basis.error();
    auto logged = read(store);
    if (!logged.ok())
        return logged.error();
    QList<AlertCell> saved;
    for (const StoredAlertCell &c : logged.value()) {
        saved << c.cell;
        if (c.cell.state == AlertState::Firing || c.cell.state == AlertState::Acknowledged)
            out.firingSince.insert(c.cell.alertId + QLatin1Char('|') + c.cell.scope, c.cell.sinceMs);
    }
    evaluator.restore(saved);

    AlertInputs in;
    in.probes = results;
    in.nowMs = nowMs;
    auto signalSamples = recentSignals(store);
    if (!signalSamples.ok())
        return signalSamples.error();
    in.signals = signalSamples.value();
    Alertmanager::Fold fresh;
    Alertmanager::Fold &fold = alertmanager ? *alertmanager : fresh;
    if (auto synced = Alertmanager::sync(fold, store); !synced.ok())
        return synced.error();
    in.external = fold.cells();
    in.signals += fold.signals();
    auto book = IncidentBook::load(store);
    if (!book.ok())
        return book.error();
    in.activeKillSwitches = book->activeKillSwitchScopes();
    in.killSwitchesKnown = true;
    auto silences = SilenceBook::load(store, config.maintenance);
    if (!silences.ok())
        return silences.error();
    in.silenced = silences->silencedCells(nowMs);

    out.transitions = evaluator.evaluate(in);
    QList<NewEvent> alertEvents = transitionEvents(evaluator, out.transitions, QStringLiteral("probe"));
    for (NewEvent &e : alertEvents)
        e.tsMs = nowMs;
    out.recorded = static_cast<int>(alertEvents.size());
    // The silence events now due, recorded once: the next round reads them back from the log.
    const QList<NewEvent> due = silences->due(nowMs);
    out.silenceEvents = static_cast<int>(due.size());
    alertEvents += due;
    out.cells = evaluator.cells();
    JsonValue cells = JsonValue::array();
    for (const AlertCell &c : evaluator.cells())
        cells.push(cellJson(c));
    NewEvent round = events.takeLast();
    round.payload["alerts"] = cells;
    round.payload["alerts_basis"] = qint64(basis.value());
    events += alertEvents;
    events.append(round);
    return out;
}

Result<QList<SignalSample>> recentSignals(const EvidenceStore &store, const QString &kind) {
    EventFilter f;
    f.kind = QStringLiteral("signal.") + kind;
    f.newestFirst = true;
    f.limit = 1000;
    auto events = queryTrusted(store, f);
    if (!events.ok())
        return events.error();
    QList<SignalSample> out;
    for (const StoredEvent &e : events.value())
        out.append(SignalSample{kind, e.scope, e.tsMs, e.payload().stringAt("value")});
    return out;
}

Result<QList<SignalSample>> recentSignals(const EvidenceStore &store) {
    QList<SignalSample> out;
    for (const QString &kind : AlertRules::signalKinds()) {
        auto samples = recentSignals(store, kind);
        if (!samples.ok())
            return samples.error();
        out += samples.value();
    }
    return out;
}

Result<QSet<QString>> activeKillSwitches(const EvidenceStore &store) {
    QList<StoredEvent> switches;
    for (const char *kind : {"killswitch.activated", "killswitch.deactivated"}) {
        EventFilter f;
        f.kind = QString::fromLatin1(kind);
        f.limit = 100000;
        auto events = queryTrusted(store, f);
        if (!events.ok())
            return events.error();
        switches += events.value();
    }
    std::sort(switches.begin(), switches.end(),
              [](const StoredEvent &a, const StoredEvent &b) { return a.seq < b.seq; });
    IncidentBook book;
    for (const StoredEvent &e : switches)
        book.apply(e);
    return book.activeKillSwitchScopes();
}

} // namespace ops::LoggedAlerts
