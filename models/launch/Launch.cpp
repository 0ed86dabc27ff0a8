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

namespace Launch {
QString runbookId() {
    return QStringLiteral("launch-day-validation");
}
QStringList signoffRoles() {
    return {QStringLiteral("product"), QStringLiteral("engineering"), QStringLiteral("qa")};
}
QString decidedKind() {
    return QStringLiteral("launch.decided");
}
bool isSignoff(const RunbookStep &step) {
    return step.needs(EvidenceKind::Signature) && !step.role.isEmpty();
}
QString roleTitle(const QString &role) {
    if (role == QLatin1String("qa"))
        return QStringLiteral("QA");
    return role.isEmpty() ? role : role.at(0).toUpper() + role.mid(1);
}
} // namespace Launch

QString signoffStateName(SignoffState state) {
    switch (state) {
    case SignoffState::Missing:
        return QStringLiteral("missing");
    case SignoffState::Valid:
        return QStringLiteral("valid");
    case SignoffState::Invalidated:
        return QStringLiteral("invalidated");
    case SignoffState::BadSignature:
        return QStringLiteral("bad-signature");
    }
    return {};
}

JsonValue launchRecord(const RunbookRun &run) {
    JsonValue o = JsonValue::object();
    o["run"] = run.id;
    o["runbook"] = run.runbook;
    o["scope"] = run.scope;
    o["build"] = run.build;
    o["started_by"] = run.startedBy;
    o["started_ms"] = run.startedMs;
    JsonValue checks = JsonValue::array();
    for (const StepState &s : run.steps) {
        if (Launch::isSignoff(s.step))
            continue;
        JsonValue c = JsonValue::object();
        c["step"] = s.step.id;
        c["status"] = stepStatusName(s.status);
        c["seq"] = static_cast<qint64>(s.seq);
        c["actor"] = s.actor;
        c["ts_ms"] = s.tsMs;
        c["note"] = s.note;
        c["evidence"] = s.evidence;
        checks.push(c);
    }
    o["checks"] = checks;
    return o;
}

QString launchRecordSha256(const RunbookRun &run) {
    return crypto::sha256Hex(CanonicalJson::serialize(launchRecord(run)));
}

std::string signoffStatement(const QString &run, const QString &role, const QString &signer,
                             const QString &recordSha256) {
    JsonValue o = JsonValue::object();
    o["type"] = "opsconsole.launch-signoff/1";
    o["run"] = run;
    o["role"] = role;
    o["signer"] = signer;
    o["record_sha256"] = recordSha256;
    return CanonicalJson::serialize(o);
}

Result<LaunchInputs> LaunchInputs::read(const EvidenceStore &store, const DeploymentConfig &config,
                                        Environment environment, const RunbookLibrary &library,
                                        qint64 nowMs) {
    LaunchInputs in;
    in.config = config;
    in.environment = environment;
    in.library = library;
    in.nowMs = nowMs;
    auto rules = AlertRules::forConfig(config);
    if (rules.ok())
        in.rules = rules.value();
    else
        in.rulesProblem = rules.error().toString();
    auto book = IncidentBook::load(store);
    if (!book.ok())
        return book.error();
    in.book = std::move(book).value();
    EventFilter f;
    f.kind = Launch::decidedKind();
    f.limit = 100000;
    auto decided = queryTrusted(store, f);
    if (!decided.ok())
        return decided.error();
    for (const StoredEvent &e : decided.value()) {
        const JsonValue p = e.payload();
        const QString run = normalizedCitedId(p.stringAt("run"));
        if (run.isEmpty())
            continue;
        in.decisions.insert(run, LaunchDecisionRecord{e.seq, e.tsMs, e.actor, p.stringAt("decision"),
                                                      p.stringAt("record_sha256"), p.stringAt("note")});
    }
    auto ids = store.identities();
    if (!ids.ok())
        return ids.error();
    for (const Identity &i : ids.value())
        in.identities.insert(i.name, i);
    auto reg = store.registry();
    if (!reg.ok())
        return reg.error();
    in.registry = std::move(reg).value();
    if (dynamic_cast<const SqliteEvidenceStore *>(&store)) {
        if (auto monitor = MonitorStore::open(store.path(), true); monitor.ok()) {
            if (auto states = monitor->targetStates(); states.ok()) {
                auto checked = targetsCheckedAgainstLog(states.value(), store, nowMs);
                if (!checked.ok())
                    return checked.error();
                in.targets = std::move(checked).value();
                in.targetsKnown = true;
            }
        }
    } else {
        // The team log keeps no probe state table: each target's state and time are those of its
        // last signed transition in the log.
        auto logged = targetsCheckedAgainstLog({}, store, nowMs);
        if (!logged.ok())
            return logged.error();
        in.targets = std::move(logged).value();
        in.targetsKnown = true;
    }
    if (auto silences = SilenceBook::load(store, config.maintenance); silences.ok()) {
        in.activeSilences = silences->active(nowMs);
        in.silencesKnown = true;
    }
    in.currentSnapshotSha256 =
        ConfigSnapshots::take(config, environment, in.book, ConfigSnapshots::processPresence()).sha256;
    return in;
}

