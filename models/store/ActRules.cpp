#include "ActRules.h"

#include "EventCodec.h"
#include "LogVerifier.h"

#include "core/CanonicalJson.h"
#include "core/IdentityName.h"
#include "core/Roles.h"
#include "core/Time.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace ops::act {

namespace codec = store::codec;

namespace {

bool validKind(const QString &kind) {
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*\\z"));
    return kind.size() <= 64 && re.match(kind).hasMatch();
}

} // namespace

Result<void> validate(const QList<NewEvent> &events) {
    if (events.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("nothing to append"));
    for (const NewEvent &e : events) {
        if (!validKind(e.kind))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid event kind '%1'").arg(e.kind));
        if (!e.payload.isObject())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("an event payload must be a JSON object"));
    }
    return {};
}

Result<Plan> plan(const IdentityRegistry &reg, const Signer &signer, const QList<NewEvent> &events,
                  quint64 nextSeq, const QString &where) {
    Plan p;
    p.ownRequest = events.size() == 1 && events.first().kind == QLatin1String("identity.created") &&
                   events.first().payload.stringAt("name") == signer.name;
    if (const QString pin = reg.pinProblem(); !pin.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("refusing to write: %1").arg(pin), where);
    p.batch = events;
    if (p.ownRequest)
        return p;
    // An "outbox.synced" record opens the act it records and counts its events: it is written
    // by the sync of an outbox (syncOutbox), never on its own or in the middle of another act.
    for (int i = 0; i < events.size(); ++i) {
        if (!events.at(i).kind.startsWith(QLatin1String("outbox.")))
            continue;
        const JsonValue *originals = events.at(i).payload.find("originals");
        if (i != 0 || events.at(i).kind != QLatin1String("outbox.synced") || !originals ||
            !originals->isArray() ||
            originals->toArray().size() + 1 != static_cast<std::size_t>(events.size()))
            return makeError(ErrorCode::Policy,
                             QStringLiteral("%1 is recorded only by the sync of an outbox, before the act it "
                                            "records")
                                 .arg(events.at(i).kind));
    }
    if (const QString why = reg.refusalAt(signer.name, signer.key.publicKey().fingerprint(), nextSeq);
        !why.isEmpty())
        return makeError(ErrorCode::Policy, why);
    // The first write of this version to a store enrolled before trust roots ends that era with a
    // signed event: from then on an identity in the old form enrols nobody.
    if (!reg.genesis().isEmpty() && !reg.trustEra()) {
        NewEvent marker;
        marker.kind = QStringLiteral("identity.trust_established");
        marker.payload["name"] = signer.name;
        p.batch.prepend(marker);
        p.markers = 1;
    }
    const QStringList held = reg.activeRoles(signer.name);
    if (held.contains(QStringLiteral("monitor")))
        for (const NewEvent &e : events)
            if (!Roles::monitorMayRecord(e.kind))
                return makeError(ErrorCode::Policy,
                                 QStringLiteral("'%1' is a monitor: it records what it observes, never %2")
                                     .arg(signer.name, e.kind));
    // The role each act needs, checked again here from the identity events (the verbs check it
    // first, with their own wording).
    for (const NewEvent &e : events)
        if (isActKind(e.kind) && !e.kind.startsWith(QLatin1String("identity.")))
            if (const QString why = Roles::actRefusal(e.kind, e.payload, held); !why.isEmpty())
                return makeError(ErrorCode::Policy,
                                 QStringLiteral("'%1' may not record this: %2").arg(signer.name, why));
    return p;
}

std::optional<qint64> actTime(const QList<NewEvent> &events) {
    for (const NewEvent &e : events)
        if (e.tsMs)
            return e.tsMs;
    return std::nullopt;
}

