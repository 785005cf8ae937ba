#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/store/database.hpp"

// What workouts and routines need to know about exercises. The exercises feature answers; the
// composition root wires it in (app/feature_links.cpp), so this feature does not depend on it.
// The functions taking a Session are called inside the caller's transaction, so a check and the
// write that relies on it agree.
namespace vigor::features::workouts {

// Whether `exercise_id` names an exercise `user_id` may log: one of the catalogue or their own.
using ExerciseExists = std::function<bool(
    platform::store::Session& session, const std::string& user_id, const std::string& exercise_id)>;

// Whether `exercise_id` is an exercise of the catalogue shipped with Vigor (the same for
// everyone, unlike a user's own).
using InCatalogue = std::function<bool(const std::string& exercise_id)>;

// The names of exercises, for display: catalogue entries (in `language`, e.g. the profile's
// "de") and the user's own, deleted ones too (past workouts keep them); ids it does not know are
// left out. Answers any number of ids with a constant number of statements, so a page of
// history costs the same whatever its size.
using ExerciseNames = std::function<std::unordered_map<std::string, std::string>(
    platform::store::Session& session, const std::string& user_id,
    const std::vector<std::string>& exercise_ids, const std::string& language)>;

// The ids of exercises (catalogue and the user's own) whose name matches `text` as the exercise
// search does: for the history list's q. At most `limit`, in a constant number of statements.
using ExerciseSearch = std::function<std::vector<std::string>(platform::store::Session& session,
                                                              const std::string& user_id,
                                                              const std::string& text, int limit)>;

// What the workouts feature asks about exercises. `names` and `search` may be left empty: then
// history lines carry no names and q matches titles and notes only.
struct ExerciseLookup {
  ExerciseExists exists;
  ExerciseNames names;
  ExerciseSearch search;
  InCatalogue in_catalogue;  // for routines
};

}  // namespace vigor::features::workouts
