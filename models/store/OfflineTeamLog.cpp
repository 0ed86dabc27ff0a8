#include "OfflineTeamLog.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "PgEvidenceStore.h"
#include "Witness.h"

#include "core/CanonicalJson.h"
#include "crypto/Merkle.h"

#include <QFile>

namespace ops {

namespace merkle = crypto::merkle;

namespace {

// The first position above `base` that a payload cites (a "seq" or "…_seq" member, at any depth),
// or 0: positions above the copy are provisional, and the act would cite them wrongly once synced.
// The members of a payload that cite a position in the log or a size of it: "seq" and any
// "…_seq", the event or handover acknowledged, the previous handover, a tree or checkpoint size,
// and the size of a checkpoint cited as {size, root}.
bool citesPosition(std::string_view key, const JsonValue &holder) {
    static constexpr std::string_view kCiting[] = {
        "seq", "event", "handover", "previous_handover", "tree_size", "checkpoint_size"};
    for (std::string_view citing : kCiting)
        if (key == citing)
            return true;
    if (key.size() > 4 && key.substr(key.size() - 4) == "_seq")
        return true;
    return key == "size" && holder.find("root") != nullptr;
}

quint64 citesAbove(const JsonValue &v, quint64 base) {
    if (v.isArray()) {
        for (const JsonValue &item : v.toArray())
            if (const quint64 found = citesAbove(item, base))
                return found;
    } else if (v.isObject()) {
        for (const auto &[key, member] : v.toObject()) {
            if (member.isInt() && member.toInt() > static_cast<std::int64_t>(base) && citesPosition(key, v))
                return static_cast<quint64>(member.toInt());
            if (const quint64 found = citesAbove(member, base))
                return found;
        }
    }
    return 0;
}

} // namespace

QString OfflineTeamLog::behindWitnessed(const QString &name) const {
    if (m_anchorDirectory.isEmpty())
        return {};
    bool unreadable = false;
    const auto seen =
        Witness::remembered(Witness::memoryPath(m_anchorDirectory, name, storeId()), storeId(), &unreadable);
    if (unreadable)
        return QStringLiteral("the record of what '%1' cosigned here is unreadable").arg(name);
    if (!seen || seen->size == 0)
        return {};
    if (seen->size > m_base)
        return QStringLiteral("this console's copy of the team log (%1 events) is older than the checkpoint "
                              "'%2' witnessed here (%3 events): an older copy was put back, or it was not "
                              "brought up to date since")
            .arg(m_base)
            .arg(name)
            .arg(seen->size);
    // The root of the copy's first events is computed once a view and checkpoint (it hashes every
    // leaf of the prefix), not at every act.
    const std::pair<quint64, QByteArray> key{seen->size, seen->root};
    if (!m_heldCheckpoints.contains(key)) {
        if (crypto::merkle::rootOf(
                crypto::merkle::VectorTree(m_leaves.mid(0, static_cast<qsizetype>(m_base))), seen->size) !=
            seen->root)
            return QStringLiteral("this console's copy of the team log is not the log '%1' witnessed here "
                                  "(its first %2 events differ)")
                .arg(name)
                .arg(seen->size);
        m_heldCheckpoints.insert(key);
    }
    return {};
}

Result<std::unique_ptr<OfflineTeamLog>> OfflineTeamLog::open(std::shared_ptr<TeamLogCopy> copy,
                                                             std::shared_ptr<Outbox> outbox,
                                                             TrustPolicy trust, Time::Clock clock,
                                                             QString label) {
    if (copy->size() == 0)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("this console has no verified copy of the team log yet (it keeps one "
                           "once someone signed in here has witnessed the log), so it cannot act "
                           "without the server"),
            copy->path());
    std::unique_ptr<OfflineTeamLog> out(new OfflineTeamLog);
    out->m_trust = trust;
    out->m_clock = std::move(clock);
    out->m_label = std::move(label);
    out->m_registry = IdentityRegistry(trust, copy->storeId());
    for (const StoredEvent &e : copy->events()) {
        if (!e.kind.startsWith(QLatin1String("identity.")))
            continue;
        auto parsed = CanonicalJson::parse(e.canonical);
        if (!parsed.ok() || !store::codec::columnMismatch(parsed.value(), e).isEmpty())
            continue;
        (void)out->m_registry.apply(e, *parsed->find("payload")); // an invalid one does not count
    }
    // A copy made up whole (a log of the attacker's own, self-consistent) fails here: its genesis
    // is not among the admins the deployment pins.
    if (const QString pin = out->m_registry.pinProblem(); !pin.isEmpty())
        return makeError(ErrorCode::Negative,
                         QStringLiteral("this console's copy of the team log cannot be trusted: %1").arg(pin),
                         copy->path());
    const quint64 copied = copy->size();
    if (!act::checkpointSignatureOk(out->m_registry, copy->checkpoint(),
                                    [copied](quint64 size) { return size == copied; }))
        return makeError(
            ErrorCode::Negative,
            QStringLiteral("this console's copy of the team log cannot be trusted: its checkpoint's "
                           "signature by '%1' does not verify")
                .arg(copy->checkpoint().signer),
            copy->path());
    out->m_events = copy->events();
    out->m_leaves = copy->leaves();
    out->m_base = copy->size();
    out->m_checkpoint = copy->checkpoint();
    out->m_copy = std::move(copy);
    out->m_outbox = std::move(outbox);
    auto entries = out->m_outbox->entries();
    if (!entries.ok())
        return entries.error();
    // Only acts their author signed (as a whole and event by event, with the key the copy says the
    // author holds): a row slipped into the outbox file with sqlite3 is not shown as an event, and
    // no rule decides from it.
    for (OutboxEntry &entry : entries.value())
        if (entry.state == OutboxState::Pending && entry.act.storeId == out->storeId()) {
            if (out->signedByItsAuthor(entry.act)) {
                auto blobs = out->m_outbox->blobsOf(entry.act.n);
                if (!blobs.ok())
                    return blobs.error();
                entry.act.blobs = std::move(blobs).value();
                out->addProvisional(entry.act);
            } else
                ++out->m_unsignedActs;
        }
    return out;
}

