#include "core/one_rep_max.hpp"

#include <cmath>

namespace vigor::core {

namespace {

bool InDomain(double weight_kg, int reps) {
  return reps >= 1 && reps <= kMaxRepsForOneRepMax && weight_kg > 0 && std::isfinite(weight_kg);
}

// One-rep max divided by the weight lifted for `reps` (>= 1 for every formula).
double Multiplier(int reps, OneRepMaxFormula formula) {
  // Epley alone would give 1 + 1/30 for a single: a rep actually done is not an estimate.
  if (reps == 1) return 1;
  double r = reps;
  switch (formula) {
    case OneRepMaxFormula::kEpley:
      return 1 + r / 30;
    case OneRepMaxFormula::kBrzycki:
      return 36 / (37 - r);
    case OneRepMaxFormula::kLombardi:
      return std::pow(r, 0.10);
  }
  return 1;
}

}  // namespace

std::optional<double> EstimateOneRepMax(double weight_kg, int reps, OneRepMaxFormula formula) {
  if (!InDomain(weight_kg, reps)) return std::nullopt;
  return weight_kg * Multiplier(reps, formula);
}

std::optional<double> WeightForReps(double one_rep_max_kg, int reps, OneRepMaxFormula formula) {
  if (!InDomain(one_rep_max_kg, reps)) return std::nullopt;
  return one_rep_max_kg / Multiplier(reps, formula);
}

}  // namespace vigor::core
