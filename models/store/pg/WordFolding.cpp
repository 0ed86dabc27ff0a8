// How the team log folds letters beyond ASCII in its words (WordFolding.h).
#include "WordFolding.h"

#include <algorithm>
#include <array>

namespace ops::pg {

namespace {

// Every character below U+10000 that SQLite's FTS5 tokenizer (unicode61, remove_diacritics 2, the
// local file's search index) folds to one ASCII letter, with that letter, and the combining marks
// it removes from inside a word (0). Sorted by character. tst_evidencestore checks it against the
// tokenizer itself, character by character.
constexpr std::array kFolded = std::to_array<FoldedLetter>({
    {u'\u00C0', 'a'}, {u'\u00C1', 'a'}, {u'\u00C2', 'a'}, {u'\u00C3', 'a'}, {u'\u00C4', 'a'},
    {u'\u00C5', 'a'}, {u'\u00C7', 'c'}, {u'\u00C8', 'e'}, {u'\u00C9', 'e'}, {u'\u00CA', 'e'},
    {u'\u00CB', 'e'}, {u'\u00CC', 'i'}, {u'\u00CD', 'i'}, {u'\u00CE', 'i'}, {u'\u00CF', 'i'},
    {u'\u00D1', 'n'}, {u'\u00D2', 'o'}, {u'\u00D3', 'o'}, {u'\u00D4', 'o'}, {u'\u00D5', 'o'},
    {u'\u00D6', 'o'}, {u'\u00D9', 'u'}, {u'\u00DA', 'u'}, {u'\u00DB', 'u'}, {u'\u00DC', 'u'},
    {u'\u00DD', 'y'}, {u'\u00E0', 'a'}, {u'\u00E1', 'a'}, {u'\u00E2', 'a'}, {u'\u00E3', 'a'},
    {u'\u00E4', 'a'}, {u'\u00E5', 'a'}, {u'\u00E7', 'c'}, {u'\u00E8', 'e'}, {u'\u00E9', 'e'},
    {u'\u00EA', 'e'}, {u'\u00EB', 'e'}, {u'\u00EC', 'i'}, {u'\u00ED', 'i'}, {u'\u00EE', 'i'},
    {u'\u00EF', 'i'}, {u'\u00F1', 'n'}, {u'\u00F2', 'o'}, {u'\u00F3', 'o'}, {u'\u00F4', 'o'},
    {u'\u00F5', 'o'}, {u'\u00F6', 'o'}, {u'\u00F9', 'u'}, {u'\u00FA', 'u'}, {u'\u00FB', 'u'},
    {u'\u00FC', 'u'}, {u'\u00FD', 'y'}, {u'\u00FF', 'y'}, {u'\u0100', 'a'}, {u'\u0101', 'a'},
    {u'\u0102', 'a'}, {u'\u0103', 'a'}, {u'\u0104', 'a'}, {u'\u0105', 'a'}, {u'\u0106', 'c'},
    {u'\u0107', 'c'}, {u'\u0108', 'c'}, {u'\u0109', 'c'}, {u'\u010A', 'c'}, {u'\u010B', 'c'},
    {u'\u010C', 'c'}, {u'\u010D', 'c'}, {u'\u010E', 'd'}, {u'\u010F', 'd'}, {u'\u0112', 'e'},
    {u'\u0113', 'e'}, {u'\u0114', 'e'}, {u'\u0115', 'e'}, {u'\u0116', 'e'}, {u'\u0117', 'e'},
    {u'\u0118', 'e'}, {u'\u0119', 'e'}, {u'\u011A', 'e'}, {u'\u011B', 'e'}, {u'\u011C', 'g'},
    {u'\u011D', 'g'}, {u'\u011E', 'g'}, {u'\u011F', 'g'}, {u'\u0120', 'g'}, {u'\u0121', 'g'},
    {u'\u0122', 'g'}, {u'\u0123', 'g'}, {u'\u0124', 'h'}, {u'\u0125', 'h'}, {u'\u0128', 'i'},
    {u'\u0129', 'i'}, {u'\u012A', 'i'}, {u'\u012B', 'i'}, {u'\u012C', 'i'}, {u'\u012D', 'i'},
    {u'\u012E', 'i'}, {u'\u012F', 'i'}, {u'\u0130', 'i'}, {u'\u0134', 'j'}, {u'\u0135', 'j'},
    {u'\u0136', 'k'}, {u'\u0137', 'k'}, {u'\u0139', 'l'}, {u'\u013A', 'l'}, {u'\u013B', 'l'},
    {u'\u013C', 'l'}, {u'\u013D', 'l'}, {u'\u013E', 'l'}, {u'\u0143', 'n'}, {u'\u0144', 'n'},
    {u'\u0145', 'n'}, {u'\u0146', 'n'}, {u'\u0147', 'n'}, {u'\u0148', 'n'}, {u'\u014C', 'o'},
    {u'\u014D', 'o'}, {u'\u014E', 'o'}, {u'\u014F', 'o'}, {u'\u0150', 'o'}, {u'\u0151', 'o'},
    {u'\u0154', 'r'}, {u'\u0155', 'r'}, {u'\u0156', 'r'}, {u'\u0157', 'r'}, {u'\u0158', 'r'},
    {u'\u0159', 'r'}, {u'\u015A', 's'}, {u'\u015B', 's'}, {u'\u015C', 's'}, {u'\u015D', 's'},
    {u'\u015E', 's'}, {u'\u015F', 's'}, {u'\u0160', 's'}, {u'\u0161', 's'}, {u'\u0162', 't'},
    {u'\u0163', 't'}, {u'\u0164', 't'}, {u'\u0165', 't'}, {u'\u0168', 'u'}, {u'\u0169', 'u'},
    {u'\u016A', 'u'}, {u'\u016B', 'u'}, {u'\u016C', 'u'}, {u'\u016D', 'u'}, {u'\u016E', 'u'},
    {u'\u016F', 'u'}, {u'\u0170', 'u'}, {u'\u0171', 'u'}, {u'\u0172', 'u'}, {u'\u0173', 'u'},
    {u'\u0174', 'w'}, {u'\u0175', 'w'}, {u'\u0176', 'y'}, {u'\u0177', 'y'}, {u'\u0178', 'y'},
    {u'\u0179', 'z'}, {u'\u017A', 'z'}, {u'\u017B', 'z'}, {u'\u017C', 'z'}, {u'\u017D', 'z'},
    {u'\u017E', 'z'}, {u'\u017F', 's'}, {u'\u01A0', 'o'}, {u'\u01A1', 'o'}, {u'\u01AF', 'u'},
    {u'\u01B0', 'u'}, {u'\u01CD', 'a'}, {u'\u01CE', 'a'}, {u'\u01CF', 'i'}, {u'\u01D0', 'i'},
    {u'\u01D1', 'o'}, {u'\u01D2', 'o'}, {u'\u01D3', 'u'}, {u'\u01D4', 'u'}, {u'\u01D5', 'u'},
    {u'\u01D6', 'u'}, {u'\u01D7', 'u'}, {u'\u01D8', 'u'}, {u'\u01D9', 'u'}, {u'\u01DA', 'u'},
    {u'\u01DB', 'u'}, {u'\u01DC', 'u'}, {u'\u01DE', 'a'}, {u'\u01DF', 'a'}, {u'\u01E6', 'g'},
    {u'\u01E7', 'g'}, {u'\u01E8', 'k'}, {u'\u01E9', 'k'}, {u'\u01EA', 'o'}, {u'\u01EB', 'o'},
    {u'\u01EC', 'o'}, {u'\u01ED', 'o'}, {u'\u01F0', 'j'}, {u'\u01F4', 'g'}, {u'\u01F5', 'g'},
    {u'\u01F8', 'n'}, {u'\u01F9', 'n'}, {u'\u01FA', 'a'}, {u'\u01FB', 'a'}, {u'\u0200', 'a'},
    {u'\u0201', 'a'}, {u'\u0202', 'a'}, {u'\u0203', 'a'}, {u'\u0204', 'e'}, {u'\u0205', 'e'},
    {u'\u0206', 'e'}, {u'\u0207', 'e'}, {u'\u0208', 'i'}, {u'\u0209', 'i'}, {u'\u020A', 'i'},
    {u'\u020B', 'i'}, {u'\u020C', 'o'}, {u'\u020D', 'o'}, {u'\u020E', 'o'}, {u'\u020F', 'o'},
    {u'\u0210', 'r'}, {u'\u0211', 'r'}, {u'\u0212', 'r'}, {u'\u0213', 'r'}, {u'\u0214', 'u'},
    {u'\u0215', 'u'}, {u'\u0216', 'u'}, {u'\u0217', 'u'}, {u'\u0218', 's'}, {u'\u0219', 's'},
    {u'\u021A', 't'}, {u'\u021B', 't'}, {u'\u021E', 'h'}, {u'\u021F', 'h'}, {u'\u0226', 'a'},
    {u'\u0227', 'a'}, {u'\u0228', 'e'}, {u'\u0229', 'e'}, {u'\u022A', 'o'}, {u'\u022B', 'o'},
    {u'\u022C', 'o'}, {u'\u022D', 'o'}, {u'\u022E', 'o'}, {u'\u022F', 'o'}, {u'\u0230', 'o'},
    {u'\u0231', 'o'}, {u'\u0232', 'y'}, {u'\u0233', 'y'}, {u'\u0300', 0},   {u'\u0301', 0},
    {u'\u0302', 0},   {u'\u0303', 0},   {u'\u0304', 0},   {u'\u0306', 0},   {u'\u0307', 0},
    {u'\u0308', 0},   {u'\u0309', 0},   {u'\u030A', 0},   {u'\u030B', 0},   {u'\u030C', 0},
    {u'\u030F', 0},   {u'\u0311', 0},   {u'\u031B', 0},   {u'\u0323', 0},   {u'\u0324', 0},
    {u'\u0325', 0},   {u'\u0326', 0},   {u'\u0327', 0},   {u'\u0328', 0},   {u'\u032D', 0},
    {u'\u032E', 0},   {u'\u0330', 0},   {u'\u0331', 0},   {u'\u1E00', 'a'}, {u'\u1E01', 'a'},
    {u'\u1E02', 'b'}, {u'\u1E03', 'b'}, {u'\u1E04', 'b'}, {u'\u1E05', 'b'}, {u'\u1E06', 'b'},
    {u'\u1E07', 'b'}, {u'\u1E08', 'c'}, {u'\u1E09', 'c'}, {u'\u1E0A', 'd'}, {u'\u1E0B', 'd'},
    {u'\u1E0C', 'd'}, {u'\u1E0D', 'd'}, {u'\u1E0E', 'd'}, {u'\u1E0F', 'd'}, {u'\u1E10', 'd'},
    {u'\u1E11', 'd'}, {u'\u1E12', 'd'}, {u'\u1E13', 'd'}, {u'\u1E14', 'e'}, {u'\u1E15', 'e'},
    {u'\u1E16', 'e'}, {u'\u1E17', 'e'}, {u'\u1E18', 'e'}, {u'\u1E19', 'e'}, {u'\u1E1A', 'e'},
    {u'\u1E1B', 'e'}, {u'\u1E1C', 'e'}, {u'\u1E1D', 'e'}, {u'\u1E1E', 'f'}, {u'\u1E1F', 'f'},
    {u'\u1E20', 'g'}, {u'\u1E21', 'g'}, {u'\u1E22', 'h'}, {u'\u1E23', 'h'}, {u'\u1E24', 'h'},
    {u'\u1E25', 'h'}, {u'\u1E26', 'h'}, {u'\u1E27', 'h'}, {u'\u1E28', 'h'}, {u'\u1E29', 'h'},
    {u'\u1E2A', 'h'}, {u'\u1E2B', 'h'}, {u'\u1E2C', 'i'}, {u'\u1E2D', 'i'}, {u'\u1E2E', 'i'},
    {u'\u1E2F', 'i'}, {u'\u1E30', 'k'}, {u'\u1E31', 'k'}, {u'\u1E32', 'k'}, {u'\u1E33', 'k'},
    {u'\u1E34', 'k'}, {u'\u1E35', 'k'}, {u'\u1E36', 'l'}, {u'\u1E37', 'l'}, {u'\u1E38', 'l'},
    {u'\u1E39', 'l'}, {u'\u1E3A', 'l'}, {u'\u1E3B', 'l'}, {u'\u1E3C', 'l'}, {u'\u1E3D', 'l'},
    {u'\u1E3E', 'm'}, {u'\u1E3F', 'm'}, {u'\u1E40', 'm'}, {u'\u1E41', 'm'}, {u'\u1E42', 'm'},
    {u'\u1E43', 'm'}, {u'\u1E44', 'n'}, {u'\u1E45', 'n'}, {u'\u1E46', 'n'}, {u'\u1E47', 'n'},
    {u'\u1E48', 'n'}, {u'\u1E49', 'n'}, {u'\u1E4A', 'n'}, {u'\u1E4B', 'n'}, {u'\u1E4C', 'o'},
    {u'\u1E4D', 'o'}, {u'\u1E4E', 'o'}, {u'\u1E4F', 'o'}, {u'\u1E50', 'o'}, {u'\u1E51', 'o'},
    {u'\u1E52', 'o'}, {u'\u1E53', 'o'}, {u'\u1E54', 'p'}, {u'\u1E55', 'p'}, {u'\u1E56', 'p'},
    {u'\u1E57', 'p'}, {u'\u1E58', 'r'}, {u'\u1E59', 'r'}, {u'\u1E5A', 'r'}, {u'\u1E5B', 'r'},
    {u'\u1E5C', 'r'}, {u'\u1E5D', 'r'}, {u'\u1E5E', 'r'}, {u'\u1E5F', 'r'}, {u'\u1E60', 's'},
    {u'\u1E61', 's'}, {u'\u1E62', 's'}, {u'\u1E63', 's'}, {u'\u1E64', 's'}, {u'\u1E65', 's'},
    {u'\u1E66', 's'}, {u'\u1E67', 's'}, {u'\u1E68', 's'}, {u'\u1E69', 's'}, {u'\u1E6A', 't'},
    {u'\u1E6B', 't'}, {u'\u1E6C', 't'}, {u'\u1E6D', 't'}, {u'\u1E6E', 't'}, {u'\u1E6F', 't'},
    {u'\u1E70', 't'}, {u'\u1E71', 't'}, {u'\u1E72', 'u'}, {u'\u1E73', 'u'}, {u'\u1E74', 'u'},
    {u'\u1E75', 'u'}, {u'\u1E76', 'u'}, {u'\u1E77', 'u'}, {u'\u1E78', 'u'}, {u'\u1E79', 'u'},
    {u'\u1E7A', 'u'}, {u'\u1E7B', 'u'}, {u'\u1E7C', 'v'}, {u'\u1E7D', 'v'}, {u'\u1E7E', 'v'},
    {u'\u1E7F', 'v'}, {u'\u1E80', 'w'}, {u'\u1E81', 'w'}, {u'\u1E82', 'w'}, {u'\u1E83', 'w'},
    {u'\u1E84', 'w'}, {u'\u1E85', 'w'}, {u'\u1E86', 'w'}, {u'\u1E87', 'w'}, {u'\u1E88', 'w'},
    {u'\u1E89', 'w'}, {u'\u1E8A', 'x'}, {u'\u1E8B', 'x'}, {u'\u1E8C', 'x'}, {u'\u1E8D', 'x'},
    {u'\u1E8E', 'y'}, {u'\u1E8F', 'y'}, {u'\u1E90', 'z'}, {u'\u1E91', 'z'}, {u'\u1E92', 'z'},
    {u'\u1E93', 'z'}, {u'\u1E94', 'z'}, {u'\u1E95', 'z'}, {u'\u1E96', 'h'}, {u'\u1E97', 't'},
    {u'\u1E98', 'w'}, {u'\u1E99', 'y'}, {u'\u1E9B', 's'}, {u'\u1EA0', 'a'}, {u'\u1EA1', 'a'},
    {u'\u1EA2', 'a'}, {u'\u1EA3', 'a'}, {u'\u1EA4', 'a'}, {u'\u1EA5', 'a'}, {u'\u1EA6', 'a'},
    {u'\u1EA7', 'a'}, {u'\u1EA8', 'a'}, {u'\u1EA9', 'a'}, {u'\u1EAA', 'a'}, {u'\u1EAB', 'a'},
    {u'\u1EAC', 'a'}, {u'\u1EAD', 'a'}, {u'\u1EAE', 'a'}, {u'\u1EAF', 'a'}, {u'\u1EB0', 'a'},
    {u'\u1EB1', 'a'}, {u'\u1EB2', 'a'}, {u'\u1EB3', 'a'}, {u'\u1EB4', 'a'}, {u'\u1EB5', 'a'},
    {u'\u1EB6', 'a'}, {u'\u1EB7', 'a'}, {u'\u1EB8', 'e'}, {u'\u1EB9', 'e'}, {u'\u1EBA', 'e'},
    {u'\u1EBB', 'e'}, {u'\u1EBC', 'e'}, {u'\u1EBD', 'e'}, {u'\u1EBE', 'e'}, {u'\u1EBF', 'e'},
    {u'\u1EC0', 'e'}, {u'\u1EC1', 'e'}, {u'\u1EC2', 'e'}, {u'\u1EC3', 'e'}, {u'\u1EC4', 'e'},
    {u'\u1EC5', 'e'}, {u'\u1EC6', 'e'}, {u'\u1EC7', 'e'}, {u'\u1EC8', 'i'}, {u'\u1EC9', 'i'},
    {u'\u1ECA', 'i'}, {u'\u1ECB', 'i'}, {u'\u1ECC', 'o'}, {u'\u1ECD', 'o'}, {u'\u1ECE', 'o'},
    {u'\u1ECF', 'o'}, {u'\u1ED0', 'o'}, {u'\u1ED1', 'o'}, {u'\u1ED2', 'o'}, {u'\u1ED3', 'o'},
    {u'\u1ED4', 'o'}, {u'\u1ED5', 'o'}, {u'\u1ED6', 'o'}, {u'\u1ED7', 'o'}, {u'\u1ED8', 'o'},
    {u'\u1ED9', 'o'}, {u'\u1EDA', 'o'}, {u'\u1EDB', 'o'}, {u'\u1EDC', 'o'}, {u'\u1EDD', 'o'},
    {u'\u1EDE', 'o'}, {u'\u1EDF', 'o'}, {u'\u1EE0', 'o'}, {u'\u1EE1', 'o'}, {u'\u1EE2', 'o'},
    {u'\u1EE3', 'o'}, {u'\u1EE4', 'u'}, {u'\u1EE5', 'u'}, {u'\u1EE6', 'u'}, {u'\u1EE7', 'u'},
    {u'\u1EE8', 'u'}, {u'\u1EE9', 'u'}, {u'\u1EEA', 'u'}, {u'\u1EEB', 'u'}, {u'\u1EEC', 'u'},
    {u'\u1EED', 'u'}, {u'\u1EEE', 'u'}, {u'\u1EEF', 'u'}, {u'\u1EF0', 'u'}, {u'\u1EF1', 'u'},
    {u'\u1EF2', 'y'}, {u'\u1EF3', 'y'}, {u'\u1EF4', 'y'}, {u'\u1EF5', 'y'}, {u'\u1EF6', 'y'},
    {u'\u1EF7', 'y'}, {u'\u1EF8', 'y'}, {u'\u1EF9', 'y'}, {u'\u212A', 'k'}, {u'\u212B', 'a'},
});

static_assert(std::is_sorted(kFolded.begin(), kFolded.end(),
                             [](const FoldedLetter &a, const FoldedLetter &b) { return a.from < b.from; }));

} // namespace

std::span<const FoldedLetter> foldedLetters() {
    return kFolded;
}

std::optional<char> foldedLetter(char16_t c) {
    if (c < 0x80)
        return std::nullopt;
    const auto it = std::lower_bound(kFolded.begin(), kFolded.end(), c,
                                     [](const FoldedLetter &f, char16_t v) { return f.from < v; });
    if (it == kFolded.end() || it->from != c)
        return std::nullopt;
    return it->to;
}

std::string foldWordsFunctionSql() {
    // A SQL-standard body (parsed once, at creation, whatever the session's settings later; and
    // inlined into the queries that call it). Text that is all ASCII is returned as it is:
    // translate() looks each character up in its list, which only text beyond ASCII needs.
    std::string from, to, removed;
    const auto escaped = [](char16_t c) {
        static const char hex[] = "0123456789ABCDEF";
        return std::string{'\\', hex[(c >> 12) & 15], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15]};
    };
    for (const FoldedLetter &f : kFolded) {
        if (f.to) {
            from += escaped(f.from);
            to += f.to;
        } else {
            removed += escaped(f.from);
        }
    }
    // translate() removes the characters of its list that have no counterpart: the marks go last.
    return "CREATE FUNCTION opsconsole.fold_words(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
           "PARALLEL SAFE RETURN CASE WHEN octet_length(t) = char_length(t) THEN t ELSE "
           "pg_catalog.translate(t, U&'" +
           from + removed + "', '" + to + "') END;";
}

} // namespace ops::pg
