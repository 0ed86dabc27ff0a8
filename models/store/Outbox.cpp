#include "Outbox.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "IdentityRegistry.h"
#include "Sqlite.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Ed25519.h"
#include "crypto/Merkle.h"
#include "crypto/Random.h"

#include <QFile>
#include <QHash>
#include <QLockFile>

#include <algorithm>

namespace ops {

using store::Database;
using store::Statement;

namespace {

constexpr const char *kSchema = R"SQL(
PRAGMA journal_mode=DELETE;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS acts(
    n INTEGER PRIMARY KEY,
    made_ms INTEGER NOT NULL,
    author TEXT NOT NULL,
    store_id TEXT NOT NULL,
    basis_size INTEGER NOT NULL,
    basis_root TEXT NOT NULL,
    events TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS act_blobs(
    n INTEGER NOT NULL REFERENCES acts(n),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (n, sha256));
CREATE TABLE IF NOT EXISTS outcomes(
    n INTEGER PRIMARY KEY REFERENCES acts(n),
    state TEXT NOT NULL CHECK (state IN ('synced', 'rejected')),
    at_ms INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    reason TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS acts_no_update BEFORE UPDATE ON acts
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on acts refused'); END;
CREATE TRIGGER IF NOT EXISTS acts_no_delete BEFORE DELETE ON acts
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on acts refused'); END;
CREATE TRIGGER IF NOT EXISTS act_blobs_no_update BEFORE UPDATE ON act_blobs
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on act_blobs refused'); END;
CREATE TRIGGER IF NOT EXISTS act_blobs_no_delete BEFORE DELETE ON act_blobs
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on act_blobs refused'); END;
CREATE TRIGGER IF NOT EXISTS outcomes_no_update BEFORE UPDATE ON outcomes
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: UPDATE on outcomes refused'); END;
CREATE TRIGGER IF NOT EXISTS outcomes_no_delete BEFORE DELETE ON outcomes
    BEGIN SELECT RAISE(ABORT, 'the outbox is append-only: DELETE on outcomes refused'); END;
)SQL";

JsonValue eventsJson(const OutboxAct &act) {
    JsonValue out = JsonValue::array();
    for (int i = 0; i < act.events.size(); ++i) {
        const NewEvent &e = act.events.at(i);
        JsonValue o = JsonValue::object();
        o["id"] = act.uuids.at(i);
        o["ts"] = e.tsMs.value_or(act.madeMs);
        o["kind"] = e.kind;
        o["scope"] = e.scope;
        o["payload"] = e.payload;
        o["signature"] = QString::fromLatin1(act.signatures.at(i).toBase64());
        out.push(o);
    }
    return out;
}

Result<void> readEvents(const QString &text, OutboxAct &act, const QString &where) {
    auto parsed = CanonicalJson::parse(text.toStdString());
    if (!parsed.ok() || !parsed->isArray())
        return makeError(ErrorCode::Store, QStringLiteral("outbox act %1 is unreadable").arg(act.n), where);
    for (const JsonValue &o : parsed->toArray()) {
        const JsonValue *payload = o.find("payload");
        const JsonValue *ts = o.find("ts");
        if (!o.isObject() || !payload || !payload->isObject() || !ts)
            return makeError(ErrorCode::Store, QStringLiteral("outbox act %1 is unreadable").arg(act.n),
                             where);
        NewEvent e;
        e.kind = o.stringAt("kind");
        e.scope = o.stringAt("scope");
        e.payload = *payload;
        e.tsMs = ts->toInt();
        act.events << e;
        act.uuids << o.stringAt("id");
        act.signatures << QByteArray::fromBase64(o.stringAt("signature").toLatin1());
    }
    return {};
}

} // namespace

QString outboxStateName(OutboxState state) {
    switch (state) {
    case OutboxState::Pending:
        return QStringLiteral("pending");
    case OutboxState::Synced:
        return QStringLiteral("synced");
    case OutboxState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

Outbox::~Outbox() = default;

Result<std::unique_ptr<Outbox>> Outbox::open(const QString &path) {
    if (auto r = FileUtil::createPrivate(path); !r.ok())
        return r.error();
    auto db = Database::open(path, true);
    if (!db.ok())
        return db.error();
    std::unique_ptr<Outbox> out(new Outbox);
    out->m_db = std::make_unique<Database>(std::move(db).value());
    out->m_path = path;
    if (auto r = out->m_db->exec(kSchema); !r.ok())
        return r.error();
    auto tx = store::Transaction::begin(*out->m_db);
    if (!tx.ok())
        return tx.error();
    auto st = Statement::prepare(*out->m_db, "SELECT value FROM meta WHERE key = 'outbox_id'");
    if (!st.ok())
        return st.error();
    auto ids = st->texts();
    if (!ids.ok())
        return ids.error();
    if (ids->isEmpty()) {
        out->m_id = QString::fromStdString(crypto::UuidSource().next());
        auto ins = Statement::prepare(*out->m_db, "INSERT INTO meta(key, value) VALUES ('outbox_id', ?)");
        if (!ins.ok())
            return ins.error();
        if (auto r = ins->bind(1, out->m_id).run(); !r.ok())
            return r.error();
    } else {
        out->m_id = ids->first();
    }
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return out;
}

Result<OutboxAct> Outbox::queue(const Signer &author, const QString &storeId, const Checkpoint &basis,
                                const QList<NewEvent> &events, const QList<NewBlob> &blobs, qint64 nowMs) {
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    OutboxAct act;
    act.madeMs = nowMs;
    act.author = author.name;
    act.storeId = storeId;
    act.basisSize = basis.size;
    act.basisRoot = basis.root;
    act.blobs = blobs;
    const std::optional<qint64> actTime = act::actTime(events);
    crypto::UuidSource uuids;
    for (NewEvent e : events) {
        e.tsMs = e.tsMs ? *e.tsMs : actTime ? *actTime : nowMs;
        const std::string uuid = uuids.next();
        const std::string message = store::codec::signedMessage(
            storeId.toStdString(), uuid, *e.tsMs, author.name.toStdString(), e.kind.toStdString(),
            e.scope.toStdString(), CanonicalJson::serialize(e.payload));
        const QByteArray signature =
            author.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
        if (signature.isEmpty())
            return makeError(ErrorCode::Store, QStringLiteral("cannot sign the event"));
        act.events << e;
        act.uuids << QString::fromStdString(uuid);
        act.signatures << signature;
    }
    auto tx = store::Transaction::begin(*m_db);
    if (!tx.ok())
        return tx.error();
    auto ins =
        Statement::prepare(*m_db, "INSERT INTO acts(made_ms, author, store_id, basis_size, basis_root, "
                                  "events) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins.ok())
        return ins.error();
    const std::string json = CanonicalJson::serialize(eventsJson(act));
    if (auto r = ins->bind(1, act.madeMs)
                     .bind(2, act.author)
                     .bind(3, act.storeId)
                     .bind(4, static_cast<qint64>(act.basisSize))
                     .bind(5, QString::fromLatin1(act.basisRoot.toBase64()))
                     .bind(6, std::string_view(json))
                     .run();
        !r.ok())
        return r.error();
    act.n = m_db->lastInsertRowId();
    for (const NewBlob &b : blobs) {
        auto blob = Statement::prepare(
            *m_db,
            "INSERT OR IGNORE INTO act_blobs(n, sha256, name, media_type, data) VALUES (?, ?, ?, ?, ?)");
        if (!blob.ok())
            return blob.error();
        if (auto r = blob->bind(1, act.n)
                         .bind(2, b.sha256)
                         .bind(3, b.name)
                         .bind(4, b.mediaType)
                         .bindBlob(5, b.bytes)
                         .run();
            !r.ok())
            return r.error();
    }
    if (auto r = tx->commit(); !r.ok())
        return r.error();
    return act;
}

Result<QList<OutboxEntry>> Outbox::entries() const {
    auto st = Statement::prepare(
        *m_db, "SELECT a.n, a.made_ms, a.author, a.store_id, a.basis_size, a.basis_root, a.events, o.state, "
               "o.at_ms, o.first_seq, o.reason FROM acts a LEFT JOIN outcomes o ON o.n = a.n ORDER BY a.n");
    if (!st.ok())
        return st.error();
    QList<OutboxEntry> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        OutboxEntry e;
        e.act.n = st->int64(0);
        e.act.madeMs = st->int64(1);
        e.act.author = st->text(2);
        e.act.storeId = st->text(3);
        e.act.basisSize = static_cast<quint64>(st->int64(4));
        e.act.basisRoot = QByteArray::fromBase64(st->text(5).toLatin1());
        if (auto r = readEvents(st->text(6), e.act, m_path); !r.ok())
            return r.error();
        const QString state = st->text(7);
        e.state = state == QLatin1String("synced")     ? OutboxState::Synced
                  : state == QLatin1String("rejected") ? OutboxState::Rejected
                                                       : OutboxState::Pending;
        e.atMs = st->int64(8);
        e.firstSeq = static_cast<quint64>(st->int64(9));
        e.reason = st->text(10);
        out << e;
    }
    for (OutboxEntry &e : out) {
        auto blobs =
            Statement::prepare(*m_db, "SELECT sha256, name, media_type, data FROM act_blobs WHERE n = ?");
        if (!blobs.ok())
            return blobs.error();
        blobs->bind(1, e.act.n);
        while (true) {
            auto row = blobs->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                break;
            e.act.blobs << NewBlob{blobs->text(1), blobs->blob(3), blobs->text(2), blobs->text(0)};
        }
    }
    return out;
}

Result<QHash<QString, Outbox::ActIds>> Outbox::actIds() const {
    auto st = Statement::prepare(*m_db, "SELECT n, author, events FROM acts ORDER BY n");
    if (!st.ok())
        return st.error();
    QHash<QString, ActIds> out;
    while (true) {
        auto row = st->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        OutboxAct act;
        act.n = st->int64(0);
        if (auto r = readEvents(st->text(2), act, m_path); !r.ok())
            return r.error();
        if (!act.uuids.isEmpty())
            out.insert(act.uuids.first(), ActIds{st->text(1), act.uuids});
    }
    return out;
}

Result<Outbox::Waiting> Outbox::waiting() const {
    auto st = Statement::prepare(*m_db, "SELECT COUNT(*), coalesce(MIN(made_ms), 0) FROM acts WHERE n NOT IN "
                                        "(SELECT n FROM outcomes)");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return Waiting{static_cast<int>(st->int64(0)), st->int64(1)};
}

Result<void> Outbox::markSynced(qint64 n, quint64 firstSeq, qint64 atMs) {
    return mark(n, OutboxState::Synced, firstSeq, {}, atMs);
}

Result<void> Outbox::markRejected(qint64 n, const QString &reason, qint64 atMs) {
    return mark(n, OutboxState::Rejected, 0, reason, atMs);
}

Result<void> Outbox::mark(qint64 n, OutboxState state, quint64 firstSeq, const QString &reason, qint64 atMs) {
    auto st = Statement::prepare(
        *m_db, "INSERT INTO outcomes(n, state, at_ms, first_seq, reason) VALUES (?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    return st->bind(1, n)
        .bind(2, outboxStateName(state))
        .bind(3, atMs)
        .bind(4, static_cast<qint64>(firstSeq))
        .bind(5, reason)
        .run();
}

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
    auto found = team.query(f);
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
    };

    Result<void> extend(EvidenceStore &team, const Outbox &outbox, const QString &author, quint64 basis) {
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
            m_start = m_scanned = basis;
            m_ownLeft = 0;
            m_hits.clear();
            m_syncedIds.clear();
        }
        auto size = team.size();
        if (!size.ok())
            return size.error();
        constexpr int kPage = 1000;
        while (m_scanned < size.value()) {
            auto page = team.events(m_scanned + 1, kPage);
            if (!page.ok())
                return page.error();
            if (page->isEmpty())
                break;
            for (const StoredEvent &e : page.value()) {
                m_scanned = e.seq;
                const JsonValue p = e.payload();
                if (e.kind == QLatin1String("outbox.synced")) {
                    QStringList ids;
                    if (const JsonValue *originals = p.find("originals"); originals && originals->isArray())
                        for (const JsonValue &o : originals->toArray())
                            ids << o.stringAt("id");
                    if (e.actor == m_author)
                        for (const QString &id : ids)
                            m_syncedIds.insert(id, e.seq);
                    // A record of an act synced from this outbox, by its author, carrying exactly
                    // that act's event ids (the first such record): its events are the outbox's own,
                    // whoever of the identities on this console made them. Anyone may name this
                    // outbox in an event; nobody else can know the ids of an act still waiting in it.
                    const auto own = ids.isEmpty() ? m_ownActs.constEnd() : m_ownActs.constFind(ids.first());
                    if (p.stringAt("outbox") == outbox.id() && own != m_ownActs.constEnd() &&
                        own->author == e.actor && own->uuids == ids && !m_consumed.contains(ids.first())) {
                        m_consumed.insert(ids.first());
                        m_ownLeft = static_cast<int>(ids.size());
                        m_ownActor = e.actor;
                        continue;
                    }
                }
                if (m_ownLeft > 0 && e.actor == m_ownActor) {
                    --m_ownLeft; // an act of this outbox, synced before
                    continue;
                }
                for (const QString &key : touchedKeys(e.kind, e.scope, p))
                    m_hits[key].append(Hit{e.seq, e.kind, e.actor, e.tsMs});
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

    // Where the author's record of an act synced before holds an event of this id (0: nowhere
    // after the basis scanned). An act copied again into an outbox carries the ids it had.
    quint64 syncedAt(const QString &id) const { return m_syncedIds.value(id, 0); }

    // The first change after `basis` to any of `keys`, with the key it touched.
    std::optional<std::pair<QString, Hit>> firstAfter(const QSet<QString> &keys, quint64 basis) const {
        std::optional<std::pair<QString, Hit>> first;
        for (const QString &key : keys) {
            const auto it = m_hits.constFind(key);
            if (it == m_hits.constEnd())
                continue;
            const auto hit = std::upper_bound(it->cbegin(), it->cend(), basis,
                                              [](quint64 b, const Hit &h) { return b < h.seq; });
            if (hit != it->cend() && (!first || hit->seq < first->second.seq))
                first = std::pair<QString, Hit>{key, *hit};
        }
        return first;
    }

private:
    bool m_started = false;
    quint64 m_start = 0;
    quint64 m_scanned = 0;
    int m_ownLeft = 0;
    QString m_ownActor;
    QString m_author;
    bool m_ownLoaded = false;
    QHash<QString, Outbox::ActIds> m_ownActs; // this outbox's acts by their first event's id
    QSet<QString> m_consumed;                 // acts whose sync record was seen
    QHash<QString, QList<Hit>> m_hits;
    QHash<QString, quint64> m_syncedIds;
    QSet<std::pair<quint64, QByteArray>> m_basesChecked;
};

Result<void> admitWith(ChangeIndex &index, EvidenceStore &team, const Outbox &outbox, const OutboxAct &act) {
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
    if (auto r = index.extend(team, outbox, act.author, act.basisSize); !r.ok())
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
        return {};
    if (const auto hit = index.firstAfter(mine, act.basisSize))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("%1 changed after it was made: event %2 (%3 by %4, %5)")
                             .arg(describeKey(hit->first), QString::number(hit->second.seq), hit->second.kind,
                                  hit->second.actor, Time::toIso(hit->second.tsMs)));
    return {};
}

// Whether the act is what its author made: well formed, made on a basis (not before that
// checkpoint was sealed, not in the future) and signed, event by event, with the key the author held
// at the basis in this team log. An error names what is wrong; nothing in it is believed otherwise.
Result<void> checkAuthentic(const EvidenceStore &team, const IdentityRegistry &reg, const OutboxAct &act,
                            qint64 nowMs, QHash<quint64, qint64> &sealedAt) {
    if (act.events.isEmpty() || act.uuids.size() != act.events.size() ||
        act.signatures.size() != act.events.size())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the act is incomplete (the outbox file was edited)"));
    if (act.basisSize == 0 || act.basisRoot.size() != 32)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("it names no team log it was made on (the outbox file was edited)"));
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
    const QByteArray pem = reg.keyAt(act.author, act.basisSize + 1);
    if (pem.isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' could not act on the log it was made on (%2 events)")
                             .arg(act.author)
                             .arg(act.basisSize));
    auto key = crypto::PublicKey::fromPem(pem);
    if (!key.ok())
        return key.error();
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

Result<void> admitUnchangedSinceBasis(EvidenceStore &team, const Outbox &outbox, const OutboxAct &act) {
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
    QHash<quint64, qint64> sealedAt;
    auto entries = outbox.entries();
    if (!entries.ok())
        return entries.error();
    auto done = lastSyncedHere(team, outbox, author.name);
    if (!done.ok())
        return done.error();
    for (const OutboxEntry &e : entries.value()) {
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
            if (auto r = outbox.markRejected(act.n, why, clock()); !r.ok())
                return r.error();
            ++report.rejected;
            report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(why);
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
        if (auto real = checkAuthentic(team, reg.value(), act, clock(), sealedAt); !real.ok()) {
            if (!team.reachable())
                return report;
            if (auto r = outbox.markRejected(act.n, real.error().message, clock()); !r.ok())
                return r.error();
            ++report.rejected;
            report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(real.error().message);
            continue;
        }
        if (admit) {
            if (auto ok = admit(team, act); !ok.ok()) {
                if (!team.reachable())
                    return report;
                if (auto r = outbox.markRejected(act.n, ok.error().message, clock()); !r.ok())
                    return r.error();
                ++report.rejected;
                report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(ok.error().message);
                continue;
            }
        }
        QList<NewEvent> events{syncedMarker(outbox, act)};
        for (NewEvent ev : act.events) {
            ev.tsMs.reset(); // it reaches the log now
            events << ev;
        }
        auto stored = team.append(author, events, act.blobs);
        if (!stored.ok()) {
            if (!team.reachable())
                return report; // still waiting; the next sync finds out whether it committed
            if (auto r = outbox.markRejected(act.n, stored.error().message, clock()); !r.ok())
                return r.error();
            ++report.rejected;
            report.lines << QStringLiteral("act %1 rejected: %2").arg(act.n).arg(stored.error().message);
            continue;
        }
        const quint64 first = stored->size() > 1 ? stored->at(1).seq : stored->first().seq;
        if (auto r = outbox.markSynced(act.n, first, clock()); !r.ok())
            return r.error();
        ++report.synced;
        report.lines << QStringLiteral("act %1 synced as event %2").arg(act.n).arg(first);
    }
    return report;
}

} // namespace ops
