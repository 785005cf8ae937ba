#include "features/nutrition/food_import.hpp"

#include <charconv>
#include <cmath>

#include "core/barcode.hpp"
#include "core/limits.hpp"

namespace vigor::features::nutrition {

namespace {

using core::Nutrient;

struct KnownColumn {
  std::string_view name;
  Nutrient nutrient;
  double factor;
  int priority;
};

// The export's columns we read, with the factor from its unit (g per 100 g; energy kcal or kJ)
// to our key's unit.
constexpr double kKjPerKcal = 4.184;
constexpr KnownColumn kKnownColumns[] = {
    {"energy-kcal_100g", Nutrient::kEnergyKcal, 1, 3},
    {"energy-kj_100g", Nutrient::kEnergyKcal, 1 / kKjPerKcal, 2},
    {"energy_100g", Nutrient::kEnergyKcal, 1 / kKjPerKcal, 1},  // kJ in the export
    {"proteins_100g", Nutrient::kProteinG, 1, 1},
    {"carbohydrates_100g", Nutrient::kCarbohydrateG, 1, 1},
    {"fiber_100g", Nutrient::kFiberG, 1, 1},
    {"sugars_100g", Nutrient::kSugarsG, 1, 1},
    {"fat_100g", Nutrient::kFatG, 1, 1},
    {"saturated-fat_100g", Nutrient::kSaturatedFatG, 1, 1},
    {"monounsaturated-fat_100g", Nutrient::kMonounsaturatedFatG, 1, 1},
    {"polyunsaturated-fat_100g", Nutrient::kPolyunsaturatedFatG, 1, 1},
    {"trans-fat_100g", Nutrient::kTransFatG, 1, 1},
    {"omega-3-fat_100g", Nutrient::kOmega3G, 1, 1},
    {"omega-6-fat_100g", Nutrient::kOmega6G, 1, 1},
    {"cholesterol_100g", Nutrient::kCholesterolMg, 1e3, 1},
    {"sodium_100g", Nutrient::kSodiumMg, 1e3, 2},
    {"salt_100g", Nutrient::kSodiumMg, 1e3 / 2.5, 1},  // sodium = salt / 2.5
    {"potassium_100g", Nutrient::kPotassiumMg, 1e3, 1},
    {"calcium_100g", Nutrient::kCalciumMg, 1e3, 1},
    {"iron_100g", Nutrient::kIronMg, 1e3, 1},
    {"magnesium_100g", Nutrient::kMagnesiumMg, 1e3, 1},
    {"phosphorus_100g", Nutrient::kPhosphorusMg, 1e3, 1},
    {"zinc_100g", Nutrient::kZincMg, 1e3, 1},
    {"copper_100g", Nutrient::kCopperMg, 1e3, 1},
    {"manganese_100g", Nutrient::kManganeseMg, 1e3, 1},
    {"selenium_100g", Nutrient::kSeleniumUg, 1e6, 1},
    {"vitamin-a_100g", Nutrient::kVitaminAUg, 1e6, 1},
    {"vitamin-c_100g", Nutrient::kVitaminCMg, 1e3, 1},
    {"vitamin-d_100g", Nutrient::kVitaminDUg, 1e6, 1},
    {"vitamin-e_100g", Nutrient::kVitaminEMg, 1e3, 1},
    {"vitamin-k_100g", Nutrient::kVitaminKUg, 1e6, 1},
    {"vitamin-b1_100g", Nutrient::kThiaminMg, 1e3, 1},
    {"vitamin-b2_100g", Nutrient::kRiboflavinMg, 1e3, 1},
    {"vitamin-pp_100g", Nutrient::kNiacinMg, 1e3, 1},
    {"pantothenic-acid_100g", Nutrient::kPantothenicAcidMg, 1e3, 1},
    {"vitamin-b6_100g", Nutrient::kVitaminB6Mg, 1e3, 1},
    {"folates_100g", Nutrient::kFolateUg, 1e6, 1},
    {"vitamin-b12_100g", Nutrient::kVitaminB12Ug, 1e6, 1},
    {"choline_100g", Nutrient::kCholineMg, 1e3, 1},
    {"caffeine_100g", Nutrient::kCaffeineMg, 1e3, 1},
};

core::limits::Range<double> RangeOf(Nutrient nutrient) {
  auto key = core::kNutrientKeys[static_cast<std::size_t>(nutrient)];
  if (key.ends_with("_kcal")) return core::limits::kPer100gEnergyKcal;
  if (key.ends_with("_mg")) return core::limits::kPer100gMilligrams;
  if (key.ends_with("_ug")) return core::limits::kPer100gMicrograms;
  return core::limits::kPer100gGrams;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A number as the export writes it; nullopt for anything else.
std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

bool SplitTabLine(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          if (i + 1 == line.size() || line[i + 1] == '\t') {
            closed = true;
            ++i;
            break;
          }
        }
        field += line[i++];
      }
      if (!closed) return false;
    } else {
      auto tab = line.find('\t', i);
      std::size_t end = tab == std::string_view::npos ? line.size() : tab;
      field.assign(line.substr(i, end - i));
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // the tab
    if (i == line.size()) {
      fields.emplace_back();
      break;
    }
  }
  return true;
}

