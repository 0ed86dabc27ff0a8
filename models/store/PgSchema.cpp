// The team log's schema: numbered migrations run by the owner role, append-only by triggers and
// by grants (the application role has no UPDATE or DELETE).
#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"

#include "core/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

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

} // namespace ops
