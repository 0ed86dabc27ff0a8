#pragma once

// The status colours every panel uses: one red, one green, one amber, readable on light and dark.
namespace ops::ui::colours {

inline constexpr const char *kRed = "#b3261e";
inline constexpr const char *kGreen = "#1b7f3b";
inline constexpr const char *kAmber = "#9a6700";

} // namespace ops::ui::colours
