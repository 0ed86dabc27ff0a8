// The Evidence panel over a generated 100,000-event store, driven like an auditor would: the
// newest events first, typing a full-text search (and a broken one, shown red), filtering by kind,
// scope and incident, sorting by a header click, jumping to the end, opening an event to see its
// inclusion proof verified, an attachment inline, verifying the store off the GUI thread (and the
// result recorded), exporting the filter as JSON, CSV and a signed bundle; then a proof summary
// and an offline verdict from their tabs.
#include "EvidenceGen.h"
#include "PanelContext.h"
#include "StoreFixture.h"
#include "VerdictKit.h"

#include "common/LinesModel.h"
#include "evidence/EvidencePanel.h"
#include "evidence/ProofSectionModel.h"
#include "evidence/ProofsView.h"
#include "evidence/VerdictView.h"
#include "proofs/ProofRecord.h"
#include "store/Bundle.h"
#include "store/EventTableModel.h"
#include "store/Session.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace ops;
using namespace ops::ui;

namespace {

template<typename T> T *child(QWidget *w, const char *name) {
    auto *c = w->findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qFatal("no %s", name);
    return c;
}

int countKind(const EvidenceStore &s, const QString &kind) {
    EventFilter f;
    f.kind = kind;
    f.limit = 100000;
    return static_cast<int>(s.query(f).value().size());
}

} // namespace

class TestEvidencePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelPassesTheTester();
    void modelReadsKeysThroughAPageReader();
    void browseSearchAndFilter();
    void detailShowsVerifiedProofAndAttachment();
    void verifyAndExport();
    void proofAndVerdictTabs();
    void cleanupTestCase();

private:
    std::unique_ptr<test::StoreFixture> m_f;
    test::GeneratedEvidence m_gen;
    Session m_session;
    std::unique_ptr<test::PanelContext> m_context; // outlives the panel
    std::unique_ptr<EvidencePanel> m_panel;
    quint64 m_incidentSeq = 0;
    quint64 m_attachSeq = 0;
};

void TestEvidencePanel::initTestCase() {
    m_f = std::make_unique<test::StoreFixture>(true, QStringList{QStringLiteral("operator"),
                                                                 QStringLiteral("incident-owner"),
                                                                 QStringLiteral("reviewer")});
    const QString jsonl = m_f->dir.file(QStringLiteral("gen.jsonl"));
    const qint64 start = m_f->now + 1000;
    m_gen = test::writeGeneratedJsonl(jsonl, 100000, start);
    m_f->now = start + 100000 * 1000;
    QElapsedTimer t;
    t.start();
    auto imported = m_f->store->importJsonl(m_f->alice, jsonl);
    QVERIFY_OK(imported);
    QCOMPARE(m_f->store->searchBacklog().value(), imported.value() + 1); // and the batch statement
    qInfo("imported %lld events in %lld ms", static_cast<long long>(imported.value()),
          static_cast<long long>(t.elapsed()));
    // A few signed events by a person: an incident with a decision, and an attachment.
    NewEvent open;
    open.kind = QStringLiteral("incident.opened");
    open.scope = QStringLiteral("kl");
    open.payload["class"] = QStringLiteral("stale-pack");
    auto opened = m_f->store->append(m_f->alice, {open});
    QVERIFY_OK(opened);
    m_incidentSeq = opened->first().seq;
    NewEvent decide;
    decide.kind = QStringLiteral("incident.decision");
    decide.scope = QStringLiteral("kl");
    decide.payload["incident"] = QStringLiteral("INC-%1").arg(m_incidentSeq);
    decide.payload["text"] = QStringLiteral("hold forward publishes on kl");
    QVERIFY_OK(m_f->store->append(m_f->alice, {decide}));
    auto attached = m_f->store->attach(m_f->alice, QStringLiteral("probe-output.txt"), "Pass: 3\nFail: 0\n",
                                       QStringLiteral("text/plain"), QStringLiteral("kl"));
    QVERIFY_OK(attached);
    m_attachSeq = attached->seq;
    m_session.unlockWith(Signer{m_f->alice.name, m_f->alice.key.duplicate()});
    m_context = std::make_unique<test::PanelContext>(m_f->store.get(), &m_session,
                                                     ConfigLoader::builtinDemo().value());
    m_panel = std::make_unique<EvidencePanel>(&m_context->app);
    m_panel->resize(1100, 760);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    // The bulk import left the search indexes to catch up: the panel does it off the GUI thread
    // and says so, then every event is searchable.
    QVERIFY(m_panel->isIndexing());
    QVERIFY(child<QLabel>(m_panel.get(), "evidenceMessage")->text().contains(QLatin1String("Indexing")));
    QSignalSpy ready(m_panel.get(), &EvidencePanel::searchIndexReady);
    QVERIFY(ready.wait(120000));
    QCOMPARE(m_f->store->searchBacklog().value(), quint64(0));
    QVERIFY(child<QLabel>(m_panel.get(), "evidenceMessage")->text().contains(QLatin1String("caught up")));
}

