#pragma once

// The outbox of a console on a team log: acts made while the team log cannot be reached, signed
// by their author when they are made and kept in a local SQLite file until they are appended.
// Syncing appends them in the order they were made, one transaction each; an act the team log
// refuses by then (a sign-off slot taken meanwhile, an incident closed) is kept as rejected with
// its reason, never dropped. The file is append-only like the log: an act's outcome is a row of
// its own, nothing is edited or deleted. A rejection is signed by the author whose sync refused the
// act; a "synced" outcome is believed only as far as the team log's own record of the act.

#include "EvidenceStore.h"
#include "EvidenceTypes.h"

#include "core/Result.h"
#include "core/Time.h"
#include "crypto/Ed25519.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

namespace ops {

namespace store {
class Database;
}

struct OutboxAct {
    qint64 n = 0; // its place in the outbox, from 1
    qint64 madeMs = 0;
    QString author;
    QString storeId;       // the team log it is meant for (its signatures name it)
    quint64 basisSize = 0; // the checkpoint of the team log its author had seen when making it
    QByteArray basisRoot;
    QList<NewEvent> events;       // each with the time it was made at
    QStringList uuids;            // the events' ids as signed
    QList<QByteArray> signatures; // position-free (codec::signedMessage), by the author, at madeMs
    QByteArray actSignature;      // the author's over the act as a whole (codec::actMessage)
    QList<NewBlob> blobs;         // as queued; from entries(): empty (Outbox::blobsOf)
};

// Whether an act is what its author signed: complete, signed as a whole (its place in the outbox
// `outboxId`, its basis, when it was made, its events' ids) and event by event, all under `key`.
struct ActSignatureCheck {
    enum class Result { Good, Incomplete, WholeNotSigned, EventNotSigned };
    Result result = Result::Good;
    int event = 0; // EventNotSigned: which event, from 1
    bool good() const { return result == Result::Good; }
};
ActSignatureCheck checkActSignatures(const OutboxAct &act, const QString &outboxId,
                                     const crypto::PublicKey &key);

enum class OutboxState { Pending, Synced, Rejected };
QString outboxStateName(OutboxState state); // "pending", "synced", "rejected"

struct OutboxEntry {
    OutboxAct act;
    OutboxState state = OutboxState::Pending;
    qint64 atMs = 0;      // when it was synced or rejected
    quint64 firstSeq = 0; // synced: the position of its first event in the team log
    QString reason;       // rejected: why the team log refused it
    // rejected: its author's signature over the rejection (rejectionMessage), made by the sync that
    // refused it. A rejection without one (written into the file by hand) drops nothing: the next
    // sync of the author looks at the act again.
    QByteArray outcomeSignature;
    bool outcomeRow = false; // the file holds an outcome row for it (whatever its state says)
};

// What a rejection's signature covers: the act (its team log, its place in the outbox `outboxId`,
// its signature as a whole), the reason and when.
std::string rejectionMessage(const OutboxAct &act, const QString &outboxId, const QString &reason,
                             qint64 atMs);
// Whether a rejected entry's outcome is signed by `key`.
bool rejectionSigned(const OutboxEntry &entry, const QString &outboxId, const crypto::PublicKey &key);

class Outbox {
public:
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    // Opens the outbox file, creating it (mode 0600) when absent.
    static Result<std::unique_ptr<Outbox>> open(const QString &path);

    QString path() const { return m_path; }
    // The outbox's own id: the team log's record of each synced act names it.
    QString id() const { return m_id; }

    // Keeps an act for the team log `storeId`, its events signed now by their author, who had seen
    // the team log up to `basis`, and the act as a whole (codec::actMessage) signed by them too, so
    // its place in the outbox, its basis and its events cannot be changed in the file. Refuses an act of no
    // events, or one whose events are not objects.
    Result<OutboxAct> queue(const Signer &author, const QString &storeId, const Checkpoint &basis,
                            const QList<NewEvent> &events, const QList<NewBlob> &blobs, qint64 nowMs);

