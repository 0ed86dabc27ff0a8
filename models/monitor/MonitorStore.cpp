#include "MonitorStore.h"

#include "core/CanonicalJson.h"
#include "store/EvidenceTypes.h"
#include "store/Schema.h"
#include "store/Sqlite.h"

#include <QFileInfo>

namespace ops {

using store::Database;
using store::Statement;
using store::Transaction;

MonitorStore::~MonitorStore() = default;
MonitorStore::MonitorStore(MonitorStore &&) noexcept = default;
MonitorStore &MonitorStore::operator=(MonitorStore &&) noexcept = default;

namespace {

Result<void> upsertCell(Database &db, const AlertCell &c, qint64 evaluatedAtMs) {
    auto st = Statement::prepare(
        db, "INSERT OR REPLACE INTO alert_cells(alert, scope, state, severity, since_ms, detail,"
            " consecutive_bad, consecutive_good, acknowledged_by, note, evaluated_at_ms)"
            " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, c.alertId)
        .bind(2, c.scope)
        .bind(3, alertStateName(c.state))
        .bind(4, c.severity)
        .bind(5, c.sinceMs)
        .bind(6, c.detail.text())
        .bind(7, qint64(c.consecutiveBad))
        .bind(8, qint64(c.consecutiveGood))
        .bind(9, c.acknowledgedBy)
        .bind(10, c.acknowledgeNote)
        .bind(11, evaluatedAtMs)
        .run();
}

} // namespace

Phrase TargetStateRow::reasonPhrase() const {
    if (reasonWords.empty())
        return Phrase(reason);
    auto words = CanonicalJson::parse(reasonWords, 8);
    return Phrase::fromJson(words.ok() ? &words.value() : nullptr, reason);
}

std::string phraseWords(const Phrase &phrase) {
    const JsonValue words = phrase.toJson();
    return words.isString() ? std::string() : CanonicalJson::serialize(words);
}

QByteArray probeStateMessage(const QString &storeId, const TargetStateRow &row) {
    JsonValue o = JsonValue::object();
    o["store"] = storeId;
    o["target"] = row.target;
    o["scope"] = row.scope;
    o["kind"] = row.kind;
    o["state"] = row.state;
    o["reason"] = row.reason;
    o["since_ms"] = row.sinceMs;
    o["checked_at_ms"] = row.checkedAtMs;
    o["signer"] = row.signer;
    return QByteArrayLiteral("opsconsole probe-state v1\n") +
           QByteArray::fromStdString(CanonicalJson::serialize(o));
}

void signProbeStates(QList<TargetStateRow> &rows, const Signer &signer, const QString &storeId) {
    for (TargetStateRow &row : rows) {
        row.signer = signer.name;
        row.signature = signer.key.sign(probeStateMessage(storeId, row));
    }
}

Result<MonitorStore> MonitorStore::open(const QString &storePath, bool readOnly) {
    if (!QFileInfo::exists(storePath))
        return makeError(ErrorCode::Store,
                         QStringLiteral("no evidence store here; create one with 'opsconsole-cli init'"),
                         storePath);
    auto db = Database::open(storePath, false, readOnly);
    if (!db.ok())
        return db.error();
    MonitorStore m;
    m.m_db = std::make_unique<Database>(std::move(db).value());
    // A small page cache: appending samples touches only the right edge of the B-trees, and a
    // big cache would grow with the table for days (the soak benchmark watches memory).
    if (auto r = m.m_db->exec("PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512");
        !r.ok())
        return r.error();
    auto version = store::schemaVersion(*m.m_db);
    if (!version.ok())
        return version.error();
    if (version.value() > store::kSchemaVersion)
        return makeError(ErrorCode::Store, QStringLiteral("the store is newer than this program"), storePath);
    m.m_hasTables = version.value() >= 2;
    m.m_hasSignatures = version.value() >= 5;
    m.m_hasWords = version.value() >= 6;
    if (!m.m_hasSignatures && !readOnly)
        return makeError(ErrorCode::Store,
                         QStringLiteral("the store has not been migrated for the monitor yet"), storePath);
    return m;
}

Result<QHash<QString, TargetStateRow>> MonitorStore::targetStates() const {
    QHash<QString, TargetStateRow> out;
    if (!m_hasTables)
        return out;
    auto st = Statement::prepare(
        *m_db, m_hasWords        ? "SELECT target, scope, kind, state, reason, since_ms, "
                                   "checked_at_ms, signer, signature, reason_words FROM probe_states"
               : m_hasSignatures ? "SELECT target, scope, kind, state, reason, since_ms, "
                                   "checked_at_ms, signer, signature, '' FROM probe_states"
                                 : "SELECT target, scope, kind, state, reason, since_ms, "
                                   "checked_at_ms, '', NULL, '' FROM probe_states");
    if (!st.ok())
        return st.error();
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        TargetStateRow r{st->text(0),
                         st->text(1),
                         st->text(2),
                         st->text(3),
                         st->text(4),
                         st->int64(5),
                         st->int64(6),
                         st->text(7),
                         st->isNull(8) ? QByteArray() : st->blob(8),
                         0,
                         st->text(9).toStdString()};
        out.insert(r.target, r);
    }
    return out;
}

Result<QList<StoredAlertCell>> MonitorStore::alertCells() const {
    QList<StoredAlertCell> out;
    if (!m_hasTables)
        return out;
    auto st = Statement::prepare(
        *m_db, "SELECT alert, scope, state, severity, since_ms, detail, consecutive_bad,"
               " consecutive_good, acknowledged_by, note, evaluated_at_ms FROM alert_cells");
    if (!st.ok())
        return st.error();
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        StoredAlertCell s;
        s.cell.alertId = st->text(0);
        s.cell.scope = st->text(1);
        s.cell.state = alertStateFromName(st->text(2));
        s.cell.severity = st->text(3);
        s.cell.sinceMs = st->int64(4);
        s.cell.detail = st->text(5);
        s.cell.consecutiveBad = static_cast<int>(st->int64(6));
        s.cell.consecutiveGood = static_cast<int>(st->int64(7));
        s.cell.acknowledgedBy = st->text(8);
        s.cell.acknowledgeNote = st->text(9);
        s.evaluatedAtMs = st->int64(10);
        out.append(s);
    }
    return out;
}

