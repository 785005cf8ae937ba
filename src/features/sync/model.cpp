#include "features/sync/model.hpp"

namespace vigor::features::sync {

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kWorkout:
      return "workout";
    case ChangeKind::kRoutine:
      return "routine";
    case ChangeKind::kProgram:
      return "program";
    case ChangeKind::kMeasurement:
      return "measurement";
    case ChangeKind::kGoal:
      return "goal";
    case ChangeKind::kDiaryItem:
      return "diary_item";
    case ChangeKind::kRecipe:
      return "recipe";
    case ChangeKind::kExercise:
      break;
  }
  return "exercise";
}

}  // namespace vigor::features::sync
