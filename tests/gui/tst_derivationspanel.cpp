// The Derivations panel driven like the reviewer's desk: records dropped in by the analyst (a bad
// one refused whole), buttons disabled with their reason for the wrong identity, the reviewer
// accepting, the risk owner's note, the signature shown as verifying, the handoff checklist
// filled in and the signed package exported and verified; then a re-derivation with its diff.
#include "DerivationFixture.h"
#include "PanelContext.h"

#include "derivations/DerivationsPanel.h"
#include "derivations/Handoff.h"
#include "store/Session.h"

#include "common/LinesModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

using namespace ops;
using namespace ops::ui;
using test::derivationData;
using test::DerivationRig;

class TestDerivationsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyStoreSaysWhatToDo();
    void dropReviewSignAndExport();
};

namespace {

template<typename T> T *child(QWidget *w, const char *name) {
    auto *c = w->findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qFatal("no %s", name);
    return c;
}

struct PanelRig : DerivationRig {
    Session session;
    void signInAs(const Signer &s) { session.unlockWith(Signer{s.name, s.key.duplicate()}); }
    std::unique_ptr<test::PanelContext> context;
    std::unique_ptr<DerivationsPanel> panel() {
        if (!context)
            context = std::make_unique<test::PanelContext>(f.store.get(), &session,
                                                           ConfigLoader::builtinDemo().value());
        auto p = std::make_unique<DerivationsPanel>(&context->app);
        p->resize(1100, 760);
        p->show();
        return p;
    }
};

// Drops local files on the panel, as a file manager would.
bool drop(QWidget *target, const QStringList &files) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &f : files)
        urls << QUrl::fromLocalFile(f);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return true;
}

QString statusOf(QTableView *queue, const QString &id) {
    const QAbstractItemModel *m = queue->model();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i, 0).data().toString() == id)
            return m->index(i, 3).data().toString();
    return {};
}

int rows(QTableView *queue) {
    return queue->model()->rowCount();
}

} // namespace

void TestDerivationsPanel::emptyStoreSaysWhatToDo() {
    PanelRig rig;
    auto p = rig.panel();
    QCOMPARE(rows(child<QTableView>(p.get(), "derivationQueue")), 0);
    QVERIFY(child<QLabel>(p.get(), "queueSummary")->text().contains(QLatin1String("import")));
    auto *banner = child<QLabel>(p.get(), "handoffBanner");
    QCOMPARE(banner->property("complete").toBool(), false);
    QVERIFY(banner->text().contains(QLatin1String("INCOMPLETE")));
    auto *accept = child<QPushButton>(p.get(), "acceptButton");
    QVERIFY(!accept->isEnabled());
    QVERIFY(!accept->toolTip().isEmpty());
    QVERIFY(!child<QPushButton>(p.get(), "exportHandoffButton")->isEnabled());
    // Only YAML files are taken by a drop.
    QVERIFY(!drop(p.get(), {derivationData(QStringLiteral("../config/good.yaml"))
                                .replace(QLatin1String(".yaml"), QLatin1String(".txt"))}));
}

