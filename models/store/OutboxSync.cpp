// Syncing an outbox to the team log: what proves an act is its author's, what the team log must
// still admit (nothing it is about changed after its basis), and the sync itself (Outbox.h).
#include "Outbox.h"

#include "EventCodec.h"
#include "IdentityRegistry.h"

#include "core/CanonicalJson.h"
#include "crypto/Ed25519.h"
#include "crypto/Merkle.h"

#include <QHash>
#include <QLockFile>

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

QSet<QString> touchedKeys(const QString &kind, const QString &scope, const JsonValue &payload) {
    QSet<QString> keys;
    const auto add = [&keys](const QString &key) {
        if (!key.isEmpty() && !key.endsWith(QLatin1Char(':')))
            keys.insert(key);
    };
    const QString family = kind.section(QLatin1Char('.'), 0, 0);
    if (family == QLatin1String("incident") || family == QLatin1String("runbook") ||
        family == QLatin1String("rollback") || family == QLatin1String("killswitch") ||
        family == QLatin1String("publisher") || family == QLatin1String("launch")) {
        add(QStringLiteral("ref:") + payload.stringAt("incident").toUpper());
        add(QStringLiteral("ref:") + payload.stringAt("run").toUpper());
    }
    if (kind == QLatin1String("incident.opened") || kind == QLatin1String("runbook.started") ||
        kind == QLatin1String("rollback.started"))
        add(QStringLiteral("ref:") + payload.stringAt("id").toUpper());
    if (family == QLatin1String("killswitch"))
        add(QStringLiteral("killswitch:%1@%2").arg(payload.stringAt("switch"), scope));
    if (kind == QLatin1String("rollback.started"))
        add(QStringLiteral("rollback:") + scope);
    if (kind == QLatin1String("runbook.started") &&
        payload.stringAt("runbook") == QLatin1String("launch-day-validation"))
        keys.insert(QStringLiteral("launch:start"));
    if (family == QLatin1String("derivation") || family == QLatin1String("handoff")) {
        if (const JsonValue *record = payload.find("record"))
            add(QStringLiteral("record:") +
                (record->isObject() ? record->stringAt("id") : record->toQString()));
    }
    if (family == QLatin1String("identity"))
        add(QStringLiteral("identity:") + payload.stringAt("name"));
    return keys;
}

namespace {

QString describeKey(const QString &key) {
    const QString what = key.section(QLatin1Char(':'), 0, 0), value = key.section(QLatin1Char(':'), 1);
    if (what == QLatin1String("killswitch"))
        return QStringLiteral("the kill switch %1 on %2")
            .arg(value.section(QLatin1Char('@'), 0, 0), value.section(QLatin1Char('@'), 1));
    if (what == QLatin1String("rollback"))
        return QStringLiteral("rollbacks on %1").arg(value);
    if (what == QLatin1String("launch"))
        return QStringLiteral("the launch");
    if (what == QLatin1String("record"))
        return QStringLiteral("record %1").arg(value);
    if (what == QLatin1String("identity"))
        return QStringLiteral("identity %1").arg(value);
    return value;
}

} // namespace

namespace {

// What the team log changed after a basis, keyed by what each event touches (touchedKeys), read
// once and extended with the events appended since: a sync of many acts reads every event after
// their basis once, not once per act. The events of this outbox's own synced acts are left out.
class ChangeIndex {
public:
    struct Hit {
        quint64 seq = 0;
        QString kind;
        QString actor;
        qint64 tsMs = 0;
        qint64 ownN = 0; // an event of this outbox's act n, synced before (0: anyone else's)
    };

