#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// Training load from session RPE (Foster's sRPE): perceived effort x minutes, the same for
// strength and cardio. Pure math over daily loads; which day a session is on is decided elsewhere.
namespace vigor::core {

// A session's load: perceived effort (1-10) x minutes; 0 when the session is unrated.
double SessionLoad(std::optional<std::int64_t> perceived_effort, double duration_s);

struct LoadDay {
  double load = 0;
  double acute = 0;             // mean daily load of the 7 days ending this day
  double chronic = 0;           // mean daily load of the 28 days ending this day
  std::optional<double> ratio;  // acute / chronic; none when chronic is 0
  double fitness = 0;           // exponentially weighted, time constant 42 days
  double fatigue = 0;           // exponentially weighted, time constant 7 days
  double form = 0;              // fitness - fatigue
};

inline constexpr int kAcuteDays = 7;
inline constexpr int kChronicDays = 28;
inline constexpr double kFitnessDays = 42;
inline constexpr double kFatigueDays = 7;

// One LoadDay per entry of `daily_loads`, the loads of consecutive days. The first entry is the
// first day of history: days before it count 0 in the means, and fitness and fatigue start from 0
// (x_t = x_{t-1} + (load_t - x_{t-1}) / tau, the TrainingPeaks form).
std::vector<LoadDay> ComputeTrainingLoad(std::span<const double> daily_loads);

}  // namespace vigor::core
