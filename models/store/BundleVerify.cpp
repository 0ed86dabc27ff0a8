// Verifying an evidence bundle offline: two streaming passes over a hostile archive.
#include "Bundle.h"

#include "core/CanonicalJson.h"
#include "core/Tar.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>

#include <algorithm>

namespace ops::Bundle {

namespace merkle = crypto::merkle;
namespace note = crypto::note;

namespace {

constexpr qsizetype kSmallEntryBytes = 1 << 20;
constexpr qsizetype kMaxSmallEntries = 10'000;         // manifest, signature, checkpoint and key files
constexpr qsizetype kMaxSmallBytes = 64 * 1024 * 1024; // all of them together
const QRegularExpression kProofName(QStringLiteral("^proofs/([1-9][0-9]{0,18})\\.tlog-proof\\z"));
const QRegularExpression kBlobName(QStringLiteral("^blobs/[0-9a-f]{64}\\z"));
const QRegularExpression kKeyName(QStringLiteral("^keys/([A-Za-z0-9._@-]{1,64})\\.(pem|vkey)\\z"));
// A key its identity held before a rotation: valid for the positions before UNTIL.
const QRegularExpression kRetiredKeyName(
    QStringLiteral("^keys/retired/([A-Za-z0-9._@-]{1,64})/([1-9][0-9]{0,18})\\.(pem|vkey)\\z"));

struct Listed {
    qint64 size = 0;
    QString sha256;
};

} // namespace

namespace {

// Two streaming passes over the archive. The first keeps only the small signed entries (manifest,
// its signature, the checkpoint, the keys) and checks them; the second hashes every entry against
// the manifest, reads events.jsonl line by line and each proof on its own, and hashes the blobs.
class Verifier {
public:
    using Scan = std::function<Result<tar::ScanInfo>(const tar::EntryVisitor &)>;
    Verifier(Scan scan, Pins pins)
        : m_scan(std::move(scan))
        , m_pins(std::move(pins)) {}

    Result<BundleReport> run() {
        if (auto r = firstPass(); !r.ok())
            return r.error();
        if (!m_report.problems.isEmpty())
            return finish();
        if (auto r = secondPass(); !r.ok())
            return r.error();
        return finish();
    }

private:
    // At most kMaxProblems named, so a hostile bundle cannot grow the report without bound.
    void problem(const QString &p) {
        if (m_report.problems.size() < kMaxProblems)
            m_report.problems << p;
        else if (m_report.problems.size() == kMaxProblems)
            m_report.problems << QStringLiteral("… and more problems, not listed");
    }
    static constexpr qsizetype kMaxProblems = 200;

    void scanProblems(const tar::ScanInfo &info) {
        // Both passes report what they saw: the file might have changed in between.
        const auto once = [this](const QString &p) {
            if (!m_report.problems.contains(p))
                problem(p);
        };
        for (const QString &f : info.flagged)
            once(QStringLiteral("entry %1 is not a regular file with a safe name").arg(f));
        for (const QString &d : info.directories)
            once(QStringLiteral("entry %1 is a directory; a bundle holds only files").arg(d));
        for (const QString &d : info.duplicates)
            once(QStringLiteral("entry %1 occurs more than once (after path normalisation)").arg(d));
    }

    Result<void> firstPass() {
        auto info = m_scan([this](const QString &name, qint64) -> tar::ChunkSink {
            const bool wanted = name == QLatin1String("manifest.json") ||
                                name == QLatin1String("manifest.sig") ||
                                name == QLatin1String("checkpoint") || kKeyName.match(name).hasMatch() ||
                                kRetiredKeyName.match(name).hasMatch();
            if (!wanted)
                return {};
            if (!m_small.contains(name) && m_small.size() >= kMaxSmallEntries) {
                m_tooLarge.insert(QStringLiteral("the keys (more than %1 files)").arg(kMaxSmallEntries));
                return {};
            }
            m_small[name].clear();
            return [this, name](QByteArrayView chunk) {
                QByteArray &b = m_small[name];
                if (b.size() + chunk.size() > kSmallEntryBytes ||
                    m_smallBytes + chunk.size() > kMaxSmallBytes) {
                    m_tooLarge.insert(name);
                } else {
                    b.append(chunk);
                    m_smallBytes += chunk.size();
                }
            };
        });
        if (!info.ok())
            return info.error();
        scanProblems(info.value());
        for (const QString &name : m_tooLarge)
            problem(QStringLiteral("%1 is too large (an entry at most %2 bytes, all of them %3)")
                        .arg(name)
                        .arg(kSmallEntryBytes)
                        .arg(kMaxSmallBytes));
        if (!m_report.problems.isEmpty())
            return {};
        checkKeys();
        checkManifest();
        checkCheckpoint();
        return {};
    }