    // Reads the events after `basis` up to `size` (the head the admission read; never past it).
    Result<void> extend(EvidenceStore &team, const Outbox &outbox, const QString &author, quint64 basis,
                        quint64 size) {
        if (!m_ownLoaded) {
            auto ids = outbox.actIds();
            if (!ids.ok())
                return ids.error();
            m_ownActs = std::move(ids).value();
            m_ownLoaded = true;
        }
        if (!m_started || basis < m_start || author != m_author) {
            m_started = true;
            m_author = author;
            m_consumed.clear();
            m_recorded.clear();
            m_start = m_scanned = basis;
            m_own.reset();
            m_hits.clear();
            m_syncedIds.clear();
        }
        constexpr int kPage = 1000;
        while (m_scanned < size) {
            auto page = team.events(m_scanned + 1, kPage);
            if (!page.ok())
                return page.error();
            if (page->isEmpty())
                break;
            for (const StoredEvent &e : page.value()) {
                if (e.seq > size)
                    return {};
                m_scanned = e.seq;
                const JsonValue p = e.payload();
                if (e.kind == QLatin1String("outbox.synced")) {
                    m_own.reset();
                    QStringList ids;
                    if (const JsonValue *originals = p.find("originals"); originals && originals->isArray())
                        for (const JsonValue &o : originals->toArray())
                            ids << o.stringAt("id");
                    if (e.actor == m_author)
                        for (const QString &id : ids)
                            m_syncedIds.insert(id, e.seq);
                    auto own = ownAct(team, outbox, e, ids);
                    if (!own.ok())
                        return own.error();
                    if (own.value())
                        m_own = Own{own.value(), 0, e.actor};
                    continue;
                }
                // The events that follow a record of this outbox's own act are that act's only
                // while they are exactly what it holds, by its author; they still count against
                // the acts made before it in the outbox (firstAfter), never against later ones.
                qint64 ownN = 0;
                if (m_own && e.actor == m_own->actor && m_own->next < m_own->act->events.size()) {
                    const NewEvent &mine = m_own->act->events.at(m_own->next);
                    if (mine.kind == e.kind && mine.scope == e.scope &&
                        CanonicalJson::serialize(mine.payload) == CanonicalJson::serialize(p)) {
                        ++m_own->next;
                        ownN = m_own->act->n;
                    } else {
                        m_own.reset();
                    }
                } else {
                    m_own.reset();
                }
                for (const QString &key : touchedKeys(e.kind, e.scope, p))
                    m_hits[key].append(Hit{e.seq, e.kind, e.actor, e.tsMs, ownN});
            }
        }
        return {};
    }

    // The act was made on a prefix of this log: its basis checkpoint is consistent with the log's
    // latest one (each basis checked once a sync). An act made from a copy of another log, or of a
    // history rewritten since, is refused.
    Result<void> checkBasis(EvidenceStore &team, const OutboxAct &act) {
        if (act.basisSize == 0 || m_basesChecked.contains({act.basisSize, act.basisRoot}))
            return {};
        auto latest = team.latestCheckpoint();
        if (!latest.ok())
            return latest.error();
        auto proof = team.consistencyProof(act.basisSize, latest->size);
        const bool consistent =
            proof.ok() && act.basisSize <= latest->size &&
            (act.basisSize == latest->size
                 ? act.basisRoot == latest->root
                 : crypto::merkle::verifyConsistency(act.basisSize, latest->size, act.basisRoot, latest->root,
                                                     proof.value()));
        if (!consistent)
            return makeError(
                ErrorCode::Policy,
                QStringLiteral("it was made on a log of %1 events that is not a prefix of this team "
                               "log (its basis checkpoint does not match)")
                    .arg(act.basisSize));
        m_basesChecked.insert({act.basisSize, act.basisRoot});
        return {};
    }

