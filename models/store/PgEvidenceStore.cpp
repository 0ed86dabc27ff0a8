#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

constexpr const char *kEventCols = "seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed";

// Numbered migrations, each applied once in its own transaction by the schema's owner.
const char *const kMigration1 = R"SQL(
CREATE SCHEMA IF NOT EXISTS opsconsole;
CREATE TABLE opsconsole.meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE opsconsole.log_head(id integer PRIMARY KEY CHECK (id = 1), size bigint NOT NULL CHECK (size >= 0));
CREATE TABLE opsconsole.events(
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    uuid text NOT NULL UNIQUE,
    ts_ms bigint NOT NULL,
    actor text NOT NULL,
    kind text NOT NULL,
    scope text NOT NULL,
    canonical bytea NOT NULL,
    leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
    signed boolean NOT NULL);
CREATE INDEX events_kind ON opsconsole.events(kind, seq);
CREATE INDEX events_ts ON opsconsole.events(ts_ms);
CREATE TABLE opsconsole.merkle_nodes(level integer NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL,
    PRIMARY KEY (level, idx));
CREATE TABLE opsconsole.checkpoints(
    size bigint PRIMARY KEY CHECK (size >= 1),
    root bytea NOT NULL,
    ts_ms bigint NOT NULL,
    signer text NOT NULL,
    canonical bytea NOT NULL,
    signature bytea NOT NULL);
CREATE TABLE opsconsole.blobs(sha256 text PRIMARY KEY, size bigint NOT NULL, media_type text NOT NULL,
    data bytea NOT NULL);
CREATE FUNCTION opsconsole.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the evidence log is append-only: % of %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION opsconsole.head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.size < OLD.size THEN
        RAISE EXCEPTION 'the log head only moves forward (% to %)', OLD.size, NEW.size
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER head_forward BEFORE UPDATE ON opsconsole.log_head
    FOR EACH ROW EXECUTE FUNCTION opsconsole.head_moves_forward();
CREATE TRIGGER head_kept BEFORE DELETE ON opsconsole.log_head
    FOR EACH ROW EXECUTE FUNCTION opsconsole.refuse_change();
CREATE TRIGGER head_not_truncated BEFORE TRUNCATE ON opsconsole.log_head
    FOR EACH STATEMENT EXECUTE FUNCTION opsconsole.refuse_change();
INSERT INTO opsconsole.log_head(id, size) VALUES (1, 0);
)SQL";

// Migration 2: the cosignatures of witnessing consoles.
const char *const kMigration2 = R"SQL(
CREATE TABLE opsconsole.cosignatures(
    size bigint NOT NULL REFERENCES opsconsole.checkpoints(size),
    witness text NOT NULL,
    key_id bytea NOT NULL CHECK (length(key_id) = 4),
    data bytea NOT NULL,
    at_size bigint NOT NULL,
    PRIMARY KEY (size, witness));
)SQL";

// Append-only tables: rows are never changed or removed, not even by the owner.
const char *const kAppendOnlyV1[] = {"meta",        "events", "merkle_nodes",
                                     "checkpoints", "blobs",  "schema_migrations"};
const char *const kAppendOnlyV2[] = {"cosignatures"};

Result<void> appendOnly(pg::Connection &conn, const char *table) {
    const std::string t(table);
    const std::string sql = "CREATE TRIGGER " + t + "_append_only BEFORE UPDATE OR DELETE ON opsconsole." +
                            t + " FOR EACH ROW EXECUTE FUNCTION opsconsole.refuse_change(); CREATE TRIGGER " +
                            t + "_not_truncated BEFORE TRUNCATE ON opsconsole." + t +
                            " FOR EACH STATEMENT EXECUTE FUNCTION opsconsole.refuse_change()";
    return conn.exec(sql.c_str());
}

class PgTreeReader final : public merkle::TreeReader {
public:
    explicit PgTreeReader(pg::Connection &c)
        : m_conn(c) {}
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        QList<QByteArray> out;
        auto rows =
            m_conn.query("SELECT leaf_hash FROM opsconsole.events WHERE seq > $1 AND seq <= $2 ORDER BY seq",
                         pg::Params().i64(static_cast<qint64>(begin)).i64(static_cast<qint64>(end)));
        if (!rows.ok())
            return out;
        for (int i = 0; i < rows->count(); ++i)
            out.append(rows->bytes(i, 0));
        return out;
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (level < store::kNodeLevelMin)
            return std::nullopt;
        auto rows = m_conn.query("SELECT hash FROM opsconsole.merkle_nodes WHERE level = $1 AND idx = $2",
                                 pg::Params().i64(level).i64(static_cast<qint64>(index)));
        if (!rows.ok() || rows->count() == 0)
            return std::nullopt;
        return rows->bytes(0, 0);
    }

private:
    pg::Connection &m_conn;
};

