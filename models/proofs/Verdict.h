#pragma once

// Offline verdict verification (docs/domain-rules.md, "Proof summaries and verdicts"): score.json, an
// evidence bundle (.tar.gz or .tar.zst), verdict.sig and verdict.pub. Nothing touches the network; the bundle
// is streamed through libarchive in memory and never extracted.

#include "core/JsonValue.h"
#include "core/NamedCheck.h"
#include "core/Result.h"
#include "core/Tar.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace ops {

struct VerdictFiles {
    QString score;
    QString bundle;
    QString signature;
    QString publicKey;

    QStringList all() const { return {score, bundle, signature, publicKey}; }
    // score.json, verdict.sig, verdict.pub and one evidence*.tar.gz|.tar.zst (or the only
    // .tar.gz/.tar.zst) in a results/ folder; names what is missing or ambiguous.
    static Result<VerdictFiles> inFolder(const QString &folder);
};

// Named score.json, signature, evidence_sha256, bundle, bundle paths, evidence_files.
using VerdictCheck = NamedCheck;

struct VerdictReport {
    bool valid = false;
    QList<VerdictCheck> checks;
    QString keyAlgorithm;
    QString keyFingerprint;    // SHA256:<hex> of the DER SubjectPublicKeyInfo
    QString signatureEncoding; // raw | base64, when it verified
    QString scoreSha256;
    QString bundleSha256;
    qint64 bundleBytes = 0;
    tar::ScanInfo bundleInfo;
    int filesListed = 0;
    int filesMatched = 0;

    const VerdictCheck *check(const QString &name) const;
    QStringList failures() const; // "name: detail" of every failed check
    // {"valid", "checks": [{"name", "ok", "detail"}], "network_used": false, "key": {…}, "bundle": {…}}
    JsonValue toJson() const;
};

struct VerdictOptions {
    tar::ScanLimits limits;
    QStringList pins; // "SHA256:<hex>" of DER SubjectPublicKeyInfo: verdict.pub must be one of them
    std::function<void(qint64 done, qint64 total)> progress; // bytes of the bundle, from any thread
    std::function<bool()> cancelled;
};

// Runs every check (a failing one does not stop the others) and reports each. An input that
// cannot be read at all is an Error (exit 3); a verdict that does not hold is a report with
// valid = false (exit 1). The bundle's SHA-256 and its archive walk run in parallel.
Result<VerdictReport> verifyVerdict(const VerdictFiles &files, const VerdictOptions &options = {});

} // namespace ops
