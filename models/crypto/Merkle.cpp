#include "Merkle.h"

#include "Sha256.h"

#include <bit>
#include <cstring>

namespace ops::crypto::merkle {

QByteArray leafHash(QByteArrayView data) {
    thread_local Sha256 h; // reused: finish() resets it
    const char prefix = 0x00;
    h.add(QByteArrayView(&prefix, 1));
    h.add(data);
    return h.finish();
}

QByteArray nodeHash(QByteArrayView left, QByteArrayView right) {
    char buf[65];
    buf[0] = 0x01;
    if (left.size() != 32 || right.size() != 32) {
        Sha256 h;
        h.add(QByteArrayView(buf, 1));
        h.add(left);
        h.add(right);
        return h.finish();
    }
    std::memcpy(buf + 1, left.data(), 32);
    std::memcpy(buf + 33, right.data(), 32);
    return sha256(QByteArrayView(buf, 65));
}

QByteArray emptyRoot() {
    return sha256(QByteArrayView());
}

QList<QByteArray> VectorTree::leafHashes(quint64 begin, quint64 end) const {
    return m_leaves.mid(static_cast<qsizetype>(begin), static_cast<qsizetype>(end - begin));
}

namespace {

// Largest power of two strictly smaller than n (n ≥ 2).
quint64 splitPoint(quint64 n) {
    return std::bit_floor(n - 1);
}

QByteArray rootOfHashes(const QList<QByteArray> &hashes, qsizetype begin, qsizetype end) {
    const qsizetype n = end - begin;
    if (n == 0)
        return emptyRoot();
    if (n == 1)
        return hashes.at(begin);
    const auto k = static_cast<qsizetype>(splitPoint(static_cast<quint64>(n)));
    return nodeHash(rootOfHashes(hashes, begin, begin + k), rootOfHashes(hashes, begin + k, end));
}

void pathInto(const TreeReader &tree, quint64 index, quint64 begin, quint64 end, QList<QByteArray> &out) {
    const quint64 n = end - begin;
    if (n <= 1)
        return;
    const quint64 k = splitPoint(n);
    if (index < k) {
        pathInto(tree, index, begin, begin + k, out);
        out.append(subtreeRoot(tree, begin + k, end));
    } else {
        pathInto(tree, index - k, begin + k, end, out);
        out.append(subtreeRoot(tree, begin, begin + k));
    }
}

void subproofInto(const TreeReader &tree, quint64 m, quint64 begin, quint64 end, bool complete,
                  QList<QByteArray> &out) {
    const quint64 n = end - begin;
    if (m == n) {
        if (!complete)
            out.append(subtreeRoot(tree, begin, end));
        return;
    }
    const quint64 k = splitPoint(n);
    if (m <= k) {
        subproofInto(tree, m, begin, begin + k, complete, out);
        out.append(subtreeRoot(tree, begin + k, end));
    } else {
        subproofInto(tree, m - k, begin + k, end, false, out);
        out.append(subtreeRoot(tree, begin, begin + k));
    }
}

// Number of proof elements below the point where the paths to `index` and to the last leaf split.
int innerProofSize(quint64 index, quint64 size) {
    return static_cast<int>(std::bit_width(index ^ (size - 1)));
}

QByteArray chainInner(QByteArray seed, const QList<QByteArray> &proof, qsizetype from, qsizetype count,
                      quint64 index) {
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray &h = proof.at(from + i);
        seed = ((index >> i) & 1) == 0 ? nodeHash(seed, h) : nodeHash(h, seed);
    }
    return seed;
}

QByteArray chainInnerRight(QByteArray seed, const QList<QByteArray> &proof, qsizetype from, qsizetype count,
                           quint64 index) {
    for (qsizetype i = 0; i < count; ++i)
        if (((index >> i) & 1) == 1)
            seed = nodeHash(proof.at(from + i), seed);
    return seed;
}

QByteArray chainBorderRight(QByteArray seed, const QList<QByteArray> &proof, qsizetype from) {
    for (qsizetype i = from; i < proof.size(); ++i)
        seed = nodeHash(proof.at(i), seed);
    return seed;
}

bool wellFormed(const QList<QByteArray> &proof) {
    for (const QByteArray &h : proof)
        if (h.size() != 32)
            return false;
    return true;
}

} // namespace

QByteArray subtreeRoot(const TreeReader &tree, quint64 begin, quint64 end) {
    const quint64 n = end - begin;
    if (n == 0)
        return emptyRoot();
    if (std::has_single_bit(n) && n > 1 && begin % n == 0) {
        const int level = std::countr_zero(n);
        if (auto node = tree.perfectNode(level, begin >> level))
            return *node;
    }
    if (n <= 64) {
        const QList<QByteArray> leaves = tree.leafHashes(begin, end);
        return rootOfHashes(leaves, 0, leaves.size());
    }
    const quint64 k = splitPoint(n);
    return nodeHash(subtreeRoot(tree, begin, begin + k), subtreeRoot(tree, begin + k, end));
}

