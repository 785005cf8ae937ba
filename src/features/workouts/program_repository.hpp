#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "features/workouts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// The SQL of programs and their routine lists. Every method takes the owner. Listing costs two
// statements (programs, then all their entries) however many programs there are, and
// LastDoneRoutines one more. Entries carry
// the routine's name, read in the same statement (null once the routine is deleted).
class ProgramRepository {
 public:
  using Session = platform::store::Session;

  // `rev` is the user's change sequence in programs.

  // Returns the rev. Throws ConstraintViolation when the user has a live program of that name.
  std::int64_t Insert(Session& s, const std::string& user_id, const Program& program);
  // Writes `program` over the user's live program of that id (entries replaced); returns the new
  // rev, nullopt when there is none.
  std::optional<std::int64_t> Replace(Session& s, const std::string& user_id,
                                      const Program& program);
  // Leaves a tombstone and deletes the entries; false when the user has no live program of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);

  // Locks the user's program of that id (if any) until the transaction ends, before it is read
  // to be changed: a concurrent change of it waits, and the read that follows sees the revision
  // that is really current, so If-Match refuses a stale replace even when several instances
  // write (PostgreSQL; SQLite has one writer).
  void LockForChange(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Program> Find(Session& s, const std::string& user_id, const std::string& id);
  // Live programs by name.
  std::vector<Program> List(Session& s, const std::string& user_id);
  // The routine of the user's latest live workout (by started_at) among the routines of each of
  // their live programs: program id -> routine id, programs without such a workout left out. One
  // statement for all programs, or for the one given (`program_id` non-empty).
  std::unordered_map<std::string, std::string> LastDoneRoutines(Session& s,
                                                                const std::string& user_id,
                                                                const std::string& program_id = "");
  // Whether another live program of the user (not `except_id`) has this name, ignoring ASCII case.
  bool NameTaken(Session& s, const std::string& user_id, const std::string& name,
                 const std::string& except_id);

 private:
  void InsertEntries(Session& s, const std::string& user_id, const Program& program);
};

}  // namespace vigor::features::workouts
