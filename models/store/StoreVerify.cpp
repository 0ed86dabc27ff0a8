// SqliteEvidenceStore::verify: the shared log checks (LogVerifier) over this file's rows, then
// what only a local file has: its projection tables, its integrity check and its sidecar.
#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"
#include "SqliteVerifiedView.h"

#include "LogVerifier.h"
#include "Projections.h"
#include "Schema.h"

#include <QFileInfo>

#include <sqlite3.h>

#include <limits>

namespace ops {

using namespace store;

namespace {

class SqliteLogSource final : public LogSource {
public:
    using Frontier = std::function<Result<crypto::merkle::TreeBuilder>(quint64)>;
    SqliteLogSource(Database &db, bool projections, Frontier frontier = {})
        : m_db(db)
        , m_projections(projections)
        , m_frontier(std::move(frontier)) {}

    Result<void> prepare() {
        auto cps = Statement::prepare(
            m_db, "SELECT size, root, canonical, signature, ts_ms, signer FROM checkpoints ORDER BY size");
        auto rows = Statement::prepare(
            m_db, "SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed "
                  "FROM events ORDER BY seq");
        auto node = Statement::prepare(m_db, "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?");
        auto present = Statement::prepare(m_db, "SELECT 1 FROM blobs WHERE sha256 = ?");
        for (auto *st : {&cps, &rows, &node, &present})
            if (!st->ok())
                return st->error();
        m_cps = std::move(cps).value();
        m_rows = std::move(rows).value();
        m_node = std::move(node).value();
        m_present = std::move(present).value();
        return {};
    }

    Result<void> startAfter(quint64 size) override {
        auto cps = Statement::prepare(
            m_db, "SELECT size, root, canonical, signature, ts_ms, signer FROM checkpoints "
                  "WHERE size > ? ORDER BY size");
        auto rows =
            Statement::prepare(m_db, "SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, "
                                     "signed FROM events WHERE seq > ? ORDER BY seq");
        for (auto *st : {&cps, &rows})
            if (!st->ok())
                return st->error();
        m_cps = std::move(cps).value();
        m_rows = std::move(rows).value();
        m_cps.bind(1, static_cast<qint64>(size));
        m_rows.bind(1, static_cast<qint64>(size));
        return {};
    }

    Result<crypto::merkle::TreeBuilder> frontier(quint64 size) override {
        if (!m_frontier)
            return LogSource::frontier(size);
        return m_frontier(size);
    }

    Result<QList<StoredEvent>> identityEventsUpTo(quint64 size) override {
        auto st =
            Statement::prepare(m_db, "SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, "
                                     "signed FROM events WHERE kind >= 'identity.' AND kind < 'identity/' "
                                     "AND seq <= ? ORDER BY seq");
        if (!st.ok())
            return st.error();
        st->bind(1, static_cast<qint64>(size));
        QList<StoredEvent> out;
        while (true) {
            auto more = st->step();
            if (!more.ok())
                return more.error();
            if (!more.value())
                return out;
            LogEventRow row;
            readRow(st.value(), row);
            out << row.toEvent();
        }
    }

    Result<quint64> size() override {
        auto st = Statement::prepare(m_db, "SELECT COALESCE(MAX(seq), 0) FROM events");
        if (!st.ok())
            return st.error();
        if (auto r = st->step(); !r.ok())
            return r.error();
        return static_cast<quint64>(st->int64(0));
    }

    Result<bool> nextEvent(LogEventRow &row) override {
        auto more = m_rows.step();
        if (!more.ok() || !more.value())
            return more;
        readRow(m_rows, row);
        return true;
    }

    Result<bool> nextCheckpoint(LogCheckpointRow &cp) override {
        auto more = m_cps.step();
        if (!more.ok() || !more.value())
            return more;
        const QByteArrayView c = m_cps.blobView(2);
        cp = LogCheckpointRow{static_cast<quint64>(m_cps.int64(0)),
                              m_cps.blob(1),
                              std::string(c.data(), static_cast<std::size_t>(c.size())),
                              m_cps.blob(3),
                              m_cps.int64(4),
                              m_cps.text(5)};
        return true;
    }

    Result<std::optional<QByteArray>> storedNode(int level, quint64 index) override {
        m_node.reset();
        m_node.bind(1, qint64(level)).bind(2, static_cast<qint64>(index));
        auto row = m_node.step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(m_node.blob(0));
    }

    Result<quint64> storedNodeCount() override {
        auto st = Statement::prepare(m_db, "SELECT COUNT(*) FROM merkle_nodes");
        if (!st.ok())
            return st.error();
        if (auto r = st->step(); !r.ok())
            return r.error();
        return static_cast<quint64>(st->int64(0));
    }

    Result<void> forEachBlob(const BlobVisitor &visit) override {
        auto blobs = Statement::prepare(m_db, "SELECT sha256, size, data FROM blobs ORDER BY sha256");
        if (!blobs.ok())
            return blobs.error();
        while (true) {
            auto row = blobs->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return {};
            visit(blobs->text(0), blobs->int64(1), blobs->blobView(2));
        }
    }

    Result<bool> hasBlob(const QString &sha256Hex) override {
        m_present.reset();
        m_present.bind(1, sha256Hex);
        return m_present.step();
    }

    Result<void> projectIdentity(const StoredEvent &event, const JsonValue &payload) override {
        if (!m_projections)
            return {};
        return applyProjections(m_db, "temp", event, payload);
    }

private:
    // A row of "SELECT seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed", as views
    // into SQLite's row: valid until the next step.
    static void readRow(Statement &st, LogEventRow &row) {
        row.seq = static_cast<quint64>(st.int64(0));
        row.uuid = st.textView(1);
        row.tsMs = st.int64(2);
        row.actor = st.textView(3);
        row.kind = st.textView(4);
        row.scope = st.textView(5);
        row.canonical = st.blobView(6);
        row.leafHash = st.blobView(7);
        row.signedByActor = st.int64(8) != 0;
    }

