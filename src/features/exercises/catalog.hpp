#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/exercises/model.hpp"

namespace vigor::features::exercises {

// The exercise catalogue shipped with Vigor: read-only, parsed once, kept in memory, ordered
// by name (its search key, then slug).
class Catalog {
 public:
  struct Entry {
    Exercise exercise;
    std::string sort_key;                         // core::SearchKey(name)
    std::vector<std::vector<std::string>> texts;  // the search words of the name and each alias
  };

  // Parses the JSON of data/exercises.json. Strict: an unknown member, a value outside the
  // spec's enums, a bad or repeated slug, a missing field throws std::invalid_argument naming the
  // entry.
  static std::shared_ptr<const Catalog> Parse(std::string_view text);
  // The catalogue compiled into the binary, parsed on first use.
  static std::shared_ptr<const Catalog> Embedded();

  const std::vector<Entry>& entries() const { return entries_; }
  // The entry with that slug, or null.
  const Entry* Find(std::string_view slug) const;

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_slug_;  // index into entries_
};

// The text of data/exercises.json as compiled in. Generated into catalog_data.cpp by
// scripts/gen-exercise-catalog; a unit test checks it still equals the file.
std::string_view EmbeddedCatalogJson();

}  // namespace vigor::features::exercises