    void checkKeys() {
        for (auto it = m_small.cbegin(); it != m_small.cend(); ++it) {
            const auto m = kKeyName.match(it.key());
            if (!m.hasMatch() || m.captured(2) != QLatin1String("pem"))
                continue;
            const QString name = m.captured(1);
            const QByteArray &pem = it.value();
            // Exactly one key, in exactly the form it was written: no second block for a reader to
            // prefer, nothing before or after it.
            auto key = crypto::PublicKey::fromPem(pem);
            if (!key.ok() || pem.count("-----BEGIN") != 1 || key->pem() != pem) {
                problem(QStringLiteral("%1 is not exactly one Ed25519 public key").arg(it.key()));
                continue;
            }
            const QString vkeyName = QStringLiteral("keys/%1.vkey").arg(name);
            if (m_small.value(vkeyName).trimmed() != note::verifierKey(name, key.value()).toUtf8())
                problem(QStringLiteral("%1 is not the verifier key of %2").arg(vkeyName, it.key()));
            m_keys.insert(name, key.value());
        }
        for (auto it = m_small.cbegin(); it != m_small.cend(); ++it) {
            const auto m = kRetiredKeyName.match(it.key());
            if (!m.hasMatch())
                continue;
            const QString name = m.captured(1);
            const QString base = QStringLiteral("keys/retired/%1/%2").arg(name, m.captured(2));
            if (m.captured(3) == QLatin1String("vkey")) {
                if (!m_small.contains(base + QStringLiteral(".pem")))
                    problem(QStringLiteral("%1 has no %2.pem").arg(it.key(), base));
                continue;
            }
            const QByteArray &pem = it.value();
            auto key = crypto::PublicKey::fromPem(pem);
            if (!key.ok() || pem.count("-----BEGIN") != 1 || key->pem() != pem) {
                problem(QStringLiteral("%1 is not exactly one Ed25519 public key").arg(it.key()));
                continue;
            }
            if (m_small.value(base + QStringLiteral(".vkey")).trimmed() !=
                note::verifierKey(name, key.value()).toUtf8())
                problem(QStringLiteral("%1.vkey is not the verifier key of %2").arg(base, it.key()));
            m_retired[name].insert(m.captured(2).toULongLong(), key.value());
        }
        for (auto it = m_small.cbegin(); it != m_small.cend(); ++it) {
            const auto m = kKeyName.match(it.key());
            if (m.hasMatch() && m.captured(2) == QLatin1String("vkey") && !m_keys.contains(m.captured(1)) &&
                !m_small.contains(QStringLiteral("keys/%1.pem").arg(m.captured(1))))
                problem(QStringLiteral("%1 has no keys/%2.pem").arg(it.key(), m.captured(1)));
        }
    }

    // A role's own pins when given, else the pins for either role, else the other role's pins (a
    // pin for one role alone binds both: an unpinned exporter could drop an event with its proof
    // and re-sign the manifest with a key of their own), else anything (an unpinned bundle).
    static bool pinned(const QStringList &own, const QStringList &either, const QStringList &other,
                       const QString &fingerprint) {
        if (!own.isEmpty())
            return own.contains(fingerprint);
        if (!either.isEmpty())
            return either.contains(fingerprint);
        return other.isEmpty() || other.contains(fingerprint);
    }

