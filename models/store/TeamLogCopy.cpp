#include "TeamLogCopy.h"

#include "EventCodec.h"
#include "EvidenceStore.h"
#include "Sqlite.h"

#include "core/FileUtil.h"
#include "crypto/Sha256.h"
#include "pg/Pg.h"

#include <QDir>
#include <QFileInfo>

namespace ops {

using store::Database;
using store::Statement;
namespace merkle = crypto::merkle;

namespace {

constexpr const char *kSchema = R"SQL(
PRAGMA journal_mode=DELETE;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events(
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    signed INTEGER NOT NULL,
    bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints(
    size INTEGER PRIMARY KEY,
    canonical BLOB NOT NULL,
    signature BLOB NOT NULL,
    signer TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vouches(
    size INTEGER NOT NULL,
    name TEXT NOT NULL,
    signature BLOB NOT NULL);
)SQL";

// What an identity signs when its console extends the copy to a checkpoint it just witnessed.
std::string vouchMessage(const QString &storeId, quint64 size, const QByteArray &root) {
    return "opsconsole team-log copy v1\n" + storeId.toStdString() + "\n" + std::to_string(size) + "\n" +
           root.toBase64().toStdString() + "\n";
}

// The same refusal on every table: the copy only grows.
std::string appendOnlyTriggers() {
    std::string sql;
    for (const char *table : {"meta", "events", "checkpoints", "vouches"})
        for (const char *op : {"UPDATE", "DELETE"})
            sql += std::string("CREATE TRIGGER IF NOT EXISTS ") + table + "_no_" + op + " BEFORE " + op +
                   " ON " + table +
                   " BEGIN SELECT RAISE(ABORT, 'the copy of the team log is append-only: " + op + " on " +
                   table + " refused'); END;\n";
    return sql;
}

QString checkedEvent(const StoredEvent &e, quint64 seq) {
    if (e.seq != seq)
        return QStringLiteral("event %1 is missing (found %2 in its place)").arg(seq).arg(e.seq);
    store::codec::Envelope envelope;
    const QString wrong =
        store::codec::checkEnvelope(e.canonical, e.seq, e.uuid.toStdString(), e.tsMs, e.actor.toStdString(),
                                    e.kind.toStdString(), e.scope.toStdString(), e.signedByActor, envelope);
    return wrong.isEmpty() ? QString() : QStringLiteral("event %1: %2").arg(seq).arg(wrong);
}

} // namespace

TeamLogCopy::~TeamLogCopy() = default;

Result<std::unique_ptr<TeamLogCopy>> TeamLogCopy::open(const QString &path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (auto r = FileUtil::createPrivate(path); !r.ok())
        return r.error();
    auto db = Database::open(path, true);
    if (!db.ok())
        return db.error();
    std::unique_ptr<TeamLogCopy> out(new TeamLogCopy);
    out->m_db = std::make_unique<Database>(std::move(db).value());
    out->m_path = path;
    if (auto r = out->m_db->exec(kSchema); !r.ok())
        return r.error();
    if (auto r = out->m_db->exec(appendOnlyTriggers()); !r.ok())
        return r.error();
    if (auto r = out->load(); !r.ok())
        return r.error();
    return out;
}

Result<void> TeamLogCopy::load() {
    const auto refuse = [this](const QString &why) {
        return makeError(ErrorCode::Negative,
                         QStringLiteral("this console's copy of the team log cannot be trusted: %1").arg(why),
                         m_path);
    };
    auto meta = Statement::prepare(*m_db, "SELECT value FROM meta WHERE key = 'store_id'");
    if (!meta.ok())
        return meta.error();
    auto ids = meta->texts();
    if (!ids.ok())
        return ids.error();
    m_storeId = ids->isEmpty() ? QString() : ids->first();
    auto cp = Statement::prepare(
        *m_db, "SELECT size, canonical, signature, signer FROM checkpoints ORDER BY size DESC LIMIT 1");
    if (!cp.ok())
        return cp.error();
    auto hasCp = cp->step();
    if (!hasCp.ok())
        return hasCp.error();
    if (hasCp.value()) {
        const QByteArray canonical = cp->blob(1);
        auto parsed = Checkpoint::fromCanonical(canonical.toStdString(), cp->blob(2), cp->text(3));
        if (!parsed || parsed->size != static_cast<quint64>(cp->int64(0)))
            return refuse(QStringLiteral("its checkpoint is malformed"));
        m_checkpoint = *parsed;
    }
    auto rows = Statement::prepare(*m_db, "SELECT seq, uuid, ts_ms, actor, kind, scope, signed, bytes "
                                          "FROM events ORDER BY seq");
    if (!rows.ok())
        return rows.error();
    for (;;) {
        auto more = rows->step();
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        StoredEvent e;
        e.seq = static_cast<quint64>(rows->int64(0));
        e.uuid = rows->text(1);
        e.tsMs = rows->int64(2);
        e.actor = rows->text(3);
        e.kind = rows->text(4);
        e.scope = rows->text(5);
        e.signedByActor = rows->int64(6) != 0;
        const QByteArrayView bytes = rows->blobView(7);
        e.canonical.assign(bytes.data(), static_cast<std::size_t>(bytes.size()));
        if (const QString wrong = checkedEvent(e, size() + 1); !wrong.isEmpty())
            return refuse(wrong);
        e.leafHash =
            merkle::leafHash(QByteArrayView(e.canonical.data(), static_cast<qsizetype>(e.canonical.size())));
        m_tree.append(e.leafHash);
        m_leaves << e.leafHash;
        m_events << std::move(e);
    }
    if (m_checkpoint.size != size())
        return refuse(QStringLiteral("it holds %1 events, its checkpoint covers %2")
                          .arg(size())
                          .arg(m_checkpoint.size));
    if (size() > 0 && m_tree.root() != m_checkpoint.root)
        return refuse(QStringLiteral("its events do not hash to the root of its checkpoint"));
    if (size() > 0 && m_checkpoint.storeId != m_storeId)
        return refuse(QStringLiteral("its checkpoint is of another log"));
    return {};
}

Result<void> TeamLogCopy::extend(const QString &storeId, const QList<StoredEvent> &events,
                                 const Checkpoint &checkpoint) {
    if (!m_storeId.isEmpty() && storeId != m_storeId)
        return makeError(ErrorCode::Negative,
                         QStringLiteral("this copy is of the team log %1, not %2").arg(m_storeId, storeId),
                         m_path);
    if (checkpoint.size != size() + static_cast<quint64>(events.size()) || checkpoint.storeId != storeId)
        return makeError(ErrorCode::Negative,
                         QStringLiteral("the checkpoint of %1 events does not cover the copy's %2 and the %3 "
                                        "events read")
                             .arg(checkpoint.size)
                             .arg(size())
                             .arg(events.size()),
                         m_path);
    merkle::TreeBuilder tree = m_tree;
    QList<QByteArray> leaves;
    for (const StoredEvent &e : events) {
        if (const QString wrong = checkedEvent(e, tree.size() + 1); !wrong.isEmpty())
            return makeError(ErrorCode::Negative, wrong, m_path);
        const QByteArray leaf =
            merkle::leafHash(QByteArrayView(e.canonical.data(), static_cast<qsizetype>(e.canonical.size())));
        tree.append(leaf);
        leaves << leaf;
    }
    if (tree.root() != checkpoint.root)
        return makeError(ErrorCode::Negative,
                         QStringLiteral("the events read do not reach the root of the checkpoint of %1")
                             .arg(checkpoint.size),
                         m_path);
    auto tx = store::Transaction::begin(*m_db);
    if (!tx.ok())
        return tx.error();
    if (m_storeId.isEmpty()) {
        auto ins = Statement::prepare(*m_db, "INSERT INTO meta(key, value) VALUES ('store_id', ?)");
        if (!ins.ok())
            return ins.error();
        if (auto r = ins->bind(1, storeId).run(); !r.ok())
            return r.error();
    }
    auto ins =
        Statement::prepare(*m_db, "INSERT INTO events(seq, uuid, ts_ms, actor, kind, scope, signed, bytes) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok())
        return ins.error();
    for (const StoredEvent &e : events) {
        ins->reset();
        if (auto r = ins->bind(1, static_cast<qint64>(e.seq))
                         .bind(2, e.uuid)
                         .bind(3, e.tsMs)
                         .bind(4, e.actor)
                         .bind(5, e.kind)
                         .bind(6, e.scope)
                         .bind(7, qint64(e.signedByActor ? 1 : 0))
                         .bindBlob(8, QByteArrayView(e.canonical.data(),
                                                     static_cast<qsizetype>(e.canonical.size())))
                         .run();
            !r.ok())
            return r.error();
    }
    auto cp = Statement::prepare(
        *m_db, "INSERT INTO checkpoints(size, canonical, signature, signer) VALUES (?, ?, ?, ?)");
    if (!cp.ok())
        return cp.error();
    if (auto r = cp->bind(1, static_cast<qint64>(checkpoint.size))
                     .bindBlob(2, QByteArray::fromStdString(checkpoint.canonical))
                     .bindBlob(3, checkpoint.storedSignature())
                     .bind(4, checkpoint.signer)
                     .run();
        !r.ok())
        return r.error();
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    m_storeId = storeId;
    m_tree = std::move(tree);
    for (int i = 0; i < events.size(); ++i) {
        StoredEvent e = events.at(i);
        e.leafHash = leaves.at(i);
        m_events << std::move(e);
    }
    m_leaves << leaves;
    m_checkpoint = checkpoint;
    return {};
}

bool TeamLogCopy::vouchedBy(const QString &name, const crypto::PublicKey &key) const {
    if (size() == 0 || key.isNull())
        return false;
    auto st = Statement::prepare(*m_db, "SELECT signature FROM vouches WHERE size = ? AND name = ?");
    if (!st.ok())
        return false;
    st->bind(1, static_cast<qint64>(size())).bind(2, name);
    const std::string message = vouchMessage(m_storeId, size(), m_checkpoint.root);
    while (true) {
        auto row = st->step();
        if (!row.ok() || !row.value())
            return false;
        if (key.verify(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())), st->blob(0)))
            return true;
    }
}

Result<void> TeamLogCopy::vouch(const Signer &signer) {
    if (size() == 0 || vouchedBy(signer.name, signer.key.publicKey()))
        return {};
    const std::string message = vouchMessage(m_storeId, size(), m_checkpoint.root);
    const QByteArray signature =
        signer.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
    if (signature.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the copy of the team log"), m_path);
    auto ins = Statement::prepare(*m_db, "INSERT INTO vouches(size, name, signature) VALUES (?, ?, ?)");
    if (!ins.ok())
        return ins.error();
    return ins->bind(1, static_cast<qint64>(size())).bind(2, signer.name).bindBlob(3, signature).run();
}

static QString teamFile(const QString &stateDirectory, const QString &url, const char *suffix) {
    if (stateDirectory.isEmpty())
        return {};
    return stateDirectory + QStringLiteral("/team/") +
           crypto::sha256Hex(pg::redactedUrl(url).toUtf8()).left(32) + QLatin1String(suffix);
}

QString teamCopyPath(const QString &stateDirectory, const QString &url) {
    return teamFile(stateDirectory, url, ".copy.sqlite");
}

QString teamOutboxPath(const QString &stateDirectory, const QString &url) {
    return teamFile(stateDirectory, url, ".outbox.sqlite");
}

Result<void> refreshCopy(TeamLogCopy &copy, const EvidenceStore &team, const Checkpoint &witnessed,
                         const Signer &witness) {
    if (witnessed.size < copy.size())
        return makeError(
            ErrorCode::Negative,
            QStringLiteral("the team log's checkpoint of %1 events is behind this console's copy of %2")
                .arg(witnessed.size)
                .arg(copy.size()),
            copy.path());
    if (witnessed.size == copy.size()) {
        if (witnessed.size > 0 && witnessed.root != copy.checkpoint().root)
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("the team log's checkpoint of %1 events differs from this console's "
                               "copy")
                    .arg(witnessed.size),
                copy.path());
        return copy.vouch(witness);
    }
    constexpr int kPage = 2000;
    QList<StoredEvent> read;
    for (quint64 from = copy.size() + 1; from <= witnessed.size;) {
        const int want = static_cast<int>(qMin<quint64>(kPage, witnessed.size - from + 1));
        auto page = team.events(from, want);
        if (!page.ok())
            return page.error();
        if (page->isEmpty())
            return makeError(ErrorCode::Negative,
                             QStringLiteral("the team log has no event %1 below its checkpoint of %2")
                                 .arg(from)
                                 .arg(witnessed.size),
                             team.path());
        for (const StoredEvent &e : page.value())
            if (e.seq <= witnessed.size)
                read << e;
        from = read.isEmpty() ? from + 1 : read.last().seq + 1;
    }
    if (auto r = copy.extend(team.storeId(), read, witnessed); !r.ok())
        return r;
    return copy.vouch(witness);
}

} // namespace ops
