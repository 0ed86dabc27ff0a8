#pragma once

#include "Derivations.h"

#include "core/Time.h"

#include <functional>
#include <optional>

namespace ops {

class EvidenceStore;
struct Signer;

// Every intervention of the reviewer's desk, shared by the CLI and the console. Each checks
// the acting identity's roles and the record's life cycle against the current state (folded
// from the store). Invalid input (exit 3) writes nothing; a refusal by policy (exit 4) writes
// one "derivation.denied" event with the reason, so that attempts are evidence too.
class DerivationActions {
public:
    enum class Action {
        Import,
        Review,
        RiskNote,
        Sign,
        Supersede,
        Invalidate,
        Charter,
        Threats,
        Attest,
        Export
    };
    static QString actionName(Action action);

    DerivationActions(EvidenceStore &store, const Signer &signer, Time::Clock clock = Time::systemClock());
    const Time::Clock &clock() const { return m_clock; }

    // Why the acting identity may not do `action` on `record` (null for actions on no record);
    // empty when it may. The console uses this to explain a disabled button.
    QString refusal(Action action, const RecordState *record = nullptr) const;
    QString refusal(Action action, const QString &recordId) const;
    // The same refusal with its id and arguments for the window's own words (ui/common/ErrorText).
    std::optional<Error> refusalOf(Action action, const RecordState *record = nullptr) const;

    // Validates every file (structure, every rule, ids new, E_econ_min ≠ E_pred_min against the
    // live records) and only then stores each file as an attachment and appends one
    // "derivation.imported" event a record, in one transaction.
    Result<QList<StoredEvent>> importFiles(const QStringList &paths);
    Result<QList<StoredEvent>> importLoaded(const QList<LoadedFile> &files);

    Result<StoredEvent> review(const QString &id, bool accept, const QString &reason);
    Result<StoredEvent> riskNote(const QString &id, const QString &note);
    Result<StoredEvent> sign(const QString &id);
    // Re-derivation (§10): NEW enters the review queue, OLD is superseded (never edited), and every
    // live record that references OLD (depends_on, supersedes) is invalidated.
    Result<QList<StoredEvent>> supersede(const QString &oldId, const QString &newFile, const QString &reason);
    Result<QList<StoredEvent>> supersedeLoaded(const QString &oldId, const LoadedFile &file,
                                               const QString &reason);
    // Rollback (§11): the record and every live record depending on it are invalidated, with the
    // reason, the affected values and the downstream notifications.
    Result<QList<StoredEvent>> invalidate(const QString &id, const QString &reason);

    Result<StoredEvent> declareCharter(const QStringList &values);
    Result<StoredEvent> recordThreats(const QStringList &threats); // empty: none
    // The analysis-only attestation (§12). With forbiddenRun it fails, and every live record is
    // invalidated (§4: S02 invalidated and escalated).
    Result<QList<StoredEvent>> attest(bool forbiddenRun, const QString &statement);

    const Signer &signer() const { return m_signer; }
    Result<DerivationBook> book() const { return DerivationBook::load(m_store); }

    // Records the refusal as a signed "derivation.denied" event and returns it as a Policy error;
    // when even that cannot be written, the store's error.
    Error deny(Action action, const QString &record, const QString &reason);
    Error deny(Action action, const QString &record, const Error &why);

private:
    Result<QStringList> roles() const;
    // Writes the act onto the log it was decided from when one is set (decidedOnTheLog).
    Result<StoredEvent> appendOne(NewEvent event);
    // Runs `act` on the log as it is now and writes its event only onto that log; when another
    // console appended meanwhile, `act` decides again (the reviewer may have been revoked, the
    // record superseded).
    template<typename T> Result<T> decidedOnTheLog(const std::function<Result<T>()> &act);
    // An act of several events (and files), written as appendOne writes one.
    Result<QList<StoredEvent>> appendAct(const QList<NewEvent> &events, const QList<NewBlob> &blobs = {});
    Result<QList<StoredEvent>> importOnce(const QList<LoadedFile> &files);
    Result<StoredEvent> reviewOnce(const QString &id, bool accept, const QString &reason);
    Result<StoredEvent> signOnce(const QString &id);
    Result<QList<StoredEvent>> supersedeOnce(const QString &oldId, const LoadedFile &file,
                                             const QString &reason);
    Result<QList<StoredEvent>> invalidateOnce(const QString &id, const QString &reason);
    Result<QList<StoredEvent>> attestOnce(bool forbiddenRun, const QString &statement);
    // The current book, or invalid input when it holds no record `id`.
    Result<DerivationBook> bookWith(const QString &id) const;

public:
    // The id of the record an import or supersede event names (empty when it names none).
    static QString recordIdOf(const StoredEvent &event);

private:
    EvidenceStore &m_store;
    const Signer &m_signer;
    Time::Clock m_clock;
    std::optional<quint64> m_decidedAt; // the log's size the act at hand was decided from
};

// The statement and signature of a signed record verify with the signer's key.
bool verifyRecordSignature(const RecordState &state, const crypto::PublicKey &key);

} // namespace ops