    void checkManifest() {
        if (!m_small.contains(QStringLiteral("manifest.json")) ||
            !m_small.contains(QStringLiteral("manifest.sig"))) {
            problem(
                QStringLiteral("manifest.json or manifest.sig is missing: nothing says what the bundle holds "
                               "(an export of an older format is not accepted; export it again)"));
            return;
        }
        const QByteArray bytes = m_small.value(QStringLiteral("manifest.json"));
        auto parsed = CanonicalJson::parse(bytes.toStdString());
        if (!parsed.ok() || !parsed->isObject() || !CanonicalJson::isCanonical(bytes.toStdString())) {
            problem(QStringLiteral("manifest.json is not canonical JSON"));
            return;
        }
        m_manifest = parsed.value();
        if (m_manifest.stringAt("format") != QLatin1String(kFormat)) {
            problem(QStringLiteral("manifest.json is not a %1 manifest").arg(QLatin1String(kFormat)));
            return;
        }
        m_report.exporter = m_manifest.stringAt("exported_by");
        const auto key = m_keys.constFind(m_report.exporter);
        if (key == m_keys.cend()) {
            problem(QStringLiteral("no key for the exporter '%1'").arg(m_report.exporter));
            return;
        }
        m_report.exporterKey = key->fingerprint();
        if (key->fingerprint() != m_manifest.stringAt("exported_by_key") ||
            !key->verify(bytes, m_small.value(QStringLiteral("manifest.sig")))) {
            problem(QStringLiteral("manifest.sig does not verify with keys/%1.pem").arg(m_report.exporter));
            return;
        }
        if (!pinned(m_pins.exporter, m_pins.any, m_pins.signer, m_report.exporterKey))
            problem(QStringLiteral("the exporter %1 signed with %2, which is not pinned")
                        .arg(m_report.exporter, m_report.exporterKey));
        const JsonValue *entries = m_manifest.find("entries");
        if (!entries || !entries->isArray()) {
            problem(QStringLiteral("manifest.json lists no entries"));
            return;
        }
        for (const JsonValue &e : entries->toArray()) {
            const QString path = e.stringAt("path");
            const JsonValue *size = e.find("size");
            if (path.isEmpty() || tar::normalName(path) != path || !size || !size->isInt() ||
                m_listed.contains(path) || path == QLatin1String("manifest.json") ||
                path == QLatin1String("manifest.sig")) {
                problem(QStringLiteral("manifest.json has a malformed or repeated entry '%1'").arg(path));
                continue;
            }
            m_listed.insert(path, {size->toInt(), e.stringAt("sha256")});
        }
    }

    void checkCheckpoint() {
        m_cpText = m_small.value(QStringLiteral("checkpoint")).toStdString();
        m_cp = Checkpoint::fromNote(m_cpText);
        if (!m_cp) {
            problem(QStringLiteral("checkpoint is not a signed checkpoint note of an opsconsole log"));
            return;
        }
        m_report.treeSize = m_cp->size;
        m_report.root = QString::fromLatin1(m_cp->root.toHex());
        m_report.signer = m_cp->signer;
        const crypto::PublicKey *key = keyFor(m_cp->signer, m_cp->size);
        if (!key) {
            problem(QStringLiteral("no key for the checkpoint signer '%1'").arg(m_cp->signer));
            return;
        }
        m_report.signerKey = key->fingerprint();
        if (!m_cp->signedBy(*key))
            problem(QStringLiteral("the checkpoint's signature does not verify with keys/%1.pem")
                        .arg(m_cp->signer));
        else if (!pinned(m_pins.signer, m_pins.any, m_pins.exporter, m_report.signerKey))
            problem(QStringLiteral("the checkpoint signer %1 signed with %2, which is not pinned")
                        .arg(m_cp->signer, m_report.signerKey));
        // A key retired after the checkpoint is a period nobody could know of at its size.
        for (auto r = m_retired.cbegin(); r != m_retired.cend(); ++r)
            for (auto k = r->cbegin(); k != r->cend(); ++k)
                if (k.key() > m_cp->size)
                    problem(
                        QStringLiteral("keys/retired/%1/%2.pem retires a key after the checkpoint (size %3)")
                            .arg(r.key())
                            .arg(k.key())
                            .arg(m_cp->size));
        if (!m_manifest.isObject())
            return;
        const JsonValue *size = m_manifest.find("checkpoint_size");
        if (!size || !size->isInt() || static_cast<quint64>(size->toInt()) != m_cp->size ||
            m_manifest.stringAt("store") != m_cp->storeId)
            problem(QStringLiteral("manifest.json names another checkpoint or store"));
    }