Result<StoredEvent> seal(const NewEvent &e, quint64 seq, const std::string &uuid, qint64 tsMs,
                         qint64 latestTs, const Signer &signer, bool sign, const QString &storeId,
                         const QString &where, const QByteArray &presigned) {
    if (tsMs < latestTs - Time::kClockSkewToleranceMs)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("refusing to record %1: %2").arg(e.kind, timeWentBackwards(tsMs, latestTs)),
            where);
    StoredEvent s;
    s.seq = seq;
    s.uuid = QString::fromStdString(uuid);
    s.tsMs = tsMs;
    s.actor = signer.name;
    s.kind = e.kind;
    s.scope = e.scope;
    const std::string actor = signer.name.toStdString(), kind = e.kind.toStdString(),
                      scope = e.scope.toStdString();
    const std::string payload = CanonicalJson::serialize(e.payload);
    if (sign) {
        QByteArray sig = presigned;
        if (sig.isEmpty()) {
            const std::string toSign =
                codec::signedMessage(storeId.toStdString(), uuid, tsMs, actor, kind, scope, payload);
            sig = signer.key.sign(QByteArrayView(toSign.data(), static_cast<qsizetype>(toSign.size())));
        }
        if (sig.isEmpty())
            return makeError(ErrorCode::Store, QStringLiteral("cannot sign the event"));
        s.canonical = codec::eventBytes(seq, uuid, tsMs, actor, kind, scope, payload,
                                        codec::SignatureField::Value, sig.toBase64().toStdString());
    } else {
        s.canonical =
            codec::eventBytes(seq, uuid, tsMs, actor, kind, scope, payload, codec::SignatureField::Null);
    }
    s.signedByActor = sign;
    return s;
}

Result<Checkpoint> signCheckpoint(const Signer &signer, const crypto::merkle::TreeBuilder &tree, qint64 tsMs,
                                  const QString &storeId, const QString &origin) {
    Checkpoint cp;
    cp.size = tree.size();
    cp.root = tree.root();
    cp.tsMs = tsMs;
    cp.signer = signer.name;
    cp.signerKey = signer.key.publicKey().fingerprint();
    cp.storeId = storeId;
    cp.canonical = codec::checkpointNoteBody(cp.size, cp.root, cp.tsMs, cp.storeId, origin);
    const auto line = crypto::note::sign(cp.canonical, cp.signer, signer.key);
    cp.keyId = line.keyId;
    cp.signature = line.data;
    if (cp.signature.size() != 64)
        return makeError(ErrorCode::Store, QStringLiteral("cannot sign the checkpoint"));
    return cp;
}

bool checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp,
                           const std::function<bool(quint64)> &checkpointAt) {
    if (const IdentityRegistry::Entry *e = reg.find(cp.signer); e && e->createdSeq == cp.size && cp.size > 1)
        if (!checkpointAt(cp.size - 1))
            return false;
    auto key = crypto::PublicKey::fromPem(reg.checkpointKey(cp.signer, cp.size));
    return key.ok() && cp.signedBy(key.value());
}

Result<void> checkHead(const IdentityRegistry &reg, quint64 n, const crypto::merkle::TreeBuilder &tree,
                       const Result<Checkpoint> &latest, const std::function<bool(quint64)> &checkpointAt,
                       const QString &where, bool signatureChecked) {
    // Nothing is signed over events that no valid checkpoint covers: a forged tail stays visible
    // instead of being sealed by the next honest writer.
    if (n == 0)
        return {};
    if (!latest.ok() || latest->size != n)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: events %1..%2 are not covered by a signed checkpoint")
                .arg(latest.ok() ? latest->size + 1 : 1)
                .arg(n),
            where);
    if (latest->root != tree.root())
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: the stored events do not match the latest signed "
                           "checkpoint (size %1)")
                .arg(n),
            where);
    if (!signatureChecked && !checkpointSignatureOk(reg, latest.value(), checkpointAt))
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: the latest checkpoint (size %1) is not signed by an "
                           "identity that could sign it")
                .arg(n),
            where);
    return {};
}

Result<void> checkBlobs(const EvidenceStore &store, const QList<NewEvent> &events,
                        const QList<NewBlob> &blobs) {
    QHash<QString, const NewBlob *> carried;
    for (const NewBlob &b : blobs) {
        if (b.bytes.size() > kMaxAttachmentBytes)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"),
                             b.name);
        if (crypto::sha256Hex(b.bytes) != b.sha256)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1': its bytes do not hash to %2").arg(b.name, b.sha256), b.name);
        carried.insert(b.sha256, &b);
    }
    QSet<QString> named;
    for (const NewEvent &e : events) {
        if (e.kind != QLatin1String("evidence.attached"))
            continue;
        const QString sha = e.payload.stringAt("sha256");
        static const QRegularExpression hexRe(QStringLiteral("^[0-9a-f]{64}\\z"));
        if (!hexRe.match(sha).hasMatch())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("attachment '%1': sha256 must be 64 lowercase hex digits")
                                 .arg(e.payload.stringAt("name")),
                             e.payload.stringAt("name"));
        named.insert(sha);
        if (const NewBlob *b = carried.value(sha)) {
            const JsonValue *size = e.payload.find("size");
            const qint64 said = size ? size->toInt(-1) : -1;
            if (said != b->bytes.size())
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("attachment '%1': the event says %2 bytes, the blob has %3")
                                     .arg(b->name)
                                     .arg(said)
                                     .arg(b->bytes.size()),
                                 b->name);
            continue;
        }
        auto have = store.blobInfo(sha);
        const JsonValue *size = e.payload.find("size");
        if (have.ok() && (!size || size->toInt(-1) != have->size))
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1': the event's size differs from the stored bytes (%2)")
                    .arg(e.payload.stringAt("name"))
                    .arg(have->size),
                e.payload.stringAt("name"));
        if (!have.ok())
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("attachment '%1' names bytes (SHA-256 %2) that are neither in this "
                               "act nor stored")
                    .arg(e.payload.stringAt("name"), sha),
                e.payload.stringAt("name"));
    }
    for (const NewBlob &b : blobs)
        if (!named.contains(b.sha256))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("attachment '%1' is carried without the evidence.attached event "
                                            "that names it")
                                 .arg(b.name),
                             b.name);
    return {};
}