// The Merkle frontier of the locked head, read in the append's first round trip: the kept perfect
// subtree roots the frontier names (level L, index size/2^L - 1 for each bit L of the size), and the
// leaves after the last kept boundary. Rows: level, index, hash; leaves have level -1 and their seq.
const std::string kFrontierSql =
    "WITH h AS (SELECT size FROM opsconsole.log_head WHERE id = 1) "
    "SELECT m.level, m.idx, m.hash FROM h CROSS JOIN generate_series(" +
    std::to_string(store::kNodeLevelMin) +
    ", 62) AS l(level) JOIN opsconsole.merkle_nodes m ON m.level = l.level "
    "AND m.idx = (h.size >> l.level) - 1 WHERE ((h.size >> l.level) & 1) = 1 "
    "UNION ALL SELECT -1, e.seq, e.leaf_hash FROM h CROSS JOIN opsconsole.events e "
    "WHERE e.seq > ((h.size >> " +
    std::to_string(store::kNodeLevelMin) + ") << " + std::to_string(store::kNodeLevelMin) +
    ") AND e.seq <= h.size";

// Answers from the prefetched frontier rows; anything else from the database.
class PrefetchedTreeReader final : public merkle::TreeReader {
public:
    PrefetchedTreeReader(pg::Connection &c, const pg::Rows &rows)
        : m_db(c) {
        for (int i = 0; i < rows.count(); ++i) {
            const qint64 level = rows.i64(i, 0);
            const quint64 index = static_cast<quint64>(rows.i64(i, 1));
            if (level >= 0) {
                m_nodes.insert({static_cast<int>(level), index}, rows.bytes(i, 2));
            } else if (m_leaves.isEmpty() ||
                       index == m_leafFrom + static_cast<quint64>(m_leaves.size()) + 1) {
                if (m_leaves.isEmpty())
                    m_leafFrom = index - 1;
                m_leaves.append(rows.bytes(i, 2));
            } else {
                m_leavesBroken = true; // not contiguous: let the database answer
            }
        }
    }
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        if (!m_leavesBroken && begin >= m_leafFrom && end >= begin &&
            end <= m_leafFrom + static_cast<quint64>(m_leaves.size()))
            return m_leaves.mid(static_cast<qsizetype>(begin - m_leafFrom),
                                static_cast<qsizetype>(end - begin));
        return m_db.leafHashes(begin, end);
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (auto it = m_nodes.constFind({level, index}); it != m_nodes.constEnd())
            return *it;
        return m_db.perfectNode(level, index);
    }

private:
    PgTreeReader m_db;
    QHash<std::pair<int, quint64>, QByteArray> m_nodes;
    quint64 m_leafFrom = 0;
    QList<QByteArray> m_leaves;
    bool m_leavesBroken = false;
};

StoredEvent readRow(const pg::Rows &r, int i) {
    StoredEvent e;
    e.seq = static_cast<quint64>(r.i64(i, 0));
    e.uuid = r.text(i, 1);
    e.tsMs = r.i64(i, 2);
    e.actor = r.text(i, 3);
    e.kind = r.text(i, 4);
    e.scope = r.text(i, 5);
    const QByteArrayView c = r.bytesView(i, 6);
    e.canonical.assign(c.data(), static_cast<std::size_t>(c.size()));
    e.leafHash = r.bytes(i, 7);
    e.signedByActor = r.boolean(i, 8);
    return e;
}

// Rows read page by page inside one snapshot (the caller holds a REPEATABLE READ transaction).
class PgLogSource final : public LogSource {
public:
    explicit PgLogSource(pg::Connection &c)
        : m_conn(c) {}

