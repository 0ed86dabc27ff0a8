// The Evidence panel's background work: the search index, counts, verify, export.
#include "EvidencePanel.h"

#include "store/TeamLogCopy.h"

#include "common/AppContext.h"
#include "store/EventExport.h"
#include "store/StoreHost.h"

#include "EventDetailView.h"
#include "ProofsView.h"
#include "VerdictView.h"
#include "proofs/ProofRecord.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "store/Bundle.h"
#include "store/EventTableModel.h"
#include "store/OpenStore.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/StoreWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

namespace {

constexpr quint64 kIndexInlineEvents = 5000; // indexed on the spot (tens of milliseconds)
constexpr quint64 kIndexChunkEvents = 20000; // per transaction when catching up in the background

} // namespace

bool EvidencePanel::isIndexing() const {
    return m_indexing;
}

void EvidencePanel::catchUpSearchIndex() {
    SqliteEvidenceStore *s = store();
    if (!s || isIndexing())
        return;
    auto backlog = s->searchBacklog();
    if (!backlog.ok() || backlog.value() == 0)
        return;
    // A few thousand events take a blink; a bulk import's backlog is indexed off the GUI thread on
    // a connection of its own, a chunk per transaction and per job, so appends, browsing and the
    // other jobs go on meanwhile.
    if (backlog.value() <= kIndexInlineEvents) {
        if (auto indexed = s->indexForSearch(backlog.value()); !indexed.ok())
            report(tr("The search index could not catch up: %1").arg(indexed.error().message), true);
        return;
    }
    report(tr("Indexing %1 imported events for search… Searches cover the events indexed so far.")
               .arg(QLocale().toString(backlog.value())));
    m_indexing = true;
    m_indexTotal = backlog.value();
    m_indexDone = 0;
    indexNextChunk();
}

void EvidencePanel::indexNextChunk() {
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
                report(tr("The search index could not catch up: %1").arg(left.error().message), true);
                return;
            }
            if (left.value() > 0) {
                m_indexDone += kIndexChunkEvents;
                report(tr("Indexing imported events for search: %1%… Searches cover the events indexed "
                          "so far.")
                           .arg(qMin<quint64>(99, m_indexDone * 100 / qMax<quint64>(m_indexTotal, 1))));
                indexNextChunk();
                return;
            }
            m_indexing = false;
            refresh();
            applyFilters();
            report(tr("Search index caught up: every event can be searched."));
            Q_EMIT searchIndexReady();
        });
    if (!posted)
        m_indexing = false;
}

void EvidencePanel::countInBackground() {
    SqliteEvidenceStore *s = store();
    if (!s)
        return;
    if (m_counter->isBusy(StoreWorker::Job::Count))
        return; // when it ends, updateCount() counts again if the search has moved on
    m_countingSearch = m_model->search();
    m_countingGeneration = m_storeGeneration;
    m_counter->post<qint64>(
        StoreWorker::Job::Count, this,
        [path = s->path(), search = m_countingSearch](JobContext &) -> qint64 {
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
            // before the store last changed is dropped (and made again by updateCount()).
            if (m_countingGeneration == m_storeGeneration)
                m_exactCount = std::make_pair(m_countingSearch, count);
            updateCount();
        });
}

void EvidencePanel::showEventDetail(quint64 seq) {
    m_detailSeq = seq;
    const int row = m_model->rowOfLoadedSeq(seq);
    if (row >= 0 && m_table->currentIndex().row() != row) {
        QSignalBlocker block(m_table->selectionModel());
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    }
    showDetail();
}

void EvidencePanel::showDetail() {
    m_detailView->inspect(m_detailSeq);
}

const EventInspection *EvidencePanel::inspection() const {
    return m_detailView->inspection();
}

bool EvidencePanel::saveAttachment(const QString &sha256, const QString &path) {
    return m_detailView->saveAttachment(sha256, path);
}

bool EvidencePanel::isVerifying() const {
    return m_work->isBusy(StoreWorker::Job::Verify);
}

void EvidencePanel::startVerify() {
    EvidenceStore *s = browsed();
    if (!s || isVerifying())
        return;
    // A file's path or the team log's URL; the deployment's pinned admins and this user's anchors.
    const QString path = m_app->host()->path();
    StoreOpenOptions options = m_app->host()->options();
    options.readOnly = true;
    options.create = false;
    const bool posted = m_work->post<Result<VerifyReport>>(
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
        [this](Result<VerifyReport> r) { verifyDone(r); }, permilleOf(m_progress));
    if (!posted)
        return;
    m_verify->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    report(tr("Verifying the store…"));
}

