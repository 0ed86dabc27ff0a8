#include "Verdict.h"

#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace ops {

namespace {

constexpr qint64 kMaxScoreBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxKeyBytes = 64 * 1024;

Result<QByteArray> readSmall(const QString &path, qint64 cap, const QString &what) {
    QFile f(path);
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("no %1 given").arg(what));
    if (QFileInfo(path).isDir())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is a directory, not a file").arg(what),
                         path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot read %1: %2").arg(what, f.errorString()), path);
    QByteArray bytes = f.read(cap + 1);
    if (bytes.size() > cap)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is larger than %2 bytes").arg(what).arg(cap), path);
    return bytes;
}

bool isSha256Hex(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{64}\\z"));
    return re.match(s).hasMatch();
}

QString digestOf(const QString &s) {
    QString d = s.trimmed();
    if (d.startsWith(QLatin1String("sha256:"), Qt::CaseInsensitive))
        d = d.mid(7);
    return d.toLower();
}

// The first key that occurs twice in one object, compared after decoding escapes ("a" and
// "\u0061" are the same key). `text` is JSON that already parsed.
std::optional<QString> duplicateKey(const QByteArray &text) {
    QList<QSet<QString>> objects; // one per open object; arrays push nothing
    QList<bool> isObject;
    bool expectKey = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '{') {
            objects.append(QSet<QString>());
            isObject.append(true);
            expectKey = true;
        } else if (c == '[') {
            isObject.append(false);
            expectKey = false;
        } else if (c == '}' || c == ']') {
            if (!isObject.isEmpty() && isObject.takeLast())
                objects.removeLast();
            expectKey = false;
        } else if (c == ',') {
            expectKey = !isObject.isEmpty() && isObject.last();
        } else if (c == '"') {
            QString decoded;
            qsizetype j = i + 1;
            QByteArray raw;
            for (; j < text.size() && text.at(j) != '"'; ++j) {
                raw += text.at(j);
                if (text.at(j) == '\\' && j + 1 < text.size())
                    raw += text.at(++j);
            }
            // The string's own JSON parser decodes the escapes exactly as the document's does.
            const QJsonDocument one = QJsonDocument::fromJson("[\"" + raw + "\"]");
            decoded = one.array().at(0).toString();
            if (expectKey) {
                if (objects.last().contains(decoded))
                    return decoded;
                objects.last().insert(decoded);
                expectKey = false;
            }
            i = j;
        }
    }
    return std::nullopt;
}

// The signature file's bytes as given, and decoded from base64 when they read as base64.
QList<QPair<QString, QByteArray>> signatureCandidates(const QByteArray &file) {
    QList<QPair<QString, QByteArray>> out{{QStringLiteral("raw"), file}};
    const QByteArray text = file.trimmed();
    static const QRegularExpression b64(QStringLiteral("^[A-Za-z0-9+/=\\r\\n_-]+\\z"));
    if (!text.isEmpty() && b64.match(QString::fromLatin1(text)).hasMatch()) {
        auto decoded = QByteArray::fromBase64Encoding(QByteArray(text).replace('\n', "").replace('\r', ""),
                                                      QByteArray::Base64Encoding |
                                                          QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            decoded = QByteArray::fromBase64Encoding(QByteArray(text).replace('\n', "").replace('\r', ""),
                                                     QByteArray::Base64UrlEncoding |
                                                         QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && !decoded.decoded.isEmpty())
            out << qMakePair(QStringLiteral("base64"), decoded.decoded);
    }
    return out;
}

QString prettyAlgorithm(const QString &openssl) {
    if (openssl == QLatin1String("ED25519"))
        return QStringLiteral("Ed25519");
    if (openssl == QLatin1String("EC"))
        return QStringLiteral("ECDSA");
    return openssl;
}

} // namespace