    Result<quint64> size() override {
        auto r = m_conn.query("SELECT COALESCE(MAX(seq), 0)::bigint FROM opsconsole.events");
        if (!r.ok())
            return r.error();
        return static_cast<quint64>(r->i64(0, 0));
    }
    Result<bool> nextEvent(LogEventRow &row) override {
        if (m_eventAt >= m_events.count()) {
            if (m_eventsDone)
                return false;
            auto page =
                m_conn.query("SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed "
                             "FROM opsconsole.events WHERE seq > $1 ORDER BY seq LIMIT 8192",
                             pg::Params().i64(m_lastSeq));
            if (!page.ok())
                return page.error();
            m_events = std::move(page).value();
            m_eventAt = 0;
            if (m_events.count() < 8192)
                m_eventsDone = true;
            if (m_events.count() == 0)
                return false;
        }
        const int i = m_eventAt++;
        row.seq = static_cast<quint64>(m_events.i64(i, 0));
        row.uuid = m_events.textView(i, 1);
        row.tsMs = m_events.i64(i, 2);
        row.actor = m_events.textView(i, 3);
        row.kind = m_events.textView(i, 4);
        row.scope = m_events.textView(i, 5);
        row.canonical = m_events.bytesView(i, 6);
        row.leafHash = m_events.bytesView(i, 7);
        row.signedByActor = m_events.boolean(i, 8);
        m_lastSeq = static_cast<qint64>(row.seq);
        return true;
    }
    Result<bool> nextCheckpoint(LogCheckpointRow &cp) override {
        if (m_cpAt >= m_cps.count()) {
            if (m_cpsDone)
                return false;
            auto page = m_conn.query(
                "SELECT size, root, canonical, signature, ts_ms, signer FROM opsconsole.checkpoints "
                "WHERE size > $1 ORDER BY size LIMIT 8192",
                pg::Params().i64(m_lastCp));
            if (!page.ok())
                return page.error();
            m_cps = std::move(page).value();
            m_cpAt = 0;
            if (m_cps.count() < 8192)
                m_cpsDone = true;
            if (m_cps.count() == 0)
                return false;
        }
        const int i = m_cpAt++;
        const QByteArrayView c = m_cps.bytesView(i, 2);
        cp = LogCheckpointRow{static_cast<quint64>(m_cps.i64(i, 0)),
                              m_cps.bytes(i, 1),
                              std::string(c.data(), static_cast<std::size_t>(c.size())),
                              m_cps.bytes(i, 3),
                              m_cps.i64(i, 4),
                              m_cps.text(i, 5)};
        m_lastCp = static_cast<qint64>(cp.size);
        return true;
    }
    Result<std::optional<QByteArray>> storedNode(int level, quint64 index) override {
        auto r = m_conn.query("SELECT hash FROM opsconsole.merkle_nodes WHERE level = $1 AND idx = $2",
                              pg::Params().i64(level).i64(static_cast<qint64>(index)));
        if (!r.ok())
            return r.error();
        if (r->count() == 0)
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(r->bytes(0, 0));
    }
    Result<quint64> storedNodeCount() override {
        auto r = m_conn.query("SELECT COUNT(*)::bigint FROM opsconsole.merkle_nodes");
        if (!r.ok())
            return r.error();
        return static_cast<quint64>(r->i64(0, 0));
    }
    Result<void> forEachBlob(const BlobVisitor &visit) override {
        QString after;
        while (true) {
            // One blob at a time: attachments may be large.
            auto r = m_conn.query(
                "SELECT sha256, size, data FROM opsconsole.blobs WHERE sha256 > $1 ORDER BY sha256 "
                "LIMIT 1",
                pg::Params().text(after));
            if (!r.ok())
                return r.error();
            if (r->count() == 0)
                return {};
            after = r->text(0, 0);
            visit(after, r->i64(0, 1), r->bytesView(0, 2));
        }
    }
    Result<bool> hasBlob(const QString &sha256Hex) override {
        auto r =
            m_conn.query("SELECT 1 FROM opsconsole.blobs WHERE sha256 = $1", pg::Params().text(sha256Hex));
        if (!r.ok())
            return r.error();
        return r->count() > 0;
    }

private:
    pg::Connection &m_conn;
    pg::Rows m_events, m_cps;
    int m_eventAt = 0, m_cpAt = 0;
    bool m_eventsDone = false, m_cpsDone = false;
    qint64 m_lastSeq = 0, m_lastCp = 0;
};

} // namespace

Result<int> PgEvidenceStore::migrate(pg::Connection &conn, const QString &appRole) {
    static const QRegularExpression roleRe(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!appRole.isEmpty() && !roleRe.match(appRole).hasMatch())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("'%1' is not a role name this tool grants to (lowercase letters, digits, _)")
                .arg(appRole),
            QStringLiteral("app_role"));
    auto tx = pg::Transaction::begin(conn);
    if (!tx.ok())
        return tx.error();
    // One migrator at a time, whoever else runs init at the same moment.
    if (auto r = conn.run("SELECT pg_advisory_xact_lock(7368455734)"); !r.ok())
        return r.error();
    if (auto r = conn.exec("CREATE SCHEMA IF NOT EXISTS opsconsole;"
                           "CREATE TABLE IF NOT EXISTS opsconsole.schema_migrations("
                           "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        !r.ok())
        return r.error();
    auto v = conn.query("SELECT COALESCE(MAX(version), 0)::bigint FROM opsconsole.schema_migrations");
    if (!v.ok())
        return v.error();
    int version = static_cast<int>(v->i64(0, 0));
    if (version > kSchemaVersion)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("the team log's schema (version %1) is newer than this console knows (%2): "
                           "upgrade the console")
                .arg(version)
                .arg(kSchemaVersion),
            conn.label());
    if (version < 1) {
        if (auto r = conn.exec(kMigration1); !r.ok())
            return r.error();
        for (const char *t : kAppendOnlyV1)
            if (auto r = appendOnly(conn, t); !r.ok())
                return r.error();
        const std::string id = crypto::UuidSource().next();
        if (auto r = conn.run("INSERT INTO opsconsole.meta(key, value) VALUES ('store_id', $1)",
                              pg::Params().text(id));
            !r.ok())
            return r.error();
        if (auto r = conn.run("INSERT INTO opsconsole.schema_migrations(version) VALUES (1)"); !r.ok())
            return r.error();
        version = 1;
    }
    if (version < 2) {
        if (auto r = conn.exec(kMigration2); !r.ok())
            return r.error();
        for (const char *t : kAppendOnlyV2)
            if (auto r = appendOnly(conn, t); !r.ok())
                return r.error();
        if (auto r = conn.run("INSERT INTO opsconsole.schema_migrations(version) VALUES (2)"); !r.ok())
            return r.error();
        version = 2;
    }
    if (!appRole.isEmpty()) {
        // What a console needs and nothing more: read, add rows, move the head.
        const std::string role = appRole.toStdString();
        const std::string grants =
            "GRANT USAGE ON SCHEMA opsconsole TO " + role +
            "; GRANT SELECT ON opsconsole.meta, opsconsole.schema_migrations TO " + role +
            "; GRANT SELECT, INSERT ON opsconsole.events, opsconsole.merkle_nodes, opsconsole.checkpoints, "
            "opsconsole.blobs, opsconsole.cosignatures TO " +
            role + "; GRANT SELECT, UPDATE ON opsconsole.log_head TO " + role;
        if (auto r = conn.exec(grants.c_str()); !r.ok())
            return r.error();
    }
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return version;
}