    Database &m_db;
    bool m_projections;
    Frontier m_frontier;
    Statement m_cps, m_rows, m_node, m_present;
};

// A read transaction: every cursor in it sees one snapshot, even while other processes append.
// Rolled back when it goes (nothing is written in it).
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database &db)
        : m_db(db) {}
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    ~ReadSnapshot() {
        if (m_open)
            (void)m_db.exec("ROLLBACK");
    }
    Result<void> begin() {
        auto r = m_db.exec("BEGIN");
        m_open = r.ok();
        return r;
    }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace

Result<void> SqliteEvidenceStore::readLog(const std::function<Result<void>(LogSource &)> &reader) const {
    ReadSnapshot snapshot(m_db);
    if (auto r = snapshot.begin(); !r.ok())
        return r.error();
    SqliteLogSource source(m_db, false);
    if (auto r = source.prepare(); !r.ok())
        return r.error();
    return reader(source);
}

Result<void> SqliteVerifiedView::checkTail() {
    auto n = sqlitestore::maxSeq(m_store.m_db);
    if (!n.ok())
        return n.error();
    // Once an event fails it stays failed: the log only grows, and nothing is written after it.
    if (firstBad || (verified && verified->size == n.value()) || tailCheckedAt == n.value())
        return {};
    VerifyOptions options(true, false, {});
    options.blobs = false;
    options.after = verified; // none: this process verifies the log from its first event
    SqliteLogSource source(m_store.m_db, false, [this](quint64 size) { return m_store.loadFrontier(size); });
    if (auto r = source.prepare(); !r.ok())
        return r.error();
    auto report = verifyLog(source, m_store.m_storeId, m_store.m_options.trust, options);
    if (!report.ok())
        return report.error();
    tailCheckedAt = n.value();
    if (report->reason.isEmpty()) {
        auto latest = m_store.latestCheckpoint();
        if (!latest.ok())
            return latest.error();
        if (latest->size == n.value())
            verified = VerifyOptions::Base{latest->size, latest->root, latest->tsMs};
        return {};
    }
    firstBad = report->firstBadSeq.value_or(verified ? verified->size + 1 : 1);
    tailProblem = report->reason;
    return {};
}

void SqliteVerifiedView::verifiedUpTo(const Checkpoint &cp) {
    verified = VerifyOptions::Base{cp.size, cp.root, cp.tsMs};
    tailCheckedAt = cp.size;
}

Result<quint64> SqliteVerifiedView::trustedThrough() {
    ReadSnapshot snapshot(m_store.m_db);
    if (sqlite3_get_autocommit(m_store.m_db.handle()) != 0)
        if (auto r = snapshot.begin(); !r.ok())
            return r.error();
    if (auto r = checkTail(); !r.ok())
        return r.error();
    return firstBad ? *firstBad - 1 : std::numeric_limits<quint64>::max();
}

Result<VerifyReport> SqliteEvidenceStore::verify(const VerifyOptions &options, const Progress &progress) {
    ReadSnapshot snapshot(m_db);
    if (auto r = snapshot.begin(); !r.ok())
        return r.error();

    if (options.projections) {
        // Rebuilt in the connection's temp schema: writable even on a read-only store, and gone
        // with the read transaction's rollback.
        if (auto r = createProjectionTables(m_db, "temp"); !r.ok())
            return r.error();
    }
    SqliteLogSource source(m_db, options.projections);
    if (auto r = source.prepare(); !r.ok())
        return r.error();
    auto verified = verifyLog(source, m_storeId, m_options.trust, options, progress);
    if (!verified.ok())
        return verified.error();
    VerifyReport report = std::move(verified).value();
    const quint64 n = report.events;

    if (options.projections) {
        for (const QString &table : projectionTables()) {
            const std::string t = table.toStdString();
            auto diff = Statement::prepare(m_db, "SELECT (SELECT COUNT(*) FROM (SELECT * FROM main." + t +
                                                     " EXCEPT SELECT * FROM temp." + t +
                                                     ")) + (SELECT COUNT(*) FROM (SELECT * FROM temp." + t +
                                                     " EXCEPT SELECT * FROM main." + t + "))");
            if (!diff.ok())
                return diff.error();
            if (auto r = diff->step(); !r.ok())
                return r.error();
            if (diff->int64(0) != 0)
                recordFailure(report, std::nullopt,
                              QStringLiteral("the %1 table differs from what the events say").arg(table));
        }
    }

    if (auto r = awaitIntegrity(); !r.ok())
        recordFailure(report, std::nullopt, r.error().message);
    if (!m_view.integrityProblem.isEmpty())
        recordFailure(report, n + 1, m_view.integrityProblem);
    else if (!m_view.files.sidecarExists() && n > 0)
        report.notes << QStringLiteral(
            "no checkpoint sidecar beside the store; rollback to an older copy cannot be detected");

    report.intact = report.reason.isEmpty();
    bool pinsAdded = false;
    for (const QString &pin : options.pins)
        pinsAdded = pinsAdded || !m_options.trust.admins.contains(pin);
    if (report.intact && !pinsAdded)
        if (auto latest = latestCheckpoint(); latest.ok())
            m_view.writeAnchors(latest.value()); // the last checkpoint this user verified
    if (progress)
        progress(report.events, report.events);
    return report;
}

} // namespace ops
