// Syncing an outbox to the team log: what proves an act is its author's and the sync itself
// (Outbox.h); what the team log must still admit is OutboxAdmission.cpp.
#include "Outbox.h"

#include "EventCodec.h"
#include "IdentityRegistry.h"

#include "core/CanonicalJson.h"
#include "crypto/Ed25519.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"

#include <QHash>
#include <QLockFile>
#include <QSet>

#include <algorithm>

namespace ops {

namespace {

// The team log's record of an act synced from this outbox: the "outbox.synced" event before it.
NewEvent syncedMarker(const Outbox &outbox, const OutboxAct &act) {
    NewEvent m;
    m.kind = QStringLiteral("outbox.synced");
    m.payload["outbox"] = outbox.id();
    m.payload["n"] = act.n;
    m.payload["made_at_ms"] = act.madeMs;
    JsonValue basis = JsonValue::object();
    basis["size"] = static_cast<qint64>(act.basisSize);
    basis["root"] = QString::fromLatin1(act.basisRoot.toBase64());
    m.payload["basis"] = basis;
    JsonValue originals = JsonValue::array();
    for (int i = 0; i < act.events.size(); ++i) {
        JsonValue o = JsonValue::object();
        o["id"] = act.uuids.at(i);
        o["ts"] = act.events.at(i).tsMs.value_or(act.madeMs);
        o["signature"] = QString::fromLatin1(act.signatures.at(i).toBase64());
        originals.push(o);
    }
    m.payload["originals"] = originals;
    m.payload["signature"] = QString::fromLatin1(act.actSignature.toBase64());
    return m;
}

// The latest act of this outbox the team log already holds (a sync may have been cut off after its
// commit, before the outcome was noted here): its n and the position of its first event.
Result<std::pair<qint64, quint64>> lastSyncedHere(const EvidenceStore &team, const Outbox &outbox,
                                                  const QString &author) {
    EventFilter f;
    f.kind = QStringLiteral("outbox.synced");
    f.actor = author;
    f.text = QStringLiteral("\"outbox\":\"%1\"").arg(outbox.id());
    f.newestFirst = true;
    f.limit = 1;
    // Only a record that counts (signed by the author, before anything that does not verify): a row
    // slipped in past the head cannot claim that acts waiting here were appended.
    auto found = queryTrusted(team, f);
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return std::pair<qint64, quint64>{0, 0};
    const JsonValue payload = found->first().payload();
    const JsonValue *n = payload.find("n");
    return std::pair<qint64, quint64>{n ? n->toInt() : 0, found->first().seq + 1};
}

} // namespace

namespace {

// Whether the act is what its author made: well formed, signed as a whole (its place in this
// outbox, its basis, when it was made, its events' ids) and event by event with the key its author
// holds in the team log now (the one that signs it again at sync: an act signed with a key rotated
// away or revoked since is refused, whoever holds that key), made by an identity that could act at
// its basis, not before that checkpoint was sealed and not in the future. An error names what is
// wrong; nothing in it is believed otherwise.
Result<void> checkAuthentic(const EvidenceStore &team, const IdentityRegistry &reg,
                            const QByteArray &currentPem, const Outbox &outbox, const OutboxAct &act,
                            qint64 nowMs, QHash<quint64, qint64> &sealedAt) {
    if (act.events.isEmpty() || act.uuids.size() != act.events.size() ||
        act.signatures.size() != act.events.size())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the act is incomplete (the outbox file was edited)"));
    if (act.basisSize == 0 || act.basisRoot.size() != 32)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("it names no team log it was made on (the outbox file was edited)"));
    const IdentityRegistry::Entry *who = reg.find(act.author);
    if (!who || who->approvedSeq == 0 || who->approvedSeq > act.basisSize)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' could not act on the log it was made on (%2 events)")
                             .arg(act.author)
                             .arg(act.basisSize));
    const QByteArray &pem = currentPem;
    if (pem.isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' cannot sign in the team log now (revoked, or a "
                                        "new key waits for approval)")
                             .arg(act.author));
    auto key = crypto::PublicKey::fromPem(pem);
    if (!key.ok())
        return key.error();
    auto cached = sealedAt.constFind(act.basisSize);
    if (cached == sealedAt.cend()) {
        auto sealedMs = team.sealedAtMs(act.basisSize);
        if (!sealedMs.ok())
            return sealedMs.error();
        cached = sealedAt.insert(act.basisSize, sealedMs.value());
    }
    const qint64 sealed = cached.value();
    const qint64 earliest = sealed - Time::kClockSkewToleranceMs;
    const qint64 latest = nowMs + Time::kClockSkewToleranceMs;
    const ActSignatureCheck signatures = checkActSignatures(act, outbox.id(), key.value());
    if (signatures.result == ActSignatureCheck::Result::WholeNotSigned)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the act is not signed as a whole by '%1' with the key it holds now "
                                        "(the outbox file was edited, the act was made before acts were "
                                        "signed whole, or the key was replaced since: act again)")
                             .arg(act.author));
    if (!signatures.good())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("event %1 of the act is not signed by '%2' (the outbox file was "
                                        "edited; it is never signed again)")
                             .arg(signatures.event)
                             .arg(act.author));
    for (const NewEvent &e : act.events) {
        const qint64 ts = e.tsMs.value_or(act.madeMs);
        if (ts < earliest || ts > latest || act.madeMs < earliest || act.madeMs > latest)
            return makeError(ErrorCode::Policy,
                             QStringLiteral("its time %1 lies outside %2 (its basis sealed) to now")
                                 .arg(Time::toIso(ts), Time::toIso(sealed)));
    }
    return {};
}

} // namespace

