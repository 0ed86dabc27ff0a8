#pragma once

#include "ChecksumArchive.h"
#include "ConfigSnapshot.h"
#include "Launch.h"

#include "incidents/IncidentActions.h"

#include "core/Secret.h"
#include "core/Time.h"
#include "probes/ProbeTypes.h"

#include <QObject>

namespace ops {

class EvidenceStore;
struct Signer;

// A set of probes a launch check takes: the launch scope's targets, and for the live app fetch the
// configured app fetch URL too (as a manifest with its pack).
struct LaunchProbePlan {
    DeploymentConfig config; // the deployment config, plus "<scope>.app" for the app fetch
    QList<QPair<QString, QList<TargetKind>>> rounds; // scope → kinds
    bool manual = false;    // the live app fetch with no app_fetch URL: a recorded confirmation instead
    bool needsNote = false; // the check also needs a note on what was observed
    bool isEmpty() const { return rounds.isEmpty(); }
};

// Runs a plan's rounds one after another (the console), or blocks until they are done (the CLI).
class LaunchProbe final : public QObject {
    Q_OBJECT
public:
    LaunchProbe(LaunchProbePlan plan, Secret operatorToken, QObject *parent = nullptr);
    void start();
    static QList<ProbeResult> runNow(const LaunchProbePlan &plan, const Secret &operatorToken);

Q_SIGNALS:
    void finished(const QList<ops::ProbeResult> &results);

private:
    void next();
    LaunchProbePlan m_plan;
    Secret m_token;
    int m_index = 0;
    QList<ProbeResult> m_results;
};

// How a launch check is run, decided in one place for the CLI and the window: what the person
// gives, and which record it makes.
enum class CheckMethod {
    Snapshot,  // config-snapshot: recordSnapshot
    Checksums, // build-checksums: the build's files, recordChecksums
    Archive,   // archive: where the bundle goes, recordArchive
    Probes,    // probes now (with a note when needsNote), recordProbes
    Manual     // a confirmation with a note (and files), recordManual
};
struct CheckPlan {
    CheckMethod method = CheckMethod::Manual;
    LaunchProbePlan probes; // Probes: what is probed
    QString action;         // the runbook's words for the check, as written
};

// A probe check that needs a note on what was observed refuses to probe without one
// (check.observed): asked before anything is probed, and again when the results are recorded.
Result<void> requireObservedNote(const CheckPlan &plan, const QString &check, const QString &note);

struct ArchiveRef {
    QString name; // the bundle's file name
    QString sha256;
    qint64 size = 0;
    quint64 events = 0;
    quint64 treeSize = 0;
    QString root;
};

// The release owner's and the signers' interventions on launch day, shared by the CLI and the
// console. Each checks roles and rules against the store, then appends its events in one
// transaction signed by the acting identity; a refusal writes nothing. A check may be recorded again
// while the launch is open (the later event is what holds) — and so invalidates the sign-offs.
class LaunchActions {
public:
    LaunchActions(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                  Environment environment, const RunbookLibrary &library,
                  Time::Clock clock = Time::systemClock());

    Result<StoredEvent> start(const QString &scope, const QString &build);
    // An empty run means the open launch.
    Result<QString> openRun(const QString &run) const;

    // config-snapshot: done when the snapshot verifies, failed with its findings otherwise.
    Result<StoredEvent>
    recordSnapshot(const QString &run,
                   const ConfigSnapshots::Presence &present = ConfigSnapshots::processPresence());
    // build-checksums
    Result<StoredEvent> recordChecksums(const QString &run, const QList<ChecksumEntry> &entries);
    // How `check` of the launch is run (its checks and the config decide).
    Result<CheckPlan> planCheck(const QString &run, const QString &check) const;
    // What a probe check probes (first-publish, probe-active, live-app-fetch, …).
    Result<LaunchProbePlan> probePlan(const QString &run, const QString &step) const;
    // A probe check: done when every result is ok (and the app fetch resolves the manifest's pack),
    // failed with the reasons otherwise. first-publish needs a note on what was observed.
    Result<StoredEvent> recordProbes(const QString &run, const QString &step,
                                     const QList<ProbeResult> &results, const QString &note);
    // archive: exports the store as a signed bundle to `outPath` and records its digest.
    Result<StoredEvent> recordArchive(const QString &run, const QString &outPath);
    // Any other check, and the live app fetch without an app_fetch URL: note, attachments and
    // confirmation as the runbook asks.
    // The files given as evidence are stored in the same transaction as the step (one act); a
    // refusal writes nothing. Returns the step event.
    Result<StoredEvent> recordManual(const QString &run, const QString &step, const QString &note,
                                     const QList<NewBlob> &files, bool confirmed);
    Result<StoredEvent> recordFailed(const QString &run, const QString &step, const QString &reason);

    // A sign-off by the acting identity for `role`: it must hold the role, must not have signed
    // another role of this launch, and signs the launch record's current hash once every check holds.
    Result<StoredEvent> signoff(const QString &run, const QString &role);
    // The release owner's decision: GO only when the computed status is GO; NO-GO ends the attempt
    // with its reasons. Either way the launch run is finished.
    Result<QList<StoredEvent>> decide(const QString &run, bool go, const QString &note);

    Result<LaunchInputs> inputs() const;
    Result<LaunchStatus> status(const QString &run = {}) const;

private:
    // `what` names the act in the command line's message; `act` is its code for the window's words.
    Result<void> requireRole(const QString &role, const QString &what, const QString &act) const;
    Result<RunbookRun> launchRun(const QString &run) const;
    // The start, a check, the sign-off and the decision as decided on a log of `size` events,
    // written only onto it.
    Result<StoredEvent> startOn(quint64 size, const QString &scope, const Runbook &runbook,
                                const QString &build);
    Result<StoredEvent> appendStepOn(quint64 size, const RunbookRun &run, const QString &step,
                                     StepStatus status, const QString &note, const JsonValue &evidence,
                                     const QList<NewBlob> &files);
    Result<StoredEvent> signoffOn(quint64 size, const QString &run, const QString &role);
    Result<QList<StoredEvent>> decideOn(quint64 size, const QString &run, bool go, const QString &note);
    Result<const RunbookStep *> checkStep(const RunbookRun &run, const QString &step) const;
    Result<StoredEvent> appendStep(const RunbookRun &run, const QString &step, StepStatus status,
                                   const QString &note, JsonValue evidence, const QList<NewBlob> &files = {});

    EvidenceStore &m_store;
    const Signer &m_signer;
    const DeploymentConfig &m_config;
    Environment m_environment;
    const RunbookLibrary &m_library;
    Time::Clock m_clock;
};

} // namespace ops
