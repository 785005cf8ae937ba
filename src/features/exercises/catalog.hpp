#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/exercises/model.hpp"

namespace vigor::features::exercises {

// The languages the catalogue speaks: English, its own language (the top-level name, aliases and
// description), and each of kTranslations, which every entry must have in its "i18n" member. A
// language that is added here must be added to every entry (the parser refuses an entry without it)
// and to the profile's locales (accounts/model.cpp).
inline constexpr std::string_view kCatalogueLanguage = "en";
inline constexpr std::array<std::string_view, 1> kTranslations{"de"};

// An entry's name, other names and description in one language.
struct Translation {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
};

// The exercise catalogue shipped with Vigor: read-only, parsed once, kept in memory, ordered
// by name (its search key, then slug) in each of its languages.
class Catalog {
 public:
  struct Entry {
    Exercise exercise;                                             // in English
    std::map<std::string, Translation, std::less<>> translations;  // by language: "de"
    std::string sort_key;                                          // core::SearchKey(name), English
    std::map<std::string, std::string, std::less<>> localized_sort_keys;  // of each translation
    // The search words of the names and aliases in every language, also with German umlauts
    // written out (core::SearchWordsUmlautsWrittenOut): search finds either language.
    std::vector<std::vector<std::string>> texts;
    // The name and aliases of each language as core::SearchKey without spaces: a query that
    // equals one of the user's language is an exact match, listed first.
    std::map<std::string, std::vector<std::string>, std::less<>> exact_keys;

    // Its search key in that language's name order (English for a language it lacks).
    const std::string& SortKey(std::string_view language) const;
    // The exercise in that language: name, aliases and description translated, name_en kept
    // (English for a language the catalogue lacks).
    Exercise In(std::string_view language) const;
    // True when `query_key` (core::SearchKey without spaces) is its name or an alias in that
    // language.
    bool IsExactly(std::string_view language, std::string_view query_key) const;
  };

  // Parses the JSON of data/exercises.json. Strict: an unknown member, a value outside the
  // spec's enums, a bad or repeated slug, a missing field throws std::invalid_argument naming the
  // entry.
  static std::shared_ptr<const Catalog> Parse(std::string_view text);
  // The catalogue compiled into the binary, parsed on first use.
  static std::shared_ptr<const Catalog> Embedded();

  // The language a list is answered in: `language` when the catalogue speaks it, else English.
  static std::string_view Supported(std::string_view language);

  // In English name order.
  const std::vector<Entry>& entries() const { return entries_; }
  // In the name order of `language` (English order for a language the catalogue lacks).
  const std::vector<const Entry*>& Ordered(std::string_view language) const;
  // The entry with that slug, or null.
  const Entry* Find(std::string_view slug) const;

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_slug_;                   // index into entries_
  std::map<std::string, std::vector<const Entry*>, std::less<>> ordered_;  // by language
};

// The text of data/exercises.json as compiled in. Generated into catalog_data.cpp by
// scripts/gen-exercise-catalog; a unit test checks it still equals the file.
std::string_view EmbeddedCatalogJson();

}  // namespace vigor::features::exercises