void TestEvidencePanel::cleanupTestCase() {
    m_panel.reset();
}

void TestEvidencePanel::modelPassesTheTester() {
    test::StoreFixture small;
    small.appendN(300);
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(small.store.get());
    QCOMPARE(model.rowCount(), 301); // the identity and 300 events
    EventSearch s;
    s.kind = QStringLiteral("test.event");
    QVERIFY_OK(model.setSearch(s));
    QCOMPARE(model.rowCount(), 300);
    s.sort = EventSort::Time;
    s.descending = false;
    QVERIFY_OK(model.setSearch(s));
    QCOMPARE(model.seqAt(0), quint64(2));
    s.text = QStringLiteral("\"unclosed");
    QVERIFY(!model.setSearch(s).ok());
    QCOMPARE(model.rowCount(), 300); // unchanged
}

// The team log's pages of keys come from a page reader off the GUI thread: the model asks, shows
// what it has meanwhile, drops the answer to a question since replaced, and says a failure.
void TestEvidencePanel::modelReadsKeysThroughAPageReader() {
    test::StoreFixture log;
    log.appendN(2100);
    struct Asked {
        EventSearch search;
        std::optional<SearchCursor> after;
        int limit;
        std::function<void(Result<SearchPage>)> done;
    };
    QList<Asked> asked;
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageReader([&asked](const EventSearch &s, const std::optional<SearchCursor> &after, int limit,
                                 std::function<void(Result<SearchPage>)> done) {
        asked.append({s, after, limit, std::move(done)});
    });
    const auto answer = [&](int i) {
        const Asked a = asked.at(i);
        a.done(log.store->searchPage(a.search, a.after, a.limit));
    };
    model.setStore(log.store.get());
    QCOMPARE(model.rowCount(), 2101); // everything, by position: nothing asked
    QVERIFY(asked.isEmpty());
    EventSearch s;
    s.kind = QStringLiteral("test.event");
    QVERIFY_OK(model.setSearch(s));
    QCOMPARE(asked.size(), 1);
    QVERIFY(model.isSearching());
    QVERIFY(!model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 0);
    answer(0);
    QCOMPARE(model.rowCount(), EventTableModel::kKeyChunk);
    QVERIFY(!model.isComplete());
    model.fetchMore({}); // (the model tester may have asked already, as a view scrolled down would)
    QCOMPARE(asked.size(), 2);
    QVERIFY(asked.at(1).after.has_value());
    model.fetchMore({}); // one question at a time
    QCOMPARE(asked.size(), 2);

    // Another search before the page came: the late page is dropped.
    EventSearch other = s;
    other.descending = false;
    QVERIFY_OK(model.setSearch(other));
    QCOMPARE(asked.size(), 3);
    answer(1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isSearching());
    answer(2);
    QCOMPARE(model.seqAt(0), quint64(2));

    // Every page, one after the other, as each arrives.
    model.fetchAll();
    QCOMPARE(asked.size(), 4);
    answer(3);
    QCOMPARE(model.rowCount(), 2100);
    QVERIFY(model.isComplete());
    QCOMPARE(model.seqAt(2099), quint64(2101));

    // A failing page: the rows so far stay and the failure is said.
    QVERIFY_OK(model.setSearch(s));
    answer(4);
    model.fetchMore({});
    asked.last().done(makeError(ErrorCode::Store, QStringLiteral("the server went away")));
    QCOMPARE(model.rowCount(), EventTableModel::kKeyChunk);
    QVERIFY(model.failure().has_value());
    QVERIFY(model.lastError().contains(QStringLiteral("went away")));
    QVERIFY(!model.canFetchMore({}));

    // The log grew while a page was on its way (a busy team log): the search is asked again once
    // that page is here, never cancelled by the growth itself.
    QVERIFY_OK(model.setSearch(other));
    const qsizetype waiting = asked.size();
    model.refresh();
    model.refresh();
    QCOMPARE(asked.size(), waiting);
    answer(int(waiting - 1));
    QCOMPARE(asked.size(), waiting + 1);
    QVERIFY(!asked.last().after.has_value());
    QVERIFY(model.isSearching());
    answer(int(waiting));
    QCOMPARE(model.rowCount(), EventTableModel::kKeyChunk);
    QVERIFY(!model.failure().has_value());
}

