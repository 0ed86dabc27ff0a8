#include "EventInspection.h"

#include <QCoreApplication>

#include "SqliteEvidenceStore.h"

#include "crypto/Ed25519.h"
#include "crypto/Merkle.h"

#include <QRegularExpression>

namespace ops {

namespace {
// Said in the window's language (the command line shows the source text).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventInspection)
};
} // namespace

namespace {

// Every {"sha256": "<64 hex>", …} object in the payload, with the name it is given there.
void collectDigests(const JsonValue &v, QList<QPair<QString, QString>> &out) {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}\\z"));
    if (v.isObject()) {
        const QString sha = v.stringAt("sha256");
        if (hex.match(sha).hasMatch())
            out << qMakePair(sha, v.stringAt("name").isEmpty() ? v.stringAt("file") : v.stringAt("name"));
        for (const auto &[key, child] : v.toObject())
            collectDigests(child, out);
    } else if (v.isArray()) {
        for (const JsonValue &child : v.toArray())
            collectDigests(child, out);
    }
}

} // namespace

Result<EventInspection> inspectEvent(const EvidenceStore &store, quint64 seq, int relatedLimit) {
    EventInspection in;
    auto e = store.event(seq);
    if (!e.ok())
        return e.error();
    in.event = e.value();

    if (in.event.signedByActor) {
        auto reg = store.registry();
        const QByteArray pem = reg.ok() ? reg->eventKey(in.event) : QByteArray();
        auto key = !pem.isEmpty()
                       ? crypto::PublicKey::fromPem(pem)
                       : Result<crypto::PublicKey>(makeError(
                             ErrorCode::Policy, reg.ok() ? reg->refusalAt(in.event.actor, {}, in.event.seq)
                                                         : reg.error().message));
        const SignedForm form =
            key.ok() ? verifiedForm(key.value(), store.storeId(), in.event) : SignedForm::None;
        if (form != SignedForm::None) {
            in.signature = EventInspection::Signature::Valid;
            in.signatureDetail =
                Text::tr("signed by %1, key %2: verifies (%3)")
                    .arg(in.event.actor, key->fingerprint(),
                         form == SignedForm::PositionFree ? Text::tr("position-free")
                                                          : Text::tr("positioned (older events)"));
        } else {
            in.signature = EventInspection::Signature::Invalid;
            in.signatureDetail =
                key.ok() ? Text::tr("the signature by %1 does not verify with key %2")
                               .arg(in.event.actor, key->fingerprint())
                         : Text::tr("no registered key for %1: %2").arg(in.event.actor, key.error().message);
        }
    } else {
        in.signature = EventInspection::Signature::Batch;
        in.signatureDetail =
            Text::tr("a bulk-imported event: covered by its batch checkpoint, not signed on its own");
    }

    auto cp = store.latestCheckpoint();
    if (!cp.ok()) {
        in.proofDetail = cp.error().message;
    } else {
        in.treeSize = cp->size;
        in.root = cp->root;
        in.checkpointSigner = cp->signer;
        auto reg = store.registry();
        auto key =
            crypto::PublicKey::fromPem(reg.ok() ? reg->checkpointKey(cp->signer, cp->size) : QByteArray());
        in.checkpointVerifies = key.ok() && cp->signedBy(key.value());
        auto proof = store.inclusionProof(seq, cp->size);
        if (!proof.ok()) {
            in.proofDetail = proof.error().message;
        } else {
            in.proofPath = proof->path;
            in.included =
                proof->leafHash == in.event.leafHash &&
                crypto::merkle::verifyInclusion(proof->leafHash, seq - 1, cp->size, proof->path, cp->root);
            in.proofDetail =
                !in.included
                    ? Text::tr("the inclusion proof does NOT reach the root of checkpoint %1").arg(cp->size)
                : !in.checkpointVerifies
                    ? Text::tr("included in checkpoint %1, but that checkpoint's signature by "
                               "%2 does NOT verify")
                          .arg(cp->size)
                          .arg(cp->signer)
                    : Text::tr("included in checkpoint %1 (root %2…, signed by %3): %4 hashes, verified now")
                          .arg(cp->size)
                          .arg(QString::fromLatin1(cp->root.toHex().left(16)), cp->signer)
                          .arg(proof->path.size());
        }
    }

    if (const auto *browser = dynamic_cast<const EventBrowser *>(&store)) {
        auto refs = browser->refsOf(seq);
        if (refs.ok())
            in.refs = refs.value();
        auto related = browser->relatedEvents(seq, relatedLimit);
        if (related.ok())
            in.related = related.value();
    }

    QList<QPair<QString, QString>> digests;
    collectDigests(in.event.payload(), digests);
    QSet<QString> seen;
    for (const auto &[sha, name] : digests) {
        if (seen.contains(sha))
            continue;
        seen.insert(sha);
        auto info = store.blobInfo(sha);
        if (info.ok())
            in.attachments << EventInspection::Attachment{name, sha, info->mediaType, info->size};
    }
    return in;
}

} // namespace ops
