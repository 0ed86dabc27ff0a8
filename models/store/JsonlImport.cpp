// SqliteEvidenceStore::importJsonl: streams one JSON object a line into one transaction.
// The per-line path avoids Qt strings, regexes and system calls: it is the bulk hot path.
#include "SqliteEvidenceStore.h"

#include "EventCodec.h"
#include "EventWriter.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"

#include <QFile>

#include <cstring>

namespace ops {

using namespace store;

namespace {

QString reservedKindPrefix(const std::string &kind) {
    for (const char *prefix : {"identity.", "incident.", "runbook.", "rollback.", "killswitch.", "alert.", "launch.", "derivation.", "handoff."})
        if (kind.rfind(prefix, 0) == 0)
            return QString::fromLatin1(prefix);
    return {};
}
constexpr qint64 kMaxLineBytes = 1 << 20;

struct ImportLine {
    const std::string *kind = nullptr;
    const std::string *scope = nullptr;
    const JsonValue *payload = nullptr;
    std::optional<qint64> tsMs;
};

// Validates one parsed import line; returns a message for file:line when it is not acceptable.
std::optional<QString> readLine(const JsonValue &v, ImportLine &out) {
    if (!v.isObject())
        return QStringLiteral("a line must be a JSON object");
    for (const auto &[key, value] : v.toObject()) {
        Q_UNUSED(value)
        if (key != "kind" && key != "scope" && key != "payload" && key != "ts")
            return QStringLiteral("unknown key '%1' (allowed: kind, scope, payload, ts)")
                .arg(QString::fromStdString(key));
    }
    const JsonValue *kind = v.find("kind");
    if (!kind || !kind->isString() || !codec::validKind(kind->toStdString()))
        return QStringLiteral("field 'kind': a dotted lower-case name is required");
    const JsonValue *scope = v.find("scope");
    if (!scope || !scope->isString())
        return QStringLiteral("field 'scope': a string is required (may be empty)");
    const JsonValue *payload = v.find("payload");
    if (!payload || !payload->isObject())
        return QStringLiteral("field 'payload': an object is required");
    out.kind = &kind->toStdString();
    out.scope = &scope->toStdString();
    out.payload = payload;
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

Result<NewEvent> SqliteEvidenceStore::parseImportLine(std::string_view line) {
    auto parsed = CanonicalJson::parse(line);
    if (!parsed.ok())
        return parsed.error();
    ImportLine l;
    if (auto problem = readLine(parsed.value(), l))
        return makeError(ErrorCode::InvalidInput, *problem);
    NewEvent e;
    e.kind = QString::fromStdString(*l.kind);
    e.scope = QString::fromStdString(*l.scope);
    e.payload = *l.payload;
    e.tsMs = l.tsMs;
    return e;
}

Result<quint64> SqliteEvidenceStore::importJsonl(const Signer &signer, const QString &file,
                                                 const Progress &progress) {
    if (!m_integrityProblem.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("refusing to append: %1").arg(m_integrityProblem),
                         m_path);
    auto who = identity(signer.name);
    if (!who.ok() || who->fingerprint != signer.key.publicKey().fingerprint())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' cannot sign in this store").arg(signer.name));
    if (auto r = awaitIntegrity(); !r.ok())
        return r.error();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()),
                         file);
    const qint64 totalBytes = f.size();

    // A larger page cache for the index inserts of a bulk import, restored afterwards.
    (void)m_db.exec("PRAGMA cache_size=-65536");
    struct RestoreCache {
        Database &db;
        ~RestoreCache() { (void)db.exec("PRAGMA cache_size=-8192"); }
    } restore{m_db};

    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = size();
    if (!n.ok())
        return n.error();
    auto tree = loadFrontier(n.value());
    if (!tree.ok())
        return tree.error();
    // An import at least as large as the store is cheaper with its secondary indexes rebuilt in
    // one sorted pass at the end than maintained row by row. Same transaction: all or nothing.
    const bool rebuildIndexes = static_cast<quint64>(totalBytes / 48) >= n.value() && totalBytes > (1 << 20);
    if (rebuildIndexes)
        for (const auto &[name, sql] : eventIndexes()) {
            Q_UNUSED(sql)
            if (auto r = m_db.exec(std::string("DROP INDEX ") + name); !r.ok())
                return r.error();
        }
    auto writer = EventWriter::open(m_db, std::move(tree).value());
    if (!writer.ok())
        return writer.error();
    const auto where = [&](qint64 line) { return QStringLiteral("%1:%2").arg(file).arg(line); };

