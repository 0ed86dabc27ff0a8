#include "EventExport.h"

#include "core/FileUtil.h"

#include "SqliteEvidenceStore.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"

namespace ops::EventExport {

QString csvField(QString s) {
    if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\'')))
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

std::optional<Format> formatFromName(const QString &name) {
    if (name.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return Format::Csv;
    if (name.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return Format::Json;
    return std::nullopt;
}

namespace {
Result<void> put(QIODevice &out, const QByteArray &bytes) {
    if (out.write(bytes) != bytes.size())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot write: %1").arg(out.errorString()));
    return {};
}

QByteArray csvLine(const StoredEvent &e) {
    const QStringList fields{QString::number(e.seq),
                             Time::toIso(e.tsMs),
                             csvField(e.actor),
                             csvField(e.kind),
                             csvField(e.scope),
                             e.signedByActor ? QStringLiteral("yes") : QStringLiteral("batch"),
                             QString::fromLatin1(e.leafHash.toHex()),
                             csvField(QString::fromStdString(CanonicalJson::serialize(e.payload())))};
    return fields.join(QLatin1Char(',')).toUtf8() + '\n';
}
} // namespace

Result<quint64> write(const SqliteEvidenceStore &store, const EventSearch &search, Format format,
                      QIODevice &out, quint64 limit, const Progress &progress) {
    if (auto checked = store.checkSearchText(search.text); !checked.ok())
        return checked.error();
    quint64 written = 0;
    if (auto r = put(out, format == Format::Json ? QByteArray("[")
                                                 : QByteArray("seq,time,actor,kind,scope,signed,"
                                                              "leaf_hash,payload\n"));
        !r.ok())
        return r.error();
    std::optional<SearchCursor> cursor;
    bool first = true;
    do {
        auto page = store.searchPage(search, cursor, 5000);
        if (!page.ok())
            return page.error();
        for (quint64 seq : page->seqs) {
            if (limit > 0 && written >= limit)
                break;
            auto e = store.event(seq);
            if (!e.ok())
                return e.error();
            QByteArray bytes;
            if (format == Format::Json) {
                bytes = first ? QByteArray("\n") : QByteArray(",\n");
                bytes.append(e->canonical.data(), static_cast<qsizetype>(e->canonical.size()));
            } else {
                bytes = csvLine(e.value());
            }
            first = false;
            if (auto r = put(out, bytes); !r.ok())
                return r.error();
            ++written;
        }
        if (progress && !progress(written, 0))
            return makeError(ErrorCode::Usage, QStringLiteral("cancelled"));
        cursor = page->next;
    } while (cursor && (limit == 0 || written < limit));
    if (format == Format::Json)
        if (auto r = put(out, first ? QByteArray("]\n") : QByteArray("\n]\n")); !r.ok())
            return r.error();
    return written;
}

Result<quint64> toFile(const SqliteEvidenceStore &store, const EventSearch &search, Format format,
                       const QString &path, const Progress &progress) {
    // Evidence leaves the store readable by its owner only: a private temporary renamed over the
    // target (a link planted there is replaced, not written through).
    FileUtil::PrivateSaveFile f(path);
    if (auto opened = f.open(); !opened.ok())
        return opened.error();
    auto n = write(store, search, format, f.device(), 0, progress);
    if (!n.ok()) {
        f.cancel();
        return n.error();
    }
    if (auto done = f.commit(); !done.ok())
        return done.error();
    return n;
}

} // namespace ops::EventExport
