#include "features/nutrition/foods_model.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace vigor::features::nutrition {

std::string PortionsToJson(const std::vector<Portion>& portions) {
  boost::json::array out;
  for (const auto& p : portions) {
    out.push_back(boost::json::object{{"name", p.name}, {"amount", p.amount}, {"grams", p.grams}});
  }
  return boost::json::serialize(out);
}

std::vector<Portion> PortionsFromJson(const std::string& text) {
  std::vector<Portion> portions;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return portions;
  for (const auto& item : value.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    const auto* name = o.if_contains("name");
    const auto* amount = o.if_contains("amount");
    const auto* grams = o.if_contains("grams");
    if (!name || !name->is_string() || !amount || !amount->is_number() || !grams ||
        !grams->is_number()) {
      continue;
    }
    portions.push_back({.amount = amount->to_number<double>(),
                        .name = std::string(name->as_string()),
                        .grams = grams->to_number<double>()});
  }
  return portions;
}

std::string NutrientsToJson(const core::NutrientAmounts& amounts) {
  boost::json::object out;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    if (amounts[i]) out[core::kNutrientKeys[i]] = *amounts[i];
  }
  return boost::json::serialize(out);
}

core::NutrientAmounts NutrientsFromJson(const std::string& text) {
  core::NutrientAmounts amounts;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return amounts;
  for (const auto& [key, v] : value.as_object()) {
    auto nutrient = core::NutrientFromKey(key);
    if (nutrient && v.is_number()) {
      amounts[static_cast<std::size_t>(*nutrient)] = v.to_number<double>();
    }
  }
  return amounts;
}

}  // namespace vigor::features::nutrition
