#pragma once

#include "EventSearch.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace ops {

class EvidenceStore;
class SqliteEvidenceStore;

// Every event of the store as a table, at any size. Two ways to the rows:
//  - everything in sequence order: row r is event N - r (or r + 1), so the row count is the
//    store's size at once and any row — the last one too — costs one indexed page read;
//  - a filtered or re-sorted search: the matching sequence numbers arrive in key-paged chunks
//    through canFetchMore / fetchMore (never OFFSET), 2,048 at a time.
// Row contents are read 128 at a time when first shown and kept in a small page cache.
// Filtering and sorting happen in SQL over indexes; nothing holds the whole store.
class EventTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, Time, Kind, Scope, Actor, Summary, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, SignedRole };

    static constexpr int kPageRows = 128;
    static constexpr int kKeyChunk = 2048;
    static constexpr int kCachedPages = 64;

    explicit EventTableModel(QObject *parent = nullptr);

    // The store is read on the thread the model lives on; nullptr empties the model.
    void setStore(const SqliteEvidenceStore *store);
    // A log of any backend: searched when it is an EventBrowser (the team log), else browsed by
    // position only (this console's copy of the team log while offline). nullptr empties the model.
    void setLog(const EvidenceStore *log);
    // Whether searches, filters and other sort orders apply.
    bool isSearchable() const { return m_store != nullptr; }
    // Where the keys of a search come from when they are not to be read on this thread (the team
    // log's server may take seconds): asked for a page, it answers later, on this thread, unless a
    // newer question superseded it. Empty: the keys are read here, as the rows always are.
    using PageReader = std::function<void(const EventSearch &, const std::optional<SearchCursor> &, int limit,
                                          std::function<void(Result<SearchPage>)>)>;
    void setPageReader(PageReader reader);
    // A page of keys is on its way (the rows known so far stay; more follow).
    bool isSearching() const { return m_searching; }
    // Applies a search; an invalid one (bad full-text syntax) leaves the model as it was.
    Result<void> setSearch(const EventSearch &search);
    const EventSearch &search() const { return m_search; }
    // Re-runs the search (after new events were appended), keeping nothing stale; while a page of
    // it is on its way from a page reader, once that page has arrived.
    void refresh();

    quint64 seqAt(int row) const;          // 0 when out of range
    int rowOfLoadedSeq(quint64 seq) const; // -1 when not among the rows known so far
    // True when every matching row is known (rowCount is the final count).
    bool isComplete() const { return m_dense || (!m_cursor.has_value() && !m_searching); }
    // Fetches every remaining key of a filtered search (for "jump to the end"); with a page
    // reader, asks for the next page each time one arrives until none is left.
    void fetchAll();
    // Why the search (or its last page) could not be read; empty when it could.
    QString lastError() const { return m_failure ? m_failure->toString() : QString(); }
    const std::optional<Error> &failure() const { return m_failure; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void searchChanged();
    void rowsKnownChanged(); // more keys arrived or the search was re-run

private:
    void reload();
    void restart(); // the search from its start, now
    void askForPage();
    void pageArrived(Result<SearchPage> page);
    const EventRow *rowAt(int row) const;

    Result<QList<EventRow>> logRows(quint64 low, quint64 high, bool descending) const;

    const EventBrowser *m_store = nullptr; // the log's searches, when it has them
    const EvidenceStore *m_log = nullptr;  // the store read, either backend (m_store when local)
    EventSearch m_search;
    bool m_dense = true;
    quint64 m_total = 0;   // dense mode: the store's size when the search ran
    QList<quint64> m_keys; // keyed mode
    std::optional<SearchCursor> m_cursor;
    std::optional<Error> m_failure;
    PageReader m_pageReader;
    bool m_searching = false; // a page was asked of the page reader
    bool m_fetchAll = false;
    bool m_refreshWanted = false; // refresh() came while a page was on its way
    quint64 m_generation = 0;     // the search the pages asked for belong to
    mutable QHash<int, QList<EventRow>> m_pages;
    mutable QList<int> m_recent; // page numbers, most recent last
};

} // namespace ops
