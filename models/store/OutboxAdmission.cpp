// What the team log must still admit of an act made offline: nothing it is about changed after the
// basis its author saw (Outbox.h). The index of changes is read once per sync and extended.
#include "Outbox.h"

#include "EventCodec.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "crypto/Merkle.h"

#include <QHash>

#include <algorithm>

namespace ops {

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
        // noted as synced has its record just before the first event it noted; one still waiting
        // (or being synced now) has no record before this window, since nobody else knows its ids.
        // Anything else the log decides by the first record of its ids: an act noted as refused (a
        // row written into the file by hand may say so of an act synced since), or synced at
        // another position or with its position lost (a sync cut off).
        switch (own->state) {
        case OutboxState::Rejected:
            break;
        case OutboxState::Synced:
            if (own->firstSeq != e.seq + 1)
                break;
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

} // namespace ops