Result<std::unique_ptr<PgEvidenceStore>>
PgEvidenceStore::open(const QString &url, const StoreOpenOptions &options, const QString &appRole) {
    auto conn = pg::Connection::connect(url);
    if (!conn.ok())
        return conn.error();
    std::unique_ptr<PgEvidenceStore> s(new PgEvidenceStore());
    s->m_conn = std::move(conn).value();
    s->m_options = options;
    if (options.create && !options.readOnly) {
        auto v = migrate(s->m_conn, appRole);
        if (!v.ok())
            return v.error();
    }
    auto v = s->m_conn.query("SELECT COALESCE(MAX(version), 0)::bigint FROM opsconsole.schema_migrations");
    if (!v.ok())
        return makeError(ErrorCode::Store,
                         QStringLiteral("no team log in this database (%1): its owner creates it with "
                                        "`opsconsole-cli init --store URL`")
                             .arg(v.error().message),
                         s->m_conn.label());
    s->m_schemaVersion = static_cast<int>(v->i64(0, 0));
    if (s->m_schemaVersion != kSchemaVersion)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("the team log's schema is version %1; this console needs %2 (its owner "
                           "migrates it with `opsconsole-cli init --store URL`)")
                .arg(s->m_schemaVersion)
                .arg(kSchemaVersion),
            s->m_conn.label());
    // A team log started from a local store (`evidence migrate`) carries that store's id on.
    auto adopted = s->meta(QStringLiteral("adopted_store_id"));
    if (!adopted.ok())
        return adopted.error();
    auto id = adopted->isEmpty() ? s->meta(QStringLiteral("store_id")) : adopted;
    if (!id.ok())
        return id.error();
    if (id->isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no store id"), s->m_conn.label());
    s->m_storeId = id.value();
    return s;
}

PgEvidenceStore::~PgEvidenceStore() = default;

namespace {

// The advisory lock key of the team log's recorder ("opsconsole recorder", one per database).
constexpr qint64 kRecorderLockKey = 0x6f70732d72656331; // "ops-rec1"

} // namespace

Result<bool> PgEvidenceStore::tryHoldRecorder() {
    auto r = m_conn.query("SELECT pg_try_advisory_lock($1)", pg::Params().i64(kRecorderLockKey));
    if (!r.ok())
        return r.error();
    return r->boolean(0, 0);
}

Result<void> PgEvidenceStore::releaseRecorder() {
    return m_conn.run("SELECT pg_advisory_unlock($1)", pg::Params().i64(kRecorderLockKey));
}

Result<QString> PgEvidenceStore::meta(const QString &key) const {
    auto r = m_conn.query("SELECT value FROM opsconsole.meta WHERE key = $1", pg::Params().text(key));
    if (!r.ok())
        return r.error();
    return r->count() ? r->text(0, 0) : QString();
}

