// The launch's no-go rules, each computed from the evidence (the rollback drill against its
// objective, kill switches, stale packs, publishing, the verify-first validation, silences), each
// with the words that say why it holds or blocks.
#include "Launch.h"

#include "ChecksumArchive.h"
#include "ConfigSnapshot.h"

#include "core/CanonicalJson.h"
#include "core/Phrase.h"
#include "core/Roles.h"
#include "core/Time.h"
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"
#include "incidents/IncidentActions.h"
#include "monitor/LoggedProbes.h"
#include "store/SqliteEvidenceStore.h"

namespace ops {

namespace {

// Words of the launch rules, in English as recorded and in the reader's language when shown.
Phrase say(const char *source, std::vector<Phrase> args = {}) {
    return Phrase("ops::Launch", source, std::move(args));
}

Phrase number(qint64 n) {
    return QString::number(n);
}

Phrase ago(qint64 ms) {
    const qint64 minutes = ms / 60000;
    if (minutes < 60)
        return say(QT_TRANSLATE_NOOP("ops::Launch", "%1 min ago"), {number(qMax<qint64>(0, minutes))});
    if (minutes < 48 * 60)
        return say(QT_TRANSLATE_NOOP("ops::Launch", "%1 h ago"), {number(minutes / 60)});
    return say(QT_TRANSLATE_NOOP("ops::Launch", "%1 days ago"), {number(minutes / (24 * 60))});
}

Phrase joined(const std::vector<Phrase> &parts) {
    return Phrase::joined(parts, QStringLiteral("; "));
}

// A drill proves the objective this console's config sets, whatever objective its start stated:
// every clock met within the configured minutes from the start.
// A drill proves the rollback only as the library's rollback checklist: the same steps with the
// same evidence rules, its clocks on the rebind and the readback. A start that brings steps of its
// own (a clock on a step that asks for nothing) proves nothing.
bool isTheRollbackChecklist(const RunbookRun &run, const RunbookLibrary &library) {
    const Runbook *rb = library.find(IncidentActions::rollbackRunbookId());
    if (!rb || run.runbook != rb->id || run.steps.size() != rb->steps.size())
        return false;
    for (qsizetype i = 0; i < run.steps.size(); ++i) {
        const RunbookStep &a = run.steps.at(i).step, &b = rb->steps.at(i);
        if (a.id != b.id || a.evidence != b.evidence || a.probe != b.probe ||
            a.probeMustPass != b.probeMustPass || a.role != b.role || a.skippable != b.skippable)
            return false;
    }
    const RollbackClock *restore = run.clock(QStringLiteral("restore"));
    const RollbackClock *integrity = run.clock(QStringLiteral("integrity"));
    return restore && integrity && restore->step == QLatin1String("rebind") &&
           integrity->step == QLatin1String("readback");
}

bool withinConfiguredObjective(const RunbookRun &run, const Objectives &o) {
    for (const RollbackClock &c : run.clocks) {
        const int minutes = c.name == QLatin1String("restore") ? o.restoreMinutes : o.integrityMinutes;
        if (c.metMs <= 0 || c.metMs - run.startedMs > qint64(minutes) * 60000)
            return false;
    }
    return !run.clocks.isEmpty();
}

NoGoRule rollbackRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("rollback-unproven");
    r.title = QStringLiteral("Rollback objective proven by a drill");
    r.clear =
        say(QT_TRANSLATE_NOOP("ops::Launch", "Run a rollback drill (Incidents › Rollback, Drill) and "
                                             "finish every step within %1 / %2 minutes"),
            {number(in.config.objectives.restoreMinutes), number(in.config.objectives.integrityMinutes)});
    r.clearTarget = QStringLiteral("rollback");
    const qint64 window = qint64(in.config.objectives.drillMaxAgeDays) * 24 * 3600 * 1000;
    const RunbookRun *latestMet = nullptr;
    const RunbookRun *latestAny = nullptr;
    const RunbookRun *latestLoose = nullptr; // met only the looser objective its start stated
    for (const RunbookRun &run : in.book.runs()) {
        if (!run.rollback || !run.drill || !run.finished)
            continue;
        r.lookedAt << QStringLiteral("event %1").arg(run.seq);
        if (!latestAny || run.finishedMs > latestAny->finishedMs)
            latestAny = &run;
        if (!run.objectiveMet || !isTheRollbackChecklist(run, in.library))
            continue;
        const RunbookRun *&slot =
            withinConfiguredObjective(run, in.config.objectives) ? latestMet : latestLoose;
        if (!slot || run.finishedMs > slot->finishedMs)
            slot = &run;
    }
    if (latestMet && in.nowMs - latestMet->finishedMs <= window) {
        r.holds = false;
        QStringList clocks;
        for (const RollbackClock &c : latestMet->clocks)
            if (c.metMs > 0)
                clocks << QStringLiteral("%1 %2").arg(c.name, clockText(c.metMs - latestMet->startedMs));
        r.reason = say(QT_TRANSLATE_NOOP("ops::Launch", "drill %1 on %2 met the objective %3 (%4)"),
                       {latestMet->id, latestMet->scope, ago(in.nowMs - latestMet->finishedMs),
                        clocks.join(QStringLiteral(", "))});
        return r;
    }
    if (latestMet)
        r.reason = say(QT_TRANSLATE_NOOP("ops::Launch", "the last drill that met the objective, %1 on %2, "
                                                        "finished %3; a drill older than %4 days does not "
                                                        "prove it"),
                       {latestMet->id, latestMet->scope, ago(in.nowMs - latestMet->finishedMs),
                        number(in.config.objectives.drillMaxAgeDays)});
    else if (latestLoose)
        r.reason = say(QT_TRANSLATE_NOOP("ops::Launch", "drill %1 on %2 met only the objective its start "
                                                        "stated; its clocks were not met within %3 / %4 "
                                                        "minutes"),
                       {latestLoose->id, latestLoose->scope, number(in.config.objectives.restoreMinutes),
                        number(in.config.objectives.integrityMinutes)});
    else if (latestAny)
        r.reason =
            say(QT_TRANSLATE_NOOP("ops::Launch", "no drill has met the objective; the latest, %1 on %2 (%3), "
                                                 "did not"),
                {latestAny->id, latestAny->scope, ago(in.nowMs - latestAny->finishedMs)});
    else
        r.reason =
            say(QT_TRANSLATE_NOOP("ops::Launch", "no rollback drill has been finished: the "
                                                 "%1/%2-minute objective is unproven"),
                {number(in.config.objectives.restoreMinutes), number(in.config.objectives.integrityMinutes)});
    return r;
}

NoGoRule killSwitchRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("kill-switches-untested");
    r.title = QStringLiteral("Kill switches defined and tested");
    r.clear = say(QT_TRANSLATE_NOOP("ops::Launch", "Activate and then deactivate each kill switch on a test "
                                                   "scope (Incidents › Kill switches), with its validation "
                                                   "result"));
    r.clearTarget = QStringLiteral("killswitch");
    std::vector<Phrase> bad, good;
    const QList<KillSwitchState> switches = in.book.killSwitches();
    for (const QString &name : killSwitchNames()) {
        const QString runbook = name + QStringLiteral("-kill-switch");
        r.lookedAt << QStringLiteral("runbook %1").arg(runbook);
        if (!in.library.find(runbook)) {
            bad.push_back(
                say(QT_TRANSLATE_NOOP("ops::Launch", "%1: undefined (no runbook %2)"), {name, runbook}));
            continue;
        }
        const KillSwitchState *tested = nullptr;
        const KillSwitchState *tried = nullptr;
        for (const KillSwitchState &k : switches) {
            if (k.killSwitch != name)
                continue;
            r.lookedAt << QStringLiteral("event %1").arg(k.seq);
            if (k.activations > 0 && k.deactivations > 0 && (!tested || k.seq > tested->seq))
                tested = &k;
            else if (k.activations > 0)
                tried = &k;
        }
        if (tested)
            good.push_back(
                say(QT_TRANSLATE_NOOP("ops::Launch", "%1: activated and deactivated on %2 (event %3)"),
                    {name, tested->scope, number(qint64(tested->seq))}));
        else if (tried)
            bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "%1: activated on %2 but never deactivated"),
                              {name, tried->scope}));
        else
            bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "%1: never activated"), {name}));
    }
    r.holds = !bad.empty();
    r.reason = r.holds ? say(QT_TRANSLATE_NOOP("ops::Launch", "kill switches untested — %1"), {joined(bad)})
                       : joined(good);
    return r;
}

