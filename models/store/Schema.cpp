#include "Schema.h"

#include "core/Time.h"

#include <array>
#include <string>

namespace ops::store {

namespace {

// Evidence tables are append-only: UPDATE and DELETE are refused by triggers.
constexpr const char *kSchemaV1 = R"SQL(
CREATE TABLE schema_version(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events(
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    canonical BLOB NOT NULL,
    leaf_hash BLOB NOT NULL,
    signed INTEGER NOT NULL
);
CREATE TABLE merkle_nodes(level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                          PRIMARY KEY(level, idx)) WITHOUT ROWID;
CREATE TABLE checkpoints(
    size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    ts_ms INTEGER NOT NULL,
    signer TEXT NOT NULL,
    canonical BLOB NOT NULL,
    signature BLOB NOT NULL
);
CREATE TABLE blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, media_type TEXT NOT NULL, data BLOB NOT NULL);
)SQL";

// Operational state of the monitor — not evidence: raw probe samples (pruned after the retention
// window), the last known state of every target and alert cell (so transitions are detected across
// restarts and the CLI sees what the console sees). What changes is recorded as events.
constexpr const char *kSchemaV2 = R"SQL(
CREATE TABLE probe_samples(
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT NOT NULL,
    latency_ms INTEGER NOT NULL,
    age_s INTEGER,
    checked_at_ms INTEGER NOT NULL
);
CREATE INDEX probe_samples_scope ON probe_samples(scope, checked_at_ms);
CREATE INDEX probe_samples_time ON probe_samples(checked_at_ms);
CREATE TABLE probe_states(
    target TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT NOT NULL,
    since_ms INTEGER NOT NULL,
    checked_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE alert_cells(
    alert TEXT NOT NULL,
    scope TEXT NOT NULL,
    state TEXT NOT NULL,
    severity TEXT NOT NULL,
    since_ms INTEGER NOT NULL,
    detail TEXT NOT NULL,
    consecutive_bad INTEGER NOT NULL,
    consecutive_good INTEGER NOT NULL,
    acknowledged_by TEXT NOT NULL,
    note TEXT NOT NULL,
    evaluated_at_ms INTEGER NOT NULL,
    PRIMARY KEY(alert, scope)
) WITHOUT ROWID;
)SQL";

// Search indexes over the events, kept by a trigger in the same transaction as each insert and
// filled for the events already there: full text (FTS5, contentless: it stores the index, not
// a second copy of the text) over kind, scope, actor and payload; and the references an event
// names (incident, run, derivation record, launch) for "everything about this incident".
// Both are derived from the events and can be rebuilt from them; neither is evidence.
// One row (seq, v) per reference an event names: the ids in its payload, and the id it gives
// itself (the incident or run it opens: its chosen id, or "INC-<seq>" / "RUN-<seq>" when it has
// none). `row` is "" or "new.".
std::string refRows(const std::string &row, const std::string &from) {
    const std::string doc = "CAST(" + row + "canonical AS TEXT)";
    const std::string seq = row + "seq";
    struct Path {
        const char *text;
        const char *objectId; // when the field is an object, the id inside it
    };
    const Path paths[] = {{"$.payload.incident", nullptr},
                          {"$.payload.run", nullptr},
                          {"$.payload.record", "$.payload.record.id"},
                          {"$.payload.launch", nullptr}};
    std::string sql;
    for (const Path &p : paths) {
        if (!sql.empty())
            sql += " UNION ALL ";
        sql += "SELECT " + seq + " AS seq, CASE json_type(" + doc + ", '" + p.text +
               "') WHEN 'text' THEN json_extract(" + doc + ", '" + p.text + "')";
        if (p.objectId)
            sql += " WHEN 'object' THEN json_extract(" + doc + ", '" + p.objectId + "')";
        sql += " END AS v" + from + " WHERE json_valid(" + doc + ")";
    }
    // The id an opener chose (upper-cased, as the fold spells it), else its position id.
    const std::string chosen = "upper(CASE WHEN json_valid(" + doc + ") AND json_type(" + doc +
                               ", '$.payload.id') = 'text' THEN json_extract(" + doc +
                               ", '$.payload.id') END)";
    sql += " UNION ALL SELECT " + seq + " AS seq, CASE " + row +
           "kind WHEN 'incident.opened' THEN coalesce(" + chosen + ", 'INC-' || " + seq +
           ") WHEN 'runbook.started' THEN coalesce(" + chosen + ", 'RUN-' || " + seq +
           ") WHEN 'rollback.started' THEN coalesce(" + chosen + ", 'RUN-' || " + seq + ") END AS v" + from;
    return "INSERT OR IGNORE INTO event_refs(ref, seq) SELECT v, seq FROM (" + sql +
           ") WHERE v IS NOT NULL AND v <> ''";
}

// What the full-text index holds of an event: its kind, scope, actor and payload text.
std::string searchText(const std::string &row) {
    // An event whose bytes are not JSON (only a tampered store has one) is indexed as its raw text.
    const std::string doc = "CAST(" + row + "canonical AS TEXT)";
    return row + "kind || ' ' || " + row + "scope || ' ' || " + row +
           "actor || ' ' || coalesce(CASE WHEN json_valid(" + doc + ") THEN json_extract(" + doc +
           ", '$.payload') ELSE " + doc + " END, '')";
}

std::string searchSchema() {
    const std::string body = searchText("");
    const std::string newBody = searchText("new.");
    std::string sql = R"SQL(
CREATE VIRTUAL TABLE events_fts USING fts5(body, content='', tokenize="unicode61 remove_diacritics 2");
CREATE TABLE event_refs(ref TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(ref, seq)) WITHOUT ROWID;
CREATE INDEX event_refs_seq ON event_refs(seq);
)SQL";
    sql += "INSERT INTO events_fts(rowid, body) SELECT seq, " + body + " FROM events;\n";
    sql += refRows("", " FROM events") + ";\n";
    sql += "CREATE TRIGGER events_search_index AFTER INSERT ON events BEGIN\n"
           "  INSERT INTO events_fts(rowid, body) VALUES(new.seq, " +
           newBody +
           ");\n"
           "  " +
           refRows("new.", "") +
           ";\n"
           "END;\n";
    return sql;
}

