#pragma once

// What the local store's source files share (not an interface of its own): reading its Merkle
// tree, its size, the lock that serialises sidecar writers, and checkpoints as files.

#include "EvidenceTypes.h"
#include "Schema.h"
#include "Sqlite.h"

#include "crypto/Merkle.h"

#include <QFile>
#include <QString>

#include <optional>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ops::sqlitestore {

namespace merkle = crypto::merkle;
using store::Database;
using store::kNodeLevelMin;
using store::Statement;

inline constexpr const char *kEventColumns =
    "seq, uuid, ts_ms, actor, kind, scope, canonical, leaf_hash, signed";

// Reads leaf hashes and kept perfect subtrees straight from the store.
class StoreTreeReader final : public merkle::TreeReader {
public:
    explicit StoreTreeReader(Database &db)
        : m_db(db) {}
    QList<QByteArray> leafHashes(quint64 begin, quint64 end) const override {
        QList<QByteArray> out;
        auto st =
            Statement::prepare(m_db, "SELECT leaf_hash FROM events WHERE seq > ? AND seq <= ? ORDER BY seq");
        if (!st.ok())
            return out;
        st->bind(1, static_cast<qint64>(begin)).bind(2, static_cast<qint64>(end));
        while (true) {
            auto row = st->step();
            if (!row.ok() || !row.value())
                break;
            out.append(st->blob(0));
        }
        return out;
    }
    std::optional<QByteArray> perfectNode(int level, quint64 index) const override {
        if (level < kNodeLevelMin)
            return std::nullopt;
        auto st = Statement::prepare(m_db, "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?");
        if (!st.ok())
            return std::nullopt;
        st->bind(1, qint64(level)).bind(2, static_cast<qint64>(index));
        auto row = st->step();
        if (!row.ok() || !row.value())
            return std::nullopt;
        return st->blob(0);
    }

private:
    Database &m_db;
};

inline Result<quint64> maxSeq(Database &db) {
    auto st = Statement::prepare(db, "SELECT COALESCE(MAX(seq), 0) FROM events");
    if (!st.ok())
        return st.error();
    auto row = st->step();
    if (!row.ok())
        return row.error();
    return static_cast<quint64>(st->int64(0));
}

// Serialises sidecar writers between processes: held from before a commit until its sidecar is
// written, so a reader that takes it sees the sidecar and the store agree (or a writer died).
class SidecarLock {
public:
    explicit SidecarLock(const QString &sidecar) {
        const QByteArray name = QFile::encodeName(sidecar + QStringLiteral(".lock"));
        m_fd = ::open(name.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
        // Only a regular file of this user (never a link: not followed) is locked.
        struct stat st {};
        if (m_fd >= 0 && (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid())) {
            ::close(m_fd);
            m_fd = -1;
        }
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~SidecarLock() {
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
    }
    SidecarLock(const SidecarLock &) = delete;
    SidecarLock &operator=(const SidecarLock &) = delete;

private:
    int m_fd = -1;
};

// A checkpoint as a file: a note is written as the signed note itself (or, with an extra member,
// as {"note": …, <extra>: …}); a legacy JSON checkpoint as {"checkpoint": {…}, "signature": …}.
QByteArray checkpointDocument(const Checkpoint &cp, const QString &extraKey = {},
                              const QString &extraValue = {});
std::optional<Checkpoint> readCheckpointDocument(const QString &path, QString *extra = nullptr,
                                                 const char *extraKey = nullptr);

} // namespace ops::sqlitestore
