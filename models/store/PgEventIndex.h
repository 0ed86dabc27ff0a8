#pragma once

#include "EventSearch.h"

#include <string>

namespace ops {

namespace pg {
class Connection;
class Params;
class Rows;
} // namespace pg

// The team log's browsing: the local file's searches in SQL over the team log's tables, on a
// console's connection. The search text has the same grammar and matches tokens (kind,
// scope, actor and the payload's text, lower case, split at everything but ASCII letters and digits).
// An incident or record id filter matches the events that name it. Each search runs in a read-only
// transaction that gives up after searchTimeoutMs() (a search scanning a huge log, or waiting
// behind a lock, ends with an error saying so rather than holding the window).
class PgEventIndex final : public EventBrowser {
public:
    explicit PgEventIndex(pg::Connection &conn)
        : m_conn(conn) {}

    void setSearchTimeoutMs(int ms) { m_searchTimeoutMs = qMax(1, ms); }
    int searchTimeoutMs() const { return m_searchTimeoutMs; }
    // How many events a search moves the search indexes on by (10,000); the rest it reads itself.
    void setIndexChunk(int events) { m_indexChunk = qMax(1, events); }
    // Events the search indexes could not hold (bytes that are not UTF-8 JSON: a tampered log):
    // searches through the indexes do not find them, which a search's count says.
    Result<qint64> unsearchableEvents() const;

    std::function<void()> canceller() const override;
    Result<void> checkSearchText(const QString &text) const override;
    Result<SearchPage> searchPage(const EventSearch &search, const std::optional<SearchCursor> &after,
                                  int limit) const override;
    Result<qint64> countMatches(const EventSearch &search) const override;
    Result<QList<EventRow>> rows(const QList<quint64> &seqs) const override;
    Result<QList<EventRow>> rowsBetween(quint64 first, quint64 last, bool descending) const override;
    Result<QStringList> distinctValues(EventSort column) const override;
    // Read from the event itself, as the id index reads it; the related ones through the searches
    // by id (the index, and the events past its head).
    Result<QStringList> refsOf(quint64 seq) const override;
    Result<QList<quint64>> relatedEvents(quint64 seq, int limit) const override;

    // The query of the word index (a tsquery) a search text is narrowed by before its exact match,
    // nullopt when the index can narrow nothing (PgEventIndex.cpp).
    static std::optional<QString> wordIndexQuery(const QString &searchText);

private:
    // A search's statement in its own transaction under the search time limit: read-only, or (a
    // search that reads the search indexes) first bringing them up to the log's head.
    Result<pg::Rows> searchRows(const std::string &sql, const pg::Params &params, bool indexed) const;

    pg::Connection &m_conn;
    int m_searchTimeoutMs = 15000;
    int m_indexChunk = 10000;
};

} // namespace ops
