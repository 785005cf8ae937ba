#pragma once

#include <optional>

namespace vigor::core {

// Vigor stores SI (kg, m, s, m/s) and converts only when showing a value to a user or reading
// one from a form. Every function names its units so a call site reads like the formula.

// Exact by definition (international yard and pound agreement, 1959).
inline constexpr double kKilogramsPerPound = 0.45359237;
inline constexpr double kMetersPerMile = 1609.344;
inline constexpr double kCentimetersPerInch = 2.54;
inline constexpr double kMetersPerKilometer = 1000;
inline constexpr double kSecondsPerHour = 3600;

enum class WeightUnit { kKilograms, kPounds };
enum class DistanceUnit { kKilometers, kMiles };
// For body measurements (height, waist): stored in meters, shown in cm or in.
enum class LengthUnit { kCentimeters, kInches };

constexpr double KilogramsToPounds(double kg) { return kg / kKilogramsPerPound; }
constexpr double PoundsToKilograms(double lb) { return lb * kKilogramsPerPound; }

constexpr double MetersToKilometers(double m) { return m / kMetersPerKilometer; }
constexpr double KilometersToMeters(double km) { return km * kMetersPerKilometer; }
constexpr double MetersToMiles(double m) { return m / kMetersPerMile; }
constexpr double MilesToMeters(double mi) { return mi * kMetersPerMile; }

constexpr double CentimetersToInches(double cm) { return cm / kCentimetersPerInch; }
constexpr double InchesToCentimeters(double in) { return in * kCentimetersPerInch; }

constexpr double MetersPerSecondToKilometersPerHour(double mps) {
  return mps * kSecondsPerHour / kMetersPerKilometer;
}
constexpr double KilometersPerHourToMetersPerSecond(double kmh) {
  return kmh * kMetersPerKilometer / kSecondsPerHour;
}
constexpr double MetersPerSecondToMilesPerHour(double mps) {
  return mps * kSecondsPerHour / kMetersPerMile;
}
constexpr double MilesPerHourToMetersPerSecond(double mph) {
  return mph * kMetersPerMile / kSecondsPerHour;
}

// Stored value -> the number a user sees in their unit, and back.
double ToDisplayWeight(double kg, WeightUnit unit);
double FromDisplayWeight(double shown, WeightUnit unit);      // -> kg
double ToDisplayDistance(double m, DistanceUnit unit);        // km or mi
double FromDisplayDistance(double shown, DistanceUnit unit);  // -> m
double ToDisplaySpeed(double mps, DistanceUnit unit);         // km/h or mph
double FromDisplaySpeed(double shown, DistanceUnit unit);     // -> m/s
double ToDisplayLength(double m, LengthUnit unit);            // cm or in
double FromDisplayLength(double shown, LengthUnit unit);      // -> m

// Rounds `kg` to the nearest multiple of `increment` *in the unit the user lifts in* (2.5 kg
// plates, 5 lb plates) and returns the result in kg, so a pound user sees a round number of
// pounds. Halves round away from zero. A non-positive or non-finite increment returns `kg`.
double RoundWeight(double kg, WeightUnit unit, double increment);

// Pace is seconds per km or per mile. Standing still has no pace: a speed that is not
// positive and finite gives nullopt (and so does a pace that is not positive and finite).
std::optional<double> PaceFromSpeed(double mps, DistanceUnit unit);               // -> s per unit
std::optional<double> SpeedFromPace(double seconds_per_unit, DistanceUnit unit);  // -> m/s
// Pace of a whole effort; nullopt when the distance is not positive or the time not finite.
std::optional<double> PaceFromDistanceAndTime(double m, double seconds, DistanceUnit unit);

}  // namespace vigor::core
