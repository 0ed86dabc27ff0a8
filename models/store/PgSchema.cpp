// The team log's schema: numbered migrations run by the owner role, append-only by triggers and
// by grants (the application role has no UPDATE or DELETE).
#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"
#include "pg/WordFolding.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

// A one-row head (a size that only grows): its row is never removed, its size never goes back.
std::string forwardOnlyHead(const std::string &table, const std::string &prefix) {
    const std::string on = " ON opsconsole." + table;
    return "\nCREATE TRIGGER " + prefix + "_forward BEFORE UPDATE" + on +
           " FOR EACH ROW EXECUTE FUNCTION opsconsole.head_moves_forward();\nCREATE TRIGGER " + prefix +
           "_kept BEFORE DELETE" + on +
           " FOR EACH ROW EXECUTE FUNCTION opsconsole.refuse_change();\nCREATE TRIGGER " + prefix +
           "_not_truncated BEFORE TRUNCATE" + on +
           " FOR EACH STATEMENT EXECUTE FUNCTION opsconsole.refuse_change();";
}

std::string migration1() {
    return R"SQL(
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
)SQL" + forwardOnlyHead("log_head", "head") +
           R"SQL(
INSERT INTO opsconsole.log_head(id, size) VALUES (1, 0);
)SQL";
}

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

// Migration 3: search indexes over the events — the ids each names (an incident, run, record or
// launch) and its words — so that a search by id or by words reads an index instead of parsing
// every event. Appends do not pay for them: a search moves them on first, in a short transaction of
// its own, by at most 100,000 events (opsconsole.index_events(n), which runs as the owner, so the
// application role only reads them; a search that finds another one indexing does not wait), and
// reads the events past the indexed head itself; the migration, and a migration of a local store
// into the team log, index the events already there. An event the indexes cannot hold (bytes that
// are not UTF-8 JSON, which only a tampered log has, or words beyond a text-search vector's size) is
// listed in event_index_skipped instead of stopping them; searches through the indexes do not find
// it (verify names such an event). Words are indexed by their first 250 characters (a longer
// search token matches as that prefix).
// `refs` false: the words only (migration 4 indexes them again); `folded`: as pg::tokensSql.
std::string indexBlock(const std::string &source, bool refs, bool folded) {
    const auto insert = [refs, folded](const std::string &from) {
        return (refs ? "INSERT INTO opsconsole.event_refs(seq, ref) SELECT DISTINCT n.seq, n.v FROM (" +
                           pg::refsSelect(from) + ") n ON CONFLICT DO NOTHING; "
                     : std::string()) +
               "INSERT INTO opsconsole.event_words(seq, words) SELECT w.seq, "
               "array_to_tsvector(ARRAY(SELECT DISTINCT left(t, 250) FROM "
               "unnest(string_to_array(btrim(w.doc), "
               "' ')) t)) FROM (" +
               pg::wordsSelect(from, folded) + ") w ON CONFLICT DO NOTHING;";
    };
    return "BEGIN " + insert(source) +
           " EXCEPTION WHEN data_exception OR program_limit_exceeded THEN FOR one IN SELECT seq, kind, "
           "scope, actor, canonical FROM " +
           source + " LOOP BEGIN " +
           insert("(SELECT one.seq AS seq, one.kind AS kind, one.scope AS scope, one.actor AS actor, "
                  "one.canonical AS canonical) src") +
           " EXCEPTION WHEN data_exception OR program_limit_exceeded THEN INSERT INTO "
           "opsconsole.event_index_skipped(seq) VALUES (one.seq) ON CONFLICT DO NOTHING; END; END LOOP; END;";
}

// opsconsole.index_events(n): moves the search indexes on by at most n events (see indexBlock);
// `folded`: its words as pg::tokensSql folds them (migration 4 on).
std::string indexEventsFunction(bool folded) {
    return R"SQL(
CREATE OR REPLACE FUNCTION opsconsole.index_events(max_events bigint) RETURNS bigint LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET standard_conforming_strings = on AS $$
DECLARE done bigint; upto bigint; one record;
BEGIN
SELECT size INTO done FROM opsconsole.event_index_head WHERE id = 1 FOR UPDATE SKIP LOCKED;
IF NOT FOUND THEN
    RETURN (SELECT size FROM opsconsole.event_index_head WHERE id = 1);
END IF;
SELECT least(size, done + least(greatest(coalesce(max_events, 100000), 1), 100000)) INTO upto
    FROM opsconsole.log_head WHERE id = 1;
IF upto <= done THEN
    RETURN done;
END IF;
)SQL" +
           indexBlock(
               "(SELECT seq, kind, scope, actor, canonical FROM opsconsole.events WHERE seq > done AND "
               "seq <= upto) src",
               true, folded) +
           R"SQL(
