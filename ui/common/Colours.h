#pragma once

#include <QColor>
#include <QLatin1String>
#include <QPalette>

// The status colours every panel uses: one red, one green, one amber.
namespace ops::ui::colours {

// As backgrounds under white text (banners, badges) and as text on a light theme: at least 4.5:1
// on its surfaces (white and the window's #efefef), as the dark-theme test measures.
inline constexpr const char *kRed = "#b3261e";
inline constexpr const char *kGreen = "#18783a";
inline constexpr const char *kAmber = "#8f6000";
// Unknown and not judged (grey), and a state beside the three (purple): backgrounds under white text.
inline constexpr const char *kGrey = "#5f6672";
inline constexpr const char *kPurple = "#7b4f9d";
// The development environment's badge (staging is amber, production red).
inline constexpr const char *kBlue = "#1565c0";

// The same colour as text on the palette's base. Dark red on a dark theme measures about 2:1, so a
// dark palette gets a light shade of each (5.1:1 to 8.7:1 on the dark theme's surfaces); a light
// one the colour itself.
inline QColor onBase(const char *colour, const QPalette &palette) {
    const QLatin1String c(colour);
    if (palette.color(QPalette::Base).lightness() >= 128)
        return QColor(c);
    if (c == QLatin1String(kRed))
        return QColor(QLatin1String("#ff8a80"));
    if (c == QLatin1String(kGreen))
        return QColor(QLatin1String("#81c995"));
    if (c == QLatin1String(kAmber))
        return QColor(QLatin1String("#fdd663"));
    return QColor(c);
}

} // namespace ops::ui::colours
