// The team log's store: verify, and the tail check an append or a witness makes before it builds on
// what other consoles appended (row readers shared by the paged and the prefetched log source). The
// verified base the tail check starts from is kept in PgVerifiedBase.cpp.
#include "PgEvidenceStore.h"
#include "PgVerifiedView.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"

#include "Witness.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace ops {

namespace merkle = crypto::merkle;

using pg::kEventCols;
using pg::PgTreeReader;
using pg::readRow;

namespace {

// The row readers both log sources share (columns as kEventCols, and size, root, canonical,
// signature, ts_ms, signer for checkpoints).
void eventRowAt(const pg::Rows &r, int i, LogEventRow &row) {
    row.seq = static_cast<quint64>(r.i64(i, 0));
    row.uuid = r.textView(i, 1);
    row.tsMs = r.i64(i, 2);
    row.actor = r.textView(i, 3);
    row.kind = r.textView(i, 4);
    row.scope = r.textView(i, 5);
    row.canonical = r.bytesView(i, 6);
    row.leafHash = r.bytesView(i, 7);
    row.signedByActor = r.boolean(i, 8);
}

LogCheckpointRow checkpointRowAt(const pg::Rows &r, int i) {
    const QByteArrayView c = r.bytesView(i, 2);
    return LogCheckpointRow{static_cast<quint64>(r.i64(i, 0)),
                            r.bytes(i, 1),
                            std::string(c.data(), static_cast<std::size_t>(c.size())),
                            r.bytes(i, 3),
                            r.i64(i, 4),
                            r.text(i, 5)};
}

Result<QList<StoredEvent>> identityEventsThrough(pg::Connection &c, quint64 size) {
    const std::string sql = std::string("SELECT ") + kEventCols +
                            " FROM opsconsole.events WHERE kind >= 'identity.' AND kind < 'identity/' "
                            "AND seq <= $1 ORDER BY seq";
    return pg::readEvents(c, sql.c_str(), pg::Params().i64(static_cast<qint64>(size)));
}

Result<std::optional<QByteArray>> storedNodeOf(pg::Connection &c, int level, quint64 index) {
    auto r = c.query("SELECT hash FROM opsconsole.merkle_nodes WHERE level = $1 AND idx = $2",
                     pg::Params().i64(level).i64(static_cast<qint64>(index)));
    if (!r.ok())
        return r.error();
    if (r->count() == 0)
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(r->bytes(0, 0));
}

Result<bool> hasBlobIn(pg::Connection &c, const QString &sha256Hex) {
    auto r = c.query("SELECT 1 FROM opsconsole.blobs WHERE sha256 = $1", pg::Params().text(sha256Hex));
    if (!r.ok())
        return r.error();
    return r->count() > 0;
}

// Rows read page by page inside one snapshot (the caller holds a REPEATABLE READ transaction).
class PgLogSource final : public LogSource {
public:
    explicit PgLogSource(pg::Connection &c,
                         std::function<Result<merkle::TreeBuilder>(quint64)> frontier = nullptr)
        : m_conn(c)
        , m_frontier(std::move(frontier)) {}

    Result<void> startAfter(quint64 size) override {
        m_lastSeq = m_lastCp = static_cast<qint64>(size);
        m_events = {};
        m_cps = {};
        m_eventAt = m_cpAt = 0;
        m_eventsDone = m_cpsDone = false;
        return {};
    }
    Result<merkle::TreeBuilder> frontier(quint64 size) override {
        if (!m_frontier)
            return LogSource::frontier(size);
        return m_frontier(size);
    }
    Result<QList<StoredEvent>> identityEventsUpTo(quint64 size) override {
        return identityEventsThrough(m_conn, size);
    }