QByteArray rootOf(const TreeReader &tree, quint64 size) {
    return subtreeRoot(tree, 0, size);
}

Result<QList<QByteArray>> inclusionProof(const TreeReader &tree, quint64 index, quint64 size) {
    if (index >= size)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("leaf %1 is not in a tree of size %2").arg(index).arg(size));
    QList<QByteArray> out;
    pathInto(tree, index, 0, size, out);
    return out;
}

Result<QList<QByteArray>> consistencyProof(const TreeReader &tree, quint64 oldSize, quint64 newSize) {
    if (oldSize > newSize)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("old size %1 is larger than new size %2").arg(oldSize).arg(newSize));
    QList<QByteArray> out;
    if (oldSize == 0 || oldSize == newSize)
        return out;
    subproofInto(tree, oldSize, 0, newSize, true, out);
    return out;
}

bool verifyInclusion(const QByteArray &leaf, quint64 index, quint64 size, const QList<QByteArray> &proof,
                     const QByteArray &root) {
    if (index >= size || leaf.size() != 32 || root.size() != 32 || !wellFormed(proof))
        return false;
    const int inner = innerProofSize(index, size);
    const int border = std::popcount(index >> inner);
    if (proof.size() != inner + border)
        return false;
    QByteArray r = chainInner(leaf, proof, 0, inner, index);
    r = chainBorderRight(r, proof, inner);
    return r == root;
}

bool verifyConsistency(quint64 oldSize, quint64 newSize, const QByteArray &oldRoot, const QByteArray &newRoot,
                       const QList<QByteArray> &proof) {
    if (oldRoot.size() != 32 || newRoot.size() != 32 || !wellFormed(proof) || oldSize > newSize)
        return false;
    if (oldSize == newSize)
        return proof.isEmpty() && oldRoot == newRoot;
    if (oldSize == 0)
        return proof.isEmpty() && oldRoot == emptyRoot();
    if (proof.isEmpty())
        return false;
    int inner = innerProofSize(oldSize - 1, newSize);
    const int border = std::popcount((oldSize - 1) >> inner);
    const int shift = std::countr_zero(oldSize);
    inner -= shift;
    QByteArray seed;
    qsizetype start = 0;
    if (oldSize == (quint64(1) << shift)) {
        seed = oldRoot; // the old tree is a perfect subtree: its root is the first node
    } else {
        seed = proof.at(0);
        start = 1;
    }
    if (proof.size() != start + inner + border)
        return false;
    const quint64 mask = (oldSize - 1) >> shift;
    QByteArray h1 = chainInnerRight(seed, proof, start, inner, mask);
    h1 = chainBorderRight(h1, proof, start + inner);
    if (h1 != oldRoot)
        return false;
    QByteArray h2 = chainInner(seed, proof, start, inner, mask);
    h2 = chainBorderRight(h2, proof, start + inner);
    return h2 == newRoot;
}

// ---- TreeBuilder

QList<QPair<int, quint64>> TreeBuilder::frontierNodes(quint64 size) {
    QList<QPair<int, quint64>> out;
    quint64 start = 0;
    for (int level = 63; level >= 0; --level) {
        const quint64 width = quint64(1) << level;
        if (size & width) {
            out.append({level, start >> level});
            start += width;
        }
    }
    return out;
}

Result<TreeBuilder> TreeBuilder::fromFrontier(quint64 size, QList<QByteArray> frontier) {
    if (frontier.size() != std::popcount(size) || !wellFormed(frontier))
        return makeError(ErrorCode::Store,
                         QStringLiteral("a tree of size %1 needs %2 frontier hashes, got %3")
                             .arg(size)
                             .arg(std::popcount(size))
                             .arg(frontier.size()));
    TreeBuilder b;
    b.m_size = size;
    b.m_stack = std::move(frontier);
    return b;
}

void TreeBuilder::append(const QByteArray &leafHash, const NodeSink &sink) {
    QByteArray h = leafHash;
    int level = 0;
    while ((m_size >> level) & 1) {
        h = nodeHash(m_stack.takeLast(), h);
        ++level;
        if (sink)
            sink(level, m_size >> level, h);
    }
    m_stack.append(h);
    ++m_size;
}

QByteArray TreeBuilder::root() const {
    if (m_stack.isEmpty())
        return emptyRoot();
    QByteArray r = m_stack.last();
    for (qsizetype i = m_stack.size() - 2; i >= 0; --i)
        r = nodeHash(m_stack.at(i), r);
    return r;
}

} // namespace ops::crypto::merkle
