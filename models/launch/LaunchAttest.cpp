#include "LaunchAttest.h"

#include "core/Time.h"
#include "launch/ChecksumArchive.h"

#include <QUrl>

#include <vector>

namespace ops {

namespace {

Result<AttestationSigner> signerNamed(const LaunchInputs &in, const QString &name, const QString &role) {
    const auto id = in.identities.constFind(name);
    if (id == in.identities.constEnd())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is not an identity of this store").arg(name));
    auto key = crypto::PublicKey::fromPem(id->publicKeyPem);
    if (!key.ok())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 has no readable public key").arg(name));
    return AttestationSigner{role, name, key->fingerprint(), key->raw()};
}

} // namespace

Result<JsonValue> launchAttestationStatement(const LaunchStatus &st, const LaunchInputs &in,
                                             const Checkpoint &checkpoint, const QString &version) {
    if (!st.run)
        return makeError(ErrorCode::Negative, QStringLiteral("no launch has been started"));
    if (!st.decided)
        return makeError(ErrorCode::Negative,
                         QStringLiteral("launch %1 is not decided yet: the attestation carries the release "
                                        "owner's decision (launch decide --go|--no-go)")
                             .arg(st.run->id));
    const LaunchCheck *sums = st.check(QStringLiteral("build-checksums"));
    const QList<ChecksumEntry> files = sums && sums->holds() && sums->evidence.find("checksums")
                                           ? ChecksumArchive::fromJson(*sums->evidence.find("checksums"))
                                           : QList<ChecksumEntry>{};
    if (files.isEmpty())
        return makeError(
            ErrorCode::Negative,
            QStringLiteral("launch %1 has no build checksum archive that holds: the attestation's "
                           "subjects are the archived build files (launch checksum FILE|DIR…)")
                .arg(st.run->id));
    QList<AttestationSubject> subjects;
    for (const ChecksumEntry &f : files)
        subjects << AttestationSubject{f.name, f.sha256};

    QList<AttestationSigner> signers;
    auto owner = signerNamed(in, st.decided->actor, QStringLiteral("release-owner"));
    if (!owner.ok())
        return owner.error();
    signers << owner.value();
    for (const LaunchSignoff &s : st.signoffs) {
        if (s.state != SignoffState::Valid)
            continue;
        auto who = signerNamed(in, s.identity, s.role);
        if (!who.ok())
            return who.error();
        // One person holding two roles signs once; the statement still names both roles.
        bool merged = false;
        for (AttestationSigner &x : signers)
            if (x.fingerprint == who->fingerprint)
                x.role += QLatin1Char(',') + s.role, merged = true;
        if (!merged)
            signers << who.value();
    }

    const bool passed = st.decided->decision == QLatin1String("GO") && st.go;
    JsonValue vsa = JsonValue::object();
    JsonValue verifier = JsonValue::object();
    verifier["id"] = "https://opsconsole.dev/launch-day-validation";
    JsonValue ver = JsonValue::object();
    ver["opsconsole"] = version;
    verifier["version"] = ver;
    vsa["verifier"] = verifier;
    vsa["timeVerified"] = Time::toIso(st.decided->tsMs);
    QUrl resource;
    resource.setScheme(QStringLiteral("opsconsole"));
    resource.setPath(QStringLiteral("launch/") + st.run->id);
    resource.setQuery(QStringLiteral("scope=%1&build=%2")
                          .arg(QString::fromLatin1(QUrl::toPercentEncoding(st.run->scope)),
                               QString::fromLatin1(QUrl::toPercentEncoding(st.build))));
    vsa["resourceUri"] = resource.toString(QUrl::FullyEncoded);
    JsonValue policy = JsonValue::object();
    policy["uri"] = "opsconsole:runbook/launch-day-validation";
    JsonValue pd = JsonValue::object();
    pd["sha256"] = st.recordSha256; // the launch record every sign-off signed
    policy["digest"] = pd;
    vsa["policy"] = policy;
    vsa["inputAttestations"] = JsonValue::array();
    vsa["verificationResult"] = passed ? "PASSED" : "FAILED";
    JsonValue levels = JsonValue::array();
    levels.push(passed ? "OPSCONSOLE_LAUNCH_GO" : "FAILED"); // SLSA VSA v1: "FAILED" when it failed
    vsa["verifiedLevels"] = levels;
    vsa["slsaVersion"] = "1.0";

    JsonValue ext = JsonValue::object();
    ext["run"] = st.run->id;
    ext["scope"] = st.run->scope;
    ext["build"] = st.build;
    ext["environment"] = st.environment;
    ext["rehearsal"] = st.rehearsal;
    JsonValue decision = JsonValue::object();
    decision["decision"] = st.decided->decision;
    decision["by"] = st.decided->actor;
    decision["event"] = static_cast<qint64>(st.decided->seq);
    decision["at"] = Time::toIso(st.decided->tsMs);
    decision["note"] = st.decided->note;
    ext["decision"] = decision;
    ext["evidence_says"] = st.go ? "GO" : "NO-GO";
    JsonValue reasons = JsonValue::array();
    for (const auto &[rule, reason] : st.reasons) {
        JsonValue r = JsonValue::object();
        r["rule"] = rule;
        r["reason"] = reason.text();
        reasons.push(r);
    }
    ext["no_go_reasons"] = reasons;
    JsonValue rules = JsonValue::array();
    for (const NoGoRule &r : st.rules) {
        JsonValue x = JsonValue::object();
        x["id"] = r.id;
        x["title"] = r.title;
        x["state"] = r.holds ? "HOLDS" : "clear";
        x["reason"] = r.reason.text();
        rules.push(x);
    }
    ext["no_go_rules"] = rules;
    JsonValue checks = JsonValue::array();
    for (const LaunchCheck &c : st.checks) {
        JsonValue x = JsonValue::object();
        x["id"] = c.step.id;
        x["holds"] = c.holds();
        x["event"] = static_cast<qint64>(c.seq);
        checks.push(x);
    }
    ext["checklist"] = checks;
    JsonValue signoffs = JsonValue::array();
    for (const LaunchSignoff &s : st.signoffs) {
        JsonValue x = JsonValue::object();
        x["role"] = s.role;
        x["state"] = signoffStateName(s.state);
        x["identity"] = s.identity;
        x["event"] = static_cast<qint64>(s.seq);
        x["record_sha256"] = s.recordSha256;
        signoffs.push(x);
    }
    ext["signoffs"] = signoffs;
    JsonValue cp = JsonValue::object();
    cp["size"] = static_cast<qint64>(checkpoint.size);
    cp["root_hash"] = QString::fromLatin1(checkpoint.root.toBase64());
    cp["signed_note"] = QString::fromStdString(checkpoint.noteText());
    ext["checkpoint"] = cp;
    vsa["opsconsole"] = ext;
    return InToto::statement(subjects, QString::fromLatin1(InToto::kVsaType), vsa, signers);
}

Result<void> launchAttestationMatches(const JsonValue &statement, const LaunchStatus &st,
                                      const LaunchInputs &in) {
    auto expected = launchAttestationStatement(st, in, Checkpoint{}, QString());
    if (!expected.ok())
        return expected.error();
    auto field = [](const JsonValue &st_, const std::vector<const char *> &path) -> JsonValue {
        const JsonValue *v = &st_;
        for (const char *k : path) {
            v = v->find(k);
            if (!v)
                return JsonValue();
        }
        return *v;
    };
    const std::vector<std::pair<QString, std::vector<const char *>>> fields{
        {QStringLiteral("subject"), {"subject"}},
        {QStringLiteral("predicateType"), {"predicateType"}},
        {QStringLiteral("verificationResult"), {"predicate", "verificationResult"}},
        {QStringLiteral("policy"), {"predicate", "policy"}},
        {QStringLiteral("resourceUri"), {"predicate", "resourceUri"}},
        {QStringLiteral("timeVerified"), {"predicate", "timeVerified"}},
        {QStringLiteral("decision"), {"predicate", "opsconsole", "decision"}},
        {QStringLiteral("evidence_says"), {"predicate", "opsconsole", "evidence_says"}},
        {QStringLiteral("signoffs"), {"predicate", "opsconsole", "signoffs"}},
        {QStringLiteral("signers"), {"predicate", "opsconsole", "signers"}},
    };
    for (const auto &[name, path] : fields)
        if (field(statement, path) != field(expected.value(), path))
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("the attestation's %1 is not what this store says of launch %2 now: "
                               "nothing was signed")
                    .arg(name, st.run ? st.run->id : QString()));
    // Then the whole statement, but for what is allowed to differ: the checkpoint it was made at,
    // the verifier's version, and the wording of the rules' reasons (their ids and states count).
    auto normalized = [](JsonValue v) {
        JsonValue &p = v["predicate"];
        p.asObject().erase("verifier");
        JsonValue &o = p["opsconsole"];
        o.asObject().erase("checkpoint");
        for (JsonValue &r : o["no_go_rules"].asArray())
            r.asObject().erase("reason");
        for (JsonValue &r : o["no_go_reasons"].asArray())
            r.asObject().erase("reason");
        return v;
    };
    if (!statement.isObject() || normalized(statement) != normalized(expected.value()))
        return makeError(
            ErrorCode::Negative,
            QStringLiteral("the attestation says more or other than this store says of launch %1 "
                           "now: nothing was signed")
                .arg(st.run ? st.run->id : QString()));
    return {};
}

} // namespace ops
