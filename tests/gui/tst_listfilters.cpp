// The proxies the Incidents and Launch panels list through: the runs (in progress and the open
// one; finished ones when asked; rollbacks first, newest first) and the launch checklist (all,
// not holding yet, failed or stale; sorted by any column, the check column in runbook order).
// QAbstractItemModelTester watches every model and proxy while they change.
#include "incidents/RunListModel.h"
#include "launch/LaunchChecklistModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ops;
using namespace ops::ui;

class TestListFilters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsInProgressFirstFinishedWhenAsked();
    void checklistNarrowedAndSorted();
};

namespace {

RunbookRun run(const QString &id, bool rollback, qint64 startedMs, bool finished,
               const QString &runbook = QStringLiteral("rollback-checklist")) {
    RunbookRun r;
    r.id = id;
    r.runbook = runbook;
    r.title = id;
    r.scope = QStringLiteral("kl");
    r.rollback = rollback;
    r.startedMs = startedMs;
    r.finished = finished;
    return r;
}

QStringList ids(const QAbstractItemModel &m, int role) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, 0).data(role).toString();
    return out;
}

LaunchCheck check(const QString &id, StepStatus status, qint64 tsMs, const QString &stale = {}) {
    LaunchCheck c;
    c.step.id = id;
    c.status = status;
    c.tsMs = tsMs;
    if (!stale.isEmpty())
        c.stale = Phrase(stale);
    return c;
}

} // namespace

void TestListFilters::runsInProgressFirstFinishedWhenAsked() {
    RunListModel model;
    RunListFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({run(QStringLiteral("RUN-1"), false, 1000, false, QStringLiteral("bad-pack-kill-switch")),
                   run(QStringLiteral("RUN-2"), true, 2000, true),
                   run(QStringLiteral("RUN-3"), true, 3000, false),
                   run(QStringLiteral("RUN-4"), false, 4000, false, QStringLiteral("launch-day-validation")),
                   run(QStringLiteral("RUN-5"), false, 5000, false, QStringLiteral("bad-pack-kill-switch")),
                   run(QStringLiteral("RUN-6"), false, 6000, true, QStringLiteral("bad-pack-kill-switch"))});
    // The launch lives in the Launch panel.
    QCOMPARE(model.rowCount(), 5);
    // In progress only: the rollback first, then the checklists newest first.
    QCOMPARE(ids(filter, RunListModel::IdRole),
             (QStringList{QStringLiteral("RUN-3"), QStringLiteral("RUN-5"), QStringLiteral("RUN-1")}));
    // The run the operator has open stays listed once finished.
    filter.setOpenRun(QStringLiteral("RUN-6"));
    QCOMPARE(ids(filter, RunListModel::IdRole),
             (QStringList{QStringLiteral("RUN-3"), QStringLiteral("RUN-5"), QStringLiteral("RUN-1"),
                          QStringLiteral("RUN-6")}));
    QVERIFY(filter.index(3, 0).data().toString().contains(QStringLiteral("finished")));
    QVERIFY(!filter.index(0, 0).data().toString().contains(QStringLiteral("finished")));
    // Finished ones when asked, after the rest, rollbacks first there too.
    filter.setOpenRun({});
    filter.setShowFinished(true);
    QCOMPARE(ids(filter, RunListModel::IdRole),
             (QStringList{QStringLiteral("RUN-3"), QStringLiteral("RUN-5"), QStringLiteral("RUN-1"),
                          QStringLiteral("RUN-2"), QStringLiteral("RUN-6")}));
    QCOMPARE(filter.rowOf(QStringLiteral("RUN-2")), 3);
    QCOMPARE(filter.idAt(4), QStringLiteral("RUN-6"));
    QVERIFY(filter.idAt(5).isEmpty());
    // A new read of the log keeps the order (the proxy sorts what it is given).
    model.setRuns(
        {run(QStringLiteral("RUN-7"), true, 7000, false), run(QStringLiteral("RUN-3"), true, 3000, false)});
    QCOMPARE(ids(filter, RunListModel::IdRole),
             (QStringList{QStringLiteral("RUN-7"), QStringLiteral("RUN-3")}));
}

void TestListFilters::checklistNarrowedAndSorted() {
    LaunchChecklistModel model;
    LaunchChecklistFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.sort(LaunchChecklistModel::Check);
    model.setChecks(
        {check(QStringLiteral("config-snapshot"), StepStatus::Done, 3000),
         check(QStringLiteral("build-checksums"), StepStatus::Done, 1000, QStringLiteral("files changed")),
         check(QStringLiteral("live-app-fetch"), StepStatus::Failed, 2000),
         check(QStringLiteral("archive"), StepStatus::Pending, 0)});
    const int step = LaunchChecklistModel::StepRole;
    // Runbook order, whatever the names.
    QCOMPARE(ids(filter, step),
             (QStringList{QStringLiteral("config-snapshot"), QStringLiteral("build-checksums"),
                          QStringLiteral("live-app-fetch"), QStringLiteral("archive")}));
    filter.setShown(LaunchChecklistFilter::NotHolding);
    QCOMPARE(ids(filter, step), (QStringList{QStringLiteral("build-checksums"),
                                             QStringLiteral("live-app-fetch"), QStringLiteral("archive")}));
    // A stale check is not a holding one, and counts among the failed.
    filter.setShown(LaunchChecklistFilter::Failed);
    QCOMPARE(ids(filter, step),
             (QStringList{QStringLiteral("build-checksums"), QStringLiteral("live-app-fetch")}));
    QCOMPARE(filter.rowOf(QStringLiteral("live-app-fetch")), 1);
    QCOMPARE(filter.rowOf(QStringLiteral("archive")), -1);
    filter.setShown(LaunchChecklistFilter::All);
    // By status: failed and stale first, then pending, the holding ones last.
    filter.sort(LaunchChecklistModel::Status);
    QCOMPARE(filter.stepAt(3), QStringLiteral("config-snapshot"));
    QCOMPARE(filter.stepAt(2), QStringLiteral("archive"));
    // By time, newest first.
    filter.sort(LaunchChecklistModel::When, Qt::DescendingOrder);
    QCOMPARE(ids(filter, step),
             (QStringList{QStringLiteral("config-snapshot"), QStringLiteral("live-app-fetch"),
                          QStringLiteral("build-checksums"), QStringLiteral("archive")}));
}

QTEST_MAIN(TestListFilters)
#include "tst_listfilters.moc"
