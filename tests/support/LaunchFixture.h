#pragma once

// Real evidence that clears (or keeps) launch-day no-go rules, for the launch tests. A rig has
// `f` (a StoreFixture), `config`, `clock` and `incidents()` (IncidentActions for a release owner
// who is also incident owner).

#include "StoreFixture.h"

#include "incidents/IncidentActions.h"
#include "monitor/MonitorStore.h"

#include <QTest>

namespace ops::test {

inline constexpr qint64 kLaunchMinute = 60 * 1000;

inline ProbeResult ok(const QString &scope, TargetKind kind, const QString &sha = {}) {
    ProbeResult r;
    r.target.scope = scope;
    r.target.kind = kind;
    r.target.id = scope + QLatin1Char('/') + targetKindName(kind);
    r.target.expectedSha256 = sha;
    r.actualSha256 = sha;
    r.state = ProbeState::Ok;
    return r;
}

// A drill of the rollback checklist, every step a minute apart (so within the objective unless
// `late` pushes the rebind past the 15-minute restore deadline).
template<typename Rig> void runDrill(Rig &rig, bool late = false) {
    auto a = rig.incidents();
    auto started = a.runs().startRollback(QStringLiteral("kl"), true, {});
    QVERIFY_OK(started);
    const QString run = citedIdOf(started.value());
    const QString sha(64, QLatin1Char('a'));
    const QList<StepState> steps = IncidentBook::load(*rig.f.store).value().run(run)->steps;
    for (const StepState &s : steps) {
        rig.clock += (late && s.step.id == QLatin1String("rebind")) ? 20 * kLaunchMinute : kLaunchMinute;
        StepInput in;
        in.step = s.step.id;
        in.note = QStringLiteral("drill");
        in.confirmed = true;
        in.probes = QList<ProbeResult>{
            ok(QStringLiteral("kl"), TargetKind::Manifest), ok(QStringLiteral("kl"), TargetKind::Pack, sha),
            ok(QStringLiteral("kl"), TargetKind::Resolver), ok(QStringLiteral("kl"), TargetKind::Rules)};
        QVERIFY_OK(a.runs().recordStep(run, in,
                                       {makeBlob(QStringLiteral("publisher.json"), "{\"published\":1}",
                                                 QStringLiteral("application/json"))
                                            .value()}));
    }
}

template<typename Rig> void cycleKillSwitch(Rig &rig, const QString &name) {
    auto a = rig.incidents();
    QVERIFY_OK(a.activateKillSwitch(name, QStringLiteral("pg"), QStringLiteral("launch test"), {},
                                    QStringLiteral("ok")));
    rig.clock += kLaunchMinute;
    QVERIFY_OK(a.deactivateKillSwitch(name, QStringLiteral("pg"), QStringLiteral("test done"), {},
                                      QStringLiteral("ok")));
}

template<typename Rig> void probeCriticalScopes(Rig &rig, const QString &failing = {}) {
    auto monitor = MonitorStore::open(rig.f.path, false);
    QVERIFY_OK(monitor);
    QList<TargetStateRow> states;
    for (const ScopeConfig *s : rig.config.orderedScopes())
        for (const char *kind : {"manifest", "pack", "resolver", "rules"}) {
            const QString target = s->id + QLatin1Char('/') + QLatin1String(kind);
            TargetStateRow row;
            row.target = target;
            row.scope = s->id;
            row.kind = QLatin1String(kind);
            row.state = target == failing ? QStringLiteral("failed") : QStringLiteral("ok");
            row.reason = target == failing ? QStringLiteral("HTTP 500") : QString();
            row.sinceMs = rig.clock;
            row.checkedAtMs = rig.clock;
            states << row;
        }
    QVERIFY_OK(monitor->saveRound({}, states, {}, rig.clock, 0));
    // As the monitor does: each state is also a signed probe.state_changed event, which the
    // launch rules read (the table only says when each target was last probed).
    QList<NewEvent> events;
    for (const TargetStateRow &row : std::as_const(states)) {
        NewEvent e;
        e.kind = QStringLiteral("probe.state_changed");
        e.scope = row.scope;
        e.tsMs = rig.clock;
        e.payload["target"] = row.target;
        e.payload["to"] = row.state;
        e.payload["reason"] = row.reason;
        events << e;
    }
    QVERIFY_OK(rig.f.store->append(rig.f.alice, events));
}

} // namespace ops::test
