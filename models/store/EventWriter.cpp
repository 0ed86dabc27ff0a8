#include "EventWriter.h"

#include "Schema.h"

namespace ops::store {

Result<EventWriter> EventWriter::open(Database &db, crypto::merkle::TreeBuilder tree) {
    EventWriter w;
    auto insert =
        Statement::prepare(db, "INSERT INTO events(seq, uuid, ts_ms, actor, kind, scope, canonical, "
                               "leaf_hash, signed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok())
        return insert.error();
    auto node = Statement::prepare(db, "INSERT INTO merkle_nodes(level, idx, hash) VALUES(?, ?, ?)");
    if (!node.ok())
        return node.error();
    w.m_insert = std::move(insert).value();
    w.m_node = std::move(node).value();
    w.m_tree = std::move(tree);
    return w;
}

Result<QByteArray> EventWriter::write(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                                      std::string_view kind, std::string_view scope, std::string_view bytes,
                                      bool signedByActor) {
    const QByteArray leaf =
        crypto::merkle::leafHash(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
    if (auto r = writeHashed(seq, uuid, tsMs, actor, kind, scope, bytes, signedByActor, leaf); !r.ok())
        return r.error();
    return leaf;
}

Result<void> EventWriter::writeHashed(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                                      std::string_view kind, std::string_view scope, std::string_view bytes,
                                      bool signedByActor, const QByteArray &leaf) {
    const QByteArrayView view(bytes.data(), static_cast<qsizetype>(bytes.size()));
    // The bound buffers outlive the step, so SQLite need not copy them.
    if (auto r = m_insert.bind(1, static_cast<qint64>(seq))
                     .bindStaticText(2, uuid)
                     .bind(3, tsMs)
                     .bindStaticText(4, actor)
                     .bindStaticText(5, kind)
                     .bindStaticText(6, scope)
                     .bindStaticBlob(7, view)
                     .bindStaticBlob(8, leaf)
                     .bind(9, qint64(signedByActor ? 1 : 0))
                     .run();
        !r.ok())
        return r.error();
    std::optional<Error> nodeError;
    m_tree.append(leaf, [&](int level, quint64 index, const QByteArray &hash) {
        if (level < kNodeLevelMin || nodeError)
            return;
        if (auto r =
                m_node.bind(1, qint64(level)).bind(2, static_cast<qint64>(index)).bindBlob(3, hash).run();
            !r.ok())
            nodeError = r.error();
    });
    if (nodeError)
        return *nodeError;
    return {};
}

void EventWriter::close() {
    m_insert = Statement();
    m_node = Statement();
}

} // namespace ops::store
