#pragma once

#include <QLocale>

namespace ops::ui {

// Installs the console's and Qt's own translations for the locale (LANG picks it by default).
// Returns the language that was loaded, or QLocale::English when none was needed or found.
QLocale::Language installTranslations(const QLocale &locale = QLocale());

} // namespace ops::ui