Result<quint64> PgEvidenceStore::size() const {
    auto r = m_conn.query("SELECT size FROM opsconsole.log_head WHERE id = 1");
    if (!r.ok())
        return r.error();
    if (r->count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"), m_conn.label());
    return static_cast<quint64>(r->i64(0, 0));
}

namespace {

Result<merkle::TreeBuilder> frontierOf(const merkle::TreeReader &reader, quint64 size) {
    QList<QByteArray> frontier;
    for (const auto &[level, index] : merkle::TreeBuilder::frontierNodes(size))
        frontier.append(merkle::subtreeRoot(reader, index << level, (index + 1) << level));
    return merkle::TreeBuilder::fromFrontier(size, frontier);
}

} // namespace

Result<merkle::TreeBuilder> PgEvidenceStore::loadFrontier(quint64 size) const {
    return frontierOf(PgTreeReader(m_conn), size);
}

Result<merkle::TreeBuilder> PgEvidenceStore::frontierFrom(quint64 size, const pg::Rows &rows) const {
    return frontierOf(PrefetchedTreeReader(m_conn, rows), size);
}

bool PgEvidenceStore::checkpointAt(quint64 size) const {
    auto r = m_conn.query("SELECT 1 FROM opsconsole.checkpoints WHERE size = $1",
                          pg::Params().i64(static_cast<qint64>(size)));
    return r.ok() && r->count() == 1;
}

Result<qint64> PgEvidenceStore::timeHighWater() const {
    auto r = m_conn.query(
        "SELECT GREATEST(COALESCE((SELECT MAX(ts_ms) FROM opsconsole.events), 0), "
        "COALESCE((SELECT ts_ms FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1), 0))::bigint");
    if (!r.ok())
        return r.error();
    return r->i64(0, 0);
}

namespace {

// The identity events, counted: the registry is reloaded only when this changes.
constexpr const char *kIdentityKeySql =
    "SELECT COUNT(*)::bigint, COALESCE(MAX(seq), 0)::bigint FROM opsconsole.events "
    "WHERE kind >= 'identity.' AND kind < 'identity/'";

QByteArray registryKey(qint64 count, qint64 maxSeq) {
    return QByteArray::number(count) + ':' + QByteArray::number(maxSeq);
}

// What an append checks before it writes, read in one statement after the head is locked (so in a
// snapshot that sees every commit before the lock was granted): the events' top, the identity
// events' key, the time high-water mark and the latest checkpoint.
constexpr const char *kAppendStateSql =
    "SELECT (SELECT COALESCE(MAX(seq), 0) FROM opsconsole.events)::bigint, "
    "(SELECT COUNT(*) FROM opsconsole.events WHERE kind >= 'identity.' AND kind < 'identity/')::bigint, "
    "(SELECT COALESCE(MAX(seq), 0) FROM opsconsole.events "
    " WHERE kind >= 'identity.' AND kind < 'identity/')::bigint, "
    "GREATEST(COALESCE((SELECT MAX(ts_ms) FROM opsconsole.events), 0), COALESCE(cp.ts_ms, 0))::bigint, "
    "cp.canonical, cp.signature, cp.signer "
    "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT canonical, signature, signer, ts_ms "
    "FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1) cp ON true";

} // namespace

Result<IdentityRegistry> PgEvidenceStore::registry() const {
    auto r = m_conn.query(kIdentityKeySql);
    if (!r.ok())
        return r.error();
    return registryFor(registryKey(r->i64(0, 0), r->i64(0, 1)));
}

Result<IdentityRegistry> PgEvidenceStore::registryFor(const QByteArray &key) const {
    if (m_registryCache && m_registryCache->first == key)
        return m_registryCache->second;
    auto reg = IdentityRegistry::load(*this, m_options.trust);
    if (!reg.ok())
        return reg.error();
    m_registryCache.emplace(key, reg.value());
    return reg;
}

Result<QList<StoredEvent>> PgEvidenceStore::append(const Signer &signer, const QList<NewEvent> &events,
                                                   const QList<NewBlob> &blobs) {
    if (auto r = act::checkBlobs(*this, events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs);
}

Result<QList<StoredEvent>> PgEvidenceStore::appendInternal(const Signer &signer,
                                                           const QList<NewEvent> &events,
                                                           const QList<NewBlob> &blobs) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    if (const QString alarm = alarmPath(); !alarm.isEmpty() && QFile::exists(alarm))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to write: this console found the team log rewritten and "
                                        "raised the alarm; nothing is written to it until the alarm is "
                                        "investigated (see the alarm file)"),
                         alarm);
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    // Round trip one: begin, take the head row, read what the checks need.
    auto tx = pg::Transaction::pipelined(m_conn);
    pg::Pipeline pre;
    pre.add("BEGIN").add(pg::kLockHeadSql).add(kAppendStateSql).add(kFrontierSql);
    auto read = m_conn.run(pre);
    if (!read.ok())
        return read.error();
    const pg::Rows &head = read.value()[1];
    const pg::Rows &state = read.value()[2];
    if (head.count() != 1)
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"), m_conn.label());
    // The positions after n are this act's, and nobody else's, until it commits or rolls back.
    const quint64 n = static_cast<quint64>(head.i64(0, 0));
    if (static_cast<quint64>(state.i64(0, 0)) != n)
        return makeError(ErrorCode::Store,
                         QStringLiteral("refusing to append: the log head says %1 events, the log holds %2")
                             .arg(n)
                             .arg(state.i64(0, 0)),
                         m_conn.label());
    auto loaded = registryFor(registryKey(state.i64(0, 1), state.i64(0, 2)));
    if (!loaded.ok())
        return loaded.error();
    IdentityRegistry reg = std::move(loaded).value();
    auto plan = act::plan(reg, signer, events, n + 1, m_conn.label());
    if (!plan.ok())
        return plan.error();
    int markers = plan->markers;
    auto tree = frontierFrom(n, read.value()[3]);
    if (!tree.ok())
        return tree.error();
    const auto latest = [&]() -> Result<Checkpoint> {
        if (n == 0)
            return Checkpoint{};
        if (state.isNull(0, 4))
            return makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"),
                             m_conn.label());
        const QByteArrayView c = state.bytesView(0, 4);
        auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                            state.bytes(0, 5), state.text(0, 6));
        if (!cp)
            return makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"),
                             m_conn.label());
        return *cp;
    }();
    const auto signedBytes = [](const Checkpoint &c) -> QByteArray {
        return QByteArray::number(static_cast<qulonglong>(c.canonical.size())) + ':' +
               QByteArray::fromStdString(c.canonical) + c.storedSignature();
    };
    const bool checkedBefore = latest.ok() && n > 0 && signedBytes(latest.value()) == m_checkedHead;
    if (auto r = act::checkHead(
            reg, n, tree.value(), latest, [this](quint64 size) { return checkpointAt(size); }, m_conn.label(),
            checkedBefore);
        !r.ok())
        return r.error();
    qint64 latestTs = state.i64(0, 3);
    merkle::TreeBuilder builder = std::move(tree).value();
    pg::RowBatch eventRows = pg::eventBatch();
    pg::RowBatch nodeRows = pg::nodeBatch();
    const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
        if (level >= store::kNodeLevelMin)
            nodeRows.row().i64(level).i64(static_cast<qint64>(index)).bytes(hash);
    };
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    QList<StoredEvent> out;
    quint64 seq = n;
    for (const NewEvent &e : plan->batch) {
        const std::string uuid = uuids.next();
        auto sealed = act::seal(e, seq + 1, uuid,
                                e.tsMs    ? *e.tsMs
                                : actTime ? *actTime
                                          : m_options.clock(),
                                latestTs, signer, true, m_storeId, m_conn.label());
        if (!sealed.ok())
            return sealed.error();
        StoredEvent s = std::move(sealed).value();
        ++seq;
        latestTs = qMax(latestTs, s.tsMs);
        if (s.kind.startsWith(QLatin1String("identity.")))
            if (const QString why = reg.apply(s, e.payload); !why.isEmpty())
                return makeError(ErrorCode::Policy, why);
        const QByteArrayView canonical(s.canonical.data(), static_cast<qsizetype>(s.canonical.size()));
        s.leafHash = merkle::leafHash(canonical);
        pg::addEventRow(eventRows, s.seq, s.uuid, s.tsMs, s.actor, s.kind, s.scope, canonical, s.leafHash,
                        s.signedByActor);
        builder.append(s.leafHash, sink);
        if (markers > 0)
            --markers; // the era marker is not one of the caller's events
        else
            out.append(std::move(s));
    }
    auto cp =
        act::signCheckpoint(signer, builder, qMax(m_options.clock(), latestTs), m_storeId, m_options.origin);
    if (!cp.ok())
        return cp.error();
    // Round trip two: the act's rows, its checkpoint, the head, and COMMIT.
    pg::Pipeline write;
    eventRows.moveTo(write);
    nodeRows.moveTo(write);
    for (const NewBlob &b : blobs)
        write.add("INSERT INTO opsconsole.blobs(sha256, size, media_type, data) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT (sha256) DO NOTHING",
                  pg::Params().text(b.sha256).i64(b.bytes.size()).text(b.mediaType).bytes(b.bytes));
    write.add(pg::kInsertCheckpointSql, pg::checkpointRow(cp->size, cp->root, cp->tsMs, cp->signer,
                                                          cp->canonical, cp->storedSignature()));
    pg::publishHead(write, seq);
    write.add("COMMIT");
    if (auto r = m_conn.run(write); !r.ok())
        return r.error();
    tx.committed();
    m_checkedHead = signedBytes(cp.value());
    return out;
}

