#pragma once

#include <string>
#include <vector>

#include "features/workouts/model.hpp"
#include "platform/store/database.hpp"

// How rows of the workout tables read into the model, by column name: shared by the log's reads
// (workout_repository.cpp) and its aggregate reads (workout_aggregate_reads.cpp). Internal to
// the workouts feature.
namespace vigor::features::workouts {

// "a b c" (ids or names joined by spaces, which they never hold) -> {"a", "b", "c"}.
std::vector<std::string> SplitIds(const std::string& joined);

WorkoutSet WorkoutSetFromRow(const platform::store::Row& r);
WorkoutBlock WorkoutBlockFromRow(const platform::store::Row& r);
// Only for a cardio workout's row (kind 'cardio').
Cardio CardioFromRow(const platform::store::Row& r);
Totals TotalsFromRow(const platform::store::Row& r);
// What a history line needs (workout_repository.cpp's VIGOR_WORKOUT_SUMMARY_COLUMNS).
WorkoutSummary WorkoutSummaryFromRow(const platform::store::Row& r);
// The workout without its blocks (they are rows of their own).
Workout WorkoutFromRow(const platform::store::Row& r);
WorkoutHead WorkoutHeadFromRow(const platform::store::Row& r);

}  // namespace vigor::features::workouts
