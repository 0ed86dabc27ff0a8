// The team log's verified base: the last checkpoint this user verified (kept beside the anchors),
// from which a tail check verifies what other consoles appended.
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

QString PgEvidenceStore::verifiedBasePath() const {
    if (m_options.anchorDirectory.isEmpty() || m_storeId.isEmpty())
        return {};
    return m_options.anchorDirectory + QStringLiteral("/witness/") + m_storeId + QStringLiteral(".verified");
}

Result<void> PgEvidenceStore::keepVerifiedBase(const Checkpoint &cp) const {
    const QString path = verifiedBasePath();
    if (path.isEmpty() || m_firstBad || !m_verified || m_baseAssumed || m_verified->size < cp.size)
        return {};
    QDir().mkpath(QFileInfo(path).absolutePath());
    return FileUtil::writePrivateAtomic(path, QByteArray::fromStdString(cp.noteText()));
}

void PgEvidenceStore::loadVerifiedBase() const {
    if (m_baseLoaded)
        return;
    m_baseLoaded = true;
    // The checkpoint this user's witness last verified every act up to (verifiedBasePath), if the log
    // still holds it under that root (one it no longer matches is the witness's alarm to raise; here
    // trust then starts from the first event).
    if (const QString path = verifiedBasePath(); !path.isEmpty() && QFileInfo::exists(path)) {
        bool unreadable = false;
        const std::optional<Checkpoint> seen = Witness::remembered(path, m_storeId, &unreadable);
        if (!seen)
            return;
        auto tree = frontierAt(seen->size);
        if (tree.ok() && tree->size() == seen->size && tree->root() == seen->root)
            m_verified = VerifyOptions::Base{seen->size, seen->root, seen->tsMs};
        return;
    }
    // Trust on first use: the latest checkpoint, when it verifies and the events hash to it.
    auto latest = latestCheckpoint();
    auto reg = registry();
    if (!latest.ok() || !reg.ok() ||
        !act::checkpointSignatureOk(reg.value(), latest.value(),
                                    [this](quint64 size) { return checkpointAt(size); }))
        return;
    auto tree = frontierAt(latest->size);
    if (tree.ok() && tree->size() == latest->size && tree->root() == latest->root) {
        m_verified = VerifyOptions::Base{latest->size, latest->root, latest->tsMs};
        m_baseAssumed = true;
    }
}

void PgEvidenceStore::verifiedUpTo(const Checkpoint &cp) const {
    m_baseLoaded = true;
    if (m_firstBad && *m_firstBad <= cp.size)
        return; // what this process found bad stays named
    if (m_verified && !m_baseAssumed && cp.size < m_verified->size)
        return; // verified further already
    // A base taken on first use gives way to what was verified: the events after it are checked again.
    const bool back = m_verified && cp.size < m_verified->size;
    m_verified = VerifyOptions::Base{cp.size, cp.root, cp.tsMs};
    m_baseAssumed = false;
    m_tailCheckedAt = back ? cp.size : qMax(m_tailCheckedAt, cp.size);
}

Result<void> PgEvidenceStore::verifyAssumedBase() const {
    if (!m_baseLoaded)
        if (auto r = checkTail(); !r.ok())
            return r.error();
    // A base taken on first use is good enough to read from, never to sign over: the whole log is
    // verified once before this process's first act on it (or its first cosignature).
    if (m_baseAssumed) {
        // Everything found from that base is found again from the first event (the first bad one
        // may lie before it).
        m_verified.reset();
        m_baseAssumed = false;
        m_tailCheckedAt = 0;
        m_firstBad.reset();
        m_tailProblem.clear();
        if (auto r = checkTail(); !r.ok())
            return r.error();
    }
    return {};
}

Result<quint64> PgEvidenceStore::verifiedThrough() const {
    if (auto r = verifyAssumedBase(); !r.ok())
        return r.error();
    return trustedThrough();
}

Result<quint64> PgEvidenceStore::trustedThrough() const {
    if (auto r = checkTail(); !r.ok())
        return r.error();
    // What was verified, never more: rows others add after this check wait for the next one.
    if (m_firstBad)
        return *m_firstBad - 1;
    return qMax(m_tailCheckedAt, m_verified ? m_verified->size : 0);
}

} // namespace ops
