#include "features/nutrition/diary_feature.hpp"

#include "features/nutrition/diary_routes.hpp"

namespace vigor::features::nutrition {

DiaryFeature::DiaryFeature(platform::FeatureContext& context, FoodLookup foods,
                           FoodUseRecorder record_use, TargetsLookup targets,
                           ExerciseEnergy exercise)
    : recipes_(context.database, std::move(foods)),
      diary_(context.database, recipes_.Foods(), std::move(record_use), std::move(targets),
             std::move(exercise)) {
  RegisterDiaryRoutes(context.router, diary_, recipes_);
}

DiaryTotals DiaryFeature::diary_totals() {
  return [this](Session& s, const std::string& user_id, core::DayRange days) {
    return diary_.Totals(s, user_id, days);
  };
}

RecipeFoodSearch DiaryFeature::recipe_search() {
  return [this](Session& s, const std::string& user_id, std::string_view query, std::size_t limit) {
    return recipes_.Search(s, user_id, query, limit);
  };
}

FoodLookup DiaryFeature::foods_with_recipes() { return recipes_.Foods(); }

FoodLookup CatalogFoodLookup() {
  return
      [](Session&, const std::string&, const std::string& food_id) -> std::optional<LoggableFood> {
        const auto* food = FoodCatalog::Embedded().Find(food_id);
        if (!food) return std::nullopt;
        return LoggableFood{.id = food->id,
                            .source = "usda",
                            .name = food->name,
                            .food_group = food->food_group,
                            .portions = food->portions,
                            .per_100g = food->per_100g};
      };
}

}  // namespace vigor::features::nutrition