    // The act of this outbox that the record `e` of a synced act stands for, if it is one: a record
    // naming this outbox, by that act's author, with exactly its event ids, and the first record in
    // the whole log to carry them. Anyone may name this outbox in a record and an act's ids are
    // public once it is synced, but nobody else can know the ids of an act still waiting here, and
    // a record that repeats ids synced before stands for nothing.
    Result<const Outbox::ActIds *> ownAct(const EvidenceStore &team, const Outbox &outbox,
                                          const StoredEvent &e, const QStringList &ids) {
        if (ids.isEmpty())
            return nullptr;
        const bool repeated = m_recorded.contains(ids.first()); // by a record earlier in this window
        m_recorded.insert(ids.first());
        if (repeated || e.payload().stringAt("outbox") != outbox.id())
            return nullptr;
        const auto own = m_ownActs.constFind(ids.first());
        if (own == m_ownActs.constEnd() || own->author != e.actor || own->uuids != ids ||
            m_consumed.contains(ids.first()))
            return nullptr;
        // What this outbox knows of the act settles most records without asking the log: an act it
        // noted as synced has its record just before the first event it noted; one it refused was
        // never appended from here; one still waiting (or being synced now) has no record before
        // this window, since nobody else knows its ids. Only an act synced with its position lost
        // (a sync cut off) needs the log's first record of its ids.
        switch (own->state) {
        case OutboxState::Rejected:
            return nullptr;
        case OutboxState::Synced:
            if (own->firstSeq == 0)
                break; // its position was lost: the log says which record came first
            if (own->firstSeq != e.seq + 1)
                return nullptr;
            m_consumed.insert(ids.first());
            return &own.value();
        case OutboxState::Pending:
            m_consumed.insert(ids.first());
            return &own.value();
        }
        EventFilter first;
        first.kind = QStringLiteral("outbox.synced");
        first.text = QStringLiteral("\"id\":\"%1\"").arg(ids.first());
        first.limit = 1;
        auto found = team.query(first);
        if (!found.ok())
            return found.error();
        if (found->isEmpty() || found->first().seq != e.seq)
            return nullptr;
        m_consumed.insert(ids.first());
        return &own.value();
    }

    // Where the author's record of an act synced before holds an event of this id (0: nowhere
    // after the basis scanned). An act copied again into an outbox carries the ids it had.
    quint64 syncedAt(const QString &id) const { return m_syncedIds.value(id, 0); }

    // The first change after `basis` to any of `keys`, with the key it touched, leaving out the
    // acts of this outbox made before act `n` (its author's console had them when it was made).
    std::optional<std::pair<QString, Hit>> firstAfter(const QSet<QString> &keys, quint64 basis,
                                                      qint64 n) const {
        std::optional<std::pair<QString, Hit>> first;
        for (const QString &key : keys) {
            const auto it = m_hits.constFind(key);
            if (it == m_hits.constEnd())
                continue;
            for (auto hit = std::upper_bound(it->cbegin(), it->cend(), basis,
                                             [](quint64 b, const Hit &h) { return b < h.seq; });
                 hit != it->cend(); ++hit) {
                if (hit->ownN != 0 && hit->ownN < n)
                    continue;
                if (!first || hit->seq < first->second.seq)
                    first = std::pair<QString, Hit>{key, *hit};
                break;
            }
        }
        return first;
    }

private:
    struct Own {
        const Outbox::ActIds *act = nullptr;
        qsizetype next = 0; // its events seen so far
        QString actor;
    };
    bool m_started = false;
    quint64 m_start = 0;
    quint64 m_scanned = 0;
    std::optional<Own> m_own; // the act of this outbox whose events follow
    QString m_author;
    bool m_ownLoaded = false;
    QHash<QString, Outbox::ActIds> m_ownActs; // this outbox's acts by their first event's id
    QSet<QString> m_consumed;                 // acts whose sync record was seen
    QSet<QString> m_recorded;                 // first ids of every sync record in the window
    QHash<QString, QList<Hit>> m_hits;
    QHash<QString, quint64> m_syncedIds;
    QSet<std::pair<quint64, QByteArray>> m_basesChecked;
};

Result<quint64> admitWith(ChangeIndex &index, EvidenceStore &team, const Outbox &outbox,
                          const OutboxAct &act) {
    if (auto r = index.checkBasis(team, act); !r.ok())
        return r.error();
    auto size = team.size();
    if (!size.ok())
        return size.error();
    if (act.basisSize > size.value())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("it was made on a team log of %1 events; this one holds %2")
                             .arg(act.basisSize)
                             .arg(size.value()));
    if (auto r = index.extend(team, outbox, act.author, act.basisSize, size.value()); !r.ok())
        return r.error();
    for (const QString &id : act.uuids)
        if (const quint64 at = index.syncedAt(id))
            return makeError(ErrorCode::Policy,
                             QStringLiteral("it was synced before (event %1 records it): a copy of an act "
                                            "is never appended twice")
                                 .arg(at));
    QSet<QString> mine;
    for (const NewEvent &e : act.events)
        mine.unite(touchedKeys(e.kind, e.scope, e.payload));
    if (mine.isEmpty())
        return size.value();
    if (const auto hit = index.firstAfter(mine, act.basisSize, act.n))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("%1 changed after it was made: event %2 (%3 by %4, %5)")
                             .arg(describeKey(hit->first), QString::number(hit->second.seq), hit->second.kind,
                                  hit->second.actor, Time::toIso(hit->second.tsMs)));
    return size.value();
}

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
    const std::string whole =
        store::codec::actMessage(act.storeId.toStdString(), outbox.id().toStdString(), act.n, act.basisSize,
                                 act.basisRoot, act.madeMs, act.uuids);
    if (!key->verify(QByteArrayView(whole.data(), static_cast<qsizetype>(whole.size())), act.actSignature))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the act is not signed as a whole by '%1' with the key it holds now "
                                        "(the outbox file was edited, the act was made before acts were "
                                        "signed whole, or the key was replaced since: act again)")
                             .arg(act.author));
    for (int i = 0; i < act.events.size(); ++i) {
        const NewEvent &e = act.events.at(i);
        const qint64 ts = e.tsMs.value_or(act.madeMs);
        if (ts < earliest || ts > latest || act.madeMs < earliest || act.madeMs > latest)
            return makeError(ErrorCode::Policy,
                             QStringLiteral("its time %1 lies outside %2 (its basis sealed) to now")
                                 .arg(Time::toIso(ts), Time::toIso(sealed)));
        const std::string message = store::codec::signedMessage(
            act.storeId.toStdString(), act.uuids.at(i).toStdString(), ts, act.author.toStdString(),
            e.kind.toStdString(), e.scope.toStdString(), CanonicalJson::serialize(e.payload));
        if (!key->verify(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())),
                         act.signatures.at(i)))
            return makeError(ErrorCode::Policy,
                             QStringLiteral("event %1 of the act is not signed by '%2' (the outbox file was "
                                            "edited; it is never signed again)")
                                 .arg(i + 1)
                                 .arg(act.author));
    }
    return {};
}

} // namespace