void TestDerivationsPanel::dropReviewSignAndExport() {
    PanelRig rig;
    auto p = rig.panel();
    auto *queue = child<QTableView>(p.get(), "derivationQueue");
    auto *message = child<QLabel>(p.get(), "derivationsMessage");
    auto *accept = child<QPushButton>(p.get(), "acceptButton");
    auto *signButton = child<QPushButton>(p.get(), "signButton");
    auto *noteButton = child<QPushButton>(p.get(), "riskNoteButton");
    auto *reason = child<QLineEdit>(p.get(), "reviewReason");
    auto *why = child<QLabel>(p.get(), "actionWhy");

    // A bad file is refused whole: nothing written, every finding with file:line.
    rig.signInAs(rig.ana);
    test::TempDir dir;
    QFile good(derivationData(QStringLiteral("p90-cost.yaml")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QString bad = dir.write(
        QStringLiteral("tier-d.yaml"),
        good.readAll().replace("cost_tier: B", "cost_tier: D").replace("p90-cost-v1", "p90-cost-d"));
    const quint64 before = rig.size();
    QVERIFY(drop(p.get(), {derivationData(QStringLiteral("reference-capacity.yaml")), bad}));
    QCOMPARE(rig.size(), before);
    QVERIFY2(message->text().contains(QLatin1String("Nothing was written")), qPrintable(message->text()));
    QVERIFY(message->text().contains(bad + QStringLiteral(":7: cost_tier")));
    QCOMPARE(rows(queue), 0);

    // The examples, dropped by the analyst.
    QVERIFY(drop(p.get(), DerivationRig::exampleFiles()));
    QCOMPARE(rows(queue), 5);
    QVERIFY(message->text().contains(QLatin1String("Imported 5 record(s)")));
    p->selectRecord(QStringLiteral("p90-cost-v1"));
    QCOMPARE(p->currentRecord(), QStringLiteral("p90-cost-v1"));
    // Every rule green for a valid record.
    const QAbstractItemModel *rules = child<QListView>(p.get(), "ruleResults")->model();
    QAbstractItemModelTester rulesTester(const_cast<QAbstractItemModel *>(rules),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(rules->rowCount() >= 12);
    for (int i = 0; i < rules->rowCount(); ++i)
        QVERIFY2(rules->index(i, 0).data().toString().startsWith(QStringLiteral("✔")),
                 qPrintable(rules->index(i, 0).data().toString()));
    // The analyst cannot review; the reason is on the button.
    QVERIFY(!accept->isEnabled());
    QVERIFY2(accept->toolTip().contains(QLatin1String("needs the role reviewer")),
             qPrintable(accept->toolTip()));

    // The reviewer accepts every record.
    rig.signInAs(rig.rui);
    for (const char *id :
         {"reference-capacity-v1", "p90-cost-v1", "e-econ-min-v1", "e-pred-min-v1", "INFEASIBLE-power"}) {
        p->selectRecord(QLatin1String(id));
        QVERIFY2(accept->isEnabled(), qPrintable(accept->toolTip()));
        QTest::keyClicks(reason, QStringLiteral("reproduced from the pinned inputs"));
        QTest::mouseClick(accept, Qt::LeftButton);
        QVERIFY2(statusOf(queue, QLatin1String(id)).contains(QLatin1String("accepted")),
                 qPrintable(message->text()));
    }
    // A cost value waits for the risk owner's note: Sign says why.
    p->selectRecord(QStringLiteral("p90-cost-v1"));
    QVERIFY(!signButton->isEnabled());
    QVERIFY(signButton->toolTip().contains(QLatin1String("risk-owner note")));
    QVERIFY(why->text().startsWith(QLatin1String("Sign:")));
    rig.signInAs(rig.rita);
    for (const char *id : {"reference-capacity-v1", "p90-cost-v1"}) {
        p->selectRecord(QLatin1String(id));
        QVERIFY2(noteButton->isEnabled(), qPrintable(noteButton->toolTip()));
        QTest::keyClicks(reason,
                         QStringLiteral("Tier B from venue logs; reference capacity is non-deployment"));
        QTest::mouseClick(noteButton, Qt::LeftButton);
    }
    rig.signInAs(rig.rui);
    for (const char *id :
         {"reference-capacity-v1", "p90-cost-v1", "e-econ-min-v1", "e-pred-min-v1", "INFEASIBLE-power"}) {
        p->selectRecord(QLatin1String(id));
        QVERIFY2(signButton->isEnabled(), qPrintable(signButton->toolTip()));
        QTest::mouseClick(signButton, Qt::LeftButton);
        QVERIFY2(statusOf(queue, QLatin1String(id)).contains(QLatin1String("signed")),
                 qPrintable(message->text()));
    }
    // The INFEASIBLE is a successful outcome, and the signature is shown as verifying.
    QVERIFY(statusOf(queue, QStringLiteral("INFEASIBLE-power")).contains(QLatin1String("typed INFEASIBLE")));
    p->selectRecord(QStringLiteral("p90-cost-v1"));
    const QAbstractItemModel *history = child<QListView>(p.get(), "recordHistory")->model();
    bool verified = false;
    for (int i = 0; i < history->rowCount(); ++i)
        verified = verified || history->index(i, 0).data(LinesModel::ValueRole).toBool();
    QVERIFY(verified);

    // The handoff checklist: charter, threats, attestation; then the signed export.
    child<QTabWidget>(p.get(), "derivationTabs")->setCurrentIndex(1);
    auto *charter = child<QLineEdit>(p.get(), "charterEdit");
    charter->clear();
    QTest::keyClicks(charter, DerivationRig::exampleValues().join(QStringLiteral(", ")));
    QTest::mouseClick(child<QPushButton>(p.get(), "declareCharterButton"), Qt::LeftButton);
    QTest::keyClicks(child<QPlainTextEdit>(p.get(), "threatsEdit"),
                     QStringLiteral("cost logs cover one venue only"));
    QTest::mouseClick(child<QPushButton>(p.get(), "recordThreatsButton"), Qt::LeftButton);
    auto *banner = child<QLabel>(p.get(), "handoffBanner");
    QVERIFY(!banner->property("complete").toBool()); // not attested yet
    rig.signInAs(rig.ana);
    QTest::mouseClick(child<QPushButton>(p.get(), "attestButton"), Qt::LeftButton);
    QVERIFY2(banner->property("complete").toBool(), qPrintable(message->text()));
    const QAbstractItemModel *criteria = child<QListView>(p.get(), "handoffCriteria")->model();
    QVERIFY(criteria->rowCount() > 0);
    for (int i = 0; i < criteria->rowCount(); ++i)
        QVERIFY2(criteria->index(i, 0).data(LinesModel::ValueRole).toBool(),
                 qPrintable(criteria->index(i, 0).data().toString()));
    QCOMPARE(child<QListView>(p.get(), "eligibleList")->model()->rowCount(), 4);
    QCOMPARE(child<QListView>(p.get(), "blockingList")->model()->rowCount(), 1);
    auto *exportButton = child<QPushButton>(p.get(), "exportHandoffButton");
    QVERIFY(!exportButton->isEnabled()); // the analyst does not export
    rig.signInAs(rig.rui);
    QVERIFY2(exportButton->isEnabled(), qPrintable(exportButton->toolTip()));
    QTest::keyClicks(child<QLineEdit>(p.get(), "lockerEdit"), QStringLiteral("lou"));
    const QString pkg = dir.file(QStringLiteral("s03-handoff.tar.zst"));
    QVERIFY2(p->exportHandoffTo(pkg), qPrintable(message->text()));
    auto verify = Handoff::verifyPackage(pkg);
    QVERIFY_OK(verify);
    QVERIFY2(verify->valid, qPrintable(verify->problems().join(QStringLiteral("; "))));
    QVERIFY(verify->complete);
    QCOMPARE(verify->signatures, 5);

    // A re-derivation: the diff against the superseded record, dependents invalidated.
    child<QTabWidget>(p.get(), "derivationTabs")->setCurrentIndex(0);
    rig.signInAs(rig.ana);
    p->selectRecord(QStringLiteral("p90-cost-v1"));
    QTest::keyClicks(reason, QStringLiteral("trade logs found incomplete"));
    QVERIFY2(p->supersedeWith(derivationData(QStringLiteral("p90-cost-v2.yaml"))),
             qPrintable(message->text()));
    QCOMPARE(p->currentRecord(), QStringLiteral("p90-cost-v2"));
    auto *diff = child<QTableView>(p.get(), "supersedeDiff");
    QVERIFY(diff->isVisible());
    QStringList changed;
    for (int i = 0; i < diff->model()->rowCount(); ++i)
        changed << diff->model()->index(i, 0).data().toString();
    QCOMPARE(diff->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Superseded"));
    QVERIFY(changed.contains(QStringLiteral("cost_tier")));
    QVERIFY(changed.contains(QStringLiteral("value")));
    QVERIFY(!changed.contains(QStringLiteral("units")));
    QVERIFY(statusOf(queue, QStringLiteral("e-pred-min-v1")).contains(QLatin1String("invalidated")));
    QVERIFY(
        statusOf(queue, QStringLiteral("p90-cost-v1")).contains(QLatin1String("superseded by p90-cost-v2")));
    QVERIFY(!banner->property("complete").toBool());
    // Filters are done on the queue without touching the store.
    auto *tier = child<QComboBox>(p.get(), "tierFilter");
    tier->setCurrentIndex(tier->findText(QStringLiteral("INFEASIBLE")));
    QCOMPARE(rows(queue), 1);
    tier->setCurrentIndex(0);
    auto *status = child<QComboBox>(p.get(), "statusFilter");
    status->setCurrentIndex(status->findText(QStringLiteral("invalidated")));
    QCOMPARE(rows(queue), 2);
    status->setCurrentIndex(0);
    auto *author = child<QComboBox>(p.get(), "authorFilter");
    QCOMPARE(author->count(), 2);
    QCOMPARE(rows(queue), 6);

    // The queue is a model behind a sorting, filtering proxy; both keep Qt's model rules while
    // the reviewer sorts by state (a click on the header) and filters.
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(queue->model());
    QVERIFY(proxy);
    QAbstractItemModelTester sourceTester(proxy->sourceModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString selected = p->currentRecord();
    QTest::mouseClick(queue->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(queue->horizontalHeader()->sectionViewportPosition(3) + 5, 5));
    QCOMPARE(queue->horizontalHeader()->sortIndicatorSection(), 3);
    QStringList states;
    for (int i = 0; i < rows(queue); ++i)
        states << proxy->index(i, 3).data().toString();
    QVERIFY2(states.first().contains(QLatin1String("in review")) ||
                 states.first().contains(QLatin1String("accepted")) ||
                 states.first().contains(QLatin1String("signed")),
             qPrintable(states.join(QLatin1String(" | "))));
    QVERIFY2(states.last().contains(QLatin1String("invalidated")),
             qPrintable(states.join(QLatin1String(" | "))));
    QCOMPARE(p->currentRecord(), selected); // sorting keeps the record in view
    status->setCurrentIndex(status->findText(QStringLiteral("superseded")));
    QCOMPARE(rows(queue), 1);
    QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("p90-cost-v1"));
    QVERIFY(proxy->index(0, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    status->setCurrentIndex(0);
    QCOMPARE(rows(queue), 6);
}

QTEST_MAIN(TestDerivationsPanel)
#include "tst_derivationspanel.moc"
