#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/nutrients.hpp"
#include "features/nutrition/catalog.hpp"

// What the foods part of nutrition stores and answers: the user's own foods, the shared products
// imported from Open Food Facts, and the imports.
namespace vigor::features::nutrition {

// A food as the client sends it (api/openapi.yaml FoodInput), decoded and checked for its shape.
struct FoodInput {
  std::optional<std::string> id;  // the client's own id (a UUID), for a retry-safe create
  std::string name;
  std::optional<std::string> brand;
  std::optional<std::string> barcode;  // as typed; checked and normalised by the service
  std::vector<Portion> portions;
  core::NutrientAmounts per_100g;
};

// A food of the user's own, or a shared product (no owner), as stored.
struct StoredFood {
  std::string id;
  std::string name;
  std::optional<std::string> brand;
  std::optional<std::string> barcode;  // normalised (core::CheckBarcode)
  std::vector<Portion> portions;
  core::NutrientAmounts per_100g;
};

struct RejectedRow {
  std::int64_t line = 0;
  std::string reason;
};

// An Open Food Facts import (api/openapi.yaml FoodImport).
struct FoodImport {
  std::string id;
  std::string file;
  std::string status = "queued";  // queued | running | succeeded | failed
  std::int64_t bytes_read = 0;
  std::int64_t bytes_total = 0;
  std::int64_t lines_read = 0;  // header included
  std::int64_t rows_read = 0;
  std::int64_t foods_added = 0;
  std::int64_t foods_updated = 0;
  std::int64_t rows_rejected = 0;
  std::vector<RejectedRow> rejected_examples;
  std::optional<std::string> error;
  std::string created_at;
  std::optional<std::string> finished_at;
};

// The ids of the sources (api FoodSource) by prefix.
inline constexpr std::string_view kCatalogueIdPrefix = "usda-";
inline constexpr std::string_view kSharedIdPrefix = "off-";
inline constexpr std::string_view kRecipeIdPrefix = "recipe-";

// The JSON text foods keep their portions and nutrients in, and back (what the stored text
// cannot give is left out).
std::string PortionsToJson(const std::vector<Portion>& portions);
std::vector<Portion> PortionsFromJson(const std::string& text);
std::string NutrientsToJson(const core::NutrientAmounts& amounts);
core::NutrientAmounts NutrientsFromJson(const std::string& text);

}  // namespace vigor::features::nutrition
