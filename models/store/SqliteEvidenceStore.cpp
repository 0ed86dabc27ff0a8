#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"

#include "ActRules.h"
#include "LogVerifier.h"
#include "pg/Pg.h"

#include "core/Roles.h"

#include "EventCodec.h"
#include "EventWriter.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Startup.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ops {

using namespace store;
namespace merkle = crypto::merkle;
using namespace sqlitestore;

StoreOpenOptions deploymentStoreOptions(const DeploymentConfig &config) {
    StoreOpenOptions o;
    o.trust.admins = config.trust.admins;
    o.trust.enrollQuorum = config.trust.enrollQuorum;
    o.trust.witnessQuorum = config.trust.witnessQuorum;
    o.anchorDirectory = Startup::stateDirectory();
    o.origin = config.storeOrigin;
    return o;
}

SqliteEvidenceStore::~SqliteEvidenceStore() {
    // The integrity check stops first: the main connection, closing last, checkpoints the WAL.
    m_quickCheck.reset();
}

Result<void> SqliteEvidenceStore::awaitIntegrity() {
    return m_quickCheck ? m_quickCheck->await() : Result<void>{};
}

Result<std::unique_ptr<SqliteEvidenceStore>> SqliteEvidenceStore::open(const QString &path,
                                                                       const StoreOpenOptions &options) {
    auto file = openStoreFile(path, options);
    if (!file.ok())
        return file.error();
    std::unique_ptr<SqliteEvidenceStore> s(new SqliteEvidenceStore);
    s->m_path = path;
    s->m_view.files = CheckpointFiles(path, options.anchorDirectory);
    s->m_options = options;
    s->m_createdNow = file->createdNow;
    s->m_db = std::move(file->db);
    Database &d = s->m_db;
    // Only writes wait for the whole file's verdict, so read-only opens (the window's readers)
    // skip the scan.
    if (!s->m_createdNow && !options.readOnly)
        s->m_quickCheck = std::make_unique<BackgroundQuickCheck>(path);

    if (!options.readOnly)
        if (auto r = migrate(d); !r.ok())
            return r.error();
    if (auto v = schemaVersion(d);
        !v.ok() || v.value() > kSchemaVersion ||
        v.value() < (options.readOnly ? kSchemaVersionMinReadable : kSchemaVersion))
        return makeError(
            ErrorCode::Store,
            v.ok() && v.value() > kSchemaVersion
                ? QStringLiteral("the store has schema version %1, newer than this program understands (%2)")
                      .arg(v.value())
                      .arg(kSchemaVersion)
                : QStringLiteral("the store is not initialised"),
            path);

    auto id = s->meta(QStringLiteral("store_id"));
    if (!id.ok())
        return id.error();
    if (id->isEmpty() && !options.readOnly) {
        if (auto r =
                s->setMeta(QStringLiteral("store_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            !r.ok())
            return r.error();
        id = s->meta(QStringLiteral("store_id"));
    }
    s->m_storeId = id.value();
    if (!options.readOnly) {
        // Earlier versions wrote the sidecar through randomly named temporaries.
        const QFileInfo info(path);
        for (const QString &stale :
             QDir(info.absolutePath())
                 .entryList({info.fileName() + QStringLiteral(".checkpoint.tmp-*")}, QDir::Files))
            QFile::remove(QDir(info.absolutePath()).filePath(stale));
    }
    if (auto r = s->m_view.checkOnOpen(); !r.ok())
        return r.error();
    return s;
}

Result<QString> SqliteEvidenceStore::meta(const QString &key) const {
    auto st = Statement::prepare(m_db, "SELECT value FROM meta WHERE key = ?");
    if (!st.ok())
        return st.error();
    st->bind(1, key);
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return row.value() ? st->text(0) : QString();
}

Result<void> SqliteEvidenceStore::setMeta(const QString &key, const QString &value) {
    auto st = Statement::prepare(m_db, "INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, key).bind(2, value).run();
}

Result<quint64> SqliteEvidenceStore::size() const {
    return maxSeq(m_db);
}

Result<merkle::TreeBuilder> SqliteEvidenceStore::loadFrontier(quint64 size) const {
    StoreTreeReader reader(m_db);
    QList<QByteArray> frontier;
    for (const auto &[level, index] : merkle::TreeBuilder::frontierNodes(size))
        frontier.append(merkle::subtreeRoot(reader, index << level, (index + 1) << level));
    return merkle::TreeBuilder::fromFrontier(size, frontier);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::append(const Signer &signer, const QList<NewEvent> &events,
                                                       const QList<NewBlob> &blobs) {
    if (auto r = checkBlobs(events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs, true);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::appendWith(const Signer &signer,
                                                           const QList<NewEvent> &events,
                                                           const QList<NewBlob> &blobs,
                                                           const InTransaction &alsoWrite) {
    if (auto r = checkBlobs(events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs, true, alsoWrite);
}

Result<QList<StoredEvent>> SqliteEvidenceStore::appendOnSize(quint64 size, const Signer &signer,
                                                             const QList<NewEvent> &events,
                                                             const QList<NewBlob> &blobs) {
    if (auto r = checkBlobs(events, blobs); !r.ok())
        return r.error();
    return appendInternal(signer, events, blobs, true, {}, size);
}

Result<void> SqliteEvidenceStore::checkBlobs(const QList<NewEvent> &events,
                                             const QList<NewBlob> &blobs) const {
    return act::checkBlobs(*this, events, blobs);
}

bool SqliteEvidenceStore::checkpointAt(quint64 size) const {
    auto st = Statement::prepare(m_db, "SELECT 1 FROM checkpoints WHERE size = ?");
    if (!st.ok())
        return false;
    st->bind(1, static_cast<qint64>(size));
    auto row = st->step();
    return row.ok() && row.value();
}

QString SqliteEvidenceStore::timeWentBackwards(qint64 ts, qint64 highWater) {
    return ops::timeWentBackwards(ts, highWater);
}

Result<IdentityRegistry> SqliteEvidenceStore::registry() const {
    auto st = Statement::prepare(m_db, "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events "
                                       "WHERE kind >= 'identity.' AND kind < 'identity/'");
    if (!st.ok())
        return st.error();
    if (auto row = st->step(); !row.ok())
        return row.error();
    const QByteArray key = QByteArray::number(st->int64(0)) + ':' + QByteArray::number(st->int64(1));
    if (m_registryCache && m_registryCache->first == key)
        return m_registryCache->second;
    auto reg = IdentityRegistry::load(*this, m_options.trust);
    if (!reg.ok())
        return reg.error();
    m_registryCache.emplace(key, reg.value());
    return reg;
}

Result<QList<StoredEvent>> SqliteEvidenceStore::appendInternal(const Signer &signer,
                                                               const QList<NewEvent> &events,
                                                               const QList<NewBlob> &blobs, bool signEvents,
                                                               const InTransaction &alsoWrite,
                                                               std::optional<quint64> onSize) {
    if (auto r = awaitIntegrity(); !r.ok())
        return r.error();
    if (!integrityProblem().isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("refusing to append: %1").arg(integrityProblem()),
                         m_path);
    if (m_options.readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_path);
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    auto tx = Transaction::begin(m_db);
    if (!tx.ok())
        return tx.error();
    auto n = maxSeq(m_db);
    if (!n.ok())
        return n.error();
    if (onSize && n.value() != *onSize)
        return grewMeanwhile(*onSize, n.value()); // the transaction rolls back: nothing written
    // Who may write is decided inside the write transaction, from the identity events: one fold
    // for the whole act, the batch's own identity events applied to this copy as they are written.
    auto loaded = registry();
    if (!loaded.ok())
        return loaded.error();
    IdentityRegistry reg = std::move(loaded).value();
    auto plan = act::plan(reg, signer, events, n.value() + 1, m_path);
    if (!plan.ok())
        return plan.error();
    const QList<NewEvent> &batch = plan->batch;
    int markers = plan->markers;
    auto tree = loadFrontier(n.value());
    if (!tree.ok())
        return tree.error();
    if (auto r = m_seal.checkHead(reg, n.value(), tree.value()); !r.ok())
        return r.error();
    auto highWater = m_seal.timeHighWater();
    if (!highWater.ok())
        return highWater.error();
    qint64 latestTs = highWater.value();
    auto writer = EventWriter::open(m_db, std::move(tree).value());
    if (!writer.ok())
        return writer.error();
    QList<StoredEvent> out;
    quint64 seq = n.value();
    // One act, one time: events that bring no time of their own (attachments) take the act's.
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    const std::string actor = signer.name.toStdString();
    for (const NewEvent &e : batch) {
        const std::string uuid = uuids.next();
        auto sealed = act::seal(e, seq + 1, uuid,
                                e.tsMs    ? *e.tsMs
                                : actTime ? *actTime
                                          : m_options.clock(),
                                latestTs, signer, signEvents, m_storeId, m_path);
        if (!sealed.ok())
            return sealed.error();
        StoredEvent s = std::move(sealed).value();
        ++seq;
        latestTs = qMax(latestTs, s.tsMs);
        const std::string kind = e.kind.toStdString(), scope = e.scope.toStdString();
        if (s.kind.startsWith(QLatin1String("identity.")))
            if (const QString why = reg.apply(s, e.payload); !why.isEmpty())
                return makeError(ErrorCode::Policy, why);
        auto leaf = writer->write(s.seq, uuid, s.tsMs, actor, kind, scope, s.canonical, s.signedByActor);
        if (!leaf.ok())
            return leaf.error();
        s.leafHash = leaf.value();
        if (auto r = applyProjections(m_db, "main", s, e.payload); !r.ok())
            return r.error();
        if (markers > 0)
            --markers; // the era marker is not one of the caller's events
        else
            out.append(std::move(s));
    }
    for (const NewBlob &b : blobs) {
        auto st = Statement::prepare(
            m_db, "INSERT OR IGNORE INTO blobs(sha256, size, media_type, data) VALUES(?, ?, ?, ?)");
        if (!st.ok())
            return st.error();
        if (auto r =
                st->bind(1, b.sha256).bind(2, b.bytes.size()).bind(3, b.mediaType).bindBlob(4, b.bytes).run();
            !r.ok())
            return r.error();
    }
    // Search indexes in the same transaction, unless a bulk import's backlog is still being caught up.
    if (auto upto = m_index.indexedUpto(); upto.ok() && upto.value() == n.value())
        if (auto r = m_index.indexRange(n.value(), seq); !r.ok())
            return r.error();
    if (alsoWrite)
        if (auto r = alsoWrite(m_db); !r.ok())
            return r.error();
    if (auto r = m_seal.commitWithCheckpoint(tx.value(), signer, writer->tree()); !r.ok())
        return r.error();
    return out;
}

Result<StoredEvent> SqliteEvidenceStore::attach(const Signer &signer, const QString &name,
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

} // namespace ops
