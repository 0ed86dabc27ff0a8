// The local store's checkpoints: written with each commit, kept in a sidecar and in anchors
// outside the store, and checked against them on open.
#include "SqliteEvidenceStore.h"
#include "SqliteInternals.h"
#include "SqliteVerifiedView.h"

#include "ActRules.h"
#include "LogVerifier.h"
#include "pg/Pg.h"

#include "core/Roles.h"

#include "EventCodec.h"
#include "EventWriter.h"
#include "Projections.h"
#include "Schema.h"

#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Startup.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ops {

using namespace store;
namespace merkle = crypto::merkle;

using namespace sqlitestore;

void SqliteVerifiedView::writeAnchors(const Checkpoint &cp) {
    if (integrityProblem.isEmpty())
        files.moveAnchorsForward(cp, m_store.m_storeId);
}

Result<void> SqliteVerifiedView::checkAnchors() {
    const QStringList paths = m_store.anchorPaths();
    if (paths.isEmpty())
        return {};
    auto n = maxSeq(m_store.m_db);
    if (!n.ok())
        return n.error();
    for (int i = 0; i < paths.size(); ++i) {
        if (i == 0 && m_store.m_createdNow)
            continue; // init made a new store at this path: the user replaced it on purpose
        if (!QFileInfo::exists(paths.at(i)))
            continue;
        QString where;
        auto anchor = CheckpointFiles::readAnchor(paths.at(i), &where);
        if (!anchor) {
            integrityProblem =
                QStringLiteral("your anchor for this store (%1) is unreadable").arg(paths.at(i));
            return {};
        }
        const QString seen =
            QStringLiteral("you last verified this store at %1 events (checkpoint of %2 by %3)")
                .arg(anchor->size)
                .arg(Time::toIso(anchor->tsMs), anchor->signer);
        if (anchor->storeId != m_store.m_storeId) {
            integrityProblem = QStringLiteral("this file held another log when %1; it now holds log %2: "
                                              "the store was replaced or rewritten")
                                   .arg(seen, m_store.m_storeId);
            return {};
        }
        if (anchor->size > n.value()) {
            integrityProblem =
                QStringLiteral("%1; it now holds %2: it was rolled back to an older copy or its "
                               "tail was cut")
                    .arg(seen)
                    .arg(n.value());
            return {};
        }
        auto tree = m_store.loadFrontier(n.value());
        auto proof = m_store.consistencyProof(anchor->size, n.value());
        if (!tree.ok() || !proof.ok() ||
            !merkle::verifyConsistency(anchor->size, n.value(), anchor->root, tree->root(), proof.value())) {
            integrityProblem =
                QStringLiteral("%1; the store no longer extends that checkpoint (no consistency "
                               "proof): its history was rewritten")
                    .arg(seen);
            return {};
        }
        // What follows it is verified from there (checkTail).
        if (!verified || anchor->size > verified->size)
            verified = VerifyOptions::Base{anchor->size, anchor->root, anchor->tsMs};
    }
    return {};
}

