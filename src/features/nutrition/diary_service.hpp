#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/nutrition/diary_model.hpp"
#include "features/nutrition/diary_repository.hpp"
#include "features/nutrition/food_lookup.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// The food diary of a user: items logged to meals of local days (a snapshot of the food's name
// and nutrients when logged), water per day, and the day's totals against the targets.
class DiaryService {
 public:
  using Session = platform::store::Session;

  // `foods` resolves every food the user may log, recipes included.
  DiaryService(platform::store::Database& database, FoodLookup foods, FoodUseRecorder record_use,
               TargetsLookup targets, ExerciseEnergy exercise)
      : database_(database),
        foods_(std::move(foods)),
        record_use_(std::move(record_use)),
        targets_(std::move(targets)),
        exercise_(std::move(exercise)) {}

  // One read: items, water, targets and exercise energy, whatever the number of items.
  DiaryDayView Day(const std::string& user_id, core::Day day);
  // All or nothing. An item whose id is already logged with the same content is returned as it
  // is (a retry); with other content (or deleted) it is a conflict, as is an Idempotency-Key
  // used for another request.
  std::vector<DiaryItem> Add(const std::string& user_id, core::Day day,
                             const std::vector<DiaryItemInput>& inputs,
                             const std::optional<std::string>& idempotency_key);
  // Copies `from`'s items (of one meal, or all) to `day` as new items.
  std::vector<DiaryItem> Copy(const std::string& user_id, core::Day day,
                              const DiaryCopyInput& input,
                              const std::optional<std::string>& idempotency_key);
  double SetWater(const std::string& user_id, core::Day day, double water_ml);
  DiaryItem Update(const std::string& user_id, const std::string& id, const DiaryItemPatch& patch);
  void Delete(const std::string& user_id, const std::string& id);

  // What the user ate on each day of the range that has items or water, by day.
  std::vector<DayNutrition> Totals(Session& s, const std::string& user_id, core::DayRange days);

 private:
  std::vector<DiaryItem> Insert(Session& s, const std::string& user_id,
                                std::vector<DiaryItem> items,
                                const std::vector<std::string>& input_hashes,
                                const std::optional<std::string>& request_key,
                                const std::string& request_hash);

  platform::store::Database& database_;
  FoodLookup foods_;
  FoodUseRecorder record_use_;
  TargetsLookup targets_;
  ExerciseEnergy exercise_;
  DiaryRepository items_;
};

// The meals of a day's items: the standard four first (always), then the others in the order
// their first item was logged; each with its totals.
std::vector<DiaryMeal> GroupIntoMeals(std::vector<DiaryItem> items);

}  // namespace vigor::features::nutrition
