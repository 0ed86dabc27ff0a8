#pragma once

// Makes verdicts the way the pipeline does, for tests and benchmarks: bundles written with
// libarchive (gzip or zstd, including hostile entries), keys and signatures made by the
// `openssl` command line, score.json naming the bundle's SHA-256 and its files' digests.

#include "TestSupport.h"

#include "crypto/Sha256.h"

#include <QFile>
#include <QHash>
#include <QProcess>

#include <archive.h>
#include <archive_entry.h>

#include <cstring>
#include <functional>

namespace ops::test {

struct BundleEntry {
    enum Type { File, Symlink };
    BundleEntry(QString n, QByteArray d, Type t = File, QString link = {}, qint64 times = 1)
        : name(std::move(n))
        , data(std::move(d))
        , type(t)
        , linkTarget(std::move(link))
        , repeat(times) {}

    QString name;
    QByteArray data;
    Type type = File;
    QString linkTarget;
    qint64 repeat = 1; // data written this many times (a large entry without holding it)
    bool vary = false; // each repeat's bytes scrambled afresh (incompressible, not a repetition)
};

enum class Compression { Gzip, Zstd, None };

// `digests`, when given, receives each file entry's SHA-256 (hex) as written.
inline bool writeBundle(const QString &path, const QList<BundleEntry> &entries, Compression c,
                        QHash<QString, QByteArray> *digests = nullptr) {
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    if (c == Compression::Gzip)
        archive_write_add_filter_gzip(a);
    else if (c == Compression::Zstd)
        archive_write_add_filter_zstd(a);
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(a);
        return false;
    }
    bool ok = true;
    for (const BundleEntry &e : entries) {
        archive_entry *entry = archive_entry_new();
        const QByteArray name = e.name.toUtf8();
        archive_entry_set_pathname(entry, name.constData());
        archive_entry_set_mtime(entry, 1700000000, 0);
        if (e.type == BundleEntry::Symlink) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_perm(entry, 0777);
            archive_entry_set_symlink(entry, e.linkTarget.toUtf8().constData());
            archive_entry_set_size(entry, 0);
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, 0644);
            archive_entry_set_size(entry, e.data.size() * e.repeat);
        }
        ok = ok && archive_write_header(a, entry) == ARCHIVE_OK;
        if (e.type == BundleEntry::File) {
            crypto::Sha256 h;
            QByteArray chunk = e.data;
            quint64 x = 0x2545F4914F6CDD1Dull ^ static_cast<quint64>(qHash(e.name));
            for (qint64 i = 0; i < e.repeat && ok; ++i) {
                if (e.vary)
                    for (qsizetype k = 0; k + 8 <= chunk.size(); k += 8) {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        std::memcpy(chunk.data() + k, &x, 8);
                    }
                ok = archive_write_data(a, chunk.constData(), static_cast<std::size_t>(chunk.size())) ==
                     chunk.size();
                h.add(chunk);
            }
            if (digests)
                digests->insert(e.name, h.finish().toHex());
        }
        archive_entry_free(entry);
    }
    ok = archive_write_close(a) == ARCHIVE_OK && ok;
    archive_write_free(a);
    return ok;
}

inline QByteArray fileSha256Hex(const QString &path) {
    auto d = crypto::sha256File(path);
    return d.ok() ? d->toHex() : QByteArray();
}

inline RunResult runOpenssl(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    RunResult r;
    r.finished = p.waitForFinished(120000);
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A key pair made by openssl: "ed25519", "rsa" or "ecdsa". Returns the private key path; the
// public key is written beside it as <name>.pub.
inline QString makeKey(const TempDir &dir, const QString &name, const QString &type) {
    const QString key = dir.file(name + QStringLiteral(".key"));
    QStringList gen{QStringLiteral("genpkey"), QStringLiteral("-out"), key};
    if (type == QLatin1String("ed25519"))
        gen << QStringLiteral("-algorithm") << QStringLiteral("ed25519");
    else if (type == QLatin1String("rsa"))
        gen << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
            << QStringLiteral("rsa_keygen_bits:2048");
    else
        gen << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
            << QStringLiteral("ec_paramgen_curve:P-256");
    if (runOpenssl(gen).exitCode != 0)
        return {};
    if (runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                    QStringLiteral("-out"), dir.file(name + QStringLiteral(".pub"))})
            .exitCode != 0)
        return {};
    return key;
}

// Signs `file` as the pipeline does: pure Ed25519 (pkeyutl -rawin) or SHA-256 (dgst -sign);
// base64 = the signature file as `openssl base64` writes it (wrapped lines).
inline bool signFile(const QString &key, const QString &type, const QString &file, const QString &sigOut,
                     bool base64) {
    const QString raw = base64 ? sigOut + QStringLiteral(".raw") : sigOut;
    RunResult r = type == QLatin1String("ed25519")
                      ? runOpenssl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"),
                                    QStringLiteral("-rawin"), QStringLiteral("-inkey"), key,
                                    QStringLiteral("-in"), file, QStringLiteral("-out"), raw})
                      : runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                    QStringLiteral("-sign"), key, QStringLiteral("-out"), raw, file});
    if (r.exitCode != 0)
        return false;
    if (base64)
        return runOpenssl(
                   {QStringLiteral("base64"), QStringLiteral("-in"), raw, QStringLiteral("-out"), sigOut})
                   .exitCode == 0;
    return true;
}

// score.json naming the bundle's digest and the given entry digests.
inline QByteArray scoreWithDigests(const QString &bundle, const QHash<QString, QByteArray> &digests) {
    QByteArray s = "{\"evidence_sha256\": \"" + fileSha256Hex(bundle) + "\", \"evidence_files\": {";
    bool first = true;
    for (auto it = digests.begin(); it != digests.end(); ++it) {
        s += QByteArray(first ? "" : ", ") + "\"" + it.key().toUtf8() + "\": \"" + it.value() + "\"";
        first = false;
    }
    return s + "}}\n";
}

// score.json naming the bundle's digest and the digests of the given entries.
inline QByteArray scoreFor(const QString &bundle, const QList<BundleEntry> &listed,
                           const QByteArray &extra = {}) {
    QByteArray s = "{\n  \"scenario\": \"edge-fi-7\",\n  \"score\": 0.93,\n";
    if (!extra.isEmpty())
        s += extra;
    s += "  \"evidence_sha256\": \"" + fileSha256Hex(bundle) + "\",\n  \"evidence_files\": {";
    bool first = true;
    for (const BundleEntry &e : listed) {
        QByteArray all;
        for (qint64 i = 0; i < e.repeat; ++i)
            all += e.data;
        s += QByteArray(first ? "" : ",") + "\n    \"" + e.name.toUtf8() + "\": \"" +
             crypto::sha256Hex(all).toLatin1() + "\"";
        first = false;
    }
    s += "\n  }\n}\n";
    return s;
}

} // namespace ops::test