bool OfflineTeamLog::signedByItsAuthor(const OutboxAct &act) const {
    auto key = crypto::PublicKey::fromPem(m_registry.keyAt(act.author, m_base + 1));
    return key.ok() && checkActSignatures(act, m_outbox->id(), key.value()).good();
}

void OfflineTeamLog::addProvisional(const OutboxAct &act) {
    for (int i = 0; i < act.events.size(); ++i) {
        const NewEvent &e = act.events.at(i);
        StoredEvent s;
        s.seq = static_cast<quint64>(m_events.size()) + 1;
        s.uuid = act.uuids.at(i);
        s.tsMs = e.tsMs.value_or(act.madeMs);
        s.actor = act.author;
        s.kind = e.kind;
        s.scope = e.scope;
        s.signedByActor = true;
        s.canonical = store::codec::eventBytes(
            s.seq, s.uuid.toStdString(), s.tsMs, s.actor.toStdString(), s.kind.toStdString(),
            s.scope.toStdString(), CanonicalJson::serialize(e.payload), store::codec::SignatureField::Value,
            act.signatures.at(i).toBase64().toStdString());
        s.leafHash =
            merkle::leafHash(QByteArrayView(s.canonical.data(), static_cast<qsizetype>(s.canonical.size())));
        m_leaves << s.leafHash;
        m_events << std::move(s);
    }
    for (const NewBlob &b : act.blobs)
        m_blobs.insert(b.sha256, b);
}

Error OfflineTeamLog::needsServer(const QString &what) const {
    return makeError(
        ErrorCode::Store,
        QStringLiteral("%1 needs the team log, which cannot be reached now; this console is working "
                       "from its copy and keeps its acts in the outbox until the server is back")
            .arg(what),
        m_label);
}

