#include "LoggedProbes.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "store/EvidenceStore.h"

namespace ops::LoggedProbes {

namespace {

constexpr int kMaxEvents = 100000;

Result<QList<StoredEvent>> newestFirst(const EvidenceStore &store, const QString &kind) {
    EventFilter f;
    f.kind = kind;
    f.newestFirst = true;
    f.limit = kMaxEvents;
    return queryTrusted(store, f);
}

// The reason's words an event recorded beside its English text (none: the English only).
std::string wordsAt(const JsonValue &o) {
    const JsonValue *words = o.find("reason_words");
    return words && !words->isNull() && !words->isString() ? CanonicalJson::serialize(*words) : std::string();
}

} // namespace

Result<QHash<QString, TargetStateRow>> read(const EvidenceStore &store) {
    auto transitions = newestFirst(store, QStringLiteral("probe.state_changed"));
    if (!transitions.ok())
        return transitions.error();
    QHash<QString, TargetStateRow> out;
    for (const StoredEvent &e : transitions.value()) {
        const JsonValue p = e.payload();
        const QString target = p.stringAt("target");
        if (target.isEmpty() || out.contains(target))
            continue;
        TargetStateRow row;
        row.target = target;
        row.scope = e.scope;
        row.kind = p.stringAt("kind");
        row.state = p.stringAt("to");
        row.reason = p.stringAt("reason");
        row.reasonWords = wordsAt(p);
        row.sinceMs = row.checkedAtMs = e.tsMs;
        out.insert(target, row);
    }
    auto rounds = newestFirst(store, QStringLiteral("probe.round"));
    if (!rounds.ok())
        return rounds.error();
    QSet<QString> seen;
    for (const StoredEvent &e : rounds.value()) {
        const JsonValue p = e.payload();
        const JsonValue *targets = p.find("targets");
        if (!targets || !targets->isArray())
            continue;
        for (const JsonValue &t : targets->toArray()) {
            const QString target = t.stringAt("target");
            if (seen.contains(target))
                continue;
            seen.insert(target);
            // A round counts only where it agrees with the target's last transition: the transition
            // is the state, the round only says it still held then.
            auto it = out.find(target);
            if (it != out.end() && t.stringAt("state") == it->state && e.tsMs > it->checkedAtMs) {
                it->checkedAtMs = e.tsMs;
                it->reason = t.stringAt("reason");
                it->reasonWords = wordsAt(t);
            }
        }
    }
    return out;
}

Result<QList<NewEvent>> roundEvents(const EvidenceStore &store, const QList<ProbeResult> &results,
                                    qint64 nowMs) {
    auto logged = read(store);
    if (!logged.ok())
        return logged.error();
    QList<NewEvent> events;
    JsonValue targets = JsonValue::array();
    for (const ProbeResult &r : results) {
        const QString state = probeStateName(r.state);
        const auto it = logged->constFind(r.target.id);
        const QString from = it == logged->constEnd() ? QStringLiteral("unknown") : it->state;
        const qint64 observed = r.checkedAtMs > 0 ? r.checkedAtMs : nowMs;
        if (from != state) {
            JsonValue p = r.toJson();
            p["from"] = from;
            p["to"] = state;
            p["observed_at"] = Time::toIso(observed);
            p["source"] = QStringLiteral("probe");
            events.append(NewEvent{QStringLiteral("probe.state_changed"), r.target.scope, p, nowMs});
        }
        JsonValue t = JsonValue::object();
        t["target"] = r.target.id;
        t["scope"] = r.target.scope;
        t["kind"] = targetKindName(r.target.kind);
        t["state"] = state;
        t["reason"] = r.reason.text();
        if (const std::string words = phraseWords(r.reason); !words.empty())
            t["reason_words"] = r.reason.toJson();
        t["latency_ms"] = r.latencyMs;
        t["checked_at"] = Time::toIso(observed);
        targets.push(t);
    }
    if (results.isEmpty())
        return events;
    JsonValue round = JsonValue::object();
    round["targets"] = targets;
    round["observed_at"] = Time::toIso(nowMs);
    round["source"] = QStringLiteral("probe");
    events.append(NewEvent{QStringLiteral("probe.round"), QString(), round, nowMs});
    return events;
}

} // namespace ops::LoggedProbes
