#include "features/body/model.hpp"

namespace vigor::features::body {

bool IsMeasurementKind(std::string_view kind) {
  // ^(weight|body_fat|[a-z][a-z0-9_]{0,39})$ — the first two are covered by the last.
  if (kind.empty() || kind.size() > 40 || kind[0] < 'a' || kind[0] > 'z') return false;
  for (char ch : kind) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<BuiltInMeasurementKind> FindBuiltInMeasurementKind(std::string_view kind) {
  // Ranges wide enough for any adult, narrow enough to catch a value in the wrong unit (a waist
  // of 84 sent as metres rather than 0.84).
  static constexpr BuiltInMeasurementKind kKinds[] = {
      {.kind = "weight", .unit = "kg", .min = 0, .max = 1000, .min_exclusive = true},
      {.kind = "body_fat", .unit = "%", .min = 0, .max = 75},
      {.kind = "waist", .unit = "m", .min = 0.2, .max = 3},
      {.kind = "chest", .unit = "m", .min = 0.3, .max = 3},
      {.kind = "hips", .unit = "m", .min = 0.3, .max = 3},
      {.kind = "neck", .unit = "m", .min = 0.1, .max = 1},
      {.kind = "arm", .unit = "m", .min = 0.05, .max = 1},
      {.kind = "thigh", .unit = "m", .min = 0.1, .max = 1.5},
      {.kind = "calf", .unit = "m", .min = 0.1, .max = 1},
      {.kind = "resting_heart_rate", .unit = "bpm", .min = 20, .max = 250},
  };
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return std::nullopt;
}

}  // namespace vigor::features::body
