#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "features/exercises/catalog.hpp"
#include "features/exercises/custom_exercise_repository.hpp"
#include "features/exercises/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::exercises {

// The exercise use cases: search the catalogue and the caller's own exercises, and manage the
// latter. Catalogue entries are read-only (kForbidden on a change: copy one as your own);
// another user's custom exercise does not exist for the caller (kNotFound).
class ExerciseService {
 public:
  using Session = platform::store::Session;

  ExerciseService(platform::store::Database& database, std::shared_ptr<const Catalog> catalog)
      : database_(database), catalog_(std::move(catalog)) {}

  // ---- the API -----------------------------------------------------------------------------
  // Catalogue entries are answered in the caller's profile language (`caller.locale`, which the
  // authentication read with the session or token), English when the catalogue lacks it.
  // `query.language` is ignored here.
  ExercisePage Search(const platform::auth::Principal& caller, const ExerciseQuery& query);
  Exercise Get(const platform::auth::Principal& caller, const std::string& id);
  Exercise Create(const platform::auth::Principal& caller, const ExerciseInput& input);
  Exercise Update(const platform::auth::Principal& caller, const std::string& id,
                  const ExerciseInput& input);
  void Delete(const platform::auth::Principal& caller, const std::string& id);

  // ---- for other features (workouts, routines, records), inside the caller's transaction ----
  // The same search in `s`, in `query.language`: a constant number of statements per page,
  // whatever its size. Pages hold at most 1000 items. Throws kValidation (fields "q", "cursor")
  // like the API.
  ExercisePage Search(Session& s, const std::string& user_id, const ExerciseQuery& query);
  // A catalogue slug, or one of the user's live custom exercises.
  bool Exists(Session& s, const std::string& user_id, const std::string& exercise_id);
  // The same, with its details (in `language`); nullopt when it does not exist for this user.
  std::optional<Exercise> Find(Session& s, const std::string& user_id,
                               const std::string& exercise_id, std::string_view language = "en");
  // Many at once, for display (one statement for any number of ids): catalogue entries and the
  // user's custom exercises, deleted ones included (`deleted_at` set) since past workouts keep
  // their sets. Ids that are neither are absent from the map. Catalogue entries come in
  // `language` (a user's own exercises have the one name they gave).
  std::unordered_map<std::string, Exercise> FindForDisplay(Session& s, const std::string& user_id,
                                                           const std::vector<std::string>& ids,
                                                           std::string_view language = "en");
  // The name to show for an id, deleted custom exercises included; nullopt when unknown.
  std::optional<std::string> NameOf(Session& s, const std::string& user_id,
                                    const std::string& exercise_id);

  const Catalog& catalog() const { return *catalog_; }

 private:
  Exercise Validated(const ExerciseInput& input, Exercise into) const;

  platform::store::Database& database_;
  std::shared_ptr<const Catalog> catalog_;
  CustomExerciseRepository custom_;
};

}  // namespace vigor::features::exercises