void TestEvidencePanel::browseSearchAndFilter() {
    EvidencePanel &p = *m_panel;
    auto *table = child<QTableView>(&p, "eventTable");
    EventTableModel *model = p.model();
    const quint64 size = m_f->store->size().value();
    // Everything, newest first: the row count is the store's size at once.
    QCOMPARE(quint64(model->rowCount()), size);
    QCOMPARE(model->seqAt(0), size);
    QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(child<QLabel>(&p, "matchCount")->text().contains(QString::number(size)));
    // Scrolling to the end shows the first event without loading the rest.
    table->scrollToBottom();
    QCOMPARE(model->data(model->index(model->rowCount() - 1, EventTableModel::Seq)).toString(),
             QStringLiteral("1"));

    // Ctrl+F, then type: the search applies as you type, the box green.
    QTest::keyClick(&p, Qt::Key_F, Qt::ControlModifier);
    auto *search = child<QLineEdit>(&p, "eventSearch");
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("needle"));
    QTRY_COMPARE(model->rowCount(), int(m_gen.needles));
    QCOMPARE(search->property("valid").toBool(), true);
    QVERIFY(model->isComplete());
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY(model->data(model->index(r, EventTableModel::Summary))
                    .toString()
                    .contains(QLatin1String("needle")));
    // A broken query: red, with the reason; the rows stay.
    QTest::keyClicks(search, QStringLiteral(" \"unclosed"));
    QTRY_COMPARE(search->property("valid").toBool(), false);
    QCOMPARE(model->rowCount(), int(m_gen.needles));
    QVERIFY(search->toolTip().contains(QLatin1String("quote")));
    search->clear();
    QTRY_COMPARE(quint64(model->rowCount()), size);
    // Ids with punctuation are searched as phrases.
    QTest::keyClicks(search, QStringLiteral("INC-%1").arg(m_incidentSeq));
    QTRY_COMPARE(model->rowCount(), 1); // the decision names it (the opening event gives it its number)
    search->clear();

    // Kind filter: the family entry and an exact kind.
    auto *kind = child<QComboBox>(&p, "kindFilter");
    kind->setCurrentIndex(kind->findData(QStringLiteral("note.publish_failed")));
    QTRY_VERIFY(!model->search().kind.isEmpty());
    model->fetchAll();
    QCOMPARE(model->rowCount(), int(m_gen.publishFailed));
    QCOMPARE(model->data(model->index(0, EventTableModel::Kind)).toString(),
             QStringLiteral("note.publish_failed"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("incident.")));
    QTRY_COMPARE(model->rowCount(), 2);
    kind->setCurrentIndex(0);
    // Scope filter, with a key-paged result that grows as it scrolls (canFetchMore / fetchMore).
    auto *scope = child<QComboBox>(&p, "scopeFilter");
    scope->setCurrentIndex(scope->findData(QStringLiteral("kl")));
    QTRY_COMPARE(model->search().scope, QStringLiteral("kl"));
    QCOMPARE(model->rowCount(), EventTableModel::kKeyChunk);
    QVERIFY(model->canFetchMore({}));
    // Only the first chunk is loaded, yet the exact number of matches arrives from a background
    // count on a connection of its own.
    auto *count = child<QLabel>(&p, "matchCount");
    QTRY_VERIFY2(count->text().contains(QLocale().toString(qint64(m_gen.scopeKl) + 3)),
                 qPrintable(count->text()));
    QVERIFY(count->text().contains(QLatin1String("loaded")));
    QCOMPARE(model->rowCount(), EventTableModel::kKeyChunk);
    table->scrollToBottom();
    QTRY_VERIFY(model->rowCount() > EventTableModel::kKeyChunk);
    model->fetchAll();
    QCOMPARE(model->rowCount(), int(m_gen.scopeKl) + 3); // + the incident, its decision and the attachment
    scope->setCurrentIndex(0);
    // Incident filter: everything about INC-n.
    auto *ref = child<QLineEdit>(&p, "refFilter");
    QTest::keyClicks(ref, QStringLiteral("INC-%1").arg(m_incidentSeq));
    QTRY_COMPARE(model->rowCount(), 2);
    ref->clear();
    QTRY_COMPARE(quint64(model->rowCount()), size);
    // Sorting by a header click runs in SQL.
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(EventTableModel::Kind) + 10, header->height() / 2));
    QTRY_COMPARE(model->search().sort, EventSort::Kind);
    const QString first = model->data(model->index(0, EventTableModel::Kind)).toString();
    const QString second = model->data(model->index(100, EventTableModel::Kind)).toString();
    QVERIFY(first <= second || !model->search().descending);
    table->horizontalHeader()->setSortIndicator(EventTableModel::Seq, Qt::DescendingOrder);
    QTRY_COMPARE(model->search().sort, EventSort::Seq);
}