Result<quint64> PgEvidenceStore::importJsonl(const Signer &signer, const QString &file,
                                             const Progress &progress) {
    (void)signer;
    (void)progress;
    return makeError(ErrorCode::Usage,
                     QStringLiteral("bulk imports go to a local store; the team log takes them with "
                                    "`evidence migrate` (not in this version yet)"),
                     file);
}

Result<QList<StoredEvent>> PgEvidenceStore::readEvents(const char *sql, const pg::Params &params) const {
    auto r = m_conn.query(sql, params);
    if (!r.ok())
        return r.error();
    QList<StoredEvent> out;
    out.reserve(r->count());
    for (int i = 0; i < r->count(); ++i)
        out.append(readRow(r.value(), i));
    return out;
}

Result<StoredEvent> PgEvidenceStore::event(quint64 seq) const {
    const std::string sql = std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq = $1";
    auto r = readEvents(sql.c_str(), pg::Params().i64(static_cast<qint64>(seq)));
    if (!r.ok())
        return r.error();
    if (r->isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no event %1").arg(seq));
    return r->first();
}

Result<QList<StoredEvent>> PgEvidenceStore::events(quint64 fromSeq, int limit) const {
    const std::string sql =
        std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq >= $1 ORDER BY seq LIMIT $2";
    return readEvents(sql.c_str(),
                      pg::Params().i64(static_cast<qint64>(fromSeq)).i64(qBound(1, limit, 100000)));
}

Result<QList<StoredEvent>> PgEvidenceStore::query(const EventFilter &filter) const {
    // Empty filters match everything: each condition is skipped when its parameter is empty.
    QString upper = filter.kindPrefix;
    if (!upper.isEmpty())
        upper.back() = QChar(upper.back().unicode() + 1);
    std::string sql = std::string("SELECT ") + kEventCols +
                      " FROM opsconsole.events WHERE seq >= $1"
                      " AND ($2 = '' OR kind = $2) AND ($3 = '' OR scope = $3) AND ($4 = '' OR actor = $4)"
                      " AND ($5 = '' OR position(convert_to($5, 'UTF8') in canonical) > 0)"
                      " AND ($6 = '' OR (kind >= $6 AND kind < $7))";
    sql += filter.newestFirst ? " ORDER BY seq DESC LIMIT $8" : " ORDER BY seq LIMIT $8";
    return readEvents(sql.c_str(), pg::Params()
                                       .i64(static_cast<qint64>(filter.fromSeq))
                                       .text(filter.kind)
                                       .text(filter.scope)
                                       .text(filter.actor)
                                       .text(filter.text)
                                       .text(filter.kindPrefix)
                                       .text(upper)
                                       .i64(qBound(1, filter.limit, 100000)));
}

Result<Checkpoint> PgEvidenceStore::latestCheckpoint() const {
    auto r = m_conn.query(
        "SELECT canonical, signature, signer FROM opsconsole.checkpoints ORDER BY size DESC LIMIT 1");
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::Negative, QStringLiteral("the store has no checkpoint yet"),
                         m_conn.label());
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store, QStringLiteral("the latest checkpoint is malformed"),
                         m_conn.label());
    return *cp;
}

