#include "TeamWitness.h"

#include "Witness.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "crypto/Merkle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ops::TeamWitness {

namespace merkle = crypto::merkle;
namespace note = crypto::note;

QString alarm(const PgEvidenceStore &store) {
    const QString path = store.alarmPath();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return {};
    auto text = FileUtil::readAll(path, 1 << 20);
    auto doc = text.ok() ? CanonicalJson::parse(text->toStdString()) : Result<JsonValue>(text.error());
    if (!doc.ok())
        return QStringLiteral("the team log was rewritten (alarm file unreadable)");
    return QStringLiteral("%1 (raised %2 by %3)")
        .arg(doc->stringAt("reason"), doc->stringAt("raised_at"), doc->stringAt("raised_by"));
}

Result<Outcome> witness(PgEvidenceStore &store, const Signer &me, const QString &stateDirectory,
                        qint64 nowMs) {
    if (const QString raised = alarm(store); !raised.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("the team log was rewritten: %1").arg(raised),
                         store.alarmPath());
    Outcome out;
    out.quorum = store.trust().witnessQuorum;
    auto latest = store.latestCheckpoint();
    if (!latest.ok())
        return latest.error().code == ErrorCode::Negative ? Result<Outcome>(out) : latest.error();
    if (!latest->isNote())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the latest checkpoint is not a signed note"));
    const QString memory = Witness::memoryPath(stateDirectory, me.name, store.storeId());
    bool unreadable = false;
    const std::optional<Checkpoint> seen = Witness::remembered(memory, store.storeId(), &unreadable);
    if (unreadable)
        return makeError(ErrorCode::Store,
                         QStringLiteral("the record of what %1 cosigned before is unreadable").arg(me.name),
                         memory);

    // The alarm: recorded locally (never in the log it distrusts) and named in the error.
    const auto raise = [&](const QString &why) -> Error {
        JsonValue doc = JsonValue::object();
        doc["reason"] = QStringLiteral("the team log was rewritten: %1").arg(why);
        doc["raised_at"] = Time::toIso(nowMs);
        doc["raised_by"] = me.name;
        doc["store_id"] = store.storeId();
        doc["log"] = store.label();
        doc["latest_checkpoint"] = latest->noteText();
        if (seen)
            doc["vouched_for"] = seen->noteText();
        const QString path = store.alarmPath();
        if (!path.isEmpty()) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            (void)FileUtil::writePrivateAtomic(path, QByteArray::fromStdString(CanonicalJson::pretty(doc)));
        }
        return makeError(ErrorCode::Negative,
                         QStringLiteral("ALARM (SEV-1): the team log was rewritten: %1; this console writes "
                                        "nothing more to it")
                             .arg(why),
                         path);
    };

    if (!seen) {
        auto report = store.verify(VerifyOptions(true, true, {}));
        if (!report.ok())
            return report.error();
        if (!report->intact)
            return raise(QStringLiteral("it does not verify: %1").arg(report->reason));
        out.firstSight = true;
    } else {
        if (seen->size > latest->size)
            return raise(QStringLiteral("its latest checkpoint holds %1 events; this console vouched for %2")
                             .arg(latest->size)
                             .arg(seen->size));
        auto frontier = store.frontierAt(seen->size);
        if (!frontier.ok())
            return frontier.error();
        if (frontier->root() != seen->root)
            return raise(QStringLiteral("events 1..%1 no longer hash to the root this console vouched for")
                             .arg(seen->size));
        merkle::TreeBuilder tree = std::move(frontier).value();
        quint64 at = seen->size;
        while (at < latest->size) {
            auto page = store.eventsAfter(at, 4096);
            if (!page.ok())
                return page.error();
            if (page->isEmpty())
                break;
            for (const StoredEvent &e : page.value()) {
                if (e.seq > latest->size)
                    break;
                if (e.seq != at + 1)
                    return raise(QStringLiteral("event %1 is missing").arg(at + 1));
                const QByteArray leaf = merkle::leafHash(
                    QByteArrayView(e.canonical.data(), static_cast<qsizetype>(e.canonical.size())));
                if (leaf != e.leafHash)
                    return raise(QStringLiteral("event %1 was changed (its bytes do not match its leaf hash)")
                                     .arg(e.seq));
                tree.append(leaf);
                at = e.seq;
            }
        }
        if (tree.size() != latest->size || tree.root() != latest->root)
            return raise(QStringLiteral("events %1..%2 do not hash to the signed checkpoint of %2")
                             .arg(seen->size + 1)
                             .arg(latest->size));
    }
    // The log still extends what this console vouched for; now every act since is checked as the
    // write gate would have checked it (signatures, roles, one signer per checkpoint, times). A
    // console vouches for no act written around the gate, and its folds do not count it.
    if (!out.firstSight && seen)
        store.verifiedUpTo(seen.value());
    else
        store.verifiedUpTo(latest.value());
    if (auto r = store.checkTail(); !r.ok())
        return r.error();
    if (auto first = store.trustedThrough(); !first.ok() || first.value() < latest->size)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("this console does not cosign checkpoint %1: %2")
                             .arg(latest->size)
                             .arg(first.ok() ? store.integrityProblem() : first.error().message),
                         store.label());
    if (auto r = store.keepVerifiedBase(latest.value()); !r.ok())
        qWarning("opsconsole: where this user's next process starts verifying could not be kept: %s",
                 qPrintable(r.error().message));
    auto cosigned = Witness::cosign(store, me, latest->noteText(), memory, nowMs);
    if (!cosigned.ok())
        return cosigned.error().code == ErrorCode::Negative ? Result<Outcome>(raise(cosigned.error().message))
                                                            : Result<Outcome>(cosigned.error());
    out.checkpoint = latest.value();
    if (latest->signer != me.name) {
        auto parsed = note::parse(cosigned.value());
        if (!parsed.ok())
            return parsed.error();
        const QByteArray ownKeyId = note::keyId(me.name, note::kCosignatureV1Type, me.key.publicKey().raw());
        for (const note::NoteSignature &sig : parsed->signatures)
            if (sig.name == me.name && sig.keyId == ownKeyId) {
                if (auto r = store.addCosignature(latest->size, sig); !r.ok())
                    return r.error();
                out.cosigned = true;
            }
    }
    auto witnesses = store.witnessesOf(latest.value());
    if (!witnesses.ok())
        return witnesses.error();
    out.witnesses = witnesses.value();
    return out;
}

} // namespace ops::TeamWitness
