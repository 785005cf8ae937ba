#pragma once

#include <optional>
#include <string_view>

// Energy spent in exercise from MET values (metabolic equivalents: the rate of energy use as a
// multiple of sitting at rest, 1 MET = 1 kcal per kg of body weight per hour) of the 2011
// Compendium of Physical Activities: Ainsworth BE, Haskell WL, Herrmann SD, et al. "2011
// Compendium of Physical Activities: a second update of codes and MET values." Med Sci Sports
// Exerc 2011;43(8):1575-1581. Every value below names its five-digit Compendium code. The table is
// small and lives in nutrition_met.cpp.
namespace vigor::core {

struct MetValue {
  double met = 0;
  std::string_view compendium_code;  // e.g. "12050"
  std::string_view description;      // the Compendium's own words
};

// The MET value of a cardio workout by its sport (the API's keys: run, ride, walk, hike, swim, row,
// ski, elliptical; "other" and unknown keys give nullopt: there is no honest single value).
// Where the Compendium lists values by speed (run, ride, walk, and front-crawl swimming) and the
// average speed is known (> 0, in m/s), the value is that of the fastest listed speed at or below
// it ("running, 6 mph" for 10 km/h = 6.2 mph): it never credits a speed the workout did not reach.
// Below the slowest listed speed the slowest entry is used. Without a speed each sport has a
// general value: run 12150 running (8.0), ride 01015 bicycling, general (7.5), walk 17160 walking
// for pleasure (3.5), swim 18240 laps, freestyle, light or moderate (5.8). Sports without
// speed-dependent values always get their general one: hike 17080 (6.0), row 02070 rowing,
// stationary ergometer, general (6.0), ski 19075 skiing, general (7.0; cross-country and alpine
// speeds mean different things), elliptical 02048 (5.0).
std::optional<MetValue> CardioMet(std::string_view sport, std::optional<double> average_speed_mps);

// Resistance training: moderate is 02054 "resistance (weight) training, multiple exercises, 8-15
// repetitions at varied resistance" (3.5); vigorous is 02050 "resistance training ... power
// lifting or body building, vigorous effort" (6.0).
enum class StrengthEffort { kModerate, kVigorous };
MetValue StrengthMet(StrengthEffort effort);

// Gross energy, MET x kg x hours, what most apps (and the Compendium's own examples) report: it
// includes the resting energy the body would have used anyway. Net subtracts that 1 MET,
// (MET - 1) x kg x hours: use it when adding exercise to a budget whose maintenance already counts
// resting energy for those hours (the activity factor of nutrition_energy.hpp covers the whole
// day). nullopt when met is not in [1, 100), the weight is not in (0, 1000] kg or the duration is
// negative or more than a week (limits::kWorkoutDurationS).
enum class ExerciseEnergyBasis { kGross, kNet };
std::optional<double> ExerciseEnergyKcal(double met, double weight_kg, double duration_s,
                                         ExerciseEnergyBasis basis = ExerciseEnergyBasis::kGross);

}  // namespace vigor::core
