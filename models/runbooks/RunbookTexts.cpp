// The words of the built-in runbooks (resources/runbooks/*.yaml) marked for translation: titles,
// purposes, when to use them, steps and closure conditions, so a window shows a built-in runbook in
// its reader's language. The log records them as the runbooks say them (English); the runbooks of
// a configured directory are shown as written. A test checks that every built-in runbook's words
// are here.
#include "Runbook.h"

#include <QCoreApplication>

namespace ops {

namespace {

constexpr const char *kContext = "ops::RunbookText";

constexpr const char *kBuiltinTexts[] = {
    QT_TRANSLATE_NOOP("ops::RunbookText", "AI kill switch"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Contain model-lane instability without breaking truthful service."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "malformed AI output spikes"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "AI invocation instability threatens workflow completion"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "fallback/rescue path becomes dominant"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "newly widened lane causes publish-path regression"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Freeze graduation decisions for affected scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Disable or narrow the relevant AI lane (activate the AI kill switch for the scope)."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm no unsupported silent degrade has been introduced."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Run targeted validation on a representative locality set."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Record reason, scope, activation time and validation result."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "lane is re-enabled only after clean scheduled evidence and rollback confidence"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Bad-pack emergency kill switch"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Contain a wrong active publish fast."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "active pack is wrong, unsafe, or not defensible"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Roll back active manifest to last known good pack (start the rollback checklist)."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If needed, disable affected locality overlay and serve baseline-only where truthful."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm pack checksum and manifest integrity."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Probe manifest resolution and pack read path after containment."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Preserve incident evidence before attempting forward repair."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "active user-facing truth is restored to safe state within objective"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Derivation pre-flight"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm, before any derivation, that it will be analysis-only on "
                                          "read-only inputs with its reviewer known."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "before any derivation is run"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "The active Story record is open and its current owner is assigned."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "The plan review has passed and the runbook/architecture revisions match the plan revision."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "The working-tree commit SHA is known and will be recorded."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Inputs are existing and read-only (OHLCV cache, ATR-H4 labels, "
                                          "trade/cost logs; exploratory results as context only)."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "No Airflow DAG, training job, cluster launcher, Phase-2 predictive run, model "
                      "comparison or threshold selection will be invoked."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "The output artifact directory and naming convention are known."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "The reviewer is identified; cost/capacity derivations have the risk-owner review path identified."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "The calibration-choice rationale is recorded before looking at "
                                          "outcomes, and the reproducibility tolerance is pre-declared."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "every pre-flight item confirmed before the first derivation runs"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Evidence regeneration before release"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Regenerate the proof artifacts, read them without over-claiming "
                                          "coverage, and build the docs strictly."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "before a release, to refresh the generated test outputs"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Regenerate evidence artifacts: GOCACHE=/tmp/go-build FI_TARGET= make docs-gen"),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "Inspect the proof-oriented outputs (demo-output.txt, fi-traceability-output.txt) and summarise them "
        "— PASS, FAIL, NOT RUN, SKIP — without counting NOT RUN or SKIP as coverage."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Build docs strictly before release: GOCACHE=/tmp/go-build FI_TARGET= make docs"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Confirm docs/_generated/tbd-report.md remains empty of unresolved items."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "make docs-gen and make docs exit 0 and the TBD report is empty"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Failure recovery — orchestrator"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Bring the orchestrator back to ready."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "orchestrator /readyz fails"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "a workflow watchdog breach points at the orchestrator"),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "Confirm FORGE_ENV and required secrets are set (non-dev) — presence only, never values."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Check OPA connectivity and policy hash logs; validate OPA_POLICY_HASH if set."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Restart NATS subscriber if disconnected."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Retry /readyz."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "orchestrator /readyz is ok and the watchdog is quiet"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Failure recovery — scoreboard"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Bring the scoreboard back to ready and reprocess what failed meanwhile."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "scoreboard /readyz fails"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Validate signing key readiness and storage access."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Re-run /readyz."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Reprocess any failed scenario completion events."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "scoreboard /readyz is ok and no scenario completion is left failed"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Failure recovery — spawn_service"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Bring spawn_service back to ready."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "spawn_service /readyz fails"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Check SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET for mismatches."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Validate entitlement sources (receipt/store) and retry /readyz."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "spawn_service /readyz is ok"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Fallback-path spike"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Stop treating a scope as mature while its fallback or rescue path "
                                          "usage is materially above baseline."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "fallback or rescue path rate rises materially"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Confirm whether spike is locality-specific, country-lane specific, or model-wide."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Check runtime policy state — sorter_mode, risk_state, "
                                          "allowed_error_codes, country-lane graduation counters."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Stop treating affected scope as mature."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If AI instability is involved, narrow scope or activate AI kill switch."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "If source quality drift is involved, treat as source-quality incident, not model win."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Preserve evidence for lane-governance review."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "scheduled clean primary success returns to normal thresholds"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Launch-day validation"),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Launch day is not complete until every check below has passed with evidence."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "the release owner validates a production launch"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Verify production config snapshot — API endpoints, auth keys "
                                          "present, environment flags, kill-switch defaults."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Archive the final release build checksums."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Trigger or observe the first production publish and validate it."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "Probe the active manifest, active pack, resolver endpoint and rules endpoint where applicable."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Verify the live app fetch on the target build resolves manifest and pack correctly."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Archive evidence."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Sign-off by product."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Sign-off by engineering."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Sign-off by QA."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "every check passed and product, engineering and QA have signed"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Publish failure"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Keep the last known good active while a candidate pack cannot be "
                                          "published, without weakening any gate."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "verifier or publisher blocks promotion"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Identify failing stage — verifier gate, attestation, R2 write, "
                                          "manifest promotion, or canary readback."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm active manifest still points to valid last known good."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Do not bypass publish gates."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "If failure is isolated and active truth remains safe, leave "
                                          "active manifest unchanged and investigate cause."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If repeated failures suggest unstable lane behavior, pause graduation for affected "
                      "scope and consider AI kill switch or scope narrowing."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Capture audit evidence and operator notes."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "publish path passes again without weakening gates"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Rollback checklist"),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "Restore a safe active manifest state within the rollback objective and prove it with evidence."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "a bad publish is confirmed (the clocks start here)"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "a rollback drill proves the objective"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Identify affected locality or baseline scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm current active manifest and last known good target."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Rebind or restore active manifest to last known good."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm manifest checksum and pack checksum alignment."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Probe resolver and rules API for affected scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Capture timestamps and outcome against rollback objective."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "safe manifest restored within 15 minutes, integrity confirmed within 30, and the record complete"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "S03 handoff package"),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "Assemble the signed handoff package so S03 can lock what is lockable and sees what blocks it."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "the derivations are reviewed and the package goes to S03"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Unlocked charter values are listed."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "A signed derivation record exists for each value."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Cost tier and lockability status are given for every cost-derived value."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Typed INFEASIBLE records are included, if any."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Unresolved threats to validity are listed."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Reviewer status is given for each derivation."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "A risk-owner note exists for cost/capacity items."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirmation that no forbidden run, launcher, training, model "
                                          "selection or threshold selection occurred."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Values eligible for S03 lock (Tier A/B) are listed apart from "
                                          "values blocking S03 (Tier C / INFEASIBLE)."),
    QT_TRANSLATE_NOOP(
        "ops::RunbookText",
        "the package is complete and signed; analyst, locker and launcher are different identities"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Secret rotation and rollout order"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Rotate the shared HMAC secrets and the operator token without a "
                                          "window in which a service rejects what another mints."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "a secret is due for rotation or may have leaked"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Pre-stage new secrets in the secret manager (KMS/Vault/etc.)."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Update spawn_service first (mints ET/SAT/receipts) — roll out "
                                          "SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Update orchestrator second (verifies SATs and OPA) — roll out SAT_HMAC_SECRET, "
                      "ET_HMAC_SECRET, RECEIPT_HMAC_SECRET, OPERATOR_TOKEN."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Update scoreboard last (verifies operator auth) — roll out "
                                          "OPERATOR_TOKEN along with the shared HMAC secrets."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Verify with /readyz checks across services and run an end-to-end scenario."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "every service ready on the new secrets and an end-to-end scenario passed"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Source outage"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Keep truthful service while an official upstream source is "
                                          "unavailable, malformed, blocked or stale."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "official source becomes unavailable, blocked, empty, malformed, or stale"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm affected locality or country scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Check whether last known good remains active."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Confirm whether the issue is an upstream outage, source format drift, "
                      "admission/probeability drift, or a temporary rate-limit or anti-bot posture."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If active truth is still safe, keep last known good active and do not force publish."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If the supported-scope freshness promise is now at risk, mark incident severity and "
                      "suspend maturity or expansion decisions for that scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Record evidence and next review time."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "upstream source recovers or scope is explicitly downgraded truthfully"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Stale-pack breach"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Treat a scope whose active manifest is older than its freshness "
                                          "threshold as degraded until a fresh publish brings it back."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "active manifest age or source freshness exceeds declared threshold"),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Confirm affected scope and threshold breached."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "Check whether refresh is blocked, delayed, or silently not due."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Determine whether the stale state is localized, country-wide, or pipeline-wide."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "If the freshness claim is no longer defensible, treat scope as degraded operationally "
                      "and stop any expansion or graduation decisions relying on that scope."),
    QT_TRANSLATE_NOOP("ops::RunbookText",
                      "Restore refresh path or adjust public truth claims before closure."),
    QT_TRANSLATE_NOOP("ops::RunbookText", "fresh publish succeeds and active scope returns within threshold"),
};

} // namespace

QStringList RunbookLibrary::builtinTexts() {
    QStringList out;
    for (const char *t : kBuiltinTexts)
        out << QString::fromUtf8(t);
    return out;
}

QString RunbookLibrary::shown(const QString &words) {
    if (words.isEmpty())
        return words;
    const QByteArray source = words.toUtf8();
    return QCoreApplication::translate(kContext, source.constData());
}

} // namespace ops