void TestEvidencePanel::detailShowsVerifiedProofAndAttachment() {
    EvidencePanel &p = *m_panel;
    auto *table = child<QTableView>(&p, "eventTable");
    EventTableModel *model = p.model();
    // Click an imported event in the middle of the store.
    const int row = model->rowOfLoadedSeq(50000);
    table->scrollTo(model->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(row, 1)).center());
    QTRY_COMPARE(p.detailSeq(), quint64(50000));
    auto *proof = child<QLabel>(&p, "proofStatus");
    QCOMPARE(proof->property("verified").toBool(), true);
    QVERIFY(proof->text().contains(QLatin1String("verified now")));
    QCOMPARE(child<QLabel>(&p, "signatureStatus")->property("state").toString(), QStringLiteral("batch"));
    const StoredEvent e = m_f->store->event(50000).value();
    QCOMPARE(child<QLineEdit>(&p, "leafHash")->text(), QString::fromLatin1(e.leafHash.toHex()));
    QVERIFY(child<QPlainTextEdit>(&p, "canonicalView")->toPlainText().contains(QLatin1String("\"kind\": ")));
    // A signed event: signature verifies; its related events are listed and one click away.
    p.showEventDetail(m_incidentSeq);
    QCOMPARE(child<QLabel>(&p, "signatureStatus")->property("state").toString(), QStringLiteral("valid"));
    auto *related = child<QListView>(&p, "relatedList");
    QCOMPARE(related->model()->rowCount(), 2); // "About INC-n" and the decision
    QCOMPARE(related->model()->index(1, 0).data(LinesModel::ValueRole).toULongLong(), m_incidentSeq + 1);
    Q_EMIT related->activated(related->model()->index(1, 0));
    QCOMPARE(p.detailSeq(), m_incidentSeq + 1);
    // The attachment: listed with its SHA-256, shown inline, saved out byte for byte.
    p.showEventDetail(m_attachSeq);
    auto *attachments = child<QListView>(&p, "attachmentList");
    QCOMPARE(attachments->model()->rowCount(), 1);
    QVERIFY(child<QPlainTextEdit>(&p, "attachmentText")->isVisible());
    QCOMPARE(child<QPlainTextEdit>(&p, "attachmentText")->toPlainText(),
             QStringLiteral("Pass: 3\nFail: 0\n"));
    const QString out = m_f->dir.file(QStringLiteral("saved.txt"));
    QVERIFY(p.saveAttachment(attachments->model()->index(0, 0).data(LinesModel::ValueRole).toString(), out));
    QFile saved(out);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("Pass: 3\nFail: 0\n"));
}

