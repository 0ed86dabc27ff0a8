// The launch's probe checks: which targets a check probes (its plan), the rounds that probe them
// (LaunchProbe) and the check recorded with their results.
#include "LaunchActions.h"
#include "core/ActErrors.h"

#include "core/CanonicalJson.h"
#include "incidents/Publisher.h"
#include "store/SqliteEvidenceStore.h"

#include <QEventLoop>

namespace ops {

namespace {

using act_errors::invalid;

QString appScopeId(const QString &scope) {
    return scope + QStringLiteral(".app");
}

} // namespace

// ---- LaunchProbe ----

LaunchProbe::LaunchProbe(LaunchProbePlan plan, Secret operatorToken, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_token(std::move(operatorToken)) {
}

void LaunchProbe::start() {
    m_index = 0;
    m_results.clear();
    next();
}

void LaunchProbe::next() {
    if (m_index >= m_plan.rounds.size()) {
        Q_EMIT finished(m_results);
        return;
    }
    const auto [scope, kinds] = m_plan.rounds.at(m_index++);
    auto *probe = new ScopeProbe(m_plan.config, m_token, this);
    connect(probe, &ScopeProbe::finished, this, [this, probe](const QList<ProbeResult> &results) {
        m_results += results;
        probe->deleteLater();
        next();
    });
    probe->run(scope, kinds);
}

QList<ProbeResult> LaunchProbe::runNow(const LaunchProbePlan &plan, const Secret &operatorToken) {
    LaunchProbe probe(plan, operatorToken);
    QList<ProbeResult> out;
    QEventLoop loop;
    connect(&probe, &LaunchProbe::finished, &loop, [&](const QList<ProbeResult> &results) {
        out = results;
        loop.quit();
    });
    QMetaObject::invokeMethod(&probe, &LaunchProbe::start, Qt::QueuedConnection);
    loop.exec();
    return out;
}

// ---- LaunchActions ----

LaunchActions::LaunchActions(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                             Environment environment, const RunbookLibrary &library, Time::Clock clock)
    : m_store(store)
    , m_signer(signer)
    , m_config(config)
    , m_environment(environment)
    , m_library(library)
    , m_clock(std::move(clock)) {
}

Result<CheckPlan> LaunchActions::planCheck(const QString &ref, const QString &check) const {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    auto s = checkStep(run.value(), check);
    if (!s.ok())
        return s.error();
    CheckPlan plan;
    plan.action = s.value()->action;
    if (check == QLatin1String("config-snapshot")) {
        plan.method = CheckMethod::Snapshot;
    } else if (check == QLatin1String("build-checksums")) {
        plan.method = CheckMethod::Checksums;
    } else if (check == QLatin1String("archive")) {
        plan.method = CheckMethod::Archive;
    } else if (s.value()->needs(EvidenceKind::Probe)) {
        auto probes = probePlan(run->id, check);
        if (!probes.ok())
            return probes.error();
        // The live app fetch with no app_fetch URL is confirmed by hand.
        plan.method = probes->manual ? CheckMethod::Manual : CheckMethod::Probes;
        plan.probes = std::move(probes).value();
    }
    return plan;
}

Result<void> requireObservedNote(const CheckPlan &plan, const QString &check, const QString &note) {
    if (plan.method != CheckMethod::Probes || !plan.probes.needsNote || !note.trimmed().isEmpty())
        return {};
    return invalid(QStringLiteral("check %1 needs a note on what was observed (--evidence TEXT), e.g. the "
                                  "publish job and the version it published")
                       .arg(check),
                   QStringLiteral("--evidence"))
        .said(QStringLiteral("check.observed"), {check});
}

Result<LaunchProbePlan> LaunchActions::probePlan(const QString &ref, const QString &stepId) const {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    auto s = checkStep(run.value(), stepId);
    if (!s.ok())
        return s.error();
    const RunbookStep &step = *s.value();
    if (!step.needs(EvidenceKind::Probe))
        return invalid(QStringLiteral("check %1 takes no probe").arg(stepId), QStringLiteral("CHECK"));
    LaunchProbePlan plan;
    plan.config = m_config;
    plan.needsNote = step.needs(EvidenceKind::Note);
    const ScopeConfig *scope = m_config.scope(run->scope);
    if (!scope)
        return invalid(
            QStringLiteral("scope %1 of %2 is no longer in %3").arg(run->scope, run->id, m_config.source),
            QStringLiteral("--scope"));
    plan.rounds.append({scope->id, step.probe});
    if (stepId == QLatin1String("live-app-fetch")) {
        if (!scope->appFetch.isValid()) {
            plan.manual = true;
            plan.rounds.clear();
            return plan;
        }
        ScopeConfig app = *scope;
        app.id = appScopeId(scope->id);
        app.manifest = scope->appFetch;
        app.resolver = QUrl();
        app.rules = QUrl();
        app.appFetch = QUrl();
        app.parent.clear();
        plan.config.scopes.append(app);
        plan.rounds.append({app.id, {TargetKind::Manifest, TargetKind::Pack}});
    }
    return plan;
}

Result<StoredEvent> LaunchActions::recordProbes(const QString &ref, const QString &stepId,
                                                const QList<ProbeResult> &results, const QString &note) {
    auto run = launchRun(ref);
    if (!run.ok())
        return run.error();
    auto s = checkStep(run.value(), stepId);
    if (!s.ok())
        return s.error();
    const RunbookStep &step = *s.value();
    if (!step.needs(EvidenceKind::Probe))
        return invalid(QStringLiteral("check %1 takes no probe").arg(stepId), QStringLiteral("CHECK"));
    if (results.isEmpty())
        return invalid(QStringLiteral("check %1 needs probe results; nothing was probed").arg(stepId),
                       stepId);
    if (step.needs(EvidenceKind::Note) && note.trimmed().isEmpty())
        return invalid(
                   QStringLiteral("check %1 needs a note on what was observed (--evidence TEXT), e.g. the "
                                  "publish job and the version it published")
                       .arg(stepId),
                   QStringLiteral("--evidence"))
            .said(QStringLiteral("check.observed"), {stepId});
    QStringList bad;
    for (const ProbeResult &r : results)
        if (r.state != ProbeState::Ok)
            bad << QStringLiteral("%1 %2%3").arg(
                r.target.id, probeStateName(r.state),
                r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason.text()));
    JsonValue evidence = JsonValue::object();
    evidence["probes"] = probeEvidence(results);
    evidence["probe_summary"] = probeSummary(results);
    if (stepId == QLatin1String("live-app-fetch")) {
        // The app must resolve the same pack as the scope's manifest names.
        const QString app = appScopeId(run->scope);
        QString scopePack, appPack;
        for (const ProbeResult &r : results) {
            if (r.target.kind != TargetKind::Pack)
                continue;
            if (r.target.scope == run->scope)
                scopePack = r.actualSha256;
            else if (r.target.scope == app)
                appPack = r.actualSha256;
        }
        evidence["app_pack_sha256"] = appPack;
        evidence["manifest_pack_sha256"] = scopePack;
        if (bad.isEmpty() && (appPack.isEmpty() || appPack != scopePack))
            bad << QStringLiteral("the live app fetch resolves pack %1 but the active manifest names %2")
                       .arg(appPack.isEmpty() ? QStringLiteral("none") : appPack.left(12),
                            scopePack.isEmpty() ? QStringLiteral("none") : scopePack.left(12));
    }
    if (!bad.isEmpty())
        return appendStep(run.value(), stepId, StepStatus::Failed,
                          bad.join(QStringLiteral("; ")) +
                              (note.trimmed().isEmpty() ? QString() : QStringLiteral(" — ") + note.trimmed()),
                          evidence);
    return appendStep(run.value(), stepId, StepStatus::Done, note.trimmed(), evidence);
}

} // namespace ops
