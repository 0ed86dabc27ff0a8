#include "ProofRecord.h"

#include <QFile>
#include <QFileInfo>

namespace ops {

Result<StoredEvent> recordProofSummary(EvidenceStore &store, const Signer &signer,
                                       const CaptureInput &capture, const ProofSummary &summary,
                                       const FailureRules &rules, const QString &scope) {
    auto attached = store.attach(signer, capture.name, capture.bytes, QStringLiteral("text/plain"), scope);
    if (!attached.ok())
        return attached.error();
    NewEvent e;
    e.kind = QStringLiteral("proof.summarized");
    e.scope = scope;
    e.payload = summary.toJson();
    JsonValue c = JsonValue::object();
    c["name"] = capture.name;
    c["sha256"] = attached->payload().stringAt("sha256");
    c["size"] = capture.bytes.size();
    c["attached_seq"] = attached->seq;
    e.payload["capture"] = c;
    JsonValue r = JsonValue::object();
    r["file"] = rules.file();
    r["sha256"] = rules.sha256();
    e.payload["rules"] = r;
    auto out = store.append(signer, {e});
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<StoredEvent> recordVerdict(EvidenceStore &store, const Signer &signer, const VerdictFiles &files,
                                  const VerdictReport &report, const QString &scope) {
    JsonValue attachments = JsonValue::array();
    const QList<QPair<QString, QString>> inputs{{QStringLiteral("score"), files.score},
                                                {QStringLiteral("signature"), files.signature},
                                                {QStringLiteral("public_key"), files.publicKey},
                                                {QStringLiteral("bundle"), files.bundle}};
    for (const auto &[role, path] : inputs) {
        JsonValue a = JsonValue::object();
        a["role"] = role;
        a["name"] = QFileInfo(path).fileName();
        const qint64 size = QFileInfo(path).size();
        a["size"] = size;
        if (size > kMaxAttachmentBytes) {
            a["sha256"] = role == QLatin1String("bundle") ? report.bundleSha256 : QString();
            a["attached"] = false;
            a["note"] =
                QStringLiteral("larger than the %1 MiB attachment limit: recorded by its SHA-256 only")
                    .arg(kMaxAttachmentBytes / (1024 * 1024));
            attachments.push(a);
            continue;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()),
                             path);
        const QByteArray bytes = f.readAll();
        const QString type = role == QLatin1String("score")        ? QStringLiteral("application/json")
                             : role == QLatin1String("public_key") ? QStringLiteral("application/x-pem-file")
                             : role == QLatin1String("bundle")
                                 ? (path.endsWith(QLatin1String(".zst")) ? QStringLiteral("application/zstd")
                                                                         : QStringLiteral("application/gzip"))
                                 : QStringLiteral("application/octet-stream");
        auto stored = store.attach(signer, a.stringAt("name"), bytes, type, scope);
        if (!stored.ok())
            return stored.error();
        a["sha256"] = stored->payload().stringAt("sha256");
        a["attached"] = true;
        a["attached_seq"] = stored->seq;
        attachments.push(a);
    }
    NewEvent e;
    e.kind = QStringLiteral("verdict.verified");
    e.scope = scope;
    e.payload = report.toJson();
    e.payload["attachments"] = attachments;
    auto out = store.append(signer, {e});
    if (!out.ok())
        return out.error();
    return out->first();
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