    Result<quint64> size() override {
        auto r = m_conn.query("SELECT COALESCE(MAX(seq), 0)::bigint FROM opsconsole.events");
        if (!r.ok())
            return r.error();
        return static_cast<quint64>(r->i64(0, 0));
    }
    Result<bool> nextEvent(LogEventRow &row) override {
        if (m_eventAt >= m_events.count()) {
            if (m_eventsDone)
                return false;
            auto page =
                m_conn.query("SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed "
                             "FROM opsconsole.events WHERE seq > $1 ORDER BY seq LIMIT 8192",
                             pg::Params().i64(m_lastSeq));
            if (!page.ok())
                return page.error();
            m_events = std::move(page).value();
            m_eventAt = 0;
            if (m_events.count() < 8192)
                m_eventsDone = true;
            if (m_events.count() == 0)
                return false;
        }
        const int i = m_eventAt++;
        eventRowAt(m_events, i, row);
        m_lastSeq = static_cast<qint64>(row.seq);
        return true;
    }
    Result<bool> nextCheckpoint(LogCheckpointRow &cp) override {
        if (m_cpAt >= m_cps.count()) {
            if (m_cpsDone)
                return false;
            auto page = m_conn.query(
                "SELECT size, root, canonical, signature, ts_ms, signer FROM opsconsole.checkpoints "
                "WHERE size > $1 ORDER BY size LIMIT 8192",
                pg::Params().i64(m_lastCp));
            if (!page.ok())
                return page.error();
            m_cps = std::move(page).value();
            m_cpAt = 0;
            if (m_cps.count() < 8192)
                m_cpsDone = true;
            if (m_cps.count() == 0)
                return false;
        }
        const int i = m_cpAt++;
        cp = checkpointRowAt(m_cps, i);
        m_lastCp = static_cast<qint64>(cp.size);
        return true;
    }
    Result<std::optional<QByteArray>> storedNode(int level, quint64 index) override {
        return storedNodeOf(m_conn, level, index);
    }
    Result<quint64> storedNodeCount() override {
        auto r = m_conn.query("SELECT COUNT(*)::bigint FROM opsconsole.merkle_nodes");
        if (!r.ok())
            return r.error();
        return static_cast<quint64>(r->i64(0, 0));
    }
    Result<void> forEachBlob(const BlobVisitor &visit) override {
        QString after;
        while (true) {
            // One blob at a time: attachments may be large.
            auto r = m_conn.query(
                "SELECT sha256, size, data FROM opsconsole.blobs WHERE sha256 > $1 ORDER BY sha256 "
                "LIMIT 1",
                pg::Params().text(after));
            if (!r.ok())
                return r.error();
            if (r->count() == 0)
                return {};
            after = r->text(0, 0);
            visit(after, r->i64(0, 1), r->bytesView(0, 2));
        }
    }
    Result<bool> hasBlob(const QString &sha256Hex) override { return hasBlobIn(m_conn, sha256Hex); }

private:
    pg::Connection &m_conn;
    std::function<Result<merkle::TreeBuilder>(quint64)> m_frontier;
    pg::Rows m_events, m_cps;
    int m_eventAt = 0, m_cpAt = 0;
    bool m_eventsDone = false, m_cpsDone = false;
    qint64 m_lastSeq = 0, m_lastCp = 0;
};

// The events and checkpoints after what this console verified, as an append read them in its
// first round trip under the locked head; the frontier and identity events at that point from
// what this console kept when it verified them. Subtree rows and blobs, rarely asked, are read.
class PrefetchedLogSource final : public LogSource {
public:
    PrefetchedLogSource(pg::Connection &c, const pg::Rows &events, const pg::Rows &cps, quint64 size,
                        const merkle::TreeBuilder &tree, const QList<StoredEvent> &identities,
                        const std::optional<IdentityRegistry> &registry)
        : m_conn(c)
        , m_events(events)
        , m_cps(cps)
        , m_size(size)
        , m_tree(tree)
        , m_identities(identities)
        , m_registry(registry) {}

    std::optional<IdentityRegistry> registryAt(quint64 size) override {
        (void)size; // kept for exactly the verified size
        return m_registry;
    }

    Result<quint64> size() override { return m_size; }
    Result<void> startAfter(quint64 size) override {
        (void)size; // the rows start there
        return {};
    }
    Result<merkle::TreeBuilder> frontier(quint64 size) override {
        if (m_tree.size() != size)
            return makeError(ErrorCode::Store, QStringLiteral("no frontier kept at %1").arg(size));
        return m_tree;
    }
    Result<QList<StoredEvent>> identityEventsUpTo(quint64 size) override {
        (void)size; // kept for exactly the verified size
        return m_identities;
    }
    Result<bool> nextEvent(LogEventRow &row) override {
        if (m_eventAt >= m_events.count())
            return false;
        const int i = m_eventAt++;
        eventRowAt(m_events, i, row);
        return true;
    }
    Result<bool> nextCheckpoint(LogCheckpointRow &cp) override {
        if (m_cpAt >= m_cps.count())
            return false;
        const int i = m_cpAt++;
        cp = checkpointRowAt(m_cps, i);
        return true;
    }
    Result<std::optional<QByteArray>> storedNode(int level, quint64 index) override {
        return storedNodeOf(m_conn, level, index);
    }
    Result<quint64> storedNodeCount() override {
        return makeError(ErrorCode::Store, QStringLiteral("not counted from a checkpoint on"));
    }
    Result<void> forEachBlob(const BlobVisitor &visit) override {
        (void)visit;
        return makeError(ErrorCode::Store, QStringLiteral("blobs are not read from a checkpoint on"));
    }
    Result<bool> hasBlob(const QString &sha256Hex) override { return hasBlobIn(m_conn, sha256Hex); }

private:
    pg::Connection &m_conn;
    const pg::Rows &m_events;
    const pg::Rows &m_cps;
    quint64 m_size;
    const merkle::TreeBuilder &m_tree;
    const QList<StoredEvent> &m_identities;
    const std::optional<IdentityRegistry> &m_registry;
    int m_eventAt = 0, m_cpAt = 0;
};

} // namespace