UPDATE opsconsole.event_index_head SET size = upto WHERE id = 1;
RETURN upto;
END $$;
REVOKE ALL ON FUNCTION opsconsole.index_events(bigint) FROM PUBLIC;
)SQL";
}

std::string migration3() {
    return R"SQL(
CREATE TABLE opsconsole.event_refs(ref text NOT NULL, seq bigint NOT NULL, PRIMARY KEY (ref, seq));
CREATE INDEX event_refs_seq ON opsconsole.event_refs(seq);
CREATE TABLE opsconsole.event_words(seq bigint PRIMARY KEY, words tsvector NOT NULL);
CREATE INDEX event_words_words ON opsconsole.event_words USING gin(words);
CREATE TABLE opsconsole.event_index_skipped(seq bigint PRIMARY KEY);
CREATE TABLE opsconsole.event_index_head(id integer PRIMARY KEY CHECK (id = 1), size bigint NOT NULL);
INSERT INTO opsconsole.event_index_head(id, size) VALUES (1, 0);
)SQL" + forwardOnlyHead("event_index_head", "index_head") +
           indexEventsFunction(false) +
           R"SQL(
DO $$
BEGIN
    LOOP
        EXIT WHEN opsconsole.index_events(100000) >= (SELECT size FROM opsconsole.log_head WHERE id = 1);
    END LOOP;
END $$;
)SQL";
}

// Migration 4: the words of the search index fold letters beyond ASCII as the local file's index
// does ("Prufung" finds "Prüfung"): opsconsole.fold_words, the word index built again with it (as
// far as it had come) and index_events moving it on with it. The team log's words need a UTF8
// database for it.
std::string migration4() {
    return R"SQL(
SET LOCAL standard_conforming_strings = on;
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
        RAISE EXCEPTION 'the team log needs a UTF8 database; this one is %', pg_catalog.getdatabaseencoding();
    END IF;
END $$;
)SQL" + pg::foldWordsFunctionSql() +
           R"SQL(
DO $$
DECLARE readers text[]; reader text;
BEGIN
    -- Whoever could read the word index before reads the new one, and nobody else.
    SELECT coalesce(array_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END), '{}')
        INTO readers
        FROM pg_catalog.pg_class c CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
        WHERE c.oid = 'opsconsole.event_words'::regclass AND a.privilege_type = 'SELECT'
            AND a.grantee <> c.relowner;
    DROP TABLE opsconsole.event_words;
    CREATE TABLE opsconsole.event_words(seq bigint PRIMARY KEY, words tsvector NOT NULL);
    CREATE INDEX event_words_words ON opsconsole.event_words USING gin(words);
    FOREACH reader IN ARRAY readers LOOP
        EXECUTE 'GRANT SELECT ON opsconsole.event_words TO ' || reader;
    END LOOP;
END $$;
)SQL" + indexEventsFunction(true) +
           R"SQL(
DO $$
DECLARE done bigint := 0; upto bigint; one record;
BEGIN
    SELECT size INTO upto FROM opsconsole.event_index_head WHERE id = 1;
    WHILE done < upto LOOP
)SQL" +
           indexBlock("(SELECT seq, kind, scope, actor, canonical FROM opsconsole.events WHERE seq > done "
                      "AND seq <= "
                      "least(done + 100000, upto)) src",
                      false, true) +
           R"SQL(
        done := least(done + 100000, upto);
    END LOOP;
END $$;
)SQL";
}

// Append-only tables: rows are never changed or removed, not even by the owner.
Result<void> appendOnly(pg::Connection &conn, const char *table) {
    const std::string t(table);
    const std::string sql = "CREATE TRIGGER " + t + "_append_only BEFORE UPDATE OR DELETE ON opsconsole." +
                            t + " FOR EACH ROW EXECUTE FUNCTION opsconsole.refuse_change(); CREATE TRIGGER " +
                            t + "_not_truncated BEFORE TRUNCATE ON opsconsole." + t +
                            " FOR EACH STATEMENT EXECUTE FUNCTION opsconsole.refuse_change()";
    return conn.exec(sql.c_str());
}

} // namespace