void EvidencePanel::verifyDone(const Result<VerifyReport> &r) {
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_verify->setEnabled(true);
    if (!r.ok()) {
        report(r.error().code == ErrorCode::Negative ? tr("Verification cancelled; nothing recorded.")
                                                     : r.error().toString(),
               true);
        Q_EMIT verifyFinished(false);
        return;
    }
    const VerifyReport &v = r.value();
    QString text =
        v.intact ? tr("Store intact: %1 events, %2 checkpoints and %3 signatures recomputed and verified.")
                       .arg(v.events)
                       .arg(v.checkpoints)
                       .arg(v.signaturesChecked)
                 : tr("TAMPERED: %1").arg(v.reason);
    if (v.intact && !v.trustPinned)
        text += tr(" Trust root not pinned: a log rewritten with new keys would verify too.");
    SqliteEvidenceStore *s = this->store();
    if (s && m_session->isUnlocked()) {
        NewEvent e;
        e.kind = QStringLiteral("evidence.verified");
        e.payload["intact"] = v.intact;
        e.payload["events"] = static_cast<qint64>(v.events);
        e.payload["checkpoints"] = static_cast<qint64>(v.checkpoints);
        e.payload["signatures_checked"] = static_cast<qint64>(v.signaturesChecked);
        e.payload["first_bad_seq"] =
            v.firstBadSeq ? JsonValue(static_cast<qint64>(*v.firstBadSeq)) : JsonValue();
        e.payload["reason"] = v.reason;
        auto out = s->append(*m_session->signer(), {e});
        text += out.ok() ? tr(" Recorded as event %1.").arg(out->first().seq)
                         : QLatin1Char(' ') + out.error().toString();
        refresh();
    } else {
        text += tr(" Not recorded: sign in to record verifications.");
    }
    report(text, !v.intact);
    Q_EMIT verifyFinished(v.intact);
}

bool EvidencePanel::isExporting() const {
    return m_work->isBusy(StoreWorker::Job::Export);
}

void EvidencePanel::startExport(const QString &path, ExportFormat format) {
    SqliteEvidenceStore *s = store();
    if (!s || isExporting())
        return;
    std::optional<Signer> signer;
    if (format == ExportFormat::Bundle) {
        if (!m_session->isUnlocked()) {
            report(tr("A signed bundle needs a signature: sign in first."), true);
            Q_EMIT signInRequested();
            return;
        }
        signer = Signer{m_session->signer()->name, m_session->signer()->key.duplicate()};
    }
    const QString storePath = s->path();
    EventSearch search = m_model->search();
    auto signerPtr = std::make_shared<std::optional<Signer>>(std::move(signer));
    StoreOpenOptions options = s->options();
    options.readOnly = true;
    const bool posted = m_work->post<Result<quint64>>(
        StoreWorker::Job::Export, this,
        [storePath, search, path, format, signerPtr, options](JobContext &) -> Result<quint64> {
            auto opened = SqliteEvidenceStore::open(storePath, options);
            if (!opened.ok())
                return opened.error();
            const SqliteEvidenceStore &st = *opened.value();
            if (format != ExportFormat::Bundle)
                return EventExport::toFile(st, search,
                                           format == ExportFormat::Json ? EventExport::Format::Json
                                                                        : EventExport::Format::Csv,
                                           path);
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
            filter.description = describe(search);
            auto summary = Bundle::exportBundle(st, path, filter, **signerPtr);
            if (!summary.ok())
                return summary.error();
            return static_cast<quint64>(summary->events);
        },
        [this, path](Result<quint64> r) {
            m_export->setEnabled(true);
            report(r.ok() ? tr("Exported %1 events to %2.").arg(r.value()).arg(path) : r.error().toString(),
                   !r.ok());
            Q_EMIT exportFinished(r.ok());
        });
    if (!posted)
        return;
    m_export->setEnabled(false);
    report(tr("Exporting %1…").arg(describe(m_model->search())));
}

void EvidencePanel::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name())
                                   : QString());
}

} // namespace ops::ui
