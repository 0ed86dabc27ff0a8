// What one act becomes on the team log (pg/ActSeal.h).
#include "pg/ActSeal.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "Schema.h"
#include "pg/LogRows.h"

#include "core/CanonicalJson.h"

namespace ops::pg {

namespace merkle = crypto::merkle;

void presign(const ActInput &in, crypto::UuidSource &uuids, std::vector<Presigned> &presigned) {
    if (!presigned.empty())
        return;
    const qint64 now = in.clock();
    const std::string storeId = in.storeId.toStdString(), actor = in.signer.name.toStdString();
    for (const NewEvent &e : in.events) {
        Presigned p{uuids.next(),
                    e.tsMs       ? *e.tsMs
                    : in.actTime ? *in.actTime
                                 : now,
                    CanonicalJson::serialize(e.payload),
                    {}};
        const std::string message = store::codec::signedMessage(
            storeId, p.uuid, p.tsMs, actor, e.kind.toStdString(), e.scope.toStdString(), p.payload);
        p.signature =
            in.signer.key.sign(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())));
        presigned.push_back(std::move(p));
    }
}

Result<SealedAct> seal(const ActInput &in, const std::vector<Presigned> &presigned, crypto::UuidSource &uuids,
                       ActBasis &basis, Pipeline &write) {
    const quint64 n = basis.n;
    IdentityRegistry &reg = basis.reg;
    auto plan = act::plan(reg, in.signer, in.events, n + 1, in.label);
    if (!plan.ok())
        return plan.error();
    int markers = plan->markers;
    const Result<Checkpoint> latest = basis.latest          ? Result<Checkpoint>(*basis.latest)
                                      : basis.latestProblem ? Result<Checkpoint>(*basis.latestProblem)
                                                            : Result<Checkpoint>(Checkpoint{});
    if (auto r = act::checkHead(reg, n, basis.tree, latest, in.checkpointAt, in.label, basis.checkedBefore);
        !r.ok())
        return r.error();
    qint64 latestTs = basis.latestTs;
    merkle::TreeBuilder builder = basis.tree;
    RowBatch eventRows = eventBatch();
    RowBatch nodeRows = nodeBatch();
    const auto sink = [&](int level, quint64 index, const QByteArray &hash) {
        if (level >= store::kNodeLevelMin)
            nodeRows.row().i64(level).i64(static_cast<qint64>(index)).bytes(hash);
    };
    SealedAct sealed;
    quint64 seq = n;
    // The batch is the caller's events unless the plan put an era marker first; a presigned
    // signature is used only for exactly the event it was made over.
    const qsizetype offset = plan->batch.size() - in.events.size();
    for (qsizetype i = 0; i < plan->batch.size(); ++i) {
        const NewEvent &e = plan->batch.at(i);
        const Presigned *made = i >= offset && static_cast<std::size_t>(i - offset) < presigned.size()
                                    ? &presigned[static_cast<std::size_t>(i - offset)]
                                    : nullptr;
        if (made && (e.kind != in.events.at(i - offset).kind || e.scope != in.events.at(i - offset).scope ||
                     CanonicalJson::serialize(e.payload) != made->payload || made->signature.isEmpty()))
            made = nullptr;
        const std::string uuid = made ? made->uuid : uuids.next();
        auto one =
            act::seal(e, seq + 1, uuid,
                      made         ? made->tsMs
                      : e.tsMs     ? *e.tsMs
                      : in.actTime ? *in.actTime
                                   : in.clock(),
                      latestTs, in.signer, true, in.storeId, in.label, made ? made->signature : QByteArray());
        if (!one.ok())
            return one.error();
        StoredEvent s = std::move(one).value();
        ++seq;
        latestTs = qMax(latestTs, s.tsMs);
        if (s.kind.startsWith(QLatin1String("identity."))) {
            if (const QString why = reg.apply(s, e.payload); !why.isEmpty())
                return makeError(ErrorCode::Policy, why);
        }
        const QByteArrayView canonical(s.canonical.data(), static_cast<qsizetype>(s.canonical.size()));
        s.leafHash = merkle::leafHash(canonical);
        if (s.kind.startsWith(QLatin1String("identity.")))
            sealed.identities.append(s);
        addEventRow(eventRows, s.seq, s.uuid, s.tsMs, s.actor, s.kind, s.scope, canonical, s.leafHash,
                    s.signedByActor);
        builder.append(s.leafHash, sink);
        sealed.leaves.append(s.leafHash);
        if (markers > 0)
            --markers; // the era marker is not one of the caller's events
        else
            sealed.out.append(std::move(s));
    }
    auto cp = act::signCheckpoint(in.signer, builder, qMax(in.clock(), latestTs), in.storeId, in.origin);
    if (!cp.ok())
        return cp.error();
    eventRows.moveTo(write);
    nodeRows.moveTo(write);
    for (const NewBlob &b : in.blobs)
        write.add("INSERT INTO opsconsole.blobs(sha256, size, media_type, data) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT (sha256) DO NOTHING",
                  Params().text(b.sha256).i64(b.bytes.size()).text(b.mediaType).bytes(b.bytes));
    write.add(kInsertCheckpointSql,
              checkpointRow(cp->size, cp->root, cp->tsMs, cp->signer, cp->canonical, cp->storedSignature()));
    publishHead(write, seq);
    write.add("COMMIT");
    sealed.checkpoint = std::move(cp).value();
    sealed.tree = std::move(builder);
    sealed.size = seq;
    sealed.latestTs = qMax(latestTs, sealed.checkpoint.tsMs);
    return sealed;
}

} // namespace ops::pg
