#pragma once

// The team log's rows as every writer inserts them (append, migrate): one spelling of each table's
// columns, the head lock and the head's move.

#include "Pg.h"

#include <QString>

#include <string>

namespace ops::pg {

// The one counter row: whoever holds it appends next; everyone else waits here.
inline constexpr const char *kLockHeadSql = "SELECT size FROM opsconsole.log_head WHERE id = 1 FOR UPDATE";

// The head moves and every listening console hears of it at commit (the store watcher).
inline void publishHead(Pipeline &p, quint64 size) {
    p.add("UPDATE opsconsole.log_head SET size = $1 WHERE id = 1", Params().i64(static_cast<qint64>(size)));
    p.add("SELECT pg_notify('opsconsole_log', $1)", Params().text(QString::number(size)));
}

inline RowBatch eventBatch() {
    return RowBatch("INSERT INTO opsconsole.events(seq, uuid, ts_ms, actor, kind, scope, canonical, "
                    "leaf_hash, signed) VALUES ",
                    9);
}

inline RowBatch nodeBatch() {
    return RowBatch("INSERT INTO opsconsole.merkle_nodes(level, idx, hash) VALUES ", 3);
}

// Text is QString or std::string_view (Params::text takes both).
template<typename Text>
void addEventRow(RowBatch &batch, quint64 seq, const Text &uuid, qint64 tsMs, const Text &actor,
                 const Text &kind, const Text &scope, QByteArrayView canonical, QByteArrayView leaf,
                 bool signedByActor) {
    batch.row()
        .i64(static_cast<qint64>(seq))
        .text(uuid)
        .i64(tsMs)
        .text(actor)
        .text(kind)
        .text(scope)
        .bytes(canonical)
        .bytes(leaf)
        .boolean(signedByActor);
}

inline Params checkpointRow(quint64 size, QByteArrayView root, qint64 tsMs, const QString &signer,
                            const std::string &canonical, QByteArrayView signature) {
    return Params()
        .i64(static_cast<qint64>(size))
        .bytes(root)
        .i64(tsMs)
        .text(signer)
        .bytes(QByteArrayView(canonical.data(), static_cast<qsizetype>(canonical.size())))
        .bytes(signature);
}

inline constexpr const char *kInsertCheckpointSql =
    "INSERT INTO opsconsole.checkpoints(size, root, ts_ms, signer, canonical, signature) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

// A text as words, in SQL over `expr`: letters that fold to an ASCII letter folded (opsconsole.
// fold_words, as the local file's index folds them; `folded` false: as the schema before version
// 4 did, without), then runs of ASCII letters and digits, lower case, every run of other
// characters (letters that do not fold too) one space, under the "C" collation whatever the
// database's locale. "INC-6" is the tokens "inc 6" and never matches INC-60; "Prüfung" is
// "prufung" ("pr fung" unfolded); "Straße" is "stra e".
std::string tokensSql(const std::string &expr, bool folded = true);

// What the local file's full-text index holds of an event, as SQL rows (seq, doc) over `source` (a
// FROM item, aliased, with seq, kind, scope, actor and canonical): kind, scope, actor and the
// payload's JSON text as tokens between spaces, with a space at each end. The payload is cut from
// the event's bytes as written, no JSON parsed (an escaped NUL, which PostgreSQL's JSON types
// refuse, is only text here): it follows the first "payload": key (keys are sorted, and a quote
// inside a string is always escaped) and ends before the last ,"scope": key (what follows it, the
// signature and the time, are not the payload).
std::string wordsSelect(const std::string &source, bool folded = true);

// The statement creating opsconsole.index_events, which moves the search indexes on: its words
// unfolded as schema version 3 made them, or `folded` as from version 4.
std::string indexEventsFunctionSql(bool folded);

// The ids an event names, as the local file's reference index keeps them: the payload's incident,
// run, record (or its id) and launch when they are strings, and the id an opener chose (upper
// case) or its position id. Rows (seq, v) of the events in `source` (a FROM item with seq, kind and
// canonical; aliased). An event whose text holds an escaped NUL (PostgreSQL's JSON functions refuse one)
// names no id rather than failing the statement. Kept in opsconsole.event_refs.
std::string refsSelect(const std::string &source);

} // namespace ops::pg