Result<qint64> PgEvidenceStore::sealedAtMs(quint64 seq) const {
    auto r = m_conn.query("SELECT canonical, signature, signer FROM opsconsole.checkpoints WHERE size >= $1 "
                          "ORDER BY size LIMIT 1",
                          pg::Params().i64(static_cast<qint64>(seq)));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return qint64(0);
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store,
                         QStringLiteral("the checkpoint over event %1 is malformed").arg(seq),
                         m_conn.label());
    return cp->tsMs;
}

Result<InclusionProofData> PgEvidenceStore::inclusionProof(quint64 seq, quint64 treeSize) const {
    auto n = size();
    if (!n.ok())
        return n.error();
    if (treeSize > n.value() || seq == 0 || seq > treeSize)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no event %1 in a tree of %2 (the store holds %3)")
                             .arg(seq)
                             .arg(treeSize)
                             .arg(n.value()));
    auto e = event(seq);
    if (!e.ok())
        return e.error();
    PgTreeReader reader(m_conn);
    auto path = merkle::inclusionProof(reader, seq - 1, treeSize);
    if (!path.ok())
        return path.error();
    return InclusionProofData{seq, treeSize, e->leafHash, path.value()};
}

Result<QList<QByteArray>> PgEvidenceStore::consistencyProof(quint64 oldSize, quint64 newSize) const {
    auto n = size();
    if (!n.ok())
        return n.error();
    if (newSize > n.value())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the store holds only %1 events").arg(n.value()));
    PgTreeReader reader(m_conn);
    return merkle::consistencyProof(reader, oldSize, newSize);
}

Result<StoredEvent> PgEvidenceStore::attach(const Signer &signer, const QString &name,
                                            const QByteArray &bytes, const QString &mediaType,
                                            const QString &scope) {
    auto blob = makeBlob(name, bytes, mediaType);
    if (!blob.ok())
        return blob.error();
    auto out = append(signer, {attachmentEvent(blob.value(), scope)}, {blob.value()});
    if (!out.ok())
        return out.error();
    return out->first();
}

Result<QByteArray> PgEvidenceStore::blob(const QString &sha256Hex) const {
    auto r = m_conn.query("SELECT data FROM opsconsole.blobs WHERE sha256 = $1",
                          pg::Params().text(sha256Hex.toLower()));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return r->bytes(0, 0);
}

Result<BlobInfo> PgEvidenceStore::blobInfo(const QString &sha256Hex) const {
    auto r = m_conn.query("SELECT size, media_type FROM opsconsole.blobs WHERE sha256 = $1",
                          pg::Params().text(sha256Hex.toLower()));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no attachment with SHA-256 %1").arg(sha256Hex));
    return BlobInfo{sha256Hex.toLower(), r->i64(0, 0), r->text(0, 1)};
}

Result<QList<Identity>> PgEvidenceStore::identities() const {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    return act::identitiesOf(reg.value());
}

Result<Identity> PgEvidenceStore::identity(const QString &name) const {
    auto all = identities();
    if (!all.ok())
        return all.error();
    for (const Identity &i : all.value())
        if (i.name == name)
            return i;
    return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
}

Result<VerifyReport> PgEvidenceStore::verify(const VerifyOptions &options, const Progress &progress) {
    // One snapshot for every page read, while other consoles go on appending.
    auto tx = pg::Transaction::begin(m_conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!tx.ok())
        return tx.error();
    PgLogSource source(m_conn);
    auto verified = verifyLog(source, m_storeId, m_options.trust, options, progress);
    if (!verified.ok())
        return verified.error();
    VerifyReport report = std::move(verified).value();
    // The head row must agree with the events (a head moved past them hides nothing, but a head
    // behind them would hand out positions twice).
    if (auto n = size(); n.ok() && n.value() != report.events)
        recordFailure(report, qMin(n.value(), report.events) + 1,
                      QStringLiteral("the log head says %1 events, the log holds %2")
                          .arg(n.value())
                          .arg(report.events));
    // Every stored cosignature verifies; the largest checkpoint that has its quorum is reported.
    report.witnessing = true;
    report.witnessQuorum = m_options.trust.witnessQuorum;
    auto reg = registry();
    auto cosigs = cosignatures();
    if (!reg.ok() || !cosigs.ok())
        return !reg.ok() ? reg.error() : cosigs.error();
    QHash<quint64, QStringList> valid;
    for (const Cosignature &c : cosigs.value()) {
        auto cp = checkpointOfSize(c.size);
        const QString problem = cp.ok() ? cosignatureProblem(reg.value(), cp.value(), c) : cp.error().message;
        if (!problem.isEmpty())
            recordFailure(report, c.size,
                          QStringLiteral("checkpoint at size %1: %2").arg(c.size).arg(problem));
        else
            valid[c.size] << c.witness;
    }
    const int needed = qMax(1, m_options.trust.witnessQuorum);
    for (auto it = valid.cbegin(); it != valid.cend(); ++it)
        if (it.value().size() >= needed && it.key() > report.witnessedSize) {
            report.witnessedSize = it.key();
            report.witnesses = it.value();
        }
    report.intact = report.reason.isEmpty();
    if (progress)
        progress(report.events, report.events);
    return report;
}

QString PgEvidenceStore::alarmPath() const {
    return alarmPathFor(m_options.anchorDirectory, m_storeId);
}

