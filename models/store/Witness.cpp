#include "Witness.h"

#include "core/FileUtil.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace ops::Witness {

namespace note = crypto::note;

QString memoryPath(const QString &stateDirectory, const QString &name, const QString &storeId) {
    return stateDirectory + QStringLiteral("/witness/") +
           crypto::sha256Hex(QStringLiteral("%1\n%2").arg(name, storeId).toUtf8()).left(32) +
           QStringLiteral(".note");
}

std::optional<Checkpoint> remembered(const QString &memory, const QString &storeId, bool *unreadable) {
    *unreadable = false;
    if (!QFileInfo::exists(memory))
        return std::nullopt;
    auto text = FileUtil::readAll(memory, note::kMaxNoteBytes);
    auto cp = text.ok() ? Checkpoint::fromNote(text->toStdString()) : std::nullopt;
    if (!cp || cp->storeId != storeId) {
        *unreadable = true;
        return std::nullopt;
    }
    return cp;
}

Result<std::string> cosign(const EvidenceStore &store, const Signer &cosigner, std::string_view noteText,
                           const QString &memory, qint64 nowMs) {
    auto cp = Checkpoint::fromNote(noteText);
    auto parsed = note::parse(noteText);
    if (!cp || !parsed.ok())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a signed checkpoint note of an opsconsole log"));
    // Nobody vouches for acts that do not verify: every event the note covers must count here, as
    // this process verified it (never from a base taken on trust).
    auto verified = store.verifiedThrough();
    if (!verified.ok())
        return verified.error();
    if (verified.value() < cp->size)
        return makeError(
            ErrorCode::Negative,
            QStringLiteral("not cosigning checkpoint %1: %2")
                .arg(cp->size)
                .arg(store.integrityProblem().isEmpty()
                         ? QStringLiteral("events after %1 are not verified yet").arg(verified.value())
                         : store.integrityProblem()));
    auto extends = store.checkExtends(cp.value());
    if (!extends.ok())
        return extends.error();
    if (!extends->isEmpty())
        return makeError(ErrorCode::Negative, extends.value());
    if (QFileInfo::exists(memory)) {
        auto seenText = FileUtil::readAll(memory, note::kMaxNoteBytes);
        auto seen = seenText.ok() ? Checkpoint::fromNote(seenText->toStdString()) : std::nullopt;
        if (!seen || seen->storeId != store.storeId())
            return makeError(
                ErrorCode::Store,
                QStringLiteral("the record of what %1 cosigned before is unreadable").arg(cosigner.name),
                memory);
        if (seen->size > cp->size)
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("%1 already cosigned a larger tree (%2 events); a cosignature states "
                               "the largest tree its signer has seen")
                    .arg(cosigner.name)
                    .arg(seen->size));
        auto proof = store.consistencyProof(seen->size, cp->size);
        if (!proof.ok() ||
            !crypto::merkle::verifyConsistency(seen->size, cp->size, seen->root, cp->root, proof.value()))
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("the checkpoint does not extend the one %1 cosigned before (%2 events): "
                               "the log was rewritten")
                    .arg(cosigner.name)
                    .arg(seen->size));
    }
    const QByteArray ownKeyId =
        note::keyId(cosigner.name, note::kCosignatureV1Type, cosigner.key.publicKey().raw());
    auto &lines = parsed->signatures;
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [&](const note::NoteSignature &s) {
                                   return s.name == cosigner.name && s.keyId == ownKeyId;
                               }),
                lines.end());
    lines << note::cosign(parsed->body, cosigner.name, cosigner.key,
                          static_cast<quint64>(qMax<qint64>(0, nowMs / 1000)));
    std::string cosigned = parsed->text();
    QDir().mkpath(QFileInfo(memory).absolutePath());
    if (auto r = FileUtil::writePrivateAtomic(memory, QByteArray::fromStdString(cosigned)); !r.ok())
        return r.error();
    return cosigned;
}

} // namespace ops::Witness