Result<OutboxSyncReport> syncOutbox(Outbox &outbox, EvidenceStore &team, const Signer &author,
                                    const OutboxAdmission &admit, const Time::Clock &clock) {
    OutboxSyncReport report;
    // One sync of this outbox at a time, across processes (the window's duty and the command line):
    // two would append the same act twice. A lock left by a process that died is taken over.
    QLockFile lock(outbox.path() + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        if (lock.error() != QLockFile::LockFailedError)
            return makeError(ErrorCode::Store, QStringLiteral("cannot lock the outbox for a sync"),
                             outbox.path());
        report.busy = true;
        report.lines << QStringLiteral("another sync of this outbox is running");
        return report;
    }
    auto reg = team.registry();
    if (!reg.ok())
        return reg.error();
    // The key the author holds now (the one that signs the acts again): the registry is read once
    // a sync, so a key approved meanwhile takes effect at the next sync.
    auto sizeNow = team.size();
    if (!sizeNow.ok())
        return sizeNow.error();
    const QByteArray currentPem = reg->keyAt(author.name, sizeNow.value() + 1);
    QHash<quint64, qint64> sealedAt;
    auto entries = outbox.entries();
    if (!entries.ok())
        return entries.error();
    // A log that does not verify past what this console checked takes no act: the acts wait (never
    // refused for the log's fault) until someone looks at what evidence verify names.
    const auto logDamaged = [&](int n) {
        if (team.integrityProblem().isEmpty())
            return false;
        report.stopped = team.integrityProblem();
        report.lines << QStringLiteral("act %1 and those after it wait: %2").arg(n).arg(report.stopped);
        return true;
    };
    auto done = lastSyncedHere(team, outbox, author.name);
    if (!done.ok())
        return done.error();
    // Acts are numbered 1, 2, 3, … as they are made (the number is signed): one missing was taken out
    // of the file, and the acts after it may have been made on it. Nothing syncs until someone looks.
    for (qsizetype i = 0; i < entries->size(); ++i)
        if (entries->at(i).act.n != i + 1) {
            report.stopped = QStringLiteral("act %1 is missing from the outbox (the file was edited): check "
                                            "what the acts after it did before syncing them")
                                 .arg(i + 1);
            report.lines << report.stopped;
            return report;
        }
    // What the refused acts of this outbox were about, by whom ever made: a later act about the
    // same thing was made on top of one the team log does not hold.
    QHash<QString, qint64> refusedKeys;
    const auto keysOf = [](const OutboxAct &act) {
        QSet<QString> keys;
        for (const NewEvent &ev : act.events)
            keys.unite(touchedKeys(ev.kind, ev.scope, ev.payload));
        return keys;
    };
    QSet<qint64> markedInFile; // acts whose outcome row the file already holds
    // A refusal by the team log (its rules, or its state since the act's basis) is signed by the
    // author and takes the later acts about the same thing with it. An act that is not what its
    // author signed, or whose file was edited around it, is refused unsigned and takes nothing with
    // it: an edit of the file must not make the author's own sync drop genuine acts.
    const auto refuseAs = [&](const OutboxAct &act, const QString &why, bool byTheLog) -> Result<void> {
        if (!markedInFile.contains(act.n)) {
            if (auto r = byTheLog ? outbox.markRejected(author, act, why, clock())
                                  : outbox.markUnsigned(act.n, why, clock());
                !r.ok())
                return r.error();
            markedInFile.insert(act.n);
        }
        if (byTheLog)
            for (const QString &key : keysOf(act))
                if (!refusedKeys.contains(key))
                    refusedKeys.insert(key, act.n);
        ++report.rejected;
        report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(why);
        return {};
    };
    const auto refuse = [&](const OutboxAct &act, const QString &why) { return refuseAs(act, why, true); };
    const crypto::PublicKey authorKey = author.key.publicKey();
    // An outcome row already in the file (whatever it says) is never written again.
    for (const OutboxEntry &e : entries.value())
        if (e.outcomeRow)
            markedInFile.insert(e.act.n);
    for (OutboxEntry e : entries.value()) {
        // Synced in order: an act of this author after the last one the team log records as synced
        // (in an event that counts) was not synced, whatever an outcome row in the file says.
        if (e.state == OutboxState::Synced && e.act.author == author.name && e.act.n > done->first) {
            report.lines << QStringLiteral(
                                "act %1 is marked synced in the outbox file, but the team log does "
                                "not hold it: syncing it")
                                .arg(e.act.n);
            e.state = OutboxState::Pending; // its outcome row stays (append-only); the log's record counts
        }
        // Refused by this author's own sync only when the author signed the rejection: a rejection
        // written into the file by hand would drop the act (and every later one about the same thing).
        if (e.state == OutboxState::Rejected && e.act.author == author.name &&
            !rejectionSigned(e, outbox.id(), authorKey)) {
            report.lines << QStringLiteral("act %1 is marked rejected in the outbox file without %2's "
                                           "signature over the rejection: looking at it again")
                                .arg(e.act.n)
                                .arg(author.name);
            e.state = OutboxState::Pending; // its outcome row stays (append-only); what happens now counts
        }
        if (e.state == OutboxState::Rejected)
            for (const QString &key : keysOf(e.act))
                if (!refusedKeys.contains(key))
                    refusedKeys.insert(key, e.act.n);
        if (e.state != OutboxState::Pending)
            continue;
        const OutboxAct &act = e.act;
        if (act.author != author.name) {
            ++report.otherAuthors;
            continue;
        }
        if (act.storeId != team.storeId()) {
            // Meant for another log: it waits for that one (a connection to another log at the
            // same address refuses nothing).
            report.lines << QStringLiteral("act %1 was signed for the team log %2, this one is %3: it waits")
                                .arg(act.n)
                                .arg(act.storeId, team.storeId());
            continue;
        }
        if (act.n <= done->first) {
            // Appended before; the outcome was not noted when the sync was cut off.
            if (!markedInFile.contains(act.n))
                if (auto r = outbox.markSynced(act.n, act.n == done->first ? done->second : 0, clock());
                    !r.ok())
                    return r.error();
            ++report.recovered;
            report.lines << QStringLiteral("act %1 was already in the team log").arg(act.n);
            continue;
        }
        if (logDamaged(act.n))
            return report;
        if (auto real = checkAuthentic(team, reg.value(), currentPem, outbox, act, clock(), sealedAt);
            !real.ok()) {
            if (!team.reachable() || logDamaged(act.n))
                return report;
            if (auto r = refuseAs(act, real.error().message, false); !r.ok())
                return r.error();
            continue;
        }
        qint64 builtOn = 0;
        for (const QString &key : keysOf(act))
            if (const qint64 n = refusedKeys.value(key, 0);
                n != 0 && n < act.n && (builtOn == 0 || n < builtOn))
                builtOn = n;
        if (builtOn != 0) {
            const QString why =
                QStringLiteral("it was made after act %1 of this outbox about the same thing, "
                               "which the team log refused: look at the log as it is and act again")
                    .arg(builtOn);
            if (auto r = refuse(act, why); !r.ok())
                return r.error();
            continue;
        }
        QList<NewEvent> events{syncedMarker(outbox, act)};
        for (NewEvent ev : act.events) {
            ev.tsMs.reset(); // it reaches the log now
            events << ev;
        }
        // The act's attachments: only bytes one of its (signed) attachment events names, by their
        // hash; a row added to the file beside them is left out.
        auto kept = outbox.blobsOf(act.n);
        if (!kept.ok())
            return kept.error();
        QSet<QString> named;
        for (const NewEvent &ev : act.events)
            if (ev.kind == QLatin1String("evidence.attached"))
                named.insert(ev.payload.stringAt("sha256"));
        QList<NewBlob> blobs;
        for (const NewBlob &b : kept.value())
            if (named.remove(b.sha256) && crypto::sha256Hex(b.bytes) == b.sha256)
                blobs.append(b);
        // Admitted against the log as it stands and appended onto exactly that log: a colleague's
        // act landing in between (a switch flipped, an incident closed) is checked again first.
        Result<QList<StoredEvent>> stored = QList<StoredEvent>();
        bool refused = false;
        for (int attempt = 0;; ++attempt) {
            std::optional<quint64> checkedAt;
            if (admit) {
                auto ok = admit(team, act);
                if (!ok.ok()) {
                    if (!team.reachable() || logDamaged(act.n))
                        return report;
                    if (auto r = refuse(act, ok.error().message); !r.ok())
                        return r.error();
                    refused = true;
                    break;
                }
                checkedAt = ok.value();
            }
            stored = checkedAt ? team.appendOnSize(*checkedAt, author, events, blobs)
                               : team.append(author, events, blobs);
            if (stored.ok() || stored.error().id != QLatin1String(EvidenceStore::kGrewMeanwhile) ||
                attempt >= 100)
                break;
        }
        if (refused)
            continue;
        if (!stored.ok()) {
            if (!team.reachable())
                return report; // still waiting; the next sync finds out whether it committed
            if (logDamaged(act.n))
                return report;
            if (stored.error().code == ErrorCode::Store) {
                // Not a refusal of this act by the log's rules: it waits.
                report.stopped = stored.error().message;
                report.lines
                    << QStringLiteral("act %1 and those after it wait: %2").arg(act.n).arg(report.stopped);
                return report;
            }
            // Bytes missing from the file or changed in it are the file's fault, not the log's.
            if (auto r =
                    refuseAs(act, stored.error().message, stored.error().code != ErrorCode::InvalidInput);
                !r.ok())
                return r.error();
            continue;
        }
        const quint64 first = stored->size() > 1 ? stored->at(1).seq : stored->first().seq;
        if (!markedInFile.contains(act.n))
            if (auto r = outbox.markSynced(act.n, first, clock()); !r.ok())
                return r.error();
        ++report.synced;
        report.lines << QStringLiteral("act %1 synced as event %2").arg(act.n).arg(first);
    }
    return report;
}

} // namespace ops