Result<VerdictFiles> VerdictFiles::inFolder(const QString &folder) {
    const QDir dir(folder);
    if (!dir.exists())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no such folder"), folder);
    VerdictFiles f;
    QStringList missing;
    for (const auto &[name, slot] : {qMakePair(QStringLiteral("score.json"), &f.score),
                                     qMakePair(QStringLiteral("verdict.sig"), &f.signature),
                                     qMakePair(QStringLiteral("verdict.pub"), &f.publicKey)}) {
        if (dir.exists(name))
            *slot = dir.filePath(name);
        else
            missing << name;
    }
    QStringList bundles =
        dir.entryList({QStringLiteral("*.tar.gz"), QStringLiteral("*.tgz"), QStringLiteral("*.tar.zst")},
                      QDir::Files, QDir::Name);
    const QStringList evidence = bundles.filter(QRegularExpression(QStringLiteral("^evidence")));
    if (evidence.size() == 1)
        bundles = evidence;
    if (bundles.isEmpty())
        missing << QStringLiteral("an evidence bundle (.tar.gz or .tar.zst)");
    else if (bundles.size() > 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("more than one bundle (%1): name the one to verify")
                             .arg(bundles.join(QStringLiteral(", "))),
                         folder);
    else
        f.bundle = dir.filePath(bundles.first());
    if (!missing.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("missing %1").arg(missing.join(QStringLiteral(", "))), folder);
    return f;
}

