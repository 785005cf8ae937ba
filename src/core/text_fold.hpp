#pragma once

#include <string>
#include <string_view>
#include <vector>

// Text folding for search: what makes "developpe" find "Développé" and "ben pre" find
// "Bench Press". Pure functions on UTF-8, no locale.
namespace vigor::core {

// Lowercases ASCII and folds the letters of Latin-1 Supplement and Latin Extended-A to ASCII
// (é -> e, Æ -> ae, ß -> ss, ø -> o, ł -> l, œ -> oe); drops combining accents (U+0300-U+036F),
// so decomposed input folds like composed input; turns the symbols and spaces of those blocks
// and of General Punctuation into a space, except apostrophes (', ’, ´), which are dropped.
// Everything else, and bytes that are not valid UTF-8, passes through unchanged.
std::string FoldText(std::string_view utf8);

// The folded words of a text: runs of ASCII letters and digits and of non-ASCII characters the
// folding left alone; anything else separates words. "Farmer's walk (heavy)" -> farmers, walk,
// heavy.
std::vector<std::string> SearchWords(std::string_view utf8);

// The words joined by single spaces: the form in which names are compared, sorted and kept
// unique. "  Bénch-Press " -> "bench press".
std::string SearchKey(std::string_view utf8);

// True when every query word is the start of some word of `words` (search as you type). An empty
// query matches everything.
bool MatchesWordPrefixes(const std::vector<std::string>& words,
                         const std::vector<std::string>& query);

// True when the query finds a text with these words, hyphens and spaces ignored: every query
// word is the start of a word of the text or of a word run together with the words after it
// ("pullup" finds "Pull-Up"), or the query's words run together are ("pull up" finds "Pullups").
// An empty query matches everything.
bool MatchesIgnoringSpaces(const std::vector<std::string>& words,
                           const std::vector<std::string>& query);

// The search words of a text with the German umlauts written out, as people type them without a
// German keyboard: ä -> ae, ö -> oe, ü -> ue (capitals too, composed or decomposed with U+0308).
// "Bankdrücken" -> bankdruecken. A searched text is compared in both spellings (SearchWords folds
// ä to a), so "bankdruecken", "bankdrucken" and "Bankdrücken" all find it. Equals SearchWords
// for a text without umlauts.
std::vector<std::string> SearchWordsUmlautsWrittenOut(std::string_view utf8);

// True when `text` has an ä, ö or ü (either case, composed or decomposed).
bool HasGermanUmlaut(std::string_view utf8);

// The search key in kebab-case: "Barbell Back Squat" -> "barbell-back-squat".
std::string Slugify(std::string_view utf8);

}  // namespace vigor::core
