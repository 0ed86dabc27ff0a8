#pragma once

// Browsing the evidence log at any size: filters and sorting done in SQL over indexes, paged by
// key (never OFFSET), full text through FTS5. What the Evidence panel and `evidence list` read.

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace ops {

enum class EventSort { Seq, Time, Kind, Scope, Actor };

struct EventSearch {
    QString kind;       // exact kind
    QString kindPrefix; // a family, e.g. "incident."
    QString scope;
    QString actor;
    QString ref;                  // an incident, run or derivation id: the events that name it (and its runs)
    std::optional<qint64> fromMs; // inclusive
    std::optional<qint64> toMs;   // exclusive
    QString text;                 // full-text query (words, "phrases", prefix*, AND / OR / NOT, parentheses)
    EventSort sort = EventSort::Seq;
    bool descending = true;

    // Nothing narrows it and it runs in sequence order: every event, addressable by position.
    bool isEverything() const;
    bool operator==(const EventSearch &) const = default;
};

// Where the previous page ended: the sort value and the sequence number of its last row.
struct SearchCursor {
    QVariant sortValue;
    quint64 seq = 0;
};

struct SearchPage {
    QList<quint64> seqs;
    std::optional<SearchCursor> next; // empty when this was the last page
};

// A row as a table shows it: no payload parsing beyond a short one-line summary.
struct EventRow {
    quint64 seq = 0;
    qint64 tsMs = 0;
    QString actor;
    QString kind;
    QString scope;
    bool signedByActor = false;
    QString summary; // the payload, cut at 200 characters
};

struct StoredEvent;

// The light row of an event (its payload as one line, cut at 200 characters).
EventRow eventRow(const StoredEvent &event);
// The light rows of events, in their order or reversed.
QList<EventRow> eventRows(const QList<StoredEvent> &events, bool reversed = false);

// The column a sort orders by, as both backends name it ("seq", "ts_ms", "kind", "scope", "actor").
const char *eventSortColumn(EventSort sort);
// Kind, scope and actor have distinct values to offer as filters; sequence and time do not.
Result<void> checkDistinctColumn(EventSort column);
// Rows put in the order of `seqs`; positions without a row are left out.
QList<EventRow> inOrderOf(const QList<quint64> &seqs, const QList<EventRow> &rows);

// A log that can be browsed with searches: the local file (over its indexes and FTS5) and the
// team log (in SQL over its tables). A table model reads either through this.
class EventBrowser {
public:
    virtual ~EventBrowser() = default;
    // Invalid search text, naming what is wrong; nothing when it is fine.
    virtual Result<void> checkSearchText(const QString &text) const = 0;
    // Key-paged: the next `limit` matching positions after the cursor, in the search's order.
    virtual Result<SearchPage> searchPage(const EventSearch &search, const std::optional<SearchCursor> &after,
                                          int limit) const = 0;
    virtual Result<qint64> countMatches(const EventSearch &search) const = 0;
    virtual Result<QList<EventRow>> rows(const QList<quint64> &seqs) const = 0; // in the order given
    virtual Result<QList<EventRow>> rowsBetween(quint64 first, quint64 last, bool descending) const = 0;
    virtual Result<QStringList> distinctValues(EventSort column) const = 0; // kinds, scopes or actors
    // The incident, run, record and launch ids an event names, and the events that name one of
    // them too (itself left out), newest first.
    virtual Result<QStringList> refsOf(quint64 seq) const = 0;
    virtual Result<QList<quint64>> relatedEvents(quint64 seq, int limit) const = 0;
    // Stops the search running on this browser now, from another thread; empty when searches
    // cannot be stopped from outside (they are short: the local file's indexes).
    virtual std::function<void()> canceller() const { return {}; }
};

// An EventBrowser that hands every search to another: a store whose browsing is a part of its own
// (its index) is browsed through the store.
class BrowsingThrough : public EventBrowser {
public:
    Result<void> checkSearchText(const QString &text) const override {
        return browsing().checkSearchText(text);
    }
    Result<SearchPage> searchPage(const EventSearch &search, const std::optional<SearchCursor> &after,
                                  int limit) const override {
        return browsing().searchPage(search, after, limit);
    }
    Result<qint64> countMatches(const EventSearch &search) const override {
        return browsing().countMatches(search);
    }
    Result<QList<EventRow>> rows(const QList<quint64> &seqs) const override { return browsing().rows(seqs); }
    Result<QList<EventRow>> rowsBetween(quint64 first, quint64 last, bool descending) const override {
        return browsing().rowsBetween(first, last, descending);
    }
    Result<QStringList> distinctValues(EventSort column) const override {
        return browsing().distinctValues(column);
    }
    Result<QStringList> refsOf(quint64 seq) const override { return browsing().refsOf(seq); }
    Result<QList<quint64>> relatedEvents(quint64 seq, int limit) const override {
        return browsing().relatedEvents(seq, limit);
    }
    std::function<void()> canceller() const override { return browsing().canceller(); }

protected:
    virtual const EventBrowser &browsing() const = 0;
};

namespace EventSearchText {
// Turns what a person types into an FTS5 query: words and prefix* pass through, AND / OR / NOT
// and parentheses are operators, anything else (INC-6, 10.0.0.1, a.b) becomes a quoted phrase.
// Unbalanced quotes or parentheses, or an operator with nothing to join, are invalid input.
Result<std::string> toFts(const QString &text);
} // namespace EventSearchText

} // namespace ops
