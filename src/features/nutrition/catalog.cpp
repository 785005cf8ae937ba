#include "features/nutrition/catalog.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace vigor::features::nutrition {

namespace {

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::optional<double> Number(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

FoodCatalog FoodCatalog::Parse(std::string_view tsv) {
  FoodCatalog catalog;
  auto lines = Split(tsv, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) throw std::invalid_argument("food catalogue: no header line");
  auto header = Split(lines[0], '\t');
  auto column = [&](std::string_view name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      throw std::invalid_argument("food catalogue: no column " + std::string(name));
    }
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t id_column = column("id");
  const std::size_t name_column = column("name");
  const std::size_t group_column = column("food_group");
  const std::size_t commonness_column = column("commonness");
  const std::size_t portions_column = column("portions");
  std::vector<std::pair<std::size_t, core::Nutrient>> nutrient_columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (auto nutrient = core::NutrientFromKey(header[i]))
      nutrient_columns.emplace_back(i, *nutrient);
  }

  catalog.foods_.reserve(lines.size() - 1);
  std::vector<core::FoodSearchEntry> entries;
  entries.reserve(lines.size() - 1);
  for (std::size_t line = 1; line < lines.size(); ++line) {
    auto fail = [&](const std::string& message) {
      throw std::invalid_argument("food catalogue, line " + std::to_string(line + 1) + ": " +
                                  message);
    };
    auto cells = Split(lines[line], '\t');
    if (cells.size() != header.size()) fail("has " + std::to_string(cells.size()) + " cells");
    Food food;
    food.id = std::string(cells[id_column]);
    food.name = std::string(cells[name_column]);
    food.food_group = std::string(cells[group_column]);
    if (food.id.empty() || food.name.empty()) fail("has no id or no name");
    auto commonness = Number(cells[commonness_column]);
    if (!commonness || *commonness < 0 || *commonness > 100) fail("commonness is not 0-100");
    food.commonness = static_cast<int>(*commonness);
    if (!cells[portions_column].empty()) {
      for (auto item : Split(cells[portions_column], '|')) {
        auto fields = Split(item, '~');
        std::optional<double> amount;
        std::optional<double> grams;
        if (fields.size() == 3) {
          amount = Number(fields[0]);
          grams = Number(fields[1]);
        }
        if (!amount || !grams || *amount <= 0 || *grams <= 0 || fields[2].empty()) {
          fail("portion '" + std::string(item) + "' is not amount~grams~name");
        }
        food.portions.push_back({*amount, std::string(fields[2]), *grams});
      }
    }
    for (auto [index, nutrient] : nutrient_columns) {
      if (cells[index].empty()) continue;
      auto value = Number(cells[index]);
      if (!value || *value < 0) fail(std::string(header[index]) + " is not a number");
      food.per_100g[static_cast<std::size_t>(nutrient)] = *value;
    }
    if (!catalog.by_id_.emplace(food.id, catalog.foods_.size()).second) {
      fail("repeats id " + food.id);
    }
    entries.push_back({.id = food.id, .name = food.name, .commonness = food.commonness / 100.0});
    catalog.foods_.push_back(std::move(food));
  }
  catalog.index_ = core::FoodSearchIndex(std::move(entries));
  return catalog;
}

const FoodCatalog& FoodCatalog::Embedded() {
  static const FoodCatalog catalog = Parse(EmbeddedFoodCatalogTsv());
  return catalog;
}

const Food* FoodCatalog::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &foods_[it->second];
}

}  // namespace vigor::features::nutrition