const VerdictCheck *VerdictReport::check(const QString &name) const {
    for (const VerdictCheck &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

QStringList VerdictReport::failures() const {
    return failedCheckLines(checks);
}

JsonValue VerdictReport::toJson() const {
    JsonValue o = JsonValue::object();
    o["valid"] = valid;
    o["checks"] = checksJson(checks);
    o["network_used"] = false;
    JsonValue key = JsonValue::object();
    key["algorithm"] = keyAlgorithm;
    key["fingerprint"] = keyFingerprint;
    o["key"] = key;
    o["signature_encoding"] = signatureEncoding.isEmpty() ? JsonValue() : JsonValue(signatureEncoding);
    o["score_sha256"] = scoreSha256;
    JsonValue b = JsonValue::object();
    b["sha256"] = bundleSha256;
    b["bytes"] = bundleBytes;
    b["compression"] = bundleInfo.compression;
    b["entries"] = bundleInfo.entries;
    b["uncompressed_bytes"] = bundleInfo.totalBytes;
    JsonValue flagged = JsonValue::array();
    for (const QString &f : bundleInfo.flagged)
        flagged.push(f);
    b["flagged"] = flagged;
    o["bundle"] = b;
    o["evidence_files"] = JsonValue::object();
    o["evidence_files"]["listed"] = filesListed;
    o["evidence_files"]["matched"] = filesMatched;
    return o;
}

Result<VerdictReport> verifyVerdict(const VerdictFiles &files, const VerdictOptions &options) {
    auto score = readSmall(files.score, kMaxScoreBytes, QStringLiteral("score.json"));
    if (!score.ok())
        return score.error();
    auto sig = readSmall(files.signature, kMaxKeyBytes, QStringLiteral("the signature"));
    if (!sig.ok())
        return sig.error();
    auto pub = readSmall(files.publicKey, kMaxKeyBytes, QStringLiteral("the public key"));
    if (!pub.ok())
        return pub.error();
    const QFileInfo bundleInfo(files.bundle);
    if (files.bundle.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("no bundle given"));
    if (!bundleInfo.isFile() || !bundleInfo.isReadable())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the bundle is not a readable file"),
                         files.bundle);

    VerdictReport report;
    report.bundleBytes = bundleInfo.size();
    report.scoreSha256 = crypto::sha256Hex(score.value());

    // The bundle's digest on its own thread while this one walks the archive.
    std::atomic<bool> stop{false};
    auto cancelled = [&] { return stop.load() || (options.cancelled && options.cancelled()); };
    std::optional<Result<QByteArray>> digest;
    std::thread hasher([&] {
        digest.emplace(crypto::sha256File(files.bundle, [&](qint64 done) {
            if (options.progress)
                options.progress(done, report.bundleBytes);
            return !cancelled();
        }));
    });
    struct JoinGuard {
        std::thread &t;
        ~JoinGuard() {
            if (t.joinable())
                t.join();
        }
    } join{hasher};

    // 1. score.json
    QString expectedBundle;
    QHash<QString, QString> listed; // path in bundle -> expected digest
    {
        VerdictCheck c{QStringLiteral("score.json"), false, {}};
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(score.value(), &error);
        if (error.error != QJsonParseError::NoError) {
            const int line = static_cast<int>(score->left(error.offset).count('\n')) + 1;
            c.detail = QStringLiteral("not JSON: %1 at line %2 (offset %3)")
                           .arg(error.errorString())
                           .arg(line)
                           .arg(error.offset);
        } else if (!doc.isObject()) {
            c.detail = QStringLiteral("not a JSON object");
        } else if (const auto dup = duplicateKey(score.value())) {
            c.detail = QStringLiteral("names \"%1\" more than once in one object (escapes decoded): "
                                      "ambiguous, refused")
                           .arg(*dup);
        } else {
            const QJsonObject o = doc.object();
            const QJsonValue e = o.value(QStringLiteral("evidence_sha256"));
            if (!e.isString() || !isSha256Hex(digestOf(e.toString()))) {
                c.detail = e.isUndefined() ? QStringLiteral("has no evidence_sha256")
                                           : QStringLiteral("evidence_sha256 is not 64 hex digits");
            } else {
                expectedBundle = digestOf(e.toString());
                c.ok = true;
                const QJsonValue ef = o.value(QStringLiteral("evidence_files"));
                if (!ef.isUndefined() && !ef.isObject()) {
                    c.ok = false;
                    c.detail = QStringLiteral("evidence_files is not an object of path: sha256");
                } else {
                    const QJsonObject map = ef.toObject();
                    for (auto it = map.begin(); it != map.end(); ++it) {
                        const QString d = digestOf(it.value().toString());
                        if (!it.value().isString() || !isSha256Hex(d)) {
                            c.ok = false;
                            c.detail =
                                QStringLiteral("evidence_files[\"%1\"] is not a SHA-256").arg(it.key());
                            break;
                        }
                        QString path = it.key();
                        while (path.startsWith(QLatin1String("./")))
                            path.remove(0, 2);
                        listed.insert(path, d);
                    }
                    if (c.ok)
                        c.detail =
                            QStringLiteral(
                                "evidence_sha256 %1…, %2 evidence file(s) listed, score.json SHA-256 %3")
                                .arg(expectedBundle.left(16))
                                .arg(listed.size())
                                .arg(report.scoreSha256);
                }
            }
        }
        report.checks << c;
    }

    // 2. the signature over the exact bytes of score.json
    {
        VerdictCheck c{QStringLiteral("signature"), false, {}};
        crypto::GenericVerification last;
        for (const auto &[encoding, bytes] : signatureCandidates(sig.value())) {
            last = crypto::verifyWithPemKey(pub.value(), score.value(), bytes);
            report.keyAlgorithm = prettyAlgorithm(last.algorithm);
            report.keyFingerprint = last.fingerprint;
            if (last.ok) {
                report.signatureEncoding = encoding;
                break;
            }
            if (last.algorithm.isEmpty() || last.keyRefused)
                break; // the key itself did not read, or is not one to trust
        }
        c.ok = last.ok;
        c.detail =
            last.keyRefused ? QStringLiteral("verdict.pub: %1").arg(last.detail)
            : last.ok
                ? QStringLiteral("%1 signature (%2) over the exact bytes of score.json verifies with key %3")
                      .arg(report.keyAlgorithm == QLatin1String("Ed25519")
                               ? QStringLiteral("pure Ed25519")
                               : report.keyAlgorithm + QStringLiteral(" with SHA-256"),
                           report.signatureEncoding, report.keyFingerprint)
            : report.keyAlgorithm.isEmpty()
                ? QStringLiteral("verdict.pub: %1").arg(last.detail)
                : QStringLiteral("does not verify over score.json with the %1 key %2 (tried raw%3)")
                      .arg(report.keyAlgorithm, report.keyFingerprint,
                           signatureCandidates(sig.value()).size() > 1 ? QStringLiteral(" and base64")
                                                                       : QString());
        if (c.ok && !options.pins.isEmpty() && !options.pins.contains(report.keyFingerprint)) {
            c.ok = false;
            c.detail = QStringLiteral("verifies, but with key %1, which is not pinned (--pin %2)")
                           .arg(report.keyFingerprint, options.pins.join(QStringLiteral(", --pin ")));
        }
        report.checks << c;
    }

    // 3. the archive, streamed: every listed file hashed as it passes.
    QHash<QString, std::shared_ptr<crypto::Sha256>> hashing;
    QHash<QString, QString> actual;
    auto scan = tar::scanFile(
        files.bundle, options.limits,
        [&](const QString &name, qint64) -> tar::ChunkSink {
            if (!listed.contains(name))
                return {};
            auto h = std::make_shared<crypto::Sha256>();
            hashing.insert(name, h);
            return [h](QByteArrayView chunk) { h->add(chunk); };
        },
        cancelled);
    for (auto it = hashing.begin(); it != hashing.end(); ++it)
        actual.insert(it.key(), QString::fromLatin1(it.value()->finish().toHex()));
    if (!scan.ok() && scan.error().code == ErrorCode::Negative) {
        stop = true;
        return scan.error(); // cancelled
    }
    const bool archiveOk = scan.ok();
    {
        VerdictCheck c{QStringLiteral("bundle"), false, {}};
        if (!archiveOk) {
            c.detail = scan.error().message;
        } else {
            report.bundleInfo = scan.value();
            const QString comp = report.bundleInfo.compression;
            if (comp != QLatin1String("gzip") && comp != QLatin1String("zstd")) {
                c.detail = QStringLiteral(
                               "a tar archive compressed with %1; a verdict bundle is .tar.gz or .tar.zst")
                               .arg(comp);
            } else {
                c.ok = true;
                c.detail =
                    QStringLiteral(
                        "tar + %1, %2 entries, %3 bytes uncompressed from %4 (read in memory, not extracted)")
                        .arg(comp)
                        .arg(report.bundleInfo.entries)
                        .arg(report.bundleInfo.totalBytes)
                        .arg(report.bundleBytes);
            }
        }
        report.checks << c;
    }
    {
        VerdictCheck c{QStringLiteral("bundle paths"), false, {}};
        if (!archiveOk) {
            c.detail = QStringLiteral("not checked: the archive could not be read");
        } else if (!report.bundleInfo.flagged.isEmpty()) {
            c.detail = QStringLiteral("unsafe entries (not read): %1")
                           .arg(report.bundleInfo.flagged.mid(0, 10).join(QStringLiteral("; ")));
        } else if (!report.bundleInfo.duplicates.isEmpty()) {
            c.detail = QStringLiteral("entries stored more than once (which copy counts is ambiguous): %1")
                           .arg(report.bundleInfo.duplicates.mid(0, 10).join(QStringLiteral(", ")));
        } else {
            c.ok = true;
            c.detail =
                QStringLiteral("every entry is a relative path inside the bundle, none repeated, no links");
        }
        report.checks << c;
    }
    {
        VerdictCheck c{QStringLiteral("evidence_files"), false, {}};
        report.filesListed = static_cast<int>(listed.size());
        if (!report.checks.first().ok) {
            c.detail = QStringLiteral("not checked: score.json did not read");
        } else if (!archiveOk) {
            c.detail = QStringLiteral("not checked: the archive could not be read");
        } else {
            QStringList bad;
            QStringList keys = listed.keys();
            keys.sort();
            for (const QString &path : keys) {
                if (!actual.contains(path))
                    bad << QStringLiteral("%1 is not in the bundle").arg(path);
                else if (actual.value(path) != listed.value(path))
                    bad << QStringLiteral("%1 has SHA-256 %2, score.json says %3")
                               .arg(path, actual.value(path), listed.value(path));
                else
                    ++report.filesMatched;
            }
            c.ok = bad.isEmpty();
            c.detail =
                !bad.isEmpty() ? bad.mid(0, 10).join(QStringLiteral("; "))
                : listed.isEmpty()
                    ? QStringLiteral(
                          "score.json lists no evidence_files; the bundle is bound by its SHA-256 only")
                    : QStringLiteral("all %1 listed files match their SHA-256").arg(listed.size());
        }
        report.checks << c;
    }

    hasher.join();
    if (!digest || !digest->ok()) {
        if (digest && digest->error().code == ErrorCode::Negative)
            return digest->error(); // cancelled
        return digest ? digest->error()
                      : makeError(ErrorCode::Store, QStringLiteral("cannot hash the bundle"), files.bundle);
    }
    report.bundleSha256 = QString::fromLatin1(digest->value().toHex());
    {
        VerdictCheck c{QStringLiteral("evidence_sha256"), false, {}};
        if (expectedBundle.isEmpty()) {
            c.detail =
                QStringLiteral("score.json gives no evidence_sha256 to compare; the bundle's SHA-256 is %1")
                    .arg(report.bundleSha256);
        } else {
            c.ok = expectedBundle == report.bundleSha256;
            c.detail = c.ok ? QStringLiteral("the bundle's SHA-256 is %1, as score.json says")
                                  .arg(report.bundleSha256)
                            : QStringLiteral("the bundle's SHA-256 is %1, score.json says %2")
                                  .arg(report.bundleSha256, expectedBundle);
        }
        report.checks.insert(2, c);
    }
    report.valid =
        std::all_of(report.checks.cbegin(), report.checks.cend(), [](const VerdictCheck &c) { return c.ok; });
    return report;
}

} // namespace ops