Result<VerifyReport> PgEvidenceStore::verify(const VerifyOptions &options, const Progress &progress) {
    // One snapshot for every page read, while other consoles go on appending.
    auto tx = pg::Transaction::begin(m_conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!tx.ok())
        return tx.error();
    PgLogSource source(m_conn);
    auto verified = verifyLog(source, m_storeId, m_options.trust, options, progress);
    if (!verified.ok())
        return verified.error();
    VerifyReport report = std::move(verified).value();
    // The head row must agree with the events (a head moved past them hides nothing, but a head
    // behind them would hand out positions twice).
    if (auto n = size(); n.ok() && n.value() != report.events)
        recordFailure(report, qMin(n.value(), report.events) + 1,
                      QStringLiteral("the log head says %1 events, the log holds %2")
                          .arg(n.value())
                          .arg(report.events));
    // Every stored cosignature verifies; the largest checkpoint that has its quorum is reported.
    report.witnessing = true;
    report.witnessQuorum = m_options.trust.witnessQuorum;
    auto reg = registry();
    auto cosigs = cosignatures();
    if (!reg.ok() || !cosigs.ok())
        return !reg.ok() ? reg.error() : cosigs.error();
    QHash<quint64, QStringList> valid;
    for (const Cosignature &c : cosigs.value()) {
        auto cp = checkpointOfSize(c.size);
        const QString problem = cp.ok() ? cosignatureProblem(reg.value(), cp.value(), c) : cp.error().message;
        if (!problem.isEmpty())
            recordFailure(report, c.size,
                          QStringLiteral("checkpoint at size %1: %2").arg(c.size).arg(problem));
        else
            valid[c.size] << c.witness;
    }
    const int needed = qMax(1, m_options.trust.witnessQuorum);
    for (auto it = valid.cbegin(); it != valid.cend(); ++it)
        if (it.value().size() >= needed && it.key() > report.witnessedSize) {
            report.witnessedSize = it.key();
            report.witnesses = it.value();
        }
    report.intact = report.reason.isEmpty();
    if (progress)
        progress(report.events, report.events);
    return report;
}

Result<void> PgVerifiedView::checkTail() {
    if (m_store.m_conn.inTransaction())
        return checkTailHere();
    // One snapshot for the whole check, while other consoles go on appending.
    auto tx = pg::Transaction::begin(m_store.m_conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!tx.ok())
        return tx.error();
    return checkTailHere();
}

Result<void> PgVerifiedView::checkTailHere() {
    // The head and the events' top in one snapshot: an event past the head was inserted around the
    // append (which moves both in one transaction); it is named, and nothing after the head counts.
    auto top = m_store.m_conn.query("SELECT (SELECT size FROM opsconsole.log_head WHERE id = 1), "
                                    "(SELECT COALESCE(MAX(seq), 0) FROM opsconsole.events)::bigint");
    if (!top.ok())
        return top.error();
    if (top->count() != 1 || top->isNull(0, 0))
        return makeError(ErrorCode::Store, QStringLiteral("the team log has no head row"),
                         m_store.m_conn.label());
    const Result<quint64> n = static_cast<quint64>(top->i64(0, 0));
    // Once an event fails it stays failed: the log only grows, and this console writes nothing after it.
    if (firstBad)
        return {};
    // Named only after the events up to the head are verified: a row past the head must not stop the
    // check of the acts before it (an earlier bad act is what gets named).
    const bool pastHead = static_cast<quint64>(top->i64(0, 1)) > n.value();
    const auto namePastHead = [&] {
        if (!pastHead || (firstBad && *firstBad <= n.value() + 1))
            return;
        firstBad = n.value() + 1;
        tailProblem = QStringLiteral("event %1 lies past the log head (%2 events): it was written around "
                                     "the append, not by it")
                          .arg(n.value() + 1)
                          .arg(n.value());
    };
    if (tailCheckedAt == n.value()) {
        namePastHead();
        return {};
    }
    loadBase();
    if (verified && verified->size == n.value()) {
        tailCheckedAt = n.value();
        namePastHead();
        return {};
    }
    VerifyOptions options(true, false, {});
    options.blobs = false;
    options.after = verified; // none: from the first event
    PgLogSource source(m_store.m_conn, [this](quint64 size) -> Result<merkle::TreeBuilder> {
        if (verifiedTree && verifiedTree->size() == size)
            return *verifiedTree;
        return m_store.loadFrontier(size);
    });
    auto report = verifyLog(source, m_store.m_storeId, m_store.m_options.trust, options);
    if (!report.ok())
        return report.error();
    if (report->reason.isEmpty()) {
        // (From a checkpoint on, the report counts the events after it: the log's size is the head.)
        tailCheckedAt = n.value();
        auto latest = m_store.latestCheckpoint();
        if (!latest.ok())
            return latest.error();
        if (latest->size == n.value()) {
            verified = VerifyOptions::Base{latest->size, latest->root, latest->tsMs};
            baseAssumed = false;
        }
        namePastHead();
        return {};
    }
    firstBad = report->firstBadSeq.value_or(verified ? verified->size + 1 : 1);
    tailProblem = report->reason;
    namePastHead();
    return {};
}