    // Every act with its outcome, in the order they were made, without its attachments' bytes
    // (blobsOf reads them for the acts that need them: a long outbox is listed without holding
    // every attachment it ever carried in memory).
    Result<QList<OutboxEntry>> entries() const;
    Result<QList<NewBlob>> blobsOf(qint64 n) const;
    // Each act's author and event ids, keyed by its first event's id (what a team-log record of a
    // synced act carries in its "originals").
    struct ActIds {
        qint64 n = 0;
        QString author;
        QStringList uuids;
        QList<NewEvent> events; // what the act records: kind, scope and payload of each event
        OutboxState state = OutboxState::Pending; // its outcome so far
        quint64 firstSeq = 0;                     // synced: the position of its first event, when known
    };
    Result<QHash<QString, ActIds>> actIds() const;
    // The acts still waiting, and when the oldest of them was made (0 when none waits).
    struct Waiting {
        int count = 0;
        qint64 sinceMs = 0;
    };
    Result<Waiting> waiting() const;

    Result<void> markSynced(qint64 n, quint64 firstSeq, qint64 atMs);
    // Signed by the author whose sync refused it (the acts synced are the author's own).
    Result<void> markRejected(const Signer &author, const OutboxAct &act, const QString &reason, qint64 atMs);
    // An act refused because it is not what its author signed (or its file was edited around it):
    // noted without a signature, so it counts for nothing and the next sync looks at it again.
    Result<void> markUnsigned(qint64 n, const QString &reason, qint64 atMs);

private:
    Outbox() = default;
    Result<void> mark(qint64 n, OutboxState state, quint64 firstSeq, const QString &reason, qint64 atMs,
                      const QByteArray &signature = {});

    std::unique_ptr<store::Database> m_db;
    QString m_path;
    QString m_id;
};

// Whether the team log, as it stands now, still admits an act made offline: the rules of the
// act's domain (incidents, launches, …) that its author's console checked when the act was made,
// checked again at sync. An error is the reason it is rejected; otherwise the log's size it checked
// (the act is appended only onto exactly that log: EvidenceStore::appendOnSize).
using OutboxAdmission = std::function<Result<quint64>(EvidenceStore &team, const OutboxAct &act)>;

// What an event is about, as keys two acts conflict on: the incident, run or derivation record it
// names or opens, the kill switch and scope it flips, the scope a rollback starts on, the launch
// run, the identity. Events of other kinds are about nothing in particular.
QSet<QString> touchedKeys(const QString &kind, const QString &scope, const JsonValue &payload);

// The admission every act made offline passes: nothing it is about changed in the team log after
// the basis its author saw, except by the acts synced before it from the same outbox. A sign-off
// on a launch whose checklist someone else changed meanwhile, a decision on an incident someone
// closed, a kill switch someone else flipped: each is rejected, naming the event that came first,
// for its author to look at and act again. The team log's own rules (roles, standing, the time
// order) are checked by the append itself.
Result<quint64> admitUnchangedSinceBasis(EvidenceStore &team, const Outbox &outbox, const OutboxAct &act);
// The same admission for one sync of many acts: it reads the events after their basis once and
// then only what was appended since (the outbox must outlive it).
OutboxAdmission unchangedSinceBasis(const Outbox &outbox);

struct OutboxSyncReport {
    int synced = 0;
    int rejected = 0;
    int recovered = 0;    // found already appended (a sync cut off before it noted the outcome)
    int otherAuthors = 0; // waiting for their own author to sync them
    bool busy = false;    // another sync of this outbox was running (nothing was done)
    QString stopped;      // why the sync stopped with acts still waiting: the team log does not verify
    QStringList lines;    // one a synced or rejected act, for the author to read
};

// Appends the author's waiting acts, in order, to the team log. Each act is one transaction: an
// "outbox.synced" event that carries what the author signed when the act was made (event ids,
// times and signatures, the outbox, the basis) and then the act's events, signed again by the
// author now, at the time they reach the log, so the log's time order holds and the checkpoint
// over them is the author's. An act the admission or the team log refuses is kept as rejected;
// a lost connection (EvidenceStore::reachable) stops the sync with the act still waiting.
// Before anything is appended, each act must prove it is what its author made: every event's
// signature verifies under the key the author held at the act's basis, the act was made on a
// basis (never before that checkpoint was sealed, never in the future) and holds matching ids,
// times and signatures; an act that does not is rejected, so a row slipped into the outbox file is
// never signed again by the author. One sync per outbox at a time (a lock file beside it): a
// second one, from the window or the command line, returns busy without touching anything.
Result<OutboxSyncReport> syncOutbox(Outbox &outbox, EvidenceStore &team, const Signer &author,
                                    const OutboxAdmission &admit, const Time::Clock &clock);

} // namespace ops
