#include "Outbox.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "Sqlite.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Random.h"

#include <QFile>
#include <QHash>

namespace ops {

using store::Database;
using store::Statement;

namespace {

constexpr const char *kSchema = R"SQL(
PRAGMA journal_mode=DELETE;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS acts(
    n INTEGER PRIMARY KEY,
    made_ms INTEGER NOT NULL,
    author TEXT NOT NULL,
    store_id TEXT NOT NULL,
    basis_size INTEGER NOT NULL,
    basis_root TEXT NOT NULL,
    events TEXT NOT NULL,
    act_signature TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS act_blobs(
    n INTEGER NOT NULL REFERENCES acts(n),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (n, sha256));
CREATE TABLE IF NOT EXISTS outcomes(
    n INTEGER PRIMARY KEY REFERENCES acts(n),
    state TEXT NOT NULL CHECK (state IN ('synced', 'rejected')),
    at_ms INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    reason TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '');
CREATE TRIGGER IF NOT EXISTS meta_no_update BEFORE UPDATE ON meta
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on meta refused'); END;
CREATE TRIGGER IF NOT EXISTS meta_no_delete BEFORE DELETE ON meta
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on meta refused'); END;
CREATE TRIGGER IF NOT EXISTS acts_no_update BEFORE UPDATE ON acts
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on acts refused'); END;
CREATE TRIGGER IF NOT EXISTS acts_no_delete BEFORE DELETE ON acts
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on acts refused'); END;
CREATE TRIGGER IF NOT EXISTS act_blobs_no_update BEFORE UPDATE ON act_blobs
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on act_blobs refused'); END;
CREATE TRIGGER IF NOT EXISTS act_blobs_no_delete BEFORE DELETE ON act_blobs
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on act_blobs refused'); END;
CREATE TRIGGER IF NOT EXISTS outcomes_no_update BEFORE UPDATE ON outcomes
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on outcomes refused'); END;
CREATE TRIGGER IF NOT EXISTS outcomes_no_delete BEFORE DELETE ON outcomes
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on outcomes refused'); END;
)SQL";

JsonValue eventsJson(const OutboxAct &act) {
    JsonValue out = JsonValue::array();
    for (int i = 0; i < act.events.size(); ++i) {
        const NewEvent &e = act.events.at(i);
        JsonValue o = JsonValue::object();
        o["id"] = act.uuids.at(i);
        o["ts"] = e.tsMs.value_or(act.madeMs);
        o["kind"] = e.kind;
        o["scope"] = e.scope;
        o["payload"] = e.payload;
        o["signature"] = QString::fromLatin1(act.signatures.at(i).toBase64());
        out.push(o);
    }
    return out;
}

Result<void> readEvents(const QString &text, OutboxAct &act, const QString &where) {
    auto parsed = CanonicalJson::parse(text.toStdString());
    if (!parsed.ok() || !parsed->isArray())
        return makeError(ErrorCode::Store, QStringLiteral("outbox act %1 is unreadable").arg(act.n), where);
    for (const JsonValue &o : parsed->toArray()) {
        const JsonValue *payload = o.find("payload");
        const JsonValue *ts = o.find("ts");
        if (!o.isObject() || !payload || !payload->isObject() || !ts)
            return makeError(ErrorCode::Store, QStringLiteral("outbox act %1 is unreadable").arg(act.n),
                             where);
        NewEvent e;
        e.kind = o.stringAt("kind");
        e.scope = o.stringAt("scope");
        e.payload = *payload;
        e.tsMs = ts->toInt();
        act.events << e;
        act.uuids << o.stringAt("id");
        act.signatures << QByteArray::fromBase64(o.stringAt("signature").toLatin1());
    }
    return {};
}

// Adds a signature column (text, empty by default) to a table of an outbox made before it existed.
Result<void> addColumnIfMissing(Database &db, const char *table, const char *column) {
    auto cols = Statement::prepare(db, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?");
    if (!cols.ok())
        return cols.error();
    cols->bind(1, QString::fromLatin1(table)).bind(2, QString::fromLatin1(column));
    if (auto row = cols->step(); !row.ok())
        return row.error();
    if (cols->int64(0) != 0)
        return {};
    const std::string sql =
        std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " TEXT NOT NULL DEFAULT ''";
    return db.exec(sql.c_str());
}

} // namespace

QString outboxStateName(OutboxState state) {
    switch (state) {
    case OutboxState::Pending:
        return QStringLiteral("pending");
    case OutboxState::Synced:
        return QStringLiteral("synced");
    case OutboxState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

Outbox::~Outbox() = default;

Result<std::unique_ptr<Outbox>> Outbox::open(const QString &path) {
    if (auto r = FileUtil::createPrivate(path); !r.ok())
        return r.error();
    auto db = Database::open(path, true);
    if (!db.ok())
        return db.error();
    std::unique_ptr<Outbox> out(new Outbox);
    out->m_db = std::make_unique<Database>(std::move(db).value());
    out->m_path = path;
    // The tables must be tables: a view of the same name (over an endless query, say) put in the
    // file would run inside every read.
    auto kinds =
        Statement::prepare(*out->m_db, "SELECT name FROM sqlite_schema WHERE name IN ('meta', 'acts', "
                                       "'act_blobs', 'outcomes') AND type <> 'table'");
    if (!kinds.ok())
        return kinds.error();
    if (auto odd = kinds->texts(); !odd.ok() || !odd->isEmpty())
        return makeError(ErrorCode::Store,
                         QStringLiteral("not an outbox: %1 is not a table (the file was edited)")
                             .arg(odd.ok() ? odd->first() : QStringLiteral("the schema")),
                         path);
    if (auto r = out->m_db->exec(kSchema); !r.ok())
        return r.error();
    // An outbox made before acts were signed as a whole gains the column; its acts carry no such
    // signature and are rejected at sync (their author acts again). One made before rejections were
    // signed gains theirs; its rejections are looked at again by the next sync.
    if (auto r = addColumnIfMissing(*out->m_db, "acts", "act_signature"); !r.ok())
        return r.error();
    if (auto r = addColumnIfMissing(*out->m_db, "outcomes", "signature"); !r.ok())
        return r.error();
    auto tx = store::Transaction::begin(*out->m_db);
    if (!tx.ok())
        return tx.error();
    auto st = Statement::prepare(*out->m_db, "SELECT value FROM meta WHERE key = 'outbox_id'");
    if (!st.ok())
        return st.error();
    auto ids = st->texts();
    if (!ids.ok())
        return ids.error();
    if (ids->isEmpty()) {
        out->m_id = QString::fromStdString(crypto::UuidSource().next());
        auto ins = Statement::prepare(*out->m_db, "INSERT INTO meta(key, value) VALUES ('outbox_id', ?)");
        if (!ins.ok())
            return ins.error();
        if (auto r = ins->bind(1, out->m_id).run(); !r.ok())
            return r.error();
    } else {
        out->m_id = ids->first();
    }
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return out;
}

Result<OutboxAct> Outbox::queue(const Signer &author, const QString &storeId, const Checkpoint &basis,
                                const QList<NewEvent> &events, const QList<NewBlob> &blobs, qint64 nowMs) {
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    OutboxAct act;
    act.madeMs = nowMs;
    act.author = author.name;
    act.storeId = storeId;
    act.basisSize = basis.size;
    act.basisRoot = basis.root;
    act.blobs = blobs;
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    for (NewEvent e : events) {
        e.tsMs = e.tsMs ? *e.tsMs : actTime ? *actTime : nowMs;
        const std::string uuid = uuids.next();
        const std::string message = store::codec::signedMessage(
            storeId.toStdString(), uuid, *e.tsMs, author.name.toStdString(), e.kind.toStdString(),
            e.scope.toStdString(), CanonicalJson::serialize(e.payload));
        const QByteArray signature =
            author.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
        if (signature.isEmpty())
            return makeError(ErrorCode::Store, QStringLiteral("cannot sign the event"));
        act.events << e;
        act.uuids << QString::fromStdString(uuid);
        act.signatures << signature;
    }
    auto tx = store::Transaction::begin(*m_db);
    if (!tx.ok())
        return tx.error();
    // Its place in the outbox is part of what the author signs, so it is taken first.
    auto next = Statement::prepare(*m_db, "SELECT coalesce(MAX(n), 0) + 1 FROM acts");
    if (!next.ok())
        return next.error();
    if (auto row = next->step(); !row.ok())
        return row.error();
    act.n = next->int64(0);
    const std::string whole = store::codec::actMessage(storeId.toStdString(), m_id.toStdString(), act.n,
                                                       act.basisSize, act.basisRoot, act.madeMs, act.uuids);
    act.actSignature = author.key.sign(QByteArrayView(whole.data(), static_cast<qsizetype>(whole.size())));
    if (act.actSignature.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the act"));
    auto ins =
        Statement::prepare(*m_db, "INSERT INTO acts(n, made_ms, author, store_id, basis_size, basis_root, "
                                  "events, act_signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok())
        return ins.error();
    const std::string json = CanonicalJson::serialize(eventsJson(act));
    if (auto r = ins->bind(1, act.n)
                     .bind(2, act.madeMs)
                     .bind(3, act.author)
                     .bind(4, act.storeId)
                     .bind(5, static_cast<qint64>(act.basisSize))
                     .bind(6, QString::fromLatin1(act.basisRoot.toBase64()))
                     .bind(7, std::string_view(json))
                     .bind(8, QString::fromLatin1(act.actSignature.toBase64()))
                     .run();
        !r.ok())
        return r.error();
    for (const NewBlob &b : blobs) {
        auto blob = Statement::prepare(
            *m_db,
            "INSERT OR IGNORE INTO act_blobs(n, sha256, name, media_type, data) VALUES (?, ?, ?, ?, ?)");
        if (!blob.ok())
            return blob.error();
        if (auto r = blob->bind(1, act.n)
                         .bind(2, b.sha256)
                         .bind(3, b.name)
                         .bind(4, b.mediaType)
                         .bindBlob(5, b.bytes)
                         .run();
            !r.ok())
            return r.error();
    }
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return act;
}

Result<QList<OutboxEntry>> Outbox::entries() const {
    auto st = Statement::prepare(
        *m_db, "SELECT a.n, a.made_ms, a.author, a.store_id, a.basis_size, a.basis_root, a.events, o.state, "
               "o.at_ms, o.first_seq, o.reason, a.act_signature, o.signature, o.n IS NOT NULL FROM acts a "
               "LEFT JOIN outcomes "
               "o ON o.n = a.n "
               "ORDER BY a.n");
    if (!st.ok())
        return st.error();
    QList<OutboxEntry> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        OutboxEntry e;
        e.act.n = st->int64(0);
        e.act.madeMs = st->int64(1);
        e.act.author = st->text(2);
        e.act.storeId = st->text(3);
        e.act.basisSize = static_cast<quint64>(st->int64(4));
        e.act.basisRoot = QByteArray::fromBase64(st->text(5).toLatin1());
        if (auto r = readEvents(st->text(6), e.act, m_path); !r.ok())
            return r.error();
        const QString state = st->text(7);
        e.state = state == QLatin1String("synced")     ? OutboxState::Synced
                  : state == QLatin1String("rejected") ? OutboxState::Rejected
                                                       : OutboxState::Pending;
        e.atMs = st->int64(8);
        e.firstSeq = static_cast<quint64>(st->int64(9));
        e.reason = st->text(10);
        e.act.actSignature = QByteArray::fromBase64(st->text(11).toLatin1());
        e.outcomeSignature = QByteArray::fromBase64(st->text(12).toLatin1());
        e.outcomeRow = st->int64(13) != 0;
        out << e;
    }
    return out;
}

Result<QHash<QString, Outbox::ActIds>> Outbox::actIds() const {
    auto st =
        Statement::prepare(*m_db, "SELECT a.n, a.author, a.events, coalesce(o.state, ''), "
                                  "coalesce(o.first_seq, 0) FROM acts a LEFT JOIN outcomes o ON o.n = a.n "
                                  "ORDER BY a.n");
    if (!st.ok())
        return st.error();
    QHash<QString, ActIds> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        OutboxAct act;
        act.n = st->int64(0);
        if (auto r = readEvents(st->text(2), act, m_path); !r.ok())
            return r.error();
        if (!act.uuids.isEmpty())
            out.insert(act.uuids.first(),
                       ActIds{act.n, st->text(1), act.uuids, act.events,
                              st->text(3) == QLatin1String("synced")     ? OutboxState::Synced
                              : st->text(3) == QLatin1String("rejected") ? OutboxState::Rejected
                                                                         : OutboxState::Pending,
                              static_cast<quint64>(st->int64(4))});
    }
    return out;
}

Result<Outbox::Waiting> Outbox::waiting() const {
    auto st = Statement::prepare(*m_db, "SELECT COUNT(*), coalesce(MIN(made_ms), 0) FROM acts WHERE n NOT IN "
                                        "(SELECT n FROM outcomes)");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return Waiting{static_cast<int>(st->int64(0)), st->int64(1)};
}

Result<QList<NewBlob>> Outbox::blobsOf(qint64 n) const {
    auto blobs =
        Statement::prepare(*m_db, "SELECT sha256, name, media_type, data FROM act_blobs WHERE n = ?");
    if (!blobs.ok())
        return blobs.error();
    blobs->bind(1, n);
    QList<NewBlob> out;
    while (true) {
        auto row = blobs->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out << NewBlob{blobs->text(1), blobs->blob(3), blobs->text(2), blobs->text(0)};
    }
    return out;
}

Result<void> Outbox::markSynced(qint64 n, quint64 firstSeq, qint64 atMs) {
    return mark(n, OutboxState::Synced, firstSeq, {}, atMs);
}

Result<void> Outbox::markRejected(const Signer &author, const OutboxAct &act, const QString &reason,
                                  qint64 atMs) {
    const std::string message = rejectionMessage(act, m_id, reason, atMs);
    const QByteArray signature =
        author.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
    if (signature.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the rejection"), m_path);
    return mark(act.n, OutboxState::Rejected, 0, reason, atMs, signature);
}

Result<void> Outbox::markUnsigned(qint64 n, const QString &reason, qint64 atMs) {
    return mark(n, OutboxState::Rejected, 0, reason, atMs);
}

Result<void> Outbox::mark(qint64 n, OutboxState state, quint64 firstSeq, const QString &reason, qint64 atMs,
                          const QByteArray &signature) {
    auto st = Statement::prepare(
        *m_db,
        "INSERT INTO outcomes(n, state, at_ms, first_seq, reason, signature) VALUES (?, ?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, n)
        .bind(2, outboxStateName(state))
        .bind(3, atMs)
        .bind(4, static_cast<qint64>(firstSeq))
        .bind(5, reason)
        .bind(6, QString::fromLatin1(signature.toBase64()))
        .run();
}

std::string rejectionMessage(const OutboxAct &act, const QString &outboxId, const QString &reason,
                             qint64 atMs) {
    // Domain-separated from every other signed form; the act is named by its place, its team log
    // and its signature as a whole (which covers its events' ids).
    JsonValue m = JsonValue::object();
    m["form"] = QStringLiteral("opsconsole outbox rejection v1");
    m["store"] = act.storeId;
    m["outbox"] = outboxId;
    m["n"] = act.n;
    m["act_signature"] = QString::fromLatin1(act.actSignature.toBase64());
    m["at_ms"] = atMs;
    m["reason"] = reason;
    return CanonicalJson::serialize(m);
}

bool rejectionSigned(const OutboxEntry &entry, const QString &outboxId, const crypto::PublicKey &key) {
    if (entry.state != OutboxState::Rejected || entry.outcomeSignature.size() != 64)
        return false;
    const std::string message = rejectionMessage(entry.act, outboxId, entry.reason, entry.atMs);
    return key.verify(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())),
                      entry.outcomeSignature);
}

ActSignatureCheck checkActSignatures(const OutboxAct &act, const QString &outboxId,
                                     const crypto::PublicKey &key) {
    using R = ActSignatureCheck::Result;
    if (act.events.isEmpty() || act.uuids.size() != act.events.size() ||
        act.signatures.size() != act.events.size())
        return {R::Incomplete};
    const std::string whole =
        store::codec::actMessage(act.storeId.toStdString(), outboxId.toStdString(), act.n, act.basisSize,
                                 act.basisRoot, act.madeMs, act.uuids);
    if (!key.verify(QByteArrayView(whole.data(), static_cast<qsizetype>(whole.size())), act.actSignature))
        return {R::WholeNotSigned};
    for (int i = 0; i < act.events.size(); ++i) {
        const NewEvent &e = act.events.at(i);
        const std::string message = store::codec::signedMessage(
            act.storeId.toStdString(), act.uuids.at(i).toStdString(), e.tsMs.value_or(act.madeMs),
            act.author.toStdString(), e.kind.toStdString(), e.scope.toStdString(),
            CanonicalJson::serialize(e.payload));
        if (!key.verify(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())),
                        act.signatures.at(i)))
            return {R::EventNotSigned, i + 1};
    }
    return {};
}

} // namespace ops
