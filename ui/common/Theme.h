#pragma once

#include <QString>

class QApplication;

namespace ops::ui {

enum class Theme { System, Light, Dark };

QString themeKey(Theme theme);
Theme themeFromKey(const QString &key);
void applyTheme(Theme theme);

} // namespace ops::ui