Result<QList<ProbeSample>> MonitorStore::samples(const QString &scope, qint64 sinceMs, int limit) const {
    QList<ProbeSample> out;
    if (!m_hasTables)
        return out;
    auto st = Statement::prepare(*m_db,
                                 "SELECT target, scope, kind, state, reason, latency_ms, age_s, checked_at_ms"
                                 " FROM probe_samples WHERE scope = ? AND checked_at_ms >= ?"
                                 " ORDER BY checked_at_ms LIMIT ?");
    if (!st.ok())
        return st.error();
    st->bind(1, scope).bind(2, sinceMs).bind(3, qint64(limit));
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        ProbeSample s{st->text(0), st->text(1),  st->text(2),  st->text(3),
                      st->text(4), st->int64(5), std::nullopt, st->int64(7)};
        if (!st->isNull(6))
            s.ageS = st->int64(6);
        out.append(s);
    }
    return out;
}

Result<qint64> MonitorStore::sampleCount() const {
    if (!m_hasTables)
        return qint64(0);
    auto st = Statement::prepare(*m_db, "SELECT COUNT(*) FROM probe_samples");
    if (!st.ok())
        return st.error();
    if (auto row = st->step(); !row.ok())
        return row.error();
    return st->int64(0);
}

Result<void> MonitorStore::saveRound(const QList<ProbeResult> &results, const QList<TargetStateRow> &states,
                                     const QList<AlertCell> &cells, qint64 evaluatedAtMs,
                                     qint64 pruneBeforeMs) {
    auto tx = Transaction::begin(*m_db);
    if (!tx.ok())
        return tx.error();
    {
        auto sample = Statement::prepare(
            *m_db, "INSERT INTO probe_samples(target, scope, kind, state, reason, latency_ms,"
                   " age_s, checked_at_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        if (!sample.ok())
            return sample.error();
        for (const ProbeResult &r : results) {
            sample->reset();
            sample->bind(1, r.target.id)
                .bind(2, r.target.scope)
                .bind(3, targetKindName(r.target.kind))
                .bind(4, probeStateName(r.state))
                .bind(5, r.reason.text())
                .bind(6, r.latencyMs)
                .bind(8, r.checkedAtMs);
            if (r.ageS)
                sample->bind(7, *r.ageS);
            else
                sample->bindNull(7);
            if (auto ok = sample->run(); !ok.ok())
                return ok;
        }
        auto state = Statement::prepare(
            *m_db, m_hasWords
                       ? "INSERT OR REPLACE INTO probe_states(target, scope, kind, state, reason,"
                         " since_ms, checked_at_ms, signer, signature, reason_words)"
                         " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       : "INSERT OR REPLACE INTO probe_states(target, scope, kind, state, reason,"
                         " since_ms, checked_at_ms, signer, signature) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!state.ok())
            return state.error();
        for (const TargetStateRow &s : states) {
            state->reset();
            state->bind(1, s.target)
                .bind(2, s.scope)
                .bind(3, s.kind)
                .bind(4, s.state)
                .bind(5, s.reason)
                .bind(6, s.sinceMs)
                .bind(7, s.checkedAtMs)
                .bind(8, s.signer)
                .bindBlob(9, s.signature);
            if (m_hasWords)
                state->bind(10, std::string_view(s.reasonWords));
            if (auto ok = state->run(); !ok.ok())
                return ok;
        }
        for (const AlertCell &c : cells)
            if (auto ok = upsertCell(*m_db, c, evaluatedAtMs); !ok.ok())
                return ok;
        auto prune = Statement::prepare(*m_db, "DELETE FROM probe_samples WHERE checked_at_ms < ?");
        if (!prune.ok())
            return prune.error();
        if (auto ok = prune->bind(1, pruneBeforeMs).run(); !ok.ok())
            return ok;
    }
    return tx->commit();
}

Result<void> MonitorStore::saveAcknowledgement(Database &db, const AlertCell &cell) {
    auto st =
        Statement::prepare(db, "UPDATE alert_cells SET state = ?, since_ms = ?, acknowledged_by = ?, note = ?"
                               " WHERE alert = ? AND scope = ?");
    if (!st.ok())
        return st.error();
    return st->bind(1, alertStateName(cell.state))
        .bind(2, cell.sinceMs)
        .bind(3, cell.acknowledgedBy)
        .bind(4, cell.acknowledgeNote)
        .bind(5, cell.alertId)
        .bind(6, cell.scope)
        .run();
}

} // namespace ops