const AlertRule *findRule(const LaunchInputs &in, const QString &id) {
    for (const AlertRule &r : in.rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

NoGoRule stalePackRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("stale-pack-alerting-absent");
    r.title = QStringLiteral("Stale-pack alerting on every supported scope");
    r.clear = say(QT_TRANSLATE_NOOP("ops::Launch", "Enable the stale-pack alert in the alert rules and give "
                                                   "every scope its freshness_hours"));
    r.clearTarget = QStringLiteral("alerts");
    r.lookedAt << QStringLiteral("alert rule stale-pack");
    std::vector<Phrase> bad;
    if (!in.rulesProblem.isEmpty())
        bad.push_back(
            say(QT_TRANSLATE_NOOP("ops::Launch", "the alert rules cannot be read: %1"), {in.rulesProblem}));
    else if (const AlertRule *rule = findRule(in, QStringLiteral("stale-pack")); !rule)
        bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "the alert rules have no stale-pack alert")));
    else if (!rule->enabled)
        bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "the stale-pack alert is disabled (line %1)"),
                          {number(rule->line)}));
    for (const ScopeConfig *s : in.config.orderedScopes()) {
        r.lookedAt << QStringLiteral("scope %1 freshness_hours").arg(s->id);
        if (s->freshnessHours <= 0)
            bad.push_back(
                say(QT_TRANSLATE_NOOP("ops::Launch", "scope %1 has no freshness threshold"), {s->id}));
    }
    r.holds = !bad.empty();
    r.reason = r.holds
                   ? joined(bad)
                   : say(QT_TRANSLATE_NOOP("ops::Launch", "the stale-pack alert is enabled and all %1 scopes "
                                                          "have a freshness threshold"),
                         {number(in.config.scopes.size())});
    return r;
}

