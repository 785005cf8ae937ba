#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/exercises/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::exercises {

// Where a page of a name-ordered list starts: after this (search key, id).
struct SortPosition {
  std::string key;
  std::string id;
};

// What the SQL search of custom exercises filters on: already folded and split by the service.
struct CustomSearch {
  std::vector<std::string> words;  // each a prefix of some word of the name; at most kMaxWords
  std::optional<Muscle> muscle;    // among the primary muscles
  std::optional<Equipment> equipment;
  std::optional<Category> category;
  SortPosition after;  // empty key: from the start
  int limit = 50;

  static constexpr std::size_t kMaxWords = 6;
};

// A row with the key it is sorted by (custom_exercises.name_folded).
struct KeyedExercise {
  std::string key;
  Exercise exercise;
};

// The SQL of custom_exercises. Every method takes the owner: there is no way to reach another
// user's rows. Rows are never deleted here: a deletion leaves a tombstone (deleted_at).
class CustomExerciseRepository {
 public:
  using Session = platform::store::Session;

  // Stores `e` (id, user_id, timestamps set by the caller) with the user's next rev.
  void Insert(Session& s, const Exercise& e);
  // Replaces the editable fields of a live row; false when there is none.
  bool Update(Session& s, const Exercise& e);
  // Turns a live row into a tombstone; false when there is none.
  bool MarkDeleted(Session& s, const std::string& user_id, const std::string& id,
                   const std::string& now);

  std::optional<Exercise> FindLive(Session& s, const std::string& user_id, const std::string& id);
  // The live exercise of that search key (core::SearchKey of a name), if any.
  std::optional<std::string> LiveIdByKey(Session& s, const std::string& user_id,
                                         const std::string& key);
  // The search key of any of the user's rows, tombstones included: where a cursor points.
  std::optional<std::string> KeyOf(Session& s, const std::string& user_id, const std::string& id);
  // The user's rows with these ids, tombstones included, in one statement.
  std::vector<Exercise> FindMany(Session& s, const std::string& user_id,
                                 const std::vector<std::string>& ids);
  // Live rows matching `search`, ordered by (search key, id), at most `search.limit`.
  std::vector<KeyedExercise> Search(Session& s, const std::string& user_id,
                                    const CustomSearch& search);
};

}  // namespace vigor::features::exercises
