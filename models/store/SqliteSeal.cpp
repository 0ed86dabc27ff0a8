// The guards and seal of a write to the local store file.
#include "SqliteSeal.h"

#include "ActRules.h"
#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"

namespace ops {

using namespace store;
namespace merkle = crypto::merkle;

Result<void> SqliteSeal::checkSigner(const IdentityRegistry &reg, const Signer &signer, quint64 nextSeq,
                                     bool ownRequest) const {
    if (const QString pin = reg.pinProblem(); !pin.isEmpty())
        return makeError(ErrorCode::Policy, QStringLiteral("refusing to write: %1").arg(pin), m_store.m_path);
    if (ownRequest)
        return {};
    if (const QString why = reg.refusalAt(signer.name, signer.key.publicKey().fingerprint(), nextSeq);
        !why.isEmpty())
        return makeError(ErrorCode::Policy, why);
    return {};
}

bool SqliteSeal::checkpointSignatureOk(const IdentityRegistry &reg, const Checkpoint &cp) const {
    return act::checkpointSignatureOk(reg, cp, [this](quint64 size) { return m_store.checkpointAt(size); });
}

Result<void> SqliteSeal::checkHead(const IdentityRegistry &reg, quint64 n,
                                   const merkle::TreeBuilder &tree) const {
    if (auto r = act::checkHead(
            reg, n, tree, n == 0 ? Result<Checkpoint>(Checkpoint{}) : m_store.latestCheckpoint(),
            [this](quint64 size) { return m_store.checkpointAt(size); }, m_store.m_path);
        !r.ok())
        return r;
    // Nothing is written over an event that does not verify: the next honest act would seal it.
    if (auto r = m_store.m_view.checkTail(); !r.ok())
        return r;
    if (m_store.m_view.firstBad)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("refusing to append: %1 (evidence verify names it; nothing is written "
                           "after it)")
                .arg(m_store.m_view.tailProblem),
            m_store.m_path);
    return {};
}

Result<qint64> SqliteSeal::timeHighWater() const {
    // Both lookups are index seeks (events_ts; the checkpoints' primary key): checkpoint times
    // never decrease, so the latest checkpoint holds the latest of them.
    auto st = Statement::prepare(m_store.m_db,
                                 "SELECT MAX(COALESCE((SELECT MAX(ts_ms) FROM events), 0), "
                                 "COALESCE((SELECT ts_ms FROM checkpoints ORDER BY size DESC LIMIT 1), 0))");
    if (!st.ok())
        return st.error();
    if (auto r = st->step(); !r.ok())
        return r.error();
    return st->int64(0);
}

Result<Checkpoint> SqliteSeal::writeCheckpoint(const Signer &signer, const merkle::TreeBuilder &tree) {
    // The seal's time: the writer's clock, never before the latest time it seals (events carry the
    // time of the act, taken from the same clock a moment earlier).
    auto latest = timeHighWater();
    if (!latest.ok())
        return latest.error();
    auto signedCp = act::signCheckpoint(signer, tree, qMax(m_store.m_options.clock(), latest.value()),
                                        m_store.m_storeId, m_store.m_options.origin);
    if (!signedCp.ok())
        return signedCp.error();
    const Checkpoint cp = std::move(signedCp).value();
    auto st = Statement::prepare(m_store.m_db,
                                 "INSERT INTO checkpoints(size, root, ts_ms, signer, canonical, signature)"
                                 " VALUES(?, ?, ?, ?, ?, ?)");
    if (!st.ok())
        return st.error();
    if (auto r =
            st->bind(1, static_cast<qint64>(cp.size))
                .bindBlob(2, cp.root)
                .bind(3, cp.tsMs)
                .bind(4, cp.signer)
                .bindBlob(5, QByteArrayView(cp.canonical.data(), static_cast<qsizetype>(cp.canonical.size())))
                .bindBlob(6, cp.storedSignature())
                .run();
        !r.ok())
        return r.error();
    return cp;
}

Result<void> SqliteSeal::commitWithCheckpoint(Transaction &tx, const Signer &signer,
                                              const merkle::TreeBuilder &tree) {
    auto cp = writeCheckpoint(signer, tree);
    if (!cp.ok())
        return cp.error();
    SidecarLock lock(m_store.sidecarPath());
    if (auto r = tx.commit(); !r.ok())
        return r;
    m_store.m_view.files.moveSidecarForward(
        cp.value()); // after the commit: a crash in between leaves it behind, never ahead
    m_store.m_view.verifiedUpTo(cp.value()); // written over a log checked up to its head (checkHead)
    m_store.m_view.writeAnchors(cp.value());
    if (m_store.m_afterCommit)
        m_store.m_afterCommit();
    return {};
}

} // namespace ops
