#pragma once

// The reviewer's desk as a fold of the store's derivation.* and handoff.* events: every record
// with its life cycle (imported → reviewed → signed; superseded and invalidated are terminal),
// the signature statements, and what the S03 handoff package would hold right now.

#include "DerivationRecord.h"

#include "store/EvidenceTypes.h"

#include <QMap>

namespace ops {

class EvidenceStore;

enum class RecordStatus { InReview, Accepted, Rejected, Signed, Superseded, Invalidated };
QString recordStatusName(RecordStatus status); // "in-review", "accepted", …
std::optional<RecordStatus> recordStatusFrom(const QString &name);

struct ReviewEntry {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    bool accepted = false;
    QString reason;
};

struct SignatureEntry {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString signer;
    QString keyFingerprint;
    std::string statement; // the exact signed bytes
    QByteArray signature;  // raw Ed25519
};

struct NoteEntry {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString text;
};

struct RecordState {
    DerivationRecord record;
    QString recordSha256;
    QString file;       // the file name it was imported from
    QString fileSha256; // the file as written, kept as an attachment
    quint64 importedSeq = 0;
    qint64 importedMs = 0;
    QString importer;
    RecordStatus status = RecordStatus::InReview;
    QList<ReviewEntry> reviews;
    QList<NoteEntry> riskNotes;
    std::optional<SignatureEntry> signature;
    QString supersededBy;           // when superseded
    QString supersedes;             // the record this one re-derives (from the supersede action)
    std::optional<NoteEntry> ended; // superseded or invalidated: by whom, when, why
    bool handedToS03 = false;       // part of an exported handoff package
    bool s03NotificationRequired = false;

    bool isLive() const { return status != RecordStatus::Superseded && status != RecordStatus::Invalidated; }
    const ReviewEntry *lastReview() const { return reviews.isEmpty() ? nullptr : &reviews.last(); }
    // Lockable for S03: a signed derivation, lockable, Tier A or B (or no cost tier).
    bool eligibleForLock() const;
    // Why it blocks S03 (Tier C, INFEASIBLE, unsigned, non-lockable), empty when eligible.
    QString blocksS03() const;
    // id, type, value, tier, lockability, status, review, risk-owner notes, signature.
    JsonValue toJson() const;
};

struct DeniedEntry {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString action;
    QString record;
    QString reason;
};

struct Attestation {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    bool forbiddenRun = false; // true: a forbidden run happened; the attestation fails
    QString statement;
};

class DerivationBook {
public:
    static QStringList kindPrefixes(); // "derivation.", "handoff."
    static Result<DerivationBook> load(const EvidenceStore &store);
    void apply(const StoredEvent &event);

    // Pointers and references into the book: never taken from a temporary one.
    const QList<RecordState> &records() const & { return m_records; }
    const QList<RecordState> &records() const && = delete;
    const RecordState *record(const QString &id) const &;
    const RecordState *record(const QString &id) const && = delete;
    QList<const RecordState *> live() const &;
    QList<const RecordState *> live() const && = delete;
    QList<DerivationRecord> liveRecords() const;
    // Live records that name `id` in depends_on or supersedes, transitively.
    QStringList dependents(const QString &id) const;
    const QList<DeniedEntry> &denied() const { return m_denied; }

    // Handoff inputs.
    const std::optional<QStringList> &charter() const { return m_charter; } // the required charter values
    QString charterActor() const { return m_charterActor; }
    const std::optional<QStringList> &threats() const { return m_threats; } // unresolved threats to validity
    QString threatsActor() const { return m_threatsActor; }
    std::optional<Attestation> attestation() const { return m_attestation; }
    quint64 lastSeq() const { return m_lastSeq; }
    quint64 lastExportSeq() const { return m_lastExportSeq; }

private:
    RecordState *mutableRecord(const QString &id);

    QList<RecordState> m_records;
    QHash<QString, int> m_index;
    QList<DeniedEntry> m_denied;
    std::optional<QStringList> m_charter;
    QString m_charterActor;
    std::optional<QStringList> m_threats;
    QString m_threatsActor;
    std::optional<Attestation> m_attestation;
    quint64 m_lastSeq = 0;
    quint64 m_lastExportSeq = 0;
};

namespace DerivationSignature {
// The canonical statement a reviewer signs for a record: binds the record's canonical hash, its
// git_sha and its input hashes (docs/domain-rules.md, "Review, risk note and signature"). Verifiable with
// `openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -in STATEMENT -sigfile SIG`.
std::string statement(const DerivationRecord &record, const QString &signer, const QString &keyFingerprint);
QString type(); // "opsconsole.derivation-signature/1"
} // namespace DerivationSignature

// One line of the §12 package checklist / §14 success criteria.
struct HandoffCriterion {
    QString id;
    QString title;
    bool ok = false;
    QString detail; // what is there, or what is missing
};

struct CharterValue {
    QString name;
    const RecordState *settledBy = nullptr; // the signed derivation or signed INFEASIBLE, if any
    QString state;                          // "signed", "infeasible", "pending", "missing"
    QString detail;
};

struct HandoffStatus {
    QList<CharterValue> values;
    QList<const RecordState *> included; // every record in the package (live, reviewed or not)
    QList<const RecordState *> eligible; // for S03 lock
    QList<std::pair<const RecordState *, QString>> blocking; // blocking S03, with the reason
    QList<HandoffCriterion> criteria;
    QStringList notifications; // S03 notifications owed by supersedes and rollbacks
    bool complete = false;

    QStringList missing() const; // the criteria not met, as text
    JsonValue toJson() const;
};

// The status points into `book`, which must outlive it.
HandoffStatus computeHandoffStatus(const DerivationBook &book);
HandoffStatus computeHandoffStatus(DerivationBook &&book) = delete;

} // namespace ops
