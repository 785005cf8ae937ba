#include "app/feature_links.hpp"

#include "core/text_fold.hpp"

namespace vigor::app {

features::workouts::ExerciseLookup ExerciseLookupOf(
    features::exercises::ExerciseService& exercises) {
  using platform::store::Session;
  features::workouts::ExerciseLookup lookup;
  lookup.exists = [&exercises](Session& s, const std::string& user_id,
                               const std::string& exercise_id) {
    return exercises.Exists(s, user_id, exercise_id);
  };
  lookup.names = [&exercises](Session& s, const std::string& user_id,
                              const std::vector<std::string>& ids, const std::string& language) {
    std::unordered_map<std::string, std::string> names;
    for (auto& [id, exercise] : exercises.FindForDisplay(s, user_id, ids, language)) {
      names.emplace(id, std::move(exercise.name));
    }
    return names;
  };
  lookup.search = [&exercises](Session& s, const std::string& user_id, const std::string& text,
                               int limit) {
    std::vector<std::string> ids;
    // The exercise search lists everything for a text without words ("%"): match none.
    if (core::SearchWords(text).empty()) return ids;
    for (auto& e : exercises.Search(s, user_id, {.text = text, .limit = limit}).items) {
      ids.push_back(std::move(e.id));
    }
    return ids;
  };
  lookup.in_catalogue = [&exercises](const std::string& exercise_id) {
    return exercises.catalog().Find(exercise_id) != nullptr;
  };
  return lookup;
}

features::imports::ProfileTimeZone ProfileTimeZoneOf(features::accounts::AccountService& accounts) {
  return [&accounts](platform::store::Session& s, const std::string& user_id) {
    return accounts.TimeZoneOf(s, user_id);
  };
}

features::accounts::TrainingProfileLookup TrainingProfileOf(
    features::accounts::AccountService& accounts) {
  return [&accounts](platform::store::Session& s, const std::string& user_id) {
    return accounts.TrainingProfileOf(s, user_id);
  };
}

}  // namespace vigor::app
