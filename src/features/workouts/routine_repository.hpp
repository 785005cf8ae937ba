#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/workouts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// The SQL of routines and their items. Every method takes the owner. Listing costs two
// statements (routines, then all their items) however many routines there are.
class RoutineRepository {
 public:
  using Session = platform::store::Session;

  // `rev` is the user's change sequence in routines, as for workouts.

  // Returns the rev. Throws ConstraintViolation when the user has a live routine of that name.
  std::int64_t Insert(Session& s, const std::string& user_id, const Routine& routine);
  // Writes `routine` over the user's live routine of that id (items replaced); returns the new
  // rev, nullopt when there is none.
  std::optional<std::int64_t> Replace(Session& s, const std::string& user_id,
                                      const Routine& routine);
  // Leaves a tombstone and deletes the items; false when the user has no live routine of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);

  // Locks the user's routine of that id (if any) until the transaction ends, before it is read
  // to be changed: a concurrent change of it waits, and the read that follows sees the revision
  // that is really current, so If-Match refuses a stale replace even when several instances
  // write (PostgreSQL; SQLite has one writer).
  void LockForChange(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Routine> Find(Session& s, const std::string& user_id, const std::string& id);
  // Live routines by name.
  std::vector<Routine> List(Session& s, const std::string& user_id);
  // Whether another live routine of the user (not `except_id`) has this name, ignoring ASCII case.
  bool NameTaken(Session& s, const std::string& user_id, const std::string& name,
                 const std::string& except_id);
  // Whether the user has a live routine of that id.
  bool IsLive(Session& s, const std::string& user_id, const std::string& id);
  // Whether the routine is the user's, live or deleted (workouts keep pointing at old routines).
  bool Owns(Session& s, const std::string& user_id, const std::string& id);

  // Templates: live public routines of any user, with the author's username. Not scoped to an
  // owner: visibility is the scope. Newest first, keyset after `after`; two statements a page.
  std::optional<RoutineTemplate> FindPublic(Session& s, const std::string& id);
  std::vector<RoutineTemplate> ListPublic(Session& s, const std::optional<TemplateCursor>& after,
                                          int limit);

 private:
  void InsertItems(Session& s, const std::string& user_id, const Routine& routine);
};

}  // namespace vigor::features::workouts
