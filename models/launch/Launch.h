#pragma once

#include "alerts/Silences.h"

#include "alerts/AlertRules.h"
#include "core/Phrase.h"
#include "incidents/Incidents.h"
#include "monitor/MonitorStore.h"
#include "store/IdentityRegistry.h"

#include <optional>

namespace ops {

class SqliteEvidenceStore;

// Launch day (docs/domain-rules.md, "Launch day"): a run of the
// launch-day runbook whose checks, sign-offs and decision are evidence events; the GO / NO-GO is
// computed from them and from the rest of the store, never ticked by hand.
namespace Launch {
QString runbookId();        // launch-day-validation
QStringList signoffRoles(); // product, engineering, qa
QString decidedKind();      // launch.decided
bool isSignoff(const RunbookStep &step);
QString roleTitle(const QString &role); // "Product", "Engineering", "QA"
} // namespace Launch

// What every sign-off signs: the launch record's canonical form — the run, its scope and build,
// and every check with its latest event (status, who, when, evidence). Anything recorded on a check
// after a sign-off changes its hash, and so invalidates the sign-off.
JsonValue launchRecord(const RunbookRun &run);
QString launchRecordSha256(const RunbookRun &run);
// The statement bytes a sign-off's Ed25519 signature covers (canonical JSON; see docs/formats.md).
std::string signoffStatement(const QString &run, const QString &role, const QString &signer,
                             const QString &recordSha256);

struct LaunchCheck {
    RunbookStep step;
    StepStatus status = StepStatus::Pending;
    QString actor;
    qint64 tsMs = 0;
    quint64 seq = 0;
    Phrase summary; // one line: what the evidence says
    Phrase stale;   // why a done check no longer holds ("" while it does)
    JsonValue evidence = JsonValue::object();
    bool holds() const { return status == StepStatus::Done && stale.isEmpty(); }
};

enum class SignoffState { Missing, Valid, Invalidated, BadSignature };
QString signoffStateName(SignoffState state); // missing | valid | invalidated | bad-signature

struct LaunchSignoff {
    QString role;
    QString step;
    SignoffState state = SignoffState::Missing;
    QString identity;
    qint64 tsMs = 0;
    quint64 seq = 0;
    QString recordSha256; // what it signed
    QString keyFingerprint;
    Phrase why; // for anything but valid
};

struct NoGoRule {
    QString id; // rollback-unproven, kill-switches-untested, stale-pack-alerting-absent,
                // publish-failures-unrouted, scope-not-validated, launch-alerts-silenced
    QString title;
    bool holds = true;
    Phrase reason;        // why it holds, or why it does not
    QStringList lookedAt; // the evidence it looked at: "event 12", "alert rule stale-pack", …
    Phrase clear;         // what would clear it
    QString clearTarget;  // where the console goes to clear it: rollback, killswitch, alerts, probes
};

struct LaunchDecisionRecord {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString decision; // GO | NO-GO
    QString recordSha256;
    QString note;
};

// Everything a launch status is computed from, read from the store (or built by tests).
struct LaunchInputs {
    DeploymentConfig config;
    Environment environment = Environment::Dev;
    QList<AlertRule> rules;
    QString rulesProblem; // why the alert rules could not be read ("" when they were)
    RunbookLibrary library;
    IncidentBook book;
    QHash<QString, LaunchDecisionRecord> decisions; // by run id (normalizedCitedId)
    QHash<QString, TargetStateRow> targets;         // the monitor's last probe state per target
    bool targetsKnown = false;
    QHash<QString, Identity> identities;
    // Who held which key where: a sign-off is checked with the key its signer held when signing,
    // so a key rotated since does not undo it.
    std::optional<IdentityRegistry> registry;
    QString currentSnapshotSha256; // the config snapshot now ("" when not taken)
    QList<Silence> activeSilences; // people's silences and maintenance windows in force at nowMs
    bool silencesKnown = false;    // false when the silences could not be read
    qint64 nowMs = 0;

    static Result<LaunchInputs> read(const EvidenceStore &store, const DeploymentConfig &config,
                                     Environment environment, const RunbookLibrary &library, qint64 nowMs);
};

// The no-go rules (docs/domain-rules.md, "Launch day"), each computed from the inputs with its reason.
QList<NoGoRule> evaluateNoGoRules(const LaunchInputs &in);

// Probe states as the launch rules may use them: each target's state is the one its last
// probe.state_changed event records; a row of the probe_states table that disagrees with the log
// (edited, or written without its event) becomes "unverified" and names the disagreement. When a
// target was last probed is the newest of its signed events and its row, the row's time only under
// its recorder's valid signature and never ahead of `nowMs` (beyond the clock tolerance).
Result<QHash<QString, TargetStateRow>> targetsCheckedAgainstLog(QHash<QString, TargetStateRow> table,
                                                                const EvidenceStore &store, qint64 nowMs);

struct LaunchStatus {
    std::optional<RunbookRun> run; // the current launch run (the latest, open or decided)
    QString build;
    QString environment;
    bool rehearsal = true; // not the prod environment
    QString recordSha256;
    QList<LaunchCheck> checks;
    QList<LaunchSignoff> signoffs;
    QList<NoGoRule> rules;
    std::optional<LaunchDecisionRecord> decided;
    bool go = false;
    // Every reason the decision is NO-GO: rule id → reason (the holding no-go rules, an incomplete
    // checklist, missing or invalid sign-offs, no launch started).
    QList<QPair<QString, Phrase>> reasons;

    int checksHolding() const;
    const LaunchCheck *check(const QString &step) const;
    const LaunchSignoff *signoff(const QString &role) const;
    // `launch status --json`: decision, no_go [{rule, reason}], checklist, and more.
    JsonValue toJson() const;
};

// The latest launch run of the book, if any (an open one before a decided one).
const RunbookRun *currentLaunchRun(const IncidentBook &book);
LaunchStatus computeLaunchStatus(const LaunchInputs &in, const QString &runRef = {});

} // namespace ops