// Version 4: the search indexes are no longer kept by a per-row trigger. Interactive appends
// index their events in their own transaction (when the index is current); a bulk import leaves
// them to catch up afterwards in chunks (indexForSearch), so the import runs at full speed.
// search_state remembers how far the index reaches; a v3 store was fully indexed.
constexpr const char *kSchemaV4 = R"SQL(
DROP TRIGGER IF EXISTS events_search_index;
CREATE TABLE search_state(id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL);
INSERT INTO search_state(id, indexed_upto) SELECT 1, coalesce(max(seq), 0) FROM events;
)SQL";

// Version 5: each row of probe_states carries who recorded it and their signature over it, so
// the time a target was last probed (launch day wants every critical target probed within a day)
// cannot be made fresh by editing the file: an unsigned or edited row's time does not count.
constexpr const char *kSchemaV5 = R"SQL(
ALTER TABLE probe_states ADD COLUMN signer TEXT NOT NULL DEFAULT '';
ALTER TABLE probe_states ADD COLUMN signature BLOB;
)SQL";

// Version 6: each row of probe_states keeps its reason's words beside the English text, so a
// console following another recorder shows the reason in its own language.
constexpr const char *kSchemaV6 = R"SQL(
ALTER TABLE probe_states ADD COLUMN reason_words TEXT NOT NULL DEFAULT '';
)SQL";

