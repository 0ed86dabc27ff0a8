// The launch status computed from evidence: checks, sign-offs, no-go rules, GO or NO-GO.
#include "Launch.h"

#include "ChecksumArchive.h"
#include "ConfigSnapshot.h"

#include "core/CanonicalJson.h"
#include "core/Phrase.h"
#include "core/Time.h"
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"
#include "monitor/LoggedProbes.h"
#include "store/SqliteEvidenceStore.h"

namespace ops {

namespace {

QString shortHash(const QString &hex) {
    return hex.left(12);
}

Phrase say(const char *source, std::vector<Phrase> args = {}) {
    return Phrase("ops::Launch", source, std::move(args));
}

Phrase checkSummary(const StepState &s) {
    const JsonValue &e = s.evidence;
    if (s.status == StepStatus::Pending)
        return say(QT_TRANSLATE_NOOP("ops::Launch", "not recorded yet"));
    if (s.status != StepStatus::Done)
        return s.note;
    if (const QString snap = e.stringAt("snapshot_sha256"); !snap.isEmpty()) {
        const JsonValue *f = e.find("findings");
        const int findings = f ? static_cast<int>(f->toArray().size()) : 0;
        return findings ? say(QT_TRANSLATE_NOOP("ops::Launch", "snapshot %1… verified with %2 findings"),
                              {shortHash(snap), QString::number(findings)})
                        : say(QT_TRANSLATE_NOOP("ops::Launch", "snapshot %1… verified"), {shortHash(snap)});
    }
    if (const JsonValue *a = e.find("archive"); a && a->isObject())
        return say(QT_TRANSLATE_NOOP("ops::Launch", "%1 (%2 events, sha256 %3…)"),
                   {a->stringAt("name"), QString::number(a->find("events") ? a->find("events")->toInt() : 0),
                    shortHash(a->stringAt("sha256"))});
    if (const JsonValue *c = e.find("checksums"); c && c->isArray() && !c->toArray().empty()) {
        const QList<ChecksumEntry> entries = ChecksumArchive::fromJson(*c);
        return say(QT_TRANSLATE_NOOP("ops::Launch", "%1 files, %2 bytes archived"),
                   {QString::number(entries.size()), QString::number(ChecksumArchive::totalBytes(entries))});
    }
    QString out = e.stringAt("probe_summary");
    if (!s.note.isEmpty())
        out = out.isEmpty() ? s.note : out + QStringLiteral(" — ") + s.note;
    if (out.isEmpty() && e.find("confirmed"))
        return say(QT_TRANSLATE_NOOP("ops::Launch", "confirmed"));
    return out;
}

} // namespace

LaunchStatus computeLaunchStatus(const LaunchInputs &in, const QString &runRef) {
    LaunchStatus st;
    st.environment = environmentName(in.environment);
    st.rehearsal = in.environment != Environment::Prod;
    st.rules = evaluateNoGoRules(in);
    const RunbookRun *run = runRef.isEmpty() ? currentLaunchRun(in.book) : in.book.run(runRef);
    if (run && run->runbook != Launch::runbookId())
        run = nullptr;
    if (!run) {
        st.reasons << qMakePair(QStringLiteral("launch"),
                                say(QT_TRANSLATE_NOOP("ops::Launch", "no launch has been started")));
    } else {
        st.run = *run;
        st.build = run->build;
        st.recordSha256 = launchRecordSha256(*run);
        if (auto d = in.decisions.constFind(run->id); d != in.decisions.constEnd())
            st.decided = *d;
        for (const StepState &s : run->steps) {
            if (Launch::isSignoff(s.step))
                continue;
            LaunchCheck c;
            c.step = s.step;
            c.status = s.status;
            c.actor = s.actor;
            c.tsMs = s.tsMs;
            c.seq = s.seq;
            c.evidence = s.evidence;
            c.summary = checkSummary(s);
            if (s.status == StepStatus::Done && !in.currentSnapshotSha256.isEmpty()) {
                const QString snap = s.evidence.stringAt("snapshot_sha256");
                if (!snap.isEmpty() && snap != in.currentSnapshotSha256)
                    c.stale =
                        say(QT_TRANSLATE_NOOP("ops::Launch", "the config, an auth key or a kill switch "
                                                             "changed since this snapshot (%1… now %2…); "
                                                             "verify it again"),
                            {shortHash(snap), shortHash(in.currentSnapshotSha256)});
            }
            st.checks << c;
            if (c.status == StepStatus::Pending)
                st.reasons << qMakePair(
                    QStringLiteral("checklist"),
                    say(QT_TRANSLATE_NOOP("ops::Launch", "%1 not recorded yet"), {c.step.id}));
            else if (c.status == StepStatus::Failed)
                st.reasons << qMakePair(
                    QStringLiteral("checklist"),
                    say(QT_TRANSLATE_NOOP("ops::Launch", "%1 failed: %2"), {c.step.id, s.note}));
            else if (c.status != StepStatus::Done)
                st.reasons << qMakePair(
                    QStringLiteral("checklist"),
                    say(QT_TRANSLATE_NOOP("ops::Launch", "%1 skipped: %2"), {c.step.id, s.note}));
            else if (!c.stale.isEmpty())
                st.reasons << qMakePair(
                    QStringLiteral("checklist"),
                    say(QT_TRANSLATE_NOOP("ops::Launch", "%1: %2"), {c.step.id, c.stale}));
        }
        for (const StepState &s : run->steps) {
            if (!Launch::isSignoff(s.step))
                continue;
            LaunchSignoff so;
            so.role = s.step.role;
            so.step = s.step.id;
            if (s.status != StepStatus::Done) {
                so.why = say(QT_TRANSLATE_NOOP("ops::Launch", "not signed"));
            } else {
                so.identity = s.actor;
                so.tsMs = s.tsMs;
                so.seq = s.seq;
                so.recordSha256 = s.evidence.stringAt("record_sha256");
                so.keyFingerprint = s.evidence.stringAt("key_fingerprint");
                const auto id = in.identities.constFind(s.actor);
                const QByteArray sig = QByteArray::fromBase64(s.evidence.stringAt("signature").toLatin1());
                if (id == in.identities.constEnd()) {
                    so.state = SignoffState::BadSignature;
                    so.why = say(QT_TRANSLATE_NOOP("ops::Launch", "%1 is not an identity of this store"),
                                 {s.actor});
                } else if (id->approvedSeq == 0 || s.seq <= id->approvedSeq ||
                           (id->revokedSeq != 0 && s.seq >= id->revokedSeq)) {
                    // Roles count as of the sign-off's position in the log.
                    so.state = SignoffState::BadSignature;
                    so.why = id->revokedSeq != 0 && s.seq >= id->revokedSeq
                                 ? say(QT_TRANSLATE_NOOP("ops::Launch", "%1 signed after being revoked"),
                                       {s.actor})
                                 : say(QT_TRANSLATE_NOOP("ops::Launch", "%1 signed before being approved"),
                                       {s.actor});
                } else if (!id->roles.contains(so.role)) {
                    so.state = SignoffState::BadSignature;
                    so.why = say(QT_TRANSLATE_NOOP("ops::Launch", "%1 does not hold the %2 role"),
                                 {s.actor, so.role});
                } else if (auto key = crypto::PublicKey::fromPem(
                               in.registry ? in.registry->keyAt(s.actor, s.seq) : id->publicKeyPem);
                           !key.ok() ||
                           !key->verify(signoffStatement(run->id, so.role, s.actor, so.recordSha256), sig)) {
                    so.state = SignoffState::BadSignature;
                    so.why =
                        say(QT_TRANSLATE_NOOP("ops::Launch", "the signature does not verify with %1's key"),
                            {s.actor});
                } else if (so.recordSha256 != st.recordSha256) {
                    so.state = SignoffState::Invalidated;
                    QStringList changed;
                    for (const StepState &c : run->steps)
                        if (!Launch::isSignoff(c.step) && c.seq > s.seq)
                            changed << QStringLiteral("%1 (event %2)").arg(c.step.id).arg(c.seq);
                    so.why =
                        changed.isEmpty()
                            ? say(QT_TRANSLATE_NOOP("ops::Launch", "signed a different launch record (%1…)"),
                                  {shortHash(so.recordSha256)})
                            : say(QT_TRANSLATE_NOOP("ops::Launch", "the checklist changed after it: %1"),
                                  {changed.join(QStringLiteral(", "))});
                } else {
                    so.state = SignoffState::Valid;
                }
            }
            st.signoffs << so;
        }
        // Separation of duties holds in the decision itself, not only where the CLI or the window
        // records a sign-off: one person's second role does not count. The sign-off made first in
        // the log is the one that counts, whatever the order of the checklist.
        QList<LaunchSignoff *> bySeq;
        for (LaunchSignoff &so : st.signoffs)
            if (so.state == SignoffState::Valid)
                bySeq << &so;
        std::sort(bySeq.begin(), bySeq.end(),
                  [](const LaunchSignoff *a, const LaunchSignoff *b) { return a->seq < b->seq; });
        QHash<QString, QString> validSigners; // identity -> the role title it signed as
        for (LaunchSignoff *so : std::as_const(bySeq)) {
            if (const auto earlier = validSigners.constFind(so->identity);
                earlier != validSigners.constEnd()) {
                so->state = SignoffState::Invalidated;
                so->why = say(QT_TRANSLATE_NOOP("ops::Launch", "%1 already signed as %2; the sign-offs need "
                                                               "different people"),
                              {so->identity, earlier.value()});
            } else {
                validSigners.insert(so->identity, Launch::roleTitle(so->role));
            }
        }
        for (const LaunchSignoff &so : std::as_const(st.signoffs))
            if (so.state != SignoffState::Valid)
                st.reasons << qMakePair(
                    QStringLiteral("sign-offs"),
                    say(QT_TRANSLATE_NOOP("ops::Launch", "%1: %2"), {Launch::roleTitle(so.role), so.why}));
    }
    for (const NoGoRule &r : st.rules)
        if (r.holds)
            st.reasons << qMakePair(r.id, r.reason);
    st.go = st.reasons.isEmpty();
    return st;
}

JsonValue LaunchStatus::toJson() const {
    JsonValue o = JsonValue::object();
    o["decision"] = go ? "GO" : "NO-GO";
    JsonValue noGo = JsonValue::array();
    for (const auto &[rule, reason] : reasons) {
        JsonValue r = JsonValue::object();
        r["rule"] = rule;
        r["reason"] = reason.text();
        noGo.push(r);
    }
    o["no_go"] = noGo;
    JsonValue checklist = JsonValue::array();
    for (const LaunchCheck &c : checks) {
        JsonValue j = JsonValue::object();
        j["step"] = c.step.id;
        j["action"] = c.step.action;
        j["status"] = stepStatusName(c.status);
        j["holds"] = c.holds();
        j["actor"] = c.actor;
        j["at"] = c.tsMs > 0 ? Time::toIso(c.tsMs) : QString();
        j["seq"] = static_cast<qint64>(c.seq);
        j["summary"] = c.summary.text();
        j["stale"] = c.stale.text();
        checklist.push(j);
    }
    o["checklist"] = checklist;
    JsonValue so = JsonValue::array();
    for (const LaunchSignoff &s : signoffs) {
        JsonValue j = JsonValue::object();
        j["role"] = s.role;
        j["state"] = signoffStateName(s.state);
        j["identity"] = s.identity;
        j["at"] = s.tsMs > 0 ? Time::toIso(s.tsMs) : QString();
        j["seq"] = static_cast<qint64>(s.seq);
        j["record_sha256"] = s.recordSha256;
        j["key_fingerprint"] = s.keyFingerprint;
        j["why"] = s.why.text();
        so.push(j);
    }
    o["signoffs"] = so;
    JsonValue rs = JsonValue::array();
    for (const NoGoRule &r : rules) {
        JsonValue j = JsonValue::object();
        j["rule"] = r.id;
        j["title"] = r.title;
        j["holds"] = r.holds;
        j["reason"] = r.reason.text();
        JsonValue l = JsonValue::array();
        for (const QString &x : r.lookedAt)
            l.push(x);
        j["looked_at"] = l;
        j["clear"] = r.clear.text();
        rs.push(j);
    }
    o["rules"] = rs;
    o["run"] = run ? run->id : QString();
    o["scope"] = run ? run->scope : QString();
    o["build"] = build;
    o["environment"] = environment;
    o["rehearsal"] = rehearsal;
    o["record_sha256"] = recordSha256;
    if (decided) {
        JsonValue d = JsonValue::object();
        d["decision"] = decided->decision;
        d["actor"] = decided->actor;
        d["at"] = Time::toIso(decided->tsMs);
        d["seq"] = static_cast<qint64>(decided->seq);
        o["decided"] = d;
    } else {
        o["decided"] = nullptr;
    }
    return o;
}

} // namespace ops