Result<QList<StoredEvent>> OfflineTeamLog::append(const Signer &signer, const QList<NewEvent> &events,
                                                  const QList<NewBlob> &blobs) {
    if (auto r = act::validate(events); !r.ok())
        return r.error();
    for (const NewEvent &e : events)
        if (e.kind.startsWith(QLatin1String("identity.")) || e.kind.startsWith(QLatin1String("outbox.")))
            return needsServer(QStringLiteral("'%1'").arg(e.kind));
    // The copy must be the one this identity's console brought to where it stands: a copy edited,
    // made up or swapped for another file is not a log to act on.
    if (m_readOnly)
        return makeError(ErrorCode::Store, QStringLiteral("the store is open read-only"), m_label);
    if (const QString alarm = PgEvidenceStore::alarmPathFor(m_anchorDirectory, storeId());
        !alarm.isEmpty() && QFile::exists(alarm))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to write: this console found the team log rewritten and "
                                        "raised the alarm; nothing is written to it, online or offline, "
                                        "until the alarm is investigated (see the alarm file)"),
                         alarm);
    if (m_copy->size() != m_base)
        return makeError(ErrorCode::Store,
                         QStringLiteral("this console's copy of the team log changed under this view of it; "
                                        "open it again"),
                         m_label);
    if (!m_copy->vouchedBy(signer.name, signer.key.publicKey()))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to act offline: this console's copy of the team log (%1 "
                                        "events) is not one '%2' witnessed (edited, replaced, or last "
                                        "brought up to date by another identity); act once with the team "
                                        "log reachable")
                             .arg(m_copy->size())
                             .arg(signer.name),
                         m_label);
    // Nor an older genuine copy put back (its vouch is genuine too): the copy reaches at least the
    // checkpoint this identity last cosigned on this console, and holds it.
    if (auto rolledBack = behindWitnessed(signer.name); !rolledBack.isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to act offline: %1; act once with the team log reachable")
                             .arg(rolledBack),
                         m_label);
    // The checks the team log makes before it writes: who may record the act, with which role.
    auto plan = act::plan(m_registry, signer, events, size().value() + 1, m_label);
    if (!plan.ok())
        return plan.error();
    if (plan->markers > 0)
        return needsServer(QStringLiteral("this act"));
    if (auto r = act::checkBlobs(*this, events, blobs); !r.ok())
        return r.error();
    for (const NewEvent &e : events)
        if (const quint64 cited = citesAbove(e.payload, m_base))
            return makeError(ErrorCode::Policy,
                             QStringLiteral("refusing to record %1 offline: it cites event %2, made here "
                                            "offline and not in the team log yet (its position is "
                                            "provisional); record it once the server is back")
                                 .arg(e.kind)
                                 .arg(cited),
                             m_label);
    // The time order the team log keeps: an act dated before the latest event seen (beyond the
    // clock skew allowed) says this machine's clock is wrong; it is refused now, not at sync.
    const qint64 latestTs = m_events.isEmpty() ? 0 : m_events.last().tsMs;
    const qint64 when = act::actTime(events).value_or(m_clock());
    if (when < latestTs - Time::kClockSkewToleranceMs)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("refusing to record %1: %2")
                             .arg(events.first().kind, timeWentBackwards(when, latestTs)),
                         m_label);
    auto queued = m_outbox->queue(signer, storeId(), m_checkpoint, events, blobs, m_clock());
    if (!queued.ok())
        return queued.error();
    const qsizetype first = m_events.size();
    addProvisional(queued.value());
    return m_events.mid(first);
}

Result<quint64> OfflineTeamLog::importJsonl(const Signer &, const QString &, const Progress &) {
    return needsServer(QStringLiteral("an import"));
}

Result<StoredEvent> OfflineTeamLog::event(quint64 seq) const {
    if (seq == 0 || seq > static_cast<quint64>(m_events.size()))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no event %1 (this console's view of the team log holds %2)")
                             .arg(seq)
                             .arg(m_events.size()),
                         m_label);
    return m_events.at(static_cast<qsizetype>(seq - 1));
}

Result<QList<StoredEvent>> OfflineTeamLog::events(quint64 fromSeq, int limit) const {
    EventFilter all;
    all.fromSeq = fromSeq;
    all.limit = limit;
    return query(all);
}