    // --- second pass ---

    void finishEntry() {
        if (m_current.isEmpty())
            return;
        const QString name = m_current;
        m_current.clear();
        const QString sha = QString::fromLatin1(m_digest.finish().toHex());
        const auto listed = m_listed.constFind(name);
        if (listed != m_listed.cend() && (listed->size != m_size || listed->sha256 != sha))
            problem(
                QStringLiteral("%1 is not the entry the exporter signed (size or SHA-256 differ)").arg(name));
        if (name == QLatin1String("events.jsonl")) {
            if (!m_line.isEmpty())
                problem(QStringLiteral("events.jsonl does not end with a newline"));
        } else if (const auto m = kProofName.match(name); m.hasMatch()) {
            if (m_proofTooLarge)
                problem(QStringLiteral("%1 is larger than %2 bytes").arg(name).arg(kSmallEntryBytes));
            else
                proof(m.captured(1).toULongLong(), m_proofBytes);
        } else if (name.startsWith(QLatin1String("blobs/"))) {
            if (sha != name.mid(6))
                problem(QStringLiteral("%1 does not match its SHA-256").arg(name));
            m_blobs.insert(name.mid(6));
        } else if (m_small.contains(name) && crypto::sha256Hex(m_small.value(name)) != sha) {
            problem(QStringLiteral("%1 changed while it was read").arg(name));
        }
    }

    void eventLine(const QByteArray &line) {
        ++m_lineNo;
        const QString where = QStringLiteral("events.jsonl:%1").arg(m_lineNo);
        const std::string text = line.toStdString();
        auto event = CanonicalJson::parse(text);
        if (!event.ok() || !event->isObject() || !CanonicalJson::isCanonical(text)) {
            problem(where + QStringLiteral(": not a canonical event"));
            return;
        }
        const JsonValue *seqValue = event->find("seq");
        const qint64 seq = seqValue && seqValue->isInt() ? seqValue->toInt() : 0;
        if (seq < 1 || static_cast<quint64>(seq) > m_cp->size) {
            problem(where + QStringLiteral(": its sequence number is not covered by the checkpoint"));
            return;
        }
        if (m_leaves.contains(static_cast<quint64>(seq))) {
            problem(where + QStringLiteral(": event %1 occurs twice").arg(seq));
            return;
        }
        m_leaves.insert(static_cast<quint64>(seq), {merkle::leafHash(line), m_lineNo});
        checkKeyChange(event.value(), static_cast<quint64>(seq), where);
        if (const JsonValue *sig = event->find("signature"); sig && sig->isString()) {
            StoredEvent stored;
            stored.canonical = text;
            stored.signedByActor = true;
            const crypto::PublicKey *actorKey = keyFor(event->stringAt("actor"), static_cast<quint64>(seq));
            if (!actorKey || verifiedForm(*actorKey, m_cp->storeId, stored) == SignedForm::None)
                problem(
                    where +
                    QStringLiteral(": the signature by '%1' does not verify").arg(event->stringAt("actor")));
        }
        if (event->stringAt("kind") == QLatin1String("evidence.attached"))
            m_referenced.insert(event->find("payload") ? event->find("payload")->stringAt("sha256")
                                                       : QString());
        if (auto pending = m_pending.find(static_cast<quint64>(seq)); pending != m_pending.end()) {
            const auto p = pending.value();
            m_pending.erase(pending);
            checkInclusion(static_cast<quint64>(seq), p);
        }
    }

    void proof(quint64 seq, const QByteArray &bytes) {
        const QString name = QStringLiteral("proofs/%1.tlog-proof").arg(seq);
        auto parsed = note::parseTlogProof(bytes.toStdString());
        if (!parsed.ok()) {
            problem(QStringLiteral("%1: %2").arg(name, parsed.error().message));
            return;
        }
        if (parsed->index != seq - 1) {
            problem(QStringLiteral("%1 proves index %2, not event %3").arg(name).arg(parsed->index).arg(seq));
            return;
        }
        if (parsed->checkpoint != m_cpText) {
            problem(QStringLiteral("%1 is against another checkpoint than the bundle's").arg(name));
            return;
        }
        if (m_proved.contains(seq) || m_pending.contains(seq)) {
            problem(QStringLiteral("%1 occurs twice").arg(name));
            return;
        }
        if (m_leaves.contains(seq))
            checkInclusion(seq, parsed->path);
        else
            m_pending.insert(seq, parsed->path);
    }

