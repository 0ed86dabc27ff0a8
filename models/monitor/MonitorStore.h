#pragma once

#include "alerts/AlertEvaluator.h"
#include "probes/ProbeTypes.h"

#include "core/Result.h"

#include <QHash>

#include <memory>

namespace ops {

namespace store {
class Database;
}
struct Signer;

// The last known state of one probe target (so transitions are seen across restarts).
struct TargetStateRow {
    QString target;
    QString scope;
    QString kind;
    QString state;
    QString reason;
    qint64 sinceMs = 0;
    qint64 checkedAtMs = 0;
    // Who recorded the row and their Ed25519 signature over it (probeStateMessage): the time a
    // target was last probed counts only under a valid signature by a recorder.
    QString signer;
    QByteArray signature;
    // Read by the launch rules: a newer time the row states that no valid signature backs (0: none).
    qint64 unsignedProbeMs = 0;
    // The reason's words (Phrase::toJson, serialized) beside its English text, so that a console
    // following another recorder shows the reason in its own language; empty: the English only.
    // Not signed: a translation is shown only where it reads as the signed English (Phrase::fromJson).
    std::string reasonWords;
    // The reason as this window's language says it.
    Phrase reasonPhrase() const;
};

// The words of a phrase as TargetStateRow::reasonWords keeps them.
std::string phraseWords(const Phrase &phrase);

// The bytes a recorder signs for one row of probe_states in the store `storeId`.
QByteArray probeStateMessage(const QString &storeId, const TargetStateRow &row);
// Signs each row as `signer` (sets signer and signature).
void signProbeStates(QList<TargetStateRow> &rows, const Signer &signer, const QString &storeId);

// One raw probe sample.
struct ProbeSample {
    QString target;
    QString scope;
    QString kind;
    QString state;
    QString reason;
    qint64 latencyMs = -1;
    std::optional<qint64> ageS;
    qint64 checkedAtMs = 0;
};

struct StoredAlertCell {
    AlertCell cell;
    qint64 evaluatedAtMs = 0;
};

// The monitor's operational tables inside the evidence store file: raw samples with a retention
// window, target states and alert cells. They are not evidence (the store's verify ignores them);
// every change they see is recorded as an event by the AlertMonitor.
class MonitorStore {
public:
    ~MonitorStore();
    MonitorStore(MonitorStore &&) noexcept;
    MonitorStore &operator=(MonitorStore &&) noexcept;

    // The store must exist and have been opened once by SqliteEvidenceStore (which migrates it).
    // A read-only open of a store older than the monitor tables reads as empty.
    static Result<MonitorStore> open(const QString &storePath, bool readOnly);

    Result<QHash<QString, TargetStateRow>> targetStates() const;
    Result<QList<StoredAlertCell>> alertCells() const;
    Result<QList<ProbeSample>> samples(const QString &scope, qint64 sinceMs, int limit = 20000) const;
    Result<qint64> sampleCount() const;

    // One transaction: the round's samples, the new target states and every alert cell; samples
    // checked before `pruneBeforeMs` are deleted (the retention window).
    Result<void> saveRound(const QList<ProbeResult> &results, const QList<TargetStateRow> &states,
                           const QList<AlertCell> &cells, qint64 evaluatedAtMs, qint64 pruneBeforeMs);
    // An acknowledgement changes state and note, not when the cell was last evaluated. Written
    // inside the transaction that appends the alert.acknowledged event (SqliteEvidenceStore::
    // appendWith), so the cell and its evidence never disagree.
    static Result<void> saveAcknowledgement(store::Database &db, const AlertCell &cell);

private:
    MonitorStore() = default;
    std::unique_ptr<store::Database> m_db;
    bool m_hasTables = false;
    bool m_hasSignatures = false; // schema 5: probe_states rows carry signer and signature
    bool m_hasWords = false;      // schema 6: and their reason's words
};

} // namespace ops