Result<QList<StoredEvent>> OfflineTeamLog::query(const EventFilter &filter) const {
    const int limit = qBound(1, filter.limit, 100000);
    const std::string text = filter.text.toStdString();
    const auto matches = [&](const StoredEvent &e) {
        return e.seq >= filter.fromSeq && e.seq <= filter.toSeq &&
               (filter.kind.isEmpty() || e.kind == filter.kind) &&
               (filter.kindPrefix.isEmpty() || e.kind.startsWith(filter.kindPrefix)) &&
               (filter.scope.isEmpty() || e.scope == filter.scope) &&
               (filter.actor.isEmpty() || e.actor == filter.actor) &&
               (text.empty() || e.canonical.find(text) != std::string::npos);
    };
    QList<StoredEvent> out;
    if (filter.newestFirst) {
        for (qsizetype i = m_events.size() - 1; i >= 0 && out.size() < limit; --i)
            if (matches(m_events.at(i)))
                out << m_events.at(i);
    } else {
        for (qsizetype i = qMax<qsizetype>(0, static_cast<qsizetype>(filter.fromSeq) - 1);
             i < m_events.size() && out.size() < limit; ++i)
            if (matches(m_events.at(i)))
                out << m_events.at(i);
    }
    return out;
}

Result<qint64> OfflineTeamLog::sealedAtMs(quint64 seq) const {
    // The copy's checkpoint covers every copied event; a provisional one is not sealed yet.
    return seq <= m_base ? m_checkpoint.tsMs : 0;
}

Result<InclusionProofData> OfflineTeamLog::inclusionProof(quint64 seq, quint64 treeSize) const {
    if (seq == 0 || seq > treeSize || treeSize > m_base)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("no event %1 in a tree of %2 (this console's copy of the team log holds "
                           "%3; later events are not in the team log yet)")
                .arg(seq)
                .arg(treeSize)
                .arg(m_base),
            m_label);
    merkle::VectorTree tree(m_leaves.mid(0, static_cast<qsizetype>(m_base)));
    auto path = merkle::inclusionProof(tree, seq - 1, treeSize);
    if (!path.ok())
        return path.error();
    return InclusionProofData{seq, treeSize, m_leaves.at(static_cast<qsizetype>(seq - 1)), path.value()};
}

Result<QList<QByteArray>> OfflineTeamLog::consistencyProof(quint64 oldSize, quint64 newSize) const {
    if (newSize > m_base)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("this console's copy of the team log holds only %1 events").arg(m_base), m_label);
    merkle::VectorTree tree(m_leaves.mid(0, static_cast<qsizetype>(m_base)));
    return merkle::consistencyProof(tree, oldSize, newSize);
}

Result<StoredEvent> OfflineTeamLog::attach(const Signer &signer, const QString &name, const QByteArray &bytes,
                                           const QString &mediaType, const QString &scope) {
    auto blob = makeBlob(name, bytes, mediaType);
    if (!blob.ok())
        return blob.error();
    auto appended = append(signer, {attachmentEvent(blob.value(), scope)}, {blob.value()});
    if (!appended.ok())
        return appended.error();
    return appended->first();
}

Result<QByteArray> OfflineTeamLog::blob(const QString &sha256Hex) const {
    const auto it = m_blobs.constFind(sha256Hex.toLower());
    if (it == m_blobs.constEnd())
        return needsServer(QStringLiteral("reading the attachment %1").arg(sha256Hex.left(12)));
    return it->bytes;
}

Result<BlobInfo> OfflineTeamLog::blobInfo(const QString &sha256Hex) const {
    const auto it = m_blobs.constFind(sha256Hex.toLower());
    if (it == m_blobs.constEnd())
        return needsServer(QStringLiteral("reading the attachment %1").arg(sha256Hex.left(12)));
    return BlobInfo{it->sha256, it->bytes.size(), it->mediaType};
}

Result<QList<Identity>> OfflineTeamLog::identities() const {
    return act::identitiesOf(m_registry);
}

Result<Identity> OfflineTeamLog::identity(const QString &name) const {
    for (const Identity &i : act::identitiesOf(m_registry))
        if (i.name == name)
            return i;
    return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
}

Result<VerifyReport> OfflineTeamLog::verify(const VerifyOptions &, const Progress &) {
    return needsServer(QStringLiteral("verifying the log"));
}

Result<void> OfflineTeamLog::backup(const QString &, const Progress &) {
    return needsServer(QStringLiteral("a backup"));
}

} // namespace ops
