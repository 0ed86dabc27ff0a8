#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ops::ui {

QLocale::Language installTranslations(const QLocale &locale) {
    auto *app = QCoreApplication::instance();
    if (!app || locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QLocale::English;
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
