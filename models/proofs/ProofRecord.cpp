#include "ProofRecord.h"

#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace ops {

Result<StoredEvent> recordProofSummary(EvidenceStore &store, const Signer &signer,
                                       const CaptureInput &capture, const ProofSummary &summary,
                                       const FailureRules &rules, const QString &scope) {
    // One act: the capture's bytes, its evidence.attached event and the summary, in one transaction.
    auto blob = makeBlob(capture.name, capture.bytes, QStringLiteral("text/plain"));
    if (!blob.ok())
        return blob.error();
    NewEvent e;
    e.kind = QStringLiteral("proof.summarized");
    e.scope = scope;
    e.payload = summary.toJson();
    JsonValue c = JsonValue::object();
    c["name"] = capture.name;
    c["sha256"] = blob->sha256;
    c["size"] = capture.bytes.size();
    e.payload["capture"] = c;
    JsonValue r = JsonValue::object();
    r["file"] = rules.file();
    r["sha256"] = rules.sha256();
    e.payload["rules"] = r;
    auto out = store.append(signer, {attachmentEvent(blob.value(), scope), e}, {blob.value()});
    if (!out.ok())
        return out.error();
    return out->last();
}

JsonValue proofAttestationStatement(const CaptureInput &capture, const ProofSummary &summary,
                                    const FailureRules &rules, const Signer &signer) {
    // Failures and skips are named one by one, as the capture shows them (line and text); passes
    // are counted per section (a capture's summary lines do not name every passing test). NOT RUN
    // and SKIP are warned, never passed.
    JsonValue passed = JsonValue::array(), warned = JsonValue::array(), failed = JsonValue::array();
    const auto named = [](const ProofFinding &f) {
        return QStringLiteral("line %1: %2").arg(f.line).arg(f.text);
    };
    for (const ProofFinding &f : summary.failures)
        failed.push(named(f));
    for (const ProofFinding &f : summary.notes)
        if (f.kind == FindingKind::Skip)
            warned.push(named(f));
    const bool failuresNamed = !summary.failures.isEmpty();
    const bool skipsNamed = !warned.toArray().empty();
    for (const ProofSection &x : summary.sections) {
        if (x.pass > 0)
            passed.push(QStringLiteral("%1: %2 passed").arg(x.name).arg(x.pass));
        if (x.fail > 0 && !failuresNamed)
            failed.push(QStringLiteral("%1: %2 failed").arg(x.name).arg(x.fail));
        if (x.notRun > 0)
            warned.push(QStringLiteral("%1: %2 not run").arg(x.name).arg(x.notRun));
        if (x.skip > 0 && !skipsNamed)
            warned.push(QStringLiteral("%1: %2 skipped").arg(x.name).arg(x.skip));
    }
    if (summary.findingsOmitted > 0)
        (failuresNamed ? failed : warned)
            .push(QStringLiteral("%1 more findings not listed").arg(summary.findingsOmitted));
    JsonValue p = JsonValue::object();
    p["result"] = summary.overall != QLatin1String("PASS") ? "FAILED"
                  : summary.notRun > 0 || summary.skip > 0 ? "WARNED"
                                                           : "PASSED";
    JsonValue config = JsonValue::array();
    JsonValue rulesFile = JsonValue::object();
    rulesFile["name"] = rules.file();
    JsonValue d = JsonValue::object();
    d["sha256"] = rules.sha256();
    rulesFile["digest"] = d;
    config.push(rulesFile);
    p["configuration"] = config;
    p["passedTests"] = passed;
    p["warnedTests"] = warned;
    p["failedTests"] = failed;
    JsonValue ext = JsonValue::object();
    ext["overall"] = summary.overall;
    ext["pass"] = summary.pass;
    ext["fail"] = summary.fail;
    ext["not_run"] = summary.notRun;
    ext["skip"] = summary.skip;
    JsonValue sections = JsonValue::array();
    for (const ProofSection &x : summary.sections)
        sections.push(x.toJson());
    ext["sections"] = sections;
    p["opsconsole"] = ext;
    return InToto::statement({AttestationSubject{capture.name, crypto::sha256Hex(capture.bytes)}},
                             QString::fromLatin1(InToto::kTestResultType), p,
                             {InToto::signerOf(signer, QStringLiteral("recorder"))});
}

