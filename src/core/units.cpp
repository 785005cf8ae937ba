#include "core/units.hpp"

#include <cmath>

namespace vigor::core {

namespace {

double MetersPerUnit(DistanceUnit unit) {
  return unit == DistanceUnit::kMiles ? kMetersPerMile : kMetersPerKilometer;
}

}  // namespace

double ToDisplayWeight(double kg, WeightUnit unit) {
  return unit == WeightUnit::kPounds ? KilogramsToPounds(kg) : kg;
}

double FromDisplayWeight(double shown, WeightUnit unit) {
  return unit == WeightUnit::kPounds ? PoundsToKilograms(shown) : shown;
}

double ToDisplayDistance(double m, DistanceUnit unit) { return m / MetersPerUnit(unit); }

double FromDisplayDistance(double shown, DistanceUnit unit) { return shown * MetersPerUnit(unit); }

double ToDisplaySpeed(double mps, DistanceUnit unit) {
  return mps * kSecondsPerHour / MetersPerUnit(unit);
}

double FromDisplaySpeed(double shown, DistanceUnit unit) {
  return shown * MetersPerUnit(unit) / kSecondsPerHour;
}

double ToDisplayLength(double m, LengthUnit unit) {
  double cm = m * 100;
  return unit == LengthUnit::kInches ? CentimetersToInches(cm) : cm;
}

double FromDisplayLength(double shown, LengthUnit unit) {
  double cm = unit == LengthUnit::kInches ? InchesToCentimeters(shown) : shown;
  return cm / 100;
}

double RoundWeight(double kg, WeightUnit unit, double increment) {
  if (!(increment > 0) || !std::isfinite(increment) || !std::isfinite(kg)) return kg;
  double shown = ToDisplayWeight(kg, unit);
  double steps = shown / increment;
  // A weight typed as 102.5 lb is stored in kg and may come back as 102.49999999999999 lb: nudge
  // it away from zero so that a half step still rounds the way the typed number would.
  steps += std::copysign(1e-9, steps);
  return FromDisplayWeight(std::round(steps) * increment, unit);
}

std::optional<double> PaceFromSpeed(double mps, DistanceUnit unit) {
  if (!(mps > 0) || !std::isfinite(mps)) return std::nullopt;
  return MetersPerUnit(unit) / mps;
}

std::optional<double> SpeedFromPace(double seconds_per_unit, DistanceUnit unit) {
  if (!(seconds_per_unit > 0) || !std::isfinite(seconds_per_unit)) return std::nullopt;
  return MetersPerUnit(unit) / seconds_per_unit;
}

std::optional<double> PaceFromDistanceAndTime(double m, double seconds, DistanceUnit unit) {
  if (!(m > 0) || !std::isfinite(m) || !(seconds >= 0) || !std::isfinite(seconds)) {
    return std::nullopt;
  }
  return seconds / (m / MetersPerUnit(unit));
}

}  // namespace vigor::core
