// JsonlImporter: streams one JSON object a line into one transaction.
// The per-line path avoids Qt strings, regexes and system calls: it is the bulk hot path.
#include "JsonlImport.h"
#include "SqliteEvidenceStore.h"

#include "EventCodec.h"
#include "EventWriter.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Merkle.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace ops {

using namespace store;

namespace {

QString reservedKindPrefix(const std::string &kind) {
    const QString k = QString::fromStdString(kind);
    if (!isActKind(k))
        return {};
    return k.left(k.indexOf(QLatin1Char('.')) + 1);
}
bool importableKind(const std::string &kind) {
    return kind.starts_with("signal.") || kind.starts_with("note.");
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
// One line made ready to write: its exact bytes and leaf hash.
struct PreparedEvent {
    quint64 seq = 0;
    std::string uuid;
    qint64 tsMs = 0;
    std::string kind;
    std::string scope;
    std::string bytes;
    QByteArray leaf;
};

struct PreparedBatch {
    std::vector<PreparedEvent> events;
    std::optional<Error> error; // the batch ends at the first bad line; nothing is written then
    qint64 bytesRead = 0;
};

// Reads, parses and checks the lines of a JSONL file on its own thread, in batches.
class ImportReader {
public:
    static constexpr std::size_t kBatch = 1024;
    static constexpr std::size_t kQueued = 4;

    // Lines may carry times from the last checkpoint's up to now (plus the clock tolerance), never
    // going backwards past the tolerance: an import cannot backdate what the log already sealed.
    struct Times {
        qint64 now = 0;
        qint64 lastCheckpoint = 0;
        qint64 highWater = 0; // the latest time in the log before the import
    };
    ImportReader(QFile &f, QString file, quint64 firstSeq, std::string actor, Times times)
        : m_file(f)
        , m_path(std::move(file))
        , m_seq(firstSeq)
        , m_actor(std::move(actor))
        , m_now(times.now)
        , m_lastCheckpoint(times.lastCheckpoint)
        , m_latest(times.highWater)
        , m_thread([this] { run(); }) {}
    ~ImportReader() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    const std::string &actor() const { return m_actor; }

    // The next batch, or nothing once the file is read (a batch with an error is the last).
    std::optional<PreparedBatch> next() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return std::nullopt;
        PreparedBatch b = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return b;
    }

private:
    bool push(PreparedBatch &&b) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < kQueued || m_stop; });
        if (m_stop)
            return false;
        m_queue.push_back(std::move(b));
        m_changed.notify_all();
        return true;
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }
    void run() {
        PreparedBatch batch;
        const bool ok = read(batch);
        if (ok && (!batch.events.empty() || batch.error))
            push(std::move(batch));
        finish();
    }
    Error at(ErrorCode code, const QString &message, qint64 line) const {
        return makeError(code, message, QStringLiteral("%1:%2").arg(m_path).arg(line));
    }
    // Fills and hands over batches; the last (partial, or with an error) stays in `batch`.
    bool read(PreparedBatch &batch) {
        crypto::UuidSource uuids;
        std::string payloadBytes;
        qint64 lineNo = 0;
        qint64 bytesRead = 0;
        // Lines are cut out of 2 MiB blocks without copying; a line never exceeds 1 MiB.
        std::string block;
        std::size_t blockPos = 0;
        bool eof = false;
        std::string chunk(static_cast<std::size_t>(2 * kMaxLineBytes), '\0');
        while (true) {
            const char *found = static_cast<const char *>(
                std::memchr(block.data() + blockPos, '\n', block.size() - blockPos));
            if (!found && !eof) {
                block.erase(0, blockPos);
                blockPos = 0;
                const qint64 got = m_file.read(chunk.data(), static_cast<qint64>(chunk.size()));
                if (got < 0) {
                    batch.error =
                        makeError(ErrorCode::InvalidInput,
                                  QStringLiteral("read error: %1").arg(m_file.errorString()), m_path);
                    return true;
                }
                if (got == 0)
                    eof = true;
                block.append(chunk.data(), static_cast<std::size_t>(got));
                found = static_cast<const char *>(std::memchr(block.data(), '\n', block.size()));
            }
            if (!found && eof && blockPos >= block.size())
                return true;
            const std::size_t lineEnd = found ? static_cast<std::size_t>(found - block.data()) : block.size();
            if (lineEnd - blockPos > static_cast<std::size_t>(kMaxLineBytes)) {
                batch.error =
                    at(ErrorCode::InvalidInput, QStringLiteral("line is longer than 1 MiB"), lineNo + 1);
                return true;
            }
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
            if (!parsed.ok()) {
                batch.error = at(ErrorCode::InvalidInput, parsed.error().message, lineNo);
                return true;
            }
            ImportLine l;
            if (auto problem = readLine(parsed.value(), l)) {
                batch.error = at(ErrorCode::InvalidInput, *problem, lineNo);
                return true;
            }
            // Identities are made only by `identity create`, where the new key signs its own event;
            // the kinds that current state is folded from (incidents, runs, kill switches, alerts)
            // are made only by the verbs that check roles and rules, each signed by the person acting.
            if (const QString reserved = reservedKindPrefix(*l.kind); !reserved.isEmpty()) {
                batch.error =
                    at(ErrorCode::Policy,
                       QStringLiteral("%1 events cannot be imported: they are made only by the verbs that "
                                      "check their rules")
                           .arg(reserved + QLatin1Char('*')),
                       lineNo);
                return true;
            }
            // What comes from outside is observation: pipeline signals and notes, nothing else, so a
            // kind a later version makes an act cannot have been brought in beforehand.
            if (!importableKind(*l.kind)) {
                batch.error = at(ErrorCode::Policy,
                                 QStringLiteral("'%1' cannot be imported: only signal.* and note.* events "
                                                "come from outside")
                                     .arg(QString::fromStdString(*l.kind)),
                                 lineNo);
                return true;
            }
            PreparedEvent e;
            e.seq = ++m_seq;
            e.uuid = uuids.next();
            e.tsMs = l.tsMs.value_or(m_now);
            if (auto problem = timeProblem(e.tsMs)) {
                batch.error = at(ErrorCode::InvalidInput, *problem, lineNo);
                return true;
            }
            m_latest = qMax(m_latest, e.tsMs);
            e.kind = *l.kind;
            e.scope = *l.scope;
            payloadBytes.clear();
            CanonicalJson::serializeTo(*l.payload, payloadBytes);
            e.bytes = codec::eventBytes(e.seq, e.uuid, e.tsMs, m_actor, e.kind, e.scope, payloadBytes,
                                        codec::SignatureField::Null);
            e.leaf = crypto::merkle::leafHash(
                QByteArrayView(e.bytes.data(), static_cast<qsizetype>(e.bytes.size())));
            batch.events.push_back(std::move(e));
            if (batch.events.size() >= kBatch) {
                batch.bytesRead = bytesRead;
                if (!push(std::move(batch)))
                    return false;
                batch = PreparedBatch{};
                batch.events.reserve(kBatch);
            }
            batch.bytesRead = bytesRead;
        }
    }

    std::optional<QString> timeProblem(qint64 ts) const {
        if (ts > m_now + Time::kClockSkewToleranceMs)
            return QStringLiteral("field 'ts': %1 is in the future (this machine's clock says %2)")
                .arg(Time::toIso(ts), Time::toIso(m_now));
        if (ts < m_lastCheckpoint)
            return QStringLiteral("field 'ts': %1 is earlier than the log's last checkpoint (%2): an import "
                                  "adds what was observed since; keep a source's older time in the payload")
                .arg(Time::toIso(ts), Time::toIso(m_lastCheckpoint));
        if (ts < m_latest - Time::kClockSkewToleranceMs)
            return QStringLiteral("field 'ts': %1").arg(SqliteEvidenceStore::timeWentBackwards(ts, m_latest));
        return std::nullopt;
    }

    QFile &m_file;
    const QString m_path;
    quint64 m_seq;
    const std::string m_actor;
    const qint64 m_now;
    const qint64 m_lastCheckpoint;
    qint64 m_latest;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PreparedBatch> m_queue;
    bool m_done = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once everything above is ready
};

} // namespace