NoGoRule publishRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("publish-failures-unrouted");
    r.title = QStringLiteral("Publish failures routed to a visible alert");
    r.clear = say(QT_TRANSLATE_NOOP("ops::Launch", "Enable the publish-blocked alert in the alert rules"));
    r.clearTarget = QStringLiteral("alerts");
    r.lookedAt << QStringLiteral("alert rule publish-blocked");
    if (!in.rulesProblem.isEmpty())
        r.reason =
            say(QT_TRANSLATE_NOOP("ops::Launch", "the alert rules cannot be read: %1"), {in.rulesProblem});
    else if (const AlertRule *rule = findRule(in, QStringLiteral("publish-blocked")); !rule)
        r.reason =
            say(QT_TRANSLATE_NOOP("ops::Launch", "the alert rules have no publish-blocked alert: publish "
                                                 "failures reach no one"));
    else if (!rule->enabled)
        r.reason = say(QT_TRANSLATE_NOOP("ops::Launch", "the publish-blocked alert is disabled (line %1): "
                                                        "publish failures reach no one"),
                       {number(rule->line)});
    else {
        r.holds = false;
        r.reason =
            say(QT_TRANSLATE_NOOP("ops::Launch", "publish failures raise the publish-blocked alert (%1)"),
                {rule->severityDefault});
    }
    return r;
}

