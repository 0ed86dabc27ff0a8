// RFC 9162 §2.1 Merkle tree: RFC 6962 reference vectors, a naive reference written straight
// from the RFC's recursive definitions, and a mutation suite where every altered proof fails.
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ops;
using namespace ops::crypto;
using namespace ops::crypto::merkle;

class TestMerkle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hashPrimitives();
    void rfc6962Roots();
    void rfc6962InclusionProofs();
    void rfc6962ConsistencyProofs();
    void matchesNaiveDefinition();
    void builderMatchesRootAndReportsNodes();
    void builderResumesFromFrontier();
    void perfectNodesShortcutSubtrees();
    void inclusionMutationsFail();
    void consistencyMutationsFail();
    void rejectsBadArguments();
};

static QByteArray h(const char *hex) {
    return QByteArray::fromHex(hex);
}

static QList<QByteArray> referenceLeaves() {
    const char *data[] = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    QList<QByteArray> out;
    for (const char *d : data)
        out.append(leafHash(QByteArray::fromHex(d)));
    return out;
}

// --- naive reference: MTH, PATH and PROOF exactly as RFC 9162 §2.1 writes them
static QByteArray naiveMth(const QList<QByteArray> &d) {
    if (d.isEmpty())
        return sha256(QByteArray());
    if (d.size() == 1)
        return d.first();
    qsizetype k = 1;
    while (k * 2 < d.size())
        k *= 2;
    return nodeHash(naiveMth(d.mid(0, k)), naiveMth(d.mid(k)));
}

static QList<QByteArray> naivePath(qsizetype m, const QList<QByteArray> &d) {
    if (d.size() <= 1)
        return {};
    qsizetype k = 1;
    while (k * 2 < d.size())
        k *= 2;
    if (m < k)
        return naivePath(m, d.mid(0, k)) << naiveMth(d.mid(k));
    return naivePath(m - k, d.mid(k)) << naiveMth(d.mid(0, k));
}

static QList<QByteArray> naiveSubproof(qsizetype m, const QList<QByteArray> &d, bool b) {
    if (m == d.size())
        return b ? QList<QByteArray>{} : QList<QByteArray>{naiveMth(d)};
    qsizetype k = 1;
    while (k * 2 < d.size())
        k *= 2;
    if (m <= k)
        return naiveSubproof(m, d.mid(0, k), b) << naiveMth(d.mid(k));
    return naiveSubproof(m - k, d.mid(k), false) << naiveMth(d.mid(0, k));
}

static QList<QByteArray> leavesOfSize(int n) {
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out.append(leafHash(QByteArray::number(i * 31 + 7)));
    return out;
}

