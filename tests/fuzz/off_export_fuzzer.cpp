// The Open Food Facts export reader (features/nutrition/food_import.hpp: OffColumns, SplitTabLine,
// CleanText) on any text, as the admin's food import job reads a file line by line. The first
// line is the header when OffColumns::FromHeader takes it; otherwise every line is read against a
// fixed header of a real export's columns, so that mutated data lines are read either way.
// Besides "no crash": SplitTabLine's fields written back (quoted where they must be) split into
// the same fields; a product Read accepts has a checked barcode and the id made from it, a clean
// name of 1..kFoodNameLength characters (valid UTF-8, no control characters), a clean brand, an
// energy, every nutrient finite and within its per-100 g range (core/limits.hpp), and portions of
// more than 0 and at most kFoodAmountG grams. A rejected line always says why.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/barcode.hpp"
#include "core/limits.hpp"
#include "core/nutrients.hpp"
#include "features/nutrition/food_import.hpp"

namespace {

namespace nutrition = vigor::features::nutrition;
namespace core = vigor::core;
namespace limits = vigor::core::limits;

[[noreturn]] void Fail(const char* what, std::string_view line) {
  std::fprintf(stderr, "%s\n  line: %.*s\n", what, static_cast<int>(line.size()), line.data());
  std::abort();
}

// Characters of valid UTF-8 without C0/C1 controls or DEL; nullopt when it is not.
std::optional<std::size_t> CleanCharacters(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return std::nullopt;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return std::nullopt;
    char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 0x2) return std::nullopt;
      cp = (cp << 6) | (next & 0x3F);
    }
    bool shortest = (len == 2 && cp >= 0x80) || (len == 3 && cp >= 0x800) ||
                    (len == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
    if (!shortest || (cp >= 0xD800 && cp <= 0xDFFF) || cp <= 0x9F) return std::nullopt;
    i += len;
  }
  return chars;
}

// A field as the export would write it: quoted when it holds a tab, a quote or a carriage return.
std::string WriteField(const std::string& field) {
  if (field.find_first_of("\t\"\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

void CheckSplit(std::string_view line) {
  std::vector<std::string> fields;
  if (!nutrition::SplitTabLine(line, fields)) return;
  if (fields.empty()) Fail("SplitTabLine gave no field", line);
  std::string written;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) written += '\t';
    written += WriteField(fields[i]);
  }
  std::vector<std::string> again;
  if (!nutrition::SplitTabLine(written, again) || again != fields) {
    Fail("SplitTabLine: the fields written back split differently", written);
  }
}

limits::Range<double> RangeOfKey(std::string_view key) {
  if (key.ends_with("_kcal")) return limits::kPer100gEnergyKcal;
  if (key.ends_with("_mg")) return limits::kPer100gMilligrams;
  if (key.ends_with("_ug")) return limits::kPer100gMicrograms;
  return limits::kPer100gGrams;
}

void CheckRead(const nutrition::OffColumns& columns, std::string_view line) {
  std::string reason;
  auto food = columns.Read(line, reason);
  if (!food) {
    if (reason.empty()) Fail("a line was rejected without a reason", line);
    return;
  }
  if (!food->barcode || !core::CheckBarcode(*food->barcode).barcode) {
    Fail("a product without a valid barcode", line);
  }
  if (food->id != std::string(nutrition::kSharedIdPrefix) + *food->barcode) {
    Fail("a product whose id is not made from its barcode", line);
  }
  auto name_chars = CleanCharacters(food->name);
  if (!name_chars || *name_chars == 0 || *name_chars > limits::kFoodNameLength ||
      food->name.front() == ' ' || food->name.back() == ' ') {
    Fail("a product name that is empty, too long, untrimmed or not clean text", line);
  }
  if (food->brand) {
    auto brand_chars = CleanCharacters(*food->brand);
    if (!brand_chars || *brand_chars == 0 || *brand_chars > limits::kFoodNameLength) {
      Fail("a brand that is empty, too long or not clean text", line);
    }
  }
  if (!food->per_100g[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)]) {
    Fail("a product without energy", line);
  }
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    const auto& amount = food->per_100g[i];
    if (amount &&
        (!std::isfinite(*amount) || !RangeOfKey(core::kNutrientKeys[i]).Contains(*amount))) {
      std::fprintf(stderr, "%s = %g\n", std::string(core::kNutrientKeys[i]).c_str(), *amount);
      Fail("a nutrient out of its per-100 g range", line);
    }
  }
  for (const auto& portion : food->portions) {
    if (!(portion.grams > 0 && portion.grams <= limits::kFoodAmountG.max)) {
      Fail("a portion out of range", line);
    }
  }
}

// A real export's columns, in its order, trimmed to those Vigor reads and a few it ignores.
constexpr std::string_view kHeader =
    "code\turl\tproduct_name\tbrands\tserving_quantity\tenergy-kj_100g\tenergy-kcal_100g\t"
    "energy_100g\tfat_100g\tsaturated-fat_100g\tcarbohydrates_100g\tsugars_100g\tfiber_100g\t"
    "proteins_100g\tsalt_100g\tsodium_100g\tvitamin-d_100g\tcalcium_100g\tselenium_100g";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto newline = text.find('\n');
    lines.push_back(text.substr(0, newline));
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  if (lines.empty()) return 0;

  for (auto line : lines) CheckSplit(line);

  std::string error;
  auto columns = nutrition::OffColumns::FromHeader(lines[0], error);
  std::size_t first_data = 1;
  if (!columns) {
    if (error.empty()) Fail("a header was refused without a reason", lines[0]);
    columns = nutrition::OffColumns::FromHeader(kHeader, error);
    if (!columns) Fail("the fixed header is refused", kHeader);
    first_data = 0;
  }
  for (std::size_t i = first_data; i < lines.size(); ++i) CheckRead(*columns, lines[i]);

  // CleanText on the whole input, as for a name: clean text of at most the characters asked.
  for (std::size_t max_chars : {std::size_t{0}, std::size_t{7}, limits::kFoodNameLength}) {
    auto cleaned = nutrition::CleanText(std::string_view(reinterpret_cast<const char*>(data), size),
                                        max_chars);
    auto chars = CleanCharacters(cleaned);
    if (!chars || *chars > max_chars) Fail("CleanText gave text that is not clean", cleaned);
  }
  return 0;
}
