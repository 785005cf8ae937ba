#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/nutrition/foods_model.hpp"

// Reading an Open Food Facts export (https://world.openfoodfacts.org/data: the "CSV" export is
// tab-separated, one product per line, with a header row of column names) into shared products.
// Pure: the job that streams the file and writes batches is in foods_service.cpp.
namespace vigor::features::nutrition {

// Where the columns Vigor reads are in a header row. Columns are found by name; any others are
// ignored. Nutrient columns are grams per 100 g in the export (energy in kcal or kJ) and are
// converted to the unit of our nutrient key (sodium_100g g -> sodium_mg; salt_100g / 2.5 when
// there is no sodium).
class OffColumns {
 public:
  // nullopt (with `error`) when the header lacks code, product_name or every energy column.
  static std::optional<OffColumns> FromHeader(std::string_view header, std::string& error);

  std::size_t count() const { return count_; }

  // The product of a data line, or nullopt with the reason it is rejected ("bad barcode", "no
  // name", "no energy", "out-of-range value in fat_100g", "wrong column count (12, expected
  // 180)", "broken quoting").
  std::optional<StoredFood> Read(std::string_view line, std::string& reason) const;

 private:
  struct NutrientColumn {
    std::size_t column = 0;
    core::Nutrient nutrient{};
    double factor = 1;  // export unit -> our unit
    int priority = 0;   // several columns for one nutrient: the highest present wins
    std::string name;
  };
  std::size_t count_ = 0;
  std::size_t code_ = 0;
  std::size_t name_ = 0;
  std::optional<std::size_t> brands_;
  std::optional<std::size_t> serving_quantity_;
  std::vector<NutrientColumn> nutrients_;
};

// The fields of a tab-separated line. A field that starts with a double quote runs to the next
// quote followed by a tab or the end of the line ("" inside it is one quote); false when such a
// field never ends (broken quoting). Quotes inside an unquoted field are kept as they are.
bool SplitTabLine(std::string_view line, std::vector<std::string>& fields);

// The first `max_chars` characters of UTF-8 text (cut at a character boundary), with control
// characters turned into spaces and the ends trimmed.
std::string CleanText(std::string_view text, std::size_t max_chars);

}  // namespace vigor::features::nutrition
