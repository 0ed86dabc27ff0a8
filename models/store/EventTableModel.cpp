#include "EventTableModel.h"

#include "SqliteEvidenceStore.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"

#include <QPointer>

#include <algorithm>

namespace ops {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void EventTableModel::setStore(const SqliteEvidenceStore *store) {
    if (store && store == m_log && m_store == store) {
        refresh(); // the same store, grown
        return;
    }
    m_store = store;
    m_log = store;
    restart();
}

void EventTableModel::setLog(const EvidenceStore *log) {
    // The team log browses with searches too; this console's copy of it (offline) by position only.
    const EventBrowser *browser = dynamic_cast<const EventBrowser *>(log);
    if (log && log == m_log && browser == m_store) {
        refresh(); // the same log, grown
        return;
    }
    m_store = browser;
    m_log = log;
    if (!m_store) {
        const bool descending = m_search.descending;
        m_search = EventSearch();
        m_search.descending = descending;
    }
    restart();
}

Result<QList<EventRow>> EventTableModel::logRows(quint64 low, quint64 high, bool descending) const {
    auto events = m_log->events(low, static_cast<int>(high - low + 1));
    if (!events.ok())
        return events.error();
    return eventRows(events.value(), descending);
}

Result<void> EventTableModel::setSearch(const EventSearch &search) {
    if (!m_store && m_log && !search.isEverything())
        return makeError(ErrorCode::Usage, tr("searching and filtering need the log itself; this console's "
                                              "copy of the team log is browsed by position"));
    if (m_store)
        if (auto ok = m_store->checkSearchText(search.text); !ok.ok())
            return ok;
    m_search = search;
    restart();
    Q_EMIT searchChanged();
    return {};
}

void EventTableModel::setPageReader(PageReader reader) {
    m_pageReader = std::move(reader);
}

void EventTableModel::refresh() {
    // A page of this very search is on its way: asked again once it is here rather than cancelled,
    // or on a busy team log (a colleague's act every moment) a long search would never finish.
    if (m_searching) {
        m_refreshWanted = true;
        return;
    }
    restart();
}

void EventTableModel::restart() {
    m_refreshWanted = false;
    beginResetModel();
    reload();
    endResetModel();
    if (m_searching)
        askForPage();
    Q_EMIT rowsKnownChanged();
}

void EventTableModel::askForPage() {
    m_pageReader(
        m_search, m_cursor, kKeyChunk,
        [self = QPointer<EventTableModel>(this), generation = m_generation](Result<SearchPage> page) {
            // A page of a search since replaced, or of a model gone, is dropped.
            if (self && self->m_generation == generation && self->m_searching)
                self->pageArrived(std::move(page));
        });
}

void EventTableModel::pageArrived(Result<SearchPage> page) {
    // Still "searching" while the rows go in: a view that asks for more as they arrive asks once
    // they are in, with the new cursor.
    if (!page.ok()) {
        m_searching = false;
        // The rows so far stay; the failure is said, never a short list shown as complete.
        m_failure = page.error();
        m_cursor.reset();
        m_fetchAll = false;
        Q_EMIT rowsKnownChanged();
        if (m_refreshWanted)
            restart();
        return;
    }
    if (!page->seqs.isEmpty()) {
        const int first = static_cast<int>(m_keys.size());
        beginInsertRows({}, first, first + static_cast<int>(page->seqs.size()) - 1);
        m_keys += page->seqs;
        m_cursor = page->next;
        endInsertRows();
    } else {
        m_cursor.reset();
    }
    m_searching = false;
    if (m_refreshWanted) {
        // The log grew while this page was on its way: the search again, from the start.
        Q_EMIT rowsKnownChanged();
        restart();
        return;
    }
    if (m_fetchAll && m_cursor) {
        m_searching = true;
        askForPage();
    } else {
        m_fetchAll = false;
    }
    Q_EMIT rowsKnownChanged();
}

void EventTableModel::reload() {
    m_pages.clear();
    m_recent.clear();
    m_keys.clear();
    m_cursor.reset();
    m_total = 0;
    m_failure.reset();
    m_searching = false;
    m_fetchAll = false;
    ++m_generation;
    m_dense = m_search.isEverything() || !m_store;
    if (!m_log)
        return;
    if (m_dense) {
        auto n = m_log->size();
        if (!n.ok()) {
            m_failure = n.error();
            return;
        }
        m_total = n.value();
        return;
    }
    if (m_pageReader) {
        m_searching = true; // asked once the reset is over
        return;
    }
    auto page = m_store->searchPage(m_search, std::nullopt, kKeyChunk);
    if (!page.ok()) {
        m_failure = page.error();
        return;
    }
    m_keys = page->seqs;
    m_cursor = page->next;
}

quint64 EventTableModel::seqAt(int row) const {
    if (row < 0 || row >= rowCount())
        return 0;
    if (m_dense)
        return m_search.descending ? m_total - static_cast<quint64>(row) : static_cast<quint64>(row) + 1;
    return m_keys.at(row);
}

int EventTableModel::rowOfLoadedSeq(quint64 seq) const {
    if (m_dense) {
        if (seq == 0 || seq > m_total)
            return -1;
        return static_cast<int>(m_search.descending ? m_total - seq : seq - 1);
    }
    return static_cast<int>(m_keys.indexOf(seq));
}

void EventTableModel::fetchAll() {
    if (m_pageReader) {
        if (!m_dense && (m_cursor || m_searching)) {
            m_fetchAll = true;
            fetchMore({});
        }
        return;
    }
    while (canFetchMore({}))
        fetchMore({});
}

int EventTableModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return m_dense ? static_cast<int>(qMin<quint64>(m_total, std::numeric_limits<int>::max()))
                   : static_cast<int>(m_keys.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const EventRow *EventTableModel::rowAt(int row) const {
    if (!m_log || row < 0 || row >= rowCount())
        return nullptr;
    const int page = row / kPageRows;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        const int first = page * kPageRows;
        const int last = qMin(rowCount(), first + kPageRows) - 1;
        Result<QList<EventRow>> rows = QList<EventRow>{};
        if (m_dense) {
            const quint64 a = seqAt(first), b = seqAt(last);
            rows = m_store ? m_store->rowsBetween(qMin(a, b), qMax(a, b), m_search.descending)
                           : logRows(qMin(a, b), qMax(a, b), m_search.descending);
        } else {
            rows = m_store->rows(m_keys.mid(first, last - first + 1));
        }
        if (!rows.ok())
            return nullptr;
        if (m_pages.size() >= kCachedPages && !m_recent.isEmpty())
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(page, rows.value());
    }
    m_recent.removeOne(page);
    m_recent.append(page);
    const int offset = row - page * kPageRows;
    if (offset >= it->size())
        return nullptr;
    return &it->at(offset);
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == SeqRole)
        return static_cast<qulonglong>(seqAt(index.row()));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SignedRole &&
        role != Qt::TextAlignmentRole)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Seq ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    const EventRow *r = rowAt(index.row());
    if (!r)
        return role == Qt::DisplayRole && index.column() == Seq
                   ? QVariant(QString::number(seqAt(index.row())))
                   : QVariant();
    if (role == SignedRole)
        return r->signedByActor;
    if (role == Qt::ToolTipRole) {
        const QString who = r->signedByActor
                                ? tr("signed by %1").arg(r->actor)
                                : tr("recorded by %1, covered by its batch checkpoint").arg(r->actor);
        return tr("Event %1 · %2 · %3\n%4").arg(r->seq).arg(r->kind, who, r->summary);
    }
    switch (index.column()) {
    case Seq:
        return QString::number(r->seq);
    case Time:
        return Time::toIso(r->tsMs);
    case Kind:
        return r->kind;
    case Scope:
        return r->scope;
    case Actor:
        return r->actor;
    case Summary:
        return r->summary;
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("#");
    case Time:
        return tr("Time (UTC)");
    case Kind:
        return tr("Kind");
    case Scope:
        return tr("Scope");
    case Actor:
        return tr("Actor");
    case Summary:
        return tr("Payload");
    default:
        return {};
    }
}