Result<StoredEvent> recordVerdict(EvidenceStore &store, const Signer &signer, const VerdictFiles &files,
                                  const VerdictReport &report, const QString &scope) {
    struct Input {
        QString role;
        QString path;
        QString expectedSha; // what was verified, when the report knows it
        QString mediaType;
        QByteArray bytes;
        qint64 size = 0;
        bool oversize = false;
    };
    QList<Input> inputs{
        {QStringLiteral("score"), files.score, report.scoreSha256, QStringLiteral("application/json"), {}},
        {QStringLiteral("signature"), files.signature, {}, QStringLiteral("application/octet-stream"), {}},
        {QStringLiteral("public_key"), files.publicKey, {}, QStringLiteral("application/x-pem-file"), {}},
        {QStringLiteral("bundle"),
         files.bundle,
         report.bundleSha256,
         files.bundle.endsWith(QLatin1String(".zst")) ? QStringLiteral("application/zstd")
                                                      : QStringLiteral("application/gzip"),
         {}}};
    // Everything is read and checked before anything is written: a file changed since it was
    // verified is refused, so the attachments are always the bytes the report speaks of.
    for (Input &in : inputs) {
        in.size = QFileInfo(in.path).size();
        if (in.size > kMaxAttachmentBytes) {
            in.oversize = true;
            continue;
        }
        QFile f(in.path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()),
                             in.path);
        in.bytes = f.readAll();
        if (!in.expectedSha.isEmpty() && crypto::sha256Hex(in.bytes) != in.expectedSha)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("changed since it was verified (SHA-256 differs): verify again"),
                             in.path);
    }
    // One act: the files' bytes, their evidence.attached events and the verdict, in one transaction.
    JsonValue attachments = JsonValue::array();
    QList<NewEvent> events;
    QList<NewBlob> blobs;
    for (const Input &in : std::as_const(inputs)) {
        JsonValue a = JsonValue::object();
        a["role"] = in.role;
        a["name"] = QFileInfo(in.path).fileName();
        a["size"] = in.size;
        if (in.oversize) {
            a["sha256"] = in.expectedSha;
            a["attached"] = false;
            a["note"] =
                QStringLiteral("larger than the %1 MiB attachment limit: recorded by its SHA-256 only")
                    .arg(kMaxAttachmentBytes / (1024 * 1024));
            attachments.push(a);
            continue;
        }
        auto blob = makeBlob(a.stringAt("name"), in.bytes, in.mediaType);
        if (!blob.ok())
            return blob.error();
        a["sha256"] = blob->sha256;
        a["attached"] = true;
        attachments.push(a);
        if (std::none_of(blobs.begin(), blobs.end(),
                         [&](const NewBlob &b) { return b.sha256 == blob->sha256; })) {
            events << attachmentEvent(blob.value(), scope);
            blobs << blob.value();
        }
    }
    NewEvent e;
    e.kind = QStringLiteral("verdict.verified");
    e.scope = scope;
    e.payload = report.toJson();
    e.payload["attachments"] = attachments;
    events << e;
    auto out = store.append(signer, events, blobs);
    if (!out.ok())
        return out.error();
    return out->last();
}

std::optional<RecordedProofSummary> RecordedProofSummary::fromEvent(const StoredEvent &event) {
    if (event.kind != QLatin1String("proof.summarized"))
        return std::nullopt;
    const JsonValue p = event.payload();
    const JsonValue *capture = p.find("capture");
    const JsonValue *pass = p.find("pass");
    const JsonValue *fail = p.find("fail");
    if (!capture || !capture->isObject() || !pass || !pass->isInt() || !fail || !fail->isInt() ||
        !p.find("overall"))
        return std::nullopt;
    RecordedProofSummary r;
    r.seq = event.seq;
    r.tsMs = event.tsMs;
    r.actor = event.actor;
    r.overall = p.stringAt("overall");
    r.captureName = capture->stringAt("name");
    r.captureSha256 = capture->stringAt("sha256");
    r.pass = pass->toInt();
    r.fail = fail->toInt();
    return r;
}

std::optional<RecordedVerdict> RecordedVerdict::fromEvent(const StoredEvent &event) {
    if (event.kind != QLatin1String("verdict.verified"))
        return std::nullopt;
    const JsonValue p = event.payload();
    const JsonValue *valid = p.find("valid");
    if (!valid || !valid->isBool())
        return std::nullopt;
    RecordedVerdict r;
    r.seq = event.seq;
    r.tsMs = event.tsMs;
    r.actor = event.actor;
    r.valid = valid->toBool();
    if (const JsonValue *key = p.find("key"); key && key->isObject())
        r.keyFingerprint = key->stringAt("fingerprint");
    if (const JsonValue *checks = p.find("checks"); checks && checks->isArray())
        for (const JsonValue &c : checks->toArray()) {
            const JsonValue *ok = c.find("ok");
            r.checks << Check{c.stringAt("name"), ok && ok->toBool(), c.stringAt("detail")};
        }
    return r;
}

Result<CaptureInput> readCapture(const QString &path) {
    QFile f;
    const bool stdIn = path == QLatin1String("-");
    if (stdIn ? !f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), !f.open(QIODevice::ReadOnly)))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot read the capture: %1").arg(f.errorString()), path);
    if (!stdIn && QFileInfo(path).isDir())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a capture is a file, not a directory"),
                         path);
    CaptureInput in;
    in.name = stdIn ? QStringLiteral("pasted-capture.txt") : QFileInfo(path).fileName();
    in.bytes = f.read(ProofSummary::kMaxCaptureBytes + 1);
    if (in.bytes.size() > ProofSummary::kMaxCaptureBytes)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the capture is larger than %1 MiB")
                             .arg(ProofSummary::kMaxCaptureBytes / (1024 * 1024)),
                         path);
    return in;
}

} // namespace ops
