// SqliteEvidenceStore::importJsonl: streams one JSON object a line into one transaction.
#include "SqliteEvidenceStore.h"

#include "EventCodec.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"

#include <QFile>
#include <QRegularExpression>
#include <QUuid>

namespace ops {

using namespace store;
namespace merkle = crypto::merkle;

namespace {
constexpr qint64 kMaxLineBytes = 1 << 20;

std::optional<QString> readLine(const JsonValue &v, NewEvent &out);
} // namespace

Result<NewEvent> SqliteEvidenceStore::parseImportLine(std::string_view line)
{
    auto parsed = CanonicalJson::parse(line);
    if (!parsed.ok())
        return parsed.error();
    NewEvent e;
    if (auto problem = readLine(parsed.value(), e))
        return makeError(ErrorCode::InvalidInput, *problem);
    return e;
}

namespace {
// Validates one import line; returns the event or a message for file:line.
std::optional<QString> readLine(const JsonValue &v, NewEvent &out)
{
    static const QRegularExpression kindRe(QStringLiteral("^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*$"));
    if (!v.isObject())
        return QStringLiteral("a line must be a JSON object");
    for (const auto &[key, value] : v.toObject()) {
        Q_UNUSED(value)
        if (key != "kind" && key != "scope" && key != "payload" && key != "ts")
            return QStringLiteral("unknown key '%1' (allowed: kind, scope, payload, ts)").arg(QString::fromStdString(key));
    }
    const JsonValue *kind = v.find("kind");
    if (!kind || !kind->isString() || !kindRe.match(kind->toQString()).hasMatch() || kind->toStdString().size() > 64)
        return QStringLiteral("field 'kind': a dotted lower-case name is required");
    const JsonValue *scope = v.find("scope");
    if (!scope || !scope->isString())
        return QStringLiteral("field 'scope': a string is required (may be empty)");
    const JsonValue *payload = v.find("payload");
    if (!payload || !payload->isObject())
        return QStringLiteral("field 'payload': an object is required");
    out.kind = kind->toQString();
    out.scope = scope->toQString();
    out.payload = *payload;
    out.tsMs.reset();
    if (const JsonValue *ts = v.find("ts")) {
        const auto ms = ts->isString() ? Time::parseIso(ts->toQString()) : std::nullopt;
        if (!ms)
            return QStringLiteral("field 'ts': a UTC ISO-8601 time like 2026-11-23T05:00:00Z is required");
        out.tsMs = *ms;
    }
    return std::nullopt;
}
} // namespace

Result<quint64> SqliteEvidenceStore::importJsonl(const Signer &signer, const QString &file, const Progress &progress)
{
    if (!m_integrityProblem.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("refusing to append: %1").arg(m_integrityProblem), m_path);
    auto who = identity(signer.name);
    if (!who.ok() || who->fingerprint != signer.key.publicKey().fingerprint())
        return makeError(ErrorCode::Policy, QStringLiteral("'%1' cannot sign in this store").arg(signer.name));
    if (auto r = awaitIntegrity(); !r.ok())
        return r.error();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()), file);
    const qint64 totalBytes = f.size();

    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = size();
    if (!n.ok())
        return n.error();
    auto tree = loadFrontier(n.value());
    if (!tree.ok())
        return tree.error();
    auto insert = Statement::prepare(m_db, "INSERT INTO events(seq, uuid, ts_ms, actor, kind, scope, canonical, "
                                           "leaf_hash, signed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0)");
    auto node = Statement::prepare(m_db, "INSERT INTO merkle_nodes(level, idx, hash) VALUES(?, ?, ?)");
    if (!insert.ok() || !node.ok())
        return insert.ok() ? node.error() : insert.error();
    std::optional<Error> nodeError;
    const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
        if (level < kNodeLevelMin || nodeError)
            return;
        if (auto r = node->bind(1, qint64(level)).bind(2, static_cast<qint64>(index)).bindBlob(3, hash).run(); !r.ok())
            nodeError = r.error();
    };
    const auto where = [&](qint64 line) { return QStringLiteral("%1:%2").arg(file).arg(line); };

    quint64 seq = n.value();
    qint64 lineNo = 0;
    qint64 bytesRead = 0;
    QByteArray line;
    NewEvent e;
    const qint64 now = m_options.clock();
    while (!f.atEnd()) {
        line = f.readLine(kMaxLineBytes + 1);
        ++lineNo;
        bytesRead += line.size();
        if (line.size() > kMaxLineBytes && !line.endsWith('\n'))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("line is longer than 1 MiB"), where(lineNo));
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        auto parsed = CanonicalJson::parse(std::string_view(trimmed.constData(), static_cast<std::size_t>(trimmed.size())));
        if (!parsed.ok())
            return makeError(ErrorCode::InvalidInput, parsed.error().message, where(lineNo));
        if (auto problem = readLine(parsed.value(), e))
            return makeError(ErrorCode::InvalidInput, *problem, where(lineNo));
        StoredEvent s;
        s.seq = ++seq;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.tsMs = e.tsMs.value_or(now);
        s.actor = signer.name;
        s.kind = e.kind;
        s.scope = e.scope;
        s.canonical = codec::withSignature(codec::eventObject(s.seq, s.uuid, s.tsMs, s.actor, s.kind, s.scope, e.payload), {});
        const QByteArrayView bytes(s.canonical.data(), static_cast<qsizetype>(s.canonical.size()));
        s.leafHash = merkle::leafHash(bytes);
        if (auto r = insert->bind(1, static_cast<qint64>(s.seq))
                         .bind(2, s.uuid)
                         .bind(3, s.tsMs)
                         .bind(4, s.actor)
                         .bind(5, s.kind)
                         .bind(6, s.scope)
                         .bindBlob(7, bytes)
                         .bindBlob(8, s.leafHash)
                         .run();
            !r.ok())
            return r.error();
        tree->append(s.leafHash, sink);
        if (nodeError)
            return *nodeError;
        if (auto r = applyProjections(m_db, "main", s, e.payload); !r.ok())
            return r.error();
        if (progress && (seq & 0xfff) == 0 && !progress(static_cast<quint64>(bytesRead), static_cast<quint64>(totalBytes)))
            return makeError(ErrorCode::Negative, QStringLiteral("import cancelled; nothing was written"), file);
    }
    if (seq == n.value())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no events in the file"), file);
    auto cp = writeCheckpoint(signer, tree.value());
    if (!cp.ok())
        return cp.error();
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    writeSidecar(cp.value());
    return seq - n.value();
}

} // namespace ops