    void checkInclusion(quint64 seq, const QList<QByteArray> &path) {
        m_proved.insert(seq);
        const auto &[leaf, line] = m_leaves.value(seq);
        if (!merkle::verifyInclusion(leaf, seq - 1, m_cp->size, path, m_cp->root))
            problem(QStringLiteral("events.jsonl:%1: inclusion proof proofs/%2.tlog-proof does not reach the "
                                   "signed root")
                        .arg(line)
                        .arg(seq));
    }

    // A retired key's period ends where an admin's approval of the name's next key took effect:
    // where the bundle holds that event, it says so, for the key the bundle holds next — the
    // bundle's keys agree with the identity events under the signed root.
    void checkKeyChange(const JsonValue &event, quint64 seq, const QString &where) {
        for (auto r = m_retired.cbegin(); r != m_retired.cend(); ++r) {
            if (!r->contains(seq))
                continue;
            const JsonValue *payload = event.find("payload");
            const crypto::PublicKey *next = keyFor(r.key(), seq);
            if (event.stringAt("kind") != QLatin1String("identity.approved") || !payload ||
                payload->stringAt("name") != r.key() || !next ||
                payload->stringAt("fingerprint") != next->fingerprint())
                problem(where +
                        QStringLiteral(": keys/retired/%1/%2.pem ends %1's key here, but event %2 is not "
                                       "the approval of the key the bundle holds next")
                            .arg(r.key())
                            .arg(seq));
        }
    }

    // The key `name` signed with at position `seq`: the retired key whose period ends after it
    // (the earliest such), else its current key; null when the bundle has none.
    const crypto::PublicKey *keyFor(const QString &name, quint64 seq) const {
        if (const auto retired = m_retired.constFind(name); retired != m_retired.cend())
            if (const auto it = retired->upperBound(seq); it != retired->cend())
                return &it.value();
        const auto current = m_keys.constFind(name);
        return current == m_keys.cend() ? nullptr : &current.value();
    }

    bool expected(const QString &name) const {
        return name == QLatin1String("checkpoint") || name == QLatin1String("VERIFY.md") ||
               name == QLatin1String("events.jsonl") || kKeyName.match(name).hasMatch() ||
               kRetiredKeyName.match(name).hasMatch() || kProofName.match(name).hasMatch() ||
               kBlobName.match(name).hasMatch();
    }