std::string CleanText(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < max_chars;) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
      ++chars;
      ++i;
      continue;
    }
    // A character of valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF,
    // which PostgreSQL's text refuses); anything else is a stray byte, left out.
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    bool valid = len != 0 && i + len <= text.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next >> 6) == 0x2;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (valid) {
      valid = (len == 2 && cp >= 0x80) ||
              (len == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) ||
              (len == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
    }
    if (!valid) {
      ++i;
      continue;
    }
    if (cp <= 0x9F) {
      out += ' ';  // a C1 control
    } else {
      out.append(text.substr(i, len));
    }
    ++chars;
    i += len;
  }
  return std::string(Trim(out));
}

std::optional<OffColumns> OffColumns::FromHeader(std::string_view header, std::string& error) {
  std::vector<std::string> names;
  if (!SplitTabLine(header, names)) {
    error = "the header row has broken quoting";
    return std::nullopt;
  }
  OffColumns c;
  c.count_ = names.size();
  std::optional<std::size_t> code, name;
  bool energy = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string_view n = Trim(names[i]);
    if (n == "code") code = i;
    if (n == "product_name") name = i;
    if (n == "brands") c.brands_ = i;
    if (n == "serving_quantity") c.serving_quantity_ = i;
    for (const auto& known : kKnownColumns) {
      if (n != known.name) continue;
      c.nutrients_.push_back({.column = i,
                              .nutrient = known.nutrient,
                              .factor = known.factor,
                              .priority = known.priority,
                              .name = std::string(known.name)});
      if (known.nutrient == Nutrient::kEnergyKcal) energy = true;
    }
  }
  std::vector<std::string> missing;
  if (!code) missing.emplace_back("code");
  if (!name) missing.emplace_back("product_name");
  if (!energy) missing.emplace_back("energy-kcal_100g");
  if (!missing.empty()) {
    error = "this is not an Open Food Facts export (tab-separated): the header lacks";
    for (std::size_t i = 0; i < missing.size(); ++i) error += (i ? ", " : " ") + missing[i];
    return std::nullopt;
  }
  c.code_ = *code;
  c.name_ = *name;
  return c;
}

std::optional<StoredFood> OffColumns::Read(std::string_view line, std::string& reason) const {
  std::vector<std::string> fields;
  if (!SplitTabLine(line, fields)) {
    reason = "broken quoting";
    return std::nullopt;
  }
  if (fields.size() != count_) {
    reason = "wrong column count (" + std::to_string(fields.size()) + ", expected " +
             std::to_string(count_) + ")";
    return std::nullopt;
  }
  std::string_view code = Trim(fields[code_]);
  auto barcode = core::CheckBarcode(code);
  if (!barcode.barcode) {
    reason = "bad barcode (" + std::string(core::BarcodeProblemKey(*barcode.problem)) + ")";
    return std::nullopt;
  }
  StoredFood food;
  food.barcode = barcode.barcode->normalized;
  food.id = std::string(kSharedIdPrefix) + *food.barcode;
  food.name = CleanText(fields[name_], core::limits::kFoodNameLength);
  if (food.name.empty()) {
    reason = "no name";
    return std::nullopt;
  }
  if (brands_) {
    auto brand = CleanText(fields[*brands_], core::limits::kFoodNameLength);
    if (!brand.empty()) food.brand = std::move(brand);
  }
  std::array<int, core::kNutrientCount> priority{};
  for (const auto& column : nutrients_) {
    std::string_view text = Trim(fields[column.column]);
    if (text.empty()) continue;
    auto value = ParseNumber(text);
    if (!value) {
      reason = "not a number in " + column.name;
      return std::nullopt;
    }
    double amount = *value * column.factor;
    if (!RangeOf(column.nutrient).Contains(amount)) {
      reason = "out-of-range value in " + column.name;
      return std::nullopt;
    }
    auto index = static_cast<std::size_t>(column.nutrient);
    if (food.per_100g[index] && priority[index] >= column.priority) continue;
    // Rounded to what a label shows, not the float noise of a unit conversion.
    food.per_100g[index] = std::round(amount * 1000) / 1000;
    priority[index] = column.priority;
  }
  if (!food.per_100g[static_cast<std::size_t>(Nutrient::kEnergyKcal)]) {
    reason = "no energy";
    return std::nullopt;
  }
  if (serving_quantity_) {
    auto grams = ParseNumber(fields[*serving_quantity_]);
    if (grams && *grams > 0 && *grams <= core::limits::kFoodAmountG.max) {
      food.portions.push_back({.amount = 1, .name = "serving", .grams = *grams});
    }
  }
  return food;
}

}  // namespace vigor::features::nutrition
