// The log is one line a message, whatever outside text a message carries.
#include "core/LogText.h"

#include <QLoggingCategory>
#include <QTest>

using namespace ops;

class TestLogText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void controlsAreShownNotObeyed_data();
    void controlsAreShownNotObeyed();
    void longMessagesAreCutAndCounted();
    void everyMessageOfTheProcessPassesThrough();
};

void TestLogText::controlsAreShownNotObeyed_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("logged");
    QTest::newRow("plain") << QStringLiteral("round 3: 12 targets, ok")
                           << QStringLiteral("round 3: 12 targets, ok");
    QTest::newRow("umlaut and emoji kept") << QStringLiteral("Prüfung 🚨") << QStringLiteral("Prüfung 🚨");
    // A label value that would start a line of its own looking like the monitor's.
    QTest::newRow("newline") << QStringLiteral("x\nopsconsole.monitor: round 9: all ok")
                             << QStringLiteral("x\\x0aopsconsole.monitor: round 9: all ok");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("a\\x0db");
    QTest::newRow("terminal escape") << QStringLiteral("\x1b[2Jcleared") << QStringLiteral("\\x1b[2Jcleared");
    QTest::newRow("C1 control") << QString(QChar(0x9b)) + QStringLiteral("31m") << QStringLiteral("\\x9b31m");
    QTest::newRow("line separator") << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b")
                                    << QStringLiteral("a\\u{2028}b");
    // Text turned around (a right-to-left override) reads as something else.
    QTest::newRow("bidi override") << QStringLiteral("ok") + QChar(0x202e) + QStringLiteral("deliaf")
                                   << QStringLiteral("ok\\u{202e}deliaf");
    QTest::newRow("tag character") << QStringLiteral("a") + QString::fromUcs4(U"\U000E0041") +
                                          QStringLiteral("b")
                                   << QStringLiteral("a\\u{e0041}b");
}

void TestLogText::controlsAreShownNotObeyed() {
    QFETCH(QString, text);
    QFETCH(QString, logged);
    QCOMPARE(LogText::escaped(text), logged);
}

void TestLogText::longMessagesAreCutAndCounted() {
    const QString text(LogText::kMaxChars + 100, QLatin1Char('a'));
    const QString out = LogText::escaped(text);
    QVERIFY(out.startsWith(QString(LogText::kMaxChars, QLatin1Char('a'))));
    QVERIFY2(out.endsWith(QStringLiteral("(100 more characters)")), qPrintable(out.right(40)));
}

namespace {
Q_LOGGING_CATEGORY(lcTest, "opsconsole.test")
QStringList g_seen;
void capture(QtMsgType, const QMessageLogContext &, const QString &message) {
    g_seen << message;
}
} // namespace

void TestLogText::everyMessageOfTheProcessPassesThrough() {
    const QtMessageHandler before = qInstallMessageHandler(capture);
    LogText::install(); // on top of capture, as on top of Qt's own handler in the programs
    qCWarning(lcTest).noquote() << "alertmanager: not recorded:"
                                << QStringLiteral("alertname=x\n\x1b[31mforged");
    qInstallMessageHandler(before);
    QCOMPARE(g_seen.size(), 1);
    QCOMPARE(g_seen.first(), QStringLiteral("alertmanager: not recorded: alertname=x\\x0a\\x1b[31mforged"));
}

QTEST_GUILESS_MAIN(TestLogText)
#include "tst_logtext.moc"