Result<quint64> admitUnchangedSinceBasis(EvidenceStore &team, const Outbox &outbox, const OutboxAct &act) {
    ChangeIndex index;
    return admitWith(index, team, outbox, act);
}

OutboxAdmission unchangedSinceBasis(const Outbox &outbox) {
    auto index = std::make_shared<ChangeIndex>();
    return [index, &outbox](EvidenceStore &team, const OutboxAct &act) {
        return admitWith(*index, team, outbox, act);
    };
}

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
    const auto refuse = [&](const OutboxAct &act, const QString &why) -> Result<void> {
        if (!markedInFile.contains(act.n))
            if (auto r = outbox.markRejected(act.n, why, clock()); !r.ok())
                return r.error();
        for (const QString &key : keysOf(act))
            if (!refusedKeys.contains(key))
                refusedKeys.insert(key, act.n);
        ++report.rejected;
        report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(why);
        return {};
    };
    for (OutboxEntry e : entries.value()) {
        // Synced in order: an act of this author after the last one the team log records as synced
        // (in an event that counts) was not synced, whatever an outcome row in the file says.
        if (e.state == OutboxState::Synced && e.act.author == author.name && e.act.n > done->first) {
            report.lines << QStringLiteral(
                                "act %1 is marked synced in the outbox file, but the team log does "
                                "not hold it: syncing it")
                                .arg(e.act.n);
            e.state = OutboxState::Pending;
            markedInFile.insert(e.act.n); // its outcome row stays (append-only); the log's record counts
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
            const QString why = QStringLiteral("it was signed for the team log %1, this one is %2")
                                    .arg(act.storeId, team.storeId());
            if (auto r = refuse(act, why); !r.ok())
                return r.error();
            continue;
        }
        if (act.n <= done->first) {
            // Appended before; the outcome was not noted when the sync was cut off.
            if (auto r = outbox.markSynced(act.n, act.n == done->first ? done->second : 0, clock()); !r.ok())
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
            if (auto r = refuse(act, real.error().message); !r.ok())
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
            stored = checkedAt ? team.appendOnSize(*checkedAt, author, events, act.blobs)
                               : team.append(author, events, act.blobs);
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
            if (auto r = refuse(act, stored.error().message); !r.ok())
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
