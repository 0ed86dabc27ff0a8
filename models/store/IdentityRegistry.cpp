#include "IdentityRegistry.h"

#include "EventCodec.h"
#include "EvidenceStore.h"

#include "core/CanonicalJson.h"

#include "core/IdentityName.h"
#include "core/Roles.h"
#include "crypto/Ed25519.h"

#include <QRegularExpression>

#include <algorithm>

namespace ops {

namespace {

const QString kAdmin = QStringLiteral("admin");

bool validName(const QString &name) {
    return IdentityName::isValid(name);
}

} // namespace

const IdentityRegistry::KeyPeriod *IdentityRegistry::Entry::currentKey() const {
    return keys.isEmpty() || keys.last().untilSeq != 0 ? nullptr : &keys.last();
}

QString IdentityRegistry::Entry::fingerprint() const {
    if (const KeyPeriod *k = currentKey())
        return k->fingerprint;
    return state == State::Requested ? pendingFingerprint
                                     : (keys.isEmpty() ? QString() : keys.last().fingerprint);
}

QByteArray IdentityRegistry::Entry::publicKeyPem() const {
    if (const KeyPeriod *k = currentKey())
        return k->publicKeyPem;
    return state == State::Requested ? pendingPem
                                     : (keys.isEmpty() ? QByteArray() : keys.last().publicKeyPem);
}

bool IdentityRegistry::signatureVerifies(const StoredEvent &e, QByteArrayView pem) const {
    if (!e.signedByActor)
        return false;
    auto key = crypto::PublicKey::fromPem(pem);
    return key.ok() && verifiedForm(key.value(), m_storeId, e) != SignedForm::None;
}

IdentityRegistry::IdentityRegistry(TrustPolicy policy, QString storeId)
    : m_policy(std::move(policy))
    , m_storeId(std::move(storeId)) {
    m_policy.enrollQuorum = std::max(1, m_policy.enrollQuorum);
}

QByteArray IdentityRegistry::rotationProof(const QString &name, const QString &oldFingerprint,
                                           const QString &newFingerprint) {
    return QStringLiteral("opsconsole identity rotation v1\n%1\n%2\n%3\n")
        .arg(name, oldFingerprint, newFingerprint)
        .toUtf8();
}

Result<IdentityRegistry> IdentityRegistry::load(const EvidenceStore &store, TrustPolicy policy) {
    // Every identity event, those edited in the file marked rather than refused: they do not count,
    // and the store still opens so that verify can name them.
    auto events = eventsWithKindPrefixes(store, {QStringLiteral("identity.")}, true, true);
    if (!events.ok())
        return events.error();
    IdentityRegistry reg(std::move(policy), store.storeId());
    for (const StoredEvent &e : events.value()) {
        if (!e.editedProblem.isEmpty())
            continue;
        // The fold reads the event's own bytes: an event whose indexed columns (kind, actor,
        // position) disagree with them does not count (verify names it).
        auto parsed = CanonicalJson::parse(e.canonical);
        if (!parsed.ok() || !store::codec::columnMismatch(parsed.value(), e).isEmpty())
            continue;
        const JsonValue *payload = parsed->find("payload");
        (void)reg.apply(e, *payload); // an invalid identity event does not count; verify names it
    }
    return reg;
}

QString IdentityRegistry::stateName(State s) {
    switch (s) {
    case State::Requested:
        return QStringLiteral("requested");
    case State::Approved:
        return QStringLiteral("approved");
    case State::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

const IdentityRegistry::Entry *IdentityRegistry::find(const QString &name) const {
    const auto it = m_entries.constFind(name);
    return it == m_entries.cend() ? nullptr : &*it;
}

const IdentityRegistry::Entry *IdentityRegistry::findIgnoringCase(const QString &name) const {
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return &*it;
    return nullptr;
}

QList<IdentityRegistry::Entry> IdentityRegistry::entries() const {
    QList<Entry> out = m_entries.values();
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
    return out;
}

bool IdentityRegistry::adminAt(const Entry &e) const {
    if (e.state != State::Approved || !(e.genesis || e.roles.contains(kAdmin)))
        return false;
    return !m_policy.pinned() || m_policy.admins.contains(e.fingerprint());
}

bool IdentityRegistry::isAdmin(const QString &name) const {
    const Entry *e = find(name);
    return e && adminAt(*e);
}

QStringList IdentityRegistry::activeRoles(const QString &name) const {
    const Entry *e = find(name);
    if (!e || e->state != State::Approved)
        return {};
    QStringList roles = e->roles;
    if (!adminAt(*e))
        roles.removeAll(kAdmin);
    return roles;
}

QString IdentityRegistry::pinProblem() const {
    if (!m_policy.pinned() || m_genesis.isEmpty())
        return {};
    const Entry *g = find(m_genesis);
    if (g && !g->keys.isEmpty() && m_policy.admins.contains(g->keys.first().fingerprint))
        return {};
    return QStringLiteral(
               "the genesis admin '%1' (%2) is not among the pinned admin keys: this is not the log the "
               "pins describe")
        .arg(m_genesis, g && !g->keys.isEmpty() ? g->keys.first().fingerprint : QString());
}

const IdentityRegistry::KeyPeriod *IdentityRegistry::periodAt(const QString &name, quint64 seq) const {
    const Entry *e = find(name);
    if (!e || e->approvedSeq == 0 || seq <= e->approvedSeq || (e->revokedSeq != 0 && seq >= e->revokedSeq))
        return nullptr;
    for (const KeyPeriod &k : e->keys)
        if (seq > k.fromSeq && (k.untilSeq == 0 || seq < k.untilSeq))
            return &k;
    return nullptr;
}

QByteArray IdentityRegistry::keyAt(const QString &name, quint64 seq) const {
    const KeyPeriod *k = periodAt(name, seq);
    return k ? k->publicKeyPem : QByteArray();
}

QString IdentityRegistry::fingerprintAt(const QString &name, quint64 seq) const {
    const KeyPeriod *k = periodAt(name, seq);
    return k ? k->fingerprint : QString();
}

QByteArray IdentityRegistry::checkpointKey(const QString &name, quint64 size) const {
    // A transaction's events and its checkpoint have one signer, so the checkpoint of `size` is
    // signed with the key that signed event `size`: stable whatever happens later in the log.
    const Entry *e = find(name);
    if (!e)
        return {};
    return e->createdSeq == size ? e->requestPem : keyAt(name, size);
}

QByteArray IdentityRegistry::eventKey(const StoredEvent &event) const {
    if (event.kind == QLatin1String("identity.created")) {
        const Entry *e = find(event.actor);
        return e && e->createdSeq == event.seq ? e->requestPem : QByteArray();
    }
    return keyAt(event.actor, event.seq);
}

QString IdentityRegistry::refusalAt(const QString &name, const QString &fingerprint, quint64 seq) const {
    const Entry *e = find(name);
    if (!e)
        return QStringLiteral("'%1' is not an identity of this store").arg(name);
    if (e->approvedSeq == 0 || seq <= e->approvedSeq) {
        const int missing = m_policy.enrollQuorum - static_cast<int>(e->approvers.size());
        return QStringLiteral(
                   "'%1' is not approved yet (requested at event %2; %3 more admin approval(s) needed)")
            .arg(name)
            .arg(e->createdSeq)
            .arg(std::max(1, missing));
    }
    if (e->revokedSeq != 0 && seq >= e->revokedSeq)
        return QStringLiteral("'%1' was revoked at event %2").arg(name).arg(e->revokedSeq);
    const QString fp = fingerprintAt(name, seq);
    if (fp.isEmpty())
        return QStringLiteral("'%1' holds no valid key at event %2").arg(name).arg(seq);
    if (!fingerprint.isEmpty() && fp != fingerprint)
        return QStringLiteral("the key offered for '%1' (%2) is not its current key (%3)")
            .arg(name, fingerprint, fp);
    return {};
}

QString IdentityRegistry::apply(const StoredEvent &event, const JsonValue &payload) {
    const QString kind = event.kind;
    const QString name = payload.stringAt("name");
    const quint64 seq = event.seq;
    if (!payload.isObject() || !validName(name))
        return QStringLiteral("%1 names no valid identity").arg(kind);

    if (kind == QLatin1String("identity.created")) {
        if (event.actor != name)
            return QStringLiteral("an identity request must be made by the identity itself");
        if (m_entries.contains(name))
            return QStringLiteral("identity '%1' already exists").arg(name);
        const QByteArray pem = payload.stringAt("public_key").toLatin1();
        auto key = crypto::PublicKey::fromPem(pem);
        if (!key.ok() || key->fingerprint() != payload.stringAt("fingerprint"))
            return QStringLiteral("the request's public key does not match its fingerprint");
        if (!signatureVerifies(event, pem))
            return QStringLiteral("the request is not signed by the key it enrols");
        QStringList roles;
        if (const JsonValue *r = payload.find("roles"); r && r->isArray())
            for (const JsonValue &role : r->toArray())
                roles << role.toQString();
        if (!Roles::unknown(roles).isEmpty())
            return QStringLiteral("unknown role(s) %1").arg(Roles::unknown(roles).join(QStringLiteral(", ")));
        if (const QString conflict = Roles::separationConflict(roles); !conflict.isEmpty())
            return conflict;
        if (const auto used = m_keysSeen.constFind(key->fingerprint()); used != m_keysSeen.cend())
            return QStringLiteral("the key is already held by '%1': one key, one identity").arg(*used);
        const QString enrolment = payload.stringAt("enrolment");
        Entry e;
        e.name = name;
        e.roles = roles;
        e.createdSeq = seq;
        e.pendingFingerprint = key->fingerprint();
        e.pendingPem = key->pem();
        e.requestPem = e.pendingPem;
        const bool first = m_genesis.isEmpty();
        if (first) {
            if (!enrolment.isEmpty() && enrolment != QLatin1String("genesis"))
                return QStringLiteral("the first identity of a log must be its genesis");
            e.genesis = true;
            e.legacy = enrolment.isEmpty();
        } else if (enrolment.isEmpty()) {
            if (m_trustEra)
                return QStringLiteral(
                    "an identity request without enrolment after trust roots were established");
            e.legacy = true;
        } else if (enrolment != QLatin1String("request")) {
            return QStringLiteral("only the first identity of a log is its genesis");
        }
        if (!enrolment.isEmpty())
            m_trustEra = true;
        // An admin whose key the reviewed config pins needs no approval from inside the log: the
        // config's review is its approval (this is how a team of admins starts a quorum).
        const bool pinnedAdmin = m_policy.admins.contains(e.pendingFingerprint) && roles.contains(kAdmin);
        if (pinnedAdmin && !e.genesis && !e.legacy)
            e.approvers << QStringLiteral("trust.admins");
        if (e.genesis || e.legacy || pinnedAdmin) {
            e.state = State::Approved;
            e.approvedSeq = seq;
            e.keys.append({e.pendingFingerprint, e.pendingPem, seq, 0});
            e.pendingFingerprint.clear();
            e.pendingPem.clear();
        }
        if (first)
            m_genesis = name;
        m_keysSeen.insert(key->fingerprint(), name);
        m_entries.insert(name, e);
        return {};
    }

    // Every other identity event is an act of an approved identity, signed with its key now.
    const QByteArray actorKey = keyAt(event.actor, seq);
    if (actorKey.isEmpty())
        return refusalAt(event.actor, {}, seq);
    if (!signatureVerifies(event, actorKey))
        return QStringLiteral("not signed by the current key of '%1'").arg(event.actor);
    const auto target = m_entries.find(name);
    if (target == m_entries.end())
        return QStringLiteral("no identity named '%1'").arg(name);
    Entry &t = *target;

    if (kind == QLatin1String("identity.approved")) {
        const Entry *admin = find(event.actor);
        if (!admin || !adminAt(*admin))
            return QStringLiteral("'%1' is not an admin%2")
                .arg(event.actor, m_policy.pinned() ? QStringLiteral(" pinned by trust.admins") : QString());
        if (event.actor == name)
            return QStringLiteral("an admin never approves itself");
        if (t.state == State::Revoked)
            return QStringLiteral("'%1' is revoked").arg(name);
        if (t.pendingFingerprint.isEmpty())
            return QStringLiteral("'%1' has nothing waiting for approval").arg(name);
        if (payload.stringAt("fingerprint") != t.pendingFingerprint)
            return QStringLiteral("the approval is for key %1, but '%2' asked for %3")
                .arg(payload.stringAt("fingerprint"), name, t.pendingFingerprint);
        if (t.approvers.contains(event.actor))
            return QStringLiteral("'%1' already approved this").arg(event.actor);
        t.approvers << event.actor;
        m_trustEra = true;
        // The quorum counts the approvers that are still admins now.
        qsizetype current = 0;
        for (const QString &a : std::as_const(t.approvers))
            if (const Entry *ae = find(a); ae && adminAt(*ae))
                ++current;
        if (current < m_policy.enrollQuorum)
            return {};
        if (t.state == State::Requested) {
            t.state = State::Approved;
            t.approvedSeq = seq;
        } else if (!t.keys.isEmpty()) {
            t.keys.last().untilSeq = seq; // rotation: the old key stops here
        }
        t.keys.append({t.pendingFingerprint, t.pendingPem, seq, 0});
        t.pendingFingerprint.clear();
        t.pendingPem.clear();
        return {};
    }
    if (kind == QLatin1String("identity.revoked")) {
        const Entry *admin = find(event.actor);
        if (!admin || !adminAt(*admin))
            return QStringLiteral("'%1' is not an admin").arg(event.actor);
        if (event.actor == name)
            return QStringLiteral("an admin does not revoke itself");
        if (t.state == State::Revoked)
            return QStringLiteral("'%1' is already revoked").arg(name);
        if (payload.stringAt("reason").trimmed().isEmpty())
            return QStringLiteral("a revocation needs a reason");
        t.state = State::Revoked;
        t.revokedSeq = seq;
        t.revokedBy = event.actor;
        t.revokeReason = payload.stringAt("reason");
        t.pendingFingerprint.clear();
        t.pendingPem.clear();
        t.approvers.clear();
        m_trustEra = true;
        return {};
    }
    if (kind == QLatin1String("identity.trust_established")) {
        if (event.actor != name)
            return QStringLiteral("trust roots are established by the writer itself");
        m_trustEra = true;
        return {};
    }
    if (kind == QLatin1String("identity.rotated")) {
        if (event.actor != name)
            return QStringLiteral("only '%1' rotates its own key").arg(name);
        const QString oldFp = fingerprintAt(name, seq);
        if (payload.stringAt("old_fingerprint") != oldFp)
            return QStringLiteral("the rotation does not start from the current key");
        const QByteArray pem = payload.stringAt("public_key").toLatin1();
        auto key = crypto::PublicKey::fromPem(pem);
        if (!key.ok() || key->fingerprint() != payload.stringAt("fingerprint"))
            return QStringLiteral("the new public key does not match its fingerprint");
        if (const auto used = m_keysSeen.constFind(key->fingerprint()); used != m_keysSeen.cend())
            return QStringLiteral("the new key was already used by '%1': one key, one identity").arg(*used);
        const QByteArray proof = QByteArray::fromBase64(payload.stringAt("proof").toLatin1());
        if (!key->verify(rotationProof(name, oldFp, key->fingerprint()), proof))
            return QStringLiteral("the new key did not sign the rotation");
        t.pendingFingerprint = key->fingerprint();
        t.pendingPem = key->pem();
        t.approvers.clear();
        m_keysSeen.insert(key->fingerprint(), name);
        m_trustEra = true;
        return {};
    }
    return QStringLiteral("unknown identity event %1").arg(kind);
}

} // namespace ops