Result<void> SqliteVerifiedView::checkOnOpen() {
    // The sidecar is read before the store: it is written only after a commit, so a writer
    // committing in between can make the store look newer (fine), never the sidecar ahead.
    // When they disagree, the check is repeated under the writers' lock (a writer is then either
    // done or dead).
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::optional<SidecarLock> lock;
        if (attempt == 1)
            lock.emplace(m_store.sidecarPath());
        integrityProblem.clear();
        const bool sidecarExists = files.sidecarExists();
        const std::optional<Checkpoint> side = sidecarExists ? files.readSidecar() : std::nullopt;
        auto n = maxSeq(m_store.m_db);
        if (!n.ok())
            return n.error();
        auto latest = m_store.latestCheckpoint();
        auto reg = m_store.registry();
        if (!reg.ok())
            return reg.error();
        bool repair = false;
        if (!sidecarExists) {
            if (latest.ok())
                integrityProblem =
                    QStringLiteral(
                        "the store holds signed checkpoints (the latest at %1 events) but its checkpoint "
                        "sidecar %2 is missing; the sidecar is what detects a cut tail, so it is never "
                        "rewritten silently: restore it with the store it belongs to")
                        .arg(latest->size)
                        .arg(m_store.sidecarPath());
        } else if (!side) {
            integrityProblem =
                QStringLiteral("the checkpoint sidecar %1 is unreadable").arg(m_store.sidecarPath());
        } else if (side->size > n.value()) {
            integrityProblem =
                QStringLiteral("the store holds %1 events but its checkpoint sidecar records %2: "
                               "the tail was truncated or the file was replaced by an older copy")
                    .arg(n.value())
                    .arg(side->size);
        } else if (!m_store.m_seal.checkpointSignatureOk(reg.value(), *side)) {
            integrityProblem = QStringLiteral("the checkpoint sidecar's signature does not verify");
        } else {
            auto st = Statement::prepare(m_store.m_db,
                                         "SELECT root, (SELECT COUNT(*) FROM checkpoints WHERE size > ?1) "
                                         "FROM checkpoints WHERE size = ?1");
            if (!st.ok())
                return st.error();
            st->bind(1, static_cast<qint64>(side->size));
            auto row = st->step();
            if (!row.ok())
                return row.error();
            if (!row.value() || st->blob(0) != side->root) {
                integrityProblem =
                    QStringLiteral("the checkpoint sidecar (size %1) does not match the store's checkpoint")
                        .arg(side->size);
            } else if (const qint64 ahead = st->int64(1); ahead == 1) {
                repair = true; // the last writer died between its commit and its sidecar
            } else if (ahead > 1) {
                integrityProblem = QStringLiteral("the checkpoint sidecar records %1 events, but %2 signed "
                                                  "checkpoints follow it: it was replaced by an older copy")
                                       .arg(side->size)
                                       .arg(ahead);
            }
        }
        if (integrityProblem.isEmpty()) {
            if (repair && !m_store.m_options.readOnly) {
                if (!lock)
                    lock.emplace(m_store.sidecarPath());
                files.moveSidecarForward(latest.value());
            }
            break;
        }
    }
    if (integrityProblem.isEmpty())
        if (auto r = checkAnchors(); !r.ok())
            return r;
    // With an anchor, what follows it is verified in full. Without one, where this user keeps
    // anchors (their first sight of the store, or the state directory wiped), the whole log is
    // verified from its first event before anything counts: an insider's checkpoint over a forged
    // act is named here, never taken on trust. The anchor then records what was verified and moves
    // forward only over a verified log. Only a store opened with no anchor directory at all (nothing
    // could remember it between opens) takes the head on trust when it is the events' root,
    // validly signed; its readers still verify what is appended after it.
    if (integrityProblem.isEmpty() && !verified && !m_store.anchorPaths().isEmpty())
        if (auto trusted = trustedThrough(); !trusted.ok())
            return trusted.error();
    if (integrityProblem.isEmpty() && !verified && !firstBad)
        if (auto latest = m_store.latestCheckpoint(); latest.ok())
            if (auto reg = m_store.registry(); reg.ok())
                if (auto n = maxSeq(m_store.m_db); n.ok() && n.value() == latest->size)
                    if (auto tree = m_store.loadFrontier(n.value());
                        tree.ok() && tree->root() == latest->root &&
                        m_store.m_seal.checkpointSignatureOk(reg.value(), latest.value()))
                        verified = VerifyOptions::Base{latest->size, latest->root, latest->tsMs};
    if (integrityProblem.isEmpty() && verified) {
        auto trusted = trustedThrough();
        if (!trusted.ok())
            return trusted.error();
        if (!firstBad && !m_store.anchorPaths().isEmpty())
            if (auto latest = m_store.latestCheckpoint(); latest.ok() && latest->size == verified->size)
                writeAnchors(latest.value());
    }
    return {};
}

} // namespace ops
