#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ops::ui {

QLocale::Language installTranslations(const QLocale &locale) {
    auto *app = QCoreApplication::instance();
    if (!app)
        return QLocale::English;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // The source texts are English; the English file only gives the plurals ("1 event").
        auto *plurals = new QTranslator(app);
        if (plurals->load(QStringLiteral("opsconsole_en"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(plurals);
        else
            delete plurals;
        return QLocale::English;
    }
    auto *ours = new QTranslator(app);
    if (!ours->load(locale, QStringLiteral("opsconsole"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QLocale::English;
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.language();
}

} // namespace ops::ui
