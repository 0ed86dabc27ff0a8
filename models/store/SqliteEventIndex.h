#pragma once

#include "EventSearch.h"
#include "Sqlite.h"

namespace ops {

struct StoreOpenOptions;

// The local file's searches and the search indexes they read (full text, references), on the
// store's connection. The indexes are derived from the events: an interactive append indexes its
// own events in its transaction (indexRange); a bulk import leaves them to be caught up in chunks
// (indexMore), so the import runs at full speed.
class SqliteEventIndex final : public EventBrowser {
public:
    // The connection, the file's name (for errors) and the options stay the store's.
    SqliteEventIndex(store::Database &db, const QString &path, const StoreOpenOptions &options)
        : m_db(db)
        , m_path(path)
        , m_options(options) {}

    bool hasSearchIndex() const; // false for a read-only store older than schema version 3
    // The events indexed so far (every event up to this position) and the rest.
    Result<quint64> indexedUpto() const;
    Result<quint64> backlog() const;
    // Indexes the events after `after` up to `upto`, inside the caller's transaction.
    Result<void> indexRange(quint64 after, quint64 upto);
    // Indexes at most maxEvents more in a transaction of its own; returns the events still left.
    Result<quint64> indexMore(quint64 maxEvents);

    Result<void> checkSearchText(const QString &text) const override;
    Result<SearchPage> searchPage(const EventSearch &search, const std::optional<SearchCursor> &after,
                                  int limit) const override;
    Result<qint64> countMatches(const EventSearch &search) const override;
    Result<QList<EventRow>> rows(const QList<quint64> &seqs) const override;
    Result<QList<EventRow>> rowsBetween(quint64 first, quint64 last, bool descending) const override;
    Result<QStringList> distinctValues(EventSort column) const override;
    Result<QStringList> refsOf(quint64 seq) const override;
    Result<QList<quint64>> relatedEvents(quint64 seq, int limit) const override;

private:
    Result<quint64> size() const;

    store::Database &m_db;
    const QString &m_path;
    const StoreOpenOptions &m_options;
};

} // namespace ops