std::string appendOnlyTriggers() {
    std::string sql;
    for (const char *table : {"events", "merkle_nodes", "checkpoints", "blobs"}) {
        for (const char *op : {"UPDATE", "DELETE"}) {
            sql += std::string("CREATE TRIGGER ") + table + "_no_" + op + " BEFORE " + op + " ON " + table +
                   " BEGIN SELECT RAISE(ABORT, 'evidence is append-only: " + op + " on " + table +
                   " refused'); END;\n";
        }
    }
    return sql;
}

} // namespace

std::array<std::string, 2> searchIndexRangeSql() {
    const std::string range =
        " FROM (SELECT seq, kind, scope, actor, canonical FROM events WHERE seq > ?1 AND seq <= ?2)";
    return {"INSERT INTO events_fts(rowid, body) SELECT seq, " + searchText("") + range, refRows("", range)};
}

QList<QPair<const char *, const char *>> eventIndexes() {
    return {{"events_kind", "CREATE INDEX events_kind ON events(kind, seq)"},
            {"events_scope", "CREATE INDEX events_scope ON events(scope, seq)"},
            {"events_actor", "CREATE INDEX events_actor ON events(actor, seq)"},
            {"events_ts", "CREATE INDEX events_ts ON events(ts_ms)"}};
}

namespace {

struct Migration {
    int version;
    std::string sql;
};

QList<Migration> migrations() {
    std::string v1 = kSchemaV1;
    for (const auto &[name, sql] : eventIndexes()) {
        Q_UNUSED(name)
        v1 += std::string(sql) + ";\n";
    }
    v1 += appendOnlyTriggers();
    return {Migration{1, v1},        Migration{2, kSchemaV2}, Migration{3, searchSchema()},
            Migration{4, kSchemaV4}, Migration{5, kSchemaV5}, Migration{6, kSchemaV6}};
}

} // namespace

QStringList projectionTables() {
    return {QStringLiteral("identities")};
}

Result<void> createProjectionTables(Database &db, const char *schema) {
    const std::string s(schema);
    return db.exec("CREATE TABLE IF NOT EXISTS " + s +
                   ".identities(name TEXT PRIMARY KEY, roles TEXT NOT NULL, public_key TEXT NOT NULL,"
                   " fingerprint TEXT NOT NULL, created_seq INTEGER NOT NULL);");
}

Result<int> schemaVersion(Database &db) {
    auto st = Statement::prepare(db, "PRAGMA user_version");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return static_cast<int>(st->int64(0));
}

Result<void> migrate(Database &db) {
    auto current = schemaVersion(db);
    if (!current.ok())
        return current.error();
    if (current.value() > kSchemaVersion)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("the store has schema version %1, newer than this program understands (%2); "
                           "use a newer opsconsole")
                .arg(current.value())
                .arg(kSchemaVersion),
            db.path());
    for (const Migration &m : migrations()) {
        if (m.version <= current.value())
            continue;
        auto tx = Transaction::begin(db);
        if (!tx.ok())
            return tx.error();
        // Another process may have migrated while we waited for the lock.
        auto again = schemaVersion(db);
        if (!again.ok())
            return again.error();
        if (again.value() >= m.version)
            continue;
        if (auto r = db.exec(m.sql); !r.ok())
            return r;
        if (m.version == 1)
            if (auto r = createProjectionTables(db, "main"); !r.ok())
                return r;
        auto st = Statement::prepare(db, "INSERT INTO schema_version(version, applied_at) VALUES(?, ?)");
        if (!st.ok())
            return st.error();
        if (auto r = st->bind(1, qint64(m.version)).bind(2, Time::toIso(Time::nowMs())).run(); !r.ok())
            return r;
        if (auto r = db.exec("PRAGMA application_id=" + std::to_string(kApplicationId) +
                             "; PRAGMA user_version=" + std::to_string(m.version));
            !r.ok())
            return r;
        if (auto r = tx->commit(); !r.ok())
            return r;
    }
    return {};
}

} // namespace ops::store