    Result<void> secondPass() {
        QSet<QString> seen;
        auto info = m_scan([&](const QString &name, qint64) -> tar::ChunkSink {
            finishEntry();
            if (name == QLatin1String("manifest.json") || name == QLatin1String("manifest.sig")) {
                m_current = name;
                return [this](QByteArrayView chunk) { m_digest.add(chunk); };
            }
            if (!m_listed.contains(name)) {
                problem(QStringLiteral("entry %1 is not in the manifest").arg(name));
                return {};
            }
            if (!expected(name)) {
                problem(QStringLiteral("entry %1 has no place in a bundle").arg(name));
                return {};
            }
            seen.insert(name);
            m_current = name;
            m_size = 0;
            m_proofBytes.clear();
            m_proofTooLarge = false;
            const bool events = name == QLatin1String("events.jsonl");
            const bool isProof = name.startsWith(QLatin1String("proofs/"));
            const qint64 listedSize = m_listed.value(name).size;
            return [this, events, isProof, listedSize](QByteArrayView chunk) {
                m_digest.add(chunk);
                m_size += chunk.size();
                if (m_size > listedSize)
                    return; // already not the entry the exporter signed: hashed, not parsed
                if (isProof) {
                    if (m_proofBytes.size() + chunk.size() > kSmallEntryBytes)
                        m_proofTooLarge = true;
                    else
                        m_proofBytes.append(chunk);
                }
                if (!events)
                    return;
                qsizetype start = 0;
                for (qsizetype i = 0; i < chunk.size(); ++i) {
                    if (chunk[i] != '\n')
                        continue;
                    m_line.append(chunk.sliced(start, i - start));
                    eventLine(m_line);
                    m_line.clear();
                    start = i + 1;
                }
                m_line.append(chunk.sliced(start));
                if (m_line.size() > 64 * 1024 * 1024) {
                    problem(QStringLiteral("events.jsonl has a line longer than 64 MiB"));
                    m_line.clear();
                }
            };
        });
        finishEntry();
        if (!info.ok())
            return info.error();
        scanProblems(info.value());
        for (auto it = m_listed.cbegin(); it != m_listed.cend(); ++it)
            if (!seen.contains(it.key()))
                problem(QStringLiteral("%1 is in the manifest but not in the bundle").arg(it.key()));
        for (auto it = m_leaves.cbegin(); it != m_leaves.cend(); ++it)
            if (!m_proved.contains(it.key()))
                problem(
                    QStringLiteral("events.jsonl:%1: event %2 has no proof").arg(it->second).arg(it.key()));
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            problem(QStringLiteral("proofs/%1.tlog-proof proves an event the bundle does not hold")
                        .arg(it.key()));
        const JsonValue *count = m_manifest.find("events");
        if (!count || static_cast<qint64>(m_lineNo) != count->toInt())
            problem(QStringLiteral("events.jsonl holds %1 events, the manifest %2 (events added or removed)")
                        .arg(m_lineNo)
                        .arg(count ? count->toInt() : -1));
        for (const QString &sha : m_referenced)
            if (!m_blobs.contains(sha))
                problem(QStringLiteral("attachment %1 is referenced but not in the bundle").arg(sha));
        m_report.events = m_leaves.size();
        return {};
    }

    Result<BundleReport> finish() {
        m_report.valid = m_report.problems.isEmpty();
        m_report.pinned = m_report.valid &&
                          (!m_pins.signer.isEmpty() || !m_pins.any.isEmpty() || !m_pins.exporter.isEmpty());
        return m_report;
    }

    Scan m_scan;
    Pins m_pins;
    BundleReport m_report;
    QHash<QString, QByteArray> m_small;
    QSet<QString> m_tooLarge;
    qsizetype m_smallBytes = 0;
    QHash<QString, crypto::PublicKey> m_keys;
    QHash<QString, QMap<quint64, crypto::PublicKey>>
        m_retired; // name → first position it no longer signs → key
    JsonValue m_manifest;
    QHash<QString, Listed> m_listed;
    std::optional<Checkpoint> m_cp;
    std::string m_cpText;
    // second pass
    QString m_current;
    crypto::Sha256 m_digest;
    qint64 m_size = 0;
    QByteArray m_line;
    quint64 m_lineNo = 0;
    QByteArray m_proofBytes;
    bool m_proofTooLarge = false;
    QHash<quint64, std::pair<QByteArray, quint64>> m_leaves; // seq → leaf hash, line
    QHash<quint64, QList<QByteArray>> m_pending;             // proofs read before their event
    QSet<quint64> m_proved;
    QSet<QString> m_referenced, m_blobs;
};

tar::ScanLimits bundleLimits() {
    tar::ScanLimits l;
    l.maxEntries = 4'000'000;
    l.maxEntryBytes = qint64(16) * 1024 * 1024 * 1024; // events.jsonl of the largest log
    l.maxTotalBytes = qint64(64) * 1024 * 1024 * 1024;
    l.maxRatio = 250;
    return l;
}

} // namespace

Result<BundleReport> verifyBundle(const QString &path, const Pins &pins) {
    return Verifier(
               [&](const tar::EntryVisitor &visit) { return tar::scanFile(path, bundleLimits(), visit); },
               pins)
        .run();
}

Result<BundleReport> verifyBundle(const QString &path, const QStringList &pins) {
    return verifyBundle(path, Pins{pins, {}, {}});
}

Result<BundleReport> verifyBundleData(const QByteArray &data, const QStringList &pins) {
    return Verifier(
               [&](const tar::EntryVisitor &visit) {
                   return tar::scanMemory(data, QStringLiteral("(memory)"), bundleLimits(), visit);
               },
               Pins{pins, {}, {}})
        .run();
}

} // namespace ops::Bundle