Result<NewEvent> enrolment(const IdentityRegistry &reg, const Signer &newIdentity,
                           const QStringList &requested, const TrustPolicy &trust) {
    if (!IdentityName::isValid(newIdentity.name))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a valid identity name").arg(newIdentity.name));
    if (reg.find(newIdentity.name))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("identity '%1' already exists").arg(newIdentity.name));
    // Names an approving admin could take for each other are refused: "Pat" is not a second pat.
    if (const auto *alike = reg.findIgnoringCase(newIdentity.name))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("identity '%1' differs from the existing '%2' only in "
                                        "letter case; choose a name that cannot be taken for it")
                             .arg(newIdentity.name, alike->name));
    const bool genesis = reg.genesis().isEmpty();
    QStringList roles = requested;
    if (genesis && !roles.contains(QStringLiteral("admin")))
        roles.prepend(QStringLiteral("admin")); // the genesis is the log's first admin
    if (const QString conflict = Roles::separationConflict(roles); !conflict.isEmpty())
        return makeError(ErrorCode::Policy, conflict, QStringLiteral("--roles"));
    const crypto::PublicKey pub = newIdentity.key.publicKey();
    if (genesis && trust.pinned() && !trust.admins.contains(pub.fingerprint()))
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("trust.admins pins other keys; the genesis admin's key %1 is not among them")
                .arg(pub.fingerprint()));
    NewEvent e;
    e.kind = QStringLiteral("identity.created");
    e.payload["name"] = newIdentity.name;
    JsonValue r = JsonValue::array();
    for (const QString &role : roles)
        r.push(role);
    e.payload["roles"] = r;
    e.payload["public_key"] = QString::fromLatin1(pub.pem());
    e.payload["fingerprint"] = pub.fingerprint();
    e.payload["enrolment"] = genesis ? QStringLiteral("genesis") : QStringLiteral("request");
    return e;
}

Result<NewEvent> approval(const IdentityRegistry &reg, const QString &name) {
    const IdentityRegistry::Entry *target = reg.find(name);
    if (!target)
        return makeError(ErrorCode::Policy, QStringLiteral("no identity named '%1' in this store").arg(name));
    if (target->pendingFingerprint.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("'%1' has nothing waiting for approval (%2)")
                                                .arg(name, IdentityRegistry::stateName(target->state)));
    NewEvent e;
    e.kind = QStringLiteral("identity.approved");
    e.payload["name"] = name;
    e.payload["fingerprint"] = target->pendingFingerprint;
    JsonValue roles = JsonValue::array();
    for (const QString &role : target->roles)
        roles.push(role);
    e.payload["roles"] = roles;
    return e;
}

QList<Identity> identitiesOf(const IdentityRegistry &reg) {
    QList<Identity> out;
    for (const IdentityRegistry::Entry &e : reg.entries()) {
        Identity i;
        i.name = e.name;
        i.roles = e.roles;
        i.publicKeyPem = e.publicKeyPem();
        i.fingerprint = e.fingerprint();
        i.createdSeq = e.createdSeq;
        i.state = IdentityRegistry::stateName(e.state);
        i.approvers = e.approvers;
        i.approvedSeq = e.approvedSeq;
        i.revokedSeq = e.revokedSeq;
        i.revokeReason = e.revokeReason;
        i.pendingFingerprint =
            e.state == IdentityRegistry::State::Approved ? e.pendingFingerprint : QString();
        i.admin = reg.isAdmin(e.name);
        i.genesis = e.genesis;
        i.legacy = e.legacy;
        out.append(i);
    }
    return out;
}

} // namespace ops::act
