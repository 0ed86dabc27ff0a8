// The documented offline check of a DSSE attestation, run as a reader would: docs/dsse_openssl.py
// lays out the PAE, the keys and the signatures, and the `openssl` command line checks each one.
#pragma once

#include "core/CanonicalJson.h"

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ops::test {

// Runs PROGRAM in CWD; its exit code, or -1 when it did not finish normally.
inline int runTool(const QString &program, const QStringList &args, const QString &cwd,
                   QByteArray *out = nullptr) {
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// How many signatures openssl verified (0 when one failed), or -1 when the script refused (no
// signature by the pinned key, a malformed envelope).
inline int dsseOpensslRecipe(const QString &attestation, const QString &dir, const QString &pin) {
    QByteArray said;
    QDir().mkpath(dir);
    if (runTool(QStringLiteral("python3"),
                {QStringLiteral(OPSCONSOLE_SOURCE_DIR "/docs/dsse_openssl.py"), QStringLiteral("--pin"), pin,
                 attestation, dir},
                dir, &said) != 0)
        return -1;
    int verified = 0;
    for (const QByteArray &line : said.split('\n')) {
        if (!line.startsWith("openssl "))
            continue;
        QByteArray out;
        const QStringList args = QString::fromUtf8(line.mid(8)).split(QLatin1Char(' '));
        if (runTool(QStringLiteral("openssl"), args, dir, &out) == 0 &&
            out.contains("Signature Verified Successfully"))
            ++verified;
        else
            return 0;
    }
    return verified;
}

// ATTESTATION with its statement changed and the signatures kept: FROM replaced by TO inside the
// decoded payload. Empty when FROM is not in it.
inline QByteArray payloadReplaced(const QByteArray &attestation, const QByteArray &from,
                                  const QByteArray &to) {
    auto env = CanonicalJson::parse(attestation.toStdString(), 16);
    if (!env.ok())
        return {};
    QByteArray payload = QByteArray::fromBase64(env->stringAt("payload").toLatin1());
    if (!payload.contains(from))
        return {};
    payload.replace(from, to);
    env.value()["payload"] = QString::fromLatin1(payload.toBase64());
    return QByteArray::fromStdString(CanonicalJson::serialize(env.value()));
}

} // namespace ops::test
