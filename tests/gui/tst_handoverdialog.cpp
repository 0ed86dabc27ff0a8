// The shift handover dialog (File ▸ Shift handover…), driven as an operator would: the brief
// previews what is open, the outgoing operator signs it, the incoming one acknowledges it once,
// and a PDF copy is saved.
#include "PanelContext.h"
#include "StoreFixture.h"

#include "core/DeploymentConfig.h"
#include "incidents/IncidentActions.h"
#include "reports/HandoverDialog.h"
#include "runbooks/Runbook.h"
#include "store/Session.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace ops;
using namespace ops::ui;

class TestHandoverDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signAcknowledgeAndSave();
};

void TestHandoverDialog::signAcknowledgeAndSave() {
    test::StoreFixture f(true, {QStringLiteral("operator"), QStringLiteral("incident-owner")});
    const Signer bob = test::makeSigner(QStringLiteral("bob"));
    QVERIFY_OK(f.enrol(bob, {QStringLiteral("operator")}));
    const Signer carol = test::makeSigner(QStringLiteral("carol"));
    QVERIFY_OK(f.enrol(carol, {QStringLiteral("operator")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::forDirectory(config.runbooksDir);
    const Time::Clock clock = [&f] { return f.now += 1000; };
    IncidentActions actions(*f.store, f.alice, config, library, clock);
    QVERIFY_OK(actions.activateKillSwitch(QStringLiteral("bad-pack"), QStringLiteral("kl"),
                                          QStringLiteral("wrong active pack"), {},
                                          QStringLiteral("validated by hand")));

    Session session;
    test::PanelContext context(f.store.get(), &session, config);
    HandoverDialog dialog(&context.app, clock);
    dialog.show();
    auto *preview = dialog.findChild<QTextBrowser *>(QStringLiteral("handoverPreview"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("handoverStatus"));
    QVERIFY2(preview->toPlainText().contains(QLatin1String("Kill switches active")),
             qPrintable(preview->toPlainText()));
    QVERIFY(preview->toPlainText().contains(QLatin1String("bad-pack in kl")));

    // Nobody signed in: nothing is signed.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("handoverSign")), Qt::LeftButton);
    QVERIFY(status->text().contains(QLatin1String("Sign in first")));

    session.unlockWith(Signer{f.alice.name, f.alice.key.duplicate()});
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("handoverTo")), QStringLiteral("bob"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("handoverSign")), Qt::LeftButton);
    QVERIFY2(status->text().startsWith(QLatin1String("Handed over")), qPrintable(status->text()));
    QVERIFY(preview->toPlainText().contains(QLatin1String("from alice to bob")));
    // The giver cannot take it.
    QVERIFY(!dialog.acknowledge());
    QVERIFY(status->text().contains(QLatin1String("incoming operator")));

    // Nor someone it is not addressed to.
    session.unlockWith(Signer{carol.name, carol.key.duplicate()});
    QVERIFY(!dialog.acknowledge());
    QVERIFY2(status->text().contains(QLatin1String("addressed to bob")), qPrintable(status->text()));

    session.unlockWith(Signer{bob.name, bob.key.duplicate()});
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("handoverAck")), Qt::LeftButton);
    QVERIFY2(status->text().startsWith(QLatin1String("Acknowledged the handover of alice")),
             qPrintable(status->text()));
    QVERIFY(!dialog.acknowledge()); // once

    const QString pdf = f.dir.file(QStringLiteral("handover.pdf"));
    QVERIFY(dialog.savePdf(pdf));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));

    EventFilter byKind;
    byKind.kind = QStringLiteral("handover.given");
    auto given = f.store->query(byKind);
    QVERIFY_OK(given);
    QCOMPARE(given->size(), 1);
    QCOMPARE(given->first().actor, QStringLiteral("alice"));
    QCOMPARE(given->first().payload().stringAt("to"), QStringLiteral("bob"));
    byKind.kind = QStringLiteral("handover.acknowledged");
    auto acked = f.store->query(byKind);
    QVERIFY_OK(acked);
    QCOMPARE(acked->size(), 1);
    QCOMPARE(acked->first().actor, QStringLiteral("bob"));
    QCOMPARE(acked->first().payload().stringAt("brief_sha256"),
             given->first().payload().stringAt("brief_sha256"));
}

QTEST_MAIN(TestHandoverDialog)
#include "tst_handoverdialog.moc"
