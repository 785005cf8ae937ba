// Times core::FoodSearchIndex over the whole generic catalogue, as typed: every prefix of a list
// of typical queries (1-3 letter prefixes are the worst case: they match the most words).
//   vigor_food_search_bench            p50 / p99 / max per query, by prefix length and overall
//   vigor_food_search_bench QUERY...   the top 10 of each query with scores (to tune ranking)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "features/nutrition/catalog.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace nutrition = vigor::features::nutrition;

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto i = static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
  return values[i];
}

void Report(const char* label, const std::vector<double>& micros) {
  if (micros.empty()) return;
  std::printf("%-22s n=%6zu  p50 %7.1f us  p99 %7.1f us  max %7.1f us\n", label, micros.size(),
              Percentile(micros, 0.5), Percentile(micros, 0.99),
              *std::max_element(micros.begin(), micros.end()));
}

}  // namespace

int main(int argc, char** argv) {
  auto start = Clock::now();
  const auto& catalog = nutrition::FoodCatalog::Embedded();
  auto loaded = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  const auto& index = catalog.search_index();
  if (argc > 1) {
    for (int a = 1; a < argc; ++a) {
      std::printf("== %s\n", argv[a]);
      for (const auto& hit : index.Search(argv[a], 10)) {
        std::printf("  %6.2f  %s  %s\n", hit.score, hit.id.c_str(),
                    catalog.Find(hit.id)->name.c_str());
      }
    }
    return 0;
  }
  std::printf("catalogue: %zu foods, parsed and indexed in %.0f ms\n", catalog.foods().size(),
              loaded);
  const std::vector<std::string> queries{"egg",
                                         "milk",
                                         "apple",
                                         "banana",
                                         "chicken breast",
                                         "rice",
                                         "bread",
                                         "oats",
                                         "oatmeal",
                                         "yogurt",
                                         "cheese",
                                         "cheddar",
                                         "salmon",
                                         "tuna",
                                         "beef",
                                         "ground beef",
                                         "pork chop",
                                         "potato",
                                         "sweet potato",
                                         "broccoli",
                                         "spinach",
                                         "tomato",
                                         "carrot",
                                         "onion",
                                         "peanut butter",
                                         "almonds",
                                         "olive oil",
                                         "butter",
                                         "pasta",
                                         "orange juice",
                                         "coffee",
                                         "tea",
                                         "beer",
                                         "wine",
                                         "avocado",
                                         "lentils",
                                         "black beans",
                                         "tofu",
                                         "strawberries",
                                         "blueberries",
                                         "brocoli",
                                         "chiken",
                                         "bananna",
                                         "yoghurt",
                                         "whole milk",
                                         "white rice",
                                         "brown rice",
                                         "turkey",
                                         "bacon",
                                         "sausage",
                                         "pizza",
                                         "hamburger",
                                         "french fries",
                                         "ice cream",
                                         "chocolate",
                                         "cereal",
                                         "granola",
                                         "honey",
                                         "sugar",
                                         "salt",
                                         "cottage cheese",
                                         "greek yogurt",
                                         "cream cheese",
                                         "sour cream",
                                         "mayonnaise",
                                         "ketchup",
                                         "mustard",
                                         "lettuce",
                                         "cucumber",
                                         "pepper",
                                         "corn",
                                         "peas",
                                         "green beans",
                                         "mushrooms",
                                         "garlic",
                                         "shrimp",
                                         "cod",
                                         "lamb",
                                         "ham",
                                         "hot dog",
                                         "bagel",
                                         "tortilla",
                                         "crackers",
                                         "popcorn",
                                         "walnuts",
                                         "cashews",
                                         "raisins",
                                         "grapes",
                                         "watermelon",
                                         "pineapple",
                                         "mango",
                                         "pear",
                                         "peach",
                                         "cherries",
                                         "lemon",
                                         "soy milk",
                                         "almond milk",
                                         "protein",
                                         "whey",
                                         "quinoa"};
  std::vector<double> all;
  std::vector<double> by_length[4];  // 1, 2, 3, 4+ characters typed
  for (int round = 0; round < 5; ++round) {
    for (const auto& query : queries) {
      for (std::size_t typed = 1; typed <= query.size(); ++typed) {
        auto prefix = query.substr(0, typed);
        auto t0 = Clock::now();
        auto hits = index.Search(prefix, 20);
        auto micros = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
        if (round == 0) continue;  // warm-up
        all.push_back(micros);
        by_length[std::min<std::size_t>(typed, 4) - 1].push_back(micros);
      }
    }
  }
  Report("1 letter", by_length[0]);
  Report("2 letters", by_length[1]);
  Report("3 letters", by_length[2]);
  Report("4+ letters", by_length[3]);
  Report("every keystroke", all);
  return 0;
}
