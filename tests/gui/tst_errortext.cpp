// A refusal in the window's words: the models' errors carry an id and arguments, the command line
// prints their message (with its flags), the window renders them naming its own fields and
// buttons, in English and in German, never a command-line flag.
#include "common/ErrorText.h"
#include "common/Translations.h"

#include <QApplication>
#include <QTest>

using namespace ops;
using namespace ops::ui;

class TestErrorText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachIdInEnglishAndGerman();
};

namespace {

QList<Error> refusals() {
    return {
        makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("step rebind needs an attachment (--attach FILE), a confirmation (--confirm) "
                           "before it can be done"),
            QStringLiteral("rebind"))
            .said(QStringLiteral("step.needs"),
                  {QStringLiteral("rebind"), QStringLiteral("attachment"), QStringLiteral("confirmation")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("check app-fetch needs a note (--evidence TEXT)"))
            .said(QStringLiteral("check.needs"), {QStringLiteral("app-fetch"), QStringLiteral("note")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("a failed step needs its reason (--reason)"))
            .said(QStringLiteral("step.reason"), {QStringLiteral("failed")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("a failed check needs its reason (--reason)"))
            .said(QStringLiteral("check.reason"), {}),
        makeError(ErrorCode::InvalidInput,
                  QStringLiteral("check first-publish needs a note (--evidence TEXT)"))
            .said(QStringLiteral("check.observed"), {QStringLiteral("first-publish")}),
        makeError(ErrorCode::InvalidInput,
                  QStringLiteral("no launch has been started (launch start --scope S --build ID)"))
            .said(QStringLiteral("launch.none"), {}),
        makeError(ErrorCode::Store, QStringLiteral("the team-log search gave up after 15 s"))
            .said(QStringLiteral("search.timeout"), {QStringLiteral("15")})};
}

} // namespace

void TestErrorText::eachIdInEnglishAndGerman() {
    QStringList english;
    for (const Error &e : refusals()) {
        const QString text = errorText(e);
        QVERIFY2(!text.contains(QStringLiteral("--")), qPrintable(text));
        QVERIFY2(text != e.message, qPrintable(text)); // rendered, not the command line's message
        english << text;
    }
    QVERIFY2(english.first().contains(QStringLiteral("Attach file…")) &&
                 english.first().contains(QStringLiteral("rebind")),
             qPrintable(english.first()));
    // Without an id, the message is what there is.
    const Error plain = makeError(ErrorCode::Policy, QStringLiteral("a plain refusal"));
    QCOMPARE(errorText(plain), QStringLiteral("a plain refusal"));
    // In German: every one translated, still no flag.
    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    const QList<Error> all = refusals();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString german = errorText(all.at(i));
        QVERIFY2(german != english.at(i), qPrintable(german));
        QVERIFY2(!german.contains(QStringLiteral("--")), qPrintable(german));
    }
    QVERIFY2(errorText(all.first()).contains(QStringLiteral("Schritt rebind")),
             qPrintable(errorText(all.first())));
}

QTEST_MAIN(TestErrorText)
#include "tst_errortext.moc"