QString PgEvidenceStore::alarmPathFor(const QString &anchorDirectory, const QString &storeId) {
    if (anchorDirectory.isEmpty() || storeId.isEmpty())
        return {};
    return anchorDirectory + QStringLiteral("/witness/") + storeId + QStringLiteral(".rewritten");
}

Result<QList<StoredEvent>> PgEvidenceStore::eventsAfter(quint64 after, int limit) const {
    const std::string sql =
        std::string("SELECT ") + kEventCols + " FROM opsconsole.events WHERE seq > $1 ORDER BY seq LIMIT $2";
    return readEvents(sql.c_str(),
                      pg::Params().i64(static_cast<qint64>(after)).i64(qBound(1, limit, 100000)));
}

Result<Checkpoint> PgEvidenceStore::checkpointOfSize(quint64 size) const {
    auto r = m_conn.query("SELECT canonical, signature, signer FROM opsconsole.checkpoints WHERE size = $1",
                          pg::Params().i64(static_cast<qint64>(size)));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no checkpoint of size %1").arg(size),
                         m_conn.label());
    const QByteArrayView c = r->bytesView(0, 0);
    auto cp = Checkpoint::fromCanonical(std::string(c.data(), static_cast<std::size_t>(c.size())),
                                        r->bytes(0, 1), r->text(0, 2));
    if (!cp)
        return makeError(ErrorCode::Store, QStringLiteral("the checkpoint of size %1 is malformed").arg(size),
                         m_conn.label());
    return *cp;
}

Result<void> PgEvidenceStore::addCosignature(quint64 cpSize, const crypto::note::NoteSignature &signature) {
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_conn.label());
    auto n = size();
    if (!n.ok())
        return n.error();
    // A console cosigns a checkpoint once; a second cosignature of the same size is not news.
    // The statement's notification reaches the other consoles' status bars (the store watcher) at commit.
    return m_conn.run(
        "WITH added AS (INSERT INTO opsconsole.cosignatures(size, witness, key_id, data, at_size) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (size, witness) DO NOTHING RETURNING size) "
        "SELECT pg_notify('opsconsole_log', 'cosigned ' || size::text) FROM added",
        pg::Params()
            .i64(static_cast<qint64>(cpSize))
            .text(signature.name)
            .bytes(signature.keyId)
            .bytes(signature.data)
            .i64(static_cast<qint64>(n.value())));
}

Result<QList<PgEvidenceStore::Cosignature>> PgEvidenceStore::cosignatures(quint64 fromSize) const {
    auto r = m_conn.query("SELECT size, witness, key_id, data, at_size FROM opsconsole.cosignatures "
                          "WHERE size >= $1 ORDER BY size, witness",
                          pg::Params().i64(static_cast<qint64>(fromSize)));
    if (!r.ok())
        return r.error();
    QList<Cosignature> out;
    for (int i = 0; i < r->count(); ++i)
        out.append(Cosignature{static_cast<quint64>(r->i64(i, 0)), r->text(i, 1),
                               crypto::note::NoteSignature{r->text(i, 1), r->bytes(i, 2), r->bytes(i, 3)},
                               static_cast<quint64>(r->i64(i, 4))});
    return out;
}

QString PgEvidenceStore::cosignatureProblem(const IdentityRegistry &reg, const Checkpoint &cp,
                                            const Cosignature &c) const {
    if (c.witness == cp.signer)
        return QStringLiteral("'%1' cosigned its own checkpoint").arg(c.witness);
    const QByteArray pem = reg.keyAt(c.witness, c.atSize + 1);
    if (pem.isEmpty())
        return QStringLiteral("'%1' could not act when it cosigned: %2")
            .arg(c.witness, reg.refusalAt(c.witness, {}, c.atSize + 1));
    auto key = crypto::PublicKey::fromPem(pem);
    if (!key.ok() || !cp.isNote() ||
        !crypto::note::verifyCosignature(cp.canonical, c.signature, c.witness, key.value()))
        return QStringLiteral("the cosignature by '%1' does not verify").arg(c.witness);
    return {};
}

Result<QStringList> PgEvidenceStore::witnessesOf(const Checkpoint &cp) const {
    auto rows = m_conn.query(
        "SELECT size, witness, key_id, data, at_size FROM opsconsole.cosignatures WHERE size = $1 "
        "ORDER BY witness",
        pg::Params().i64(static_cast<qint64>(cp.size)));
    if (!rows.ok())
        return rows.error();
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    QStringList out;
    for (int i = 0; i < rows->count(); ++i) {
        const Cosignature c{
            cp.size, rows->text(i, 1),
            crypto::note::NoteSignature{rows->text(i, 1), rows->bytes(i, 2), rows->bytes(i, 3)},
            static_cast<quint64>(rows->i64(i, 4))};
        if (cosignatureProblem(reg.value(), cp, c).isEmpty())
            out << c.witness;
    }
    return out;
}

Result<void> PgEvidenceStore::backup(const QString &outPath, const Progress &progress) {
    (void)progress;
    return makeError(ErrorCode::Usage,
                     QStringLiteral("a team log is backed up with the database's own tools (pg_dump) or as a "
                                    "verifiable bundle (`evidence export`)"),
                     outPath);
}

} // namespace ops