const char *const PgVerifiedView::kTailEventsSql =
    "SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed FROM opsconsole.events "
    "WHERE seq > $1 ORDER BY seq LIMIT 256";
const char *const PgVerifiedView::kTailCheckpointsSql =
    "SELECT size, root, canonical, signature, ts_ms, signer FROM opsconsole.checkpoints WHERE size > $1 "
    "ORDER BY size LIMIT 256";

Result<void> PgVerifiedView::prepareCaches() {
    if (!verified)
        return {};
    const quint64 v = verified->size;
    if (!verifiedTree || verifiedTree->size() != v) {
        auto tree = m_store.loadFrontier(v);
        if (!tree.ok())
            return tree.error();
        verifiedTree = std::move(tree).value();
    }
    if (identitiesAt != v) {
        auto read = identityEventsThrough(m_store.m_conn, v);
        if (!read.ok())
            return read.error();
        identities = std::move(read).value();
        identitiesAt = v;
    }
    if (registryAtSize != v) {
        IdentityRegistry reg(m_store.m_options.trust, m_store.m_storeId);
        for (const StoredEvent &e : std::as_const(identities))
            (void)reg.apply(e, e.payload()); // an invalid identity event does not count; verify names it
        registryAt = std::move(reg);
        registryAtSize = v;
    }
    return {};
}

Result<bool> PgVerifiedView::checkTailFromRows(quint64 n, const pg::Rows &events, const pg::Rows &cps) {
    if (!verified || firstBad || !verifiedTree || verifiedTree->size() != verified->size ||
        identitiesAt != verified->size || events.count() >= 256 || cps.count() >= 256)
        return false;
    const quint64 v = verified->size;
    if (static_cast<quint64>(events.count()) != n - v)
        return false; // not what the locked head says: let the full reader look
    VerifyOptions options(true, false, {});
    options.blobs = false;
    options.after = verified;
    const std::optional<IdentityRegistry> kept =
        registryAtSize == v ? registryAt : std::optional<IdentityRegistry>();
    PrefetchedLogSource source(m_store.m_conn, events, cps, n, *verifiedTree, identities, kept);
    auto report = verifyLog(source, m_store.m_storeId, m_store.m_options.trust, options);
    if (!report.ok())
        return report.error();
    tailCheckedAt = n;
    if (!report->reason.isEmpty()) {
        firstBad = report->firstBadSeq.value_or(v + 1);
        tailProblem = report->reason;
        return true;
    }
    // What is verified now: up to the last checkpoint, with its frontier and identity events.
    if (cps.count() == 0)
        return true;
    const int last = cps.count() - 1;
    const quint64 cpSize = static_cast<quint64>(cps.i64(last, 0));
    if (cpSize <= v || cpSize > n)
        return true;
    merkle::TreeBuilder tree = *verifiedTree;
    const bool keepRegistry = registryAtSize == v && registryAt;
    for (int i = 0; i < events.count() && static_cast<quint64>(events.i64(i, 0)) <= cpSize; ++i) {
        tree.append(events.bytes(i, 7));
        if (events.textView(i, 4).substr(0, 9) == "identity.") {
            const StoredEvent e = readRow(events, i);
            if (keepRegistry)
                (void)registryAt->apply(e, e.payload()); // verified above; an invalid one does not count
            identities.append(e);
        }
    }
    if (keepRegistry)
        registryAtSize = cpSize;
    verified = VerifyOptions::Base{cpSize, cps.bytes(last, 1), cps.i64(last, 4)};
    baseAssumed = false;
    verifiedTree = std::move(tree);
    identitiesAt = cpSize;
    return true;
}

} // namespace ops
