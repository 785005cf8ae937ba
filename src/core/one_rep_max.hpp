#pragma once

#include <optional>

namespace vigor::core {

// Estimates of the heaviest single repetition from a set done for several reps.
enum class OneRepMaxFormula {
  kEpley,     // w * (1 + r / 30)
  kBrzycki,   // w * 36 / (37 - r)
  kLombardi,  // w * r^0.10
};

// The formulas are fitted to sets of about 2 to 10 reps and drift apart beyond that (Brzycki
// even divides by zero at 37), so a set of more than this many reps gives no estimate.
inline constexpr int kMaxRepsForOneRepMax = 12;

// The estimated one-rep max in kg. A single rep is its own max (all formulas agree). Returns
// nullopt when reps is outside [1, kMaxRepsForOneRepMax] or the weight is not positive and
// finite: the caller shows "no estimate" rather than a number nobody should lift.
std::optional<double> EstimateOneRepMax(double weight_kg, int reps, OneRepMaxFormula formula);

// The inverse: the weight in kg that `reps` reps should take for a lifter whose one-rep max is
// `one_rep_max_kg` (for %1RM targets: "5 reps at 85%"). Same domain and nullopt cases as
// EstimateOneRepMax, and EstimateOneRepMax(WeightForReps(m, r, f), r, f) == m.
std::optional<double> WeightForReps(double one_rep_max_kg, int reps, OneRepMaxFormula formula);

}  // namespace vigor::core
