#pragma once

#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/targets_service.hpp"
#include "features/nutrition/targets_sources.hpp"
#include "platform/feature.hpp"

namespace vigor::features::nutrition {

// Nutrition targets and the nutrient day and week views: /api/v1/nutrition/targets,
// .../targets/preview, /api/v1/nutrition/days/{date}, /api/v1/nutrition/week.
class TargetsFeature final : public platform::Feature {
 public:
  TargetsFeature(platform::FeatureContext& context, TargetsSources sources);

  TargetsService& service() { return targets_; }
  // The daily targets in force, for the diary (in the caller's transaction).
  TargetsLookup targets_lookup();
  // The diary's per-day totals, given once the diary feature exists (it is installed after this
  // one); until then the views have no diary data.
  void SetDiaryTotals(DiaryTotals totals) { targets_.SetDiaryTotals(std::move(totals)); }

 private:
  TargetsService targets_;
};

}  // namespace vigor::features::nutrition
