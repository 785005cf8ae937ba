#include "core/training_load.hpp"

namespace vigor::core {

double SessionLoad(std::optional<std::int64_t> perceived_effort, double duration_s) {
  if (!perceived_effort || duration_s <= 0) return 0;
  return static_cast<double>(*perceived_effort) * duration_s / 60.0;
}

std::vector<LoadDay> ComputeTrainingLoad(std::span<const double> daily_loads) {
  std::vector<LoadDay> days;
  days.reserve(daily_loads.size());
  double acute_sum = 0;
  double chronic_sum = 0;
  double fitness = 0;
  double fatigue = 0;
  for (std::size_t i = 0; i < daily_loads.size(); ++i) {
    double load = daily_loads[i];
    // Running sums over the trailing windows: add today, drop the day that left the window.
    acute_sum += load;
    if (i >= static_cast<std::size_t>(kAcuteDays)) acute_sum -= daily_loads[i - kAcuteDays];
    chronic_sum += load;
    if (i >= static_cast<std::size_t>(kChronicDays)) chronic_sum -= daily_loads[i - kChronicDays];
    fitness += (load - fitness) / kFitnessDays;
    fatigue += (load - fatigue) / kFatigueDays;
    LoadDay day;
    day.load = load;
    day.acute = acute_sum / kAcuteDays;
    day.chronic = chronic_sum / kChronicDays;
    // Sums of non-negative loads: a chronic sum that rounding left a hair above 0 is still 0.
    if (chronic_sum > 1e-9) day.ratio = day.acute / day.chronic;
    day.fitness = fitness;
    day.fatigue = fatigue;
    day.form = fitness - fatigue;
    days.push_back(day);
  }
  return days;
}

}  // namespace vigor::core
