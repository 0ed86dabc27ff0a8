#pragma once

// What this program writes to its log (stderr, the journal) is one line a message that a reader's
// terminal shows as written: text from outside (an alert's labels, a server's answer, a file's
// content) cannot start a line of its own that looks like the program's, move the cursor, or turn
// text around.

#include <QString>
#include <QStringView>

namespace ops::LogText {

inline constexpr int kMaxChars = 4096; // one message; the rest is counted, not written

// Control, format and line-separator characters as \xNN (up to U+00FF) or \u{XXXX}; longer than
// kMaxChars cut with the count of what was left out.
QString escaped(QStringView text);

// Every message of this process passes through escaped() before the handler that was in place
// writes it.
void install();

} // namespace ops::LogText