void TestEvidencePanel::verifyAndExport() {
    EvidencePanel &p = *m_panel;
    const int before = countKind(*m_f->store, QStringLiteral("evidence.verified"));
    QSignalSpy verified(&p, &EvidencePanel::verifyFinished);
    QTest::mouseClick(child<QPushButton>(&p, "verifyStoreButton"), Qt::LeftButton);
    QVERIFY(p.isVerifying() || verified.count() == 1);
    // The GUI thread stays free: the table keeps answering while the store is recomputed.
    QVERIFY(p.model()->rowCount() > 0);
    QVERIFY(verified.wait(240000) || verified.count() == 1);
    QCOMPARE(verified.first().first().toBool(), true);
    QCOMPARE(countKind(*m_f->store, QStringLiteral("evidence.verified")), before + 1);
    QVERIFY(child<QLabel>(&p, "evidenceMessage")->text().contains(QLatin1String("Store intact")));

    // Export the current filter (the needle search) three ways.
    auto *search = child<QLineEdit>(&p, "eventSearch");
    search->setText(QStringLiteral("needle"));
    QTRY_COMPARE(p.model()->rowCount(), int(m_gen.needles));
    QSignalSpy exported(&p, &EvidencePanel::exportFinished);
    const QString json = m_f->dir.file(QStringLiteral("shown.json"));
    p.startExport(json, EvidencePanel::ExportFormat::Json);
    QVERIFY(exported.wait(60000));
    QCOMPARE(exported.takeFirst().first().toBool(), true);
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(jf.readAll());
    QCOMPARE(doc.array().size(), int(m_gen.needles));
    const QString csv = m_f->dir.file(QStringLiteral("shown.csv"));
    p.startExport(csv, EvidencePanel::ExportFormat::Csv);
    QVERIFY(exported.wait(60000));
    QFile cf(csv);
    QVERIFY(cf.open(QIODevice::ReadOnly));
    QCOMPARE(cf.readAll().count('\n'), int(m_gen.needles) + 1);
    const QString bundle = m_f->dir.file(QStringLiteral("shown.tar.zst"));
    p.startExport(bundle, EvidencePanel::ExportFormat::Bundle);
    QVERIFY(exported.wait(120000));
    QCOMPARE(exported.takeFirst().first().toBool(), true);
    auto checked = Bundle::verifyBundle(bundle);
    QVERIFY_OK(checked);
    QVERIFY(checked->valid);
    QCOMPARE(qint64(checked->events), m_gen.needles);
    search->clear();
}

