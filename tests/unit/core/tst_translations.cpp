// Every user-visible string of the GUI is translated into German, and the committed
// translation sources are current with the code (lupdate is run here and compared).
#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void germanIsComplete();
    void sourcesAreCurrent();
};

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type;
};

static QList<Message> readTs(const QString &path) {
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                current = Message{context, {}, {}, {}};
            else if (xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(current);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

void TestTranslations::germanIsComplete() {
    const QList<Message> de = readTs(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/translations/opsconsole_de.ts"));
    QVERIFY(de.size() > 40);
    for (const Message &m : de) {
        QVERIFY2(m.type.isEmpty(),
                 qPrintable(QStringLiteral("%1: '%2' is %3").arg(m.context, m.source, m.type)));
        QVERIFY2(!m.translation.trimmed().isEmpty(), qPrintable(m.context + QStringLiteral(": ") + m.source));
        // Placeholders survive translation.
        QVERIFY2(m.source.contains(QStringLiteral("%n")) == m.translation.contains(QStringLiteral("%n")),
                 qPrintable(m.source));
        for (int n = 1; n <= 9; ++n) {
            const QString ph = QStringLiteral("%%1").arg(n);
            QVERIFY2(m.source.contains(ph) == m.translation.contains(ph), qPrintable(m.source));
        }
    }
}

void TestTranslations::sourcesAreCurrent() {
    ops::test::TempDir tmp;
    const QString ts = tmp.file(QStringLiteral("current_de.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(OPSCONSOLE_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral(OPSCONSOLE_UI_DIR),
                   QStringLiteral(OPSCONSOLE_MODELS_DIR), QStringLiteral(OPSCONSOLE_APP_DIR "/gui/main.cpp"),
                   QStringLiteral("-ts"), ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    QSet<QString> fromCode, committed;
    for (const Message &m : readTs(ts))
        fromCode.insert(m.context + QLatin1Char('|') + m.source);
    for (const Message &m : readTs(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/translations/opsconsole_de.ts")))
        committed.insert(m.context + QLatin1Char('|') + m.source);
    const QSet<QString> missing = fromCode - committed;
    const QSet<QString> stale = committed - fromCode;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not in opsconsole_de.ts (run make translations): ") +
                        QStringList(missing.begin(), missing.end()).join(QStringLiteral("; "))));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("stale in opsconsole_de.ts: ") +
                                         QStringList(stale.begin(), stale.end()).join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
