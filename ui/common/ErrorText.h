#pragma once

#include "core/Result.h"

namespace ops::ui {

// What a window says about a refusal: the error's id rendered with its arguments in this
// application's translated words, naming the window's fields and buttons (never a command-line
// flag); the model's message when the error has no id. The command line prints the message.
QString errorText(const Error &error);

} // namespace ops::ui