void TestMerkle::hashPrimitives() {
    QCOMPARE(emptyRoot().toHex(),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(leafHash(""), sha256(QByteArray(1, '\0')));
    const QByteArray l(32, 'L'), r(32, 'R');
    QCOMPARE(nodeHash(l, r), sha256(QByteArray(QByteArray(1, '\1') + l + r)));
    QVERIFY(nodeHash(l, r) != nodeHash(r, l));
}

void TestMerkle::rfc6962Roots() {
    const char *roots[] = {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                           "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                           "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                           "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                           "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                           "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                           "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                           "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    const VectorTree tree(referenceLeaves());
    QCOMPARE(rootOf(tree, 0), emptyRoot());
    for (int n = 1; n <= 8; ++n)
        QCOMPARE(rootOf(tree, static_cast<quint64>(n)).toHex(), QByteArray(roots[n - 1]));
}

void TestMerkle::rfc6962InclusionProofs() {
    const VectorTree tree(referenceLeaves());
    struct Case {
        quint64 index, size;
        QList<QByteArray> proof;
    };
    const QList<Case> cases{
        {0, 1, {}},
        {0,
         8,
         {h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")}},
        {5,
         8,
         {h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
          h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}},
        {2, 3, {h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")}},
        {1,
         5,
         {h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}},
    };
    const QList<QByteArray> leaves = referenceLeaves();
    for (const Case &c : cases) {
        const auto proof = inclusionProof(tree, c.index, c.size);
        QVERIFY(proof.ok());
        QCOMPARE(proof.value(), c.proof);
        QVERIFY(verifyInclusion(leaves.at(static_cast<qsizetype>(c.index)), c.index, c.size, c.proof,
                                rootOf(tree, c.size)));
    }
}

void TestMerkle::rfc6962ConsistencyProofs() {
    const VectorTree tree(referenceLeaves());
    struct Case {
        quint64 oldSize, newSize;
        QList<QByteArray> proof;
    };
    const QList<Case> cases{
        {1, 1, {}},
        {1,
         8,
         {h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
          h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")}},
        {6,
         8,
         {h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
          h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}},
        {2,
         5,
         {h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
          h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}},
    };
    for (const Case &c : cases) {
        const auto proof = consistencyProof(tree, c.oldSize, c.newSize);
        QVERIFY(proof.ok());
        QCOMPARE(proof.value(), c.proof);
        QVERIFY(verifyConsistency(c.oldSize, c.newSize, rootOf(tree, c.oldSize), rootOf(tree, c.newSize),
                                  c.proof));
    }
}

void TestMerkle::matchesNaiveDefinition() {
    for (int n = 1; n <= 70; ++n) {
        const QList<QByteArray> leaves = leavesOfSize(n);
        const VectorTree tree(leaves);
        const QByteArray root = rootOf(tree, static_cast<quint64>(n));
        QCOMPARE(root, naiveMth(leaves));
        for (int m = 0; m < n; ++m) {
            const auto proof = inclusionProof(tree, static_cast<quint64>(m), static_cast<quint64>(n));
            QCOMPARE(proof.value(), naivePath(m, leaves));
            QVERIFY(verifyInclusion(leaves.at(m), static_cast<quint64>(m), static_cast<quint64>(n),
                                    proof.value(), root));
        }
        for (int m = 1; m <= n; ++m) {
            const auto proof = consistencyProof(tree, static_cast<quint64>(m), static_cast<quint64>(n));
            QCOMPARE(proof.value(), m == n ? QList<QByteArray>{} : naiveSubproof(m, leaves, true));
            QVERIFY(verifyConsistency(static_cast<quint64>(m), static_cast<quint64>(n),
                                      naiveMth(leaves.mid(0, m)), root, proof.value()));
        }
    }
}

void TestMerkle::builderMatchesRootAndReportsNodes() {
    const QList<QByteArray> leaves = leavesOfSize(100);
    TreeBuilder b;
    QCOMPARE(b.root(), emptyRoot());
    QHash<QPair<int, quint64>, QByteArray> nodes;
    for (int i = 0; i < leaves.size(); ++i) {
        b.append(leaves.at(i), [&](int level, quint64 index, const QByteArray &hash) {
            nodes.insert({level, index}, hash);
        });
        QCOMPARE(b.size(), quint64(i + 1));
        QCOMPARE(b.root(), naiveMth(leaves.mid(0, i + 1)));
    }
    // Every reported node is the root of its perfect aligned subtree, and all of them are reported.
    int expected = 0;
    for (int level = 1; (1 << level) <= 100; ++level)
        expected += 100 >> level;
    QCOMPARE(nodes.size(), expected);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const int width = 1 << it.key().first;
        QCOMPARE(it.value(), naiveMth(leaves.mid(static_cast<qsizetype>(it.key().second) * width, width)));
    }
}

void TestMerkle::builderResumesFromFrontier() {
    const QList<QByteArray> leaves = leavesOfSize(77);
    TreeBuilder first;
    for (int i = 0; i < 45; ++i)
        first.append(leaves.at(i));
    // 45 = 32 + 8 + 4 + 1: four perfect subtrees, largest first.
    const auto nodes = TreeBuilder::frontierNodes(45);
    const QList<QPair<int, quint64>> expected{{5, 0}, {3, 4}, {2, 10}, {0, 44}};
    QCOMPARE(nodes, expected);
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const int width = 1 << nodes.at(i).first;
        QCOMPARE(first.frontier().at(i),
                 naiveMth(leaves.mid(static_cast<qsizetype>(nodes.at(i).second) * width, width)));
    }
    auto resumed = TreeBuilder::fromFrontier(45, first.frontier());
    QVERIFY(resumed.ok());
    for (int i = 45; i < 77; ++i)
        resumed->append(leaves.at(i));
    QCOMPARE(resumed->root(), naiveMth(leaves));
    QCOMPARE(resumed->size(), quint64(77));
}

void TestMerkle::perfectNodesShortcutSubtrees() {
    class CountingTree final : public TreeReader {
    public:
        explicit CountingTree(QList<QByteArray> leaves)
            : m_leaves(std::move(leaves)) {
            TreeBuilder b;
            for (const QByteArray &l : m_leaves)
                b.append(l, [this](int level, quint64 index, const QByteArray &hash) {
                    if (level >= 4)
                        m_nodes.insert({level, index}, hash);
                });
        }
        QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
            m_leafReads += static_cast<int>(end - begin);
            return m_leaves.mid(static_cast<qsizetype>(begin), static_cast<qsizetype>(end - begin));
        }
        std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
            auto it = m_nodes.find({level, index});
            return it == m_nodes.end() ? std::nullopt : std::optional<QByteArray>(*it);
        }
        mutable int m_leafReads = 0;

    private:
        QList<QByteArray> m_leaves;
        QHash<QPair<int, quint64>, QByteArray> m_nodes;
    };
    const QList<QByteArray> leaves = leavesOfSize(5000);
    CountingTree tree(leaves);
    const QByteArray root = rootOf(tree, 5000);
    QCOMPARE(root, naiveMth(leaves));
    QVERIFY2(tree.m_leafReads < 64, qPrintable(QString::number(tree.m_leafReads)));
    tree.m_leafReads = 0;
    const auto proof = inclusionProof(tree, 1234, 5000);
    QVERIFY(verifyInclusion(leaves.at(1234), 1234, 5000, proof.value(), root));
    QVERIFY2(tree.m_leafReads < 200, qPrintable(QString::number(tree.m_leafReads)));
}

// Every way of altering a valid proof; each must make verification fail.
static QList<QList<QByteArray>> mutatedProofs(const QList<QByteArray> &proof) {
    QList<QList<QByteArray>> out;
    const QByteArray junk = sha256("junk");
    for (qsizetype i = 0; i < proof.size(); ++i) {
        for (int bit : {0, 129, 255}) {
            QList<QByteArray> p = proof;
            p[i][bit / 8] = static_cast<char>(p[i][bit / 8] ^ (1 << (bit % 8)));
            out.append(p);
        }
        QList<QByteArray> removed = proof;
        removed.removeAt(i);
        out.append(removed);
        QList<QByteArray> truncated = proof;
        truncated[i].chop(1);
        out.append(truncated);
        QList<QByteArray> extended = proof;
        extended[i].append('\0');
        out.append(extended);
        if (i + 1 < proof.size()) {
            QList<QByteArray> swapped = proof;
            swapped.swapItemsAt(i, i + 1);
            if (swapped != proof)
                out.append(swapped);
        }
    }
    for (qsizetype i = 0; i <= proof.size(); ++i) {
        QList<QByteArray> inserted = proof;
        inserted.insert(i, junk);
        out.append(inserted);
    }
    QList<QByteArray> before = proof, after = proof;
    before.prepend(junk);
    after.append(junk);
    out << before << after;
    if (!proof.isEmpty()) {
        QList<QByteArray> dup = proof;
        dup.append(proof.last());
        out.append(dup);
    }
    return out;
}

void TestMerkle::inclusionMutationsFail() {
    int checked = 0;
    for (int n : {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100}) {
        const QList<QByteArray> leaves = leavesOfSize(n);
        const VectorTree tree(leaves);
        const quint64 size = static_cast<quint64>(n);
        const QByteArray root = rootOf(tree, size);
        QByteArray wrongRoot = root;
        wrongRoot[0] = static_cast<char>(wrongRoot[0] ^ 1);
        for (int m = 0; m < n; ++m) {
            const quint64 idx = static_cast<quint64>(m);
            const QList<QByteArray> proof = inclusionProof(tree, idx, size).value();
            const QByteArray leaf = leaves.at(m);
            QVERIFY(verifyInclusion(leaf, idx, size, proof, root));
            // index ± 1, size × 2 and / 2, wrong root, wrong leaf
            QVERIFY(!verifyInclusion(leaf, idx + 1, size, proof, root));
            if (m > 0)
                QVERIFY(!verifyInclusion(leaf, idx - 1, size, proof, root));
            QVERIFY2(!verifyInclusion(leaf, idx, size * 2, proof, root),
                     qPrintable(QStringLiteral("%1/%2").arg(m).arg(n)));
            if (size / 2 != size)
                QVERIFY(!verifyInclusion(leaf, idx, size / 2, proof, root));
            QVERIFY(!verifyInclusion(leaf, idx, size, proof, wrongRoot));
            QVERIFY(!verifyInclusion(leafHash("other"), idx, size, proof, root));
            QVERIFY(!verifyInclusion(leaf.left(31), idx, size, proof, root));
            for (const QList<QByteArray> &bad : mutatedProofs(proof)) {
                QVERIFY2(!verifyInclusion(leaf, idx, size, bad, root),
                         qPrintable(QStringLiteral("%1/%2").arg(m).arg(n)));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 10000);
}

void TestMerkle::consistencyMutationsFail() {
    int checked = 0;
    for (int n : {2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 64, 100}) {
        const QList<QByteArray> leaves = leavesOfSize(n);
        const VectorTree tree(leaves);
        const quint64 newSize = static_cast<quint64>(n);
        const QByteArray newRoot = rootOf(tree, newSize);
        for (int m = 1; m < n; ++m) {
            const quint64 oldSize = static_cast<quint64>(m);
            const QByteArray oldRoot = rootOf(tree, oldSize);
            const QList<QByteArray> proof = consistencyProof(tree, oldSize, newSize).value();
            QVERIFY(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof));
            QVERIFY(!verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)); // swapped roots
            QVERIFY(!verifyConsistency(newSize, oldSize, newRoot, oldRoot, proof)); // old size > new size
            QVERIFY(!verifyConsistency(oldSize + 1, newSize, oldRoot, newRoot, proof));
            QVERIFY(!verifyConsistency(oldSize - 1, newSize, oldRoot, newRoot, proof));
            QVERIFY(!verifyConsistency(oldSize, newSize * 2, oldRoot, newRoot, proof));
            // Sizes other than ×2 and /2 can share a proof's shape (2→3 and 2→4 do): RFC 9162
            // proofs only mean something for the size a signed checkpoint binds to its root.
            if (newSize / 2 >= oldSize)
                QVERIFY(!verifyConsistency(oldSize, newSize / 2, oldRoot, newRoot, proof));
            QVERIFY(!verifyConsistency(oldSize * 2 <= newSize ? oldSize * 2 : oldSize / 2, newSize, oldRoot,
                                       newRoot, proof));
            QByteArray wrong = oldRoot;
            wrong[31] = static_cast<char>(wrong[31] ^ 0x80);
            QVERIFY(!verifyConsistency(oldSize, newSize, wrong, newRoot, proof));
            wrong = newRoot;
            wrong[5] = static_cast<char>(wrong[5] ^ 0x10);
            QVERIFY(!verifyConsistency(oldSize, newSize, oldRoot, wrong, proof));
            for (const QList<QByteArray> &bad : mutatedProofs(proof)) {
                QVERIFY2(!verifyConsistency(oldSize, newSize, oldRoot, newRoot, bad),
                         qPrintable(QStringLiteral("%1→%2").arg(m).arg(n)));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 5000);
}

void TestMerkle::rejectsBadArguments() {
    const VectorTree tree(leavesOfSize(4));
    QVERIFY(!inclusionProof(tree, 4, 4).ok());
    QVERIFY(!consistencyProof(tree, 5, 4).ok());
    QVERIFY(consistencyProof(tree, 0, 4).value().isEmpty());
    QVERIFY(verifyConsistency(0, 4, emptyRoot(), rootOf(tree, 4), {}));
    QVERIFY(!verifyConsistency(0, 4, emptyRoot(), rootOf(tree, 4), {emptyRoot()}));
    QVERIFY(!verifyInclusion(leafHash("x"), 0, 0, {}, emptyRoot()));
    QVERIFY(!TreeBuilder::fromFrontier(3, {emptyRoot()}).ok());
}

QTEST_GUILESS_MAIN(TestMerkle)
#include "tst_merkle.moc"