Result<NewEvent> JsonlImporter::parseLine(std::string_view line) {
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

Result<quint64> JsonlImporter::run(SqliteEvidenceStore &target, const Signer &signer, const QString &file,
                                   const Progress &progress) {
    if (!target.integrityProblem().isEmpty())
        return makeError(ErrorCode::Store,
                         QStringLiteral("refusing to append: %1").arg(target.integrityProblem()),
                         target.m_path);
    if (auto r = target.awaitIntegrity(); !r.ok())
        return r.error();
    QFile f;
    if (!FileUtil::openInput(f, file))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read: %1").arg(f.errorString()),
                         FileUtil::inputName(file));
    const qint64 totalBytes = f.size();

    // A larger page cache for the index inserts of a bulk import, restored afterwards.
    (void)target.m_db.exec("PRAGMA cache_size=-65536");
    struct RestoreCache {
        Database &db;
        ~RestoreCache() { (void)db.exec("PRAGMA cache_size=-8192"); }
    } restore{target.m_db};

    auto tx = Transaction::begin(target.m_db);
    if (!tx.ok())
        return tx.error();
    auto n = target.size();
    if (!n.ok())
        return n.error();
    auto tree = target.loadFrontier(n.value());
    if (!tree.ok())
        return tree.error();
    {
        auto reg = target.registry();
        if (!reg.ok())
            return reg.error();
        if (auto r = target.m_seal.checkSigner(reg.value(), signer, n.value() + 1, false); !r.ok())
            return r.error();
        if (reg->activeRoles(signer.name).contains(QStringLiteral("monitor")))
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("'%1' is a monitor: it records what it observes and imports nothing")
                    .arg(signer.name));
        if (auto r = target.m_seal.checkHead(reg.value(), n.value(), tree.value()); !r.ok())
            return r.error();
    }
    // An import at least as large as the store is cheaper with its secondary indexes rebuilt in
    // one sorted pass at the end than maintained row by row. Same transaction: all or nothing.
    const bool rebuildIndexes = static_cast<quint64>(totalBytes / 48) >= n.value() && totalBytes > (1 << 20);
    if (rebuildIndexes)
        for (const auto &[name, sql] : eventIndexes()) {
            Q_UNUSED(sql)
            if (auto r = target.m_db.exec(std::string("DROP INDEX ") + name); !r.ok())
                return r.error();
        }
    auto writer = EventWriter::open(target.m_db, std::move(tree).value());
    if (!writer.ok())
        return writer.error();
    // Two stages on two cores: a reader thread parses and checks each line and makes its exact
    // bytes and leaf hash; this thread writes the rows and the Merkle tree in order. Batches pass
    // through a short bounded queue, so memory stays flat whatever the file's size.
    ImportReader::Times times;
    times.now = target.m_options.clock();
    if (n.value() > 0) {
        auto latest = target.latestCheckpoint();
        if (!latest.ok())
            return latest.error();
        times.lastCheckpoint = latest->tsMs;
    }
    auto highWater = target.m_seal.timeHighWater();
    if (!highWater.ok())
        return highWater.error();
    times.highWater = highWater.value();
    ImportReader reader(f, FileUtil::inputName(file), n.value(), signer.name.toStdString(), times);
    quint64 seq = n.value();
    crypto::Sha256 leaves; // the batch statement's digest: SHA-256 over the leaf hashes in order
    while (true) {
        auto batch = reader.next();
        if (!batch)
            break;
        if (batch->error)
            return *batch->error;
        for (const PreparedEvent &e : batch->events) {
            if (auto r = writer->writeHashed(e.seq, e.uuid, e.tsMs, reader.actor(), e.kind, e.scope, e.bytes,
                                             false, e.leaf);
                !r.ok())
                return r.error();
            leaves.add(e.leaf);
            seq = e.seq;
        }
        if (progress && !progress(static_cast<quint64>(batch->bytesRead), static_cast<quint64>(totalBytes)))
            return makeError(ErrorCode::Negative, QStringLiteral("import cancelled; nothing was written"),
                             file);
    }
    if (seq == n.value())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no events in the file"), file);
    // The importer signs one statement for the batch: its range and the digest of its leaves.
    {
        JsonValue p = JsonValue::object();
        p["first_seq"] = static_cast<qint64>(n.value() + 1);
        p["last_seq"] = static_cast<qint64>(seq);
        p["events"] = static_cast<qint64>(seq - n.value());
        p["leaves_sha256"] = leaves.finish().toHex().toStdString();
        p["source"] = FileUtil::isStdin(file) ? FileUtil::inputName(file) : QFileInfo(file).fileName();
        const quint64 batchSeq = seq + 1;
        const std::string uuid = crypto::UuidSource().next();
        const qint64 ts = target.m_options.clock();
        const std::string actor = signer.name.toStdString(), payload = CanonicalJson::serialize(p);
        const std::string toSign = codec::signedMessage(target.m_storeId.toStdString(), uuid, ts, actor,
                                                        "evidence.imported", "", payload);
        const QByteArray sig =
            signer.key.sign(QByteArrayView(toSign.data(), static_cast<qsizetype>(toSign.size())));
        if (sig.isEmpty())
            return makeError(ErrorCode::Store, QStringLiteral("cannot sign the import batch"));
        const std::string bytes =
            codec::eventBytes(batchSeq, uuid, ts, actor, "evidence.imported", "", payload,
                              codec::SignatureField::Value, sig.toBase64().toStdString());
        if (auto r = writer->write(batchSeq, uuid, ts, actor, "evidence.imported", "", bytes, true); !r.ok())
            return r.error();
    }
    writer->close(); // finalise before the schema changes back
    if (rebuildIndexes)
        for (const auto &[name, sql] : eventIndexes()) {
            Q_UNUSED(name)
            if (auto r = target.m_db.exec(sql); !r.ok())
                return r.error();
        }
    if (auto r = target.m_seal.commitWithCheckpoint(tx.value(), signer, writer->tree()); !r.ok())
        return r.error();
    return seq - n.value();
}

Result<quint64> SqliteEvidenceStore::importJsonl(const Signer &signer, const QString &file,
                                                 const Progress &progress) {
    return JsonlImporter::run(*this, signer, file, progress);
}

} // namespace ops