namespace pg {

std::string tokensSql(const std::string &expr, bool folded) {
    // Under the "C" collation whatever the database's locale: the events' text (convert_from gives
    // it that collation) and a search's terms split and lower-case alike on every server.
    const std::string text = folded ? "opsconsole.fold_words((" + expr + ")::text)" : "(" + expr + ")::text";
    return "regexp_replace(lower(" + text + " COLLATE \"C\"), '[^[:alnum:]]+', ' ', 'g')";
}

std::string wordsSelect(const std::string &source, bool folded) {
    return "SELECT c.seq, ' ' || " +
           tokensSql(
               "c.kind || ' ' || c.scope || ' ' || c.actor || ' ' || substr(c.raw, c.p1, greatest(0, c.p2 "
               "- c.p1))",
               folded) +
           " || ' ' AS doc FROM (SELECT r.seq, r.kind, r.scope, r.actor, r.raw, strpos(r.raw, "
           "'\"payload\":') + "
           "10 AS p1, length(r.raw) - strpos(reverse(r.raw), ':\"epocs\",') - 7 AS p2 FROM (SELECT seq, "
           "kind, "
           "scope, actor, convert_from(canonical, 'UTF8') AS raw FROM " +
           source + ") r) c";
}

std::string refsSelect(const std::string &source) {
    const auto str = [](const char *path) {
        return std::string("CASE json_typeof(x.d #> '") + path + "') WHEN 'string' THEN x.d #>> '" + path +
               "' END";
    };
    const std::string chosen = "upper(" + str("{payload,id}") + ")";
    return "SELECT x.seq, r.v FROM (SELECT e0.seq, e0.kind, replace(e0.raw, '\\u0000', '\\ufffd')::json AS d "
           "FROM (SELECT seq, kind, convert_from(canonical, 'UTF8') AS raw FROM " +
           source + ") e0) x CROSS JOIN LATERAL (VALUES (" + str("{payload,incident}") + "), (" +
           str("{payload,run}") + "), (CASE json_typeof(x.d #> '{payload,record}') WHEN 'string' THEN " +
           "x.d #>> '{payload,record}' WHEN 'object' THEN " + str("{payload,record,id}") + " END), (" +
           str("{payload,launch}") + "), (CASE x.kind WHEN 'incident.opened' THEN coalesce(" + chosen +
           ", 'INC-' || x.seq) WHEN 'runbook.started' THEN coalesce(" + chosen +
           ", 'RUN-' || x.seq) WHEN 'rollback.started' THEN coalesce(" + chosen +
           ", 'RUN-' || x.seq) END)) AS r(v) WHERE r.v IS NOT NULL AND r.v <> ''";
}

std::string indexEventsFunctionSql(bool folded) {
    return indexEventsFunction(folded);
}

} // namespace pg

Result<int> pg::migrateSchema(Connection &conn, const QString &appRole) {
    static const QRegularExpression roleRe(QStringLiteral("^[a-z_][a-z0-9_]{0,62}\\z"));
    static const QStringList reserved{QStringLiteral("public"),       QStringLiteral("current_user"),
                                      QStringLiteral("session_user"), QStringLiteral("current_role"),
                                      QStringLiteral("none"),         QStringLiteral("all")};
    if (!appRole.isEmpty() && (!roleRe.match(appRole).hasMatch() || reserved.contains(appRole)))
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
    if (version > PgEvidenceStore::kSchemaVersion)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("the team log's schema (version %1) is newer than this console knows (%2): "
                           "upgrade the console")
                .arg(version)
                .arg(PgEvidenceStore::kSchemaVersion),
            conn.label());
    // Each migration: its statements, then its tables made append-only, then its number recorded.
    const auto apply = [&conn](int number, const std::string &sql,
                               std::initializer_list<const char *> tables) -> Result<void> {
        if (auto r = conn.exec(sql.c_str()); !r.ok())
            return r.error();
        for (const char *t : tables)
            if (auto r = appendOnly(conn, t); !r.ok())
                return r.error();
        return conn.run("INSERT INTO opsconsole.schema_migrations(version) VALUES ($1)",
                        pg::Params().i64(number));
    };
    if (version < 1) {
        if (auto r = apply(1, migration1(),
                           {"meta", "events", "merkle_nodes", "checkpoints", "blobs", "schema_migrations"});
            !r.ok())
            return r.error();
        const std::string id = crypto::UuidSource().next();
        if (auto r = conn.run("INSERT INTO opsconsole.meta(key, value) VALUES ('store_id', $1)",
                              pg::Params().text(id));
            !r.ok())
            return r.error();
        version = 1;
    }
    if (version < 2) {
        if (auto r = apply(2, kMigration2, {"cosignatures"}); !r.ok())
            return r.error();
        version = 2;
    }
    if (version < 3) {
        if (auto r = apply(3, migration3(), {"event_refs", "event_words", "event_index_skipped"}); !r.ok())
            return r.error();
        version = 3;
    }
    if (version < 4) {
        if (auto r = apply(4, migration4(), {"event_words"}); !r.ok())
            return r.error();
        version = 4;
    }
    if (!appRole.isEmpty()) {
        // What a console needs and nothing more: read, add rows, move the head.
        const std::string role = appRole.toStdString();
        const std::string grants =
            "GRANT USAGE ON SCHEMA opsconsole TO " + role +
            "; GRANT SELECT ON opsconsole.meta, opsconsole.schema_migrations, opsconsole.event_refs, "
            "opsconsole.event_words, opsconsole.event_index_skipped, opsconsole.event_index_head TO " +
            role +
            "; GRANT EXECUTE ON FUNCTION opsconsole.index_events(bigint), opsconsole.fold_words(text) TO " +
            role +
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

} // namespace ops
