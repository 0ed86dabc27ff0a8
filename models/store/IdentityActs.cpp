// The acts and checks of EvidenceStore that are the same on every backend. The identity acts: built from the
// registry and appended like any act, so every backend enrols, approves, revokes and rotates the same way.
#include "ActRules.h"
#include "EvidenceStore.h"

namespace ops {

namespace {

Result<StoredEvent> first(Result<QList<StoredEvent>> out) {
    if (!out.ok())
        return out.error();
    return out->first();
}

} // namespace

Result<StoredEvent> EvidenceStore::registerIdentity(const Signer &newIdentity, const QStringList &roles) {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    auto e = act::enrolment(reg.value(), newIdentity, roles, trust());
    if (!e.ok())
        return e.error();
    return first(append(newIdentity, {e.value()}));
}

Result<StoredEvent> EvidenceStore::approveIdentity(const Signer &admin, const QString &name) {
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    auto e = act::approval(reg.value(), name);
    if (!e.ok())
        return e.error();
    return first(append(admin, {e.value()}));
}

Result<StoredEvent> EvidenceStore::revokeIdentity(const Signer &admin, const QString &name,
                                                  const QString &reason) {
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("a revocation needs a reason"));
    NewEvent e;
    e.kind = QStringLiteral("identity.revoked");
    e.payload["name"] = name;
    e.payload["reason"] = reason.trimmed();
    return first(append(admin, {e}));
}

Result<StoredEvent> EvidenceStore::rotateIdentity(const Signer &current, const crypto::PrivateKey &newKey) {
    const crypto::PublicKey pub = newKey.publicKey();
    const QString oldFp = current.key.publicKey().fingerprint();
    NewEvent e;
    e.kind = QStringLiteral("identity.rotated");
    e.payload["name"] = current.name;
    e.payload["public_key"] = QString::fromLatin1(pub.pem());
    e.payload["fingerprint"] = pub.fingerprint();
    e.payload["old_fingerprint"] = oldFp;
    e.payload["proof"] = QString::fromLatin1(
        newKey.sign(IdentityRegistry::rotationProof(current.name, oldFp, pub.fingerprint())).toBase64());
    return first(append(current, {e}));
}

Result<QString> EvidenceStore::checkExtends(const Checkpoint &earlier) const {
    if (earlier.storeId != storeId())
        return QStringLiteral("the checkpoint belongs to log %1, this store is log %2")
            .arg(earlier.storeId, storeId());
    auto reg = registry();
    if (!reg.ok())
        return reg.error();
    const auto atSize = [this](quint64 size) { return checkpointAt(size); };
    if (!act::checkpointSignatureOk(reg.value(), earlier, atSize))
        return QStringLiteral(
                   "the checkpoint's signature by '%1' does not verify under the key that identity held "
                   "at size %2")
            .arg(earlier.signer)
            .arg(earlier.size);
    auto latest = latestCheckpoint();
    if (!latest.ok())
        return latest.error();
    if (!act::checkpointSignatureOk(reg.value(), latest.value(), atSize))
        return QStringLiteral("the store's latest checkpoint (size %1) does not verify").arg(latest->size);
    if (earlier.size > latest->size)
        return QStringLiteral(
                   "the checkpoint records %1 events; the store's latest signed checkpoint only %2: the "
                   "store was rolled back or cut")
            .arg(earlier.size)
            .arg(latest->size);
    auto proof = consistencyProof(earlier.size, latest->size);
    if (!proof.ok())
        return proof.error();
    if (!crypto::merkle::verifyConsistency(earlier.size, latest->size, earlier.root, latest->root,
                                           proof.value()))
        return QStringLiteral("no consistency proof from size %1 to %2: the history before %1 was rewritten")
            .arg(earlier.size)
            .arg(latest->size);
    return QString();
}

} // namespace ops
