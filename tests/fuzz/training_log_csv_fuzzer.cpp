// The training-log importers (Strong and Hevy CSV exports, features/imports/training_log_csv) on
// any bytes: they read workouts, leaving out rows they cannot read with a RowError, or throw
// LogFormatError for a file they cannot read at all. Nothing else may escape (the import job and
// the dry run catch only that), and every number read must be finite (JSON cannot carry the
// others).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "features/imports/training_log_csv.hpp"

namespace {

namespace imports = vigor::features::imports;

void RequireFinite(const std::optional<double>& value, const char* what) {
  if (value && !std::isfinite(*value)) {
    std::fprintf(stderr, "a parsed set has a %s of %f\n", what, *value);
    std::abort();
  }
}

template <class Parse>
void Check(Parse&& parse) {
  imports::ParsedLog log;
  try {
    log = parse();
  } catch (const imports::LogFormatError&) {
    return;
  }
  for (const auto& workout : log.workouts) {
    for (const auto& block : workout.blocks) {
      for (const auto& set : block.sets) {
        RequireFinite(set.weight_kg, "weight");
        RequireFinite(set.duration_s, "duration");
        RequireFinite(set.distance_m, "distance");
        RequireFinite(set.rpe, "rpe");
        RequireFinite(set.target_weight_kg, "target weight");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using vigor::core::DistanceUnit;
  using vigor::core::WeightUnit;
  Check([&] {
    return imports::ParseStrongCsv(text, WeightUnit::kKilograms, DistanceUnit::kKilometers, "UTC");
  });
  Check([&] {
    return imports::ParseStrongCsv(text, WeightUnit::kPounds, DistanceUnit::kMiles,
                                   "Europe/Berlin");
  });
  Check([&] { return imports::ParseHevyCsv(text, "America/New_York"); });
  return 0;
}