// Launch day must see a stale pack or a failing resolver: a silence on either alert of a
// supported scope holds the notifications that would say so.
NoGoRule silencedRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("launch-alerts-silenced");
    r.title = QStringLiteral("No silence on a scope's stale-pack or resolver alert");
    r.clear = say(QT_TRANSLATE_NOOP("ops::Launch", "End the silence (Alerts › Silences), or wait for it to "
                                                   "expire"));
    r.clearTarget = QStringLiteral("alerts");
    const QStringList watched{QStringLiteral("stale-pack"), QStringLiteral("resolver-health")};
    r.lookedAt << QStringLiteral("silences of stale-pack and resolver-health");
    if (!in.silencesKnown) {
        r.reason = say(QT_TRANSLATE_NOOP("ops::Launch", "the silences cannot be read: whether launch alerts "
                                                        "are silenced is unknown"));
        return r;
    }
    std::vector<Phrase> bad;
    for (const Silence &s : in.activeSilences) {
        if (!in.config.scope(s.scope))
            continue;
        for (const QString &a : s.alerts)
            if (watched.contains(a)) {
                bad.push_back(
                    s.maintenance
                        ? say(QT_TRANSLATE_NOOP("ops::Launch",
                                                "%1 on %2 silenced by a maintenance window until "
                                                "%3 (%4: %5)"),
                              {a, s.scope, Time::toIso(s.untilMs), s.id, s.reason})
                        : say(QT_TRANSLATE_NOOP("ops::Launch", "%1 on %2 silenced by %3 until %4 (%5: %6)"),
                              {a, s.scope, s.actor, Time::toIso(s.untilMs), s.id, s.reason}));
                if (s.seq)
                    r.lookedAt << QStringLiteral("event %1").arg(s.seq);
            }
    }
    r.holds = !bad.empty();
    r.reason =
        r.holds ? joined(bad)
                : say(QT_TRANSLATE_NOOP("ops::Launch", "no stale-pack or resolver-health alert is silenced"));
    return r;
}

NoGoRule validationRule(const LaunchInputs &in) {
    NoGoRule r;
    r.id = QStringLiteral("scope-not-validated");
    r.title = QStringLiteral("Every critical scope validated by its last probe");
    r.clear =
        say(QT_TRANSLATE_NOOP("ops::Launch", "Probe the critical scopes (Alerts › Probe now) and fix what "
                                             "fails"));
    r.clearTarget = QStringLiteral("probes");
    constexpr qint64 kMaxAgeMs = 24LL * 3600 * 1000;
    std::vector<Phrase> bad;
    int checked = 0;
    for (const ScopeConfig *s : in.config.orderedScopes()) {
        if (!s->critical)
            continue;
        QStringList targets{s->id + QStringLiteral("/manifest"), s->id + QStringLiteral("/pack")};
        if (s->resolver.isValid())
            targets << s->id + QStringLiteral("/resolver");
        if (s->rules.isValid())
            targets << s->id + QStringLiteral("/rules");
        for (const QString &t : targets) {
            r.lookedAt << QStringLiteral("probe %1").arg(t);
            ++checked;
            const auto it = in.targets.constFind(t);
            if (!in.targetsKnown || it == in.targets.constEnd()) {
                bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "%1 never probed (unknown)"), {t}));
                continue;
            }
            if (it->state != QLatin1String("ok"))
                bad.push_back(it->reason.isEmpty()
                                  ? say(QT_TRANSLATE_NOOP("ops::Launch", "%1 %2 (%3)"),
                                        {t, it->state, ago(in.nowMs - it->checkedAtMs)})
                                  : say(QT_TRANSLATE_NOOP("ops::Launch", "%1 %2: %3 (%4)"),
                                        {t, it->state, it->reason, ago(in.nowMs - it->checkedAtMs)}));
            else if (in.nowMs - it->checkedAtMs > kMaxAgeMs && it->unsignedProbeMs > it->checkedAtMs)
                bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch",
                                                    "%1 last probed %2 by a signed recorder; the probe %3 is "
                                                    "not signed by an operator, incident owner or monitor "
                                                    "and does not count: sign in as one and probe it again"),
                                  {t, ago(in.nowMs - it->checkedAtMs), ago(in.nowMs - it->unsignedProbeMs)}));
            else if (in.nowMs - it->checkedAtMs > kMaxAgeMs)
                bad.push_back(say(QT_TRANSLATE_NOOP("ops::Launch", "%1 last probed %2; probe it again"),
                                  {t, ago(in.nowMs - it->checkedAtMs)}));
        }
    }
    r.holds = !bad.empty();
    r.reason = r.holds
                   ? joined(bad)
                   : say(QT_TRANSLATE_NOOP("ops::Launch", "all %1 targets of the critical scopes were ok at "
                                                          "their last probe"),
                         {number(checked)});
    return r;
}

} // namespace

QList<NoGoRule> evaluateNoGoRules(const LaunchInputs &in) {
    return {rollbackRule(in), killSwitchRule(in), stalePackRule(in),
            publishRule(in),  validationRule(in), silencedRule(in)};
}

} // namespace ops
