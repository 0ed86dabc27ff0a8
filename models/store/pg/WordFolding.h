#pragma once

#include <optional>
#include <span>
#include <string>

namespace ops::pg {

// The team log's words fold letters beyond ASCII as the local file's search index does where that
// gives an ASCII letter: "Prüfung", "PRÜFUNG" and "Prufung" are all the word "prufung" in both. A
// letter that folds to no ASCII letter (ß, ø, ł, Greek, Cyrillic, …) still separates words on the
// team log (the "C" collation splits them).
struct FoldedLetter {
    char16_t from;
    char to; // the ASCII letter (lower case); 0: a mark removed from inside a word
};
std::span<const FoldedLetter> foldedLetters();
// The ASCII letter `c` folds to, 0 for a removed mark, nullopt when it does not fold.
std::optional<char> foldedLetter(char16_t c);
// The statement that creates opsconsole.fold_words(text): the same folding on the server.
std::string foldWordsFunctionSql();

} // namespace ops::pg