bool EventTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_dense && m_store && m_cursor.has_value() && !m_searching;
}

void EventTableModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    if (m_pageReader) {
        m_searching = true;
        askForPage();
        Q_EMIT rowsKnownChanged();
        return;
    }
    // Read here, and taken in as a page reader's answer is.
    m_searching = true;
    pageArrived(m_store->searchPage(m_search, m_cursor, kKeyChunk));
}

void EventTableModel::sort(int column, Qt::SortOrder order) {
    if (!m_store && m_log) {
        // A copy of the team log: newest or oldest first, by position.
        if (column != Seq || m_search.descending == (order == Qt::DescendingOrder))
            return;
        m_search.descending = order == Qt::DescendingOrder;
        restart();
        return;
    }
    EventSearch s = m_search;
    switch (column) {
    case Seq:
        s.sort = EventSort::Seq;
        break;
    case Time:
        s.sort = EventSort::Time;
        break;
    case Kind:
        s.sort = EventSort::Kind;
        break;
    case Scope:
        s.sort = EventSort::Scope;
        break;
    case Actor:
        s.sort = EventSort::Actor;
        break;
    default:
        return; // the payload column is not an order
    }
    s.descending = order == Qt::DescendingOrder;
    if (s.sort == m_search.sort && s.descending == m_search.descending)
        return;
    (void)setSearch(s);
}

} // namespace ops