    const std::string actor = signer.name.toStdString();
    crypto::UuidSource uuids;
    std::string payloadBytes;
    quint64 seq = n.value();
    qint64 lineNo = 0;
    qint64 bytesRead = 0;
    const qint64 now = m_options.clock();
    // Lines are cut out of 2 MiB blocks without copying; a line never exceeds 1 MiB.
    std::string block;
    std::size_t blockPos = 0;
    bool eof = false;
    std::string chunk(static_cast<std::size_t>(2 * kMaxLineBytes), '\0');
    while (true) {
        const char *found =
            static_cast<const char *>(std::memchr(block.data() + blockPos, '\n', block.size() - blockPos));
        if (!found && !eof) {
            block.erase(0, blockPos);
            blockPos = 0;
            const qint64 got = f.read(chunk.data(), static_cast<qint64>(chunk.size()));
            if (got < 0)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("read error: %1").arg(f.errorString()), file);
            if (got == 0)
                eof = true;
            block.append(chunk.data(), static_cast<std::size_t>(got));
            found = static_cast<const char *>(std::memchr(block.data(), '\n', block.size()));
        }
        if (!found && eof && blockPos >= block.size())
            break;
        const std::size_t lineEnd = found ? static_cast<std::size_t>(found - block.data()) : block.size();
        if (lineEnd - blockPos > static_cast<std::size_t>(kMaxLineBytes))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("line is longer than 1 MiB"),
                             where(lineNo + 1));
        if (!found && !eof)
            continue; // the line continues in the next block
        const std::string_view line(block.data() + blockPos, lineEnd - blockPos);
        blockPos = found ? lineEnd + 1 : block.size();
        ++lineNo;
        bytesRead += static_cast<qint64>(line.size()) + 1;
        std::size_t begin = 0, end = line.size();
        while (begin < end && (line[begin] == ' ' || line[begin] == '\t'))
            ++begin;
        while (end > begin && (line[end - 1] == '\n' || line[end - 1] == '\r' || line[end - 1] == ' ' ||
                               line[end - 1] == '\t'))
            --end;
        if (begin == end)
            continue;
        auto parsed = CanonicalJson::parse(line.substr(begin, end - begin));
        if (!parsed.ok())
            return makeError(ErrorCode::InvalidInput, parsed.error().message, where(lineNo));
        ImportLine l;
        if (auto problem = readLine(parsed.value(), l))
            return makeError(ErrorCode::InvalidInput, *problem, where(lineNo));
        // Identities are made only by `identity create`, where the new key signs its own event; the
        // kinds that current state is folded from (incidents, runs, kill switches, alerts) are made
        // only by the verbs that check roles and rules, each signed by the person acting.
        if (const QString reserved = reservedKindPrefix(*l.kind); !reserved.isEmpty())
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("%1 events cannot be imported: they are made only by the verbs that check "
                               "their rules")
                    .arg(reserved + QLatin1Char('*')),
                where(lineNo));
        ++seq;
        const std::string uuid = uuids.next();
        const qint64 ts = l.tsMs.value_or(now);
        payloadBytes.clear();
        CanonicalJson::serializeTo(*l.payload, payloadBytes);
        const std::string bytes = codec::eventBytes(seq, uuid, ts, actor, *l.kind, *l.scope, payloadBytes,
                                                    codec::SignatureField::Null);
        if (auto leaf = writer->write(seq, uuid, ts, actor, *l.kind, *l.scope, bytes, false); !leaf.ok())
            return leaf.error();
        if (progress && (seq & 0xfff) == 0 &&
            !progress(static_cast<quint64>(bytesRead), static_cast<quint64>(totalBytes)))
            return makeError(ErrorCode::Negative, QStringLiteral("import cancelled; nothing was written"),
                             file);
    }
    if (seq == n.value())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no events in the file"), file);
    writer->close(); // finalise before the schema changes back
    if (rebuildIndexes)
        for (const auto &[name, sql] : eventIndexes()) {
            Q_UNUSED(name)
            if (auto r = m_db.exec(sql); !r.ok())
                return r.error();
        }
    if (auto r = commitWithCheckpoint(tx.value(), signer, writer->tree()); !r.ok())
        return r.error();
    return seq - n.value();
}

} // namespace ops