Result<QHash<QString, TargetStateRow>> targetsCheckedAgainstLog(QHash<QString, TargetStateRow> table,
                                                                const EvidenceStore &store, qint64 nowMs) {
    // The state of each target is what its last signed probe.state_changed event says; the
    // probe_states table only adds when it was last probed, and is used only where it agrees.
    auto read = LoggedProbes::read(store);
    if (!read.ok())
        return read.error();
    const QHash<QString, TargetStateRow> &logged = read.value();
    // A row's time counts only under the signature of a recorder that may record probes now (an
    // approved operator, incident owner or monitor): someone with the file cannot make an old,
    // still-true "ok" look fresh. Otherwise the time is the newest signed event's.
    QHash<QString, std::optional<crypto::PublicKey>> recorders;
    const auto recorderKey = [&](const QString &name) -> const std::optional<crypto::PublicKey> & {
        auto it = recorders.find(name);
        if (it == recorders.end()) {
            std::optional<crypto::PublicKey> key;
            if (auto id = store.identity(name);
                id.ok() && id->approved() &&
                Roles::actRefusal(QStringLiteral("probe.state_changed"), JsonValue::object(), id->roles)
                    .isEmpty())
                if (auto k = crypto::PublicKey::fromPem(id->publicKeyPem); k.ok())
                    key = std::move(k).value();
            it = recorders.insert(name, std::move(key));
        }
        return *it;
    };
    for (auto it = table.begin(); it != table.end(); ++it) {
        const auto l = logged.constFind(it.key());
        if (l != logged.constEnd() && l->state == it->state) {
            // A time ahead of this machine's clock is no probe yet, signed or not.
            bool signedRow = false;
            if (!it->signer.isEmpty() && it->checkedAtMs <= nowMs + Time::kClockSkewToleranceMs)
                if (const std::optional<crypto::PublicKey> &key = recorderKey(it->signer))
                    signedRow = key->verify(probeStateMessage(store.storeId(), it.value()), it->signature);
            if (!signedRow || it->checkedAtMs < l->checkedAtMs) {
                if (!signedRow && it->checkedAtMs > l->checkedAtMs &&
                    it->checkedAtMs <= nowMs + Time::kClockSkewToleranceMs)
                    it->unsignedProbeMs = it->checkedAtMs;
                it->checkedAtMs = l->checkedAtMs;
                it->reason = l->reason;
            }
            continue;
        }
        it->reason = l == logged.constEnd()
                         ? QStringLiteral("the probe state table says %1, but no probe of it is in the "
                                          "evidence log")
                               .arg(it->state)
                         : QStringLiteral("the probe state table says %1 but the evidence log says %2")
                               .arg(it->state, l->state);
        it->state = QStringLiteral("unverified");
    }
    // Targets only the log knows: their state and when a signed round last saw it.
    for (auto l = logged.constBegin(); l != logged.constEnd(); ++l)
        if (!table.contains(l.key()))
            table.insert(l.key(), l.value());
    return table;
}

const RunbookRun *currentLaunchRun(const IncidentBook &book) {
    const RunbookRun *open = nullptr;
    const RunbookRun *latest = nullptr;
    for (const RunbookRun &r : book.runs()) {
        if (r.runbook != Launch::runbookId() || r.rollback)
            continue;
        if (!latest || r.seq > latest->seq)
            latest = &r;
        if (!r.finished && (!open || r.seq > open->seq))
            open = &r;
    }
    return open ? open : latest;
}

int LaunchStatus::checksHolding() const {
    return static_cast<int>(
        std::count_if(checks.begin(), checks.end(), [](const LaunchCheck &c) { return c.holds(); }));
}

const LaunchCheck *LaunchStatus::check(const QString &step) const {
    for (const LaunchCheck &c : checks)
        if (c.step.id == step)
            return &c;
    return nullptr;
}

const LaunchSignoff *LaunchStatus::signoff(const QString &role) const {
    for (const LaunchSignoff &s : signoffs)
        if (s.role == role)
            return &s;
    return nullptr;
}

} // namespace ops
