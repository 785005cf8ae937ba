#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::features::sync {

// The kinds of a user's rows the change feed reports, as named on the wire.
enum class ChangeKind {
  kWorkout,
  kRoutine,
  kProgram,
  kMeasurement,
  kExercise,
  kGoal,
  kDiaryItem,
  kRecipe
};

std::string_view ChangeKindName(ChangeKind kind);

// Which kinds a caller may see: a token sees only what its read scopes cover.
struct ChangeKinds {
  bool training = false;   // workouts, routines, programs, own exercises, goals (workouts:read)
  bool body = false;       // measurements (body:read)
  bool nutrition = false;  // diary items and recipes (nutrition:read)
};

// One of the user's rows at its newest revision; `deleted` when it is a tombstone.
struct Change {
  ChangeKind kind = ChangeKind::kWorkout;
  std::string id;
  std::int64_t rev = 0;
  bool deleted = false;
  std::string updated_at;  // RFC 3339 UTC; for a tombstone, when it was deleted
};

// A page of the feed: the changes after `since`, oldest first.
struct ChangePage {
  std::vector<Change> items;
  std::int64_t next_since = 0;  // the rev of the last item, or `since` when there is none
  bool has_more = false;
  std::int64_t latest_rev = 0;  // the user's counter: the client is current once it got here
};

}  // namespace vigor::features::sync
