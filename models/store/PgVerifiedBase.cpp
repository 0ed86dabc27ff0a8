// The team log's verified base: the last checkpoint this user verified (kept beside the anchors),
// from which a tail check verifies what other consoles appended.
#include "PgVerifiedView.h"

#include "PgEvidenceStore.h"

#include "ActRules.h"
#include "EventCodec.h"
#include "LogVerifier.h"
#include "Schema.h"
#include "pg/LogRows.h"
#include "pg/TreeReaders.h"

#include "Witness.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace ops {

QString PgVerifiedView::basePath() const {
    if (m_store.m_options.anchorDirectory.isEmpty() || m_store.m_storeId.isEmpty())
        return {};
    return m_store.m_options.anchorDirectory + QStringLiteral("/witness/") + m_store.m_storeId +
           QStringLiteral(".verified");
}

Result<void> PgVerifiedView::keepBase(const Checkpoint &cp) {
    const QString path = basePath();
    if (path.isEmpty() || firstBad || !verified || baseAssumed || verified->size < cp.size)
        return {};
    QDir().mkpath(QFileInfo(path).absolutePath());
    return FileUtil::writePrivateAtomic(path, QByteArray::fromStdString(cp.noteText()));
}

void PgVerifiedView::loadBase() {
    if (baseLoaded)
        return;
    baseLoaded = true;
    // The checkpoint this user's witness last verified every act up to (basePath), if the log
    // still holds it under that root (one it no longer matches is the witness's alarm to raise; here
    // trust then starts from the first event).
    if (const QString path = basePath(); !path.isEmpty() && QFileInfo::exists(path)) {
        bool unreadable = false;
        const std::optional<Checkpoint> seen = Witness::remembered(path, m_store.m_storeId, &unreadable);
        if (!seen)
            return;
        auto tree = m_store.frontierAt(seen->size);
        if (tree.ok() && tree->size() == seen->size && tree->root() == seen->root)
            verified = VerifyOptions::Base{seen->size, seen->root, seen->tsMs};
        return;
    }
    // Trust on first use: the latest checkpoint, when it verifies and the events hash to it.
    auto latest = m_store.latestCheckpoint();
    auto reg = m_store.registry();
    if (!latest.ok() || !reg.ok() ||
        !act::checkpointSignatureOk(reg.value(), latest.value(),
                                    [this](quint64 size) { return m_store.checkpointAt(size); }))
        return;
    auto tree = m_store.frontierAt(latest->size);
    if (tree.ok() && tree->size() == latest->size && tree->root() == latest->root) {
        verified = VerifyOptions::Base{latest->size, latest->root, latest->tsMs};
        baseAssumed = true;
    }
}

void PgVerifiedView::verifiedUpTo(const Checkpoint &cp) {
    baseLoaded = true;
    if (firstBad && *firstBad <= cp.size)
        return; // what this process found bad stays named
    if (verified && !baseAssumed && cp.size < verified->size)
        return; // verified further already
    // A base taken on first use gives way to what was verified: the events after it are checked again.
    const bool back = verified && cp.size < verified->size;
    verified = VerifyOptions::Base{cp.size, cp.root, cp.tsMs};
    baseAssumed = false;
    tailCheckedAt = back ? cp.size : qMax(tailCheckedAt, cp.size);
}

Result<void> PgVerifiedView::verifyAssumedBase() {
    if (!baseLoaded)
        if (auto r = checkTail(); !r.ok())
            return r.error();
    // A base taken on first use is good enough to read from, never to sign over: the whole log is
    // verified once before this process's first act on it (or its first cosignature).
    if (baseAssumed) {
        // Everything found from that base is found again from the first event (the first bad one
        // may lie before it).
        verified.reset();
        baseAssumed = false;
        tailCheckedAt = 0;
        firstBad.reset();
        tailProblem.clear();
        if (auto r = checkTail(); !r.ok())
            return r.error();
    }
    return {};
}

Result<quint64> PgVerifiedView::verifiedThrough() {
    if (auto r = verifyAssumedBase(); !r.ok())
        return r.error();
    return trustedThrough();
}

Result<quint64> PgVerifiedView::trustedThrough() {
    if (auto r = checkTail(); !r.ok())
        return r.error();
    // What was verified, never more: rows others add after this check wait for the next one.
    if (firstBad)
        return *firstBad - 1;
    return qMax(tailCheckedAt, verified ? verified->size : 0);
}

} // namespace ops