void TestEvidencePanel::proofAndVerdictTabs() {
    EvidencePanel &p = *m_panel;
    child<QTabWidget>(&p, "evidenceTabs")->setCurrentIndex(1);
    ProofsView *proofs = p.proofs();
    QVERIFY(proofs->importFile(QStringLiteral(OPSCONSOLE_TEST_DATA "/captures/fi-failure-output.txt")));
    auto *banner = child<QLabel>(proofs, "proofVerdict");
    QCOMPARE(banner->property("verdict").toString(), QStringLiteral("FAIL"));
    auto *findings = child<QTreeWidget>(proofs, "proofFindings");
    QStringList layers;
    for (int i = 0; i < findings->topLevelItemCount(); ++i)
        layers << findings->topLevelItem(i)->data(0, Qt::UserRole).toString();
    QCOMPARE(layers, (QStringList{QStringLiteral("toolchain"), QStringLiteral("environment"),
                                  QStringLiteral("fault-injection")}));
    // The capture's sections, each with its verdict: the failing FI package.
    auto *sections = child<QTreeView>(proofs, "proofSections");
    QAbstractItemModelTester sectionsTester(sections->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(sections->isVisibleTo(proofs));
    QAbstractItemModel *rows = sections->model();
    QVERIFY(rows->rowCount() >= 1);
    bool failingSection = false;
    for (int i = 0; i < rows->rowCount(); ++i)
        failingSection = failingSection || (rows->index(i, ProofSectionModel::Name).data().toString() ==
                                                QLatin1String("example.org/edge/fi") &&
                                            rows->index(i, ProofSectionModel::Verdict).data().toString() ==
                                                QLatin1String("FAIL"));
    QVERIFY(failingSection);
    // Counts right-aligned, the verdict in the status colour.
    QCOMPARE(rows->index(0, ProofSectionModel::Failed).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(rows->index(0, ProofSectionModel::Verdict).data(Qt::ForegroundRole).isValid());
    QVERIFY(child<QLabel>(proofs, "proofsMessage")->text().contains(QLatin1String("Recorded as event")));
    QCOMPARE(countKind(*m_f->store, QStringLiteral("proof.summarized")), 1);
    auto *proofHistory = child<QListView>(proofs, "proofHistory");
    QCOMPARE(proofHistory->model()->rowCount(), 1);
    // The history row is read from the event by its typed reader; the capture went with it (one act).
    const QString row = proofHistory->model()->index(0, 0).data().toString();
    QVERIFY2(row.contains(QLatin1String("fi-failure-output.txt")), qPrintable(row));
    {
        EventSearch s;
        s.kind = QStringLiteral("proof.summarized");
        const quint64 seq = m_f->store->searchPage(s, std::nullopt, 1)->seqs.first();
        const auto summary = RecordedProofSummary::fromEvent(m_f->store->event(seq).value());
        QVERIFY(summary.has_value());
        QCOMPARE(summary->overall, QStringLiteral("FAIL"));
        QCOMPARE(m_f->store->event(seq - 1)->kind, QStringLiteral("evidence.attached"));
        QCOMPARE(m_f->store->blob(summary->captureSha256).ok(), true);
    }
    // Pasted text: nothing ran, so nothing is proven.
    child<QPlainTextEdit>(proofs, "pasteCapture")
        ->setPlainText(QStringLiteral("Not run: 3\nSKIP (registry unavailable)\n"));
    QTest::mouseClick(child<QPushButton>(proofs, "summarizePasteButton"), Qt::LeftButton);
    QCOMPARE(banner->property("verdict").toString(), QStringLiteral("INCOMPLETE"));

    child<QTabWidget>(&p, "evidenceTabs")->setCurrentIndex(2);
    auto *history = child<QListView>(&p, "verdictHistory");
    const QAbstractItemModel *verified = history->model();
    QAbstractItemModelTester tester(const_cast<QAbstractItemModel *>(verified),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(verified->rowCount(), 1);
    QCOMPARE(verified->index(0, 0).data(LinesModel::ValueRole).toULongLong(),
             0ULL); // "No verdict verified yet."
    QTest::mouseClick(child<QPushButton>(&p, "openVerdictDialog"), Qt::LeftButton);
    auto *dialog = p.findChild<QDialog *>(QStringLiteral("verdictDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    VerdictView *verdicts = dialog->findChild<VerdictView *>();
    QVERIFY(verdicts);
    QCOMPARE(verdicts, p.verdicts());
    test::TempDir dir;
    const QList<test::BundleEntry> entries{{QStringLiteral("logs/a.txt"), "Pass: 2\n"}};
    const QString bundlePath = dir.file(QStringLiteral("evidence.tar.gz"));
    QVERIFY(test::writeBundle(bundlePath, entries, test::Compression::Gzip));
    dir.write(QStringLiteral("score.json"), test::scoreFor(bundlePath, entries));
    const QString key = test::makeKey(dir, QStringLiteral("k"), QStringLiteral("ed25519"));
    QVERIFY(!key.isEmpty());
    QVERIFY(QFile::rename(dir.file(QStringLiteral("k.pub")), dir.file(QStringLiteral("verdict.pub"))));
    QVERIFY(test::signFile(key, QStringLiteral("ed25519"), dir.file(QStringLiteral("score.json")),
                           dir.file(QStringLiteral("verdict.sig")), true));
    QFile::remove(key);
    QVERIFY(verdicts->useFolder(dir.path()));
    QSignalSpy done(verdicts, &VerdictView::finished);
    QTest::mouseClick(child<QPushButton>(verdicts, "verifyVerdictButton"), Qt::LeftButton);
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), true);
    QCOMPARE(child<QLabel>(verdicts, "verdictBanner")->property("valid").toBool(), true);
    QCOMPARE(child<QTreeWidget>(verdicts, "verdictChecks")->topLevelItemCount(), 6);
    QVERIFY(child<QLabel>(verdicts, "verdictNetwork")->text().contains(QLatin1String("No network")));
    QVERIFY(child<QLabel>(verdicts, "verdictKey")->text().contains(QLatin1String("SHA256:")));
    QCOMPARE(countKind(*m_f->store, QStringLiteral("verdict.verified")), 1);
    // Recorded by the worker on a connection of its own, the window never waiting for it.
    QVERIFY2(child<QLabel>(verdicts, "verdictMessage")->text().contains(QLatin1String("Recorded as event")),
             qPrintable(child<QLabel>(verdicts, "verdictMessage")->text()));
    // The Verdicts tab lists it; double-clicking opens its event, with the four files attached.
    QCOMPARE(verified->rowCount(), 1);
    QVERIFY(verified->index(0, 0).data().toString().contains(QLatin1String("VALID")));
    const quint64 seq = verified->index(0, 0).data(LinesModel::ValueRole).toULongLong();
    QVERIFY(seq > 0);
    // Selected, with its recorded checks below the list.
    QCOMPARE(history->currentIndex().row(), 0);
    auto *recorded = child<QTreeWidget>(&p, "verdictRecordedChecks");
    QCOMPARE(recorded->topLevelItemCount(), 6);
    QVERIFY(recorded->topLevelItem(1)->text(1).contains(QLatin1String("ok")));
    // Closing hides the dialog and keeps the report for the next time it is opened.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
    QVERIFY(p.openVerdictDialog()->view()->report());
    dialog->hide();
    Q_EMIT history->activated(verified->index(0, 0));
    QCOMPARE(child<QTabWidget>(&p, "evidenceTabs")->currentIndex(), 0);
    QCOMPARE(p.detailSeq(), seq);
    QCOMPARE(child<QListView>(&p, "attachmentList")->model()->rowCount(), 4);
}

QTEST_MAIN(TestEvidencePanel)
#include "tst_evidencepanel.moc"
