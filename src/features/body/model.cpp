#include "features/body/model.hpp"

#include "core/limits.hpp"

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
  // The ranges are core/limits.hpp's, where every recorded value's limits are.
  namespace limits = core::limits;
  auto kind_of = [](std::string_view name, std::string_view unit, limits::Range<double> range,
                    bool min_exclusive = false) {
    return BuiltInMeasurementKind{.kind = name,
                                  .unit = unit,
                                  .min = range.min,
                                  .max = range.max,
                                  .min_exclusive = min_exclusive};
  };
  static const BuiltInMeasurementKind kKinds[] = {
      kind_of("weight", "kg", limits::kBodyWeightKg, true),
      kind_of("body_fat", "%", limits::kBodyFatPercent),
      kind_of("waist", "m", limits::kWaistM),
      kind_of("chest", "m", limits::kChestM),
      kind_of("hips", "m", limits::kHipsM),
      kind_of("neck", "m", limits::kNeckM),
      kind_of("arm", "m", limits::kArmM),
      kind_of("thigh", "m", limits::kThighM),
      kind_of("calf", "m", limits::kCalfM),
      kind_of("resting_heart_rate", "bpm", limits::kRestingHeartRateBpm),
  };
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return std::nullopt;
}

}  // namespace vigor::features::body
