#include "LaunchExport.h"

#include "ChecksumArchive.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"

#include <QDir>
#include <QFile>

namespace ops {

namespace {

Result<void> writeFile(const QString &path, const QByteArray &bytes) {
    return FileUtil::writePrivateAtomic(path, bytes); // 0600, never through a link at the target
}

} // namespace

Result<LaunchExportSummary> exportLaunchRecord(const LaunchStatus &status, const LaunchInputs &inputs,
                                               const QString &outDir) {
    if (!status.run)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no launch to export (launch start --scope S --build ID)"),
                         QStringLiteral("--run"))
            .said(QStringLiteral("launch.none"), {});
    QDir dir(outDir);
    if (dir.exists() && !dir.isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("%1 is not empty; an export never overwrites").arg(outDir), outDir);
    if (!QDir().mkpath(outDir) || !dir.mkpath(QStringLiteral("signoffs")) ||
        !dir.mkpath(QStringLiteral("keys")))
        return makeError(ErrorCode::Store, QStringLiteral("cannot create %1").arg(outDir), outDir);
    LaunchExportSummary summary;
    const RunbookRun &run = *status.run;

    JsonValue doc = status.toJson();
    doc["exported_at"] = Time::toIso(inputs.nowMs);
    doc["format"] = "opsconsole.launch-record/1";
    JsonValue so = JsonValue::array();
    for (const LaunchSignoff &s : status.signoffs) {
        if (s.state == SignoffState::Missing)
            continue;
        const StepState *step = run.step(s.step);
        const QByteArray sig = QByteArray::fromBase64(step->evidence.stringAt("signature").toLatin1());
        const QString statement = step->evidence.stringAt("statement");
        if (auto r = writeFile(dir.filePath(QStringLiteral("signoffs/%1.statement").arg(s.role)),
                               statement.toUtf8());
            !r.ok())
            return r.error();
        if (auto r = writeFile(dir.filePath(QStringLiteral("signoffs/%1.sig").arg(s.role)), sig); !r.ok())
            return r.error();
        const auto id = inputs.identities.constFind(s.identity);
        if (id != inputs.identities.constEnd())
            if (auto r =
                    writeFile(dir.filePath(QStringLiteral("keys/%1.pem").arg(s.identity)), id->publicKeyPem);
                !r.ok())
                return r.error();
        JsonValue o = JsonValue::object();
        o["role"] = s.role;
        o["identity"] = s.identity;
        o["state"] = signoffStateName(s.state);
        o["statement"] = statement;
        o["signature"] = step->evidence.stringAt("signature");
        o["key_fingerprint"] = s.keyFingerprint;
        so.push(o);
        ++summary.signoffs;
    }
    doc["signoff_statements"] = so;
    if (auto r = writeFile(dir.filePath(QStringLiteral("launch-record.json")),
                           QByteArray::fromStdString(CanonicalJson::pretty(doc)) + '\n');
        !r.ok())
        return r.error();
    if (auto r = writeFile(dir.filePath(QStringLiteral("launch-record.canonical.json")),
                           QByteArray::fromStdString(CanonicalJson::serialize(launchRecord(run))));
        !r.ok())
        return r.error();
    QList<ChecksumEntry> entries;
    if (const StepState *s = run.step(QStringLiteral("build-checksums")); s && s->status == StepStatus::Done)
        if (const JsonValue *c = s->evidence.find("checksums"))
            entries = ChecksumArchive::fromJson(*c);
    if (auto r =
            writeFile(dir.filePath(QStringLiteral("SHA256SUMS")), ChecksumArchive::sha256sumText(entries));
        !r.ok())
        return r.error();
    summary.checksums = static_cast<int>(entries.size());
    summary.files = dir.entryList(QDir::Files, QDir::Name);
    return summary;
}

} // namespace ops
