#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

// The Merkle tree of RFC 9162 §2.1: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ l ‖ r),
// empty tree = SHA-256(""). Proofs are lists of 32-byte hashes, deepest first.
namespace ops::crypto::merkle {

QByteArray leafHash(QByteArrayView data);
QByteArray nodeHash(QByteArrayView left, QByteArrayView right);
QByteArray emptyRoot();

// Read access to a tree's leaf hashes. A store may also answer perfect (full, aligned)
// subtree roots it keeps, so proofs on large trees need O(log n) reads.
class TreeReader {
public:
    virtual ~TreeReader() = default;
    virtual QList<QByteArray> leafHashes(quint64 begin, quint64 end) const = 0;
    // Root of leaves [index·2^level, (index+1)·2^level), when kept.
    virtual std::optional<QByteArray> perfectNode(int level, quint64 index) const {
        Q_UNUSED(level)
        Q_UNUSED(index)
        return std::nullopt;
    }
};

class VectorTree final : public TreeReader {
public:
    explicit VectorTree(QList<QByteArray> leafHashes)
        : m_leaves(std::move(leafHashes)) {}
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override;
    quint64 size() const { return static_cast<quint64>(m_leaves.size()); }

private:
    QList<QByteArray> m_leaves;
};

QByteArray rootOf(const TreeReader &tree, quint64 size);
QByteArray subtreeRoot(const TreeReader &tree, quint64 begin, quint64 end);
Result<QList<QByteArray>> inclusionProof(const TreeReader &tree, quint64 index, quint64 size);
Result<QList<QByteArray>> consistencyProof(const TreeReader &tree, quint64 oldSize, quint64 newSize);

bool verifyInclusion(const QByteArray &leafHash, quint64 index, quint64 size, const QList<QByteArray> &proof,
                     const QByteArray &root);
bool verifyConsistency(quint64 oldSize, quint64 newSize, const QByteArray &oldRoot, const QByteArray &newRoot,
                       const QList<QByteArray> &proof);

// Appends leaves left to right keeping only the O(log n) frontier of perfect subtrees.
// Each perfect subtree completed by an append is reported (level ≥ 1) so it can be kept.
class TreeBuilder {
public:
    using NodeSink = std::function<void(int level, quint64 index, const QByteArray &hash)>;

    TreeBuilder() = default;
    // Resume from a frontier: the perfect subtree roots of a tree of `size`, largest first.
    static Result<TreeBuilder> fromFrontier(quint64 size, QList<QByteArray> frontier);
    // The frontier of a tree of `size`: which (level, index) roots fromFrontier needs.
    static QList<QPair<int, quint64>> frontierNodes(quint64 size);

    void append(const QByteArray &leafHash, const NodeSink &sink = {});
    quint64 size() const { return m_size; }
    QByteArray root() const;
    const QList<QByteArray> &frontier() const { return m_stack; }

private:
    quint64 m_size = 0;
    QList<QByteArray> m_stack;
};

} // namespace ops::crypto::merkle
