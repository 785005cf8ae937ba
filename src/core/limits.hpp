#pragma once

#include <cstdint>

// The one set of limits for what a user can record, whatever the way in: the JSON API, CSV
// imports, GPX/TCX/FIT files. Decoders and importers read them from here, never from literals, so
// a value one way in accepts is accepted by all of them (and a value refused is refused by all).
namespace vigor::core::limits {

template <typename T>
struct Range {
  T min;
  T max;
  [[nodiscard]] constexpr bool Contains(T value) const { return value >= min && value <= max; }
};

// A set of strength or cardio work.
inline constexpr Range<std::int64_t> kSetReps{0, 10'000};
inline constexpr Range<double> kSetWeightKg{0, 2'000};
inline constexpr Range<double> kSetDurationS{0, 604'800};     // a week
inline constexpr Range<double> kSetDistanceM{0, 10'000'000};  // 10,000 km
inline constexpr Range<double> kSetRpe{1, 10};
inline constexpr Range<std::int64_t> kSetRir{0, 10};

// An exercise block and a routine item.
inline constexpr Range<std::int64_t> kSupersetGroup{1, 100};
inline constexpr Range<std::int64_t> kRestS{0, 3'600};
inline constexpr int kSetsPerBlock = 100;
inline constexpr int kBlocksPerWorkout = 100;

// A workout.
inline constexpr Range<std::int64_t> kPerceivedEffort{1, 10};
inline constexpr Range<std::int64_t> kHeartRateBpm{20, 260};
inline constexpr Range<double> kWorkoutDurationS{0, 604'800};  // a week

}  // namespace vigor::core::limits
