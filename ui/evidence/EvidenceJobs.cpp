#include "EvidenceJobs.h"

#include "EvidenceFilterBar.h"

#include "common/StatusWidgets.h"
#include "core/Time.h"
#include "runtime/AppContext.h"
#include "store/Bundle.h"
#include "store/EventExport.h"
#include "store/OpenStore.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/StoreWorker.h"

#include <QLocale>
#include <QProgressBar>

namespace ops::ui {

namespace {

constexpr quint64 kIndexInlineEvents = 5000; // indexed on the spot (tens of milliseconds)
constexpr quint64 kIndexChunkEvents = 20000; // per transaction when catching up in the background

} // namespace

EvidenceJobs::EvidenceJobs(AppContext *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_work(new StoreWorker(this))
    , m_counter(new StoreWorker(this)) {
}

EvidenceJobs::~EvidenceJobs() {
    // The workers' destructors cancel what runs and wait for it.
    delete m_work;
    delete m_counter;
}

void EvidenceJobs::logChanged() {
    m_exactCount.reset(); // new events may have arrived
    ++m_generation;
}

void EvidenceJobs::catchUpSearchIndex() {
    SqliteEvidenceStore *s = m_app->localStore();
    if (!s || m_indexing)
        return;
    auto backlog = s->searchBacklog();
    if (!backlog.ok() || backlog.value() == 0)
        return;
    // A few thousand events take a blink; a bulk import's backlog is indexed off the GUI thread on
    // a connection of its own, a chunk per transaction and per job, so appends, browsing and the
    // other jobs go on meanwhile.
    if (backlog.value() <= kIndexInlineEvents) {
        if (auto indexed = s->indexForSearch(backlog.value()); !indexed.ok())
            Q_EMIT message(tr("The search index could not catch up: %1").arg(indexed.error().message), true);
        return;
    }
    Q_EMIT message(tr("Indexing %1 imported events for search… Searches cover the events indexed so far.")
                       .arg(QLocale().toString(backlog.value())),
                   false);
    m_indexing = true;
    m_indexTotal = backlog.value();
    m_indexDone = 0;
    indexNextChunk();
}

void EvidenceJobs::indexNextChunk() {
    const QString path = m_app->host()->path();
    const bool posted = m_work->post<Result<quint64>>(
        StoreWorker::Job::IndexBacklog, this,
        [path](JobContext &) -> Result<quint64> {
            auto writer = SqliteEvidenceStore::open(path);
            if (!writer.ok())
                return writer.error();
            return writer.value()->indexForSearch(kIndexChunkEvents);
        },
        [this](Result<quint64> left) {
            if (!left.ok()) {
                m_indexing = false;
                Q_EMIT message(tr("The search index could not catch up: %1").arg(left.error().message), true);
                return;
            }
            if (left.value() > 0) {
                m_indexDone += kIndexChunkEvents;
                Q_EMIT message(
                    tr("Indexing imported events for search: %1%… Searches cover the events indexed so far.")
                        .arg(qMin<quint64>(99, m_indexDone * 100 / qMax<quint64>(m_indexTotal, 1))),
                    false);
                indexNextChunk();
                return;
            }
            m_indexing = false;
            Q_EMIT indexCaughtUp();
        });
    if (!posted)
        m_indexing = false;
}

std::optional<qint64> EvidenceJobs::exactCount(const EventSearch &search) {
    if (m_exactCount && m_exactCount->first == search)
        return m_exactCount->second;
    SqliteEvidenceStore *s = m_app->localStore();
    if (!s || m_counter->isBusy(StoreWorker::Job::Count))
        return std::nullopt; // when it ends, countChanged() asks again if the search has moved on
    m_countingSearch = search;
    m_countingGeneration = m_generation;
    m_counter->post<qint64>(
        StoreWorker::Job::Count, this,
        [path = s->path(), search](JobContext &) -> qint64 {
            StoreOpenOptions options;
            options.readOnly = true;
            auto reader = SqliteEvidenceStore::open(path, options);
            if (!reader.ok())
                return -1;
            auto n = reader.value()->countMatches(search);
            return n.ok() ? n.value() : -1;
        },
        [this](qint64 count) {
            // -1: the count failed; the label then says "N+" without counting again. A count begun
            // before the log last changed is dropped (and made again when asked).
            if (m_countingGeneration == m_generation)
                m_exactCount = std::make_pair(m_countingSearch, count);
            Q_EMIT countChanged();
        });
    return std::nullopt;
}

bool EvidenceJobs::isVerifying() const {
    return m_work->isBusy(StoreWorker::Job::Verify);
}

void EvidenceJobs::cancelVerify() {
    m_work->cancel(StoreWorker::Job::Verify);
}

bool EvidenceJobs::startVerify(QProgressBar *progress) {
    if (isVerifying())
        return false;
    // A file's path or the team log's URL; the deployment's pinned admins and this user's anchors.
    const QString path = m_app->host()->path();
    StoreOpenOptions options = m_app->host()->options();
    options.readOnly = true;
    options.create = false;
    return m_work->post<Result<VerifyReport>>(
        StoreWorker::Job::Verify, this,
        [path, options](JobContext &job) -> Result<VerifyReport> {
            // Its own read-only connection: the GUI keeps reading while this recomputes everything.
            auto opened = openEvidenceStore(path, options);
            if (!opened.ok())
                return opened.error();
            VerifyOptions vo;
            vo.signatures = true;
            vo.nowMs = Time::nowMs(); // times ahead of this machine's clock are named
            auto r = opened.value()->verify(vo, [&job](quint64 done, quint64 total) {
                return job.progress(static_cast<qint64>(done), static_cast<qint64>(total));
            });
            if (!r.ok() && job.cancelled())
                return makeError(ErrorCode::Negative, QStringLiteral("cancelled"));
            return r;
        },
        [this](Result<VerifyReport> r) { Q_EMIT verified(r); }, permilleOf(progress));
}

QString EvidenceJobs::record(const VerifyReport &v) {
    SqliteEvidenceStore *s = m_app->localStore();
    Session *session = m_app->session();
    if (!s || !session->isUnlocked())
        return tr("Not recorded: sign in to record verifications.");
    auto out = s->append(*session->signer(), {verificationEvent(v)});
    return out.ok() ? tr("Recorded as event %1.").arg(out->first().seq) : out.error().toString();
}

bool EvidenceJobs::isExporting() const {
    return m_work->isBusy(StoreWorker::Job::Export);
}

bool EvidenceJobs::startExport(const QString &path, ExportFormat format, const EventSearch &search,
                               std::optional<Signer> signer) {
    SqliteEvidenceStore *s = m_app->localStore();
    if (!s || isExporting())
        return false;
    const QString storePath = s->path();
    auto signerPtr = std::make_shared<std::optional<Signer>>(std::move(signer));
    StoreOpenOptions options = s->options();
    options.readOnly = true;
    return m_work->post<Result<quint64>>(
        StoreWorker::Job::Export, this,
        [storePath, search, path, format, signerPtr, options](JobContext &) -> Result<quint64> {
            auto opened = SqliteEvidenceStore::open(storePath, options);
            if (!opened.ok())
                return opened.error();
            SqliteEvidenceStore &st = *opened.value(); // read-only: the export verifies the log first
            if (format != ExportFormat::Bundle)
                return EventExport::toFile(st, search,
                                           format == ExportFormat::Json ? EventExport::Format::Json
                                                                        : EventExport::Format::Csv,
                                           path);
            if (!*signerPtr)
                return makeError(ErrorCode::Usage, QStringLiteral("a signed bundle needs a signer"));
            QList<quint64> seqs;
            std::optional<SearchCursor> cursor;
            do {
                auto page = st.searchPage(search, cursor, 10000);
                if (!page.ok())
                    return page.error();
                seqs += page->seqs;
                cursor = page->next;
            } while (cursor);
            Bundle::ExportFilter filter;
            filter.only = QSet<quint64>(seqs.cbegin(), seqs.cend());
            filter.description = describeSearch(search);
            auto summary = Bundle::exportBundle(st, path, filter, **signerPtr);
            if (!summary.ok())
                return summary.error();
            return static_cast<quint64>(summary->events);
        },
        [this, path](Result<quint64> r) { Q_EMIT exported(r, path); });
}

} // namespace ops::ui
